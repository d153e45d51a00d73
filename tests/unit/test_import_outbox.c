/* The imports write with the connection's triggers off, and a visit import
 * touches the outbox itself afterwards: the queue it leaves must be the one
 * the row triggers leave when the same lines are saved one by one (new
 * visits, a second diagnosis, a diagnosis for a visit queued already, a
 * cancelled visit registered again, a visit from before the outbox began),
 * and no trigger may be added to the tables they write without this file
 * knowing. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include "fixture.h"
#include "pkm/config.h"
#include "pkm/import.h"

static const char lines[] = "no_rm,tanggal,unit,penjamin,icd10,kasus\n"
			    "000003,2026-11-05,K3,UMUM,J06.9,B\n"
			    "000003,2026-11-05,K3,UMUM,R50.9,B\n"
			    "000001,2026-11-02,K3,UMUM,I10,K\n"
			    "000002,2026-11-03,K3,UMUM,,\n"
			    "000003,2026-10-20,K3,UMUM,A09,B\n"
			    "000001,2026-11-06,K1,UMUM,,\n";

/* The same database twice: three patients, a visit from before the outbox
 * began, then the outbox on, a visit queued and a visit queued and cancelled. */
static sqlite3 *made(void)
{
	if (fx_open(":memory:") != 0)
		fail_msg("database");
	db_set_user(db, "admin");
	struct patient p[3] = { fx_patient("Ani", 'P', "1990-01-01", "UMUM"), fx_patient("Budi", 'L', "1985-05-05", "UMUM"),
				fx_patient("Citra", 'P', "2000-02-02", "UMUM") };
	fx_visit(&p[2], fx_day("2026-10-20"), "K3");
	assert_int_equal(sqlite3_exec(db, "INSERT INTO kirim_atur VALUES ('satusehat', '2026-11-01')", NULL, NULL, NULL),
			 SQLITE_OK);
	fx_visit(&p[0], fx_day("2026-11-02"), "K3");
	struct visit c = fx_visit(&p[1], fx_day("2026-11-03"), "K3");
	char sql[96];
	snprintf(sql, sizeof sql, "UPDATE kunjungan SET batal = 'salah daftar' WHERE id = %ld", c.id);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	return db;
}

/* The outbox as text: each item with what a send depends on. */
static void queue_of(sqlite3 *d, char *out, size_t size)
{
	sqlite3_stmt *st = db_prepare(d, "SELECT group_concat(id || ':' || kunjungan_id || ':' || tujuan || ':' || status "
				      "|| ':' || versi || ':' || (nakes IS NULL) || ':' || (layan_mulai IS NULL), ' ') "
				      "FROM (SELECT * FROM kirim ORDER BY id)", NULL);
	assert_non_null(st);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	str_copy(out, size, sqlite3_column_text(st, 0) ? (const char *)sqlite3_column_text(st, 0) : "");
	sqlite3_finalize(st);
}

static void the_queue_is_the_row_triggers_queue(void **s)
{
	(void)s;
	struct pkm_config cfg;
	config_defaults(&cfg);
	/* one by one, as write_visits orders them (by day), with the row triggers */
	sqlite3 *one = made();
	assert_int_equal(db_begin(one), 0);
	static const struct { const char *rm, *day, *unit, *icd; char kasus; } line[] = {
		{ "000003", "2026-10-20", "K3", "A09", 'B' },	{ "000001", "2026-11-02", "K3", "I10", 'K' },
		{ "000002", "2026-11-03", "K3", "", 0 },	{ "000003", "2026-11-05", "K3", "J06.9", 'B' },
		{ "000003", "2026-11-05", "K3", "R50.9", 'B' }, { "000001", "2026-11-06", "K1", "", 0 },
	};
	for (size_t i = 0; i < ARRAY_LEN(line); i++) {
		struct patient p;
		struct visit v;
		int created, added;
		struct sbuf err = { 0 };
		assert_int_equal(patient_by_rm(one, line[i].rm, &p), 1);
		if (visit_insert(one, &p, fx_day(line[i].day), line[i].unit, "UMUM", &v, &created, &err) != 0 ||
		    (line[i].icd[0] && diag_insert(one, &cfg, &v, line[i].icd, line[i].kasus, &added, &err) != 0))
			fail_msg("baris %zu: %s", i, sb_str(&err));
	}
	assert_int_equal(db_commit(one), 0);
	char want[512];
	queue_of(one, want, sizeof want);
	db_close(one);

	sqlite3 *bulk = made();
	char path[64];
	snprintf(path, sizeof path, "/tmp/pkm-test-import-outbox-%d.csv", (int)getpid());
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(lines, f);
	fclose(f);
	struct sbuf done = { 0 }, err = { 0 };
	int rc = import_kunjungan(bulk, &cfg, path, NULL, &done, &err);
	remove(path);
	if (rc != 0)
		fail_msg("%s", sb_str(&err));
	char got[512];
	queue_of(bulk, got, sizeof got);
	assert_string_equal(got, want);
	/* new visits queued, the queued ones touched again, nothing before the start */
	assert_non_null(strstr(want, ":2:satusehat:menunggu:"));
	assert_null(strstr(want, ":1:satusehat:"));
	db_close(bulk);
	sb_free(&done);
	sb_free(&err);
}

static void no_trigger_the_imports_do_not_know(void **s)
{
	(void)s;
	assert_int_equal(fx_open(":memory:"), 0);
	char names[512] = "";
	sqlite3_stmt *st = db_prepare(db, "SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_schema "
				      "WHERE type = 'trigger' AND tbl_name IN ('kunjungan', 'diagnosis', 'pasien', 'pasien_kata') ORDER BY name)", NULL);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	str_copy(names, sizeof names, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	assert_string_equal(names, "audit_h_diagnosis audit_h_kunjungan audit_h_pasien audit_t_diagnosis "
				   "audit_t_kunjungan audit_t_pasien audit_u_diagnosis audit_u_kunjungan audit_u_pasien "
				   "kirim_diagnosis_delete kirim_diagnosis_insert kirim_diagnosis_update "
				   "kirim_kunjungan_insert kirim_kunjungan_update kirim_nik");
	db_close(db);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(the_queue_is_the_row_triggers_queue),
		cmocka_unit_test(no_trigger_the_imports_do_not_know),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
