/* One cluster form on screen, drawn from its definition in forms/: fields in
 * order, hidden ones skipped, computed ones shown read-only, messages under the
 * field, the whole form saved at once. */
#include "ui_priv.h"
#include "pkm/formnav.h"
#include <string.h>

#define LABEL_W 30
#define INPUT_X (2 + LABEL_W + 1)

struct fscreen {
	const struct form *f;
	const struct visit_row *row;
	struct form_values vals;
	struct lineedit le[FORM_MAX_FIELDS];
	struct formnav nav;
	int changed, stored;
	char carried[11];	/* the visit a new form was filled from ("" none) */
};

static int usable(const void *ctx, int i)
{
	const struct fscreen *s = ctx;
	return s->f->f[i].def.type != T_CALC && form_visible(s->f, &s->vals, i);
}
static int shown(const void *ctx, int i)
{
	const struct fscreen *s = ctx;
	return form_visible(s->f, &s->vals, i);
}
static int has_message(const void *ctx, int i)
{
	const struct fscreen *s = ctx;
	return s->vals.err[i][0] != '\0';
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

static void leave_field(struct ui *u, struct fscreen *s, int i)
{
	s->vals.err[i][0] = '\0';
	ui_field_complete(u, &s->f->f[i].def, &s->le[i], NULL, NULL, 0);
	if (s->le[i].len)
		form_check_field(u->db, s->f, &s->vals, i);
	refresh_values(u, s);
}

static void draw_field(struct ui *u, struct fscreen *s, int i, int y, int *cy, int *cx)
{
	const struct form_field *fd = &s->f->f[i];
	char shown[160];
	struct field_look look = { .def = &fd->def, .le = &s->le[i], .width = ui_field_width(&fd->def),
				   .focus = i == s->nav.focus };
	if (fd->def.type == T_CALC) {
		struct column_def def = fd->def;
		def.type = fd->shown;
		if (fd->shown == T_DATE)	/* dates on screen are DD-MM-YYYY, as typed */
			date_show(s->vals.v[i], shown);
		else
			dict_display(u->db, &def, s->vals.v[i], shown, sizeof shown);
		look.value_only = shown;
	}
	ui_field_draw(u, &look, y, LABEL_W, cy, cx);
}

static void draw(struct ui *u, struct fscreen *s)
{
	ui_frame(u, s->f->title, CTX_FORM);
	const struct visit_row *r = s->row;
	char line[512], target[160], day[11], age[32];
	int monthly = strcmp(s->f->key, "bulan") == 0;
	if (monthly)	/* the row holds the month's name, not a patient */
		snprintf(line, sizeof line, "%s", r->nama);
	else
		snprintf(line, sizeof line, "%s (No. RM %s) %c, %s | unit %s | %s", r->nama, r->no_rm, r->sex,
			 age_show(&r->v.age, age, sizeof age), r->v.unit, date_show(r->v.tanggal, day));
	ui_text(2, 2, COLS - 4, line, A_BOLD);
	if (!monthly)
		ui_allergies(u, r->v.pasien_id);
	if (monthly)
		str_copy(target, sizeof target, "satu isian per bulan");
	else
		form_describe_target(s->f, target, sizeof target);
	snprintf(line, sizeof line, "Untuk: %s. %s", target, s->stored ? "Sudah pernah disimpan." : "Belum diisi.");
	ui_text(3, 2, COLS - 4, line, A_DIM);
	if (!s->stored && s->carried[0]) {	/* what does not change is brought from the last visit */
		char day2[11];
		snprintf(line, sizeof line, "Sebagian diisi dari kunjungan %s: periksa.", date_show(s->carried, day2));
		ui_text(4, 2, COLS - 26, line, A_BOLD);
	}
	int field[2 * FORM_MAX_FIELDS], is_err[2 * FORM_MAX_FIELDS], rows = LINES - 9;
	int n = nav_scroll(&s->nav, rows, field, is_err, 2 * FORM_MAX_FIELDS);
	int cy = 0, cx = 0;
	for (int k = s->nav.top; k < n && k - s->nav.top < rows; k++) {
		int y = 5 + k - s->nav.top;
		if (is_err[k])
			ui_field_message(u, y, s->vals.err[field[k]]);
		else
			draw_field(u, s, field[k], y, &cy, &cx);
	}
	if (s->nav.top > 0)
		ui_text(4, COLS - 22, 20, "  (lebih ke atas)", A_DIM);
	if (s->nav.top + rows < n)
		ui_text(5 + rows, COLS - 22, 20, "  (lebih ke bawah)", A_DIM);
	const struct column_def *d = &s->f->f[s->nav.focus].def;
	snprintf(line, sizeof line, "%s: %s", d->label, d->help ? d->help : "");
	ui_text(LINES - 3, 2, COLS - 3, line, A_DIM);
	move(cy, cx);
	curs_set(1);
	refresh();
}

/* Entries the schedule calls impossible are asked about, one at a time. */
static int warnings_accepted(struct ui *u, struct fscreen *s)
{
	struct sbuf w = { 0 };
	if (form_check_all(u->db, s->f, &s->row->v, &s->vals) == 0)
		form_warnings(u->db, s->f, &s->row->v, &s->vals, &w);
	return ui_warnings_accepted(u, &w);
}

static int save(struct ui *u, struct fscreen *s)
{
	refresh_values(u, s);
	if (!warnings_accepted(u, s)) {
		refresh_values(u, s);
		return 0;
	}
	struct sbuf err = { 0 };
	int rc = form_save(u->db, s->f, &s->row->v, &s->vals, &err);
	if (rc == 0) {
		ui_message(u, 0, "%s tersimpan%s%s", s->f->title, s->vals.note[0] ? "; " : "", s->vals.note);
	} else {
		ui_message(u, 1, "Tidak tersimpan: %s", sb_str(&err));
		for (int i = 0; i < s->f->n; i++)
			if (s->vals.err[i][0] && form_visible(s->f, &s->vals, i)) {
				s->nav.focus = s->f->f[i].def.type == T_CALC ? nav_step(&s->nav, i, -1) : i;
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
	s.nav = (struct formnav){ .n = f->n, .usable = usable, .shown = shown, .has_message = has_message, .ctx = &s };
	s.stored = form_read(u->db, f, row->v.id, &s.vals) == 1;
	if (!s.stored && form_carry(u->db, f, &row->v, &s.vals, s.carried) != 1)
		s.carried[0] = '\0';
	for (int i = 0; i < f->n; i++) {
		char text[512];
		dict_edit_text(&f->f[i].def, s.vals.v[i], text, sizeof text);
		s.le[i].max = sizeof s.vals.v[i] - 1;
		le_set(&s.le[i], text);
	}
	refresh_values(u, &s);
	nav_first(&s.nav);
	ui_field_enter(&f->f[s.nav.focus].def, &s.le[s.nav.focus], NULL);
	u->msg[0] = '\0';
	for (;;) {
		draw(u, &s);
		int k = ui_key(u), left;
		if (k == K_RESIZE)
			continue;
		enum action a = action_for_key(k, CTX_FORM);
		int i = s.nav.focus;
		if (a == A_HELP) {
			ui_help(u);
			continue;
		}
		switch (nav_key(&s.nav, k, a, (LINES - 9) / 2, &left)) {
		case NAV_SAVE:
			ui_field_complete(u, &f->f[i].def, &s.le[i], NULL, NULL, 0);
			if (save(u, &s))
				return 1;
			break;
		case NAV_CANCEL:
			if (!s.changed || ui_confirm(u, "Isian berubah dan belum disimpan. Buang perubahan?")) {
				u->msg[0] = '\0';
				return 0;
			}
			break;
		case NAV_MOVED:
			leave_field(u, &s, left);
			ui_field_enter(&f->f[s.nav.focus].def, &s.le[s.nav.focus], NULL);
			break;
		case NAV_STAY:	/* no field further: still checked, as on leaving */
			leave_field(u, &s, i);
			break;
		case NAV_NONE:
			switch (ui_field_key(u, &f->f[i].def, &s.le[i], NULL, k)) {
			case FIELD_PICKED:
				s.changed = 1;
				leave_field(u, &s, i);
				break;
			case FIELD_TYPED:
				s.changed = 1;
				s.vals.err[i][0] = '\0';
				refresh_values(u, &s);
				break;
			}
		}
		nav_settle(&s.nav);
	}
}
