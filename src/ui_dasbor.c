/* Dasbor: the PWS dashboards on screen. The indicators with their coverage,
 * Enter: the chart of one (a bar per village against the month's target
 * line), Enter on a village: the visits counted there and, below, who is
 * still due (the bidan desa's home-visit list; F9 prints it), Enter on a row
 * opens the visit or the patient's history. NAKES see their cluster's. */
#include "ui_priv.h"
#include "pkm/asal.h"
#include "pkm/dasbor.h"
#include "pkm/patient.h"
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>

struct boards {
	struct dasbor *d;
	struct dasbor_result *r;
	int n;
};

static int utf8_screen(void) { return strcmp(nl_langinfo(CODESET), "UTF-8") == 0; }
static int chart_width(void) { return COLS >= 136 ? 136 : 80; }

/* The text as lines (s is cut in place). */
static int split(char *s, char **lines, int max)
{
	int n = 0;
	for (char *p = s; p && *p && n < max; n++) {
		lines[n] = p;
		p = strchr(p, '\n');
		if (p)
			*p++ = '\0';
	}
	return n;
}

struct due_rows {
	int n, cap;
	struct rd_due_row *r;
};

static void due_add(void *ctx, const struct rd_due_row *r)
{
	struct due_rows *d = ctx;
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 32;
		d->r = xrealloc(d->r, (size_t)d->cap * sizeof *d->r);
	}
	d->r[d->n++] = *r;
}

static void day_range(const struct dasbor_result *r, char from[11], char to[11])
{
	struct date last;
	snprintf(from, 11, "%04d-01-01", r->year);
	dasbor_day(r->year, r->month, to);
	date_parse(to, &last);
	date_format(date_from_days(date_to_days(last) + 1), to);
}

static void open_row(struct ui *u, const struct asal *a, const struct due_rows *due, int sel)
{
	if (sel < a->n) {
		if (!action_allowed(&pkm_actions[A_VISITS - 1]))
			ui_message(u, 1, "Peran Anda tidak membuka kunjungan: daftar ini hanya untuk dilihat");
		else
			ui_visit_open(u, a->rows[sel].kunjungan);
		return;
	}
	struct patient p;
	if (!action_allowed(&pkm_actions[A_HISTORY - 1]))
		ui_message(u, 1, "Peran Anda tidak membuka riwayat pasien: daftar ini hanya untuk dilihat");
	else if (patient_get(u->db, due->r[sel - a->n].pasien, &p) == 1)
		ui_history(u, &p);
	else
		ui_message(u, 1, "Pasien tidak terbaca");
}

static void due_line(const struct rd_due_row *p, char *line, size_t size)
{
	char born[11];
	snprintf(line, size, "%-10.10s %-24.24s %-10s %-13.13s %s", p->no_rm, p->nama, date_show(p->tanggal_lahir, born),
		 p->no_hp[0] ? p->no_hp : "-", p->alamat);
}

/* One village: the visits counted there this year, then those still due. */
static void village(struct ui *u, const struct dasbor_result *r, int i, int v)
{
	const struct dasbor_ind *ind = &r->d->ind[i];
	char from[11], to[11], day[11], title[240];
	day_range(r, from, to);
	dasbor_day(r->year, r->month, day);
	struct asal a = { 0 };
	struct due_rows due = { 0 };
	struct sbuf err = { 0 };
	ui_text(ui_msg_y(u), 0, COLS, "Mencari pasien...", A_BOLD);
	refresh();
	if (rowdef_village_asal(u->db, &r->d->rows.rows[i], from, to, r->v[v].key, &a, &err) != 0 ||
	    (ind->due.label[0] && rowdef_due_list(u->db, &ind->due, day, r->v[v].key, due_add, &due, &err) != 0)) {
		ui_message(u, 1, "%s", sb_str(&err));
		sb_free(&err);
		asal_free(&a);
		free(due.r);
		return;
	}
	snprintf(title, sizeof title, "Dasbor [%.31s] %.40s", ind->id, r->v[v].name);
	int n = a.n + due.n, sel = 0, top = 0;
	for (;;) {
		/* the counted rows, a heading, the due rows: heading lines are no rows */
		int page = LINES - 6 - 2;
		ui_frame(u, title, CTX_VIEWER);
		char line[300];
		snprintf(line, sizeof line, "Terhitung s.d. %s: %d. Belum: %s", month_name(r->month), a.n,
			 ind->due.label[0] ? ind->due.label : "(tanpa aturan)");
		ui_text_stored(2, 0, COLS, line, strlen(line), A_BOLD);
		ui_list_scroll(sel, &top, page);
		for (int k = 0, y = 3; k < page && top + k < n; k++, y++) {
			int row = top + k;
			if (row == a.n) {	/* where the due list begins */
				snprintf(line, sizeof line, "Belum dilayani (%d): No. RM, nama, lahir, No. HP, alamat", due.n);
				ui_text_stored(y++, 0, COLS, line, strlen(line), A_BOLD);
			}
			if (row < a.n)
				asal_line(&a.rows[row], line, sizeof line);
			else
				due_line(&due.r[row - a.n], line, sizeof line);
			ui_text_stored(y, 0, COLS, line, strlen(line), row == sel ? A_REVERSE : 0);
		}
		if (!n)
			ui_text(4, 2, COLS - 4, "Belum ada yang terhitung, dan tidak ada yang belum dilayani.", 0);
		curs_set(0);
		refresh();
		int k = ui_key(u);
		enum action act = action_for_key(k, CTX_VIEWER);
		if (act == A_HELP) {
			ui_help(u);
		} else if (act == A_BACK) {
			break;
		} else if (act == A_PRINT || act == A_TOFILE) {	/* the home-visit list */
			struct sbuf text = { 0 };
			if (dasbor_due(u->db, r, i, r->v[v].key, 0, 1, chart_width(), &text, &err) == 0)
				ui_text_out(u, act, sb_str(&text), text.len, "sasaran-belum.txt");
			else
				ui_message(u, 1, "%s", sb_str(&err));
			sb_free(&text);
		} else if (act == A_OPEN && n > 0) {
			open_row(u, &a, &due, sel);
		} else {
			ui_list_move(k, &sel, n, page - 1);
		}
	}
	sb_free(&err);
	asal_free(&a);
	free(due.r);
	u->msg[0] = '\0';
}

/* One indicator's chart; the arrows choose a village. */
static void chart(struct ui *u, const struct dasbor_result *r, int i)
{
	int sel = 0, top = 0;
	for (;;) {
		struct sbuf text = { 0 };
		dasbor_chart(r, i, chart_width(), utf8_screen(), &text);
		char *lines[520];
		int n = split(text.s ? text.s : (char *)"", lines, 520), page = LINES - 4 - DASBOR_CHART_HEAD;
		char title[200];
		snprintf(title, sizeof title, "Dasbor %s, s.d. %s %d", r->d->id, month_name(r->month), r->year);
		ui_frame(u, title, CTX_VIEWER);
		for (int k = 0; k < DASBOR_CHART_HEAD && k < n; k++)
			ui_text_stored(2 + k, 0, COLS, lines[k], strlen(lines[k]), k == 0 ? A_BOLD : 0);
		ui_list_scroll(sel, &top, page);
		for (int k = 0; k < page && DASBOR_CHART_HEAD + top + k < n; k++) {
			const char *l = lines[DASBOR_CHART_HEAD + top + k];
			ui_text_stored(2 + DASBOR_CHART_HEAD + k, 0, COLS, l, strlen(l), top + k == sel ? A_REVERSE : 0);
		}
		curs_set(0);
		refresh();
		int k = ui_key(u);
		enum action a = action_for_key(k, CTX_VIEWER);
		if (a == A_HELP) {
			ui_help(u);
		} else if (a == A_BACK) {
			sb_free(&text);
			break;
		} else if (a == A_PRINT || a == A_TOFILE) {
			sb_free(&text);
			dasbor_text(r, i, chart_width(), 0, &text);
			ui_text_out(u, a, sb_str(&text), text.len, "dasbor.txt");
		} else if (a == A_OPEN && sel < r->nv) {
			village(u, r, i, sel);
		} else {
			ui_list_move(k, &sel, r->nv, page);
		}
		sb_free(&text);
	}
	u->msg[0] = '\0';
}

/* A table of the main dashboard, in the viewer. */
static void table(struct ui *u, const struct dasbor_result *r, int t)
{
	struct sbuf text = { 0 }, err = { 0 };
	if (dasbor_table(u->db, r->d, t, r->year, r->month, 0, &text, &err) == 0)
		ui_view_text(u, r->d->title, NULL, sb_str(&text), text.len, "dasbor-utama.txt");
	else
		ui_message(u, 1, "%s", sb_str(&err));
	sb_free(&text);
	sb_free(&err);
}

/* The dashboards this user sees: every one for reporting, a NAKES its
 * cluster's (a unit K2 sees Klaster 2) and the main one. */
static int load(struct ui *u, struct boards *b)
{
	struct sbuf err = { 0 };
	memset(b, 0, sizeof *b);
	int bad = dasbor_load_all(u->db, u->cfg->forms_dir, -1, &b->d, &b->n, &err);
	sb_free(&err);
	if (bad) {
		ui_message(u, 1, "%d masalah pada definisi dasbor. Rincian: pkm periksa-formulir", bad);
		return -1;
	}
	int kept = 0;
	for (int i = 0; i < b->n; i++) {
		char unit[8];
		snprintf(unit, sizeof unit, "K%d", b->d[i].klaster);
		if ((action_rights() & R_REPORTS) || b->d[i].klaster == 0 || user_sees_unit(&u->user, unit))
			b->d[kept++] = b->d[i];
		else
			dasbor_free(&b->d[i]);
	}
	b->n = kept;
	b->r = xcalloc((size_t)b->n + 1, sizeof *b->r);
	ui_text(ui_msg_y(u), 0, COLS, "Menghitung dasbor...", A_BOLD);
	refresh();
	for (int i = 0; i < b->n; i++)
		if (dasbor_count(u->db, &b->d[i], u->today.y, u->today.m, &b->r[i], &err) != 0) {
			ui_message(u, 1, "%s", sb_str(&err));
			sb_free(&err);
			return -1;
		}
	return 0;
}

static void boards_free(struct boards *b)
{
	for (int i = 0; b->r && i < b->n; i++)
		dasbor_result_free(&b->r[i]);
	free(b->r);
	dasbor_free_all(b->d, b->n);
}

/* An indicator's line: cluster, id, label, the total's percent, how many villages below. */
static void ind_line(const struct dasbor_result *r, int i, char *line, size_t size)
{
	const struct dasbor_ind *ind = &r->d->ind[i];
	int below = 0;
	long num = 0, den = 0;
	for (int v = 0; v < r->nv; v++) {
		below += dasbor_below(r, i, v);
		num += r->num[i * r->nv + v][ind->monthly];
		den += r->target[i * r->nv + v] > 0 ? r->target[i * r->nv + v] : 0;
	}
	char pct[24] = "-";
	long h = den > 0 ? (num * 10000 + den / 2) / den + 5 : -1;	/* to one decimal */
	if (h >= 0)
		snprintf(pct, sizeof pct, "%ld.%ld%%", h / 100, h % 100 / 10);
	snprintf(line, size, "K%d %-15.15s %-34.34s %7s %2d desa di bawah", r->d->klaster, ind->id, ind->label, pct,
		 below);
}

void ui_dasbor(struct ui *u)
{
	struct boards b;
	if (load(u, &b) != 0) {
		boards_free(&b);
		return;
	}
	int n = 0;	/* rows: each board's indicators, then its tables */
	for (int i = 0; i < b.n; i++)
		n += b.d[i].n + b.d[i].ntab;
	int sel = 0, top = 0;
	char title[80];
	snprintf(title, sizeof title, "Dasbor PWS s.d. %s %d", month_name(u->today.m), u->today.y);
	for (;;) {
		int page = LINES - 5;
		ui_frame(u, title, CTX_VIEWER);
		ui_text(2, 0, COLS, "Kl Indikator       Nama                                Cakupan", A_BOLD);
		ui_list_scroll(sel, &top, page);
		for (int k = 0, row = 0; k < b.n; k++)
			for (int i = 0; i < b.d[k].n + b.d[k].ntab; i++, row++)
				if (row >= top && row < top + page) {
					char line[200];
					if (i < b.d[k].n)
						ind_line(&b.r[k], i, line, sizeof line);
					else
						snprintf(line, sizeof line, "K%d %-15.15s %.60s", b.d[k].klaster,
							 b.d[k].tab[i - b.d[k].n].id, b.d[k].tab[i - b.d[k].n].label);
					ui_text_stored(3 + row - top, 0, COLS, line, strlen(line), row == sel ? A_REVERSE : 0);
				}
		if (!n)
			ui_text(4, 2, COLS - 4, "Tidak ada dasbor untuk klaster Anda.", 0);
		curs_set(0);
		refresh();
		int key = ui_key(u);
		enum action a = action_for_key(key, CTX_VIEWER);
		int k = 0, i = sel;
		for (; k < b.n && i >= b.d[k].n + b.d[k].ntab; k++)
			i -= b.d[k].n + b.d[k].ntab;
		if (a == A_HELP) {
			ui_help(u);
		} else if (a == A_BACK) {
			break;
		} else if ((a == A_PRINT || a == A_TOFILE) && n) {
			struct sbuf text = { 0 };
			dasbor_text(&b.r[k], -1, chart_width(), 0, &text);
			ui_text_out(u, a, sb_str(&text), text.len, "dasbor.txt");
			sb_free(&text);
		} else if (a == A_OPEN && n && i >= b.d[k].n) {
			table(u, &b.r[k], i - b.d[k].n);
		} else if (a == A_OPEN && n) {
			chart(u, &b.r[k], i);
		} else {
			ui_list_move(key, &sel, n, page);
		}
	}
	boards_free(&b);
	u->msg[0] = '\0';
}
