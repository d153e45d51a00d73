/* Checks before signing a month (pkm periksa, Laporan > Periksa data): what in
 * the month's records contradicts itself, the history or the patient, each
 * finding with its level and the visits it is about (README "Checks before
 * signing"). */
#ifndef PKM_PERIKSA_H
#define PKM_PERIKSA_H
#include <sqlite3.h>
#include <stdio.h>
#include "pkm/config.h"
#include "pkm/form.h"

/* kesalahan: a report counts something wrong until it is corrected (exit 1);
 * perhatian: worth a look, may be right. */
enum periksa_level { PERIKSA_KESALAHAN, PERIKSA_PERHATIAN };

struct periksa_visit {
	long id;
	char tanggal[11], no_rm[24], nama[256], unit[12];
	char why[400];		/* what is wrong with this visit (room for a name whole) */
};

struct periksa_finding {
	enum periksa_level level;
	char check[24];		/* the check's key: tanpa_diagnosis, kasus_kronis, ... */
	char title[240];	/* what was found, in words */
	int n, cap;
	struct periksa_visit *v;	/* the visits it is about (none for a month-wide one) */
};

struct periksa {
	char month[8];		/* YYYY-MM */
	int n, cap;
	struct periksa_finding *f;	/* kesalahan first, then perhatian, each in check order */
	int errors, warnings;	/* findings of each level */
};

/* Run every check on a month ("YYYY-MM") as of `today`; forms are the loaded
 * cluster forms (their sex and age bounds). 0 on success; -1 with err (a month
 * still to come is refused). */
int periksa_month(sqlite3 *db, const struct pkm_config *cfg, const struct form_set *forms, const char *month,
		  struct date today, struct periksa *out, struct sbuf *err);
void periksa_free(struct periksa *p);
const char *periksa_level_name(enum periksa_level l);
/* The findings as text for a person (DD-MM-YYYY), or as CSV, one line per
 * visit: tingkat,periksa,temuan,kunjungan_id,tanggal,no_rm,nama,unit,keterangan. */
void periksa_text(const struct periksa *p, struct sbuf *out);
/* "DD-MM-YYYY NO_RM NAMA UNIT" in columns (the text and the screen's list). */
void periksa_visit_line(const struct periksa_visit *v, struct sbuf *out);
void periksa_csv(const struct periksa *p, FILE *f);

#endif
