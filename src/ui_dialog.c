/* Small dialogs of dictionary fields (pharmacy receipts, issues, stock-takes,
 * prescription lines): labels and help from kamus, Space for a pick list, the
 * core's message under the field, nothing lost when a save fails. */
#include "ui_priv.h"
#include <string.h>

#define LABEL_W 24
#define MAX_OPTIONS 64

static void draw(struct ui *u, unsigned ctx, const char *title, const char *intro, struct dlg_field *f, int n,
		 int focus)
{
	ui_frame(u, title, ctx);
	ui_text(2, 2, COLS - 4, intro, A_BOLD);
	int cy = 0, cx = 0;
	for (int i = 0; i < n; i++) {
		int y = 4 + 2 * i;
		char label[80];
		snprintf(label, sizeof label, "%s%s", f[i].def.label, f[i].def.required ? " *" : "");
		ui_text(y, 2, LABEL_W, label, i == focus ? A_BOLD : 0);
		int w = COLS - LABEL_W - 4 < 40 ? COLS - LABEL_W - 4 : 40;
		if (f[i].secret) {	/* one star a character, the cursor at the end */
			char stars[LE_MAX];
			int n_chars = utf8_width(f[i].le.buf) < w - 1 ? utf8_width(f[i].le.buf) : w - 1;
			memset(stars, '*', (size_t)n_chars);
			stars[n_chars] = '\0';
			ui_text(y, 2 + LABEL_W, w, stars, A_UNDERLINE | (i == focus ? A_BOLD : 0));
			move(y, 2 + LABEL_W + n_chars);
		} else {
			ui_edit(y, 2 + LABEL_W, w, &f[i].le, i == focus);
		}
		if (i == focus)
			getyx(stdscr, cy, cx);
		if (f[i].err[0])
			ui_text(y + 1, 4, COLS - 5, f[i].err, u->color ? COLOR_PAIR(PAIR_ERR) | A_BOLD : A_BOLD);
	}
	char help[320];
	snprintf(help, sizeof help, "%s: %s", f[focus].def.label, f[focus].def.help);
	ui_text_wrap(LINES - 4, 2, COLS - 3, 2, help, A_DIM);
	move(cy, cx);
	curs_set(1);
	refresh();
}

static void pick(struct ui *u, struct dlg_field *fd)
{
	static char code[MAX_OPTIONS][24], label[MAX_OPTIONS][80];
	int n = fd->options ? fd->options(u, fd->le.buf, code, label, MAX_OPTIONS)
			    : dict_options(u->db, &fd->def, code, label, MAX_OPTIONS);
	if (n <= 0) {
		ui_message(u, 1, "Tidak ada pilihan untuk '%s'", fd->le.buf);
		return;
	}
	char title[96];
	snprintf(title, sizeof title, "Pilih: %s", fd->def.label);
	int chosen = ui_pick(u, title, code, label, n, 0);
	if (chosen >= 0) {
		le_set(&fd->le, code[chosen]);
		fd->err[0] = '\0';
	}
}

int ui_dialog(struct ui *u, const char *title, const char *intro, struct dlg_field *f, int n, dlg_save_fn save,
	      void *ctx)
{
	return ui_dialog_in(u, CTX_FORM, title, intro, f, n, save, ctx);
}

int ui_dialog_in(struct ui *u, unsigned keys, const char *title, const char *intro, struct dlg_field *f, int n,
		 dlg_save_fn save, void *ctx)
{
	for (int i = 0; i < n; i++)
		if (f[i].table && dict_get(u->db, f[i].table, f[i].column, &f[i].def) != 0)
			str_copy(f[i].def.label, sizeof f[i].def.label, f[i].column);
	int focus = 0, changed = 0;
	u->msg[0] = '\0';
	for (;;) {
		draw(u, keys, title, intro, f, n, focus);
		int k = ui_key(u), edited = 0;
		if (k == K_RESIZE)
			continue;
		enum action a = action_for_key(k, keys);
		if (a == A_HELP) {
			ui_help(u);
		} else if (a == A_SAVE || a == A_LOGIN || (a == A_OPEN && focus == n - 1)) {
			struct field_errors fe = { 0 };
			struct sbuf err = { 0 };
			int rc = save(u, f, ctx, &fe, &err);
			for (int i = 0; i < n; i++) {
				const char *m = field_error_for(&fe, f[i].name);
				str_copy(f[i].err, sizeof f[i].err, m ? m : "");
				if (m && rc != 0 && (i < focus || !f[focus].err[0]))
					focus = i;
			}
			if (rc == 0) {
				sb_free(&err);
				return 1;
			}
			ui_message(u, 1, "%s: %s", keys == CTX_LOGIN ? "Belum masuk" : "Tidak tersimpan",
				   err.len ? sb_str(&err) : "lihat pesan di bawah isian");
			sb_free(&err);
		} else if (a == A_BACK) {
			if (!changed || ui_confirm(u, "Isian berubah dan belum disimpan. Buang perubahan?")) {
				u->msg[0] = '\0';
				return 0;
			}
		} else if (a == A_OPEN || k == K_TAB || k == K_DOWN) {
			focus = (focus + 1) % n;
		} else if (k == K_BTAB || k == K_UP) {
			focus = (focus + n - 1) % n;
		} else if (k == ' ' && (f[focus].options || f[focus].def.type == T_CHOICE)) {
			pick(u, &f[focus]);
			changed = 1;
		} else if (f[focus].secret && k != K_BACKSPACE && k >= K_BASE) {
			;	/* a password is typed or erased, never edited in the middle unseen */
		} else if (ui_edit_key(&f[focus].le, k, &edited) && edited) {
			changed = 1;
			f[focus].err[0] = '\0';
		}
	}
}
