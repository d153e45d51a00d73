/* Calendar dates, "today", calendar age and the LB1 age bands (README domain rule 1). */
#ifndef PKM_DATE_H
#define PKM_DATE_H
#include <stddef.h>

struct date {
	int y, m, d;
};

struct age {
	int years, months, days;	/* completed, calendar */
	long total_days;		/* days since birth */
};

enum layout { LAYOUT_KLASIK, LAYOUT_F11 };
#define BAND_MAX 12

int date_is_leap(int y);
int date_days_in_month(int y, int m);
int date_valid(struct date d);
/* Strict YYYY-MM-DD; 0 on success. */
int date_parse(const char *s, struct date *out);
/* What people type: YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY; 0 on success. */
int date_parse_user(const char *s, struct date *out);
/* YYYY-MM-DD into buf (at least 11 bytes). */
char *date_format(struct date d, char *buf);
/* A stored YYYY-MM-DD as the screens show it, DD-MM-YYYY (buf at least 11
 * bytes); anything else is copied as it is. */
char *date_show(const char *iso, char *buf);
/* A stored "YYYY-MM-DD HH:MM:SS" as people read it, "DD-MM-YYYY HH:MM:SS";
 * anything else is copied as it is. */
char *datetime_show(const char *iso, char *buf, size_t size);
long date_to_days(struct date d);
struct date date_from_days(long days);
int date_cmp(struct date a, struct date b);
/* Today, or PKM_TODAY=YYYY-MM-DD when set (tests). */
struct date date_today(void);
/* Now as stored: today's date (PKM_TODAY when set) with the local clock,
 * "YYYY-MM-DD HH:MM:SS" (buf at least 20 bytes). */
char *date_now(char *buf);
/* A month as typed: "MM-YYYY" (as shown; also MM/YYYY) or "YYYY-MM", into the
 * first day of that month and of the next; 0 on success. */
int month_parse(const char *s, struct date *first, struct date *next);
#define MONTH_HINT "tulis MM-YYYY, mis. 10-2026"
/* The month of d as stored and queried, "YYYY-MM" (buf at least 8 bytes). */
char *month_key(struct date d, char *buf);
/* The month of d as people read it, "MM-YYYY" (buf at least 8 bytes). */
char *month_show(struct date d, char *buf);
/* "November 2026" */
const char *month_name(int m);

/* Calendar age at `at`; -1 when `at` is before `birth`. */
int age_at(struct date birth, struct date at, struct age *out);
/* An age as people read it: days under a month ("12 hr"), months under a
 * year ("5 bl"), else years ("34 th"). */
char *age_show(const struct age *a, char *buf, size_t size);

int band_count(enum layout l);
/* Band index of an age in a layout. */
int band_of(enum layout l, const struct age *a);
/* Key used in data cells (e.g. "1-4t") and label printed on reports ("1-4 th"). */
const char *band_key(enum layout l, int i);
const char *band_label(enum layout l, int i);

#endif
