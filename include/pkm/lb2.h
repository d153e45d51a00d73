/* LB2, the LPLPO (README domain rule 3, petunjuk teknis LPLPO): per drug, stok awal,
 * penerimaan, persediaan, pemakaian, sisa, stok optimum and permintaan of a
 * month, counted from the stock movements; and prescriptions by payer. */
#ifndef PKM_LB2_H
#define PKM_LB2_H
#include <sqlite3.h>
#include <stdio.h>
#include "pkm/config.h"
#include "pkm/date.h"
#include "pkm/table.h"

/* The parts of a stok optimum, for showing how it was reached. */
struct optimum {
	long sk, swt, swk, sp, so;
	int fixed;			/* so is the drug's fixed optimum */
};

/* Stok optimum of a period of `months` months with use `sk`, `days_out` days
 * out of stock and `sisa` left; `fixed` >= 0 overrides the method. */
void lplpo_optimum(const struct farmasi_config *f, long sk, long sisa, long days_out, int months, long fixed,
		   struct optimum *out);
/* Permintaan = optimum - sisa, never below zero. */
long lplpo_request(long optimum, long sisa);

struct lb2_row {
	char kode[24], nama[104], satuan[24];
	long before;			/* balance on the 1st, before this month's AWAL */
	long awal, terima, pakai, lain, sisa, days_out;
	struct optimum opt;
	char ditutup[11];		/* the day the drug was closed, "" while open */
};

struct lb2_payer {
	char kode[24], nama[64];
	long lembar;
};

/* A funding source: a Pemberian column of its own ([farmasi] sumber_dana, else
 * kamus batch.sumber). */
struct lb2_source {
	char kode[16], nama[48];
};

struct lb2 {
	char month[8];
	int n;
	struct lb2_row *rows;
	int npayers;
	struct lb2_payer payers[16];
	int nsources;
	struct lb2_source sources[24];
	struct farmasi_config rules;
};

int lb2_build(sqlite3 *db, const struct farmasi_config *f, const char *month, struct lb2 *out, struct sbuf *err);
void lb2_free(struct lb2 *r);
void lb2_table(const struct lb2 *r, struct table *t);
/* Data cells "baris,kolom,nilai": one row per drug, then "resep" by payer. */
void lb2_write_data(const struct lb2 *r, FILE *f);

struct asal;
/* The rows behind data cell baris,kolom (include/pkm/asal.h): a drug's batches
 * and movements for a stock column, a payer's visits for "resep". */
int lb2_asal(sqlite3 *db, const char *month, const char *baris, const char *kolom, struct asal *out,
	     struct sbuf *err);
/* Whether baris,kolom is a data cell of LB2 (a drug in the list and a column
 * of the data, or "resep" and a payer) without counting; 0 with why in err. */
int lb2_cell_known(sqlite3 *db, const char *baris, const char *kolom, struct sbuf *err);
/* Whether kolom is a drug row's data column (stok_awal ... permintaan). */
int lb2_column_known(const char *kolom, struct sbuf *err);

/* What the pharmacy screen shows per drug: the balance, the optimum the last
 * LPLPO asks for (fixed, or computed for the previous month), and the earliest
 * batch in stock that expires within the warning window. */
struct stock_status {
	char kode[24], nama[104], satuan[24];
	long saldo, optimum;
	int low;			/* saldo below the optimum */
	char expiry[11];		/* "" when no batch is near expiry */
	long expiry_qty;
	char ditutup[11];		/* closed on that day: kept while it has stock or history */
};

/* Every drug, by code. Returns the count, -1 on error; caller frees *out. */
int stock_status_list(sqlite3 *db, const struct farmasi_config *f, struct date today, struct stock_status **out);
/* Does the code or name contain `query` (ASCII case ignored; "" matches all)? */
int stock_status_matches(const struct stock_status *x, const char *query);

#endif
