/* The values of one form on one visit: show-when rules, computed fields,
 * checks, and reading and writing the form's row. */
#include "pkm/form.h"
#include "pkm/db.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The statements a form keeps (form_keep): one each, and one per field for its
 * patient's last value. */
enum { KEPT_INSERT, KEPT_CLASH, KEPT_FILLED, KEPT_WATCH, KEPT_LAST, KEPT_N = KEPT_LAST + FORM_MAX_FIELDS };
struct form_kept {
	sqlite3_stmt *st[KEPT_N];
};

void form_keep(struct form *f)
{
	if (!f->kept)
		f->kept = xcalloc(1, sizeof *f->kept);
}

void form_unkeep(struct form *f)
{
	for (int i = 0; f->kept && i < KEPT_N; i++)
		sqlite3_finalize(f->kept->st[i]);
	free(f->kept);
	f->kept = NULL;
}

/* A statement of the form: the one kept in `slot` when the form keeps them,
 * else prepared for this call. Give it back with put_stmt. */
static sqlite3_stmt *get_stmt(sqlite3 *db, const struct form *f, int slot, const char *sql, struct sbuf *err)
{
	sqlite3_stmt **kept = f->kept ? &f->kept->st[slot] : NULL;
	if (kept && *kept)
		return *kept;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v3(db, sql, -1, kept ? SQLITE_PREPARE_PERSISTENT : 0, &st, NULL) != SQLITE_OK) {
		if (err)
			sb_printf(err, "kesalahan database: %s", sqlite3_errmsg(db));
		sqlite3_finalize(st);
		return NULL;
	}
	if (kept)
		*kept = st;
	return st;
}

static void put_stmt(const struct form *f, sqlite3_stmt *st)
{
	if (f->kept && st) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	} else {
		sqlite3_finalize(st);
	}
}

int form_visible(const struct form *f, const struct form_values *vals, int i)
{
	const struct form_field *fd = &f->f[i];
	if (fd->when_field < 0)
		return 1;
	if (!form_visible(f, vals, fd->when_field))
		return 0;
	for (int k = 0; k < fd->n_when; k++)
		if (strcmp(vals->v[fd->when_field], fd->when[k]) == 0)
			return 1;
	return 0;
}

int form_check_field(sqlite3 *db, const struct form *f, struct form_values *vals, int i)
{
	char norm[512];
	const char *why = dict_check(db, &f->f[i].def, vals->v[i], norm, sizeof norm);
	str_copy(vals->err[i], sizeof vals->err[i], why ? why : "");
	if (why)
		return -1;
	str_copy(vals->v[i], sizeof vals->v[i], norm);
	return 0;
}

/* The patient's last stored value of field i (not empty, not 0: a yes/no
 * answered no gave nothing) before `before` (a visit: its date and id; id 0
 * means an earlier day only), and that visit's date. A cancelled visit has
 * none. Numbers come in their normal decimal form. 1 when found. */
static int last_value(sqlite3 *db, const struct form *f, int i, const struct visit *before, char day[11],
		      char *value, size_t size)
{
	const char *col = f->f[i].name;	/* identifiers from a checked form, never typed */
	char sql[400];
	snprintf(sql, sizeof sql,
		 "SELECT k.tanggal, t.\"%s\" FROM \"%s\" t JOIN kunjungan k ON k.id = t.kunjungan_id "
		 "WHERE k.pasien_id = ? AND (k.tanggal, k.id) < (?, ?) AND k.batal IS NULL AND t.\"%s\" IS NOT NULL "
		 "AND t.\"%s\" <> 0 ORDER BY k.tanggal DESC, k.id DESC LIMIT 1", col, f->table, col, col);
	sqlite3_stmt *st = get_stmt(db, f, KEPT_LAST + i, sql, NULL);
	if (!st)
		return 0;
	sqlite3_bind_int64(st, 1, before->pasien_id);
	sqlite3_bind_text(st, 2, before->tanggal, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, before->id);
	int found = sqlite3_step(st) == SQLITE_ROW;
	if (found) {
		db_col_text(st, 0, day, 11);
		if (f->f[i].def.type == T_DEC)
			dec_format(dec_from_double(sqlite3_column_double(st, 1)), value, size);
		else
			db_col_text(st, 1, value, size);
	}
	put_stmt(f, st);
	return found;
}

void form_compute(sqlite3 *db, const struct form *f, const struct visit *v, struct form_values *vals)
{
	struct date visit;
	if (date_parse(v->tanggal, &visit) != 0)
		visit = date_today();
	for (int i = 0; i < f->n; i++) {
		const struct form_field *fd = &f->f[i];
		if (fd->def.type != T_CALC)
			continue;
		const struct field_calc *c = fd->calc;
		char args[CALC_MAX_ARGS][128];
		const char *ptr[CALC_MAX_ARGS];
		for (int a = 0; a < c->call.nargs; a++) {
			int k = c->field[a];
			ptr[a] = args[a];
			if (k < 0) {
				str_copy(args[a], sizeof args[a], c->call.args[a]);
				continue;
			}
			struct column_def def = f->f[k].def;
			def.type = f->f[k].shown;
			def.required = 0;
			if (!form_visible(f, vals, k) || dict_check(db, &def, vals->v[k], args[a], sizeof args[a]) != NULL)
				args[a][0] = '\0';
		}
		char prev[32] = "";
		if (c->call.f->needs_previous && c->field[0] >= 0) {
			struct visit earlier_day = *v;	/* a weighing of an earlier day */
			char day[11];
			earlier_day.id = 0;
			if (!last_value(db, f, c->field[0], &earlier_day, day, prev, sizeof prev))
				prev[0] = '\0';
		}
		const char *why = calc_eval(&c->call, ptr, prev, visit, vals->v[i], sizeof vals->v[i]);
		str_copy(vals->err[i], sizeof vals->err[i], why ? why : "");
	}
}

int form_check_all(sqlite3 *db, const struct form *f, const struct visit *v, struct form_values *vals)
{
	int bad = 0;
	for (int i = 0; i < f->n; i++) {
		vals->err[i][0] = '\0';
		if (form_visible(f, vals, i) && f->f[i].def.type != T_CALC)
			bad += form_check_field(db, f, vals, i) != 0;
	}
	form_compute(db, f, v, vals);
	for (int i = 0; i < f->n; i++)
		bad += f->f[i].def.type == T_CALC && vals->err[i][0] && form_visible(f, vals, i);
	return bad;
}

/* The table columns of the form, in field order (a blood pressure takes two). */
static void column_list(const struct form *f, struct sbuf *cols, struct sbuf *marks, struct sbuf *set)
{
	for (int i = 0; i < f->n; i++) {
		const char *name = f->f[i].name;
		int two = f->f[i].shown == T_BP;
		for (int k = 0; k < 1 + two; k++) {
			const char *suffix = !two ? "" : k ? "_diastol" : "_sistol";
			sb_printf(cols, ", \"%s%s\"", name, suffix);
			if (marks)
				sb_add(marks, ", ?");
			if (set)
				sb_printf(set, "%s\"%s%s\" = excluded.\"%s%s\"", set->len ? ", " : "", name, suffix, name, suffix);
		}
	}
}

static void read_value(sqlite3_stmt *st, int col, enum col_type t, char *out, size_t size)
{
	out[0] = '\0';
	if (sqlite3_column_type(st, col) == SQLITE_NULL)
		return;
	if (t == T_DEC)
		dec_format(dec_from_double(sqlite3_column_double(st, col)), out, size);
	else
		db_col_text(st, col, out, size);
}

/* Bind one normal value by its storage type; hidden or empty fields are NULL. */
static int bind_value(sqlite3_stmt *st, int pos, enum col_type t, const char *v)
{
	long h;
	int s, d;
	if (!v[0]) {
		sqlite3_bind_null(st, pos);
		if (t == T_BP)
			sqlite3_bind_null(st, ++pos);
		return pos + 1;
	}
	switch (t) {
	case T_INT:
	case T_YESNO:
		dec_parse(v, &h);
		sqlite3_bind_int64(st, pos, h / 100);
		return pos + 1;
	case T_DEC:
		dec_parse(v, &h);
		sqlite3_bind_double(st, pos, (double)h / 100.0);
		return pos + 1;
	case T_BP:
		if (sscanf(v, "%d/%d", &s, &d) != 2)
			s = d = 0;
		sqlite3_bind_int(st, pos, s);
		sqlite3_bind_int(st, pos + 1, d);
		return pos + 2;
	default:
		sqlite3_bind_text(st, pos, v, -1, SQLITE_TRANSIENT);
		return pos + 1;
	}
}

/* The form's values from a row whose first form column is `col`. */
static void read_row(sqlite3_stmt *st, int col, const struct form *f, struct form_values *vals)
{
	for (int i = 0, c = col; i < f->n; i++, c++) {
		read_value(st, c, f->f[i].shown, vals->v[i], sizeof vals->v[i]);
		if (f->f[i].shown == T_BP) {
			char dia[16];
			read_value(st, ++c, T_INT, dia, sizeof dia);
			if (vals->v[i][0] && dia[0])
				snprintf(vals->v[i] + strlen(vals->v[i]), sizeof vals->v[i] - strlen(vals->v[i]), "/%s", dia);
			else
				vals->v[i][0] = '\0';
		}
	}
}

int form_read(sqlite3 *db, const struct form *f, long visit_id, struct form_values *vals)
{
	struct sbuf sql = { 0 }, cols = { 0 };
	memset(vals, 0, sizeof *vals);
	column_list(f, &cols, NULL, NULL);
	sb_printf(&sql, "SELECT 1%s FROM \"%s\" WHERE \"%s\" = ?", sb_str(&cols), f->table, f->key);
	sqlite3_stmt *st;
	int rc = -1;
	if (sqlite3_prepare_v2(db, sb_str(&sql), -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, visit_id);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			read_row(st, 1, f, vals);
		rc = rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
		sqlite3_finalize(st);
	}
	sb_free(&sql);
	sb_free(&cols);
	return rc;
}

int form_carry(sqlite3 *db, const struct form *f, const struct visit *v, struct form_values *vals, char from_day[11])
{
	int any = 0;
	for (int i = 0; i < f->n; i++)
		any |= f->f[i].carry != 0;
	if (!any || strcmp(f->key, "kunjungan_id") != 0)
		return 0;
	struct sbuf sql = { 0 }, cols = { 0 };
	column_list(f, &cols, NULL, NULL);
	/* the patient's last row before this visit; a cancelled visit carries nothing */
	sb_printf(&sql, "SELECT k.tanggal%s FROM \"%s\" t JOIN kunjungan k ON k.id = t.kunjungan_id "
			"WHERE k.pasien_id = ?1 AND (k.tanggal, k.id) < (?2, ?3) AND k.batal IS NULL "
			"AND k.tanggal >= date(?2, ?4) ORDER BY k.tanggal DESC, k.id DESC LIMIT 1",
		  sb_str(&cols), f->table);
	char window[32];
	snprintf(window, sizeof window, "-%ld days", f->carry_days ? f->carry_days : 36600);
	struct form_values *last = xcalloc(1, sizeof *last);
	sqlite3_stmt *st;
	int rc = 0;
	if (sqlite3_prepare_v2(db, sb_str(&sql), -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, v->pasien_id);
		sqlite3_bind_text(st, 2, v->tanggal, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, v->id);
		sqlite3_bind_text(st, 4, window, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			db_col_text(st, 0, from_day, 11);
			read_row(st, 1, f, last);
			rc = 1;
		}
		sqlite3_finalize(st);
	}
	for (int i = 0; rc && i < f->n; i++) {
		const struct form_field *fd = &f->f[i];
		long n;
		if (fd->carry == 'y')
			str_copy(vals->v[i], sizeof vals->v[i], last->v[i]);
		else if (fd->carry == '+' && parse_long(last->v[i], (long)fd->def.min, (long)fd->def.max - 1, &n) == 0)
			snprintf(vals->v[i], sizeof vals->v[i], "%ld", n + 1);	/* kontak ke- counted on */
	}
	free(last);
	sb_free(&sql);
	sb_free(&cols);
	return rc;
}

/* unik: another row of the patient with the same values of the unique fields
 * (a second K1 of one pregnancy) refuses the save, told under the last of them. */
static int unique_clash(sqlite3 *db, const struct form *f, const struct visit *v, struct form_values *vals,
			struct sbuf *err)
{
	if (!f->n_unique || strcmp(f->key, "kunjungan_id") != 0)
		return 0;
	struct sbuf sql = { 0 };
	sb_printf(&sql, "SELECT k.tanggal FROM \"%s\" t JOIN kunjungan k ON k.id = t.kunjungan_id "
			"WHERE k.pasien_id = ?1 AND t.kunjungan_id <> ?2 AND k.batal IS NULL", f->table);
	for (int u = 0; u < f->n_unique; u++)
		sb_printf(&sql, " AND t.\"%s\" IS ?%d", f->f[f->unique[u]].name, u + 3);
	sb_add(&sql, " LIMIT 1");
	sqlite3_stmt *st = get_stmt(db, f, KEPT_CLASH, sb_str(&sql), err);
	sb_free(&sql);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, v->pasien_id);
	sqlite3_bind_int64(st, 2, v->id);
	struct sbuf what = { 0 };
	for (int u = 0; u < f->n_unique; u++) {
		int i = f->unique[u];
		bind_value(st, u + 3, f->f[i].shown, form_visible(f, vals, i) ? vals->v[i] : "");
		char shown[128];
		dict_display(db, &f->f[i].def, vals->v[i], shown, sizeof shown);
		sb_printf(&what, "%s%s %s", u ? ", " : "", f->f[i].def.label, shown[0] ? shown : "-");
	}
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		char day[11], at[11];
		db_col_text(st, 0, day, sizeof day);
		int last = f->unique[f->n_unique - 1];
		snprintf(vals->err[last], sizeof vals->err[last], "%s sudah tercatat pada kunjungan %s", sb_str(&what),
			 date_show(day, at));
		sb_printf(err, "%s", vals->err[last]);
	} else if (rc != SQLITE_DONE) {
		sb_printf(err, "%s", sqlite3_errmsg(db));
	}
	put_stmt(f, st);
	sb_free(&what);
	return rc == SQLITE_DONE ? 0 : -1;
}

static const char *unit_word(char unit)
{
	return unit == 'h' ? "hari" : unit == 'b' ? "bulan" : "tahun";
}

/* The age a dose has in the list, NULL when it has none there. */
static const struct age_bound *dose_age(const struct dose_ages *a, const char *value)
{
	for (int d = 0; d < a->n; d++)
		if (strcmp(a->dose[d], value) == 0)
			return &a->age[d];
	return NULL;
}

/* The minimum age of a field's value (its dose's, else the field's). */
static const struct age_bound *min_age(const struct schedule *s, const char *value)
{
	const struct age_bound *b = dose_age(&s->earliest, value);
	return b ? b : s->min_age.unit ? &s->min_age : NULL;
}

/* The patient's last earlier dose of this field: its date and value; 1 found. */
static void warn_schedule(sqlite3 *db, const struct form *f, int i, const struct visit *v, const char *value,
			  struct sbuf *out, int *n)
{
	const struct form_field *fd = &f->f[i];
	const struct schedule *s = fd->sched;
	if (!s)
		return;
	char shown[128], day[11], prev[64], at[11];
	dict_display(db, &fd->def, value, shown, sizeof shown);
	const struct age_bound *b = min_age(s, value);
	if (b && age_in_unit(&v->age, b->unit) < b->n) {
		sb_printf(out, "%s %s: umur %ld %s, jadwal paling cepat %ld %s\n", fd->def.label, shown,
			  age_in_unit(&v->age, b->unit), unit_word(b->unit), b->n, unit_word(b->unit));
		(*n)++;
	}
	b = dose_age(&s->latest, value);
	if (b && age_in_unit(&v->age, b->unit) > b->n) {
		sb_printf(out, "%s %s: umur %ld %s, jadwal paling lambat %ld %s\n", fd->def.label, shown,
			  age_in_unit(&v->age, b->unit), unit_word(b->unit), b->n, unit_word(b->unit));
		(*n)++;
	}
	if (!s->min_gap_days || !last_value(db, f, i, v, day, prev, sizeof prev))
		return;
	struct date d1, d2;
	long gap = date_parse(day, &d1) == 0 && date_parse(v->tanggal, &d2) == 0 ? date_to_days(d2) - date_to_days(d1) : 0;
	if (strcmp(prev, value) == 0) {
		sb_printf(out, "%s %s sudah diberikan pada %s\n", fd->def.label, shown, date_show(day, at));
		(*n)++;
	} else if (gap < s->min_gap_days) {
		sb_printf(out, "%s %s: dosis sebelumnya %s, baru %ld hari (jarak paling sedikit %ld hari)\n", fd->def.label,
			  shown, date_show(day, at), gap, s->min_gap_days);
		(*n)++;
	}
}

/* waspada_tabel: a recent row there (an ANC within 40 weeks before KB). */
static void warn_watch(sqlite3 *db, const struct form *f, const struct visit *v, struct sbuf *out, int *n)
{
	if (!f->watch_table[0])
		return;
	char sql[320], window[32], day[11], at[11];
	snprintf(sql, sizeof sql,
		 "SELECT max(k.tanggal) FROM \"%s\" t JOIN kunjungan k ON k.id = t.kunjungan_id WHERE k.pasien_id = ? "
		 "AND k.tanggal <= ? AND k.tanggal > date(?, ?) AND k.id <> ? AND k.batal IS NULL", f->watch_table);
	snprintf(window, sizeof window, "-%ld days", f->watch_days);
	sqlite3_stmt *st = get_stmt(db, f, KEPT_WATCH, sql, NULL);
	if (!st)
		return;
	sqlite3_bind_int64(st, 1, v->pasien_id);
	sqlite3_bind_text(st, 2, v->tanggal, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, v->tanggal, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, window, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, v->id);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		db_col_text(st, 0, day, sizeof day);
		sb_printf(out, "%s (%s)\n", f->watch_text, date_show(day, at));
		(*n)++;
	}
	put_stmt(f, st);
}

int form_warnings(sqlite3 *db, const struct form *f, const struct visit *v, const struct form_values *vals,
		  struct sbuf *out)
{
	int n = 0;
	if (strcmp(f->key, "kunjungan_id") != 0)
		return 0;
	for (int i = 0; i < f->n; i++) {
		const char *value = vals->v[i];
		/* a dose is given when it has a code, or ya for a yes/no field */
		int given = value[0] && !(f->f[i].def.type == T_YESNO && strcmp(value, "1") != 0);
		if (given && form_visible(f, vals, i))
			warn_schedule(db, f, i, v, value, out, &n);
	}
	warn_watch(db, f, v, out, &n);
	return n;
}

/* buka_kunjungan: the referred patient in the target unit's queue of the same day. */
static int open_referred(sqlite3 *db, const struct form *f, const struct visit *v, struct form_values *vals,
			 struct sbuf *err)
{
	vals->note[0] = '\0';
	int i = f->opens_visit;
	if (i < 0 || !form_visible(f, vals, i) || !vals->v[i][0] || strcmp(vals->v[i], v->unit) == 0)
		return 0;
	struct patient p;
	struct date day;
	struct visit nv;
	int created;
	if (patient_get(db, v->pasien_id, &p) != 1 || date_parse(v->tanggal, &day) != 0) {
		sb_printf(err, "pasien kunjungan ini tidak terbaca");
		return -1;
	}
	if (visit_insert(db, &p, day, vals->v[i], v->penjamin, &nv, &created, err) != 0)
		return -1;
	snprintf(vals->note, sizeof vals->note, created ? "kunjungan %s dibuka, antrian %d"
							: "sudah ada kunjungan di %s, antrian %d", nv.unit, nv.no_antrian);
	return 0;
}

int form_write(sqlite3 *db, const struct form *f, const struct visit *v, struct form_values *vals, struct sbuf *err)
{
	struct sbuf sql = { 0 }, cols = { 0 }, marks = { 0 }, set = { 0 };
	column_list(f, &cols, &marks, &set);
	sb_printf(&sql, "INSERT INTO \"%s\" (\"%s\"%s) VALUES (?%s) ON CONFLICT (\"%s\") DO UPDATE SET %s",
		  f->table, f->key, sb_str(&cols), sb_str(&marks), f->key, sb_str(&set));
	int rc = -1;
	sqlite3_stmt *st = NULL;
	if (unique_clash(db, f, v, vals, err) == 0 && (st = get_stmt(db, f, KEPT_INSERT, sb_str(&sql), err)) != NULL) {
		sqlite3_bind_int64(st, 1, v->id);
		for (int i = 0, pos = 2; i < f->n; i++)
			pos = bind_value(st, pos, f->f[i].shown, form_visible(f, vals, i) ? vals->v[i] : "");
		if (sqlite3_step(st) != SQLITE_DONE)
			sb_printf(err, "%s", sqlite3_errmsg(db));
		else
			rc = open_referred(db, f, v, vals, err);
	}
	put_stmt(f, st);
	sb_free(&sql);
	sb_free(&cols);
	sb_free(&marks);
	sb_free(&set);
	return rc;
}

int form_save(sqlite3 *db, const struct form *f, const struct visit *v, struct form_values *vals, struct sbuf *err)
{
	int bad = form_check_all(db, f, v, vals);
	if (bad) {
		sb_printf(err, "%d isian belum benar; lihat pesan di bawah kolomnya", bad);
		return -1;
	}
	if (db_begin(db) != 0) {
		sb_printf(err, "%s", db_busy_text(db));
		return -1;
	}
	if (form_write(db, f, v, vals, err) == 0 && db_commit(db) == 0)
		return 0;
	if (!err->len)
		sb_printf(err, "%s", sqlite3_errmsg(db));
	db_rollback(db);
	return -1;
}

int form_filled(sqlite3 *db, const struct form *f, long visit_id)
{
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT 1 FROM \"%s\" WHERE \"%s\" = ?", f->table, f->key);
	sqlite3_stmt *st = get_stmt(db, f, KEPT_FILLED, sql, NULL);
	if (!st)
		return 0;
	sqlite3_bind_int64(st, 1, visit_id);
	int filled = sqlite3_step(st) == SQLITE_ROW;
	put_stmt(f, st);
	return filled;
}

int form_text(sqlite3 *db, const struct form *f, long visit_id, struct sbuf *out)
{
	/* a form as read, not edited: what the history shows and may print */
	struct form_values *vals = xmalloc(sizeof *vals);
	int rc = form_read(db, f, visit_id, vals);
	if (rc == 1) {
		sb_printf(out, "%s\n\n", f->title);
		for (int i = 0; i < f->n; i++) {
			if (!form_visible(f, vals, i) || !vals->v[i][0])
				continue;
			char shown[600];
			struct column_def def = f->f[i].def;
			def.type = f->f[i].shown;	/* a computed yes/no reads "Ya", not "1" */
			dict_display(db, &def, vals->v[i], shown, sizeof shown);
			sb_printf(out, "  %-30s %s\n", f->f[i].def.label, shown);
		}
	}
	free(vals);
	return rc;
}
