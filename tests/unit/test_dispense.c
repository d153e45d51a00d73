/* The pharmacy counter (src/dispense.c, src/etiket.c): a line given in part
 * earliest expiry first over several batches, never from an expired one nor
 * one expiring before the therapy ends; the shortfall kept, then given after a
 * receipt or closed with a reason; a substitution beside the prescriber's line;
 * LB2 counts what was given, LB4's rational-use rows what was prescribed; the
 * signa written out on the label. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pkm/config.h"
#include "pkm/dispense.h"
#include "pkm/etiket.h"
#include "pkm/lb2.h"
#include "pkm/reports.h"
#include "fixture.h"

static struct pkm_config cfg;
static struct patient pat;

static void receive(const char *obat, const char *batch, const char *exp, const char *n, const char *day)
{
	fx_receive(obat, "DAK", batch, exp, n, day);
}

/* A new visit on `day` to `unit` with one diagnosis; its id. */
static long visit_on(struct date day, const char *unit, const char *icd)
{
	struct visit v;
	int created;
	struct sbuf err = { 0 };
	assert_int_equal(visit_open(db, &pat, day, unit, "UMUM", &v, &created, &err), 0);
	assert_true(created);
	int added;
	assert_int_equal(diag_add(db, &cfg, &v, icd, 0, &added, &err), 0);
	sb_free(&err);
	return v.id;
}

/* A prescription line with the therapy's days ("" unknown); its id. */
static long prescribe(long visit, const char *obat, const char *n, const char *hari)
{
	struct field_errors fe;
	struct sbuf err = { 0 };
	assert_int_equal(db_begin(db), 0);
	if (resep_insert(db, visit, obat, n, "3x1 pc", hari, &fe, &err) != 0)
		fail_msg("resep: %s %s", fe.n ? fe.e[0].msg : "", sb_str(&err));
	assert_int_equal(db_commit(db), 0);
	sb_free(&err);
	return db_query_long(db, "SELECT max(id) FROM resep", -1);
}

static struct rx_line line(long id, const char *day)
{
	struct rx_line l;
	assert_int_equal(rx_line_get(db, id, day, &l), 1);
	return l;
}

static long taken(const char *batch)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT coalesce(-sum(m.jumlah), 0) FROM mutasi m JOIN batch b ON b.id = m.batch_id "
				      "WHERE b.no_batch = ? AND m.jenis = 'PAKAI'", NULL);
	sqlite3_bind_text(st, 1, batch, -1, SQLITE_STATIC);
	long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	return n;
}

static int setup(void **s)
{
	(void)s;
	setenv("PKM_TODAY", "2026-10-20", 1);
	config_defaults(&cfg);
	str_copy(cfg.nama, sizeof cfg.nama, "PUSKESMAS SUKAMAJU");
	if (fx_open(":memory:") != 0)
		return -1;
	fx_drug("AMX", "Amoksisilin 500 mg", "kaplet", "ANTIBIOTIK", "");
	fx_drug("PCT", "Parasetamol 500 mg", "tablet", "OBAT", "");
	fx_drug("ZNC", "Zinc 20 mg", "tablet", "OBAT", "");
	pat = fx_patient("Siti Aminah", 'P', "1990-01-01", "UMUM");
	return 0;
}

/* 35 wanted, three batches of 10 in date and an expired one of 50: 30 given
 * earliest expiry first, 5 short; the other line of the prescription goes. */
static void test_partial_fefo(void **s)
{
	(void)s;
	receive("AMX", "A-OLD", "2026-10-05", "50", "2026-09-01");
	receive("AMX", "A-JUN", "2027-06-30", "10", "2026-09-01");
	receive("AMX", "A-JAN", "2027-01-31", "10", "2026-09-01");
	receive("AMX", "A-MAR", "2027-03-31", "10", "2026-09-01");
	receive("PCT", "P-1", "2027-12-31", "100", "2026-09-01");
	long v = visit_on((struct date){ 2026, 10, 10 }, "K3", "J06.9");
	long amx = prescribe(v, "AMX", "35", ""), pct = prescribe(v, "PCT", "10", "");
	struct sbuf err = { 0 }, note = { 0 };
	struct rx_result r = { .note = &note };
	assert_int_equal(rx_dispense(db, v, 0, 0, "2026-10-10", &r, &err), 0);
	assert_int_equal(r.lines, 2);
	assert_int_equal(r.short_lines, 1);
	assert_int_equal(r.given, 40);
	assert_int_equal(taken("A-JAN"), 10);
	assert_int_equal(taken("A-MAR"), 10);
	assert_int_equal(taken("A-JUN"), 10);
	assert_int_equal(taken("A-OLD"), 0);	/* expired: never given */
	struct rx_line l = line(amx, "2026-10-10");
	assert_int_equal(l.diberi, 30);
	assert_int_equal(rx_state(&l), RX_PARTIAL);
	assert_string_equal(l.diserahkan, "");
	char status[64];
	rx_status(&l, status, sizeof status);
	assert_string_equal(status, "sebagian kurang 5");
	assert_int_equal(line(pct, "2026-10-10").diberi, 10);
	assert_string_equal(line(pct, "2026-10-10").diserahkan, "2026-10-10");
	assert_non_null(strstr(sb_str(&note), "Amoksisilin 500 mg: 30 kaplet diserahkan, kurang 5"));
	/* the shortfall is given after a receipt, and the line is finished that day */
	receive("AMX", "A-NEW", "2028-01-31", "20", "2026-10-12");
	r = (struct rx_result){ 0 };
	assert_int_equal(rx_dispense(db, v, amx, 0, "2026-10-12", &r, &err), 0);
	assert_int_equal(r.given, 5);
	l = line(amx, "2026-10-12");
	assert_int_equal(l.diberi, 35);
	assert_int_equal(rx_state(&l), RX_DONE);
	assert_string_equal(l.diserahkan, "2026-10-12");
	/* nothing left to give: refused, nothing written */
	long before = db_query_long(db, "SELECT count(*) FROM mutasi", -1);
	assert_int_equal(rx_dispense(db, v, 0, 0, "2026-10-12", &r, &err), -1);
	assert_non_null(strstr(sb_str(&err), "tidak ada obat yang menunggu"));
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM mutasi", -1), before);
	sb_free(&note);
	sb_free(&err);
}

/* With the therapy's days known, a batch expiring before its last day is
 * passed over; without them it is the first one given. */
static void test_therapy_end(void **s)
{
	(void)s;
	receive("ZNC", "Z-SOON", "2026-10-25", "10", "2026-10-01");
	receive("ZNC", "Z-LATE", "2027-10-25", "100", "2026-10-01");
	long v = visit_on((struct date){ 2026, 10, 20 }, "K3", "A09");
	long ten = prescribe(v, "ZNC", "10", "10");
	assert_int_equal(line(ten, "2026-10-20").stok, 100);	/* 20-10 + 10 days: Z-SOON ends before */
	struct sbuf err = { 0 };
	struct rx_result r = { 0 };
	assert_int_equal(rx_dispense(db, v, ten, 0, "2026-10-20", &r, &err), 0);
	assert_int_equal(taken("Z-SOON"), 0);
	assert_int_equal(taken("Z-LATE"), 10);
	long v2 = visit_on((struct date){ 2026, 10, 20 }, "K4", "R50.9");
	long any = prescribe(v2, "ZNC", "4", "");
	assert_int_equal(line(any, "2026-10-20").stok, 100);
	assert_int_equal(rx_dispense(db, v2, any, 0, "2026-10-20", &r, &err), 0);
	assert_int_equal(taken("Z-SOON"), 4);
	/* a short therapy may take it too: 3 days end on 23-10 */
	long v3 = visit_on((struct date){ 2026, 10, 19 }, "K4", "A09");
	long three = prescribe(v3, "ZNC", "2", "3");
	assert_int_equal(rx_dispense(db, v3, three, 0, "2026-10-19", &r, &err), 0);
	assert_int_equal(taken("Z-SOON"), 6);
	sb_free(&err);
}

/* A short line closed with a reason is finished; an unknown reason is refused
 * beside its field; a closed line is given nothing more. */
static void test_close_with_reason(void **s)
{
	(void)s;
	long v = visit_on((struct date){ 2026, 10, 18 }, "K3", "J06.9");
	long big = prescribe(v, "ZNC", "500", "");
	struct sbuf err = { 0 };
	struct rx_result r = { 0 };
	assert_int_equal(rx_dispense(db, v, 0, 0, "2026-10-18", &r, &err), 0);
	long given = line(big, "2026-10-18").diberi;
	assert_true(given > 0 && given < 500);
	struct field_errors fe;
	assert_int_equal(rx_close(db, big, "HILANG", "2026-10-18", &fe, &err), -1);
	assert_non_null(field_error_for(&fe, "tutup"));
	assert_int_equal(rx_close(db, big, "STOK_KOSONG", "2026-10-18", &fe, &err), 0);
	struct rx_line l = line(big, "2026-10-18");
	assert_int_equal(rx_state(&l), RX_CLOSED);
	assert_string_equal(l.tutup, "STOK_KOSONG");
	assert_string_equal(l.diserahkan, "2026-10-18");	/* something was given */
	char status[64];
	rx_status(&l, status, sizeof status);
	assert_string_equal(status, "ditutup: stok kosong");
	assert_int_equal(rx_dispense(db, v, big, 0, "2026-10-18", &r, &err), -1);
	assert_non_null(strstr(sb_str(&err), "sudah ditutup"));
	assert_int_equal(rx_close(db, big, "MENOLAK", "2026-10-18", &fe, &err), -1);
	assert_string_equal(line(big, "2026-10-18").tutup, "STOK_KOSONG");
	/* a line closed before anything was given has no dispensing date */
	long none = prescribe(v, "PCT", "5", "");
	assert_int_equal(rx_close(db, none, "BATAL_DOKTER", "2026-10-18", &fe, &err), 0);
	assert_string_equal(line(none, "2026-10-18").diserahkan, "");
	sb_free(&err);
}

/* Another drug given with the reason: the prescriber's line stays as written;
 * stock leaves the drug given; no reason, no change; none once given. */
static void test_substitution(void **s)
{
	(void)s;
	long v = visit_on((struct date){ 2026, 10, 19 }, "K3", "J06.9");
	long id = prescribe(v, "AMX", "15", "");
	struct field_errors fe;
	struct sbuf err = { 0 };
	assert_int_equal(rx_change(db, id, "PCT", "12", "3x1 sesudah makan", "", &fe, &err), -1);
	assert_non_null(field_error_for(&fe, "alasan"));
	assert_int_equal(rx_change(db, id, "XXX", NULL, NULL, "kosong", &fe, &err), -1);
	assert_non_null(field_error_for(&fe, "obat"));
	assert_int_equal(rx_change(db, id, "PCT", "12", "3x1 sesudah makan", "amoksisilin habis", &fe, &err), 0);
	struct rx_line l = line(id, "2026-10-19");
	assert_string_equal(l.obat, "AMX");
	assert_int_equal(l.jumlah, 15);
	assert_string_equal(l.signa, "3x1 pc");
	assert_string_equal(l.beri, "PCT");
	assert_int_equal(l.target, 12);
	assert_string_equal(l.signa_beri, "3x1 sesudah makan");
	assert_true(l.changed);
	/* a change of the signa alone keeps the drug already substituted; the save is in the trail */
	long trail = db_query_long(db, "SELECT count(*) FROM audit", -1);
	assert_int_equal(rx_change(db, id, NULL, NULL, "2x1 sesudah makan", "amoksisilin habis", &fe, &err), 0);
	assert_true(db_query_long(db, "SELECT count(*) FROM audit", -1) > trail);
	assert_string_equal(line(id, "2026-10-19").beri, "PCT");
	long pct = stock_balance(db, "PCT"), amx = stock_balance(db, "AMX");
	struct rx_result r = { 0 };
	assert_int_equal(rx_dispense(db, v, id, 0, "2026-10-19", &r, &err), 0);
	assert_int_equal(stock_balance(db, "PCT"), pct - 12);
	assert_int_equal(stock_balance(db, "AMX"), amx);
	assert_int_equal(rx_change(db, id, "AMX", NULL, NULL, "kembali", &fe, &err), -1);
	assert_non_null(strstr(sb_str(&err), "sudah diserahkan"));
	sb_free(&err);
}

static long data_cell(const char *report, const char *cell)
{
	struct report_req req = { report, "2026-10", LAYOUT_KLASIK, FMT_DATA, 80 };
	char *text = NULL;
	size_t len;
	struct sbuf err = { 0 };
	if (report_render(db, &cfg, &req, &text, &len, &err) != 0)
		fail_msg("%s: %s", report, sb_str(&err));
	char *at = strstr(text, cell);
	long n = at ? atol(at + strlen(cell)) : -1;
	free(text);
	sb_free(&err);
	return n;
}

/* LB2's pemakaian is what left the shelves (PCT for the substituted
 * amoxicillin); LB4's ISPA-with-antibiotic row counts the prescription. */
static void test_reports_given_and_prescribed(void **s)
{
	(void)s;
	struct lb2 r;
	struct sbuf err = { 0 };
	assert_int_equal(lb2_build(db, &cfg.farmasi, "2026-10", &r, &err), 0);
	long pakai_amx = -1, pakai_pct = -1;
	for (int i = 0; i < r.n; i++) {
		if (strcmp(r.rows[i].kode, "AMX") == 0)
			pakai_amx = r.rows[i].pakai;
		if (strcmp(r.rows[i].kode, "PCT") == 0)
			pakai_pct = r.rows[i].pakai;
	}
	lb2_free(&r);
	long given_amx = db_query_long(db, "SELECT -sum(m.jumlah) FROM mutasi m JOIN batch b ON b.id = m.batch_id "
					   "WHERE b.obat = 'AMX' AND m.jenis = 'PAKAI'", -1);
	assert_int_equal(pakai_amx, given_amx);
	assert_int_equal(given_amx, 35);	/* not the 15 prescribed and substituted */
	assert_int_equal(pakai_pct, 10 + 12);
	/* two ISPA visits had amoxicillin prescribed, one of them given paracetamol */
	assert_int_equal(data_cell("lb4", "ispa_np_ab,jumlah,"), 2);
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM v_resep WHERE obat = 'AMX'", -1), 2);
	sb_free(&err);
}

static void test_signa_written(void **s)
{
	(void)s;
	char out[160];
	signa_written("3x1 sesudah makan", "Tablet", out, sizeof out);
	assert_string_equal(out, "3 x sehari 1 tablet, sesudah makan");
	signa_written("2 X 1/2 pc", "tablet", out, sizeof out);
	assert_string_equal(out, "2 x sehari 1/2 tablet, sesudah makan");
	signa_written("3x1 cth", "botol", out, sizeof out);
	assert_string_equal(out, "3 x sehari 1 sendok teh");
	signa_written("1x1 h.s.", "kapsul", out, sizeof out);
	assert_string_equal(out, "1 x sehari 1 kapsul, sebelum tidur");
	signa_written("oles tipis pagi sore", "tube", out, sizeof out);
	assert_string_equal(out, "oles tipis pagi sore");
	signa_written("", "tablet", out, sizeof out);
	assert_string_equal(out, "");
}

/* The label: puskesmas, date, No. RM, the patient's name with its escape made
 * visible, the drug, signa written out, quantity and the batch's expiry, no
 * line wider than lebar_etiket. */
static void test_label(void **s)
{
	(void)s;
	long id = db_query_long(db, "SELECT id FROM resep WHERE obat = 'PCT' AND diberi = 10", -1);
	struct sbuf out = { 0 }, err = { 0 };
	cfg.farmasi.label_width = 32;
	/* a name with an escape, as a hostile import could leave it */
	assert_int_equal(sqlite3_exec(db, "UPDATE pasien SET nama = 'Siti ' || char(27) || '[2JAminah'", NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(etiket_text(db, &cfg, id, &out, &err), 0);
	const char *t = sb_str(&out);
	assert_non_null(strstr(t, "PUSKESMAS SUKAMAJU\n"));
	assert_non_null(strstr(t, "10-10-2026"));
	assert_non_null(strstr(t, "No. RM " ));
	assert_non_null(strstr(t, "Siti ^[[2JAminah"));
	assert_null(strchr(t, '\x1b'));
	assert_non_null(strstr(t, "Parasetamol 500 mg\n"));
	assert_non_null(strstr(t, "3 x sehari 1 tablet, sesudah\nmakan\n"));
	assert_non_null(strstr(t, "Jumlah 10 tablet"));
	assert_non_null(strstr(t, "ED 31-12-2027"));
	for (const char *l = t; *l; l += strcspn(l, "\n") + 1) {
		char row[128];
		snprintf(row, sizeof row, "%.*s", (int)strcspn(l, "\n"), l);
		assert_true(utf8_width(row) <= 32);
	}
	/* a line given nothing has no label */
	long none = db_query_long(db, "SELECT id FROM resep WHERE tutup = 'BATAL_DOKTER'", -1);
	assert_int_equal(etiket_text(db, &cfg, none, &out, &err), -1);
	assert_non_null(strstr(sb_str(&err), "belum diserahkan"));
	/* no printer set: a clear message; a failing one says so */
	sb_reset(&err);
	assert_int_equal(etiket_print(db, &cfg, &id, 1, &err), -1);
	assert_non_null(strstr(sb_str(&err), "printer_etiket"));
	sb_reset(&err);
	str_copy(cfg.farmasi.label_printer, sizeof cfg.farmasi.label_printer, "cat >/dev/null; exit 3");
	assert_int_equal(etiket_print(db, &cfg, &id, 1, &err), -1);
	assert_non_null(strstr(sb_str(&err), "perintah cetak gagal"));
	cfg.farmasi.label_printer[0] = '\0';
	sb_free(&out);
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_partial_fefo),	     cmocka_unit_test(test_therapy_end),
		cmocka_unit_test(test_close_with_reason),    cmocka_unit_test(test_substitution),
		cmocka_unit_test(test_reports_given_and_prescribed), cmocka_unit_test(test_signa_written),
		cmocka_unit_test(test_label),
	};
	return cmocka_run_group_tests(tests, setup, fx_teardown);
}
