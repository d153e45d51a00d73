/* pkm demo: a busy puskesmas's records, made up but realistic and the same for
 * the same seed, written through the same core functions the screens use. */
#ifndef PKM_DEMO_H
#define PKM_DEMO_H
#include <sqlite3.h>
#include <stdio.h>
#include "pkm/config.h"

struct demo_opts {
	int years;			/* of visits, ending on the morning of `end` (its last
					 * prescriptions still waiting at the pharmacy) */
	unsigned long seed;
	struct date end;
	int patients;			/* registered patients (60,000 by default) */
	int per_day;			/* visits a working day (250) */
	FILE *progress;			/* a line a month, or NULL */
};

/* Fill an empty database. 0 on success with a summary in done. */
int demo_fill(sqlite3 *db, const struct pkm_config *cfg, const struct demo_opts *o, struct sbuf *done,
	      struct sbuf *err);

#endif
