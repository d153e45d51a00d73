#include "pkm/table.h"
#include "pkm/csv.h"
#include "pkm/date.h"
#include <stdlib.h>
#include <string.h>

void table_init(struct table *t, int ncols)
{
	memset(t, 0, sizeof *t);
	t->ncols = ncols;
	t->cols = xcalloc((size_t)ncols, sizeof *t->cols);
	str_copy(t->head_kode, sizeof t->head_kode, "Kode");
	str_copy(t->head_nama, sizeof t->head_nama, "Nama penyakit");
}

long *table_add(struct table *t, enum row_kind kind, const char *no, const char *kode, const char *nama)
{
	if (t->nrows == t->rcap) {
		t->rcap = t->rcap ? t->rcap * 2 : 64;
		t->rows = xrealloc(t->rows, (size_t)t->rcap * sizeof *t->rows);
	}
	struct trow *r = &t->rows[t->nrows++];
	memset(r, 0, sizeof *r);
	r->kind = kind;
	str_copy(r->no, sizeof r->no, no);
	str_copy(r->kode, sizeof r->kode, kode);
	str_copy(r->nama, sizeof r->nama, nama);
	if (kind != ROW_HEAD)
		r->v = xcalloc((size_t)t->ncols, sizeof *r->v);
	return r->v;
}

void table_free(struct table *t)
{
	for (int i = 0; i < t->nrows; i++)
		free(t->rows[i].v);
	free(t->rows);
	free(t->cols);
	sb_free(&t->foot);
	memset(t, 0, sizeof *t);
}

/* A cell as printed: the number, "" for CELL_BLANK, "-" for CELL_NA. */
static int cell_text(long v, char *buf, size_t size)
{
	if (v == CELL_BLANK)
		buf[0] = '\0';
	else if (v == CELL_NA)
		str_copy(buf, size, "-");
	else
		snprintf(buf, size, "%ld", v);
	return (int)strlen(buf);
}

static int digits(long v)
{
	char buf[32];
	return cell_text(v, buf, sizeof buf);
}

static int same_group(const struct table *t, int a, int b)
{
	return a >= 0 && b < t->ncols && strcmp(t->cols[a].group, t->cols[b].group) == 0;
}

/* Each column's width, for its label and its widest number, found once per
 * layout (not per printed cell); the last column of a group also makes room
 * for the group's heading. */
static int *col_widths(const struct table *t)
{
	int *base = xcalloc((size_t)t->ncols + 1, sizeof *base), *w = xcalloc((size_t)t->ncols + 1, sizeof *w);
	for (int c = 0; c < t->ncols; c++)
		base[c] = utf8_width(t->cols[c].label);
	for (int i = 0; i < t->nrows; i++)
		for (int c = 0; t->rows[i].v && c < t->ncols; c++)
			if (digits(t->rows[i].v[c]) > base[c])
				base[c] = digits(t->rows[i].v[c]);
	for (int c = 0; c < t->ncols; c++)
		base[c] = base[c] < 3 ? 3 : base[c];
	for (int c = 0; c < t->ncols; c++) {
		w[c] = base[c];
		if (same_group(t, c, c + 1))
			continue;
		int others = 0;
		for (int i = c - 1; same_group(t, i, c); i--)
			others += base[i] + 1;
		int need = utf8_width(t->cols[c].group) - others;
		w[c] = need > w[c] ? need : w[c];
	}
	free(base);
	return w;
}

/* Widths of the label columns (No, Kode, Nama) for a page width, and of
 * every column (col: free with free_widths). */
struct label_widths {
	int no, kode, nama, total;
	int *col;
};

static struct label_widths label_widths(const struct table *t, int width)
{
	struct label_widths w = { 2, utf8_width(t->head_kode), 12, 0, col_widths(t) };
	int longest = utf8_width(t->head_nama);
	for (int i = 0; i < t->nrows; i++) {
		const struct trow *r = &t->rows[i];
		if (utf8_width(r->no) > w.no)
			w.no = utf8_width(r->no);
		if (utf8_width(r->kode) > w.kode)
			w.kode = utf8_width(r->kode);
		if (r->kind != ROW_HEAD && utf8_width(r->nama) > longest)
			longest = utf8_width(r->nama);
	}
	if (t->kode_csv_only)	/* no column and no space after it */
		w.kode = -1;
	int cap = width <= 80 ? 22 : 30;
	if (t->wide_names) {
		int room = width - (w.no + 1 + w.kode + 1);
		for (int c = 0; c < t->ncols; c++)
			room -= w.col[c] + 1;
		cap = room > cap ? room : cap;
	}
	w.nama = longest < cap ? (longest > 12 ? longest : 12) : cap;
	w.total = w.no + 1 + w.kode + 1 + w.nama;
	return w;
}

static void free_widths(struct label_widths *w)
{
	free(w->col);
	w->col = NULL;
}

/* End of the column group starting at c. */
static int group_end(const struct table *t, int c)
{
	int e = c + 1;
	while (e < t->ncols && strcmp(t->cols[e].group, t->cols[c].group) == 0)
		e++;
	return e;
}

static int panels_of(const struct table *t, const struct label_widths *lw, int width, int *start, int max)
{
	int avail = width - lw->total;
	int n = 0, used = avail + 1;	/* the first column opens panel 1 */
	for (int c = 0; c < t->ncols;) {
		/* keep a column group on one panel; a group wider than a panel is
		 * placed column by column */
		int e = group_end(t, c), need = 0;
		for (int i = c; i < e; i++)
			need += lw->col[i] + 1;
		int step = need > avail;
		for (int i = c; i < e; i = step ? i + 1 : e) {
			int w = step ? lw->col[i] + 1 : need;
			if (used + w > avail) {
				if (n == max) {	/* the last panel takes the rest */
					start[n] = t->ncols;
					return n;
				}
				start[n++] = i;
				used = 0;
			}
			used += w;
		}
		c = e;
	}
	start[n] = t->ncols;
	return n;
}

int table_panels(const struct table *t, int width, int *start, int max)
{
	struct label_widths lw = label_widths(t, width);
	int n = panels_of(t, &lw, width, start, max);
	free_widths(&lw);
	return n;
}

/* Pad a UTF-8 string to `w` columns (cut when longer), left or right aligned. */
static void put_cell(struct sbuf *b, const char *s, int w, int right)
{
	size_t n = utf8_prefix(s, w);
	int pad = w - utf8_width(s);
	if (pad < 0)
		pad = 0;
	if (right)
		sb_pad(b, ' ', pad);
	sb_addn(b, s, n);
	if (!right)
		sb_pad(b, ' ', pad);
}

/* Left text and right text on one line of `width` columns. */
static void put_two(struct sbuf *b, const char *left, const char *right, int width)
{
	int rw = utf8_width(right);
	put_cell(b, left, width - rw - 1 > 0 ? width - rw - 1 : 0, 0);
	sb_addc(b, ' ');
	sb_add(b, right);
	while (b->len && b->s[b->len - 1] == ' ')
		b->s[--b->len] = '\0';
	sb_addc(b, '\n');
}

static void page_header(struct sbuf *b, const struct table *t, const struct page_setup *ps, int page,
			int pages, int panel, int panels)
{
	const struct pkm_config *c = ps->cfg;
	char left[256], right[64];
	if (c->kode[0])
		snprintf(left, sizeof left, "%s (%s)", c->nama, c->kode);
	else
		snprintf(left, sizeof left, "%s", c->nama);
	snprintf(right, sizeof right, "Halaman %d/%d", page, pages);
	put_two(b, left, right, ps->width);
	struct sbuf place = { 0 };
	if (c->kecamatan[0])
		sb_printf(&place, "Kecamatan %s", c->kecamatan);
	if (c->kabupaten[0])
		sb_printf(&place, "%sKabupaten/Kota %s", place.len ? ", " : "", c->kabupaten);
	sb_printf(b, "%s\n", sb_str(&place));
	sb_free(&place);
	sb_printf(b, "%s\n", t->title);
	if (ps->note && *ps->note)
		sb_printf(b, "%s\n", ps->note);
	snprintf(left, sizeof left, "%s   %s", ps->period, t->subtitle);
	if (panels > 1)
		snprintf(right, sizeof right, "Bagian %d/%d", panel, panels);
	else
		right[0] = '\0';
	put_two(b, left, right, ps->width);
	sb_addc(b, '\n');
}

#define HEADER_LINES 5

static void rule(struct sbuf *b, int w)
{
	sb_pad(b, '-', w);
	sb_addc(b, '\n');
}

static int panel_width(const struct label_widths *lw, int c0, int c1)
{
	int w = lw->total;
	for (int c = c0; c < c1; c++)
		w += lw->col[c] + 1;
	return w;
}

/* Each group's name over its columns. */
static void group_line(struct sbuf *b, const struct table *t, const struct label_widths *lw, int c0, int c1)
{
	sb_pad(b, ' ', lw->total);
	for (int c = c0; c < c1;) {
		int e = group_end(t, c);
		if (e > c1)
			e = c1;
		int span = 0;
		for (int i = c; i < e; i++)
			span += lw->col[i] + 1;
		sb_addc(b, ' ');
		put_cell(b, t->cols[c].group, span - 1, 0);
		c = e;
	}
	while (b->len && b->s[b->len - 1] == ' ')
		b->s[--b->len] = '\0';
	sb_addc(b, '\n');
}

static void column_header(struct sbuf *b, const struct table *t, const struct label_widths *lw, int c0, int c1)
{
	int w = panel_width(lw, c0, c1);
	rule(b, w);
	int grouped = 0;
	for (int c = c0; c < c1; c++)
		grouped |= t->cols[c].group[0] != '\0';
	if (grouped)
		group_line(b, t, lw, c0, c1);
	put_cell(b, "No", lw->no, 0);
	sb_addc(b, ' ');
	if (lw->kode >= 0) {
		put_cell(b, t->head_kode, lw->kode, 0);
		sb_addc(b, ' ');
	}
	put_cell(b, t->head_nama, lw->nama, 0);
	for (int c = c0; c < c1; c++) {
		sb_addc(b, ' ');
		put_cell(b, t->cols[c].label, lw->col[c], 1);
	}
	sb_addc(b, '\n');
	rule(b, w);
}

void cell_map_free(struct cell_map *m)
{
	free(m->pos);
	free(m->row_key);
	free(m->col_key);
	memset(m, 0, sizeof *m);
}

char *cell_key(const struct cell_map *m, int i, char *out, size_t size)
{
	snprintf(out, size, "%s,%s", m->row_key[m->pos[i].row], m->col_key[m->pos[i].col]);
	return out;
}

/* The index of a key among the map's keys[n], added when new. */
static unsigned short key_index(char (**keys)[40], int *n, int *cap, const char *key)
{
	for (int i = *n - 1; i >= 0; i--)	/* the last one first: rows come in order */
		if (strcmp((*keys)[i], key) == 0)
			return (unsigned short)i;
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*keys = xrealloc(*keys, (size_t)*cap * sizeof **keys);
	}
	str_copy((*keys)[*n], sizeof **keys, key);
	return (unsigned short)(*n)++;
}

static void add_cell(struct cell_map *m, size_t off, int width, const char *baris, const char *kolom)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 256;
		m->pos = xrealloc(m->pos, (size_t)m->cap * sizeof *m->pos);
	}
	struct cell_pos *p = &m->pos[m->n++];
	p->off = (unsigned)(m->base + off);
	p->width = (unsigned short)width;
	p->row = key_index(&m->row_key, &m->nrow, &m->rcap, baris);
	p->col = key_index(&m->col_key, &m->ncol, &m->ccap, kolom);
}

static void body_row(struct sbuf *b, const struct table *t, const struct trow *r,
		     const struct label_widths *lw, int c0, int c1, struct cell_map *m)
{
	if (r->kind == ROW_HEAD) {
		sb_printf(b, "%s\n", r->nama);
		return;
	}
	put_cell(b, r->no, lw->no, 0);
	sb_addc(b, ' ');
	if (lw->kode >= 0) {
		put_cell(b, r->kode, lw->kode, 0);
		sb_addc(b, ' ');
	}
	put_cell(b, r->nama, lw->nama, 0);
	char num[32];
	for (int c = c0; c < c1; c++) {
		cell_text(r->v[c], num, sizeof num);
		sb_addc(b, ' ');
		if (m && r->key[0] && t->cols[c].key[0] && r->v[c] != CELL_BLANK && r->v[c] != CELL_NA)
			add_cell(m, b->len, lw->col[c], r->key, t->cols[c].key);
		put_cell(b, num, lw->col[c], 1);
	}
	sb_addc(b, '\n');
}

static int count_lines(const char *s)
{
	int n = 0;
	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* The signature block: place and date, head of the puskesmas and the reporting officer. */
static void signature(struct sbuf *b, const struct pkm_config *c, int width)
{
	struct date d = date_today();
	char when[96];
	snprintf(when, sizeof when, "%s%s%d %s %d", c->kecamatan, c->kecamatan[0] ? ", " : "", d.d,
		 month_name(d.m), d.y);
	int col = width / 2;
	char left[3][160], right[3][160];
	snprintf(left[0], sizeof left[0], "Mengetahui, Kepala %s", c->nama);
	snprintf(right[0], sizeof right[0], "Petugas Pelaporan");
	snprintf(left[1], sizeof left[1], "%s", c->kepala[0] ? c->kepala : "(.............................)");
	snprintf(right[1], sizeof right[1], "%s", c->petugas[0] ? c->petugas : "(.............................)");
	snprintf(left[2], sizeof left[2], "NIP%s%s", c->nip_kepala[0] ? " " : "", c->nip_kepala);
	snprintf(right[2], sizeof right[2], "NIP%s%s", c->nip_petugas[0] ? " " : "", c->nip_petugas);
	sb_addc(b, '\n');
	sb_pad(b, ' ', col);
	sb_printf(b, "%s\n", when);
	for (int i = 0; i < 3; i++) {
		put_cell(b, left[i], col - 1, 0);	/* a long name is cut, never run into the right */
		sb_printf(b, " %s\n", right[i]);
		if (i == 0)
			sb_add(b, "\n\n\n");
	}
}

void table_text(const struct table *t, const struct page_setup *ps, struct sbuf *out)
{
	struct label_widths lw = label_widths(t, ps->width);
	int start[64];
	int panels = panels_of(t, &lw, ps->width, start, 63);
	int note = ps->note && *ps->note;	/* one more header line */
	int per_page = ps->page_lines - HEADER_LINES - note - 5;	/* 4 header lines + closing rule */
	if (per_page < 5)
		per_page = 5;
	int chunks = t->nrows ? (t->nrows + per_page - 1) / per_page : 1;

	struct sbuf foot = { 0 };
	sb_add(&foot, sb_str(&t->foot));
	signature(&foot, ps->cfg, ps->width);
	int foot_lines = count_lines(sb_str(&foot)) + 1;
	int last_rows = t->nrows - (chunks - 1) * per_page;
	int last_used = HEADER_LINES + note + 4 + last_rows + 1;
	int extra_page = last_used + foot_lines > ps->page_lines;
	int pages = panels * chunks + extra_page;

	int page = 0;
	for (int p = 0; p < panels; p++) {
		for (int k = 0; k < chunks; k++) {
			if (page++)
				sb_addc(out, '\f');
			page_header(out, t, ps, page, pages, p + 1, panels);
			column_header(out, t, &lw, start[p], start[p + 1]);
			int r1 = (k + 1) * per_page < t->nrows ? (k + 1) * per_page : t->nrows;
			for (int r = k * per_page; r < r1; r++)
				body_row(out, t, &t->rows[r], &lw, start[p], start[p + 1], ps->cells);
			rule(out, panel_width(&lw, start[p], start[p + 1]));
		}
	}
	if (extra_page) {
		sb_addc(out, '\f');
		page_header(out, t, ps, ++page, pages, panels, panels);
	}
	sb_addc(out, '\n');
	sb_add(out, sb_str(&foot));
	sb_free(&foot);
	free_widths(&lw);
}

void table_csv(const struct table *t, FILE *f)
{
	fprintf(f, "No,");
	csv_write_field(f, t->head_kode);
	putc(',', f);
	csv_write_field(f, t->head_nama);
	for (int c = 0; c < t->ncols; c++) {
		char name[64];
		snprintf(name, sizeof name, "%s %s", t->cols[c].group, t->cols[c].label);
		putc(',', f);
		csv_write_field(f, name);
	}
	putc('\n', f);
	for (int i = 0; i < t->nrows; i++) {
		const struct trow *r = &t->rows[i];
		csv_write_field(f, r->no);
		putc(',', f);
		csv_write_field(f, r->kode);
		putc(',', f);
		csv_write_field(f, r->nama);
		char num[32];
		for (int c = 0; c < t->ncols; c++) {
			putc(',', f);
			if (r->v && cell_text(r->v[c], num, sizeof num) && r->v[c] != CELL_NA)
				fputs(num, f);
		}
		putc('\n', f);
	}
}
