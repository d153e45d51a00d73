/* Antrian resep: a day's prescriptions per visit in the order they reached the
 * pharmacy, numbered so, the finished ones after the rest; the status from what
 * was given (diberi), closed (tutup) and changed (jumlah_beri); cancelled
 * visits and other days left out; the minutes waiting; the prescriber and the
 * arrival written by resep_insert. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pkm/queue.h"
#include "fixture.h"

static const struct date today = { 2026, 11, 23 };

static void exec(const char *sql)
{
	struct sbuf err = { 0 };
	if (db_exec(db, sql, &err) != 0)
		fail_msg("%s: %s", sql, sb_str(&err));
}

/* A patient born in 1990 with a visit on `day` in `unit`; the visit's id. */
static long visit_of(const char *nama, struct date day, const char *unit)
{
	struct patient p = fx_patient(nama, 'P', "1990-01-01", "UMUM");
	return fx_visit(&p, day, unit).id;
}

/* A prescription line as resep_add writes it, then arrived at `tiba`. */
static long line(long visit, const char *obat, const char *jumlah, const char *tiba)
{
	struct field_errors fe;
	struct sbuf err = { 0 };
	if (resep_add(db, visit, obat, jumlah, "3x1", NULL, &fe, &err) != 0)
		fail_msg("%s %s", fe.n ? fe.e[0].msg : "", sb_str(&err));
	long id = db_query_long(db, "SELECT max(id) FROM resep", -1);
	char sql[160];
	snprintf(sql, sizeof sql, "UPDATE resep SET dibuat = '%s' WHERE id = %ld", tiba, id);
	exec(sql);
	return id;
}

static int setup(void **s)
{
	(void)s;
	setenv("PKM_TODAY", "2026-11-23", 1);
	if (fx_open(":memory:") != 0)
		return -1;
	const char *drugs[][3] = { { "PCT", "Parasetamol 500 mg", "tablet" }, { "AMX", "Amoksisilin 500 mg", "kaplet" },
				   { "ORS", "Oralit", "sachet" } };
	for (int i = 0; i < 3; i++)
		fx_drug(drugs[i][0], drugs[i][1], drugs[i][2], "OBAT", "");
	exec("INSERT INTO pengguna (nama, nama_lengkap, peran, sandi) VALUES ('dr.siti', 'dr. Siti Rahma', 'NAKES', "
	     "'$y$x'), ('bidan.ani', '', 'NAKES', '$y$x')");
	return 0;
}

/* resep_insert keeps when the line reached the pharmacy (today's date, the
 * clock) and who wrote it; a change of the line keeps both. */
static void test_arrival_and_writer(void **s)
{
	(void)s;
	long v = visit_of("Tiba Penulis", today, "K1");
	struct field_errors fe;
	struct sbuf err = { 0 };
	db_set_user(db, "dr.siti");
	assert_int_equal(resep_add(db, v, "PCT", "10", "3x1", NULL, &fe, &err), 0);
	db_set_user(db, NULL);
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM resep WHERE dibuat GLOB '2026-11-23 [0-2][0-9]:[0-5][0-9]:[0-5][0-9]' "
					   "AND penulis = (SELECT id FROM pengguna WHERE nama = 'dr.siti')", -1), 1);
	exec("UPDATE resep SET dibuat = '2026-11-23 07:00:00'");
	db_set_user(db, "bidan.ani");
	assert_int_equal(resep_add(db, v, "PCT", "12", "3x1", NULL, &fe, &err), 1);	/* changed, not added */
	db_set_user(db, NULL);
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM resep WHERE jumlah = 12 AND dibuat = '2026-11-23 07:00:00' "
					   "AND penulis = (SELECT id FROM pengguna WHERE nama = 'dr.siti')", -1), 1);
	/* a line from the command line or the demo has no writer: the queue says so with "-" */
	struct queue_row *q;
	assert_int_equal(queue_list(db, today, NULL, &q, &err), 1);
	assert_string_equal(q[0].penulis, "dr. Siti Rahma");
	free(q);
	exec("DELETE FROM resep");
	sb_free(&err);
}

static void test_order_numbers_statuses(void **s)
{
	(void)s;
	struct date yesterday = { 2026, 11, 22 };
	/* arrivals: E 07:50 (done), B 08:00 (partly given), A 08:10 (waiting),
	 * D 08:20 (one line closed), C 08:30 (changed quantity given whole, so done);
	 * X cancelled at 08:05, Y yesterday */
	long a = visit_of("Ani Menunggu", today, "K3"), b = visit_of("Budi Sebagian", today, "K3");
	long c = visit_of("Cici Diubah", today, "K2"), d = visit_of("Dodi Ditutup", today, "K4");
	long e = visit_of("Eka Selesai", today, "IGD"), x = visit_of("Xena Batal", today, "K3");
	long y = visit_of("Yuni Kemarin", yesterday, "K3");
	line(a, "PCT", "10", "2026-11-23 08:10:00");
	line(a, "AMX", "15", "2026-11-23 08:12:00");
	long b1 = line(b, "PCT", "10", "2026-11-23 08:00:00");
	line(b, "AMX", "15", "2026-11-23 08:01:00");
	long c1 = line(c, "AMX", "20", "2026-11-23 08:30:00");
	long d1 = line(d, "ORS", "6", "2026-11-23 08:20:00");
	line(d, "PCT", "10", "2026-11-23 08:21:00");
	long e1 = line(e, "PCT", "10", "2026-11-23 07:50:00");
	line(x, "PCT", "10", "2026-11-23 08:05:00");
	line(y, "PCT", "10", "2026-11-22 08:00:00");
	char sql[512];
	snprintf(sql, sizeof sql,
		 "UPDATE resep SET diberi = 4 WHERE id = %ld; UPDATE resep SET jumlah_beri = 12, diberi = 12 WHERE id = %ld;"
		 "UPDATE resep SET tutup = 'STOK_KOSONG' WHERE id = %ld; UPDATE resep SET diberi = 10 WHERE id = %ld;"
		 "UPDATE kunjungan SET batal = 'salah pasien' WHERE id = %ld", b1, c1, d1, e1, x);
	exec(sql);
	struct queue_row *q;
	struct sbuf err = { 0 };
	int n = queue_list(db, today, "2026-11-23 09:00:30", &q, &err);
	assert_int_equal(n, 5);
	const char *names[] = { "Budi Sebagian", "Ani Menunggu", "Dodi Ditutup", "Eka Selesai", "Cici Diubah" };
	const int numbers[] = { 2, 3, 4, 1, 5 };
	const enum queue_status st[] = { Q_SEBAGIAN, Q_MENUNGGU, Q_SEBAGIAN, Q_SELESAI, Q_SELESAI };
	const long minutes[] = { 60, 50, 40, -1, -1 };
	for (int i = 0; i < n; i++) {
		assert_string_equal(q[i].nama, names[i]);
		assert_int_equal(q[i].no, numbers[i]);
		assert_int_equal(q[i].status, st[i]);
		assert_int_equal(q[i].minutes, minutes[i]);
		assert_int_equal(q[i].lines, i == 3 || i == 4 ? 1 : 2);
	}
	assert_string_equal(q[1].tiba, "2026-11-23 08:10:00");
	assert_string_equal(q[1].umur, "36 th");
	assert_string_equal(q[2].unit, "K4");
	assert_string_equal(q[2].unit_nama, "Klaster 4 Penanggulangan Penyakit Menular");
	assert_string_equal(q[0].penulis, "");
	free(q);
	/* another day: its own queue, no minutes */
	assert_int_equal(queue_list(db, yesterday, NULL, &q, &err), 1);
	assert_string_equal(q[0].nama, "Yuni Kemarin");
	assert_int_equal(q[0].no, 1);
	assert_int_equal(q[0].minutes, -1);
	free(q);
	/* the rest given: Ani is done and moves down, keeping her number */
	snprintf(sql, sizeof sql, "UPDATE resep SET diberi = jumlah WHERE kunjungan_id = %ld", a);
	exec(sql);
	n = queue_list(db, today, "2026-11-23 09:00:30", &q, &err);
	assert_int_equal(n, 5);
	assert_string_equal(q[2].nama, "Eka Selesai");
	assert_string_equal(q[3].nama, "Ani Menunggu");
	assert_int_equal(q[3].no, 3);
	assert_int_equal(q[3].status, Q_SELESAI);
	free(q);
	/* a day without prescriptions */
	assert_int_equal(queue_list(db, (struct date){ 2026, 11, 1 }, NULL, &q, &err), 0);
	free(q);
	sb_free(&err);
}

/* The printed line: the screen's columns, a name cut whole, stored text made visible. */
static void test_text_line(void **s)
{
	(void)s;
	struct queue_row r = { .no = 12, .lines = 3, .minutes = 7, .status = Q_SEBAGIAN };
	str_copy(r.nama, sizeof r.nama, "Nur'aini Syafi'i Binti \033[2J");
	str_copy(r.umur, sizeof r.umur, "34 th");
	str_copy(r.no_rm, sizeof r.no_rm, "000123");
	str_copy(r.unit_nama, sizeof r.unit_nama, "Klaster 2 Ibu dan Anak");
	struct sbuf out = { 0 };
	queue_text_head(&out);
	queue_text_line(&r, &out);
	assert_string_equal(sb_str(&out),
			    " No Nama             Umur  No. RM   Unit      Penulis    Obat Menit Status\n"
			    " 12 Nur'aini Syafi'i 34 th 000123   Klaster 2 -             3     7 sebagian\n");
	sb_reset(&out);
	str_copy(r.nama, sizeof r.nama, "Ani \033[2J");
	queue_text_line(&r, &out);
	assert_null(strchr(sb_str(&out), '\033'));
	sb_free(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_arrival_and_writer),
		cmocka_unit_test(test_order_numbers_statuses),
		cmocka_unit_test(test_text_line),
	};
	return cmocka_run_group_tests(tests, setup, fx_teardown);
}
