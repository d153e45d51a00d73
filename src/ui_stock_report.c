/* Farmasi > F8: the expiry and stock-out report (stock_report.c, the same as
 * `pkm laporan stok`) in the report viewer: scrolled, saved with F7, printed
 * with F9. */
#include "ui_priv.h"
#include "pkm/stock_report.h"

void ui_stock_report(struct ui *u)
{
	struct stock_report r;
	struct sbuf err = { 0 }, text = { 0 };
	ui_text(ui_msg_y(u), 0, COLS, "Menyusun laporan stok...", A_BOLD);
	refresh();
	if (stock_report_build(u->db, &u->cfg->farmasi, u->today, u->cfg->farmasi.expiry_days, &r, &err) != 0) {
		ui_message(u, 1, "Laporan stok tidak tersusun: %s", sb_str(&err));
	} else {
		char file[32];
		snprintf(file, sizeof file, "stok-%s.txt", r.today);
		stock_report_text(&r, u->cfg->nama, &text);
		ui_view_text(u, "Laporan stok: kedaluwarsa dan di bawah optimum", NULL, text.s, text.len, file);
		stock_report_free(&r);
	}
	sb_free(&err);
	sb_free(&text);
}
