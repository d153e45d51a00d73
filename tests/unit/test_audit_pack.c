/* A save's lines packed (src/audit_pack.c): what packs unpacks to the same
 * bytes and is shorter; what is not a line the triggers write stays text; a
 * broken blob is refused, never read past its end. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include "pkm/audit_pack.h"
#include "pkm/db.h"

/* Pack and unpack text: the bytes come back; the packed size, or -1. */
static long round_trip(const char *text)
{
	struct sbuf packed = { 0 }, back = { 0 };
	if (audit_pack(text, strlen(text), &packed) != 0) {
		assert_int_equal(packed.len, 0);
		sb_free(&packed);
		return -1;
	}
	assert_int_equal(audit_unpack(packed.s, packed.len, &back), 0);
	assert_int_equal(back.len, strlen(text));
	assert_memory_equal(back.s, text, back.len);
	/* appended after what the buffer holds, as sbufs are */
	sb_reset(&back);
	sb_add(&back, "x");
	assert_int_equal(audit_unpack(packed.s, packed.len, &back), 0);
	assert_int_equal(back.len, strlen(text) + 1);
	assert_memory_equal(back.s + 1, text, strlen(text));
	long n = (long)packed.len;
	sb_free(&packed);
	sb_free(&back);
	return n;
}

static void test_lines(void **s)
{
	(void)s;
	static const char *const saves[] = {
		"27+390107",
		"29+486077\n34~496787 5=NULL>'2026-11-21'",
		"2-5 0=5 1=3 2='J06.9' 3='BARU'",
		"31~7 4='Siti'>'Siti Aminah' 15=NULL>'0812'",
		"31~7 9='Jl. O''Neil'>'Jl. O''Neil\nNo. 5 > 3=4 '",	/* quotes, a break, separators in a text */
		"22~9 6=3.5>-2.25e+20 7=X'00FF'>NULL",				/* reals and blobs as they are */
		"33+ 0=4 1='POLI-UMUM'",						/* a row without rowid, named by its values */
		"5~1 1=-9223372036854775808>9223372036854775807 2=0>-1",
		"7-12",
		"27-5 0=-0 1=1.5>2",						/* literals quote() does not write, kept */
		"100000+18446744073709551615",
	};
	for (size_t i = 0; i < sizeof saves / sizeof *saves; i++) {
		long n = round_trip(saves[i]);
		assert_true(n > 0);
		assert_true(n <= (long)strlen(saves[i]));
	}
	/* a dispensing of two drugs, 78 bytes as text: per drug the movement's
	 * line is 2 + 3 bytes (code and op, row), the prescription's 2 + 3, then
	 * the column, NULL, the date with its length and the line's end */
	assert_int_equal(round_trip("29+486076\n34~496786 5=NULL>'2026-11-21'\n29+486077\n34~496787 5=NULL>'2026-11-21'"),
			 2 * (5 + 5 + 1 + 1 + 11 + 1));
}

static void test_not_lines(void **s)
{
	(void)s;
	static const char *const texts[] = {
		"", "x", "impor berkas p.csv", "27+390107\n", "27+05", "027+5", "27+5 0=1", "27*5", "27~5 0=1",
		"27~5 0='a'>", "27-5 0='open", "27-5 0=", "27-5 x=1", "27+-5",
		"99999999999999999999+1", "27~5 0=1>2 3", "27-5 18446744073709551615=1",
	};
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
		assert_int_equal(round_trip(texts[i]), -1);
}

static void test_broken(void **s)
{
	(void)s;
	struct sbuf packed = { 0 }, out = { 0 };
	const char *text = "31~7 4='Siti'>'Siti Aminah'";
	assert_int_equal(audit_pack(text, strlen(text), &packed), 0);
	/* every shorter blob is refused: a varint or a text cut off */
	for (size_t n = 1; n < packed.len; n++) {
		sb_reset(&out);
		assert_int_equal(audit_unpack(packed.s, n, &out), -1);
	}
	static const unsigned char endless[] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	assert_int_equal(audit_unpack(endless, sizeof endless, &out), -1);
	static const unsigned char too_long[] = { 1 * 6 + 2 * 2 + 1, 7, 5, 0x7f, 'S' };	/* 1-7 4='S...' */
	assert_int_equal(audit_unpack(too_long, sizeof too_long, &out), -1);
	sb_free(&packed);
	sb_free(&out);
}

/* The one value a query gives, as text. */
static void query_text(sqlite3 *db, const char *sql, char *buf, size_t size)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	snprintf(buf, size, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/* The SQL functions of pkm's connections. */
static void test_functions(void **s)
{
	(void)s;
	struct sbuf err = { 0 };
	sqlite3 *db = db_connect(":memory:", &err);
	assert_non_null(db);
	char buf[64];
	query_text(db, "SELECT typeof(pkm_ringkas('27+1'))", buf, sizeof buf);
	assert_string_equal(buf, "blob");
	query_text(db, "SELECT pkm_jejak(pkm_ringkas('34~2 5=NULL>''2026-11-21'''))", buf, sizeof buf);
	assert_string_equal(buf, "34~2 5=NULL>'2026-11-21'");
	query_text(db, "SELECT typeof(pkm_ringkas('impor')) || pkm_jejak('impor')", buf, sizeof buf);
	assert_string_equal(buf, "textimpor");
	query_text(db, "SELECT pkm_jejak(x'ff')", buf, sizeof buf);
	assert_string_equal(buf, "(isi jejak tidak terbaca)");
	assert_int_equal(db_query_long(db, "SELECT pkm_jejak(NULL) IS NULL AND pkm_ringkas(NULL) IS NULL", -1), 1);
	db_close(db);
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_not_lines),
		cmocka_unit_test(test_broken),
		cmocka_unit_test(test_functions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
