/* Report rows counted per village of the patients (the dashboards, PWS) and
 * the due list, on the query builder of the monthly reports: a row's number
 * over all villages is the number its report counts. */
#include "pkm/rowdef.h"
#include "pkm/asal.h"
#include "pkm/db.h"
#include "rowdef_priv.h"
#include <stdlib.h>
#include <string.h>

#define VILLAGE_KEY RD_VILLAGE_KEY
#define VILLAGE_JOIN " JOIN pasien p ON p.id = k.pasien_id LEFT JOIN desa ds ON ds.kode = p.desa_kode"

/* Row r's counted rows over [from, to) as (village, nilai, bulan, kid): patients
 * once per month, so the sum is the months' own reports added up. */
static void village_rows(struct rd_query *q, const struct rd_row *r, const char *from, const char *to)
{
	q->by_month = 1;
	sb_add(&q->sql, "SELECT " VILLAGE_KEY " AS desa, r.nilai, r.bulan, r.kid FROM (");
	rdq_rows(q, r, from, to, 0);
	sb_add(&q->sql, ") r JOIN kunjungan k ON k.id = r.kid" VILLAGE_JOIN);
}

static int run(sqlite3 *db, struct rd_query *q, int (*row)(sqlite3_stmt *st, void *ctx), void *ctx, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db, sb_str(&q->sql), err);
	if (!st)
		return -1;
	rdq_bind_all(st, q);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		if (row(st, ctx) != 0)
			break;
	return db_finish(db, st, step == SQLITE_ROW ? SQLITE_DONE : step, err);
}

struct count_ctx {
	int row;
	void (*add)(void *ctx, int row, const char *village, long total, long in_month);
	void *ctx;
};

static int add_count(sqlite3_stmt *st, void *ctx)
{
	struct count_ctx *c = ctx;
	char village[80];
	db_col_text(st, 0, village, sizeof village);
	c->add(c->ctx, c->row, village, (long)sqlite3_column_int64(st, 1), (long)sqlite3_column_int64(st, 2));
	return 0;
}

static int count_all(sqlite3 *db, const struct rowdef *d, const char *from, const char *to, const char *month,
		     struct count_ctx *c, struct sbuf *err)
{
	if (rdq_month_visits(db, d, from, to, 1, err) != 0 || rdq_month_rows(db, d, 0, err) != 0)
		return -1;
	int rc = 0;
	for (int i = 0; i < d->n && rc == 0; i++) {
		if (d->rows[i].head)
			continue;
		struct rd_query q = { 0 };
		sb_add(&q.sql, "SELECT desa, SUM(nilai), SUM(CASE WHEN bulan = ? THEN nilai ELSE 0 END) FROM (");
		rdq_bind(&q, month);
		village_rows(&q, &d->rows[i], from, to);
		sb_add(&q.sql, ") GROUP BY desa");
		c->row = i;
		rc = run(db, &q, add_count, c, err);
		rdq_free(&q);
		if (rc != 0)
			sb_printf(err, " (baris %s)", d->rows[i].id);
	}
	return rc;
}

int rowdef_count_villages(sqlite3 *db, const struct rowdef *d, const char *from, const char *to, const char *month,
			  void (*add)(void *ctx, int row, const char *village, long total, long in_month), void *ctx,
			  struct sbuf *err)
{
	int snap = db_read_begin(db, err);
	if (snap < 0)
		return -1;
	struct count_ctx c = { 0, add, ctx };
	int rc = count_all(db, d, from, to, month, &c, err);
	rdq_month_rows(db, d, 1, NULL);
	if (db_read_end(db, snap, rc == 0 ? err : NULL) != 0)
		rc = -1;
	return rc;
}

static int add_counted(sqlite3_stmt *st, void *ctx)
{
	asal_add(ctx, (long)sqlite3_column_int64(st, 0), (long)sqlite3_column_int64(st, 1));
	return 0;
}

int rowdef_village_asal(sqlite3 *db, const struct rd_row *r, const char *from, const char *to, const char *village,
			struct asal *out, struct sbuf *err)
{
	struct rowdef one = { .n = 1, .rows = (struct rd_row *)r };
	int snap = db_read_begin(db, err);
	if (snap < 0)
		return -1;
	int rc = -1;
	if (rdq_month_visits(db, &one, from, to, 1, err) == 0 && rdq_month_rows(db, &one, 0, err) == 0) {
		struct rd_query q = { 0 };
		sb_add(&q.sql, "SELECT kid, nilai FROM (");
		village_rows(&q, r, from, to);
		sb_add(&q.sql, ") WHERE desa = ?");
		rdq_bind(&q, village);
		rc = run(db, &q, add_counted, out, err);
		rdq_free(&q);
		if (rc == 0)
			rc = asal_fill_visits(db, out, err);
	}
	rdq_month_rows(db, &one, 1, NULL);
	if (db_read_end(db, snap, rc == 0 ? err : NULL) != 0)
		rc = -1;
	return rc;
}

struct due_ctx {
	void (*add)(void *ctx, const struct rd_due_row *r);
	void *ctx;
};

static int add_due(sqlite3_stmt *st, void *ctx)
{
	struct due_ctx *c = ctx;
	struct rd_due_row r = { .pasien = (long)sqlite3_column_int64(st, 0) };
	db_col_text(st, 1, r.mulai, sizeof r.mulai);
	db_col_text(st, 2, r.village, sizeof r.village);
	db_col_text(st, 3, r.no_rm, sizeof r.no_rm);
	db_col_text(st, 4, r.nama, sizeof r.nama);
	db_col_text(st, 5, r.alamat, sizeof r.alamat);
	db_col_text(st, 6, r.no_hp, sizeof r.no_hp);
	db_col_text(st, 7, r.tanggal_lahir, sizeof r.tanggal_lahir);
	c->add(c->ctx, &r);
	return 0;
}

/* The patients who start a due rule: (pid, mulai), the latest start each. */
static void due_starts(struct rd_query *q, const struct rd_due *d, const char *to, const char *oldest)
{
	struct rd_row row = { 0 };
	str_copy(row.from, sizeof row.from, d->from);
	if (strcmp(d->from, "pasien") == 0) {
		sb_add(&q->sql, "SELECT t.id AS pid, t.tanggal_lahir AS mulai FROM pasien t WHERE t.tanggal_lahir > ?");
		rdq_bind(q, oldest);
	} else {
		char start[48];
		snprintf(start, sizeof start, d->date_col[0] ? "t.\"%s\"" : "v.tanggal", d->date_col);
		/* a start lies on or before its visit: older visits cannot start one */
		sb_printf(&q->sql, "SELECT v.pasien_id AS pid, max(%s) AS mulai FROM \"%s\" t JOIN v_kunjungan v "
				   "ON v.id = t.kunjungan_id WHERE v.tanggal > ? AND v.tanggal < ?", start,
			  rowdef_sql_table(d->from));
		rdq_bind(q, oldest);
		rdq_bind(q, to);
	}
	for (int i = 0; i < d->ncond; i++) {
		sb_add(&q->sql, i == 0 || !d->cond[i - 1].or_next ? " AND (" : " OR ");
		rdq_cond(q, &row, &d->cond[i]);
		if (!d->cond[i].or_next)
			sb_add(&q->sql, ")");
	}
	if (strcmp(d->from, "pasien") != 0)
		sb_add(&q->sql, " GROUP BY v.pasien_id");
}

int rowdef_due_list(sqlite3 *db, const struct rd_due *d, const char *day, const char *village,
		    void (*add)(void *ctx, const struct rd_due_row *r), void *ctx, struct sbuf *err)
{
	struct date at;
	if (date_parse(day, &at) != 0) {
		sb_printf(err, "tanggal tidak sah: '%s'", day);
		return -1;
	}
	char to[11], newest[11], oldest[11];
	date_format(date_from_days(date_to_days(at) + 1), to);
	date_format(date_from_days(date_to_days(at) - d->min_days), newest);
	date_format(date_from_days(date_to_days(at) - d->max_days), oldest);
	struct rd_query q = { 0 };
	sb_add(&q.sql, "SELECT s.pid, s.mulai, " VILLAGE_KEY " AS desa, p.no_rm, p.nama, p.alamat, p.no_hp, "
		       "p.tanggal_lahir FROM (");
	due_starts(&q, d, to, oldest);
	sb_add(&q.sql, ") s JOIN pasien p ON p.id = s.pid LEFT JOIN desa ds ON ds.kode = p.desa_kode "
		       "WHERE s.mulai > ? AND s.mulai <= ?");
	rdq_bind(&q, oldest);
	rdq_bind(&q, newest);
	if (village) {
		sb_add(&q.sql, " AND " VILLAGE_KEY " = ?");
		rdq_bind(&q, village);
	}
	/* nothing of `without` on one visit since the start */
	sb_add(&q.sql, " AND NOT EXISTS (SELECT 1 FROM kunjungan v WHERE v.pasien_id = s.pid AND v.batal IS NULL "
		       "AND v.tanggal > s.mulai AND v.tanggal < ?");
	rdq_bind(&q, to);
	struct rd_row row = { 0 };
	for (int i = 0; i < d->nwithout; i++) {
		sb_add(&q.sql, " AND ");
		rdq_cond(&q, &row, &d->without[i]);
	}
	sb_add(&q.sql, ") ORDER BY desa, p.nama, p.no_rm");
	struct due_ctx c = { add, ctx };
	int snap = db_read_begin(db, err);
	int rc = snap < 0 ? -1 : run(db, &q, add_due, &c, err);
	if (snap >= 0 && db_read_end(db, snap, rc == 0 ? err : NULL) != 0)
		rc = -1;
	rdq_free(&q);
	return rc;
}
