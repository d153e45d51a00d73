/* The desk's clinical defaults and warnings: today's unit for a returning
 * patient (never IGD, LAB or RANAP by default) and A90 beside A91 asked about;
 * a visit registered again: the same visit, a cancelled one back with its
 * number, the checks of a new visit not asked of an existing one. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include "pkm/config.h"
#include "pkm/visit.h"
#include "fixture.h"

static void test_default_unit(void **s)
{
	(void)s;
	struct age child = { .years = 5 }, adult = { .years = 40 };
	struct visit last = { 0 };
	assert_string_equal(visit_default_unit(NULL, child), "K2");
	assert_string_equal(visit_default_unit(NULL, adult), "K3");
	static const char *const by_age[] = { "IGD", "LAB", "RANAP" };
	for (size_t i = 0; i < ARRAY_LEN(by_age); i++) {
		str_copy(last.unit, sizeof last.unit, by_age[i]);
		assert_string_equal(visit_default_unit(&last, child), "K2");
		assert_string_equal(visit_default_unit(&last, adult), "K3");
	}
	static const char *const kept[] = { "K1", "K2", "K3", "K4", "GIGI", "FARMASI" };
	for (size_t i = 0; i < ARRAY_LEN(kept); i++) {
		str_copy(last.unit, sizeof last.unit, kept[i]);
		assert_string_equal(visit_default_unit(&last, adult), kept[i]);
	}
}

static void test_dengue_pair(void **s)
{
	(void)s;
	struct patient p = fx_patient("Rudi Hartono", 'L', "1990-05-05", "UMUM");
	struct visit v = fx_visit(&p, (struct date){ 2026, 11, 20 }, "K3");
	struct sbuf err = { 0 }, w = { 0 };
	int added;
	struct pkm_config cfg;
	config_defaults(&cfg);
	/* nothing on the visit yet: nothing to ask */
	assert_int_equal(diag_warnings(db, &v, "A91", &w), 0);
	assert_int_equal(diag_add(db, &cfg, &v, "A90", 0, &added, &err), 0);
	assert_int_equal(diag_warnings(db, &v, "A91", &w), 1);
	assert_non_null(strstr(sb_str(&w), "A90 (demam dengue) dan A91 (DBD) pada satu kunjungan"));
	sb_reset(&w);
	assert_int_equal(diag_warnings(db, &v, "J06.9", &w), 0);
	assert_int_equal(diag_warnings(db, &v, "A90", &w), 0);	/* the same code is left as it is */
	/* the other way round too */
	struct visit v2 = fx_visit(&p, (struct date){ 2026, 11, 21 }, "K3");
	assert_int_equal(diag_add(db, &cfg, &v2, "A91", 0, &added, &err), 0);
	assert_int_equal(diag_warnings(db, &v2, "A90", &w), 1);
	sb_free(&w);
	sb_free(&err);
}

/* visit_open twice for one patient, day and unit: one visit, its number kept. */
static void test_registered_again(void **s)
{
	(void)s;
	struct patient p = fx_patient("Lina Marlina", 'P', "1985-02-03", "UMUM");
	struct date day = { 2026, 11, 22 };
	struct visit v, again;
	int created;
	struct sbuf err = { 0 };
	assert_int_equal(visit_open(db, &p, day, "K1", "UMUM", &v, &created, &err), 0);
	assert_int_equal(created, 1);
	assert_int_equal(visit_open(db, &p, day, "K1", "UMUM", &again, &created, &err), 0);
	assert_int_equal(created, 0);
	assert_int_equal(again.id, v.id);
	assert_int_equal(again.no_antrian, v.no_antrian);
	/* cancelled, then registered again: back, same number, counted as made */
	struct sbuf sql = { 0 };
	sb_printf(&sql, "UPDATE kunjungan SET batal = 'salah daftar' WHERE id = %ld", v.id);
	assert_int_equal(db_exec(db, sb_str(&sql), &err), 0);
	assert_int_equal(visit_open(db, &p, day, "K1", "UMUM", &again, &created, &err), 0);
	assert_int_equal(created, 1);
	assert_int_equal(again.id, v.id);
	assert_int_equal(again.no_antrian, v.no_antrian);
	assert_string_equal(again.batal, "");
	/* a BPJS payer without a card number: refused for a new visit, while
	 * the visit already open is returned as it is */
	assert_int_equal(visit_open(db, &p, day, "K1", "BPJS_PBI", &again, &created, &err), 0);
	assert_int_equal(again.id, v.id);
	assert_int_equal(visit_open(db, &p, day, "K2", "BPJS_PBI", &again, &created, &err), -1);
	assert_non_null(strstr(sb_str(&err), "belum punya No. BPJS"));
	sb_reset(&err);
	/* a day before the birth date: refused, nothing written */
	assert_int_equal(visit_open(db, &p, (struct date){ 1985, 2, 2 }, "K1", "UMUM", &again, &created, &err), -1);
	assert_non_null(strstr(sb_str(&err), "sebelum tanggal lahir pasien (03-02-1985)"));
	sb_reset(&sql);
	sb_printf(&sql, "SELECT count(*) FROM kunjungan WHERE pasien_id = %ld", p.id);
	assert_int_equal(db_query_long(db, sb_str(&sql), -1), 1);
	sb_free(&sql);
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_unit),
		cmocka_unit_test(test_dengue_pair),
		cmocka_unit_test(test_registered_again),
	};
	return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
