/* The trail as a reader sees it (a save read back as the rows it changed),
 * for tests that look for an entry. */
#ifndef TEST_TRAIL_H
#define TEST_TRAIL_H
#include <string.h>
#include "pkm/audit.h"

/* Entries with this aksi and tabel, by `user` when given, whose old and new
 * values contain in_lama and in_baru when given. */
static inline int trail_count(sqlite3 *db, const char *aksi, const char *tabel, const char *user,
			      const char *in_lama, const char *in_baru)
{
	struct audit_list l = { 0 };
	struct audit_filter all = { 0 };
	struct sbuf err = { 0 };
	while (audit_page(db, &all, l.n ? l.e[l.n - 1].id : 0, 100, &l, &err) > 0)
		;
	int n = 0;
	for (int i = 0; i < l.n; i++) {
		const struct audit_entry *e = &l.e[i];
		n += strcmp(e->aksi, aksi) == 0 && strcmp(e->tabel, tabel) == 0 && (!user || strcmp(e->pengguna, user) == 0) &&
		     (!in_lama || strstr(e->lama, in_lama)) && (!in_baru || strstr(e->baru, in_baru));
	}
	audit_list_free(&l);
	sb_free(&err);
	return n;
}
#endif
