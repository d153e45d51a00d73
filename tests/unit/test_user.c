/* Users and the audit trail: checks of a new user, yescrypt hashes, log-in
 * with the failure lock, role rights, and the trail written by the triggers in
 * the same transaction, append-only, with the writer's name. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "pkm/audit.h"
#include "trail.h"
#include "pkm/user.h"
#include "fixture.h"

static const struct login_policy policy = { 3, 15 };
static const time_t T0 = 1795000000;	/* 2026-11-18 */

static long add_user(const char *nama, const char *peran, const char *units, const char *password)
{
	struct user_input in = { nama, "Petugas Uji", peran, units, password, password, NULL };
	struct user u;
	struct field_errors fe = { 0 };
	struct sbuf err = { 0 };
	if (user_check(db, &in, 0, &u, &fe) != 0)
		fail_msg("%s: %s", fe.e[0].column, fe.e[0].msg);
	if (user_save(db, &u, password, &err) != 0)
		fail_msg("%s", sb_str(&err));
	return u.id;
}

static const char *first_error(const struct user_input *in)
{
	static struct field_errors fe;
	struct user u;
	memset(&fe, 0, sizeof fe);
	user_check(db, in, 0, &u, &fe);
	static char buf[200];
	snprintf(buf, sizeof buf, "%s: %s", fe.n ? fe.e[0].column : "-", fe.n ? fe.e[0].msg : "");
	return fe.n ? buf : NULL;
}

static void test_user_checks(void **s)
{
	(void)s;
	struct user_input in = { "siti.k2", "Siti", "NAKES", "k2 K3", "Kopi-Tubruk9", "Kopi-Tubruk9", NULL };
	assert_null(first_error(&in));
	in.nama = "Siti";
	assert_string_equal(first_error(&in), "nama: hanya huruf kecil, angka, titik, garis bawah atau tanda minus");
	in.nama = "siti.k2";
	in.units = "";
	assert_string_equal(first_error(&in), "unit: tenaga kesehatan perlu paling sedikit satu unit");
	in.units = "K9";
	assert_string_equal(first_error(&in), "unit: unit K9 tidak dikenal");
	in.units = "K2";
	in.peran = "DOKTER";
	assert_non_null(strstr(first_error(&in), "peran: "));
	in.peran = "PENDAFTARAN";
	assert_string_equal(first_error(&in), "unit: unit hanya untuk peran tenaga kesehatan");
	in.units = "";
	in.password = in.password2 = "pendek1";
	assert_string_equal(first_error(&in), "sandi: kata sandi paling sedikit 8 karakter");
	in.password = in.password2 = "abcdefghij";
	assert_string_equal(first_error(&in), "sandi: kata sandi perlu huruf dan angka atau tanda baca");
	in.password = "Kopi-Tubruk9";
	assert_string_equal(first_error(&in), "sandi2: kata sandi ulangan tidak sama");
	in.password2 = "Kopi-Tubruk9";
	/* the commonest passwords, in any case, and ones holding the user name */
	static const char *const weak[] = { "password1", "Bismillah", "PUSKESMAS", "indonesia", "rahasia123",
					    "x-SITI.K2-9", "2k.itis-x9" };
	for (size_t i = 0; i < sizeof weak / sizeof *weak; i++) {
		in.password = in.password2 = weak[i];
		assert_non_null(strstr(first_error(&in), i < 5 ? "paling umum" : "memuat nama pengguna"));
	}
	assert_null(password_problem("Kopi-Tubruk9", "ab"));
	assert_non_null(password_problem("ab", "ab"));
	in.password = in.password2 = "Kopi-Tubruk9";
	add_user("siti.k2", "NAKES", "K2", "Kopi-Tubruk9");
	assert_string_equal(first_error(&in), "nama: nama pengguna sudah dipakai");
}

static void test_hash_is_yescrypt_and_salted(void **s)
{
	(void)s;
	add_user("a.satu", "PENDAFTARAN", "", "samasama1");
	add_user("a.dua", "PENDAFTARAN", "", "samasama1");
	sqlite3_stmt *st = db_prepare(db, "SELECT sandi FROM pengguna WHERE nama IN ('a.satu', 'a.dua') ORDER BY nama",
				      NULL);
	char h[2][256];
	for (int i = 0; i < 2; i++) {
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		db_col_text(st, 0, h[i], sizeof h[i]);
		assert_memory_equal(h[i], "$y$", 3);
		assert_null(strstr(h[i], "samasama1"));
	}
	sqlite3_finalize(st);
	assert_string_not_equal(h[0], h[1]);	/* a salt each */
}

static void test_login_and_lock(void **s)
{
	(void)s;
	add_user("budi", "FARMASI", "", "obat2026!");
	struct user u;
	int left;
	assert_int_equal(user_login(db, &policy, "budi", "salah-1", T0, &u, &left), LOGIN_WRONG);
	assert_int_equal(user_login(db, &policy, "budi", "salah-2", T0, &u, &left), LOGIN_WRONG);
	assert_int_equal(user_login(db, &policy, "budi", "salah-3", T0, &u, &left), LOGIN_WRONG);
	/* locked: even the right password is refused until the time has passed */
	assert_int_equal(user_login(db, &policy, "budi", "obat2026!", T0 + 60, &u, &left), LOGIN_LOCKED);
	assert_int_equal(left, 14);
	/* guesses during the lock-out are in the trail too */
	assert_int_equal(user_login(db, &policy, "budi", "tebak-4", T0 + 120, &u, &left), LOGIN_LOCKED);
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM audit WHERE aksi = 'GAGAL' AND pengguna = (SELECT kode FROM audit_nama WHERE nama = 'budi') "
					   "AND baru = 'dicoba saat akun terkunci'", -1), 2);
	assert_int_equal(user_login(db, &policy, "budi", "obat2026!", T0 + 15 * 60, &u, &left), LOGIN_OK);
	assert_string_equal(u.peran, "FARMASI");
	assert_string_equal(db_user(db), "budi");
	assert_int_equal(db_query_long(db, "SELECT gagal FROM pengguna WHERE nama = 'budi'", -1), 0);
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM audit WHERE aksi = 'GAGAL' AND pengguna = (SELECT kode FROM audit_nama WHERE nama = 'budi')", -1),
			 5);
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM audit WHERE aksi = 'MASUK' AND pengguna = (SELECT kode FROM audit_nama WHERE nama = 'budi')", -1),
			 1);
	assert_int_equal(user_login(db, &policy, "tidakada", "apasaja1", T0, &u, &left), LOGIN_WRONG);
	/* a closed account */
	struct sbuf err = { 0 };
	long id = add_user("lama", "PELAPORAN", "", "laporan2026");
	assert_int_equal(user_set_active(db, id, 0, &err), 0);
	assert_int_equal(user_login(db, &policy, "lama", "laporan2026", T0, &u, &left), LOGIN_INACTIVE);
	/* a reset password works and the old one does not */
	assert_int_equal(user_set_active(db, id, 1, &err), 0);
	assert_int_equal(user_set_password(db, id, "baru-2026", 1, &err), 0);
	assert_int_equal(user_login(db, &policy, "lama", "laporan2026", T0, &u, &left), LOGIN_WRONG);
	assert_int_equal(user_login(db, &policy, "lama", "baru-2026", T0, &u, &left), LOGIN_OK);
	assert_int_equal(u.ganti_sandi, 1);
	sb_free(&err);
}

static void test_rights(void **s)
{
	(void)s;
	struct user u = { .peran = "NAKES", .n_units = 1, .units = { "K2" } };
	assert_true(user_sees_unit(&u, "K2"));
	assert_false(user_sees_unit(&u, "K3"));
	str_copy(u.peran, sizeof u.peran, "PENDAFTARAN");
	assert_false(user_sees_unit(&u, "K2"));
	assert_false(role_rights("PENDAFTARAN") & R_CLINICAL);
	assert_false(role_rights("FARMASI") & R_CLINICAL);
	assert_true(role_rights("FARMASI") & R_PHARMACY);
	assert_true(role_rights("PELAPORAN") & R_REPORTS);
	assert_false(role_rights("PELAPORAN") & R_REGISTER);
	assert_true(role_rights("ADMIN") & R_ADMIN);
	assert_int_equal(role_rights("DOKTER"), 0);
}

static void test_audit_trail(void **s)
{
	(void)s;
	db_set_user(db, "siti.k2");
	struct patient p = fx_patient("Audit Pasien", 'P', "1990-01-01", "UMUM");
	struct sbuf err = { 0 };
	assert_int_equal(trail_count(db, "TAMBAH", "pasien", "siti.k2", NULL, "nama='Audit Pasien'"), 1);
	/* an update records the changed column only; an update changing nothing, nothing */
	assert_int_equal(db_begin(db), 0);
	char sql[160];
	snprintf(sql, sizeof sql, "UPDATE pasien SET alamat = 'Jl. Baru' WHERE id = %ld", p.id);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(db_commit(db), 0);
	assert_int_equal(trail_count(db, "UBAH", "pasien", "siti.k2", "alamat=''", "alamat='Jl. Baru'"), 1);
	assert_int_equal(trail_count(db, "UBAH", "pasien", NULL, NULL, NULL), 1);
	/* a rolled-back change leaves no trail */
	long before = db_query_long(db, "SELECT count(*) FROM audit", -1);
	assert_int_equal(db_begin(db), 0);
	snprintf(sql, sizeof sql, "UPDATE pasien SET alamat = 'Batal' WHERE id = %ld", p.id);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	db_rollback(db);
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM audit", -1), before);
	/* the writer's row never outlives a transaction */
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM pelaku", -1), 0);
	/* append-only */
	assert_int_not_equal(sqlite3_exec(db, "UPDATE audit SET pengguna = 99", NULL, NULL, NULL), SQLITE_OK);
	assert_int_not_equal(sqlite3_exec(db, "DELETE FROM audit", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM audit", -1), before);
	/* a password change shows that it changed, never the hash */
	int changed = trail_count(db, "UBAH", "pengguna", NULL, "sandi='***'", "sandi='(diganti)'");
	assert_int_equal(user_set_password(db, 1, "lain-lagi-9", 0, &err), 0);
	assert_int_equal(trail_count(db, "UBAH", "pengguna", NULL, "sandi='***'", "sandi='(diganti)'"), changed + 1);
	assert_int_equal(trail_count(db, "TAMBAH", "pengguna", NULL, NULL, "$y$"), 0);
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM audit WHERE lama LIKE '%$y$%' OR pkm_jejak(baru) LIKE '%$y$%'",
				       -1), 0);
	/* pkm audit: filtered by patient, by user */
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	struct audit_filter f = { p.no_rm, NULL, "2000-01-01", NULL };
	struct field_errors fe = { 0 };
	assert_int_equal(audit_filter_check(db, &f, &fe), 0);
	assert_int_equal(audit_write(db, &f, out, &err), 2);
	fclose(out);
	assert_non_null(strstr(text, "siti.k2      TAMBAH pasien"));
	free(text);
	struct audit_filter bad = { "999999", NULL, "2026-02-30", NULL };
	assert_int_equal(audit_filter_check(db, &bad, &fe), -1);
	assert_non_null(strstr(field_error_for(&fe, "from"), "tanggal tidak sah"));
	assert_non_null(strstr(field_error_for(&fe, "patient"), "tidak ada pasien dengan No. RM 999999"));
	sb_free(&err);
	db_set_user(db, NULL);
}

static void test_every_data_table_audited(void **s)
{
	(void)s;
	/* a table a migration adds is audited unless it is listed as reference data */
	const char *must[] = { "pasien", "kunjungan", "diagnosis", "f_anc", "f_tb", "obat", "batch", "mutasi",
			       "resep", "pengguna", "pengguna_unit", "lb4_agregat" };
	for (size_t i = 0; i < sizeof must / sizeof *must; i++) {
		char sql[200];
		snprintf(sql, sizeof sql, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = '%s' "
			 "AND name LIKE 'audit%%'", must[i]);
		assert_int_equal(db_query_long(db, sql, -1), 3);
	}
	assert_false(audit_table_audited("pasien_kata"));
	assert_false(audit_table_audited("audit"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_user_checks), cmocka_unit_test(test_hash_is_yescrypt_and_salted),
		cmocka_unit_test(test_login_and_lock), cmocka_unit_test(test_rights),
		cmocka_unit_test(test_audit_trail), cmocka_unit_test(test_every_data_table_audited),
	};
	return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
