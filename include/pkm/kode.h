/* The imported code lists a clinician picks from besides ICD-10 (issue 35):
 * the KFA drug list (pkm impor kfa: kode,nama,bentuk), from which the drug
 * master takes obat.kode_kfa, and ICD-9-CM procedures (pkm impor icd9:
 * kode,nama; common codes shipped). Both searched by word starts like ICD-10. */
#ifndef PKM_KODE_H
#define PKM_KODE_H
#include <sqlite3.h>
#include "pkm/sheet.h"
#include "pkm/util.h"

enum kode_list { KODE_KFA, KODE_ICD9 };

struct kode_entry {
	char kode[32];
	char nama[208];
	char bentuk[64];	/* KFA's dosage form, "" for ICD-9-CM */
};

/* An ICD-9-CM procedure code in its normal form ("86.59", "23.2", "64.0"; typed
 * as "8659" too): 0, or -1 when it is none. */
int icd9_normalize(const char *in, char out[8]);

/* Import a list, all or nothing: new codes added, known codes renamed. 0 with
 * a summary in done; -1 with FILE:LINE: column: why in err. */
int kode_import(sqlite3 *db, enum kode_list list, const char *path, const struct sheet_opts *o, struct sbuf *done,
		struct sbuf *err);
/* Entries whose name has every word of query at a word start, or whose code
 * begins with query when it begins with a digit; code order. How many (at most
 * max), -1 when the list could not be read. */
int kode_search(sqlite3 *db, enum kode_list list, const char *query, struct kode_entry *out, int max);
/* The entry of a code: 1, 0 when not in the list, -1 on a read error. */
int kode_get(sqlite3 *db, enum kode_list list, const char *kode, struct kode_entry *out);

#endif
