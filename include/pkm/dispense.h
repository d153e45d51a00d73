/* The pharmacy counter (README domain rule 3): a prescription is dispensed line
 * by line, earliest expiry first, never from an expired batch nor from one
 * that expires before the therapy ends; a line short of stock is given in part
 * and keeps its shortfall, to be given later or closed with a reason. Before
 * anything is given the pharmacist may change the quantity or signa or give
 * another drug, with a reason; the prescriber's line stays as written beside
 * it (db/023_resep_serah.sql). Every save is one transaction, audited. */
#ifndef PKM_DISPENSE_H
#define PKM_DISPENSE_H
#include <sqlite3.h>
#include "pkm/dict.h"
#include "pkm/stock.h"
#include "pkm/util.h"

/* A prescription line as the counter sees it: what was written and what is
 * to be given (the same unless changed). */
struct rx_line {
	long id, kunjungan_id;
	char obat[24], nama[208], satuan[48], signa[44];	/* as prescribed */
	long jumlah;
	char beri[24], nama_beri[208], satuan_beri[48], signa_beri[44];	/* to give */
	long target, diberi, hari;	/* hari 0: therapy days not known */
	int changed;			/* drug, quantity or signa differ from the prescription */
	char alasan[104], tutup[16], diserahkan[11];
	long stok;			/* usable stock of the drug to give, today, for this line */
};

enum rx_state { RX_WAITING, RX_PARTIAL, RX_DONE, RX_CLOSED };
enum rx_state rx_state(const struct rx_line *l);
/* "menunggu", "sebagian kurang N", "selesai", "ditutup: stok kosong". */
void rx_status(const struct rx_line *l, char *out, size_t size);

/* A line as a row of the prescription (screen and `pkm resep lihat`): the drug
 * given, quantity, signa, given so far, usable stock, status; `second` the
 * prescriber's line and the reason when it was changed, else "". */
#define RX_HEAD "Obat diberikan         Jumlah Signa       Diberi  Stok  Status"
void rx_describe(const struct rx_line *l, char *row, size_t size, char *second, size_t size2);

/* The lines of a visit, oldest first, with their usable stock on `tanggal`;
 * the count, -1 when they could not be read to the end. */
int rx_lines(sqlite3 *db, long visit_id, const char *tanggal, struct rx_line *out, int max);
/* One line; 1 found, 0 none, -1 unreadable. */
int rx_line_get(sqlite3 *db, long resep_id, const char *tanggal, struct rx_line *out);
/* Stock of a drug that may be given on `tanggal` for `hari` days of therapy
 * (0: not known): not expired, nor expiring before the therapy ends. */
long rx_usable(sqlite3 *db, const char *obat, const char *tanggal, long hari);

/* What a dispensing did. */
struct rx_result {
	int lines;			/* lines that received something */
	long given;			/* units given over all lines */
	int short_lines;		/* lines left short */
	long given_ids[RESEP_MAX];	/* the lines that received something (for labels) */
	struct sbuf *note;		/* when set: a sentence per line ("X: 10 tablet; kurang 5") */
};

/* Give one line (resep_id > 0; at most `jumlah` when > 0) or every open line of
 * the visit (resep_id 0). Each line on its own: what stock allows is given, a
 * shortfall stays open. 0 when the save went through (even when nothing could
 * be given: r->lines says), -1 with err (nothing saved). */
int rx_dispense(sqlite3 *db, long visit_id, long resep_id, long jumlah, const char *tanggal, struct rx_result *r,
		struct sbuf *err);
/* The same inside the caller's transaction. */
int rx_dispense_in(sqlite3 *db, long visit_id, long resep_id, long jumlah, const char *tanggal, struct rx_result *r,
		   struct sbuf *err);
/* Close what is left of an open line with a reason (kamus resep.tutup). */
int rx_close(sqlite3 *db, long resep_id, const char *alasan, const char *tanggal, struct field_errors *fe,
	     struct sbuf *err);
/* Before anything is given: another drug, quantity or signa (empty or NULL:
 * as prescribed) with the reason; all as prescribed clears the change. */
int rx_change(sqlite3 *db, long resep_id, const char *obat, const char *jumlah, const char *signa, const char *alasan,
	      struct field_errors *fe, struct sbuf *err);

#endif
