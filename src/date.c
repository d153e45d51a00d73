#include "pkm/date.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int date_is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int date_days_in_month(int y, int m)
{
	static const int dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m < 1 || m > 12)
		return 0;
	return m == 2 && date_is_leap(y) ? 29 : dim[m - 1];
}

int date_valid(struct date d)
{
	return d.y >= 1850 && d.y <= 2200 && d.m >= 1 && d.m <= 12 && d.d >= 1 &&
	       d.d <= date_days_in_month(d.y, d.m);
}

/* Reads exactly n digits. */
static int digits(const char *s, int n, int *out)
{
	int v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int date_parse(const char *s, struct date *out)
{
	struct date d;
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-' || digits(s, 4, &d.y) ||
	    digits(s + 5, 2, &d.m) || digits(s + 8, 2, &d.d) || !date_valid(d))
		return -1;
	*out = d;
	return 0;
}

int date_parse_user(const char *s, struct date *out)
{
	if (date_parse(s, out) == 0)
		return 0;
	struct date d;
	if (!s || strlen(s) != 10 || (s[2] != '-' && s[2] != '/') || s[5] != s[2] ||
	    digits(s, 2, &d.d) || digits(s + 3, 2, &d.m) || digits(s + 6, 4, &d.y) || !date_valid(d))
		return -1;
	*out = d;
	return 0;
}

char *date_show(const char *iso, char *buf)
{
	struct date d;
	if (strlen(iso) == 10 && date_parse(iso, &d) == 0)
		snprintf(buf, 11, "%02d-%02d-%04d", d.d, d.m, d.y);
	else
		snprintf(buf, 11, "%s", iso);
	return buf;
}

char *datetime_show(const char *iso, char *buf, size_t size)
{
	char day[11], shown[11];
	snprintf(day, sizeof day, "%.10s", iso);
	if (strlen(iso) > 10 && iso[10] == ' ' && date_parse(day, &(struct date){ 0 }) == 0)
		snprintf(buf, size, "%s%s", date_show(day, shown), iso + 10);
	else
		snprintf(buf, size, "%s", iso);
	return buf;
}

char *date_format(struct date d, char *buf)
{
	int v[3] = { d.y, d.m, d.d }, w[3] = { 4, 2, 2 }, at = 0;
	for (int i = 0; i < 3; i++) {
		if (i)
			buf[at++] = '-';
		for (int k = w[i] - 1, x = v[i] < 0 ? 0 : v[i]; k >= 0; k--, x /= 10)
			buf[at + k] = (char)('0' + x % 10);
		at += w[i];
	}
	buf[at] = '\0';
	return buf;
}

/* Days from civil (Howard Hinnant's algorithm): exact for the proleptic Gregorian calendar. */
long date_to_days(struct date d)
{
	long y = d.y - (d.m <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (d.m + (d.m > 2 ? -3 : 9)) + 2) / 5 + d.d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

struct date date_from_days(long z)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	struct date d;
	d.d = (int)(doy - (153 * mp + 2) / 5 + 1);
	d.m = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.y = (int)(yoe + era * 400 + (d.m <= 2));
	return d;
}

int date_cmp(struct date a, struct date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	return a.d < b.d ? -1 : a.d > b.d;
}

struct date date_today(void)
{
	struct date d;
	const char *env = getenv("PKM_TODAY");
	if (env && date_parse(env, &d) == 0)
		return d;
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	d.y = tm.tm_year + 1900;
	d.m = tm.tm_mon + 1;
	d.d = tm.tm_mday;
	return d;
}

char *date_now(char *buf)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	char day[11];
	snprintf(buf, 20, "%s %02d:%02d:%02d", date_format(date_today(), day), tm.tm_hour, tm.tm_min, tm.tm_sec);
	return buf;
}

int month_parse(const char *s, struct date *first, struct date *next)
{
	struct date d = { 0, 0, 1 };
	size_t len = s ? strlen(s) : 0;
	int iso = len == 7 && s[4] == '-' && digits(s, 4, &d.y) == 0 && digits(s + 5, 2, &d.m) == 0;
	int shown = len == 7 && (s[2] == '-' || s[2] == '/') && digits(s, 2, &d.m) == 0 &&
		    digits(s + 3, 4, &d.y) == 0;
	if (!(iso || shown) || !date_valid(d))
		return -1;
	*first = d;
	next->y = d.m == 12 ? d.y + 1 : d.y;
	next->m = d.m == 12 ? 1 : d.m + 1;
	next->d = 1;
	return 0;
}

char *month_key(struct date d, char *buf)
{
	snprintf(buf, 8, "%04u-%02u", (unsigned)d.y % 10000u, (unsigned)d.m % 100u);
	return buf;
}

char *month_show(struct date d, char *buf)
{
	snprintf(buf, 8, "%02u-%04u", (unsigned)d.m % 100u, (unsigned)d.y % 10000u);
	return buf;
}

char *age_show(const struct age *a, char *buf, size_t size)
{
	if (a->years == 0 && a->months == 0)
		snprintf(buf, size, "%ld hr", a->total_days);
	else if (a->years == 0)
		snprintf(buf, size, "%d bl", a->months);
	else
		snprintf(buf, size, "%d th", a->years);
	return buf;
}

const char *month_name(int m)
{
	static const char *names[] = { "Januari", "Februari", "Maret", "April", "Mei", "Juni",
				       "Juli", "Agustus", "September", "Oktober", "November",
				       "Desember" };
	return m >= 1 && m <= 12 ? names[m - 1] : "?";
}

int age_at(struct date birth, struct date at, struct age *out)
{
	if (date_cmp(at, birth) < 0)
		return -1;
	/* A birthday is reached when (month, day) of `at` is on or after that of birth,
	 * so 29 February birthdays are reached on 1 March in common years. */
	int reached = at.m > birth.m || (at.m == birth.m && at.d >= birth.d);
	out->years = at.y - birth.y - !reached;
	int months = (at.m - birth.m + 12) % 12;
	struct date anchor = at;
	if (at.d >= birth.d) {
		anchor.d = birth.d;
	} else {
		months = (months + 11) % 12;
		anchor.m = at.m == 1 ? 12 : at.m - 1;
		anchor.y = at.m == 1 ? at.y - 1 : at.y;
		int dim = date_days_in_month(anchor.y, anchor.m);
		anchor.d = birth.d < dim ? birth.d : dim;
	}
	out->months = months;
	out->days = (int)(date_to_days(at) - date_to_days(anchor));
	out->total_days = date_to_days(at) - date_to_days(birth);
	return 0;
}

struct band {
	const char *key, *label;
};

static const struct band klasik[] = {
	{ "0-7h", "0-7 hr" },	 { "8-28h", "8-28 hr" },	{ "1-11b", "1-11 bl" },
	{ "1-4t", "1-4 th" },	 { "5-9t", "5-9 th" },	{ "10-14t", "10-14 th" },
	{ "15-19t", "15-19 th" }, { "20-44t", "20-44 th" }, { "45-54t", "45-54 th" },
	{ "55-59t", "55-59 th" }, { "60-69t", "60-69 th" }, { "70+t", "70+ th" },
};
static const struct band f11[] = {
	{ "0-7h", "0-7 hr" },	 { "8-28h", "8-28 hr" },	{ "1-11b", "1-11 bl" },
	{ "1-4t", "1-4 th" },	 { "5-9t", "5-9 th" },	{ "10-14t", "10-14 th" },
	{ "15-19t", "15-19 th" }, { "20-44t", "20-44 th" }, { "45-59t", "45-59 th" },
	{ "60+t", ">59 th" },
};

int band_count(enum layout l) { return l == LAYOUT_F11 ? (int)(sizeof f11 / sizeof *f11) : (int)(sizeof klasik / sizeof *klasik); }

int band_of(enum layout l, const struct age *a)
{
	if (a->years < 1)
		return a->total_days <= 7 ? 0 : a->total_days <= 28 ? 1 : 2;
	static const int lower[] = { 1, 5, 10, 15, 20, 45 };
	int i = 0;
	while (i + 1 < 6 && a->years >= lower[i + 1])
		i++;
	if (i < 5)
		return 3 + i;
	/* 45 and over: the layouts differ */
	if (l == LAYOUT_F11)
		return a->years < 60 ? 8 : 9;
	return a->years < 55 ? 8 : a->years < 60 ? 9 : a->years < 70 ? 10 : 11;
}

const char *band_key(enum layout l, int i) { return l == LAYOUT_F11 ? f11[i].key : klasik[i].key; }
const char *band_label(enum layout l, int i) { return l == LAYOUT_F11 ? f11[i].label : klasik[i].label; }
