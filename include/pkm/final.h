/* Signing a monthly report off (issue 32): who signed and when, the SHA-256
 * over its data cells and the cells as signed (db/026). A signed month prints
 * "FINAL dd-mm-yyyy, NAMA, sidik XXXXXXXX" under the title; once its data
 * changed, the next print heads "KOREKSI SETELAH FINAL" with each changed cell.
 * A month not ended prints "BULAN BERJALAN"; a month to come is refused. */
#ifndef PKM_FINAL_H
#define PKM_FINAL_H
#include <sqlite3.h>
#include <stdio.h>
#include "pkm/config.h"
#include "pkm/final_month.h"

/* One signed version. */
struct final_sign {
	long id;
	int versi;
	char laporan[33], bulan[8], oleh[49], nama[244], waktu[20], sidik[65];	/* nama: 60 characters */
};

/* The report's data cells (its --format data lines "baris,kolom,nilai",
 * LB1 in the klasik layout) sorted bytewise, each ending in '\n', without the
 * header line: what the SHA-256 is taken over. month_key is YYYY-MM. */
int final_cells(sqlite3 *db, const struct pkm_config *cfg, const char *name, const char *month_key,
		struct sbuf *canon, struct sbuf *err);
/* SHA-256 of text as 64 hex digits; -1 with err when it cannot be computed. */
int final_digest(const char *text, size_t len, char hex[65], struct sbuf *err);
/* The newest version of a report and month: 1, 0 when never signed, -1 (err). */
int final_last(sqlite3 *db, const char *name, const char *month_key, struct final_sign *out, struct sbuf *err);
/* Sign the report of an ended month as `nama` (the name printed; the pkm user
 * writing is recorded too): the next version, its digest and cells in one
 * transaction. Refused for a month not ended and when nothing changed since
 * the last version. */
int final_sign(sqlite3 *db, const struct pkm_config *cfg, const char *name, const char *month, const char *nama,
	       struct final_sign *out, struct sbuf *err);
/* The cells that differ between version f and the data now, one line each
 * "  BARIS,KOLOM: signed -> now" (a cell absent on one side is 0) into out;
 * how many, -1 (err) when the report cannot be built. */
int final_changes(sqlite3 *db, const struct pkm_config *cfg, const struct final_sign *f, struct sbuf *out,
		  struct sbuf *err);
/* What a printed report of the month carries: `note` the line under the title
 * ("BULAN BERJALAN ..." or "FINAL ..."; "" when none) and `head` the
 * KOREKSI SETELAH FINAL block to print before the report ("" when none). */
int final_marks(sqlite3 *db, const struct pkm_config *cfg, const char *name, const char *month_key, char *note,
		size_t size, struct sbuf *head, struct sbuf *err);
/* Each report's state for a month (YYYY-MM), or for every month with a
 * signature when month_key is NULL: belum final, FINAL vN by/at, or berubah
 * setelah final. */
int final_status(sqlite3 *db, const struct pkm_config *cfg, const char *month_key, FILE *out, struct sbuf *err);
#endif
