/* The rest of a visit's record read for its Bundle (inside fhir_load's
 * snapshot): prescription lines and their dispensings, procedures, allergies,
 * vaccine doses, the external referral, and what the platform has of them
 * that the visit no longer holds (sent again as entered-in-error). */
#include "pkm/fhir.h"
#include "pkm/db.h"
#include "pkm/outbox.h"
#include <stdlib.h>
#include <string.h>

static struct fhir_res *add(struct fhir_visit *v, const char *type)
{
	v->res = xrealloc(v->res, (size_t)(v->n_res + 1) * sizeof *v->res);
	struct fhir_res *r = &v->res[v->n_res++];
	memset(r, 0, sizeof *r);
	r->type = type;
	return r;
}

/* A drug without its KFA code: named once in the waiting reason. */
static void wait_kfa(struct fhir_visit *v, const char *drug)
{
	size_t n = strlen(v->wait);
	if (strstr(v->wait, drug))
		return;
	if (!n)
		snprintf(v->wait, sizeof v->wait, "obat belum punya kode KFA (isi di daftar obat): %s", drug);
	else if (n + strlen(drug) + 3 < sizeof v->wait)
		snprintf(v->wait + n, sizeof v->wait - n, ", %s", drug);
}

static int lines(sqlite3 *db, struct fhir_visit *v, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT r.id, coalesce(o.kode_kfa, ''), o.nama, coalesce(f.nama, o.nama), coalesce(f.bentuk, ''), r.signa, "
		"o.satuan, r.jumlah, unixepoch(coalesce(r.dibuat, k.dibuat)), coalesce(g.nik, ''), "
		"CASE WHEN r.tutup IS NOT NULL AND r.diberi = 0 THEN 'cancelled' "
		"WHEN r.tutup IS NOT NULL OR r.diberi >= coalesce(r.jumlah_beri, r.jumlah) THEN 'completed' ELSE 'active' END, "
		"coalesce(b.kode_kfa, ''), b.nama "
		"FROM resep r JOIN kunjungan k ON k.id = r.kunjungan_id JOIN obat o ON o.kode = r.obat "
		"JOIN obat b ON b.kode = coalesce(r.obat_beri, r.obat) LEFT JOIN kfa f ON f.kode = o.kode_kfa "
		"LEFT JOIN pengguna g ON g.id = r.penulis WHERE r.kunjungan_id = ? ORDER BY r.id", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, v->id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *kfa = (const char *)sqlite3_column_text(st, 1);
		const char *given = (const char *)sqlite3_column_text(st, 11);
		if (!*kfa || !*given) {	/* the line and its dispensings wait; the rest goes */
			wait_kfa(v, (const char *)sqlite3_column_text(st, *kfa ? 12 : 2));
			continue;
		}
		struct fhir_res *r = add(v, "MedicationRequest");
		r->number = sqlite3_column_int64(st, 0);
		snprintf(r->key, sizeof r->key, "%ld|%s", r->number, kfa);
		db_col_text(st, 1, r->code, sizeof r->code);
		db_col_text(st, 3, r->display, sizeof r->display);
		db_col_text(st, 4, r->kind, sizeof r->kind);
		db_col_text(st, 5, r->text, sizeof r->text);
		db_col_text(st, 6, r->unit, sizeof r->unit);
		r->qty = sqlite3_column_int64(st, 7);
		r->when = sqlite3_column_int64(st, 8);
		db_col_text(st, 9, r->nik, sizeof r->nik);
		db_col_text(st, 10, r->status, sizeof r->status);
	}
	return db_finish(db, st, rc, err);
}

/* Each dispensing of a line: the movements the counter wrote at one save
 * (one per batch it took from). */
static int dispensings(sqlite3 *db, struct fhir_visit *v, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT m.resep_id, min(m.id), -sum(m.jumlah), unixepoch(min(m.dibuat)), coalesce(max(g.nik), ''), "
		"b.kode_kfa, coalesce(f.nama, b.nama), coalesce(f.bentuk, ''), coalesce(nullif(r.signa_beri, ''), r.signa), "
		"b.satuan, coalesce(o.kode_kfa, '') "
		"FROM resep r JOIN mutasi m ON m.resep_id = r.id AND m.jenis = 'PAKAI' JOIN obat o ON o.kode = r.obat "
		"JOIN obat b ON b.kode = coalesce(r.obat_beri, r.obat) LEFT JOIN kfa f ON f.kode = b.kode_kfa "
		"LEFT JOIN pengguna g ON g.id = m.penyerah WHERE r.kunjungan_id = ? "
		"GROUP BY m.resep_id, m.dibuat ORDER BY 1, 2", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, v->id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *kfa = (const char *)sqlite3_column_text(st, 5);
		if (!kfa || !*kfa || !*(const char *)sqlite3_column_text(st, 10))
			continue;	/* its line waits */
		struct fhir_res *r = add(v, "MedicationDispense");
		r->number = sqlite3_column_int64(st, 0);
		snprintf(r->key, sizeof r->key, "%ld-%lld|%s", r->number, sqlite3_column_int64(st, 1), kfa);
		r->qty = sqlite3_column_int64(st, 2);
		r->when = sqlite3_column_int64(st, 3);
		db_col_text(st, 4, r->nik, sizeof r->nik);
		db_col_text(st, 5, r->code, sizeof r->code);
		db_col_text(st, 6, r->display, sizeof r->display);
		db_col_text(st, 7, r->kind, sizeof r->kind);
		db_col_text(st, 8, r->text, sizeof r->text);
		db_col_text(st, 9, r->unit, sizeof r->unit);
		str_copy(r->status, sizeof r->status, "completed");
	}
	return db_finish(db, st, rc, err);
}

static int procedures(sqlite3 *db, struct fhir_visit *v, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT t.icd9, coalesce(i.nama, t.icd9), t.keterangan FROM tindakan t "
					  "LEFT JOIN icd9 i ON i.kode = t.icd9 WHERE t.kunjungan_id = ? ORDER BY t.id", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, v->id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct fhir_res *r = add(v, "Procedure");
		db_col_text(st, 0, r->code, sizeof r->code);
		snprintf(r->key, sizeof r->key, "%s|%s", r->code, r->code);
		db_col_text(st, 1, r->display, sizeof r->display);
		db_col_text(st, 2, r->text, sizeof r->text);
		r->when = v->started;
	}
	return db_finish(db, st, rc, err);
}

/* The allergies recorded at this visit (a patient's allergy is sent once,
 * with the visit it was recorded at, and updated there when it changes). */
static int allergies(sqlite3 *db, struct fhir_visit *v, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT a.id, coalesce(o.kode_kfa, a.alergen, ''), coalesce(o.nama, n.nama), coalesce(n.kategori, 'medication'), "
		"a.reaksi, a.status, unixepoch(a.dicatat), coalesce(g.nik, '') FROM alergi a "
		"LEFT JOIN obat o ON o.kode = a.obat LEFT JOIN alergen n ON n.kode = a.alergen "
		"LEFT JOIN pengguna g ON g.id = a.pencatat WHERE a.kunjungan_id = ? ORDER BY a.id", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, v->id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!*(const char *)sqlite3_column_text(st, 1)) {
			wait_kfa(v, (const char *)sqlite3_column_text(st, 2));
			continue;
		}
		struct fhir_res *r = add(v, "AllergyIntolerance");
		db_col_text(st, 1, r->code, sizeof r->code);
		snprintf(r->key, sizeof r->key, "%lld|%s", sqlite3_column_int64(st, 0), r->code);
		db_col_text(st, 2, r->display, sizeof r->display);
		db_col_text(st, 3, r->kind, sizeof r->kind);
		db_col_text(st, 4, r->text, sizeof r->text);
		db_col_text(st, 5, r->status, sizeof r->status);
		r->when = sqlite3_column_int64(st, 6);
		db_col_text(st, 7, r->nik, sizeof r->nik);
	}
	return db_finish(db, st, rc, err);
}

/* Each dose the imunisasi form records, by vaksin_kfa's column and value,
 * with the batch number written for that vaccine (031) and no other. */
static int doses(sqlite3 *db, struct fhir_visit *v, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT x.kolom, x.nilai, x.kode_kfa, x.nama, x.dosis, x.alasan, "
					  "CASE x.kolom WHEN 'bcg' THEN i.no_batch_bcg WHEN 'polio' THEN i.no_batch_polio "
					  "WHEN 'dpt_hb_hib' THEN i.no_batch_dpt_hb_hib WHEN 'ipv' THEN i.no_batch_ipv "
					  "WHEN 'pcv' THEN i.no_batch_pcv WHEN 'rv' THEN i.no_batch_rv "
					  "WHEN 'mr' THEN i.no_batch_mr WHEN 'je' THEN i.no_batch_je END "
					  "FROM vaksin_kfa x JOIN f_imunisasi i ON i.kunjungan_id = ? "
					  "ORDER BY x.kolom, x.nilai", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, v->id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		double value;
		char text[32];
		int found = outbox_form_value(db, "f_imunisasi", (const char *)sqlite3_column_text(st, 0), v->id, &value, err);
		if (found < 0) {
			sqlite3_finalize(st);
			return -1;
		}
		snprintf(text, sizeof text, "%g", value);
		if (!found || strcmp(text, (const char *)sqlite3_column_text(st, 1)) != 0)
			continue;
		struct fhir_res *r = add(v, "Immunization");
		db_col_text(st, 2, r->code, sizeof r->code);
		snprintf(r->key, sizeof r->key, "%s|%s", (const char *)sqlite3_column_text(st, 0), r->code);
		db_col_text(st, 3, r->display, sizeof r->display);
		r->number = sqlite3_column_int64(st, 4);
		db_col_text(st, 5, r->kind, sizeof r->kind);
		db_col_text(st, 6, r->text, sizeof r->text);
		r->when = v->started;
	}
	return db_finish(db, st, rc, err);
}

static int referral(sqlite3 *db, struct fhir_visit *v, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT coalesce(nullif(faskes, ''), tujuan, ''), coalesce(alasan, '') "
					  "FROM f_rujukan WHERE kunjungan_id = ? AND jenis = 'KELUAR'", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, v->id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		struct fhir_res *r = add(v, "ServiceRequest");
		str_copy(r->key, sizeof r->key, "rujukan|3457005");
		str_copy(r->code, sizeof r->code, "3457005");
		str_copy(r->display, sizeof r->display, "Patient referral");
		db_col_text(st, 0, r->kind, sizeof r->kind);
		db_col_text(st, 1, r->text, sizeof r->text);
		r->when = v->finished;
	}
	return db_finish(db, st, rc == SQLITE_ROW ? SQLITE_DONE : rc, err);
}

/* The ids the platform gave; what it has that the visit no longer holds is
 * taken back (its line deleted, a dose or procedure removed). */
static int sent_before(sqlite3 *db, struct fhir_visit *v, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT jenis, kunci, sumber_id FROM kirim_sumber WHERE kirim_id = ? AND jenis IN "
					  "('MedicationRequest', 'MedicationDispense', 'Procedure', 'AllergyIntolerance', "
					  "'Immunization', 'ServiceRequest') ORDER BY jenis, kunci", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, v->kirim_id);
	int rc;
	static const char *const types[] = { "MedicationRequest", "MedicationDispense", "Procedure", "AllergyIntolerance",
					     "Immunization", "ServiceRequest" };
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *jenis = (const char *)sqlite3_column_text(st, 0), *kunci = (const char *)sqlite3_column_text(st, 1);
		int i = 0;
		while (i < v->n_res && !(strcmp(v->res[i].type, jenis) == 0 && strcmp(v->res[i].key, kunci) == 0))
			i++;
		if (i == v->n_res) {
			const char *type = NULL;
			for (size_t t = 0; t < ARRAY_LEN(types); t++)
				if (strcmp(types[t], jenis) == 0)
					type = types[t];
			const char *bar = strrchr(kunci, '|');
			if (!type || !bar || strlen(kunci) >= sizeof v->res[0].key)
				continue;	/* not a key pkm wrote */
			struct fhir_res *r = add(v, type);
			r->removed = 1;
			r->number = atol(kunci);	/* a line's resources: the line */
			str_copy(r->key, sizeof r->key, kunci);
			str_copy(r->code, sizeof r->code, bar + 1);
			str_copy(r->display, sizeof r->display, bar + 1);
			r->when = v->started;
		}
		db_col_text(st, 2, v->res[i].id, sizeof v->res[i].id);
	}
	return db_finish(db, st, rc, err);
}

int fhir_load_res(sqlite3 *db, struct fhir_visit *v, struct sbuf *err)
{
	int (*const parts[])(sqlite3 *, struct fhir_visit *, struct sbuf *) = {
		lines, dispensings, procedures, allergies, doses, referral, sent_before
	};
	for (size_t i = 0; i < ARRAY_LEN(parts); i++)
		if (parts[i](db, v, err) != 0)
			return -1;
	for (int i = 0; i < v->n_res; i++)
		if (strcmp(v->res[i].type, "MedicationDispense") == 0) {
			sqlite3_stmt *st = db_prepare(db, "SELECT nama FROM unit WHERE kode = 'FARMASI'", err);
			if (!st)
				return -1;
			int rc = sqlite3_step(st);
			str_copy(v->pharmacy_name, sizeof v->pharmacy_name, "Farmasi");
			if (rc == SQLITE_ROW)
				db_col_text(st, 0, v->pharmacy_name, sizeof v->pharmacy_name);
			return db_finish(db, st, rc == SQLITE_ROW ? SQLITE_DONE : rc, err);
		}
	return 0;
}
