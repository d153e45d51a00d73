/* Everything about one patient: the export for the right of access and the
 * merge of a duplicate record. Both are audited. */
#ifndef PKM_PATIENT_DATA_H
#define PKM_PATIENT_DATA_H
#include <sqlite3.h>
#include <stdio.h>
#include "pkm/patient.h"

/* Write every stored row of the patient with this No. RM, then the audit trail
 * about it, as text; the export is recorded (EKSPOR) before anything is written. */
int patient_export(sqlite3 *db, const char *no_rm, FILE *out, struct sbuf *err);
/* Move every visit (with its diagnoses, forms and prescriptions) of dup_rm to
 * keep_rm, keep identifiers only the duplicate has, and delete the duplicate:
 * one transaction, all or nothing. */
int patient_merge(sqlite3 *db, const char *keep_rm, const char *dup_rm, struct sbuf *err);

#endif
