/* Expiry and stock-out: the batches in stock that expire within N days and the
 * drugs below their stok optimum (the LPLPO's, lb2.c), by funding source, with
 * the days the stock lasts at the mean use (PAKAI) of the last three months:
 * to plan the LPLPO request and redistribution. `pkm laporan stok` and the
 * Farmasi screen's F8 show the same. */
#ifndef PKM_STOCK_REPORT_H
#define PKM_STOCK_REPORT_H
#include <sqlite3.h>
#include <stdio.h>
#include "pkm/config.h"
#include "pkm/date.h"
#include "pkm/util.h"

struct report_drug {
	char kode[24], nama[104], satuan[24];
	long saldo, optimum;
	int low;		/* saldo below the optimum */
	long usable;		/* in batches not yet expired */
	long used;		/* PAKAI in the use window */
	long days_left;		/* days `usable` lasts at the mean use; -1: none used */
};

struct report_batch {
	int drug;		/* index into drugs */
	char sumber[16], sumber_label[64], no_batch[32], kedaluwarsa[11];
	int sumber_rank;	/* the funding source's place in its list */
	long saldo;
	long to_expiry;		/* days from today; below 0 already expired */
	long used_up;		/* days until it is used up, earliest expiry first; -1: never */
	int near;		/* expires within the window (or has expired) */
};

struct stock_report {
	char today[11], until[11], use_from[11];	/* ISO */
	long days;		/* the expiry window */
	long use_days;		/* days of the use window, use_from up to today */
	int ndrugs, nbatches;
	struct report_drug *drugs;	/* by code */
	struct report_batch *batches;	/* in stock, by drug, then expiry */
};

/* Days `saldo` lasts when `used` went in `days` days: floor(saldo * days /
 * used), -1 when nothing was used. */
long stock_days_left(long saldo, long used, long days);
/* The use window: the same day three months before today (the month's last
 * day when it has no such day), up to today, today not counted. */
struct date stock_use_from(struct date today);

/* Build the report for `today` with an expiry window of `days` days; 0, or -1
 * with err. Free with stock_report_free. */
int stock_report_build(sqlite3 *db, const struct farmasi_config *f, struct date today, long days,
		       struct stock_report *out, struct sbuf *err);
void stock_report_free(struct stock_report *r);
/* Printable text at 80 columns; `puskesmas` heads it when not "". */
void stock_report_text(const struct stock_report *r, const char *puskesmas, struct sbuf *out);
/* A line per batch of the report (near expiry, or of a drug below optimum),
 * and one with no batch for a drug below optimum with nothing in stock. */
void stock_report_csv(const struct stock_report *r, FILE *f);

#endif
