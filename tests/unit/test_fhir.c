/* The Bundle of a visit against a file written by hand; an update's PUTs and
 * a withdrawn diagnosis; a visit read back from the database with its clock
 * times, units and codes; the pieces of a platform's answers. */
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

static void test_load(void **s)
{
	(void)s;
	struct sbuf err = { 0 };
	sqlite3 *db = pkm_open(":memory:", &err);
	assert_non_null(db);
	exec_ok(db, "INSERT INTO kirim_atur VALUES ('satusehat', '2026-11-01')");
	struct patient p = { .sex = 'P' };
	strcpy(p.nama, "Sri Wahyuni");
	strcpy(p.nik, "3204014101900001");
	strcpy(p.tanggal_lahir, "1990-01-01");
	strcpy(p.penjamin, "UMUM");
	if (patient_save_new(db, &p, &err) != 0)
		fail_msg("%s", sb_str(&err));
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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden), cmocka_unit_test(test_update), cmocka_unit_test(test_urn),
		cmocka_unit_test(test_answers), cmocka_unit_test(test_load),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
