/* NIK and No. BPJS checks (README domain rule 6). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include "pkm/ident.h"

static void test_nik(void **s)
{
	(void)s;
	assert_null(nik_error("3204101203750002"));	/* man, 12 March 1975 */
	assert_null(nik_error("3204104508800001"));	/* woman: day + 40 */
	assert_null(nik_error("3204107112990001"));	/* day 71 */
	assert_non_null(nik_error("320410120375000"));	/* 15 digits */
	assert_non_null(nik_error("32041012037500021"));
	assert_non_null(nik_error("32041012037500O2"));	/* letter O */
	assert_non_null(nik_error("3204103203750002"));	/* day 32 */
	assert_non_null(nik_error("3204100003750002"));	/* day 00 */
	assert_non_null(nik_error("3204104003750002"));	/* day 40 */
	assert_non_null(nik_error("3204107203750002"));	/* day 72 */
	assert_non_null(nik_error("3204101213750002"));	/* month 13 */
	assert_non_null(nik_error("3204101200750002"));	/* month 00 */
	assert_non_null(nik_error(""));
}

static void test_nik_mismatch(void **s)
{
	(void)s;
	struct date b = { 1975, 3, 12 };
	assert_null(nik_mismatch("3204101203750002", b, 'L'));
	assert_non_null(nik_mismatch("3204101203750002", b, 'P'));
	struct date other = { 1975, 3, 13 };
	assert_non_null(nik_mismatch("3204101203750002", other, 'L'));
	struct date w = { 1980, 8, 5 };
	assert_null(nik_mismatch("3204104508800001", w, 'P'));
}

static void test_bpjs(void **s)
{
	(void)s;
	assert_null(bpjs_error("0001234567890"));
	assert_non_null(bpjs_error("000123456789"));
	assert_non_null(bpjs_error("00012345678901"));
	assert_non_null(bpjs_error("000123456789X"));
}

static void test_kk(void **s)
{
	(void)s;
	assert_null(kk_error("3204101201150003"));
	assert_non_null(kk_error("320410120115000"));	/* 15 digits */
	assert_non_null(kk_error("3204104201150003"));	/* day 42: a KK has no sex in it */
	assert_non_null(kk_error("3204101213150003"));	/* month 13 */
	assert_non_null(kk_error("32041012011500O3"));
}

static void test_phone(void **s)
{
	(void)s;
	char out[16];
	assert_null(phone_normalize("0812-3456-7890", out, sizeof out));
	assert_string_equal(out, "081234567890");
	assert_null(phone_normalize("+62 812 3456 7890", out, sizeof out));
	assert_string_equal(out, "081234567890");
	assert_null(phone_normalize("62812345678", out, sizeof out));
	assert_string_equal(out, "0812345678");
	assert_non_null(phone_normalize("0212345678", out, sizeof out));	/* a fixed line */
	assert_non_null(phone_normalize("08123", out, sizeof out));
	assert_non_null(phone_normalize("08123456789012345", out, sizeof out));
	assert_non_null(phone_normalize("0812x3456789", out, sizeof out));
	assert_non_null(phone_normalize("0812345678901234567890123456789012345", out, sizeof out));
}

static void test_rtrw(void **s)
{
	(void)s;
	char out[8];
	assert_null(rtrw_normalize("3/5", out, sizeof out));
	assert_string_equal(out, "003/005");
	assert_null(rtrw_normalize("RT 03 RW 012", out, sizeof out));
	assert_string_equal(out, "003/012");
	assert_null(rtrw_normalize("003-005", out, sizeof out));
	assert_string_equal(out, "003/005");
	assert_non_null(rtrw_normalize("3", out, sizeof out));
	assert_non_null(rtrw_normalize("3/5/7", out, sizeof out));
	assert_non_null(rtrw_normalize("0/5", out, sizeof out));
	assert_non_null(rtrw_normalize("3/1000", out, sizeof out));
	assert_non_null(rtrw_normalize("dusun 3", out, sizeof out));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_nik), cmocka_unit_test(test_nik_mismatch), cmocka_unit_test(test_bpjs),
		cmocka_unit_test(test_kk), cmocka_unit_test(test_phone), cmocka_unit_test(test_rtrw),
	};
	return cmocka_run_group_tests_name("ident", tests, NULL, NULL);
}
