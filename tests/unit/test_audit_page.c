/* The audit viewer's pages: newest first, each page older than the last,
 * every row once, the filter applied to every page. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include "pkm/audit.h"
#include "pkm/db.h"
#include "pkm/open.h"
#include "pkm/patient.h"
#include "trail.h"

static void test_pages(void **s)
{
	(void)s;
	struct sbuf err = { 0 };
	sqlite3 *db = pkm_open(":memory:", &err);
	assert_non_null(db);
	db_set_user(db, "uji");
	for (int i = 0; i < 250; i++)
		assert_int_equal(audit_event(db, i % 5 ? "EKSPOR" : "MASUK", "pasien", i + 1, 0, "uji", &err), 0);
	long total = db_query_long(db, "SELECT count(*) FROM audit", -1), newest = db_query_long(db, "SELECT max(id) FROM audit", -1);
	struct audit_filter all = { 0 };
	struct audit_list l = { 0 };
	long seen = 0, last = 0;
	int n;
	while ((n = audit_page(db, &all, last, 100, &l, &err)) > 0) {
		if (!seen)
			assert_int_equal(l.e[0].id, newest);
		for (int i = 0; i < l.n; i++) {
			assert_true(last == 0 || l.e[i].id < last);
			last = l.e[i].id;
		}
		seen += n;
		audit_list_cut(&l, 0);
	}
	assert_int_equal(n, 0);
	assert_int_equal(seen, total);
	/* a filter on every page: one user's rows only */
	struct audit_filter other = { .user = "tidak_ada" };
	assert_int_equal(audit_page(db, &other, 0, 100, &l, &err), 0);
	/* by date: a row of another day (written back-dated from a shell) is found on its day only */
	assert_int_equal(sqlite3_exec(db, "INSERT INTO audit (waktu, aksi, tabel, baru) VALUES "
				      "(unixepoch('2020-03-03 10:00:00'), 'EKSPOR', 'pasien', 'dulu')", NULL, NULL, NULL), SQLITE_OK);
	struct audit_filter day = { 0 };
	char iso[2][11];
	struct field_errors fe = { 0 };
	audit_filter_dates(&day, "03-03-2020", "2020-03-03", iso, &fe);	/* as people type, or ISO */
	assert_int_equal(fe.n, 0);
	assert_int_equal(audit_page(db, &day, 0, 100, &l, &err), 1);
	assert_string_equal(l.e[0].baru, "dulu");
	assert_string_equal(l.e[0].waktu, "2020-03-03 10:00:00");
	struct audit_filter after = { .from = "2020-03-04", .to = "2020-03-04" }, since = { .from = "2020-03-03" };
	assert_int_equal(audit_page(db, &after, 0, 100, &l, &err), 0);
	assert_int_equal(audit_page(db, &since, 0, 1000, &l, &err), total + 1);
	struct audit_filter wrong = { 0 };
	audit_filter_dates(&wrong, "31-02-2020", "", iso, &fe);
	assert_int_equal(fe.n, 1);
	assert_non_null(strstr(field_error_for(&fe, "from"), "tanggal tidak sah '31-02-2020'"));
	assert_null(wrong.from);
	assert_null(wrong.to);
	assert_int_equal(audit_filter_check(db, &wrong, &fe), -1);
	audit_list_free(&l);
	db_close(db);
	sb_free(&err);
}

static long new_patient(sqlite3 *db, const char *name)
{
	struct patient p = { 0 };
	str_copy(p.nama, sizeof p.nama, name);
	p.sex = 'L';
	str_copy(p.tanggal_lahir, sizeof p.tanggal_lahir, "1980-05-05");
	str_copy(p.penjamin, sizeof p.penjamin, "UMUM");
	struct sbuf err = { 0 };
	assert_int_equal(patient_save_new(db, &p, &err), 0);
	sb_free(&err);
	return p.id;
}

static void run(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		fail_msg("%s: %s", sql, msg);
}

/* A save is one trail row for its rows of one patient; the next patient's
 * change starts another; a change from outside pkm is a row of its own. */
static void test_saves(void **s)
{
	(void)s;
	struct sbuf err = { 0 };
	sqlite3 *db = pkm_open(":memory:", &err);
	assert_non_null(db);
	db_set_user(db, "rina");
	long a = new_patient(db, "Adi Saputra"), b = new_patient(db, "Beni Saputra");
	long rows = db_query_long(db, "SELECT count(*) FROM audit", -1);
	assert_int_equal(rows, 2);	/* each registration its own save */
	assert_int_equal(db_begin(db), 0);
	/* a quote and a line break in a value: read back whole */
	run(db, "UPDATE pasien SET alamat = 'Jl. O''Neil' || char(10) || 'No. 5' WHERE nama = 'Adi Saputra'");
	run(db, "UPDATE pasien SET desa = 'Sukamaju', no_hp = '081234567890' WHERE nama = 'Adi Saputra'");
	run(db, "UPDATE pasien SET desa = desa WHERE nama = 'Adi Saputra'");	/* changes nothing: no line */
	run(db, "UPDATE pasien SET desa = 'Cibiru' WHERE nama = 'Beni Saputra'");
	run(db, "DELETE FROM pasien WHERE nama = 'Beni Saputra'");
	assert_int_equal(db_commit(db), 0);
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM audit", -1), rows + 2);
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM audit WHERE aksi IS NULL AND pengguna = "
				       "(SELECT kode FROM audit_nama WHERE nama = 'rina') AND pasien_id IS NOT NULL", -1), 4);
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM audit_kumpul", -1), 0);
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM audit WHERE pasien_id = %ld AND pkm_jejak(baru) LIKE '%%~%%~%%'", a);
	assert_int_equal(db_query_long(db, sql, -1), 1);
	assert_int_equal(trail_count(db, "UBAH", "pasien", "rina", "alamat=''", "alamat='Jl. O''Neil\nNo. 5'"), 1);
	assert_int_equal(trail_count(db, "UBAH", "pasien", "rina", "desa='', no_hp=''",
				     "desa='Sukamaju', no_hp='081234567890'"), 1);
	assert_int_equal(trail_count(db, "UBAH", "pasien", "rina", NULL, "desa='Cibiru'"), 1);
	/* the viewer lists a save's rows newest first, as it lists the saves */
	struct audit_list all_rows = { 0 };
	struct audit_filter none = { 0 };
	assert_int_equal(audit_page(db, &none, 0, 100, &all_rows, &err), (int)rows + 2);
	int later = -1, earlier = -1;
	for (int i = 0; i < all_rows.n; i++) {
		if (strcmp(all_rows.e[i].aksi, "UBAH") == 0 && strstr(all_rows.e[i].baru, "desa='Sukamaju'"))
			later = i;
		if (strcmp(all_rows.e[i].aksi, "UBAH") == 0 && strstr(all_rows.e[i].baru, "alamat='Jl. O"))
			earlier = i;
	}
	assert_true(later >= 0 && earlier > later);
	audit_list_free(&all_rows);
	assert_int_equal(trail_count(db, "HAPUS", "pasien", "rina", "nama='Beni Saputra'", NULL), 1);
	/* an inserted row shows what it holds now; a removed one says so */
	assert_int_equal(trail_count(db, "TAMBAH", "pasien", "rina", NULL, "kini: id="), 1);
	assert_int_equal(trail_count(db, "TAMBAH", "pasien", "rina", NULL, "(baris ini sudah tidak ada)"), 1);
	/* outside pkm: no writer, a row per change */
	db_set_user(db, NULL);
	run(db, "UPDATE pasien SET desa = 'Lain' WHERE id = 1");
	run(db, "UPDATE pasien SET desa = 'Lagi' WHERE id = 1");
	assert_int_equal(trail_count(db, "UBAH", "pasien", "(di luar pkm)", NULL, "desa='L"), 2);
	/* a batch's balance kept by its movements is told by them; one set by hand is recorded */
	run(db, "INSERT INTO obat (kode, nama, satuan) VALUES ('PCT500', 'Parasetamol 500 mg', 'tablet')");
	run(db, "INSERT INTO batch (obat, sumber, no_batch, kedaluwarsa) VALUES ('PCT500', 'APBD', 'B1', '2028-01-01')");
	run(db, "INSERT INTO mutasi (batch_id, tanggal, jenis, jumlah) VALUES (1, '2026-11-01', 'TERIMA', 100)");
	assert_int_equal(db_query_long(db, "SELECT saldo FROM batch", -1), 100);
	assert_int_equal(trail_count(db, "TAMBAH", "mutasi", NULL, NULL, "jumlah=100"), 1);
	assert_int_equal(trail_count(db, "UBAH", "batch", NULL, NULL, NULL), 0);
	run(db, "UPDATE batch SET saldo = 90");
	assert_int_equal(trail_count(db, "UBAH", "batch", NULL, "saldo=100", "saldo=90"), 1);
	/* a table whose columns change gets a new code: older lines keep their names */
	run(db, "ALTER TABLE obat ADD COLUMN catatan TEXT");
	assert_int_equal(audit_install(db, &err), 0);
	run(db, "UPDATE obat SET catatan = 'uji', satuan = 'strip'");
	assert_int_equal(trail_count(db, "UBAH", "obat", NULL, "satuan='tablet', catatan=NULL",
				     "satuan='strip', catatan='uji'"), 1);
	assert_int_equal(trail_count(db, "TAMBAH", "obat", NULL, NULL, "kini: kode='PCT500', nama="), 1);
	/* a line no pkm wrote (from a shell) is shown as it is */
	run(db, "INSERT INTO audit (baru) VALUES ('99+1'), ('x')");
	struct audit_list l = { 0 };
	struct audit_filter all = { 0 };
	assert_int_equal(audit_page(db, &all, 0, 2, &l, &err), 2);
	assert_string_equal(l.e[0].baru, "x");
	assert_string_equal(l.e[1].baru, "99+1");
	audit_list_free(&l);
	(void)b;
	db_close(db);
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = { cmocka_unit_test(test_pages), cmocka_unit_test(test_saves) };
	return cmocka_run_group_tests(tests, NULL, NULL);
}
