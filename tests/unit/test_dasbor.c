/* The dashboards add up: on a year of demo records with villages of the area,
 * a neighbouring village, patients typed as outside and text not mapped yet,
 * every indicator that shares its rule with an LB3 row counts, over all
 * villages, what that LB3 row counts for each month, and its cumulative count
 * is the months' added up. The shipped forms/dasbor load without a problem;
 * a broken definition is refused with file:line; and the due rule names who
 * is due and no one else. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include <sys/stat.h>
#include "pkm/dasbor.h"
#include "pkm/date.h"
#include "pkm/demo.h"
#include "fixture.h"

static struct pkm_config cfg;

static int setup(void **s)
{
	if (fx_setup(s) != 0)
		return -1;
	config_defaults(&cfg);
	str_copy(cfg.forms_dir, sizeof cfg.forms_dir, PKM_FORMS_DIR);
	struct demo_opts o = { .years = 1, .seed = 7, .end = { 2026, 11, 23 }, .patients = 2000, .per_day = 40 };
	struct sbuf done = { 0 }, err = { 0 };
	if (demo_fill(db, &cfg, &o, &done, &err) != 0) {
		fprintf(stderr, "demo: %s\n", sb_str(&err));
		return -1;
	}
	sb_free(&done);
	sb_free(&err);
	return 0;
}

static int lb3_row(const struct rowdef *lb3, const char *id)
{
	for (int i = 0; i < lb3->n; i++)
		if (!lb3->rows[i].head && strcmp(lb3->rows[i].id, id) == 0)
			return i;
	return -1;
}

static void sums_hold(void **s)
{
	(void)s;
	struct sbuf err = { 0 };
	struct dasbor *d;
	int n, pairs = 0, counted = 0;
	assert_int_equal(dasbor_load_all(db, PKM_FORMS_DIR, -1, &d, &n, &err), 0);
	assert_true(n >= 3);
	struct rowdef lb3;
	char path[PATH_MAX];
	rowdef_path(&cfg, "lb3", path, sizeof path);
	assert_int_equal(rowdef_load(db, path, &lb3, &err), 0);
	for (int b = 0; b < n; b++) {
		struct dasbor_result prev = { 0 };
		for (int m = 1; m <= 12; m++) {
			struct dasbor_result r;
			char month[8];
			snprintf(month, sizeof month, "2026-%02u", (unsigned)m % 100u);
			assert_int_equal(dasbor_count(db, &d[b], 2026, m, &r, &err), 0);
			struct rd_result lb;
			assert_int_equal(rowdef_count(db, &cfg, &lb3, month, &lb, &err), 0);
			for (int i = 0; i < d[b].n; i++) {
				long total = 0, in_month = 0, before = 0;
				for (int v = 0; v < r.nv; v++) {
					total += r.num[i * r.nv + v][0];
					in_month += r.num[i * r.nv + v][1];
				}
				for (int v = 0; v < prev.nv; v++)
					before += prev.num[i * prev.nv + v][0];
				assert_int_equal(total, before + in_month);	/* the months added up */
				int row = lb3_row(&lb3, d[b].ind[i].id);
				if (!d[b].ind[i].lb3)
					continue;
				assert_true(row >= 0);
				if (in_month != lb.v[row][2])
					fail_msg("%s %s: dasbor %ld, LB3 %ld", d[b].ind[i].id, month, in_month, lb.v[row][2]);
				pairs++;
				counted += in_month > 0;
			}
			rd_result_free(&lb);
			dasbor_result_free(&prev);
			prev = r;
		}
		dasbor_result_free(&prev);
	}
	assert_true(pairs >= 12 * 10);
	assert_true(counted > 30);	/* the demo's records reach most of them */
	rowdef_free(&lb3);
	dasbor_free_all(d, n);
	sb_free(&err);
}

/* Every village kind has its own line: the area's by code, then outside, then
 * the unmapped text as typed. */
static void village_lines(void **s)
{
	(void)s;
	struct sbuf err = { 0 };
	struct dasbor *d;
	int n;
	assert_int_equal(dasbor_load_all(db, PKM_FORMS_DIR, 2, &d, &n, &err), 0);
	assert_int_equal(n, 1);
	struct dasbor_result r;
	assert_int_equal(dasbor_count(db, &d[0], 2026, 12, &r, &err), 0);
	/* the demo's working area: six villages, two neighbours, old texts */
	assert_true(r.nv >= 8);
	assert_string_equal(r.v[0].key, "D3204102001");
	assert_string_equal(r.v[2].name, "Cikopo");
	assert_string_equal(r.v[6].name, "Luar wilayah");	/* Tanjungsari, Babakan and those typed outside */
	assert_true(strncmp(r.v[7].name, "? ", 2) == 0);
	assert_true(r.target[0 * r.nv + 0] > 0);
	assert_int_equal(r.target[0 * r.nv + 6], -1);
	dasbor_result_free(&r);
	dasbor_free_all(d, n);
	sb_free(&err);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* A definition that copies LB3's rule, names an unknown target or has no due
 * window is refused with its line. */
static void broken_refused(void **s)
{
	(void)s;
	char dir[] = "/tmp/pkm-dasbor-XXXXXX", path[PATH_MAX];
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/laporan", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof path, "%s/dasbor", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	char lb3[PATH_MAX + 32];
	snprintf(lb3, sizeof lb3, "cp %s/laporan/lb3.ini %s/laporan/", PKM_FORMS_DIR, dir);
	assert_int_equal(system(lb3), 0);
	snprintf(path, sizeof path, "%s/dasbor/x.ini", dir);
	write_file(path, "[dasbor]\njudul = X\nklaster = 2\n\n[indikator.k1]\nlabel = K1\nsasaran = bumil\n"
			 "target = 100\nsumber = s\ndari = f_anc\n\n[indikator.y]\nlabel = Y\nsasaran = ibu\n"
			 "target = 100\nsumber = s\ndari = f_anc\nhitung = pasien\nbelum = Z\nbelum_dari = f_anc\n"
			 "belum_tanpa = kontak = 4\n");
	struct sbuf err = { 0 };
	struct dasbor *d;
	int n;
	assert_int_equal(dasbor_load_all(db, dir, -1, &d, &n, &err), 3);
	assert_non_null(strstr(sb_str(&err), "x.ini:10: indikator ini memakai aturan baris LB3"));
	assert_non_null(strstr(sb_str(&err), "x.ini:14: sasaran 'ibu' tidak dikenal"));
	assert_non_null(strstr(sb_str(&err), "belum_hari wajib"));
	sb_free(&err);
	char rm[PATH_MAX + 16];
	snprintf(rm, sizeof rm, "rm -r %s", dir);
	assert_int_equal(system(rm), 0);
}

struct seen {
	int n;
	char names[8][104];
};

static void seen_add(void *ctx, const struct rd_due_row *r)
{
	struct seen *s = ctx;
	if (s->n < 8)
		str_copy(s->names[s->n], sizeof s->names[0], r->nama);
	s->n++;
}

/* MR1: a baby past 9 months without it is due; one with it, one too young
 * and one past a year are not (in their village: the demo's babies are in others). */
static void due_rule(void **s)
{
	(void)s;
	struct rd_due due = { "MR1", "pasien", "", 0, 1, NULL, NULL, 274, 365 };
	struct rd_cond mr = { SC_OTHER, "f_imunisasi", "mr", OP_EQ, 0, 1, { "1" } };
	due.without = &mr;
	struct patient a = fx_patient("Due Satu", 'P', "2025-01-10", "UMUM");
	struct patient b = fx_patient("Due Dua", 'L', "2025-01-20", "UMUM");
	fx_patient("Due Muda", 'L', "2025-06-01", "UMUM");
	fx_patient("Due Tua", 'L', "2024-01-01", "UMUM");
	(void)a;
	struct visit v = fx_visit(&b, fx_day("2025-10-20"), "K2");
	char sql[160];
	snprintf(sql, sizeof sql, "INSERT INTO f_imunisasi (kunjungan_id, mr) VALUES (%ld, '1')", v.id);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "UPDATE pasien SET desa = 'Uji' WHERE nama LIKE 'Due %'", NULL, NULL, NULL),
			 SQLITE_OK);
	struct seen seen = { 0 };
	struct sbuf err = { 0 };
	assert_int_equal(rowdef_due_list(db, &due, "2025-10-31", "?Uji", seen_add, &seen, &err), 0);
	assert_int_equal(seen.n, 1);
	assert_string_equal(seen.names[0], "Due Satu");
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sums_hold),
		cmocka_unit_test(village_lines),
		cmocka_unit_test(broken_refused),
		cmocka_unit_test(due_rule),
	};
	return cmocka_run_group_tests(tests, setup, fx_teardown);
}
