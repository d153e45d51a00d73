/* The stock card's months and the expiry and stock-out report: the days a
 * stock lasts, the three-month use window, each month's totals equal to the
 * drug's LPLPO line (lb2_build) for every kind of movement, a month read alone
 * page by page with its balances, and a PAKAI line naming its visit. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include "pkm/lb2.h"
#include "pkm/stock_report.h"
#include "fixture.h"

static struct patient pat;
static const struct farmasi_config rules = { .method = OPTIMUM_SUM, .lead_days = 14, .work_days = 25, .buffer_pct = 10,
					     .factor = 160, .expiry_days = 90 };

static void test_days_left(void **s)
{
	(void)s;
	assert_int_equal(stock_days_left(440, 560, 92), 72);	/* 72.3 */
	assert_int_equal(stock_days_left(530, 270, 92), 180);	/* 180.6: whole days only */
	assert_int_equal(stock_days_left(0, 30, 92), 0);
	assert_int_equal(stock_days_left(100, 0, 92), -1);	/* nothing used: it lasts, no number */
	assert_int_equal(stock_days_left(10000000, 1, 92), 920000000);	/* no overflow */
	/* the window: the same day three months back, the month's end when it has no such day */
	char buf[11];
	assert_string_equal(date_format(stock_use_from((struct date){ 2026, 11, 23 }), buf), "2026-08-23");
	assert_string_equal(date_format(stock_use_from((struct date){ 2026, 2, 10 }), buf), "2025-11-10");
	assert_string_equal(date_format(stock_use_from((struct date){ 2026, 5, 31 }), buf), "2026-02-28");
	assert_string_equal(date_format(stock_use_from((struct date){ 2024, 5, 31 }), buf), "2024-02-29");
	assert_string_equal(date_format(stock_use_from((struct date){ 2026, 3, 31 }), buf), "2025-12-31");
}

static void receive(const char *batch, const char *sumber, const char *n, const char *day, int opening)
{
	struct receipt_input in = { "AMX", sumber, batch, "2027-12-31", n, day, "" };
	struct receipt r;
	struct field_errors fe;
	struct sbuf err = { 0 };
	assert_int_equal(receipt_check(db, &in, &r, &fe), 0);
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(receipt_insert(db, &r, opening, &err), 0);
	assert_int_equal(db_commit(db), 0);
	sb_free(&err);
}

/* A prescription line of a visit on `day`, given from one batch. */
static void dispense(struct date day, const char *batch, long n)
{
	struct visit v = fx_visit(&pat, day, "K3");
	char iso[11], sql[400];
	date_format(day, iso);
	snprintf(sql, sizeof sql,
		 "INSERT INTO resep (kunjungan_id, obat, jumlah, signa, diserahkan) VALUES (%ld, 'AMX', %ld, '3x1', '%s');"
		 "INSERT INTO mutasi (batch_id, tanggal, jenis, jumlah, resep_id) VALUES ((SELECT id FROM batch WHERE "
		 "no_batch = '%s'), '%s', 'PAKAI', %ld, "
		 "last_insert_rowid())", v.id, n, iso, batch, iso, -n);
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(db_commit(db), 0);
}

static int setup(void **s)
{
	(void)s;
	setenv("PKM_TODAY", "2026-11-23", 1);
	if (fx_open(":memory:") != 0)
		return -1;
	if (sqlite3_exec(db, "INSERT INTO obat (kode, nama, satuan) VALUES ('AMX', 'Amoksisilin 500 mg', 'kaplet')", NULL,
			 NULL, NULL) != SQLITE_OK)
		return -1;
	pat = fx_patient("Siti Aminah", 'P', "1980-04-12", "UMUM");
	/* August: opening 100. September: receipt 50, used 30. October: another
	 * opening stock 20 (LPLPO: stok awal), used 25, 5 damaged, a stock-take 5
	 * short. November: receipt 40. */
	receive("B1", "APBD1", "100", "2026-08-01", 1);
	receive("B2", "DAK", "50", "2026-09-10", 0);
	dispense((struct date){ 2026, 9, 15 }, "B1", 30);
	receive("B3", "APBD2", "20", "2026-10-01", 1);
	dispense((struct date){ 2026, 10, 10 }, "B2", 25);
	struct field_errors fe;
	struct sbuf err = { 0 };
	long diff, b1 = db_query_long(db, "SELECT id FROM batch WHERE no_batch = 'B1'", -1);
	if (stock_issue(db, b1, "RUSAK", "5", "2026-10-12", "basah", &fe, &err) != 0 ||
	    stock_take(db, b1, "60", "2026-10-31", &diff, &fe, &err) != 0 || diff != -5)
		return -1;
	sb_free(&err);
	receive("B2", "DAK", "40", "2026-11-05", 0);
	return 0;
}

/* Each month of the card is the drug's LPLPO line, worked out by hand. */
static void test_month_totals(void **s)
{
	(void)s;
	static const struct {
		const char *month;
		long awal, terima, pakai, lain, sisa;
	} want[] = {
		{ "08-2026", 100, 0, 0, 0, 100 },  { "2026-09", 100, 50, 30, 0, 120 },
		{ "10-2026", 140, 0, 25, 10, 105 }, { "11/2026", 105, 40, 0, 0, 145 },
		{ "12-2026", 145, 0, 0, 0, 145 },   { "07-2026", 0, 0, 0, 0, 0 },
	};
	struct sbuf err = { 0 };
	for (size_t i = 0; i < ARRAY_LEN(want); i++) {
		struct card_month m;
		assert_int_equal(stock_card_month(db, "AMX", NULL, want[i].month, &m, &err), 0);
		assert_int_equal(m.awal, want[i].awal);
		assert_int_equal(m.terima, want[i].terima);
		assert_int_equal(m.pakai, want[i].pakai);
		assert_int_equal(m.lain, want[i].lain);
		assert_int_equal(m.sisa, want[i].sisa);
		struct lb2 r;
		assert_int_equal(lb2_build(db, &rules, want[i].month, &r, &err), 0);
		assert_int_equal(r.n, 1);
		assert_int_equal(r.rows[0].awal, m.awal);
		assert_int_equal(r.rows[0].terima, m.terima);
		assert_int_equal(r.rows[0].pakai, m.pakai);
		assert_int_equal(r.rows[0].lain, m.lain);
		assert_int_equal(r.rows[0].sisa, m.sisa);
		lb2_free(&r);
	}
	/* October's balance before it: 120 (its opening stock of 20 comes after) */
	struct card_month oct;
	assert_int_equal(stock_card_month(db, "AMX", NULL, "10-2026", &oct, &err), 0);
	assert_int_equal(oct.before, 120);
	/* of one funding source: B2 (DAK) only */
	struct card_month dak;
	assert_int_equal(stock_card_month(db, "AMX", "DAK", "10-2026", &dak, &err), 0);
	assert_int_equal(dak.awal, 50);
	assert_int_equal(dak.pakai, 25);
	assert_int_equal(dak.sisa, 25);
	struct card_month bad;
	assert_int_not_equal(stock_card_month(db, "AMX", NULL, "13-2026", &bad, &err), 0);
	assert_non_null(strstr(sb_str(&err), "bulan tidak sah: '13-2026'"));
	sb_free(&err);
}

/* A month read alone, newest first a page at a time, each balance the one
 * after the movement; nothing of the months around it. */
static void test_month_pages(void **s)
{
	(void)s;
	struct card_month m;
	struct sbuf err = { 0 };
	assert_int_equal(stock_card_month(db, "AMX", NULL, "10-2026", &m, &err), 0);
	struct card_cursor c;
	stock_card_month_cursor(&m, &c);
	struct card_row rows[3];
	assert_int_equal(stock_card_page(db, "AMX", NULL, &c, rows, 3), 3);
	assert_string_equal(rows[0].tanggal, "2026-10-31");	/* the stock-take, -5 */
	assert_int_equal(rows[0].saldo, 105);
	assert_string_equal(rows[1].jenis, "RUSAK");
	assert_int_equal(rows[1].saldo, 110);
	assert_string_equal(rows[2].jenis, "PAKAI");
	assert_int_equal(rows[2].saldo, 115);
	/* a dispensing names the visit: its date, No. RM and patient */
	assert_true(pat.no_rm[0] != 0);
	char want[160];
	snprintf(want, sizeof want, "10-10-2026 %s Siti Aminah", pat.no_rm);
	assert_string_equal(rows[2].keterangan, want);
	assert_int_equal(stock_card_page(db, "AMX", NULL, &c, rows, 3), 1);
	assert_string_equal(rows[0].jenis, "AWAL");
	assert_int_equal(rows[0].saldo, 140);
	assert_int_equal(c.saldo, 120);	/* the balance before the month */
	assert_int_equal(stock_card_page(db, "AMX", NULL, &c, rows, 3), 0);
	sb_free(&err);
}

/* The printed card: each month ends with the same totals line. */
static void test_card_text_months(void **s)
{
	(void)s;
	struct drug d;
	assert_int_equal(drug_get(db, "AMX", &d), 1);
	struct sbuf text = { 0 }, err = { 0 };
	assert_int_equal(stock_card_text(db, &d, &text), 0);
	const char *months[] = { "08-2026", "09-2026", "10-2026", "11-2026" };
	const char *at = sb_str(&text);
	for (size_t i = 0; i < ARRAY_LEN(months); i++) {
		struct card_month m;
		struct sbuf line = { 0 };
		assert_int_equal(stock_card_month(db, "AMX", NULL, months[i], &m, &err), 0);
		stock_card_month_line(&line, &m);
		const char *found = strstr(at, sb_str(&line));
		if (!found)
			fail_msg("not in order on the card: %s", sb_str(&line));
		at = found + line.len;
		sb_free(&line);
	}
	assert_string_equal(at, "");	/* November's totals end the card */
	assert_non_null(strstr(sb_str(&text), "Jumlah 10-2026: awal 140, terima 0, pakai 25, lain 10, sisa 105\n"));
	sb_free(&text);
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_days_left),
		cmocka_unit_test(test_month_totals),
		cmocka_unit_test(test_month_pages),
		cmocka_unit_test(test_card_text_months),
	};
	return cmocka_run_group_tests(tests, setup, fx_teardown);
}
