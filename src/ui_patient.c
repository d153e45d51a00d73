/* The patient form, for a new patient and for correcting one, on the dialog
 * engine every form uses (src/ui_dialog.c): the fields, labels, checks and
 * help are the pasien rows of the dictionary. */
#include "ui_priv.h"
#include "pkm/db.h"
#include "pkm/desa.h"
#include "pkm/patient_edit.h"
#include <string.h>

enum {
	F_NAMA, F_SEX, F_TGL, F_UMUR, F_NIK, F_BPJS, F_PAYER, F_ALAMAT, F_RTRW, F_DESA, F_KK, F_HP, F_IBU, F_RM,
	F_COUNT
};
static const char *const columns[F_COUNT] = {
	"nama", "jenis_kelamin", "tanggal_lahir", "umur", "nik", "no_bpjs", "penjamin", "alamat", "rt_rw", "desa",
	"no_kk", "no_hp", "nama_ibu", "no_rm",
};

struct pctx {
	const struct patient *old;	/* the patient corrected, NULL for a new one */
	struct patient *out;		/* the patient the desk goes on with */
};

static void read_form(const struct dlg_field *f, struct patient_input *in)
{
	*in = (struct patient_input){
		.nama = f[F_NAMA].le.buf, .jenis_kelamin = f[F_SEX].le.buf, .tanggal_lahir = f[F_TGL].le.buf,
		.umur = f[F_UMUR].le.buf, .nik = f[F_NIK].le.buf, .no_bpjs = f[F_BPJS].le.buf,
		.penjamin = f[F_PAYER].le.buf, .alamat = f[F_ALAMAT].le.buf, .rt_rw = f[F_RTRW].le.buf,
		.desa = f[F_DESA].le.buf, .no_kk = f[F_KK].le.buf, .no_hp = f[F_HP].le.buf,
		.nama_ibu = f[F_IBU].le.buf, .no_rm = f[F_RM].le.buf,
	};
}

/* The registered patient beside what was typed: the clerk compares and
 * chooses; going back keeps every field. 0 to open that patient. */
static int nik_taken(struct ui *u, const struct patient *typed, struct patient *other, struct field_errors *fe)
{
	char line[640], b1[11], b2[11];
	snprintf(line, sizeof line, "NIK ini milik No. RM %s: %s, %s, lahir %s", other->no_rm, other->nama,
		 dict_sex_label(other->sex), date_show(other->tanggal_lahir, b1));
	ui_text(LINES - 4, 2, COLS - 4, line, A_BOLD);
	snprintf(line, sizeof line, "Yang diketik: %s, %s, lahir %s", typed->nama, dict_sex_label(typed->sex),
		 date_show(typed->tanggal_lahir, b2));
	ui_text(LINES - 3, 2, COLS - 4, line, A_BOLD);
	if (ui_confirm(u, "Buka pasien yang terdaftar? t = kembali ke isian")) {
		ui_message(u, 0, "Membuka pasien %s (No. RM %s)", other->nama, other->no_rm);
		return 0;
	}
	field_error(fe, "nik", "NIK ini milik %.60s (No. RM %s)", other->nama, other->no_rm);
	ui_message(u, 1, "Isian tetap ada: periksa NIK, atau simpan lagi untuk membuka pasien itu.");
	return 1;
}

/* The possible-duplicate list: the chosen index, -1 to go back to the form,
 * -2 to save as a new patient anyway. */
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

static int save_new(struct ui *u, struct patient *p, struct pctx *c, struct field_errors *fe, struct sbuf *err)
{
	if (p->nik[0] && patient_by_nik(u->db, p->nik, c->out) == 1)
		return nik_taken(u, p, c->out, fe);
	struct patient dups[8];
	int nd = patient_duplicates(u->db, p, dups, 8);
	if (nd < 0)	/* unchecked is not "no duplicate" */
		return db_fail(err, u->db, "pemeriksaan pasien ganda tidak selesai");
	if (nd > 0) {
		int pick = dup_dialog(u, dups, nd);
		if (pick >= 0) {
			*c->out = dups[pick];
			return 0;
		}
		if (pick == -1) {
			u->msg[0] = '\0';
			return 1;
		}
	}
	if (patient_save_new(u->db, p, err) != 0)
		return -1;
	ui_message(u, 0, "Pasien %s tersimpan dengan No. RM %s", p->nama, p->no_rm);
	*c->out = *p;
	return 0;
}

static int save_edit(struct ui *u, struct patient *p, struct pctx *c, struct field_errors *fe, struct sbuf *err)
{
	struct patient other;
	p->id = c->old->id;
	/* an estimated birth date typed back unchanged stays estimated */
	if (strcmp(p->tanggal_lahir, c->old->tanggal_lahir) == 0)
		p->lahir_perkiraan = c->old->lahir_perkiraan || p->lahir_perkiraan;
	if (p->nik[0] && patient_by_nik(u->db, p->nik, &other) == 1 && other.id != p->id) {
		field_error(fe, "nik", "NIK ini milik %.60s (No. RM %s)", other.nama, other.no_rm);
		return -1;
	}
	if (patient_by_rm(u->db, p->no_rm, &other) == 1 && other.id != p->id) {
		field_error(fe, "no_rm", "No. RM ini milik %.60s", other.nama);
		return -1;
	}
	struct patient_change ch;
	if (patient_update(u->db, p, &ch, err) != 0)
		return -1;
	char more[400], said[200] = "";
	patient_change_text(&ch, more, sizeof more);
	int bad = 0;
	/* a BPJS payer or card number typed in: asked about at once */
	if (strcmp(p->penjamin, c->old->penjamin) != 0 || strcmp(p->no_bpjs, c->old->no_bpjs) != 0)
		ui_card_check(u, p, p->penjamin, said, sizeof said, &bad);
	ui_message(u, bad, "Data pasien %s tersimpan%s%s%s%s", p->nama, more[0] ? "; " : "", more, *said ? ". " : "", said);
	*c->out = *p;
	return 0;
}

/* The desa field's search in the village master: its code, with the name
 * and pustu (or "luar wilayah") beside it. */
static int desa_options(struct ui *u, const char *typed, char (*code)[24], char (*label)[80], int max)
{
	struct desa d[64];
	int n = desa_search(u->db, typed, d, max < 64 ? max : 64);
	if (n < 0) {
		ui_message(u, 1, "daftar desa tidak terbaca: %s", sqlite3_errmsg(u->db));
		return 0;
	}
	for (int i = 0; i < n; i++) {
		str_copy(code[i], 24, d[i].kode);
		snprintf(label[i], 80, "%.40s%s%.30s", d[i].nama, d[i].wilayah ? (d[i].pustu[0] ? ", " : "") : " (luar wilayah)",
			 d[i].wilayah ? d[i].pustu : "");
	}
	return n;
}

/* A desa not in the master (when there is one) is saved as "luar wilayah"
 * once the clerk says so; the text an old patient had, unchanged, stays as
 * it was. 0 to go on (in->desa_luar set), 1 back to the form. */
static int outside_area(struct ui *u, const struct dlg_field *f, const struct pctx *c, struct patient_input *in,
			struct field_errors *fe)
{
	char kode[11], nama[128], q[200];
	const char *typed = f[F_DESA].le.buf;
	if (!f[F_DESA].options || !*typed || (c->old && strcmp(typed, c->old->desa) == 0))
		return 0;
	int found = desa_resolve(u->db, typed, kode, nama, sizeof nama);
	if (found != 0)
		return 0;	/* found, or unreadable: the check says so */
	snprintf(q, sizeof q, "Desa '%.40s' tidak ada di daftar desa. Simpan sebagai luar wilayah?", typed);
	if (ui_confirm(u, q)) {
		in->desa_luar = 1;
		return 0;
	}
	field_error(fe, "desa", "ketik awal nama desa lalu Tab untuk memilih, atau simpan sebagai luar wilayah");
	return 1;
}

static int save_patient(struct ui *u, struct dlg_field *f, void *ctx, struct field_errors *fe, struct sbuf *err)
{
	struct pctx *c = ctx;
	struct patient_input in;
	read_form(f, &in);
	if (!c->old)
		in.no_rm = "";	/* a new patient's number is made on saving */
	if (outside_area(u, f, c, &in, fe))
		return 1;
	char warning[160];
	struct patient p;
	if (patient_check(u->db, &in, &p, fe, warning, sizeof warning) != 0) {
		ui_message(u, 1, "Isian belum benar: periksa kolom yang ditandai. Belum ada yang disimpan.");
		return 1;
	}
	if (c->old && !p.no_rm[0]) {
		field_error(fe, "no_rm", "No. RM pasien terdaftar tidak boleh kosong");
		return -1;
	}
	if (warning[0]) {
		char q[256];
		snprintf(q, sizeof q, "%s. Simpan juga?", warning);
		if (!ui_confirm(u, q))
			return 1;
	}
	return c->old ? save_edit(u, &p, c, fe, err) : save_new(u, &p, c, fe, err);
}

int ui_patient_form(struct ui *u, const struct patient *old, const char *query, struct patient *out)
{
	struct dlg_field f[F_COUNT];
	memset(f, 0, sizeof f);
	for (int i = 0; i < F_COUNT; i++) {
		f[i].name = f[i].column = columns[i];
		f[i].table = "pasien";
		f[i].le.max = 200;
	}
	int n = old ? F_COUNT : F_COUNT - 1;	/* a new patient's No. RM is made on saving */
	if (old) {
		const char *v[F_COUNT] = {
			old->nama, (char[2]){ old->sex, 0 }, "", "", old->nik, old->no_bpjs, old->penjamin, old->alamat,
			old->rt_rw, old->desa, old->no_kk, old->no_hp, old->nama_ibu, old->no_rm,
		};
		for (int i = 0; i < F_COUNT; i++)
			le_set(&f[i].le, v[i]);
		char born[11];
		le_set(&f[F_TGL].le, date_show(old->tanggal_lahir, born));
		if (old->desa_kode[0]) {	/* the village by its code, its name beside */
			le_set(&f[F_DESA].le, old->desa_kode);
			str_copy(f[F_DESA].beside, sizeof f[F_DESA].beside, old->desa);
		}
	} else {
		le_set(&f[F_PAYER].le, "UMUM");
		int nik = str_is_digits(query) && strlen(query) == 16;
		le_set(&f[nik ? F_NIK : F_NAMA].le, str_is_digits(query) && !nik ? "" : query);
	}
	/* a new site without a village master types the village as before */
	if (desa_count(u->db) > 0)
		f[F_DESA].options = desa_options;
	char title[64], intro[400];
	if (old) {
		snprintf(title, sizeof title, "Ubah data pasien");
		snprintf(intro, sizeof intro, "%s (No. RM %s)\nTanggal lahir yang diubah menghitung ulang umur di kunjungannya.",
			 old->nama, old->no_rm);
	} else {
		snprintf(title, sizeof title, "Pasien baru");
		snprintf(intro, sizeof intro, "Isi identitas; * wajib. No. RM dibuat otomatis.");
	}
	struct pctx c = { old, out };
	return ui_dialog(u, title, intro, f, n, save_patient, &c);
}
