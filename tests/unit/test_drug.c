/* The drug master (pkm/drug.h): the prescriber's search by word starts and
 * code, closed drugs left out; close versus delete; the new columns kept or
 * changed as a dialog or an import gives them; the configured funding sources
 * over kamus'; a line prescribed again is "changed". */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pkm/drug.h"
#include "pkm/lb2.h"
#include "fixture.h"

static struct visit visit;

static void add(const char *kode, const char *nama, const char *maks)
{
	struct drug_input in = { kode, nama, "tablet", "", "", "Y", "", "", maks };
	struct field_errors fe;
	struct sbuf err = { 0 };
	if (drug_save(db, &in, 1, &fe, &err) != 0)
		fail_msg("%s %s", fe.n ? fe.e[0].msg : "", sb_str(&err));
	sb_free(&err);
}

static int setup(void **s)
{
	(void)s;
	if (fx_open(":memory:") != 0)
		return -1;
	add("PCT500", "Parasetamol 500 mg", "");
	add("PCT120", "Parasetamol sirup 120 mg/5 ml", "");
	add("AMX500", "Amoksisilin 500 mg", "");
	add("ALB400", "Albendazol 400 mg", "6");
	add("CTM4", "Klorfeniramin maleat 4 mg", "");
	add("DEXI", "Deksametason injeksi 5 mg", "");
	struct patient p = fx_patient("Pasien Obat", 'P', "1990-01-01", "UMUM");
	visit = fx_visit(&p, (struct date){ 2026, 11, 20 }, "K3");
	return 0;
}

/* the codes found for a query, "|"-joined */
static const char *found(const char *query)
{
	static char out[256];
	struct drug d[8];
	int n = drug_search(db, query, d, 8);
	out[0] = '\0';
	for (int i = 0; i < n && strlen(out) + strlen(d[i].kode) + 2 < sizeof out; i++) {
		strcat(out, i ? "|" : "");
		strcat(out, d[i].kode);
	}
	return n < 0 ? "error" : out;
}

static void test_search(void **s)
{
	(void)s;
	assert_string_equal(found("alb"), "ALB400");
	assert_string_equal(found("para 500"), "PCT500");	/* every word starts a word of the name */
	assert_string_equal(found("500 para"), "PCT500");
	assert_string_equal(found("para"), "PCT500|PCT120");	/* by name: "500" before "sirup" */
	assert_string_equal(found("sirup 120"), "PCT120");
	assert_string_equal(found("ml"), "PCT120");	/* "mg/5 ml": marks split words */
	assert_string_equal(found("ceta"), "");	/* a word's start, not its middle */
	assert_string_equal(found("PCT"), "PCT500|PCT120");	/* the code's start, by name */
	assert_string_equal(found("pct1"), "PCT120");
	assert_string_equal(found("amox"), "AMX500");	/* x as ks */
	assert_string_equal(found("dexa"), "DEXI");
	assert_string_equal(found("chlor"), "CTM4");	/* ch as k */
	assert_string_equal(found("paracetamol 50"), "PCT500");	/* c as s before e */
	assert_string_equal(found("a"), "ALB400|AMX500");	/* codes first, then names */
	assert_string_equal(found("para 500 mg"), "PCT500");
	assert_string_equal(found("para 400"), "");
	assert_string_equal(found("ceta%"), "");	/* a mark is no pattern */
	struct drug d[2];
	assert_int_equal(drug_search(db, "", d, 2), 2);	/* at most max */
}

static void receive(const char *obat, struct field_errors *fe, struct sbuf *err, int want)
{
	struct receipt_input in = { obat, "APBD1", "B1", "2028-01-01", "50", "2026-11-01", "" };
	assert_int_equal(stock_receive(db, &in, fe, err), want);
}

static void test_close_and_delete(void **s)
{
	(void)s;
	struct field_errors fe;
	struct sbuf err = { 0 };
	add("ORS", "Oralit 200 ml", "");
	add("ZNC20", "Zinc 20 mg", "");
	receive("ZNC20", &fe, &err, 0);
	assert_int_equal(drug_has_history(db, "ORS"), 0);
	assert_int_equal(drug_has_history(db, "ZNC20"), 1);
	/* a drug with a batch is never deleted: closed, its history kept */
	assert_int_equal(drug_delete(db, "ZNC20", &err), -1);
	assert_string_equal(sb_str(&err), "Zinc 20 mg sudah punya batch atau resep: tutup obat ini, riwayatnya tidak dihapus");
	sb_reset(&err);
	assert_int_equal(drug_close(db, "ZNC20", "2026-11-20", &err), 0);
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM batch WHERE obat = 'ZNC20'", -1), 1);
	assert_int_equal(drug_close(db, "ZNC20", "2026-11-21", &err), -1);
	assert_string_equal(sb_str(&err), "Zinc 20 mg sudah ditutup sejak 20-11-2026");
	sb_reset(&err);
	/* closed: not found, not received, not prescribed; still read by code */
	assert_string_equal(found("zinc"), "");
	receive("ZNC20", &fe, &err, -1);
	assert_string_equal(field_error_for(&fe, "obat"), "Zinc 20 mg sudah ditutup sejak 20-11-2026");
	assert_int_equal(resep_add(db, visit.id, "ZNC20", "10", "", NULL, &fe, &err), -1);
	assert_string_equal(field_error_for(&fe, "obat"), "Zinc 20 mg sudah ditutup sejak 20-11-2026");
	struct drug d;
	assert_int_equal(drug_get(db, "ZNC20", &d), 1);
	assert_string_equal(d.ditutup, "2026-11-20");
	/* opened again, it is found and received */
	assert_int_equal(drug_close(db, "ZNC20", NULL, &err), 0);
	assert_string_equal(found("zinc"), "ZNC20");
	receive("ZNC20", &fe, &err, 0);
	assert_int_equal(drug_close(db, "ZNC20", NULL, &err), -1);
	assert_string_equal(sb_str(&err), "Zinc 20 mg tidak ditutup");
	sb_reset(&err);
	/* a prescription is history too */
	assert_int_equal(resep_add(db, visit.id, "ORS", "2", "", NULL, &fe, &err), 0);
	assert_int_equal(drug_has_history(db, "ORS"), 1);
	assert_int_equal(drug_delete(db, "ORS", &err), -1);
	sb_reset(&err);
	/* without a batch or a prescription it is deleted */
	add("SALB", "Salbutamol 2 mg", "");
	assert_int_equal(drug_delete(db, "SALB", &err), 0);
	assert_int_equal(drug_get(db, "SALB", &d), 0);
	assert_int_equal(drug_delete(db, "SALB", &err), -1);
	assert_string_equal(sb_str(&err), "kode obat SALB tidak ada di daftar obat");
	sb_free(&err);
}

static void test_columns(void **s)
{
	(void)s;
	struct field_errors fe;
	struct sbuf err = { 0 };
	struct drug d;
	/* a dialog: every column as typed, an empty one cleared */
	struct drug_input in = { "OMZ20", "Omeprazol 20 mg", "kapsul", "OBAT", "120", "T", "OM-20", "93000111", "30" };
	assert_int_equal(drug_save(db, &in, 1, &fe, &err), 0);
	assert_int_equal(drug_save(db, &in, 1, &fe, &err), -1);
	assert_string_equal(field_error_for(&fe, "kode"), "kode OMZ20 sudah dipakai Omeprazol 20 mg");
	assert_int_equal(drug_get(db, "OMZ20", &d), 1);
	assert_int_equal(d.fornas, 0);
	assert_string_equal(d.kode_kfa, "93000111");
	assert_int_equal(d.maks_resep, 30);
	assert_int_equal(d.optimum, 120);
	/* an import's row without the new columns changes none of them */
	assert_int_equal(drug_check(db, "OMZ20", "Omeprazol 20 mg kapsul", "kapsul", "", "", &d, &fe), 0);
	assert_int_equal(drug_put(db, &d, &err), 0);
	assert_int_equal(drug_get(db, "OMZ20", &d), 1);
	assert_string_equal(d.nama, "Omeprazol 20 mg kapsul");
	assert_int_equal(d.fornas, 0);
	assert_string_equal(d.kode_pcare, "OM-20");
	assert_string_equal(d.kode_kfa, "93000111");
	assert_int_equal(d.maks_resep, 30);
	/* a change in the dialog clears what was emptied */
	in = (struct drug_input){ "OMZ20", "Omeprazol 20 mg", "kapsul", "OBAT", "", "Y", "", "", "" };
	assert_int_equal(drug_save(db, &in, 0, &fe, &err), 0);
	assert_int_equal(drug_get(db, "OMZ20", &d), 1);
	assert_int_equal(d.fornas, 1);
	assert_string_equal(d.kode_pcare, "");
	assert_string_equal(d.kode_kfa, "");
	assert_int_equal(d.maks_resep, -1);
	assert_int_equal(d.optimum, -1);
	/* bad values, each under its field; nothing saved */
	in = (struct drug_input){ "NEW1", "Baru", "tablet", "OBAT", "", "mungkin", "a/b", "../x", "0" };
	assert_int_equal(drug_save(db, &in, 1, &fe, &err), -1);
	assert_non_null(field_error_for(&fe, "fornas"));
	assert_string_equal(field_error_for(&fe, "kode_pcare"), "kode P-Care hanya huruf, angka, '.', '-' dan '_'");
	assert_string_equal(field_error_for(&fe, "kode_kfa"), "kode KFA tidak boleh diawali '.'");
	assert_non_null(field_error_for(&fe, "maks_resep"));
	assert_int_equal(drug_get(db, "NEW1", &d), 0);
	in = (struct drug_input){ "NONE", "Tidak ada", "tablet", "", "", "Y", "", "", "" };
	assert_int_equal(drug_save(db, &in, 0, &fe, &err), -1);
	assert_string_equal(field_error_for(&fe, "kode"), "kode obat NONE tidak ada di daftar obat");
	/* the most per prescription: the drug's own, else the configured one */
	assert_int_equal(drug_get(db, "ALB400", &d), 1);
	assert_int_equal(drug_max_per_resep(&d, 300), 6);
	assert_int_equal(drug_get(db, "PCT500", &d), 1);
	assert_int_equal(drug_max_per_resep(&d, 300), 300);
	sb_free(&err);
}

/* prescribing a drug already on the prescription changes its line */
static void test_changed_line(void **s)
{
	(void)s;
	struct field_errors fe;
	struct sbuf err = { 0 };
	struct patient p;
	assert_int_equal(patient_get(db, visit.pasien_id, &p), 1);
	struct visit v = fx_visit(&p, (struct date){ 2026, 11, 21 }, "K3");
	assert_int_equal(resep_add(db, v.id, "PCT500", "10", "3x1", NULL, &fe, &err), 0);
	assert_int_equal(resep_add(db, v.id, "AMX500", "15", "3x1", NULL, &fe, &err), 0);
	assert_int_equal(resep_add(db, v.id, "PCT500", "20", "3x1 bila demam", NULL, &fe, &err), 1);
	char sql[128];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM resep WHERE kunjungan_id = %ld", v.id);
	assert_int_equal(db_query_long(db, sql, -1), 2);
	snprintf(sql, sizeof sql, "SELECT jumlah FROM resep WHERE kunjungan_id = %ld AND obat = 'PCT500'", v.id);
	assert_int_equal(db_query_long(db, sql, -1), 20);
	sb_free(&err);
}

/* [farmasi] sumber_dana over kamus': checks, pick lists and labels follow it */
static void test_configured_sources(void **s)
{
	(void)s;
	const struct column_def *c = dict_find(db, "batch", "sumber");
	assert_non_null(strstr(c->choices, "JKN=JKN kapitasi"));	/* migration 023's list */
	assert_int_equal(dict_set_choices(db, "batch", "sumber", "BOK=Bantuan operasional;DAK=DAK"), 0);
	char code[8][24], label[8][80];
	c = dict_find(db, "batch", "sumber");
	assert_int_equal(dict_options(db, c, code, label, 8), 2);
	assert_string_equal(code[0], "BOK");
	assert_string_equal(label[0], "Bantuan operasional");
	struct field_errors fe;
	struct sbuf err = { 0 };
	struct receipt_input in = { "PCT500", "JKN", "S1", "2028-01-01", "5", "2026-11-01", "" };
	assert_int_equal(stock_receive(db, &in, &fe, &err), -1);
	assert_non_null(field_error_for(&fe, "sumber"));
	in.sumber = "BOK";
	assert_int_equal(stock_receive(db, &in, &fe, &err), 0);
	sb_free(&err);
}

/* a closed drug stays in LB2 and on the stock screen while it has stock or
 * movements; closed before a month with nothing in it, it is left out */
static int in_lb2(const char *month, const char *kode, struct lb2_row *row)
{
	struct pkm_config cfg;
	config_defaults(&cfg);
	struct lb2 r;
	struct sbuf err = { 0 };
	assert_int_equal(lb2_build(db, &cfg.farmasi, month, &r, &err), 0);
	int found = 0;
	for (int i = 0; i < r.n; i++)
		if (strcmp(r.rows[i].kode, kode) == 0) {
			*row = r.rows[i];
			found = 1;
		}
	lb2_free(&r);
	sb_free(&err);
	return found;
}

static void test_closed_in_reports(void **s)
{
	(void)s;
	struct field_errors fe;
	struct sbuf err = { 0 };
	add("OLD1", "Obat lama tanpa stok", "");
	add("OLD2", "Obat lama bersisa", "");
	receive("OLD2", &fe, &err, 0);	/* 50 on 01-11-2026 */
	assert_int_equal(drug_close(db, "OLD1", "2026-10-15", &err), 0);
	assert_int_equal(drug_close(db, "OLD2", "2026-11-02", &err), 0);
	struct lb2_row row;
	assert_true(in_lb2("2026-10", "OLD1", &row));	/* closed in that month */
	assert_string_equal(row.ditutup, "2026-10-15");
	assert_false(in_lb2("2026-11", "OLD1", &row));
	assert_true(in_lb2("2026-12", "OLD2", &row));	/* still has stock */
	assert_int_equal(row.awal, 50);
	struct pkm_config cfg;
	config_defaults(&cfg);
	struct stock_status *all;
	int n = stock_status_list(db, &cfg.farmasi, (struct date){ 2026, 11, 23 }, &all), seen = 0;
	for (int i = 0; i < n; i++)
		if (strcmp(all[i].kode, "OLD2") == 0) {
			assert_string_equal(all[i].ditutup, "2026-11-02");
			assert_int_equal(all[i].saldo, 50);
			seen = 1;
		}
	free(all);
	assert_true(seen);
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_search),	     cmocka_unit_test(test_close_and_delete),
		cmocka_unit_test(test_columns),	     cmocka_unit_test(test_changed_line),
		cmocka_unit_test(test_closed_in_reports), cmocka_unit_test(test_configured_sources),	/* the last: it changes the list */
	};
	return cmocka_run_group_tests(tests, setup, fx_teardown);
}
