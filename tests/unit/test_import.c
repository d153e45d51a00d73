/* Bulk imports written from their staging table: patients without a No. RM
 * get the series' next numbers and their search words; the file is named in
 * one trail row with the SHA-256 of the bytes read; a NIK a desk registered
 * while the file was being checked refuses the write whole, naming the line;
 * imported visits take the queue numbers after the desk's and after a number
 * given up, per day and unit, a cancelled visit back keeping its own. */
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
#include "pkm/import.h"
#include "pkm/open.h"
#include "pkm/patient.h"

static sqlite3 *db;
static char path[64];

static const char file[] = "no_rm,nik,nama,jenis_kelamin,tanggal_lahir\n"
			   ",,Ani Lestari,P,1996-03-10\n"
			   ",3204100101800001,Budi Santoso,L,1980-01-01\n"
			   "A-7,,Candra Wijaya,L,1970-01-01\n";

static int setup(void **s)
{
	(void)s;
	struct sbuf err = { 0 };
	db = pkm_open(":memory:", &err);
	db_set_user(db, "admin");
	snprintf(path, sizeof path, "/tmp/pkm-test-import-%d.csv", (int)getpid());
	FILE *f = fopen(path, "w");
	if (!db || !f)
		return -1;
	fputs(file, f);
	return fclose(f);
}

static int teardown(void **s)
{
	(void)s;
	db_close(db);
	remove(path);
	return 0;
}

/* `sha256sum` of the file above */
static const char file_sha256[] = "9d66f2ab67d97d75b6b4ecb84591e2956596ea8444a101c6e506486e60190bc1";

static void a_desk_took_the_nik_meanwhile(void **s)
{
	(void)s;
	/* the desk's save lands between the checks and the write (a trigger: a
	 * temporary one would go with the import's switch to temp_store=FILE) */
	assert_int_equal(sqlite3_exec(db, "CREATE TRIGGER desk AFTER UPDATE OF impor ON pelaku BEGIN "
				      "INSERT INTO pasien (no_rm, nik, nama, nama_cari, jenis_kelamin, tanggal_lahir, penjamin) "
				      "VALUES ('D-1', '3204100101800001', 'Meja', 'MEJA', 'L', '1980-01-01', 'UMUM'); END",
				      NULL, NULL, NULL), SQLITE_OK);
	struct sbuf done = { 0 }, err = { 0 };
	assert_int_not_equal(import_pasien(db, path, NULL, &done, &err), 0);
	assert_non_null(strstr(sb_str(&err), ":3: nik: NIK 3204100101800001 sudah terdaftar"));
	assert_non_null(strstr(sb_str(&err), "tidak ada yang disimpan"));
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM pasien", -1), 0);
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM pasien_kata", -1), 0);
	assert_int_equal(sqlite3_exec(db, "DROP TRIGGER desk", NULL, NULL, NULL), SQLITE_OK);
	sb_free(&done);
	sb_free(&err);
}

static void numbered_searchable_and_named_in_the_trail(void **s)
{
	(void)s;
	struct sbuf done = { 0 }, err = { 0 };
	if (import_pasien(db, path, NULL, &done, &err) != 0)
		fail_msg("%s", sb_str(&err));
	struct patient p[4];
	assert_int_equal(patient_search(db, "budi", p, 4), 1);
	assert_string_equal(p[0].no_rm, "000002");
	assert_int_equal(patient_search(db, "ani lestari", p, 4), 1);
	assert_string_equal(p[0].no_rm, "000001");
	assert_int_equal(patient_search(db, "candra", p, 4), 1);
	assert_string_equal(p[0].no_rm, "A-7");
	/* one trail row for the file, none per row */
	char want[160];
	snprintf(want, sizeof want, "(%zu byte, sha256 %s, 3 baris): pasien id 1-3", strlen(file), file_sha256);
	assert_int_equal(db_query_text_exists(db, "SELECT 1 FROM audit WHERE aksi = 'TAMBAH' AND tabel = 'pasien' "
					      "AND baris = 1 AND sampai = 3 AND instr(baru, ?) > 0", want), 1);
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM audit WHERE tabel = 'pasien'", -1), 1);
	sb_free(&done);
	sb_free(&err);
}

static void visits_numbered_after_the_desk(void **s)
{
	(void)s;
	struct sbuf done = { 0 }, err = { 0 };
	/* the desk: Ani at K1 (1), number 2 given up, Candra at K3 (1) cancelled */
	assert_int_equal(db_exec(db, "INSERT INTO kunjungan (pasien_id, tanggal, unit, penjamin, no_antrian, umur_tahun, "
				 "umur_bulan, umur_hari, umur_total_hari, batal) VALUES "
				 "(1, '2026-11-20', 'K1', 'UMUM', 1, 30, 8, 10, 11213, NULL), "
				 "(3, '2026-11-20', 'K3', 'UMUM', 1, 56, 10, 19, 20777, 'salah unit'); "
				 "INSERT INTO antrian_lepas VALUES ('2026-11-20', 'K1', 2)", &err), 0);
	static const char lines[] = "no_rm,tanggal,unit,icd10\n"
				    "000002,2026-11-20,K1,J06.9\n"
				    "A-7,2026-11-20,K3,I10\n"
				    "000001,2026-11-20,K1,A09\n"
				    "A-7,2026-11-20,K1,R50.9\n"
				    "000002,2026-11-20,K3,K30\n"
				    "000001,2026-11-21,K1,J06.9\n";
	char visits[80];
	snprintf(visits, sizeof visits, "%s.kunjungan", path);
	FILE *f = fopen(visits, "w");
	assert_non_null(f);
	fputs(lines, f);
	fclose(f);
	struct pkm_config cfg;
	config_defaults(&cfg);
	if (import_kunjungan(db, &cfg, visits, NULL, &done, &err) != 0)
		fail_msg("%s", sb_str(&err));
	remove(visits);
	assert_non_null(strstr(sb_str(&done), "5 kunjungan dan 6 diagnosis diimpor"));
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT group_concat(x, ' ') FROM (SELECT pasien_id || '@' || tanggal || "
					    "'/' || unit || '=' || no_antrian || iif(batal IS NULL, '', '!') AS x "
					    "FROM kunjungan ORDER BY tanggal, unit, no_antrian)", -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0),
			    "1@2026-11-20/K1=1 2@2026-11-20/K1=3 3@2026-11-20/K1=4 3@2026-11-20/K3=1 2@2026-11-20/K3=2 "
			    "1@2026-11-21/K1=1");
	sqlite3_finalize(st);
	sb_free(&done);
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(a_desk_took_the_nik_meanwhile),
		cmocka_unit_test(numbered_searchable_and_named_in_the_trail),
		cmocka_unit_test(visits_numbered_after_the_desk),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
