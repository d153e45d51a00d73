/* Correcting a patient (include/pkm/patient_edit.h). The per-row audit
 * triggers record the old and new values of the patient and of each visit
 * whose age was recomputed. */
#include "pkm/patient_edit.h"
#include "pkm/date.h"
#include "pkm/db.h"
#include "pkm/visit.h"
#include <stdio.h>
#include <string.h>

/* Does the visit's count move from one age band to another in either layout? */
static int band_moves(const struct age *a, const struct age *b)
{
	return band_of(LAYOUT_KLASIK, a) != band_of(LAYOUT_KLASIK, b) || band_of(LAYOUT_F11, a) != band_of(LAYOUT_F11, b);
}

/* Visits come in date order, so a month is new when it differs from the last. */
static void note_month(struct patient_change *ch, char last[8], const char *day)
{
	char m[8];
	snprintf(m, sizeof m, "%.7s", day);
	if (strcmp(m, last) == 0)
		return;
	str_copy(last, 8, m);
	if (ch->months < CHANGE_MONTHS)
		str_copy(ch->month[ch->months], sizeof ch->month[0], m);
	ch->months++;
}

/* Every visit's stored age from the new birth date. */
static int recompute_ages(sqlite3 *db, const struct patient *p, struct patient_change *ch, struct sbuf *err)
{
	struct date birth;
	if (date_parse(p->tanggal_lahir, &birth) != 0) {
		sb_printf(err, "tanggal lahir tidak sah");
		return -1;
	}
	sqlite3_stmt *st = db_stmt(db, "SELECT id, tanggal, umur_tahun, umur_bulan, umur_hari, umur_total_hari "
				   "FROM kunjungan WHERE pasien_id = ? ORDER BY tanggal, id", err);
	sqlite3_stmt *up = db_stmt(db, "UPDATE kunjungan SET umur_tahun = ?2, umur_bulan = ?3, umur_hari = ?4, "
				   "umur_total_hari = ?5 WHERE id = ?1", err);
	if (!st || !up)
		return -1;
	sqlite3_bind_int64(st, 1, p->id);
	char last[8] = "";
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char day[11];
		db_col_text(st, 1, day, sizeof day);
		struct date d;
		struct age now, was = { sqlite3_column_int(st, 2), sqlite3_column_int(st, 3), sqlite3_column_int(st, 4),
					(long)sqlite3_column_int64(st, 5) };
		if (date_parse(day, &d) != 0 || age_at(birth, d, &now) != 0) {
			sqlite3_reset(st);
			char shown[11];
			sb_printf(err, "pasien sudah berkunjung pada %s, sebelum tanggal lahir yang baru",
				  date_show(day, shown));
			return -1;
		}
		if (now.total_days == was.total_days)
			continue;
		ch->visits++;
		if (band_moves(&now, &was))
			note_month(ch, last, day);
		sqlite3_reset(up);
		sqlite3_bind_int64(up, 1, sqlite3_column_int64(st, 0));
		visit_bind_age(up, 2, &now);
		if (sqlite3_step(up) != SQLITE_DONE) {
			sqlite3_reset(up);
			sqlite3_reset(st);
			return db_fail(err, db, "umur kunjungan tidak tersimpan");
		}
	}
	sqlite3_reset(up);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(err, db, "kunjungan tidak terbaca");
}

static int write_row(sqlite3 *db, const struct patient *p, struct sbuf *err)
{
	sqlite3_stmt *st = db_stmt(db,
		"UPDATE pasien SET no_rm = ?1, nik = ?2, no_bpjs = ?3, nama = ?4, nama_cari = ?5, jenis_kelamin = ?6,"
		" tanggal_lahir = ?7, lahir_perkiraan = ?8, alamat = ?9, desa = ?10, penjamin = ?11, no_hp = ?12,"
		" nama_ibu = ?13, no_kk = ?14, rt_rw = ?15, desa_kode = ?16, desa_luar = ?17 WHERE id = ?18", err);
	if (!st)
		return -1;
	patient_bind(st, p);
	sqlite3_bind_int64(st, 18, p->id);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc == SQLITE_CONSTRAINT_UNIQUE)
		sb_printf(err, strstr(sqlite3_errmsg(db), "nik") ? "NIK %s sudah terdaftar untuk pasien lain"
								 : "No. RM %s sudah dipakai pasien lain",
			  strstr(sqlite3_errmsg(db), "nik") ? p->nik : p->no_rm);
	else
		db_fail(err, db, "pasien tidak tersimpan");
	return -1;
}

int patient_update(sqlite3 *db, const struct patient *p, struct patient_change *ch, struct sbuf *err)
{
	memset(ch, 0, sizeof *ch);
	if (db_begin(db) != 0) {
		sb_printf(err, "%s", db_busy_text(db));
		return -1;
	}
	struct patient old;
	int rc = patient_get(db, p->id, &old) == 1 ? 0 : (sb_printf(err, "pasien tidak ada lagi"), -1);
	if (rc == 0 && (strcmp(old.nama, p->nama) != 0 || strcmp(old.nama_ibu, p->nama_ibu) != 0))
		rc = patient_words(db, &old, 0, err) || patient_words(db, p, 1, err) ? -1 : 0;
	struct patient now = *p;
	/* a village text kept as it was stays "luar wilayah" when it was */
	if (rc == 0 && !now.desa_kode[0] && strcmp(old.desa, now.desa) == 0)
		now.desa_luar |= old.desa_luar;
	if (rc == 0)
		rc = write_row(db, &now, err);
	if (rc == 0 && strcmp(old.tanggal_lahir, p->tanggal_lahir) != 0)
		rc = recompute_ages(db, p, ch, err);
	if (rc == 0 && db_commit(db) != 0)
		rc = db_fail(err, db, "tidak tersimpan");
	if (rc != 0) {
		db_rollback(db);
		memset(ch, 0, sizeof *ch);
	}
	return rc;
}

void patient_change_text(const struct patient_change *ch, char *out, size_t size)
{
	out[0] = '\0';
	if (!ch->visits)
		return;
	struct sbuf s = { 0 };
	sb_printf(&s, "umur di %d kunjungan dihitung ulang", ch->visits);
	if (ch->months) {
		sb_add(&s, "; laporan bulan ");
		for (int i = 0; i < ch->months && i < CHANGE_MONTHS; i++) {
			char m[8];	/* MM-YYYY on screen */
			snprintf(m, sizeof m, "%.2s-%.4s", ch->month[i] + 5, ch->month[i]);
			sb_printf(&s, "%s%s", i ? ", " : "", m);
		}
		if (ch->months > CHANGE_MONTHS)
			sb_printf(&s, " dan %d bulan lain", ch->months - CHANGE_MONTHS);
		sb_add(&s, " berubah");
	} else {
		sb_add(&s, "; kelompok umur di laporan tidak berubah");
	}
	str_copy(out, size, sb_str(&s));
	sb_free(&s);
}
