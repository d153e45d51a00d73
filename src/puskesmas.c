/* The puskesmas' identity: table puskesmas over [puskesmas] of pkm.ini. */
#include "pkm/puskesmas.h"
#include "pkm/db.h"
#include <stddef.h>
#include <string.h>

#define PF(col, field) { col, offsetof(struct pkm_config, field), sizeof(((struct pkm_config *)0)->field) }
const struct puskesmas_field puskesmas_fields[PKM_ID_FIELDS] = {
	PF("nama", nama),	PF("kode", kode),	PF("alamat", alamat),
	PF("kecamatan", kecamatan), PF("kabupaten", kabupaten), PF("kepala", kepala),
	PF("nip_kepala", nip_kepala), PF("petugas", petugas), PF("nip_petugas", nip_petugas),
};

const char *puskesmas_cfg_value(const struct pkm_config *cfg, int field)
{
	return (const char *)cfg + puskesmas_fields[field].off;
}

/* The row is the whole identity: a field emptied there is empty in print. */
static void put_cfg(struct pkm_config *cfg, const struct puskesmas *p)
{
	for (int i = 0; i < PKM_ID_FIELDS; i++)
		str_copy((char *)cfg + puskesmas_fields[i].off, puskesmas_fields[i].size, p->v[i]);
}

int puskesmas_read(sqlite3 *db, struct puskesmas *p, struct sbuf *err)
{
	memset(p, 0, sizeof *p);
	sqlite3_stmt *st = db_stmt(db, "SELECT nama, kode, alamat, kecamatan, kabupaten, kepala, nip_kepala, petugas, "
				   "nip_petugas FROM puskesmas WHERE id = 1", err);
	if (!st)
		return -1;
	int rc = sqlite3_step(st), found = rc == SQLITE_ROW;
	if (found) {
		for (int i = 0; i < PKM_ID_FIELDS; i++)
			db_col_text(st, i, p->v[i], sizeof p->v[i]);
		rc = sqlite3_step(st);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(err, db, "identitas puskesmas tidak terbaca");
	return found;
}

int puskesmas_load(sqlite3 *db, struct pkm_config *cfg, struct sbuf *err)
{
	struct puskesmas p;
	int found = puskesmas_read(db, &p, err);
	if (found == 1)
		put_cfg(cfg, &p);
	return found < 0 ? -1 : 0;
}

void puskesmas_from_cfg(const struct pkm_config *cfg, struct puskesmas *p)
{
	memset(p, 0, sizeof *p);
	for (int i = 0; i < PKM_ID_FIELDS; i++)
		str_copy(p->v[i], sizeof p->v[i], puskesmas_cfg_value(cfg, i));
	if (strcmp(p->v[0], "PUSKESMAS") == 0)	/* the default, not a name */
		p->v[0][0] = '\0';
}

static int all_digits(const char *s)
{
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

const char *puskesmas_nip_problem(const char *nip)
{
	if (!*nip)
		return NULL;
	if (strlen(nip) != 18 || !all_digits(nip))
		return "NIP harus 18 angka tanpa spasi, mis. 198503122010012003";
	/* the first eight are the birth date YYYYMMDD */
	int m = (nip[4] - '0') * 10 + (nip[5] - '0'), d = (nip[6] - '0') * 10 + (nip[7] - '0');
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return "NIP tidak sah: 8 angka pertama adalah tanggal lahir (TTTTBBHH)";
	return NULL;
}

const char *puskesmas_kode_problem(const char *kode)
{
	if (!*kode)
		return NULL;
	if (strlen(kode) != 11 || kode[0] != 'P' || !all_digits(kode + 1))
		return "kode puskesmas Kemenkes adalah huruf P dan 10 angka, mis. P3204100101";
	return NULL;
}

int puskesmas_check(sqlite3 *db, struct puskesmas *p, struct field_errors *fe)
{
	int before = fe->n;
	for (int i = 0; i < PKM_ID_FIELDS; i++) {
		const char *col = puskesmas_fields[i].column;
		char out[sizeof p->v[i]];
		str_trim(p->v[i]);
		int had = fe->n;
		dict_check_field(db, "puskesmas", col, col, p->v[i], out, sizeof out, fe);
		if (fe->n > had)
			continue;
		str_copy(p->v[i], sizeof p->v[i], out);
		if (strlen(p->v[i]) >= puskesmas_fields[i].size)	/* many multi-byte letters */
			field_error(fe, col, "%s terlalu panjang (huruf beraksen makan tempat dua)",
				    dict_find(db, "puskesmas", col)->label);
	}
	str_upper(p->v[1]);
	const char *why = puskesmas_kode_problem(p->v[1]);
	if (why)
		field_error(fe, "kode", "%s", why);
	for (int i = 6; i <= 8; i += 2)
		if ((why = puskesmas_nip_problem(p->v[i])))
			field_error(fe, puskesmas_fields[i].column, "%s", why);
	return fe->n > before ? -1 : 0;
}

int puskesmas_save(sqlite3 *db, struct puskesmas *p, struct pkm_config *cfg, struct field_errors *fe,
		   struct sbuf *err)
{
	if (puskesmas_check(db, p, fe) != 0)
		return -1;
	if (db_begin(db) != 0) {
		sb_printf(err, "%s", db_busy_text(db));
		return -1;
	}
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO puskesmas (id, nama, kode, alamat, kecamatan, kabupaten, kepala, "
				   "nip_kepala, petugas, nip_petugas) VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
				   "ON CONFLICT (id) DO UPDATE SET nama = ?1, kode = ?2, alamat = ?3, kecamatan = ?4, "
				   "kabupaten = ?5, kepala = ?6, nip_kepala = ?7, petugas = ?8, nip_petugas = ?9", err);
	int rc = -1;
	if (st) {
		for (int i = 0; i < PKM_ID_FIELDS; i++)
			sqlite3_bind_text(st, i + 1, p->v[i], -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(err, db, "identitas puskesmas tidak tersimpan");
		sqlite3_reset(st);
	}
	if (rc == 0 && db_commit(db) != 0)
		rc = db_fail(err, db, "identitas puskesmas tidak tersimpan");
	if (rc != 0) {
		db_rollback(db);
		return -1;
	}
	put_cfg(cfg, p);
	return 0;
}

int puskesmas_missing(sqlite3 *db, const struct pkm_config *cfg, struct sbuf *out)
{
	struct puskesmas p;
	puskesmas_from_cfg(cfg, &p);
	int n = 0;
	for (int i = 0; i < PKM_ID_FIELDS; i++) {
		if (p.v[i][0])
			continue;
		const struct column_def *c = dict_find(db, "puskesmas", puskesmas_fields[i].column);
		sb_printf(out, "%s%s", n++ ? ", " : "", c ? c->label : puskesmas_fields[i].column);
	}
	return n;
}
