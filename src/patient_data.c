/* All of one patient's rows: the export for the data subject's right of access
 * (UU 27/2022) and the merge of a duplicate record into the one kept. Tables
 * are found from the schema (table_patient_link), so a new form's table is
 * exported and merged without a change here. */
#include "pkm/patient_data.h"
#include "pkm/audit.h"
#include "pkm/db.h"
#include <string.h>

#define MAX_TABLES 64

struct patient_table {
	char name[64];
	enum patient_link link;
};

/* Every table holding rows of a patient, pasien and kunjungan first; -1 (err)
 * when they cannot all be read: an export or merge that missed one would lie. */
static int patient_tables(sqlite3 *db, struct patient_table *out, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY "
					  "name <> 'pasien', name <> 'kunjungan', name", err);
	if (!st)
		return -1;
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		enum patient_link link = audit_table_audited(t) && str_is_ident(t) ? table_patient_link(db, t) : LINK_NONE;
		if (link == LINK_NONE)
			continue;
		if (n == MAX_TABLES) {
			sb_printf(err, "lebih dari %d tabel berisi data pasien: tidak dikerjakan", MAX_TABLES);
			sqlite3_finalize(st);
			return -1;
		}
		str_copy(out[n].name, sizeof out[n].name, t);
		out[n++].link = link;
	}
	return db_finish(db, st, rc, err) == 0 ? n : -1;
}

/* SELECT * FROM t WHERE <t's patient> = ?1 */
static sqlite3_stmt *rows_of(sqlite3 *db, const struct patient_table *t, long pasien_id, struct sbuf *err)
{
	struct sbuf sql = { 0 };
	sb_printf(&sql, "SELECT * FROM \"%s\" AS t WHERE ", t->name);
	sb_printf(&sql, patient_link_sql[t->link], "t");
	sb_add(&sql, " = ?1 ORDER BY t.rowid");
	sqlite3_stmt *st = db_prepare(db, sb_str(&sql), err);
	sb_free(&sql);
	if (st)
		sqlite3_bind_int64(st, 1, pasien_id);
	return st;
}

int patient_export(sqlite3 *db, const char *no_rm, FILE *out, struct sbuf *err)
{
	struct patient p;
	if (patient_by_rm(db, no_rm, &p) != 1) {
		sb_printf(err, "tidak ada pasien dengan No. RM %s", no_rm);
		return -1;
	}
	/* the access itself is recorded first: an export cut short still counts */
	if (audit_event(db, "EKSPOR", "pasien", p.id, p.id, "semua data pasien", err) != 0)
		return -1;
	fprintf(out, "Data pasien No. RM %s (UU 27/2022: hak akses subjek data)\n", p.no_rm);
	struct patient_table tables[MAX_TABLES];
	/* one read snapshot: every table as of the same moment */
	int snap = db_read_begin(db, err);
	int n = snap < 0 ? -1 : patient_tables(db, tables, err), rc = n < 0 ? -1 : 0;
	for (int i = 0; i < n && rc == 0; i++) {
		const char *name = tables[i].name;
		sqlite3_stmt *st = rows_of(db, &tables[i], p.id, err);
		if (!st) {
			rc = -1;
			break;
		}
		int rows = 0, step;
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			rows++;
			fprintf(out, "%s[%s #%d]\n", rows > 1 ? "" : "\n", name, rows);
			for (int c = 0; c < sqlite3_column_count(st); c++) {
				const unsigned char *v = sqlite3_column_text(st, c);
				const char *col = sqlite3_column_name(st, c);
				struct column_def def;
				if (v)	/* the dictionary's label where it has one, for the reader */
					fprintf(out, "  %s: %s\n", dict_get(db, name, col, &def) == 0 ? def.label : col, v);
			}
		}
		if (step != SQLITE_DONE) {
			sb_printf(err, "%s tidak terbaca: %s", name, sqlite3_errmsg(db));
			rc = -1;
		}
		sqlite3_finalize(st);
	}
	if (rc == 0) {
		fprintf(out, "\n[riwayat akses dan perubahan]\n");
		struct audit_filter f = { p.no_rm, NULL, NULL, NULL };
		rc = audit_write(db, &f, out, err) < 0 ? -1 : 0;
	}
	if (db_read_end(db, snap, rc == 0 ? err : NULL) != 0)
		rc = -1;
	return rc;
}

/* Run a statement with ?1 = a and, when it has one, ?2 = b. */
static int exec_ids(sqlite3 *db, const char *sql, long a, long b)
{
	sqlite3_stmt *st = db_prepare(db, sql, NULL);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, a);
	if (sqlite3_bind_parameter_count(st) > 1)
		sqlite3_bind_int64(st, 2, b);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

/* 1 when a visit has rows in any table that hangs from visits. */
static int visit_has_records(sqlite3 *db, const struct patient_table *tables, int n, long visit, struct sbuf *err)
{
	int found = 0;
	for (int i = 0; i < n && !found; i++) {
		if (tables[i].link != LINK_VISIT)
			continue;
		struct sbuf q = { 0 };
		sb_printf(&q, "SELECT 1 FROM \"%s\" WHERE kunjungan_id = ?", tables[i].name);
		sqlite3_stmt *st = db_prepare(db, sb_str(&q), err);
		sb_free(&q);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, visit);
		found = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
	}
	return found;
}

/* A visit of the duplicate on a day and unit where the kept patient has one
 * too: an empty one is dropped; one with records stops the merge. */
static int same_day_visits(sqlite3 *db, const struct patient_table *tables, int n, long keep, long dup,
			   struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT d.id, d.tanggal, d.unit FROM kunjungan d JOIN kunjungan k ON "
					  "k.pasien_id = ?1 AND k.tanggal = d.tanggal AND k.unit = d.unit WHERE d.pasien_id = ?2",
				      err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, keep);
	sqlite3_bind_int64(st, 2, dup);
	int rc = 0, step;
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		long visit = (long)sqlite3_column_int64(st, 0);
		int full = visit_has_records(db, tables, n, visit, err);
		char day[11];
		if (full == 1)
			sb_printf(err, "kedua pasien punya kunjungan berisi data pada %s di unit %s; hapus yang dobel dulu",
				  date_show((const char *)sqlite3_column_text(st, 1), day), sqlite3_column_text(st, 2));
		rc = full != 0 ? -1 : exec_ids(db, "DELETE FROM kunjungan WHERE id = ?1", visit, 0);
	}
	if (rc != 0) {
		sqlite3_finalize(st);
		return rc;
	}
	return db_finish(db, st, step, err);	/* a merge that missed a visit would double it */
}

/* Identifiers and address only the duplicate has go to the kept record (the
 * NIK is unique: taken off the duplicate first). */
static int take_identifiers(sqlite3 *db, const struct patient *keep, const struct patient *dup)
{
	if (!keep->nik[0] && dup->nik[0]) {
		if (exec_ids(db, "UPDATE pasien SET nik = NULL WHERE id = ?1", dup->id, 0) != 0)
			return -1;
		sqlite3_stmt *st = db_prepare(db, "UPDATE pasien SET nik = ? WHERE id = ?", NULL);
		if (!st)
			return -1;
		sqlite3_bind_text(st, 1, dup->nik, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, keep->id);
		int rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return -1;
	}
	return exec_ids(db, "UPDATE pasien SET no_bpjs = coalesce(no_bpjs, (SELECT no_bpjs FROM pasien WHERE id = ?2)), "
			    "alamat = iif(alamat = '', (SELECT alamat FROM pasien WHERE id = ?2), alamat), "
			    "desa = iif(desa = '', (SELECT desa FROM pasien WHERE id = ?2), desa), "
			    /* the village's code and mark go with its text (the old row's desa on every side) */
			    "desa_kode = iif(desa = '', (SELECT desa_kode FROM pasien WHERE id = ?2), desa_kode), "
			    "desa_luar = iif(desa = '', (SELECT desa_luar FROM pasien WHERE id = ?2), desa_luar) WHERE id = ?1",
			keep->id, dup->id);
}

int patient_merge(sqlite3 *db, const char *keep_rm, const char *dup_rm, struct sbuf *err)
{
	struct patient keep, dup;
	int found_keep = patient_by_rm(db, keep_rm, &keep) == 1;
	if (!found_keep || patient_by_rm(db, dup_rm, &dup) != 1) {
		sb_printf(err, "tidak ada pasien dengan No. RM %s", found_keep ? dup_rm : keep_rm);
		return -1;
	}
	if (keep.id == dup.id) {
		sb_printf(err, "pasien tidak dapat digabung dengan dirinya sendiri");
		return -1;
	}
	if (db_begin(db) != 0) {
		sb_printf(err, "%s", db_busy_text(db));
		return -1;
	}
	struct patient_table tables[MAX_TABLES];
	int n = patient_tables(db, tables, err);
	int rc = n < 0 ? -1 : same_day_visits(db, tables, n, keep.id, dup.id, err);
	/* rows naming the patient move; the rest follow their visit */
	for (int i = 0; i < n && rc == 0; i++) {
		if (tables[i].link != LINK_PATIENT)
			continue;
		struct sbuf q = { 0 };
		sb_printf(&q, "UPDATE \"%s\" SET pasien_id = ?1 WHERE pasien_id = ?2", tables[i].name);
		rc = exec_ids(db, sb_str(&q), keep.id, dup.id);
		sb_free(&q);
	}
	if (rc == 0)
		rc = take_identifiers(db, &keep, &dup);
	if (rc == 0)
		rc = exec_ids(db, "DELETE FROM pasien WHERE id = ?1", dup.id, 0);
	if (rc == 0) {
		char why[96];
		snprintf(why, sizeof why, "No. RM %s digabung ke %s", dup.no_rm, keep.no_rm);
		rc = audit_record(db, "GABUNG", "pasien", keep.id, keep.id, why);
	}
	if (rc != 0 || db_commit(db) != 0) {
		if (!err->len)
			sb_printf(err, "penggabungan gagal: %s", sqlite3_errmsg(db));
		db_rollback(db);
		return -1;
	}
	return 0;
}
