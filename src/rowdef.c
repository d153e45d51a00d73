/* Reading and checking report row definitions (forms/laporan/NAME.ini). */
#include "pkm/rowdef.h"
#include "pkm/db.h"
#include "pkm/icd.h"
#include "pkm/ini.h"
#include <stdlib.h>
#include <string.h>

static const char *const report_keys[] = { "judul", "kolom", NULL };
static const char *const group_keys[] = { "label", NULL };
static const char *const row_keys[] = { "label", "dari", "syarat", "hitung", "tanggal", "jendela", "maks", "per",
					"tarif", "dokumen", "sumber", NULL };
static const char *const ratio_keys[] = { "label", "pembilang", "penyebut", NULL };

struct loader {
	sqlite3 *db;
	struct ini ini;
	struct sbuf *err;
	int problems;
	const char *sec;	/* the section being read */
};

static void problem(struct loader *l, const char *key, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void problem(struct loader *l, const char *key, const char *fmt, ...)
{
	char msg[300];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	ini_error(&l->ini, l->err, l->sec, key, "%s", msg);
	l->problems++;
}

/* An integer key; a bad value counts as a problem. 0 when absent or good. */
static int get_long(struct loader *l, const char *key, long min, long max, long *out)
{
	if (ini_get_long(&l->ini, l->sec, key, min, max, out, l->err) == 0)
		return 0;
	l->problems++;
	return -1;
}

/* A view's columns have no declared type; ask pragma_table_info directly. */
static int column_exists(sqlite3 *db, const char *table, const char *column)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT 1 FROM pragma_table_info(?) WHERE name = ?", NULL);
	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, column, -1, SQLITE_STATIC);
	int found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return found;
}

const char *rowdef_sql_table(const char *name) { return strcmp(name, "kunjungan") == 0 ? "v_kunjungan" : name; }

static int parse_op(const char *s, enum rd_op *op)
{
	static const char *const ops[] = { "=", "!=", "<", "<=", ">", ">=", "~", "ada", "kosong" };
	for (size_t i = 0; i < ARRAY_LEN(ops); i++)
		if (strcmp(s, ops[i]) == 0) {
			*op = (enum rd_op)i;
			return 0;
		}
	return -1;
}

/* "[tabel.]kolom OP nilai|nilai" or "[tabel.]kolom ada|kosong". */
static int parse_cond(struct loader *l, const char *key, const char *text, const struct rd_row *row,
		      struct rd_cond *c)
{
	char lhs[72], op[8], rhs[400], extra[4];
	memset(c, 0, sizeof *c);
	int n = sscanf(text, "%71s %7s %399s %3s", lhs, op, rhs, extra);
	if (n < 2 || n > 3 || parse_op(op, &c->op) != 0 || (n == 2) != (c->op >= OP_SET)) {
		problem(l, key, "'%s': tulis KOLOM OP NILAI (OP = != < <= > >= ~) atau KOLOM ada|kosong", text);
		return -1;
	}
	char *dot = strchr(lhs, '.');
	if (dot) {
		*dot = '\0';
		str_copy(c->table, sizeof c->table, lhs);
		str_copy(c->column, sizeof c->column, dot + 1);
		c->scope = strcmp(lhs, "kunjungan") == 0 ? SC_VISIT : strcmp(lhs, "sebelumnya") == 0 ? SC_PREVIOUS : SC_OTHER;
	} else {
		str_copy(c->table, sizeof c->table, row->from);
		str_copy(c->column, sizeof c->column, lhs);
		c->scope = SC_FROM;
	}
	const char *table = rowdef_sql_table(c->scope == SC_PREVIOUS ? row->from : c->table);
	if (!str_is_ident(c->table) || !str_is_ident(c->column)) {
		problem(l, key, "'%s': nama tabel/kolom hanya huruf kecil, angka dan _", lhs);
		return -1;
	}
	if (c->scope == SC_OTHER && !column_exists(l->db, table, "kunjungan_id")) {
		problem(l, key, "tabel %s tidak ada atau tidak punya kunjungan_id", c->table);
		return -1;
	}
	if (row->monthly && c->scope != SC_FROM) {
		problem(l, key, "'%s': baris bulanan hanya memakai kolom tabelnya sendiri", text);
		return -1;
	}
	if (!column_exists(l->db, table, c->column)) {
		problem(l, key, "kolom %s tidak ada di %s", c->column, table);
		return -1;
	}
	for (char *p = n == 3 ? rhs : NULL; p && *p;) {
		size_t len = strcspn(p, "|");
		if (c->n == RD_MAX_VALUES || len == 0 || len >= sizeof c->val[0]) {
			problem(l, key, "'%s': paling banyak %d nilai, masing-masing 1-23 karakter", text, RD_MAX_VALUES);
			return -1;
		}
		snprintf(c->val[c->n++], sizeof c->val[0], "%.*s", (int)len, p);
		p += len + (p[len] == '|');
	}
	long num;
	for (int i = 0; i < c->n; i++) {
		char code[ICD_LEN];
		if (c->op == OP_PREFIX && icd_normalize(c->val[i], code) != 0) {
			problem(l, key, "'%s' bukan kode ICD-10 (mis. J06 atau A09.0)", c->val[i]);
			return -1;
		}
		if (c->op >= OP_LT && c->op <= OP_GE && dec_parse(c->val[i], &num) != 0) {
			problem(l, key, "'%s': pembanding %s perlu angka", c->val[i], op);
			return -1;
		}
	}
	if (c->op >= OP_LT && c->op <= OP_GE && c->n != 1) {
		problem(l, key, "'%s': pembanding %s hanya satu nilai", text, op);
		return -1;
	}
	return 0;
}

/* Conditions joined by " dan "; each may be alternatives joined by " atau ". */
static int parse_conds(struct loader *l, const char *key, const char *text, const struct rd_row *row,
		       struct rd_cond **conds, int *n)
{
	struct rd_cond out[RD_MAX_COND];
	*n = 0;
	char buf[1024];
	if (strlen(text) >= sizeof buf) {	/* never cut: a lost alternative counts wrong */
		problem(l, key, "syarat terlalu panjang (paling banyak %zu karakter): pecah barisnya", sizeof buf - 1);
		return -1;
	}
	str_copy(buf, sizeof buf, text);
	for (char *p = buf; p;) {
		char *next = strstr(p, " dan "), *alt = strstr(p, " atau ");
		int or_next = alt && (!next || alt < next);
		if (or_next)
			next = alt;
		if (next) {
			*next = '\0';
			next += or_next ? 6 : 5;
		}
		if (*n == RD_MAX_COND) {
			problem(l, key, "paling banyak %d syarat", RD_MAX_COND);
			*n = 0;
			return -1;
		}
		if (parse_cond(l, key, str_trim(p), row, &out[*n]) != 0) {
			*n = 0;
			return -1;
		}
		out[(*n)++].or_next = or_next;
		p = next;
	}
	*conds = xmalloc((size_t)*n * sizeof **conds);
	memcpy(*conds, out, (size_t)*n * sizeof **conds);
	return 0;
}

static void parse_count(struct loader *l, struct rd_row *r)
{
	const char *v = ini_get(&l->ini, l->sec, "hitung");
	char word[16] = "", rest[600] = "";
	if (!v || sscanf(v, "%15s %599[^\n]", word, rest) < 1) {
		problem(l, "hitung", "hitung wajib: kunjungan, pasien, baris, jumlah KOLOM, lengkap SYARAT, sasaran NAMA");
		return;
	}
	static const char *const words[] = { "kunjungan", "pasien", "baris", "jumlah", "lengkap", "sasaran" };
	int k = -1;
	for (size_t i = 0; i < ARRAY_LEN(words); i++)
		if (strcmp(word, words[i]) == 0)
			k = (int)i;
	if (k < 0 || (k <= CNT_ROWS && rest[0])) {
		problem(l, "hitung", "'%s': hitung kunjungan, pasien, baris, jumlah KOLOM, lengkap SYARAT atau sasaran NAMA", v);
		return;
	}
	r->count = (enum rd_count)k;
	if (r->count == CNT_TARGET) {
		r->target = sasaran_index(rest);
		if (r->target < 0) {
			struct sbuf known = { 0 };
			for (int i = 0; sasaran_names[i]; i++)
				sb_printf(&known, "%s%s", i ? ", " : "", sasaran_names[i]);
			problem(l, "hitung", "sasaran '%s' tidak dikenal (%s)", rest, sb_str(&known));
			sb_free(&known);
		}
	} else if (r->count == CNT_SUM) {
		str_copy(r->sum_col, sizeof r->sum_col, rest);
		if (!str_is_ident(rest) || !column_exists(l->db, rowdef_sql_table(r->from), rest))
			problem(l, "hitung", "kolom %s tidak ada di %s", rest, r->from);
	} else if (r->count == CNT_COMPLETE) {
		if (parse_conds(l, "hitung", rest, r, &r->complete, &r->ncomplete) == 0 && r->ncomplete < 2)
			problem(l, "hitung", "lengkap perlu dua syarat atau lebih, dipisah ' dan '");
		for (int i = 0; i < r->ncomplete; i++)
			if (r->complete[i].scope == SC_PREVIOUS || r->complete[i].scope == SC_VISIT || r->complete[i].or_next)
				problem(l, "hitung", "syarat lengkap memakai kolom formulir (bukan kunjungan./sebelumnya.) tanpa atau");
	}
	if (r->monthly && r->count != CNT_SUM)
		problem(l, "hitung", "tabel bulanan %s hanya dapat dihitung dengan 'jumlah KOLOM'", r->from);
}

static void load_row(struct loader *l, struct rd_row *r, enum rd_columns columns)
{
	const char *v;
	r->window_days = 366;
	if ((v = ini_get(&l->ini, l->sec, "label")) == NULL || !*v)
		problem(l, NULL, "label wajib diisi");
	else
		str_copy(r->label, sizeof r->label, v);
	v = ini_get(&l->ini, l->sec, "sumber");
	if (!v || !*v)
		problem(l, NULL, "sumber wajib: tulis dasar aturan hitung baris ini");
	else
		str_copy(r->source, sizeof r->source, v);
	if ((v = ini_get(&l->ini, l->sec, "dokumen")) != NULL)
		str_copy(r->docs, sizeof r->docs, v);
	v = ini_get(&l->ini, l->sec, "dari");
	const char *h = ini_get(&l->ini, l->sec, "hitung");
	int target = h && strncmp(h, "sasaran", 7) == 0;
	if (!target) {
		if (!v || !str_is_ident(v)) {
			problem(l, "dari", "dari wajib: nama tabel formulir, mis. f_anc");
			return;
		}
		str_copy(r->from, sizeof r->from, v);
		int visit = column_exists(l->db, rowdef_sql_table(v), "kunjungan_id");
		r->monthly = !visit && column_exists(l->db, v, "bulan");
		if (!visit && !r->monthly) {
			problem(l, "dari", "tabel %s tidak ada, atau tidak punya kunjungan_id maupun bulan", v);
			return;
		}
	}
	if ((v = ini_get(&l->ini, l->sec, "syarat")) != NULL && *v)
		parse_conds(l, "syarat", v, r, &r->cond, &r->ncond);
	parse_count(l, r);
	if ((v = ini_get(&l->ini, l->sec, "tanggal")) != NULL) {
		if (r->monthly || !str_is_ident(v) || !column_exists(l->db, rowdef_sql_table(r->from), v))
			problem(l, "tanggal", "kolom tanggal %s tidak ada di %s", v, r->from);
		else
			str_copy(r->date_col, sizeof r->date_col, v);
	}
	get_long(l, "jendela", 1, 3660, &r->window_days);
	get_long(l, "maks", 1, 1000, &r->max_per);
	if (r->max_per && r->count != CNT_VISITS && r->count != CNT_ROWS)
		problem(l, "maks", "maks hanya untuk hitung kunjungan atau baris");
	if ((v = ini_get(&l->ini, l->sec, "per")) != NULL) {
		if (!r->max_per || !str_is_ident(v) || !column_exists(l->db, rowdef_sql_table(r->from), v))
			problem(l, "per", "per perlu maks dan kolom %s di %s", v, r->from);
		else
			str_copy(r->per_col, sizeof r->per_col, v);
	}
	if (columns == RD_TARIFF && get_long(l, "tarif", 0, 100000000, &r->tariff) == 0 &&
	    !ini_get(&l->ini, l->sec, "tarif"))
		problem(l, NULL, "tarif wajib pada laporan dengan kolom tarif");
}

int rowdef_load_row(sqlite3 *db, struct ini *ini, const char *sec, struct rd_row *r, struct sbuf *err)
{
	struct loader l = { db, *ini, err, 0, sec };
	memset(r, 0, sizeof *r);
	const char *dot = strchr(sec, '.');
	str_copy(r->id, sizeof r->id, dot ? dot + 1 : sec);
	load_row(&l, r, RD_BY_SEX);
	return l.problems;
}

/* One key of a due rule's conditions, as on a report row of table `from`. */
static void due_conds(struct loader *l, const char *key, const char *from, struct rd_cond **c, int *n)
{
	const char *v = ini_get(&l->ini, l->sec, key);
	struct rd_row row = { 0 };
	str_copy(row.from, sizeof row.from, from);
	if (v && *v)
		parse_conds(l, key, v, &row, c, n);
}

int rowdef_load_due(sqlite3 *db, struct ini *ini, const char *sec, struct rd_due *d, struct sbuf *err)
{
	struct loader l = { db, *ini, err, 0, sec };
	memset(d, 0, sizeof *d);
	const char *v = ini_get(ini, sec, "belum");
	if (!v)
		return 0;
	str_copy(d->label, sizeof d->label, v);
	v = ini_get(ini, sec, "belum_dari");
	int people = v && strcmp(v, "pasien") == 0;
	if (!*d->label || !v || !str_is_ident(v) || (!people && !column_exists(db, rowdef_sql_table(v), "kunjungan_id"))) {
		problem(&l, "belum_dari", "belum perlu label dan belum_dari: pasien atau tabel formulir");
		return l.problems;
	}
	str_copy(d->from, sizeof d->from, v);
	due_conds(&l, "belum_syarat", d->from, &d->cond, &d->ncond);
	for (int i = 0; i < d->ncond; i++)
		if (d->cond[i].scope == SC_PREVIOUS || (people && d->cond[i].scope != SC_FROM))
			problem(&l, "belum_syarat", "syarat belum memakai kolom %s%s", d->from,
				people ? "" : ", kunjungan. atau tabel lain (bukan sebelumnya.)");
	/* "tanpa": no visit since the start with all of these; a column without a
	 * table is belum_dari's (a table of the visit, like any other) */
	due_conds(&l, "belum_tanpa", people ? "kunjungan" : d->from, &d->without, &d->nwithout);
	for (int i = 0; i < d->nwithout; i++) {
		struct rd_cond *c = &d->without[i];
		if (c->scope == SC_FROM && !people)
			c->scope = SC_OTHER;
		if (c->scope == SC_PREVIOUS || c->or_next || (people && c->scope == SC_FROM))
			problem(&l, "belum_tanpa", "belum_tanpa: TABEL.KOLOM OP NILAI dipisah ' dan ' (tanpa atau, "
				"bukan sebelumnya.)");
	}
	if (!d->nwithout)
		problem(&l, "belum_tanpa", "belum_tanpa wajib: pelayanan yang belum didapat");
	if ((v = ini_get(ini, sec, "belum_tanggal")) != NULL &&
	    (people || !str_is_ident(v) || !column_exists(db, rowdef_sql_table(d->from), v)))
		problem(&l, "belum_tanggal", "kolom tanggal %s tidak ada di %s", v, d->from);
	else if (v)
		str_copy(d->date_col, sizeof d->date_col, v);
	v = ini_get(ini, sec, "belum_hari");
	char extra;
	if (!v || sscanf(v, "%ld-%ld%c", &d->min_days, &d->max_days, &extra) != 2 || d->min_days < 0 ||
	    d->max_days <= d->min_days || d->max_days > 3660)
		problem(&l, "belum_hari", "belum_hari wajib: MIN-MAKS hari sejak tanggal mulai, mis. 252-301");
	return l.problems;
}

void rowdef_due_free(struct rd_due *d)
{
	free(d->cond);
	free(d->without);
	memset(d, 0, sizeof *d);
}

static int find_row(const struct rowdef *d, const char *id)
{
	for (int i = 0; i < d->n; i++)
		if (!d->rows[i].head && strcmp(d->rows[i].id, id) == 0)
			return i;
	return -1;
}

static void load_ratio(struct loader *l, struct rowdef *d, const char *id)
{
	if (d->nratio == (int)ARRAY_LEN(d->ratio)) {
		problem(l, NULL, "paling banyak %zu rasio", ARRAY_LEN(d->ratio));
		return;
	}
	struct rd_ratio *r = &d->ratio[d->nratio];
	str_copy(r->id, sizeof r->id, id);
	const char *v = ini_get(&l->ini, l->sec, "label");
	str_copy(r->label, sizeof r->label, v ? v : "");
	const char *num = ini_get(&l->ini, l->sec, "pembilang"), *den = ini_get(&l->ini, l->sec, "penyebut");
	r->num = num ? find_row(d, num) : -1;
	r->den = den ? find_row(d, den) : -1;
	if (!v || !*v || r->num < 0 || r->den < 0)
		problem(l, NULL, "rasio perlu label, pembilang dan penyebut yang menyebut baris di atasnya");
	else
		d->nratio++;
}

int rowdef_load(sqlite3 *db, const char *path, struct rowdef *out, struct sbuf *err)
{
	memset(out, 0, sizeof *out);
	str_copy(out->path, sizeof out->path, path);
	const char *base = strrchr(path, '/');
	snprintf(out->id, sizeof out->id, "%.*s", (int)strcspn(base ? base + 1 : path, "."), base ? base + 1 : path);
	struct loader l = { db, { 0 }, err, 0, "laporan" };
	if (ini_open(&l.ini, path, 1, err) != 0)
		return 1;
	const char *v = ini_get(&l.ini, "laporan", "judul");
	if (!v || !*v)
		problem(&l, NULL, "[laporan] judul wajib diisi");
	else
		str_copy(out->title, sizeof out->title, v);
	v = ini_get(&l.ini, "laporan", "kolom");
	if (!v || strcmp(v, "jk") == 0)
		out->columns = RD_BY_SEX;
	else if (strcmp(v, "jumlah") == 0)
		out->columns = RD_TOTAL;
	else if (strcmp(v, "tarif") == 0)
		out->columns = RD_TARIFF;
	else
		problem(&l, "kolom", "kolom harus jk, jumlah atau tarif, bukan '%s'", v);
	l.problems += ini_check_keys(&l.ini, "laporan", report_keys, err);
	int cap = 0;
	for (int s = 0; s < ini_section_count(&l.ini); s++) {
		const char *sec = ini_section_name(&l.ini, s);
		l.sec = sec;
		const char *dot = strchr(sec, '.');
		if (strcmp(sec, "laporan") == 0)
			continue;
		int group = dot && strncmp(sec, "grup.", 5) == 0, row = dot && strncmp(sec, "baris.", 6) == 0;
		int ratio = dot && strncmp(sec, "rasio.", 6) == 0;
		if (!group && !row && !ratio) {
			problem(&l, NULL, "bagian [%s] tidak dikenal: [laporan], [grup.ID], [baris.ID] atau [rasio.ID]", sec);
			continue;
		}
		l.problems += ini_check_keys(&l.ini, sec, group ? group_keys : row ? row_keys : ratio_keys, err);
		if (ratio) {
			load_ratio(&l, out, dot + 1);
			continue;
		}
		if (out->n == cap) {
			cap = cap ? cap * 2 : 32;
			out->rows = xrealloc(out->rows, (size_t)cap * sizeof *out->rows);
		}
		struct rd_row *r = &out->rows[out->n++];
		memset(r, 0, sizeof *r);
		str_copy(r->id, sizeof r->id, dot + 1);
		r->head = group;
		if (group) {
			v = ini_get(&l.ini, sec, "label");
			str_copy(r->label, sizeof r->label, v ? v : "");
			if (!v || !*v)
				problem(&l, NULL, "label wajib diisi");
		} else {
			load_row(&l, r, out->columns);
			int params = rowdef_row_params(r), most = sqlite3_limit(db, SQLITE_LIMIT_VARIABLE_NUMBER, -1);
			if (params > most)
				problem(&l, NULL, "baris ini memakai %d nilai, lebih dari batas SQLite %d: pecah syaratnya", params,
					most);
		}
	}
	if (out->n == 0)
		problem(&l, NULL, "tidak ada [baris.ID]");
	ini_close(&l.ini);
	return l.problems;
}

void rowdef_free(struct rowdef *d)
{
	for (int i = 0; i < d->n; i++) {
		free(d->rows[i].cond);
		free(d->rows[i].complete);
	}
	free(d->rows);
	memset(d, 0, sizeof *d);
}


int rowdefs_check_dir(sqlite3 *db, const char *dir, int *files, struct sbuf *err)
{
	*files = 0;
	char **names;
	int n = dir_ini_files(dir, &names);
	if (n < 0) {
		sb_printf(err, "%s: folder definisi laporan tidak dapat dibuka\n", dir);
		return 1;
	}
	int problems = 0;
	for (int i = 0; i < n; i++) {
		char path[PATH_MAX];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		struct rowdef d;
		problems += rowdef_load(db, path, &d, err);
		rowdef_free(&d);
	}
	free_names(names, n);
	*files = n;
	return problems;
}

void rowdef_path(const struct pkm_config *cfg, const char *name, char *out, size_t size)
{
	snprintf(out, size, "%s/laporan/%s.ini", cfg->forms_dir, name);
}
