/* Patient search: words of the name from their start (through pasien_kata, from
 * the rarest word), numbers from the start of No. RM, NIK or No. BPJS, a birth
 * date, and a word so common that the first screenful is taken and sorted. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <stdlib.h>
#include "pkm/db.h"
#include "pkm/ident.h"
#include "pkm/migrate.h"
#include "pkm/open.h"
#include "pkm/patient.h"

static sqlite3 *db;

static void add(const char *nama, char sex, const char *born, const char *nik, const char *bpjs)
{
	struct patient p = { 0 };
	str_copy(p.nama, sizeof p.nama, nama);
	p.sex = sex;
	str_copy(p.tanggal_lahir, sizeof p.tanggal_lahir, born);
	str_copy(p.nik, sizeof p.nik, nik);
	str_copy(p.no_bpjs, sizeof p.no_bpjs, bpjs);
	str_copy(p.penjamin, sizeof p.penjamin, *bpjs ? "BPJS_PBI" : "UMUM");
	struct sbuf err = { 0 };
	if (patient_insert(db, &p, &err) != 0)
		fail_msg("%s", sb_str(&err));
	sb_free(&err);
}

static int setup(void **s)
{
	(void)s;
	struct sbuf err = { 0 };
	db = pkm_open(":memory:", &err);
	if (!db || db_begin(db) != 0)
		return -1;
	add("Siti Rahayu", 'P', "1980-08-17", "3204105708800001", "0001234567890");
	add("Sarah Wijaya", 'P', "1990-01-02", "3204104201900002", "");
	add("Agus Rahmat", 'L', "1975-05-05", "3273010505750003", "0009876543210");
	add("Rahmat Hidayat", 'L', "1980-08-17", "", "");
	/* more than a screenful share the word ANDI (the common-word path) */
	for (int i = 0; i < 2100; i++) {
		char nama[64], nik[32];
		snprintf(nama, sizeof nama, "Andi %c%c%c Saputra", 'A' + i % 26, 'A' + i / 26 % 26, 'A' + i / 676);
		snprintf(nik, sizeof nik, "320599%02d01%02d%04d", 1 + i % 28, 80 + i % 20, i);
		add(nama, 'L', "1985-03-01", nik, "");
	}
	return db_commit(db);
}

static int teardown(void **s)
{
	(void)s;
	db_close(db);
	return 0;
}

static struct patient found[200];

static void test_words(void **s)
{
	(void)s;
	/* a word matches the start of any word of the name, never the middle */
	assert_int_equal(patient_search(db, "rah", found, 200), 3);
	assert_string_equal(found[0].nama, "Agus Rahmat");	/* by name */
	assert_string_equal(found[1].nama, "Rahmat Hidayat");
	assert_string_equal(found[2].nama, "Siti Rahayu");
	assert_int_equal(patient_search(db, "siti rah", found, 200), 1);
	assert_int_equal(patient_search(db, "ahmat", found, 200), 0);
	/* with a birth date, in either form */
	assert_int_equal(patient_search(db, "rah 17-08-1980", found, 200), 2);
	assert_int_equal(patient_search(db, "1980-08-17", found, 200), 2);
	assert_int_equal(patient_search(db, "qqq", found, 200), 0);
	/* a birth year beside a name */
	assert_int_equal(patient_search(db, "siti 1980", found, 200), 1);
	assert_int_equal(patient_search(db, "rah 1980", found, 200), 2);
	assert_int_equal(patient_search(db, "siti 1981", found, 200), 0);
}

static void test_numbers(void **s)
{
	(void)s;
	assert_int_equal(patient_search(db, "3204105708", found, 200), 1);
	assert_string_equal(found[0].nama, "Siti Rahayu");
	assert_int_equal(patient_search(db, "0009876", found, 200), 1);	/* No. BPJS */
	assert_string_equal(found[0].nama, "Agus Rahmat");
	assert_int_equal(patient_search(db, "000004", found, 200), 1);	/* No. RM */
	assert_string_equal(found[0].nama, "Rahmat Hidayat");
	/* the serial typed without its zeros: "4" is No. RM 000004, first */
	assert_true(patient_search(db, "4", found, 200) >= 1);
	assert_string_equal(found[0].no_rm, "000004");
	/* "3" starts thousands of NIKs: one screenful, no patient twice */
	int n = patient_search(db, "3", found, 200);
	assert_int_equal(n, 200);
	for (int i = 0; i < n; i++)
		for (int j = i + 1; j < n; j++)
			assert_true(found[i].id != found[j].id);
}

static void test_mother(void **s)
{
	(void)s;
	struct patient p = { 0 };
	str_copy(p.nama, sizeof p.nama, "Bayi Ny. Wulan");
	str_copy(p.nama_ibu, sizeof p.nama_ibu, "Wulandari  Putri");
	p.sex = 'L';
	str_copy(p.tanggal_lahir, sizeof p.tanggal_lahir, "2026-11-20");
	str_copy(p.penjamin, sizeof p.penjamin, "UMUM");
	struct sbuf err = { 0 };
	assert_int_equal(patient_save_new(db, &p, &err), 0);
	/* "ibu" and the mother's words, in any order, from their start */
	assert_int_equal(patient_search(db, "ibu wulan", found, 200), 1);
	assert_string_equal(found[0].nama, "Bayi Ny. Wulan");
	assert_int_equal(patient_search(db, "ibu putri wulanda", found, 200), 1);
	assert_int_equal(patient_search(db, "ibu wulan 2026", found, 200), 1);
	assert_int_equal(patient_search(db, "ibu putri qqq", found, 200), 0);
	/* the mother's words are not the patient's */
	assert_int_equal(patient_search(db, "putri", found, 200), 0);
	assert_int_equal(patient_search(db, "ibu siti", found, 200), 0);
	/* "ibu" alone is a name word like any other */
	assert_int_equal(patient_search(db, "ibu", found, 200), 0);
	sb_free(&err);
}

static void test_common_word(void **s)
{
	(void)s;
	/* ANDI is on 2100 patients: a screenful, sorted by name */
	int n = patient_search(db, "andi", found, 200);
	assert_int_equal(n, 200);
	for (int i = 1; i < n; i++)
		assert_true(strcasecmp(found[i - 1].nama, found[i].nama) <= 0);
	/* the rarer word narrows it */
	assert_int_equal(patient_search(db, "andi bca", found, 200), 1);
	assert_string_equal(found[0].nama, "Andi BCA Saputra");
	assert_int_equal(patient_search(db, "saputra andi qqq", found, 200), 0);
}

/* Apostrophes, hyphens and dots are ignored when matching, the name kept as typed. */
static void test_marks(void **s)
{
	(void)s;
	add("Nur'aini Syafi'i", 'P', "1992-04-04", "", "");
	add("Abd. Rahman-Hakim", 'L', "1970-01-01", "", "");
	const char *finds[] = { "nuraini", "syafii", "aini", "nur'aini", "nur-aini syafi", "nur syafi'i 1992", "i nur" };
	for (size_t i = 0; i < sizeof finds / sizeof *finds; i++) {
		assert_int_equal(patient_search(db, finds[i], found, 200), 1);
		assert_string_equal(found[0].nama, "Nur'aini Syafi'i");
	}
	assert_int_equal(patient_search(db, "rahmanhakim", found, 200), 1);
	assert_string_equal(found[0].nama, "Abd. Rahman-Hakim");
	assert_int_equal(patient_search(db, "hakim abd", found, 200), 1);
	/* a mark does not make a word's middle a start */
	assert_int_equal(patient_search(db, "raini", found, 200), 0);
	/* the parts are kept in pasien_kata, so even a part drives the search from its index */
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM pasien_kata WHERE kata IN ('NURAINI', 'NUR', 'AINI', "
				       "'SYAFII', 'SYAFI', 'I') AND pasien_id = (SELECT id FROM pasien WHERE nama GLOB 'Nur*')", -1), 6);
	char words[200];
	name_search_words("  Nur\xe2\x80\x99" "aini  M.  -  Syafi'i ", words, sizeof words);
	assert_string_equal(words, "NURAINI NUR AINI M SYAFII SYAFI I");
}

/* The search's word lookups are index range scans, never a table scan. */
static void test_plan(void **s)
{
	(void)s;
	sqlite3_stmt *st = db_prepare(db, "EXPLAIN QUERY PLAN SELECT 1 FROM pasien_kata WHERE kata >= 'AINI' AND kata < 'AINJ'",
				      NULL);
	assert_non_null(st);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_non_null(strstr((const char *)sqlite3_column_text(st, 3), "SEARCH pasien_kata"));
	sqlite3_finalize(st);
}

/* A database of the version before 022 has its words rebuilt without marks. */
static void test_migration(void **s)
{
	(void)s;
	char path[] = "/tmp/pkm_search_XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
	struct sbuf err = { 0 };
	sqlite3 *old = db_connect(path, &err);	/* made by the migrations before 022, as an old pkm left it */
	assert_non_null(old);
	for (int v = 0; v < 21; v++)
		assert_int_equal(db_exec(old, pkm_migrations[v].sql, &err), 0);
	assert_int_equal(db_exec(old, "INSERT INTO pasien (no_rm, nama, nama_cari, jenis_kelamin, tanggal_lahir, alamat, desa, "
				 "penjamin) VALUES ('000001', 'Nur''aini', 'NUR''AINI', 'P', '1990-01-01', '', '', 'UMUM');"
				 "DELETE FROM pasien_kata; INSERT INTO pasien_kata VALUES ('NUR''AINI', 1);"
				 "PRAGMA user_version = 21; PRAGMA application_id = 1347112241", &err), 0);
	db_close(old);
	sqlite3 *now = pkm_open(path, &err);
	assert_non_null(now);
	assert_int_equal(patient_search(now, "aini", found, 200), 1);
	assert_int_equal(db_query_long(now, "SELECT count(*) FROM pasien_kata", -1), 3);
	db_close(now);
	unlink(path);
	char lock[64];	/* the process lock beside it (db.c) */
	snprintf(lock, sizeof lock, "%s-pkm.kunci", path);
	unlink(lock);
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_common_word),
		cmocka_unit_test(test_mother),
		cmocka_unit_test(test_marks),
		cmocka_unit_test(test_plan),
		cmocka_unit_test(test_migration),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
