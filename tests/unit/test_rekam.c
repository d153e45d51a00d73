/* Issue 35's data entry: the KFA and ICD-9-CM lists (import all or nothing,
 * search by word starts and code), procedures on a visit, allergies and the
 * prescribing check (same drug or same KFA code), its recorded override. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "pkm/alergi.h"
#include "pkm/kode.h"
#include "pkm/tindakan.h"
#include "fixture.h"

static char csv_path[64];

static void write_csv(const char *text)
{
	str_copy(csv_path, sizeof csv_path, "/tmp/pkm-rekam-XXXXXX");
	int fd = mkstemp(csv_path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (long)strlen(text));
	close(fd);
}

static int import(enum kode_list list, const char *text, struct sbuf *err)
{
	write_csv(text);
	struct sbuf done = { 0 };
	int rc = kode_import(db, list, csv_path, NULL, &done, err);
	sb_free(&done);
	unlink(csv_path);
	return rc;
}

static void test_icd9_normalize(void **s)
{
	(void)s;
	char c[8];
	assert_int_equal(icd9_normalize("86.59", c), 0);
	assert_string_equal(c, "86.59");
	assert_int_equal(icd9_normalize("8659", c), 0);
	assert_string_equal(c, "86.59");
	assert_int_equal(icd9_normalize("232", c), 0);
	assert_string_equal(c, "23.2");
	assert_int_equal(icd9_normalize("64", c), 0);
	assert_string_equal(c, "64");
	assert_int_equal(icd9_normalize("86.", c), -1);
	assert_int_equal(icd9_normalize("8.659", c), -1);
	assert_int_equal(icd9_normalize("86x", c), -1);
	assert_int_equal(icd9_normalize("86.591", c), -1);
}

static void test_kfa_import(void **s)
{
	(void)s;
	struct sbuf err = { 0 };
	/* a bad row: nothing stored, each problem with its line */
	assert_int_equal(import(KODE_KFA, "kode,nama,bentuk\n93001019,Parasetamol 500 mg Tablet,Tablet\n"
					  "93A,Salah,Tablet\n93001019,Dua kali,Tablet\n", &err), -1);
	assert_non_null(strstr(sb_str(&err), ":3: kode: kode KFA tidak sah: '93A'"));
	assert_non_null(strstr(sb_str(&err), ":4: kode: kode 93001019 sudah ada di baris 2"));
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM kfa", -1), 0);
	sb_reset(&err);
	assert_int_equal(import(KODE_KFA, "kode;nama;bentuk\n93001019;Parasetamol 500 mg Tablet;Tablet\n"
					  "93000001;Amoksisilin 500 mg Kapsul;Kapsul\n93000002;Amoksisilin Sirup 125 mg/5 mL;Sirup\n",
			 &err), 0);
	struct kode_entry e[8];
	assert_int_equal(kode_search(db, KODE_KFA, "amok", e, 8), 2);
	assert_int_equal(kode_search(db, KODE_KFA, "amok sir", e, 8), 1);
	assert_string_equal(e[0].kode, "93000002");
	assert_string_equal(e[0].bentuk, "Sirup");
	assert_int_equal(kode_search(db, KODE_KFA, "moks", e, 8), 0);	/* word starts only */
	assert_int_equal(kode_search(db, KODE_KFA, "93001", e, 8), 1);
	sb_free(&err);
}

static void test_icd9_import_search(void **s)
{
	(void)s;
	struct sbuf err = { 0 };
	assert_int_equal(import(KODE_ICD9, "kode,nama\n86x,Salah\n99.99,\n", &err), -1);
	assert_non_null(strstr(sb_str(&err), ":2: kode: kode ICD-9-CM tidak sah: '86x' (contoh: 86.59)"));
	assert_non_null(strstr(sb_str(&err), ":3: nama: wajib diisi"));
	sb_reset(&err);
	assert_int_equal(import(KODE_ICD9, "kode,nama\n8659,Penjahitan luka (nama baru)\n99.99,Tindakan lain\n", &err), 0);
	struct kode_entry e[8];
	assert_int_equal(kode_get(db, KODE_ICD9, "86.59", e), 1);
	assert_string_equal(e[0].nama, "Penjahitan luka (nama baru)");
	assert_int_equal(kode_search(db, KODE_ICD9, "nebul", e, 8), 1);	/* shipped */
	assert_string_equal(e[0].kode, "93.94");
	assert_int_equal(kode_search(db, KODE_ICD9, "23.0", e, 8), 2);
	assert_int_equal(kode_search(db, KODE_ICD9, "8659", e, 8), 1);
	assert_string_equal(e[0].kode, "86.59");
	sb_free(&err);
}

static void test_tindakan(void **s)
{
	(void)s;
	struct patient p = fx_patient("Budi Tindakan", 'L', "1990-01-01", "UMUM");
	struct visit v = fx_visit(&p, fx_day("2026-11-23"), "GIGI");
	struct field_errors fe;
	struct sbuf err = { 0 };
	long saves = db_query_long(db, "SELECT count(*) FROM audit", -1);
	assert_int_equal(tindakan_add(db, v.id, "2309", "gigi 36", &fe, &err), 0);
	assert_int_equal(tindakan_add(db, v.id, "23.2", "", &fe, &err), 0);
	assert_int_equal(tindakan_add(db, v.id, "23.09", "", &fe, &err), -1);
	assert_string_equal(fe.e[0].column, "icd9");
	assert_non_null(strstr(fe.e[0].msg, "sudah dicatat"));
	assert_int_equal(tindakan_add(db, v.id, "12.34", "", &fe, &err), -1);
	assert_non_null(strstr(fe.e[0].msg, "tidak ada di daftar"));
	struct tindakan_row t[4];
	assert_int_equal(tindakan_list(db, v.id, t, 4), 2);
	assert_string_equal(t[0].icd9, "23.09");
	assert_string_equal(t[0].keterangan, "gigi 36");
	assert_int_equal(tindakan_remove(db, v.id, "23.2", &err), 0);
	assert_int_equal(tindakan_remove(db, v.id, "23.2", &err), -1);
	assert_int_equal(tindakan_list(db, v.id, t, 4), 1);
	/* each of the three saves is in the trail */
	assert_true(db_query_long(db, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'tindakan' "
				      "AND name LIKE 'audit%'", 0) >= 3);
	assert_true(db_query_long(db, "SELECT count(*) FROM audit", -1) >= saves + 3);
	sb_free(&err);
}

static void test_allergy_match(void **s)
{
	(void)s;
	fx_drug("AMX500", "Amoksisilin 500 mg", "tablet", "", "");
	fx_drug("AMXSYR", "Amoksisilin sirup", "botol", "", "");
	fx_drug("PCT500", "Parasetamol 500 mg", "tablet", "", "");
	assert_int_equal(db_exec(db, "UPDATE obat SET kode_kfa = '93000001' WHERE kode IN ('AMX500', 'AMXSYR')", NULL), 0);
	struct patient p = fx_patient("Sari Alergi", 'P', "1985-05-05", "UMUM");
	struct field_errors fe;
	struct sbuf err = { 0 };
	assert_int_equal(alergi_add(db, p.id, "AMX500", "102263004", "", "", 0, &fe, &err), -1);	/* both */
	assert_int_equal(alergi_add(db, p.id, "", "999", "", "", 0, &fe, &err), -1);
	assert_string_equal(fe.e[0].column, "alergen");
	assert_int_equal(alergi_add(db, p.id, "", "102263004", "", "sangat", 0, &fe, &err), -1);
	assert_string_equal(fe.e[0].column, "keparahan");
	long drug = alergi_add(db, p.id, "AMX500", NULL, "gatal, bentol", "severe", 0, &fe, &err);
	assert_true(drug > 0);
	long egg = alergi_add(db, p.id, NULL, "102263004", "", "", 0, &fe, &err);
	assert_true(egg > drug);
	char names[200], what[200];
	alergi_names(db, p.id, names, sizeof names);
	assert_string_equal(names, "Amoksisilin 500 mg, Telur");
	assert_int_equal(alergi_match(db, p.id, "AMX500", what, sizeof what), drug);
	assert_int_equal(alergi_match(db, p.id, "AMXSYR", what, sizeof what), drug);	/* same KFA code */
	assert_string_equal(what, "Amoksisilin 500 mg");
	assert_int_equal(alergi_match(db, p.id, "PCT500", what, sizeof what), 0);
	/* the prescriber writes it anyway: the line records which allergy */
	fx_receive("AMXSYR", "APBD1", "B1", "2028-01-01", "10", "2026-11-01");
	struct visit v = fx_visit(&p, fx_day("2026-11-23"), "K3");
	assert_int_equal(resep_add_despite(db, v.id, "AMXSYR", "1", "3x1", "", drug, &fe, &err), 0);
	char sql[120];
	snprintf(sql, sizeof sql, "SELECT alergi_abaikan FROM resep WHERE kunjungan_id = %ld AND obat = 'AMXSYR'", v.id);
	assert_int_equal(db_query_long(db, sql, -1), drug);
	/* entered in error: no longer shown nor matched, still listed with --semua */
	assert_int_equal(alergi_set_status(db, drug, "entered-in-error", &err), 0);
	assert_int_equal(alergi_set_status(db, drug, "hilang", &err), -1);
	assert_int_equal(alergi_match(db, p.id, "AMX500", what, sizeof what), 0);
	alergi_names(db, p.id, names, sizeof names);
	assert_string_equal(names, "Telur");
	struct alergi_row a[4];
	assert_int_equal(alergi_list(db, p.id, 1, a, 4), 2);
	assert_string_equal(a[1].status, "entered-in-error");
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_icd9_normalize),
		cmocka_unit_test(test_kfa_import),
		cmocka_unit_test(test_icd9_import_search),
		cmocka_unit_test(test_tindakan),
		cmocka_unit_test(test_allergy_match),
	};
	return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
