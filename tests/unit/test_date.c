/* Calendar age and LB1 age bands on every boundary (README domain rule 1). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include "pkm/date.h"

static struct date D(int y, int m, int d) { return (struct date){ y, m, d }; }

static struct age age(struct date b, struct date at)
{
	struct age a;
	assert_int_equal(age_at(b, at, &a), 0);
	return a;
}

static void test_age_days(void **s)
{
	(void)s;
	struct date b = D(2026, 1, 1);
	assert_int_equal(age(b, D(2026, 1, 1)).total_days, 0);
	assert_int_equal(age(b, D(2026, 1, 8)).total_days, 7);
	assert_int_equal(age(b, D(2026, 1, 9)).total_days, 8);
	assert_int_equal(age(b, D(2026, 1, 29)).total_days, 28);
	assert_int_equal(age(b, D(2026, 1, 30)).total_days, 29);
	struct age a;
	assert_int_equal(age_at(b, D(2025, 12, 31), &a), -1);
}

static void test_bands_newborn(void **s)
{
	(void)s;
	struct date b = D(2026, 1, 1);
	const struct {
		struct date at;
		const char *key;
	} cases[] = {
		{ D(2026, 1, 1), "0-7h" }, { D(2026, 1, 8), "0-7h" }, { D(2026, 1, 9), "8-28h" },
		{ D(2026, 1, 29), "8-28h" }, { D(2026, 1, 30), "1-11b" }, { D(2026, 12, 31), "1-11b" },
		{ D(2027, 1, 1), "1-4t" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		struct age a = age(b, cases[i].at);
		assert_string_equal(band_key(LAYOUT_KLASIK, band_of(LAYOUT_KLASIK, &a)), cases[i].key);
		assert_string_equal(band_key(LAYOUT_F11, band_of(LAYOUT_F11, &a)), cases[i].key);
	}
}

static void test_birthdays(void **s)
{
	(void)s;
	struct date b = D(1981, 6, 15);
	assert_int_equal(age(b, D(2026, 6, 14)).years, 44);
	assert_int_equal(age(b, D(2026, 6, 15)).years, 45);
	struct age a = age(b, D(2026, 6, 14));
	assert_string_equal(band_key(LAYOUT_KLASIK, band_of(LAYOUT_KLASIK, &a)), "20-44t");
	a = age(b, D(2026, 6, 15));
	assert_string_equal(band_key(LAYOUT_KLASIK, band_of(LAYOUT_KLASIK, &a)), "45-54t");
	assert_string_equal(band_key(LAYOUT_F11, band_of(LAYOUT_F11, &a)), "45-59t");
	/* months and days are calendar ones */
	a = age(D(2020, 1, 31), D(2020, 3, 1));
	assert_int_equal(a.months, 1);
	assert_int_equal(a.days, 1);
	a = age(D(1980, 8, 5), D(2026, 10, 3));
	assert_int_equal(a.years, 46);
	assert_int_equal(a.months, 1);
	assert_int_equal(a.days, 28);
}

static void test_leap_day(void **s)
{
	(void)s;
	struct date b = D(2020, 2, 29);
	assert_int_equal(age(b, D(2021, 2, 28)).years, 0);
	assert_int_equal(age(b, D(2021, 3, 1)).years, 1);
	assert_int_equal(age(b, D(2024, 2, 29)).years, 4);
	assert_int_equal(age(b, D(2025, 2, 28)).years, 4);
	assert_int_equal(age(b, D(2025, 3, 1)).years, 5);
	struct age a = age(b, D(2025, 2, 28));
	assert_string_equal(band_key(LAYOUT_KLASIK, band_of(LAYOUT_KLASIK, &a)), "1-4t");
	a = age(b, D(2025, 3, 1));
	assert_string_equal(band_key(LAYOUT_KLASIK, band_of(LAYOUT_KLASIK, &a)), "5-9t");
}

static void test_upper_bands(void **s)
{
	(void)s;
	const struct {
		int years;
		const char *klasik, *f11;
	} c[] = {
		{ 4, "1-4t", "1-4t" },	     { 5, "5-9t", "5-9t" },	    { 9, "5-9t", "5-9t" },
		{ 10, "10-14t", "10-14t" }, { 15, "15-19t", "15-19t" }, { 19, "15-19t", "15-19t" },
		{ 20, "20-44t", "20-44t" }, { 44, "20-44t", "20-44t" }, { 45, "45-54t", "45-59t" },
		{ 54, "45-54t", "45-59t" }, { 55, "55-59t", "45-59t" }, { 59, "55-59t", "45-59t" },
		{ 60, "60-69t", "60+t" },   { 69, "60-69t", "60+t" },   { 70, "70+t", "60+t" },
		{ 101, "70+t", "60+t" },
	};
	for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
		struct age a = { c[i].years, 0, 0, 400L * c[i].years };
		assert_string_equal(band_key(LAYOUT_KLASIK, band_of(LAYOUT_KLASIK, &a)), c[i].klasik);
		assert_string_equal(band_key(LAYOUT_F11, band_of(LAYOUT_F11, &a)), c[i].f11);
	}
	assert_int_equal(band_count(LAYOUT_KLASIK), 12);
	assert_int_equal(band_count(LAYOUT_F11), 10);
}

static void test_parse(void **s)
{
	(void)s;
	struct date d, n;
	assert_int_equal(date_parse("2024-02-29", &d), 0);
	assert_int_equal(date_parse("2023-02-29", &d), -1);
	assert_int_equal(date_parse("2024-2-29", &d), -1);
	assert_int_equal(date_parse_user("17-08-1980", &d), 0);
	assert_int_equal(d.y * 10000 + d.m * 100 + d.d, 19800817);
	assert_int_equal(date_parse_user("17/08/1980", &d), 0);
	assert_int_equal(date_parse_user("17-08/1980", &d), -1);
	assert_int_equal(date_parse_user("31-04-1980", &d), -1);
	char buf[11];
	assert_string_equal(date_format(D(2026, 3, 9), buf), "2026-03-09");
	assert_int_equal(month_parse("2026-12", &d, &n), 0);
	assert_string_equal(date_format(n, buf), "2027-01-01");
	assert_int_equal(month_parse("2026-13", &d, &n), -1);
	assert_int_equal(date_to_days(D(1970, 1, 1)), 0);
	assert_int_equal(date_cmp(date_from_days(date_to_days(D(2000, 2, 29))), D(2000, 2, 29)), 0);
}

static void test_show(void **s)
{
	(void)s;
	char buf[11];
	assert_string_equal(date_show("2026-11-23", buf), "23-11-2026");
	assert_string_equal(date_show("2026-02-30", buf), "2026-02-30");	/* not a date: as it is */
	assert_string_equal(date_show("", buf), "");
	char when[24];
	assert_string_equal(datetime_show("2026-11-23 08:05:09", when, sizeof when), "23-11-2026 08:05:09");
	assert_string_equal(datetime_show("2026-11-23", when, sizeof when), "2026-11-23");	/* no time: as it is */
	assert_string_equal(datetime_show("2026-13-23 08:05", when, sizeof when), "2026-13-23 08:05");
}

/* Months are typed as shown (MM-YYYY, MM/YYYY) or as stored (YYYY-MM). */
static void test_month_forms(void **s)
{
	(void)s;
	struct date d, n;
	char key[8], shown[8];
	const char *same[] = { "2026-12", "12-2026", "12/2026" };
	for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
		assert_int_equal(month_parse(same[i], &d, &n), 0);
		assert_string_equal(month_key(d, key), "2026-12");
		assert_string_equal(month_show(d, shown), "12-2026");
		assert_int_equal(date_cmp(n, D(2027, 1, 1)), 0);
	}
	assert_int_equal(month_parse("01-2026", &d, &n), 0);
	assert_int_equal(d.m * 10000 + d.y, 12026);
	const char *bad[] = { "13-2026", "00-2026", "2026-00", "1-2026", "2026-1", "12-26", "2026/12", "12-2026x", "", "abcdefg" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		assert_int_equal(month_parse(bad[i], &d, &n), -1);
	assert_int_equal(month_parse(NULL, &d, &n), -1);
}

/* Ages as shown: days under a month, months under a year, years after. */
static void test_age_show(void **s)
{
	(void)s;
	const struct {
		struct date born, at;
		const char *shown;
	} c[] = {
		{ D(2026, 11, 21), D(2026, 11, 21), "0 hr" },	{ D(2026, 11, 21), D(2026, 11, 23), "2 hr" },
		{ D(2026, 1, 31), D(2026, 2, 28), "28 hr" },	{ D(2026, 10, 23), D(2026, 11, 22), "30 hr" },
		{ D(2026, 10, 23), D(2026, 11, 23), "1 bl" },	{ D(2025, 11, 24), D(2026, 11, 23), "11 bl" },
		{ D(2025, 11, 23), D(2026, 11, 23), "1 th" },	{ D(1981, 6, 15), D(2026, 6, 14), "44 th" },
	};
	char buf[16];
	for (size_t i = 0; i < sizeof c / sizeof *c; i++) {
		struct age a = age(c[i].born, c[i].at);
		assert_string_equal(age_show(&a, buf, sizeof buf), c[i].shown);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_show),
		cmocka_unit_test(test_age_days),  cmocka_unit_test(test_bands_newborn),
		cmocka_unit_test(test_birthdays), cmocka_unit_test(test_leap_day),
		cmocka_unit_test(test_upper_bands), cmocka_unit_test(test_parse),
		cmocka_unit_test(test_month_forms), cmocka_unit_test(test_age_show),
	};
	return cmocka_run_group_tests_name("date", tests, NULL, NULL);
}
