/* pkm-kirim: the sender, started by `pkm kirim satusehat`. A program of its
 * own so that libcurl and jansson are mapped only where the network is used. */
#include "pkm/config.h"
#include "pkm/db.h"
#include "pkm/open.h"
#include "pkm/outbox.h"
#include "pkm/output.h"
#include "pkm/satusehat.h"
#include <fcntl.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

static volatile sig_atomic_t stop;
static void on_signal(int sig) { (void)sig; stop = 1; }

static int fail(struct sbuf *err)
{
	fputs("pkm kirim: ", stderr);
	out_puts(stderr, sb_str(err));
	fputc('\n', stderr);
	sb_free(err);
	return 1;
}

/* One sender a database: a second would send what the first is sending. */
static int lock_sender(const char *db_path, struct sbuf *err)
{
	char name[PATH_MAX + 16];
	snprintf(name, sizeof name, "%s-pkm.kirim", db_path);
	int fd = open(name, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (fd < 0 || flock(fd, LOCK_EX | LOCK_NB) != 0) {
		sb_printf(err, "pengirim lain sedang berjalan untuk %s", db_path);
		if (fd >= 0)
			close(fd);
		return -1;
	}
	return fd;
}

int main(int argc, char **argv)
{
	setlocale(LC_CTYPE, "");
	umask(077);
	const char *db_path = NULL, *cfg_path = NULL;
	int once = 0, i = 1;
	for (; i + 1 < argc && argv[i][0] == '-'; i += 2) {
		if (strcmp(argv[i], "--db") == 0)
			db_path = argv[i + 1];
		else if (strcmp(argv[i], "--config") == 0)
			cfg_path = argv[i + 1];
		else
			break;
	}
	if (i < argc && strcmp(argv[i], "satusehat") == 0)
		once = i + 1 < argc && strcmp(argv[i + 1], "--sekali") == 0;
	else
		db_path = NULL;
	if (!db_path) {
		fputs("Pemakaian: pkm kirim satusehat [--sekali] (pkm-kirim dijalankan oleh pkm)\n", stderr);
		return 2;
	}
	struct pkm_config cfg;
	struct sbuf err = { 0 };
	if (config_load(&cfg, cfg_path, &err) != 0)
		return fail(&err);
	if (lock_sender(db_path, &err) < 0)
		return fail(&err);
	sqlite3 *db = pkm_open(db_path, &err);
	if (!db)
		return fail(&err);
	db_set_user(db, "sistem:kirim");
	struct satusehat s = { 0 };
	int rc = outbox_configure(db, &cfg, &err) == 0 && satusehat_open(&s, db, &cfg, &err) == 0 ? 0 : -1;
	if (rc == 0 && once) {
		struct satusehat_pass p;
		struct outbox_counts n;
		rc = satusehat_pass(&s, &p, &err) == 0 && outbox_count(db, "satusehat", 0, &n, &err) == 0 ? 0 : -1;
		if (rc == 0) {
			printf("%ld terkirim, %ld gagal, %ld menunggu\n", p.sent, n.gagal, n.menunggu);
			rc = n.menunggu ? 3 : 0;
		}
	} else if (rc == 0) {
		signal(SIGTERM, on_signal);
		signal(SIGINT, on_signal);
		rc = satusehat_run(&s, &stop, &err);
	}
	satusehat_close(&s);
	db_close(db);
	return rc < 0 ? fail(&err) : rc;
}
