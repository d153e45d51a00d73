/* The drug master: checks of a row, its save, closing and deleting a drug
 * (include/pkm/drug.h). */
#include "pkm/drug.h"
#include "pkm/date.h"
#include "pkm/db.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int drug_check(sqlite3 *db, const char *kode, const char *nama, const char *satuan, const char *kategori,
	       const char *optimum, struct drug *out, struct field_errors *fe)
{
	struct drug_input in = { kode, nama, satuan, kategori, optimum, NULL, NULL, NULL, NULL };
	return drug_check_input(db, &in, 0, out, fe);
}

/* An optional column of the row: checked when given, its bit set in d->given.
 * The normal form in out; 0 when not given. */
static int optional(sqlite3 *db, const char *column, const char *in, int whole, unsigned bit, char *out,
		    size_t size, struct drug *d, struct field_errors *fe)
{
	out[0] = '\0';
	if (!in || (!whole && !*in))
		return 0;
	d->given |= bit;
	dict_check_field(db, "obat", column, column, in, out, size, fe);
	return 1;
}

/* An outside system's code: never a path nor a character it would refuse. */
static void external_code(const char *column, const char *what, const char *v, struct field_errors *fe)
{
	const char *why = *v && !field_error_for(fe, column) ? code_problem(v) : NULL;
	if (why)
		field_error(fe, column, "%s %s", what, why);
}

int drug_check_input(sqlite3 *db, const struct drug_input *in, int whole, struct drug *out, struct field_errors *fe)
{
	memset(out, 0, sizeof *out);
	fe->n = 0;
	char opt[24], fornas[8], maks[24];
	dict_check_field(db, "obat", "kode", "kode", in->kode, out->kode, sizeof out->kode, fe);
	dict_check_field(db, "obat", "nama", "nama", in->nama, out->nama, sizeof out->nama, fe);
	dict_check_field(db, "obat", "satuan", "satuan", in->satuan, out->satuan, sizeof out->satuan, fe);
	dict_check_field(db, "obat", "kategori", "kategori", in->kategori && *in->kategori ? in->kategori : "OBAT",
			 out->kategori, sizeof out->kategori, fe);
	dict_check_field(db, "obat", "stok_optimum", "stok_optimum", in->optimum, opt, sizeof opt, fe);
	if (!*out->kode && !field_error_for(fe, "kode"))
		field_error(fe, "kode", "wajib diisi");
	out->optimum = -1;
	if (*opt && parse_long(opt, 0, 10000000, &out->optimum) != 0)
		out->optimum = -1;
	optional(db, "kode_pcare", in->kode_pcare, whole, DRUG_GIVEN_PCARE, out->kode_pcare, sizeof out->kode_pcare, out,
		 fe);
	external_code("kode_pcare", "kode P-Care", out->kode_pcare, fe);
	optional(db, "kode_kfa", in->kode_kfa, whole, DRUG_GIVEN_KFA, out->kode_kfa, sizeof out->kode_kfa, out, fe);
	external_code("kode_kfa", "kode KFA", out->kode_kfa, fe);
	out->fornas = 1;
	if (optional(db, "fornas", in->fornas, whole, DRUG_GIVEN_FORNAS, fornas, sizeof fornas, out, fe))
		out->fornas = strcmp(fornas, "0") != 0;
	out->maks_resep = -1;
	if (optional(db, "maks_resep", in->maks_resep, whole, DRUG_GIVEN_MAKS, maks, sizeof maks, out, fe) && *maks &&
	    parse_long(maks, 1, 100000, &out->maks_resep) != 0)
		out->maks_resep = -1;
	return fe->n ? -1 : 0;
}

int drug_put(sqlite3 *db, const struct drug *d, struct sbuf *err)
{
	/* ?10: the optional columns given; those not given keep what is stored */
	sqlite3_stmt *st = db_prepare(db, "INSERT INTO obat (kode, nama, satuan, kategori, stok_optimum, kode_pcare, "
				      "fornas, kode_kfa, maks_resep) VALUES (?1, ?2, ?3, ?4, ?5, ?6, coalesce(?7, 1), ?8, ?9) "
				      "ON CONFLICT (kode) DO UPDATE SET nama = excluded.nama, satuan = excluded.satuan, "
				      "kategori = excluded.kategori, stok_optimum = excluded.stok_optimum, "
				      "kode_pcare = iif(?10 & 1, excluded.kode_pcare, kode_pcare), "
				      "fornas = iif(?10 & 2, excluded.fornas, fornas), "
				      "kode_kfa = iif(?10 & 4, excluded.kode_kfa, kode_kfa), "
				      "maks_resep = iif(?10 & 8, excluded.maks_resep, maks_resep)", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, d->kode, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, d->nama, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, d->satuan, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, d->kategori, -1, SQLITE_STATIC);
	if (d->optimum >= 0)
		sqlite3_bind_int64(st, 5, d->optimum);
	db_bind_text(st, 6, d->kode_pcare, 1);
	if (d->given & DRUG_GIVEN_FORNAS)
		sqlite3_bind_int(st, 7, d->fornas);
	db_bind_text(st, 8, d->kode_kfa, 1);
	if (d->maks_resep > 0)
		sqlite3_bind_int64(st, 9, d->maks_resep);
	sqlite3_bind_int(st, 10, (int)d->given);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		sb_printf(err, "obat %s tidak tersimpan: %s", d->kode, sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Write inside a transaction: commit when `rc` is 0, else roll back. */
static int end_write(sqlite3 *db, int rc, struct sbuf *err)
{
	if (rc == 0 && db_commit(db) != 0)
		rc = db_fail(err, db, "gagal menyimpan");
	if (rc != 0)
		db_rollback(db);
	return rc;
}

static int begin_write(sqlite3 *db, struct sbuf *err)
{
	if (db_begin(db) != 0) {
		sb_printf(err, "%s", db_busy_text(db));
		return -1;
	}
	return 0;
}

int drug_save(sqlite3 *db, const struct drug_input *in, int is_new, struct field_errors *fe, struct sbuf *err)
{
	struct drug d, old;
	if (drug_check_input(db, in, 1, &d, fe) != 0 || begin_write(db, err) != 0)
		return -1;
	int had = drug_get(db, d.kode, &old), rc = -1;
	if (had < 0)
		db_fail(err, db, "daftar obat tidak terbaca");
	else if (is_new && had)
		field_error(fe, "kode", "kode %s sudah dipakai %.60s", d.kode, old.nama);
	else if (!is_new && !had)
		field_error(fe, "kode", "kode obat %s tidak ada di daftar obat", d.kode);
	else
		rc = drug_put(db, &d, err);
	return end_write(db, rc, err);
}

int drug_has_history(sqlite3 *db, const char *kode)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT EXISTS (SELECT 1 FROM batch WHERE obat = ?1) OR "
				   "EXISTS (SELECT 1 FROM resep WHERE obat = ?1 OR obat_beri = ?1)", NULL);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, kode, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st), has = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_reset(st);
	return has;
}

/* Read the drug inside the write begun: 1 when it is there, else why in err
 * (the write rolled back). */
static int drug_there(sqlite3 *db, const char *kode, struct drug *d, struct sbuf *err)
{
	int rc = drug_get(db, kode, d);
	if (rc == 0)
		sb_printf(err, "kode obat %.24s tidak ada di daftar obat", kode);
	else if (rc < 0)
		db_fail(err, db, "daftar obat tidak terbaca");
	if (rc != 1)
		db_rollback(db);
	return rc == 1;
}

int drug_close(sqlite3 *db, const char *kode, const char *day, struct sbuf *err)
{
	struct drug d;
	if (begin_write(db, err) != 0 || !drug_there(db, kode, &d, err))
		return -1;
	if (day && d.ditutup[0]) {
		char shown[11];
		sb_printf(err, "%.60s sudah ditutup sejak %s", d.nama, date_show(d.ditutup, shown));
		db_rollback(db);
		return -1;
	}
	if (!day && !d.ditutup[0]) {
		sb_printf(err, "%.60s tidak ditutup", d.nama);
		db_rollback(db);
		return -1;
	}
	sqlite3_stmt *st = db_stmt(db, "UPDATE obat SET ditutup = ? WHERE kode = ?", err);
	int rc = -1;
	if (st) {
		db_bind_text(st, 1, day, 1);
		sqlite3_bind_text(st, 2, d.kode, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(err, db, "obat tidak tersimpan");
		sqlite3_reset(st);
	}
	return end_write(db, rc, err);
}

int drug_delete(sqlite3 *db, const char *kode, struct sbuf *err)
{
	struct drug d;
	if (begin_write(db, err) != 0 || !drug_there(db, kode, &d, err))
		return -1;
	int has = drug_has_history(db, d.kode), rc = -1;
	if (has < 0)
		db_fail(err, db, "riwayat obat tidak terbaca");
	else if (has)
		sb_printf(err, "%.60s sudah punya batch atau resep: tutup obat ini, riwayatnya tidak dihapus", d.nama);
	else {
		sqlite3_stmt *st = db_stmt(db, "DELETE FROM obat WHERE kode = ?", err);
		if (st) {
			sqlite3_bind_text(st, 1, d.kode, -1, SQLITE_STATIC);
			rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(err, db, "obat tidak terhapus");
			sqlite3_reset(st);
		}
	}
	return end_write(db, rc, err);
}

long drug_max_per_resep(const struct drug *d, long fallback) { return d->maks_resep > 0 ? d->maks_resep : fallback; }
