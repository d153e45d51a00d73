/* Laporan > F7 Periksa data: the findings of src/periksa.c for the month chosen,
 * kesalahan first; Enter lists a finding's visits, Enter on a visit opens it as
 * the visit list does (for a role that has the visit lists). */
#include "ui_priv.h"
#include "pkm/periksa.h"
#include <string.h>

/* A key on one of these lists: help and moving are done here; Esc (A_BACK),
 * Enter (A_OPEN) or A_NONE back to the caller. */
static enum action list_key(struct ui *u, int *sel, int n, int rows)
{
	curs_set(0);
	refresh();
	int k = ui_key(u);
	enum action a = action_for_key(k, CTX_PICK);
	if (a == A_HELP)
		ui_help(u);
	else if (a != A_BACK && a != A_OPEN)
		ui_list_move(k, sel, n, rows);
	return a == A_BACK || a == A_OPEN ? a : A_NONE;
}

/* A finding's visits; 1 when one was opened (it may have been corrected). */
static int finding_visits(struct ui *u, const struct periksa_finding *f)
{
	int sel = 0, top = 0, opened = 0;
	for (;;) {
		int rows = LINES - 12;
		ui_list_scroll(sel, &top, rows);
		ui_frame(u, "Periksa data: kunjungan", CTX_PICK);
		ui_text_wrap(2, 2, COLS - 4, 2, f->title, A_BOLD);
		ui_text(5, 2, COLS - 4, "Tanggal    No. RM   Nama                   Unit  Keterangan", A_BOLD);
		for (int i = 0; i < rows && top + i < f->n; i++) {
			struct sbuf line = { 0 };
			periksa_visit_line(&f->v[top + i], &line);
			sb_printf(&line, " %s", f->v[top + i].why);
			ui_text_stored(6 + i, 2, COLS - 4, line.s, line.len, top + i == sel ? ui_attr_sel(u) : 0);
			sb_free(&line);
		}
		/* what is wrong in full under the list: nothing a user must read is cut */
		ui_text_wrap(LINES - 5, 2, COLS - 4, 2, f->v[sel].why, A_DIM);
		enum action a = list_key(u, &sel, f->n, rows);
		if (a == A_BACK)
			return opened;
		if (a == A_OPEN && !action_allowed(&pkm_actions[A_VISITS - 1])) {
			ui_message(u, 1, "Kunjungan dibuka oleh admin, pendaftaran atau tenaga kesehatan (F3 Kunjungan)");
		} else if (a == A_OPEN) {
			ui_visit_open(u, f->v[sel].id);
			opened = 1;
		}
	}
}

/* The month's findings into p; 0, or -1 with why on the message line. */
static int run_checks(struct ui *u, const char *month, struct periksa *p)
{
	struct sbuf err = { 0 };
	ui_text(ui_msg_y(u), 0, COLS, "Memeriksa data...", A_BOLD);
	refresh();
	int rc = periksa_month(u->db, u->cfg, &u->forms, month, u->today, p, &err);
	if (rc != 0) {
		char first[200];	/* the first line of what went wrong */
		str_copy(first, sizeof first, sb_str(&err));
		first[strcspn(first, "\n")] = '\0';
		ui_message(u, 1, "Tidak dapat diperiksa: %s", first);
	}
	sb_free(&err);
	return rc;
}

void ui_periksa(struct ui *u, const char *month)
{
	struct periksa p;
	if (run_checks(u, month, &p) != 0)
		return;
	u->msg[0] = '\0';
	int sel = 0, top = 0;
	for (;;) {
		struct date first, next;
		char shown[8], head[160];
		month_parse(p.month, &first, &next);
		snprintf(head, sizeof head, "Bulan %s: %d kesalahan, %d perhatian. Enter: kunjungannya.",
			 month_show(first, shown), p.errors, p.warnings);
		int rows = LINES - 11;
		ui_list_scroll(sel, &top, rows);
		ui_frame(u, "Periksa data sebelum tanda tangan", CTX_PICK);
		ui_text(2, 2, COLS - 4, head, A_BOLD);
		if (!p.n)
			ui_text(4, 2, COLS - 4, "Tidak ada temuan: data bulan ini siap ditandatangani.", 0);
		for (int i = 0; i < rows && top + i < p.n; i++) {
			const struct periksa_finding *f = &p.f[top + i];
			struct sbuf line = { 0 };
			sb_printf(&line, "%-9s ", f->level == PERIKSA_KESALAHAN ? "KESALAHAN" : "perhatian");
			sb_printf(&line, f->n ? "%4d  " : "   -  ", f->n);	/* "-": a month-wide one */
			sb_add(&line, f->title);
			ui_text_stored(4 + i, 2, COLS - 4, line.s, line.len,
				  top + i == sel ? ui_attr_sel(u) : f->level == PERIKSA_KESALAHAN ? A_BOLD : 0);
			sb_free(&line);
		}
		if (p.n)
			ui_text_wrap(LINES - 6, 2, COLS - 4, 3, p.f[sel].title, A_DIM);
		enum action a = list_key(u, &sel, p.n, rows);
		if (a == A_BACK)
			break;
		if (a == A_OPEN && p.n && p.f[sel].n && finding_visits(u, &p.f[sel])) {
			/* a visit was opened: checked again, what was corrected is gone */
			periksa_free(&p);
			if (run_checks(u, month, &p) != 0)
				return;
			sel = sel < p.n ? sel : p.n ? p.n - 1 : 0;
		} else if (a == A_OPEN && p.n && !p.f[sel].n) {
			ui_message(u, 0, "Temuan untuk sebulan penuh, tanpa kunjungan: lihat laporannya");
		}
	}
	periksa_free(&p);
	u->msg[0] = '\0';
}
