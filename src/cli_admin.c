/* Command-line administration: the audit trail, a patient's data export,
 * users and merging patients. The same core functions as the Admin screen. */
#include "pkm/cli_admin.h"
#include "pkm/audit.h"
#include "pkm/output.h"
#include "pkm/patient.h"
#include "pkm/patient_data.h"
#include "pkm/user.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static int usage_error(const char *what)
{
	fprintf(stderr, "pkm: %s (lihat pkm --help)\n", what);
	return 2;
}

static int report(int rc, struct sbuf *err)
{
	if (rc != 0)
		return out_fail("pkm", err);
	sb_free(err);
	return 0;
}

int cmd_audit(sqlite3 *db, int argc, char **argv)
{
	struct audit_filter f = { 0 };
	const char *from = NULL, *to = NULL;
	for (int i = 0; i < argc; i += 2) {
		const char *val = i + 1 < argc ? argv[i + 1] : NULL;
		if (!val)
			return usage_error("pilihan tanpa nilai");
		if (strcmp(argv[i], "--patient") == 0)
			f.no_rm = val;
		else if (strcmp(argv[i], "--user") == 0)
			f.user = val;
		else if (strcmp(argv[i], "--from") == 0)
			from = val;
		else if (strcmp(argv[i], "--to") == 0)
			to = val;
		else
			return usage_error("audit: pilihan --patient NO_RM, --user NAMA, --from DD-MM-YYYY, --to DD-MM-YYYY");
	}
	struct field_errors fe = { 0 };
	char iso[2][11];
	audit_filter_dates(&f, from, to, iso, &fe);	/* every wrong option told at once */
	if (audit_filter_check(db, &f, &fe) != 0) {
		for (int i = 0; i < fe.n; i++)
			fprintf(stderr, "--%s: %s\n", fe.e[i].column, fe.e[i].msg);
		return 2;
	}
	struct sbuf err = { 0 };
	struct out o;
	if (out_open(&o, db, NULL, NULL, &err) != 0)
		return report(1, &err);
	long n = audit_write(db, &f, o.f, &err);
	if (n >= 0)
		fprintf(o.f, "%ld catatan\n", n);
	return report(out_close(&o, n >= 0, &err) != 0, &err);
}

int cmd_export(sqlite3 *db, const char *backup_dir, int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[0], "pasien") != 0 || (argc != 2 && !(argc == 4 && strcmp(argv[2], "--out") == 0)))
		return usage_error("ekspor pasien NO_RM [--out BERKAS]");
	struct sbuf err = { 0 };
	struct out o;
	if (out_open(&o, db, backup_dir, argc == 4 ? argv[3] : NULL, &err) != 0)
		return report(1, &err);
	int rc = patient_export(db, argv[1], o.f, &err);
	if (out_close(&o, rc == 0, &err) != 0 && rc == 0) {
		/* the access was recorded before writing: the trail says it failed */
		rc = -1;
		struct patient p;
		struct sbuf ignored = { 0 };
		if (patient_by_rm(db, argv[1], &p) == 1)
			audit_event(db, "EKSPOR", "pasien", p.id, p.id, "gagal ditulis: data tidak keluar utuh", &ignored);
		sb_free(&ignored);
	}
	return report(rc, &err);
}

/* A password from the terminal without echo, or one line of standard input. */
static int read_password(const char *prompt, char *buf, size_t size)
{
	int tty = isatty(STDIN_FILENO);
	struct termios old, quiet;
	if (tty) {
		fputs(prompt, stderr);
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	int ok = fgets(buf, (int)size, stdin) != NULL;
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	buf[strcspn(buf, "\r\n")] = '\0';
	return ok ? 0 : -1;
}

static void print_field_errors(const struct field_errors *fe)
{
	for (int i = 0; i < fe->n; i++)
		fprintf(stderr, "pkm: %s: %s\n", fe->e[i].column, fe->e[i].msg);
}

static int user_add(sqlite3 *db, int argc, char **argv)
{
	if (argc < 2)
		return usage_error("pengguna tambah NAMA PERAN [UNIT...] [--nik NIK]");
	char units[128] = "", pass[160], again[160];
	const char *nik = NULL;
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--nik") == 0 && i + 1 < argc)
			nik = argv[++i];
		else
			snprintf(units + strlen(units), sizeof units - strlen(units), "%s ", argv[i]);
	}
	if (read_password("Kata sandi: ", pass, sizeof pass) != 0)
		return usage_error("kata sandi tidak terbaca");
	int tty = isatty(STDIN_FILENO);
	if (tty && read_password("Ulangi kata sandi: ", again, sizeof again) != 0)
		return usage_error("kata sandi tidak terbaca");
	struct user_input in = { argv[0], "", argv[1], units, pass, tty ? again : pass, nik };
	struct user u;
	struct field_errors fe = { 0 };
	if (user_check(db, &in, 0, &u, &fe) != 0) {
		print_field_errors(&fe);
		return 1;
	}
	u.ganti_sandi = 1;	/* typed by an administrator: the user picks their own at the first log-in */
	struct sbuf err = { 0 };
	int rc = user_save(db, &u, pass, &err);
	if (rc == 0)
		printf("pengguna %s (%s) dibuat; kata sandi diganti saat masuk pertama\n", u.nama, u.peran);
	return report(rc, &err);
}

static int user_password(sqlite3 *db, int argc, char **argv)
{
	struct user u;
	if (argc != 1)
		return usage_error("pengguna sandi NAMA");
	if (user_get(db, argv[0], &u) != 0) {
		fprintf(stderr, "pkm: tidak ada pengguna %s\n", argv[0]);
		return 1;
	}
	char pass[160];
	if (read_password("Kata sandi baru: ", pass, sizeof pass) != 0)
		return usage_error("kata sandi tidak terbaca");
	const char *why = password_problem(pass, u.nama);
	if (why) {
		fprintf(stderr, "pkm: sandi: %s\n", why);
		return 1;
	}
	struct sbuf err = { 0 };
	/* set by someone else: the user chooses a new one at the next log-in */
	int rc = user_set_password(db, u.id, pass, 1, &err);
	if (rc == 0)
		printf("kata sandi %s diganti; diminta ganti saat masuk berikutnya\n", u.nama);
	return report(rc, &err);
}

int cmd_user(sqlite3 *db, int argc, char **argv)
{
	if (argc >= 1 && strcmp(argv[0], "tambah") == 0)
		return user_add(db, argc - 1, argv + 1);
	if (argc >= 1 && strcmp(argv[0], "sandi") == 0)
		return user_password(db, argc - 1, argv + 1);
	if (argc != 1 || strcmp(argv[0], "daftar") != 0)
		return usage_error("pengguna daftar | tambah NAMA PERAN [UNIT...] [--nik NIK] | sandi NAMA");
	struct user *list;
	int n = user_list(db, &list);
	if (n < 0) {
		fprintf(stderr, "pkm: daftar pengguna tidak terbaca utuh: %s\n", sqlite3_errmsg(db));
		return 1;
	}
	for (int i = 0; i < n; i++) {
		printf("%-16s %-12s %s", list[i].nama, list[i].peran, user_status(db, &list[i], time(NULL)));
		for (int k = 0; k < list[i].n_units; k++)
			printf(" %s", list[i].units[k]);
		putchar('\n');
	}
	free(list);
	return 0;
}

/* pkm pasien cari WORDS...: the search screen's list, its first 20 lines. */
int cmd_patient(sqlite3 *db, int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[0], "cari") != 0)
		return usage_error("pasien cari KATA...");
	struct sbuf q = { 0 }, out = { 0 };
	for (int i = 1; i < argc; i++)
		sb_printf(&q, "%s%s", i > 1 ? " " : "", argv[i]);
	enum { LIST = 200, PRINTED = 20 };	/* the screen's list; a screenful printed */
	struct patient *found = xmalloc((LIST + 1) * sizeof *found);
	char said[96];
	int n = patient_list(db, sb_str(&q), found, LIST, said, sizeof said);
	sb_free(&q);
	if (n < 0) {
		free(found);
		fprintf(stderr, "pkm: daftar pasien tidak terbaca: %s\n", sqlite3_errmsg(db));
		return 1;
	}
	for (int i = 0; i < n && i < PRINTED; i++) {	/* No. RM, name, birth date, village: shown, never obeyed */
		char born[11];
		sb_printf(&out, "%s\t", found[i].no_rm);
		text_visible(&out, found[i].nama, strlen(found[i].nama), "");
		sb_printf(&out, "\t%s\t", date_show(found[i].tanggal_lahir, born));
		text_visible(&out, found[i].desa, strlen(found[i].desa), "");
		sb_addc(&out, '\n');
	}
	if (n > PRINTED)
		sb_printf(&out, "%s; %d pertama ditampilkan\n", said, PRINTED);
	else
		sb_printf(&out, "%s\n", said);
	free(found);
	int rc = fputs(sb_str(&out), stdout) == EOF || fflush(stdout) != 0 ? 1 : 0;
	if (rc)
		fprintf(stderr, "pkm: keluaran tidak tertulis\n");
	sb_free(&out);
	return rc;
}

int cmd_merge(sqlite3 *db, int argc, char **argv)
{
	if (argc != 2)
		return usage_error("gabung NO_RM_TETAP NO_RM_DOBEL");
	struct sbuf err = { 0 };
	int rc = patient_merge(db, argv[0], argv[1], &err);
	if (rc == 0)
		printf("pasien %s digabung ke %s\n", argv[1], argv[0]);
	return report(rc, &err);
}
