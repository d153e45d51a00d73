/* P-Care's request bodies. Field names and forms as P-Care's REST API takes
 * them: dates dd-mm-yyyy, numbers 0 where nothing was measured, null where
 * nothing applies. */
#include "pkm/pcare.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

/* A measured value as P-Care's integer field (0: not measured). */
static json_t *whole(double v) { return json_integer(v < 0 ? 0 : (json_int_t)lround(v)); }
static json_t *text_or_null(const char *s) { return s && *s ? json_string(s) : json_null(); }

/* The vital signs both bodies carry. */
static void vitals(json_t *o, const struct pcare_visit *v)
{
	json_object_set_new(o, "sistole", whole(v->sistole));
	json_object_set_new(o, "diastole", whole(v->diastole));
	json_object_set_new(o, "beratBadan", json_real(v->bb < 0 ? 0 : v->bb));
	json_object_set_new(o, "tinggiBadan", json_real(v->tb < 0 ? 0 : v->tb));
	json_object_set_new(o, "respRate", whole(v->resp));
	json_object_set_new(o, "heartRate", whole(v->heart));
	json_object_set_new(o, "lingkarPerut", json_real(v->lingkar < 0 ? 0 : v->lingkar));
}

json_t *pcare_pendaftaran_json(const struct pcare_visit *v)
{
	json_t *o = json_object();
	json_object_set_new(o, "kdProviderPeserta", json_string(v->kd_provider_peserta));
	json_object_set_new(o, "tglDaftar", json_string(v->tanggal));
	json_object_set_new(o, "noKartu", json_string(v->no_kartu));
	json_object_set_new(o, "kdPoli", json_string(v->kd_poli));
	json_object_set_new(o, "keluhan", json_null());	/* pkm records no complaint text */
	json_object_set_new(o, "kunjSakit", json_boolean(v->sick));
	vitals(o, v);
	json_object_set_new(o, "rujukBalik", json_integer(0));
	json_object_set_new(o, "kdTkp", json_string(v->inpatient ? "20" : "10"));
	return o;
}

const char *pcare_status_pulang(const struct pcare_visit *v)
{
	if (!v->inpatient)
		return v->referred ? "4" : "3";
	static const struct { const char *keadaan, *code; } map[] = {
		{ "SEMBUH", "0" }, { "MENINGGAL", "1" }, { "APS", "2" }, { "MEMBAIK", "9" },
	};
	if (strcmp(v->keadaan_keluar, "RUJUK") == 0)
		return v->referred ? "4" : "6";	/* vertikal needs the referral to an FKRTL */
	for (size_t i = 0; i < ARRAY_LEN(map); i++)
		if (strcmp(v->keadaan_keluar, map[i].keadaan) == 0)
			return map[i].code;
	return NULL;
}

json_t *pcare_kunjungan_json(const struct pcare_visit *v)
{
	json_t *o = json_object();
	json_object_set_new(o, "noKunjungan", text_or_null(v->no_kunjungan));
	json_object_set_new(o, "noKartu", json_string(v->no_kartu));
	json_object_set_new(o, "tglDaftar", json_string(v->tanggal));
	json_object_set_new(o, "kdPoli", json_string(v->kd_poli));
	json_object_set_new(o, "keluhan", json_null());
	json_object_set_new(o, "kdSadar", json_string("01"));	/* compos mentis: pkm records no other */
	vitals(o, v);
	json_object_set_new(o, "suhu", v->suhu < 0 ? json_null() : json_real(v->suhu));
	json_object_set_new(o, "kdStatusPulang", text_or_null(pcare_status_pulang(v)));
	json_object_set_new(o, "tglPulang", json_string(*v->tgl_pulang ? v->tgl_pulang : v->tanggal));
	json_object_set_new(o, "kdDokter", json_string(v->kd_dokter));
	for (int i = 0; i < PCARE_DIAG_MAX; i++) {
		char key[8] = "kdDiag1";
		key[6] = (char)('1' + i);
		json_object_set_new(o, key, i < v->n_diag ? json_string(v->diag[i]) : json_null());
	}
	json_object_set_new(o, "kdPoliRujukInternal", json_null());
	json_object_set_new(o, "rujukLanjut", strcmp(pcare_status_pulang(v) ? pcare_status_pulang(v) : "", "4") == 0 ? json_pack("{s:s, s:n, s:n, s:n, s:o}", "tglEstRujuk", v->tanggal,
								     "kdppk", "subSpesialis", "khusus", "catatan",
								     text_or_null(v->rujuk_faskes))
						   : json_null());
	json_object_set_new(o, "kdTacc", json_integer(0));
	json_object_set_new(o, "alasanTacc", json_null());
	json_object_set_new(o, "terapiObat", text_or_null(sb_str(&v->terapi)));
	json_object_set_new(o, "terapiNonObat", json_null());
	json_object_set_new(o, "bmhp", json_null());
	return o;
}

/* signa1 x signa2 from the prescription's "3x1" (1 x 1 when it says otherwise). */
static void signa(const char *s, long *times, long *amount)
{
	char x;
	*times = *amount = 1;
	if (sscanf(s, "%ld %c %ld", times, &x, amount) != 3 || (x != 'x' && x != 'X') || *times < 1 || *amount < 1)
		*times = *amount = 1;
}

json_t *pcare_obat_json(const struct pcare_visit *v, const struct pcare_drug *d)
{
	long s1, s2;
	signa(d->signa, &s1, &s2);
	return json_pack("{s:i, s:s, s:b, s:n, s:b, s:s, s:I, s:I, s:I, s:I, s:n}", "kdObatSK", 0, "noKunjungan",
			 v->no_kunjungan, "racikan", 0, "kdRacikan", "obatDPHO", 1, "kdObat", d->kd_obat, "signa1",
			 (json_int_t)s1, "signa2", (json_int_t)s2, "jmlObat", (json_int_t)d->jumlah, "jmlPermintaan",
			 (json_int_t)d->jumlah, "nmObatNonDPHO");
}

json_t *pcare_tindakan_json(const struct pcare_visit *v, const struct pcare_procedure *p)
{
	char note[96];
	snprintf(note, sizeof note, "%s: %ld", p->label, p->value);
	return json_pack("{s:i, s:s, s:s, s:i, s:s, s:i}", "kdTindakanSK", 0, "noKunjungan", v->no_kunjungan, "kdTindakan",
			 p->kd, "biaya", 0, "keterangan", note, "hasil", 0);
}
