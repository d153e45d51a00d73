/* pkm kirim status | ulang ID|semua | satusehat|pcare [--sekali] | dhis2 ...,
 * pkm ekspor dhis2 ... and pkm pcare peserta NOKARTU|NIK. */
#include "pkm/cli_kirim.h"
#include "pkm/date.h"
#include "pkm/db.h"
#include "pkm/open.h"
#include "pkm/output.h"
#include "pkm/outbox.h"
#include "pkm/kirim_exec.h"
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static int usage_error(void)
{
	fputs("pkm: kirim status | kirim ulang ID|semua | kirim satusehat|pcare [--sekali] | kirim dhis2 ... | "
	      "pcare peserta NOKARTU|NIK "
	      "(lihat pkm --help)\n", stderr);
	return 2;
}

static int fail(struct sbuf *err) { return out_fail("pkm", err); }

/* Why an item waits, as the list shows it. */
static const char *state_words(const struct outbox_item *it, char *buf, size_t size)
{
	if (strcmp(it->status, "gagal") == 0)
		return "gagal: perlu diperiksa";
	if (it->tunggu)
		return "menunggu data";
	if (!it->percobaan)
		return "menunggu";
	time_t t = (time_t)it->coba_lagi;
	struct tm tm;
	localtime_r(&t, &tm);
	char when[24];
	strftime(when, sizeof when, "%d-%m-%Y %H:%M", &tm);
	snprintf(buf, size, "dicoba lagi %s", when);
	return buf;
}

static const struct { const char *tujuan, *name; } platforms[] = { { "satusehat", "SATUSEHAT" }, { "pcare", "P-Care" } };

/* One platform's counts and waiting items; nothing when it is off and empty. */
static int status1(sqlite3 *db, const struct pkm_config *cfg, int k)
{
	struct sbuf err = { 0 };
	struct outbox_counts n;
	const char *tujuan = platforms[k].tujuan;
	if (outbox_count(db, tujuan, 1, &n, &err) != 0)
		return fail(&err);
	int on = k == 0 ? cfg->satusehat.aktif : cfg->pcare.aktif;
	if (k > 0 && !on && !n.terkirim && !n.gagal && !n.menunggu)
		return 0;
	printf("%s: %ld terkirim, %ld gagal, %ld menunggu\n", platforms[k].name, n.terkirim, n.gagal, n.menunggu);
	struct outbox_item items[100];
	long last = 0, got;
	int header = 0;
	while ((got = outbox_pending(db, tujuan, last, items, 100, &err)) > 0) {
		if (!header++)
			printf("%-6s %-10s %-8s %-20s %-6s %-9s %s\n", "ID", "TANGGAL", "NO_RM", "NAMA", "UNIT", "PERCOBAAN",
			       "KEADAAN / KETERANGAN");
		for (long i = 0; i < got; i++) {
			const struct outbox_item *it = &items[i];
			char buf[48], line[512], day[11];
			snprintf(line, sizeof line, "%-6ld %-10s %-8s %-20.20s %-6s %-9ld %s%s%s\n", it->id,
				 date_show(it->tanggal, day),
				 it->no_rm, it->nama, it->unit, it->percobaan, state_words(it, buf, sizeof buf),
				 *it->galat ? ": " : "", it->galat);
			out_puts(stdout, line);
		}
		last = items[got - 1].id;
	}
	return got < 0 ? fail(&err) : 0;
}

static int status(sqlite3 *db, const struct pkm_config *cfg)
{
	int rc = 0;
	for (size_t k = 0; k < ARRAY_LEN(platforms) && rc == 0; k++)
		rc = status1(db, cfg, (int)k);
	return rc;
}

static int retry(sqlite3 *db, const char *which)
{
	long id = 0;
	if (strcmp(which, "semua") != 0 && parse_long(which, 1, LONG_MAX, &id) != 0)
		return usage_error();
	struct sbuf err = { 0 };
	long n = outbox_retry(db, NULL, id, &err);
	if (n < 0)
		return fail(&err);
	if (n == 0 && id) {
		fprintf(stderr, "pkm: antrean %ld tidak ada atau sudah terkirim\n", id);
		return 1;
	}
	printf("%ld antrean dikirim lagi pada kesempatan berikut\n", n);
	return 0;
}

/* pkm-kirim in pkm's place, with the same database and file. */
static int start_sender(const struct pkm_config *cfg, const char *db_path, int argc, char **argv)
{
	char exe[PATH_MAX + 16];
	if (kirim_exe(exe, sizeof exe) != 0)
		return fputs("pkm: letak program tidak diketahui (/proc/self/exe)\n", stderr), 1;
	char *args[24] = { exe, "--db", (char *)db_path };
	int k = 3;
	if (*cfg->file) {
		args[k++] = "--config";
		args[k++] = (char *)cfg->file;
	}
	if (argc > 18)
		return usage_error();
	for (int i = 0; i < argc; i++)
		args[k++] = argv[i];
	args[k] = NULL;
	execv(exe, args);
	fprintf(stderr, "pkm: %s tidak dapat dijalankan: %s\n", exe, strerror(errno));
	return 1;
}

int cmd_pcare(const struct pkm_config *cfg, const char *db_path, int argc, char **argv)
{
	if (argc != 2 || strcmp(argv[0], "peserta") != 0)
		return usage_error();
	return start_sender(cfg, db_path, argc, argv);
}

int cmd_kirim(const struct pkm_config *cfg, const char *db_path, int argc, char **argv)
{
	if (argc >= 1 && (strcmp(argv[0], "satusehat") == 0 || strcmp(argv[0], "pcare") == 0)) {
		if (argc > 2 || (argc == 2 && strcmp(argv[1], "--sekali") != 0))
			return usage_error();
		return start_sender(cfg, db_path, argc, argv);
	}
	if (argc >= 1 && strcmp(argv[0], "dhis2") == 0)	/* its arguments are pkm-kirim's to check */
		return start_sender(cfg, db_path, argc, argv);
	int is_status = argc == 1 && strcmp(argv[0], "status") == 0;
	if (!is_status && !(argc == 2 && strcmp(argv[0], "ulang") == 0))
		return usage_error();
	struct sbuf err = { 0 };
	sqlite3 *db = pkm_open(db_path, &err);
	if (!db)
		return fail(&err);
	int rc = is_status ? status(db, cfg) : retry(db, argv[1]);
	db_close(db);
	return rc;
}

int cmd_ekspor_dhis2(const struct pkm_config *cfg, const char *db_path, int argc, char **argv)
{
	argv[0] = "ekspor-dhis2";	/* pkm-kirim's word for it */
	return start_sender(cfg, db_path, argc, argv);
}
