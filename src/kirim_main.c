/* pkm-kirim: the senders, started by `pkm kirim satusehat|pcare|dhis2`, the
 * card check of `pkm pcare peserta` and the desk, and `pkm ekspor dhis2`
 * (its JSON is jansson's). A program of its own so
 * that libcurl, jansson and libcrypto are mapped only where the network is
 * used. */
#define _GNU_SOURCE	/* F_OFD_SETLK */
#include "pkm/config.h"
#include "pkm/db.h"
#include "pkm/dhis2_kirim.h"
#include "pkm/open.h"
#include "pkm/outbox.h"
#include "pkm/output.h"
#include "pkm/pcare.h"
#include "pkm/satusehat.h"
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

static volatile sig_atomic_t stop;
static void on_signal(int sig) { (void)sig; stop = 1; }

static int fail(struct sbuf *err) { return out_fail("pkm kirim", err); }

/* One sender a database and platform: a second would send what the first is
 * sending. The lock is a byte of the database file itself, so every name of
 * the file (symlink, hard link, bind mount) meets it: an open file description
 * lock, which SQLite closing its own descriptors cannot release, on one byte a
 * platform at 1 TiB, far beyond SQLite's lock bytes at 1 GiB. Taken before
 * SQLite opens the file (a hard link would give it a WAL of its own); held
 * until exit. */
static int lock_sender(const char *db_path, const char *tujuan, struct sbuf *err)
{
	static const char *const platforms[] = { "satusehat", "pcare", "dhis2" };
	off_t slot = 0;
	while (strcmp(platforms[slot], tujuan) != 0)
		slot++;
	struct flock l = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = ((off_t)1 << 40) + slot, .l_len = 1 };
	int fd = open(db_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);	/* SQLite takes an empty file as a new database */
	if (fd < 0) {
		sb_printf(err, "%s: %s", db_path, strerror(errno));
		return -1;
	}
	if (fcntl(fd, F_OFD_SETLK, &l) != 0) {
		if (errno == EAGAIN || errno == EACCES)
			sb_printf(err, "pengirim lain sedang berjalan untuk %s", db_path);
		else
			sb_printf(err, "%s: kunci pengirim: %s", db_path, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

/* A platform's sender: its pass over due items, on its own state. */
struct sender {
	const char *tujuan;
	int (*pass)(void *ctx, struct outbox_pass *r, struct sbuf *err);
	void *ctx;
};

static int satusehat_pass_of(void *ctx, struct outbox_pass *r, struct sbuf *err) { return satusehat_pass(ctx, r, err); }
static int pcare_pass_of(void *ctx, struct outbox_pass *r, struct sbuf *err) { return pcare_pass(ctx, r, err); }

/* --sekali: one pass, then the counts; 3 while something still waits. */
static int run_once(sqlite3 *db, const struct sender *s, struct sbuf *err)
{
	struct outbox_pass p;
	struct outbox_counts n;
	if (s->pass(s->ctx, &p, err) != 0 || outbox_count(db, s->tujuan, 0, &n, err) != 0)
		return -1;
	printf("%ld terkirim, %ld gagal, %ld menunggu\n", p.sent, n.gagal, n.menunggu);
	return n.menunggu ? 3 : 0;
}

/* Passes until a signal, resting while nothing is due. */
static int run(const struct sender *s, struct sbuf *err)
{
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	while (!stop) {
		struct outbox_pass p;
		if (s->pass(s->ctx, &p, err) != 0)
			return -1;
		if (p.sent || p.failed) {
			fprintf(stderr, "pkm kirim %s: %ld terkirim, %ld gagal\n", s->tujuan, p.sent, p.failed);
			continue;
		}
		for (int i = 0; i < 20 && !stop; i++)	/* 2 s, woken early by a signal */
			usleep(100000);
	}
	return 0;
}

/* pkm pcare peserta: the card's state, printed and kept. Exit 0 active, 4
 * not active, 5 unknown to P-Care, 1 no answer. */
static int check_card(sqlite3 *db, const struct pkm_config *cfg, const char *number, int quiet, struct sbuf *err)
{
	struct pcare p;
	if (pcare_open(&p, db, cfg, cfg->pcare.cek_waktu, err) != 0)
		return -1;
	int is_nik = strlen(number) == 16;
	struct pcare_member m;
	char why[512];
	int rc = pcare_check(&p, is_nik ? NULL : number, is_nik ? number : NULL, &m, why, sizeof why);
	pcare_close(&p);
	if (rc < 0) {
		sb_add(err, why);
		return -1;
	}
	struct sbuf text = { 0 };
	if (rc == 1)
		sb_printf(&text, "%s\n", why);
	else {
		char words[256];
		pcare_member_words(&m, cfg->pcare.kd_provider, words, sizeof words);
		int same = strcmp(m.keterangan, m.aktif ? "AKTIF" : "TIDAK AKTIF") == 0 || !*m.keterangan;
		sb_printf(&text, "No. BPJS   %s\nNama       %s\nStatus     %s%s%s\nFKTP       %s %s\nKelas      %s\n"
			  "Jenis      %s\nDi desk    %s\n", m.no_kartu, m.nama, m.aktif ? "AKTIF" : "TIDAK AKTIF",
			  same ? "" : " - ", same ? "" : m.keterangan, m.kd_provider, m.nm_provider, m.kelas, m.jenis, words);
	}
	if (!quiet)
		out_puts(stdout, sb_str(&text));	/* P-Care's words shown, never obeyed */
	sb_free(&text);
	return rc == 1 ? 5 : m.aktif ? 0 : 4;
}

/* The client secret, the P-Care password and user_key live in this process:
 * no core file of it, and no other process of the user may read its memory
 * (ptrace, /proc/PID/mem), which a non-dumpable process refuses. */
static int no_core(void)
{
	struct rlimit none = { 0, 0 };
	return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0 && setrlimit(RLIMIT_CORE, &none) == 0 ? 0 : -1;
}

static int usage(void)
{
	fputs("Pemakaian: pkm kirim satusehat|pcare [--sekali], pkm kirim dhis2 ..., pkm ekspor dhis2 ..., "
	      "pkm pcare peserta NOKARTU|NIK (pkm-kirim dijalankan oleh pkm)\n", stderr);
	return 2;
}

int main(int argc, char **argv)
{
	setlocale(LC_CTYPE, "");
	umask(077);
	db_library_init();
	if (no_core() != 0) {
		fputs("pkm kirim: core dump tidak dapat dimatikan; pengirim tidak dijalankan agar rahasia tidak bocor\n",
		      stderr);
		return 1;
	}
	const char *db_path = NULL, *cfg_path = NULL;
	int i = 1;
	for (; i + 1 < argc && argv[i][0] == '-'; i += 2) {
		if (strcmp(argv[i], "--db") == 0)
			db_path = argv[i + 1];
		else if (strcmp(argv[i], "--config") == 0)
			cfg_path = argv[i + 1];
		else
			break;
	}
	if (!db_path || i >= argc)
		return usage();
	const char *what = argv[i], *arg = i + 1 < argc ? argv[i + 1] : NULL;
	int peserta = strcmp(what, "peserta") == 0, dhis2 = strcmp(what, "dhis2") == 0;
	int ekspor = strcmp(what, "ekspor-dhis2") == 0;
	if (!peserta && !dhis2 && !ekspor && strcmp(what, "satusehat") != 0 && strcmp(what, "pcare") != 0)
		return usage();
	if (peserta && (!arg || !str_is_digits(arg) || (strlen(arg) != 13 && strlen(arg) != 16)))
		return usage();
	struct pkm_config cfg;
	struct sbuf err = { 0 };
	if (config_load(&cfg, cfg_path, &err) != 0)
		return fail(&err);
	/* the card check runs beside a sender: it takes no sender's lock */
	if (!peserta && !ekspor && lock_sender(db_path, what, &err) < 0)
		return fail(&err);
	sqlite3 *db = pkm_open(db_path, &err);
	if (!db)
		return fail(&err);
	db_set_user(db, "sistem:kirim");
	if (dhis2 || ekspor) {	/* a month's report, nothing of the outbox */
		int rc = dhis2_command(db, db_path, &cfg, dhis2, argc - i - 1, argv + i + 1);
		db_close(db);
		return rc;
	}
	int rc = outbox_configure(db, &cfg, &err);
	if (rc == 0 && peserta)
		rc = check_card(db, &cfg, arg, i + 2 < argc && strcmp(argv[i + 2], "--diam") == 0, &err);
	else if (rc == 0) {
		int once = arg && strcmp(arg, "--sekali") == 0;
		struct satusehat s = { 0 };
		struct pcare p = { 0 };
		int ss = strcmp(what, "satusehat") == 0;
		struct sender snd = { what, ss ? satusehat_pass_of : pcare_pass_of, ss ? (void *)&s : (void *)&p };
		rc = ss ? satusehat_open(&s, db, db_path, &cfg, &err) : pcare_open(&p, db, &cfg, cfg.pcare.batas_waktu, &err);
		if (rc == 0)
			rc = once ? run_once(db, &snd, &err) : run(&snd, &err);
		if (ss)
			satusehat_close(&s);
		else
			pcare_close(&p);
	}
	db_close(db);
	return rc < 0 ? fail(&err) : rc;
}
