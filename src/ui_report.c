/* Laporan: choose a report and month, read it in a scrolling viewer, save it to
 * a file or send it to the printer. */
#include "ui_priv.h"
#include "pkm/reports.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct viewer {
	char *text;
	size_t len;
	char **lines;
	int n, top, left;
};

static void viewer_split(struct viewer *v)
{
	int cap = 256;
	v->lines = xcalloc((size_t)cap, sizeof *v->lines);
	v->n = 0;
	for (char *p = v->text; p && *p;) {
		if (v->n == cap) {
			cap *= 2;
			v->lines = xrealloc(v->lines, (size_t)cap * sizeof *v->lines);
		}
		v->lines[v->n++] = p;
		char *nl = strchr(p, '\n');
		if (!nl)
			break;
		*nl = '\0';
		p = nl + 1;
	}
}

static int write_file(const char *path, const char *text, size_t len, struct sbuf *err)
{
	FILE *f = fopen(path, "w");
	if (!f || fwrite(text, 1, len, f) != len || fclose(f) != 0) {
		sb_printf(err, "%s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}

static void viewer(struct ui *u, const struct report_req *req, char *text, size_t len)
{
	/* keep an untouched copy for saving and printing: splitting edits the text */
	struct viewer v = { xstrdup(text), len, NULL, 0, 0, 0 };
	viewer_split(&v);
	for (;;) {
		int page = LINES - 4;
		char rname[16], title[96];
		str_copy(rname, sizeof rname, req->name);
		str_upper(rname);
		snprintf(title, sizeof title, "Laporan %s %s", rname, req->month);
		ui_frame(u, title, CTX_VIEWER);
		for (int i = 0; i < page && v.top + i < v.n; i++) {
			const char *s = v.lines[v.top + i];
			if (*s == '\f') {	/* a new printed page */
				ui_text(2 + i, 0, COLS, "-------- halaman baru --------", A_DIM);
				continue;
			}
			int w = utf8_width(s);
			ui_text(2 + i, 0, COLS, v.left < w ? s + utf8_prefix(s, v.left) : "", 0);
		}
		char pos[64];
		snprintf(pos, sizeof pos, "baris %d-%d dari %d, kolom %d", v.top + 1,
			 v.top + page < v.n ? v.top + page : v.n, v.n, v.left + 1);
		ui_text(1, COLS - (int)strlen(pos) - 1, (int)strlen(pos), pos, A_DIM);
		curs_set(0);
		refresh();
		int k = ui_key(u);
		enum action a = action_for_key(k, CTX_VIEWER);
		struct sbuf err = { 0 };
		if (a == A_HELP) {
			ui_help(u);
		} else if (a == A_BACK) {
			break;
		} else if (a == A_TOFILE) {
			struct lineedit name;
			memset(&name, 0, sizeof name);
			char def[96];
			snprintf(def, sizeof def, "%.16s-%.7s.%s", req->name, req->month,
				 req->format == FMT_TEXT ? "txt" : "csv");
			le_set(&name, def);
			if (ui_ask(u, "Simpan ke berkas:", &name)) {
				if (write_file(name.buf, text, len, &err) == 0)
					ui_message(u, 0, "Laporan disimpan ke %s", name.buf);
				else
					ui_message(u, 1, "Tidak tersimpan: %s", sb_str(&err));
			}
		} else if (a == A_PRINT) {
			ui_text(LINES - 2, 0, COLS, "Mengirim ke printer...", A_BOLD);
			refresh();
			if (print_text(u->cfg->printer, text, len, &err) == 0)
				ui_message(u, 0, "Laporan dikirim ke printer (%s)", u->cfg->printer);
			else
				ui_message(u, 1, "%s", sb_str(&err));
		} else if (k == K_LEFT) {
			v.left = v.left > 10 ? v.left - 10 : 0;
		} else if (k == K_RIGHT) {
			v.left += 10;
		} else if (ui_list_move(k, &v.top, v.n, page)) {
			int last = v.n - page > 0 ? v.n - page : 0;
			v.top = v.top > last ? last : v.top;
		}
		sb_free(&err);
	}
	free(v.lines);
	free(v.text);
	u->msg[0] = '\0';
}

enum pkm_screen ui_reports(struct ui *u)
{
	struct date prev = u->today;
	/* the monthly report is usually for the month just ended */
	prev.m = prev.m == 1 ? 12 : prev.m - 1;
	prev.y = u->today.m == 1 ? prev.y - 1 : prev.y;
	prev.d = 1;
	char month[11];
	date_format(prev, month);
	month[7] = '\0';	/* YYYY-MM */
	struct lineedit m;
	memset(&m, 0, sizeof m);
	m.max = 7;
	le_set(&m, month);
	enum layout layout = u->cfg->lb1_layout;
	int width = u->cfg->width, focus = 1;
	for (;;) {
		ui_frame(u, "Laporan", CTX_MAIN);
		const char *labels[] = { "Laporan", "Bulan", "Susunan", "Lebar kertas" };
		char values[4][64];
		snprintf(values[0], sizeof values[0], "LB1 - data kesakitan");
		snprintf(values[2], sizeof values[2], "< %s >", layout == LAYOUT_F11 ? "Formulir 11 (PMK 31/2019)" : "klasik (SP2TP)");
		snprintf(values[3], sizeof values[3], "< %d kolom >", width);
		for (int i = 0; i < 4; i++) {
			ui_text(3 + i * 2, 2, 14, labels[i], focus == i ? A_BOLD : 0);
			if (i != 1)
				ui_text(3 + i * 2, 18, 40, values[i], focus == i && i ? A_REVERSE : 0);
		}
		ui_text(12, 2, COLS - 4, "Enter: tampilkan laporan. Bulan ditulis YYYY-MM. Spasi: ganti pilihan.", A_DIM);
		curs_set(focus == 1);
		ui_edit(5, 18, 10, &m, focus == 1);
		refresh();
		int k = ui_key(u), changed;
		if (k == K_RESIZE)
			continue;
		enum action a = action_for_key(k, CTX_MAIN);
		int next = ui_main_action(u, a);
		if (next >= 0 && next != SCR_REPORTS)
			return (enum pkm_screen)next;
		if (a == A_OPEN) {
			struct report_req req = { "lb1", m.buf, layout, FMT_TEXT, width };
			char *text;
			size_t len;
			struct sbuf err = { 0 };
			ui_text(LINES - 2, 0, COLS, "Menyusun laporan...", A_BOLD);
			refresh();
			if (report_render(u->db, u->cfg, &req, &text, &len, &err) == 0) {
				u->msg[0] = '\0';
				viewer(u, &req, text, len);
				free(text);
			} else {
				ui_message(u, 1, "%s", sb_str(&err));
			}
			sb_free(&err);
		} else if (k == K_TAB || k == K_DOWN) {
			focus = focus % 3 + 1;
		} else if (k == K_BTAB || k == K_UP) {
			focus = focus == 1 ? 3 : focus - 1;
		} else if (focus == 1) {
			ui_edit_key(&m, k, &changed);
		} else if (k == ' ' || k == K_LEFT || k == K_RIGHT) {
			if (focus == 2)
				layout = layout == LAYOUT_F11 ? LAYOUT_KLASIK : LAYOUT_F11;
			else
				width = width == 136 ? 80 : 136;
		}
	}
}
