/* Correcting or cancelling a visit: another unit or payer, the right patient,
 * or cancelled with a reason. Its diagnoses, forms and prescription lines go
 * with it; its queue number stays taken; the per-row triggers audit it. */
#ifndef PKM_VISIT_FIX_H
#define PKM_VISIT_FIX_H
#include "pkm/visit.h"

/* What was typed (raw, checked by the dictionary). batal non-empty cancels. */
struct visit_fix {
	const char *unit, *penjamin, *no_rm, *batal;
};

/* Check and write in one BEGIN IMMEDIATE transaction; refused as a whole when a
 * prescription of the visit was dispensed. Field messages go to fe (by column
 * name), others to err; `done` says what changed. 0 on success. */
int visit_correct(sqlite3 *db, long visit_id, const struct visit_fix *in, struct field_errors *fe,
		  struct sbuf *done, struct sbuf *err);
/* visit_correct's checks alone, writing nothing: 0 when it would be saved (a
 * screen asks its questions only then). */
int visit_fix_check(sqlite3 *db, long visit_id, const struct visit_fix *in, struct field_errors *fe, struct sbuf *err);
/* The patient a correction moves visit v to: 1 with *p when no_rm names a
 * patient other than the visit's (asked before saving), 0 when the same or
 * none (visit_correct tells why), -1 when unreadable. */
int visit_fix_moves_to(sqlite3 *db, const struct visit *v, const char *no_rm, struct patient *p);

#endif
