/* The field line every form and dialog draws, and the pick list of a field
 * filled from a list: one look for cluster forms, the patient form and the
 * small dialogs. */
#include "ui_priv.h"
#include <string.h>
#include <strings.h>

#define MAX_OPTIONS 64

int ui_field_width(const struct column_def *def)
{
	switch (def->type) {
	case T_DATE: return 11;
	case T_TIME: return 6;
	case T_YESNO: case T_SEX: case T_KASUS: return 2;
	case T_INT: case T_DEC: case T_BP: case T_ICD: return 8;
	case T_NIK: return 17;
	case T_BPJS: return 14;
	case T_KK: return 17;
	case T_PHONE: return 15;
	case T_RTRW: return 8;
	case T_TEXT: return def->maxlen > 0 && def->maxlen < 40 ? def->maxlen + 1 : 40;
	default: return 10;
	}
}

void ui_field_draw(struct ui *u, const struct field_look *f, int y, int label_w, int *cy, int *cx)
{
	const struct column_def *def = f->def;
	/* the label is cut before the required mark, never the mark */
	ui_text(y, 2, label_w - 2, def->label, f->focus ? A_BOLD : 0);
	if (def->required)
		ui_text(y, label_w, 1, "*", A_BOLD);
	int x = 2 + label_w + 1, room = COLS - x - 1;
	char shown[160] = "";
	if (f->value_only) {	/* computed: shown, never typed */
		ui_text(y, x, room, f->value_only[0] ? f->value_only : "-", A_BOLD);
		return;
	}
	int w = f->width < room ? f->width : room;
	struct lineedit stars;	/* a password: one star a character, edited like any field */
	struct lineedit *le = f->le;
	if (f->secret)
		le_mask(f->le, le = &stars);
	ui_edit(y, x, w, le, 0);
	if (f->focus) {
		*cy = y;
		*cx = x + le_view(le, w);
	}
	if (f->secret)
		return;
	if (dict_has_options(def)) {
		char norm[128];
		if (f->le->len && !dict_check(u->db, def, f->le->buf, norm, sizeof norm))
			dict_display(u->db, def, norm, shown, sizeof shown);
		else if (f->le->len && dict_complete(u->db, def, f->le->buf, norm, sizeof norm))
			dict_display(u->db, def, norm, shown + snprintf(shown, sizeof shown, "%s: ", norm),
				     sizeof shown - strlen(norm) - 2);
		else if (!f->le->len && f->focus)
			str_copy(shown, sizeof shown, "(Spasi: pilih)");
	} else if (def->unit[0]) {
		str_copy(shown, sizeof shown, def->unit);
	}
	if (f->beside && f->beside[0])
		str_copy(shown, sizeof shown, f->beside);
	ui_text(y, x + w + 1, COLS - x - w - 2, shown, A_DIM);
}

void ui_field_message(struct ui *u, int y, const char *msg)
{
	/* from the left margin, so the whole message fits 80 columns */
	ui_text(y, 4, COLS - 5, msg, u->color ? COLOR_PAIR(PAIR_ERR) | A_BOLD : A_BOLD);
}

/* A search field (options of its own): the one option found, the option
 * whose code was typed, or the one chosen from those found takes the field and
 * its label goes to note; none found (or none chosen) says so there. */
static int complete_search(struct ui *u, const struct column_def *def, struct lineedit *le, field_options_fn options,
			   char *note, size_t size)
{
	static char code[MAX_OPTIONS][24], label[MAX_OPTIONS][80];
	int n = options(u, le->buf, code, label, MAX_OPTIONS), k = n == 1 ? 0 : -1;
	for (int i = 0; i < n && k < 0; i++)
		if (strcasecmp(code[i], le->buf) == 0)
			k = i;
	if (k < 0 && n > 1) {
		char title[160];
		snprintf(title, sizeof title, "Pilih: %s (%d cocok dengan '%.20s')", def->label, n, le->buf);
		k = ui_pick(u, title, code, label, n, 0);
	}
	if (k >= 0) {
		le_set(le, code[k]);
		snprintf(note, size, "%s", label[k]);
		return 1;
	}
	if (n == 0)
		snprintf(note, size, "tidak ada yang cocok dengan '%.30s'", le->buf);
	else
		snprintf(note, size, "%d%s cocok, belum dipilih: tambah kata lalu Tab", n, n == MAX_OPTIONS ? " atau lebih" : "");
	return -1;
}

int ui_field_complete(struct ui *u, const struct column_def *def, struct lineedit *le, field_options_fn options,
		      char *note, size_t size)
{
	char norm[128];
	if (options && le->len && note)
		return complete_search(u, def, le, options, note, size);
	if (!options && dict_has_options(def) && le->len && dict_check(u->db, def, le->buf, norm, sizeof norm) &&
	    dict_complete(u->db, def, le->buf, norm, sizeof norm)) {
		char text[64];
		dict_edit_text(def, norm, text, sizeof text);
		le_set(le, text);
		return 1;
	}
	return 0;
}

int ui_field_pick(struct ui *u, const struct column_def *def, struct lineedit *le, field_options_fn options)
{
	static char code[MAX_OPTIONS][24], label[MAX_OPTIONS][80];
	int n = options ? options(u, le->buf, code, label, MAX_OPTIONS)
			: dict_options(u->db, def, code, label, MAX_OPTIONS);
	if (n <= 0) {
		ui_message(u, 1, "Tidak ada pilihan untuk '%s'", le->buf);
		return 0;
	}
	char norm[128] = "";
	if (le->len && dict_check(u->db, def, le->buf, norm, sizeof norm))
		str_copy(norm, sizeof norm, le->buf);
	int sel = 0;
	for (int i = 0; i < n; i++)
		if (strcmp(code[i], norm) == 0)
			sel = i;
	char title[96];
	snprintf(title, sizeof title, "Pilih: %s", def->label);
	int chosen = ui_pick(u, title, code, label, n, sel);
	if (chosen < 0)
		return 0;
	char text[64];
	dict_edit_text(def, code[chosen], text, sizeof text);
	le_set(le, text);
	return 1;
}
