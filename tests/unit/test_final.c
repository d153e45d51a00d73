/* Signing a monthly report off (pkm/final.h): the digest is SHA-256 over the
 * sorted data cells, the same from another connection, and another when one
 * cell changes; the changed cell is named; versions; the months a report may
 * be printed and signed for. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "pkm/final.h"
#include "fixture.h"

static char dbpath[64];
static struct pkm_config cfg;
static struct patient ani, budi;

static void diagnose(const struct patient *p, const char *day, const char *code)
{
	struct visit v = fx_visit(p, fx_day(day), "K3");
	int added;
	struct sbuf err = { 0 };
	assert_int_equal(diag_add(db, &cfg, &v, code, 'B', &added, &err), 0);
	sb_free(&err);
}

static int setup(void **s)
{
	(void)s;
	setenv("PKM_TODAY", "2026-11-23", 1);
	config_defaults(&cfg);
	if (fx_open_file(dbpath, "/tmp/pkm-final-XXXXXX") != 0)
		return -1;
	db_set_user(db, "data");
	ani = fx_patient("Ani", 'P', "1990-03-04", "UMUM");
	budi = fx_patient("Budi", 'L', "1970-05-06", "UMUM");
	diagnose(&ani, "2026-10-05", "J06.9");
	diagnose(&budi, "2026-10-06", "I10");
	diagnose(&budi, "2026-10-20", "K30");
	return 0;
}

static int teardown(void **s)
{
	(void)s;
	fx_close_file(dbpath);
	return 0;
}

static void digest_of(sqlite3 *c, char hex[65], struct sbuf *canon)
{
	struct sbuf err = { 0 };
	assert_int_equal(final_cells(c, &cfg, "lb1", "2026-10", canon, &err), 0);
	assert_int_equal(final_digest(sb_str(canon), canon->len, hex, &err), 0);
	sb_free(&err);
}

/* FIPS 180-4's example "abc", and the empty message */
static void test_sha256(void **s)
{
	(void)s;
	char hex[65];
	struct sbuf err = { 0 };
	assert_int_equal(final_digest("abc", 3, hex, &err), 0);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	assert_int_equal(final_digest("", 0, hex, &err), 0);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	sb_free(&err);
}

/* the cells sorted bytewise, header left out; the same digest again and from
 * a connection of its own */
static void test_digest_stable(void **s)
{
	(void)s;
	char a[65], b[65], c[65];
	struct sbuf x = { 0 }, y = { 0 }, z = { 0 };
	digest_of(db, a, &x);
	assert_non_null(strstr(sb_str(&x), "I10,"));
	assert_null(strstr(sb_str(&x), "baris,kolom"));
	for (const char *p = sb_str(&x), *nl; (nl = strchr(p, '\n')) && nl[1]; p = nl + 1)
		assert_true(strcmp(p, nl + 1) < 0);	/* each line before the next */
	digest_of(db, b, &y);
	assert_string_equal(a, b);
	struct sbuf err = { 0 };
	sqlite3 *other = pkm_open(dbpath, &err);
	assert_non_null(other);
	digest_of(other, c, &z);
	db_close(other);
	assert_string_equal(a, c);
	assert_string_equal(sb_str(&x), sb_str(&z));
	sb_free(&x);
	sb_free(&y);
	sb_free(&z);
	sb_free(&err);
}

/* sign, one more diagnosis: one cell changes, the digest with it, and the
 * change is named; signing again is version 2, signing the same is refused */
static void test_one_cell_changes(void **s)
{
	(void)s;
	struct final_sign f, last;
	struct sbuf err = { 0 }, cells = { 0 }, canon = { 0 };
	assert_int_equal(final_sign(db, &cfg, "lb1", "10-2026", "Dewi Lestari", &f, &err), 0);
	assert_int_equal(f.versi, 1);
	assert_string_equal(f.oleh, "data");
	assert_string_equal(f.bulan, "2026-10");
	char before[65];
	digest_of(db, before, &canon);
	assert_string_equal(f.sidik, before);
	assert_int_equal(final_changes(db, &cfg, &f, &cells, &err), 0);
	assert_int_equal(final_sign(db, &cfg, "lb1", "2026-10", "Dewi Lestari", &last, &err), -1);
	assert_non_null(strstr(sb_str(&err), "sudah FINAL v1 dan tidak berubah"));
	sb_reset(&err);

	diagnose(&ani, "2026-10-25", "A09");
	char after[65];
	digest_of(db, after, &canon);
	assert_string_not_equal(before, after);
	assert_int_equal(final_changes(db, &cfg, &f, &cells, &err), 1);
	assert_string_equal(sb_str(&cells), "  A09,20-44t.baru.P: 0 -> 1\n");
	char note[200];
	struct sbuf head = { 0 };
	assert_int_equal(final_marks(db, &cfg, "lb1", "2026-10", note, sizeof note, &head, &err), 0);
	assert_non_null(strstr(note, "; BERUBAH"));
	assert_int_equal(strncmp(sb_str(&head), "KOREKSI SETELAH FINAL\n", 22), 0);
	assert_non_null(strstr(sb_str(&head), "  A09,20-44t.baru.P: 0 -> 1\n"));

	assert_int_equal(final_sign(db, &cfg, "lb1", "2026-10", "Dewi Lestari", &last, &err), 0);
	assert_int_equal(last.versi, 2);
	assert_string_equal(last.sidik, after);
	assert_int_equal(final_last(db, "lb1", "2026-10", &f, &err), 1);
	assert_int_equal(f.versi, 2);
	sb_reset(&head);
	assert_int_equal(final_marks(db, &cfg, "lb1", "2026-10", note, sizeof note, &head, &err), 0);
	assert_int_equal(head.len, 0);
	assert_int_equal(strncmp(note, "FINAL 23-11-2026, Dewi Lestari, sidik ", 38), 0);
	sb_free(&head);
	sb_free(&cells);
	sb_free(&canon);
	sb_free(&err);
}

/* a month to come is refused, the month not ended is marked and not signed */
static void test_months(void **s)
{
	(void)s;
	enum month_state st;
	struct date today = { 2026, 11, 23 };
	assert_int_equal(month_state("10-2026", today, &st), 0);
	assert_int_equal(st, MONTH_ENDED);
	assert_int_equal(month_state("2026-11", today, &st), 0);
	assert_int_equal(st, MONTH_RUNNING);
	assert_int_equal(month_state("12-2026", today, &st), 0);
	assert_int_equal(st, MONTH_FUTURE);
	assert_int_equal(month_state("13-2026", today, &st), -1);
	struct sbuf err = { 0 };
	assert_int_equal(month_printable("12-2026", &err), -1);
	assert_non_null(strstr(sb_str(&err), "belum dimulai"));
	assert_int_equal(month_printable("11-2026", &err), 0);
	char note[200];
	struct sbuf head = { 0 };
	assert_int_equal(final_marks(db, &cfg, "lb3", "2026-11", note, sizeof note, &head, &err), 0);
	assert_string_equal(note, "BULAN BERJALAN: data sampai 23-11-2026, belum lengkap");
	struct final_sign f;
	sb_reset(&err);
	assert_int_equal(final_sign(db, &cfg, "lb1", "11-2026", "Dewi", &f, &err), -1);
	assert_non_null(strstr(sb_str(&err), "belum berakhir"));
	char which[64];
	assert_int_equal(final_day_signed(db, "2026-10-31", NULL, which, sizeof which), 1);
	assert_string_equal(which, "LB1");
	assert_int_equal(final_day_signed(db, "2026-10-31", "lb1", which, sizeof which), 1);
	assert_int_equal(final_day_signed(db, "2026-10-31", "lb2", which, sizeof which), 0);	/* the stock's */
	assert_int_equal(final_day_signed(db, "2026-09-30", NULL, which, sizeof which), 0);
	sb_free(&head);
	sb_free(&err);
}

/* the status of every report of a month, LB3 and LB4 signed too: each report
 * is built while the months are no longer being read */
static void test_status(void **s)
{
	(void)s;
	struct final_sign f;
	struct sbuf err = { 0 };
	assert_int_equal(final_sign(db, &cfg, "lb3", "10-2026", "Dewi", &f, &err), 0);
	assert_int_equal(final_sign(db, &cfg, "lb4", "10-2026", "Dewi", &f, &err), 0);
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	assert_int_equal(final_status(db, &cfg, NULL, out, &err), 0);
	fclose(out);
	assert_non_null(strstr(text, "10-2026  LB1        FINAL v2 oleh Dewi Lestari, 23-11-2026 "));
	assert_non_null(strstr(text, "10-2026  LB2        belum final\n"));
	assert_non_null(strstr(text, "10-2026  LB3        FINAL v1 oleh Dewi, "));
	assert_non_null(strstr(text, "10-2026  LB4        FINAL v1 oleh Dewi, "));
	assert_non_null(strstr(text, "10-2026  JAMPERSAL  belum final\n"));
	free(text);
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha256),
		cmocka_unit_test(test_digest_stable),
		cmocka_unit_test(test_one_cell_changes),
		cmocka_unit_test(test_months),
		cmocka_unit_test(test_status),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
