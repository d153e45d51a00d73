/* A patient's history: every visit newest first with its diagnoses in the
 * order entered, over 200 visits; a stored form read back as text. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pkm/db.h"
#include "pkm/open.h"
#include "pkm/form.h"
#include "pkm/visit.h"

static void test_history(void **s)
{
	(void)s;
	struct sbuf err = { 0 };
	sqlite3 *db = pkm_open(":memory:", &err);
	assert_non_null(db);
	struct pkm_config cfg;
	config_defaults(&cfg);
	struct patient p = { .sex = 'L' };
	strcpy(p.nama, "Candra Wijaya");
	strcpy(p.tanggal_lahir, "1970-01-01");
	strcpy(p.penjamin, "UMUM");
	assert_int_equal(patient_save_new(db, &p, &err), 0);
	struct date day = { 2026, 1, 1 };
	long first = date_to_days(day);
	for (int i = 0; i < 200; i++) {	/* one visit a day for 200 days, K3 then K4 */
		struct date d = date_from_days(first + i);
		struct visit v;
		int created, added;
		assert_int_equal(visit_open(db, &p, d, i % 2 ? "K4" : "K3", "UMUM", &v, &created, &err), 0);
		assert_int_equal(diag_add(db, &cfg, &v, i % 2 ? "A15.0" : "I10", 0, &added, &err), 0);
		if (i == 199)
			assert_int_equal(diag_add(db, &cfg, &v, "E11.9", 0, &added, &err), 0);
	}
	struct visit_summary *h;
	assert_int_equal(visit_history(db, p.id, &h), 200);
	assert_string_equal(h[0].v.tanggal, "2026-07-19");	/* day 200, newest first */
	assert_string_equal(h[0].v.unit, "K4");
	assert_string_equal(h[0].diag, "A15.0 L, E11.9 B");	/* A15 is chronic: L after its first B */
	assert_string_equal(h[199].v.tanggal, "2026-01-01");
	assert_string_equal(h[199].diag, "I10 B");
	assert_string_equal(h[198].diag, "A15.0 B");
	for (int i = 1; i < 200; i++)
		assert_true(strcmp(h[i - 1].v.tanggal, h[i].v.tanggal) > 0);
	/* a stored form as text, labels from the dictionary */
	struct form f;
	struct sbuf ferr = { 0 };
	char path[PATH_MAX];
	snprintf(path, sizeof path, "%s/k3_ptm.ini", PKM_FORMS_DIR);
	assert_int_equal(form_load(db, path, &f, &ferr), 0);
	char sql[160];
	snprintf(sql, sizeof sql, "INSERT INTO f_ptm (kunjungan_id, td_sistol, td_diastol) VALUES (%ld, 150, 95)",
		 h[199].v.id);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	struct sbuf text = { 0 };
	assert_int_equal(form_text(db, &f, h[199].v.id, &text), 1);
	assert_non_null(strstr(sb_str(&text), "150/95"));
	sb_reset(&text);
	assert_int_equal(form_text(db, &f, h[0].v.id, &text), 0);
	form_free(&f);
	free(h);
	sb_free(&text);
	sb_free(&ferr);
	sb_free(&err);
	db_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = { cmocka_unit_test(test_history) };
	return cmocka_run_group_tests(tests, NULL, NULL);
}
