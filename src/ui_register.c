/* Pendaftaran: find a patient as you type, register a new one, open today's visit. */
#include "ui_priv.h"
#include "pkm/dict.h"
#include <string.h>

#define MAX_FOUND 200

/* ---- new patient form ---- */

enum { F_NAMA, F_SEX, F_TGL, F_UMUR, F_NIK, F_BPJS, F_PAYER, F_ALAMAT, F_DESA, F_COUNT };
static const struct {
	const char *column;
	int width;
} fields[F_COUNT] = {
	{ "nama", 40 }, { "jenis_kelamin", 0 }, { "tanggal_lahir", 12 }, { "umur", 4 }, { "nik", 18 },
	{ "no_bpjs", 15 }, { "penjamin", 0 }, { "alamat", 50 }, { "desa", 30 },
};

struct pform {
	struct lineedit le[F_COUNT];
	struct choice sex, payer;
	struct column_def def[F_COUNT];
	char err[F_COUNT][200];
	int focus, changed;
};

static struct choice *pform_choice(struct pform *f, int i)
{
	return i == F_SEX ? &f->sex : i == F_PAYER ? &f->payer : NULL;
}

static void pform_draw(struct ui *u, struct pform *f)
{
	ui_frame(u, "Pasien baru", CTX_FORM);
	int focus_y = 0, focus_x = 0;
	for (int i = 0; i < F_COUNT; i++) {
		int y = 2 + i * 2;
		const struct column_def *def = &f->def[i];
		int req = def->required || i == F_TGL;
		char label[64];
		snprintf(label, sizeof label, "%s%s", def->label, req ? " *" : "");
		ui_text(y, 2, 17, label, i == f->focus ? A_BOLD : 0);
		struct choice *c = pform_choice(f, i);
		if (c) {
			char v[96];
			snprintf(v, sizeof v, "< %s >", c->sel < 0 ? "pilih" : c->label[c->sel]);
			ui_text(y, 20, 40, v, i == f->focus ? A_REVERSE : A_UNDERLINE);
			if (i == f->focus) {
				focus_y = y;
				focus_x = 22;
			}
		} else {
			ui_edit(y, 20, fields[i].width, &f->le[i], 0);
			if (i == f->focus) {
				focus_y = y;
				focus_x = 20 + le_view(&f->le[i], fields[i].width);
			}
		}
		if (f->err[i][0])	/* from the label column: a NIK message needs the width */
			ui_text(y + 1, 4, COLS - 5, f->err[i], u->color ? COLOR_PAIR(PAIR_ERR) | A_BOLD : A_BOLD);
	}
	ui_text(20, 2, COLS - 3, f->def[f->focus].help, A_DIM);
	move(focus_y, focus_x);
	curs_set(pform_choice(f, f->focus) ? 0 : 1);
	refresh();
}

/* Check one field as the cursor leaves it. */
static void pform_check_field(struct ui *u, struct pform *f, int i)
{
	f->err[i][0] = '\0';
	if (pform_choice(f, i) || !f->le[i].len)
		return;
	char out[256];
	const char *err = dict_check(u->db, &f->def[i], f->le[i].buf, out, sizeof out);
	if (err)
		str_copy(f->err[i], sizeof f->err[i], err);
}

/* The possible-duplicate list: returns the chosen index, -1 to go back to the
 * form, -2 to save as a new patient anyway. */
static int dup_dialog(struct ui *u, const struct patient *d, int n)
{
	int sel = 0;
	for (;;) {
		ui_frame(u, "Kemungkinan pasien yang sama", CTX_PICK | CTX_FORM);
		ui_text(2, 2, COLS - 4, "Pasien berikut mungkin orang yang sama. Enter: pakai pasien terpilih;", 0);
		ui_text(3, 2, COLS - 4, "F2/^S: tetap simpan sebagai pasien baru; Esc: kembali ke isian.", 0);
		for (int i = 0; i < n && 5 + i < LINES - 3; i++) {
			char line[512], born[11];
			snprintf(line, sizeof line, "%-8s %-28.28s %c %s  NIK %-16s BPJS %s", d[i].no_rm, d[i].nama, d[i].sex,
				 date_show(d[i].tanggal_lahir, born), d[i].nik[0] ? d[i].nik : "-",
				 d[i].no_bpjs[0] ? d[i].no_bpjs : "-");
			ui_text(5 + i, 2, COLS - 4, line, i == sel ? ui_attr_sel(u) : 0);
		}
		curs_set(0);
		refresh();
		int k = ui_key(u);
		enum action a = action_for_key(k, CTX_PICK | CTX_FORM);
		if (a == A_HELP)
			ui_help(u);
		else if (a == A_OPEN)
			return sel;
		else if (a == A_SAVE)
			return -2;
		else if (a == A_BACK)
			return -1;
		else
			ui_list_move(k, &sel, n, 10);
	}
}

/* Validate and save. 1 with *out set when the desk should go on with a patient
 * (new, or an existing one found by NIK or chosen from the duplicates). */
static int pform_save(struct ui *u, struct pform *f, struct patient *out)
{
	struct patient_input in = {
		.nama = f->le[F_NAMA].buf, .jenis_kelamin = choice_code(&f->sex), .tanggal_lahir = f->le[F_TGL].buf,
		.umur = f->le[F_UMUR].buf, .nik = f->le[F_NIK].buf, .no_bpjs = f->le[F_BPJS].buf,
		.penjamin = choice_code(&f->payer), .alamat = f->le[F_ALAMAT].buf, .desa = f->le[F_DESA].buf,
	};
	struct field_errors fe;
	char warning[160];
	struct patient p;
	int bad = patient_check(u->db, &in, &p, &fe, warning, sizeof warning) != 0;
	int first = -1;
	for (int i = 0; i < F_COUNT; i++) {
		const char *e = field_error_for(&fe, fields[i].column);
		str_copy(f->err[i], sizeof f->err[i], e ? e : "");
		if (e && first < 0)
			first = i;
	}
	if (bad) {
		f->focus = first >= 0 ? first : f->focus;
		ui_message(u, 1, "Isian belum benar: periksa kolom yang ditandai. Belum ada yang disimpan.");
		return 0;
	}
	if (p.nik[0] && patient_by_nik(u->db, p.nik, out) == 1) {
		/* the registered patient beside what was typed: the clerk compares and
		 * chooses, and going back keeps every field */
		pform_draw(u, f);
		char line[640], b1[11], b2[11];
		snprintf(line, sizeof line, "NIK ini milik No. RM %s: %s, %s, lahir %s", out->no_rm,
			 out->nama, dict_sex_label(out->sex), date_show(out->tanggal_lahir, b1));
		ui_text(LINES - 4, 2, COLS - 4, line, A_BOLD);
		snprintf(line, sizeof line, "Yang diketik: %s, %s, lahir %s", p.nama, dict_sex_label(p.sex),
			 date_show(p.tanggal_lahir, b2));
		ui_text(LINES - 3, 2, COLS - 4, line, A_BOLD);
		if (ui_confirm(u, "Buka pasien yang terdaftar? t = kembali ke isian")) {
			ui_message(u, 0, "Membuka pasien %s (No. RM %s)", out->nama, out->no_rm);
			return 1;
		}
		f->focus = F_NIK;
		snprintf(f->err[F_NIK], sizeof f->err[F_NIK], "NIK ini milik %.60s (No. RM %s)", out->nama, out->no_rm);
		ui_message(u, 1, "Isian tetap ada: periksa NIK, atau simpan lagi untuk membuka pasien itu.");
		return 0;
	}
	struct patient dups[8];
	int nd = patient_duplicates(u->db, &p, dups, 8);
	if (nd > 0) {
		int pick = dup_dialog(u, dups, nd);
		if (pick >= 0) {
			*out = dups[pick];
			return 1;
		}
		if (pick == -1)
			return 0;
	}
	if (warning[0]) {
		pform_draw(u, f);
		char q[256];
		snprintf(q, sizeof q, "%s. Simpan juga?", warning);
		if (!ui_confirm(u, q))
			return 0;
	}
	struct sbuf err = { 0 };
	int rc = patient_save_new(u->db, &p, &err);
	if (rc != 0)
		ui_message(u, 1, "Tidak tersimpan: %s. Isian tetap ada; coba simpan lagi.", sb_str(&err));
	else
		ui_message(u, 0, "Pasien %s tersimpan dengan No. RM %s", p.nama, p.no_rm);
	sb_free(&err);
	if (rc == 0)
		*out = p;
	return rc == 0;
}

/* Fill the form; a search text is carried over as the NIK or the name. */
static int patient_form(struct ui *u, const char *query, struct patient *out)
{
	struct pform f;
	memset(&f, 0, sizeof f);
	for (int i = 0; i < F_COUNT; i++) {
		f.le[i].max = 200;
		dict_get(u->db, "pasien", fields[i].column, &f.def[i]);
	}
	f.sex.n = 2;
	f.sex.sel = -1;
	strcpy(f.sex.code[0], "L");
	strcpy(f.sex.label[0], "L (laki-laki)");
	strcpy(f.sex.code[1], "P");
	strcpy(f.sex.label[1], "P (perempuan)");
	choice_load(u, &f.payer, "penjamin");
	choice_set(&f.payer, "UMUM");
	le_set(&f.le[str_is_digits(query) && strlen(query) == 16 ? F_NIK : F_NAMA],
	       str_is_digits(query) && strlen(query) != 16 ? "" : query);
	u->msg[0] = '\0';
	for (;;) {
		pform_draw(u, &f);
		int k = ui_key(u), changed = 0;
		if (k == K_RESIZE)
			continue;
		enum action a = action_for_key(k, CTX_FORM);
		int next = f.focus;
		if (a == A_HELP) {
			ui_help(u);
			continue;
		}
		if (a == A_SAVE || (a == A_OPEN && f.focus == F_COUNT - 1)) {
			pform_check_field(u, &f, f.focus);
			if (pform_save(u, &f, out))
				return 1;
			continue;
		}
		if (a == A_BACK) {
			if (!f.changed || ui_confirm(u, "Isian belum disimpan. Batalkan isian ini?")) {
				u->msg[0] = '\0';
				return 0;
			}
			continue;
		}
		if (a == A_OPEN || k == K_TAB || k == K_DOWN)
			next = (f.focus + 1) % F_COUNT;
		else if (k == K_BTAB || k == K_UP)
			next = (f.focus + F_COUNT - 1) % F_COUNT;
		else if (pform_choice(&f, f.focus))
			changed = choice_key(pform_choice(&f, f.focus), k);
		else
			ui_edit_key(&f.le[f.focus], k, &changed);
		f.changed |= changed;
		if (next != f.focus) {
			pform_check_field(u, &f, f.focus);
			f.focus = next;
		}
	}
}

/* ---- today's visit for a patient ---- */

int ui_visit_dialog(struct ui *u, const struct patient *p)
{
	struct choice unit, payer;
	choice_load(u, &unit, "unit");
	choice_load(u, &payer, "penjamin");
	struct visit last;
	struct date birth;
	struct age age = { 0 };
	if (date_parse(p->tanggal_lahir, &birth) == 0)
		age_at(birth, u->today, &age);
	if (visit_last(u->db, p->id, &last) == 1) {
		choice_set(&unit, last.unit);
		choice_set(&payer, last.penjamin);
	} else {
		choice_set(&unit, visit_first_unit(age));
		choice_set(&payer, p->penjamin);
	}
	int focus = 0;
	for (;;) {
		ui_frame(u, "Kunjungan hari ini", CTX_FORM);
		char line[1024], born[11];
		snprintf(line, sizeof line, "%s  (No. RM %s)", p->nama, p->no_rm);
		ui_text(2, 2, COLS - 4, line, A_BOLD);
		snprintf(line, sizeof line, "%s, %d th %d bl, lahir %s%s", dict_sex_label(p->sex),
			 age.years, age.months, date_show(p->tanggal_lahir, born), p->lahir_perkiraan ? " (perkiraan)" : "");
		ui_text(3, 2, COLS - 4, line, 0);
		snprintf(line, sizeof line, "NIK %s   No. BPJS %s   %s %s", p->nik[0] ? p->nik : "-",
			 p->no_bpjs[0] ? p->no_bpjs : "-", p->alamat, p->desa);
		ui_text(4, 2, COLS - 4, line, 0);
		struct choice *c[2] = { &unit, &payer };
		const char *labels[2] = { "Unit", "Penjamin" };
		for (int i = 0; i < 2; i++) {
			ui_text(6 + i * 2, 2, 12, labels[i], focus == i ? A_BOLD : 0);
			snprintf(line, sizeof line, "< %s >", c[i]->sel >= 0 ? c[i]->label[c[i]->sel] : "pilih");
			ui_text(6 + i * 2, 16, 50, line, focus == i ? A_REVERSE : A_UNDERLINE);
		}
		ui_text(11, 2, COLS - 4, "Enter atau F2: simpan kunjungan. Spasi atau panah: ganti pilihan. Esc: batal.", A_DIM);
		curs_set(0);
		refresh();
		int k = ui_key(u);
		enum action a = action_for_key(k, CTX_FORM);
		if (a == A_HELP) {
			ui_help(u);
		} else if (a == A_BACK) {
			u->msg[0] = '\0';
			return 0;
		} else if (a == A_SAVE || a == A_OPEN) {
			struct visit v;
			struct sbuf err = { 0 };
			int created;
			if (visit_open(u->db, p, u->today, choice_code(&unit), choice_code(&payer), &v, &created, &err) != 0) {
				ui_message(u, 1, "Tidak tersimpan: %s", sb_str(&err));
				sb_free(&err);
				continue;
			}
			ui_message(u, 0, created ? "Kunjungan %s tersimpan: %s, antrian %d"
						 : "%s sudah terdaftar hari ini di %s, antrian %d", p->nama, v.unit, v.no_antrian);
			return 1;
		} else if (k == K_TAB || k == K_DOWN || k == K_UP || k == K_BTAB) {
			focus = !focus;
		} else {
			choice_key(c[focus], k);
		}
	}
}

/* ---- the search screen ---- */

static void register_draw(struct ui *u, struct lineedit *q, struct patient *found, int n, int sel, int top)
{
	ui_frame(u, "Pendaftaran", CTX_MAIN | CTX_SEARCH);
	ui_text(2, 2, 6, "Cari:", A_BOLD);
	ui_text(3, 2, COLS - 4, "No. RM, NIK, No. BPJS, nama (+ tanggal atau tahun lahir: siti 1989, 17-08-1980)", A_DIM);
	ui_text(5, 2, COLS - 4, "No. RM  Nama                       JK Tgl lahir  Desa            Penjamin", A_BOLD);
	int rows = LINES - 11;
	for (int i = 0; i < rows && top + i < n; i++) {
		const struct patient *p = &found[top + i];
		char line[512], born[11];
		snprintf(line, sizeof line, "%-7s %-26.26s %c  %s %-15.15s %s", p->no_rm, p->nama, p->sex,
			 date_show(p->tanggal_lahir, born), p->desa[0] ? p->desa : "-", p->penjamin);
		ui_text(6 + i, 2, COLS - 4, line, top + i == sel ? ui_attr_sel(u) : 0);
	}
	if (n) {	/* the selected patient in full: two Sitis of one village told apart */
		const struct patient *p = &found[sel];
		char line[1024];
		snprintf(line, sizeof line, "%s, %s | NIK %s | No. BPJS %s", p->alamat[0] ? p->alamat : "(alamat kosong)",
			 p->desa[0] ? p->desa : "-", p->nik[0] ? p->nik : "-", p->no_bpjs[0] ? p->no_bpjs : "-");
		ui_text(LINES - 4, 2, COLS - 4, line, A_DIM);
	}
	if (q->len && !n)
		ui_text(6, 2, COLS - 4, "Tidak ditemukan. F5 atau ^N: daftarkan pasien baru.", 0);
	curs_set(1);
	ui_edit(2, 8, 40, q, 1);
	refresh();
}

enum pkm_screen ui_register(struct ui *u)
{
	static struct patient found[MAX_FOUND];
	struct lineedit q;
	memset(&q, 0, sizeof q);
	q.max = 100;
	int n = 0, sel = 0, top = 0;
	for (;;) {
		int rows = LINES - 9;
		ui_list_scroll(sel, &top, rows);
		register_draw(u, &q, found, n, sel, top);
		int k = ui_key(u), changed = 0;
		if (k == K_RESIZE)
			continue;
		enum action a = action_for_key(k, CTX_MAIN | CTX_SEARCH);
		int next = ui_main_action(u, a);
		if (next >= 0 && next != SCR_REGISTER)
			return (enum pkm_screen)next;
		if (a == A_CLEAR) {
			le_set(&q, "");
			n = 0;
			continue;
		}
		if (a == A_HISTORY && n > 0) {
			ui_history(u, &found[sel]);
			continue;
		}
		if (a == A_NEW) {
			struct patient p;
			if (patient_form(u, q.buf, &p) && ui_visit_dialog(u, &p)) {
				le_set(&q, "");
				n = 0;
			}
			continue;
		}
		if (a == A_OPEN && n > 0) {
			if (ui_visit_dialog(u, &found[sel])) {
				le_set(&q, "");
				n = 0;
			}
			continue;
		}
		if (k == K_ESC) {
			le_set(&q, "");
			changed = 1;
		} else if (!ui_list_move(k, &sel, n, rows)) {
			ui_edit_key(&q, k, &changed);
		}
		if (changed) {
			u->msg[0] = '\0';
			char t[128];
			str_copy(t, sizeof t, q.buf);
			n = str_trim(t)[0] ? patient_search(u->db, t, found, MAX_FOUND) : 0;
			sel = top = 0;
		}
	}
}
