/* Counting the rows of a report definition: each row becomes one SQL query
 * built from checked table and column names, every value bound. */
#include "pkm/rowdef.h"
#include "rowdef_priv.h"
#include "pkm/asal.h"
#include "pkm/date.h"
#include "pkm/db.h"
#include <stdlib.h>
#include <string.h>

void rdq_bind(struct rd_query *q, const char *v)
{
	if (q->n == q->cap) {
		q->cap = q->cap ? q->cap * 2 : 16;
		q->bind = xrealloc(q->bind, (size_t)q->cap * sizeof *q->bind);
	}
	q->bind[q->n++] = xstrdup(v);
}

void rdq_free(struct rd_query *q)
{
	for (int i = 0; i < q->n; i++)
		free(q->bind[i]);
	free(q->bind);
	sb_free(&q->sql);
}

/* Numbers are bound as numbers: a view's columns have no affinity to convert text. */
void rdq_bind_all(sqlite3_stmt *st, const struct rd_query *q)
{
	for (int i = 0; i < q->n; i++) {
		long n, h;
		if (parse_long(q->bind[i], LONG_MIN, LONG_MAX, &n) == 0)
			sqlite3_bind_int64(st, i + 1, n);
		else if (strchr(q->bind[i], '.') && dec_parse(q->bind[i], &h) == 0)
			sqlite3_bind_double(st, i + 1, (double)h / 100.0);
		else
			sqlite3_bind_text(st, i + 1, q->bind[i], -1, SQLITE_TRANSIENT);
	}
}

/* `lhs` compared with the condition's values. */
static void predicate(struct rd_query *q, const char *lhs, const struct rd_cond *c)
{
	static const char *const cmp[] = { "", "", "<", "<=", ">", ">=" };
	switch (c->op) {
	case OP_EQ:
	case OP_NE:
		sb_printf(&q->sql, "%s %sIN (", lhs, c->op == OP_NE ? "NOT " : "");
		for (int i = 0; i < c->n; i++) {
			sb_add(&q->sql, i ? ", ?" : "?");
			rdq_bind(q, c->val[i]);
		}
		sb_add(&q->sql, ")");
		break;
	case OP_LT:
	case OP_LE:
	case OP_GT:
	case OP_GE:
		sb_printf(&q->sql, "%s %s ?", lhs, cmp[c->op]);
		rdq_bind(q, c->val[0]);
		break;
	case OP_PREFIX:
		/* on the code boundary: J06 is J06 or J06.x, never J061. Stored codes
		 * are normal (a dot after the category), so J06 is the range
		 * [J06, J06/) and K92.2 is [K92.2, K92.3). The unary + keeps SQLite
		 * from probing an index once per alternative. */
		sb_add(&q->sql, "(");
		for (int i = 0; i < c->n; i++) {
			char end[32];
			size_t n = strlen(c->val[i]);
			snprintf(end, sizeof end, "%s", c->val[i]);
			if (strchr(end, '.'))
				end[n - 1] = (char)(end[n - 1] + 1);
			else
				snprintf(end, sizeof end, "%s/", c->val[i]);
			sb_printf(&q->sql, "%s(+%s >= ? AND +%s < ?)", i ? " OR " : "", lhs, lhs);
			rdq_bind(q, c->val[i]);
			rdq_bind(q, end);
		}
		sb_add(&q->sql, ")");
		break;
	case OP_SET:
	case OP_UNSET:
		sb_printf(&q->sql, "%s IS %sNULL", lhs, c->op == OP_SET ? "NOT " : "");
		break;
	}
}

void rdq_cond(struct rd_query *q, const struct rd_row *r, const struct rd_cond *c)
{
	char lhs[512];
	switch (c->scope) {
	case SC_FROM:
		snprintf(lhs, sizeof lhs, "t.\"%s\"", c->column);
		break;
	case SC_VISIT:
		snprintf(lhs, sizeof lhs, "v.\"%s\"", c->column);
		break;
	case SC_PREVIOUS:
		snprintf(lhs, sizeof lhs,
			 "(SELECT p.\"%s\" FROM \"%s\" p JOIN kunjungan pk ON pk.id = p.kunjungan_id "
			 "WHERE pk.pasien_id = v.pasien_id AND (pk.tanggal, pk.id) < (v.tanggal, v.id) AND pk.batal IS NULL "
			 "ORDER BY pk.tanggal DESC, pk.id DESC LIMIT 1)", c->column, rowdef_sql_table(r->from));
		break;
	case SC_OTHER:
		sb_printf(&q->sql, "EXISTS (SELECT 1 FROM \"%s\" x WHERE x.kunjungan_id = v.id AND ", rowdef_sql_table(c->table));
		snprintf(lhs, sizeof lhs, "x.\"%s\"", c->column);
		predicate(q, lhs, c);
		sb_add(&q->sql, ")");
		return;
	}
	predicate(q, lhs, c);
}

/* The date a term of `lengkap` first held for this patient within the window. */
static void first_date_sql(struct rd_query *q, const struct rd_row *r, const struct rd_cond *c)
{
	const char *table = c->scope == SC_FROM ? r->from : c->table;
	char lhs[64], window[32];
	sb_printf(&q->sql, "(SELECT MIN(vv.tanggal) FROM \"%s\" x JOIN kunjungan vv ON vv.id = x.kunjungan_id "
			   "WHERE vv.pasien_id = v.pasien_id AND vv.tanggal <= v.tanggal AND vv.tanggal > date(v.tanggal, ?) "
			   "AND vv.batal IS NULL AND ",
		  rowdef_sql_table(table));
	snprintf(window, sizeof window, "-%ld days", r->window_days);
	rdq_bind(q, window);
	snprintf(lhs, sizeof lhs, "x.\"%s\"", c->column);
	predicate(q, lhs, c);
	sb_add(&q->sql, ")");
}

static void where_conds(struct rd_query *q, const struct rd_row *r)
{
	for (int i = 0; i < r->ncond; i++) {
		int opens = i == 0 || !r->cond[i - 1].or_next;
		sb_add(&q->sql, opens ? " AND (" : " OR ");
		rdq_cond(q, r, &r->cond[i]);
		if (!r->cond[i].or_next)
			sb_add(&q->sql, ")");
	}
}

/* The rows a row counts, one per counted unit, as (kid, jk, nilai): the visit
 * (NULL for a monthly entry), the patient's sex, and 1 or the term of a sum.
 * The cell is their sum (count_row) and the rows behind it are these listed
 * (rowdef_asal): one query for both. */
void rdq_rows(struct rd_query *q, const struct rd_row *r, const char *from, const char *to, long yyyymm)
{
	char date[48], n[24];
	if (r->monthly) {
		sb_printf(&q->sql, "SELECT NULL AS kid, 'X' AS jk, t.\"%s\" AS nilai, printf('%%04d-%%02d', t.bulan / 100, "
				   "t.bulan %% 100) AS bulan FROM \"%s\" t WHERE t.bulan = ? AND t.\"%s\" IS NOT NULL",
			  r->sum_col, r->from, r->sum_col);
		snprintf(n, sizeof n, "%ld", yyyymm);
		rdq_bind(q, n);
		where_conds(q, r);
		return;
	}
	snprintf(date, sizeof date, r->date_col[0] ? "t.\"%s\"" : "v.tanggal", r->date_col);
	/* rows counted by the visit date read the month's visits, gathered once per
	 * report (rdq_month_visits); other dates and capped rows need all visits */
	int this_month = !r->date_col[0] && !r->max_per;
	char table[48], join[160];
	if (this_month && strcmp(r->from, "kunjungan") == 0)
		str_copy(table, sizeof table, "temp.kunjungan_bulan");
	else
		snprintf(table, sizeof table, "\"%s\"", rowdef_sql_table(r->from));
	/* the month's diagnoses and each table's rows of the month's visits are
	 * gathered once per report (month_visits, month_rows): the many rows that
	 * read them never walk a table of all its years again */
	if (this_month && strcmp(r->from, "diagnosis") == 0)
		snprintf(join, sizeof join, " FROM temp.diagnosis_bulan t CROSS JOIN temp.kunjungan_bulan v "
					    "ON v.id = t.kunjungan_id WHERE 1");
	else if (this_month && strcmp(r->from, "kunjungan") == 0)
		snprintf(join, sizeof join, " FROM temp.kunjungan_bulan v CROSS JOIN %s t ON t.id = v.id WHERE 1", table);
	else if (this_month)
		snprintf(join, sizeof join, " FROM temp.\"bulan_%s\" t CROSS JOIN temp.kunjungan_bulan v "
					    "ON v.id = t.kunjungan_id WHERE 1", r->from);
	else
		snprintf(join, sizeof join, " FROM %s t JOIN v_kunjungan v ON v.id = t.kunjungan_id WHERE 1", table);
	if (r->max_per) {
		/* at most max_per per patient (and per value of per_col), earliest first */
		sb_printf(&q->sql, "SELECT kid, jk, 1 AS nilai, substr(d, 1, 7) AS bulan FROM (SELECT v.id AS kid, v.jk AS jk, %s AS d, ROW_NUMBER() "
				   "OVER (PARTITION BY v.pasien_id%s%s%s ORDER BY v.tanggal, v.id) AS n", date,
			  r->per_col[0] ? ", t.\"" : "", r->per_col, r->per_col[0] ? "\"" : "");
		sb_add(&q->sql, join);
		/* only the last 400 days (longer than a pregnancy, so every cap of the
		 * Jampersal recap is right) of patients with a row this month */
		sb_printf(&q->sql, " AND v.tanggal >= date(?, '-400 days') AND %s < ? AND v.pasien_id IN ", date);
		rdq_bind(q, from);
		rdq_bind(q, to);
		if (r->date_col[0]) {
			sb_printf(&q->sql, "(SELECT kk.pasien_id FROM %s x JOIN kunjungan kk ON kk.id = x.kunjungan_id "
					   "WHERE x.\"%s\" >= ? AND x.\"%s\" < ? AND kk.batal IS NULL)", table, r->date_col,
			  r->date_col);
			rdq_bind(q, from);
			rdq_bind(q, to);
		} else {
			sb_printf(&q->sql, "(SELECT kb.pasien_id FROM temp.kunjungan_bulan kb CROSS JOIN %s x ON "
					   "x.kunjungan_id = kb.id)", table);
		}
		where_conds(q, r);
		sb_printf(&q->sql, ") WHERE d >= ? AND d < ? AND n <= %ld", r->max_per);
		rdq_bind(q, from);
		rdq_bind(q, to);
		return;
	}
	/* patients are counted once (their first visit of those counted), visits once */
	int per_patient = r->count == CNT_PATIENTS || r->count == CNT_COMPLETE;
	if (r->count == CNT_SUM)
		sb_printf(&q->sql, "SELECT v.id AS kid, v.jk AS jk, t.\"%s\" AS nilai", r->sum_col);
	else
		sb_printf(&q->sql, "SELECT %s AS kid, v.jk AS jk, 1 AS nilai", per_patient ? "min(v.id)" : "v.id");
	sb_printf(&q->sql, ", substr(%s, 1, 7) AS bulan", date);
	sb_add(&q->sql, join);
	if (!this_month) {
		sb_printf(&q->sql, " AND %s >= ? AND %s < ?", date, date);
		rdq_bind(q, from);
		rdq_bind(q, to);
	}
	where_conds(q, r);
	if (r->count == CNT_SUM)
		sb_printf(&q->sql, " AND t.\"%s\" IS NOT NULL", r->sum_col);
	if (r->count == CNT_COMPLETE) {
		/* patients whose set completes on this visit: tested only on visits
		 * that have the row, never on every visit of the month */
		sb_add(&q->sql, r->ncomplete > 1 ? " AND max(" : " AND (");
		for (int i = 0; i < r->ncomplete; i++) {
			if (i)
				sb_add(&q->sql, ", ");
			first_date_sql(q, r, &r->complete[i]);
		}
		sb_add(&q->sql, ") = v.tanggal");
	}
	/* the unary + keeps SQLite from walking every visit in id order to group */
	if (per_patient)	/* over several months (by_month): once in each, as the months' reports */
		sb_printf(&q->sql, " GROUP BY +v.pasien_id%s%s%s", q->by_month ? ", substr(" : "", q->by_month ? date : "",
			  q->by_month ? ", 1, 7)" : "");
	else if (r->count == CNT_VISITS && strcmp(r->from, "kunjungan") != 0)	/* a visit's own row is one */
		sb_add(&q->sql, " GROUP BY +v.id");
}

/* The row's cell values by sex: the sum of its rows. */
static void build_query(struct rd_query *q, const struct rd_row *r, const char *from, const char *to, long yyyymm)
{
	sb_add(&q->sql, "SELECT jk, SUM(nilai) FROM (");
	rdq_rows(q, r, from, to, yyyymm);
	sb_add(&q->sql, ") GROUP BY jk");
}

static int count_row(sqlite3 *db, const struct rd_row *r, const char *from, const char *to, long yyyymm,
		     long out[2], int *by_sex, struct sbuf *err)
{
	struct rd_query q = { 0 };
	build_query(&q, r, from, to, yyyymm);
	sqlite3_stmt *st = db_prepare(db, sb_str(&q.sql), NULL);
	out[0] = out[1] = 0;
	*by_sex = !r->monthly;
	int rc = -1;
	if (st && sqlite3_bind_parameter_count(st) != q.n) {	/* the SQL and its values must agree */
		sb_printf(err, "baris %s: %d parameter di SQL, %d nilai: tidak dihitung", r->id,
			  sqlite3_bind_parameter_count(st), q.n);
		sqlite3_finalize(st);
		rdq_free(&q);
		return -1;
	}
	if (st) {
		rdq_bind_all(st, &q);
		int step;
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			const char *sex = (const char *)sqlite3_column_text(st, 0);
			out[sex && sex[0] == 'P'] += sqlite3_column_int64(st, 1);
		}
		rc = step == SQLITE_DONE ? 0 : -1;
		sqlite3_finalize(st);
	}
	if (rc != 0)
		sb_printf(err, "baris %s tidak dapat dihitung: %s", r->id, sqlite3_errmsg(db));
	rdq_free(&q);
	return rc;
}

int rowdef_row_params(const struct rd_row *r)
{
	if (r->head || r->count == CNT_TARGET)	/* no query: a heading, a target from the configuration */
		return 0;
	struct rd_query q = { 0 };
	build_query(&q, r, "2000-01-01", "2000-02-01", 200001);
	int n = q.n;
	rdq_free(&q);
	return n;
}

/* Whether a row of d reads kunjungan baru: the one costly column of the month's
 * visits (a look back over each patient's visits of the year). */
static int reads_baru(const struct rowdef *d)
{
	for (int i = 0; i < d->n; i++) {
		const struct rd_row *r = &d->rows[i];
		int n = strcmp(r->sum_col, "baru") == 0;
		for (int c = 0; c < r->ncond; c++)
			n += strcmp(r->cond[c].column, "baru") == 0;
		for (int c = 0; c < r->ncomplete; c++)
			n += strcmp(r->complete[c].column, "baru") == 0;
		if (n)
			return 1;
	}
	return 0;
}

/* The month's visits with the patient's sex, ages and (when d reads it)
 * kunjungan baru, and their diagnoses, gathered once: most rows of LB3 and LB4
 * read exactly these. */
/* Whether a row of d counts from table `name`. */
static int reads_from(const struct rowdef *d, const char *name)
{
	for (int i = 0; i < d->n; i++)
		if (!d->rows[i].head && strcmp(d->rows[i].from, name) == 0)
			return 1;
	return 0;
}

/* Whether row r's table is among those a year's count gathers visits from. */
static int gathers_from(const struct rd_row *r)
{
	return !r->head && !r->monthly && r->count != CNT_TARGET;
}

/* Whether a row of d before row i gathers from the same table. */
static int read_before(const struct rowdef *d, int i)
{
	for (int j = 0; j < i; j++)
		if (gathers_from(&d->rows[j]) && strcmp(d->rows[j].from, d->rows[i].from) == 0)
			return 1;
	return 0;
}

/* The lowest and highest id of the period's visits bound to ?3 and ?4 of st
 * (one pass over the period in the (tanggal, unit, no_antrian) index). */
static int period_ids(sqlite3 *db, const char *from, const char *to, sqlite3_stmt *st)
{
	sqlite3_stmt *q = db_prepare(db, "SELECT coalesce(min(id), 0), coalesce(max(id), -1) FROM kunjungan "
				     "WHERE tanggal >= ? AND tanggal < ?", NULL);
	int rc = q ? SQLITE_OK : SQLITE_ERROR;
	if (q) {
		sqlite3_bind_text(q, 1, from, -1, SQLITE_STATIC);
		sqlite3_bind_text(q, 2, to, -1, SQLITE_STATIC);
		rc = sqlite3_step(q);
	}
	if (rc == SQLITE_ROW) {
		sqlite3_bind_int64(st, 3, sqlite3_column_int64(q, 0));
		sqlite3_bind_int64(st, 4, sqlite3_column_int64(q, 1));
	}
	sqlite3_finalize(q);
	return rc == SQLITE_ROW ? 0 : -1;
}

int rdq_month_visits(sqlite3 *db, const struct rowdef *d, const char *from, const char *to, int only_rows,
		     struct sbuf *err)
{
	if (sqlite3_exec(db, "DROP TABLE IF EXISTS temp.kunjungan_bulan; DROP TABLE IF EXISTS temp.diagnosis_bulan; "
			 "CREATE TEMP TABLE kunjungan_bulan (id INTEGER PRIMARY KEY, kunjungan_id INTEGER, pasien_id INTEGER, "
			 "tanggal TEXT, unit TEXT, penjamin TEXT, jk TEXT, umur_tahun INTEGER, umur_bulan INTEGER, "
			 "umur_hari INTEGER, baru INTEGER); "
			 "CREATE TEMP TABLE diagnosis_bulan (id INTEGER PRIMARY KEY, kunjungan_id INTEGER, icd10 TEXT, "
			 "kasus TEXT)", NULL, NULL, NULL) != SQLITE_OK) {
		sb_printf(err, "laporan tidak dapat disusun: %s", sqlite3_errmsg(db));
		return -1;
	}
	struct sbuf sql = { 0 };
	sb_printf(&sql, "INSERT INTO temp.kunjungan_bulan SELECT id, kunjungan_id, pasien_id, tanggal, unit, penjamin, "
		  "jk, umur_tahun, umur_bulan, umur_hari, %s FROM v_kunjungan WHERE tanggal >= ? AND tanggal < ?",
		  reads_baru(d) ? "baru" : "NULL");
	/* only_rows (a year's count, the dashboards): when no row counts visits or
	 * diagnoses themselves, the visits with a row in a table the rows count
	 * from are all the rows read, a fraction of a year's visits. Each table
	 * once, and only its rows between the period's first and last visit ids
	 * (?3, ?4; a form's key is its visit's id): not every year's forms. */
	int n = 0;
	if (only_rows && !reads_from(d, "kunjungan") && !reads_from(d, "diagnosis"))
		for (int i = 0; i < d->n; i++)
			if (gathers_from(&d->rows[i]) && !read_before(d, i))
				sb_printf(&sql, "%s SELECT kunjungan_id FROM main.\"%s\" WHERE kunjungan_id BETWEEN ?3 AND ?4",
					  n++ ? " UNION ALL" : " AND id IN (", d->rows[i].from);
	if (n)
		sb_add(&sql, ")");
	sqlite3_stmt *st = db_prepare(db, sb_str(&sql), err);
	sb_free(&sql);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	if (n && period_ids(db, from, to, st) != 0) {
		sqlite3_finalize(st);
		sb_printf(err, "laporan tidak dapat disusun: %s", sqlite3_errmsg(db));
		return -1;
	}
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	sqlite3_finalize(st);
	/* the month's diagnoses for the rows that count them */
	if (rc == 0 && reads_from(d, "diagnosis") &&
	    sqlite3_exec(db, "INSERT INTO temp.diagnosis_bulan SELECT d.id, d.kunjungan_id, d.icd10, d.kasus "
				    "FROM temp.kunjungan_bulan v CROSS JOIN diagnosis d ON d.kunjungan_id = v.id",
				    NULL, NULL, NULL) != SQLITE_OK)
		rc = -1;
	if (rc != 0)
		sb_printf(err, "laporan tidak dapat disusun: %s", sqlite3_errmsg(db));
	return rc;
}

/* Whether row r reads its table's rows of the month's visits (build_query). */
static int reads_month_rows(const struct rd_row *r)
{
	return !r->head && !r->monthly && !r->date_col[0] && !r->max_per && r->count != CNT_TARGET &&
	       strcmp(r->from, "kunjungan") != 0 && strcmp(r->from, "diagnosis") != 0;
}

/* Each table the rows of d read that way, gathered once as temp."bulan_<table>"
 * (drop = 1: dropped again when the report is done, a month of forms being
 * memory; rowdef_count drops them whatever the count gave). A table read by
 * several rows is gathered by the first. */
int rdq_month_rows(sqlite3 *db, const struct rowdef *d, int drop, struct sbuf *err)
{
	struct sbuf sql = { 0 };
	for (int i = 0; i < d->n; i++)
		if (reads_month_rows(&d->rows[i]))
			sb_printf(&sql, drop ? "DROP TABLE IF EXISTS temp.\"bulan_%1$s\";\n"
					     : "CREATE TEMP TABLE IF NOT EXISTS \"bulan_%1$s\" AS SELECT t.* FROM "
					       "temp.kunjungan_bulan v CROSS JOIN main.\"%1$s\" t ON t.kunjungan_id = v.id;\n",
				  d->rows[i].from);
	int rc = !sql.len || sqlite3_exec(db, sb_str(&sql), NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
	if (rc != 0 && !drop)
		sb_printf(err, "laporan tidak dapat disusun: %s", sqlite3_errmsg(db));
	sb_free(&sql);
	return rc;
}

static int count_rows(sqlite3 *db, const struct pkm_config *cfg, const struct rowdef *d, const char *month,
		      struct rd_result *out, struct sbuf *err)
{
	memset(out, 0, sizeof *out);
	struct date first, next;
	if (month_parse(month, &first, &next) != 0) {
		sb_printf(err, "bulan tidak sah: '%s' (" MONTH_HINT ")", month);
		return -1;
	}
	char from[11], to[11];
	date_format(first, from);
	date_format(next, to);
	if (rdq_month_visits(db, d, from, to, 0, err) != 0 || rdq_month_rows(db, d, 0, err) != 0)
		return -1;
	out->def = d;
	month_key(first, out->month);
	out->v = xcalloc((size_t)d->n + 1, sizeof *out->v);
	for (int i = 0; i < d->n; i++) {
		const struct rd_row *r = &d->rows[i];
		long *v = out->v[i], n[2] = { 0, 0 };
		int by_sex = 0;
		if (r->head)
			continue;
		if (r->count == CNT_TARGET) {
			n[0] = cfg->sasaran[r->target];
			if (n[0] < 0) {
				size_t len = strlen(out->notes);
				snprintf(out->notes + len, sizeof out->notes - len, "Sasaran %s belum diatur ([sasaran] %s).\n",
					 sasaran_names[r->target], sasaran_names[r->target]);
			}
		} else if (count_row(db, r, from, to, (long)first.y * 100 + first.m, n, &by_sex, err) != 0) {
			rd_result_free(out);
			return -1;
		}
		long total = n[0] < 0 ? CELL_NA : n[0] + n[1];
		if (d->columns == RD_BY_SEX) {
			v[0] = by_sex ? n[0] : CELL_NA;
			v[1] = by_sex ? n[1] : CELL_NA;
			v[2] = total;
		} else if (d->columns == RD_TOTAL) {
			v[0] = total;
			v[1] = v[2] = CELL_NA;
		} else {
			v[0] = total;
			v[1] = r->tariff;
			v[2] = total * r->tariff;
		}
	}
	return 0;
}

int rowdef_count(sqlite3 *db, const struct pkm_config *cfg, const struct rowdef *d, const char *month,
		 struct rd_result *out, struct sbuf *err)
{
	/* every row of the report from one snapshot: the month seen once */
	memset(out, 0, sizeof *out);
	int snap = db_read_begin(db, err);
	if (snap < 0)
		return -1;
	int rc = count_rows(db, cfg, d, month, out, err);
	rdq_month_rows(db, d, 1, NULL);
	if (db_read_end(db, snap, rc == 0 ? err : NULL) != 0 && rc == 0) {
		rd_result_free(out);
		rc = -1;
	}
	return rc;
}

void rd_result_free(struct rd_result *r)
{
	free(r->v);
	memset(r, 0, sizeof *r);
}

static int ncols(const struct rowdef *d) { return d->columns == RD_TOTAL ? 1 : 3; }

/* The columns as `--format data` and --asal name them, by rd_columns. */
static const char *const data_keys[3][3] = { { "L", "P", "jumlah" }, { "jumlah", "", "" },
					      { "jumlah", "tarif", "biaya" } };

/* A ratio in hundredths; -1 when the denominator is 0. */
static long ratio_value(const struct rd_result *r, const struct rd_ratio *x)
{
	long num = r->v[x->num][r->def->columns == RD_BY_SEX ? 2 : 0];
	long den = r->v[x->den][r->def->columns == RD_BY_SEX ? 2 : 0];
	return den > 0 ? (num * 100 + den / 2) / den : -1;
}

void rd_table(const struct rd_result *r, struct table *t)
{
	static const char *const labels[3][3] = { { "L", "P", "Jumlah" }, { "Jumlah", "", "" },
						   { "Jumlah", "Tarif (Rp)", "Biaya (Rp)" } };
	const struct rowdef *d = r->def;
	int nc = ncols(d);
	table_init(t, nc);
	t->wide_names = 1;
	t->kode_csv_only = 1;
	str_copy(t->title, sizeof t->title, d->title);
	str_copy(t->head_nama, sizeof t->head_nama, "Kegiatan");
	for (int c = 0; c < nc; c++) {
		str_copy(t->cols[c].label, sizeof t->cols[c].label, labels[d->columns][c]);
		str_copy(t->cols[c].key, sizeof t->cols[c].key, data_keys[d->columns][c]);
	}
	long count = 0, cost = 0;
	for (int i = 0, no = 0; i < d->n; i++) {
		const struct rd_row *row = &d->rows[i];
		if (row->head) {
			table_add(t, ROW_HEAD, "", "", row->label);
			continue;
		}
		char num[16];
		snprintf(num, sizeof num, "%d", ++no);
		long *v = table_add(t, ROW_DATA, num, row->id, row->label);
		str_copy(t->rows[t->nrows - 1].key, sizeof t->rows[0].key, row->id);
		memcpy(v, r->v[i], (size_t)nc * sizeof *v);
		count += r->v[i][0] > 0 ? r->v[i][0] : 0;
		cost += r->v[i][2] > 0 ? r->v[i][2] : 0;
	}
	if (d->columns == RD_TARIFF) {
		long *v = table_add(t, ROW_TOTAL, "", "", "JUMLAH KLAIM");
		v[0] = count;
		v[1] = CELL_NA;
		v[2] = cost;
		sb_add(&t->foot, "Dokumen yang dilampirkan (menurut No.):\n");
		for (int i = 0, no = 0; i < d->n; i++) {
			no += !d->rows[i].head;
			if (!d->rows[i].head && d->rows[i].docs[0])
				sb_printf(&t->foot, "  %d. %s\n", no, d->rows[i].docs);
		}
	}
	for (int i = 0; i < d->nratio; i++) {
		char val[24] = "-";
		long h = ratio_value(r, &d->ratio[i]);
		if (h >= 0)
			dec_format(h, val, sizeof val);
		sb_printf(&t->foot, "%s: %s\n", d->ratio[i].label, val);
	}
	sb_add(&t->foot, r->notes);
}

void rd_write_data(const struct rd_result *r, FILE *f)
{
	const struct rowdef *d = r->def;
	fputs("baris,kolom,nilai\n", f);
	for (int i = 0; i < d->n; i++)
		for (int c = 0; c < ncols(d) && !d->rows[i].head; c++)
			if (r->v[i][c] != CELL_NA)
				fprintf(f, "%s,%s,%ld\n", d->rows[i].id, data_keys[d->columns][c], r->v[i][c]);
	for (int i = 0; i < d->nratio; i++) {
		char val[24] = "";
		long h = ratio_value(r, &d->ratio[i]);
		if (h >= 0)
			dec_format(h, val, sizeof val);
		fprintf(f, "%s,rasio,%s\n", d->ratio[i].id, val);
	}
}

/* Which cell a data column key names: 0-2, or -1 with why in err. */
static int cell_column(const struct rowdef *d, const struct rd_row *r, const char *kolom, struct sbuf *err)
{
	int c = -1;
	for (int i = 0; i < ncols(d); i++)
		if (strcmp(kolom, data_keys[d->columns][i]) == 0)
			c = i;
	if (c < 0)
		sb_printf(err, "kolom %s tidak dikenal: '%s'", d->id, kolom);
	else if (r->count == CNT_TARGET)
		sb_printf(err, "baris %s adalah sasaran dari konfigurasi ([sasaran] %s), bukan dari baris data", r->id,
			  sasaran_names[r->target]);
	else if (d->columns == RD_TARIFF && c == 1)
		sb_printf(err, "kolom tarif adalah tarif dari definisi laporan, bukan dari baris data");
	else if (r->monthly && d->columns == RD_BY_SEX && c < 2)
		sb_printf(err, "baris %s diisi per bulan tanpa jenis kelamin: kolom %s tidak berlaku", r->id, kolom);
	else
		return c;
	return -1;
}

static int list_rows(sqlite3 *db, const struct rowdef *d, const struct rd_row *r, int col, const char *month,
		     struct asal *out, struct sbuf *err)
{
	char from[11], to[11];
	if (asal_month(month, from, to, err) != 0)
		return -1;
	/* the month's visits and rows gathered for this row alone */
	struct rowdef one = *d;
	one.rows = (struct rd_row *)r;
	one.n = 1;
	if (rdq_month_visits(db, &one, from, to, 0, err) != 0 || rdq_month_rows(db, &one, 0, err) != 0)
		return -1;
	struct rd_query q = { 0 };
	sb_add(&q.sql, "SELECT kid, jk, nilai FROM (");
	/* the monthly rows' key: YYYYMM of the first day */
	rdq_rows(&q, r, from, to, strtol(from, NULL, 10) * 100 + strtol(from + 5, NULL, 10));
	sb_add(&q.sql, ")");
	if (d->columns == RD_BY_SEX && col < 2) {
		sb_add(&q.sql, " WHERE jk = ?");
		rdq_bind(&q, col == 0 ? "L" : "P");
	}
	sqlite3_stmt *st = db_prepare(db, sb_str(&q.sql), err);
	int rc = -1;
	if (st) {
		rdq_bind_all(st, &q);
		int step;
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			long v = (long)sqlite3_column_int64(st, 2);
			/* the cost column: each row's count at the row's tariff */
			struct asal_row *a = asal_add(out, (long)sqlite3_column_int64(st, 0),
						      d->columns == RD_TARIFF && col == 2 ? v * r->tariff : v);
			db_col_text(st, 1, a->ket, sizeof a->ket);
			if (strcmp(a->ket, "X") == 0)	/* a monthly entry: its column */
				snprintf(a->ket, sizeof a->ket, "isian bulanan %s", r->sum_col);
		}
		rc = db_finish(db, st, step, err);
	}
	rdq_free(&q);
	return rc;
}

int rowdef_asal(sqlite3 *db, const struct rowdef *d, const char *month, const char *baris, const char *kolom,
		struct asal *out, struct sbuf *err)
{
	const struct rd_row *r = NULL;
	for (int i = 0; i < d->n && !r; i++)
		if (!d->rows[i].head && strcmp(d->rows[i].id, baris) == 0)
			r = &d->rows[i];
	if (!r && strcmp(kolom, "rasio") == 0) {
		sb_printf(err, "rasio %s dihitung dari dua baris laporan (lihat di bawah laporan), bukan dari baris data",
			  baris);
		return ASAL_UNKNOWN;
	}
	if (!r) {
		sb_printf(err, "baris %s tidak dikenal: '%s'", d->id, baris);
		return ASAL_UNKNOWN;
	}
	int col = cell_column(d, r, kolom, err);
	if (col < 0)
		return ASAL_UNKNOWN;
	int snap = db_read_begin(db, err);
	if (snap < 0)
		return ASAL_ERROR;
	int rc = list_rows(db, d, r, col, month, out, err);
	struct rowdef one = *d;
	one.rows = (struct rd_row *)r;
	one.n = 1;
	rdq_month_rows(db, &one, 1, NULL);
	if (db_read_end(db, snap, rc == 0 ? err : NULL) != 0)
		rc = -1;
	return rc == 0 ? ASAL_OK : ASAL_ERROR;
}
