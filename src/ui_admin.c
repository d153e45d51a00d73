/* Admin: users (add, edit, reset a password, close an account), the audit
 * trail, and merging a duplicate patient. */
#include "ui_priv.h"
#include "pkm/audit.h"
#include "pkm/patient_data.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void secret_field(struct dlg_field *f, const char *name, const char *label)
{
	memset(f, 0, sizeof *f);
	f->name = name;
	str_copy(f->def.label, sizeof f->def.label, label);
	f->def.help = "Paling sedikit 8 karakter, huruf dan angka";
	f->def.required = 1;
	f->secret = 1;
	f->le.max = 128;
}

struct edit_ctx {
	long id;	/* 0 = a new user */
};

static int save_user(struct ui *u, struct dlg_field *f, void *ctx, struct field_errors *fe, struct sbuf *err)
{
	const struct edit_ctx *e = ctx;
	struct user_input in = { f[0].le.buf, f[1].le.buf, f[2].le.buf, f[3].le.buf, e->id ? NULL : f[5].le.buf,
				 e->id ? NULL : f[6].le.buf, f[4].le.buf };
	struct user nu;
	if (user_check(u->db, &in, e->id, &nu, fe) != 0)
		return -1;
	if (e->id == u->user.id && strcmp(nu.peran, "ADMIN") != 0) {
		field_error(fe, "peran", "administrator tidak dapat mencabut perannya sendiri");
		return -1;
	}
	if (user_save(u->db, &nu, e->id ? NULL : f[5].le.buf, err) != 0)
		return -1;
	/* one chosen by the administrator: the user picks their own at log-in */
	return e->id ? 0 : user_set_password(u->db, nu.id, f[5].le.buf, 1, err);
}

static void edit_user(struct ui *u, const struct user *old)
{
	struct dlg_field f[7] = {
		{ .name = "nama", .table = "pengguna", .column = "nama" },
		{ .name = "nama_lengkap", .table = "pengguna", .column = "nama_lengkap" },
		{ .name = "peran", .table = "pengguna", .column = "peran" },
		{ .name = "unit", .table = "pengguna_unit", .column = "unit" },
		{ .name = "nik", .table = "pengguna", .column = "nik" },
	};
	secret_field(&f[5], "sandi", "Kata sandi awal");
	secret_field(&f[6], "sandi2", "Ulangi kata sandi");
	if (old) {
		le_set(&f[0].le, old->nama);
		le_set(&f[1].le, old->nama_lengkap);
		le_set(&f[2].le, old->peran);
		char units[128] = "";
		for (int i = 0; i < old->n_units; i++)
			snprintf(units + strlen(units), sizeof units - strlen(units), "%s%s", i ? " " : "", old->units[i]);
		le_set(&f[3].le, units);
		le_set(&f[4].le, old->nik);
	}
	struct edit_ctx e = { old ? old->id : 0 };
	if (ui_dialog(u, old ? "Ubah pengguna" : "Pengguna baru",
		      "Peran menentukan menu. Tenaga kesehatan hanya melihat data klinis unitnya.", f, old ? 5 : 7,
		      save_user, &e))
		ui_message(u, 0, "Pengguna %s tersimpan", f[0].le.buf);
}

static int save_reset(struct ui *u, struct dlg_field *f, void *ctx, struct field_errors *fe, struct sbuf *err)
{
	const struct user *who = ctx;
	const char *why = password_problem(f[0].le.buf, who->nama);
	if (why)
		field_error(fe, "sandi", "%s", why);
	else if (strcmp(f[0].le.buf, f[1].le.buf) != 0)
		field_error(fe, "sandi2", "kata sandi ulangan tidak sama");
	return fe->n ? -1 : user_set_password(u->db, who->id, f[0].le.buf, 1, err);
}

static void admin_identity(struct ui *u)
{
	ui_puskesmas_refresh(u);	/* what another desk saved is what is changed */
	ui_puskesmas(u, "Admin: identitas puskesmas",
		     "Kop laporan (nama, kode, kecamatan, kabupaten) dan tanda tangannya (kepala, petugas, NIP).");
}

static void users_screen(struct ui *u)
{
	int sel = 0, top = 0;
	for (;;) {
		struct user *list;
		int n = user_list(u->db, &list);
		if (n < 0) {
			ui_message(u, 1, "daftar pengguna tidak terbaca utuh: %s", sqlite3_errmsg(u->db));
			return;
		}
		if (sel >= n)
			sel = n - 1;
		int page = LINES - 8;
		ui_list_scroll(sel, &top, page);
		ui_frame(u, "Admin: pengguna", CTX_USERS);
		ui_text(2, 2, COLS - 4, "Nama pengguna    Peran        Status   Unit / nama lengkap", A_BOLD);
		for (int i = 0; i < page && top + i < n; i++) {
			const struct user *x = &list[top + i];
			char line[256], units[64] = "";
			for (int k = 0; k < x->n_units; k++)
				snprintf(units + strlen(units), sizeof units - strlen(units), "%s ", x->units[k]);
			snprintf(line, sizeof line, "%-16s %-12s %-8s %s%s", x->nama, x->peran,
				 user_status(u->db, x, time(NULL)), units, x->nama_lengkap);
			ui_text(4 + i, 2, COLS - 4, line, top + i == sel ? ui_attr_sel(u) : 0);
		}
		curs_set(0);
		refresh();
		int k = ui_key(u);
		enum action a = action_for_key(k, CTX_USERS);
		struct sbuf err = { 0 };
		const struct user *cur = n > 0 ? &list[sel] : NULL;
		if (a == A_BACK) {
			free(list);
			u->msg[0] = '\0';
			return;
		} else if (a == A_HELP) {
			ui_help(u);
		} else if (a == A_NEWUSER) {
			edit_user(u, NULL);
		} else if (a == A_OPEN && cur) {
			edit_user(u, cur);
		} else if (a == A_RESETPW && cur) {
			struct dlg_field f[2];
			secret_field(&f[0], "sandi", "Kata sandi baru");
			secret_field(&f[1], "sandi2", "Ulangi kata sandi");
			char intro[160];
			snprintf(intro, sizeof intro, "Kata sandi sementara untuk %s; ia diminta menggantinya saat masuk.",
				 cur->nama);
			if (ui_dialog(u, "Atur ulang kata sandi", intro, f, 2, save_reset, (void *)cur))
				ui_message(u, 0, "Kata sandi %s diatur ulang; akun dibuka bila terkunci", cur->nama);
		} else if (a == A_PUSKESMAS) {
			admin_identity(u);
		} else if (a == A_ACTIVE && cur) {
			char q[128];
			snprintf(q, sizeof q, "%s akun %s?", cur->aktif ? "Tutup" : "Buka lagi", cur->nama);
			if (cur->id == u->user.id)
				ui_message(u, 1, "Akun sendiri tidak dapat ditutup");
			else if (ui_confirm(u, q) && user_set_active(u->db, cur->id, !cur->aktif, &err) != 0)
				ui_message(u, 1, "Tidak tersimpan: %s", sb_str(&err));
			else
				u->msg[0] = '\0';
		} else {
			ui_list_move(k, &sel, n, page);
		}
		sb_free(&err);
		free(list);
	}
}

static int show_audit(struct ui *u, struct dlg_field *f, void *ctx, struct field_errors *fe, struct sbuf *err)
{
	(void)ctx;
	struct audit_filter af = { f[0].le.buf[0] ? f[0].le.buf : NULL, f[1].le.buf[0] ? f[1].le.buf : NULL, NULL, NULL };
	char iso[2][11];
	audit_filter_dates(&af, str_trim(f[2].le.buf), str_trim(f[3].le.buf), iso, fe);	/* all fields told at once */
	if (audit_filter_check(u->db, &af, fe) != 0)
		return -1;
	return ui_audit_list(u, &af, err);
}

static void audit_screen(struct ui *u)
{
	/* filters, not the columns: the dictionary's help ("kosongkan agar dibuat
	 * otomatis") and its required mark would not be true here */
	static const char *const what[4][3] = {
		{ "patient", "No. RM", "No. RM pasien; kosong = semua pasien" },
		{ "user", "Nama pengguna", "Nama pengguna; kosong = semua pengguna" },
		{ "from", "Dari tanggal", "DD-MM-YYYY; kosong = tanpa batas" },
		{ "to", "Sampai tanggal", "DD-MM-YYYY; kosong = tanpa batas" },
	};
	struct dlg_field f[4] = { 0 };
	for (int i = 0; i < 4; i++) {
		f[i].name = what[i][0];
		str_copy(f[i].def.label, sizeof f[i].def.label, what[i][1]);
		f[i].def.help = what[i][2];
	}
	char day[11], shown[11];
	le_set(&f[2].le, date_show(date_format(u->today, day), shown));
	ui_dialog_in(u, CTX_FILTER, "Admin: jejak audit",
		     "Saring jejak audit (semua boleh kosong); F2: tampilkan.", f, 4, show_audit, NULL);
}

static int save_merge(struct ui *u, struct dlg_field *f, void *ctx, struct field_errors *fe, struct sbuf *err)
{
	(void)ctx;
	struct patient keep, dup;
	if (patient_by_rm(u->db, str_trim(f[0].le.buf), &keep) != 1)
		field_error(fe, "tetap", "tidak ada pasien dengan No. RM ini");
	if (patient_by_rm(u->db, str_trim(f[1].le.buf), &dup) != 1)
		field_error(fe, "dobel", "tidak ada pasien dengan No. RM ini");
	else if (!fe->n && keep.id == dup.id)
		field_error(fe, "dobel", "sama dengan pasien yang dipertahankan");
	if (fe->n)
		return -1;
	char q[800], b1[11], b2[11];
	snprintf(q, sizeof q, "Gabung %s %s %s %c ke %s %s %s %c? Tidak dapat dibatalkan", dup.no_rm, dup.nama,
		 date_show(dup.tanggal_lahir, b1), dup.sex, keep.no_rm, keep.nama, date_show(keep.tanggal_lahir, b2), keep.sex);
	if (!ui_confirm(u, q)) {
		sb_printf(err, "dibatalkan; tidak ada yang diubah");
		return -1;
	}
	return patient_merge(u->db, keep.no_rm, dup.no_rm, err);
}

static void merge_screen(struct ui *u)
{
	struct dlg_field f[2] = {
		{ .name = "tetap", .table = "pasien", .column = "no_rm" },
		{ .name = "dobel", .table = "pasien", .column = "no_rm" },
	};
	for (int i = 0; i < 2; i++) {
		dict_get(u->db, "pasien", "no_rm", &f[i].def);
		str_copy(f[i].def.label, sizeof f[i].def.label, i ? "No. RM dobel (dihapus)" : "No. RM dipertahankan");
		f[i].table = NULL;
	}
	if (ui_dialog(u, "Admin: gabung pasien dobel",
		      "Semua kunjungan, diagnosis, formulir dan resep pasien dobel dipindah; lalu pasien dobel dihapus.", f, 2,
		      save_merge, NULL))
		ui_message(u, 0, "Pasien %s digabung ke %s", f[1].le.buf, f[0].le.buf);
}

enum pkm_screen ui_admin(struct ui *u)
{
	static char code[5][24] = { "1", "2", "3", "4", "5" };
	static char label[5][80] = { "Pengguna: tambah, ubah peran/unit, atur ulang sandi, tutup akun",
				     "Jejak audit: siapa mengubah apa, kapan",
				     "Gabung pasien dobel",
				     "Puskesmas: identitas untuk kop dan tanda tangan laporan",
				     "Desa: wilayah kerja (kode Kemendagri, pustu, posyandu)" };
	int chosen = 0;
	for (;;) {
		chosen = ui_pick(u, "Admin", code, label, 5, chosen);
		if (chosen < 0)
			return SCR_REGISTER;
		if (chosen == 0)
			users_screen(u);
		else if (chosen == 1)
			audit_screen(u);
		else if (chosen == 2)
			merge_screen(u);
		else if (chosen == 3)
			admin_identity(u);
		else
			ui_desa(u);
	}
}
