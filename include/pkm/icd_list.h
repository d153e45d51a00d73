/* The ICD-10 list a doctor picks from: the names (shipped, or a full list
 * imported), synonyms the district extends (forms/icd10_sinonim.csv), and the
 * search: words from the start of a word, a code prefix, ranked by what the
 * unit used most in the last 90 days. */
#ifndef PKM_ICD_LIST_H
#define PKM_ICD_LIST_H
#include <sqlite3.h>
#include "pkm/date.h"
#include "pkm/icd.h"
#include "pkm/sheet.h"
#include "pkm/util.h"

#define ICD_NAME_MAX 250	/* characters of a name, which must also fit ICD_NAME_BYTES */
#define ICD_NAME_BYTES 256
#define ICD_TERM_BYTES 64

struct icd_entry {
	char kode[ICD_LEN];
	char nama[ICD_NAME_BYTES];
	char via[ICD_TERM_BYTES];	/* the synonym that found it, "" for the name itself */
	int uses;	/* diagnoses of this code in the unit's last 90 days */
};

/* How often each code was diagnosed in a unit over the 90 days to `today`. */
struct icd_usage {
	int n;
	struct icd_use {
		char kode[ICD_LEN];
		int count;
	} *e;
};
int icd_usage_load(sqlite3 *db, const char *unit, struct date today, struct icd_usage *u);
void icd_usage_free(struct icd_usage *u);

/* 1 when every word of `words` (n of them, lower case) begins a word of text. */
int icd_words_match(const char *text, char words[][32], int n);
/* The query's words (at most 6), lower case; a query that begins like a code is
 * a code prefix. With `dots`, a dot inside a word stays in it (ICD-9-CM 86.59). */
int icd_query_words(const char *query, int dots, char words[6][32]);

/* Load the synonyms file (istilah,kode) into this connection (a temporary
 * table, replaced on each load). Problems as FILE:LINE: why; -1 on any. */
int icd_synonyms_load(sqlite3 *db, const char *path, struct sbuf *err);
/* The matches of query (use may be NULL), best first; returns how many, -1
 * when the list could not be read. */
int icd_search(sqlite3 *db, const char *query, const struct icd_usage *use, struct icd_entry *out, int max);
/* Indonesian name of a code, "" when not in the list. */
void icd_name(sqlite3 *db, const char *code, char *out, size_t size);

/* pkm icd10 impor: columns kode,nama or icd10_code,icd10_en,icd10_id, separator
 * ',' or ';'. All or nothing; a shipped name is replaced only when `replace`. */
int icd_import(sqlite3 *db, const char *path, const struct sheet_opts *o, int replace, struct sbuf *done,
	       struct sbuf *err);

#endif
