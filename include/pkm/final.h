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
#include "pkm/date.h"
#include "pkm/util.h"

enum month_state { MONTH_ENDED, MONTH_RUNNING, MONTH_FUTURE };
/* Where a month (as typed: MM-YYYY or YYYY-MM) stands against today; -1 when
 * it is not a month. */
int month_state(const char *month, struct date today, enum month_state *out);
/* 0 when a report of the month may be printed; -1 with the reason in err for
 * a month to come (or one that is not a month). */
int month_printable(const char *month, struct sbuf *err);

/* One signed version. */
struct final_sign {
	long id;
	int versi;
	char laporan[33], bulan[8], oleh[49], nama[61], waktu[20], sidik[65];
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
/* Whether a day (YYYY-MM-DD) lies in a month with a signed report: 1 (the
 * reports, "LB1, LB3", into which), 0 when not, -1 when it cannot be read. */
int final_day_signed(sqlite3 *db, const char *day, char *which, size_t size);
/* The signed months among the days of an import waiting in temp.`table` (its
 * id the file's line, a column tanggal; `table` a name pkm gives, never
 * typed): 1 with "10-2026 (LB1)" into which and the first such line into
 * *line, 0 when none, -1 when it cannot be read. */
int final_months_in(sqlite3 *db, const char *table, char *which, size_t size, long *line);
#endif
