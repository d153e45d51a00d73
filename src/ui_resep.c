/* Resep: the drugs prescribed on a visit, with the stock there is of each, and
 * dispensing them (earliest expiry first, all or nothing). */
#include "ui_priv.h"
#include "pkm/stock.h"
#include <string.h>

#define MAX_LINES RESEP_MAX

static int drug_options(struct ui *u, const char *typed, char (*code)[24], char (*label)[80], int max)
{
	struct drug d[64];
	int n = drug_search(u->db, typed, d, max < 64 ? max : 64);
	if (n < 0) {
		ui_message(u, 1, "daftar obat tidak terbaca: %s", sqlite3_errmsg(u->db));
		return 0;
	}
	for (int i = 0; i < n; i++) {
		str_copy(code[i], 24, d[i].kode);
		snprintf(label[i], 80, "%.50s  (stok %ld %s)", d[i].nama, stock_balance(u->db, d[i].kode), d[i].satuan);
	}
	return n;
}

/* A line being written: the quantity over the limit already allowed (asked
 * once), and whether the save changed a line there was. */
struct line_ctx {
	const struct visit_row *row;
	char allowed[48];	/* "KODE:N" the prescriber kept after the question */
	int changed;
};

static int save_line(struct ui *u, struct dlg_field *f, void *ctx, struct field_errors *fe, struct sbuf *err)
{
	struct line_ctx *c = ctx;
	struct drug d;
	long n, max;
	char key[48];
	if (drug_get(u->db, f[0].le.buf, &d) == 1 && parse_long(f[1].le.buf, 1, 10000, &n) == 0 &&
	    (max = drug_max_per_resep(&d, u->cfg->farmasi.maks_resep)) > 0 && n > max) {
		snprintf(key, sizeof key, "%s:%ld", d.kode, n);
		char q[160];
		snprintf(q, sizeof q, "Jumlah %ld melebihi batas %ld per resep. Tetap simpan?", n, max);
		if (strcmp(key, c->allowed) != 0 && !ui_confirm(u, q)) {
			field_error(fe, "jumlah", "di atas batas %ld %s per resep: ubah jumlahnya, atau simpan dan jawab y", max,
				    d.satuan);
			return 1;
		}
		str_copy(c->allowed, sizeof c->allowed, key);
	}
	int rc = resep_add(u->db, c->row->v.id, f[0].le.buf, f[1].le.buf, f[2].le.buf, fe, err);
	c->changed = rc > 0;
	return rc < 0 ? -1 : 0;
}

static void add_line(struct ui *u, const struct visit_row *row)
{
	struct dlg_field f[3] = {
		{ .name = "obat", .table = "resep", .column = "obat", .options = drug_options },
		{ .name = "jumlah", .table = "resep", .column = "jumlah" },
		{ .name = "signa", .table = "resep", .column = "signa" },
	};
	char intro[512];
	snprintf(intro, sizeof intro, "Resep untuk %s (No. RM %s). Ketik kode atau awal kata nama obat (para 500) "
		 "lalu Tab; Spasi pada isian kosong: semua obat.", row->nama, row->no_rm);
	struct line_ctx c = { .row = row };
	if (!ui_dialog(u, "Tambah obat ke resep", intro, f, 3, save_line, &c))
		return;
	if (c.changed)
		ui_message(u, 0, "%s di resep diubah menjadi %s", f[0].le.buf, f[1].le.buf);
	else
		ui_message(u, 0, "%s %s ditambahkan ke resep", f[1].le.buf, f[0].le.buf);
}

static void draw(struct ui *u, const struct visit_row *row, const struct resep_row *r, int n, int sel)
{
	ui_frame(u, "Resep obat", CTX_RESEP);
	char line[512], day[11], payer[80];
	snprintf(line, sizeof line, "%s (No. RM %s) | unit %s | penjamin %s | %s", row->nama, row->no_rm, row->v.unit,
		 dict_label(u->db, "kunjungan", "penjamin", row->v.penjamin, payer, sizeof payer),
		 date_show(row->v.tanggal, day));
	ui_text(2, 2, COLS - 4, line, A_BOLD);
	ui_text(4, 2, COLS - 4, "Obat                       Jumlah Satuan  Signa          Status", A_BOLD);
	for (int i = 0; i < n && i < LINES - 9; i++) {
		char status[48];
		if (r[i].diserahkan[0])
			snprintf(status, sizeof status, "diserahkan");
		else
			snprintf(status, sizeof status, "belum (stok %ld)", stock_balance(u->db, r[i].obat));
		snprintf(line, sizeof line, "%-26.26s %6ld %-7.7s %-14.14s %s", r[i].nama, r[i].jumlah, r[i].satuan,
			 r[i].signa, status);
		ui_text(5 + i, 2, COLS - 4, line, i == sel ? ui_attr_sel(u) : 0);
	}
	/* what the role may do here: a nurse writes, the pharmacy dispenses */
	if (!n)
		ui_text(5, 2, COLS - 4, action_allowed(&pkm_actions[A_ADDDRUG - 1]) ? "Belum ada obat. F5 atau ^N: tambah obat."
										 : "Belum ada obat.", A_DIM);
	if (action_allowed(&pkm_actions[A_DISPENSE - 1]))
		ui_text(LINES - 3, 2, COLS - 4, "F9 atau ^Y: serahkan semua obat yang belum diserahkan (stok berkurang)",
			A_DIM);
	curs_set(0);
	refresh();
}

void ui_resep(struct ui *u, const struct visit_row *row)
{
	struct resep_row r[MAX_LINES];
	int sel = 0;
	u->msg[0] = '\0';
	for (;;) {
		int n = resep_list(u->db, row->v.id, r, MAX_LINES);
		if (n < 0) {
			ui_message(u, 1, "resep tidak terbaca: %s", sqlite3_errmsg(u->db));
			return;
		}
		if (sel >= n)
			sel = n ? n - 1 : 0;
		draw(u, row, r, n, sel);
		int k = ui_key(u);
		if (k == K_RESIZE)
			continue;
		enum action a = action_for_key(k, CTX_RESEP);
		struct sbuf err = { 0 };
		if (a == A_HELP) {
			ui_help(u);
		} else if (a == A_BACK) {
			u->msg[0] = '\0';
			return;
		} else if (a == A_ADDDRUG) {	/* writing a prescription is clinical: farmasi only dispenses */
			add_line(u, row);
		} else if (a == A_DELDRUG && n) {
			char q[160];
			snprintf(q, sizeof q, "Hapus %s dari resep?", r[sel].nama);
			if (ui_confirm(u, q)) {
				if (resep_delete(u->db, r[sel].id, &err) != 0)
					ui_message(u, 1, "Tidak terhapus: %s", sb_str(&err));
				else
					ui_message(u, 0, "%s dihapus dari resep", r[sel].nama);
			}
		} else if (a == A_DISPENSE) {
			char day[11];
			date_format(u->today, day);
			int done = stock_dispense(u->db, row->v.id, day, &err);
			if (done < 0)
				ui_message(u, 1, "Tidak diserahkan: %s", sb_str(&err));
			else
				ui_message(u, 0, "%d obat diserahkan; stok sudah dikurangi", done);
		} else {
			ui_list_move(k, &sel, n, LINES - 9);
		}
		sb_free(&err);
	}
}
