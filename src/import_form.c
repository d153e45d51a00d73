/* pkm impor formulir NAMA FILE.csv: kohort registers kept in spreadsheets (ibu,
 * bayi, balita, imunisasi, the pustu's books) brought in as cluster forms, so
 * their months reach LB3. Every row goes through the rules the screen saves
 * through: form_check_all (the dictionary's checks, show-when, formulas) and
 * form_write (unik: one K1 per pregnancy); its visit is found or opened as
 * `impor kunjungan` opens one (visit_insert). All or nothing. A visit that
 * already has the form is refused: a file adds records, it never overwrites
 * one a desk saved (that is changed on the screen, where it can be read). */
#include "pkm/import.h"
#include "pkm/csv.h"
#include "pkm/db.h"
#include "pkm/form.h"
#include "pkm/visit.h"
#include <stdlib.h>
#include <string.h>

/* Between a row's staged values: a cell never holds it (control characters
 * are refused by the sheet reader). */
#define SEP '\x1f'
#define MAX_WARNINGS 50

/* The file's column of the visit's three and of each field (-1: none). */
struct columns {
	int rm, day, unit;
	int col[FORM_MAX_FIELDS];
};

/* A header or a choice as people write it: letters and digits only, lower
 * case, accents dropped ("Kontak ke-" is "kontakke", "LiLA" "lila"). */
static void fold(const char *in, char *out, size_t size)
{
	static const char latin1[] = "aaaaaaaceeeeiiiidnooooo ouuuuyps";	/* U+00C0-U+00DF, again from U+00E0 */
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)in; *p && n + 1 < size; p++) {
		char c = 0;
		if ((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z'))
			c = (char)*p;
		else if (*p >= 'A' && *p <= 'Z')
			c = (char)(*p + 32);
		else if (*p == 0xC3 && p[1] >= 0x80 && p[1] <= 0xBF)
			c = latin1[(*++p - 0x80) & 0x1f];
		if (c && c != ' ')
			out[n++] = c;
	}
	out[n] = '\0';
}

/* The field a header names: its column name, else its label folded, else its
 * name folded ("Pb Tb"); -1 none, -2 more than one of the same kind. */
static int field_of_header(const struct form *f, const char *name)
{
	for (int i = 0; i < f->n; i++)
		if (strcmp(f->f[i].name, name) == 0)
			return i;
	char want[128], have[128];
	fold(name, want, sizeof want);
	for (int by_label = 1; by_label >= 0 && want[0]; by_label--) {
		int found = -1;
		for (int i = 0; i < f->n; i++) {
			fold(by_label ? f->f[i].def.label : f->f[i].name, have, sizeof have);
			if (strcmp(want, have) == 0)
				found = found >= 0 ? -2 : i;
		}
		if (found != -1)
			return found;
	}
	return -1;
}

static void read_layout(struct sheet *s, const struct form *f, struct columns *L)
{
	L->rm = col_of(s, "no_rm");
	L->day = col_of(s, "tanggal");
	L->unit = col_of(s, "unit");
	for (int i = 0; i < f->n; i++)
		L->col[i] = -1;
	for (int c = 0; c < s->ncols; c++) {
		if (c == L->rm || c == L->day || c == L->unit)
			continue;
		int i = field_of_header(f, s->names[c]);
		if (i == -2)
			problem(s, 1, NULL, "kolom '%s' cocok dengan lebih dari satu isian: pakai nama kolomnya", s->names[c]);
		else if (i < 0)
			problem(s, 1, NULL, "kolom '%s' tidak ada di formulir %s (lihat pkm impor formulir %s --contoh)",
				s->names[c], f->id, f->id);
		else if (f->f[i].def.type == T_CALC)
			problem(s, 1, NULL, "kolom '%s' (%s) dihitung otomatis: hapus dari berkas", s->names[c],
				f->f[i].def.label);
		else if (L->col[i] >= 0)
			problem(s, 1, NULL, "kolom '%s' dan '%s' sama-sama %s", s->names[L->col[i]], s->names[c],
				f->f[i].def.label);
		else
			L->col[i] = c;
	}
	for (int i = 0; i < f->n; i++)
		if (L->col[i] < 0 && f->f[i].def.required && f->f[i].when_field < 0)
			problem(s, 1, NULL, "kolom '%s' (%s) wajib ada", f->f[i].name, f->f[i].def.label);
}

static const char *header_of(const struct sheet *s, const struct form *f, const struct columns *L, int i)
{
	return L->col[i] >= 0 ? s->names[L->col[i]] : f->f[i].name;
}

/* A choice may be written by its code or by its label ("Non-reaktif" is NR). */
static void as_code(sqlite3 *db, const struct column_def *def, const char *cell, char *out, size_t size)
{
	char norm[128], code[DICT_MAX_CHOICES][24], label[DICT_MAX_CHOICES][80], want[128], have[128];
	str_copy(out, size, cell);
	if (!*cell || !dict_has_options(def) || !dict_check(db, def, cell, norm, sizeof norm))
		return;
	int n = dict_options(db, def, code, label, DICT_MAX_CHOICES);
	fold(cell, want, sizeof want);
	for (int k = 0; k < n && want[0]; k++) {
		fold(label[k], have, sizeof have);
		if (strcmp(want, have) == 0) {
			str_copy(out, size, code[k]);
			return;
		}
	}
}

/* A field the show-when rules hide was given a value: the screen would not
 * have asked it, so the file is wrong there (the sheet and the rule disagree). */
static void hidden_given(sqlite3 *db, struct sheet *s, const struct form *f, const char *header, int i)
{
	const struct form_field *fd = &f->f[i], *w = &f->f[fd->when_field];
	struct sbuf when = { 0 };
	for (int k = 0; k < fd->n_when; k++) {
		char shown[128];
		struct column_def def = w->def;
		def.type = w->shown;
		dict_display(db, &def, fd->when[k], shown, sizeof shown);
		sb_printf(&when, "%s%s", k ? " atau " : "", shown[0] ? shown : fd->when[k]);
	}
	problem(s, s->line, header, "%s hanya diisi bila %s = %s", fd->def.label, w->def.label, sb_str(&when));
	sb_free(&when);
}

/* Each field's message of the form's checks, under its column. */
static void told_fields(struct sheet *s, long line, const struct form *f, const struct columns *L,
			const struct form_values *vals)
{
	for (int i = 0; i < f->n; i++)
		if (vals->err[i][0] && form_visible(f, vals, i))
			problem(s, line, header_of(s, f, L, i), "%s", vals->err[i]);
}

/* The patient, the day and the unit of a row; 0 when the visit is known well
 * enough for the form's checks (the age at that day). */
static int check_visit(sqlite3 *db, struct sheet *s, const struct form *f, const struct columns *L,
		       const struct column_def *unit_def, struct patient *p, struct visit *v)
{
	long line = s->line;
	const char *rm = row_cell(s, L->rm), *day = row_cell(s, L->day), *unit = row_cell(s, L->unit);
	int bad = 0;
	memset(v, 0, sizeof *v);
	memset(p, 0, sizeof *p);	/* an unknown No. RM is nobody, not the line before's patient */
	if (!*rm)
		problem(s, line, "no_rm", "No. RM wajib diisi"), bad = 1;
	else if (patient_by_rm(db, rm, p) != 1)
		problem(s, line, "no_rm", "pasien dengan No. RM %s tidak ada", rm), bad = 1;
	struct date d, birth;
	if (!*day)
		problem(s, line, "tanggal", "tanggal wajib diisi"), bad = 1;
	else if (strict_date(s, line, day, "tanggal") != 0)
		bad = 1;
	else if (date_parse(day, &d) == 0 && date_cmp(d, date_today()) > 0)
		problem(s, line, "tanggal", "%s setelah hari ini", day), bad = 1;
	else
		date_format(d, v->tanggal);
	if (!bad && (date_parse(p->tanggal_lahir, &birth) != 0 || age_at(birth, d, &v->age) != 0))
		problem(s, line, "tanggal", "sebelum tanggal lahir pasien (%s)", p->tanggal_lahir), bad = 1;
	const char *why = dict_check(db, unit_def, unit, v->unit, sizeof v->unit);
	if (why)
		problem(s, line, "unit", "%s", why), bad = 1;
	if (bad)
		return -1;
	v->pasien_id = p->id;
	if (form_applies(f, v->unit, p->sex, &v->age))
		return 0;
	char target[160], age[32];
	form_describe_target(f, target, sizeof target);
	if (form_fits_patient(f, p->sex, &v->age)) {
		struct sbuf units = { 0 };
		for (int k = 0; k < f->n_units; k++)
			sb_printf(&units, "%s%s", k ? " " : "", f->units[k]);
		problem(s, line, "unit", "formulir ini untuk unit %s, bukan %s", sb_str(&units), v->unit);
		sb_free(&units);
	} else {
		problem(s, line, "no_rm", "pasien %s (%c, %s) bukan sasaran formulir ini (%s)", p->no_rm, p->sex,
			age_show(&v->age, age, sizeof age), target);
	}
	return -1;
}

/* The visit of the row already has this form (a desk saved it). */
static int already_filled(sqlite3 *db, const struct form *f, const struct visit *v)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id FROM kunjungan WHERE pasien_id = ? AND tanggal = ? AND unit = ?", NULL);
	if (!st)
		return 0;
	sqlite3_bind_int64(st, 1, v->pasien_id);
	sqlite3_bind_text(st, 2, v->tanggal, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, v->unit, -1, SQLITE_STATIC);
	long id = sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return id && form_filled(db, f, id);
}

/* One row checked (its messages told) and its values in normal form. */
static void check_row(sqlite3 *db, struct sheet *s, const struct form *f, const struct columns *L,
		      const struct column_def *unit_def, struct patient *p, struct visit *v, struct form_values *vals)
{
	int visit_ok = check_visit(db, s, f, L, unit_def, p, v) == 0;
	for (int i = 0; i < f->n; i++) {
		vals->v[i][0] = vals->err[i][0] = '\0';
		if (L->col[i] >= 0)
			as_code(db, &f->f[i].def, row_cell(s, L->col[i]), vals->v[i], sizeof vals->v[i]);
	}
	form_check_all(db, f, v, vals);
	for (int i = 0; i < f->n; i++)
		if (!form_visible(f, vals, i) && L->col[i] >= 0 && *row_cell(s, L->col[i]))
			hidden_given(db, s, f, header_of(s, f, L, i), i);
	told_fields(s, s->line, f, L, vals);
	char day[11];
	if (visit_ok && already_filled(db, f, v))
		problem(s, s->line, "tanggal", "kunjungan %s di %s sudah berisi formulir ini: ubah di layar kunjungan",
			date_show(v->tanggal, day), v->unit);
}

static void stage_row(sqlite3_stmt *st, long line, const struct form *f, const struct patient *p,
		      const struct visit *v, const struct form_values *vals)
{
	struct sbuf packed = { 0 };
	for (int i = 0; i < f->n; i++) {
		if (i)
			sb_addc(&packed, SEP);
		if (f->f[i].def.type != T_CALC && form_visible(f, vals, i))	/* formulas: again at the write */
			sb_add(&packed, vals->v[i]);
	}
	sqlite3_bind_int64(st, 1, line);
	sqlite3_bind_int64(st, 2, p->id);
	const char *text[] = { p->tanggal_lahir, p->no_bpjs, p->penjamin, v->tanggal, v->unit, sb_str(&packed) };
	for (int i = 0; i < 6; i++)
		sqlite3_bind_text(st, i + 3, text[i], -1, SQLITE_TRANSIENT);
	sb_free(&packed);
}

static void unpack(const char *packed, const struct form *f, struct form_values *vals)
{
	for (int i = 0; i < f->n; i++) {
		size_t n = strcspn(packed, "\x1f");
		snprintf(vals->v[i], sizeof vals->v[i], "%.*s", (int)n, packed);
		vals->err[i][0] = '\0';
		packed += n + (packed[n] != '\0');
	}
}

/* Two rows of one visit (patient, day, unit): a visit has one row of a form. */
static void same_visit_twice(struct sheet *s, sqlite3 *db)
{
	import_lines_told(s, db,
		"SELECT a.id, (SELECT min(b.id) FROM impor_formulir b WHERE b.pasien_id = a.pasien_id "
		"AND b.tanggal = a.tanggal AND b.unit = a.unit AND b.id < a.id) AS pertama "
		"FROM impor_formulir a WHERE a.pasien_id > 0 AND pertama IS NOT NULL ORDER BY a.id",
		"tanggal", "kunjungan yang sama sudah diisi di baris %lld", "kunjungan ganda");
}

struct written {
	int rows, visits, warnings;
	struct sbuf warned;
};

/* The screen asks about a warning before saving; a file cannot answer, so
 * the rows go in and each warning is listed for the officer to check. */
static void list_warnings(struct sheet *s, long line, const struct sbuf *out, struct written *w)
{
	for (const char *p = sb_str(out); *p;) {
		size_t n = strcspn(p, "\n");
		if (w->warnings++ < MAX_WARNINGS)
			sb_printf(&w->warned, "%s:%ld: peringatan: %.*s\n", s->path, line, (int)n, p);
		p += n + (p[n] == '\n');
	}
}

/* Write the staged rows, earlier days first (a weighing's gain reads the one
 * before it, a K1 of the file is there when its K2 is checked). */
static void write_rows(sqlite3 *db, struct sheet *s, const struct form *f, const struct columns *L,
		       struct form_values *vals, struct written *w)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id, pasien_id, tanggal_lahir, no_bpjs, penjamin, tanggal, unit, nilai "
				      "FROM impor_formulir ORDER BY tanggal, id", NULL);
	struct patient *p = xcalloc(1, sizeof *p);
	int rc = SQLITE_ERROR;
	while (st && !s->nerr && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		long line = (long)sqlite3_column_int64(st, 0);
		char day_s[11], unit[12], payer[24];
		p->id = (long)sqlite3_column_int64(st, 1);
		db_col_text(st, 2, p->tanggal_lahir, sizeof p->tanggal_lahir);
		db_col_text(st, 3, p->no_bpjs, sizeof p->no_bpjs);
		db_col_text(st, 4, payer, sizeof payer);
		db_col_text(st, 5, day_s, sizeof day_s);
		db_col_text(st, 6, unit, sizeof unit);
		unpack((const char *)sqlite3_column_text(st, 7), f, vals);
		struct date day;
		date_parse(day_s, &day);
		struct visit v;
		struct sbuf why = { 0 }, warn = { 0 };
		int created = 0;
		if (visit_insert(db, p, day, unit, payer, &v, &created, &why) != 0) {
			problem(s, line, NULL, "%s", sb_str(&why));
		} else if (!created && form_filled(db, f, v.id)) {
			problem(s, line, "tanggal", "kunjungan ini sudah berisi formulir ini (disimpan dari layar selama impor)");
		} else {
			form_compute(db, f, &v, vals);
			told_fields(s, line, f, L, vals);
			if (!s->nerr && form_write(db, f, &v, vals, &why) != 0) {
				int at = -1;
				for (int i = 0; i < f->n && at < 0; i++)
					at = vals->err[i][0] ? i : -1;
				problem(s, line, at >= 0 ? header_of(s, f, L, at) : NULL, "%s", sb_str(&why));
			} else if (!s->nerr) {
				w->rows++;
				w->visits += created;
				if (form_warnings(db, f, &v, vals, &warn))
					list_warnings(s, line, &warn, w);
			}
		}
		sb_free(&why);
		sb_free(&warn);
	}
	if (!s->nerr && rc != SQLITE_DONE)
		problem(s, 0, NULL, "tabel sementara impor tidak terbaca: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	free(p);
}

int import_formulir(sqlite3 *db, struct form *f, const char *path, const struct sheet_opts *o,
		    struct sbuf *done, struct sbuf *err)
{
	static const char *const required[] = { "no_rm", "tanggal", "unit", NULL };
	if (strcmp(f->key, "kunjungan_id") != 0) {
		sb_printf(err, "%s: formulir %s diisi per bulan, bukan per kunjungan pasien: tidak diimpor\n", path, f->id);
		return -1;
	}
	struct sheet s;
	if (sheet_open(&s, path, required, o, err) != 0)
		return finish_errors(&s);
	form_keep(f);	/* its statements once for the file, not once a row */
	struct columns L;
	read_layout(&s, f, &L);
	struct column_def unit_def;
	if (s.nerr || dict_get(db, "kunjungan", "unit", &unit_def) != 0 || import_stage_on_disk(&s, db, 0) != 0 ||
	    begin_check(&s, db) != 0)
		return finish_errors(&s);
	unit_def.required = 1;
	sqlite3_stmt *put = import_stage(db, &s, "DROP TABLE IF EXISTS temp.impor_formulir; "
		"CREATE TEMP TABLE impor_formulir (id INTEGER PRIMARY KEY, pasien_id, tanggal_lahir, no_bpjs, penjamin, "
		"tanggal, unit, nilai)", "INSERT INTO impor_formulir VALUES (?,?,?,?,?,?,?,?)");
	struct patient *p = xcalloc(1, sizeof *p);
	struct form_values *vals = xcalloc(1, sizeof *vals);
	struct visit v;
	while (put && sheet_next(&s)) {
		check_row(db, &s, f, &L, &unit_def, p, &v, vals);
		stage_row(put, s.line, f, p, &v, vals);
		import_staged(&s, db, put);
	}
	free(p);
	sqlite3_finalize(put);
	char note[400] = "";
	if (put && sqlite3_exec(db, "CREATE INDEX temp.impor_formulir_sama ON impor_formulir(pasien_id, tanggal, unit, id);"
			       "CREATE INDEX temp.impor_formulir_hari ON impor_formulir(tanggal, id)", NULL, NULL, NULL) == SQLITE_OK) {
		same_visit_twice(&s, db);
		import_signed_months(db, &s, "impor_formulir", o, note, sizeof note);
	}
	if (s.nerr || begin_write(&s, db, 1) != 0) {
		db_rollback(db);
		import_drop_stage(db, "impor_formulir");
		free(vals);
		return finish_errors(&s);
	}
	long first = db_query_long(db, "SELECT coalesce(max(id), 0) + 1 FROM kunjungan", 0);
	struct written w = { 0 };
	write_rows(db, &s, f, &L, vals, &w);
	free(vals);
	long last = db_query_long(db, "SELECT coalesce(max(id), 0) FROM kunjungan", 0);
	char made[600], ids[64] = "";
	int opened = last >= first;	/* the visits it made, consecutive: the trail names them */
	if (opened)
		snprintf(ids, sizeof ids, " (id %ld-%ld)", first, last);
	snprintf(made, sizeof made, "%d formulir %s, %d kunjungan baru%s%s", w.rows, f->id, w.visits, ids, note);
	int rc = end_write(&s, db, opened ? "kunjungan" : f->table, opened ? first : 0, opened ? last : 0, made);
	import_drop_stage(db, "impor_formulir");
	if (rc != 0) {
		sb_free(&w.warned);
		return finish_errors(&s);
	}
	sb_add(done, sb_str(&w.warned));
	if (w.warnings > MAX_WARNINGS)
		sb_printf(done, "%s: ... dan %d peringatan lain\n", path, w.warnings - MAX_WARNINGS);
	sb_printf(done, "%s: %d formulir %s diimpor (%d kunjungan baru)%s\n", path, w.rows, f->id, w.visits,
		  w.warnings ? "; periksa peringatannya" : "");
	sb_free(&w.warned);
	sheet_free(&s);
	return 0;
}

/* A square root without libm: Newton's steps, enough for a field's limits. */
static double root(double a)
{
	double x = a > 1 ? a : 1;
	for (int k = 0; k < 60; k++)
		x = (x + a / x) / 2;
	return x;
}

/* A value that passes the field's checks and reads like a real one: the
 * smallest whole number (a count, a contact), a decimal between its limits
 * (their geometric mean: 70.7 kg for 25-200), a date twelve weeks back. */
static void example_value(const struct column_def *d, struct date today, const char *unit, char *out, size_t size)
{
	char code[24], label[80];
	double x = d->min > 0 ? root(d->min * d->max) : (d->min + d->max) / 2;
	out[0] = '\0';
	switch (d->type) {
	case T_INT:
		snprintf(out, size, "%ld", d->min <= d->max ? (long)d->min : 1L);
		break;
	case T_DEC:
		snprintf(out, size, "%.1f", d->min <= d->max ? (double)(long)(x * 10 + 0.5) / 10 : 1.0);
		break;
	case T_DATE:
		date_format(date_from_days(date_to_days(today) - 84), out);
		break;
	case T_TIME:
		str_copy(out, size, "08:00");
		break;
	case T_BP:
		str_copy(out, size, "120/80");
		break;
	case T_CHOICE:
		if (dict_choice(d, 0, code, label) == 0)
			str_copy(out, size, code);
		break;
	case T_YESNO:
		str_copy(out, size, "0");
		break;
	case T_UNIT:
		str_copy(out, size, unit);
		break;
	default:
		if (d->required)
			str_copy(out, size, "contoh");
	}
}

/* The first patient (by id) the form is for, by sex and age today. */
static int example_patient(sqlite3 *db, const struct form *f, struct date today, struct patient *p,
			   struct age *age)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT no_rm, tanggal_lahir, jenis_kelamin FROM pasien ORDER BY id", NULL);
	int found = 0;
	while (st && !found && sqlite3_step(st) == SQLITE_ROW) {
		char born[11], sex[4];
		struct date birth;
		db_col_text(st, 1, born, sizeof born);
		db_col_text(st, 2, sex, sizeof sex);
		found = date_parse(born, &birth) == 0 && age_at(birth, today, age) == 0 &&
			form_fits_patient(f, sex[0], age) &&
			patient_by_rm(db, (const char *)sqlite3_column_text(st, 0), p) == 1;
	}
	sqlite3_finalize(st);
	return found;
}

int import_formulir_contoh(sqlite3 *db, const struct form *f, FILE *out, struct sbuf *err)
{
	if (strcmp(f->key, "kunjungan_id") != 0) {
		sb_printf(err, "formulir %s diisi per bulan, bukan per kunjungan pasien: tidak diimpor\n", f->id);
		return -1;
	}
	struct date today = date_today();
	struct patient *p = xcalloc(1, sizeof *p);
	struct form_values *vals = xcalloc(1, sizeof *vals);
	struct visit v = { 0 };
	date_format(today, v.tanggal);
	str_copy(v.unit, sizeof v.unit, f->n_units ? f->units[0] : "K1");
	if (example_patient(db, f, today, p, &v.age))
		v.pasien_id = p->id;
	else
		sb_printf(err, "belum ada pasien yang sesuai dengan formulir %s: isi no_rm dengan pasien yang terdaftar\n",
			  f->id);
	for (int i = 0; i < f->n; i++)
		if (f->f[i].def.type != T_CALC && form_visible(f, vals, i))
			example_value(&f->f[i].def, today, v.unit, vals->v[i], sizeof vals->v[i]);
	int bad = form_check_all(db, f, &v, vals);
	fputs("no_rm,tanggal,unit", out);
	for (int i = 0; i < f->n; i++)
		if (f->f[i].def.type != T_CALC)
			fprintf(out, ",%s", f->f[i].name);
	fputc('\n', out);
	csv_write_field(out, p->no_rm);
	fprintf(out, ",%s,%s", v.tanggal, v.unit);
	for (int i = 0; i < f->n; i++) {
		if (f->f[i].def.type == T_CALC)
			continue;
		char text[512];
		str_copy(text, sizeof text, form_visible(f, vals, i) ? vals->v[i] : "");
		if (f->f[i].def.type == T_YESNO)	/* as people type it: Y or T */
			dict_edit_text(&f->f[i].def, vals->v[i], text, sizeof text);
		fputc(',', out);
		csv_write_field(out, text);
	}
	fputc('\n', out);
	for (int i = 0; i < f->n && bad; i++)
		if (vals->err[i][0])
			sb_printf(err, "contoh %s tidak lolos pemeriksaan: %s\n", f->f[i].name, vals->err[i]);
	free(p);
	free(vals);
	return bad ? -1 : 0;
}
