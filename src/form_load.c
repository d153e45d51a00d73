/* Reading the INI files in forms/ and checking each against the schema and the dictionary,
 * so a broken form is refused with file:line before anyone types into it. */
#include "pkm/form.h"
#include "pkm/db.h"
#include "pkm/ini.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const form_keys[] = { "title", "table", "key", "units", "sex", "age_min", "age_max", "fields",
					  "bawa_hari", "unik", "buka_kunjungan", "waspada_tabel", "waspada_hari", "waspada_pesan",
					  NULL };
static const char *const field_keys[] = { "show_when", "bawa", "umur_min", "umur_dosis", "umur_dosis_maks", "jarak_min",
					  NULL };

/* Split a list on commas and white space into words; returns the count. */
static int split_words(const char *s, char (*out)[32], int max, int *overflow)
{
	int n = 0;
	*overflow = 0;
	while (*s) {
		s += strspn(s, ", \t");
		size_t len = strcspn(s, ", \t");
		if (!len)
			break;
		if (n == max) {
			*overflow = 1;
			break;
		}
		snprintf(out[n++], 32, "%.*s", (int)(len < 31 ? len : 31), s);
		s += len;
	}
	return n;
}

static int parse_age(const char *s, struct age_bound *b)
{
	char unit[16], extra;
	if (sscanf(s, "%ld %15s %c", &b->n, unit, &extra) != 2 || b->n < 0)
		return -1;
	b->unit = strcmp(unit, "hari") == 0 ? 'h' : strcmp(unit, "bulan") == 0 ? 'b' : strcmp(unit, "tahun") == 0 ? 't' : 0;
	return b->unit ? 0 : -1;
}

static const char *storage_of(enum col_type t)
{
	switch (t) {
	case T_INT:
	case T_YESNO:
	case T_BP:
		return "INTEGER";
	case T_DEC:
		return "REAL";
	default:
		return "TEXT";
	}
}

/* Loading state: the form file and a count of its problems. */
struct loader {
	sqlite3 *db;
	struct ini ini;
	struct form *fm;
	struct sbuf *err;
	int bad;
};

static void problem(struct loader *l, const char *section, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void problem(struct loader *l, const char *section, const char *key, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	ini_error(&l->ini, l->err, section, key, "%s", msg);
	l->bad++;
}

/* Does the table have every column the field writes, with the right type? */
static void check_storage(struct loader *l, const struct form_field *fd)
{
	const char *want = storage_of(fd->shown);
	char cols[2][48];
	int n = 1;
	if (fd->shown == T_BP) {
		snprintf(cols[0], sizeof cols[0], "%s_sistol", fd->name);
		snprintf(cols[1], sizeof cols[1], "%s_diastol", fd->name);
		n = 2;
	} else {
		snprintf(cols[0], sizeof cols[0], "%s", fd->name);
	}
	for (int i = 0; i < n; i++) {
		char type[32];
		int pk;
		db_column_type(l->db, l->fm->table, cols[i], type, sizeof type, &pk);
		if (!type[0])
			problem(l, "form", "fields", "kolom %s tidak ada di tabel %s", cols[i], l->fm->table);
		else if (strcmp(type, want) != 0)
			problem(l, "form", "fields", "kolom %s.%s bertipe %s, padahal jenis %s perlu %s", l->fm->table,
				cols[i], type, dict_type_name(fd->def.type), want);
	}
}

static int field_index(const struct form *fm, const char *name)
{
	for (int i = 0; i < fm->n; i++)
		if (strcmp(fm->f[i].name, name) == 0)
			return i;
	return -1;
}

/* The arguments of a formula must be numbers or fields listed before it. */
static void check_formula(struct loader *l, struct form_field *fd, int self)
{
	const char *why, *formula = fd->def.formula ? fd->def.formula : "";
	struct field_calc *c = fd->calc = xcalloc(1, sizeof *fd->calc);
	if (calc_parse(formula, &c->call, &why) != 0) {
		problem(l, "form", "fields", "%s: %s ('%s' di kamus)", fd->name, why, formula);
		return;
	}
	fd->shown = c->call.f->result;
	for (int a = 0; a < c->call.nargs; a++) {
		c->field[a] = -1;
		if (calc_arg_is_number(&c->call, a))
			continue;
		int k = field_index(l->fm, c->call.args[a]);
		if (k < 0 || k >= self)
			problem(l, "form", "fields", "%s dihitung dari %s, yang harus ada di formulir sebelum %s", fd->name,
				c->call.args[a], fd->name);
		c->field[a] = k;
	}
}

static void load_fields(struct loader *l)
{
	struct form *fm = l->fm;
	const char *list = ini_get(&l->ini, "form", "fields");
	char names[FORM_MAX_FIELDS][32];
	int overflow;
	int n = split_words(list ? list : "", names, FORM_MAX_FIELDS, &overflow);
	if (overflow)
		problem(l, "form", "fields", "terlalu banyak kolom (maksimal %d)", FORM_MAX_FIELDS);
	if (!n)
		problem(l, "form", "fields", "fields kosong: sebutkan kolom formulir berurutan");
	for (int i = 0; i < n; i++) {
		if (field_index(fm, names[i]) >= 0) {
			problem(l, "form", "fields", "kolom %s disebut dua kali", names[i]);
			continue;
		}
		struct form_field *fd = &fm->f[fm->n];
		memset(fd, 0, sizeof *fd);
		str_copy(fd->name, sizeof fd->name, names[i]);
		fd->when_field = -1;
		if (!str_is_ident(names[i]) || dict_get(l->db, fm->table, names[i], &fd->def) != 0) {
			problem(l, "form", "fields", "kolom %s.%s tidak ada di kamus data", fm->table, names[i]);
			continue;
		}
		fm->n++;
		fd->shown = fd->def.type;
		const char *why = dict_self_check(&fd->def);
		if (why)
			problem(l, "form", "fields", "%s: kamus data: %s", fd->name, why);
		if (fd->def.type == T_CALC)
			check_formula(l, fd, fm->n - 1);
		check_storage(l, fd);
	}
}

/* show_when = FIELD = VALUE|VALUE */
static void load_show_when(struct loader *l, struct form_field *fd, int self, const char *section)
{
	const char *rule = ini_get(&l->ini, section, "show_when");
	if (!rule)
		return;
	char name[32], values[256];
	if (strlen(rule) >= sizeof values) {	/* a rule read in part would show the field wrongly */
		problem(l, section, "show_when", "aturan lebih dari %zu karakter", sizeof values - 1);
		return;
	}
	if (sscanf(rule, " %31[a-z0-9_] = %255[^\n]", name, values) != 2 || strlen(name) == sizeof name - 1) {
		problem(l, section, "show_when", "tulis show_when = KOLOM = NILAI atau KOLOM = NILAI|NILAI");
		return;
	}
	int k = field_index(l->fm, name);
	if (k < 0 || k >= self) {
		problem(l, section, "show_when", "%s harus kolom formulir ini yang ada sebelum %s", name, fd->name);
		return;
	}
	fd->when_field = k;
	struct column_def def = l->fm->f[k].def;
	def.type = l->fm->f[k].shown;
	def.required = 1;
	for (char *save = NULL, *v = strtok_r(values, "|", &save); v; v = strtok_r(NULL, "|", &save)) {
		char norm[128];
		const char *why = dict_check(l->db, &def, v, norm, sizeof norm);
		if (why)
			problem(l, section, "show_when", "nilai '%s' tidak sah untuk %s: %s", str_trim(v), name, why);
		else if (fd->n_when == FORM_MAX_WHEN) {
			problem(l, section, "show_when", "paling banyak %d nilai", FORM_MAX_WHEN);
			return;
		} else {
			fd->when = xrealloc(fd->when, (size_t)(fd->n_when + 1) * sizeof *fd->when);
			str_copy(fd->when[fd->n_when++], sizeof fd->when[0], norm);
		}
	}
}

/* bawa = ya | tambah: what a new form of the patient starts with */
static void load_carry(struct loader *l, struct form_field *fd, const char *section)
{
	const char *v = ini_get(&l->ini, section, "bawa");
	if (!v)
		return;
	if (strcmp(v, "ya") == 0)
		fd->carry = 'y';
	else if (strcmp(v, "tambah") == 0 && fd->def.type == T_INT)
		fd->carry = '+';
	else if (strcmp(v, "tambah") == 0)
		problem(l, section, "bawa", "bawa = tambah hanya untuk kolom bulat (kontak ke-); %s bukan bulat", fd->name);
	else
		problem(l, section, "bawa", "bawa = ya, atau tambah untuk kolom bulat (kontak ke-), bukan '%s'", v);
	if (fd->carry && fd->def.type == T_CALC) {
		problem(l, section, "bawa", "%s dihitung: tidak dibawa", fd->name);
		fd->carry = 0;
	}
	if (fd->carry && strcmp(l->fm->key, "kunjungan_id") != 0)
		problem(l, section, "bawa", "formulir bulanan tidak membawa isian");
}

/* key = DOSIS:UMUR, ...: each dose a valid value of the field with its age */
static void load_doses(struct loader *l, struct form_field *fd, const char *section, const char *key,
		       struct dose_ages *out)
{
	const char *doses = ini_get(&l->ini, section, key);
	if (!doses)
		return;
	char list[512];
	str_copy(list, sizeof list, doses);
	for (char *save = NULL, *d = strtok_r(list, ",", &save); d; d = strtok_r(NULL, ",", &save)) {
		char code[8], age[32], norm[32];
		if (sscanf(d, " %7[^:] : %31[^\n]", code, age) != 2) {
			problem(l, section, key, "tulis %s = DOSIS:UMUR, mis. 1:42 hari, 4:18 bulan", key);
			continue;
		}
		struct column_def def = fd->def;
		def.required = 1;
		const char *why = dict_check(l->db, &def, code, norm, sizeof norm);
		if (why) {
			problem(l, section, key, "dosis '%s' tidak sah untuk %s: %s", code, fd->name, why);
		} else if (out->n == FORM_MAX_DOSES) {
			problem(l, section, key, "%s paling banyak %d dosis", key, FORM_MAX_DOSES);
		} else if (parse_age(age, &out->age[out->n]) != 0) {
			problem(l, section, key, "umur dosis %s ditulis angka dan satuan: mis. 18 bulan", code);
		} else {
			str_copy(out->dose[out->n++], sizeof out->dose[0], norm);
		}
	}
}

/* umur_min = 9 bulan; umur_dosis = 1:42 hari, 4:18 bulan; umur_dosis_maks =
 * KN1:2 hari; jarak_min = 28 hari */
static void load_schedule(struct loader *l, struct form_field *fd, const char *section)
{
	const char *min = ini_get(&l->ini, section, "umur_min"), *gap = ini_get(&l->ini, section, "jarak_min");
	if (!min && !gap && !ini_get(&l->ini, section, "umur_dosis") && !ini_get(&l->ini, section, "umur_dosis_maks"))
		return;
	struct schedule *s = fd->sched = xcalloc(1, sizeof *fd->sched);
	if (min && parse_age(min, &s->min_age) != 0)
		problem(l, section, "umur_min", "umur_min ditulis angka dan satuan: mis. 9 bulan, 42 hari");
	char unit[16], extra;
	if (gap && (sscanf(gap, "%ld %15s %c", &s->min_gap_days, unit, &extra) != 2 || strcmp(unit, "hari") != 0 ||
		    s->min_gap_days < 1))
		problem(l, section, "jarak_min", "jarak_min ditulis jumlah hari: mis. 28 hari");
	load_doses(l, fd, section, "umur_dosis", &s->earliest);
	load_doses(l, fd, section, "umur_dosis_maks", &s->latest);
}

/* waspada_tabel = f_anc; waspada_hari = 280; waspada_pesan = why it matters */
static void load_watch(struct loader *l)
{
	struct form *fm = l->fm;
	const char *t = ini_get(&l->ini, "form", "waspada_tabel");
	if (!t)
		return;
	const char *days = ini_get(&l->ini, "form", "waspada_hari"), *text = ini_get(&l->ini, "form", "waspada_pesan");
	char type[32];
	int pk;
	type[0] = '\0';
	pk = 0;
	if (str_is_ident(t))
		db_column_type(l->db, t, "kunjungan_id", type, sizeof type, &pk);
	if (!pk)
		problem(l, "form", "waspada_tabel", "tabel %s tidak ada atau bukan tabel formulir kunjungan", t);
	else if (!days || parse_long(days, 1, 36600, &fm->watch_days) != 0)
		problem(l, "form", "waspada_hari", "waspada_hari wajib: jumlah hari 1-36600");
	else if (!text || !*text)
		problem(l, "form", "waspada_pesan", "waspada_pesan wajib: apa yang perlu diperiksa");
	else {
		str_copy(fm->watch_table, sizeof fm->watch_table, t);
		str_copy(fm->watch_text, sizeof fm->watch_text, text);
	}
}

/* bawa_hari = N; unik = FIELD, FIELD; buka_kunjungan = FIELD */
static void load_continuity(struct loader *l)
{
	struct form *fm = l->fm;
	const char *opens = ini_get(&l->ini, "form", "buka_kunjungan");
	fm->opens_visit = opens ? field_index(fm, opens) : -1;
	if (opens && (fm->opens_visit < 0 || fm->f[fm->opens_visit].def.type != T_UNIT ||
		      strcmp(fm->key, "kunjungan_id") != 0)) {
		problem(l, "form", "buka_kunjungan", "%s harus kolom unit formulir kunjungan ini", opens);
		fm->opens_visit = -1;
	}
	const char *days = ini_get(&l->ini, "form", "bawa_hari");
	if (days && parse_long(days, 1, 36600, &fm->carry_days) != 0)
		problem(l, "form", "bawa_hari", "bawa_hari harus jumlah hari 1-36600, bukan '%s'", days);
	const char *u = ini_get(&l->ini, "form", "unik");
	if (!u)
		return;
	char list[256];
	str_copy(list, sizeof list, u);
	for (char *save = NULL, *w = strtok_r(list, ", ", &save); w; w = strtok_r(NULL, ", ", &save)) {
		int k = field_index(fm, w);
		if (k < 0 || fm->f[k].def.type == T_CALC || fm->f[k].shown == T_BP)
			problem(l, "form", "unik", "%s harus kolom isian formulir ini (bukan hitung atau tensi)", w);
		else if (fm->n_unique == FORM_MAX_UNIQUE)
			problem(l, "form", "unik", "unik paling banyak %d kolom", FORM_MAX_UNIQUE);
		else
			fm->unique[fm->n_unique++] = k;
	}
}

static void load_target(struct loader *l)
{
	struct form *fm = l->fm;
	const char *units = ini_get(&l->ini, "form", "units");
	int overflow;
	char list[FORM_MAX_UNITS][32];
	fm->n_units = split_words(units ? units : "", list, FORM_MAX_UNITS, &overflow);
	for (int i = 0; i < fm->n_units; i++) {
		str_copy(fm->units[i], sizeof fm->units[i], list[i]);
		if (db_query_text_exists(l->db, "SELECT 1 FROM unit WHERE kode = ?", list[i]) != 1)
			problem(l, "form", "units", "unit %s tidak dikenal", list[i]);
	}
	const char *sex = ini_get(&l->ini, "form", "sex");
	if (sex && strcmp(sex, "L") != 0 && strcmp(sex, "P") != 0)
		problem(l, "form", "sex", "sex harus L atau P (kosongkan untuk keduanya)");
	fm->sex = sex ? sex[0] : 0;
	const char *keys[2] = { "age_min", "age_max" };
	struct age_bound *b[2] = { &fm->age_min, &fm->age_max };
	for (int i = 0; i < 2; i++) {
		const char *v = ini_get(&l->ini, "form", keys[i]);
		if (v && parse_age(v, b[i]) != 0)
			problem(l, "form", keys[i], "%s ditulis angka dan satuan: mis. 10 tahun, 59 bulan, 28 hari", keys[i]);
	}
}

/* 0 when the table exists and holds one row per visit (or per month). */
static int check_table(struct loader *l)
{
	struct form *fm = l->fm;
	char type[32];
	int pk;
	if (!str_is_ident(fm->table)) {
		problem(l, "form", "table", "nama tabel tidak sah: '%s'", fm->table);
		return -1;
	}
	db_column_type(l->db, fm->table, fm->key, type, sizeof type, &pk);
	if (!type[0] || !pk || strcmp(type, "INTEGER") != 0) {
		problem(l, "form", "table", "tabel %s tidak ada atau tidak punya %s INTEGER PRIMARY KEY", fm->table, fm->key);
		return -1;
	}
	return 0;
}

/* A NOT NULL column without a default that the form never fills would make every save fail. */
static void check_unfilled(struct loader *l)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(l->db, "SELECT name FROM pragma_table_info(?) WHERE \"notnull\" AND dflt_value IS NULL "
				      "AND name <> ?", -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, l->fm->table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, l->fm->key, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *col = (const char *)sqlite3_column_text(st, 0);
		char base[32];
		str_copy(base, sizeof base, col);
		char *suffix = strstr(base, "_sistol");
		if (!suffix)
			suffix = strstr(base, "_diastol");
		if (suffix)
			*suffix = '\0';
		int k = field_index(l->fm, base);
		if (k < 0 || !l->fm->f[k].def.required || l->fm->f[k].when_field >= 0)
			problem(l, "form", "fields", "kolom %s NOT NULL tanpa nilai bawaan, tetapi tidak selalu diisi formulir",
				col);
	}
	if (rc != SQLITE_DONE)
		problem(l, "form", "table", "kolom tabel %s tidak terbaca: %s", l->fm->table, sqlite3_errmsg(l->db));
	sqlite3_finalize(st);
}

int form_load(sqlite3 *db, const char *path, struct form *out, struct sbuf *err)
{
	struct loader l = { db, { 0 }, out, err, 0 };
	memset(out, 0, sizeof *out);
	out->f = xcalloc(FORM_MAX_FIELDS, sizeof *out->f);
	out->opens_visit = -1;
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	snprintf(out->id, sizeof out->id, "%.*s", (int)strcspn(base, "."), base);
	if (ini_open(&l.ini, path, 1, err) != 0)
		return 1;
	/* the sections allowed are [form] and one [field.NAME] per listed field */
	const char *title = ini_get(&l.ini, "form", "title"), *table = ini_get(&l.ini, "form", "table");
	if (!ini_line(&l.ini, "form", NULL))
		problem(&l, "form", NULL, "bagian [form] tidak ada");
	l.bad += ini_check_keys(&l.ini, "form", form_keys, err);
	if (!title || !*title)
		problem(&l, "form", "title", "title wajib diisi");
	if (!table || !*table)
		problem(&l, "form", "table", "table wajib diisi");
	str_copy(out->title, sizeof out->title, title ? title : "");
	str_copy(out->table, sizeof out->table, table ? table : "");
	const char *key = ini_get(&l.ini, "form", "key");
	str_copy(out->key, sizeof out->key, key && strcmp(key, "bulan") == 0 ? "bulan" : "kunjungan_id");
	if (key && strcmp(key, "bulan") != 0 && strcmp(key, "kunjungan") != 0)
		problem(&l, "form", "key", "key harus kunjungan (bawaan) atau bulan, bukan '%s'", key);
	load_target(&l);
	if (!strcmp(out->key, "bulan") && (out->n_units || out->sex || out->age_min.unit || out->age_max.unit))
		problem(&l, "form", "key", "formulir bulanan tidak memakai units, sex, age_min atau age_max");
	int table_ok = table && *table && check_table(&l) == 0;
	if (table_ok)
		load_fields(&l);
	for (int s = 0; s < ini_section_count(&l.ini); s++) {
		const char *sec = ini_section_name(&l.ini, s);
		if (strcmp(sec, "form") == 0)
			continue;
		int k = strncmp(sec, "field.", 6) == 0 ? field_index(out, sec + 6) : -1;
		if (k < 0) {
			problem(&l, sec, NULL, "bagian [%s] tidak dikenal: pakai [form] atau [field.KOLOM] untuk kolom di fields", sec);
			continue;
		}
		l.bad += ini_check_keys(&l.ini, sec, field_keys, err);
		load_show_when(&l, &out->f[k], k, sec);
		load_carry(&l, &out->f[k], sec);
		load_schedule(&l, &out->f[k], sec);
	}
	if (table_ok) {
		load_continuity(&l);
		load_watch(&l);
	}
	if (table_ok)
		check_unfilled(&l);
	ini_close(&l.ini);
	out->f = xrealloc(out->f, (size_t)(out->n ? out->n : 1) * sizeof *out->f);
	return l.bad;
}


int forms_load_dir(sqlite3 *db, const char *dir, struct form_set *out, struct sbuf *err)
{
	memset(out, 0, sizeof *out);
	char **names;
	int n = dir_ini_files(dir, &names), bad = 0;
	if (n < 0) {
		sb_printf(err, "%s: folder formulir tidak dapat dibuka\n", dir);
		return 1;
	}
	out->forms = xcalloc((size_t)(n ? n : 1), sizeof *out->forms);
	for (int i = 0; i < n; i++) {
		char path[PATH_MAX];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		int b = form_load(db, path, &out->forms[out->n], err);
		bad += b;
		if (!b)
			out->n++;
		else
			form_free(&out->forms[out->n]);
	}
	free_names(names, n);
	return bad;
}

void form_free(struct form *f)
{
	form_unkeep(f);
	for (int i = 0; f->f && i < f->n; i++) {
		free(f->f[i].calc);
		free(f->f[i].when);
		free(f->f[i].sched);
	}
	free(f->f);
	f->f = NULL;
	f->n = 0;
}

void forms_free(struct form_set *set)
{
	for (int i = 0; i < set->n; i++)
		form_free(&set->forms[i]);
	free(set->forms);
	memset(set, 0, sizeof *set);
}

long age_in_unit(const struct age *a, char unit)
{
	return unit == 'h' ? a->total_days : unit == 'b' ? a->years * 12L + a->months : a->years;
}

int form_fits_patient(const struct form *f, char sex, const struct age *age)
{
	if (f->sex && f->sex != sex)
		return 0;
	if (f->age_min.unit && age_in_unit(age, f->age_min.unit) < f->age_min.n)
		return 0;
	return !f->age_max.unit || age_in_unit(age, f->age_max.unit) <= f->age_max.n;
}

int form_applies(const struct form *f, const char *unit, char sex, const struct age *age)
{
	if (strcmp(f->key, "kunjungan_id") != 0)
		return 0;	/* a monthly form belongs to no visit */
	int unit_ok = f->n_units == 0;
	for (int i = 0; i < f->n_units; i++)
		unit_ok |= strcmp(f->units[i], unit) == 0;
	return unit_ok && form_fits_patient(f, sex, age);
}

void form_describe_target(const struct form *f, char *out, size_t size)
{
	static const char *const unit_word[] = { ['h'] = "hari", ['b'] = "bulan", ['t'] = "tahun" };
	struct sbuf b = { 0 };
	if (f->sex)
		sb_add(&b, f->sex == 'P' ? "perempuan" : "laki-laki");
	if (f->age_min.unit || f->age_max.unit) {
		sb_add(&b, b.len ? ", " : "");
		if (f->age_min.unit)
			sb_printf(&b, "%ld %s", f->age_min.n, unit_word[(int)f->age_min.unit]);
		else
			sb_add(&b, "0");
		if (f->age_max.unit)
			sb_printf(&b, " s.d. %ld %s", f->age_max.n, unit_word[(int)f->age_max.unit]);
		else
			sb_add(&b, " ke atas");
	}
	sb_add(&b, b.len ? ", unit " : "unit ");
	for (int i = 0; i < f->n_units; i++)
		sb_printf(&b, "%s%s", i ? " " : "", f->units[i]);
	if (!f->n_units)
		sb_add(&b, "semua");
	str_copy(out, size, sb_str(&b));
	sb_free(&b);
}
