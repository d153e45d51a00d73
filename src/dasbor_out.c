/* The dashboards written out: the PWS chart (a bar per village against the
 * month's target line) as text for the printer or the screen, CSV, and the
 * due list a bidan desa takes on her home visits. */
#include "pkm/dasbor.h"
#include "pkm/csv.h"
#include "pkm/date.h"
#include "pkm/output.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dasbor_cell(struct sbuf *b, const char *s, int cols)
{
	size_t n = utf8_prefix(s, cols);
	char part[256];
	snprintf(part, sizeof part, "%.*s", (int)n, s);
	text_visible(b, part, strlen(part), "");
	sb_pad(b, ' ', cols - utf8_width(part));
}

static void num(char *buf, size_t size, long v)
{
	if (v < 0)
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%ld", v);
}

static void pct(char *buf, size_t size, long h)
{
	if (h < 0)
		snprintf(buf, size, "-");
	else	/* one decimal, as PWS charts are read */
		snprintf(buf, size, "%ld.%ld", (h + 5) / 100, (h + 5) % 100 / 10);
}

/* The bar of a coverage in hundredths against the line, cols wide. */
static void bar(struct sbuf *b, long h, long line, int cols, int utf8)
{
	long fill = h < 0 ? 0 : (h * cols + 5000) / 10000, mark = (line * cols + 5000) / 10000;
	if (fill > cols)
		fill = cols;
	if (mark >= cols)
		mark = cols - 1;
	sb_add(b, "|");
	for (long j = 0; j < cols; j++)
		sb_add(b, j == mark ? (utf8 ? "\u2502" : "|") : j < fill ? (utf8 ? "\u2588" : "#") : " ");
	sb_add(b, h > 10000 ? ">" : "|");
}

struct cols {
	int name, bar;
};

static struct cols cols_of(int width)
{
	struct cols l = { width >= 136 ? 30 : 18, 0 };
	l.bar = width - (l.name + 30) - 4;
	return l;
}

/* One line: name, target, cumulative, month, percent, bar, below mark. */
static void line(struct sbuf *b, const struct cols *l, const char *name, long target, long total, long month,
		 long h, long mark, int below, int utf8)
{
	char t[24], c[24], m[24], p[24];
	num(t, sizeof t, target);
	num(c, sizeof c, total);
	num(m, sizeof m, month);
	pct(p, sizeof p, h);
	dasbor_cell(b, name, l->name);
	sb_printf(b, " %8s %6s %5s %6s", t, c, m, p);
	if (h >= 0) {
		sb_addc(b, ' ');
		bar(b, h, mark, l->bar, utf8);
	}
	sb_add(b, below ? " *\n" : "\n");
}

void dasbor_chart(const struct dasbor_result *r, int i, int width, int utf8, struct sbuf *b)
{
	const struct dasbor_ind *ind = &r->d->ind[i];
	struct cols l = cols_of(width);
	char target[24], mark[24];
	long line_h = dasbor_line(r, i);
	dec_format(ind->target, target, sizeof target);
	pct(mark, sizeof mark, line_h);
	sb_printf(b, "[%s] ", ind->id);
	text_visible(b, ind->label, strlen(ind->label), "");
	sb_add(b, "\n");
	if (ind->den >= 0)
		sb_printf(b, "Penyebut [%s]%s; ", r->d->ind[ind->den].id, ind->monthly ? " bulan ini" : "");
	else
		sb_printf(b, "Sasaran %s; ", dasbor_sasaran[ind->sasaran]);
	if (ind->down)
		sb_printf(b, "batas paling tinggi %s%%%s\n", target, ind->monthly ? " (bulan ini)" : "");
	else if (ind->monthly)
		sb_printf(b, "target %s%% tiap bulan (bulan ini)\n", target);
	else
		sb_printf(b, "target %s%% setahun, garis bulan ini %s%% (%d/12)\n", target, mark, r->month);
	dasbor_cell(b, "Desa", l.name);
	sb_printf(b, " %8s %6s %5s %6s  0%%", ind->den >= 0 ? "Penyebut" : "Sasaran", "Kum", "Bln", "%");
	sb_pad(b, ' ', l.bar - 4);
	sb_add(b, "100%\n");
	long st = 0, sc = 0, sm = 0, *part = ind->monthly ? &sm : &sc;
	int has_target = 0;
	for (int v = 0; v < r->nv; v++) {
		const long *n = r->num[i * r->nv + v];
		long t = r->target[i * r->nv + v];
		line(b, &l, r->v[v].name, t, n[0], n[1], dasbor_percent(r, i, v), line_h, dasbor_below(r, i, v), utf8);
		st += t > 0 ? t : 0;
		has_target |= t >= 0;
		sc += n[0];
		sm += n[1];
	}
	long h = st > 0 ? (*part * 10000 + st / 2) / st : -1;
	line(b, &l, "Jumlah", has_target ? st : -1, sc, sm, h, line_h, dasbor_off(r, i, h), utf8);
}

void dasbor_text(const struct dasbor_result *r, int only, int width, int utf8, struct sbuf *out)
{
	sb_add(out, "DASBOR PWS - ");
	text_visible(out, r->d->title, strlen(r->d->title), "");
	if (r->d->n)
		sb_printf(out, "\nTahun %d, kumulatif Januari s.d. %s (%d bulan)\n", r->year, month_name(r->month),
			  r->month);
	else
		sb_printf(out, "\nBulan %s %d\n", month_name(r->month), r->year);
	if (r->d->n)
		sb_printf(out, "%s = cakupan kumulatif, %s = garis target bulan ini, * = di bawah garis\n",
			  utf8 ? "\u2588" : "#", utf8 ? "\u2502" : "|");
	for (int i = 0; i < r->d->n; i++)
		if (only < 0 || only == i) {
			sb_addc(out, '\n');
			dasbor_chart(r, i, width, utf8, out);
		}
}

static void csv_cell(struct sbuf *b, const char *s, int last)
{
	/* through a memory stream: the one CSV writer quotes and defuses formulas */
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	if (f) {
		csv_write_field(f, s);
		fclose(f);
		sb_add(b, text);
	}
	free(text);
	sb_addc(b, last ? '\n' : ',');
}

static void csv_line(struct sbuf *b, const char *const *cells, int n)
{
	for (int i = 0; i < n; i++)
		csv_cell(b, cells[i], i == n - 1);
}

/* The code of a village key for CSV: the village code, LUAR, or "" unmapped. */
static const char *key_code(const char *key) { return key[0] == 'D' ? key + 1 : key[0] == 'L' ? "LUAR" : ""; }

void dasbor_csv(const struct dasbor_result *r, int only, int head, struct sbuf *out)
{
	static const char *const cols[] = { "dasbor", "indikator", "desa_kode", "desa", "sasaran", "kumulatif",
					     "bulan_ini", "persen", "garis", "di_bawah" };
	if (head)
		csv_line(out, cols, 10);
	for (int i = 0; i < r->d->n; i++) {
		if (only >= 0 && only != i)
			continue;
		char garis[24];
		pct(garis, sizeof garis, dasbor_line(r, i));
		for (int v = 0; v < r->nv; v++) {
			const long *n = r->num[i * r->nv + v];
			char t[24], c[24], m[24], p[24];
			num(t, sizeof t, r->target[i * r->nv + v]);
			num(c, sizeof c, n[0]);
			num(m, sizeof m, n[1]);
			long h = dasbor_percent(r, i, v);
			if (h < 0)
				p[0] = '\0';
			else
				pct(p, sizeof p, h);
			const char *cells[] = { r->d->id, r->d->ind[i].id, key_code(r->v[v].key), r->v[v].name,
						t[0] == '-' ? "" : t, c, m, p, garis, dasbor_below(r, i, v) ? "1" : "0" };
			csv_line(out, cells, 10);
		}
	}
}

struct due_out {
	const struct dasbor_result *r;
	const struct dasbor_ind *ind;
	struct sbuf *b;
	int csv, width, n;
	char village[80], day[11];
};

static void due_row(void *ctx, const struct rd_due_row *p)
{
	struct due_out *o = ctx;
	char name[80], born[11], start[11];
	dasbor_village_name(o->r, p->village, name, sizeof name);
	date_show(p->tanggal_lahir, born);
	date_show(p->mulai, start);
	o->n++;
	if (o->csv) {
		const char *cells[] = { o->r->d->id, o->ind->id, key_code(p->village), name, p->no_rm, p->nama, born,
					p->alamat, p->no_hp, start, o->ind->due.label };
		csv_line(o->b, cells, 11);
		return;
	}
	if (strcmp(o->village, p->village) != 0) {
		str_copy(o->village, sizeof o->village, p->village);
		sb_add(o->b, "Desa ");
		text_visible(o->b, name, strlen(name), "");
		sb_printf(o->b, "\n  %-10s %-*s %-10s %-13s %s\n", "No. RM", o->width - 49, "Nama", "Lahir", "No. HP",
			  "Mulai");
	}
	sb_add(o->b, "  ");
	dasbor_cell(o->b, p->no_rm, 10);
	sb_add(o->b, " ");
	dasbor_cell(o->b, p->nama, o->width - 49);
	sb_printf(o->b, " %-10s ", born);
	dasbor_cell(o->b, p->no_hp[0] ? p->no_hp : "-", 13);
	sb_printf(o->b, " %s\n             ", start);
	const char *where = p->alamat[0] ? p->alamat : "(alamat kosong)";
	text_visible(o->b, where, utf8_prefix(where, o->width - 13), "");
	sb_add(o->b, "\n");
}

int dasbor_due(sqlite3 *db, const struct dasbor_result *r, int only, const char *village, int csv, int head,
	       int width, struct sbuf *out, struct sbuf *err)
{
	static const char *const cols[] = { "dasbor", "indikator", "desa_kode", "desa", "no_rm", "nama",
					     "tanggal_lahir", "alamat", "no_hp", "mulai", "belum" };
	struct due_out o = { r, NULL, out, csv, width, 0, "", "" };
	dasbor_day(r->year, r->month, o.day);
	char shown[11];
	if (csv && head)
		csv_line(out, cols, 11);
	else if (!csv) {
		sb_add(out, "SASARAN BELUM DILAYANI - ");
		text_visible(out, r->d->title, strlen(r->d->title), "");
		sb_printf(out, "\nPer %s (akhir bulan %s %d)\n", date_show(o.day, shown), month_name(r->month), r->year);
	}
	for (int i = 0; i < r->d->n; i++) {
		o.ind = &r->d->ind[i];
		if ((only >= 0 && only != i) || !o.ind->due.label[0])
			continue;
		if (!csv) {
			sb_printf(out, "\n[%s] Belum ", o.ind->id);
			text_visible(out, o.ind->due.label, strlen(o.ind->due.label), "");
			sb_add(out, "\n");
		}
		o.village[0] = '\0';
		o.n = 0;
		if (rowdef_due_list(db, &o.ind->due, o.day, village, due_row, &o, err) != 0)
			return -1;
		if (!csv)
			sb_printf(out, o.n ? "Jumlah: %d orang\n" : "Tidak ada.\n", o.n);
	}
	return 0;
}
