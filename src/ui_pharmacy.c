/* Farmasi: every drug's stock with warnings (below optimum, expiring soon), the
 * stock card, and the movements that change stock: receipt, issue, stock-take. */
#include "ui_priv.h"
#include "pkm/output.h"
#include "pkm/lb2.h"
#include "pkm/stock.h"
#include <stdlib.h>
#include <string.h>

static void today_text(struct ui *u, char out[11])
{
	snprintf(out, 11, "%02d-%02d-%04d", u->today.d, u->today.m, u->today.y);
}

/* The drugs on screen: all of them, or those matching the typed filter. */
struct shelf {
	struct stock_status *all;
	int nall, n;
	int *shown;		/* indexes into all */
};

static void draw(struct ui *u, struct lineedit *q, const struct shelf *sh, int sel, int top)
{
	int n = sh->n;
	ui_frame(u, "Farmasi: stok obat", CTX_MAIN | CTX_STOCK);
	ui_text(2, 2, 6, "Cari:", A_BOLD);
	ui_text(4, 2, COLS - 4, "Kode     Nama obat                  Satuan    Stok Optimum  Peringatan", A_BOLD);
	int rows = LINES - 9, warn = 0;
	for (int i = 0; i < n; i++)
		warn += sh->all[sh->shown[i]].low || sh->all[sh->shown[i]].expiry[0];
	for (int i = 0; i < rows && top + i < n; i++) {
		const struct stock_status *x = &sh->all[sh->shown[top + i]];
		char note[64] = "", line[256], shown[11];
		if (x->ditutup[0])
			snprintf(note, sizeof note, "tutup %s", date_show(x->ditutup, shown));	/* fits the column */
		else if (x->expiry[0])
			snprintf(note, sizeof note, "ED %s%s", date_show(x->expiry, shown), x->low ? ", kurang" : "");
		else if (x->low)
			snprintf(note, sizeof note, "stok kurang");
		snprintf(line, sizeof line, "%-8.8s %-26.26s %-7.7s %6ld %7ld  %s", x->kode, x->nama, x->satuan, x->saldo,
			 x->optimum, note);
		attr_t a = top + i == sel ? ui_attr_sel(u) : note[0] ? (u->color ? COLOR_PAIR(PAIR_ERR) : A_BOLD) : 0;
		ui_text(5 + i, 2, COLS - 4, line, a);
	}
	char foot[160];
	if (!sh->nall)
		snprintf(foot, sizeof foot, "Belum ada obat. F8: obat baru, atau impor daftar: pkm impor obat BERKAS.csv");
	else if (!n)
		snprintf(foot, sizeof foot, "Tidak ada obat yang cocok dengan '%.30s'", q->buf);
	else
		snprintf(foot, sizeof foot, "Enter: kartu stok. %d obat, %d perlu perhatian (ED: kedaluwarsa <= %ld hari)",
			 n, warn, u->cfg->farmasi.expiry_days);
	ui_text(ui_msg_y(u) - 1, 2, COLS - 4, foot, A_DIM);
	ui_edit(2, 8, 30, q, 1);
	refresh();
}

struct move_ctx {
	const struct stock_status *drug;
	long batch_id;
	long difference;
};

static int save_receipt(struct ui *u, struct dlg_field *f, void *ctx, struct field_errors *fe, struct sbuf *err)
{
	const struct move_ctx *m = ctx;
	/* dated in a month whose LB2 is signed off: the reason first */
	if (!ui_final_reason(u, f[4].le.buf, "lb2", "mutasi", 0, 0, "penerimaan obat"))
		return 1;
	struct receipt_input in = { m->drug->kode, f[0].le.buf, f[1].le.buf, f[2].le.buf, f[3].le.buf, f[4].le.buf,
				    f[5].le.buf };
	return stock_receive(u->db, &in, fe, err);
}

static void receive(struct ui *u, const struct stock_status *d)
{
	if (d->ditutup[0]) {	/* said before anything is typed (receipt_check refuses it too) */
		ui_message(u, 1, "%s sudah ditutup: F8 untuk membukanya lagi", d->nama);
		return;
	}
	struct dlg_field f[6] = {
		{ .name = "sumber", .table = "batch", .column = "sumber" },
		{ .name = "no_batch", .table = "batch", .column = "no_batch" },
		{ .name = "kedaluwarsa", .table = "batch", .column = "kedaluwarsa" },
		{ .name = "jumlah", .table = "mutasi", .column = "jumlah" },
		{ .name = "tanggal", .table = "mutasi", .column = "tanggal" },
		{ .name = "keterangan", .table = "mutasi", .column = "keterangan" },
	};
	char day[11], intro[200];
	today_text(u, day);
	le_set(&f[4].le, day);
	snprintf(intro, sizeof intro, "Penerimaan %s (%s), stok sekarang %ld", d->nama, d->satuan, d->saldo);
	struct move_ctx m = { d, 0, 0 };
	if (ui_dialog(u, "Penerimaan obat", intro, f, 6, save_receipt, &m))
		ui_message(u, 0, "Penerimaan %s %s %s dicatat", f[3].le.buf, d->satuan, d->nama);
}

/* Choose one batch of a drug that still has stock, however many it has; its
 * id or -1. */
static long pick_batch(struct ui *u, const struct stock_status *d, struct batch_row *chosen)
{
	struct batch_row *b = NULL;
	int n, max = 16;
	for (;;) {	/* a full list may have more: read again with room for twice as many */
		b = xrealloc(b, (size_t)max * sizeof *b);
		if ((n = stock_batches(u->db, d->kode, 1, b, max)) < max)
			break;
		max *= 2;
	}
	char (*code)[24] = xcalloc((size_t)max, sizeof *code);
	char (*label)[80] = xcalloc((size_t)max, sizeof *label);
	long id = -1;
	if (n < 0)
		ui_message(u, 1, "batch %s tidak terbaca: %s", d->nama, sqlite3_errmsg(u->db));
	else if (!n)
		ui_message(u, 1, "%s tidak punya stok di batch mana pun", d->nama);
	for (int i = 0; i < n; i++) {
		str_copy(code[i], sizeof code[i], b[i].no_batch);
		char shown[11];
		snprintf(label[i], sizeof label[i], "%-8s ED %s  sisa %ld %s", b[i].sumber, date_show(b[i].kedaluwarsa, shown),
			 b[i].saldo, d->satuan);
	}
	char title[160];
	snprintf(title, sizeof title, "Pilih batch %s", d->nama);
	int k = n > 0 ? ui_pick(u, title, code, label, n, 0) : -1;
	if (k >= 0) {
		*chosen = b[k];
		id = b[k].id;
	}
	free(b);
	free(code);
	free(label);
	return id;
}

static int save_issue(struct ui *u, struct dlg_field *f, void *ctx, struct field_errors *fe, struct sbuf *err)
{
	const struct move_ctx *m = ctx;
	if (!ui_final_reason(u, f[2].le.buf, "lb2", "mutasi", 0, 0, "pengeluaran obat"))
		return 1;
	return stock_issue(u->db, m->batch_id, f[0].le.buf, f[1].le.buf, f[2].le.buf, f[3].le.buf, fe, err);
}

static void issue(struct ui *u, const struct stock_status *d)
{
	struct batch_row b;
	struct move_ctx m = { d, pick_batch(u, d, &b), 0 };
	if (m.batch_id < 0)
		return;
	struct dlg_field f[4] = {
		{ .name = "jenis", .table = "mutasi", .column = "jenis" },
		{ .name = "jumlah", .table = "mutasi", .column = "jumlah" },
		{ .name = "tanggal", .table = "mutasi", .column = "tanggal" },
		{ .name = "keterangan", .table = "mutasi", .column = "keterangan" },
	};
	char day[11], intro[200];
	today_text(u, day);
	le_set(&f[2].le, day);
	snprintf(intro, sizeof intro, "%s, batch %s (%s), sisa %ld %s", d->nama, b.no_batch, b.sumber, b.saldo, d->satuan);
	if (ui_dialog(u, "Pengeluaran obat", intro, f, 4, save_issue, &m))
		ui_message(u, 0, "Pengeluaran %s %s %s (%s) dicatat", f[1].le.buf, d->satuan, d->nama, f[0].le.buf);
}

static int save_take(struct ui *u, struct dlg_field *f, void *ctx, struct field_errors *fe, struct sbuf *err)
{
	struct move_ctx *m = ctx;
	if (!ui_final_reason(u, f[1].le.buf, "lb2", "mutasi", 0, 0, "stok opname"))
		return 1;
	return stock_take(u->db, m->batch_id, f[0].le.buf, f[1].le.buf, &m->difference, fe, err);
}

static void stocktake(struct ui *u, const struct stock_status *d)
{
	struct batch_row b;
	struct move_ctx m = { d, pick_batch(u, d, &b), 0 };
	if (m.batch_id < 0)
		return;
	struct dlg_field f[2] = {
		{ .name = "hitung", .table = "mutasi", .column = "hitung" },
		{ .name = "tanggal", .table = "mutasi", .column = "tanggal" },
	};
	char day[11], intro[200];
	today_text(u, day);
	le_set(&f[1].le, day);
	snprintf(intro, sizeof intro, "Stok opname %s, batch %s: tercatat %ld %s", d->nama, b.no_batch, b.saldo, d->satuan);
	if (ui_dialog(u, "Stok opname", intro, f, 2, save_take, &m))
		ui_message(u, 0, "Stok opname batch %s dicatat, selisih %+ld", b.no_batch, m.difference);
}

/* The stock card a page at a time, however long the drug's history, or of one
 * month (F5): it opens on the newest movement, at the bottom; Up/Down move the
 * cursor into older and newer pages, PgUp/PgDn a page, Home back to the newest.
 * Under the page: the selected line's note in full (a dispensing names the
 * visit) and the LPLPO totals of its month. F9 prints and F7 saves the card. */
enum { CARD_PAGE_MAX = 200 };

struct card_view {
	struct card_cursor *start;	/* start[p]: where page p is read from */
	struct card_cursor first;	/* page 0's: from today, or from a month's end */
	int pages, cap, p, n;
	int sel;	/* the cursor: rows[sel], 0 the newest on the page */
	int left;	/* columns scrolled off to the left (Left, Right) */
	char month[8];	/* the month shown (MM-YYYY), "" for the whole card */
	struct card_month total;	/* the month of the cursor's line */
	int total_ok;
	struct card_row rows[CARD_PAGE_MAX];
};

static void card_load(struct ui *u, const struct drug *d, struct card_view *v, int page)
{
	if (v->pages == v->cap)
		v->start = xrealloc(v->start, (size_t)(v->cap = v->cap ? v->cap * 2 : 16) * sizeof *v->start);
	if (!v->pages) {
		v->start[0] = v->first;
		v->pages = 1;
		v->p = 0;
	}
	struct card_cursor c = v->start[v->p];
	v->n = stock_card_page(u->db, d->kode, NULL, &c, v->rows, page);
	if (v->n < 0) {
		ui_message(u, 1, "Kartu stok tidak terbaca seluruhnya: tidak ditampilkan (%s)", sqlite3_errmsg(u->db));
		v->n = 0;
	}
	if (v->sel >= v->n)
		v->sel = v->n ? v->n - 1 : 0;
	/* a full page has an older one only when a movement is left before it */
	struct card_cursor next = c;
	struct card_row probe;
	if (v->n == page && v->p + 1 == v->pages && stock_card_page(u->db, d->kode, NULL, &next, &probe, 1) == 1)
		v->start[v->pages++] = c;
}

/* The totals of the cursor's month, read when the cursor enters another month. */
static void card_month_of(struct ui *u, const struct drug *d, struct card_view *v)
{
	if (!v->n || (v->total_ok && strncmp(v->rows[v->sel].tanggal, v->total.first, 7) == 0))
		return;
	struct sbuf err = { 0 };
	char month[8];
	snprintf(month, sizeof month, "%.7s", v->rows[v->sel].tanggal);
	v->total_ok = stock_card_month(u->db, d->kode, NULL, month, &v->total, &err) == 0;
	if (!v->total_ok)
		ui_message(u, 1, "Jumlah bulan %s tidak terbaca: %s", month, sb_str(&err));
	sb_free(&err);
}

/* Stored text at row y, shown (never obeyed), `left` columns scrolled off. */
static void card_text(int left, int y, const char *text, attr_t a)
{
	struct sbuf shown = { 0 };
	text_visible(&shown, text, strlen(text), "");
	const char *t = sb_str(&shown);
	int w = utf8_width(t);
	ui_text(y, 0, COLS, left < w ? t + utf8_prefix(t, left) : "", a);
	sb_free(&shown);
}

static void card_draw(struct ui *u, const struct drug *d, const struct card_view *v, int page)
{
	char title[256];
	snprintf(title, sizeof title, "Kartu stok %s%s%s", d->nama, v->month[0] ? ", bulan " : "", v->month);
	ui_frame(u, title, CTX_VIEWER | CTX_CARD);
	struct sbuf head = { 0 }, line = { 0 }, shown = { 0 };
	stock_card_head(&head, d);
	text_visible(&shown, head.s, head.len, "\n");
	char *s = shown.s;
	for (int y = 2; s && *s; y++) {	/* the heading's lines: title, blank, columns, rule */
		char *nl = strchr(s, '\n');
		*nl = '\0';
		if (y == 2)
			ui_text(y, 0, COLS, s, A_BOLD);	/* the drug's name is never scrolled away */
		else
			card_text(v->left, y, s, 0);
		s = nl + 1;
	}
	if (!v->n && !v->p)
		ui_text(6, 0, COLS, v->month[0] ? "Tidak ada mutasi pada bulan ini." : "Belum ada mutasi untuk obat ini.", 0);
	for (int i = 0; i < v->n; i++) {	/* newest first: drawn from the bottom up */
		sb_reset(&line);
		stock_card_line(&line, &v->rows[i]);
		line.s[line.len - 1] = '\0';
		card_text(v->left, 6 + v->n - 1 - i, line.s, i == v->sel ? ui_attr_sel(u) : 0);
	}
	if (v->n) {	/* the selected line in full, and its month as the LPLPO counts it */
		const struct card_row *r = &v->rows[v->sel];
		char day[11];
		sb_reset(&line);
		sb_printf(&line, "%s %s batch %s: %s", r->jenis, date_show(r->tanggal, day), r->no_batch,
			  r->keterangan[0] ? r->keterangan : "-");
		card_text(0, 6 + page, sb_str(&line), A_BOLD);
		sb_reset(&line);
		if (v->total_ok)
			stock_card_month_line(&line, &v->total);
		ui_text(7 + page, 0, COLS, sb_str(&line), 0);
	}
	char pos[96];
	snprintf(pos, sizeof pos, v->p ? "%d halaman ke belakang; PgUp lebih lama, PgDn lebih baru" :
		 "mutasi terbaru; PgUp lebih lama", v->p);
	ui_text(8 + page, 0, COLS, pos, A_DIM);
	curs_set(0);
	refresh();
	sb_free(&head);
	sb_free(&line);
	sb_free(&shown);
}

/* F5: the card of one month (typed MM-YYYY), or the whole card again when
 * emptied. 1 when the card is to be read again. */
static int card_month_pick(struct ui *u, const struct drug *d, struct card_view *v)
{
	struct lineedit m;
	memset(&m, 0, sizeof m);
	m.max = 7;
	char shown[11];
	le_set(&m, v->month[0] ? v->month : v->n ? date_show(v->rows[v->sel].tanggal, shown) + 3 : "");
	m.replace = 1;	/* a month typed replaces the one proposed */
	if (!ui_ask(u, "Bulan (MM-YYYY, kosong: semua):", &m))
		return 0;
	if (!m.buf[0]) {
		memset(&v->first, 0, sizeof v->first);
		v->month[0] = '\0';
		return 1;
	}
	struct card_month total;
	struct sbuf err = { 0 };
	int rc = stock_card_month(u->db, d->kode, NULL, m.buf, &total, &err);
	if (rc != 0)
		ui_message(u, 1, "%s", sb_str(&err));
	sb_free(&err);
	if (rc != 0)
		return 0;
	stock_card_month_cursor(&total, &v->first);
	snprintf(v->month, sizeof v->month, "%.7s", date_show(total.first, shown) + 3);
	v->total = total;
	v->total_ok = 1;
	return 1;
}

/* Printing or saving takes the whole card, or the month shown, read for that
 * alone. */
static void card_out(struct ui *u, const struct drug *d, const char *month, enum action a)
{
	struct sbuf text = { 0 }, shown = { 0 }, err = { 0 };
	struct card_month m;
	int rc = *month ? stock_card_month(u->db, d->kode, NULL, month, &m, &err) : 0;
	if (rc == 0)
		rc = *month ? stock_card_month_text(u->db, d, &m, &text) : stock_card_text(u->db, d, &text);
	if (rc != 0) {
		ui_message(u, 1, "Kartu stok tidak terbaca seluruhnya: tidak dicetak (%s)",
			   err.len ? sb_str(&err) : sqlite3_errmsg(u->db));
	} else {
		char file[64];
		snprintf(file, sizeof file, "kartu-stok-%.20s%s%s.txt", d->kode, *month ? "-" : "", month);
		text_visible(&shown, text.s, text.len, "\n\f");
		ui_text_out(u, a, sb_str(&shown), shown.len, file);
	}
	sb_free(&text);
	sb_free(&shown);
	sb_free(&err);
}

static void card(struct ui *u, const struct stock_status *x)
{
	struct drug d;
	if (drug_get(u->db, x->kode, &d) != 1)
		return;
	struct card_view *v = xcalloc(1, sizeof *v);
	int page = 0;
	for (;;) {
		int fits = LINES - 11 < 1 ? 1 : LINES - 11 > CARD_PAGE_MAX ? CARD_PAGE_MAX : LINES - 11;
		if (fits != page) {	/* a new page size: read again from the newest */
			page = fits;
			v->pages = v->sel = 0;
			card_load(u, &d, v, page);
		}
		card_month_of(u, &d, v);
		card_draw(u, &d, v, page);
		int k = ui_key(u);
		enum action a = action_for_key(k, CTX_VIEWER | CTX_CARD);
		int was = v->p;
		if (a == A_HELP)
			ui_help(u);
		else if (a == A_BACK)
			break;
		else if (a == A_TOFILE || a == A_PRINT)
			card_out(u, &d, v->month, a);
		else if (a == A_CARDMONTH && card_month_pick(u, &d, v))
			v->pages = v->sel = 0;
		else if (k == K_UP && v->sel + 1 < v->n)
			v->sel++;
		else if ((k == K_PGUP || k == K_UP) && v->p + 1 < v->pages)
			v->p++;
		else if (k == K_PGUP || k == K_UP)
			ui_message(u, 0, "Tidak ada mutasi yang lebih lama");
		else if (k == K_DOWN && v->sel > 0)
			v->sel--;
		else if ((k == K_PGDN || k == K_DOWN) && v->p > 0)
			v->p--;
		else if (k == K_HOME)
			v->p = v->sel = 0;
		else if (k == K_LEFT)
			v->left = v->left > 10 ? v->left - 10 : 0;
		else if (k == K_RIGHT)
			v->left += 10;
		if (v->p != was || !v->pages) {
			/* Up into the older page lands on its newest line, Down on the oldest of the newer */
			int into_older = v->p > was && k == K_UP, into_newer = v->p < was && k == K_DOWN;
			card_load(u, &d, v, page);
			v->sel = into_older ? 0 : into_newer && v->n ? v->n - 1 : v->sel;
		}
	}
	free(v->start);
	free(v);
	u->msg[0] = '\0';
}

/* Stock and optimum are read when the screen opens and after a movement; the
 * filter then works on what was read, not on the database per keystroke. */
static void load_shelf(struct ui *u, struct shelf *sh)
{
	free(sh->all);
	free(sh->shown);
	sh->nall = stock_status_list(u->db, &u->cfg->farmasi, u->today, &sh->all);
	if (sh->nall < 0) {
		ui_message(u, 1, "Stok tidak dapat dibaca: %s", sqlite3_errmsg(u->db));
		sh->nall = 0;
	}
	sh->shown = xcalloc((size_t)sh->nall + 1, sizeof *sh->shown);
}

static void filter_shelf(struct shelf *sh, const char *query)
{
	sh->n = 0;
	for (int i = 0; i < sh->nall; i++)
		if (stock_status_matches(&sh->all[i], query))
			sh->shown[sh->n++] = i;
}

enum pkm_screen ui_pharmacy(struct ui *u)
{
	struct lineedit q;
	memset(&q, 0, sizeof q);
	q.max = 30;
	struct shelf sh = { 0 };
	int sel = 0, top = 0, reload = 1;
	for (;;) {
		if (reload) {
			load_shelf(u, &sh);
			reload = 0;
		}
		filter_shelf(&sh, q.buf);
		if (sel >= sh.n)
			sel = sh.n ? sh.n - 1 : 0;
		ui_list_scroll(sel, &top, LINES - 9);
		draw(u, &q, &sh, sel, top);
		int k = ui_key(u), changed = 0;
		if (k == K_RESIZE)
			continue;
		enum action a = action_for_key(k, CTX_MAIN | CTX_STOCK);
		int next = ui_main_action(u, a);
		if (next >= 0 && next != SCR_PHARMACY) {
			free(sh.all);
			free(sh.shown);
			return (enum pkm_screen)next;
		}
		const struct stock_status *cur = sh.n ? &sh.all[sh.shown[sel]] : NULL;
		if (a == A_OPEN && cur) {
			card(u, cur);
		} else if (a == A_RECEIVE && cur) {
			receive(u, cur);
			reload = 1;
		} else if (a == A_ISSUE && cur) {
			issue(u, cur);
			reload = 1;
		} else if (a == A_STOCKTAKE && cur) {
			stocktake(u, cur);
			reload = 1;
		} else if (a == A_DRUGS) {
			reload = ui_drug_master(u, cur ? cur->kode : NULL);
		} else if (a == A_CLEAR) {
			le_set(&q, "");
		} else if (!ui_list_move(k, &sel, sh.n, LINES - 9) && ui_edit_key(&q, k, &changed) && changed) {
			sel = 0;
		}
	}
}
