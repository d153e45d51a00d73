/* Correcting a registered patient: every identity field with the checks of
 * registration, and the ages stored on the patient's visits recomputed in the
 * same transaction when the birth date changes (README domain rule 1). */
#ifndef PKM_PATIENT_EDIT_H
#define PKM_PATIENT_EDIT_H
#include "pkm/patient.h"

#define CHANGE_MONTHS 12

/* What a correction changed beyond the patient's own row. */
struct patient_change {
	int visits;			/* visits whose stored age changed */
	int months;			/* months whose age-band counts change */
	char month[CHANGE_MONTHS][8];	/* the first CHANGE_MONTHS of them, YYYY-MM, oldest first */
};

/* Write p (checked by patient_check) over the patient p->id in one BEGIN
 * IMMEDIATE transaction; a NIK or No. RM of another patient is refused.
 * 0 on success with *ch filled. */
int patient_update(sqlite3 *db, const struct patient *p, struct patient_change *ch, struct sbuf *err);
/* "3 kunjungan berubah umur; laporan bulan 2026-09, 2026-10 berubah" or "". */
void patient_change_text(const struct patient_change *ch, char *out, size_t size);

#endif
