#include "pkm/visit.h"
#include "pkm/db.h"
#include "pkm/dict.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* A cancelled visit of the same patient, day and unit comes back, same
 * number (*created = 1); a kept one is returned as it is. 1 found, 0 none. */
static int visit_existing(sqlite3 *db, long pasien_id, const char *tanggal, const char *unit, long *id,
			  int *created, struct sbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id, batal IS NOT NULL FROM kunjungan WHERE pasien_id = ? AND tanggal = ? "
				   "AND unit = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, pasien_id);
	sqlite3_bind_text(st, 2, tanggal, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, unit, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	*id = rc == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
	int cancelled = rc == SQLITE_ROW && sqlite3_column_int(st, 1);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(err, db, "kunjungan tidak terbaca");
	if (!cancelled)
		return *id != 0;
	sqlite3_stmt *up = db_stmt(db, "UPDATE kunjungan SET batal = NULL WHERE id = ?", err);
	if (!up)
		return -1;
	sqlite3_bind_int64(up, 1, *id);
	rc = sqlite3_step(up);
	sqlite3_reset(up);
	if (rc != SQLITE_DONE)
		return db_fail(err, db, "kunjungan tidak tersimpan");
	*created = 1;
	return 1;
}

int visit_next_queue(sqlite3 *db, struct date day, const char *unit)
{
	char tanggal[11];
	date_format(day, tanggal);
	/* a number given and then cancelled is never given again (antrian_lepas) */
	sqlite3_stmt *st = db_stmt(db, "SELECT max((SELECT coalesce(max(no_antrian), 0) FROM kunjungan WHERE tanggal = ?1 "
				   "AND unit = ?2), (SELECT coalesce(max(no_antrian), 0) FROM antrian_lepas "
				   "WHERE tanggal = ?1 AND unit = ?2)) + 1", NULL);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, tanggal, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, unit, -1, SQLITE_STATIC);
	int next = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_reset(st);
	return next;
}

/* A new visit is written first and an existing one looked for only when the
 * write finds it (the unique key on patient, day and unit): in an import most
 * lines are new visits, and each statement saved is a tenth of a line's work. */
int visit_write(sqlite3 *db, const struct patient *p, struct date day, const char *unit, const char *payer,
		int queue, long *id, int *created, struct sbuf *err)
{
	char tanggal[11];
	date_format(day, tanggal);
	*created = 0;
	*id = 0;
	if (date_cmp(day, date_today()) > 0) {	/* nobody has come yet on a day to come */
		char shown[11];
		sb_printf(err, "tanggal kunjungan %s setelah hari ini", date_show(tanggal, shown));
		return -1;
	}
	struct date birth;
	struct age age;
	int born = date_parse(p->tanggal_lahir, &birth) == 0 && age_at(birth, day, &age) == 0;
	int card = p->no_bpjs[0] || !dict_payer_needs_bpjs(db, payer);
	if (born && card) {
		/* the queue number is taken inside the write transaction, so two
		 * desks registering at once cannot get the same one */
		if (!queue && (queue = visit_next_queue(db, day, unit)) < 0)
			return db_fail(err, db, "nomor antrian tidak terbaca");
		sqlite3_stmt *st = db_stmt(db,
			"INSERT INTO kunjungan (pasien_id, tanggal, unit, penjamin, no_antrian, umur_tahun,"
			" umur_bulan, umur_hari, umur_total_hari) VALUES (?1, ?2, ?3, ?4, ?9, ?5, ?6, ?7, ?8)"
			" ON CONFLICT (pasien_id, tanggal, unit) DO NOTHING", err);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, p->id);
		sqlite3_bind_text(st, 2, tanggal, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, unit, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, payer, -1, SQLITE_STATIC);
		visit_bind_age(st, 5, &age);
		sqlite3_bind_int(st, 9, queue);
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return db_fail(err, db, "kunjungan tidak tersimpan");
		if (sqlite3_changes(db) > 0) {
			*id = (long)sqlite3_last_insert_rowid(db);
			*created = 1;
			return 0;
		}
	}
	int found = visit_existing(db, p->id, tanggal, unit, id, created, err);
	if (found != 0)
		return found > 0 ? 0 : -1;
	if (!born) {
		char shown[11], when[11];
		sb_printf(err, "tanggal kunjungan %s sebelum tanggal lahir pasien (%s)", date_show(tanggal, shown),
			  date_show(p->tanggal_lahir, when));
	} else {
		sb_printf(err, "pasien belum punya No. BPJS: pilih penjamin lain atau lengkapi data pasien");
	}
	return -1;
}

int visit_insert(sqlite3 *db, const struct patient *p, struct date day, const char *unit,
		 const char *payer, struct visit *out, int *created, struct sbuf *err)
{
	long id;
	if (visit_write(db, p, day, unit, payer, 0, &id, created, err) != 0)
		return -1;
	return visit_get(db, id, out) == 1 ? 0 : db_fail(err, db, "kunjungan tidak terbaca");
}

void visit_bind_age(sqlite3_stmt *st, int first, const struct age *a)
{
	sqlite3_bind_int(st, first, a->years);
	sqlite3_bind_int(st, first + 1, a->months);
	sqlite3_bind_int(st, first + 2, a->days);
	sqlite3_bind_int64(st, first + 3, a->total_days);
}

int visit_open(sqlite3 *db, const struct patient *p, struct date day, const char *unit,
	       const char *payer, struct visit *out, int *created, struct sbuf *err)
{
	if (db_begin(db) != 0)
		return db_fail(err, db, "tidak tersimpan");
	if (visit_insert(db, p, day, unit, payer, out, created, err) != 0 || db_commit(db) != 0) {
		db_rollback(db);
		return -1;
	}
	return 0;
}

#define VISIT_COLS "k.id, k.pasien_id, k.tanggal, k.unit, k.penjamin, k.no_antrian, k.umur_tahun," \
		   " k.umur_bulan, k.umur_hari, k.umur_total_hari, coalesce(k.batal, '')"
#define VISIT_NCOLS 11	/* the columns a query adds come after these */

static void read_visit(sqlite3_stmt *st, struct visit *v)
{
	v->id = (long)sqlite3_column_int64(st, 0);
	v->pasien_id = (long)sqlite3_column_int64(st, 1);
	db_col_text(st, 2, v->tanggal, sizeof v->tanggal);
	db_col_text(st, 3, v->unit, sizeof v->unit);
	db_col_text(st, 4, v->penjamin, sizeof v->penjamin);
	v->no_antrian = sqlite3_column_int(st, 5);
	v->age.years = sqlite3_column_int(st, 6);
	v->age.months = sqlite3_column_int(st, 7);
	v->age.days = sqlite3_column_int(st, 8);
	v->age.total_days = (long)sqlite3_column_int64(st, 9);
	db_col_text(st, 10, v->batal, sizeof v->batal);
}

static int visit_query_one(sqlite3 *db, const char *sql, long arg, struct visit *v)
{
	sqlite3_stmt *st = db_stmt(db, sql, NULL);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, arg);
	int found = sqlite3_step(st) == SQLITE_ROW;
	if (found)
		read_visit(st, v);
	sqlite3_reset(st);
	return found;
}

int visit_get(sqlite3 *db, long id, struct visit *v)
{
	return visit_query_one(db, "SELECT " VISIT_COLS " FROM kunjungan k WHERE k.id = ?", id, v);
}

int visit_last(sqlite3 *db, long pasien_id, struct visit *v)
{
	return visit_query_one(db, "SELECT " VISIT_COLS " FROM kunjungan k WHERE k.pasien_id = ? AND k.batal IS NULL"
				   " ORDER BY k.tanggal DESC, k.id DESC LIMIT 1", pasien_id, v);
}

/* A line of a visit list: the visit, who it is, how many diagnoses. */
#define VISIT_ROW_SQL "SELECT " VISIT_COLS ", p.no_rm, p.nama, p.jenis_kelamin," \
		      " (SELECT count(*) FROM diagnosis d WHERE d.kunjungan_id = k.id)" \
		      " FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id"

static void read_row(sqlite3_stmt *st, struct visit_row *r)
{
	read_visit(st, &r->v);
	db_col_text(st, VISIT_NCOLS, r->no_rm, sizeof r->no_rm);
	db_col_text(st, VISIT_NCOLS + 1, r->nama, sizeof r->nama);
	char sex[4];
	db_col_text(st, VISIT_NCOLS + 2, sex, sizeof sex);
	r->sex = sex[0];
	r->n_diag = sqlite3_column_int(st, VISIT_NCOLS + 3);
}

int visit_row_get(sqlite3 *db, long id, struct visit_row *r)
{
	sqlite3_stmt *st = db_stmt(db, VISIT_ROW_SQL " WHERE k.id = ?", NULL);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_row(st, r);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int visit_list_day(sqlite3 *db, struct date day, const char *unit, struct visit_row **rows)
{
	char tanggal[11];
	date_format(day, tanggal);
	sqlite3_stmt *st = db_prepare(db, VISIT_ROW_SQL " JOIN unit u ON u.kode = k.unit"
		" WHERE k.tanggal = ?1 AND (?2 IS NULL OR k.unit = ?2) ORDER BY u.urut, k.no_antrian", NULL);
	*rows = NULL;
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, tanggal, -1, SQLITE_STATIC);
	db_bind_text(st, 2, unit, 1);
	int n = 0, cap = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			*rows = xrealloc(*rows, (size_t)cap * sizeof **rows);
		}
		read_row(st, &(*rows)[n++]);
	}
	if (db_finish(db, st, rc, NULL) != 0) {	/* a list cut short is no list */
		free(*rows);
		*rows = NULL;
		return -1;
	}
	return n;
}

char diag_prefill(sqlite3 *db, const struct pkm_config *cfg, const struct visit *v, const char *icd)
{
	char cat[4] = { icd[0], icd[1], icd[2], 0 };
	char month_start[11];
	memcpy(month_start, v->tanggal, 8);
	memcpy(month_start + 8, "01", 3);
	/* the nearest earlier diagnosis of the same 3-character category for this
	 * patient: walked back from the day, however long the history */
	sqlite3_stmt *st = db_stmt(db,
		"SELECT k.tanggal, k.tanggal >= ?4"
		" FROM kunjungan k JOIN diagnosis d ON d.kunjungan_id = k.id"
		" WHERE k.pasien_id = ?1 AND substr(d.icd10, 1, 3) = ?2 AND k.batal IS NULL"
		" AND (k.tanggal < ?3 OR (k.tanggal = ?3 AND k.id < ?5))"
		" ORDER BY k.tanggal DESC, k.id DESC LIMIT 1", NULL);
	if (!st)
		return 'B';
	sqlite3_bind_int64(st, 1, v->pasien_id);
	sqlite3_bind_text(st, 2, cat, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, v->tanggal, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, month_start, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, v->id);
	int any = 0, this_month = 0;
	long since = 0;
	if (sqlite3_step(st) == SQLITE_ROW) {
		any = 1;
		struct date last, day;
		if (date_parse((const char *)sqlite3_column_text(st, 0), &last) == 0 &&
		    date_parse(v->tanggal, &day) == 0)
			since = date_to_days(day) - date_to_days(last);
		this_month = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	return kasus_prefill(chronic_has(&cfg->chronic, icd), any, since, this_month, cfg->episode_window);
}

int diag_insert(sqlite3 *db, const struct pkm_config *cfg, const struct visit *v, const char *icd,
		char kasus, int *added, struct sbuf *err)
{
	char code[ICD_LEN];
	*added = 0;
	if (icd_normalize(icd, code) != 0) {
		sb_printf(err, "kode ICD-10 tidak sah: %s", icd);
		return -1;
	}
	if (!kasus)
		kasus = diag_prefill(db, cfg, v, code);
	if (!strchr("BLK", kasus)) {
		sb_printf(err, "kasus harus B, L atau K");
		return -1;
	}
	sqlite3_stmt *st = db_stmt(db, "INSERT OR IGNORE INTO diagnosis (kunjungan_id, icd10, kasus) VALUES (?,?,?)", err);
	if (!st)
		return -1;
	char k[2] = { kasus, 0 };
	sqlite3_bind_int64(st, 1, v->id);
	sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, k, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(err, db, "diagnosis tidak tersimpan");
	*added = sqlite3_changes(db) > 0;
	return 0;
}

/* Codes that make no clinical sense on one visit together: asked, not refused. */
static const struct {
	const char *a, *b, *why;
} exclusive[] = {
	{ "A90", "A91", "A90 (demam dengue) dan A91 (DBD) pada satu kunjungan: pilih salah satu" },
};

int diag_warnings(sqlite3 *db, const struct visit *v, const char *icd, struct sbuf *out)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM diagnosis WHERE kunjungan_id = ? AND substr(icd10, 1, 3) = ?", NULL);
	int n = 0;
	for (size_t i = 0; st && i < ARRAY_LEN(exclusive); i++) {
		const char *other = strncmp(icd, exclusive[i].a, 3) == 0 ? exclusive[i].b
				  : strncmp(icd, exclusive[i].b, 3) == 0 ? exclusive[i].a : NULL;
		if (!other)
			continue;
		sqlite3_bind_int64(st, 1, v->id);
		sqlite3_bind_text(st, 2, other, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			sb_printf(out, "%s\n", exclusive[i].why);
			n++;
		}
		sqlite3_reset(st);
	}
	return n;
}

int diag_add(sqlite3 *db, const struct pkm_config *cfg, const struct visit *v, const char *icd,
	     char kasus, int *added, struct sbuf *err)
{
	if (db_begin(db) != 0)
		return db_fail(err, db, "tidak tersimpan");
	if (diag_insert(db, cfg, v, icd, kasus, added, err) != 0 || db_commit(db) != 0) {
		db_rollback(db);
		return -1;
	}
	return 0;
}

/* One-statement change in its own write transaction. */
static int exec_one(sqlite3 *db, const char *sql, long id, const char *text, struct sbuf *err)
{
	if (db_begin(db) != 0)
		return db_fail(err, db, "tidak tersimpan");
	sqlite3_stmt *st = db_prepare(db, sql, err);
	int rc = SQLITE_ERROR;
	if (st) {
		int i = 1;
		if (text)
			sqlite3_bind_text(st, i++, text, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, i, id);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_DONE || db_commit(db) != 0) {
		db_fail(err, db, "perubahan tidak tersimpan");
		db_rollback(db);
		return -1;
	}
	return 0;
}

int diag_set_kasus(sqlite3 *db, long diag_id, char kasus, struct sbuf *err)
{
	char k[2] = { kasus, 0 };
	return exec_one(db, "UPDATE diagnosis SET kasus = ? WHERE id = ?", diag_id, k, err);
}

int diag_delete(sqlite3 *db, long diag_id, struct sbuf *err)
{
	return exec_one(db, "DELETE FROM diagnosis WHERE id = ?", diag_id, NULL, err);
}

int diag_list(sqlite3 *db, long visit_id, struct diagnosis **out)
{
	*out = NULL;
	sqlite3_stmt *st = db_prepare(db,
		"SELECT d.id, d.icd10, coalesce(i.nama, ''), d.kasus FROM diagnosis d"
		" LEFT JOIN icd10 i ON i.kode = d.icd10 WHERE d.kunjungan_id = ? ORDER BY d.id", NULL);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, visit_id);
	int n = 0, cap = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 8;
			*out = xrealloc(*out, (size_t)cap * sizeof **out);
		}
		struct diagnosis *d = &(*out)[n++];
		d->id = (long)sqlite3_column_int64(st, 0);
		db_col_text(st, 1, d->icd10, sizeof d->icd10);
		db_col_text(st, 2, d->nama, sizeof d->nama);
		d->kasus = (char)sqlite3_column_text(st, 3)[0];
	}
	if (db_finish(db, st, rc, NULL) != 0) {
		free(*out);
		*out = NULL;
		return -1;
	}
	return n;
}

int diag_month_codes(sqlite3 *db, const struct visit *v, char (*out)[ICD_LEN], int max)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT DISTINCT d.icd10 FROM kunjungan k JOIN diagnosis d ON d.kunjungan_id = k.id "
					  "WHERE k.pasien_id = ?1 AND k.tanggal >= date(?2, 'start of month') AND k.tanggal <= ?2 "
					  "AND k.batal IS NULL",
				      NULL);
	int n = 0, rc = SQLITE_ERROR;
	if (st) {
		sqlite3_bind_int64(st, 1, v->pasien_id);
		sqlite3_bind_text(st, 2, v->tanggal, -1, SQLITE_STATIC);
		while (n < max && (rc = sqlite3_step(st)) == SQLITE_ROW)
			db_col_text(st, 0, out[n++], ICD_LEN);
	}
	sqlite3_finalize(st);
	return db_rows(rc, n);
}

static const char *visit_first_unit(struct age age)
{
	return age.years < 18 ? "K2" : "K3";	/* ILP: children to Klaster 2, adults to Klaster 3 */
}

const char *visit_default_unit(const struct visit *last, struct age age)
{
	/* an emergency, a test or a ward stay is not where the next visit starts */
	static const char *const never[] = { "IGD", "LAB", "RANAP" };
	if (!last)
		return visit_first_unit(age);
	for (size_t i = 0; i < ARRAY_LEN(never); i++)
		if (strcmp(last->unit, never[i]) == 0)
			return visit_first_unit(age);
	return last->unit;
}

int visit_history(sqlite3 *db, long pasien_id, struct visit_summary **out)
{
	/* one statement, newest first; each visit's diagnoses and prescription lines
	 * through the (visit) indexes, so 200 visits cost a few milliseconds */
	sqlite3_stmt *st = db_prepare(db,
		"SELECT " VISIT_COLS ", coalesce((SELECT group_concat(icd10 || ' ' || kasus, ', ') FROM "
		"(SELECT icd10, kasus FROM diagnosis d WHERE d.kunjungan_id = k.id ORDER BY d.id)), ''), "
		"coalesce((SELECT group_concat(obat || ' ' || jumlah, ', ') FROM "
		"(SELECT obat, jumlah FROM resep r WHERE r.kunjungan_id = k.id ORDER BY r.id)), '') "
		"FROM kunjungan k WHERE k.pasien_id = ? ORDER BY k.tanggal DESC, k.id DESC", NULL);
	*out = NULL;
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, pasien_id);
	int n = 0, cap = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			*out = xrealloc(*out, (size_t)cap * sizeof **out);
		}
		read_visit(st, &(*out)[n].v);
		db_col_text(st, VISIT_NCOLS, (*out)[n].diag, sizeof (*out)[n].diag);
		db_col_text(st, VISIT_NCOLS + 1, (*out)[n].resep, sizeof (*out)[n].resep);
		n++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		return -1;
	}
	return n;
}
