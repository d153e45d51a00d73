/* A visit read for its Bundle, in one snapshot: the visit, its patient, unit
 * and health worker, its diagnoses, the vital signs its forms hold, and the
 * ids the platform gave before (kirim_sumber). */
#include "pkm/fhir.h"
#include "pkm/db.h"
#include "pkm/dict.h"
#include "pkm/outbox.h"
#include <stdlib.h>
#include <string.h>

/* The dictionary's units (kamus.satuan) as UCUM; a blood pressure column is
 * typed as "150/95" and has no unit of its own. */
static const char *ucum(const char *satuan, const char *kolom)
{
	static const struct { const char *from, *to; } map[] = {
		{ "kg", "kg" }, { "cm", "cm" }, { "gram", "g" }, { "C", "Cel" }, { "x/menit", "/min" },
	};
	if (strncmp(kolom, "td_", 3) == 0)
		return "mm[Hg]";
	for (size_t i = 0; i < ARRAY_LEN(map); i++)
		if (strcmp(satuan, map[i].from) == 0)
			return map[i].to;
	return NULL;
}

static int load_visit(sqlite3 *db, long kirim_id, int zone, const char *dokter, struct fhir_visit *v,
		      struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT o.kunjungan_id, k.tanggal, k.unit, u.nama, k.batal IS NOT NULL, coalesce(p.nik, ''), p.nama, "
		"unixepoch(k.dibuat), o.layan_mulai, o.layan_akhir, coalesce(g.nik, ''), "
		"coalesce(nullif(g.nama_lengkap, ''), g.nama, ''), unixepoch(k.tanggal) "
		"FROM kirim o JOIN kunjungan k ON k.id = o.kunjungan_id JOIN pasien p ON p.id = k.pasien_id "
		"JOIN unit u ON u.kode = k.unit LEFT JOIN pengguna g ON g.id = o.nakes WHERE o.id = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, kirim_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		v->kirim_id = kirim_id;
		v->id = sqlite3_column_int64(st, 0);
		db_col_text(st, 1, v->tanggal, sizeof v->tanggal);
		db_col_text(st, 2, v->unit, sizeof v->unit);
		db_col_text(st, 3, v->unit_name, sizeof v->unit_name);
		v->cancelled = sqlite3_column_int(st, 4);
		db_col_text(st, 5, v->patient_nik, sizeof v->patient_nik);
		db_col_text(st, 6, v->patient_name, sizeof v->patient_name);
		db_col_text(st, 10, v->practitioner_nik, sizeof v->practitioner_nik);
		if (*v->practitioner_nik)
			db_col_text(st, 11, v->practitioner_name, sizeof v->practitioner_name);
		else
			str_copy(v->practitioner_nik, sizeof v->practitioner_nik, dokter);
		/* the clock times when they fall on the service day, else 08:00 of it
		 * (a visit typed in later or imported has no clock of its own) */
		long day = sqlite3_column_int64(st, 12) - zone * 60L, next = day + 86400;
		long made = sqlite3_column_int64(st, 7);
		long first = sqlite3_column_type(st, 8) == SQLITE_NULL ? 0 : sqlite3_column_int64(st, 8);
		long last = sqlite3_column_type(st, 9) == SQLITE_NULL ? 0 : sqlite3_column_int64(st, 9);
		v->arrived = made >= day && made < next ? made : day + 8 * 3600;
		v->started = first >= v->arrived && first < next ? first : v->arrived;
		v->finished = last >= v->started && last < next ? last : v->started;
		if (v->finished <= v->arrived)	/* a period ends after it starts */
			v->finished = v->arrived + 60;
	}
	int found = rc == SQLITE_ROW;
	if (db_finish(db, st, found ? SQLITE_DONE : rc, err) != 0)
		return -1;
	if (!found)
		sb_printf(err, "antrean kirim %ld tidak ada", kirim_id);
	return found ? 0 : -1;
}

static int load_conditions(sqlite3 *db, struct fhir_visit *v, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT d.icd10, coalesce(i.nama_en, i.nama, d.icd10), coalesce(s.sumber_id, ''), 0, d.id "
		"FROM diagnosis d LEFT JOIN icd10 i ON i.kode = d.icd10 "
		"LEFT JOIN kirim_sumber s ON s.kirim_id = ?2 AND s.jenis = 'Condition' AND s.kunci = d.icd10 "
		"WHERE d.kunjungan_id = ?1 "
		"UNION ALL SELECT s.kunci, coalesce(i.nama_en, i.nama, s.kunci), s.sumber_id, 1, 0 FROM kirim_sumber s "
		"LEFT JOIN icd10 i ON i.kode = s.kunci WHERE s.kirim_id = ?2 AND s.jenis = 'Condition' "
		"AND s.kunci NOT IN (SELECT icd10 FROM diagnosis WHERE kunjungan_id = ?1) "
		"ORDER BY 4, 5, 1", err);	/* in the order they were recorded: the first is the main one */
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, v->id);
	sqlite3_bind_int64(st, 2, v->kirim_id);
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (v->n_cond == cap) {
			cap = cap ? cap * 2 : 4;
			v->cond = xrealloc(v->cond, (size_t)cap * sizeof *v->cond);
		}
		struct fhir_condition *c = &v->cond[v->n_cond++];
		db_col_text(st, 0, c->code, sizeof c->code);
		db_col_text(st, 1, c->display, sizeof c->display);
		db_col_text(st, 2, c->id, sizeof c->id);
		c->removed = sqlite3_column_int(st, 3);
	}
	return db_finish(db, st, rc, err);
}

/* An Observation per kirim_vital code the visit's forms recorded (the first
 * form that has it), its unit from that form's dictionary row. */
static int load_vitals(sqlite3 *db, struct fhir_visit *v, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT x.kolom, x.loinc, x.nama, coalesce(s.sumber_id, '') FROM kirim_vital x "
		"LEFT JOIN kirim_sumber s ON s.kirim_id = ? AND s.jenis = 'Observation' AND s.kunci = x.loinc "
		"ORDER BY x.rowid", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, v->kirim_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *kolom = (const char *)sqlite3_column_text(st, 0);
		char table[64];
		double value;
		int found = outbox_visit_value(db, v->id, kolom, &value, table, sizeof table, err);
		if (found < 0) {
			sqlite3_finalize(st);
			return -1;
		}
		const struct column_def *c = found ? dict_find(db, table, kolom) : NULL;
		const char *unit = found ? ucum(c ? c->unit : "", kolom) : NULL;
		if (!unit)
			continue;
		if (v->n_obs == FHIR_VITALS) {
			sqlite3_finalize(st);
			sb_printf(err, "kirim_vital punya lebih dari %d kode; pkm hanya mengenal %d", FHIR_VITALS, FHIR_VITALS);
			return -1;
		}
		struct fhir_observation *o = &v->obs[v->n_obs++];
		db_col_text(st, 1, o->loinc, sizeof o->loinc);
		db_col_text(st, 2, o->name, sizeof o->name);
		str_copy(o->ucum, sizeof o->ucum, unit);
		db_col_text(st, 3, o->id, sizeof o->id);
		o->value = value;
	}
	return db_finish(db, st, rc, err);
}

int fhir_load(sqlite3 *db, long kirim_id, const char *organisasi, int zone, const char *dokter,
	      struct fhir_visit *v, struct sbuf *err)
{
	memset(v, 0, sizeof *v);
	str_copy(v->organisasi, sizeof v->organisasi, organisasi);
	int token = db_read_begin(db, err);
	if (token < 0)
		return -1;
	int rc = load_visit(db, kirim_id, zone, dokter, v, err);
	if (rc == 0)
		rc = load_conditions(db, v, err);
	if (rc == 0)
		rc = load_vitals(db, v, err);
	if (rc == 0)
		rc = fhir_load_res(db, v, err);
	sqlite3_stmt *st = rc == 0 ? db_prepare(db, "SELECT sumber_id FROM kirim_sumber WHERE kirim_id = ? "
						    "AND jenis = 'Encounter' AND kunci = ''", err) : NULL;
	if (st) {
		sqlite3_bind_int64(st, 1, kirim_id);
		int s = sqlite3_step(st);
		if (s == SQLITE_ROW)
			db_col_text(st, 0, v->encounter_id, sizeof v->encounter_id);
		rc = db_finish(db, st, s == SQLITE_ROW ? SQLITE_DONE : s, err);
	} else
		rc = -1;
	if (db_read_end(db, token, err) != 0)
		rc = -1;
	if (rc != 0)
		fhir_visit_free(v);
	return rc;
}

void fhir_visit_free(struct fhir_visit *v)
{
	free(v->cond);
	v->cond = NULL;
	v->n_cond = 0;
	free(v->res);
	v->res = NULL;
	v->n_res = 0;
}
