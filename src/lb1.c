#include "pkm/lb1.h"
#include "pkm/asal.h"
#include "pkm/db.h"
#include "pkm/config.h"
#include <stdlib.h>
#include <string.h>

static const char kasus_key[KASUS_N][5] = { "baru", "lama", "kkl" };
static const char sex_key[SEX_N] = { 'L', 'P' };

int kasus_index(char k) { return k == 'B' ? KASUS_B : k == 'L' ? KASUS_L : k == 'K' ? KASUS_K : -1; }

void lb1_count(struct lb1_row *r, enum layout l, const struct age *a, char kasus, char sex)
{
	int k = kasus_index(kasus);
	if (k < 0)
		return;
	r->cell[band_of(l, a)][k][sex == 'P' ? SEX_P : SEX_L]++;
}

int f11_match(const char *code, const struct f11_map *map, int n)
{
	int best = -1;
	size_t best_len = 0;
	for (int i = 0; i < n; i++) {
		size_t len = strlen(map[i].prefix);
		if (len > best_len && icd_prefix_match(code, map[i].prefix)) {
			best = map[i].row;
			best_len = len;
		}
	}
	return best;
}

static struct lb1_row *add_row(struct lb1 *r)
{
	if (r->nrows == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->rows = xrealloc(r->rows, (size_t)r->cap * sizeof *r->rows);
	}
	struct lb1_row *row = &r->rows[r->nrows++];
	memset(row, 0, sizeof *row);
	return row;
}

void lb1_free(struct lb1 *r)
{
	free(r->rows);
	memset(r, 0, sizeof *r);
}

/* Cancelled visits are not counted: their few ids are gathered once through
 * their partial index, so the month's visits are still read from the indexes. */
#define LB1_COUNTED " AND k.id NOT IN (SELECT id FROM kunjungan WHERE batal IS NOT NULL)"

/* The month's rows are read unsorted, in one pass through the service-date
 * index, and gathered per code here: a sort in SQL would cost the pass again. */
struct code_index {
	int *slot;		/* row + 1, 0 when free */
	unsigned size;		/* a power of two, at least twice the rows */
};

static unsigned code_hash(const char *s)
{
	unsigned h = 2166136261u;	/* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static int *code_slot(const struct code_index *x, const struct lb1 *r, const char *code)
{
	unsigned i = code_hash(code) & (x->size - 1);
	while (x->slot[i] && strcmp(r->rows[x->slot[i] - 1].key, code) != 0)
		i = (i + 1) & (x->size - 1);
	return &x->slot[i];
}

static struct lb1_row *code_row(struct code_index *x, struct lb1 *r, const char *code)
{
	if ((unsigned)r->nrows * 2 >= x->size) {	/* grow: every row placed again */
		free(x->slot);
		x->size = x->size ? x->size * 2 : 512;
		x->slot = xcalloc(x->size, sizeof *x->slot);
		for (int i = 0; i < r->nrows; i++)
			*code_slot(x, r, r->rows[i].key) = i + 1;
	}
	int *slot = code_slot(x, r, code);
	if (!*slot) {
		struct lb1_row *row = add_row(r);
		str_copy(row->key, sizeof row->key, code);
		str_copy(row->kode, sizeof row->kode, code);
		*slot = r->nrows;
	}
	return &r->rows[*slot - 1];
}

static int by_key(const void *a, const void *b)
{
	return strcmp(((const struct lb1_row *)a)->key, ((const struct lb1_row *)b)->key);
}

/* Each code's name, looked up once per code. */
static int code_names(sqlite3 *db, struct lb1 *r, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT nama FROM icd10 WHERE kode = ?", err);
	if (!st)
		return -1;
	int rc = SQLITE_DONE;
	for (int i = 0; i < r->nrows && rc == SQLITE_DONE; i++) {
		sqlite3_bind_text(st, 1, r->rows[i].key, -1, SQLITE_STATIC);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			db_col_text(st, 0, r->rows[i].nama, sizeof r->rows[i].nama);
			rc = sqlite3_step(st);
		}
		sqlite3_reset(st);
	}
	return db_finish(db, st, rc, err);
}

/* One (visit, code) pair of the month, as LB1 counts it. */
struct pair {
	long visit;
	const char *code;
	char kasus, sex;
	struct age age;
};

/* Every pair of the month, read unsorted in one pass through the service-date
 * index: the counts and the rows behind a cell (lb1_asal) both come from here. */
static int each_pair(sqlite3 *db, const char *from, const char *to, void (*fn)(const struct pair *, void *),
		     void *ctx, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT d.icd10, d.kasus, p.jenis_kelamin, k.umur_tahun, k.umur_total_hari, k.id"
		" FROM kunjungan k JOIN diagnosis d ON d.kunjungan_id = k.id JOIN pasien p ON p.id = k.pasien_id"
		" WHERE k.tanggal >= ? AND k.tanggal < ?" LB1_COUNTED, err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct pair p = { (long)sqlite3_column_int64(st, 5), (const char *)sqlite3_column_text(st, 0),
				  (char)sqlite3_column_text(st, 1)[0], (char)sqlite3_column_text(st, 2)[0],
				  { sqlite3_column_int(st, 3), 0, 0, (long)sqlite3_column_int64(st, 4) } };
		fn(&p, ctx);
	}
	return db_finish(db, st, rc, err);
}

struct by_code {
	struct code_index x;
	struct lb1 *out;
};

static void count_pair(const struct pair *p, void *ctx)
{
	struct by_code *c = ctx;
	struct lb1_row *row = code_row(&c->x, c->out, p->code);
	lb1_count(row, c->out->layout, &p->age, p->kasus, p->sex);
	int k = kasus_index(p->kasus);
	if (k >= 0)
		c->out->totals[k][p->sex == 'P' ? SEX_P : SEX_L]++;
}

/* One row per ICD-10 code occurring in the month, ordered by code, and the
 * totals by case flag and sex counted beside the age bands (the foot check
 * catches a row that no band took). */
static int count_by_code(sqlite3 *db, const char *from, const char *to, struct lb1 *out, struct sbuf *err)
{
	struct by_code c = { { NULL, 0 }, out };
	int rc = each_pair(db, from, to, count_pair, &c, err);
	free(c.x.slot);
	if (rc != 0)
		return -1;
	if (out->nrows)	/* an empty month has no rows array */
		qsort(out->rows, (size_t)out->nrows, sizeof *out->rows, by_key);
	return code_names(db, out, err);
}

static void add_cells(struct lb1_row *dst, const struct lb1_row *src)
{
	for (int b = 0; b < BAND_MAX; b++)
		for (int k = 0; k < KASUS_N; k++)
			for (int s = 0; s < SEX_N; s++)
				dst->cell[b][k][s] += src->cell[b][k][s];
}

/* The Formulir 11 groups and rows into r (which has none yet) and the prefix
 * mapping into *map (*nmap entries, caller frees). */
static int f11_load(sqlite3 *db, struct lb1 *r, struct f11_map **map, int *nmap, struct sbuf *err)
{
	int mcap = 0, step;
	*map = NULL;
	*nmap = 0;
	sqlite3_stmt *st = db_prepare(db, "SELECT kode, nama FROM f11_grup ORDER BY kode", err);
	if (!st)
		return -1;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		if (r->ngroups == (int)ARRAY_LEN(r->groups) - 1) {	/* one kept for "Lain-lain" */
			sb_printf(err, "Formulir 11 punya lebih dari %d kelompok: laporan tidak disusun",
				  (int)ARRAY_LEN(r->groups) - 1);
			sqlite3_finalize(st);
			return -1;
		}
		db_col_text(st, 0, r->groups[r->ngroups].kode, sizeof r->groups[0].kode);
		db_col_text(st, 1, r->groups[r->ngroups].nama, sizeof r->groups[0].nama);
		r->ngroups++;
	}
	if (db_finish(db, st, step, err) != 0)
		return -1;
	st = db_prepare(db, "SELECT b.id, b.grup, b.kode_cetak, b.nama FROM f11_baris b"
			    " JOIN f11_grup g ON g.kode = b.grup ORDER BY b.grup, b.urut", err);
	if (!st)
		return -1;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		struct lb1_row *row = add_row(r);
		db_col_text(st, 0, row->key, sizeof row->key);
		db_col_text(st, 1, row->grup, sizeof row->grup);
		db_col_text(st, 2, row->kode, sizeof row->kode);
		db_col_text(st, 3, row->nama, sizeof row->nama);
	}
	if (db_finish(db, st, step, err) != 0)
		return -1;
	st = db_prepare(db, "SELECT baris_id, prefiks FROM f11_peta", err);
	if (!st)
		return -1;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		int row = -1;
		for (int i = 0; i < r->nrows && row < 0; i++)
			if (strcmp(r->rows[i].key, id) == 0)
				row = i;
		if (row < 0)
			continue;
		if (*nmap == mcap) {
			mcap = mcap ? mcap * 2 : 256;
			*map = xrealloc(*map, (size_t)mcap * sizeof **map);
		}
		db_col_text(st, 1, (*map)[*nmap].prefix, sizeof (*map)[0].prefix);
		(*map)[(*nmap)++].row = row;
	}
	return db_finish(db, st, step, err);
}

/* The key of a code's own row in "Lain-lain" (mapped to no Formulir 11 row). */
static void lain_key(const char *code, char *key, size_t size)
{
	snprintf(key, size, "LAIN.%.*s", ICD_LEN, code);
}

/* Fold the per-code rows into the fixed Formulir 11 rows; codes that map to no
 * row stay as their own rows in the "Lain-lain" group, so nothing is lost. */
static int fold_f11(sqlite3 *db, struct lb1 *r, struct sbuf *err)
{
	struct lb1 codes = *r;
	r->rows = NULL;
	r->nrows = r->cap = 0;
	struct f11_map *map;
	int nmap, rc = f11_load(db, r, &map, &nmap, err);
	int fixed = r->nrows;
	for (int i = 0; rc == 0 && i < codes.nrows; i++) {
		int row = f11_match(codes.rows[i].key, map, nmap);
		if (row >= 0) {
			add_cells(&r->rows[row], &codes.rows[i]);
			continue;
		}
		struct lb1_row *other = add_row(r);
		*other = codes.rows[i];
		lain_key(codes.rows[i].kode, other->key, sizeof other->key);
		str_copy(other->grup, sizeof other->grup, "LAIN");
	}
	if (rc == 0 && r->nrows > fixed) {
		struct lb1_group *g = &r->groups[r->ngroups++];
		str_copy(g->kode, sizeof g->kode, "LAIN");
		str_copy(g->nama, sizeof g->nama, "Lain-lain (kode yang tidak dipetakan)");
	}
	free(map);
	lb1_free(&codes);
	return rc;
}

/* The number of (visit, code) pairs, counted apart from the rows (from the
 * indexes alone: diagnosis is UNIQUE (kunjungan_id, icd10)), so that the foot
 * check can catch a lost count. */
static int count_pairs(sqlite3 *db, const char *from, const char *to, struct lb1 *r, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT count(*) FROM kunjungan k JOIN diagnosis d ON d.kunjungan_id = k.id"
				      " WHERE k.tanggal >= ? AND k.tanggal < ?" LB1_COUNTED, err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	int rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r->pairs = (long)sqlite3_column_int64(st, 0);
		rc = sqlite3_step(st);
	}
	return db_finish(db, st, rc, err);
}

int lb1_build(sqlite3 *db, const char *month, enum layout layout, struct lb1 *out, struct sbuf *err)
{
	memset(out, 0, sizeof *out);
	struct date first, next;
	if (month_parse(month, &first, &next) != 0) {
		sb_printf(err, "bulan tidak sah: '%s' (" MONTH_HINT ")", month);
		return -1;
	}
	out->layout = layout;
	month_key(first, out->month);
	char from[11], to[11];
	date_format(first, from);
	date_format(next, to);
	/* one read snapshot: rows and totals see the same data */
	int snap = db_read_begin(db, err);
	int rc = snap < 0 ? -1 : count_by_code(db, from, to, out, err);
	if (rc == 0 && layout == LAYOUT_F11)
		rc = fold_f11(db, out, err);
	if (rc == 0)
		rc = count_pairs(db, from, to, out, err);
	if (db_read_end(db, snap, rc == 0 ? err : NULL) != 0)
		rc = -1;
	if (rc != 0)
		lb1_free(out);
	return rc;
}

void lb1_check(const struct lb1 *r, struct lb1_checks *c)
{
	long sum[KASUS_N][SEX_N] = { { 0 } };
	long grand = 0;
	for (int i = 0; i < r->nrows; i++)
		for (int b = 0; b < band_count(r->layout); b++)
			for (int k = 0; k < KASUS_N; k++)
				for (int s = 0; s < SEX_N; s++) {
					sum[k][s] += r->rows[i].cell[b][k][s];
					grand += r->rows[i].cell[b][k][s];
				}
	long by_sex = 0;
	c->bands_ok = 1;
	for (int k = 0; k < KASUS_N; k++)
		for (int s = 0; s < SEX_N; s++) {
			c->bands_ok &= sum[k][s] == r->totals[k][s];
			by_sex += r->totals[k][s];
		}
	c->sex_ok = by_sex == grand;
	c->pairs_ok = grand == r->pairs;
	c->grand = grand;
}

/* Printed columns: klasik has B/L per sex in each band (L includes KKL) and then
 * totals; Formulir 11 has new cases per band and then new/old by sex. */
static void set_columns(struct table *t, enum layout l)
{
	int nb = band_count(l), c = 0;
	if (l == LAYOUT_KLASIK) {
		static const char *sub[] = { "B-L", "B-P", "L-L", "L-P" };
		for (int b = 0; b < nb; b++)
			for (int i = 0; i < 4; i++, c++) {
				str_copy(t->cols[c].group, sizeof t->cols[c].group, band_label(l, b));
				str_copy(t->cols[c].label, sizeof t->cols[c].label, sub[i]);
			}
		static const char *tg[] = { "Baru", "Baru", "Lama", "Lama", "KKL", "KKL", "Total" };
		static const char *tl[] = { "L", "P", "L", "P", "L", "P", "Jml" };
		for (int i = 0; i < 7; i++, c++) {
			str_copy(t->cols[c].group, sizeof t->cols[c].group, tg[i]);
			str_copy(t->cols[c].label, sizeof t->cols[c].label, tl[i]);
		}
		return;
	}
	for (int b = 0; b < nb; b++, c++) {
		str_copy(t->cols[c].group, sizeof t->cols[c].group, "Kasus baru menurut umur");
		str_copy(t->cols[c].label, sizeof t->cols[c].label, band_label(l, b));
	}
	static const char *fg[] = { "Jumlah baru", "Jumlah baru", "Jumlah baru", "Jumlah lama", "Jumlah lama", "Jumlah lama" };
	static const char *fl[] = { "L", "P", "Jml", "L", "P", "Jml" };
	for (int i = 0; i < 6; i++, c++) {
		str_copy(t->cols[c].group, sizeof t->cols[c].group, fg[i]);
		str_copy(t->cols[c].label, sizeof t->cols[c].label, fl[i]);
	}
}

static int column_count(enum layout l) { return l == LAYOUT_KLASIK ? band_count(l) * 4 + 7 : band_count(l) + 6; }

/* The cells a printed column adds up: a band (or all) and sets of case flags
 * and sexes. The printed values and the rows behind a printed cell (lb1_asal,
 * by its key lb1_column_key) are both read from here. */
static struct lb1_sel printed_sel(enum layout l, int c)
{
	enum { B = 1 << KASUS_B, LK = 1 << KASUS_L | 1 << KASUS_K, K = 1 << KASUS_K, L = 1 << SEX_L, P = 1 << SEX_P };
	int nb = band_count(l);
	if (l == LAYOUT_KLASIK) {
		/* per band B-L, B-P, L-L, L-P (L includes KKL); then the totals */
		static const struct lb1_sel band[4] = { { 0, B, L }, { 0, B, P }, { 0, LK, L }, { 0, LK, P } };
		static const struct lb1_sel total[7] = { { -1, B, L }, { -1, B, P }, { -1, 1 << KASUS_L, L },
							 { -1, 1 << KASUS_L, P }, { -1, K, L }, { -1, K, P },
							 { -1, B | LK, L | P } };
		if (c < nb * 4) {
			struct lb1_sel x = band[c % 4];
			x.band = c / 4;
			return x;
		}
		return total[c - nb * 4];
	}
	static const struct lb1_sel total[6] = { { -1, B, L }, { -1, B, P }, { -1, B, L | P },
						 { -1, LK, L }, { -1, LK, P }, { -1, LK, L | P } };
	return c < nb ? (struct lb1_sel){ c, B, L | P } : total[c - nb];
}

static long sel_value(const struct lb1_row *row, enum layout l, const struct lb1_sel *x)
{
	long v = 0;
	for (int b = 0; b < band_count(l); b++)
		for (int k = 0; k < KASUS_N; k++)
			for (int s = 0; s < SEX_N; s++)
				if ((x->band < 0 || x->band == b) && (x->kasus >> k & 1) && (x->sex >> s & 1))
					v += row->cell[b][k][s];
	return v;
}

static void fill_values(const struct lb1_row *row, enum layout l, long *v)
{
	for (int c = 0; c < column_count(l); c++) {
		struct lb1_sel x = printed_sel(l, c);
		v[c] = sel_value(row, l, &x);
	}
}

/* A set of names as a key part: "*" for all of them, else joined by "+". */
static void set_key(struct sbuf *b, unsigned set, int n, const char *(*name)(int))
{
	if (set == (1u << n) - 1) {
		sb_addc(b, '*');
		return;
	}
	for (int i = 0, first = 1; i < n; i++)
		if (set >> i & 1) {
			sb_printf(b, "%s%s", first ? "" : "+", name(i));
			first = 0;
		}
}

static const char *kasus_part(int k) { return kasus_key[k]; }
static const char *sex_part(int s) { return s == SEX_L ? "L" : "P"; }

void lb1_column_key(enum layout l, int c, char *key, size_t size)
{
	struct lb1_sel x = printed_sel(l, c);
	struct sbuf b = { 0 };
	sb_printf(&b, "%s.", x.band < 0 ? "*" : band_key(l, x.band));
	set_key(&b, x.kasus, KASUS_N, kasus_part);
	sb_addc(&b, '.');
	set_key(&b, x.sex, SEX_N, sex_part);
	str_copy(key, size, sb_str(&b));
	sb_free(&b);
}

static const char *ok_word(int ok) { return ok ? "COCOK" : "TIDAK COCOK"; }

void lb1_table(const struct lb1 *r, struct table *t)
{
	enum layout l = r->layout;
	table_init(t, column_count(l));
	str_copy(t->title, sizeof t->title, "LAPORAN BULANAN DATA KESAKITAN (LB1)");
	str_copy(t->subtitle, sizeof t->subtitle,
		 l == LAYOUT_KLASIK ? "Susunan klasik (SP2TP)" : "Formulir 11 (PMK 31/2019)");
	str_copy(t->head_kode, sizeof t->head_kode, "ICD-10");
	set_columns(t, l);
	for (int c = 0; c < t->ncols; c++)
		lb1_column_key(l, c, t->cols[c].key, sizeof t->cols[c].key);
	long *total = xcalloc((size_t)t->ncols, sizeof *total);
	const char *group = "";
	int no = 0;
	for (int i = 0; i < r->nrows; i++) {
		const struct lb1_row *row = &r->rows[i];
		if (l == LAYOUT_F11 && strcmp(row->grup, group) != 0) {
			group = row->grup;
			for (int g = 0; g < r->ngroups; g++)
				if (strcmp(r->groups[g].kode, group) == 0) {
					char head[128];
					snprintf(head, sizeof head, "%s. %s", strcmp(group, "LAIN") ? group : "P",
						 r->groups[g].nama);
					table_add(t, ROW_HEAD, "", "", head);
				}
			no = 0;
		}
		char num[32];
		if (l == LAYOUT_F11)
			snprintf(num, sizeof num, "%s%d", strcmp(group, "LAIN") ? group : "P", ++no);
		else
			snprintf(num, sizeof num, "%d", ++no);
		long *v = table_add(t, ROW_DATA, num, row->kode, row->nama[0] ? row->nama : "(tidak ada di daftar ICD-10)");
		str_copy(t->rows[t->nrows - 1].key, sizeof t->rows[0].key, row->key);
		fill_values(row, l, v);
		for (int c = 0; c < t->ncols; c++)
			total[c] += v[c];
	}
	long *v = table_add(t, ROW_TOTAL, "", "", "JUMLAH");
	memcpy(v, total, (size_t)t->ncols * sizeof *v);
	free(total);

	struct lb1_checks c;
	lb1_check(r, &c);
	struct sbuf *f = &t->foot;
	if (l == LAYOUT_KLASIK)
		sb_add(f, "Keterangan: B = kasus baru, L = kasus lama termasuk kunjungan kasus lama\n"
			  "(KKL); L/P = laki-laki/perempuan.\n");
	else
		sb_add(f, "Keterangan: kolom umur berisi kasus baru; kasus lama termasuk kunjungan\n"
			  "kasus lama (KKL).\n");
	sb_add(f, "Pemeriksaan:\n");
	sb_printf(f, "  1. Jumlah kelompok umur = total per jenis kasus dan jenis kelamin : %s\n", ok_word(c.bands_ok));
	sb_printf(f, "  2. Laki-laki + perempuan = jumlah (%ld)                            : %s\n", c.grand, ok_word(c.sex_ok));
	sb_printf(f, "  3. Jumlah = pasangan kunjungan-diagnosis bulan ini (%ld)           : %s\n", r->pairs, ok_word(c.pairs_ok));
	if (!(c.bands_ok && c.sex_ok && c.pairs_ok))
		sb_add(f, "*** PERINGATAN: PEMERIKSAAN GAGAL. LAPORAN INI TIDAK BOLEH DIKIRIM. ***\n");
}

static int cmp_lines(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void lb1_write_data(const struct lb1 *r, FILE *f)
{
	struct sbuf all = { 0 };
	int n = 0;
	for (int i = 0; i < r->nrows; i++)
		for (int b = 0; b < band_count(r->layout); b++)
			for (int k = 0; k < KASUS_N; k++)
				for (int s = 0; s < SEX_N; s++) {
					long v = r->rows[i].cell[b][k][s];
					if (!v)
						continue;
					/* a tab keeps (baris, kolom) order when sorting whole lines */
					sb_printf(&all, "%s\t%s.%s.%c,%ld\n", r->rows[i].key, band_key(r->layout, b),
						  kasus_key[k], sex_key[s], v);
					n++;
				}
	char **lines = xcalloc((size_t)n, sizeof *lines);
	char *p = all.s;
	for (int i = 0; i < n; i++) {
		lines[i] = p;
		p = strchr(p, '\n');
		*p++ = '\0';
	}
	qsort(lines, (size_t)n, sizeof *lines, cmp_lines);
	fputs("baris,kolom,nilai\n", f);
	for (int i = 0; i < n; i++) {
		*strchr(lines[i], '\t') = ',';
		fprintf(f, "%s\n", lines[i]);
	}
	free(lines);
	sb_free(&all);
}

/* One part of a column key: "*" for every name, else names joined by "+";
 * the set in *set, -1 when a name is unknown. */
static int parse_set(const char *part, size_t len, int n, const char *(*name)(int), unsigned *set)
{
	*set = 0;
	if (len == 1 && *part == '*') {
		*set = (1u << n) - 1;
		return 0;
	}
	for (const char *p = part, *end = part + len; p <= end;) {
		const char *plus = memchr(p, '+', (size_t)(end - p));
		size_t w = (size_t)((plus ? plus : end) - p);
		int found = -1;
		for (int i = 0; i < n; i++)
			if (strlen(name(i)) == w && strncmp(p, name(i), w) == 0)
				found = i;
		if (found < 0)
			return -1;
		*set |= 1u << found;
		p += w + 1;
	}
	return 0;
}

/* The cells a column key names: a data cell ("1-4t.baru.L") or a printed
 * column (lb1_column_key, e.g. "*.lama+kkl.L"); -1 when it names none. */
static int parse_column(enum layout l, const char *kolom, struct lb1_sel *x)
{
	const char *dot = strchr(kolom, '.'), *dot2 = dot ? strchr(dot + 1, '.') : NULL;
	if (!dot2)
		return -1;
	x->band = -2;
	if (dot - kolom == 1 && *kolom == '*')
		x->band = -1;
	for (int b = 0; b < band_count(l); b++)
		if (strlen(band_key(l, b)) == (size_t)(dot - kolom) && strncmp(kolom, band_key(l, b), (size_t)(dot - kolom)) == 0)
			x->band = b;
	if (x->band == -2 || parse_set(dot + 1, (size_t)(dot2 - dot - 1), KASUS_N, kasus_part, &x->kasus) != 0 ||
	    parse_set(dot2 + 1, strlen(dot2 + 1), SEX_N, sex_part, &x->sex) != 0)
		return -1;
	return 0;
}

struct cell_rows {
	enum layout layout;
	const char *baris;
	struct lb1_sel sel;
	const struct lb1 *f11;		/* the Formulir 11 rows, NULL in klasik */
	const struct f11_map *map;
	int nmap;
	struct asal *out;
	/* each code met, its row key found once (the month has few codes, many pairs) */
	struct code_index x;
	struct lb1 codes;
	signed char *ours;		/* per code: 1 its row is baris, 0 not */
	int ours_cap;
};

/* Whether a code's row is the cell's: the same key the report folds it under. */
static int code_is_ours(struct cell_rows *c, const char *code)
{
	int before = c->codes.nrows;
	struct lb1_row *r = code_row(&c->x, &c->codes, code);
	int i = (int)(r - c->codes.rows);
	if (c->codes.nrows == before)
		return c->ours[i];
	if (c->ours_cap < c->codes.cap) {
		c->ours_cap = c->codes.cap;
		c->ours = xrealloc(c->ours, (size_t)c->ours_cap);
	}
	char key[sizeof r->key];
	int row = c->f11 ? f11_match(code, c->map, c->nmap) : -1;
	if (!c->f11)
		str_copy(key, sizeof key, code);
	else if (row >= 0)
		str_copy(key, sizeof key, c->f11->rows[row].key);
	else
		lain_key(code, key, sizeof key);
	return c->ours[i] = strcmp(key, c->baris) == 0;
}

/* A pair is behind the cell when counting it alone gives the cell: the same
 * lb1_count the report adds it with. */
static void cell_pair(const struct pair *p, void *ctx)
{
	struct cell_rows *c = ctx;
	if (!code_is_ours(c, p->code))
		return;
	struct lb1_row one;
	memset(&one, 0, sizeof one);
	lb1_count(&one, c->layout, &p->age, p->kasus, p->sex);
	long v = sel_value(&one, c->layout, &c->sel);
	if (v)
		snprintf(asal_add(c->out, p->visit, v)->ket, sizeof c->out->rows[0].ket, "%s %c", p->code, p->kasus);
}

static int column_refused(enum layout layout, const char *kolom, struct lb1_sel *sel, struct sbuf *err)
{
	if (parse_column(layout, kolom, sel) == 0)
		return 0;
	sb_printf(err, "kolom LB1 tidak dikenal: '%s' (UMUR.baru|lama|kkl.L|P, mis. %s.baru.L)", kolom,
		  band_key(layout, 1));
	return 1;
}

int lb1_cell_known(sqlite3 *db, const char *baris, const char *kolom, struct sbuf *err)
{
	struct lb1_sel x;
	if (column_refused(LAYOUT_KLASIK, kolom, &x, err))
		return 0;
	if (x.band < 0 || (x.kasus & (x.kasus - 1)) || (x.sex & (x.sex - 1))) {	/* one cell, not a sum */
		sb_printf(err, "kolom LB1 '%s' adalah jumlah beberapa sel, bukan satu sel data", kolom);
		return 0;
	}
	if (!asal_known(db, "icd10", baris)) {
		sb_printf(err, "baris LB1 tidak dikenal: '%s' (kode ICD-10)", baris);
		return 0;
	}
	return 1;
}

int lb1_asal(sqlite3 *db, const char *month, enum layout layout, const char *baris, const char *kolom,
	     struct asal *out, struct sbuf *err)
{
	char from[11], to[11];
	if (asal_month(month, from, to, err) != 0)
		return ASAL_ERROR;
	struct cell_rows c = { .layout = layout, .baris = baris, .out = out };
	if (column_refused(layout, kolom, &c.sel, err))
		return ASAL_UNKNOWN;
	struct lb1 f11;
	memset(&f11, 0, sizeof f11);
	int snap = db_read_begin(db, err);
	int rc = snap < 0 ? -1 : 0;
	if (rc == 0 && layout == LAYOUT_F11) {
		struct f11_map *map;
		rc = f11_load(db, &f11, &map, &c.nmap, err);
		c.map = map;
		c.f11 = &f11;
	}
	if (rc == 0)
		rc = each_pair(db, from, to, cell_pair, &c, err);
	if (db_read_end(db, snap, rc == 0 ? err : NULL) != 0)
		rc = -1;
	int known = out->n > 0 || strncmp(baris, "LAIN.", 5) == 0;
	for (int i = 0; layout == LAYOUT_F11 && i < f11.nrows; i++)
		known |= strcmp(f11.rows[i].key, baris) == 0;
	free((void *)c.map);
	free(c.x.slot);
	free(c.ours);
	lb1_free(&c.codes);
	lb1_free(&f11);
	if (rc != 0)
		return ASAL_ERROR;
	if (!known && (layout == LAYOUT_F11 || !asal_known(db, "icd10", baris))) {
		sb_printf(err, "baris LB1 tidak dikenal: '%s' (%s)", baris,
			  layout == LAYOUT_F11 ? "nomor baris Formulir 11, mis. A1, atau LAIN.KODE" : "kode ICD-10");
		return ASAL_UNKNOWN;
	}
	return ASAL_OK;
}
