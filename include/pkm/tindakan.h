/* Procedures done at a visit (ICD-9-CM), added and removed one at a time,
 * each a save of its own (BEGIN IMMEDIATE, in the trail like every save). */
#ifndef PKM_TINDAKAN_H
#define PKM_TINDAKAN_H
#include <sqlite3.h>
#include "pkm/dict.h"
#include "pkm/util.h"

struct tindakan_row {
	char icd9[8];
	char nama[208];
	char keterangan[104];
};

/* Add a procedure (the code typed as "86.59" or "8659") to a visit: 0, or -1
 * with field errors (icd9, keterangan) or err. A code already there is told. */
int tindakan_add(sqlite3 *db, long kunjungan_id, const char *icd9, const char *keterangan, struct field_errors *fe,
		 struct sbuf *err);
/* Remove it: 0, or -1 with err (also when the visit has no such procedure). */
int tindakan_remove(sqlite3 *db, long kunjungan_id, const char *icd9, struct sbuf *err);
/* A visit's procedures in the order they were added; how many, -1 on error. */
int tindakan_list(sqlite3 *db, long kunjungan_id, struct tindakan_row *out, int max);

#endif
