/* Laporan: choose a report and month, read it in a scrolling viewer, save it to
 * a file or send it to the printer; the monthly LB4 aggregate entry. */
#include "ui_priv.h"
#include "pkm/export.h"
#include "pkm/output.h"
#include "pkm/reports.h"
#include "pkm/table.h"
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

static int write_file(struct ui *u, const char *path, const char *text, size_t len, struct sbuf *err)
{
	char backups[PATH_MAX];
	config_backup_dir(u->cfg, u->db_path, backups, sizeof backups);
	struct out o;
	if (out_open(&o, u->db, backups, path, err) != 0)
		return -1;
	int ok = fwrite(text, 1, len, o.f) == len;
	return out_close(&o, ok, err);
}

int ui_ask_file(struct ui *u, const char *proposed, char *path, size_t size)
{
	struct lineedit name;
	memset(&name, 0, sizeof name);
	le_set(&name, proposed);
	if (!ui_ask(u, "Simpan ke berkas:", &name))
		return 0;
	struct sbuf err = { 0 };
	int rc = export_path(u->cfg, u->db_path, name.buf, path, size, &err);
	if (rc < 0)
		ui_message(u, 1, "Tidak tersimpan: %s", sb_str(&err));
	sb_free(&err);
	if (rc == 1) {
		char q[300];
		snprintf(q, sizeof q, "Berkas %.200s sudah ada. Timpa?", name.buf);
		if (!ui_confirm(u, q)) {
			ui_message(u, 0, "Tidak disimpan; %s tetap seperti semula", name.buf);
			return 0;
		}
	}
	return rc >= 0;
}

void ui_text_out(struct ui *u, enum action a, const char *text, size_t len, const char *file_name)
{
	struct sbuf err = { 0 };
	char path[PATH_MAX];
	if (a == A_TOFILE) {
		if (ui_ask_file(u, file_name, path, sizeof path)) {
			if (write_file(u, path, text, len, &err) == 0)
				ui_message(u, 0, "Laporan disimpan ke %s", path);
			else
				ui_message(u, 1, "Tidak tersimpan: %s", sb_str(&err));
		}
	} else {
		ui_text(ui_msg_y(u), 0, COLS, "Mengirim ke printer...", A_BOLD);
		refresh();
		if (print_text(u->cfg->printer, text, len, &err) == 0)
			ui_message(u, 0, "Laporan dikirim ke printer (%s)", u->cfg->printer);
		else
			ui_message(u, 1, "%s", sb_str(&err));
	}
	sb_free(&err);
}

/* The viewer of any text in contexts ctx, with a note held above it (or
 * NULL); the action that closed it (A_BACK, or A_FINAL in a monthly report's).
 * With a cell cursor (a report's cells), the arrows move it and Enter lists
 * the rows behind its cell. */
static enum action view_text(struct ui *u, unsigned ctx, const char *title, const char *note, const char *text,
			     size_t len, const char *file_name, struct cell_cursor *cells)
{
	/* what is stored is shown, never obeyed (escapes for control characters);
	 * `shown` stays whole for saving and printing, v.text is split into lines */
	struct sbuf shown = { 0 };
	text_visible(&shown, text, len, "\n\f");
	text = sb_str(&shown);
	len = shown.len;
	struct viewer v = { xstrdup(text), len, NULL, 0, 0, 0 };
	viewer_split(&v);
	enum action a = A_BACK;
	for (;;) {
		int y0 = note ? 3 : 2, page = LINES - 2 - y0;
		ui_frame(u, title, ctx);
		if (note)
			ui_text(2, 0, COLS, note, A_BOLD);
		for (int i = 0; i < page && v.top + i < v.n; i++) {
			const char *s = v.lines[v.top + i];
			if (*s == '\f') {	/* a new printed page */
				ui_text(y0 + i, 0, COLS, "-------- halaman baru --------", A_DIM);
				continue;
			}
			int w = utf8_width(s);
			ui_text(y0 + i, 0, COLS, v.left < w ? s + utf8_prefix(s, v.left) : "", 0);
		}
		cursor_draw(cells, v.lines, y0, v.top, page, v.left);
		char pos[64];
		snprintf(pos, sizeof pos, "baris %d-%d dari %d, kolom %d", v.top + 1,
			 v.top + page < v.n ? v.top + page : v.n, v.n, v.left + 1);
		if (cells)	/* the cell cursor, said where the eye looks for keys */
			ui_text(1, 0, COLS - (int)strlen(pos) - 2, "Panah: pilih sel. Enter: asal angka", A_DIM);
		ui_text(1, COLS - (int)strlen(pos) - 1, (int)strlen(pos), pos, A_DIM);
		curs_set(0);
		refresh();
		int k = ui_key(u);
		a = action_for_key(k, ctx);
		if (a == A_HELP) {
			ui_help(u);
		} else if (a == A_BACK || a == A_FINAL) {
			break;
		} else if (a == A_TOFILE || a == A_PRINT) {
			ui_text_out(u, a, text, len, file_name);
		} else if (a == A_OPEN && cells) {
			ui_asal_list(u, cells);
		} else if (cursor_move(cells, k, &v.top, page, &v.left)) {
			;
		} else if (k == K_LEFT) {
			v.left = v.left > 10 ? v.left - 10 : 0;
		} else if (k == K_RIGHT) {
			v.left += 10;
		} else if (ui_list_move(k, &v.top, v.n, page)) {
			int last = v.n - page > 0 ? v.n - page : 0;
			v.top = v.top > last ? last : v.top;
		}
	}
	free(v.lines);
	free(v.text);
	sb_free(&shown);
	if (a == A_BACK)
		u->msg[0] = '\0';
	return a;
}

void ui_view_text(struct ui *u, const char *title, const char *note, const char *text, size_t len,
		  const char *file_name)
{
	view_text(u, CTX_VIEWER, title, note, text, len, file_name, NULL);
}

static const struct {
	const char *name, *label;
} report_list[] = {
	{ "lb1", "LB1 - data kesakitan" },
	{ "lb2", "LB2 - LPLPO (pemakaian dan permintaan obat)" },
	{ "lb3", "LB3 - gizi, KIA, imunisasi, P2M" },
	{ "lb4", "LB4 - kegiatan puskesmas" },
	{ "jampersal", "Rekap klaim Jampersal" },
};

/* The report in the viewer; F5 there signs it off and shows it again. */
static void show_report(struct ui *u, const struct report_req *req)
{
	char *text;
	size_t len;
	struct sbuf err = { 0 };
	ui_text(ui_msg_y(u), 0, COLS, "Menyusun laporan...", A_BOLD);
	refresh();
	u->msg[0] = '\0';
	ui_puskesmas_refresh(u);	/* the identity as the last desk saved it */
	struct cell_map map = { 0 };
	while (report_render_cells(u->db, u->cfg, req, &text, &len, &map, &err) == 0) {
		char rname[16], title[96], file[64];
		str_copy(rname, sizeof rname, req->name);
		str_upper(rname);
		struct date first, next;
		char shown[8];
		month_parse(req->month, &first, &next);
		snprintf(title, sizeof title, "Laporan %s %s", rname, month_show(first, shown));
		snprintf(file, sizeof file, "%.16s-%.7s.txt", req->name, req->month);	/* sorts by month */
		char note[256];
		struct cell_cursor *cells = cursor_new(req, &map, text);
		enum action a = view_text(u, CTX_VIEWER | CTX_MONTHREP, title,
					  ui_puskesmas_incomplete(u, note, sizeof note) ? note : NULL, text, len, file, cells);
		cursor_free(cells);
		free(text);
		if (a != A_FINAL)
			break;
		ui_final_sign(u, req->name, req->month);
	}
	if (err.len) {
		/* a broken definition file gives several lines: show the first */
		char first[200];
		str_copy(first, sizeof first, sb_str(&err));
		first[strcspn(first, "\n")] = '\0';
		ui_message(u, 1, "%s", first);
	}
	cell_map_free(&map);
	sb_free(&err);
}

/* The month typed, as MM-YYYY or YYYY-MM, into first; 0 when it is one. */
static int typed_month(struct ui *u, const char *typed, struct date *first)
{
	struct date next;
	if (month_parse(typed, first, &next) == 0)
		return 0;
	ui_message(u, 1, "Bulan tidak sah '%s': tulis MM-YYYY, mis. %02d-%04d", typed, u->today.m, u->today.y);
	return -1;
}

/* The monthly form of LB4 activities (forms/ with key = bulan) for a month. */
static void monthly_entry(struct ui *u, const char *month)
{
	struct date first;
	if (typed_month(u, month, &first) != 0)
		return;
	for (int i = 0; i < u->forms.n; i++) {
		const struct form *f = &u->forms.forms[i];
		if (strcmp(f->key, "bulan") != 0)
			continue;
		struct visit_row row;
		memset(&row, 0, sizeof row);
		row.v.id = (long)first.y * 100 + first.m;
		date_format(first, row.v.tanggal);
		snprintf(row.nama, sizeof row.nama, "Bulan %s %d", month_name(first.m), first.y);
		if (ui_final_reason(u, row.v.tanggal, "lb4", f->table, row.v.id, 0, "isian bulanan LB4"))
			ui_form(u, f, &row);
		return;
	}
	ui_message(u, 1, "Formulir isian bulanan (key = bulan) tidak ada di %s", u->cfg->forms_dir);
}

enum pkm_screen ui_reports(struct ui *u)
{
	struct date prev = u->today;
	/* the monthly report is usually for the month just ended */
	prev.m = prev.m == 1 ? 12 : prev.m - 1;
	prev.y = u->today.m == 1 ? prev.y - 1 : prev.y;
	prev.d = 1;
	char month[8];
	month_show(prev, month);
	struct lineedit m;
	memset(&m, 0, sizeof m);
	m.max = 7;
	le_set(&m, month);
	m.replace = 1;	/* the month proposed: typing 12-2026 replaces it, as a person expects */
	enum layout layout = u->cfg->lb1_layout;
	int width = u->cfg->width, focus = 1, which = 0, nrep = (int)ARRAY_LEN(report_list);
	for (;;) {
		ui_frame(u, "Laporan", CTX_MAIN | CTX_REPSEL);
		const char *labels[] = { "Laporan", "Bulan", "Susunan LB1", "Lebar kertas" };
		char values[4][80];
		snprintf(values[0], sizeof values[0], "< %s >", report_list[which].label);
		snprintf(values[2], sizeof values[2], "< %s >", layout == LAYOUT_F11 ? "Formulir 11 (PMK 31/2019)" : "klasik (SP2TP)");
		snprintf(values[3], sizeof values[3], "< %d kolom >", width);
		for (int i = 0; i < 4; i++) {
			ui_text(3 + i * 2, 2, 14, labels[i], focus == i ? A_BOLD : 0);
			if (i != 1)
				ui_text(3 + i * 2, 18, COLS - 20, values[i], focus == i ? A_REVERSE : 0);
		}
		ui_text(12, 2, COLS - 4, "Enter: tampilkan laporan. Bulan ditulis MM-YYYY. Spasi: ganti pilihan.", A_DIM);
		ui_text(13, 2, COLS - 4, "F6 atau ^B: isian bulanan LB4 (penyuluhan, posyandu, kesling, UKS).", A_DIM);
		ui_text(14, 2, COLS - 4, "F8 atau ^W: cadangan database sekarang.", A_DIM);
		ui_text(15, 2, COLS - 4, "F5 atau ^O: antrean kirim SATUSEHAT (yang menunggu dan yang gagal).", A_DIM);
		ui_text(16, 2, COLS - 4, "F7 atau ^T: periksa data bulan ini sebelum laporan ditandatangani.", A_DIM);
		curs_set(focus == 1);
		ui_edit(5, 18, 10, &m, focus == 1);
		refresh();
		int k = ui_key(u), changed;
		if (k == K_RESIZE)
			continue;
		enum action a = action_for_key(k, CTX_MAIN | CTX_REPSEL);
		int next = ui_main_action(u, a);
		if (next >= 0 && next != SCR_REPORTS)
			return (enum pkm_screen)next;
		struct date first;
		char key[8];
		if (a == A_OPEN) {
			struct report_req req = { report_list[which].name, key, layout, FMT_TEXT, width };
			if (typed_month(u, m.buf, &first) == 0) {
				month_key(first, key);
				show_report(u, &req);
			}
		} else if (a == A_CHECKS) {
			if (typed_month(u, m.buf, &first) == 0)
				ui_periksa(u, month_key(first, key));
		} else if (a == A_MONTHLY) {
			monthly_entry(u, m.buf);
		} else if (a == A_BACKUP) {
			ui_backup(u);
		} else if (a == A_OUTBOX) {
			ui_outbox(u);
		} else if (a == A_DASBORLAP) {
			ui_dasbor(u);
		} else if (k == K_TAB || k == K_DOWN) {
			focus = (focus + 1) % 4;
			m.replace = focus == 1;
		} else if (k == K_BTAB || k == K_UP) {
			focus = (focus + 3) % 4;
			m.replace = focus == 1;
		} else if (focus == 1) {
			ui_edit_key(&m, k, &changed);
		} else if (k == ' ' || k == K_LEFT || k == K_RIGHT) {
			int back = k == K_LEFT;
			if (focus == 0)
				which = (which + (back ? nrep - 1 : 1)) % nrep;
			else if (focus == 2)
				layout = layout == LAYOUT_F11 ? LAYOUT_KLASIK : LAYOUT_F11;
			else
				width = width == 136 ? 80 : 136;
		}
	}
}
