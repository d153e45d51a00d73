/* Identifier checks from README domain rule 6: NIK and No. BPJS. Messages are Indonesian
 * and meant to be shown next to the field. */
#ifndef PKM_IDENT_H
#define PKM_IDENT_H
#include "pkm/date.h"
#include <stddef.h>

/* NULL when the NIK is acceptable, else why it is refused. */
const char *nik_error(const char *nik);
/* A warning (not a refusal) when the NIK's birth date or sex disagree with what was
 * entered; NULL when they agree. `sex` is 'L' or 'P'. */
const char *nik_mismatch(const char *nik, struct date birth, char sex);
/* NULL when the No. BPJS is acceptable (13 digits), else why not. */
const char *bpjs_error(const char *no);

/* NULL when the No. KK (Kartu Keluarga) is acceptable: 16 digits, the issue
 * date in digits 7-12 a real day and month. */
const char *kk_error(const char *no);
/* A mobile number as typed ("0812-3456 789", "+62 812...") into its normal
 * form (digits, starting 08) in out; NULL when fine, else why not. */
const char *phone_normalize(const char *in, char *out, size_t size);
/* RT/RW as typed ("3/5", "003/005", "RT 3 RW 5") into "003/005"; NULL when fine. */
const char *rtrw_normalize(const char *in, char *out, size_t size);

/* Names are matched with their marks ignored (' ` - . and the typographic
 * apostrophes), the stored name unchanged. The byte length of a mark at p, 0
 * when there is none. */
size_t name_mark(const char *p);
/* The words a name is found by, space-separated: each word upper-case without
 * its marks, and when marks split it, its parts too ("Nur'aini Syafi'i" gives
 * "NURAINI NUR AINI SYAFII SYAFI I"). Only whole words are written. */
void name_search_words(const char *name, char *out, size_t size);

#endif
