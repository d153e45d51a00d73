/* Etiket: the label stuck on what the pharmacy hands over, one per dispensed
 * prescription line: puskesmas, patient and No. RM, drug, the signa written
 * out, quantity, date and the expiry of the batch given, [farmasi]
 * lebar_etiket columns wide, sent to [farmasi] printer_etiket. */
#ifndef PKM_ETIKET_H
#define PKM_ETIKET_H
#include <sqlite3.h>
#include "pkm/config.h"

/* "3x1 sesudah makan" as "3 x sehari 1 tablet, sesudah makan" (satuan the
 * drug's unit); a signa it does not know is kept as typed. */
void signa_written(const char *signa, const char *satuan, char *out, size_t size);
/* The label of one line, appended to out (stored names escaped); 0, or -1 with
 * err when the line does not exist or nothing of it was given. */
int etiket_text(sqlite3 *db, const struct pkm_config *cfg, long resep_id, struct sbuf *out, struct sbuf *err);
/* The labels of these lines to printer_etiket (on its standard input); -1 with
 * err when there is no printer or it failed: what was dispensed stays. */
int etiket_print(sqlite3 *db, const struct pkm_config *cfg, const long *ids, int n, struct sbuf *err);

#endif
