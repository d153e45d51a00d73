/* A BPJS visit read for P-Care, in one snapshot: the visit and its card, the
 * unit's kdPoli and the worker's kdDokter from the configuration, its first
 * three diagnoses, vital signs from its forms, a referral to a hospital, the
 * dispensed drugs that have a P-Care code, the coded procedures, and the
 * numbers P-Care gave before (kirim_sumber). */
#include "pkm/pcare.h"
#include "pkm/db.h"
#include "pkm/outbox.h"
#include <stdlib.h>
#include <string.h>

static int load_visit(sqlite3 *db, const struct pcare_config *c, struct pcare_visit *v, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT o.kunjungan_id, strftime('%d-%m-%Y', k.tanggal), coalesce(p.no_bpjs, ''), coalesce(p.nik, ''), k.unit, "
		"k.batal IS NOT NULL OR NOT j.perlu_bpjs, coalesce(g.nama, ''), "
		"(SELECT count(*) FROM f_rujukan r WHERE r.kunjungan_id = k.id AND r.jenis = 'KELUAR' AND r.tujuan = 'FKRTL'), "
		"(SELECT coalesce(r.faskes, '') FROM f_rujukan r WHERE r.kunjungan_id = k.id), "
		"(SELECT coalesce(i.keadaan_keluar, '') FROM f_ranap i WHERE i.kunjungan_id = k.id), "
		"(SELECT coalesce(strftime('%d-%m-%Y', i.tanggal_keluar), '') FROM f_ranap i WHERE i.kunjungan_id = k.id) "
		"FROM kirim o JOIN kunjungan k ON k.id = o.kunjungan_id JOIN pasien p ON p.id = k.pasien_id "
		"JOIN penjamin j ON j.kode = k.penjamin LEFT JOIN pengguna g ON g.id = o.nakes WHERE o.id = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, v->kirim_id);
	int rc = sqlite3_step(st), found = rc == SQLITE_ROW;
	if (found) {
		v->id = sqlite3_column_int64(st, 0);
		db_col_text(st, 1, v->tanggal, sizeof v->tanggal);
		db_col_text(st, 2, v->no_kartu, sizeof v->no_kartu);
		db_col_text(st, 3, v->nik, sizeof v->nik);
		db_col_text(st, 4, v->unit, sizeof v->unit);
		v->cancelled = sqlite3_column_int(st, 5);
		db_col_text(st, 6, v->nakes, sizeof v->nakes);
		v->referred = sqlite3_column_int(st, 7) > 0;
		db_col_text(st, 8, v->rujuk_faskes, sizeof v->rujuk_faskes);
		v->inpatient = strcmp(v->unit, "RANAP") == 0;
		if (v->inpatient) {
			db_col_text(st, 9, v->keadaan_keluar, sizeof v->keadaan_keluar);
			db_col_text(st, 10, v->tgl_pulang, sizeof v->tgl_pulang);
		}
		const char *poli = kirim_map_get(&c->poli, v->unit);
		const char *dokter = *v->nakes ? kirim_map_get(&c->dokter_map, v->nakes) : NULL;
		str_copy(v->kd_poli, sizeof v->kd_poli, poli ? poli : "");
		str_copy(v->kd_dokter, sizeof v->kd_dokter, dokter ? dokter : c->dokter);
	}
	if (db_finish(db, st, found ? SQLITE_DONE : rc, err) != 0)
		return -1;
	if (!found)
		sb_printf(err, "antrean kirim %ld tidak ada", v->kirim_id);
	return found ? 0 : -1;
}

/* kdDiag1..3 in the order recorded; a visit is "sakit" unless every diagnosis
 * is a Z code (a check-up, immunisation, family planning, antenatal care). */
static int load_diagnoses(sqlite3 *db, struct pcare_visit *v, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT icd10 FROM diagnosis WHERE kunjungan_id = ? ORDER BY id", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, v->id);
	int rc, any = 0, z = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *code = (const char *)sqlite3_column_text(st, 0);
		any++;
		z += code[0] == 'Z';
		if (v->n_diag < PCARE_DIAG_MAX)
			str_copy(v->diag[v->n_diag++], sizeof v->diag[0], code);
	}
	v->sick = !any || z < any;
	return db_finish(db, st, rc, err);
}

/* The first form of the visit that recorded each vital sign (-1: none). */
static int load_vitals(sqlite3 *db, struct pcare_visit *v, struct sbuf *err)
{
	const struct { const char *column; double *slot; } map[] = {
		{ "td_sistol", &v->sistole }, { "td_diastol", &v->diastole }, { "bb", &v->bb }, { "tb", &v->tb },
		{ "napas", &v->resp }, { "nadi", &v->heart }, { "lingkar_perut", &v->lingkar }, { "suhu", &v->suhu },
	};
	for (size_t i = 0; i < ARRAY_LEN(map); i++) {
		int found = outbox_visit_value(db, v->id, map[i].column, map[i].slot, NULL, 0, err);
		if (found < 0)
			return -1;
		if (!found)
			*map[i].slot = -1;
	}
	return 0;
}

/* What was given (the drug, amount and signa handed over, db/023) with a P-Care
 * code, and those sent before that are no longer given as sent (the key holds
 * the amount: a changed amount is the old entry removed and a new one sent). */
static int load_drugs(sqlite3 *db, struct pcare_visit *v, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db,
		"WITH d AS (SELECT o.kode_pcare || ':' || r.diberi AS kunci, o.kode_pcare, o.nama, r.diberi AS jumlah, "
		"                  coalesce(r.signa_beri, r.signa) AS signa, r.id "
		"           FROM resep r JOIN obat o ON o.kode = coalesce(r.obat_beri, r.obat) "
		"           WHERE r.kunjungan_id = ?1 AND r.diserahkan IS NOT NULL AND r.diberi > 0 "
		"             AND o.kode_pcare IS NOT NULL) "
		"SELECT d.kunci, d.kode_pcare, d.nama, d.jumlah, d.signa, coalesce(s.sumber_id, ''), 0, d.id FROM d "
		"LEFT JOIN kirim_sumber s ON s.kirim_id = ?2 AND s.jenis = 'obat' AND s.kunci = d.kunci "
		"UNION ALL SELECT s.kunci, '', '', 0, '', s.sumber_id, 1, 0 FROM kirim_sumber s "
		"WHERE s.kirim_id = ?2 AND s.jenis = 'obat' AND s.kunci NOT IN (SELECT kunci FROM d) ORDER BY 7, 8, 1", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, v->id);
	sqlite3_bind_int64(st, 2, v->kirim_id);
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (v->n_drug == cap) {
			cap = cap ? cap * 2 : 4;
			v->drug = xrealloc(v->drug, (size_t)cap * sizeof *v->drug);
		}
		struct pcare_drug *d = &v->drug[v->n_drug++];
		memset(d, 0, sizeof *d);
		db_col_text(st, 0, d->key, sizeof d->key);
		db_col_text(st, 1, d->kd_obat, sizeof d->kd_obat);
		db_col_text(st, 2, d->nama, sizeof d->nama);
		d->jumlah = sqlite3_column_int64(st, 3);
		db_col_text(st, 4, d->signa, sizeof d->signa);
		db_col_text(st, 5, d->id, sizeof d->id);
		d->removed = sqlite3_column_int(st, 6);
	}
	return db_finish(db, st, rc, err);
}

/* terapiObat: every dispensed drug in words, with a P-Care code or not. */
static int load_terapi(sqlite3 *db, struct pcare_visit *v, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT o.nama, r.diberi, coalesce(r.signa_beri, r.signa) FROM resep r "
					  "JOIN obat o ON o.kode = coalesce(r.obat_beri, r.obat) "
					  "WHERE r.kunjungan_id = ? AND r.diserahkan IS NOT NULL AND r.diberi > 0 ORDER BY r.id", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, v->id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *signa = (const char *)sqlite3_column_text(st, 2);
		sb_printf(&v->terapi, "%s%s %lld%s%s", v->terapi.len ? ", " : "", (const char *)sqlite3_column_text(st, 0),
			  (long long)sqlite3_column_int64(st, 1), *signa ? " " : "", signa);
	}
	return db_finish(db, st, rc, err);
}

static struct pcare_procedure *new_proc(struct pcare_visit *v, int *cap)
{
	if (v->n_proc == *cap) {
		*cap = *cap ? *cap * 2 : 4;
		v->proc = xrealloc(v->proc, (size_t)*cap * sizeof *v->proc);
	}
	struct pcare_procedure *p = &v->proc[v->n_proc++];
	memset(p, 0, sizeof *p);
	return p;
}

/* The procedures [pcare] tindakan_TABLE.COLUMN names that the visit's forms
 * recorded (a count above zero, or yes), then those sent before and gone. */
static int load_procedures(sqlite3 *db, const struct pcare_config *c, struct pcare_visit *v, struct sbuf *err)
{
	int cap = 0;
	for (int i = 0; i < c->tindakan.n; i++) {
		char table[64];
		str_copy(table, sizeof table, c->tindakan.e[i].key);
		char *column = strchr(table, '.');
		*column++ = 0;
		double value;
		int found = outbox_form_value(db, table, column, v->id, &value, err);
		if (found < 0)
			return -1;
		if (!found || value <= 0)
			continue;
		struct pcare_procedure *p = new_proc(v, &cap);
		str_copy(p->kd, sizeof p->kd, c->tindakan.e[i].value);
		str_copy(p->label, sizeof p->label, c->tindakan.e[i].key);
		p->value = (long)value;
		if (outbox_source_get(db, v->kirim_id, "tindakan", p->kd, p->id, sizeof p->id, err) != 0)
			return -1;
	}
	sqlite3_stmt *st = db_prepare(db, "SELECT kunci, sumber_id FROM kirim_sumber WHERE kirim_id = ? AND jenis = 'tindakan' "
					  "ORDER BY kunci", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, v->kirim_id);
	int rc, n = v->n_proc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *kd = (const char *)sqlite3_column_text(st, 0);
		int kept = 0;
		for (int i = 0; i < n && !kept; i++)
			kept = strcmp(v->proc[i].kd, kd) == 0;
		if (kept)
			continue;
		struct pcare_procedure *p = new_proc(v, &cap);
		str_copy(p->kd, sizeof p->kd, kd);
		db_col_text(st, 1, p->id, sizeof p->id);
		p->removed = 1;
	}
	return db_finish(db, st, rc, err);
}

/* The registration's noUrut, kept under the kdPoli it was made at. */
static int load_registration(sqlite3 *db, struct pcare_visit *v, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT kunci, sumber_id FROM kirim_sumber WHERE kirim_id = ? "
					  "AND jenis = 'pendaftaran'", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, v->kirim_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		db_col_text(st, 0, v->urut_poli, sizeof v->urut_poli);
		db_col_text(st, 1, v->no_urut, sizeof v->no_urut);
		rc = sqlite3_step(st);	/* one a visit: the key is (item, kind, kdPoli) */
	}
	return db_finish(db, st, rc, err);
}

int pcare_load(sqlite3 *db, long kirim_id, const struct pcare_config *c, struct pcare_visit *v, struct sbuf *err)
{
	memset(v, 0, sizeof *v);
	v->kirim_id = kirim_id;
	int token = db_read_begin(db, err);
	if (token < 0)
		return -1;
	int rc = load_visit(db, c, v, err);
	if (rc == 0)
		rc = load_diagnoses(db, v, err);
	if (rc == 0)
		rc = load_vitals(db, v, err);
	if (rc == 0)
		rc = load_drugs(db, v, err);
	if (rc == 0)
		rc = load_terapi(db, v, err);
	if (rc == 0)
		rc = load_procedures(db, c, v, err);
	if (rc == 0)
		rc = load_registration(db, v, err);
	if (rc == 0)
		rc = outbox_source_get(db, kirim_id, "kunjungan", "", v->no_kunjungan, sizeof v->no_kunjungan, err);
	if (db_read_end(db, token, err) != 0)
		rc = -1;
	if (rc != 0)
		pcare_visit_free(v);
	return rc;
}

void pcare_visit_free(struct pcare_visit *v)
{
	free(v->drug);
	free(v->proc);
	sb_free(&v->terapi);
	v->drug = NULL;
	v->proc = NULL;
	v->n_drug = v->n_proc = 0;
}
