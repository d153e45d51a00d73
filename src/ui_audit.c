/* The audit trail on screen, newest first, a page at a time: the first screen
 * reads one page whatever the trail's size; older pages are read as the list
 * is scrolled to them. F7 writes the whole filtered trail to a file (streamed),
 * F9 prints it. The selected row's old and new values are under the list. */
#include "ui_priv.h"
#include "pkm/audit.h"
#include "pkm/config.h"
#include "pkm/output.h"
#include "pkm/reports.h"
#include <stdlib.h>
#include <string.h>

#define PAGE_ROWS 100

struct trail {
	struct audit_list l;
	int more;	/* more: the last page read was full */
};

/* Read the next (older) page; 0 when fine. */
static int read_page(struct ui *u, const struct audit_filter *f, struct trail *t, struct sbuf *err)
{
	int got = audit_page(u->db, f, t->l.n ? t->l.e[t->l.n - 1].id : 0, PAGE_ROWS, &t->l, err);
	t->more = got == PAGE_ROWS;
	return got < 0 ? -1 : 0;
}

static void draw(struct ui *u, const struct trail *t, int sel, int top, int rows)
{
	ui_frame(u, "Jejak audit (terbaru dulu)", CTX_VIEWER);
	ui_text(1, 2, COLS - 4, "Waktu            Pengguna     Aksi   Tabel, baris, pasien", A_BOLD);
	for (int i = 0; i < rows && top + i < t->l.n; i++) {
		const struct audit_entry *e = &t->l.e[top + i];
		char line[400], day[11];
		char ymd[11];
		snprintf(ymd, sizeof ymd, "%.10s", e->waktu);
		snprintf(line, sizeof line, "%s %.5s %-12.12s %-6s %s%s%s%s%s", date_show(ymd, day), e->waktu + 11,
			 e->pengguna, e->aksi, e->tabel, e->baris[0] ? " #" : "", e->baris, e->no_rm[0] ? "  RM " : "",
			 e->no_rm);
		ui_text_stored(2 + i, 2, COLS - 4, line, strlen(line), top + i == sel ? ui_attr_sel(u) : 0);
	}
	if (!t->l.n)
		ui_text(2, 2, COLS - 4, "Tidak ada catatan untuk saringan ini.", 0);
	else {
		const struct audit_entry *e = &t->l.e[sel];
		struct sbuf detail = { 0 }, shown = { 0 };
		sb_printf(&detail, "lama: %s | baru: %s", e->lama[0] ? e->lama : "-", e->baru[0] ? e->baru : "-");
		text_visible(&shown, detail.s, detail.len, "");
		ui_text_wrap(LINES - 5, 2, COLS - 4, 3, sb_str(&shown), A_DIM);
		sb_free(&detail);
		sb_free(&shown);
	}
	curs_set(0);
	refresh();
}

/* The whole filtered trail, oldest first, into a file or the printer. */
static void write_all(struct ui *u, const struct audit_filter *f, int print)
{
	struct sbuf err = { 0 };
	if (print) {
		char *text = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&text, &len);
		long n = mem ? audit_write(u->db, f, mem, &err) : -1;
		if (mem)
			fclose(mem);
		if (n >= 0 && print_text(u->cfg->printer, text, len, &err) == 0)
			ui_message(u, 0, "%ld catatan jejak audit dikirim ke printer (%s)", n, u->cfg->printer);
		else
			ui_message(u, 1, "Tidak tercetak: %s", sb_str(&err));
		free(text);
		sb_free(&err);
		return;
	}
	char path[PATH_MAX];
	if (!ui_ask_file(u, "jejak-audit.txt", path, sizeof path))
		return;
	char backups[PATH_MAX];
	config_backup_dir(u->cfg, u->db_path, backups, sizeof backups);
	struct out o;
	long n = -1;
	if (out_open(&o, u->db, backups, path, &err) == 0) {
		n = audit_write(u->db, f, o.f, &err);
		if (out_close(&o, n >= 0, &err) != 0)
			n = -1;
	}
	if (n >= 0)
		ui_message(u, 0, "%ld catatan jejak audit disimpan ke %s", n, path);
	else
		ui_message(u, 1, "Tidak tersimpan: %s", sb_str(&err));
	sb_free(&err);
}

int ui_audit_list(struct ui *u, const struct audit_filter *f, struct sbuf *err)
{
	struct trail t = { 0 };
	if (read_page(u, f, &t, err) != 0) {
		audit_list_free(&t.l);
		return -1;
	}
	int sel = 0, top = 0;
	u->msg[0] = '\0';
	for (;;) {
		int rows = LINES - 8;
		/* near the end of what was read: the next older page */
		if (t.more && sel + rows >= t.l.n && read_page(u, f, &t, err) != 0)
			ui_message(u, 1, "Halaman berikutnya tidak terbaca: %s", sb_str(err));
		ui_list_scroll(sel, &top, rows);
		draw(u, &t, sel, top, rows);
		int k = ui_key(u);
		if (k == K_RESIZE)
			continue;
		enum action a = action_for_key(k, CTX_VIEWER);
		if (a == A_HELP)
			ui_help(u);
		else if (a == A_BACK)
			break;
		else if (a == A_TOFILE || a == A_PRINT)
			write_all(u, f, a == A_PRINT);
		else
			ui_list_move(k, &sel, t.l.n, rows);
	}
	audit_list_free(&t.l);
	u->msg[0] = '\0';
	return 0;
}
