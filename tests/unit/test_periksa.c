/* The checks before signing (src/periksa.c) on records written through the core:
 * one planted case of each check in October 2026, with a near miss beside each
 * that must not be found (a LAB visit without diagnosis, a chronic B of last
 * year, a condom for a man, ...); a clean July finds nothing; November is
 * told as not ended; December is refused. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include "pkm/config.h"
#include "pkm/db.h"
#include "pkm/open.h"
#include "pkm/patient.h"
#include "pkm/periksa.h"
#include "pkm/visit.h"

static sqlite3 *db;
static struct pkm_config cfg;
static struct form_set forms;
static const struct date today = { 2026, 11, 23 };

static long patient(const char *nama, char sex, const char *born, int estimated)
{
	struct patient p = { .sex = sex, .lahir_perkiraan = estimated, .penjamin = "UMUM" };
	str_copy(p.nama, sizeof p.nama, nama);
	str_copy(p.tanggal_lahir, sizeof p.tanggal_lahir, born);
	struct sbuf err = { 0 };
	assert_int_equal(db_begin(db), 0);
	assert_int_equal(patient_insert(db, &p, &err), 0);
	assert_int_equal(db_commit(db), 0);
	return p.id;
}

/* A visit with its diagnosis (dx NULL: none; kasus 0: the pre-fill). */
static long visit(long pid, const char *day, const char *unit, const char *dx, char kasus)
{
	struct patient p;
	assert_int_equal(patient_get(db, pid, &p), 1);
	struct date d;
	assert_int_equal(date_parse(day, &d), 0);
	struct visit v;
	int created, added;
	struct sbuf err = { 0 };
	assert_int_equal(visit_open(db, &p, d, unit, "UMUM", &v, &created, &err), 0);
	if (dx)
		assert_int_equal(diag_add(db, &cfg, &v, dx, kasus, &added, &err), 0);
	return v.id;
}

static void exec(const char *fmt, long id)
{
	char sql[256];
	snprintf(sql, sizeof sql, fmt, id);
	assert_int_equal(db_exec(db, sql, NULL), 0);
}

static int setup(void **s)
{
	(void)s;
	struct sbuf err = { 0 };
	db = pkm_open(":memory:", &err);
	config_defaults(&cfg);
	forms_load_dir(db, PKM_FORMS_DIR, &forms, &err);
	/* July, clean: ten colds and the month's LB4 entry */
	long cold[10];
	char name[32], day[32];	/* room for any int the compiler cannot rule out */
	for (int i = 0; i < 10; i++) {
		snprintf(name, sizeof name, "Pilek %c", 'A' + i);
		cold[i] = patient(name, 'L', "1990-01-01", 0);
		for (int m = 7; m <= 9; m++) {
			snprintf(day, sizeof day, "2026-%02d-%02d", m, i + 1);
			visit(cold[i], day, "K3", "J06.9", 0);
		}
		/* October: twice as many (a jump of +100 %) */
		snprintf(day, sizeof day, "2026-10-%02d", i + 1);
		visit(cold[i], day, "K3", "J06.9", 0);
		snprintf(day, sizeof day, "2026-10-%02d", i + 15);
		visit(cold[i], day, "K3", "J06.9", 0);
	}
	db_exec(db, "INSERT INTO lb4_agregat (bulan, penyuluhan_dalam) VALUES (202607, 3), (202608, 3), (202609, 3)", NULL);

	/* October's planted cases, each beside a near miss */
	visit(patient("Tanpa Dx", 'L', "1970-01-01", 0), "2026-10-05", "K3", NULL, 0);
	visit(patient("Lab Saja", 'P', "1970-01-01", 0), "2026-10-05", "LAB", NULL, 0);
	long ht = patient("Hipertensi", 'P', "1960-01-01", 0);
	visit(ht, "2026-02-01", "K3", "I10", 'B');
	visit(ht, "2026-10-06", "K3", "I10", 'B');
	long lastyear = patient("Hipertensi Lama", 'P', "1960-01-01", 0);
	visit(lastyear, "2025-12-01", "K3", "I10", 'B');
	visit(lastyear, "2026-10-06", "K3", "I10", 'B');	/* first this year: fine */
	long anc = visit(patient("Lelaki ANC", 'L', "1990-06-15", 0), "2026-10-07", "K2", "Z34.9", 0);
	exec("INSERT INTO f_anc (kunjungan_id, kontak) VALUES (%ld, 1)", anc);
	long anc_ok = visit(patient("Ibu Hamil", 'P', "1995-06-15", 0), "2026-10-07", "K2", "Z34.9", 0);
	exec("INSERT INTO f_anc (kunjungan_id, kontak) VALUES (%ld, 1)", anc_ok);
	/* ANC: contact 2 again in October; another HPHT 10 weeks on; near misses:
	 * contacts counted on, and a new pregnancy a year after the last */
	static const struct {
		const char *nama, *born, *day[2], *hpht[2];
		int kontak[2];
	} anc_pairs[] = {
		{ "Ibu Ulang", "1994-01-01", { "2026-09-10", "2026-10-10" }, { "2026-05-01", "2026-05-01" }, { 2, 2 } },
		{ "Ibu Dua HPHT", "1994-02-02", { "2026-09-11", "2026-10-11" }, { "2026-05-01", "2026-07-10" }, { 2, 3 } },
		{ "Ibu Urut", "1994-03-03", { "2026-09-12", "2026-10-12" }, { "2026-05-01", "2026-05-01" }, { 2, 3 } },
		{ "Ibu Hamil Lagi", "1994-04-04", { "2025-09-12", "2026-10-12" }, { "2025-05-01", "2026-08-01" }, { 5, 1 } },
	};
	for (size_t i = 0; i < sizeof anc_pairs / sizeof anc_pairs[0]; i++) {
		long pid = patient(anc_pairs[i].nama, 'P', anc_pairs[i].born, 0);
		for (int k = 0; k < 2; k++) {
			char sql[200];
			snprintf(sql, sizeof sql, "INSERT INTO f_anc (kunjungan_id, kontak, hpht) VALUES (%%ld, %d, '%s')",
				 anc_pairs[i].kontak[k], anc_pairs[i].hpht[k]);
			exec(sql, visit(pid, anc_pairs[i].day[k], "K2", "Z34.9", 0));
		}
	}
	long mop = visit(patient("Ibu MOP", 'P', "1985-01-01", 0), "2026-10-08", "K3", "Z30.0", 0);
	exec("INSERT INTO f_kb (kunjungan_id, metode, status) VALUES (%ld, 'MOP', 'BARU')", mop);
	long kondom = visit(patient("Bapak Kondom", 'L', "1985-01-01", 0), "2026-10-08", "K3", "Z30.0", 0);
	exec("INSERT INTO f_kb (kunjungan_id, metode, status) VALUES (%ld, 'KONDOM', 'BARU')", kondom);
	visit(patient("Mak Taksir", 'P', "1950-07-01", 1), "2026-10-09", "K3", "M54.5", 0);
	long old = patient("Siti Aminah", 'P', "1980-05-05", 0);
	visit(old, "2026-09-20", "K3", "K29.7", 0);
	visit(patient("SITI  aminah", 'P', "1980-05-05", 0), "2026-10-12", "K3", "K29.7", 0);
	/* two new ones alike: told once */
	visit(patient("Dewi Kembar", 'P', "2000-02-02", 0), "2026-10-13", "K3", "K29.7", 0);
	visit(patient("Dewi Kembar", 'P', "2000-02-02", 0), "2026-10-14", "K3", "K29.7", 0);
	visit(patient("Masih Bulan Ini", 'L', "1980-01-01", 0), "2026-11-02", "K3", "K29.7", 0);
	return 0;
}

static int teardown(void **s)
{
	(void)s;
	forms_free(&forms);
	db_close(db);
	return 0;
}

/* How many visits the findings of a check list, -1 when it has no finding. */
static int found(const struct periksa *p, const char *check, enum periksa_level level)
{
	int n = -1;
	for (int i = 0; i < p->n; i++)
		if (strcmp(p->f[i].check, check) == 0) {
			assert_int_equal(p->f[i].level, level);
			n = (n < 0 ? 0 : n) + p->f[i].n;
		}
	return n;
}

/* Findings whose title starts so. */
static int titled(const struct periksa *p, const char *start)
{
	int n = 0;
	for (int i = 0; i < p->n; i++)
		n += strncmp(p->f[i].title, start, strlen(start)) == 0;
	return n;
}

static void test_each_check(void **s)
{
	(void)s;
	struct periksa p;
	struct sbuf err = { 0 };
	assert_int_equal(periksa_month(db, &cfg, &forms, "10-2026", today, &p, &err), 0);
	assert_int_equal(found(&p, "tanpa_diagnosis", PERIKSA_KESALAHAN), 1);
	assert_string_equal(p.f[0].v[0].nama, "Tanpa Dx");
	assert_string_equal(p.f[0].v[0].tanggal, "2026-10-05");
	assert_int_equal(found(&p, "kasus_kronis", PERIKSA_KESALAHAN), 1);
	assert_string_equal(p.f[1].v[0].nama, "Hipertensi");
	assert_string_equal(p.f[1].v[0].why, "I10 B; I10 sudah tercatat 01-02-2026");
	assert_int_equal(found(&p, "formulir", PERIKSA_KESALAHAN), 1);
	assert_string_equal(p.f[2].v[0].nama, "Lelaki ANC");
	assert_non_null(strstr(p.f[2].title, "Pemeriksaan kehamilan"));
	assert_int_equal(found(&p, "kb_metode", PERIKSA_KESALAHAN), 1);
	assert_non_null(strstr(p.f[3].v[0].why, "MOP (vasektomi) untuk perempuan"));
	assert_int_equal(found(&p, "anc_urutan", PERIKSA_KESALAHAN), 2);
	assert_string_equal(p.f[4].v[0].nama, "Ibu Ulang");
	assert_string_equal(p.f[4].v[0].why, "kontak 2 setelah kontak 2 tanggal 10-09-2026 (HPHT sama 01-05-2026)");
	assert_string_equal(p.f[4].v[1].nama, "Ibu Dua HPHT");
	assert_string_equal(p.f[4].v[1].why,
			    "HPHT 10-07-2026, kontak 2 tanggal 11-09-2026 dengan HPHT 01-05-2026 (selisih < 40 minggu)");
	assert_int_equal(found(&p, "lb4_agregat", PERIKSA_KESALAHAN), 0);
	assert_int_equal(found(&p, "lahir_perkiraan", PERIKSA_PERHATIAN), 1);
	assert_int_equal(found(&p, "pasien_ganda", PERIKSA_PERHATIAN), 2);
	assert_int_equal(found(&p, "lonjakan", PERIKSA_PERHATIAN), 0);
	assert_int_equal(titled(&p, "LB1 J06.9 ISPA, tidak spesifik: 20, rata-rata 3 bulan sebelumnya 10,0 (+100 %)"), 1);
	assert_int_equal(found(&p, "bulan_berjalan", PERIKSA_PERHATIAN), -1);
	assert_int_equal(p.errors, 6);
	/* kesalahan first */
	for (int i = 1; i < p.n; i++)
		assert_true(p.f[i - 1].level <= p.f[i].level);
	periksa_free(&p);

	/* a higher threshold: the doubling is no jump; the month running is said */
	cfg.lonjakan = 150;
	assert_int_equal(periksa_month(db, &cfg, &forms, "2026-10", today, &p, &err), 0);
	assert_int_equal(titled(&p, "LB1 J06.9 "), 0);
	periksa_free(&p);
	cfg.lonjakan = 50;
	assert_int_equal(periksa_month(db, &cfg, &forms, "11-2026", today, &p, &err), 0);
	assert_int_equal(found(&p, "bulan_berjalan", PERIKSA_PERHATIAN), 0);
	assert_int_equal(found(&p, "lonjakan", PERIKSA_PERHATIAN), -1);	/* half counted: no jump */
	assert_int_equal(found(&p, "tanpa_diagnosis", PERIKSA_KESALAHAN), -1);
	periksa_free(&p);
	sb_free(&err);
}

static void test_clean_month(void **s)
{
	(void)s;
	struct periksa p;
	struct sbuf err = { 0 }, text = { 0 };
	assert_int_equal(periksa_month(db, &cfg, &forms, "07-2026", today, &p, &err), 0);
	assert_int_equal(p.n, 0);
	assert_int_equal(p.errors + p.warnings, 0);
	periksa_text(&p, &text);
	assert_string_equal(sb_str(&text), "Periksa data bulan 07-2026: 0 kesalahan, 0 perhatian\nTidak ada temuan.\n");
	periksa_free(&p);
	sb_free(&text);
}

static void test_future_refused(void **s)
{
	(void)s;
	struct periksa p;
	struct sbuf err = { 0 };
	assert_int_equal(periksa_month(db, &cfg, &forms, "12-2026", today, &p, &err), -1);
	assert_string_equal(sb_str(&err), "bulan 12-2026 belum dimulai");
	sb_reset(&err);
	assert_int_equal(periksa_month(db, &cfg, &forms, "13-2026", today, &p, &err), -1);
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_each_check),
		cmocka_unit_test(test_clean_month),
		cmocka_unit_test(test_future_refused),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
