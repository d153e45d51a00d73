#include "pkm/import.h"
#include "pkm/final_month.h"
#include "pkm/db.h"
#include "pkm/dict.h"
#include "pkm/sheet.h"
#include "pkm/patient.h"
#include "pkm/visit.h"
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* A file's checked rows wait on disk until the write (temp_store=FILE, and
 * sorting for an index spills to disk too): memory stays the same whatever
 * the file's length, and the rows are read back in the order the write needs.
 * Patients wait in a temporary table. Visits wait in a database of their own,
 * "impor", an anonymous file SQLite deletes at DETACH, so that their write can
 * run with temp_store=MEMORY (changing it drops temporary tables, not an
 * attached database; memory_for_write). Set before begin_check's BEGIN. */
int import_stage_on_disk(struct sheet *s, sqlite3 *db, int apart)
{
	const char *sql = apart ? "PRAGMA temp_store=FILE; ATTACH '' AS impor; PRAGMA impor.cache_size=-4096"
				: "PRAGMA temp_store=FILE; PRAGMA temp.cache_size=-4096";
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK)
		return 0;
	problem(s, 0, NULL, "tabel sementara impor tidak dapat dibuat: %s", sqlite3_errmsg(db));
	return -1;
}

sqlite3_stmt *import_stage(sqlite3 *db, struct sheet *s, const char *create, const char *insert)
{
	char *msg = NULL;
	if (sqlite3_exec(db, create, NULL, NULL, &msg) != SQLITE_OK) {
		problem(s, 0, NULL, "tabel sementara impor tidak dapat dibuat: %s", msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return NULL;
	}
	sqlite3_stmt *st = db_prepare(db, insert, NULL);
	if (!st)
		problem(s, 0, NULL, "tabel sementara impor: %s", sqlite3_errmsg(db));
	return st;
}

void import_staged(struct sheet *s, sqlite3 *db, sqlite3_stmt *st)
{
	if (sqlite3_step(st) != SQLITE_DONE)
		problem(s, s->line, NULL, "tidak dapat disimpan sementara: %s", sqlite3_errmsg(db));
	sqlite3_reset(st);
}

/* Each staged row whose key an earlier line has: "<label> KEY sudah ada di
 * baris N", in the order of the key. */
static void staged_twice(struct sheet *s, sqlite3 *db, const char *table, const char *key, const char *label)
{
	struct sbuf sql = { 0 };
	sb_printf(&sql, "SELECT b.id, b.%2$s, (SELECT min(a.id) FROM %1$s a WHERE a.%2$s = b.%2$s) AS pertama "
			"FROM %1$s b WHERE b.%2$s <> '' AND pertama < b.id ORDER BY b.%2$s, b.id", table, key);
	sqlite3_stmt *st = db_prepare(db, sb_str(&sql), NULL);
	sb_free(&sql);
	int rc = SQLITE_ERROR;
	while (st && (rc = sqlite3_step(st)) == SQLITE_ROW)
		problem(s, (long)sqlite3_column_int64(st, 0), key, "%s %s sudah ada di baris %lld", label,
			sqlite3_column_text(st, 1), sqlite3_column_int64(st, 2));
	if (rc != SQLITE_DONE)
		problem(s, 0, NULL, "pemeriksaan %s gagal: %s", label, sqlite3_errmsg(db));
	sqlite3_finalize(st);
}

static void check_patient_row(sqlite3 *db, struct sheet *s, const int *c, struct patient *p)
{
	const char *pj = row_cell(s, c[8]);
	struct patient_input in = {
		.no_rm = row_cell(s, c[0]), .nik = row_cell(s, c[1]), .no_bpjs = row_cell(s, c[2]),
		.nama = row_cell(s, c[3]), .jenis_kelamin = row_cell(s, c[4]), .tanggal_lahir = row_cell(s, c[5]),
		.alamat = row_cell(s, c[6]), .desa = row_cell(s, c[7]), .penjamin = *pj ? pj : "UMUM",
		.no_hp = row_cell(s, c[9]), .nama_ibu = row_cell(s, c[10]), .no_kk = row_cell(s, c[11]),
		.rt_rw = row_cell(s, c[12]),
	};
	struct field_errors fe;
	memset(p, 0, sizeof *p);
	strict_date(s, s->line, in.tanggal_lahir, "tanggal_lahir");
	if (patient_check(db, &in, p, &fe, NULL, 0) != 0)
		for (int i = 0; i < fe.n; i++)
			problem(s, s->line, fe.e[i].column, "%s", fe.e[i].msg);
	/* already in the database (twice in the file: staged_twice) */
	struct patient old;
	if (p->no_rm[0] && patient_by_rm(db, p->no_rm, &old) == 1)
		problem(s, s->line, "no_rm", "No. RM %s sudah terdaftar (%s)", p->no_rm, old.nama);
	if (p->nik[0] && patient_by_nik(db, p->nik, &old) == 1)
		problem(s, s->line, "nik", "NIK %s sudah terdaftar (No. RM %s, %s)", p->nik, old.no_rm, old.nama);
}

/* The bulk insert was refused: a desk registered a No. RM or NIK of the file
 * while it was being checked. Each such line is named. */
static void taken_since(struct sheet *s, sqlite3 *db)
{
	const char *why = sqlite3_errmsg(db);
	struct sbuf msg = { 0 };
	sb_add(&msg, why);
	sqlite3_stmt *st = db_prepare(db, "SELECT i.id, i.no_rm, coalesce(i.nik, ''), p.no_rm = i.no_rm FROM impor_pasien i "
				      "JOIN pasien p ON p.no_rm = i.no_rm OR p.nik = i.nik ORDER BY i.id", NULL);
	int n = 0;
	while (st && sqlite3_step(st) == SQLITE_ROW && ++n)
		if (sqlite3_column_int(st, 3))
			problem(s, (long)sqlite3_column_int64(st, 0), "no_rm", "No. RM %s sudah dipakai",
				sqlite3_column_text(st, 1));
		else
			problem(s, (long)sqlite3_column_int64(st, 0), "nik", "NIK %s sudah terdaftar", sqlite3_column_text(st, 2));
	sqlite3_finalize(st);
	if (!n)
		problem(s, 0, NULL, "pasien tidak tersimpan: %s", sb_str(&msg));
	sb_free(&msg);
}

/* A bulk write runs with the connection's triggers off (SQLite prepares every
 * statement again when that changes). A statement on a table with triggers
 * runs their programs for each row and keeps a statement journal, a copy of
 * each page it changes: together a fifth of a visit import's work. Of the
 * triggers on the tables the imports write (test_import_outbox fails when one
 * is added), the trail's do nothing in a bulk import, which writes one trail
 * row per file, and the outbox's are done by touch_outbox. */
static void without_triggers(sqlite3 *db, int off)
{
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, !off, (int *)NULL);
}

/* The write of the staged patients, in the file's order: numbers for those
 * without a No. RM, then one INSERT ... SELECT, then each one's search words.
 * The first and last id made (consecutive: one statement, one transaction). */
static int write_patients(sqlite3 *db, struct sheet *s, long *first, long *last)
{
	sqlite3_stmt *todo = db_prepare(db, "SELECT id FROM impor_pasien WHERE no_rm = '' ORDER BY id", NULL);
	sqlite3_stmt *set = db_prepare(db, "UPDATE impor_pasien SET no_rm = ?2 WHERE id = ?1", NULL);
	int rc = todo && set ? SQLITE_ROW : SQLITE_ERROR;
	while (rc == SQLITE_ROW && (rc = sqlite3_step(todo)) == SQLITE_ROW) {
		char rm[24];
		sqlite3_bind_int64(set, 1, sqlite3_column_int64(todo, 0));
		if (patient_next_rm(db, rm, sizeof rm) < 0)
			break;
		sqlite3_bind_text(set, 2, rm, -1, SQLITE_STATIC);
		if (sqlite3_step(set) != SQLITE_DONE)
			break;
		sqlite3_reset(set);
	}
	sqlite3_finalize(todo);
	sqlite3_finalize(set);
	if (rc != SQLITE_DONE)
		return problem(s, 0, NULL, "No. RM tidak dapat dibuat: %s", sqlite3_errmsg(db)), -1;
	*first = db_query_long(db, "SELECT coalesce(max(id), 0) + 1 FROM pasien", 0);
	if (sqlite3_exec(db, "INSERT INTO pasien (" PATIENT_WRITTEN ") SELECT " PATIENT_WRITTEN
			 " FROM impor_pasien ORDER BY id", NULL, NULL, NULL) != SQLITE_OK)
		return taken_since(s, db), -1;
	*last = *first + db_query_long(db, "SELECT count(*) FROM impor_pasien", 0) - 1;
	sqlite3_stmt *st = db_prepare(db, "SELECT " PATIENT_COLS " FROM pasien WHERE id >= ? ORDER BY id", NULL);
	rc = SQLITE_ERROR;
	if (st)
		sqlite3_bind_int64(st, 1, *first);
	struct patient p;
	struct sbuf why = { 0 };
	while (st && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		patient_read(st, &p);
		if (patient_words(db, &p, 1, &why) != 0)
			break;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		problem(s, 0, NULL, "kata pencarian tidak tersimpan: %s", why.len ? sb_str(&why) : sqlite3_errmsg(db));
	sb_free(&why);
	return rc == SQLITE_DONE ? 0 : -1;
}

void import_drop_stage(sqlite3 *db, const char *table)
{
	char sql[64];
	snprintf(sql, sizeof sql, "DROP TABLE IF EXISTS temp.%s", table);
	sqlite3_exec(db, sql, NULL, NULL, NULL);
}

/* The checks' snapshot ended, then temp_store=MEMORY for the visits' write.
 * With temp_store=FILE a statement journal past 64 KB moves to a file and
 * every later statement writes its pages there, two system calls a page: when
 * each visit still needed a journal (its triggers, now off: without_triggers)
 * that was a fifth of a five-year import's time. The outbox's touch still needs
 * one; in memory it is freed at the statement's end. */
static void memory_for_write(struct sheet *s, sqlite3 *db)
{
	if (!s->nerr && sqlite3_exec(db, "COMMIT; PRAGMA temp_store=MEMORY", NULL, NULL, NULL) != SQLITE_OK)
		problem(s, 0, NULL, "pembacaan tidak selesai: %s", sqlite3_errmsg(db));
}

/* The visits' staging database gone (outside a transaction): SQLite deletes its file. */
static void detach_stage(sqlite3 *db)
{
	sqlite3_exec(db, "DETACH impor", NULL, NULL, NULL);
}

int import_pasien(sqlite3 *db, const char *path, const struct sheet_opts *o, struct sbuf *done, struct sbuf *err)
{
	static const char *const required[] = { "nama", "jenis_kelamin", "tanggal_lahir", NULL };
	static const char *const names[] = { "no_rm", "nik", "no_bpjs", "nama", "jenis_kelamin", "tanggal_lahir",
					     "alamat", "desa", "penjamin", "no_hp", "nama_ibu", "no_kk", "rt_rw" };
	struct sheet s;
	if (sheet_open(&s, path, required, o, err) != 0 || import_stage_on_disk(&s, db, 0) != 0 ||
	    begin_check(&s, db) != 0)
		return finish_errors(&s);
	int c[13];
	for (int i = 0; i < 13; i++)
		c[i] = col_of(&s, names[i]);
	/* pasien's columns, the line number as id (patient_bind's order, then ?18) */
	sqlite3_stmt *put = import_stage(db, &s, "DROP TABLE IF EXISTS temp.impor_pasien; "
		"CREATE TEMP TABLE impor_pasien (id INTEGER PRIMARY KEY, " PATIENT_WRITTEN ")",
		"INSERT INTO impor_pasien (" PATIENT_WRITTEN ", id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
	db_memo_begin(db);
	struct patient *p = xmalloc(sizeof *p);
	while (put && sheet_next(&s)) {
		check_patient_row(db, &s, c, p);
		patient_bind(put, p);
		sqlite3_bind_int64(put, 18, s.line);
		import_staged(&s, db, put);
	}
	db_memo_end(db);
	free(p);
	sqlite3_finalize(put);
	if (put && sqlite3_exec(db, "CREATE INDEX temp.impor_pasien_rm ON impor_pasien(no_rm);"
			       "CREATE INDEX temp.impor_pasien_nik ON impor_pasien(nik)", NULL, NULL, NULL) == SQLITE_OK) {
		staged_twice(&s, db, "impor_pasien", "no_rm", "No. RM");
		staged_twice(&s, db, "impor_pasien", "nik", "NIK");
	}
	long first = 0, last = 0;
	if (s.nerr || begin_write(&s, db, 1) != 0) {
		db_rollback(db);
		import_drop_stage(db, "impor_pasien");
		return finish_errors(&s);
	}
	without_triggers(db, 1);
	write_patients(db, &s, &first, &last);
	without_triggers(db, 0);
	char made[96] = "";
	if (last >= first && first)
		snprintf(made, sizeof made, "pasien id %ld-%ld", first, last);
	int rc = end_write(&s, db, "pasien", first, last, made);
	import_drop_stage(db, "impor_pasien");
	if (rc != 0)
		return finish_errors(&s);
	sb_printf(done, "%s: %d pasien diimpor\n", path, s.nrows);
	sheet_free(&s);
	return 0;
}

/* What a visit line needs of its patient: a whole struct patient per line made a
 * large import's memory several times larger. */
struct who {
	long id;
	char no_rm[24], tanggal_lahir[11], no_bpjs[16], penjamin[24];
};

static int who_by_rm(sqlite3 *db, const char *rm, struct who *w)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id, tanggal_lahir, coalesce(no_bpjs, ''), penjamin FROM pasien "
				   "WHERE no_rm = ?", NULL);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, rm, -1, SQLITE_STATIC);
	int found = sqlite3_step(st) == SQLITE_ROW;
	if (found) {
		w->id = (long)sqlite3_column_int64(st, 0);
		str_copy(w->no_rm, sizeof w->no_rm, rm);
		db_col_text(st, 1, w->tanggal_lahir, sizeof w->tanggal_lahir);
		db_col_text(st, 2, w->no_bpjs, sizeof w->no_bpjs);
		db_col_text(st, 3, w->penjamin, sizeof w->penjamin);
	}
	sqlite3_reset(st);
	return found;
}

struct visit_line {
	struct who p;
	char tanggal[11], unit[12], penjamin[24], icd[ICD_LEN], kasus;
};

static const char *const visit_fields[5] = { "tanggal", "unit", "penjamin", "icd10", "kasus" };

/* The fields' definitions, found once for the whole file. */
static void visit_defs(sqlite3 *db, const struct column_def *def[5])
{
	for (int i = 0; i < 5; i++)
		def[i] = dict_find(db, i < 3 ? "kunjungan" : "diagnosis", visit_fields[i]);
}

/* Check the current line; `last` is the line before it (the next diagnosis of
 * the same visit has the same patient: not looked up again). */
static void check_visit_line(sqlite3 *db, const struct column_def *const def[5], struct sheet *s,
			     const struct visit_line *last, struct visit_line *v, const int c[6])
{
	long line = s->line;
	const char *rm = row_cell(s, c[0]);
	memset(v, 0, sizeof *v);
	if (!*rm)
		problem(s, line, "no_rm", "No. RM wajib diisi");
	else if (last->p.id && strcmp(last->p.no_rm, rm) == 0)
		v->p = last->p;
	else if (who_by_rm(db, rm, &v->p) != 1)
		problem(s, line, "no_rm", "pasien dengan No. RM %s tidak ada", rm);
	char *dst[] = { v->tanggal, v->unit, v->penjamin, v->icd, NULL };
	size_t size[] = { sizeof v->tanggal, sizeof v->unit, sizeof v->penjamin, sizeof v->icd, 0 };
	char kasus[4] = "";
	for (int i = 0; i < 5; i++) {
		const char *value = row_cell(s, c[i + 1]);
		if (i == 0 && strict_date(s, line, value, "tanggal") != 0)
			continue;
		if (i == 2 && !*value)
			continue;	/* no payer: the patient's own */
		if (i == 3 && !*value)
			continue;	/* a visit without a diagnosis */
		const char *err = !def[i] ? "kolom tidak ada di kamus data"
				  : dict_check(db, def[i], value, dst[i] ? dst[i] : kasus, dst[i] ? size[i] : sizeof kasus);
		if (err)
			problem(s, line, visit_fields[i], "%s", err);
	}
	v->kasus = kasus[0];
	if (!v->penjamin[0])
		str_copy(v->penjamin, sizeof v->penjamin, v->p.penjamin);
	struct date birth, day;
	if (date_parse(v->tanggal, &day) == 0 && date_cmp(day, date_today()) > 0)
		problem(s, line, "tanggal", "%s setelah hari ini", v->tanggal);
	else if (v->p.id && date_parse(v->tanggal, &day) == 0 && date_parse(v->p.tanggal_lahir, &birth) == 0 &&
		 date_cmp(day, birth) < 0)
		problem(s, line, "tanggal", "sebelum tanggal lahir pasien (%s)", v->p.tanggal_lahir);
}

/* The texts are bound where they are (v is kept until the row is staged). */
static void stage_visit(sqlite3_stmt *st, long line, const struct visit_line *v, int names_payer)
{
	sqlite3_bind_int64(st, 1, line);
	sqlite3_bind_int64(st, 2, v->p.id);
	const char *text[] = { v->p.tanggal_lahir, v->p.no_bpjs, v->tanggal, v->unit, v->penjamin, v->icd };
	for (int i = 0; i < 6; i++)
		sqlite3_bind_text(st, i + 3, text[i], -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, &v->kasus, v->kasus != 0, SQLITE_STATIC);
	sqlite3_bind_int(st, 10, names_payer);
}

void import_lines_told(struct sheet *s, sqlite3 *db, const char *sql, const char *column, const char *why,
		       const char *what)
{
	sqlite3_stmt *st = db_prepare(db, sql, NULL);
	int rc = SQLITE_ERROR;
	while (st && (rc = sqlite3_step(st)) == SQLITE_ROW)
		problem(s, (long)sqlite3_column_int64(st, 0), column, why, sqlite3_column_int64(st, 1));
	if (rc != SQLITE_DONE)
		problem(s, 0, NULL, "pemeriksaan %s gagal: %s", what, sqlite3_errmsg(db));
	sqlite3_finalize(st);
}

/* A line that names a payer must agree with the nearest earlier line of the
 * same visit (patient, day, unit). Only visits of more than one line are
 * looked at, found in one pass over the index (most visits are one line). */
static void payer_conflicts(struct sheet *s, sqlite3 *db)
{
	import_lines_told(s, db,
		"SELECT a.id, (SELECT max(b.id) FROM impor.impor_kunjungan b WHERE b.pasien_id = a.pasien_id "
		"AND b.tanggal = a.tanggal AND b.unit = a.unit AND b.id < a.id AND b.penjamin <> a.penjamin) AS lain "
		"FROM (SELECT pasien_id, tanggal, unit FROM impor.impor_kunjungan GROUP BY pasien_id, tanggal, unit "
		"HAVING count(*) > 1) JOIN impor.impor_kunjungan a USING (pasien_id, tanggal, unit) "
		"WHERE a.tulis_penjamin AND lain IS NOT NULL ORDER BY a.tanggal, a.id",
		"penjamin", "berbeda dengan baris %lld untuk kunjungan yang sama", "penjamin");
}

struct written {
	int visits, diags;
	long first_visit;
	long *revived;		/* cancelled visits registered again by the file */
	int n_revived;
};

/* The queue numbers of the day being written, per unit: the visits are
 * written a day at a time and hold the write lock, so a unit's next number is
 * read once a day and counted on here (reading it with each visit was 8% of
 * the import). */
struct day_queues {
	char day[11];
	int n;
	struct {
		char unit[12];
		int next;
	} q[16];
};

/* The number for a new visit of `unit` on `day` (0: let visit_write read it);
 * *next is where to count it once the visit is made. */
static int day_queue(sqlite3 *db, struct day_queues *dq, const char *day_s, struct date day, const char *unit,
		     int **next)
{
	if (strcmp(dq->day, day_s) != 0) {
		str_copy(dq->day, sizeof dq->day, day_s);
		dq->n = 0;
	}
	int i = 0;
	while (i < dq->n && strcmp(dq->q[i].unit, unit) != 0)
		i++;
	if (i == dq->n && i < (int)ARRAY_LEN(dq->q)) {
		str_copy(dq->q[i].unit, sizeof dq->q[i].unit, unit);
		dq->q[i].next = visit_next_queue(db, day, unit);
		dq->n += dq->q[i].next > 0;
	}
	*next = i < dq->n ? &dq->q[i].next : NULL;
	return *next ? **next : 0;
}

/* Write the staged lines, earlier visits first, so the case flags pre-filled
 * from history are right. */
static void write_visits(sqlite3 *db, const struct pkm_config *cfg, struct sheet *s, const struct sheet_opts *o,
			 struct written *w)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id, pasien_id, tanggal_lahir, no_bpjs, tanggal, unit, penjamin, icd, "
				      "kasus FROM impor.impor_kunjungan ORDER BY tanggal, id", NULL);
	int rc = SQLITE_ERROR, n = 0;
	struct visit cur = { 0 };
	struct patient pt = { 0 };
	struct day_queues dq = { .n = 0 };
	while (st && !s->nerr && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		long line = (long)sqlite3_column_int64(st, 0);
		long id = (long)sqlite3_column_int64(st, 1);
		char day_s[11], unit[12], payer[24], icd[ICD_LEN], kasus[4];
		db_col_text(st, 4, day_s, sizeof day_s);
		db_col_text(st, 5, unit, sizeof unit);
		db_col_text(st, 6, payer, sizeof payer);
		db_col_text(st, 7, icd, sizeof icd);
		db_col_text(st, 8, kasus, sizeof kasus);
		int same = id == cur.pasien_id && strcmp(day_s, cur.tanggal) == 0 && strcmp(unit, cur.unit) == 0;
		struct sbuf why = { 0 };
		struct date day;
		date_parse(day_s, &day);
		int created = 0, added = 0;
		pt.id = id;
		db_col_text(st, 2, pt.tanggal_lahir, sizeof pt.tanggal_lahir);
		db_col_text(st, 3, pt.no_bpjs, sizeof pt.no_bpjs);
		if (!same) {	/* the visit's key; diag_insert reads its patient and day */
			cur.pasien_id = id;
			str_copy(cur.tanggal, sizeof cur.tanggal, day_s);
			str_copy(cur.unit, sizeof cur.unit, unit);
		}
		int *next = NULL;
		int queue = same ? 0 : day_queue(db, &dq, day_s, day, unit, &next);
		if (!same && visit_write(db, &pt, day, unit, payer, queue, &cur.id, &created, &why) != 0)
			problem(s, line, NULL, "%s", sb_str(&why));
		else if (icd[0] && diag_insert(db, cfg, &cur, icd, kasus[0], &added, &why) != 0)
			problem(s, line, "icd10", "%s", sb_str(&why));
		if (next && created && cur.id >= w->first_visit)
			++*next;	/* a new visit took it (one cancelled and back keeps its own) */
		w->visits += created;
		w->diags += added;
		if (created && cur.id < w->first_visit) {
			w->revived = xrealloc(w->revived, (size_t)(w->n_revived + 1) * sizeof *w->revived);
			w->revived[w->n_revived++] = cur.id;
		}
		sb_free(&why);
		if (o && o->progress && ++n % 20000 == 0)
			fprintf(o->progress, "%s: %d dari %d baris disimpan\n", s->path, n, s->nrows);
	}
	if (!s->nerr && rc != SQLITE_DONE)
		problem(s, 0, NULL, "tabel sementara impor tidak terbaca: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
}

/* One touch of the visits a statement below picks between two ids. */
static void touch(sqlite3 *db, struct sheet *s, const char *sql, long from, long to)
{
	if (s->nerr)
		return;
	sqlite3_stmt *st = db_stmt(db, sql, NULL);
	if (st) {
		sqlite3_bind_int64(st, 1, from);
		sqlite3_bind_int64(st, 2, to);
	}
	if (!st || sqlite3_step(st) != SQLITE_DONE)
		problem(s, 0, NULL, "antrean kirim tidak tersimpan: %s", sqlite3_errmsg(db));
	sqlite3_reset(st);
}

/* The outbox's row triggers, for a visit import written without them: a
 * visit is touched through kirim_sentuh when the outbox is on or the visit is
 * queued already, after the write and in its transaction, as often and in the
 * same order for each visit as the triggers would have. */
static void touch_outbox(sqlite3 *db, struct sheet *s, const struct written *w, long first_diag)
{
	static const char visits[] = "INSERT INTO kirim_sentuh SELECT id, 0 FROM kunjungan k WHERE id BETWEEN ?1 AND ?2 "
				     "AND (EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim "
				     "WHERE kunjungan_id = k.id)) ORDER BY id";
	static const char diags[] = "INSERT INTO kirim_sentuh SELECT kunjungan_id, 1 FROM diagnosis d WHERE id BETWEEN ?1 "
				    "AND ?2 AND (EXISTS (SELECT 1 FROM kirim_atur) OR EXISTS (SELECT 1 FROM kirim "
				    "WHERE kunjungan_id = d.kunjungan_id)) ORDER BY id";
	for (int i = 0; i < w->n_revived; i++)
		touch(db, s, visits, w->revived[i], w->revived[i]);
	touch(db, s, visits, w->first_visit, LONG_MAX);
	touch(db, s, diags, first_diag, LONG_MAX);
}

/* Rows for a month whose report is signed off go in only with a reason
 * (--alasan), which the trail's record of the file keeps in `note`. */
void import_signed_months(sqlite3 *db, struct sheet *s, const char *table, const struct sheet_opts *o, char *note,
			  size_t size)
{
	char which[200];
	long line = 0;
	int found = final_months_in(db, table, which, sizeof which, &line);
	if (found < 0)
		problem(s, 0, NULL, "laporan final tidak terbaca: %s", sqlite3_errmsg(db));
	else if (found && !(o && o->alasan && *o->alasan))
		problem(s, line, "tanggal", "laporan bulan %s sudah FINAL: impor ke bulan itu perlu --alasan TEKS "
			"(dicatat di jejak audit)", which);
	else if (found)
		snprintf(note, size, "; ke bulan FINAL %s, alasan: %s", which, o->alasan);
}

int import_kunjungan(sqlite3 *db, const struct pkm_config *cfg, const char *path, const struct sheet_opts *o,
		     struct sbuf *done, struct sbuf *err)
{
	static const char *const required[] = { "no_rm", "tanggal", "unit", NULL };
	struct sheet s;
	if (sheet_open(&s, path, required, o, err) != 0)
		return finish_errors(&s);
	if (import_stage_on_disk(&s, db, 1) != 0 || begin_check(&s, db) != 0) {
		detach_stage(db);
		return finish_errors(&s);
	}
	int cols[6] = { col_of(&s, "no_rm"), col_of(&s, "tanggal"), col_of(&s, "unit"),
			col_of(&s, "penjamin"), col_of(&s, "icd10"), col_of(&s, "kasus") };
	sqlite3_stmt *put = import_stage(db, &s,
		"CREATE TABLE impor.impor_kunjungan (id INTEGER PRIMARY KEY, pasien_id, tanggal_lahir, no_bpjs, tanggal, "
		"unit, penjamin, icd, kasus, tulis_penjamin)",
		"INSERT INTO impor.impor_kunjungan VALUES (?,?,?,?,?,?,?,?,?,?)");
	struct visit_line v[2] = { 0 };
	const struct column_def *def[5];
	visit_defs(db, def);
	db_memo_begin(db);
	for (int k = 0; put && sheet_next(&s); k ^= 1) {
		check_visit_line(db, def, &s, &v[k ^ 1], &v[k], cols);
		stage_visit(put, s.line, &v[k], *row_cell(&s, cols[3]) != 0);
		import_staged(&s, db, put);
	}
	db_memo_end(db);
	sqlite3_finalize(put);
	if (put && sqlite3_exec(db, "CREATE INDEX impor.impor_kunjungan_hari ON impor_kunjungan(tanggal, id);"
			       "CREATE INDEX impor.impor_kunjungan_sama ON impor_kunjungan(pasien_id, tanggal, unit, id)",
			       NULL, NULL, NULL) == SQLITE_OK)
		payer_conflicts(&s, db);
	char note[400] = "";
	if (put)
		import_signed_months(db, &s, "impor_kunjungan", o, note, sizeof note);
	memory_for_write(&s, db);
	if (s.nerr || begin_write(&s, db, 1) != 0) {
		db_rollback(db);
		detach_stage(db);
		return finish_errors(&s);
	}
	long first_visit = db_query_long(db, "SELECT coalesce(max(id), 0) + 1 FROM kunjungan", 0);
	long first_diag = db_query_long(db, "SELECT coalesce(max(id), 0) + 1 FROM diagnosis", 0);
	struct written w = { .first_visit = first_visit };
	without_triggers(db, 1);
	write_visits(db, cfg, &s, o, &w);
	without_triggers(db, 0);
	if (!s.nerr)
		touch_outbox(db, &s, &w, first_diag);
	free(w.revived);
	char made[560];
	snprintf(made, sizeof made, "%d kunjungan (id %ld-%ld), %d diagnosis (id %ld-%ld)%s", w.visits, first_visit,
		 first_visit + w.visits - 1, w.diags, first_diag, first_diag + w.diags - 1, note);
	int rc = end_write(&s, db, "kunjungan", first_visit, first_visit + w.visits - 1, made);
	detach_stage(db);
	if (rc != 0)
		return finish_errors(&s);
	sb_printf(done, "%s: %d kunjungan dan %d diagnosis diimpor\n", path, w.visits, w.diags);
	sheet_free(&s);
	return 0;
}
