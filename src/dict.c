#include "pkm/dict.h"
#include "pkm/output.h"
#include "pkm/config.h"
#include "pkm/date.h"
#include "pkm/db.h"
#include "pkm/icd.h"
#include "pkm/ident.h"
#include "pkm/util.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const type_names[T_TYPE_COUNT] = {
	[T_TEXT] = "teks", [T_RM] = "rm", [T_NIK] = "nik", [T_BPJS] = "bpjs", [T_DATE] = "tanggal",
	[T_TIME] = "jam", [T_INT] = "bulat", [T_DEC] = "desimal", [T_SEX] = "jk", [T_UNIT] = "unit",
	[T_PAYER] = "penjamin", [T_ICD] = "icd10", [T_KASUS] = "kasus", [T_CHOICE] = "pilihan",
	[T_YESNO] = "ya_tidak", [T_BP] = "tensi", [T_CALC] = "hitung", [T_PHONE] = "hp", [T_KK] = "kk",
	[T_RTRW] = "rtrw",
};

const char *dict_type_name(enum col_type t)
{
	return t < T_TYPE_COUNT ? type_names[t] : "?";
}

/* The dictionary only changes with a migration, so rows once read are kept per
 * connection until it closes, sorted by table and column: an import reads the
 * same few columns for every line, a desk's forms most of kamus. Each row is
 * one allocation holding its longer texts after it, so what dict_get copied
 * stays valid while the connection is open. */
struct memo {
	struct column_def **row;
	int n, cap;
	struct choice_over {	/* choices the configuration gives instead of kamus' */
		char table[32], column[32];
		char *choices;
	} over[4];
	int nover;
};

static void memo_free(void *p)
{
	struct memo *m = p;
	for (int i = 0; i < m->n; i++)
		free(m->row[i]);
	for (int i = 0; i < m->nover; i++)
		free(m->over[i].choices);
	free(m->row);
	free(m);
}

static struct memo *memo_of(sqlite3 *db)
{
	struct memo *m = db_slot(db, DB_SLOT_DICT);
	if (!m) {
		m = xcalloc(1, sizeof *m);
		db_slot_set(db, DB_SLOT_DICT, m, memo_free);
	}
	return m;
}

static int row_cmp(const struct column_def *c, const char *table, const char *column)
{
	int d = strcmp(c->table, table);
	return d ? d : strcmp(c->column, column);
}

/* The index of table.column in the memo, or where it would go (*found 0). */
static int memo_search(const struct memo *m, const char *table, const char *column, int *found)
{
	int lo = 0, hi = m->n;
	while (lo < hi) {
		int mid = (lo + hi) / 2, d = row_cmp(m->row[mid], table, column);
		if (!d) {
			*found = 1;
			return mid;
		}
		if (d < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = 0;
	return lo;
}

/* The configuration's choices of table.column, the latest set; NULL: kamus'. */
static const char *choices_over(const struct memo *m, const char *table, const char *column)
{
	for (int i = m->nover - 1; i >= 0; i--)
		if (strcmp(m->over[i].table, table) == 0 && strcmp(m->over[i].column, column) == 0)
			return m->over[i].choices;
	return NULL;
}

int dict_set_choices(sqlite3 *db, const char *table, const char *column, const char *choices)
{
	struct memo *m = memo_of(db);
	/* an earlier list stays allocated: copies made of its row may point to it */
	if (m->nover == (int)ARRAY_LEN(m->over) || strlen(table) >= sizeof m->over[0].table ||
	    strlen(column) >= sizeof m->over[0].column)
		return -1;
	struct choice_over *o = &m->over[m->nover++];
	str_copy(o->table, sizeof o->table, table);
	str_copy(o->column, sizeof o->column, column);
	o->choices = xstrdup(choices);
	int found, i = memo_search(m, table, column, &found);
	if (found)	/* a row read before gets these */
		m->row[i]->choices = o->choices;
	return 0;
}

static const char *col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? (const char *)s : "";
}

/* Read table.column from kamus into a new row of the memo at index at. */
static const struct column_def *dict_read(sqlite3 *db, struct memo *m, int at, const char *table, const char *column)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT jenis, wajib, panjang, min, max, label, bantuan, satuan, pilihan, rumus "
				   "FROM kamus WHERE tabel = ? AND kolom = ?", NULL);
	if (!st)
		return NULL;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, column, -1, SQLITE_STATIC);
	struct column_def *out = NULL;
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *help = col_text(st, 6), *choices = col_text(st, 8), *formula = col_text(st, 9);
		size_t lh = strlen(help) + 1, lc = strlen(choices) + 1, lf = strlen(formula) + 1;
		out = xcalloc(1, sizeof *out + lh + lc + lf);
		char *text = (char *)(out + 1);
		out->help = memcpy(text, help, lh);
		out->choices = memcpy(text + lh, choices, lc);
		out->formula = memcpy(text + lh + lc, formula, lf);
		const char *jenis = (const char *)sqlite3_column_text(st, 0);
		for (int t = 0; t < T_TYPE_COUNT; t++)
			if (jenis && strcmp(jenis, type_names[t]) == 0)
				out->type = (enum col_type)t;
		str_copy(out->table, sizeof out->table, table);
		str_copy(out->column, sizeof out->column, column);
		out->required = sqlite3_column_int(st, 1);
		out->maxlen = sqlite3_column_int(st, 2);
		int has_min = sqlite3_column_type(st, 3) != SQLITE_NULL, has_max = sqlite3_column_type(st, 4) != SQLITE_NULL;
		out->min = has_min ? sqlite3_column_double(st, 3) : 1;
		out->max = has_max ? sqlite3_column_double(st, 4) : 0;
		if (has_min != has_max) {	/* one-sided limit */
			out->min = has_min ? out->min : -1e15;
			out->max = has_max ? out->max : 1e15;
		}
		str_copy(out->label, sizeof out->label, col_text(st, 5));
		str_copy(out->unit, sizeof out->unit, col_text(st, 7));
		const char *over = choices_over(m, table, column);
		if (over)
			out->choices = over;
	}
	sqlite3_reset(st);
	if (!out)
		return NULL;
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 64;
		m->row = xrealloc(m->row, (size_t)m->cap * sizeof *m->row);
	}
	memmove(&m->row[at + 1], &m->row[at], (size_t)(m->n - at) * sizeof *m->row);
	m->row[at] = out;
	m->n++;
	return out;
}

void dict_configure(sqlite3 *db, const struct pkm_config *cfg)
{
	if (cfg->farmasi.sumber_dana[0])
		dict_set_choices(db, "batch", "sumber", cfg->farmasi.sumber_dana);
}

const struct column_def *dict_find(sqlite3 *db, const char *table, const char *column)
{
	if (strlen(table) >= sizeof ((struct column_def *)0)->table ||
	    strlen(column) >= sizeof ((struct column_def *)0)->column)
		return NULL;	/* no such name in kamus (its names fit) */
	struct memo *m = memo_of(db);
	int found, i = memo_search(m, table, column, &found);
	return found ? m->row[i] : dict_read(db, m, i, table, column);
}

int dict_get(sqlite3 *db, const char *table, const char *column, struct column_def *out)
{
	const struct column_def *d = dict_find(db, table, column);
	if (!d)
		return -1;
	*out = *d;
	return 0;
}

int dict_choice(const struct column_def *c, int i, char code[24], char label[80])
{
	const char *p = c->choices ? c->choices : "";
	for (int k = 0; *p; k++) {
		size_t n = strcspn(p, ";");
		if (k == i) {
			size_t eq = strcspn(p, "=");
			if (eq >= n)
				eq = n;
			snprintf(code, 24, "%.*s", (int)eq, p);
			snprintf(label, 80, "%.*s", eq < n ? (int)(n - eq - 1) : 0, eq < n ? p + eq + 1 : "");
			str_trim(code);
			str_trim(label);
			return 0;
		}
		p += n;
		if (*p == ';')
			p++;
	}
	return -1;
}

const char *dict_self_check(const struct column_def *c)
{
	char code[24], label[80], seen[DICT_MAX_CHOICES][24];
	if ((c->type == T_INT || c->type == T_DEC) && c->min > c->max)
		return "bulat/desimal perlu min dan max";
	if (c->type != T_CHOICE)
		return NULL;
	int n = 0;
	for (; dict_choice(c, n, code, label) == 0; n++) {
		if (n == DICT_MAX_CHOICES)
			return "terlalu banyak pilihan (maksimal 24)";
		if (!code[0] || !label[0] || strchr(code, ' '))
			return "pilihan harus 'KODE=Label;KODE=Label' (kode tanpa spasi)";
		for (int k = 0; k < n; k++)
			if (strcasecmp(seen[k], code) == 0)
				return "kode pilihan ganda";
		str_copy(seen[n], sizeof seen[n], code);
	}
	return n ? NULL : "pilihan kosong";
}

int dict_payer_needs_bpjs(sqlite3 *db, const char *payer)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT perlu_bpjs FROM penjamin WHERE kode = ?", NULL);
	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, payer, -1, SQLITE_STATIC);
	int needs = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return needs;
}

/* The unit and payer codes a bulk check has found (db_memo_of): a file of
 * 85,000 visits names a few, and each was a query. */
struct code_memo {
	int n;
	struct {
		enum col_type t;
		char kode[24];
	} found[32];
};

static const char *check_code(sqlite3 *db, enum col_type t, char *v)
{
	for (char *p = v; *p; p++)
		*p = *p == ' ' ? '_' : (char)toupper((unsigned char)*p);
	struct code_memo *m = db_memo_of(db, DB_MEMO_CODES, sizeof *m);
	for (int i = 0; m && i < m->n; i++)
		if (m->found[i].t == t && strcmp(m->found[i].kode, v) == 0)
			return NULL;
	if (db_query_text_exists(db, t == T_UNIT ? "SELECT 1 FROM unit WHERE kode = ?"
						 : "SELECT 1 FROM penjamin WHERE kode = ?", v) == 1) {
		if (m && m->n < (int)ARRAY_LEN(m->found) && strlen(v) < sizeof m->found[0].kode) {
			m->found[m->n].t = t;
			str_copy(m->found[m->n++].kode, sizeof m->found[0].kode, v);
		}
		return NULL;
	}
	return t == T_UNIT ? "Kode unit tidak dikenal (K1 K2 K3 K4 IGD FARMASI LAB RANAP GIGI)"
			   : "Kode penjamin tidak dikenal (UMUM BPJS_PBI BPJS_NON_PBI JAMPERSAL ...)";
}

static const char *check_number(const struct column_def *c, char *v, char *msg, size_t msize)
{
	long h;
	int ok = dec_parse(v, &h) == 0 && (c->type == T_DEC || h % 100 == 0);
	if (ok && c->min <= c->max)
		ok = h >= dec_from_double(c->min) && h <= dec_from_double(c->max);
	if (ok) {
		dec_format(h, v, 32);
		return NULL;
	}
	char lo[32], hi[32];
	dec_format(dec_from_double(c->min), lo, sizeof lo);
	dec_format(dec_from_double(c->max), hi, sizeof hi);
	const char *what = c->type == T_DEC ? "angka (boleh desimal, mis. 12,5)" : "bilangan bulat";
	if (c->min <= c->max && c->min > -1e14 && c->max < 1e14)
		snprintf(msg, msize, "%s harus %s %s-%s%s%s", c->label, what, lo, hi, c->unit[0] ? " " : "", c->unit);
	else
		snprintf(msg, msize, "%s harus %s", c->label, what);
	return msg;
}

static const char *check_time(char *v)
{
	int h, m;
	char extra;
	if (sscanf(v, "%2d%*[:.]%2d%c", &h, &m, &extra) != 2 || h < 0 || h > 23 || m < 0 || m > 59 ||
	    !isdigit((unsigned char)v[0]))
		return "Jam tidak sah (contoh: 08:30)";
	snprintf(v, 8, "%02d:%02d", h, m);
	return NULL;
}

static const char *check_choice(const struct column_def *c, char *v, char *msg, size_t msize)
{
	char code[24], label[80];
	for (int i = 0; dict_choice(c, i, code, label) == 0; i++)
		if (strcasecmp(code, v) == 0) {
			strcpy(v, code);
			return NULL;
		}
	int n = snprintf(msg, msize, "%s harus salah satu dari:", c->label);
	for (int i = 0; dict_choice(c, i, code, label) == 0 && n < (int)msize - 30; i++)
		n += snprintf(msg + n, msize - (size_t)n, " %s", code);
	return msg;
}

static const char *check_yesno(char *v)
{
	static const char *const yes[] = { "y", "ya", "1", NULL }, *const no[] = { "t", "tidak", "n", "0", NULL };
	for (int i = 0; yes[i]; i++)
		if (strcasecmp(v, yes[i]) == 0)
			return strcpy(v, "1"), NULL;
	for (int i = 0; no[i]; i++)
		if (strcasecmp(v, no[i]) == 0)
			return strcpy(v, "0"), NULL;
	return "Isi Y (ya) atau T (tidak)";
}

static const char *check_bp(char *v)
{
	int s, d;
	char extra;
	if (sscanf(v, "%d /%d%c", &s, &d, &extra) != 2)
		return "Tekanan darah ditulis sistol/diastol, mis. 120/80";
	if (s < 40 || s > 300 || d < 20 || d > 200 || d >= s)
		return "Tekanan darah tidak masuk akal (sistol 40-300, diastol 20-200, diastol < sistol)";
	snprintf(v, 16, "%d/%d", s, d);
	return NULL;
}

const char *dict_check(sqlite3 *db, const struct column_def *c, const char *in, char *out, size_t size)
{
	static char msg[200];
	char v[1024];
	/* one rule for every text pkm stores, from a screen or a file */
	const char *bad = text_refused(in);
	if (bad || strlen(in) >= sizeof v) {
		snprintf(msg, sizeof msg, "%s %s", c->label, bad ? bad : "terlalu panjang");
		return msg;
	}
	str_copy(v, sizeof v, in);
	str_trim(v);
	if (!*v) {
		out[0] = '\0';
		if (!c->required)
			return NULL;
		snprintf(msg, sizeof msg, "%s wajib diisi", c->label);
		return msg;
	}
	const char *err = NULL;
	struct date d;
	char icd[ICD_LEN];
	switch (c->type) {
	case T_TEXT:
		if ((int)utf8_width(v) > c->maxlen) {
			snprintf(msg, sizeof msg, "%s terlalu panjang (maksimal %d karakter)", c->label, c->maxlen);
			err = msg;
		}
		break;
	case T_RM:
		for (const char *p = v; *p && !err; p++)
			if (!isalnum((unsigned char)*p) && *p != '-' && *p != '/')
				err = "No. RM hanya boleh huruf, angka, '-' dan '/'";
		if (!err && (int)strlen(v) > c->maxlen)
			err = "No. RM terlalu panjang (maksimal 20 karakter)";
		break;
	case T_NIK:
		err = nik_error(v);
		break;
	case T_BPJS:
		err = bpjs_error(v);
		break;
	case T_KK:
		err = kk_error(v);
		break;
	case T_PHONE:
	case T_RTRW: {
		char norm[32];
		err = c->type == T_PHONE ? phone_normalize(v, norm, sizeof norm) : rtrw_normalize(v, norm, sizeof norm);
		if (!err)
			str_copy(v, sizeof v, norm);
		break;
	}
	case T_DATE:
		if (date_parse_user(v, &d) != 0)
			err = "Tanggal tidak sah (contoh: 17-08-1980)";
		else
			date_format(d, v);
		break;
	case T_TIME:
		err = check_time(v);
		break;
	case T_INT:
	case T_DEC:
		err = check_number(c, v, msg, sizeof msg);
		break;
	case T_SEX:
		v[0] = (char)toupper((unsigned char)v[0]);
		if (strlen(v) != 1 || (v[0] != 'L' && v[0] != 'P'))
			err = "Jenis kelamin harus L atau P";
		break;
	case T_UNIT:
	case T_PAYER:
		err = check_code(db, c->type, v);
		break;
	case T_ICD:
		if (icd_normalize(v, icd) != 0)
			err = "Kode ICD-10 tidak sah (contoh: A09, J06.9)";
		else
			str_copy(v, sizeof v, icd);
		break;
	case T_KASUS:
		v[0] = (char)toupper((unsigned char)v[0]);
		if (strlen(v) != 1 || !strchr("BLK", v[0]))
			err = "Kasus harus B (baru), L (lama) atau K (KKL)";
		break;
	case T_CHOICE:
		err = check_choice(c, v, msg, sizeof msg);
		break;
	case T_YESNO:
		err = check_yesno(v);
		break;
	case T_BP:
		err = check_bp(v);
		break;
	case T_CALC:
	case T_TYPE_COUNT:
		break;
	}
	if (!err && strlen(v) >= size) {	/* never cut: accented letters take 2-4 bytes */
		snprintf(msg, sizeof msg, "%s terlalu panjang untuk disimpan (%zu byte, paling banyak %zu); persingkat",
			 c->label, strlen(v), size - 1);
		err = msg;
	}
	if (!err)
		str_copy(out, size, v);
	return err;
}

void dict_display(sqlite3 *db, const struct column_def *c, const char *value, char *out, size_t size)
{
	char code[DICT_MAX_CHOICES][24], label[DICT_MAX_CHOICES][80];
	out[0] = '\0';
	if (!value[0])
		return;
	if (c->type == T_DATE) {	/* people read DD-MM-YYYY */
		char day[11];
		str_copy(out, size, date_show(value, day));
		return;
	}
	int n = dict_options(db, c, code, label, DICT_MAX_CHOICES);
	for (int i = 0; i < n; i++)
		if (strcmp(code[i], value) == 0)
			str_copy(out, size, label[i]);
	if (!n)
		snprintf(out, size, "%s%s%s", value, c->unit[0] ? " " : "", c->unit);
}

const char *dict_label(sqlite3 *db, const char *table, const char *column, const char *value, char *out,
		       size_t size)
{
	const struct column_def *c = dict_find(db, table, column);
	out[0] = '\0';
	if (c)
		dict_display(db, c, value, out, size);
	if (!out[0])
		str_copy(out, size, value);
	return out;
}

/* The labels of the two fixed-choice types, written once. */
static const char *const fixed[][2] = { { "1", "Ya" }, { "0", "Tidak" }, { "L", "Laki-laki" }, { "P", "Perempuan" } };

const char *dict_sex_label(char sex)
{
	return sex == 'P' ? fixed[3][1] : sex == 'L' ? fixed[2][1] : "?";
}

int dict_options(sqlite3 *db, const struct column_def *c, char (*code)[24], char (*label)[80], int max)
{
	int n = 0;
	if (c->type == T_CHOICE) {
		while (n < max && dict_choice(c, n, code[n], label[n]) == 0)
			n++;
	} else if (c->type == T_YESNO || c->type == T_SEX) {
		for (int i = c->type == T_YESNO ? 0 : 2, k = 0; k < 2 && n < max; k++, i++, n++) {
			str_copy(code[n], 24, fixed[i][0]);
			str_copy(label[n], 80, fixed[i][1]);
		}
	} else if (c->type == T_UNIT || c->type == T_PAYER) {
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(db, c->type == T_UNIT ? "SELECT kode, nama FROM unit ORDER BY urut"
							     : "SELECT kode, nama FROM penjamin ORDER BY urut",
				       -1, &st, NULL) != SQLITE_OK)
			return 0;
		for (; n < max && sqlite3_step(st) == SQLITE_ROW; n++) {
			db_col_text(st, 0, code[n], 24);
			db_col_text(st, 1, label[n], 80);
		}
		sqlite3_finalize(st);
	}
	return n;
}

int dict_complete(sqlite3 *db, const struct column_def *c, const char *typed, char *out, size_t size)
{
	char code[64][24], label[64][80];
	int n = dict_options(db, c, code, label, 64), found = -1;
	size_t len = strlen(typed);
	for (int i = 0; i < n && len; i++)
		if (strncasecmp(code[i], typed, len) == 0) {
			if (found >= 0)
				return 0;
			found = i;
		}
	if (found < 0)
		return 0;
	str_copy(out, size, code[found]);
	return 1;
}

int dict_has_options(const struct column_def *c)
{
	enum col_type t = c->type;
	return t == T_CHOICE || t == T_YESNO || t == T_UNIT || t == T_PAYER || t == T_SEX;
}

void dict_edit_text(const struct column_def *c, const char *value, char *out, size_t size)
{
	struct date d;
	if (c->type == T_YESNO && value[0])
		str_copy(out, size, strcmp(value, "1") == 0 ? "Y" : "T");
	else if (c->type == T_DATE && date_parse(value, &d) == 0)
		snprintf(out, size, "%02d-%02d-%04d", d.d, d.m, d.y);
	else
		str_copy(out, size, value);
}

void dict_check_field(sqlite3 *db, const char *table, const char *column, const char *field, const char *in,
		      char *out, size_t size, struct field_errors *fe)
{
	const struct column_def *def = dict_find(db, table, column);
	const char *why = !def ? "kolom tidak ada di kamus data" : dict_check(db, def, in ? in : "", out, size);
	if (why)
		field_error(fe, field, "%s", why);
}

void field_error(struct field_errors *fe, const char *column, const char *fmt, ...)
{
	if (fe->n >= (int)ARRAY_LEN(fe->e))
		return;
	fe->e[fe->n].column = column;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(fe->e[fe->n].msg, sizeof fe->e[fe->n].msg, fmt, ap);
	va_end(ap);
	fe->n++;
}

void field_errors_print(const struct field_errors *fe)
{
	for (int i = 0; i < fe->n; i++) {
		fprintf(stderr, "pkm: %s: ", fe->e[i].column);
		out_puts(stderr, fe->e[i].msg);
		fputc('\n', stderr);
	}
}

const char *field_error_for(const struct field_errors *fe, const char *column)
{
	for (int i = 0; i < fe->n; i++)
		if (strcmp(fe->e[i].column, column) == 0)
			return fe->e[i].msg;
	return NULL;
}

void field_errors_join(const struct field_errors *fe, struct sbuf *err)
{
	for (int i = 0; i < fe->n; i++)
		sb_printf(err, "%s%s: %s", i ? "; " : "", fe->e[i].column, fe->e[i].msg);
}
