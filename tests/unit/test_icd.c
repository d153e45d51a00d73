/* ICD-10 normal form, Formulir 11 prefix matching and the case-flag rule. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include "pkm/icd.h"
#include "pkm/lb1.h"

static void test_normalize(void **s)
{
	(void)s;
	char out[ICD_LEN];
	assert_int_equal(icd_normalize("j069", out), 0);
	assert_string_equal(out, "J06.9");
	assert_int_equal(icd_normalize(" a09 ", out), 0);
	assert_string_equal(out, "A09");
	assert_int_equal(icd_normalize("S52.51", out), 0);
	assert_string_equal(out, "S52.51");
	assert_int_equal(icd_normalize("B.A09", out), -1);
	assert_int_equal(icd_normalize("H.54", out), -1);
	assert_int_equal(icd_normalize("A0", out), -1);
	assert_int_equal(icd_normalize("A09.123", out), -1);
	assert_int_equal(icd_normalize("A09.", out), -1);
	assert_int_equal(icd_normalize("109", out), -1);
}

static void test_prefix(void **s)
{
	(void)s;
	assert_true(icd_prefix_match("A09", "A09"));
	assert_true(icd_prefix_match("A09.0", "A09"));
	assert_true(icd_prefix_match("A09.9", "A09"));
	assert_false(icd_prefix_match("A091", "A09"));
	assert_false(icd_prefix_match("B.A09", "A09"));
	assert_false(icd_prefix_match("A0", "A09"));
	assert_true(icd_prefix_match("K92.2", "K92.2"));
	assert_true(icd_prefix_match("T14.21", "T14.2"));
	assert_false(icd_prefix_match("K92.1", "K92.2"));
}

static void test_f11_longest(void **s)
{
	(void)s;
	const struct f11_map map[] = { { "J18", 1 }, { "J18.0", 2 }, { "B35", 3 }, { "B35.4", 4 }, { "S52", 5 } };
	assert_int_equal(f11_match("J18.9", map, 5), 1);
	assert_int_equal(f11_match("J18.0", map, 5), 2);
	assert_int_equal(f11_match("B35.4", map, 5), 4);
	assert_int_equal(f11_match("B35", map, 5), 3);
	assert_int_equal(f11_match("J06.9", map, 5), -1);
}

static void test_chronic(void **s)
{
	(void)s;
	struct chronic_list c;
	const char *bad;
	assert_int_equal(chronic_parse("I10-I15, E10-E14, J44, j45", &c, &bad), 0);
	assert_int_equal(c.n, 4);
	assert_true(chronic_has(&c, "I10"));
	assert_true(chronic_has(&c, "I15.0"));
	assert_true(chronic_has(&c, "E11.9"));
	assert_true(chronic_has(&c, "J45"));
	assert_false(chronic_has(&c, "I16"));
	assert_false(chronic_has(&c, "J06.9"));
	assert_int_equal(chronic_parse("I10-I15, X1", &c, &bad), -1);
	assert_string_equal(bad, "X1");
	assert_int_equal(chronic_parse("I15-I10", &c, &bad), -1);
}

static void test_prefill_rule(void **s)
{
	(void)s;
	/* chronic, any_before, days_since_last, any_this_month, window */
	assert_int_equal(kasus_prefill(0, 0, 0, 0, 30), 'B');	/* never seen */
	assert_int_equal(kasus_prefill(0, 1, 31, 0, 30), 'B');	/* episode ended */
	assert_int_equal(kasus_prefill(0, 1, 31, 1, 30), 'B');
	assert_int_equal(kasus_prefill(0, 1, 30, 0, 30), 'L');	/* began last month */
	assert_int_equal(kasus_prefill(0, 1, 10, 1, 30), 'K');	/* again this month */
	assert_int_equal(kasus_prefill(1, 0, 0, 0, 30), 'B');	/* chronic, first ever */
	assert_int_equal(kasus_prefill(1, 1, 400, 0, 30), 'L');	/* chronic stays lama */
	assert_int_equal(kasus_prefill(1, 1, 3, 1, 30), 'L');
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalize), cmocka_unit_test(test_prefix), cmocka_unit_test(test_f11_longest),
		cmocka_unit_test(test_chronic), cmocka_unit_test(test_prefill_rule),
	};
	return cmocka_run_group_tests_name("icd", tests, NULL, NULL);
}
