/* Antrian resep: today's prescriptions as they reach the pharmacy, the ones not
 * finished first, the finished greyed below; Enter opens one. Another desk's
 * new prescription shows within a second without a key: while nobody types,
 * the screen asks four times a second whether another connection committed
 * (PRAGMA data_version reads no table) and reads the list again only then, or
 * when the minute turns (the minutes waiting). */
#include "ui_priv.h"
#include "pkm/db.h"
#include "pkm/queue.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define POLL_MS 250

/* Changes when another connection commits; -1 when it cannot be read. */
static long data_version(sqlite3 *db)
{
	sqlite3_stmt *st = db_stmt(db, "PRAGMA data_version", NULL);
	if (!st)
		return -1;
	long v = sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : -1;
	sqlite3_reset(st);
	return v;
}

struct queue_view {
	struct queue_row *rows;
	int n, sel, top;
	long version;		/* data_version when read */
	time_t minute;		/* the clock's minute when read */
};

/* Read the list again, the same visit kept selected. */
static void load(struct ui *u, struct queue_view *q)
{
	long keep = q->n ? q->rows[q->sel].visit_id : 0;
	q->version = data_version(u->db);
	q->minute = time(NULL) / 60;
	free(q->rows);
	char now[20];
	struct sbuf err = { 0 };
	q->n = queue_list(u->db, u->today, date_now(now), &q->rows, &err);
	if (q->n < 0) {
		ui_message(u, 1, "Antrian resep tidak terbaca: %s", sb_str(&err));
		q->n = 0;
	}
	sb_free(&err);
	for (int i = 0; i < q->n; i++)
		if (q->rows[i].visit_id == keep)
			q->sel = i;
	if (q->sel >= q->n)
		q->sel = q->n ? q->n - 1 : 0;
}

static int page_rows(const struct ui *u) { return ui_msg_y(u) - 6; }

static void draw(struct ui *u, struct queue_view *q)
{
	ui_frame(u, "Antrian resep", CTX_MAIN | CTX_QUEUE);
	int count[3] = { 0, 0, 0 };
	for (int i = 0; i < q->n; i++)
		count[q->rows[i].status]++;
	char line[320];
	snprintf(line, sizeof line, "Tanggal %02d-%02d-%04d  %d menunggu, %d sebagian, %d selesai", u->today.d, u->today.m,
		 u->today.y, count[Q_MENUNGGU], count[Q_SEBAGIAN], count[Q_SELESAI]);
	ui_text(2, 2, COLS - 4, line, A_BOLD);
	struct sbuf s = { 0 };
	queue_text_head(&s);
	s.s[s.len - 1] = '\0';
	ui_text(4, 2, COLS - 4, sb_str(&s), A_BOLD);
	int page = page_rows(u);
	ui_list_scroll(q->sel, &q->top, page);
	for (int i = 0; i < page && q->top + i < q->n; i++) {
		const struct queue_row *r = &q->rows[q->top + i];
		sb_reset(&s);
		queue_text_line(r, &s);
		s.s[s.len - 1] = '\0';
		/* partly given stands out; finished is greyed */
		attr_t look = r->status == Q_SELESAI ? A_DIM : r->status == Q_SEBAGIAN ? A_BOLD : 0;
		ui_text(5 + i, 2, COLS - 4, sb_str(&s), q->top + i == q->sel ? ui_attr_sel(u) | look : look);
	}
	sb_free(&s);
	if (!q->n) {
		ui_text(5, 2, COLS - 4, "Belum ada resep hari ini. Resep yang ditulis di unit layanan muncul di sini.", 0);
	} else {	/* what the columns cut, for the selected one */
		const struct queue_row *r = &q->rows[q->sel];
		snprintf(line, sizeof line, "Enter: buka resep | %s | penulis %s | tiba %.5s", r->unit_nama,
			 r->penulis[0] ? r->penulis : "-", strlen(r->tiba) > 11 ? r->tiba + 11 : r->tiba);
		ui_text(ui_msg_y(u) - 1, 2, COLS - 4, line, A_DIM);
	}
	curs_set(0);
	refresh();
}

enum pkm_screen ui_queue(struct ui *u)
{
	struct queue_view q = { 0 };
	load(u, &q);
	int dirty = 1;
	for (;;) {
		if (dirty)
			draw(u, &q);
		dirty = 1;
		int k = ui_key_tick(u, POLL_MS);
		if (k == K_TICK) {	/* nobody typed: read again only what changed */
			dirty = data_version(u->db) != q.version || time(NULL) / 60 != q.minute;
			if (dirty)
				load(u, &q);
			continue;
		}
		if (k == K_RESIZE)
			continue;
		enum action a = action_for_key(k, CTX_MAIN | CTX_QUEUE);
		int next = ui_main_action(u, a);
		if (next >= 0 && next != SCR_QUEUE) {
			free(q.rows);
			return (enum pkm_screen)next;
		}
		if (a == A_STOCK) {
			free(q.rows);
			return SCR_PHARMACY;
		}
		if (a == A_STOCKREPORT) {
			ui_stock_report(u);
		} else if (a == A_OPEN && q.n > 0) {
			struct visit_row row;
			if (visit_row_get(u->db, q.rows[q.sel].visit_id, &row) == 1)
				ui_resep(u, &row);
			else
				ui_message(u, 1, "Kunjungan tidak terbaca: %s", sqlite3_errmsg(u->db));
			load(u, &q);
		} else {
			ui_list_move(k, &q.sel, q.n, page_rows(u));
		}
	}
}
