/* The village master (src/desa.c, desa_impor.c): codes as typed, the search
 * by word starts, a patient's typed village resolved to a code, the imports
 * of villages and targets (all or nothing, line-numbered), and the old free
 * texts listed with the nearest master name and mapped by a file. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include "trail.h"
#include "fixture.h"
#include "pkm/desa.h"
#include "pkm/patient_data.h"

static char csv[64];

/* Write text to the test's CSV file. */
static const char *file_of(const char *text)
{
	FILE *f = fopen(csv, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return csv;
}

static int setup(void **s)
{
	snprintf(csv, sizeof csv, "/tmp/pkm-test-desa-%d.csv", (int)getpid());
	if (fx_setup(s) != 0)
		return -1;
	db_set_user(db, "admin");
	struct sbuf done = { 0 }, err = { 0 };
	int rc = import_desa(db, file_of("kode,nama,wilayah,pustu,posyandu\n"
					 "32.04.10.2001,Sukamaju,Y,Pustu Sukamaju,Melati\n"
					 "3204102002,Cibodas,1,,\n"
					 "3204102003,Sukamaju Baru,Y,,\n"
					 "3204112001,Margahayu,T,,\n"), NULL, &done, &err);
	sb_free(&done);
	sb_free(&err);
	return rc;
}

static int teardown(void **s)
{
	remove(csv);
	return fx_teardown(s);
}

static void codes_as_typed(void **s)
{
	(void)s;
	char out[11];
	assert_int_equal(desa_code("32.04.10.2001", out), 0);
	assert_string_equal(out, "3204102001");
	assert_int_equal(desa_code("3204102001", out), 0);
	assert_int_equal(desa_code("32.04.102.001", out), -1);
	assert_int_equal(desa_code("32.04.10.200", out), -1);
	assert_int_equal(desa_code("320410200", out), -1);
	assert_int_equal(desa_code("32.04.10.2001.", out), -1);
	char name[64];
	desa_search_name("  Kp. SUKA-maju  2 ", name, sizeof name);
	assert_string_equal(name, "kp suka maju 2");
}

static void search_by_word_starts(void **s)
{
	(void)s;
	struct desa d[8];
	assert_int_equal(desa_search(db, "suka", d, 8), 2);
	assert_string_equal(d[0].nama, "Sukamaju");
	assert_string_equal(d[1].nama, "Sukamaju Baru");
	assert_int_equal(desa_search(db, "suka ba", d, 8), 1);
	assert_string_equal(d[0].kode, "3204102003");
	/* the name typed whole is that village, not every name it starts */
	assert_int_equal(desa_search(db, "SUKA MAJU", d, 8), 1);
	assert_string_equal(d[0].kode, "3204102001");
	assert_int_equal(desa_search(db, "32041120", d, 8), 1);
	assert_int_equal(d[0].wilayah, 0);
	assert_int_equal(desa_search(db, "maju", d, 8), 0);
	assert_int_equal(desa_search(db, "suka", d, 1), 1);
}

static void patient_village_resolved(void **s)
{
	(void)s;
	struct patient_input in = { .nama = "Ani", .jenis_kelamin = "P", .tanggal_lahir = "1990-01-01",
				    .penjamin = "UMUM", .desa = "32.04.10.2002" };
	struct patient p;
	struct field_errors fe;
	assert_int_equal(patient_check(db, &in, &p, &fe, NULL, 0), 0);
	assert_string_equal(p.desa, "Cibodas");
	assert_string_equal(p.desa_kode, "3204102002");
	in.desa = "suka maju";	/* a name: the code, the text as typed */
	assert_int_equal(patient_check(db, &in, &p, &fe, NULL, 0), 0);
	assert_string_equal(p.desa, "suka maju");
	assert_string_equal(p.desa_kode, "3204102001");
	in.desa = "SUKA-MAJU.";	/* case, spaces and marks aside */
	assert_int_equal(patient_check(db, &in, &p, &fe, NULL, 0), 0);
	assert_string_equal(p.desa_kode, "3204102001");
	in.desa = "Kampung Jauh";
	in.desa_luar = 1;
	assert_int_equal(patient_check(db, &in, &p, &fe, NULL, 0), 0);
	assert_string_equal(p.desa_kode, "");
	assert_int_equal(p.desa_luar, 1);
	struct sbuf err = { 0 };
	assert_int_equal(patient_save_new(db, &p, &err), 0);
	assert_int_equal(db_query_long(db, "SELECT desa_luar FROM pasien WHERE desa = 'Kampung Jauh'", -1), 1);
	sb_free(&err);
}

/* A bulk check's memo (db_memo_begin) answers as the tables do: a village by
 * name, by code, none, a text too long to keep; a payer code found or not;
 * ended, a village added since is found. */
static void village_memo_same_answers(void **s)
{
	(void)s;
	static const char *const typed[] = { "suka maju", "32.04.10.2002", "Kampung Jauh", "SUKA-MAJU.", "suka maju",
		"Kampung Jauh", "Desa Yang Namanya Ditulis Panjang Sekali Oleh Petugas Pendaftaran Kemarin",
		"32.04.10.2002" };
	char want[ARRAY_LEN(typed)][300], got[ARRAY_LEN(typed)][300];
	for (int memo = 0; memo < 2; memo++) {
		if (memo)
			db_memo_begin(db);
		for (size_t i = 0; i < ARRAY_LEN(typed); i++) {
			char kode[11] = "", nama[244] = "";
			int found = desa_resolve(db, typed[i], kode, nama, sizeof nama);
			snprintf(memo ? got[i] : want[i], sizeof want[i], "%d %s %s", found, kode, nama);
		}
	}
	/* the payer codes the same check keeps: found ones as found, unknown ones refused each time */
	const struct column_def *payer = dict_find(db, "pasien", "penjamin");
	assert_non_null(payer);
	for (int i = 0; i < 2; i++) {
		char code[24];
		assert_null(dict_check(db, payer, "bpjs pbi", code, sizeof code));
		assert_string_equal(code, "BPJS_PBI");
		assert_non_null(dict_check(db, payer, "BPJS PPI", code, sizeof code));
	}
	for (size_t i = 0; i < ARRAY_LEN(typed); i++)
		assert_string_equal(got[i], want[i]);
	assert_string_equal(got[0], "1 3204102001 Sukamaju");
	assert_string_equal(got[2], "0  ");
	db_memo_end(db);
	struct sbuf err = { 0 };
	assert_int_equal(db_exec(db, "INSERT INTO desa (kode, nama, nama_cari, wilayah) VALUES "
				 "('3204102009', 'Kampung Jauh', 'kampung jauh', 0)", &err), 0);
	char kode[11], nama[244];
	assert_int_equal(desa_resolve(db, "Kampung Jauh", kode, nama, sizeof nama), 1);
	assert_int_equal(db_exec(db, "DELETE FROM desa WHERE kode = '3204102009'", &err), 0);
	sb_free(&err);
}

static void merge_keeps_the_village_code(void **s)
{
	(void)s;
	assert_int_equal(sqlite3_exec(db, "INSERT INTO pasien (no_rm, nama, nama_cari, jenis_kelamin, tanggal_lahir, "
				      "desa, desa_kode, penjamin) VALUES ('M1', 'Tetap', 'TETAP', 'P', '1990-01-01', '', NULL, "
				      "'UMUM'), ('M2', 'Dobel', 'DOBEL', 'P', '1990-01-01', 'Cibodas', '3204102002', 'UMUM')",
				      NULL, NULL, NULL), SQLITE_OK);
	struct sbuf err = { 0 };
	assert_int_equal(patient_merge(db, "M1", "M2", &err), 0);
	assert_int_equal(db_query_text_exists(db, "SELECT 1 FROM pasien WHERE no_rm = ? AND desa = 'Cibodas' AND "
					      "desa_kode = '3204102002'", "M1"), 1);
	sb_free(&err);
}

static void import_refused_whole(void **s)
{
	(void)s;
	struct sbuf done = { 0 }, err = { 0 };
	assert_int_equal(import_desa(db, file_of("kode,nama,wilayah\n3204102004,Baru,Y\n3204102005,,Y\n"
						 "12,X,Y\n3204102004,Lagi,T\n"), NULL, &done, &err), -1);
	assert_non_null(strstr(sb_str(&err), ":3: nama:"));
	assert_non_null(strstr(sb_str(&err), ":4: kode: kode desa harus 10 angka"));
	assert_non_null(strstr(sb_str(&err), ":5: kode: kode 3204102004 sudah ada di baris 2"));
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM desa WHERE kode = '3204102004'", -1), 0);
	sb_free(&err);
	/* a code there is changed, the other rows kept */
	assert_int_equal(import_desa(db, file_of("kode,nama,wilayah,pustu\n3204102002,Cibodas,Y,Pustu Cibodas\n"),
				     NULL, &done, &err), 0);
	assert_non_null(strstr(sb_str(&done), "1 desa diimpor (0 baru, 1 diperbarui)"));
	struct desa d;
	assert_int_equal(desa_get(db, "3204102002", &d), 1);
	assert_string_equal(d.pustu, "Pustu Cibodas");
	assert_int_equal(desa_count(db), 4);
	sb_free(&done);
	sb_free(&err);
}

static void targets_replaced_per_village(void **s)
{
	(void)s;
	struct sbuf done = { 0 }, err = { 0 };
	assert_int_equal(import_sasaran(db, 2026, file_of("kode_desa,bumil,balita,lansia\n3204102001,40,200,300\n"
							  "3204102002,30,,250\n"), NULL, &done, &err), 0);
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM sasaran WHERE tahun = 2026", -1), 5);
	/* the village in the file loses the kinds it no longer gives; the other keeps its rows */
	assert_int_equal(import_sasaran(db, 2026, file_of("kode_desa,bumil\n3204102001,45\n"), NULL, &done, &err), 0);
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM sasaran WHERE desa_kode = '3204102001'", -1), 1);
	assert_int_equal(db_query_long(db, "SELECT jumlah FROM sasaran WHERE desa_kode = '3204102001'", -1), 45);
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM sasaran WHERE desa_kode = '3204102002'", -1), 2);
	/* an unknown village or column, a bad number: nothing */
	assert_int_equal(import_sasaran(db, 2027, file_of("kode_desa,bumil,unta\n3204102001,1,1\n"), NULL, &done,
					&err), -1);
	assert_non_null(strstr(sb_str(&err), ":1: unta: kolom tidak dikenal"));
	sb_free(&err);
	assert_int_equal(import_sasaran(db, 2027, file_of("kode_desa,bumil\n3204102001,1\n3204109999,2\n"
							  "3204102002,x\n"), NULL, &done, &err), -1);
	assert_non_null(strstr(sb_str(&err), ":3: kode_desa: desa 3204109999 tidak ada"));
	assert_non_null(strstr(sb_str(&err), ":4: bumil: jumlah harus"));
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM sasaran WHERE tahun = 2027", -1), 0);
	sb_free(&done);
	sb_free(&err);
}

static void free_texts_mapped(void **s)
{
	(void)s;
	assert_int_equal(sqlite3_exec(db, "INSERT INTO pasien (no_rm, nama, nama_cari, jenis_kelamin, tanggal_lahir, "
				      "desa, penjamin) VALUES ('T1', 'A', 'A', 'P', '1990-01-01', 'Suka Maju', 'UMUM'), "
				      "('T2', 'B', 'B', 'P', '1990-01-01', 'Suka Maju', 'UMUM'), "
				      "('T3', 'C', 'C', 'P', '1990-01-01', 'sukamaju ', 'UMUM'), "
				      "('T4', 'D', 'D', 'P', '1990-01-01', 'Cibodass', 'UMUM'), "
				      "('T5', 'E', 'E', 'P', '1990-01-01', 'Kota', 'UMUM')", NULL, NULL, NULL), SQLITE_OK);
	struct desa_teks *t;
	int n = desa_petakan(db, &t);
	assert_int_equal(n, 4);
	assert_string_equal(t[0].teks, "Suka Maju");
	assert_int_equal(t[0].jumlah, 2);
	assert_string_equal(t[0].kode, "3204102001");
	assert_int_equal(t[0].jarak, 0);
	assert_string_equal(t[1].teks, "Cibodass");
	assert_string_equal(t[1].nama, "Cibodas");
	assert_int_equal(t[1].jarak, 1);
	assert_string_equal(t[2].teks, "Kota");
	assert_int_equal(t[2].jarak, -1);
	assert_string_equal(t[2].kode, "");
	assert_string_equal(t[3].teks, "sukamaju");
	free(t);
	struct sbuf done = { 0 }, err = { 0 };
	assert_int_equal(desa_petakan_terapkan(db, file_of("teks,kode\nSuka Maju,3204102001\nsukamaju,32.04.10.2001\n"
							   "Kota,luar\nCibodass,\n"), NULL, &done, &err), 0);
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM pasien WHERE desa_kode = '3204102001'", -1), 3);
	assert_int_equal(db_query_long(db, "SELECT desa_luar FROM pasien WHERE no_rm = 'T5'", -1), 1);
	assert_int_equal(db_query_text_exists(db, "SELECT 1 FROM pasien WHERE desa = ?", "sukamaju "), 1);
	assert_int_equal(desa_petakan(db, &t), 1);
	assert_string_equal(t[0].teks, "Cibodass");
	free(t);
	/* the trail holds each patient's change */
	assert_int_equal(trail_count(db, "UBAH", "pasien", "admin", NULL, "3204102001"), 3);
	sb_free(&done);
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(codes_as_typed),
		cmocka_unit_test(search_by_word_starts),
		cmocka_unit_test(patient_village_resolved),
		cmocka_unit_test(merge_keeps_the_village_code),
		cmocka_unit_test(village_memo_same_answers),
		cmocka_unit_test(import_refused_whole),
		cmocka_unit_test(targets_replaced_per_village),
		cmocka_unit_test(free_texts_mapped),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
