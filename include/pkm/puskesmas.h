/* The puskesmas' identity that reports print: nama, kode, alamat, kecamatan,
 * kabupaten/kota, the head and the reporting officer with their NIP. It lives
 * in table puskesmas (db/027, one row shared by every desk); until that row is
 * saved, [puskesmas] of pkm.ini is the identity (and what the first form
 * starts with), so a configuration that names the puskesmas keeps working.
 * Reports read it from struct pkm_config. */
#ifndef PKM_PUSKESMAS_H
#define PKM_PUSKESMAS_H
#include <sqlite3.h>
#include "pkm/config.h"
#include "pkm/dict.h"

enum { PKM_ID_FIELDS = 9 };

/* The fields in order: column of table puskesmas (= kamus kolom = pkm.ini key)
 * and where struct pkm_config keeps it. */
struct puskesmas_field {
	const char *column;
	size_t off, size;
};
extern const struct puskesmas_field puskesmas_fields[PKM_ID_FIELDS];

/* One value per field, in the order of puskesmas_fields. */
struct puskesmas {
	char v[PKM_ID_FIELDS][192];
};

/* The field's value in a configuration. */
const char *puskesmas_cfg_value(const struct pkm_config *cfg, int field);
/* What the database holds: 1 with the row, 0 when none is saved yet (every
 * value ""), -1 with the reason in err. */
int puskesmas_read(sqlite3 *db, struct puskesmas *p, struct sbuf *err);
/* The saved row, when there is one, over the configuration's identity. 0 or -1 (err). */
int puskesmas_load(sqlite3 *db, struct pkm_config *cfg, struct sbuf *err);
/* What a form starts with: the configuration's values (after puskesmas_load). */
void puskesmas_from_cfg(const struct pkm_config *cfg, struct puskesmas *p);
/* NIP of an ASN: 18 digits (birth date, TMT, sex, number). NULL or why. */
const char *puskesmas_nip_problem(const char *nip);
/* Kemenkes puskesmas code: P and 10 digits. NULL or why. */
const char *puskesmas_kode_problem(const char *kode);
/* Check every value (the dictionary's rules, then kode and NIP), normalise it
 * in place (kode upper-case, spaces trimmed); problems go in fe under the
 * column's name. 0 when all are fine. */
int puskesmas_check(sqlite3 *db, struct puskesmas *p, struct field_errors *fe);
/* Check and store the row in one write transaction; on success the values go
 * into cfg too. 0, or -1 (fe and/or err). */
int puskesmas_save(sqlite3 *db, struct puskesmas *p, struct pkm_config *cfg, struct field_errors *fe,
		   struct sbuf *err);
/* The labels of the fields a printed report needs and cfg lacks, ", "-joined
 * into out ("" when complete); returns how many. A nama still the default
 * "PUSKESMAS" counts as missing. */
int puskesmas_missing(sqlite3 *db, const struct pkm_config *cfg, struct sbuf *out);

#endif
