/* Pharmacy stock (README domain rule 3): drugs, batches per funding source, and the
 * movements that are the only way stock changes. A batch's balance is the sum
 * of its movements; nothing here lets it go below zero. */
#ifndef PKM_STOCK_H
#define PKM_STOCK_H
#include <sqlite3.h>
#include "pkm/dict.h"
#include "pkm/util.h"

struct drug {
	char kode[24], nama[208], satuan[48], kategori[16];
	long optimum;			/* fixed stok optimum, -1 when computed */
	char kode_pcare[24];		/* P-Care's kdObat */
	int fornas;			/* 1: on the Formularium Nasional */
	char kode_kfa[32];		/* SATUSEHAT's Kamus Farmasi dan Alat Kesehatan */
	long maks_resep;		/* the most one prescription may hold without a question, -1 none */
	char ditutup[11];		/* the day it was closed: never prescribed or received again */
	unsigned given;			/* DRUG_GIVEN_*: the optional columns drug_put writes */
};
/* An update writes the optional columns marked given and keeps the others
 * (an import without them); a new drug gets the others' defaults. */
enum { DRUG_GIVEN_PCARE = 1, DRUG_GIVEN_FORNAS = 2, DRUG_GIVEN_KFA = 4, DRUG_GIVEN_MAKS = 8, DRUG_GIVEN_ALL = 15 };

/* What was typed (or read from a CSV row) for a receipt or an opening stock. */
struct receipt_input {
	const char *obat, *sumber, *no_batch, *kedaluwarsa, *jumlah, *tanggal, *keterangan;
};

/* The same, checked and in normal form. */
struct receipt {
	char obat[24], sumber[16], no_batch[32], kedaluwarsa[11], tanggal[11], keterangan[208];
	long jumlah;
};

struct batch_row {
	long id;
	char sumber[16], no_batch[32], kedaluwarsa[11];
	long saldo;
};

/* A line of a stock card: one movement and the balance after it. A PAKAI
 * line's keterangan names the visit: its date DD-MM-YYYY, No. RM and patient. */
struct card_row {
	long id;
	char tanggal[11], jenis[16], sumber[16], no_batch[32], keterangan[360];
	long masuk, keluar, saldo;
};

struct resep_row {
	long id;
	char obat[24], nama[208], satuan[48], signa[88];
	long jumlah;
	int open;	/* neither given in full nor closed (db/023) */
};

int drug_get(sqlite3 *db, const char *kode, struct drug *d);
/* Drugs open for prescribing whose code starts with, or whose name has a word
 * starting with, every word of the query ("para 500", "alb"); code prefix
 * matches first. Returns the count found (at most max).
 * The lists below return -1 when their rows could not be read to the end. */
int drug_search(sqlite3 *db, const char *query, struct drug *out, int max);
/* Check a drug master row (the columns of an old import; more in pkm/drug.h);
 * 0 when it may be saved. */
int drug_check(sqlite3 *db, const char *kode, const char *nama, const char *satuan, const char *kategori,
	       const char *optimum, struct drug *out, struct field_errors *fe);
/* Insert or update inside the caller's transaction. */
int drug_put(sqlite3 *db, const struct drug *d, struct sbuf *err);

/* Check a receipt; 0 when it may be saved. */
int receipt_check(sqlite3 *db, const struct receipt_input *in, struct receipt *out, struct field_errors *fe);
/* Record it (batch created when new) inside the caller's transaction; `opening`
 * marks an opening stock (AWAL) rather than a receipt (TERIMA). */
int receipt_insert(sqlite3 *db, const struct receipt *r, int opening, struct sbuf *err);
/* Check and record a receipt in its own transaction. */
int stock_receive(sqlite3 *db, const struct receipt_input *in, struct field_errors *fe, struct sbuf *err);

/* One movement inside the caller's transaction (resep_id 0: none); the batch's
 * balance follows by trigger. */
int stock_movement(sqlite3 *db, long batch_id, const char *tanggal, const char *jenis, long jumlah, long resep_id,
		   const char *ket, struct sbuf *err);
/* Batches of a drug, earliest expiry first (only those with stock when `in_stock`). */
int stock_batches(sqlite3 *db, const char *obat, int in_stock, struct batch_row *out, int max);
long stock_balance(sqlite3 *db, const char *obat);
/* Rusak, kedaluwarsa or mutasi out of one batch. */
int stock_issue(sqlite3 *db, long batch_id, const char *jenis, const char *jumlah, const char *tanggal,
		const char *keterangan, struct field_errors *fe, struct sbuf *err);
/* Stock-take of one batch: the difference to the counted amount is recorded. */
int stock_take(sqlite3 *db, long batch_id, const char *counted, const char *tanggal, long *difference,
	       struct field_errors *fe, struct sbuf *err);
/* Where a page of a stock card ended: its oldest movement and the balance
 * before it. Zeroed: the card read from its newest movement. */
struct card_cursor {
	int started;
	char tanggal[11];
	long id, saldo;
	char from[11];		/* "": no older bound; else movements on or after it only */
};
/* The next older page of a drug's stock card (of one funding source, or all
 * when sumber is NULL), newest movement first, each with the balance after it,
 * read in one snapshot; a page at a time, however long the history. The count
 * (0: nothing older), -1 when it could not be read. */
int stock_card_page(sqlite3 *db, const char *obat, const char *sumber, struct card_cursor *c, struct card_row *out,
		    int max);
/* A month of a card as the LPLPO counts it (lb2.c): awal is the balance on
 * the 1st with the month's opening stock (AWAL), lain the rusak, kedaluwarsa,
 * mutasi and stock-take differences, sisa = awal + terima - pakai - lain. */
struct card_month {
	char first[11], next[11];	/* the month: first <= tanggal < next */
	long before;			/* the balance before its first movement */
	long awal, terima, pakai, lain, sisa;
};
/* The month (as typed: MM-YYYY or YYYY-MM) of a drug's card, of one funding
 * source or all; 0, or -1 when it is no month or could not be read (err says). */
int stock_card_month(sqlite3 *db, const char *obat, const char *sumber, const char *month, struct card_month *out,
		     struct sbuf *err);
/* A cursor that reads only that month's movements, from its last one. */
void stock_card_month_cursor(const struct card_month *m, struct card_cursor *c);
/* The month's totals as one line of the card (newline ended). */
void stock_card_month_line(struct sbuf *out, const struct card_month *m);
/* The card's heading lines, and one movement as a line of it. */
void stock_card_head(struct sbuf *out, const struct drug *d);
void stock_card_line(struct sbuf *out, const struct card_row *r);
/* The whole card as printable text, oldest first with the running balance
 * and each month's totals after its movements (for printing and saving); -1
 * when it could not be read to its end. */
int stock_card_text(sqlite3 *db, const struct drug *d, struct sbuf *out);
/* One month of the card the same way, from the balance before it. */
int stock_card_month_text(sqlite3 *db, const struct drug *d, const struct card_month *m, struct sbuf *out);

/* Prescriptions on a visit, at most RESEP_MAX drugs (resep_add refuses one
 * more), never of a closed drug. Adding a drug already prescribed changes its
 * quantity and signa while nothing of it is given: 1 then, 0 for a new line,
 * -1 when nothing was saved. */
#define RESEP_MAX 64
/* The most one line may hold without the prescriber's yes: the drug's own
 * maks_resep, else `fallback` ([farmasi] maks_resep); 0 = no limit. */
long drug_max_per_resep(const struct drug *d, long fallback);
int resep_add(sqlite3 *db, long visit_id, const char *obat, const char *jumlah, const char *signa, const char *hari,
	      struct field_errors *fe, struct sbuf *err);
/* resep_add inside the caller's transaction; hari, the therapy's days, NULL or
 * "" when not known; the line's arrival (dibuat) is now. Dispensing is
 * pkm/dispense.h's. */
int resep_insert(sqlite3 *db, long visit_id, const char *obat, const char *jumlah, const char *signa,
		 const char *hari, struct field_errors *fe, struct sbuf *err);
int resep_delete(sqlite3 *db, long resep_id, struct sbuf *err);
int resep_list(sqlite3 *db, long visit_id, struct resep_row *out, int max);
#endif
