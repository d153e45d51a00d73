/* Pharmacy stock: receipts, earliest-expiry-first dispensing that never goes
 * below zero, other issues, stock-take, the stock card, prescriptions, and the
 * LPLPO stok-optimum formulas against the worked examples of petunjuk teknis LPLPO. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "pkm/dispense.h"
#include "pkm/lb2.h"
#include "fixture.h"

static struct visit visit;

/* Dispense every open line of a visit: the lines given something, -1 when refused. */
static int dispense_all(long visit_id, const char *day, struct sbuf *err)
{
	struct rx_result r = { 0 };
	return rx_dispense(db, visit_id, 0, 0, day, &r, err) == 0 ? r.lines : -1;
}

static int setup(void **s)
{
	(void)s;
	if (fx_open(":memory:") != 0)
		return -1;
	fx_drug("AMX", "Amoksisilin 500 mg", "kaplet", "ANTIBIOTIK", "");
	fx_drug("PCT", "Parasetamol 500 mg", "tablet", "", "500");
	struct patient p = fx_patient("Pasien Farmasi", 'L', "1990-01-01", "UMUM");
	visit = fx_visit(&p, (struct date){ 2026, 10, 10 }, "K3");
	return 0;
}

static void test_receipt_checks(void **s)
{
	(void)s;
	struct receipt_input in = { "XYZ", "APBN", "", "2020-13-01", "-5", "2026-10-01", "" };
	struct field_errors fe;
	struct sbuf err = { 0 };
	assert_int_not_equal(stock_receive(db, &in, &fe, &err), 0);
	assert_non_null(field_error_for(&fe, "obat"));
	assert_non_null(field_error_for(&fe, "sumber"));
	assert_non_null(field_error_for(&fe, "no_batch"));
	assert_non_null(field_error_for(&fe, "kedaluwarsa"));
	assert_non_null(field_error_for(&fe, "jumlah"));
	/* a batch already expired when received is refused */
	struct receipt_input old = { "AMX", "DAK", "B0", "2026-09-30", "10", "2026-10-01", "" };
	assert_int_not_equal(stock_receive(db, &old, &fe, &err), 0);
	assert_string_equal(field_error_for(&fe, "kedaluwarsa"), "batch ini sudah kedaluwarsa pada tanggal penerimaan");
	assert_int_equal(db_query_long(db, "SELECT COUNT(*) FROM mutasi", -1), 0);
	sb_free(&err);
}

static void test_dispense_fefo(void **s)
{
	(void)s;
	fx_receive("AMX", "APBD2", "LATE", "2027-12-31", "100", "2026-10-01");
	fx_receive("AMX", "DAK", "EARLY", "2027-01-31", "30", "2026-10-01");
	fx_receive("AMX", "APBD2", "EXPIRED", "2026-10-05", "50", "2026-10-01");
	struct field_errors fe;
	struct sbuf err = { 0 };
	assert_int_equal(resep_add(db, visit.id, "AMX", "40", "3x1", NULL, &fe, &err), 0);
	/* on 10-10 the EXPIRED batch may not be given: 30 from EARLY, 10 from LATE */
	assert_int_equal(dispense_all(visit.id, "2026-10-10", &err), 1);
	assert_int_equal(db_query_long(db, "SELECT -SUM(m.jumlah) FROM mutasi m JOIN batch b ON b.id = m.batch_id "
					   "WHERE b.no_batch = 'EARLY' AND m.jenis = 'PAKAI'", -1), 30);
	assert_int_equal(db_query_long(db, "SELECT -SUM(m.jumlah) FROM mutasi m JOIN batch b ON b.id = m.batch_id "
					   "WHERE b.no_batch = 'LATE' AND m.jenis = 'PAKAI'", -1), 10);
	assert_int_equal(stock_balance(db, "AMX"), 140);
	/* dispensed lines cannot be changed or removed; dispensing twice has nothing to do */
	assert_int_not_equal(resep_add(db, visit.id, "AMX", "5", "", NULL, &fe, &err), 0);
	assert_string_equal(field_error_for(&fe, "obat"),
			    "Amoksisilin 500 mg sudah (sebagian) diserahkan atau ditutup pada kunjungan ini");
	struct resep_row r[4];
	assert_int_equal(resep_list(db, visit.id, r, 4), 1);
	assert_int_equal(r[0].open, 0);
	assert_int_equal(db_query_long(db, "SELECT diserahkan = '2026-10-10' FROM resep", -1), 1);
	assert_int_not_equal(resep_delete(db, r[0].id, &err), 0);
	assert_int_equal(dispense_all(visit.id, "2026-10-10", &err), -1);
	sb_free(&err);
}

/* a line short of stock is given in part and stays open; the other line goes */
static void test_short_stock_given_in_part(void **s)
{
	(void)s;
	struct field_errors fe;
	struct sbuf err = { 0 };
	fx_receive("PCT", "PROGRAM", "P1", "2027-06-30", "20", "2026-10-01");
	fx_drug("ZNC", "Zinc 20 mg", "tablet", "", "");
	fx_receive("ZNC", "DAK", "Z1", "2027-06-30", "20", "2026-10-01");
	struct patient p;
	assert_int_equal(patient_get(db, visit.pasien_id, &p), 1);
	struct visit v2 = fx_visit(&p, (struct date){ 2026, 10, 11 }, "K4");
	assert_int_equal(resep_add(db, v2.id, "PCT", "10", "", NULL, &fe, &err), 0);
	assert_int_equal(resep_add(db, v2.id, "ZNC", "25", "", NULL, &fe, &err), 0);
	assert_int_equal(dispense_all(v2.id, "2026-10-11", &err), 2);
	assert_int_equal(stock_balance(db, "PCT"), 10);
	assert_int_equal(stock_balance(db, "ZNC"), 0);
	assert_int_equal(db_query_long(db, "SELECT diberi FROM resep WHERE obat = 'ZNC'", -1), 20);
	/* the short line stays open: only the whole one is finished */
	assert_int_equal(db_query_long(db, "SELECT COUNT(*) FROM resep WHERE diserahkan IS NOT NULL", -1), 2);
	/* the database itself refuses a batch below zero, whatever program writes */
	assert_int_not_equal(sqlite3_exec(db, "INSERT INTO mutasi (batch_id, tanggal, jenis, jumlah) SELECT id, "
					  "'2026-10-11', 'RUSAK', -21 FROM batch WHERE no_batch = 'P1'", NULL, NULL, NULL),
			     SQLITE_OK);
	sb_free(&err);
}

/* a drug in 70 small batches is dispensed from all of them, earliest expiry first */
static void test_many_batches(void **s)
{
	(void)s;
	struct field_errors fe;
	struct sbuf err = { 0 };
	fx_drug("ORS", "Oralit", "sachet", "", "");
	for (int i = 0; i < 70; i++) {
		char no[16], exp[32];
		snprintf(no, sizeof no, "O%02d", i);
		snprintf(exp, sizeof exp, "2028-%02d-%02d", 1 + i / 28, 1 + i % 28);
		fx_receive("ORS", "DAK", no, exp, "2", "2026-10-01");
	}
	struct patient p;
	assert_int_equal(patient_get(db, visit.pasien_id, &p), 1);
	struct visit v3 = fx_visit(&p, (struct date){ 2026, 10, 12 }, "K3");
	assert_int_equal(resep_add(db, v3.id, "ORS", "139", "", NULL, &fe, &err), 0);
	assert_int_equal(dispense_all(v3.id, "2026-10-12", &err), 1);
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM mutasi WHERE jenis = 'PAKAI' AND resep_id = "
				       "(SELECT id FROM resep WHERE obat = 'ORS')", -1), 70);
	assert_int_equal(stock_balance(db, "ORS"), 1);
	assert_int_equal(db_query_long(db, "SELECT saldo FROM batch WHERE no_batch = 'O69'", -1), 1);
	sb_free(&err);
}

/* a visit holds RESEP_MAX drugs: one more is refused beside the field, a change
 * of one already there is not */
static void test_prescription_limit(void **s)
{
	(void)s;
	struct field_errors fe;
	struct sbuf err = { 0 };
	struct patient p;
	assert_int_equal(patient_get(db, visit.pasien_id, &p), 1);
	struct visit v4 = fx_visit(&p, (struct date){ 2026, 10, 13 }, "K3");
	for (int i = 0; i <= RESEP_MAX; i++) {
		char kode[16], nama[32];
		snprintf(kode, sizeof kode, "D%02d", i);
		snprintf(nama, sizeof nama, "Obat %d", i);
		fx_drug(kode, nama, "tablet", "", "");
		int rc = resep_add(db, v4.id, kode, "1", "", NULL, &fe, &err);
		if (i < RESEP_MAX)
			assert_int_equal(rc, 0);
		else {
			assert_int_not_equal(rc, 0);
			assert_string_equal(field_error_for(&fe, "obat"), "paling banyak 64 obat per kunjungan");
		}
	}
	assert_int_equal(resep_add(db, v4.id, "D00", "2", "", NULL, &fe, &err), 1);	/* changed, not added */
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM resep WHERE obat LIKE 'D%'", -1), RESEP_MAX);
	sb_free(&err);
}

static long batch_id(const char *no)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id FROM batch WHERE no_batch = ?", NULL);
	sqlite3_bind_text(st, 1, no, -1, SQLITE_STATIC);
	long id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	return id;
}

static void test_issue_take_and_card(void **s)
{
	(void)s;
	struct field_errors fe;
	struct sbuf err = { 0 };
	long late = batch_id("LATE");
	assert_int_not_equal(stock_issue(db, late, "RUSAK", "91", "2026-10-12", "basah", &fe, &err), 0);
	assert_string_equal(field_error_for(&fe, "jumlah"), "stok batch ini hanya 90");
	assert_int_not_equal(stock_issue(db, late, "HILANG", "1", "2026-10-12", "", &fe, &err), 0);
	assert_non_null(field_error_for(&fe, "jenis"));
	assert_int_equal(stock_issue(db, late, "RUSAK", "5", "2026-10-12", "basah", &fe, &err), 0);
	long diff = 0;
	assert_int_equal(stock_take(db, late, "80", "2026-10-31", &diff, &fe, &err), 0);
	assert_int_equal(diff, -5);
	assert_int_equal(stock_take(db, late, "80", "2026-10-31", &diff, &fe, &err), 0);
	assert_int_equal(diff, 0);	/* a matching count is on the card too */
	/* TERIMA 100, TERIMA 50 (expired), PAKAI 10, RUSAK 5, OPNAME -5, OPNAME 0:
	 * read back a page of 4 at a time, newest first, each with the balance after it */
	struct card_row rows[4];
	struct card_cursor c = { 0 };
	assert_int_equal(stock_card_page(db, "AMX", "APBD2", &c, rows, 4), 4);
	assert_string_equal(rows[0].jenis, "OPNAME");
	assert_int_equal(rows[0].saldo, 130);
	assert_string_equal(rows[3].jenis, "PAKAI");
	assert_int_equal(rows[3].keluar, 10);
	assert_int_equal(rows[3].saldo, 140);
	assert_int_equal(stock_card_page(db, "AMX", "APBD2", &c, rows, 4), 2);
	assert_string_equal(rows[0].jenis, "TERIMA");
	assert_int_equal(rows[0].saldo, 150);
	assert_int_equal(rows[1].saldo, 100);
	assert_int_equal(stock_card_page(db, "AMX", "APBD2", &c, rows, 4), 0);
	assert_int_equal(c.saldo, 0);	/* back to before the first movement */
	/* the whole card for printing: every movement of every source, oldest
	 * first, the last balance the drug's stock */
	struct drug d;
	assert_int_equal(drug_get(db, "AMX", &d), 1);
	struct sbuf text = { 0 };
	assert_int_equal(stock_card_text(db, &d, &text), 0);
	int lines = 0, months = 0;
	const char *last = NULL;	/* the last movement's line: each month ends with its totals */
	for (const char *p = sb_str(&text); (p = strchr(p, '\n')); p++, lines++)
		if (p[1] && strncmp(p + 1, "Jumlah ", 7) != 0)
			last = p + 1;
		else if (p[1])
			months++;
	assert_int_equal(months, 1);
	assert_int_equal(lines, 4 + months + db_query_long(db, "SELECT count(*) FROM mutasi m JOIN batch b ON "
							  "b.id = m.batch_id WHERE b.obat = 'AMX'", -1));
	char want[32];
	snprintf(want, sizeof want, " %8ld  ", stock_balance(db, "AMX"));
	assert_non_null(strstr(last, want));
	sb_free(&text);
	sb_free(&err);
}

static void test_optimum_examples(void **s)
{
	(void)s;
	struct farmasi_config f = { .method = OPTIMUM_SUM, .lead_days = 5, .work_days = 25, .buffer_pct = 10, .factor = 160,
				    .expiry_days = 90 };
	struct optimum o;
	/* amoxicillin, a quarter: SK 30000, 5 days lead, 3 days out of stock */
	lplpo_optimum(&f, 30000, 0, 3, 3, -1, &o);
	assert_int_equal(o.swt, 2000);
	assert_int_equal(o.swk, 1200);
	assert_int_equal(o.sp, 3000);
	assert_int_equal(o.so, 36200);
	assert_int_equal(lplpo_request(o.so, 0), 36200);
	/* paracetamol, a month: SK 15000, 3 days lead */
	f.lead_days = 3;
	lplpo_optimum(&f, 15000, 300, 0, 1, -1, &o);
	assert_int_equal(o.so, 18300);
	assert_int_equal(lplpo_request(o.so, 300), 18000);
	/* ibuprofen: a fixed optimum of 1980 with sisa 179 */
	lplpo_optimum(&f, 321, 179, 0, 1, 1980, &o);
	assert_int_equal(o.so, 1980);
	assert_int_equal(lplpo_request(o.so, 179), 1801);
	/* the Bandung factor: sisa 30 x 1.6 = 48; a request never goes below zero */
	f.method = OPTIMUM_FACTOR;
	lplpo_optimum(&f, 12, 30, 0, 1, -1, &o);
	assert_int_equal(o.so, 48);
	assert_int_equal(lplpo_request(40, 300), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_receipt_checks), cmocka_unit_test(test_dispense_fefo),
		cmocka_unit_test(test_short_stock_given_in_part), cmocka_unit_test(test_many_batches),
		cmocka_unit_test(test_prescription_limit),
		cmocka_unit_test(test_issue_take_and_card),
		cmocka_unit_test(test_optimum_examples),
	};
	return cmocka_run_group_tests(tests, setup, fx_teardown);
}
