/* Correcting and cancelling a visit: refused whole once a prescription was
 * dispensed; cancelling and changing at once refused; a BPJS payer needs the
 * patient's No. BPJS; a cancelled visit registered again comes back with its
 * number; a patient already seen in that unit that day cannot take a second. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include "pkm/dispense.h"
#include "pkm/visit_fix.h"
#include "fixture.h"

static struct patient ani, budi;
static struct visit va, vb;

static void open_visit(const struct patient *p, const char *unit, struct visit *v)
{
	*v = fx_visit(p, (struct date){ 2026, 10, 10 }, unit);
}

static int setup(void **s)
{
	(void)s;
	if (fx_open(":memory:") != 0)
		return -1;
	ani = fx_patient("Ani", 'P', "1990-01-01", "UMUM");
	budi = fx_patient("Budi", 'P', "1990-01-01", "UMUM");
	open_visit(&ani, "K3", &va);
	open_visit(&budi, "K3", &vb);
	return 0;
}

static int fix(const struct visit *v, const char *unit, const char *payer, const char *rm, const char *batal,
	       struct field_errors *fe, struct sbuf *err)
{
	struct visit_fix in = { unit, payer, rm, batal };
	struct sbuf done = { 0 };
	sb_reset(err);
	int rc = visit_correct(db, v->id, &in, fe, &done, err);
	sb_free(&done);
	return rc;
}

static void test_refusals(void **s)
{
	(void)s;
	struct field_errors fe;
	struct sbuf err = { 0 };
	/* cancel and change together */
	assert_int_equal(fix(&va, "K4", "UMUM", ani.no_rm, "salah", &fe, &err), -1);
	assert_non_null(strstr(sb_str(&err), "tidak keduanya"));
	/* a BPJS payer for a patient without No. BPJS */
	assert_int_equal(fix(&va, "K3", "BPJS_PBI", ani.no_rm, "", &fe, &err), -1);
	assert_non_null(field_error_for(&fe, "penjamin"));
	/* Budi already has a K3 visit that day */
	assert_int_equal(fix(&va, "K3", "UMUM", budi.no_rm, "", &fe, &err), -1);
	assert_non_null(strstr(sb_str(&err), "sudah punya kunjungan"));
	/* nothing of those was written */
	struct visit now;
	assert_int_equal(visit_get(db, va.id, &now), 1);
	assert_int_equal(now.pasien_id, ani.id);
	assert_string_equal(now.penjamin, "UMUM");
	sb_free(&err);
}

static void test_cancel_and_back(void **s)
{
	(void)s;
	struct field_errors fe;
	struct sbuf err = { 0 };
	assert_int_equal(fix(&vb, "K3", "UMUM", budi.no_rm, "salah daftar", &fe, &err), 0);
	struct visit now;
	assert_int_equal(visit_get(db, vb.id, &now), 1);
	assert_string_equal(now.batal, "salah daftar");
	/* a cancelled visit is not corrected again */
	assert_int_equal(fix(&vb, "K4", "UMUM", budi.no_rm, "", &fe, &err), -1);
	assert_non_null(strstr(sb_str(&err), "sudah dibatalkan"));
	/* while cancelled it is no visit: Budi's K4 visit later that month is his first (kunjungan baru) */
	struct visit later;
	int created;
	assert_int_equal(visit_open(db, &budi, (struct date){ 2026, 10, 20 }, "K4", "UMUM", &later, &created, &err), 0);
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT baru FROM v_kunjungan WHERE id = %ld", later.id);
	assert_int_equal(db_query_long(db, sql, -1), 1);
	snprintf(sql, sizeof sql, "SELECT count(*) FROM v_kunjungan WHERE id = %ld", vb.id);
	assert_int_equal(db_query_long(db, sql, -1), 0);
	/* registered again: the same visit and number, counted again */
	struct visit again;
	open_visit(&budi, "K3", &again);
	assert_int_equal(again.id, vb.id);
	assert_int_equal(again.no_antrian, vb.no_antrian);
	assert_string_equal(again.batal, "");
	snprintf(sql, sizeof sql, "SELECT baru FROM v_kunjungan WHERE id = %ld", later.id);
	assert_int_equal(db_query_long(db, sql, -1), 0);
	sb_free(&err);
}

static void test_dispensed(void **s)
{
	(void)s;
	struct field_errors fe;
	struct sbuf err = { 0 };
	fx_drug("PCT", "Parasetamol 500 mg", "tablet", "", "");
	fx_receive("PCT", "APBD1", "P1", "2028-01-01", "100", "2026-10-01");
	assert_int_equal(resep_add(db, va.id, "PCT", "10", "3x1", NULL, &fe, &err), 0);
	struct rx_result r = { 0 };
	assert_int_equal(rx_dispense(db, va.id, 0, 0, "2026-10-10", &r, &err), 0);
	assert_int_equal(r.lines, 1);
	assert_int_equal(fix(&va, "K4", "UMUM", ani.no_rm, "", &fe, &err), -1);
	assert_non_null(strstr(sb_str(&err), "diserahkan dan tercatat di kartu stok"));
	assert_int_equal(fix(&va, "K3", "UMUM", ani.no_rm, "salah daftar", &fe, &err), -1);
	struct visit now;
	assert_int_equal(visit_get(db, va.id, &now), 1);
	assert_string_equal(now.unit, "K3");
	assert_string_equal(now.batal, "");
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_cancel_and_back),
		cmocka_unit_test(test_dispensed),
	};
	return cmocka_run_group_tests(tests, setup, fx_teardown);
}
