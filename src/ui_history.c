/* Riwayat pasien: every visit of a patient, newest first, with what the role
 * may see of it; Enter shows a filled form of that visit, read only. */
#include "ui_priv.h"
#include <stdlib.h>
#include <string.h>

/* The filled forms of one visit, as a pick list; returns how many. */
static int filled_forms(struct ui *u, const struct visit_summary *h, char sex, int *which, int max)
{
	int n = 0;
	for (int i = 0; i < u->forms.n && n < max; i++) {
		const struct form *f = &u->forms.forms[i];
		if (strcmp(f->key, "kunjungan_id") == 0 && form_applies(f, h->v.unit, sex, &h->v.age) &&
		    form_filled(u->db, f, h->v.id) == 1)
			which[n++] = i;
	}
	return n;
}

static void show_form(struct ui *u, const struct visit_summary *h, char sex)
{
	static char code[16][24], label[16][80];
	int which[16];
	int n = filled_forms(u, h, sex, which, 16);
	if (!n) {
		ui_message(u, 0, "Tidak ada formulir yang diisi pada kunjungan ini");
		return;
	}
	for (int i = 0; i < n; i++) {
		snprintf(code[i], sizeof code[i], "%d", i + 1);	/* the form's id is for the program */
		str_copy(label[i], sizeof label[i], u->forms.forms[which[i]].title);
	}
	int pick = n == 1 ? 0 : ui_pick(u, "Formulir kunjungan ini", code, label, n, 0);
	if (pick < 0)
		return;
	struct sbuf text = { 0 };
	char day[11], title[160];
	form_text(u->db, &u->forms.forms[which[pick]], h->v.id, &text);
	snprintf(title, sizeof title, "%s, %s %s (hanya dibaca)", u->forms.forms[which[pick]].title,
		 date_show(h->v.tanggal, day), h->v.unit);
	ui_view_text(u, title, NULL, sb_str(&text), text.len, "formulir.txt");
	sb_free(&text);
}

void ui_history(struct ui *u, const struct patient *p)
{
	struct visit_summary *h = NULL;
	int n = visit_history(u->db, p->id, &h);
	if (n < 0) {
		ui_message(u, 1, "Riwayat tidak terbaca");
		return;
	}
	int sel = 0, top = 0;
	for (;;) {
		char title[320];
		snprintf(title, sizeof title, "Riwayat %s (No. RM %s): %d kunjungan", p->nama, p->no_rm, n);
		ui_frame(u, title, CTX_PICK);
		if (action_rights() & R_CLINICAL)	/* clinical data: not the registration desk's */
			ui_allergies(u, p->id);
		int rows = LINES - 6;
		ui_list_scroll(sel, &top, rows);
		if (!n)
			ui_text(3, 2, COLS - 4, "Belum ada kunjungan.", 0);
		for (int i = 0; i < rows && top + i < n; i++) {
			const struct visit_summary *x = &h[top + i];
			/* the roles rule as elsewhere: clinical data of the user's own units only */
			int clinical = user_sees_unit(&u->user, x->v.unit), resep = user_sees_resep(&u->user, x->v.unit);
			char line[800], day[11];
			snprintf(line, sizeof line, "%s %-7s %s%s%s%s%s", date_show(x->v.tanggal, day), x->v.unit,
				 x->v.batal[0] ? "BATAL: " : "", x->v.batal[0] ? x->v.batal : "",
				 clinical && !x->v.batal[0] ? (x->diag[0] ? x->diag : "tanpa diagnosis") : "",
				 resep && x->resep[0] ? " | resep: " : "", resep ? x->resep : "");
			ui_text(2 + i, 2, COLS - 4, line, top + i == sel ? ui_attr_sel(u) : 0);
		}
		ui_text(LINES - 3, 2, COLS - 4, "Enter: formulir kunjungan terpilih (hanya dibaca). Esc: kembali.", A_DIM);
		refresh();
		int k = ui_key(u);
		if (k == K_RESIZE)
			continue;
		enum action a = action_for_key(k, CTX_PICK);
		if (a == A_HELP)
			ui_help(u);
		else if (a == A_BACK)
			break;
		else if (a == A_OPEN && n && user_sees_unit(&u->user, h[sel].v.unit))
			show_form(u, &h[sel], p->sex);
		else if (a == A_OPEN && n)
			ui_message(u, 1, "Formulir unit %s hanya untuk tenaga kesehatan unit itu", h[sel].v.unit);
		else
			ui_list_move(k, &sel, n, rows);
	}
	free(h);
	u->msg[0] = '\0';
}
