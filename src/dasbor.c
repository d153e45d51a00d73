/* The dashboards' definitions and their count per village (README
 * "Dashboards (PWS)"). */
#include "pkm/dasbor.h"
#include "pkm/date.h"
#include "pkm/db.h"
#include "pkm/ini.h"
#include <stdlib.h>
#include <string.h>

const char *const dasbor_sasaran[] = { "bumil", "bulin", "bayi", "baduta", "balita", "remaja_putri",
				       "usia_produktif", "lansia", "pus", "hipertensi", "dm", "odgj", "tb", NULL };

static const char *const head_keys[] = { "judul", "klaster", NULL };
static const char *const tab_keys[] = { "label", "jenis", "jumlah", NULL };
static const char *const ind_keys[] = { "label", "sasaran", "penyebut", "periode", "arah", "target", "sumber", "dari", "syarat", "hitung", "tanggal",
					"jendela", "maks", "per", "belum", "belum_dari", "belum_syarat", "belum_tanggal",
					"belum_hari", "belum_tanpa", NULL };
/* keys that would write a second rule beside LB3's */
static const char *const rule_keys[] = { "dari", "syarat", "hitung", "tanggal", "jendela", "maks", "per", NULL };

static int bad(struct ini *ini, struct sbuf *err, const char *sec, const char *key, const char *msg)
{
	ini_error(ini, err, sec, key, "%s", msg);
	return 1;
}

/* A row's conditions copied, so the dashboard frees its own. */
static void copy_conds(struct rd_cond **c, int n)
{
	if (n) {
		struct rd_cond *copy = xmalloc((size_t)n * sizeof *copy);
		memcpy(copy, *c, (size_t)n * sizeof *copy);
		*c = copy;
	}
}

/* The numerator: LB3's row of this id (read from lb3.ini, never copied into
 * the dashboard), or the section's own rule. */
static int load_rule(sqlite3 *db, struct ini *ini, const char *sec, const struct rowdef *lb3, struct dasbor_ind *ind,
		     struct rd_row *r, struct sbuf *err)
{
	for (int i = 0; i < lb3->n; i++)
		if (!lb3->rows[i].head && strcmp(lb3->rows[i].id, ind->id) == 0) {
			for (int k = 0; rule_keys[k]; k++)
				if (ini_get(ini, sec, rule_keys[k]))
					return bad(ini, err, sec, rule_keys[k], "indikator ini memakai aturan baris LB3 "
						   "yang sama namanya: hapus dari/syarat/hitung di sini");
			*r = lb3->rows[i];
			copy_conds(&r->cond, r->ncond);
			copy_conds(&r->complete, r->ncomplete);
			ind->lb3 = 1;
			return 0;
		}
	int problems = rowdef_load_row(db, ini, sec, r, err);
	if (!problems && (r->monthly || r->count == CNT_TARGET))
		problems += bad(ini, err, sec, "dari", "pembilang dihitung dari formulir kunjungan (ada desa pasien), "
				"bukan isian bulanan atau sasaran");
	return problems;
}

static int load_ind(sqlite3 *db, struct ini *ini, const char *sec, const struct rowdef *lb3, struct dasbor *d,
		    struct sbuf *err)
{
	struct dasbor_ind *ind = &d->ind[d->n - 1];
	struct rd_row *r = &d->rows.rows[d->n - 1];
	int problems = ini_check_keys(ini, sec, ind_keys, err);
	memset(ind, 0, sizeof *ind);
	str_copy(ind->id, sizeof ind->id, strchr(sec, '.') + 1);
	const char *v = ini_get(ini, sec, "label");
	if (!v || !*v)
		problems += bad(ini, err, sec, NULL, "label wajib diisi");
	else
		str_copy(ind->label, sizeof ind->label, v);
	v = ini_get(ini, sec, "sumber");
	if (!v || !*v)
		problems += bad(ini, err, sec, NULL, "sumber wajib: dasar target (SPM, Renstra) dan aturan hitung");
	else
		str_copy(ind->source, sizeof ind->source, v);
	ind->sasaran = ind->den = -1;
	v = ini_get(ini, sec, "sasaran");
	for (int i = 0; v && dasbor_sasaran[i]; i++)
		if (strcmp(v, dasbor_sasaran[i]) == 0)
			ind->sasaran = i;
	const char *den = ini_get(ini, sec, "penyebut");
	for (int i = 0; den && i < d->n - 1; i++)
		if (strcmp(den, d->ind[i].id) == 0)
			ind->den = i;
	if (den && (v || ind->den < 0))
		problems += bad(ini, err, sec, "penyebut", "penyebut: indikator di atasnya di dasbor ini (tanpa sasaran)");
	else if (!den && ind->sasaran < 0) {
		struct sbuf known = { 0 };
		for (int i = 0; dasbor_sasaran[i]; i++)
			sb_printf(&known, "%s%s", i ? ", " : "", dasbor_sasaran[i]);
		ini_error(ini, err, sec, "sasaran", "sasaran '%s' tidak dikenal (%s)", v ? v : "", sb_str(&known));
		sb_free(&known);
		problems++;
	}
	v = ini_get(ini, sec, "periode");
	ind->monthly = v && strcmp(v, "bulan") == 0;
	if (v && !ind->monthly && strcmp(v, "tahun") != 0)
		problems += bad(ini, err, sec, "periode", "periode: tahun (kumulatif, bawaan) atau bulan");
	v = ini_get(ini, sec, "arah");
	ind->down = v && strcmp(v, "turun") == 0;
	if (v && !ind->down && strcmp(v, "naik") != 0)
		problems += bad(ini, err, sec, "arah", "arah: naik (bawaan) atau turun (angka yang ditekan, mis. stunting)");
	v = ini_get(ini, sec, "target");
	if (!v || dec_parse(v, &ind->target) != 0 || ind->target <= 0 || ind->target > 10000)
		problems += bad(ini, err, sec, "target", "target wajib: persen setahun, 1-100 (mis. 95 atau 92,5)");
	problems += load_rule(db, ini, sec, lb3, ind, r, err);
	problems += rowdef_load_due(db, ini, sec, &ind->due, err);
	return problems;
}

/* A table of the main dashboard: its kind, and how many diagnoses per village. */
static int load_tab(struct ini *ini, const char *sec, struct dasbor *d, struct sbuf *err)
{
	int problems = ini_check_keys(ini, sec, tab_keys, err);
	if (d->ntab == (int)ARRAY_LEN(d->tab))
		return problems + bad(ini, err, sec, NULL, "paling banyak 4 [tabel.ID]");
	struct dasbor_tab *t = &d->tab[d->ntab];
	memset(t, 0, sizeof *t);
	str_copy(t->id, sizeof t->id, sec + 6);
	const char *v = ini_get(ini, sec, "label");
	if (!v || !*v)
		problems += bad(ini, err, sec, NULL, "label wajib diisi");
	else
		str_copy(t->label, sizeof t->label, v);
	v = ini_get(ini, sec, "jenis");
	t->top = 10;
	if (v && strcmp(v, "kunjungan_minggu") == 0)
		t->kind = TAB_VISITS_WEEK;
	else if (v && strcmp(v, "diagnosis_teratas") == 0)
		t->kind = TAB_TOP_DIAGNOSES;
	else
		problems += bad(ini, err, sec, "jenis", "jenis: kunjungan_minggu atau diagnosis_teratas");
	if (ini_get_long(ini, sec, "jumlah", 1, 50, &t->top, err) != 0)
		problems++;
	d->ntab += !problems;
	return problems;
}

int dasbor_load(sqlite3 *db, const char *forms_dir, const char *path, struct dasbor *out, struct sbuf *err)
{
	memset(out, 0, sizeof *out);
	str_copy(out->path, sizeof out->path, path);
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	snprintf(out->id, sizeof out->id, "%.*s", (int)strcspn(base, "."), base);
	char lb3_path[PATH_MAX + 16];
	snprintf(lb3_path, sizeof lb3_path, "%s/laporan/lb3.ini", forms_dir);
	struct rowdef lb3;
	if (rowdef_load(db, lb3_path, &lb3, err) != 0) {
		sb_printf(err, "%s: definisi LB3 di atas perlu dibetulkan dulu\n", path);
		rowdef_free(&lb3);
		return 1;
	}
	struct ini ini;
	if (ini_open(&ini, path, 1, err) != 0) {
		rowdef_free(&lb3);
		return 1;
	}
	int problems = ini_check_keys(&ini, "dasbor", head_keys, err);
	const char *v = ini_get(&ini, "dasbor", "judul");
	if (!v || !*v)
		problems += bad(&ini, err, "dasbor", NULL, "[dasbor] judul wajib diisi");
	else
		str_copy(out->title, sizeof out->title, v);
	long k = -1;
	if (ini_get_long(&ini, "dasbor", "klaster", 0, 5, &k, err) != 0 || k < 0)
		problems += bad(&ini, err, "dasbor", "klaster", "klaster wajib: 2, 3, 4 (0 = dasbor utama)");
	out->klaster = (int)k;
	int n = ini_section_count(&ini);
	out->ind = xcalloc((size_t)n + 1, sizeof *out->ind);
	out->rows.rows = xcalloc((size_t)n + 1, sizeof *out->rows.rows);
	str_copy(out->rows.id, sizeof out->rows.id, out->id);
	for (int s = 0; s < n; s++) {
		const char *sec = ini_section_name(&ini, s);
		if (strcmp(sec, "dasbor") == 0)
			continue;
		if (strncmp(sec, "tabel.", 6) == 0 && sec[6]) {
			problems += load_tab(&ini, sec, out, err);
			continue;
		}
		if (strncmp(sec, "indikator.", 10) != 0 || !sec[10]) {
			problems += bad(&ini, err, sec, NULL, "bagian tidak dikenal: [dasbor], [indikator.ID] atau [tabel.ID]");
			continue;
		}
		out->rows.n = ++out->n;
		problems += load_ind(db, &ini, sec, &lb3, out, err);
	}
	if (out->n == 0 && out->ntab == 0)
		problems += bad(&ini, err, "dasbor", NULL, "tidak ada [indikator.ID] atau [tabel.ID]");
	ini_close(&ini);
	rowdef_free(&lb3);
	return problems;
}

void dasbor_free(struct dasbor *d)
{
	for (int i = 0; i < d->n; i++)
		rowdef_due_free(&d->ind[i].due);
	free(d->ind);
	rowdef_free(&d->rows);
	memset(d, 0, sizeof *d);
}

static int dasbor_dir(const char *forms_dir, char ***names, char *dir, size_t size)
{
	snprintf(dir, size, "%s/dasbor", forms_dir);
	return dir_ini_files(dir, names);
}

int dasbor_check_dir(sqlite3 *db, const char *forms_dir, int *files, struct sbuf *err)
{
	struct dasbor *d;
	int problems = dasbor_load_all(db, forms_dir, -1, &d, files, err);
	dasbor_free_all(d, *files);
	return problems;
}

int dasbor_load_all(sqlite3 *db, const char *forms_dir, int klaster, struct dasbor **out, int *n, struct sbuf *err)
{
	char dir[PATH_MAX], **names;
	int files = dasbor_dir(forms_dir, &names, dir, sizeof dir);
	*out = NULL;
	*n = 0;
	if (files < 0) {
		sb_printf(err, "%s: folder dasbor tidak dapat dibuka\n", dir);
		return 1;
	}
	int problems = 0;
	*out = xcalloc((size_t)files + 1, sizeof **out);
	for (int i = 0; i < files; i++) {
		char path[PATH_MAX + 256];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		struct dasbor *d = &(*out)[*n];
		problems += dasbor_load(db, forms_dir, path, d, err);
		if (klaster >= 0 && d->klaster != klaster)
			dasbor_free(d);
		else
			(*n)++;
	}
	free_names(names, files);
	if (problems) {
		dasbor_free_all(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return problems;
}

void dasbor_free_all(struct dasbor *d, int n)
{
	for (int i = 0; i < n; i++)
		dasbor_free(&d[i]);
	free(d);
}

/* ---- counting ---- */

static int village_index(struct dasbor_result *r, const char *key)
{
	for (int v = 0; v < r->nv; v++)
		if (strcmp(r->v[v].key, key) == 0)
			return v;
	return -1;
}

void dasbor_key_name(const char *key, char *out, size_t size)
{
	if (key[0] == 'L')
		str_copy(out, size, "Luar wilayah");
	else if (key[0] == '?')	/* typed, not mapped to a code yet: shown as typed */
		snprintf(out, size, "? %s", key[1] ? key + 1 : "(kosong)");
	else
		str_copy(out, size, key + (key[0] == 'D'));
}

static int add_village(struct dasbor_result *r, const char *key, const char *name)
{
	r->v = xrealloc(r->v, (size_t)(r->nv + 1) * sizeof *r->v);
	struct dasbor_village *v = &r->v[r->nv];
	str_copy(v->key, sizeof v->key, key);
	if (name)
		str_copy(v->name, sizeof v->name, name);
	else
		dasbor_key_name(key, v->name, sizeof v->name);
	return r->nv++;
}

struct found {
	int row;
	char key[80];
	long total, month;
};

struct counts {
	struct dasbor_result *r;
	int n, cap;
	struct found *f;
};

static void add_count(void *ctx, int row, const char *village, long total, long in_month)
{
	struct counts *c = ctx;
	if (village_index(c->r, village) < 0)
		add_village(c->r, village, NULL);
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->f = xrealloc(c->f, (size_t)c->cap * sizeof *c->f);
	}
	struct found *f = &c->f[c->n++];
	f->row = row;
	str_copy(f->key, sizeof f->key, village);
	f->total = total;
	f->month = in_month;
}

/* The area's villages by code, then outside the area, then the unmapped by text. */
static int by_kind(const void *x, const void *y)
{
	const struct dasbor_village *a = x, *b = y;
	static const char order[] = "DL?";
	int ka = (int)(strchr(order, a->key[0]) - order), kb = (int)(strchr(order, b->key[0]) - order);
	return ka != kb ? ka - kb : strcmp(a->key, b->key);
}

static int read_villages(sqlite3 *db, struct dasbor_result *r, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT 'D' || kode, nama FROM desa WHERE wilayah = 1 ORDER BY kode", err);
	if (!st)
		return -1;
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW)
		add_village(r, (const char *)sqlite3_column_text(st, 0), (const char *)sqlite3_column_text(st, 1));
	return db_finish(db, st, step, err);
}

static int read_targets(sqlite3 *db, struct dasbor_result *r, struct sbuf *err)
{
	const struct dasbor *d = r->d;
	sqlite3_stmt *st = db_prepare(db, "SELECT 'D' || desa_kode, jenis, jumlah FROM sasaran WHERE tahun = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, r->year);
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		int v = village_index(r, (const char *)sqlite3_column_text(st, 0));
		const char *jenis = (const char *)sqlite3_column_text(st, 1);
		for (int i = 0; i < d->n && v >= 0; i++)
			if (d->ind[i].sasaran >= 0 && strcmp(dasbor_sasaran[d->ind[i].sasaran], jenis) == 0)
				r->target[i * r->nv + v] = (long)sqlite3_column_int64(st, 2);
	}
	return db_finish(db, st, step, err);
}

void dasbor_day(int year, int month, char out[11])
{
	struct date next = { month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1 };
	date_format(date_from_days(date_to_days(next) - 1), out);
}

static int count(sqlite3 *db, const struct dasbor *d, struct dasbor_result *r, int counted, struct sbuf *err)
{
	char from[11], to[11], month[8];
	snprintf(from, sizeof from, "%04d-01-01", r->year);
	struct date last;
	dasbor_day(r->year, r->month, to);
	date_parse(to, &last);
	date_format(date_from_days(date_to_days(last) + 1), to);
	snprintf(month, sizeof month, "%04d-%02d", r->year, r->month);
	struct counts c = { r, 0, 0, NULL };
	if (read_villages(db, r, err) != 0 ||
	    (counted && d->n && rowdef_count_villages(db, &d->rows, from, to, month, add_count, &c, err) != 0)) {
		free(c.f);
		return -1;
	}
	if (r->nv)	/* qsort must not be given NULL, even for nothing */
		qsort(r->v, (size_t)r->nv, sizeof *r->v, by_kind);
	r->num = xcalloc((size_t)(d->n * r->nv) + 1, sizeof *r->num);
	r->target = xcalloc((size_t)(d->n * r->nv) + 1, sizeof *r->target);
	for (int i = 0; i < d->n * r->nv; i++)
		r->target[i] = -1;
	for (int k = 0; k < c.n; k++) {
		long *n = r->num[c.f[k].row * r->nv + village_index(r, c.f[k].key)];
		n[0] = c.f[k].total;
		n[1] = c.f[k].month;
	}
	free(c.f);
	if (read_targets(db, r, err) != 0)
		return -1;
	for (int i = 0; i < d->n; i++)	/* a rate's denominator: the other indicator's count */
		for (int v = 0; v < r->nv && d->ind[i].den >= 0; v++)
			r->target[i * r->nv + v] = r->num[d->ind[i].den * r->nv + v][d->ind[i].monthly];
	return 0;
}

/* counted = 0: the villages of the area only (the due list names no more). */
static int result(sqlite3 *db, const struct dasbor *d, int year, int month, int counted, struct dasbor_result *out,
		  struct sbuf *err)
{
	memset(out, 0, sizeof *out);
	out->d = d;
	out->year = year;
	out->month = month;
	if (year < 2000 || year > 2100 || month < 1 || month > 12) {
		sb_printf(err, "tahun atau bulan tidak sah: %d-%02d", year, month);
		return -1;
	}
	int rc = count(db, d, out, counted, err);
	if (rc != 0)
		dasbor_result_free(out);
	return rc;
}

int dasbor_count(sqlite3 *db, const struct dasbor *d, int year, int month, struct dasbor_result *out,
		 struct sbuf *err)
{
	return result(db, d, year, month, 1, out, err);
}

int dasbor_frame(sqlite3 *db, const struct dasbor *d, int year, int month, struct dasbor_result *out,
		 struct sbuf *err)
{
	return result(db, d, year, month, 0, out, err);
}

void dasbor_result_free(struct dasbor_result *r)
{
	free(r->v);
	free(r->num);
	free(r->target);
	memset(r, 0, sizeof *r);
}

long dasbor_percent(const struct dasbor_result *r, int i, int v)
{
	long t = r->target[i * r->nv + v], n = r->num[i * r->nv + v][r->d->ind[i].monthly];
	return t > 0 ? (n * 10000 + t / 2) / t : -1;
}

long dasbor_line(const struct dasbor_result *r, int i)
{
	const struct dasbor_ind *ind = &r->d->ind[i];
	/* a population's yearly target rises through the year; a rate's holds */
	return ind->monthly || ind->down || ind->den >= 0 ? ind->target : (ind->target * r->month + 6) / 12;
}

int dasbor_off(const struct dasbor_result *r, int i, long percent)
{
	long line = dasbor_line(r, i);
	return percent >= 0 && (r->d->ind[i].down ? percent > line : percent < line);
}

int dasbor_below(const struct dasbor_result *r, int i, int v) { return dasbor_off(r, i, dasbor_percent(r, i, v)); }

void dasbor_village_name(const struct dasbor_result *r, const char *key, char *out, size_t size)
{
	for (int v = 0; v < r->nv; v++)
		if (strcmp(r->v[v].key, key) == 0) {
			str_copy(out, size, r->v[v].name);
			return;
		}
	dasbor_key_name(key, out, size);
}
