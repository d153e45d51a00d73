/* The months of the sign-off (issue 32), below the reports: whether a month
 * has ended or is still to come, and whether a day lies in a month whose
 * report is signed off, so that a change or an import of it asks a reason.
 * Signing and printing are pkm/final.h. */
#ifndef PKM_FINAL_MONTH_H
#define PKM_FINAL_MONTH_H
#include <sqlite3.h>
#include <stddef.h>
#include "pkm/date.h"
#include "pkm/util.h"

enum month_state { MONTH_ENDED, MONTH_RUNNING, MONTH_FUTURE };
/* Where a month (as typed: MM-YYYY or YYYY-MM) stands against today; -1 when
 * it is not a month. */
int month_state(const char *month, struct date today, enum month_state *out);
/* 0 when a report of the month may be printed; -1 with the reason in err for
 * a month to come (or one that is not a month). */
int month_printable(const char *month, struct sbuf *err);

/* Whether a day (YYYY-MM-DD) lies in a month with a signed report (`report`,
 * e.g. "lb2" for a stock movement; NULL: any, for a visit, which they all
 * count): 1 (the reports, "LB1, LB3", into which), 0 when not, -1 when it
 * cannot be read. */
int final_day_signed(sqlite3 *db, const char *day, const char *report, char *which, size_t size);
/* The signed months among the days of an import waiting in its staging table `table` (its
 * id the file's line, a column tanggal; `table` a name pkm gives, never
 * typed): 1 with "10-2026 (LB1)" into which and the first such line into
 * *line, 0 when none, -1 when it cannot be read. */
int final_months_in(sqlite3 *db, const char *table, char *which, size_t size, long *line);
#endif
