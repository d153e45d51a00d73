/* Laporan > Kirim: what has not reached SATUSEHAT or P-Care, a page at a
 * time, each item with its state and the last error in words; F6 sends one
 * again, F7 shows the other platform's queue. */
#include "ui_priv.h"
#include "pkm/outbox.h"
#include <stdio.h>
#include <string.h>
#include <time.h>

#define PAGE_MAX 200	/* items read at a time */

static void state_text(const struct outbox_item *it, char *out, size_t size)
{
	char when[24] = "";
	if (it->percobaan && !it->tunggu && strcmp(it->status, "menunggu") == 0) {
		time_t t = (time_t)it->coba_lagi;
		struct tm tm;
		localtime_r(&t, &tm);
		strftime(when, sizeof when, " (lagi %H:%M)", &tm);
	}
	const char *what = strcmp(it->status, "gagal") == 0 ? "GAGAL" : it->tunggu ? "tunggu data" : "menunggu";
	snprintf(out, size, "%s%s", what, when);
}

void ui_outbox(struct ui *u)
{
	static struct outbox_item items[PAGE_MAX];
	int sel = 0, top = 0;
	long first = 0;	/* the page starts after this id */
	int pcare = !u->cfg->satusehat.aktif && u->cfg->pcare.aktif;	/* the queue shown */
	for (;;) {
		struct sbuf err = { 0 };
		struct outbox_counts c;
		const char *tujuan = pcare ? "pcare" : "satusehat", *name = pcare ? "P-Care" : "SATUSEHAT";
		long n = outbox_pending(u->db, tujuan, first, items, PAGE_MAX, &err);
		if (n < 0 || outbox_count(u->db, tujuan, 0, &c, &err) != 0) {
			ui_message(u, 1, "Antrean kirim tidak terbaca: %s", sb_str(&err));
			sb_free(&err);
			return;
		}
		if (sel >= n)
			sel = n > 0 ? (int)n - 1 : 0;
		int page = (LINES - 7) / 3;	/* an item: its line and its error in two */
		ui_list_scroll(sel, &top, page);
		char title[48], head[160];
		snprintf(title, sizeof title, "Laporan: kirim %s", name);
		ui_frame(u, title, CTX_OUTBOX);
		int on = pcare ? u->cfg->pcare.aktif : u->cfg->satusehat.aktif;
		if (on)
			snprintf(head, sizeof head, "%ld menunggu, %ld gagal. Pengirim: pkm kirim %s (layanan di server).",
				 c.menunggu, c.gagal, tujuan);
		else
			snprintf(head, sizeof head, "%ld menunggu, %ld gagal. %s tidak aktif di konfigurasi.", c.menunggu,
				 c.gagal, name);
		ui_text(2, 2, COLS - 4, head, A_BOLD);
		if (!n && on)
			ui_text(4, 2, COLS - 4, "Tidak ada yang menunggu: semua kunjungan sudah terkirim.", 0);
		if (!n && !on) {	/* nothing is queued while it is off: "all sent" would not be true */
			char empty[200];
			snprintf(empty, sizeof empty, "Pengiriman ke %s mati: kunjungan tidak diantrekan dan tidak dikirim. "
				 "Nyalakan dengan [%s] aktif = ya di konfigurasi.", name, tujuan);
			ui_text_wrap(4, 2, COLS - 4, 3, empty, 0);
		}
		for (int i = 0; i < page && top + i < n; i++) {
			const struct outbox_item *it = &items[top + i];
			char line[256], state[48], day[11];
			state_text(it, state, sizeof state);
			snprintf(line, sizeof line, "%-10s %-8s %-22.22s %-6s %-18s", date_show(it->tanggal, day), it->no_rm,
				 it->nama, it->unit, state);
			attr_t a = top + i == sel ? ui_attr_sel(u) : 0;
			ui_text(4 + i * 3, 2, COLS - 4, line, a);
			ui_text_wrap(5 + i * 3, 4, COLS - 6, 2, *it->galat ? it->galat : "-", A_DIM);
		}
		curs_set(0);
		refresh();
		int k = ui_key(u);
		enum action a = action_for_key(k, CTX_OUTBOX);
		const struct outbox_item *cur = n > 0 ? &items[sel] : NULL;
		if (a == A_BACK)
			return;
		if (a == A_HELP)
			ui_help(u);
		else if (a == A_RESEND && cur) {
			char day[11];
			if (outbox_retry(u->db, tujuan, cur->id, &err) < 0)
				ui_message(u, 1, "Tidak tersimpan: %s", sb_str(&err));
			else
				ui_message(u, 0, "Kunjungan %s %s dikirim lagi pada kesempatan berikut", cur->no_rm,
					   date_show(cur->tanggal, day));
		} else if (a == A_PLATFORM) {
			pcare = !pcare;
			first = 0;
			sel = top = 0;
		} else if (k == K_PGDN && n == PAGE_MAX && sel == n - 1) {
			first = items[n - 1].id;	/* the next page of the queue */
			sel = top = 0;
		} else if (k == K_HOME && first) {
			first = 0;
			sel = top = 0;
		} else
			ui_list_move(k, &sel, (int)n, page);
		sb_free(&err);
	}
}
