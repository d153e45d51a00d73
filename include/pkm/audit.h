/* The audit trail: triggers made from the schema record every insert, update
 * and delete of the audited tables (who, when, which row, old and new values)
 * in the same transaction; log-ins and exports are recorded by pkm itself. */
#ifndef PKM_AUDIT_H
#define PKM_AUDIT_H
#include <sqlite3.h>
#include <stdio.h>
#include "pkm/dict.h"
#include "pkm/util.h"

/* Create or renew the audit triggers of every audited table whose triggers are
 * missing or out of date with its columns. Run by pkm_open after migrating. */
int audit_install(sqlite3 *db, struct sbuf *err);
/* Warnings for the administrator not yet shown (a guard of the trail found
 * missing and put back, ids missing), joined into out; marks them shown.
 * Returns how many, -1 on a database error. */
int audit_warnings(sqlite3 *db, struct sbuf *out);
/* Leave a warning for the administrator's next log-in; 0 on success. */
int audit_warn(sqlite3 *db, const char *message);
/* 1 for a column whose values never enter the trail (only that it changed). */
int audit_column_secret(const char *column);
/* 1 when changes to `table` are recorded. */
int audit_table_audited(const char *table);

/* How a row of a table leads to its patient: the table is pasien, or has a
 * pasien_id, kunjungan_id or resep_id column (the first that applies). */
enum patient_link { LINK_NONE, LINK_SELF, LINK_PATIENT, LINK_VISIT, LINK_PRESCRIPTION };
enum patient_link table_patient_link(sqlite3 *db, const char *table);
/* That link as SQL, with %1$s for the row (NEW, OLD, a table alias). */
extern const char *const patient_link_sql[];

/* Record an event (MASUK, GAGAL, EKSPOR, GABUNG) inside the caller's write
 * transaction; audit_event does it in a transaction of its own. */
int audit_record(sqlite3 *db, const char *aksi, const char *table, long row, long pasien_id, const char *detail);
/* The same for the rows row..last of one table (a bulk import). */
int audit_record_range(sqlite3 *db, const char *aksi, const char *table, long row, long last, long pasien_id,
		       const char *detail);
int audit_event(sqlite3 *db, const char *aksi, const char *table, long row, long pasien_id, const char *detail,
		struct sbuf *err);

struct audit_filter {
	const char *no_rm;	/* a patient's No. RM, or NULL */
	const char *user;	/* a user name, or NULL */
	const char *from, *to;	/* YYYY-MM-DD, or NULL */
};
/* Dates as people type them (DD-MM-YYYY, DD/MM/YYYY or YYYY-MM-DD; NULL or ""
 * for none) into iso and the filter's from and to; a message under "from" or
 * "to" for one that is no date (audit_filter_check then refuses the filter). */
void audit_filter_dates(struct audit_filter *f, const char *from, const char *to, char iso[2][11],
			struct field_errors *fe);
/* Check a filter: messages under "patient", "user", "from", "to". */
int audit_filter_check(sqlite3 *db, const struct audit_filter *f, struct field_errors *fe);
/* One entry of the trail as the viewer lists it: an event, or one row a save
 * changed (entries of one save share its id, time, user and patient). */
struct audit_entry {
	long id;
	char waktu[24], pengguna[64], aksi[16], tabel[40], baris[48], no_rm[24];
	char *lama, *baru;	/* allocated: freed with the list */
};
struct audit_list {
	struct audit_entry *e;
	int n, cap;
};
/* Append to `out` the entries of up to `rows` matching trail rows older than
 * id `before` (0 = from the newest), newest row first. The rows read, -1 on
 * error (nothing appended). */
int audit_page(sqlite3 *db, const struct audit_filter *f, long before, int rows, struct audit_list *out,
	       struct sbuf *err);
/* Drop the entries from index n on; free all. */
void audit_list_cut(struct audit_list *l, int n);
void audit_list_free(struct audit_list *l);
/* Write the matching entries, oldest first, as text lines to `out` (a memory
 * stream or a file); the number written, or -1. */
long audit_write(sqlite3 *db, const struct audit_filter *f, FILE *out, struct sbuf *err);

#endif
