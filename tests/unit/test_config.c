/* Configuration: defaults, good values, unknown keys and bad values with file:line. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "pkm/config.h"
#include "pkm/export.h"
#include <sys/stat.h>

static char path[64];

static void write_ini(const char *text)
{
	strcpy(path, "/tmp/pkm-test-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
}

static void test_good(void **s)
{
	(void)s;
	write_ini("[puskesmas]\nnama = Puskesmas Sukamaju\nkode = P3204100101\n\n[laporan]\n"
		  "lb1_layout = formulir11\nlebar = 80\nprinter = \"lp -d lx310 -o raw\"\n"
		  "[kasus]\njendela_episode = 14\nkronis = \"I10-I15, E11\"\n");
	struct pkm_config c;
	struct sbuf err = { 0 };
	config_defaults(&c);
	assert_int_equal(config_read(&c, path, &err), 0);
	assert_string_equal(c.nama, "Puskesmas Sukamaju");
	assert_int_equal(c.lb1_layout, LAYOUT_F11);
	assert_int_equal(c.width, 80);
	assert_string_equal(c.printer, "lp -d lx310 -o raw");
	assert_int_equal(c.episode_window, 14);
	assert_int_equal(c.chronic.n, 2);
	unlink(path);
	sb_free(&err);
}

static void test_bad(void **s)
{
	(void)s;
	write_ini("[puskesmas]\nnama = X\nkepal = typo\n[laporan]\nlebar = 100\nlb1_layout = baru\n"
		  "[kasus]\njendela_episode = 08x\n[lain]\na = 1\n");
	struct pkm_config c;
	struct sbuf err = { 0 };
	config_defaults(&c);
	assert_int_equal(config_read(&c, path, &err), -1);
	char want[128];
	snprintf(want, sizeof want, "%s:3: kunci 'kepal' tidak dikenal", path);
	assert_non_null(strstr(sb_str(&err), want));
	snprintf(want, sizeof want, "%s:5: lebar harus 80 atau 136", path);
	assert_non_null(strstr(sb_str(&err), want));
	snprintf(want, sizeof want, "%s:6: lb1_layout harus", path);
	assert_non_null(strstr(sb_str(&err), want));
	snprintf(want, sizeof want, "%s:8: jendela_episode harus bilangan bulat", path);
	assert_non_null(strstr(sb_str(&err), want));
	snprintf(want, sizeof want, "%s:9: bagian [lain] tidak dikenal", path);
	assert_non_null(strstr(sb_str(&err), want));
	unlink(path);
	sb_free(&err);
}

static void test_pharmacy_and_targets(void **s)
{
	(void)s;
	struct pkm_config c;
	struct sbuf err = { 0 };
	config_defaults(&c);
	/* README domain rule 3 defaults: sum method, 14 days lead time, 10 % buffer, factor 1.6 */
	assert_int_equal(c.farmasi.method, OPTIMUM_SUM);
	assert_int_equal(c.farmasi.lead_days, 14);
	assert_int_equal(c.farmasi.buffer_pct, 10);
	assert_int_equal(c.farmasi.factor, 160);
	assert_int_equal(c.sasaran[SASARAN_BALITA], -1);
	assert_int_equal(c.edit_days, 7);	/* [kunjungan] ubah_hari */
	write_ini("[farmasi]\nstok_optimum = faktor\nfaktor = 1,75\nwaktu_tunggu = 7\n[sasaran]\nbalita = 1250\n"
		  "[kunjungan]\nubah_hari = 14\n");
	assert_int_equal(config_read(&c, path, &err), 0);
	assert_int_equal(c.edit_days, 14);
	assert_int_equal(c.farmasi.method, OPTIMUM_FACTOR);
	assert_int_equal(c.farmasi.factor, 175);
	assert_int_equal(c.farmasi.lead_days, 7);
	assert_int_equal(c.sasaran[SASARAN_BALITA], 1250);
	unlink(path);
	/* labels: 40 columns, no printer until one is set; the command kept as written */
	assert_int_equal(c.farmasi.label_width, 40);
	assert_string_equal(c.farmasi.label_printer, "");
	write_ini("[farmasi]\nlebar_etiket = 32\nprinter_etiket = \"lp -d label -o raw\"\n");
	assert_int_equal(config_read(&c, path, &err), 0);
	assert_int_equal(c.farmasi.label_width, 32);
	assert_string_equal(c.farmasi.label_printer, "lp -d label -o raw");
	unlink(path);
	write_ini("[farmasi]\nlebar_etiket = 200\n");
	assert_int_equal(config_read(&c, path, &err), -1);
	assert_non_null(strstr(sb_str(&err), "lebar_etiket"));
	sb_reset(&err);
	unlink(path);
	write_ini("[farmasi]\nstok_optimum = rata\nfaktor = 0.5\npengaman = 101\n[sasaran]\nlansia = 5\n");
	assert_int_equal(config_read(&c, path, &err), -1);
	char want[128];
	snprintf(want, sizeof want, "%s:2: stok_optimum harus", path);
	assert_non_null(strstr(sb_str(&err), want));
	snprintf(want, sizeof want, "%s:3: faktor harus angka 1 sampai 10", path);
	assert_non_null(strstr(sb_str(&err), want));
	snprintf(want, sizeof want, "%s:4: pengaman", path);
	assert_non_null(strstr(sb_str(&err), want));
	snprintf(want, sizeof want, "%s:6: kunci 'lansia' tidak dikenal", path);
	assert_non_null(strstr(sb_str(&err), want));
	unlink(path);
	sb_free(&err);
}

static void test_syntax(void **s)
{
	(void)s;
	write_ini("[puskesmas]\nnama = X\nthis line has no equals\n");
	struct pkm_config c;
	struct sbuf err = { 0 };
	config_defaults(&c);
	assert_int_equal(config_read(&c, path, &err), -1);
	char want[128];
	snprintf(want, sizeof want, "%s:3: baris tidak dapat dibaca", path);
	assert_non_null(strstr(sb_str(&err), want));
	unlink(path);
	sb_free(&err);
}

/* Where patient data may go: https to a proper host; http only to this machine. */
static void test_urls(void **s)
{
	(void)s;
	static const char *const good[] = {
		"https://api-satusehat-stg.dto.kemkes.go.id/oauth2/v1", "HTTPS://Api.Example.ORG:8443/fhir?x=1",
		"http://127.0.0.1:8080/fhir", "http://localhost:1/x", "http://[::1]:65535", "https://[2001:db8::1]/a",
		"https://10.0.0.5/pcare-rest",
	};
	static const char *const bad[] = {
		"http://127.0.0.1:1@evil.invalid/fhir", "https://evil@host/fhir", "https://user:pw@host/",
		"http://localhost.evil.invalid/", "http://127.0.0.1.evil.invalid:80/", "http://example.org/fhir",
		"https://host/a\r\nX-Injected: 1", "https://host/a\nb", "https://host/a b", "https://host\x1b/",
		"https://h\xc3\xb6st/", "https://", "https:///fhir", "https://:443/", "https://host:0/",
		"https://host:99999/", "https://host:8o/", "https://host:/", "https://host:+80/", "https://host/#frag",
		"ftp://host/", "https//host/", "https://-host/", "https://host-/", "https://a..b/", "https://ho_st/",
		"https://[::1/", "https://[evil.invalid]/", "https://host\\@evil/", "http://[::1].evil/",
	};
	for (size_t i = 0; i < sizeof good / sizeof *good; i++)
		if (url_refused(good[i]))
			fail_msg("refused %s: %s", good[i], url_refused(good[i]));
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		if (!url_refused(bad[i]))
			fail_msg("accepted %s", bad[i]);

	/* the configuration says which line */
	write_ini("[satusehat]\nurl_auth = http://127.0.0.1:1@evil.invalid/oauth2\nurl_fhir = https://evil@host/fhir\n"
		  "[pcare]\nurl = https://host:99999/pcare-rest\n");
	struct pkm_config c;
	struct sbuf err = { 0 };
	config_defaults(&c);
	assert_int_equal(config_read(&c, path, &err), -1);
	char want[128];
	snprintf(want, sizeof want, "%s:2: url_auth tidak boleh memuat nama pengguna (@)", path);
	assert_non_null(strstr(sb_str(&err), want));
	snprintf(want, sizeof want, "%s:3: url_fhir tidak boleh memuat nama pengguna (@)", path);
	assert_non_null(strstr(sb_str(&err), want));
	snprintf(want, sizeof want, "%s:5: url port harus bilangan 1-65535", path);
	assert_non_null(strstr(sb_str(&err), want));
	unlink(path);
	sb_free(&err);
}

/* A section or key given twice is refused at its second line (iniparser would
 * merge the sections and keep the last value in silence). */
static void test_twice(void **s)
{
	(void)s;
	write_ini("[puskesmas]\nnama = A\n[laporan]\nlebar = 80\n[Puskesmas]\nkode = 1\nNama = B\n");
	struct pkm_config c;
	struct sbuf err = { 0 };
	config_defaults(&c);
	assert_int_equal(config_read(&c, path, &err), -1);
	char want[160];
	snprintf(want, sizeof want, "%s:5: bagian [puskesmas] sudah ada di baris 1", path);
	assert_non_null(strstr(sb_str(&err), want));
	unlink(path);
	sb_reset(&err);
	write_ini("[laporan]\nlebar = 80\nprinter = lp\n LEBAR = 136\n");
	assert_int_equal(config_read(&c, path, &err), -1);
	snprintf(want, sizeof want, "%s:4: kunci 'lebar' sudah ada di baris 2", path);
	assert_non_null(strstr(sb_str(&err), want));
	unlink(path);
	sb_free(&err);
}

/* maks_jawaban: MB in the file, bytes in the configuration; 4 MB by default. */
static void test_answer_limit(void **s)
{
	(void)s;
	struct pkm_config c;
	struct sbuf err = { 0 };
	config_defaults(&c);
	write_ini("[pcare]\nmaks_jawaban = 16\n");
	assert_int_equal(config_read(&c, path, &err), 0);
	assert_int_equal(c.satusehat.maks_jawaban, 4L * 1024 * 1024);
	assert_int_equal(c.pcare.maks_jawaban, 16L * 1024 * 1024);
	unlink(path);

	write_ini("[satusehat]\nmaks_jawaban = 64\n[pcare]\nmaks_jawaban = 1\n");
	assert_int_equal(config_read(&c, path, &err), 0);
	assert_int_equal(c.satusehat.maks_jawaban, 64L * 1024 * 1024);
	assert_int_equal(c.pcare.maks_jawaban, 1L * 1024 * 1024);
	unlink(path);

	write_ini("[satusehat]\nmaks_jawaban = 65\n[pcare]\nmaks_jawaban = 0\n");
	assert_int_equal(config_read(&c, path, &err), -1);
	char want[128];
	snprintf(want, sizeof want, "%s:2: maks_jawaban harus bilangan bulat 1-64, bukan '65'", path);
	assert_non_null(strstr(sb_str(&err), want));
	snprintf(want, sizeof want, "%s:4: maks_jawaban harus bilangan bulat 1-64, bukan '0'", path);
	assert_non_null(strstr(sb_str(&err), want));
	unlink(path);
	sb_free(&err);
}

/* [keluaran] folder and the one rule of the screens' "simpan ke berkas". */
static void test_export_path(void **s)
{
	(void)s;
	char dir[] = "/tmp/pkm-out-XXXXXX", ini_path[64], db_path[64], out[PATH_MAX];
	assert_non_null(mkdtemp(dir));
	snprintf(ini_path, sizeof ini_path, "%s/setelan", dir);
	snprintf(db_path, sizeof db_path, "%s/data", dir);
	FILE *f = fopen(ini_path, "w");
	fprintf(f, "[keluaran]\nfolder = %s/keluaran\n", dir);
	fclose(f);
	fclose(fopen(db_path, "w"));
	struct pkm_config c;
	struct sbuf err = { 0 };
	config_defaults(&c);
	setenv("HOME", "/rumah", 1);
	export_dir(&c, out, sizeof out);
	assert_string_equal(out, "/rumah/pkm-keluaran");
	assert_int_equal(config_read(&c, ini_path, &err), 0);
	static const char *const refused[] = { "", "a/b.txt", "../x.txt", ".profile", "pkm.ini", "X.DB", "p.db-wal",
					       "p.db-shm", "s.rahasia" };
	for (size_t i = 0; i < sizeof refused / sizeof *refused; i++)
		assert_int_equal(export_path(&c, db_path, refused[i], out, sizeof out, &err), -1);
	assert_int_equal(export_path(&c, db_path, "lb1.txt", out, sizeof out, &err), 0);
	char want[PATH_MAX];
	snprintf(want, sizeof want, "%s/keluaran/lb1.txt", dir);
	assert_string_equal(out, want);
	struct stat st;
	assert_int_equal(stat(c.export_dir, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0700);
	fclose(fopen(want, "w"));
	assert_int_equal(export_path(&c, db_path, "lb1.txt", out, sizeof out, &err), 1);
	/* links in the folder to the configuration or the database */
	snprintf(want, sizeof want, "%s/keluaran/a.txt", dir);
	assert_int_equal(symlink(ini_path, want), 0);
	assert_int_equal(export_path(&c, db_path, "a.txt", out, sizeof out, &err), -1);
	snprintf(want, sizeof want, "%s/keluaran/b.txt", dir);
	assert_int_equal(symlink(db_path, want), 0);
	assert_int_equal(export_path(&c, db_path, "b.txt", out, sizeof out, &err), -1);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	assert_int_equal(system(cmd), 0);
	sb_free(&err);
}

/* [farmasi] sumber_dana: KODE=Label items by ',' (or ';' in quotes) into the
 * kamus form; a malformed list refused with its line and why */
static void test_funding_sources(void **s)
{
	(void)s;
	char out[256];
	assert_null(sumber_dana_parse(" PROGRAM = APBN program, APBD1=APBD I ,JKN=JKN kapitasi,", out, sizeof out));
	assert_string_equal(out, "PROGRAM=APBN program;APBD1=APBD I;JKN=JKN kapitasi");
	assert_null(sumber_dana_parse("DAK=DAK;BLUD=BLUD", out, sizeof out));
	assert_string_equal(out, "DAK=DAK;BLUD=BLUD");
	assert_string_equal(sumber_dana_parse("APBD1=APBD I, DAK", out, sizeof out), "'DAK': tanpa '=' (tulis KODE=Label)");
	assert_string_equal(sumber_dana_parse("apbd1=APBD I", out, sizeof out),
			    "'apbd1': kode 1-15 huruf besar, angka atau '_'");
	assert_string_equal(sumber_dana_parse("DAK=DAK,DAK=Lagi", out, sizeof out), "'DAK': kode ganda");
	assert_string_equal(sumber_dana_parse("DAK=", out, sizeof out), "'DAK': label 1-40 karakter tanpa '='");
	assert_string_equal(sumber_dana_parse(" , ;", out, sizeof out), "daftar kosong");
	assert_string_equal(sumber_dana_parse("A=1,B=2,C=3,D=4", out, 12), "daftar terlalu panjang");

	write_ini("[farmasi]\nsumber_dana = \"JKN=JKN kapitasi;BLUD=BLUD\"\nmaks_resep = 120\n");
	struct pkm_config c;
	struct sbuf err = { 0 };
	config_defaults(&c);
	assert_int_equal(c.farmasi.maks_resep, 300);
	assert_string_equal(c.farmasi.sumber_dana, "");
	assert_int_equal(config_read(&c, path, &err), 0);
	assert_string_equal(c.farmasi.sumber_dana, "JKN=JKN kapitasi;BLUD=BLUD");
	assert_int_equal(c.farmasi.maks_resep, 120);
	unlink(path);
	write_ini("[farmasi]\nsumber_dana = JKN=JKN kapitasi, BLUD\n");
	config_defaults(&c);
	assert_int_equal(config_read(&c, path, &err), -1);
	char want[160];
	snprintf(want, sizeof want, "%s:2: sumber_dana: 'BLUD': tanpa '='", path);
	assert_non_null(strstr(sb_str(&err), want));
	unlink(path);
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_funding_sources),
		cmocka_unit_test(test_good), cmocka_unit_test(test_bad), cmocka_unit_test(test_syntax),
		cmocka_unit_test(test_pharmacy_and_targets), cmocka_unit_test(test_urls),
		cmocka_unit_test(test_answer_limit), cmocka_unit_test(test_export_path), cmocka_unit_test(test_twice),
	};
	return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
