#include "pkm/tindakan.h"
#include "pkm/db.h"
#include "pkm/kode.h"
#include <string.h>

/* Run one statement on (visit, code[, text]) as a save of its own: the rows it
 * changed, or -1 with err. */
static int save_one(sqlite3 *db, const char *sql, long visit, const char *code, const char *text, struct sbuf *err)
{
	if (db_begin(db) != 0) {
		sb_printf(err, "%s", db_busy_text(db));
		return -1;
	}
	sqlite3_stmt *st = db_prepare(db, sql, err);
	int changed = -1;
	if (st) {
		sqlite3_bind_int64(st, 1, visit);
		sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
		if (text)
			sqlite3_bind_text(st, 3, text, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_DONE)
			changed = sqlite3_changes(db);
		else
			sb_printf(err, "tindakan tidak tersimpan: %s", sqlite3_errmsg(db));
		sqlite3_finalize(st);
	}
	if (changed < 0 || db_commit(db) != 0) {
		if (changed >= 0)
			sb_printf(err, "gagal menyimpan: %s", sqlite3_errmsg(db));
		db_rollback(db);
		return -1;
	}
	return changed;
}

int tindakan_add(sqlite3 *db, long kunjungan_id, const char *icd9, const char *keterangan, struct field_errors *fe,
		 struct sbuf *err)
{
	fe->n = 0;
	char code[8], note[104];
	struct kode_entry e;
	if (icd9_normalize(icd9 ? icd9 : "", code) != 0)
		field_error(fe, "icd9", "kode ICD-9-CM tidak sah: '%.16s' (contoh: 86.59)", icd9 ? icd9 : "");
	else if (kode_get(db, KODE_ICD9, code, &e) != 1)
		field_error(fe, "icd9", "kode %s tidak ada di daftar ICD-9-CM (pkm impor icd9)", code);
	dict_check_field(db, "tindakan", "keterangan", "keterangan", keterangan ? keterangan : "", note, sizeof note, fe);
	if (fe->n)
		return -1;
	int n = save_one(db, "INSERT INTO tindakan (kunjungan_id, icd9, keterangan) VALUES (?1, ?2, ?3) "
			     "ON CONFLICT (kunjungan_id, icd9) DO NOTHING", kunjungan_id, code, note, err);
	if (n == 0)
		field_error(fe, "icd9", "%s %s sudah dicatat pada kunjungan ini", code, e.nama);
	return n == 1 ? 0 : -1;
}

int tindakan_remove(sqlite3 *db, long kunjungan_id, const char *icd9, struct sbuf *err)
{
	char code[8];
	if (icd9_normalize(icd9, code) != 0) {
		sb_printf(err, "kode ICD-9-CM tidak sah: '%.16s'", icd9);
		return -1;
	}
	int n = save_one(db, "DELETE FROM tindakan WHERE kunjungan_id = ?1 AND icd9 = ?2", kunjungan_id, code, NULL, err);
	if (n == 0)
		sb_printf(err, "tindakan %s tidak ada pada kunjungan ini", code);
	return n == 1 ? 0 : -1;
}

int tindakan_list(sqlite3 *db, long kunjungan_id, struct tindakan_row *out, int max)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT t.icd9, i.nama, t.keterangan FROM tindakan t JOIN icd9 i ON i.kode = t.icd9 "
				      "WHERE t.kunjungan_id = ?1 ORDER BY t.id LIMIT ?2", NULL);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, kunjungan_id);
	sqlite3_bind_int(st, 2, max);
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		db_col_text(st, 0, out[n].icd9, sizeof out[n].icd9);
		db_col_text(st, 1, out[n].nama, sizeof out[n].nama);
		db_col_text(st, 2, out[n].keterangan, sizeof out[n].keterangan);
		n++;
	}
	sqlite3_finalize(st);
	return db_rows(rc, n);
}
