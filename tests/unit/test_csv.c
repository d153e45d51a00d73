/* CSV reading: quotes, commas and newlines inside fields, CRLF, BOM, line numbers. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include "pkm/csv.h"

static void test_quotes(void **s)
{
	(void)s;
	const char *text = "\xEF\xBB\xBFnama,alamat\r\n\"Siti, A\",\"Jl. \"\"Mawar\"\"\nRT 1\"\r\nBudi,\n\n";
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	struct csv_reader r;
	csv_open(&r, f);
	assert_int_equal(csv_read(&r), 1);
	assert_int_equal(r.nfields, 2);
	assert_string_equal(r.fields[0], "nama");
	assert_int_equal(r.line, 1);
	assert_int_equal(csv_read(&r), 1);
	assert_string_equal(r.fields[0], "Siti, A");
	assert_string_equal(r.fields[1], "Jl. \"Mawar\"\nRT 1");
	assert_int_equal(r.line, 2);
	assert_int_equal(csv_read(&r), 1);
	assert_string_equal(r.fields[0], "Budi");
	assert_string_equal(r.fields[1], "");
	assert_int_equal(r.line, 4);
	assert_int_equal(csv_read(&r), 1);	/* the blank line */
	assert_int_equal(r.nfields, 1);
	assert_int_equal(csv_read(&r), 0);
	csv_close(&r);
	fclose(f);
}

static void test_unterminated(void **s)
{
	(void)s;
	const char *text = "a,\"b\n";
	FILE *f = fmemopen((void *)text, strlen(text), "r");
	struct csv_reader r;
	csv_open(&r, f);
	assert_int_equal(csv_read(&r), -1);
	csv_close(&r);
	fclose(f);
}

static void test_write(void **s)
{
	(void)s;
	char buf[64] = "";
	FILE *f = fmemopen(buf, sizeof buf, "w");
	csv_write_field(f, "plain");
	fputc(',', f);
	csv_write_field(f, "a,\"b\"");
	fclose(f);
	assert_string_equal(buf, "plain,\"a,\"\"b\"\"\"");
}

/* OWASP CSV injection: a cell a spreadsheet would run is written as text; numbers stay numbers. */
static void test_write_formula(void **s)
{
	(void)s;
	static const char *const cells[][2] = {
		{ "=cmd|' /C calc'!A0", "\"'=cmd|' /C calc'!A0\"" },
		{ "+1+1", "\"'+1+1\"" },
		{ "-2+3", "\"'-2+3\"" },
		{ "@SUM(A1)", "\"'@SUM(A1)\"" },
		{ "\t=1", "\"'\t=1\"" },
		{ "\r=1", "\"'\r=1\"" },
		{ "=\"x\",1", "\"'=\"\"x\"\",1\"" },
		{ "- Tinea", "\"'- Tinea\"" },
		{ "-", "\"'-\"" },
		{ "-5", "-5" },
		{ "+12", "+12" },
		{ "-2.5", "-2.5" },
		{ "-1,5", "\"-1,5\"" },
		{ "A=1", "A=1" },
		{ "", "" },
	};
	for (size_t i = 0; i < sizeof cells / sizeof *cells; i++) {
		char buf[64] = "";
		FILE *f = fmemopen(buf, sizeof buf, "w");
		csv_write_field(f, cells[i][0]);
		fclose(f);
		assert_string_equal(buf, cells[i][1]);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quotes), cmocka_unit_test(test_unterminated), cmocka_unit_test(test_write),
		cmocka_unit_test(test_write_formula),
	};
	return cmocka_run_group_tests_name("csv", tests, NULL, NULL);
}
