/* First start, log-in, a password that must be changed, and the idle lock. */
#include "ui_priv.h"
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A field that is not a column of kamus: its label and help given here. */
static void plain_field(struct dlg_field *f, const char *name, const char *label, const char *help, int secret)
{
	memset(f, 0, sizeof *f);
	f->name = name;
	str_copy(f->def.label, sizeof f->def.label, label);
	f->def.help = help;
	f->def.required = 1;
	f->secret = secret;
	f->le.max = secret ? 128 : 60;
}

static struct login_policy policy(const struct ui *u)
{
	return (struct login_policy){ (int)u->cfg->max_failures, (int)u->cfg->lock_minutes };
}

/* Logged in: from now on the keys are those of the role. */
static void welcome(struct ui *u)
{
	action_limit(role_rights(u->user.peran));
	ui_message(u, 0, "Selamat bekerja, %s (%s)", u->user.nama_lengkap[0] ? u->user.nama_lengkap : u->user.nama,
		   u->user.peran);
}

static int save_admin(struct ui *u, struct dlg_field *f, void *ctx, struct field_errors *fe, struct sbuf *err)
{
	(void)ctx;
	struct user_input in = { f[0].le.buf, f[1].le.buf, "ADMIN", "", f[2].le.buf, f[3].le.buf, NULL };
	struct user nu;
	if (user_check(u->db, &in, 0, &nu, fe) != 0 || user_save(u->db, &nu, f[2].le.buf, err) != 0)
		return -1;
	int left;
	struct login_policy p = policy(u);
	return user_login(u->db, &p, nu.nama, f[2].le.buf, time(NULL), &u->user, &left) ==
			       LOGIN_OK ? 0 : -1;
}

int ui_setup(struct ui *u)
{
	struct dlg_field f[4] = {
		{ .name = "nama", .table = "pengguna", .column = "nama" },
		{ .name = "nama_lengkap", .table = "pengguna", .column = "nama_lengkap" },
	};
	plain_field(&f[2], "sandi", "Kata sandi", "Paling sedikit 8 karakter, huruf dan angka", 1);
	plain_field(&f[3], "sandi2", "Ulangi kata sandi", "Ketik sekali lagi", 1);
	if (!ui_dialog(u, "Penyiapan pertama (1/2): administrator",
		       "Database baru. Buat akun administrator pertama (mengelola pengguna lain).", f, 4, save_admin, NULL))
		return 0;
	welcome(u);
	/* the administrator is in either way: the identity may wait for Admin */
	if (!ui_puskesmas(u, "Penyiapan pertama (2/2): identitas puskesmas",
			  "Untuk kop dan tanda tangan laporan; tersimpan di database untuk semua desk.\n"
			  "Esc: lewati dulu, isi nanti di Admin (F12) > Puskesmas."))
		ui_message(u, 0, "Identitas puskesmas belum diisi: isi di Admin (F12) > Puskesmas");
	return 1;
}

/* The message of a refused log-in, under the password field. */
static void refused(enum login_result r, int minutes, struct field_errors *fe)
{
	if (r == LOGIN_LOCKED)
		field_error(fe, "sandi", "akun terkunci karena salah kata sandi berulang; coba lagi %d menit lagi", minutes);
	else if (r == LOGIN_INACTIVE)
		field_error(fe, "sandi", "akun ini sudah ditutup; hubungi administrator");
	else if (r == LOGIN_WRONG)
		field_error(fe, "sandi", "nama pengguna atau kata sandi salah");
	else
		field_error(fe, "sandi", "database tidak dapat dipakai; coba lagi");
}

static int save_login(struct ui *u, struct dlg_field *f, void *ctx, struct field_errors *fe, struct sbuf *err)
{
	(void)ctx;
	(void)err;
	int minutes;
	struct login_policy p = policy(u);
	enum login_result r = user_login(u->db, &p, str_trim(f[0].le.buf), f[1].le.buf, time(NULL), &u->user, &minutes);
	if (r == LOGIN_OK)
		return 0;
	refused(r, minutes, fe);
	return -1;
}

static int save_new_password(struct ui *u, struct dlg_field *f, void *ctx, struct field_errors *fe, struct sbuf *err)
{
	(void)ctx;
	const char *why = password_problem(f[0].le.buf, u->user.nama);
	if (why)
		field_error(fe, "sandi", "%s", why);
	else if (user_password_is(u->db, u->user.id, f[0].le.buf))
		field_error(fe, "sandi", "sama dengan kata sandi dari administrator; pilih kata sandi baru");
	else if (strcmp(f[0].le.buf, f[1].le.buf) != 0)
		field_error(fe, "sandi2", "kata sandi ulangan tidak sama");
	return fe->n ? -1 : user_set_password(u->db, u->user.id, f[0].le.buf, 0, err);
}

int ui_login(struct ui *u)
{
	struct dlg_field f[2] = { { .name = "nama", .table = "pengguna", .column = "nama" } };
	plain_field(&f[1], "sandi", "Kata sandi", "Salah berulang kali mengunci akun sementara", 1);
	char intro[200];
	snprintf(intro, sizeof intro, "Selamat datang di pkm %s. Masuk dengan nama pengguna dan kata sandi.", u->cfg->nama);
	if (!ui_dialog_in(u, CTX_LOGIN, "Masuk", intro, f, 2, save_login, NULL))
		return 0;
	if (u->user.ganti_sandi) {
		struct dlg_field g[2];
		plain_field(&g[0], "sandi", "Kata sandi baru", "Paling sedikit 8 karakter, huruf dan angka", 1);
		plain_field(&g[1], "sandi2", "Ulangi kata sandi", "Ketik sekali lagi", 1);
		if (!ui_dialog(u, "Ganti kata sandi", "Kata sandi Anda diatur administrator. Pilih kata sandi sendiri.", g,
			       2, save_new_password, NULL))
			return 0;
		u->user.ganti_sandi = 0;
	}
	welcome(u);
	return 1;
}

static int save_unlock(struct ui *u, struct dlg_field *f, void *ctx, struct field_errors *fe, struct sbuf *err)
{
	(void)ctx;
	(void)err;
	int minutes;
	struct user again;
	struct login_policy p = policy(u);
	enum login_result r = user_login(u->db, &p, u->user.nama, f[0].le.buf, time(NULL), &again, &minutes);
	if (r == LOGIN_OK)
		return 0;
	refused(r, minutes, fe);
	return -1;
}

void ui_lock(struct ui *u)
{
	char msg[sizeof u->msg], intro[160];
	int msg_err = u->msg_err;
	str_copy(msg, sizeof msg, u->msg);
	snprintf(intro, sizeof intro, "Layar dikunci karena tidak ada kegiatan. Pengguna: %s.", u->user.nama);
	u->locking = 1;
	for (;;) {
		struct dlg_field f[1];
		plain_field(&f[0], "sandi", "Kata sandi", "Kata sandi pengguna yang sedang masuk", 1);
		if (ui_dialog_in(u, CTX_LOGIN, "Layar terkunci", intro, f, 1, save_unlock, NULL))
			break;
		if (ui_confirm(u, "Keluar dari pkm? Isian yang belum disimpan hilang.")) {
			ui_end();
			exit(0);
		}
	}
	u->locking = 0;
	str_copy(u->msg, sizeof u->msg, msg);
	u->msg_err = msg_err;
}
