/* Visits (kunjungan), their queue numbers, and the diagnoses recorded on them. */
#ifndef PKM_VISIT_H
#define PKM_VISIT_H
#include <sqlite3.h>
#include "pkm/config.h"
#include "pkm/date.h"
#include "pkm/icd.h"
#include "pkm/patient.h"
#include "pkm/util.h"

struct visit {
	long id, pasien_id;
	char tanggal[11], unit[12], penjamin[24];
	int no_antrian;
	struct age age;
	char batal[204];	/* why it was cancelled; "" for a visit that counts */
};

/* A line of the day's list: the visit with who it is and how far it got. */
struct visit_row {
	struct visit v;
	char no_rm[24], nama[256], sex;
	int n_diag;
};

struct diagnosis {
	long id;
	char icd10[ICD_LEN];
	char nama[128];		/* "" when the code is not in the list */
	char kasus;
};

/* The next queue number of a day and unit: -1 when unreadable. */
int visit_next_queue(sqlite3 *db, struct date day, const char *unit);
/* Insert a visit inside the caller's transaction, with queue number `queue`,
 * or when 0 the next of its day and unit. An existing visit of the same
 * patient, day and unit is returned instead (*created = 0; 1 when it was
 * cancelled and comes back, with its own number). */
int visit_write(sqlite3 *db, const struct patient *p, struct date day, const char *unit, const char *payer,
		int queue, long *id, int *created, struct sbuf *err);
/* visit_write, and the visit read back into *out. */
int visit_insert(sqlite3 *db, const struct patient *p, struct date day, const char *unit,
		 const char *payer, struct visit *out, int *created, struct sbuf *err);
/* visit_insert in its own BEGIN IMMEDIATE transaction. */
int visit_open(sqlite3 *db, const struct patient *p, struct date day, const char *unit,
	       const char *payer, struct visit *out, int *created, struct sbuf *err);
/* Bind an age as umur_tahun, umur_bulan, umur_hari, umur_total_hari from ?first. */
void visit_bind_age(sqlite3_stmt *st, int first, const struct age *a);
/* 1 found, 0 none, -1 error. */
int visit_get(sqlite3 *db, long id, struct visit *v);
int visit_last(sqlite3 *db, long pasien_id, struct visit *v);
/* Visits of a day (unit NULL = all units) by unit then queue number.
 * Caller frees *rows. Returns the count, -1 on error. */
int visit_list_day(sqlite3 *db, struct date day, const char *unit, struct visit_row **rows);
/* One visit as its day's list shows it: 1 found, 0 none, -1 error. */
int visit_row_get(sqlite3 *db, long id, struct visit_row *r);

/* The case flag the screen proposes for a code on a visit (README domain rule 2). */
char diag_prefill(sqlite3 *db, const struct pkm_config *cfg, const struct visit *v, const char *icd);
/* Add inside the caller's transaction; kasus 0 = pre-fill. A code already on the
 * visit is left as it is (*added = 0). */
int diag_insert(sqlite3 *db, const struct pkm_config *cfg, const struct visit *v, const char *icd,
		char kasus, int *added, struct sbuf *err);
/* Codes that make no sense beside one already on the visit (A90 and A91): one
 * line each into out, asked before saving like a form's warnings; the count. */
int diag_warnings(sqlite3 *db, const struct visit *v, const char *icd, struct sbuf *out);
/* diag_insert in its own transaction. */
int diag_add(sqlite3 *db, const struct pkm_config *cfg, const struct visit *v, const char *icd,
	     char kasus, int *added, struct sbuf *err);
int diag_set_kasus(sqlite3 *db, long diag_id, char kasus, struct sbuf *err);
int diag_delete(sqlite3 *db, long diag_id, struct sbuf *err);
/* Caller frees *out. Returns the count, -1 on error. */
int diag_list(sqlite3 *db, long visit_id, struct diagnosis **out);
/* A patient's visit as the history shows it: diagnoses "J06.9 B, A09 L" and
 * prescription lines "PCT500 10, ..." in the order entered. */
struct visit_summary {
	struct visit v;
	char diag[256], resep[256];
};
/* Every visit of the patient, newest first; caller frees *out. -1 on error. */
int visit_history(sqlite3 *db, long pasien_id, struct visit_summary **out);
/* The unit today's visit starts with: the last visit's (NULL: none), except
 * IGD, LAB and RANAP, never a default; else by age (Juknis ILP: Klaster 2
 * under 18, Klaster 3 from 18). */
const char *visit_default_unit(const struct visit *last, struct age age);
/* The codes the visit's patient was diagnosed with this month up to the
 * visit's day (any unit), at most max; returns how many, -1 on a read error. */
int diag_month_codes(sqlite3 *db, const struct visit *v, char (*out)[ICD_LEN], int max);


#endif
