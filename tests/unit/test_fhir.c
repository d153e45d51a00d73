/* The Bundle of a visit against a file written by hand; an update's PUTs and
 * a withdrawn diagnosis; a visit read back from the database with its clock
 * times, units and codes; the pieces of a platform's answers; the rest of the
 * record (prescriptions, dispensings, procedures, allergies, doses, referral)
 * built and read back, with what waits for a KFA code. */
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
#include "pkm/fhir.h"
#include "pkm/open.h"
#include "pkm/patient.h"
#include "pkm/visit.h"

/* 2026-12-01 08:00, 08:20 and 08:35 WIB */
#define T0 1796086800L
#define DAY (T0 - 11 * 86400L)	/* 2026-11-20 08:00 WIB, a visit before the tests' today */

static void worked_example(struct fhir_visit *v, struct fhir_condition cond[2])
{
	*v = (struct fhir_visit){ .id = 123, .arrived = T0, .started = T0 + 20 * 60, .finished = T0 + 35 * 60 };
	strcpy(v->organisasi, "10000004");
	strcpy(v->tanggal, "2026-12-01");
	strcpy(v->unit, "K3");
	strcpy(v->unit_name, "Klaster 3 Usia Dewasa dan Lansia");
	strcpy(v->patient_ihs, "P02478375538");
	strcpy(v->patient_name, "Sri Wahyuni");
	strcpy(v->practitioner_ihs, "N10000001");
	strcpy(v->practitioner_name, "dr. Budi Santoso");
	strcpy(v->location_id, "LOK-K3");
	memset(cond, 0, 2 * sizeof *cond);
	strcpy(cond[0].code, "I10");
	strcpy(cond[0].display, "Essential (primary) hypertension");
	strcpy(cond[1].code, "E11.9");
	strcpy(cond[1].display, "Type 2 diabetes mellitus without complications");
	v->cond = cond;
	v->n_cond = 2;
	v->obs[0] = (struct fhir_observation){ "8480-6", "Systolic blood pressure", "mm[Hg]", 150, "" };
	v->obs[1] = (struct fhir_observation){ "29463-7", "Body weight", "kg", 70.5, "" };
	v->n_obs = 2;
}

static void test_golden(void **s)
{
	(void)s;
	struct fhir_visit v;
	struct fhir_condition cond[2];
	worked_example(&v, cond);
	json_t *b = fhir_bundle(&v);
	char *got = json_dumps(b, JSON_INDENT(2) | JSON_REAL_PRECISION(10));
	const char *want = slurp("tests/golden/expected/fhir_bundle.json");
	if (strcmp(got, want) != 0) {
		FILE *f = fopen("build/fhir_bundle.got.json", "w");
		if (f)
			fputs(got, f), fclose(f);
		fail_msg("the Bundle differs from tests/golden/expected/fhir_bundle.json (see build/fhir_bundle.got.json)");
	}
	free(got);
	json_decref(b);
}

/* A small path walk: "entry.0.request.method". */
static json_t *json_path_get_compat(json_t *j, const char *path)
{
	char part[64];
	while (j && *path) {
		size_t n = strcspn(path, ".");
		snprintf(part, sizeof part, "%.*s", (int)n, path);
		j = json_is_array(j) ? json_array_get(j, strtoul(part, NULL, 10)) : json_object_get(j, part);
		path += n + (path[n] == '.');
	}
	return j;
}

static const char *str_at(json_t *j, const char *path)
{
	json_t *x = json_path_get_compat(j, path);
	return json_string_value(x);
}

static void test_update(void **s)
{
	(void)s;
	struct fhir_visit v;
	struct fhir_condition cond[3];
	worked_example(&v, cond);
	strcpy(v.encounter_id, "enc-1");
	strcpy(cond[0].id, "cond-1");
	memset(&cond[2], 0, sizeof cond[2]);
	strcpy(cond[2].code, "J06.9");
	strcpy(cond[2].display, "Acute upper respiratory infection, unspecified");
	strcpy(cond[2].id, "cond-9");
	cond[2].removed = 1;
	v.n_cond = 3;
	v.n_obs = 0;
	json_t *b = fhir_bundle(&v);
	assert_string_equal(str_at(b, "entry.0.request.method"), "PUT");
	assert_string_equal(str_at(b, "entry.0.request.url"), "Encounter/enc-1");
	assert_string_equal(str_at(b, "entry.0.resource.id"), "enc-1");
	assert_string_equal(str_at(b, "entry.0.resource.diagnosis.0.condition.reference"), "Condition/cond-1");
	assert_string_equal(str_at(b, "entry.0.resource.diagnosis.1.condition.reference"), str_at(b, "entry.2.fullUrl"));
	assert_int_equal(json_array_size(json_path_get_compat(b, "entry.0.resource.diagnosis")), 2);
	assert_string_equal(str_at(b, "entry.1.request.url"), "Condition/cond-1");
	assert_string_equal(str_at(b, "entry.1.resource.encounter.reference"), "Encounter/enc-1");
	assert_string_equal(str_at(b, "entry.2.request.method"), "POST");
	assert_string_equal(str_at(b, "entry.3.request.url"), "Condition/cond-9");
	assert_string_equal(str_at(b, "entry.3.resource.verificationStatus.coding.0.code"), "entered-in-error");
	assert_null(json_path_get_compat(b, "entry.3.resource.clinicalStatus"));
	json_decref(b);
	/* a cancelled visit */
	v.cancelled = 1;
	b = fhir_bundle(&v);
	assert_string_equal(str_at(b, "entry.0.resource.status"), "entered-in-error");
	json_decref(b);
}

static void test_urn(void **s)
{
	(void)s;
	struct fhir_visit a = { .id = 1 }, b = { .id = 2 };
	strcpy(a.organisasi, "10000004");
	strcpy(b.organisasi, "10000004");
	char x[46], y[46], z[46];
	fhir_urn(&a, "Encounter", "", x);
	fhir_urn(&a, "Encounter", "", y);
	assert_string_equal(x, y);
	fhir_urn(&b, "Encounter", "", z);
	assert_string_not_equal(x, z);
	fhir_urn(&a, "Condition", "I10", z);
	assert_string_not_equal(x, z);
	assert_int_equal(strlen(x), 45);
	assert_int_equal(x[9 + 14], '5');
}

static void test_answers(void **s)
{
	(void)s;
	char id[64];
	json_t *e = json_loads("{\"response\":{\"status\":\"201 Created\",\"location\":\"Encounter/ab-1/_history/2\"}}", 0, NULL);
	assert_int_equal(fhir_entry_id(e, id, sizeof id), 0);
	assert_string_equal(id, "ab-1");
	json_decref(e);
	e = json_loads("{\"response\":{\"status\":\"200 OK\",\"resourceID\":\"cd-2\"}}", 0, NULL);
	assert_int_equal(fhir_entry_id(e, id, sizeof id), 1);
	assert_string_equal(id, "cd-2");
	json_decref(e);
	e = json_loads("{\"response\":{\"status\":\"201 Created\",\"location\":"
		       "\"https://x/fhir-r4/v1/Observation/ef-3/_history/1\"}}", 0, NULL);
	fhir_entry_id(e, id, sizeof id);
	assert_string_equal(id, "ef-3");
	json_decref(e);
	char text[200];
	fhir_outcome_text("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"diagnostics\":\"a salah\"},"
			  "{\"details\":{\"text\":\"b salah\"}}]}", text, sizeof text);
	assert_string_equal(text, "a salah; b salah");
	fhir_outcome_text("<html>502</html>", text, sizeof text);
	assert_string_equal(text, "");
	char t[26];
	fhir_time(T0, t);
	assert_string_equal(t, "2026-12-01T01:00:00+00:00");
}

static long visit_in(sqlite3 *db, struct patient *p, const char *unit)
{
	struct visit v;
	int created;
	struct sbuf err = { 0 };
	if (visit_open(db, p, (struct date){ 2026, 11, 20 }, unit, "UMUM", &v, &created, &err) != 0)
		fail_msg("%s", sb_str(&err));
	return v.id;
}

/* A database with SATUSEHAT on and one patient (*p) with a NIK. */
static sqlite3 *db_with_patient(struct patient *p)
{
	struct sbuf err = { 0 };
	sqlite3 *db = pkm_open(":memory:", &err);
	assert_non_null(db);
	exec_ok(db, "INSERT INTO kirim_atur VALUES ('satusehat', '2026-11-01')");
	*p = (struct patient){ .sex = 'P' };
	strcpy(p->nama, "Sri Wahyuni");
	strcpy(p->nik, "3204014101900001");
	strcpy(p->tanggal_lahir, "1990-01-01");
	strcpy(p->penjamin, "UMUM");
	if (patient_save_new(db, p, &err) != 0)
		fail_msg("%s", sb_str(&err));
	return db;
}

static void test_load(void **s)
{
	(void)s;
	struct sbuf err = { 0 };
	struct patient p;
	sqlite3 *db = db_with_patient(&p);
	long k3 = visit_in(db, &p, "K3"), k2 = visit_in(db, &p, "K2");
	char sql[512];
	/* registered 08:10 WIB (01:10 UTC), seen 08:30 to 08:50 */
	snprintf(sql, sizeof sql, "UPDATE kunjungan SET dibuat = '2026-11-20 01:10:00' WHERE id = %ld;"
		 "INSERT INTO diagnosis (kunjungan_id, icd10, kasus) VALUES (%ld, 'I10', 'B'), (%ld, 'E11.9', 'B');"
		 "INSERT INTO f_ptm (kunjungan_id, td_sistol, td_diastol, bb, tb) VALUES (%ld, 150, 95, 70.5, 155);"
		 "UPDATE kirim SET layan_mulai = unixepoch('2026-11-20 01:30:00'), "
		 "layan_akhir = unixepoch('2026-11-20 01:50:00') WHERE kunjungan_id = %ld", k3, k3, k3, k3, k3);
	exec_ok(db, sql);
	sqlite3_stmt *st = db_prepare(db, "SELECT id FROM kirim WHERE kunjungan_id = ?", NULL);
	sqlite3_bind_int64(st, 1, k3);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);

	struct fhir_visit v;
	if (fhir_load(db, id, "10000004", 420, "3204010101800001", &v, &err) != 0)
		fail_msg("%s", sb_str(&err));
	assert_int_equal(v.id, k3);
	assert_string_equal(v.patient_nik, "3204014101900001");
	assert_string_equal(v.practitioner_nik, "3204010101800001");	/* no NAKES recorded it */
	assert_int_equal(v.arrived, DAY + 10 * 60);
	assert_int_equal(v.started, DAY + 30 * 60);
	assert_int_equal(v.finished, DAY + 50 * 60);
	assert_int_equal(v.n_cond, 2);
	assert_string_equal(v.cond[0].code, "I10");
	assert_int_equal(v.n_obs, 4);
	const char *want[][2] = { { "8480-6", "mm[Hg]" }, { "8462-4", "mm[Hg]" }, { "29463-7", "kg" }, { "8302-2", "cm" } };
	for (int i = 0; i < 4; i++) {
		assert_string_equal(v.obs[i].loinc, want[i][0]);
		assert_string_equal(v.obs[i].ucum, want[i][1]);
	}
	assert_true(v.obs[2].value == 70.5);
	fhir_visit_free(&v);

	/* a newborn's weight is kept in grams; a visit with no clock times of its
	 * own (typed in days later) is sent as 08:00 of its day, ending after it */
	snprintf(sql, sizeof sql, "INSERT INTO f_neonatal (kunjungan_id, bb) VALUES (%ld, 3200)", k2);
	exec_ok(db, sql);
	st = db_prepare(db, "SELECT id FROM kirim WHERE kunjungan_id = ?", NULL);
	sqlite3_bind_int64(st, 1, k2);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (fhir_load(db, id, "10000004", 420, "3204010101800001", &v, &err) != 0)
		fail_msg("%s", sb_str(&err));
	assert_int_equal(v.n_obs, 1);
	assert_string_equal(v.obs[0].ucum, "g");
	assert_int_equal(v.arrived, DAY);
	assert_true(v.finished > v.arrived);
	fhir_visit_free(&v);
	db_close(db);
}


static struct fhir_res res(const char *type, const char *key, const char *code, const char *display)
{
	struct fhir_res r;
	memset(&r, 0, sizeof r);
	r.type = type;
	strcpy(r.key, key);
	strcpy(r.code, code);
	strcpy(r.display, display);
	r.when = T0 + 40 * 60;
	return r;
}

/* The entry whose resource has this type, the n-th of them. */
static json_t *entry_of(json_t *b, const char *type, int n)
{
	size_t i;
	json_t *e;
	json_array_foreach(json_object_get(b, "entry"), i, e)
		if (strcmp(str_at(e, "resource.resourceType"), type) == 0 && n-- == 0)
			return e;
	fail_msg("no %s in the bundle", type);
	return NULL;
}

static void test_record(void **s)
{
	(void)s;
	struct fhir_visit v;
	struct fhir_condition cond[2];
	worked_example(&v, cond);
	v.n_obs = 0;
	strcpy(v.pharmacy_id, "LOK-FARMASI");
	strcpy(v.pharmacy_name, "Kefarmasian");
	struct fhir_res r[8];
	r[0] = res("MedicationRequest", "901|93001019", "93001019", "Amoksisilin 500 mg Kapsul");
	r[0].number = 901, r[0].qty = 10;
	strcpy(r[0].status, "completed");
	strcpy(r[0].kind, "Kapsul");
	strcpy(r[0].text, "3x1");
	strcpy(r[0].unit, "kapsul");
	strcpy(r[0].ihs, "N20000051");
	r[1] = r[0];
	r[1].type = "MedicationDispense";
	strcpy(r[1].key, "901-7|93001019");
	r[1].qty = 4;
	r[1].ihs[0] = 0;	/* no pharmacist on record: the visit's health worker */
	r[2] = res("Procedure", "86.59|86.59", "86.59", "Suture of skin");
	strcpy(r[2].id, "proc-1");
	r[3] = res("AllergyIntolerance", "72|93002020", "93002020", "Parasetamol 500 mg Tablet");
	strcpy(r[3].kind, "medication");
	strcpy(r[3].status, "active");
	r[4] = res("Immunization", "polio|93003001", "93003001", "Vaksin Polio Oral");
	r[4].number = 1;
	strcpy(r[4].kind, "IM-Dasar");
	strcpy(r[4].text, "BOPV2611A");	/* the vial's batch */
	r[5] = res("ServiceRequest", "rujukan|3457005", "3457005", "Patient referral");
	strcpy(r[5].kind, "RSUD Uji");
	strcpy(r[5].text, "perlu bedah");
	r[6] = res("MedicationRequest", "905|93004004", "93004004", "93004004");	/* taken back */
	r[6].number = 905;
	r[6].removed = 1;
	strcpy(r[6].id, "mr-905");
	v.res = r;
	v.n_res = 7;
	json_t *b = fhir_bundle(&v);
	assert_int_equal(json_array_size(json_object_get(b, "entry")), 1 + 2 + 7);

	json_t *mr = entry_of(b, "MedicationRequest", 0), *md = entry_of(b, "MedicationDispense", 0);
	assert_string_equal(str_at(mr, "request.ifNoneExist"),
			    "identifier=http://sys-ids.kemkes.go.id/prescription-item/10000004|123-901");
	assert_string_equal(str_at(mr, "resource.identifier.1.system"), "http://sys-ids.kemkes.go.id/prescription/10000004");
	assert_string_equal(str_at(mr, "resource.identifier.1.value"), "123");
	assert_string_equal(str_at(mr, "resource.intent"), "order");
	assert_string_equal(str_at(mr, "resource.category.0.coding.0.code"), "outpatient");
	assert_string_equal(str_at(mr, "resource.medicationReference.reference"), "#obat");
	assert_string_equal(str_at(mr, "resource.contained.0.id"), "obat");
	assert_string_equal(str_at(mr, "resource.contained.0.code.coding.0.system"), "http://sys-ids.kemkes.go.id/kfa");
	assert_string_equal(str_at(mr, "resource.contained.0.extension.0.url"),
			    "https://fhir.kemkes.go.id/r4/StructureDefinition/MedicationType");
	assert_string_equal(str_at(mr, "resource.contained.0.extension.0.valueCodeableConcept.coding.0.code"), "NC");
	assert_string_equal(str_at(mr, "resource.contained.0.form.text"), "Kapsul");
	assert_string_equal(str_at(mr, "resource.requester.reference"), "Practitioner/N20000051");
	assert_string_equal(str_at(mr, "resource.authoredOn"), "2026-12-01T01:40:00+00:00");
	assert_int_equal(json_integer_value(json_path_get_compat(mr, "resource.dosageInstruction.0.timing.repeat.frequency")), 3);
	assert_int_equal(json_integer_value(json_path_get_compat(mr, "resource.dispenseRequest.quantity.value")), 10);
	assert_string_equal(str_at(mr, "resource.dispenseRequest.quantity.unit"), "kapsul");

	assert_string_equal(str_at(md, "request.ifNoneExist"),
			    "identifier=http://sys-ids.kemkes.go.id/medicationdispense/10000004|123-901-7");
	assert_string_equal(str_at(md, "resource.identifier.2.system"), "http://sys-ids.kemkes.go.id/prescription-item/10000004");
	assert_string_equal(str_at(md, "resource.identifier.2.value"), "123-901");
	assert_string_equal(str_at(md, "resource.authorizingPrescription.0.reference"), str_at(mr, "fullUrl"));
	assert_string_equal(str_at(md, "resource.context.reference"), str_at(b, "entry.0.fullUrl"));
	assert_string_equal(str_at(md, "resource.performer.0.actor.reference"), "Practitioner/N10000001");
	assert_string_equal(str_at(md, "resource.location.reference"), "Location/LOK-FARMASI");
	assert_int_equal(json_integer_value(json_path_get_compat(md, "resource.quantity.value")), 4);
	assert_string_equal(str_at(md, "resource.whenHandedOver"), "2026-12-01T01:40:00+00:00");

	json_t *pr = entry_of(b, "Procedure", 0);
	assert_string_equal(str_at(pr, "request.method"), "PUT");
	assert_string_equal(str_at(pr, "request.url"), "Procedure/proc-1");
	assert_string_equal(str_at(pr, "resource.identifier.0.value"), "123-86.59");
	assert_string_equal(str_at(pr, "resource.code.coding.0.system"), "http://hl7.org/fhir/sid/icd-9-cm");
	assert_string_equal(str_at(pr, "resource.performedPeriod.start"), "2026-12-01T01:20:00+00:00");

	json_t *al = entry_of(b, "AllergyIntolerance", 0);
	assert_string_equal(str_at(al, "resource.identifier.0.system"), "http://sys-ids.kemkes.go.id/allergy/10000004");
	assert_string_equal(str_at(al, "resource.identifier.0.value"), "72");	/* the patient's, once */
	assert_string_equal(str_at(al, "resource.code.coding.0.system"), "http://sys-ids.kemkes.go.id/kfa");
	assert_string_equal(str_at(al, "resource.clinicalStatus.coding.0.code"), "active");
	assert_string_equal(str_at(al, "resource.category.0"), "medication");

	json_t *im = entry_of(b, "Immunization", 0);
	assert_string_equal(str_at(im, "resource.vaccineCode.coding.0.system"), "http://sys-ids.kemkes.go.id/kfa");
	assert_string_equal(str_at(im, "resource.reasonCode.0.coding.0.system"),
			    "http://terminology.kemkes.go.id/CodeSystem/immunization-reason");
	assert_int_equal(json_integer_value(json_path_get_compat(im, "resource.protocolApplied.0.doseNumberPositiveInt")), 1);
	assert_true(json_is_true(json_path_get_compat(im, "resource.primarySource")));
	assert_string_equal(str_at(im, "resource.lotNumber"), "BOPV2611A");
	r[4].text[0] = 0;	/* no batch written: no lotNumber at all */
	json_t *b2 = fhir_bundle(&v);
	assert_null(json_path_get_compat(entry_of(b2, "Immunization", 0), "resource.lotNumber"));
	json_decref(b2);

	json_t *sr = entry_of(b, "ServiceRequest", 0);
	assert_string_equal(str_at(sr, "resource.code.coding.0.code"), "3457005");
	assert_string_equal(str_at(sr, "resource.intent"), "original-order");
	assert_string_equal(str_at(sr, "resource.reasonCode.0.coding.0.code"), "I10");
	assert_string_equal(str_at(sr, "resource.reasonCode.0.text"), "perlu bedah");
	assert_string_equal(str_at(sr, "resource.performer.0.display"), "RSUD Uji");

	json_t *gone = entry_of(b, "MedicationRequest", 1);
	assert_string_equal(str_at(gone, "request.url"), "MedicationRequest/mr-905");
	assert_string_equal(str_at(gone, "resource.status"), "entered-in-error");
	assert_null(json_path_get_compat(gone, "resource.dispenseRequest"));
	json_decref(b);

	/* the line sent before: its dispensing names it by id */
	strcpy(r[0].id, "mr-901");
	b = fhir_bundle(&v);
	assert_string_equal(str_at(entry_of(b, "MedicationDispense", 0), "resource.authorizingPrescription.0.reference"),
			    "MedicationRequest/mr-901");
	json_decref(b);
}

static long kirim_of(sqlite3 *db, long visit)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id FROM kirim WHERE kunjungan_id = ?", NULL);
	sqlite3_bind_int64(st, 1, visit);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

static long int_of(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = db_prepare(db, sql, NULL);
	assert_non_null(st);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	long n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void test_load_record(void **s)
{
	(void)s;
	struct sbuf err = { 0 };
	struct patient p;
	sqlite3 *db = db_with_patient(&p);
	long k = visit_in(db, &p, "K3"), id = kirim_of(db, k);
	char sql[4096];
	snprintf(sql, sizeof sql,
		 "INSERT INTO pengguna (id, nama, peran, sandi, nik) VALUES (52, 'apt.budi', 'FARMASI', '$y$x', '3204010101850052');"
		 "INSERT INTO kfa (kode, nama, nama_cari, bentuk) VALUES ('93001019', 'Amoksisilin 500 mg Kapsul', 'amoks', 'Kapsul');"
		 "INSERT INTO obat (kode, nama, satuan, kode_kfa) VALUES ('AMX', 'Amoksisilin 500', 'kapsul', '93001019'),"
		 " ('CTM', 'Klorfeniramin 4', 'tablet', NULL);"
		 "INSERT INTO batch (id, obat, sumber, no_batch, kedaluwarsa) VALUES (1, 'AMX', 'PROGRAM', 'A1', '2028-01-31');"
		 "INSERT INTO mutasi (batch_id, tanggal, jenis, jumlah) VALUES (1, '2026-11-01', 'TERIMA', 100);"
		 "INSERT INTO resep (id, kunjungan_id, obat, jumlah, signa) VALUES (901, %ld, 'AMX', 10, '3x1'),"
		 " (902, %ld, 'CTM', 5, '2x1');"
		 "UPDATE kirim SET status = 'terkirim', versi_kirim = versi;", k, k);
	exec_ok(db, sql);
	long versi = int_of(db, "SELECT versi FROM kirim");
	/* a dispensing changes the item (through the line's given amount) */
	exec_ok(db, "INSERT INTO mutasi (batch_id, tanggal, jenis, jumlah, resep_id, dibuat, penyerah) VALUES "
		    "(1, '2026-11-20', 'PAKAI', -4, 901, '2026-11-20 02:00:00', 52), "
		    "(1, '2026-11-20', 'PAKAI', -6, 901, '2026-11-20 03:00:00', NULL)");
	assert_true(int_of(db, "SELECT versi FROM kirim") > versi);
	assert_int_equal(int_of(db, "SELECT status = 'menunggu' FROM kirim"), 1);
	snprintf(sql, sizeof sql,
		 "INSERT OR REPLACE INTO icd9 (kode, nama, nama_cari) VALUES ('86.59', 'Suture of skin', 'suture');"
		 "INSERT INTO tindakan (kunjungan_id, icd9) VALUES (%ld, '86.59');"
		 "INSERT OR REPLACE INTO alergen (kode, nama, kategori) VALUES ('91935009', 'Allergy to peanuts', 'food');"
		 "INSERT INTO alergi (id, pasien_id, alergen, kunjungan_id) VALUES (71, %ld, '91935009', %ld);"
		 "INSERT INTO alergi (id, pasien_id, obat, kunjungan_id) VALUES (73, %ld, 'CTM', %ld);"
		 "INSERT OR REPLACE INTO vaksin_kfa VALUES ('polio', '1', '93003001', 'Vaksin Polio Oral', 1, 'IM-Dasar'),"
		 " ('bcg', '1', '93003005', 'Vaksin BCG', 1, 'IM-Dasar'), ('polio', '2', '93003001', 'Vaksin Polio Oral', 2, 'IM-Dasar');"
		 "INSERT INTO f_imunisasi (kunjungan_id, bcg, polio, no_batch_polio, no_batch_ipv) VALUES (%ld, 1, '2', 'BOPV2611A', 'IPV9');"
		 "INSERT INTO f_rujukan (kunjungan_id, jenis, faskes) VALUES (%ld, 'KELUAR', 'RSUD Uji');"
		 "INSERT INTO kirim_sumber VALUES (%ld, 'Procedure', '96.59|96.59', 'proc-9'), (%ld, 'MedicationRequest', '901|93001019', 'mr-1')",
		 k, p.id, k, p.id, k, k, k, id, id);
	exec_ok(db, sql);

	struct fhir_visit v;
	if (fhir_load(db, id, "10000004", 420, "3204010101800001", &v, &err) != 0)
		fail_msg("%s", sb_str(&err));
	const char *want[][2] = {
		{ "MedicationRequest", "901|93001019" }, { "MedicationDispense", "901-2|93001019" },
		{ "MedicationDispense", "901-3|93001019" }, { "Procedure", "86.59|86.59" },
		{ "AllergyIntolerance", "71|91935009" }, { "Immunization", "bcg|93003005" },
		{ "Immunization", "polio|93003001" }, { "ServiceRequest", "rujukan|3457005" }, { "Procedure", "96.59|96.59" },
	};
	assert_int_equal(v.n_res, (int)(sizeof want / sizeof want[0]));
	for (int i = 0; i < v.n_res; i++) {
		assert_string_equal(v.res[i].type, want[i][0]);
		assert_string_equal(v.res[i].key, want[i][1]);
	}
	assert_string_equal(v.res[0].id, "mr-1");
	assert_string_equal(v.res[0].status, "completed");
	assert_int_equal(v.res[1].qty, 4);
	assert_string_equal(v.res[1].nik, "3204010101850052");
	assert_string_equal(v.res[2].nik, "");
	assert_int_equal(v.res[6].number, 2);	/* the second polio dose */
	assert_string_equal(v.res[6].text, "BOPV2611A");	/* its batch; BCG has none, IPV was not given */
	assert_string_equal(v.res[5].text, "");
	assert_true(v.res[8].removed);
	assert_string_equal(v.res[8].id, "proc-9");
	assert_string_equal(v.wait, "obat belum punya kode KFA (isi di daftar obat): Klorfeniramin 4");
	assert_string_equal(v.pharmacy_name, "Kefarmasian");
	fhir_visit_free(&v);

	/* the item waiting for the code is due again once the drug has it */
	exec_ok(db, "UPDATE kirim SET status = 'menunggu', tunggu = 1, versi_kirim = versi");
	exec_ok(db, "UPDATE obat SET kode_kfa = '93004004' WHERE kode = 'CTM'");
	assert_int_equal(int_of(db, "SELECT tunggu = 0 AND versi > versi_kirim FROM kirim"), 1);
	if (fhir_load(db, id, "10000004", 420, "3204010101800001", &v, &err) != 0)
		fail_msg("%s", sb_str(&err));
	assert_string_equal(v.wait, "");
	assert_int_equal(v.n_res, 11);	/* the line and the drug allergy too */
	fhir_visit_free(&v);
	db_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden), cmocka_unit_test(test_update), cmocka_unit_test(test_urn),
		cmocka_unit_test(test_answers), cmocka_unit_test(test_load), cmocka_unit_test(test_record),
		cmocka_unit_test(test_load_record),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
