/* LB1 counting from a real database, the case-flag pre-fill over history, queue
 * numbers, and the column-panel layout of the printed table. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "pkm/lb1.h"
#include "fixture.h"

static char dbpath[64];
static struct pkm_config cfg;

static int setup(void **s)
{
	(void)s;
	config_defaults(&cfg);
	return fx_open_file(dbpath, "/tmp/pkm-lb1-XXXXXX");
}

static int teardown(void **s)
{
	(void)s;
	fx_close_file(dbpath);
	return 0;
}

static struct visit visit(const struct patient *p, const char *day, const char *unit)
{
	return fx_visit(p, fx_day(day), unit);
}

static char diag(const struct visit *v, const char *code, char kasus)
{
	int added;
	struct sbuf err = { 0 };
	assert_int_equal(diag_add(db, &cfg, v, code, kasus, &added, &err), 0);
	sb_free(&err);
	struct diagnosis *d;
	int n = diag_list(db, v->id, &d);
	char k = 0;
	char norm[ICD_LEN];
	icd_normalize(code, norm);
	for (int i = 0; i < n; i++)
		if (strcmp(d[i].icd10, norm) == 0)
			k = d[i].kasus;
	free(d);
	return k;
}

static void test_prefill_history(void **s)
{
	(void)s;
	struct patient p = fx_patient("Pre Fill", 'L', "1990-01-01", "UMUM");
	struct visit v1 = visit(&p, "2026-09-10", "K3");
	assert_int_equal(diag(&v1, "J06.9", 0), 'B');
	struct visit v2 = visit(&p, "2026-10-05", "K3");	/* 25 days: same episode, new month */
	assert_int_equal(diag(&v2, "J06.0", 0), 'L');		/* same category J06 */
	struct visit v3 = visit(&p, "2026-10-12", "K3");
	assert_int_equal(diag(&v3, "J06.9", 0), 'K');
	struct visit v4 = visit(&p, "2026-11-20", "K3");	/* 39 days later: new episode */
	assert_int_equal(diag(&v4, "J06.9", 0), 'B');
	assert_int_equal(diag(&v1, "I10", 0), 'B');		/* chronic */
	assert_int_equal(diag(&v4, "I10", 0), 'L');		/* stays lama, even 70 days on */
	assert_int_equal(diag(&v4, "A09", 'K'), 'K');		/* the worker's choice is kept */
	int added;
	struct sbuf err = { 0 };
	assert_int_equal(diag_add(db, &cfg, &v4, "A09", 0, &added, &err), 0);
	assert_false(added);					/* a code counts once per visit */
	sb_free(&err);
}

static void test_queue_numbers(void **s)
{
	(void)s;
	struct patient a = fx_patient("Antri Satu", 'P', "2000-01-01", "UMUM");
	struct patient b = fx_patient("Antri Dua", 'L', "2000-01-01", "UMUM");
	struct visit va = visit(&a, "2026-08-01", "K2");
	struct visit vb = visit(&b, "2026-08-01", "K2");
	struct visit vc = visit(&b, "2026-08-01", "GIGI");
	struct visit again = visit(&a, "2026-08-01", "K2");
	assert_int_equal(va.no_antrian, 1);
	assert_int_equal(vb.no_antrian, 2);
	assert_int_equal(vc.no_antrian, 1);
	assert_int_equal(again.id, va.id);
	assert_int_equal(strlen(a.no_rm), 6);
	assert_int_not_equal(strcmp(a.no_rm, b.no_rm), 0);
}

static long cell(const struct lb1 *r, const char *key, const char *band, int kasus, int sex)
{
	for (int i = 0; i < r->nrows; i++)
		if (strcmp(r->rows[i].key, key) == 0)
			for (int b = 0; b < band_count(r->layout); b++)
				if (strcmp(band_key(r->layout, b), band) == 0)
					return r->rows[i].cell[b][kasus][sex];
	return -1;
}

static void test_lb1_month(void **s)
{
	(void)s;
	/* March 2025: newborn, toddler, adult, old man; two diagnoses on one visit */
	struct patient bayi = fx_patient("Bayi", 'P', "2025-03-01", "UMUM");
	struct patient anak = fx_patient("Anak", 'L', "2022-03-10", "UMUM");
	struct patient tua = fx_patient("Tua", 'L', "1950-03-31", "UMUM");
	struct visit v1 = visit(&bayi, "2025-03-08", "K2");	/* 7 days */
	diag(&v1, "P38", 'B');
	struct visit v2 = visit(&bayi, "2025-03-30", "K2");	/* 29 days */
	diag(&v2, "J18.0", 'B');
	diag(&v2, "J18.9", 'B');
	struct visit v3 = visit(&anak, "2025-03-10", "K2");	/* 3rd birthday */
	diag(&v3, "A09", 'B');
	struct visit v4 = visit(&tua, "2025-03-30", "K3");	/* 74 years, birthday tomorrow */
	diag(&v4, "I10", 'L');
	diag(&v4, "J06.9", 'K');
	struct visit out = visit(&tua, "2025-04-01", "K3");	/* next month: not counted */
	diag(&out, "I10", 'L');

	struct lb1 r;
	struct sbuf err = { 0 };
	assert_int_equal(lb1_build(db, "2025-03", LAYOUT_KLASIK, &r, &err), 0);
	assert_int_equal(r.nrows, 6);
	assert_string_equal(r.rows[0].key, "A09");
	assert_int_equal(cell(&r, "P38", "0-7h", KASUS_B, SEX_P), 1);
	assert_int_equal(cell(&r, "J18.0", "1-11b", KASUS_B, SEX_P), 1);
	assert_int_equal(cell(&r, "A09", "1-4t", KASUS_B, SEX_L), 1);
	assert_int_equal(cell(&r, "I10", "70+t", KASUS_L, SEX_L), 1);
	assert_int_equal(cell(&r, "J06.9", "70+t", KASUS_K, SEX_L), 1);
	assert_int_equal(r.pairs, 6);
	struct lb1_checks c;
	lb1_check(&r, &c);
	assert_true(c.bands_ok && c.sex_ok && c.pairs_ok);
	assert_int_equal(c.grand, 6);
	lb1_free(&r);

	assert_int_equal(lb1_build(db, "2025-03", LAYOUT_F11, &r, &err), 0);
	assert_int_equal(cell(&r, "J17", "1-11b", KASUS_B, SEX_P), 1);	/* Bronkopneumonia J18.0 */
	assert_int_equal(cell(&r, "J18", "1-11b", KASUS_B, SEX_P), 1);	/* Pneumonia J18.9 */
	assert_int_equal(cell(&r, "C10", "1-4t", KASUS_B, SEX_L), 1);	/* Gastroenteritis A09 */
	assert_int_equal(cell(&r, "F4", "60+t", KASUS_L, SEX_L), 1);	/* Hipertensi I10 */
	assert_int_equal(cell(&r, "LAIN.J06.9", "60+t", KASUS_K, SEX_L), 1);
	lb1_check(&r, &c);
	assert_true(c.bands_ok && c.sex_ok && c.pairs_ok);
	lb1_free(&r);
	assert_int_equal(lb1_build(db, "2025-3", LAYOUT_F11, &r, &err), -1);
	sb_free(&err);
}

static void test_panels(void **s)
{
	(void)s;
	struct table t;
	table_init(&t, 10);
	for (int c = 0; c < 10; c++) {
		snprintf(t.cols[c].group, sizeof t.cols[c].group, "G%d", c / 4);
		snprintf(t.cols[c].label, sizeof t.cols[c].label, "C%d", c);
	}
	long *v = table_add(&t, ROW_DATA, "1", "A09", "Diare");
	v[9] = 1234567;				/* a wide number widens its column */
	int start[11];
	/* labels: No 2 + 1 + ICD... "Kode" 4 + 1 + name 12 = 20; columns 3 wide + 1 space */
	int n = table_panels(&t, 40, start, 10);
	assert_int_equal(n, 3);
	assert_int_equal(start[0], 0);
	assert_int_equal(start[1], 4);		/* groups stay together */
	assert_int_equal(start[2], 8);
	assert_int_equal(start[3], 10);
	n = table_panels(&t, 136, start, 10);
	assert_int_equal(n, 1);
	struct pkm_config c;
	config_defaults(&c);
	struct page_setup ps = { &c, "Bulan: Maret 2025", 40, 30, NULL, NULL };
	struct sbuf out = { 0 };
	table_text(&t, &ps, &out);
	assert_non_null(strstr(sb_str(&out), "1234567"));	/* never cut */
	assert_non_null(strstr(sb_str(&out), "Halaman 3/3"));
	assert_non_null(strstr(sb_str(&out), "\f"));
	sb_free(&out);
	table_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prefill_history), cmocka_unit_test(test_queue_numbers),
		cmocka_unit_test(test_lb1_month), cmocka_unit_test(test_panels),
	};
	return cmocka_run_group_tests_name("lb1", tests, setup, teardown);
}
