/* P-Care: the signature's worked vector, LZ-string and AES against vectors
 * made by the reference algorithm (tests/kirim/pcare_wire.py), hostile
 * compressed input, the request bodies of a worked example against a file
 * written by hand, and a BPJS visit read back from the database. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pkm/db.h"
#include "net_test.h"
#include "pkm/lzstring.h"
#include "pkm/open.h"
#include "pkm/patient.h"
#include "pkm/pcare.h"
#include "pkm/pcare_crypto.h"
#include "pkm/visit.h"

static void test_signature(void **s)
{
	(void)s;
	char sig[64];
	pcare_hmac("bbb", "aaa", sig);	/* the worked vector */
	assert_string_equal(sig, "20BKS3PWnD3XU4JbSSZvVlGi2WWnDa8Sv9uHJ+wsELA=");
	pcare_signature("1234", "rahasia", "1764547200", sig);	/* over "1234&1764547200" */
	assert_string_equal(sig, "+/EGlyCCbduCOtPr02glBQ0UvZLWbloYqSK/oiAe1TQ=");
	struct sbuf b = { 0 };
	pcare_base64("user:sandi:095", &b);
	assert_string_equal(sb_str(&b), "dXNlcjpzYW5kaTowOTU=");
	sb_free(&b);
}

static void lz_is(const char *in, const char *want)
{
	struct sbuf out = { 0 }, err = { 0 };
	if (lz_decompress_uri(in, &out, &err) != 0)
		fail_msg("%s: %s", in, sb_str(&err));
	assert_string_equal(sb_str(&out), want);
	sb_free(&out);
}

static void test_lzstring(void **s)
{
	(void)s;
	lz_is("BIUwNmD2A0AEDukBOYAmQ", "Hello, world");
	lz_is("IY18ZJA", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");	/* codes of the entry being made */
	/* 16-bit units, and a surrogate pair joined into one UTF-8 character */
	lz_is("N4Igdg9g0ghgTgFwK4gFwgAxYIwCYDMALAKwBsA7ABwCcGIANODALYxogDKAlglwAQBBZlzAwAFnwCXfQLRygcNM+gXg3AAHsgAvkA",
	      "{\"noKartu\":\"0001234567890\",\"nama\":\"Siti Aminah \xc3\xa9 \xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x98\x80\"}");
	/* a long answer: the code width grows past 10 bits */
	FILE *f = fopen("tests/fixtures/lz_long.txt", "r");
	assert_non_null(f);
	static char plain[8192], packed[4096];
	assert_non_null(fgets(plain, sizeof plain, f));
	assert_non_null(fgets(packed, sizeof packed, f));
	fclose(f);
	plain[strcspn(plain, "\n")] = 0;
	packed[strcspn(packed, "\n")] = 0;
	lz_is(packed, plain);
	/* hostile or broken input is refused, never read past its end */
	const char *bad[] = { "", "!!!!", "BIUwNmD2A0AED", "/////////", "B", "BIUwNmD2A0AEDukBOYAm\xff" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		struct sbuf out = { 0 }, err = { 0 };
		if (lz_decompress_uri(bad[i], &out, &err) == 0)
			fail_msg("'%s' was taken as '%s'", bad[i], sb_str(&out));
		assert_non_null(strstr(sb_str(&err), "LZ-string"));
		sb_free(&out);
		sb_free(&err);
	}
}

static void test_decrypt(void **s)
{
	(void)s;
	struct sbuf out = { 0 }, err = { 0 };
	const char *cipher = "FiT9BvglGC/L8WF1rLkazxIq2fbQtiLW4SASAYoRu6tzoYNve4h1lDeXm8U2jBxSgzxIbrDwhvkU6+3Z/ZiKbQ==";
	if (pcare_decrypt("1234", "rahasiaKonsumen", "1764547200", cipher, &out, &err) != 0)
		fail_msg("%s", sb_str(&err));
	assert_string_equal(sb_str(&out), "{\"field\":\"noUrut\",\"message\":\"A12\"}");
	sb_free(&out);
	/* another timestamp is another key */
	assert_int_equal(pcare_decrypt("1234", "rahasiaKonsumen", "1764547201", cipher, &out, &err), -1);
	assert_non_null(strstr(sb_str(&err), "tidak dapat dibuka"));
	sb_reset(&err);
	assert_int_equal(pcare_decrypt("1234", "rahasiaKonsumen", "1764547200", "bukan base64 ***", &out, &err), -1);
	sb_free(&out);
	sb_free(&err);
}

/* The worked example of tests/golden/expected/pcare_visit.json. */
static void worked_example(struct pcare_visit *v, struct pcare_drug *d, struct pcare_procedure *t)
{
	memset(v, 0, sizeof *v);
	strcpy(v->tanggal, "20-11-2026");
	strcpy(v->no_kartu, "0001234567890");
	strcpy(v->kd_poli, "003");
	strcpy(v->kd_dokter, "123456");
	strcpy(v->kd_provider_peserta, "0114A026");
	v->sick = v->referred = 1;
	strcpy(v->rujuk_faskes, "RSUD Cibabat");
	strcpy(v->diag[0], "I10");
	strcpy(v->diag[1], "E11.9");
	v->n_diag = 2;
	v->sistole = 150, v->diastole = 95, v->bb = 70.5, v->tb = 155, v->resp = -1, v->heart = 88, v->lingkar = 92;
	v->suhu = 36.6;
	sb_add(&v->terapi, "Amlodipin 5 mg 30 3x1");
	*d = (struct pcare_drug){ .key = "520:30", .kd_obat = "520", .nama = "Amlodipin 5 mg", .signa = "3x1", .jumlah = 30 };
	*t = (struct pcare_procedure){ .kd = "01001", .label = "f_gigi.scaling", .value = 1 };
}

static void test_golden(void **s)
{
	(void)s;
	struct pcare_visit v;
	struct pcare_drug d;
	struct pcare_procedure t;
	worked_example(&v, &d, &t);
	json_t *all = json_object();
	json_object_set_new(all, "pendaftaran", pcare_pendaftaran_json(&v));
	json_object_set_new(all, "kunjungan", pcare_kunjungan_json(&v));
	strcpy(v.no_kunjungan, "0114U0011126Y000001");
	json_object_set_new(all, "obat", pcare_obat_json(&v, &d));
	json_object_set_new(all, "tindakan", pcare_tindakan_json(&v, &t));
	char *got = json_dumps(all, JSON_INDENT(2) | JSON_REAL_PRECISION(10));
	if (strcmp(got, slurp("tests/golden/expected/pcare_visit.json")) != 0) {
		FILE *f = fopen("build/pcare_visit.got.json", "w");
		if (f)
			fputs(got, f), fclose(f);
		fail_msg("the bodies differ from tests/golden/expected/pcare_visit.json (see build/pcare_visit.got.json)");
	}
	/* a change goes as PUT with the visit's number */
	json_t *put = pcare_kunjungan_json(&v);
	assert_string_equal(json_string_value(json_object_get(put, "noKunjungan")), "0114U0011126Y000001");
	json_decref(put);
	free(got);
	json_decref(all);
	sb_free(&v.terapi);
}

static long kirim_of(sqlite3 *db, long visit)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id FROM kirim WHERE kunjungan_id = ? AND tujuan = 'pcare'", NULL);
	sqlite3_bind_int64(st, 1, visit);
	long id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return id;
}

/* statuspulang/rawatInap/true and /false: an inpatient is never "3". */
static void test_status_pulang(void **s)
{
	(void)s;
	struct pcare_visit v = { 0 };
	assert_string_equal(pcare_status_pulang(&v), "3");
	v.referred = 1;
	assert_string_equal(pcare_status_pulang(&v), "4");
	v.inpatient = 1;
	assert_null(pcare_status_pulang(&v));	/* still admitted */
	static const char *const cases[][3] = {
		{ "SEMBUH", "0", "0" }, { "MENINGGAL", "1", "1" }, { "APS", "2", "2" }, { "RUJUK", "6", "4" },
		{ "MEMBAIK", "9", "9" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		strcpy(v.keadaan_keluar, cases[i][0]);
		v.referred = 0;
		assert_string_equal(pcare_status_pulang(&v), cases[i][1]);
		v.referred = 1;
		assert_string_equal(pcare_status_pulang(&v), cases[i][2]);
	}
	strcpy(v.keadaan_keluar, "SEMBUH");
	strcpy(v.tgl_pulang, "25-11-2026");
	strcpy(v.tanggal, "20-11-2026");
	json_t *k = pcare_kunjungan_json(&v);
	assert_string_equal(json_string_value(json_object_get(k, "kdStatusPulang")), "0");
	assert_string_equal(json_string_value(json_object_get(k, "tglPulang")), "25-11-2026");
	assert_true(json_is_null(json_object_get(k, "rujukLanjut")));	/* referred, but discharged sembuh */
	json_decref(k);
}

static void test_load(void **s)
{
	(void)s;
	struct sbuf err = { 0 };
	sqlite3 *db = pkm_open(":memory:", &err);
	assert_non_null(db);
	exec_ok(db, "INSERT INTO kirim_atur VALUES ('pcare', '2026-11-01')");
	struct patient p = { .sex = 'P' };
	strcpy(p.nama, "Sri Wahyuni");
	strcpy(p.nik, "3204014101900001");
	strcpy(p.no_bpjs, "0001234567890");
	strcpy(p.tanggal_lahir, "1990-01-01");
	strcpy(p.penjamin, "BPJS_PBI");
	if (patient_save_new(db, &p, &err) != 0)
		fail_msg("%s", sb_str(&err));
	struct visit bpjs, umum;
	int created;
	if (visit_open(db, &p, (struct date){ 2026, 11, 20 }, "K3", "BPJS_PBI", &bpjs, &created, &err) != 0 ||
	    visit_open(db, &p, (struct date){ 2026, 11, 21 }, "K3", "UMUM", &umum, &created, &err) != 0)
		fail_msg("%s", sb_str(&err));
	assert_int_equal(kirim_of(db, umum.id), 0);	/* paid otherwise: nothing for P-Care */
	long id = kirim_of(db, bpjs.id);
	assert_true(id > 0);
	char sql[2048];
	snprintf(sql, sizeof sql,
		 "INSERT INTO diagnosis (kunjungan_id, icd10, kasus) VALUES (%ld, 'I10', 'B'), (%ld, 'E11.9', 'B'),"
		 " (%ld, 'Z00.0', 'B'), (%ld, 'R51', 'B');"
		 "INSERT INTO f_ptm (kunjungan_id, td_sistol, td_diastol, bb, tb, lingkar_perut) VALUES (%ld, 150, 95, 70.5, 155, 92);"
		 "INSERT INTO f_rujukan (kunjungan_id, jenis, tujuan, faskes) VALUES (%ld, 'KELUAR', 'FKRTL', 'RSUD Cibabat');"
		 "INSERT INTO f_gigi (kunjungan_id, scaling, tambal_tetap) VALUES (%ld, 1, 0);"
		 "INSERT INTO obat (kode, nama, satuan, kode_pcare) VALUES ('AML5', 'Amlodipin 5 mg', 'tablet', '520'),"
		 " ('VITC', 'Vitamin C', 'tablet', NULL), ('PCT', 'Parasetamol', 'tablet', '600');"
		 /* what was given goes: a changed amount and signa, and a line closed with nothing given does not */
		 "INSERT INTO resep (kunjungan_id, obat, jumlah, signa, diserahkan, diberi, jumlah_beri, signa_beri,"
		 " alasan_ubah, tutup) VALUES (%ld, 'AML5', 30, '3x1', '2026-11-20', 30, NULL, NULL, NULL, NULL),"
		 " (%ld, 'VITC', 10, '1x1', '2026-11-20', 8, 8, '2x1', 'stok sedikit', NULL),"
		 " (%ld, 'PCT', 10, '3x1', NULL, 0, NULL, NULL, NULL, 'STOK_KOSONG');"
		 "INSERT INTO kirim_sumber VALUES (%ld, 'obat', '520:20', '777'), (%ld, 'pendaftaran', '003', 'A3')",
		 bpjs.id, bpjs.id, bpjs.id, bpjs.id, bpjs.id, bpjs.id, bpjs.id, bpjs.id, bpjs.id, bpjs.id, id, id);
	exec_ok(db, sql);
	struct pkm_config cfg;
	config_defaults(&cfg);
	struct pcare_config *c = &cfg.pcare;
	c->poli = (struct kirim_map){ 1, { { "K3", "003" } } };
	c->tindakan = (struct kirim_map){ 2, { { "f_gigi.scaling", "01001" }, { "f_gigi.tambal_tetap", "01002" } } };
	strcpy(c->dokter, "999");
	struct pcare_visit v;
	if (pcare_load(db, id, c, &v, &err) != 0)
		fail_msg("%s", sb_str(&err));
	assert_string_equal(v.tanggal, "20-11-2026");
	assert_string_equal(v.no_kartu, "0001234567890");
	assert_string_equal(v.kd_poli, "003");
	assert_string_equal(v.kd_dokter, "999");	/* no NAKES recorded it */
	assert_int_equal(v.cancelled, 0);
	assert_int_equal(v.sick, 1);
	assert_int_equal(v.referred, 1);
	assert_int_equal(v.n_diag, 3);	/* the first three, in order */
	assert_string_equal(v.diag[2], "Z00.0");
	assert_true(v.sistole == 150 && v.bb == 70.5 && v.lingkar == 92 && v.heart < 0);
	assert_string_equal(v.no_urut, "A3");
	assert_string_equal(v.urut_poli, "003");	/* registered at the poli it has now */
	/* the drug with a P-Care code; the one sent with another amount is to go */
	assert_int_equal(v.n_drug, 2);
	assert_string_equal(v.drug[0].key, "520:30");
	assert_int_equal(v.drug[0].removed, 0);
	assert_string_equal(v.drug[1].key, "520:20");
	assert_int_equal(v.drug[1].removed, 1);
	assert_string_equal(v.drug[1].id, "777");
	assert_string_equal(sb_str(&v.terapi), "Amlodipin 5 mg 30 3x1, Vitamin C 8 2x1");
	assert_int_equal(v.n_proc, 1);	/* scaling yes; no filling */
	assert_string_equal(v.proc[0].kd, "01001");
	pcare_visit_free(&v);

	/* a check-up only is not "sakit"; a cancelled visit is withdrawn */
	snprintf(sql, sizeof sql, "DELETE FROM diagnosis WHERE kunjungan_id = %ld AND icd10 <> 'Z00.0';"
		 "UPDATE kunjungan SET batal = 'salah daftar' WHERE id = %ld", bpjs.id, bpjs.id);
	exec_ok(db, sql);
	if (pcare_load(db, id, c, &v, &err) != 0)
		fail_msg("%s", sb_str(&err));
	assert_int_equal(v.sick, 0);
	assert_int_equal(v.cancelled, 1);
	pcare_visit_free(&v);
	/* a form column the configuration names but no form has is refused */
	c->tindakan = (struct kirim_map){ 1, { { "f_gigi.tidak_ada", "01003" } } };
	assert_int_equal(pcare_load(db, id, c, &v, &err), -1);
	assert_non_null(strstr(sb_str(&err), "tidak punya kolom tidak_ada"));
	sb_free(&err);
	db_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_signature), cmocka_unit_test(test_lzstring), cmocka_unit_test(test_decrypt),
		cmocka_unit_test(test_golden), cmocka_unit_test(test_load), cmocka_unit_test(test_status_pulang),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
