/* One cluster form on screen, drawn from its definition in forms/: fields in
 * order, hidden ones skipped, computed ones shown read-only, messages under the
 * field, the whole form saved at once. */
#include "ui_priv.h"
#include <string.h>

#define LABEL_W 30
#define INPUT_X (2 + LABEL_W + 1)
#define MAX_OPTIONS 64

struct fscreen {
	const struct form *f;
	const struct visit_row *row;
	struct form_values vals;
	struct lineedit le[FORM_MAX_FIELDS];
	int focus, top, changed, stored;
};

static int picked_from_list(enum col_type t)
{
	return t == T_CHOICE || t == T_YESNO || t == T_UNIT || t == T_PAYER || t == T_SEX;
}

static int input_width(const struct form_field *fd)
{
	switch (fd->shown) {
	case T_DATE: return 11;
	case T_TIME: return 6;
	case T_YESNO: case T_SEX: case T_KASUS: return 2;
	case T_INT: case T_DEC: case T_BP: case T_ICD: return 8;
	case T_TEXT: return fd->def.maxlen < 40 ? fd->def.maxlen + 1 : 40;
	default: return 10;
	}
}

static int editable(const struct fscreen *s, int i)
{
	return s->f->f[i].def.type != T_CALC && form_visible(s->f, &s->vals, i);
}

/* The values the rules read: what is typed, in normal form where it is valid. */
static void refresh_values(struct ui *u, struct fscreen *s)
{
	for (int i = 0; i < s->f->n; i++) {
		if (s->f->f[i].def.type == T_CALC)
			continue;
		char norm[512];
		struct column_def def = s->f->f[i].def;
		def.required = 0;
		const char *why = dict_check(u->db, &def, s->le[i].buf, norm, sizeof norm);
		str_copy(s->vals.v[i], sizeof s->vals.v[i], why ? s->le[i].buf : norm);
	}
	form_compute(u->db, s->f, &s->row->v, &s->vals);
}

/* Next editable field from i in direction dir; i itself when there is none. */
static int step(const struct fscreen *s, int i, int dir)
{
	for (int k = i + dir; k >= 0 && k < s->f->n; k += dir)
		if (editable(s, k))
			return k;
	return i;
}

static void leave_field(struct ui *u, struct fscreen *s, int i)
{
	s->vals.err[i][0] = '\0';
	if (s->le[i].len)
		form_check_field(u->db, s->f, &s->vals, i);
	refresh_values(u, s);
}

/* Screen lines: each shown field, and its message line when it has one. */
static int layout(const struct fscreen *s, int *field, int *is_err, int max)
{
	int n = 0;
	for (int i = 0; i < s->f->n && n < max - 1; i++) {
		if (!form_visible(s->f, &s->vals, i))
			continue;
		field[n] = i;
		is_err[n++] = 0;
		if (s->vals.err[i][0]) {
			field[n] = i;
			is_err[n++] = 1;
		}
	}
	return n;
}

static void draw_field(struct ui *u, struct fscreen *s, int i, int y, int *cy, int *cx)
{
	const struct form_field *fd = &s->f->f[i];
	char shown[160];
	/* the label is cut before the required mark, never the mark */
	ui_text(y, 2, LABEL_W - 2, fd->def.label, i == s->focus ? A_BOLD : 0);
	if (fd->def.required)
		ui_text(y, 2 + LABEL_W - 2, 1, "*", A_BOLD);
	if (fd->def.type == T_CALC) {
		struct column_def def = fd->def;
		def.type = fd->shown;
		dict_display(u->db, &def, s->vals.v[i], shown, sizeof shown);
		ui_text(y, INPUT_X, COLS - INPUT_X - 1, shown[0] ? shown : "-", A_BOLD);
		return;
	}
	int w = input_width(fd);
	ui_edit(y, INPUT_X, w, &s->le[i], 0);
	if (i == s->focus) {
		*cy = y;
		*cx = INPUT_X + le_view(&s->le[i], w);
	}
	shown[0] = '\0';
	if (picked_from_list(fd->def.type))
		dict_display(u->db, &fd->def, s->vals.v[i], shown, sizeof shown);
	else if (fd->def.unit[0])
		str_copy(shown, sizeof shown, fd->def.unit);
	if (picked_from_list(fd->def.type) && !s->le[i].len && i == s->focus)
		str_copy(shown, sizeof shown, "(Spasi: pilih)");
	ui_text(y, INPUT_X + w + 1, COLS - INPUT_X - w - 2, shown, A_DIM);
}

static void draw(struct ui *u, struct fscreen *s)
{
	ui_frame(u, s->f->title, CTX_FORM);
	const struct visit_row *r = s->row;
	char line[512], target[160], day[11];
	int monthly = strcmp(s->f->key, "bulan") == 0;
	if (monthly)	/* the row holds the month's name, not a patient */
		snprintf(line, sizeof line, "%s", r->nama);
	else
		snprintf(line, sizeof line, "%s (No. RM %s) %c, %d th %d bl | unit %s | %s", r->nama, r->no_rm, r->sex,
			 r->v.age.years, r->v.age.months, r->v.unit, date_show(r->v.tanggal, day));
	ui_text(2, 2, COLS - 4, line, A_BOLD);
	if (monthly)
		str_copy(target, sizeof target, "satu isian per bulan");
	else
		form_describe_target(s->f, target, sizeof target);
	snprintf(line, sizeof line, "Untuk: %s. %s", target, s->stored ? "Sudah pernah disimpan." : "Belum diisi.");
	ui_text(3, 2, COLS - 4, line, A_DIM);
	int field[2 * FORM_MAX_FIELDS], is_err[2 * FORM_MAX_FIELDS];
	int n = layout(s, field, is_err, 2 * FORM_MAX_FIELDS), rows = LINES - 9, focus_line = 0;
	for (int k = 0; k < n; k++)
		if (field[k] == s->focus) {
			focus_line = k;
			break;
		}
	ui_list_scroll(focus_line + (focus_line + 1 < n && is_err[focus_line + 1]), &s->top, rows);
	ui_list_scroll(focus_line, &s->top, rows);
	int cy = 0, cx = 0;
	for (int k = s->top; k < n && k - s->top < rows; k++) {
		int y = 5 + k - s->top;
		if (is_err[k])	/* from the left margin, so the whole message fits 80 columns */
			ui_text(y, 4, COLS - 5, s->vals.err[field[k]],
				u->color ? COLOR_PAIR(PAIR_ERR) | A_BOLD : A_BOLD);
		else
			draw_field(u, s, field[k], y, &cy, &cx);
	}
	if (s->top > 0)
		ui_text(4, COLS - 22, 20, "  (lebih ke atas)", A_DIM);
	if (s->top + rows < n)
		ui_text(5 + rows, COLS - 22, 20, "  (lebih ke bawah)", A_DIM);
	const struct column_def *d = &s->f->f[s->focus].def;
	snprintf(line, sizeof line, "%s: %s", d->label, d->help);
	ui_text(LINES - 3, 2, COLS - 3, line, A_DIM);
	move(cy, cx);
	curs_set(1);
	refresh();
}

static void pick_field(struct ui *u, struct fscreen *s)
{
	const struct column_def *def = &s->f->f[s->focus].def;
	static char code[MAX_OPTIONS][24], label[MAX_OPTIONS][80];
	int n = dict_options(u->db, def, code, label, MAX_OPTIONS), sel = 0;
	for (int i = 0; i < n; i++)
		if (strcmp(code[i], s->vals.v[s->focus]) == 0)
			sel = i;
	char title[96];
	snprintf(title, sizeof title, "Pilih: %s", def->label);
	int chosen = ui_pick(u, title, code, label, n, sel);
	if (chosen >= 0) {
		char text[64];
		dict_edit_text(def, code[chosen], text, sizeof text);
		le_set(&s->le[s->focus], text);
		s->changed = 1;
		leave_field(u, s, s->focus);
	}
}

static int save(struct ui *u, struct fscreen *s)
{
	refresh_values(u, s);
	struct sbuf err = { 0 };
	int rc = form_save(u->db, s->f, &s->row->v, &s->vals, &err);
	if (rc == 0) {
		ui_message(u, 0, "%s tersimpan", s->f->title);
	} else {
		ui_message(u, 1, "Tidak tersimpan: %s", sb_str(&err));
		for (int i = 0; i < s->f->n; i++)
			if (s->vals.err[i][0] && form_visible(s->f, &s->vals, i)) {
				s->focus = s->f->f[i].def.type == T_CALC ? step(s, i, -1) : i;
				break;
			}
		refresh_values(u, s);	/* keep what was typed, not the partly normalised copy */
	}
	sb_free(&err);
	return rc == 0;
}

int ui_form(struct ui *u, const struct form *f, const struct visit_row *row)
{
	static struct fscreen s;
	memset(&s, 0, sizeof s);
	s.f = f;
	s.row = row;
	s.stored = form_read(u->db, f, row->v.id, &s.vals) == 1;
	for (int i = 0; i < f->n; i++) {
		char text[512];
		dict_edit_text(&f->f[i].def, s.vals.v[i], text, sizeof text);
		s.le[i].max = sizeof s.vals.v[i] - 1;
		le_set(&s.le[i], text);
	}
	refresh_values(u, &s);
	s.focus = editable(&s, 0) ? 0 : step(&s, 0, 1);
	u->msg[0] = '\0';
	for (;;) {
		draw(u, &s);
		int k = ui_key(u), changed = 0;
		if (k == K_RESIZE)
			continue;
		enum action a = action_for_key(k, CTX_FORM);
		int last = step(&s, s.focus, 1) == s.focus;
		if (a == A_HELP) {
			ui_help(u);
		} else if (a == A_SAVE || (a == A_OPEN && last)) {
			if (save(u, &s))
				return 1;
		} else if (a == A_BACK) {
			if (!s.changed || ui_confirm(u, "Isian berubah dan belum disimpan. Buang perubahan?")) {
				u->msg[0] = '\0';
				return 0;
			}
		} else if (a == A_OPEN || k == K_DOWN || k == K_TAB || k == K_UP || k == K_BTAB || k == K_PGDN ||
			   k == K_PGUP) {
			int dir = k == K_UP || k == K_BTAB || k == K_PGUP ? -1 : 1;
			int next = s.focus;
			for (int n = k == K_PGDN || k == K_PGUP ? (LINES - 9) / 2 : 1; n > 0; n--)
				next = step(&s, next, dir);
			leave_field(u, &s, s.focus);
			s.focus = editable(&s, next) ? next : step(&s, s.focus, 1);
		} else if (k == ' ' && picked_from_list(f->f[s.focus].def.type)) {
			pick_field(u, &s);
		} else if (ui_edit_key(&s.le[s.focus], k, &changed) && changed) {
			s.changed = 1;
			s.vals.err[s.focus][0] = '\0';
			refresh_values(u, &s);
		}
		if (!editable(&s, s.focus))
			s.focus = step(&s, s.focus, 1) != s.focus ? step(&s, s.focus, 1) : step(&s, s.focus, -1);
	}
}
