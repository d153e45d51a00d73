/* The drug master (src/drug.c): a drug added, changed, closed or deleted, the
 * same from the Farmasi screen, `pkm obat` and `pkm impor obat`. A drug with a
 * batch or a prescription keeps its history: it is closed (obat.ditutup), never
 * deleted; closed, it is neither prescribed nor received, and still on its
 * stock card and in the reports. */
#ifndef PKM_DRUG_H
#define PKM_DRUG_H
#include "pkm/stock.h"

/* What was typed for a drug; NULL (or, for an import, "") leaves an optional
 * column as stored. */
struct drug_input {
	const char *kode, *nama, *satuan, *kategori, *optimum, *fornas, *kode_pcare, *kode_kfa, *maks_resep;
};

/* Check a row; `whole`: every column was given (a dialog: an empty optional
 * column is cleared), else only those not empty (an import's row). 0 when it
 * may be saved. */
int drug_check_input(sqlite3 *db, const struct drug_input *in, int whole, struct drug *out, struct field_errors *fe);
/* Check and save in its own transaction: a new drug (`is_new`, its code not
 * yet used) or a change of one there is (every column as typed). 0 when saved. */
int drug_save(sqlite3 *db, const struct drug_input *in, int is_new, struct field_errors *fe, struct sbuf *err);
/* 1 when the drug has a batch or a prescription line (so a history to keep),
 * 0 when none, -1 when it could not be read. */
int drug_has_history(sqlite3 *db, const char *kode);
/* Close the drug on `day` (YYYY-MM-DD), or open it again when day is NULL. */
int drug_close(sqlite3 *db, const char *kode, const char *day, struct sbuf *err);
/* Delete a drug without history (refused, with why, when it has one). */
int drug_delete(sqlite3 *db, const char *kode, struct sbuf *err);

#endif
