/* Where a number comes from, for what the viewer shows: every printed LB1 cell
 * (both layouts, the band columns and the totals, zero or not) of the golden
 * fixture has rows (asal_build with the column's printed key) that sum to it,
 * and the cell map of the printed text points at that very number. The data
 * cells of every report are traced by tests/golden/asal.sh. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "pkm/asal.h"
#include "pkm/import.h"
#include "pkm/lb1.h"
#include "pkm/table.h"
#include "fixture.h"

static char dbpath[64];
static struct pkm_config cfg;

static int setup(void **s)
{
	(void)s;
	struct sbuf err = { 0 }, done = { 0 };
	config_defaults(&cfg);
	int rc = fx_open_file(dbpath, "/tmp/pkm-asal-XXXXXX") != 0 ||
		 import_pasien(db, "tests/golden/fixture/pasien.csv", NULL, &done, &err) != 0 ||
		 import_kunjungan(db, &cfg, "tests/golden/fixture/kunjungan.csv", NULL, &done, &err) != 0;
	if (rc)
		fprintf(stderr, "fixture: %s\n", sb_str(&err));
	sb_free(&err);
	sb_free(&done);
	return rc ? -1 : 0;
}

static int teardown(void **s)
{
	(void)s;
	fx_close_file(dbpath);
	return 0;
}

static long rows_total(enum layout l, const char *baris, const char *kolom)
{
	struct report_req req = { "lb1", "2026-10", l, FMT_TEXT, 80 };
	char cell[96];
	snprintf(cell, sizeof cell, "%s,%s", baris, kolom);
	struct asal a;
	struct sbuf err = { 0 };
	int rc = asal_build(db, &cfg, &req, cell, &a, &err);
	if (rc != ASAL_OK)
		fail_msg("%s: %s", cell, sb_str(&err));
	long total = a.total, ones = 0;
	for (int i = 0; i < a.n; i++)
		ones += a.rows[i].nilai == 1 && a.rows[i].kunjungan > 0 && a.rows[i].no_rm[0];
	assert_int_equal(ones, a.n);	/* LB1 rows are visits, one each */
	asal_free(&a);
	sb_free(&err);
	return total;
}

static void test_printed_cells(void **s)
{
	(void)s;
	const enum layout layouts[] = { LAYOUT_KLASIK, LAYOUT_F11 };
	for (int li = 0; li < 2; li++) {
		struct lb1 r;
		struct sbuf err = { 0 };
		assert_int_equal(lb1_build(db, "2026-10", layouts[li], &r, &err), 0);
		struct table t;
		lb1_table(&r, &t);
		long grand = 0, nonzero = 0;
		for (int i = 0; i < t.nrows; i++) {
			const struct trow *row = &t.rows[i];
			if (row->kind != ROW_DATA)
				continue;
			assert_true(row->key[0] != '\0');
			for (int c = 0; c < t.ncols; c++) {
				assert_true(t.cols[c].key[0] != '\0');
				long got = rows_total(layouts[li], row->key, t.cols[c].key);
				if (got != row->v[c])
					fail_msg("%s,%s: printed %ld, rows %ld", row->key, t.cols[c].key, row->v[c], got);
				nonzero += got != 0;
			}
			grand += row->v[t.ncols - 1];	/* klasik: Total Jml */
		}
		assert_true(nonzero >= 10);	/* the fixture has something to trace */
		if (layouts[li] == LAYOUT_KLASIK)
			assert_int_equal(grand, r.pairs);
		table_free(&t);
		lb1_free(&r);
		sb_free(&err);
	}
}

static void test_cell_map(void **s)
{
	(void)s;
	struct lb1 r;
	struct sbuf err = { 0 }, table = { 0 }, text = { 0 };
	assert_int_equal(lb1_build(db, "2026-10", LAYOUT_KLASIK, &r, &err), 0);
	struct table t;
	lb1_table(&r, &t);
	struct cell_map map = { 0 };
	map.base = 7;	/* seven bytes come before the table's text */
	struct page_setup ps = { &cfg, "Bulan: Oktober 2026", 80, 66, NULL, &map };
	table_text(&t, &ps, &table);
	sb_printf(&text, "1234567%s", sb_str(&table));
	int data_cells = 0;
	for (int i = 0; i < t.nrows; i++)
		data_cells += t.rows[i].kind == ROW_DATA ? t.ncols : 0;
	assert_int_equal(map.n, data_cells);	/* every cell once, over all panels; not the totals */
	for (int i = 0; i < map.n; i++) {
		const struct cell_pos *p = &map.pos[i];
		char num[32];
		assert_true(p->off + (size_t)p->width <= text.len);
		snprintf(num, sizeof num, "%.*s", p->width, text.s + p->off);
		assert_true(i == 0 || p->off > map.pos[i - 1].off);
		assert_int_equal(strtol(num, NULL, 10), rows_total(LAYOUT_KLASIK, map.row_key[p->row], map.col_key[p->col]));
	}
	cell_map_free(&map);
	sb_free(&text);
	sb_free(&table);
	table_free(&t);
	lb1_free(&r);
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_printed_cells),
		cmocka_unit_test(test_cell_map),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
