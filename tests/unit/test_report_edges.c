/* Reports at the edges: a row whose conditions bind more than 200 values is
 * counted right (and check-forms would refuse one past SQLite's limit); a read
 * error in the middle of a report makes it refuse, never print short (a VFS
 * shim fails every read once armed); a report read inside a write transaction
 * ends with a savepoint and leaves the caller's work uncommitted. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "pkm/config.h"
#include "pkm/db.h"
#include "pkm/lb1.h"
#include "pkm/lb2.h"
#include "pkm/open.h"
#include "pkm/patient.h"
#include "pkm/rowdef.h"
#include "pkm/user.h"
#include "pkm/visit.h"

/* ---- a VFS that forwards to the default one, and fails reads when armed ---- */

static sqlite3_vfs *real_vfs, shim_vfs;
static int fail_reads;	/* 1: every xRead fails with SQLITE_IOERR_READ */
static long reads, fail_from;	/* fail_from > 0: reads past that many fail */

struct shim_file {
	sqlite3_file base;
	sqlite3_file *real;	/* lives right after this struct */
};

#define REAL(f) (((struct shim_file *)(f))->real)
static int s_close(sqlite3_file *f) { return REAL(f)->pMethods->xClose(REAL(f)); }
static int s_read(sqlite3_file *f, void *b, int n, sqlite3_int64 o)
{
	reads++;
	return fail_reads || (fail_from && reads > fail_from) ? SQLITE_IOERR_READ : REAL(f)->pMethods->xRead(REAL(f), b, n, o);
}
static int s_write(sqlite3_file *f, const void *b, int n, sqlite3_int64 o) { return REAL(f)->pMethods->xWrite(REAL(f), b, n, o); }
static int s_truncate(sqlite3_file *f, sqlite3_int64 n) { return REAL(f)->pMethods->xTruncate(REAL(f), n); }
static int s_sync(sqlite3_file *f, int fl) { return REAL(f)->pMethods->xSync(REAL(f), fl); }
static int s_size(sqlite3_file *f, sqlite3_int64 *n) { return REAL(f)->pMethods->xFileSize(REAL(f), n); }
static int s_lock(sqlite3_file *f, int l) { return REAL(f)->pMethods->xLock(REAL(f), l); }
static int s_unlock(sqlite3_file *f, int l) { return REAL(f)->pMethods->xUnlock(REAL(f), l); }
static int s_check(sqlite3_file *f, int *r) { return REAL(f)->pMethods->xCheckReservedLock(REAL(f), r); }
static int s_ctl(sqlite3_file *f, int op, void *a) { return REAL(f)->pMethods->xFileControl(REAL(f), op, a); }
static int s_sector(sqlite3_file *f) { return REAL(f)->pMethods->xSectorSize(REAL(f)); }
static int s_dev(sqlite3_file *f) { return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f)); }
static int s_shmmap(sqlite3_file *f, int i, int sz, int ext, void volatile **p)
{
	return REAL(f)->pMethods->xShmMap(REAL(f), i, sz, ext, p);
}
static int s_shmlock(sqlite3_file *f, int o, int n, int fl) { return REAL(f)->pMethods->xShmLock(REAL(f), o, n, fl); }
static void s_shmbarrier(sqlite3_file *f) { REAL(f)->pMethods->xShmBarrier(REAL(f)); }
static int s_shmunmap(sqlite3_file *f, int del) { return REAL(f)->pMethods->xShmUnmap(REAL(f), del); }

/* version 2: no xFetch, so SQLite reads through xRead even with mmap on */
static const sqlite3_io_methods shim_io = {
	2, s_close, s_read, s_write, s_truncate, s_sync, s_size, s_lock, s_unlock, s_check, s_ctl, s_sector, s_dev,
	s_shmmap, s_shmlock, s_shmbarrier, s_shmunmap, NULL, NULL,
};

static int s_open(sqlite3_vfs *v, const char *name, sqlite3_file *f, int flags, int *out)
{
	(void)v;
	struct shim_file *sf = (struct shim_file *)f;
	sf->real = (sqlite3_file *)(sf + 1);
	int rc = real_vfs->xOpen(real_vfs, name, sf->real, flags, out);
	f->pMethods = rc == SQLITE_OK ? &shim_io : NULL;
	return rc;
}

static void shim_install(void)
{
	real_vfs = sqlite3_vfs_find(NULL);
	shim_vfs = *real_vfs;
	shim_vfs.zName = "pkm_uji";
	shim_vfs.szOsFile = (int)sizeof(struct shim_file) + real_vfs->szOsFile;
	shim_vfs.xOpen = s_open;
	sqlite3_vfs_register(&shim_vfs, 1);
}

/* ---- the database ---- */

static char path[96], dir[64];
static struct pkm_config cfg;

static void write_file(const char *name, const char *text)
{
	FILE *f = fopen(name, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int setup(void **s)
{
	(void)s;
	shim_install();
	config_defaults(&cfg);
	snprintf(dir, sizeof dir, "/tmp/pkm-tepi-XXXXXX");
	if (!mkdtemp(dir))
		return -1;
	snprintf(path, sizeof path, "%s/pkm.db", dir);
	struct sbuf err = { 0 };
	sqlite3 *db = pkm_open(path, &err);
	if (!db || db_begin(db) != 0)
		return -1;
	/* 400 patients with a J06 visit in October, one with A09 */
	for (int i = 0; i < 401; i++) {
		struct patient p = { .sex = i % 2 ? 'L' : 'P' };
		snprintf(p.nama, sizeof p.nama, "Pasien Uji %d", i);
		str_copy(p.tanggal_lahir, sizeof p.tanggal_lahir, "1990-05-05");
		str_copy(p.penjamin, sizeof p.penjamin, "UMUM");
		struct visit v;
		int created, added;
		if (patient_insert(db, &p, &err) != 0 ||
		    visit_insert(db, &p, (struct date){ 2026, 10, 1 + i % 28 }, "K3", "UMUM", &v, &created, &err) != 0 ||
		    diag_insert(db, &cfg, &v, i == 400 ? "A09" : "J06", 'B', &added, &err) != 0)
			return -1;
	}
	int rc = db_commit(db);
	db_close(db);
	return rc;
}

static int teardown(void **s)
{
	(void)s;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* 10 alternatives of 16 code prefixes each: 320 values, J06 the very last */
static void test_many_values(void **s)
{
	(void)s;
	struct sbuf def = { 0 };
	sb_add(&def, "[laporan]\njudul = UJI\nkolom = jk\n\n[baris.banyak]\nlabel = Banyak kode\ndari = diagnosis\n"
		     "hitung = baris\nsumber = uji\nsyarat = ");
	for (int a = 0; a < 10; a++) {
		sb_add(&def, a ? " atau icd10 ~ " : "icd10 ~ ");
		for (int k = 0; k < 16; k++)
			sb_printf(&def, "%s%c%02d", k ? "|" : "", 'B' + a, k + (a == 9 && k == 15 ? 0 : 10));
	}
	/* the last prefix of the last alternative is J06 */
	char *last = strrchr(def.s, '|');
	memcpy(last + 1, "J06", 3);
	sb_add(&def, "\n");
	char file[96];
	snprintf(file, sizeof file, "%s/uji.ini", dir);
	write_file(file, def.s);
	struct sbuf err = { 0 };
	sqlite3 *db = pkm_open(path, &err);
	assert_non_null(db);
	struct rowdef d;
	assert_int_equal(rowdef_load(db, file, &d, &err), 0);
	assert_true(rowdef_row_params(&d.rows[0]) > 200);
	struct rd_result r;
	assert_int_equal(rowdef_count(db, &cfg, &d, "2026-10", &r, &err), 0);
	assert_int_equal(r.v[0][2], 400);
	rd_result_free(&r);
	rowdef_free(&d);
	db_close(db);
	sb_free(&def);
	sb_free(&err);
}

/* a read error anywhere in a report: refused with the reason, nothing short */
static void test_read_error(void **s)
{
	(void)s;
	struct sbuf err = { 0 };
	sqlite3 *db = pkm_open(path, &err);
	assert_non_null(db);
	sqlite3_exec(db, "PRAGMA cache_size = 0", NULL, NULL, NULL);	/* every page read again */
	struct lb1 r;
	assert_int_equal(lb1_build(db, "2026-10", LAYOUT_KLASIK, &r, &err), 0);
	assert_int_equal(r.pairs, 401);
	lb1_free(&r);
	reads = 0;
	fail_reads = 1;
	sb_reset(&err);
	assert_int_equal(lb1_build(db, "2026-10", LAYOUT_KLASIK, &r, &err), -1);
	assert_true(reads > 0);
	assert_non_null(strstr(sb_str(&err), "I/O"));
	assert_int_equal(r.nrows, 0);
	struct lb2 l2;
	sb_reset(&err);
	assert_int_equal(lb2_build(db, &cfg.farmasi, "2026-10", &l2, &err), -1);
	assert_int_equal(l2.n, 0);
	fail_reads = 0;
	db_close(db);
	sb_free(&err);
}

/* a list that stops on a read error part-way says so (-1), never a short list */
static void test_list_read_error(void **s)
{
	(void)s;
	struct sbuf err = { 0 };
	sqlite3 *db = pkm_open(path, &err);
	assert_non_null(db);
	sqlite3_exec(db, "PRAGMA cache_size = 0", NULL, NULL, NULL);
	static struct patient found[200];
	assert_int_equal(patient_search(db, "pasien uji", found, 200), 200);
	reads = 0;
	fail_from = 20;
	assert_int_equal(patient_search(db, "pasien uji", found, 200), -1);
	assert_true(reads > 20);
	struct user *users = NULL;
	reads = 0;
	fail_from = 1;
	assert_int_equal(user_list(db, &users), -1);
	assert_null(users);
	fail_from = 0;
	db_close(db);
	sb_free(&err);
}

/* inside a caller's write transaction a report reads in a savepoint: the
 * caller's work is still its own to commit or roll back */
static void test_nested_snapshot(void **s)
{
	(void)s;
	struct sbuf err = { 0 };
	sqlite3 *db = pkm_open(path, &err);
	assert_non_null(db);
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(sqlite3_exec(db, "UPDATE pasien SET alamat = 'sementara' WHERE id = 1", NULL, NULL, NULL),
			 SQLITE_OK);
	struct lb1 r;
	assert_int_equal(lb1_build(db, "2026-10", LAYOUT_KLASIK, &r, &err), 0);
	lb1_free(&r);
	assert_false(sqlite3_get_autocommit(db));	/* still inside the caller's transaction */
	db_rollback(db);
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM pasien WHERE alamat = 'sementara'", -1), 0);
	db_close(db);
	sb_free(&err);
}

/* a table too wide for the trail's triggers is refused at open, not audited in part */
static void test_wide_table(void **s)
{
	(void)s;
	char wide[96];
	snprintf(wide, sizeof wide, "%s/lebar.db", dir);
	struct sbuf err = { 0 }, sql = { 0 };
	sqlite3 *db = pkm_open(wide, &err);
	assert_non_null(db);
	sb_add(&sql, "CREATE TABLE f_lebar (kunjungan_id INTEGER PRIMARY KEY");
	for (int i = 0; i < 70; i++)
		sb_printf(&sql, ", k%d INTEGER", i);
	sb_add(&sql, ") STRICT");
	assert_int_equal(sqlite3_exec(db, sb_str(&sql), NULL, NULL, NULL), SQLITE_OK);
	db_close(db);
	db = pkm_open(wide, &err);
	assert_null(db);
	assert_non_null(strstr(sb_str(&err), "tabel f_lebar punya lebih dari 64 kolom"));
	sb_free(&sql);
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_many_values),
		cmocka_unit_test(test_read_error),
		cmocka_unit_test(test_list_read_error),
		cmocka_unit_test(test_nested_snapshot),
		cmocka_unit_test(test_wide_table),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
