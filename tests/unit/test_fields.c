/* Every field type of the data dictionary, its display and edit forms, and the
 * formulas of computed fields. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include "pkm/calc.h"
#include "pkm/dict.h"
#include "fixture.h"

static struct column_def col(const char *table, const char *column)
{
	struct column_def c;
	assert_int_equal(dict_get(db, table, column, &c), 0);
	return c;
}

/* The normal form of `in`, or "ERR: message". */
static const char *check(const struct column_def *c, const char *in)
{
	static char out[768];
	char norm[512];
	const char *why = dict_check(db, c, in, norm, sizeof norm);
	if (why)
		snprintf(out, sizeof out, "ERR: %s", why);
	else
		snprintf(out, sizeof out, "%s", norm);
	return out;
}

static void test_yes_no(void **s)
{
	(void)s;
	struct column_def c = col("f_tb", "terduga");
	assert_int_equal(c.type, T_YESNO);
	assert_string_equal(check(&c, "y"), "1");
	assert_string_equal(check(&c, "Ya"), "1");
	assert_string_equal(check(&c, " t "), "0");
	assert_string_equal(check(&c, "TIDAK"), "0");
	assert_string_equal(check(&c, "mungkin"), "ERR: Isi Y (ya) atau T (tidak)");
	assert_string_equal(check(&c, ""), "ERR: Terduga TB wajib diisi");
}

static void test_decimal(void **s)
{
	(void)s;
	struct column_def c = col("f_anc", "bb");
	assert_int_equal(c.type, T_DEC);
	assert_string_equal(check(&c, "60,5"), "60.5");
	assert_string_equal(check(&c, "60.50"), "60.5");
	assert_string_equal(check(&c, "70"), "70");
	assert_string_equal(check(&c, "70,25"), "70.25");
	assert_string_equal(check(&c, "25"), "25");
	assert_string_equal(check(&c, "200"), "200");
	assert_string_equal(check(&c, "24,99"), "ERR: Berat badan harus angka (boleh desimal, mis. 12,5) 25-200 kg");
	assert_string_equal(check(&c, "60,125"), "ERR: Berat badan harus angka (boleh desimal, mis. 12,5) 25-200 kg");
	assert_string_equal(check(&c, "enam puluh"), "ERR: Berat badan harus angka (boleh desimal, mis. 12,5) 25-200 kg");
	assert_string_equal(check(&c, "60,"), "ERR: Berat badan harus angka (boleh desimal, mis. 12,5) 25-200 kg");
	long h;
	assert_int_equal(dec_parse("-1,5", &h), 0);
	assert_int_equal(h, -150);
	char buf[16];
	dec_format(-5, buf, sizeof buf);
	assert_string_equal(buf, "-0.05");
}

static void test_integer(void **s)
{
	(void)s;
	struct column_def c = col("f_anc", "kontak");
	assert_int_equal(c.type, T_INT);
	assert_string_equal(check(&c, "6"), "6");
	assert_string_equal(check(&c, "08"), "8");	/* base 10, never octal */
	assert_string_equal(check(&c, "1,5"), "ERR: Kontak ke- harus bilangan bulat 1-12");
	assert_string_equal(check(&c, "13"), "ERR: Kontak ke- harus bilangan bulat 1-12");
	assert_string_equal(check(&c, "0"), "ERR: Kontak ke- harus bilangan bulat 1-12");
}

static void test_time_and_date(void **s)
{
	(void)s;
	struct column_def t = col("f_igd", "jam_datang"), d = col("f_persalinan", "tanggal_persalinan");
	assert_string_equal(check(&t, "8:30"), "08:30");
	assert_string_equal(check(&t, "08.15"), "08:15");
	assert_string_equal(check(&t, "23:59"), "23:59");
	assert_string_equal(check(&t, "24:00"), "ERR: Jam tidak sah (contoh: 08:30)");
	assert_string_equal(check(&t, "12:60"), "ERR: Jam tidak sah (contoh: 08:30)");
	assert_string_equal(check(&t, "jam 8"), "ERR: Jam tidak sah (contoh: 08:30)");
	assert_string_equal(check(&d, "05-08-2026"), "2026-08-05");
	assert_string_equal(check(&d, "2026-08-05"), "2026-08-05");
	assert_string_equal(check(&d, "31-02-2026"), "ERR: Tanggal tidak sah (contoh: 17-08-1980)");
}

static void test_choice(void **s)
{
	(void)s;
	struct column_def c = col("f_tb", "pemeriksaan");
	assert_int_equal(c.type, T_CHOICE);
	assert_string_equal(check(&c, "tcm"), "TCM");
	assert_string_equal(check(&c, "PCR"), "ERR: Pemeriksaan harus salah satu dari: TCM BTA RONTGEN");
	char code[24], label[80];
	assert_int_equal(dict_choice(&c, 1, code, label), 0);
	assert_string_equal(code, "BTA");
	assert_string_equal(label, "Mikroskopis BTA");
	assert_int_equal(dict_choice(&c, 3, code, label), -1);
	char out[80];
	dict_display(db, &c, "RONTGEN", out, sizeof out);
	assert_string_equal(out, "Foto toraks");
	dict_display(db, &c, "PCR", out, sizeof out);
	assert_string_equal(out, "");
}

static void test_blood_pressure(void **s)
{
	(void)s;
	struct column_def c = col("f_ptm", "td");
	assert_int_equal(c.type, T_BP);
	assert_string_equal(check(&c, "120/80"), "120/80");
	assert_string_equal(check(&c, " 150 / 95 "), "150/95");
	assert_string_equal(check(&c, "80/120"),
			    "ERR: Tekanan darah tidak masuk akal (sistol 40-300, diastol 20-200, diastol < sistol)");
	assert_string_equal(check(&c, "120"), "ERR: Tekanan darah ditulis sistol/diastol, mis. 120/80");
	assert_string_equal(check(&c, "120/80/70"), "ERR: Tekanan darah ditulis sistol/diastol, mis. 120/80");
}

static void test_text_unit_icd(void **s)
{
	(void)s;
	struct column_def t = col("f_kb", "efek_ket"), u = col("f_rujukan", "unit_tujuan"), i = col("f_klb", "penyakit");
	char long_text[200];
	memset(long_text, 'a', 101);
	long_text[101] = '\0';
	assert_string_equal(check(&t, "pusing, mual"), "pusing, mual");
	assert_string_equal(check(&t, long_text), "ERR: Efek samping apa terlalu panjang (maksimal 100 karakter)");
	/* 100 two-byte characters are 100 characters, not 200 */
	char wide[256] = "";
	for (int k = 0; k < 100; k++)
		strcat(wide, "\xc3\xa9");
	assert_string_equal(check(&t, wide), wide);
	assert_string_equal(check(&u, "lab"), "LAB");
	assert_string_equal(check(&u, "K9"), "ERR: Kode unit tidak dikenal (K1 K2 K3 K4 IGD FARMASI LAB RANAP GIGI)");
	assert_int_equal(i.type, T_CHOICE);
	struct column_def icd = col("diagnosis", "icd10");
	assert_string_equal(check(&icd, "j06.9"), "J06.9");
}

static void test_display_and_edit_text(void **s)
{
	(void)s;
	struct column_def yn = col("f_tb", "terduga"), d = col("f_anc", "hpht"), bb = col("f_anc", "bb");
	char out[80];
	dict_display(db, &yn, "1", out, sizeof out);
	assert_string_equal(out, "Ya");
	dict_display(db, &yn, "0", out, sizeof out);
	assert_string_equal(out, "Tidak");
	dict_display(db, &yn, "y", out, sizeof out);
	assert_string_equal(out, "");
	dict_display(db, &bb, "60.5", out, sizeof out);
	assert_string_equal(out, "60.5 kg");
	dict_edit_text(&yn, "0", out, sizeof out);
	assert_string_equal(out, "T");
	dict_edit_text(&d, "2026-09-01", out, sizeof out);
	assert_string_equal(out, "01-09-2026");
	dict_display(db, &d, "2026-09-01", out, sizeof out);	/* dates people read: DD-MM-YYYY */
	assert_string_equal(out, "01-09-2026");
	/* a stored code by its label, a code without one as it is */
	assert_string_equal(dict_label(db, "kunjungan", "penjamin", "BPJS_NON_PBI", out, sizeof out), "BPJS Non PBI");
	assert_string_equal(dict_label(db, "kunjungan", "unit", "K2", out, sizeof out), "Klaster 2 Ibu dan Anak");
	assert_string_equal(dict_label(db, "kunjungan", "penjamin", "LAMA_X", out, sizeof out), "LAMA_X");
	assert_string_equal(dict_label(db, "kunjungan", "tidak_ada", "A", out, sizeof out), "A");
}

static void test_options_and_self_check(void **s)
{
	(void)s;
	char code[32][24], label[32][80];
	struct column_def u = col("f_rujukan", "unit_tujuan"), yn = col("f_tb", "terduga"), c = col("f_tb", "hasil_tcm");
	assert_int_equal(dict_options(db, &u, code, label, 32), 9);
	assert_string_equal(code[0], "K1");
	assert_int_equal(dict_options(db, &yn, code, label, 32), 2);
	assert_string_equal(label[0], "Ya");
	assert_int_equal(dict_options(db, &c, code, label, 32), 5);
	assert_null(dict_self_check(&c));
	c.choices = "A=Satu;a=Dua";
	assert_string_equal(dict_self_check(&c), "kode pilihan ganda");
	c.choices = "A=Satu;B";
	assert_string_equal(dict_self_check(&c), "pilihan harus 'KODE=Label;KODE=Label' (kode tanpa spasi)");
	struct column_def none;
	assert_int_equal(dict_get(db, "f_tb", "warna", &none), -1);
}

/* Evaluate a formula on literal values at a visit date. */
static const char *calc(const char *rumus, const char *a, const char *b, const char *prev, const char *day)
{
	static char out[64];
	struct calc_call c;
	const char *why;
	assert_int_equal(calc_parse(rumus, &c, &why), 0);
	const char *vals[2] = { a, b ? b : "" };
	struct date d;
	date_parse(day ? day : "2026-11-23", &d);
	const char *err = calc_eval(&c, vals, prev, d, out, sizeof out);
	if (err)
		snprintf(out, sizeof out, "ERR: %s", err);
	return out;
}

static void test_formulas(void **s)
{
	(void)s;
	assert_string_equal(calc("imt bb tb", "70.5", "155", NULL, NULL), "29.3");
	assert_string_equal(calc("imt bb tb", "60.5", "155", NULL, NULL), "25.2");
	assert_string_equal(calc("imt bb tb", "60.5", "", NULL, NULL), "");	/* not yet typed */
	/* 2026-09-01 to 2026-11-23 is 83 days: 11 weeks, first trimester ends at 12 weeks 6 days */
	assert_string_equal(calc("usia_kehamilan hpht", "2026-09-01", NULL, NULL, NULL), "11");
	assert_string_equal(calc("trimester hpht", "2026-09-01", NULL, NULL, NULL), "1");
	assert_string_equal(calc("trimester hpht", "2026-08-18", NULL, NULL, NULL), "2");	/* 97 days */
	assert_string_equal(calc("trimester hpht", "2026-05-01", NULL, NULL, NULL), "3");
	assert_string_equal(calc("hpl hpht", "2026-09-01", NULL, NULL, NULL), "2027-06-08");
	assert_string_equal(calc("usia_kehamilan hpht", "2026-11-24", NULL, NULL, NULL), "ERR: HPHT sesudah tanggal kunjungan");
	assert_string_equal(calc("usia_kehamilan hpht", "2025-11-01", NULL, NULL, NULL),
			    "ERR: HPHT lebih dari 45 minggu lalu: periksa HPHT");
	assert_string_equal(calc("kurang_dari lila 23.5", "23.4", "23.5", NULL, NULL), "1");
	assert_string_equal(calc("kurang_dari lila 23.5", "23.5", "23.5", NULL, NULL), "0");
	assert_string_equal(calc("selisih_bb bb", "10.5", NULL, "10.2", NULL), "0.3");
	assert_string_equal(calc("selisih_bb bb", "10", NULL, "10.2", NULL), "-0.2");
	assert_string_equal(calc("selisih_bb bb", "10.5", NULL, "", NULL), "");	/* first weighing */
	assert_string_equal(calc("naik_bb bb", "10.5", NULL, "10.2", NULL), "1");
	assert_string_equal(calc("naik_bb bb", "10.2", NULL, "10.2", NULL), "0");
	assert_string_equal(calc("hari_rawat masuk keluar", "2026-11-20", "2026-11-23", NULL, NULL), "3");
	assert_string_equal(calc("hari_rawat masuk keluar", "2026-11-23", "2026-11-23", NULL, NULL), "1");
	assert_string_equal(calc("hari_rawat masuk keluar", "2026-11-23", "2026-11-20", NULL, NULL),
			    "ERR: tanggal keluar sebelum tanggal masuk");
	assert_string_equal(calc("jumlah a b", "1", "0", NULL, NULL), "1");
}

static void test_formula_parse_errors(void **s)
{
	(void)s;
	struct calc_call c;
	const char *why = NULL;
	assert_int_equal(calc_parse("bmi bb tb", &c, &why), -1);
	assert_non_null(strstr(why, "rumus tidak dikenal"));
	assert_int_equal(calc_parse("imt bb", &c, &why), -1);
	assert_string_equal(why, "rumus: jumlah argumen salah");
	assert_int_equal(calc_parse("kurang_dari lila 23.5", &c, &why), 0);
	assert_false(calc_arg_is_number(&c, 0));
	assert_true(calc_arg_is_number(&c, 1));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yes_no), cmocka_unit_test(test_decimal), cmocka_unit_test(test_integer),
		cmocka_unit_test(test_time_and_date), cmocka_unit_test(test_choice),
		cmocka_unit_test(test_blood_pressure), cmocka_unit_test(test_text_unit_icd),
		cmocka_unit_test(test_display_and_edit_text), cmocka_unit_test(test_options_and_self_check),
		cmocka_unit_test(test_formulas), cmocka_unit_test(test_formula_parse_errors),
	};
	return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
