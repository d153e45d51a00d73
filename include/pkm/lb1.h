/* LB1, the monthly morbidity report (README domain rule 2): one count per (visit,
 * distinct ICD-10 code) in the month, by age band, case flag and sex. */
#ifndef PKM_LB1_H
#define PKM_LB1_H
#include <sqlite3.h>
#include <stdio.h>
#include "pkm/date.h"
#include "pkm/icd.h"
#include "pkm/table.h"

enum { KASUS_B, KASUS_L, KASUS_K, KASUS_N };
enum { SEX_L, SEX_P, SEX_N };

struct lb1_row {
	char key[24];		/* data-cell row: ICD-10 code (klasik) or Formulir 11 row id */
	char grup[8];		/* Formulir 11 group, "" in klasik */
	char kode[32];		/* printed code */
	char nama[160];
	long cell[BAND_MAX][KASUS_N][SEX_N];
};

struct lb1_group {
	char kode[8];
	char nama[96];
};

struct lb1 {
	enum layout layout;
	char month[8];
	int nrows, cap;
	struct lb1_row *rows;
	int ngroups;
	struct lb1_group groups[24];
	/* For the foot checks: totals counted beside the bands, the pairs by a
	 * query of their own. */
	long totals[KASUS_N][SEX_N];
	long pairs;
};

/* A Formulir 11 mapping entry: a code prefix pointing at a row. */
struct f11_map {
	char prefix[ICD_LEN];
	int row;
};

int kasus_index(char k);
/* Add one (visit, diagnosis) to a row. */
void lb1_count(struct lb1_row *r, enum layout l, const struct age *a, char kasus, char sex);
/* Row of the longest matching prefix (ties: the first); -1 when none. */
int f11_match(const char *code, const struct f11_map *map, int n);

/* Count a month ("YYYY-MM") from the database. 0 on success. */
int lb1_build(sqlite3 *db, const char *month, enum layout layout, struct lb1 *out, struct sbuf *err);
void lb1_free(struct lb1 *r);

/* The foot checks; each is 1 when it holds. */
struct lb1_checks {
	int bands_ok, sex_ok, pairs_ok;
	long grand;
};
void lb1_check(const struct lb1 *r, struct lb1_checks *c);

/* The printed table (layout columns, totals row and foot checks). */
void lb1_table(const struct lb1 *r, struct table *t);
/* Data cells "baris,kolom,nilai": non-zero cells, sorted. */
void lb1_write_data(const struct lb1 *r, FILE *f);

/* Cells a column adds up: one band or all (-1), sets of KASUS_* and SEX_* bits. */
struct lb1_sel {
	int band;
	unsigned kasus, sex;
};
/* The key of printed column c ("1-4t.lama+kkl.L", "*.baru.L+P"): --asal takes
 * it as it takes a data cell's column. */
void lb1_column_key(enum layout l, int c, char *key, size_t size);

struct asal;
/* The (visit, code) pairs behind data cell baris,kolom (include/pkm/asal.h):
 * ASAL_OK, ASAL_UNKNOWN for a cell LB1 does not have, ASAL_ERROR. */
int lb1_asal(sqlite3 *db, const char *month, enum layout layout, const char *baris, const char *kolom,
	     struct asal *out, struct sbuf *err);
/* Whether baris,kolom is a data cell of LB1 in the klasik layout (an ICD-10
 * code pkm knows, one band, kasus and sex) without counting anything; 0 with
 * why in err when not. */
int lb1_cell_known(sqlite3 *db, const char *baris, const char *kolom, struct sbuf *err);

#endif
