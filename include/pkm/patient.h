/* Patients: validation of what was typed or imported, No. RM, search and the
 * possible-duplicate check of README domain rule 6. */
#ifndef PKM_PATIENT_H
#define PKM_PATIENT_H
#include <sqlite3.h>
#include "pkm/date.h"
#include "pkm/dict.h"
#include "pkm/util.h"

struct patient {
	long id;
	char no_rm[24], nik[20], no_bpjs[16];
	char nama[256];	/* 100 characters, accented ones taking 2 bytes */
	char sex;			/* 'L' or 'P' */
	char tanggal_lahir[11];
	int lahir_perkiraan;
	char alamat[384], desa[128], penjamin[24];
	char no_hp[16], no_kk[20], rt_rw[8];
	char nama_ibu[256];	/* babies and children are found by it */
	char desa_kode[11];	/* the village master's code of desa, "" when none (pkm/desa.h) */
	int desa_luar;		/* desa typed as outside the working area */
};

/* Raw text as typed or read from a CSV file. */
struct patient_input {
	const char *no_rm, *nik, *no_bpjs, *nama, *jenis_kelamin, *tanggal_lahir, *umur;
	const char *alamat, *desa, *penjamin;
	const char *no_hp, *nama_ibu, *no_kk, *rt_rw;
	int desa_luar;	/* a desa not in the village master was confirmed as outside the area */
};

/* Validate and normalise. Returns 0 when `out` may be saved. `warning` receives a
 * NIK mismatch warning (saving is still allowed). */
int patient_check(sqlite3 *db, const struct patient_input *in, struct patient *out,
		  struct field_errors *fe, char *warning, size_t wsize);
/* The next free No. RM of the series (inside the caller's write transaction):
 * its serial, -1 on error. */
long patient_next_rm(sqlite3 *db, char *no_rm, size_t size);
/* Insert inside the caller's transaction; assigns a No. RM when none is given. */
int patient_insert(sqlite3 *db, struct patient *p, struct sbuf *err);
/* The 17 columns a patient is written with, in patient_bind's order: for the
 * INSERT, the UPDATE and the import's staging table alike. */
#define PATIENT_WRITTEN "no_rm, nik, no_bpjs, nama, nama_cari, jenis_kelamin, tanggal_lahir, lahir_perkiraan," \
			" alamat, desa, penjamin, no_hp, nama_ibu, no_kk, rt_rw, desa_kode, desa_luar"
/* Bind the written columns as ?1..?17. */
void patient_bind(sqlite3_stmt *st, const struct patient *p);
/* The columns patient_read reads, in its order, from pasien or a table of
 * the same column names. */
#define PATIENT_COLS "id, no_rm, coalesce(nik,''), coalesce(no_bpjs,''), nama, jenis_kelamin," \
		     " tanggal_lahir, lahir_perkiraan, alamat, desa, penjamin, no_hp, nama_ibu, coalesce(no_kk,''), rt_rw," \
		     " coalesce(desa_kode,''), desa_luar"
void patient_read(sqlite3_stmt *st, struct patient *p);
/* patient_insert in its own BEGIN IMMEDIATE transaction. */
int patient_save_new(sqlite3 *db, struct patient *p, struct sbuf *err);

/* 1 found, 0 not found, -1 error. */
int patient_get(sqlite3 *db, long id, struct patient *p);
int patient_by_nik(sqlite3 *db, const char *nik, struct patient *p);
int patient_by_rm(sqlite3 *db, const char *no_rm, struct patient *p);

/* As-you-type search by No. RM, NIK, No. BPJS, name words and a birth date
 * (DD-MM-YYYY or YYYY-MM-DD); "ibu <words>" searches the mother's name (a baby
 * found by its mother). Returns the number found (at most max). These lists,
 * like every list of rows in pkm, return -1 when the rows could not be read
 * to their end: a short list is never shown as if it were whole. */
int patient_search(sqlite3 *db, const char *query, struct patient *out, int max);
/* patient_search for a list of max (the screen's and `pkm pasien cari`): up
 * to max into out, and in `said` how many matched ("12 pasien cocok", "lebih
 * dari 200 pasien cocok: ..."). out holds max + 1: the one more found tells
 * "more than max" (no second list of 200 records at a desk). The number
 * listed, -1 when unreadable. */
int patient_list(sqlite3 *db, const char *query, struct patient *out, int max, char *said, size_t size);
/* Same name and birth date, or same No. BPJS. */
int patient_duplicates(sqlite3 *db, const struct patient *p, struct patient *out, int max);
/* The search words of a patient's name and mother's name in pasien_kata:
 * added (add 1) or taken away (add 0), inside the caller's transaction. */
int patient_words(sqlite3 *db, const struct patient *p, int add, struct sbuf *err);
/* Upper-case, single-spaced form of a name used for searching. */
void patient_search_name(const char *nama, char *out, size_t size);

#endif
