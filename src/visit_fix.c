/* Correcting or cancelling a visit (include/pkm/visit_fix.h). */
#include "pkm/visit_fix.h"
#include "pkm/db.h"
#include "pkm/dict.h"
#include <stdio.h>
#include <string.h>

/* One UPDATE of visit ?1 setting text ?2 (and number ?3 when it has one);
 * -1 with err on failure. */
static int run(sqlite3 *db, const char *sql, long id, const char *text, int number, struct sbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_bind_parameter_count(st) >= 3)
		sqlite3_bind_int(st, 3, number);
	sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_CONSTRAINT_UNIQUE) {
		sb_printf(err, "pasien itu sudah punya kunjungan di unit ini pada hari yang sama");
		return -1;
	}
	return rc == SQLITE_DONE ? 0 : db_fail(err, db, "kunjungan tidak tersimpan");
}

/* Another unit: a new number there, the old one kept taken. */
static int move_unit(sqlite3 *db, const struct visit *v, const char *unit, struct sbuf *done, struct sbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT OR IGNORE INTO antrian_lepas (tanggal, unit, no_antrian) "
				   "SELECT tanggal, unit, no_antrian FROM kunjungan WHERE id = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, v->id);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(err, db, "nomor antrian tidak tersimpan");
	struct date day;
	int next = date_parse(v->tanggal, &day) == 0 ? visit_next_queue(db, day, unit) : -1;
	if (next < 0)
		return db_fail(err, db, "nomor antrian tidak terbaca");
	if (run(db, "UPDATE kunjungan SET unit = ?2, no_antrian = ?3 WHERE id = ?1", v->id, unit, next, err) != 0)
		return -1;
	struct visit now;
	if (visit_get(db, v->id, &now) != 1)
		return db_fail(err, db, "kunjungan tidak terbaca");
	sb_printf(done, "%sunit %s, antrian %d", done->len ? "; " : "", unit, now.no_antrian);
	return 0;
}

/* The right patient: the visit's ages from that patient's birth date. */
static int move_patient(sqlite3 *db, const struct visit *v, const struct patient *p, struct sbuf *done,
			struct sbuf *err)
{
	struct date birth, day;
	struct age age;
	if (date_parse(p->tanggal_lahir, &birth) != 0 || date_parse(v->tanggal, &day) != 0 ||
	    age_at(birth, day, &age) != 0) {
		sb_printf(err, "kunjungan ini sebelum tanggal lahir %s", p->nama);
		return -1;
	}
	sqlite3_stmt *st = db_stmt(db, "UPDATE kunjungan SET pasien_id = ?2, umur_tahun = ?3, umur_bulan = ?4, "
				   "umur_hari = ?5, umur_total_hari = ?6 WHERE id = ?1", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, v->id);
	sqlite3_bind_int64(st, 2, p->id);
	visit_bind_age(st, 3, &age);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_CONSTRAINT_UNIQUE) {
		sb_printf(err, "%s sudah punya kunjungan di unit ini pada hari yang sama", p->nama);
		return -1;
	}
	if (rc != SQLITE_DONE)
		return db_fail(err, db, "kunjungan tidak tersimpan");
	sb_printf(done, "%sdipindah ke %s (No. RM %s)", done->len ? "; " : "", p->nama, p->no_rm);
	return 0;
}

/* Check what was typed; 0 when it may be written. */
static int check(sqlite3 *db, const struct visit *v, const struct visit_fix *in, char unit[24], char payer[24],
		 char batal[256], struct patient *p, struct field_errors *fe, struct sbuf *err)
{
	char rm[32];
	dict_check_field(db, "kunjungan", "unit", "unit", in->unit, unit, 24, fe);
	dict_check_field(db, "kunjungan", "penjamin", "penjamin", in->penjamin, payer, 24, fe);
	dict_check_field(db, "kunjungan", "batal", "batal", in->batal, batal, 256, fe);
	dict_check_field(db, "pasien", "no_rm", "no_rm", in->no_rm, rm, sizeof rm, fe);
	if (!field_error_for(fe, "no_rm") && patient_by_rm(db, rm, p) != 1)
		field_error(fe, "no_rm", "tidak ada pasien dengan No. RM %s", rm);
	if (!field_error_for(fe, "batal") && batal[0] && strlen(batal) < 3)
		field_error(fe, "batal", "tulis alasannya (paling sedikit 3 huruf)");
	if (fe->n)
		return -1;
	if (batal[0] && (strcmp(unit, v->unit) || strcmp(payer, v->penjamin) || p->id != v->pasien_id)) {
		sb_printf(err, "batalkan, atau ubah unit/penjamin/pasien: tidak keduanya sekaligus");
		return -1;
	}
	if (!field_error_for(fe, "penjamin") && !p->no_bpjs[0] && dict_payer_needs_bpjs(db, payer))
		field_error(fe, "penjamin", "pasien belum punya No. BPJS: pilih penjamin lain atau lengkapi data pasien");
	long dispensed = 0;
	sqlite3_stmt *st = db_stmt(db, "SELECT count(*) FROM resep WHERE kunjungan_id = ? AND diberi > 0", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, v->id);
	if (sqlite3_step(st) == SQLITE_ROW)
		dispensed = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (dispensed) {	/* the stock card already names this visit's patient and day */
		sb_printf(err, "%ld obat resep kunjungan ini sudah (sebagian) diserahkan dan tercatat di kartu stok: "
			  "kunjungan tidak dapat diubah atau dibatalkan", dispensed);
		return -1;
	}
	return fe->n ? -1 : 0;
}

/* check() of a visit not yet cancelled. */
static int check_open(sqlite3 *db, const struct visit *v, const struct visit_fix *in, char unit[24], char payer[24],
		      char batal[256], struct patient *p, struct field_errors *fe, struct sbuf *err)
{
	if (v->batal[0]) {
		sb_printf(err, "kunjungan ini sudah dibatalkan (%s); daftarkan lagi untuk memulihkannya", v->batal);
		return -1;
	}
	return check(db, v, in, unit, payer, batal, p, fe, err);
}

static int apply(sqlite3 *db, const struct visit *v, const struct visit_fix *in, struct field_errors *fe,
		 struct sbuf *done, struct sbuf *err)
{
	char unit[24], payer[24], batal[256];
	struct patient p;
	if (check_open(db, v, in, unit, payer, batal, &p, fe, err) != 0)
		return -1;
	if (batal[0]) {
		if (run(db, "UPDATE kunjungan SET batal = ?2 WHERE id = ?1", v->id, batal, 0, err) != 0)
			return -1;
		sb_printf(done, "dibatalkan: %s", batal);
		return 0;
	}
	if (strcmp(payer, v->penjamin) != 0) {
		if (run(db, "UPDATE kunjungan SET penjamin = ?2 WHERE id = ?1", v->id, payer, 0, err) != 0)
			return -1;
		sb_printf(done, "penjamin %s", payer);
	}
	if (strcmp(unit, v->unit) != 0 && move_unit(db, v, unit, done, err) != 0)
		return -1;
	if (p.id != v->pasien_id && move_patient(db, v, &p, done, err) != 0)
		return -1;
	if (!done->len)
		sb_add(done, "tidak ada yang berubah");
	return 0;
}

int visit_fix_check(sqlite3 *db, long visit_id, const struct visit_fix *in, struct field_errors *fe, struct sbuf *err)
{
	char unit[24], payer[24], batal[256];
	struct patient p;
	struct visit v;
	fe->n = 0;
	if (visit_get(db, visit_id, &v) != 1) {
		sb_printf(err, "kunjungan tidak ada lagi");
		return -1;
	}
	return check_open(db, &v, in, unit, payer, batal, &p, fe, err);
}

int visit_fix_moves_to(sqlite3 *db, const struct visit *v, const char *no_rm, struct patient *p)
{
	char rm[32];
	struct field_errors fe = { 0 };
	dict_check_field(db, "pasien", "no_rm", "no_rm", no_rm, rm, sizeof rm, &fe);
	if (fe.n)
		return 0;
	int found = patient_by_rm(db, rm, p);
	return found == 1 ? p->id != v->pasien_id : found;
}

int visit_correct(sqlite3 *db, long visit_id, const struct visit_fix *in, struct field_errors *fe,
		  struct sbuf *done, struct sbuf *err)
{
	fe->n = 0;
	if (db_begin(db) != 0) {
		sb_printf(err, "%s", db_busy_text(db));
		return -1;
	}
	struct visit v;
	int rc = visit_get(db, visit_id, &v) == 1 ? apply(db, &v, in, fe, done, err)
						  : (sb_printf(err, "kunjungan tidak ada lagi"), -1);
	if (rc == 0 && db_commit(db) != 0)
		rc = db_fail(err, db, "tidak tersimpan");
	if (rc != 0) {
		db_rollback(db);
		sb_reset(done);
	}
	return rc;
}
