/* make bench: figures of the core on a demo database (tests/bench/run.sh adds
 * start-up and memory of the terminal application). Every figure is the median
 * of several runs; report times come with a baseline measured in the same run.
 * Usage: bench DB YEARS WORKDIR PKM  (the database is changed: give it a copy) */
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include "pkm/config.h"
#include "pkm/db.h"
#include "pkm/open.h"
#include "pkm/audit.h"
#include "pkm/import.h"
#include "pkm/patient.h"
#include "pkm/reports.h"
#include "pkm/stock.h"
#include "pkm/visit.h"
#include "pkm/asal.h"
#include "pkm/dispense.h"
#include "pkm/form.h"
#include "pkm/lb2.h"
#include "pkm/periksa.h"
#include "pkm/queue.h"

#define RUNS 5
#define PAIRS 7		/* a report's process and its bare query's, in turns */

extern char **environ;

static const char *const report_names[] = { "lb1", "lb2", "lb3", "lb4", "jampersal" };

/* Each report's bare query: the rows the report reads, counted in SQL alone
 * (%1$s the month's first day, %2$s the next month's). LB1's is its floor, the
 * month's (visit, diagnosis) rows grouped by code, sex and case flag. LB3, LB4
 * and Jampersal: the month's visits (Jampersal's: those it pays for) by sex
 * (LB4: and kunjungan baru) with the count of their rows in each table the
 * report reads; the look backs of a few rows (caps, "lengkap", "sebelumnya")
 * are not in it. */
#define MONTH "tanggal >= '%1$s' AND tanggal < '%2$s'"
#define ROWS_OF(t) "SUM((SELECT COUNT(*) FROM " t " t WHERE t.kunjungan_id = v.id))"
static const char *const bare_sql[] = {
	"SELECT d.icd10, p.jenis_kelamin, d.kasus, COUNT(*) FROM diagnosis d JOIN kunjungan k ON k.id = d.kunjungan_id "
	"JOIN pasien p ON p.id = k.pasien_id WHERE k." MONTH " GROUP BY 1, 2, 3",
	/* the month's movements by drug and kind, prescriptions by payer */
	"SELECT b.obat, m.jenis, SUM(m.jumlah) FROM mutasi m JOIN batch b ON b.id = m.batch_id WHERE m." MONTH
	" GROUP BY 1, 2; SELECT k.penjamin, COUNT(DISTINCT k.id) FROM kunjungan k JOIN resep x ON x.kunjungan_id = k.id "
	"WHERE k." MONTH " AND k.batal IS NULL GROUP BY 1",
	"SELECT v.jk, COUNT(*), " ROWS_OF("f_anc") ", " ROWS_OF("f_persalinan") ", " ROWS_OF("f_nifas") ", "
	ROWS_OF("f_neonatal") ", " ROWS_OF("f_diare") ", " ROWS_OF("f_ispa") ", " ROWS_OF("f_imunisasi") ", "
	ROWS_OF("f_penimbangan") ", " ROWS_OF("f_kb") ", " ROWS_OF("f_tb") " FROM v_kunjungan v WHERE v." MONTH
	" GROUP BY 1",
	"SELECT v.jk, v.baru, COUNT(*), " ROWS_OF("diagnosis") ", " ROWS_OF("f_gigi") ", " ROWS_OF("f_igd") ", "
	ROWS_OF("f_lab") ", " ROWS_OF("f_ranap") ", " ROWS_OF("f_rujukan") ", " ROWS_OF("resep")
	" FROM v_kunjungan v WHERE v." MONTH " GROUP BY 1, 2",
	"SELECT v.jk, COUNT(*), " ROWS_OF("diagnosis") ", " ROWS_OF("f_anc") ", " ROWS_OF("f_persalinan") ", "
	ROWS_OF("f_nifas") ", " ROWS_OF("f_neonatal") ", " ROWS_OF("f_kb") ", " ROWS_OF("f_rujukan")
	" FROM v_kunjungan v WHERE v.penjamin = 'JAMPERSAL' AND v." MONTH " GROUP BY 1",
};

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, by_value);
	return v[n / 2];
}

static double worst(const double *v, int n)
{
	double w = 0;
	for (int i = 0; i < n; i++)
		w = v[i] > w ? v[i] : w;
	return w;
}

static void figure(const char *name, double value, const char *unit)
{
	printf("%-34s %10.2f %s\n", name, value, unit);
}

/* Type `text` one character at a time, searching after each, as the screen does. */
static void search_typing(sqlite3 *db, const char *label, const char *text)
{
	static struct patient found[200];	/* MAX_FOUND of the search screen */
	double t[RUNS * 32];
	int n = 0;
	for (int r = 0; r < RUNS; r++)
		for (size_t k = 1; k <= strlen(text) && n < RUNS * 32; k++) {
			char prefix[64];
			snprintf(prefix, sizeof prefix, "%.*s", (int)k, text);
			double t0 = now_ms();
			patient_search(db, prefix, found, 200);
			t[n++] = now_ms() - t0;
		}
	char name[64];
	snprintf(name, sizeof name, "search %s median", label);
	double w = worst(t, n);
	figure(name, median(t, n), "ms");
	snprintf(name, sizeof name, "search %s worst", label);
	figure(name, w, "ms");
}

static void text_of(sqlite3 *db, const char *sql, char *out, size_t size)
{
	sqlite3_stmt *st = db_prepare(db, sql, NULL);
	out[0] = '\0';
	if (st && sqlite3_step(st) == SQLITE_ROW)
		db_col_text(st, 0, out, size);
	sqlite3_finalize(st);
}

static void saves(sqlite3 *db, const struct pkm_config *cfg)
{
	double t[40];
	struct sbuf err = { 0 };
	for (int i = 0; i < 40; i++) {
		struct patient p;
		if (patient_get(db, 1 + i * 997, &p) != 1)
			continue;
		double t0 = now_ms();
		struct visit v;
		int created, added;
		if (visit_open(db, &p, date_today(), "K3", p.penjamin, &v, &created, &err) != 0 ||
		    diag_add(db, cfg, &v, "I10", 0, &added, &err) != 0 || diag_add(db, cfg, &v, "E11.9", 0, &added, &err) != 0)
			fprintf(stderr, "save: %s\n", sb_str(&err));
		t[i] = now_ms() - t0;
	}
	figure("save visit + 2 diagnoses median", median(t, 40), "ms");
	figure("save visit + 2 diagnoses worst", worst(t, 40), "ms");
	/* with SATUSEHAT on, every save also queues or marks its outbox item; the
	 * WAL emptied first, so the figure is of the saves, not of the automatic
	 * checkpoint the writes above left due (100-150 ms on 5 years, outbox or not) */
	if (db_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", &err) != 0 ||
	    db_exec(db, "INSERT OR REPLACE INTO kirim_atur VALUES ('satusehat', '2026-01-01')", &err) != 0)
		fprintf(stderr, "outbox on: %s\n", sb_str(&err));
	for (int i = 0; i < 40; i++) {
		struct patient p;
		struct field_errors fe;
		if (patient_get(db, 3 + i * 991, &p) != 1)
			continue;
		double t0 = now_ms();
		struct visit v;
		int created, added;
		if (visit_open(db, &p, date_today(), "K3", p.penjamin, &v, &created, &err) != 0 ||
		    diag_add(db, cfg, &v, "I10", 0, &added, &err) != 0 ||
		    resep_add(db, v.id, "PCT500", "10", "3x1", "5", &fe, &err) < 0 ||
		    resep_add(db, v.id, "AMX500", "15", "3x1", "5", &fe, &err) < 0)
			fprintf(stderr, "save with prescriptions: %s\n", sb_str(&err));
		t[i] = now_ms() - t0;
	}
	figure("save visit + diagnosis + 2 prescription lines, outbox on, worst", worst(t, 40), "ms");
	db_exec(db, "DELETE FROM kirim_atur WHERE tujuan = 'satusehat'", &err);
	sb_free(&err);
}

/* A report's bare query for the month from..to, as SQL text. */
static void bare_query(size_t report, const char *from, const char *to, char *out, size_t size)
{
	snprintf(out, size, bare_sql[report], from, to);
}

/* LB1's bare query run in this process: the floor of its in-process time. */
static double lb1_baseline(sqlite3 *db, const char *from, const char *to)
{
	char sql[1024];
	bare_query(0, from, to, sql, sizeof sql);
	sqlite3_stmt *st = db_prepare(db, sql, NULL);
	double t0 = now_ms();
	while (sqlite3_step(st) == SQLITE_ROW)
		;
	double t = now_ms() - t0;
	sqlite3_finalize(st);
	return t;
}

/* Last month ("YYYY-MM"), its first day and the next month's. */
static void last_month(char month[8], char from[11], char to[11])
{
	struct date today = date_today(), first = { today.m == 1 ? today.y - 1 : today.y, today.m == 1 ? 12 : today.m - 1, 1 };
	snprintf(month, 8, "%04u-%02u", (unsigned)first.y % 10000, (unsigned)first.m % 100);
	date_format(first, from);
	date_format((struct date){ today.y, today.m, 1 }, to);
}

static void reports(sqlite3 *db, const struct pkm_config *cfg)
{
	char month[8], from[11], to[11];
	last_month(month, from, to);
	FILE *null = fopen("/dev/null", "w");
	double base[RUNS];
	for (int r = 0; r < RUNS; r++)
		base[r] = lb1_baseline(db, from, to);
	double b = median(base, RUNS);
	for (size_t i = 0; i < ARRAY_LEN(report_names); i++) {
		double t[RUNS];
		for (int r = 0; r < RUNS; r++) {
			struct report_req req = { report_names[i], month, cfg->lb1_layout, FMT_TEXT, 136 };
			struct sbuf err = { 0 };
			double t0 = now_ms();
			if (report_write(db, cfg, &req, null, &err) != 0)
				fprintf(stderr, "%s: %s\n", report_names[i], sb_str(&err));
			t[r] = now_ms() - t0;
			sb_free(&err);
		}
		char name[64];
		snprintf(name, sizeof name, "report %s %s", report_names[i], month);
		double m = median(t, RUNS);
		figure(name, m, "ms");
		if (i == 0) {
			figure("  bare SQL GROUP BY baseline", b, "ms");
			figure("  ratio LB1 / baseline", b > 0 ? m / b : 0, "x");
		}
	}
	fclose(null);
}

/* The wall time of a whole process, its output thrown away; -1 if it failed. */
static double process_ms(char *const argv[], const char *what)
{
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
	pid_t pid;
	int status = -1;
	double t0 = now_ms();
	if (posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ) == 0)
		waitpid(pid, &status, 0);
	double t = now_ms() - t0;
	posix_spawn_file_actions_destroy(&fa);
	if (status != 0) {
		fprintf(stderr, "bench: %s (%s) failed\n", argv[0], what);
		return -1;
	}
	return t;
}

/* The page cache emptied (root only), so the next process reads from the disk;
 * write = 0 only asks whether it may be. */
static int drop_caches(int write_it)
{
	if (write_it)
		sync();
	int fd = open("/proc/sys/vm/drop_caches", O_WRONLY);
	int ok = fd >= 0 && (!write_it || write(fd, "3", 1) == 1);
	if (fd >= 0)
		close(fd);
	return ok ? 0 : -1;
}

/* Each report as people run it, a whole pkm process, beside its bare query run
 * by the sqlite3 shell as a whole process, in turns; warm, then (where the page
 * cache may be dropped before each run) cold. */
static void processes(const char *pkm, const char *path)
{
	char month[8], from[11], to[11];
	last_month(month, from, to);
	int cold_ok = drop_caches(0) == 0;
	if (!cold_ok)
		fprintf(stderr, "bench: /proc/sys/vm/drop_caches not writable: no cold figures\n");
	for (int cold = 0; cold <= cold_ok; cold++)
		for (size_t i = 0; i < ARRAY_LEN(report_names); i++) {
			char sql[2048];
			bare_query(i, from, to, sql, sizeof sql);
			char *run[2][8] = { { (char *)pkm, "--db", (char *)path, "laporan", (char *)report_names[i], "--month",
					      month, NULL },
					    { "sqlite3", (char *)path, sql, NULL } };
			double t[2][PAIRS];
			for (int r = 0; r < PAIRS; r++)
				for (int k = 0; k < 2; k++) {
					if (cold && drop_caches(1) != 0) {
						fprintf(stderr, "bench: the page cache could not be dropped: no cold figures\n");
						return;
					}
					t[k][r] = process_ms(run[k], report_names[i]);
				}
			char name[64];
			double m = median(t[0], PAIRS), b = median(t[1], PAIRS);
			snprintf(name, sizeof name, "%sprocess %s %s", cold ? "cold " : "", report_names[i], month);
			figure(name, m, "ms");
			figure(cold ? "  sqlite3 bare query cold" : "  sqlite3 bare query", b, "ms");
			figure(cold ? "  ratio process / bare cold" : "  ratio process / bare", b > 0 ? m / b : 0, "x");
		}
}

/* The dashboards as people run them, whole processes: Klaster 2 for every
 * village over the year to last month (the PWS chart), and one due list. */
static void dashboards(const char *pkm, const char *path)
{
	char month[8], from[11], to[11], until[8];
	last_month(month, from, to);
	snprintf(until, sizeof until, "%.2s-%.4s", month + 5, month);
	char *run[2][12] = { { (char *)pkm, "--db", (char *)path, "dasbor", "--klaster", "2", "--sampai", until, NULL },
			     { (char *)pkm, "--db", (char *)path, "dasbor", "--indikator", "k4", "--sampai", until,
			       "--sasaran-belum", NULL } };
	const char *names[2] = { "process dasbor klaster 2 (a year)", "process dasbor due list (k4)" };
	for (int k = 0; k < 2; k++) {
		double t[PAIRS];
		for (int r = 0; r < PAIRS; r++)
			t[r] = process_ms(run[k], names[k]);
		figure(names[k], median(t, PAIRS), "ms");
	}
}

/* A byte copy of the database (its WAL checkpointed into it first), on the
 * disk before the import is timed: its commit would otherwise flush the copy. */
static int copy_db(sqlite3 *db, const char *from, const char *to)
{
	if (sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	static char buf[1 << 16];
	size_t n;
	int rc = in && out ? 0 : -1;
	while (rc == 0 && (n = fread(buf, 1, sizeof buf, in)) > 0)
		rc = fwrite(buf, 1, n, out) == n ? 0 : -1;
	if (in)
		fclose(in);
	if (out && (fflush(out) != 0 || fsync(fileno(out)) != 0))
		rc = -1;
	if (out && fclose(out) != 0)
		rc = -1;
	return rc;
}

/* A copy the bench made, gone with its WAL, shared memory and process lock. */
static void remove_db(const char *path)
{
	const char *const sides[] = { "", "-wal", "-shm", "-pkm.kunci" };
	for (size_t i = 0; i < ARRAY_LEN(sides); i++) {
		char side[540];
		snprintf(side, sizeof side, "%s%s", path, sides[i]);
		remove(side);
	}
}

/* One import of both files into a fresh copy of the database: rows/s of each. */
static int import_once(sqlite3 *db, const char *path, const char *copy, const char *pas, const char *kun,
		       const long rows[2], double rate[2])
{
	struct sbuf err = { 0 }, done = { 0 };
	sqlite3 *to = copy_db(db, path, copy) == 0 ? pkm_open(copy, &err) : NULL;
	if (!to) {
		fprintf(stderr, "import: no copy of %s: %s\n", path, sb_str(&err));
		sb_free(&err);
		return -1;
	}
	db_set_user(to, "sistem:bench");	/* as pkm impor runs: one trail row per file */
	struct pkm_config cfg;
	config_defaults(&cfg);
	double t0 = now_ms();
	int ok = import_pasien(to, pas, NULL, &done, &err) == 0;
	double t1 = now_ms();
	ok = ok && import_kunjungan(to, &cfg, kun, NULL, &done, &err) == 0;
	double t2 = now_ms();
	if (!ok)
		fprintf(stderr, "import: %s\n", sb_str(&err));
	rate[0] = rows[0] / ((t1 - t0) / 1000);
	rate[1] = rows[1] / ((t2 - t1) / 1000);
	db_close(to);
	sb_free(&err);
	sb_free(&done);
	remove_db(copy);
	return ok ? 0 : -1;
}

/* Write the demo's patients (under new No. RM, without NIK) and one year of
 * their visits as CSV, import them into a copy of the demo database (its
 * years of history and trail in place), and count rows per second: three
 * times, each into a fresh copy, the median of each (one import is one sample
 * of a noisy machine's spread). */
static void imports(sqlite3 *db, const char *path, const char *dir)
{
	char pas[512], kun[512], copy[512];
	snprintf(pas, sizeof pas, "%s/bench-pasien.csv", dir);
	snprintf(kun, sizeof kun, "%s/bench-kunjungan.csv", dir);
	snprintf(copy, sizeof copy, "%s/bench-import.db", dir);
	const char *q[2] = {
		"SELECT 'I' || no_rm, '', COALESCE(no_bpjs, ''), nama, jenis_kelamin, tanggal_lahir, alamat, desa, "
		"penjamin FROM pasien",
		"SELECT 'I' || p.no_rm, k.tanggal, k.unit, k.penjamin, COALESCE(d.icd10, ''), COALESCE(d.kasus, '') "
		"FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id LEFT JOIN diagnosis d ON d.kunjungan_id = k.id "
		"WHERE k.tanggal >= date((SELECT MAX(tanggal) FROM kunjungan), '-1 year') ORDER BY k.tanggal, k.id",
	};
	const char *head[2] = { "no_rm,nik,no_bpjs,nama,jenis_kelamin,tanggal_lahir,alamat,desa,penjamin\n",
				"no_rm,tanggal,unit,penjamin,icd10,kasus\n" };
	long rows[2] = { 0, 0 };
	for (int f = 0; f < 2; f++) {
		FILE *out = fopen(f ? kun : pas, "w");
		fputs(head[f], out);
		sqlite3_stmt *st = db_prepare(db, q[f], NULL);
		while (sqlite3_step(st) == SQLITE_ROW) {
			for (int c = 0; c < sqlite3_column_count(st); c++)
				fprintf(out, "%s\"%s\"", c ? "," : "", (const char *)sqlite3_column_text(st, c));
			fputc('\n', out);
			rows[f]++;
		}
		sqlite3_finalize(st);
		fclose(out);
	}
	double pasien[3], kunjungan[3];
	int n = 0;
	for (; n < 3; n++) {
		double rate[2];
		if (import_once(db, path, copy, pas, kun, rows, rate) != 0)
			break;
		pasien[n] = rate[0];
		kunjungan[n] = rate[1];
	}
	if (n == 3) {
		figure("import pasien", median(pasien, 3), "rows/s");
		figure("import kunjungan (1 year)", median(kunjungan, 3), "rows/s");
	}
	remove(pas);
	remove(kun);
}

/* Opening the database as pkm does (migrations checked, the trail's triggers
 * compared with the schema) beside a bare open and a first query, which
 * parses the schema: the triggers are most of it. */
static void opening(const char *path)
{
	double t[RUNS], bare[RUNS];
	for (int r = 0; r < RUNS; r++) {
		struct sbuf err = { 0 };
		double t0 = now_ms();
		sqlite3 *db = pkm_open(path, &err);
		t[r] = now_ms() - t0;
		db_close(db);
		sb_free(&err);
		sqlite3 *raw = NULL;
		t0 = now_ms();
		if (sqlite3_open(path, &raw) == SQLITE_OK)
			sqlite3_exec(raw, "SELECT count(*) FROM unit", NULL, NULL, NULL);
		bare[r] = now_ms() - t0;
		sqlite3_close(raw);
	}
	double m = median(t, RUNS), b = median(bare, RUNS);
	figure("open database", m, "ms");
	figure("  bare open + first query", b, "ms");
	figure("  ratio open / bare", b > 0 ? m / b : 0, "x");
}

/* The first screen of the stock card of the drug with the most movements. */
static void card_first_page(sqlite3 *db)
{
	char obat[32];
	text_of(db, "SELECT b.obat FROM mutasi m JOIN batch b ON b.id = m.batch_id GROUP BY 1 ORDER BY count(*) DESC "
		"LIMIT 1", obat, sizeof obat);
	static struct card_row rows[15];
	double t[RUNS];
	for (int r = 0; r < RUNS; r++) {
		struct card_cursor c = { 0 };
		double t0 = now_ms();
		stock_card_page(db, obat, NULL, &c, rows, 15);
		t[r] = now_ms() - t0;
	}
	figure("stock card first page", median(t, RUNS), "ms");
}

/* The audit trail's share of the file: its table and indexes. */
static void trail_share(sqlite3 *db)
{
	double share = 0;
	sqlite3_stmt *st = db_prepare(db, "SELECT sum(pgsize) FILTER (WHERE name IN (SELECT name FROM sqlite_schema "
				      "WHERE tbl_name IN ('audit', 'audit_tabel', 'audit_nama', 'audit_hari', 'audit_pasien_hari'))) * 100.0 / sum(pgsize) FROM dbstat", NULL);
	if (st && sqlite3_step(st) == SQLITE_ROW)
		share = sqlite3_column_double(st, 0);
	sqlite3_finalize(st);
	figure("audit trail share of the database", share, "%");
}

/* The audit viewer's first screen: one page of the whole trail, newest first. */
static void audit_first_page(sqlite3 *db)
{
	struct audit_filter all = { 0 };
	struct sbuf err = { 0 };
	double t[5];
	for (int i = 0; i < 5; i++) {
		struct audit_list l = { 0 };
		double t0 = now_ms();
		audit_page(db, &all, 0, 100, &l, &err);
		t[i] = now_ms() - t0;
		audit_list_free(&l);
	}
	figure("audit viewer first page", median(t, 5), "ms");
	sb_free(&err);
}

/* The pharmacy counter: the queue's refresh (what the screen reads when
 * another desk commits), the stock screen's list, and a five-line
 * prescription dispensed (FEFO line by line, one transaction). */
static void counter(sqlite3 *db, const struct pkm_config *cfg)
{
	struct sbuf err = { 0 };
	struct date today = date_today();
	char now[20], day[11];
	date_now(now);
	date_format(today, day);
	double t[RUNS];
	for (int r = 0; r < RUNS; r++) {
		struct queue_row *rows = NULL;
		double t0 = now_ms();
		if (queue_list(db, today, now, &rows, &err) < 0)
			fprintf(stderr, "queue: %s\n", sb_str(&err));
		t[r] = now_ms() - t0;
		free(rows);
	}
	figure("queue refresh", median(t, RUNS), "ms");
	for (int r = 0; r < RUNS; r++) {
		struct stock_status *all = NULL;
		double t0 = now_ms();
		if (stock_status_list(db, &cfg->farmasi, today, &all) < 0)
			fprintf(stderr, "stock list: %s\n", sqlite3_errmsg(db));
		t[r] = now_ms() - t0;
		free(all);
	}
	figure("stock screen list", median(t, RUNS), "ms");
	/* five drugs in stock on a new visit of a patient each time */
	static const char *const drugs[] = { "PCT500", "AMX500", "CTM4", "ANT", "OMZ20" };
	for (int r = 0; r < RUNS; r++) {
		struct patient p;
		struct visit v;
		int created;
		struct field_errors fe;
		if (patient_get(db, 2 + r * 1009, &p) != 1 ||
		    visit_open(db, &p, today, "K4", p.penjamin, &v, &created, &err) != 0) {
			fprintf(stderr, "dispense visit: %s\n", sb_str(&err));
			continue;
		}
		for (size_t i = 0; i < ARRAY_LEN(drugs); i++)
			if (resep_add(db, v.id, drugs[i], "10", "3x1", "5", &fe, &err) < 0)
				fprintf(stderr, "prescribe %s: %s\n", drugs[i], fe.n ? fe.e[0].msg : sb_str(&err));
		struct rx_result res = { 0 };
		double t0 = now_ms();
		if (rx_dispense(db, v.id, 0, 0, day, &res, &err) != 0)
			fprintf(stderr, "dispense: %s\n", sb_str(&err));
		t[r] = now_ms() - t0;
	}
	figure("dispense a five-line prescription", median(t, RUNS), "ms");
	sb_free(&err);
}

/* The next data cell of `--format data` text after *at ("BARIS,KOLOM,NILAI"
 * lines after a header): its key's start and length and its value; 0 at the end. */
static int next_cell(const char **at, const char **key, int *key_len, long *value)
{
	for (const char *line = strchr(*at, '\n'); line && line[1]; line = strchr(line + 1, '\n')) {
		const char *end = strchr(line + 1, '\n'), *comma = NULL;
		for (const char *c = line + 1; *c && c != end; c++)
			comma = *c == ',' ? c : comma;	/* the value follows the last comma */
		if (!comma)
			continue;
		*at = comma;
		*key = line + 1;
		*key_len = (int)(comma - line - 1);
		*value = atol(comma + 1);
		return 1;
	}
	return 0;
}

/* The data officer's month: the rows behind last month's largest LB1 cell
 * (asal) and the checks before signing (periksa). */
static void month_checks(sqlite3 *db, const struct pkm_config *cfg)
{
	char month[8], from[11], to[11];
	last_month(month, from, to);
	struct sbuf err = { 0 };
	struct report_req req = { "lb1", month, LAYOUT_KLASIK, FMT_DATA, 80 };
	char *text = NULL, cell[96] = "";
	size_t len = 0;
	long best = 0;
	if (report_render(db, cfg, &req, &text, &len, &err) == 0) {
		const char *at = text, *key;
		int klen;
		long v;
		while (next_cell(&at, &key, &klen, &v))
			if (v > best) {
				best = v;
				snprintf(cell, sizeof cell, "%.*s", klen, key);
			}
	}
	free(text);
	double t[RUNS];
	req.format = FMT_TEXT;
	for (int r = 0; r < RUNS && cell[0]; r++) {
		struct asal a = { 0 };
		double t0 = now_ms();
		if (asal_build(db, cfg, &req, cell, &a, &err) != ASAL_OK)
			fprintf(stderr, "asal %s: %s\n", cell, sb_str(&err));
		t[r] = now_ms() - t0;
		asal_free(&a);
	}
	fprintf(stderr, "bench: the largest LB1 cell of %s is %s (%ld)\n", month, cell, best);
	figure("rows behind the largest LB1 cell", cell[0] ? median(t, RUNS) : 0, "ms");
	struct form_set forms;
	forms_load_dir(db, cfg->forms_dir, &forms, &err);
	for (int r = 0; r < 3; r++) {
		struct periksa p;
		double t0 = now_ms();
		if (periksa_month(db, cfg, &forms, month, date_today(), &p, &err) != 0)
			fprintf(stderr, "periksa: %s\n", sb_str(&err));
		else
			periksa_free(&p);
		t[r] = now_ms() - t0;
	}
	forms_free(&forms);
	figure("checks of a month (periksa)", median(t, 3), "ms");
	sb_free(&err);
}

/* Kohort registers in: 10,000 weighing rows of the under-fives, on Sundays
 * of last month (the demo is closed on Sundays: every row opens its visit),
 * imported into a copy of the database through the screen's checks. */
static void form_import(sqlite3 *db, const char *path, const char *dir)
{
	char csv[512], copy[512];
	snprintf(csv, sizeof csv, "%s/bench-penimbangan.csv", dir);
	snprintf(copy, sizeof copy, "%s/bench-formulir.db", dir);
	FILE *out = fopen(csv, "w");
	if (!out)
		return;
	fputs("no_rm,tanggal,unit,bb,pb_tb,cara_ukur,lk,status_gizi,stunting,bgm,vitamin_a,asi_eksklusif,buku_kia\n", out);
	sqlite3_stmt *st = db_prepare(db,
		"WITH d(t) AS (SELECT date(?1, '+' || ((7 - strftime('%w', ?1)) % 7) || ' days') UNION ALL "
		"SELECT date(t, '+7 days') FROM d LIMIT 3), a AS (SELECT p.no_rm, d.t, julianday(d.t) - "
		"julianday(p.tanggal_lahir) AS hari FROM pasien p, d WHERE p.tanggal_lahir < date(d.t, '-60 days') "
		"AND p.tanggal_lahir > date(d.t, '-59 months')) SELECT no_rm, t, printf('%.1f', 3.5 + hari / 146.0), "
		"printf('%.1f', 55 + hari / 30.4), CASE WHEN hari < 730 THEN 'PB' ELSE 'TB' END FROM a ORDER BY t, no_rm "
		"LIMIT 10000", NULL);
	char month[8], from[11], next[11];
	last_month(month, from, next);
	if (st)
		sqlite3_bind_text(st, 1, from, -1, SQLITE_TRANSIENT);
	long rows = 0;
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		fprintf(out, "%s,%s,K2,%s,%s,%s,,BAIK,NORMAL,T,,,Y\n", (const char *)sqlite3_column_text(st, 0),
			(const char *)sqlite3_column_text(st, 1), (const char *)sqlite3_column_text(st, 2),
			(const char *)sqlite3_column_text(st, 3), (const char *)sqlite3_column_text(st, 4));
		rows++;
	}
	sqlite3_finalize(st);
	fclose(out);
	struct sbuf err = { 0 }, done = { 0 };
	sqlite3 *to = copy_db(db, path, copy) == 0 ? pkm_open(copy, &err) : NULL;
	struct pkm_config cfg;
	config_defaults(&cfg);
	struct form_set forms = { 0 };
	struct form *f = NULL;
	if (to && forms_load_dir(to, cfg.forms_dir, &forms, &err) == 0)
		for (int i = 0; i < forms.n && !f; i++)
			f = strcmp(forms.forms[i].id, "k2_penimbangan") == 0 ? &forms.forms[i] : NULL;
	if (f) {
		db_set_user(to, "sistem:bench");
		double t0 = now_ms();
		if (import_formulir(to, f, csv, NULL, &done, &err) != 0)
			fprintf(stderr, "form import: %s\n", sb_str(&err));
		double t = now_ms() - t0;
		if (rows != 10000)
			fprintf(stderr, "bench: only %ld weighing rows to import\n", rows);
		figure("import formulir 10,000 rows", t, "ms");
	} else {
		fprintf(stderr, "form import: %s\n", sb_str(&err));
	}
	forms_free(&forms);
	if (to)
		db_close(to);
	sb_free(&err);
	sb_free(&done);
	remove_db(copy);
	remove(csv);
}

/* Monthly data to DHIS2: last month's LB1 as a dataValueSet (JSON), every
 * non-zero cell mapped, as a whole process (pkm hands it to pkm-kirim). */
static void dhis2_export(sqlite3 *db, const struct pkm_config *cfg, const char *pkm, const char *path,
			 const char *dir)
{
	char month[8], from[11], to[11], map[512];
	last_month(month, from, to);
	snprintf(map, sizeof map, "%s/bench-dhis2.ini", dir);
	struct report_req req = { "lb1", month, LAYOUT_KLASIK, FMT_DATA, 80 };
	char *text = NULL;
	size_t len = 0;
	struct sbuf err = { 0 };
	FILE *out = fopen(map, "w");
	if (!out || report_render(db, cfg, &req, &text, &len, &err) != 0) {
		fprintf(stderr, "dhis2: %s\n", sb_str(&err));
		if (out)
			fclose(out);
		free(text);
		sb_free(&err);
		return;
	}
	fputs("[dhis2]\ndataSet = pKmLb1Set01\norgUnit = DiWp4PkmOu1\nidScheme = uid\nnol = lewati\n\n[peta]\n", out);
	int n = 0;
	const char *at = text, *key;
	int klen;
	long v;
	for (; next_cell(&at, &key, &klen, &v); n++)	/* a made-up UID a cell: a letter, then ten letters or digits */
		fprintf(out, "%.*s = D%010d C%010d\n", klen, key, n, n % 7);
	fclose(out);
	free(text);
	sb_free(&err);
	char *run[] = { (char *)pkm, "--db", (char *)path, "ekspor", "dhis2", "--month", month, "--laporan", "lb1",
			"--peta", map, NULL };
	double t[RUNS];
	for (int r = 0; r < RUNS; r++)
		t[r] = process_ms(run, "ekspor dhis2");
	fprintf(stderr, "bench: dhis2 export of %d cells\n", n);
	figure("process ekspor dhis2 lb1", median(t, RUNS), "ms");
	remove(map);
}

int main(int argc, char **argv)
{
	if (argc != 5) {
		fprintf(stderr, "usage: bench DB YEARS WORKDIR PKM\n");
		return 2;
	}
	db_library_init();	/* as pkm's main */
	struct sbuf err = { 0 };
	sqlite3 *db = pkm_open(argv[1], &err);
	if (!db) {
		fprintf(stderr, "%s\n", sb_str(&err));
		return 1;
	}
	struct pkm_config cfg;
	config_defaults(&cfg);
	char name[128], nik[20], rm[24];
	text_of(db, "SELECT nama FROM pasien WHERE nama LIKE '% %' ORDER BY id LIMIT 1 OFFSET 777", name, sizeof name);
	text_of(db, "SELECT nik FROM pasien WHERE nik IS NOT NULL ORDER BY id LIMIT 1 OFFSET 4321", nik, sizeof nik);
	text_of(db, "SELECT no_rm FROM pasien ORDER BY id LIMIT 1 OFFSET 31337", rm, sizeof rm);
	/* searches as a desk runs them: its connection, its smaller page cache */
	sqlite3 *desk = pkm_open(argv[1], &err);
	if (!desk) {
		fprintf(stderr, "%s\n", sb_str(&err));
		return 1;
	}
	db_desk_cache(desk);
	search_typing(desk, "name", name);
	search_typing(desk, "NIK", nik);
	search_typing(desk, "No. RM", rm);
	search_typing(desk, "name not found", "YOHANES ZAKARIA");
	db_close(desk);
	reports(db, &cfg);
	month_checks(db, &cfg);
	audit_first_page(db);
	saves(db, &cfg);
	imports(db, argv[1], argv[3]);
	form_import(db, argv[1], argv[3]);
	card_first_page(db);
	counter(db, &cfg);
	trail_share(db);
	opening(argv[1]);
	struct stat s;
	if (stat(argv[1], &s) == 0)
		figure("database size per year", s.st_size / 1048576.0 / atof(argv[2]), "MB");
	dhis2_export(db, &cfg, argv[4], argv[1], argv[3]);
	db_close(db);
	processes(argv[4], argv[1]);
	dashboards(argv[4], argv[1]);
	return 0;
}
