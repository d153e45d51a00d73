/* A patient's allergies (issue 35): to a drug of the master or to one of the
 * shipped food and environment allergens (SNOMED CT), with the reaction and
 * its severity; never deleted, marked resolved or entered-in-error instead.
 * Shown in the patient header; a prescribed drug that matches an active drug
 * allergy (the same drug, or the same KFA code) is asked about once, and the
 * prescription line written over it records which allergy (resep.alergi_abaikan). */
#ifndef PKM_ALERGI_H
#define PKM_ALERGI_H
#include <sqlite3.h>
#include "pkm/dict.h"
#include "pkm/util.h"

struct alergi_row {
	long id;
	char obat[24], alergen[24];	/* one of them set */
	char nama[208];			/* the drug's or the allergen's name */
	char reaksi[104], keparahan[12], status[20], dicatat[20];
};

/* Record an allergy: exactly one of obat (a code of the drug master) and
 * alergen (a code of the list); keparahan mild|moderate|severe ("" moderate);
 * kunjungan_id 0 for none. The new id, or -1 with field errors (obat, alergen,
 * reaksi, keparahan) or err. */
long alergi_add(sqlite3 *db, long pasien_id, const char *obat, const char *alergen, const char *reaksi,
		const char *keparahan, long kunjungan_id, struct field_errors *fe, struct sbuf *err);
/* active, resolved or entered-in-error; 0, or -1 with err. */
int alergi_set_status(sqlite3 *db, long id, const char *status, struct sbuf *err);
/* A patient's allergies, active first (all: also resolved and entered in error). */
int alergi_list(sqlite3 *db, long pasien_id, int all, struct alergi_row *out, int max);
/* "Amoksisilin, Telur": the names of the active allergies, "" for none. */
void alergi_names(sqlite3 *db, long pasien_id, char *out, size_t size);
/* The active allergy a drug of the master matches (its id, its name in what),
 * 0 when none, -1 on a read error. */
long alergi_match(sqlite3 *db, long pasien_id, const char *obat, char *what, size_t size);
/* resep_add for a drug the prescriber was warned about and wrote anyway: the
 * line and its override (allergy alergi_id) in one save. As resep_add. */
int resep_add_despite(sqlite3 *db, long visit_id, const char *obat, const char *jumlah, const char *signa,
		      const char *hari, long alergi_id, struct field_errors *fe, struct sbuf *err);
/* The shipped allergens whose name has every typed word at a word start (all
 * of them for ""), by name; how many, -1 on a read error. */
struct kode_entry;
int alergen_search(sqlite3 *db, const char *typed, struct kode_entry *out, int max);
/* Names of keparahan and status in Indonesian ("Berat", "Salah catat"). */
const char *alergi_word(const char *code);

#endif
