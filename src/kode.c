/* pkm impor kfa | icd9 and the pickers' search over those lists. */
#include "pkm/kode.h"
#include "pkm/db.h"
#include "pkm/icd_list.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const struct list_def {
	const char *table, *label, *example;
	int has_form;
	size_t max_code;
} defs[] = {
	[KODE_KFA] = { "kfa", "KFA", "93001019", 1, 30 },
	[KODE_ICD9] = { "icd9", "ICD-9-CM", "86.59", 0, 7 },
};

int icd9_normalize(const char *in, char out[8])
{
	char d[8];
	int n = 0, dot = -1;
	for (const char *p = in; *p; p++) {
		if (*p == ' ')
			continue;
		if (*p == '.' && dot < 0 && n == 2) {
			dot = n;
			continue;
		}
		if (!isdigit((unsigned char)*p) || n >= 4)
			return -1;
		d[n++] = *p;
	}
	if (n < 2 || (dot >= 0 && n == 2))
		return -1;
	memcpy(out, d, 2);
	if (n == 2) {
		out[2] = '\0';
		return 0;
	}
	out[2] = '.';
	memcpy(out + 3, d + 2, (size_t)n - 2);
	out[n + 1] = '\0';
	return 0;
}

/* The code of a row in its normal form into out; -1 when it is not a code of the list. */
static int code_ok(enum kode_list list, const char *in, char *out, size_t size)
{
	if (list == KODE_ICD9) {
		char c[8];
		if (icd9_normalize(in, c) != 0)
			return -1;
		str_copy(out, size, c);
		return 0;
	}
	size_t n = strlen(in);
	if (n < 3 || n > defs[list].max_code || strspn(in, "0123456789") != n)
		return -1;
	str_copy(out, size, in);
	return 0;
}

static int upsert(sqlite3 *db, enum kode_list list, const char *kode, const char *nama, const char *bentuk, int *fresh)
{
	int kfa = list == KODE_KFA;
	*fresh = !db_query_text_exists(db, kfa ? "SELECT 1 FROM kfa WHERE kode = ?" : "SELECT 1 FROM icd9 WHERE kode = ?",
				       kode);
	sqlite3_stmt *st = db_stmt(db, kfa ? "INSERT INTO kfa (kode, nama, nama_cari, bentuk) VALUES (?1, ?2, lower(?2), ?3) "
					     "ON CONFLICT (kode) DO UPDATE SET nama = excluded.nama, "
					     "nama_cari = excluded.nama_cari, bentuk = excluded.bentuk"
					   : "INSERT INTO icd9 (kode, nama, nama_cari) VALUES (?1, ?2, lower(?2)) "
					     "ON CONFLICT (kode) DO UPDATE SET nama = excluded.nama, nama_cari = excluded.nama_cari",
				   NULL);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, kode, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, nama, -1, SQLITE_STATIC);
	if (kfa)
		sqlite3_bind_text(st, 3, bentuk, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int kode_import(sqlite3 *db, enum kode_list list, const char *path, const struct sheet_opts *o, struct sbuf *done,
		struct sbuf *err)
{
	const struct list_def *def = &defs[list];
	static const char *const required[] = { "kode", "nama", NULL };
	struct sheet_opts opts = o ? *o : (struct sheet_opts){ 0 };
	opts.any_sep = 1;
	struct sheet s;
	if (sheet_read(&s, path, required, &opts, err) != 0 || begin_check(&s, db) != 0)
		return finish_errors(&s);
	int c_code = col_of(&s, "kode"), c_name = col_of(&s, "nama"), c_form = def->has_form ? col_of(&s, "bentuk") : -1;
	char (*codes)[32] = xcalloc((size_t)s.nrows + 1, sizeof *codes);
	const char **keys = xcalloc((size_t)s.nrows + 1, sizeof *keys);
	for (int r = 0; r < s.nrows; r++) {
		const char *name = cell(&s, r, c_name), *form = cell(&s, r, c_form);
		if (code_ok(list, cell(&s, r, c_code), codes[r], sizeof codes[r]) != 0)
			problem(&s, s.lines[r], "kode", "kode %s tidak sah: '%.32s' (contoh: %s)", def->label,
				cell(&s, r, c_code), def->example);
		if (!*name || utf8_width(name) > 200)
			problem(&s, s.lines[r], "nama", "wajib diisi, paling banyak 200 karakter");
		if (utf8_width(form) > 60)
			problem(&s, s.lines[r], "bentuk", "paling banyak 60 karakter");
		keys[r] = codes[r];
	}
	same_twice(&s, keys, "kode", "kode", 1);
	free(keys);
	int fresh_n = 0;
	if (!s.nerr && begin_write(&s, db, 0) == 0) {
		for (int r = 0; r < s.nrows && !s.nerr; r++) {
			int fresh;
			if (upsert(db, list, codes[r], cell(&s, r, c_name), cell(&s, r, c_form), &fresh) != 0)
				problem(&s, s.lines[r], NULL, "tidak tersimpan: %s", sqlite3_errmsg(db));
			fresh_n += fresh;
		}
		char made[120];
		snprintf(made, sizeof made, "%d kode baru, %d diperbarui", fresh_n, s.nrows - fresh_n);
		end_write(&s, db, def->table, 0, 0, made);
	} else {
		db_rollback(db);
	}
	free(codes);
	if (s.nerr)
		return finish_errors(&s);
	sb_printf(done, "%s: %d kode %s (%d baru, %d diperbarui)\n", path, s.nrows, def->label, fresh_n,
		  s.nrows - fresh_n);
	sheet_free(&s);
	return 0;
}

static void entry_read(sqlite3_stmt *st, struct kode_entry *e)
{
	db_col_text(st, 0, e->kode, sizeof e->kode);
	db_col_text(st, 1, e->nama, sizeof e->nama);
	db_col_text(st, 2, e->bentuk, sizeof e->bentuk);
}

int kode_search(sqlite3 *db, enum kode_list list, const char *query, struct kode_entry *out, int max)
{
	char words[6][32];
	int n = icd_query_words(query, 1, words);
	if (!n)
		return 0;
	int by_code = isdigit((unsigned char)words[0][0]);
	char code[8];
	if (by_code && list == KODE_ICD9 && icd9_normalize(words[0], code) == 0)
		str_copy(words[0], sizeof words[0], code);	/* "8659" finds 86.59 */
	/* the first word narrows the rows read: a KFA list has tens of thousands */
	char sql[300], like[40];
	snprintf(sql, sizeof sql, "SELECT kode, nama, %s FROM %s WHERE %s LIKE ?1 ORDER BY kode",
		 defs[list].has_form ? "bentuk" : "''", defs[list].table, by_code ? "kode" : "nama_cari");
	snprintf(like, sizeof like, by_code ? "%s%%" : "%%%s%%", words[0]);
	sqlite3_stmt *st = db_prepare(db, sql, NULL);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, like, -1, SQLITE_STATIC);
	int found = 0, rc = SQLITE_DONE;
	while (found < max && (rc = sqlite3_step(st)) == SQLITE_ROW)
		if (by_code || icd_words_match((const char *)sqlite3_column_text(st, 1), words, n))
			entry_read(st, &out[found++]);
	if (found == max)
		rc = SQLITE_DONE;
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? found : -1;
}

int kode_get(sqlite3 *db, enum kode_list list, const char *kode, struct kode_entry *out)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT kode, nama, %s FROM %s WHERE kode = ?", defs[list].has_form ? "bentuk" : "''",
		 defs[list].table);
	sqlite3_stmt *st = db_prepare(db, sql, NULL);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, kode, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		entry_read(st, out);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}
