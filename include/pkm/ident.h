/* Identifier checks from README domain rule 6: NIK and No. BPJS. Messages are Indonesian
 * and meant to be shown next to the field. */
#ifndef PKM_IDENT_H
#define PKM_IDENT_H
#include "pkm/date.h"

/* NULL when the NIK is acceptable, else why it is refused. */
const char *nik_error(const char *nik);
/* A warning (not a refusal) when the NIK's birth date or sex disagree with what was
 * entered; NULL when they agree. `sex` is 'L' or 'P'. */
const char *nik_mismatch(const char *nik, struct date birth, char sex);
/* NULL when the No. BPJS is acceptable (13 digits), else why not. */
const char *bpjs_error(const char *no);

#endif
