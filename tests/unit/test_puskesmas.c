/* The puskesmas' identity (pkm/puskesmas.h): NIP and Kemenkes code checks, the
 * row saved and read back over the configuration, what is missing, and the
 * signature block a printed report ends with at 80 and 136 columns. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pkm/puskesmas.h"
#include "pkm/table.h"
#include "fixture.h"

static void test_nip(void **s)
{
	(void)s;
	assert_null(puskesmas_nip_problem(""));	/* not an ASN: left empty */
	assert_null(puskesmas_nip_problem("198503122010012003"));
	assert_non_null(puskesmas_nip_problem("19850312201001200"));	/* 17 */
	assert_non_null(puskesmas_nip_problem("1985031220100120034"));	/* 19 */
	assert_non_null(puskesmas_nip_problem("19850312 010012003"));
	assert_non_null(puskesmas_nip_problem("198513122010012003"));	/* month 13 */
	assert_non_null(puskesmas_nip_problem("198503002010012003"));	/* day 0 */
	assert_string_equal(puskesmas_nip_problem("12345"), "NIP harus 18 angka tanpa spasi, mis. 198503122010012003");
}

static void test_kode(void **s)
{
	(void)s;
	assert_null(puskesmas_kode_problem(""));
	assert_null(puskesmas_kode_problem("P3204100101"));
	assert_non_null(puskesmas_kode_problem("3204100101"));
	assert_non_null(puskesmas_kode_problem("P320410010"));
	assert_non_null(puskesmas_kode_problem("P32041001011"));
	assert_non_null(puskesmas_kode_problem("Q3204100101"));
	assert_non_null(puskesmas_kode_problem("P32041O0101"));
}

static void fill(struct puskesmas *p)
{
	const char *v[PKM_ID_FIELDS] = { "PUSKESMAS SUKAMAJU", " p3204100101 ", "Jl. Raya 12", "Cicalengka", "Bandung",
					 "dr. Rahma Dewi", "198503122010012003", "Sari Lestari", "199001012015032001" };
	memset(p, 0, sizeof *p);
	for (int i = 0; i < PKM_ID_FIELDS; i++)
		str_copy(p->v[i], sizeof p->v[i], v[i]);
}

static void test_save_and_load(void **s)
{
	(void)s;
	struct pkm_config cfg;
	config_defaults(&cfg);
	str_copy(cfg.nama, sizeof cfg.nama, "PUSKESMAS DARI INI");
	struct sbuf err = { 0 }, miss = { 0 };
	struct puskesmas p, back;
	/* no row: the configuration is the identity, and all but nama is missing */
	assert_int_equal(puskesmas_read(db, &back, &err), 0);
	assert_int_equal(puskesmas_load(db, &cfg, &err), 0);
	assert_string_equal(cfg.nama, "PUSKESMAS DARI INI");
	assert_int_equal(puskesmas_missing(db, &cfg, &miss), 8);
	assert_non_null(strstr(sb_str(&miss), "NIP kepala"));
	/* refused: nothing stored, each problem under its field */
	fill(&p);
	str_copy(p.v[6], sizeof p.v[6], "1985");
	p.v[0][0] = '\0';
	struct field_errors fe = { 0 };
	assert_int_equal(puskesmas_save(db, &p, &cfg, &fe, &err), -1);
	assert_non_null(field_error_for(&fe, "nip_kepala"));
	assert_non_null(field_error_for(&fe, "nama"));
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM puskesmas", -1), 0);
	/* saved: the code upper-cased and trimmed, the configuration follows */
	fill(&p);
	memset(&fe, 0, sizeof fe);
	assert_int_equal(puskesmas_save(db, &p, &cfg, &fe, &err), 0);
	assert_int_equal(puskesmas_read(db, &back, &err), 1);
	assert_string_equal(back.v[1], "P3204100101");
	struct pkm_config fresh;
	config_defaults(&fresh);
	assert_int_equal(puskesmas_load(db, &fresh, &err), 0);
	assert_string_equal(fresh.kepala, "dr. Rahma Dewi");
	assert_string_equal(fresh.nip_petugas, "199001012015032001");
	sb_reset(&miss);
	assert_int_equal(puskesmas_missing(db, &fresh, &miss), 0);
	/* a field emptied in the row is empty in print, whatever pkm.ini says */
	p.v[7][0] = '\0';
	assert_int_equal(puskesmas_save(db, &p, &cfg, &fe, &err), 0);
	str_copy(fresh.petugas, sizeof fresh.petugas, "dari berkas");
	assert_int_equal(puskesmas_load(db, &fresh, &err), 0);
	assert_string_equal(fresh.petugas, "");
	assert_int_equal(puskesmas_missing(db, &fresh, &miss), 1);
	assert_string_equal(sb_str(&miss), "Petugas pelaporan");
	sb_free(&miss);
	sb_free(&err);
}

/* The printed text's lines after the last rule: the signature block. */
static char *signature_of(const struct pkm_config *cfg, int width)
{
	struct table t;
	table_init(&t, 2);
	str_copy(t.title, sizeof t.title, "UJI");
	str_copy(t.cols[0].label, sizeof t.cols[0].label, "L");
	str_copy(t.cols[1].label, sizeof t.cols[1].label, "P");
	long *v = table_add(&t, ROW_DATA, "1", "A00", "Kolera");
	v[0] = 1;
	struct page_setup ps = { cfg, "Bulan: Oktober 2026", width, 60, NULL, NULL };
	struct sbuf out = { 0 };
	table_text(&t, &ps, &out);
	table_free(&t);
	char *rule = strrchr(sb_str(&out), '-');
	char *block = strdup(rule + 2);
	sb_free(&out);
	return block;
}

static void check_block(int width)
{
	struct pkm_config cfg;
	config_defaults(&cfg);
	struct puskesmas p;
	fill(&p);
	str_copy(p.v[0], sizeof p.v[0], "UPTD PUSKESMAS SUKAMAJU KECAMATAN CICALENGKA");
	struct field_errors fe = { 0 };
	struct sbuf err = { 0 };
	assert_int_equal(puskesmas_save(db, &p, &cfg, &fe, &err), 0);
	char *block = signature_of(&cfg, width), *line[16];
	int n = 0;
	for (char *s = strtok(block, "\n"); s && n < 16; s = strtok(NULL, "\n"))
		line[n++] = s;
	/* place and date, the two titles, names and NIP: the right column at width/2 */
	assert_int_equal(n, 4);
	char want[300];
	snprintf(want, sizeof want, "%*s%s", width / 2, "", "Cicalengka, 23 November 2026");
	assert_string_equal(line[0], want);
	assert_int_equal(strncmp(line[1], "Mengetahui, Kepala UPTD PUSKESMAS", 33), 0);
	assert_string_equal(line[1] + width / 2, "Petugas Pelaporan");
	assert_int_equal(line[1][width / 2 - 1], ' ');	/* a long name cut before the right column */
	assert_int_equal(strncmp(line[2], "dr. Rahma Dewi ", 15), 0);
	assert_string_equal(line[2] + width / 2, "Sari Lestari");
	assert_int_equal(strncmp(line[3], "NIP 198503122010012003 ", 23), 0);
	assert_string_equal(line[3] + width / 2, "NIP 199001012015032001");
	free(block);
	/* three blank lines to sign on between the titles and the names */
	block = signature_of(&cfg, width);
	assert_non_null(strstr(block, "Petugas Pelaporan\n\n\n\ndr. Rahma Dewi"));
	free(block);
	sb_free(&err);
}

static void test_signature_80(void **s)
{
	(void)s;
	check_block(80);
}

static void test_signature_136(void **s)
{
	(void)s;
	check_block(136);
}

int main(void)
{
	setenv("PKM_TODAY", "2026-11-23", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nip),
		cmocka_unit_test(test_kode),
		cmocka_unit_test(test_save_and_load),
		cmocka_unit_test(test_signature_80),
		cmocka_unit_test(test_signature_136),
	};
	return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
