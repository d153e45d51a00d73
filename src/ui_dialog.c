/* Dialogs of dictionary fields (the patient form, pharmacy receipts, issues,
 * stock-takes, prescription lines, users, the log-in): labels and help from
 * kamus, Space for a pick list, each field checked as the cursor leaves it,
 * the core's message under the field, nothing lost when a save fails. Moves,
 * Enter and scrolling are the forms' own (pkm/formnav.h). */
#include "ui_priv.h"
#include "pkm/formnav.h"
#include <string.h>

#define LABEL_W 24
#define MAX_LINES 128

struct dlg {
	struct dlg_field *f;
	struct formnav nav;
	int intro_lines;
};

static int has_message(const void *ctx, int i)
{
	const struct dlg *d = ctx;
	return d->f[i].err[0] != '\0';
}

static void draw(struct ui *u, unsigned ctx, const char *title, const char *intro, struct dlg *d)
{
	ui_frame(u, title, ctx);
	d->intro_lines = 0;
	for (const char *s = intro; d->intro_lines < 4;) {	/* a 4th: what P-Care said of a card */
		size_t len = strcspn(s, "\n");
		char line[400];
		str_copy(line, sizeof line < len + 1 ? sizeof line : len + 1, s);
		int later = 0;	/* a sentence wraps, never pushing the lines after it off */
		for (const char *t = s + len; *t; t++)
			later += *t == '\n';
		int rows = utf8_width(line) > COLS - 4 && d->intro_lines + 2 + later <= 4 ? 2 : 1;
		ui_text_wrap(2 + d->intro_lines, 2, COLS - 4, rows, line, d->intro_lines ? 0 : A_BOLD);
		d->intro_lines += rows;
		if (!s[len])
			break;
		s += len + 1;
	}
	int first = 3 + d->intro_lines, field[MAX_LINES], is_msg[MAX_LINES], rows = LINES - 5 - first;
	int n = nav_scroll(&d->nav, rows, field, is_msg, MAX_LINES), cy = 0, cx = 0;
	for (int k = d->nav.top; k < n && k - d->nav.top < rows; k++) {
		int y = first + k - d->nav.top;
		struct dlg_field *f = &d->f[field[k]];
		if (is_msg[k]) {
			ui_field_message(u, y, f->err);
			continue;
		}
		int w = ui_field_width(&f->def);
		struct field_look look = { .def = &f->def, .le = &f->le, .width = w, .focus = field[k] == d->nav.focus,
					   .secret = f->secret, .beside = f->beside };
		ui_field_draw(u, &look, y, LABEL_W, &cy, &cx);
	}
	if (d->nav.top > 0)
		ui_text(first - 1, COLS - 22, 20, "  (lebih ke atas)", A_DIM);
	if (d->nav.top + rows < n)
		ui_text(first + rows, COLS - 22, 20, "  (lebih ke bawah)", A_DIM);
	const struct dlg_field *f = &d->f[d->nav.focus];
	char help[320];
	snprintf(help, sizeof help, "%s: %s", f->def.label, f->def.help ? f->def.help : "");
	ui_text_wrap(LINES - 4, 2, COLS - 3, 2, help, A_DIM);
	move(cy, cx);
	curs_set(1);
	refresh();
}

/* A dictionary field is checked as the cursor leaves it; the save checks all. */
static void leave(struct ui *u, struct dlg_field *f)
{
	if (!f->table || !f->le.len)
		return;
	char out[512], note[160];
	int found = ui_field_complete(u, &f->def, &f->le, f->options, note, sizeof note);
	if (f->options) {	/* a search: what it found beside the field, or why nothing */
		str_copy(f->beside, sizeof f->beside, found > 0 ? note : "");
		str_copy(f->err, sizeof f->err, found < 0 ? note : "");
		return;
	}
	struct column_def def = f->def;
	def.required = 0;
	const char *err = dict_check(u->db, &def, f->le.buf, out, sizeof out);
	str_copy(f->err, sizeof f->err, err ? err : "");
}

/* A refused password (one has a message) is typed again whole, every password
 * field of the dialog from the first, never added to what was refused. */
static void refuse_passwords(struct dlg *d, int n)
{
	int refused = 0, first = -1;
	for (int i = 0; i < n; i++)
		refused |= d->f[i].secret && d->f[i].err[0];
	for (int i = n - 1; i >= 0 && refused; i--)
		if (d->f[i].secret) {
			le_set(&d->f[i].le, "");
			first = i;
		}
	if (first >= 0 && d->f[d->nav.focus].secret)
		d->nav.focus = first;
}

/* Save: every field's message from the core, the cursor on the first one. */
static int save(struct ui *u, unsigned keys, struct dlg *d, int n, dlg_save_fn fn, void *ctx)
{
	struct field_errors fe = { 0 };
	struct sbuf err = { 0 };
	int rc = fn(u, d->f, ctx, &fe, &err), first = -1;
	for (int i = 0; i < n; i++) {
		const char *m = field_error_for(&fe, d->f[i].name);
		str_copy(d->f[i].err, sizeof d->f[i].err, m ? m : "");
		if (m && first < 0)
			first = i;
	}
	if (rc == 0) {
		sb_free(&err);
		return 1;
	}
	if (first >= 0)
		d->nav.focus = first;
	refuse_passwords(d, n);
	if (rc < 0)	/* rc > 0: the save told the user itself (a question answered no) */
		ui_message(u, 1, "%s: %s", keys == CTX_LOGIN ? "Belum masuk" : keys == CTX_FILTER ? "Belum ditampilkan"
											: "Tidak tersimpan",
			   err.len ? sb_str(&err) : "lihat pesan di bawah isian");
	sb_free(&err);
	return 0;
}

int ui_dialog(struct ui *u, const char *title, const char *intro, struct dlg_field *f, int n, dlg_save_fn save_fn,
	      void *ctx)
{
	return ui_dialog_in(u, CTX_FORM, title, intro, f, n, save_fn, ctx);
}

int ui_dialog_in(struct ui *u, unsigned keys, const char *title, const char *intro, struct dlg_field *f, int n,
		 dlg_save_fn save_fn, void *ctx)
{
	for (int i = 0; i < n; i++)
		if (f[i].table && dict_get(u->db, f[i].table, f[i].column, &f[i].def) != 0)
			str_copy(f[i].def.label, sizeof f[i].def.label, f[i].column);
	struct dlg d = { .f = f, .nav = { .n = n, .has_message = has_message, .enter_saves = !!(keys & DLG_ENTER_SAVES) } };
	d.nav.ctx = &d;
	keys &= ~(unsigned)DLG_ENTER_SAVES;
	nav_first(&d.nav);
	ui_field_enter(&f[d.nav.focus].def, &f[d.nav.focus].le, f[d.nav.focus].options);
	int changed = 0;
	u->msg[0] = '\0';
	for (;;) {
		draw(u, keys, title, intro, &d);
		int k = ui_key(u), left;
		if (k == K_RESIZE)
			continue;
		enum action a = action_for_key(k, keys);
		struct dlg_field *cur = &f[d.nav.focus];
		if (a == A_HELP) {
			ui_help(u);
			continue;
		}
		switch (nav_key(&d.nav, k, a, (LINES - 9) / 2, &left)) {
		case NAV_SAVE:
			leave(u, cur);
			if (save(u, keys, &d, n, save_fn, ctx))
				return 1;
			break;
		case NAV_CANCEL:
			if (!changed || ui_confirm(u, "Isian berubah dan belum disimpan. Buang perubahan?")) {
				u->msg[0] = '\0';
				return 0;
			}
			break;
		case NAV_MOVED:
			leave(u, &f[left]);
			ui_field_enter(&f[d.nav.focus].def, &f[d.nav.focus].le, f[d.nav.focus].options);
			break;
		case NAV_STAY:
			leave(u, cur);
			break;
		case NAV_NONE:
			if (ui_field_key(u, &cur->def, &cur->le, cur->options, k) >= FIELD_TYPED) {
				changed = 1;
				cur->err[0] = '\0';
				cur->beside[0] = '\0';
			}
		}
	}
}
