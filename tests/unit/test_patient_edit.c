/* Correcting a patient: a new birth date recomputes the stored ages of the
 * patient's visits in the same transaction and tells which months' age bands
 * change; a refused correction writes nothing; the search words follow a
 * changed name. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include "pkm/patient_edit.h"
#include "fixture.h"

static struct patient candra;

static void visit_on(const char *day)
{
	fx_visit(&candra, fx_day(day), "K3");
}

static int setup(void **s)
{
	(void)s;
	if (fx_open(":memory:") != 0)
		return -1;
	candra = fx_patient("Candra Wijaya", 'L', "1970-01-01", "UMUM");
	struct patient other = { .sex = 'L' };
	str_copy(other.nama, sizeof other.nama, "Budi Lain");
	str_copy(other.tanggal_lahir, sizeof other.tanggal_lahir, "1970-01-01");
	str_copy(other.penjamin, sizeof other.penjamin, "UMUM");
	str_copy(other.nik, sizeof other.nik, "3204100101700001");
	struct sbuf err = { 0 };
	if (patient_save_new(db, &other, &err) != 0)
		return -1;
	sb_free(&err);
	visit_on("2026-09-10");
	visit_on("2026-10-05");
	visit_on("2026-10-20");
	return 0;
}

static long ages(const char *sql)
{
	return db_query_long(db, sql, -1);
}

static void test_birth_date(void **s)
{
	(void)s;
	struct patient p = candra;
	struct patient_change ch;
	struct sbuf err = { 0 };
	/* the same band (55-59 both ways): ages recomputed, no report month changes */
	str_copy(p.tanggal_lahir, sizeof p.tanggal_lahir, "1969-06-01");
	assert_int_equal(patient_update(db, &p, &ch, &err), 0);
	assert_int_equal(ch.visits, 3);
	assert_int_equal(ch.months, 0);
	assert_int_equal(ages("SELECT min(umur_tahun) FROM kunjungan"), 57);
	char text[200];
	patient_change_text(&ch, text, sizeof text);
	assert_string_equal(text, "umur di 3 kunjungan dihitung ulang; kelompok umur di laporan tidak berubah");
	/* ten years earlier: every visit moves to 60-69, two months named */
	str_copy(p.tanggal_lahir, sizeof p.tanggal_lahir, "1960-01-01");
	assert_int_equal(patient_update(db, &p, &ch, &err), 0);
	assert_int_equal(ch.visits, 3);
	assert_int_equal(ch.months, 2);
	assert_string_equal(ch.month[0], "2026-09");
	assert_string_equal(ch.month[1], "2026-10");
	patient_change_text(&ch, text, sizeof text);
	assert_string_equal(text, "umur di 3 kunjungan dihitung ulang; laporan bulan 09-2026, 10-2026 berubah");
	assert_int_equal(ages("SELECT count(*) FROM kunjungan WHERE umur_tahun = 66 AND umur_total_hari > 24000"), 3);
	/* nothing else changed: no visit rewritten */
	str_copy(p.alamat, sizeof p.alamat, "Jl. Kenanga 7");
	assert_int_equal(patient_update(db, &p, &ch, &err), 0);
	assert_int_equal(ch.visits, 0);
	sb_free(&err);
}

static void test_refused_writes_nothing(void **s)
{
	(void)s;
	struct patient p, before;
	assert_int_equal(patient_get(db, candra.id, &before), 1);
	p = before;
	struct patient_change ch;
	struct sbuf err = { 0 };
	/* born after a visit */
	str_copy(p.tanggal_lahir, sizeof p.tanggal_lahir, "2026-10-01");
	str_copy(p.nama, sizeof p.nama, "Candra Baru");
	assert_int_equal(patient_update(db, &p, &ch, &err), -1);
	assert_non_null(strstr(sb_str(&err), "sebelum tanggal lahir yang baru"));
	assert_int_equal(ch.visits, 0);
	struct patient now;
	assert_int_equal(patient_get(db, candra.id, &now), 1);
	assert_string_equal(now.tanggal_lahir, before.tanggal_lahir);
	assert_string_equal(now.nama, before.nama);
	/* another patient's NIK */
	sb_reset(&err);
	p = before;
	str_copy(p.nik, sizeof p.nik, "3204100101700001");
	assert_int_equal(patient_update(db, &p, &ch, &err), -1);
	assert_non_null(strstr(sb_str(&err), "sudah terdaftar untuk pasien lain"));
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM pasien WHERE nik = '3204100101700001'", -1), 1);
	sb_free(&err);
}

static void test_words_follow_the_name(void **s)
{
	(void)s;
	struct patient p, found[4];
	assert_int_equal(patient_get(db, candra.id, &p), 1);
	str_copy(p.nama, sizeof p.nama, "Chandra Wijaya");
	str_copy(p.nama_ibu, sizeof p.nama_ibu, "Ratna");
	struct patient_change ch;
	struct sbuf err = { 0 };
	assert_int_equal(patient_update(db, &p, &ch, &err), 0);
	assert_int_equal(patient_search(db, "chandra", found, 4), 1);
	assert_int_equal(patient_search(db, "candra", found, 4), 0);
	assert_int_equal(patient_search(db, "ibu ratna", found, 4), 1);
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM pasien_kata WHERE kata = 'CANDRA'", -1), 0);
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_birth_date),
		cmocka_unit_test(test_refused_writes_nothing),
		cmocka_unit_test(test_words_follow_the_name),
	};
	return cmocka_run_group_tests(tests, setup, fx_teardown);
}
