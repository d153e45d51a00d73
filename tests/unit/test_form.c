/* Forms from forms/: loading, who they apply to, show-when rules, computed
 * fields, and saving and reading a visit's row; check-forms on a bad schema. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "pkm/form.h"
#include "fixture.h"

static struct form_set forms;

static int setup(void **s)
{
	(void)s;
	if (fx_open(":memory:") != 0)
		return -1;
	struct sbuf err = { 0 };
	int bad = forms_load_dir(db, PKM_FORMS_DIR, &forms, &err);
	if (bad)
		fprintf(stderr, "%s", sb_str(&err));
	sb_free(&err);
	return bad ? -1 : 0;
}

static int teardown(void **s)
{
	(void)s;
	forms_free(&forms);
	db_close(db);
	return 0;
}

static const struct form *form(const char *id)
{
	for (int i = 0; i < forms.n; i++)
		if (strcmp(forms.forms[i].id, id) == 0)
			return &forms.forms[i];
	fail_msg("no form %s", id);
	return NULL;
}

static int field(const struct form *f, const char *name)
{
	for (int i = 0; i < f->n; i++)
		if (strcmp(f->f[i].name, name) == 0)
			return i;
	fail_msg("no field %s in %s", name, f->id);
	return -1;
}

static void set(const struct form *f, struct form_values *v, const char *name, const char *value)
{
	str_copy(v->v[field(f, name)], sizeof v->v[0], value);
}

static struct visit new_visit(const char *nama, char sex, const char *born, const char *day, const char *unit)
{
	static struct patient known[16];
	static int n_known;
	int k = 0;
	while (k < n_known && strcmp(known[k].nama, nama) != 0)
		k++;
	if (k == n_known) {
		assert_true(n_known < 16);
		known[n_known++] = fx_patient(nama, sex, born, "UMUM");
	}
	return fx_visit(&known[k], fx_day(day), unit);
}

static long count(const char *sql)
{
	return db_query_long(db, sql, -1);
}

static void test_shipped_forms(void **s)
{
	(void)s;
	assert_int_equal(forms.n, 25);
	const struct form *anc = form("k2_anc");
	assert_string_equal(anc->title, "Pemeriksaan kehamilan (ANC terpadu)");
	assert_string_equal(anc->table, "f_anc");
	assert_int_equal(anc->f[0].def.type, T_INT);
	assert_int_equal(anc->f[field(anc, "usia_kehamilan")].shown, T_INT);
	assert_int_equal(anc->f[field(anc, "kek")].shown, T_YESNO);
	char target[160];
	form_describe_target(anc, target, sizeof target);
	assert_string_equal(target, "perempuan, 10 tahun s.d. 55 tahun, unit K2");
}

static struct age age(int y, int m, long days)
{
	struct age a = { y, m, 0, days };
	return a;
}

static void test_applies(void **s)
{
	(void)s;
	const struct form *anc = form("k2_anc"), *kn = form("k2_neonatal"), *imun = form("k2_imunisasi"),
			  *ruj = form("lk_rujukan");
	struct age a30 = age(30, 0, 11000), a9 = age(9, 11, 3600), a56 = age(56, 0, 20500), a55 = age(55, 11, 20400);
	assert_true(form_applies(anc, "K2", 'P', &a30));
	assert_true(form_applies(anc, "K2", 'P', &a55));	/* 55 years and 11 months is still 55 */
	assert_false(form_applies(anc, "K2", 'L', &a30));
	assert_false(form_applies(anc, "K3", 'P', &a30));
	assert_false(form_applies(anc, "K2", 'P', &a9));
	assert_false(form_applies(anc, "K2", 'P', &a56));
	struct age d28 = age(0, 0, 28), d29 = age(0, 0, 29), m59 = age(4, 11, 1800), m60 = age(5, 0, 1826);
	assert_true(form_applies(kn, "K2", 'L', &d28));
	assert_false(form_applies(kn, "K2", 'L', &d29));
	assert_true(form_applies(imun, "K2", 'P', &m59));
	assert_false(form_applies(imun, "K2", 'P', &m60));
	assert_true(form_applies(ruj, "GIGI", 'L', &a56));	/* no units: every unit */
}

static void test_show_when(void **s)
{
	(void)s;
	const struct form *tb = form("k4_tb"), *per = form("k2_persalinan"), *mal = form("k4_malaria");
	struct form_values v;
	memset(&v, 0, sizeof v);
	int hasil = field(tb, "hasil_tcm");
	assert_false(form_visible(tb, &v, hasil));
	set(tb, &v, "terduga", "0");
	assert_false(form_visible(tb, &v, hasil));
	set(tb, &v, "terduga", "1");
	assert_true(form_visible(tb, &v, hasil));
	assert_true(form_visible(tb, &v, field(tb, "batuk")));
	memset(&v, 0, sizeof v);
	int komp = field(per, "komplikasi");
	set(per, &v, "keadaan_ibu", "SEHAT");
	assert_false(form_visible(per, &v, komp));
	set(per, &v, "keadaan_ibu", "RUJUK");
	assert_true(form_visible(per, &v, komp));
	memset(&v, 0, sizeof v);
	set(mal, &v, "pemeriksaan", "KLINIS");
	assert_false(form_visible(mal, &v, field(mal, "hasil")));
	set(mal, &v, "pemeriksaan", "MIKROSKOPIS");
	assert_true(form_visible(mal, &v, field(mal, "hasil")));
}

static void test_save_and_read(void **s)
{
	(void)s;
	const struct form *anc = form("k2_anc");
	struct visit vis = new_visit("Ani", 'P', "1996-03-10", "2026-11-23", "K2");
	struct form_values v;
	memset(&v, 0, sizeof v);
	set(anc, &v, "kontak", "1");
	set(anc, &v, "hpht", "01-09-2026");
	set(anc, &v, "bb", "60,5");
	set(anc, &v, "tb", "155");
	set(anc, &v, "lila", "22");
	set(anc, &v, "td", "110/70");
	set(anc, &v, "hb", "10.5");
	set(anc, &v, "oleh_dokter", "y");
	set(anc, &v, "faktor_risiko", "t");
	set(anc, &v, "risiko_ket", "hidden, so not stored");
	struct sbuf err = { 0 };
	assert_int_equal(form_save(db, anc, &vis, &v, &err), 0);
	sb_free(&err);
	assert_true(form_filled(db, anc, vis.id));
	assert_int_equal(count("SELECT count(*) FROM f_anc WHERE kontak = 1 AND hpht = '2026-09-01' AND bb = 60.5 "
			       "AND usia_kehamilan = 11 AND trimester = 1 AND hpl = '2027-06-08' AND imt = 25.2 "
			       "AND kek = 1 AND anemia = 1 AND td_sistol = 110 AND td_diastol = 70 AND oleh_dokter = 1 "
			       "AND faktor_risiko = 0 AND risiko_ket IS NULL AND usg IS NULL"), 1);
	struct form_values back;
	assert_int_equal(form_read(db, anc, vis.id, &back), 1);
	assert_string_equal(back.v[field(anc, "bb")], "60.5");
	assert_string_equal(back.v[field(anc, "td")], "110/70");
	assert_string_equal(back.v[field(anc, "hpht")], "2026-09-01");
	assert_string_equal(back.v[field(anc, "oleh_dokter")], "1");
	assert_string_equal(back.v[field(anc, "usg")], "");
	/* saving again updates the one row */
	set(anc, &back, "bb", "61");
	assert_int_equal(form_save(db, anc, &vis, &back, &err), 0);
	assert_int_equal(count("SELECT count(*) || ':' || max(bb) FROM f_anc"), 1);
	assert_int_equal(count("SELECT bb FROM f_anc"), 61);
	sb_free(&err);
}

static void test_failed_save_keeps_input(void **s)
{
	(void)s;
	const struct form *ptm = form("k3_ptm");
	struct visit vis = new_visit("Budi", 'L', "1970-01-01", "2026-11-23", "K3");
	struct form_values v;
	memset(&v, 0, sizeof v);
	set(ptm, &v, "td", "80/120");
	set(ptm, &v, "bb", "70");
	set(ptm, &v, "gds", "abc");
	struct sbuf err = { 0 };
	assert_int_equal(form_save(db, ptm, &vis, &v, &err), -1);
	assert_string_equal(sb_str(&err), "4 isian belum benar; lihat pesan di bawah kolomnya");
	assert_string_equal(v.err[field(ptm, "td")],
			    "Tekanan darah tidak masuk akal (sistol 40-300, diastol 20-200, diastol < sistol)");
	assert_string_equal(v.err[field(ptm, "gds")], "Gula darah sewaktu harus bilangan bulat 20-600 mg/dL");
	assert_string_equal(v.err[field(ptm, "tb")], "Tinggi badan wajib diisi");
	assert_string_equal(v.err[field(ptm, "hasil")], "Kesimpulan wajib diisi");
	assert_string_equal(v.err[field(ptm, "bb")], "");
	assert_string_equal(v.v[field(ptm, "td")], "80/120");	/* what was typed stays */
	assert_int_equal(count("SELECT count(*) FROM f_ptm"), 0);
	assert_false(form_filled(db, ptm, vis.id));
	sb_free(&err);
}

static void test_weight_gain_from_history(void **s)
{
	(void)s;
	const struct form *pen = form("k2_penimbangan");
	struct sbuf err = { 0 };
	struct form_values v;
	struct visit oct = new_visit("Bayu", 'L', "2025-06-01", "2026-10-20", "K2");
	memset(&v, 0, sizeof v);
	set(pen, &v, "bb", "10,2");
	assert_int_equal(form_save(db, pen, &oct, &v, &err), 0);
	assert_string_equal(v.v[field(pen, "selisih_bb")], "");	/* first weighing */
	struct visit nov = new_visit("Bayu", 'L', "2025-06-01", "2026-11-23", "K2");
	memset(&v, 0, sizeof v);
	set(pen, &v, "bb", "10,5");
	assert_int_equal(form_save(db, pen, &nov, &v, &err), 0);
	assert_string_equal(v.v[field(pen, "selisih_bb")], "0.3");
	assert_string_equal(v.v[field(pen, "naik")], "1");
	assert_int_equal(count("SELECT count(*) FROM f_penimbangan WHERE naik = 1 AND abs(selisih_bb - 0.3) < 1e-9"), 1);
	assert_int_equal(count("SELECT count(*) FROM f_penimbangan WHERE naik IS NULL AND selisih_bb IS NULL"), 1);
	sb_free(&err);
}

/* A programme's migration that disagrees with its dictionary is caught. */
static void test_schema_mismatch(void **s)
{
	(void)s;
	assert_int_equal(sqlite3_exec(db,
		"CREATE TABLE f_uji (kunjungan_id INTEGER PRIMARY KEY, angka TEXT, wajib_isi TEXT NOT NULL, "
		"td_sistol INTEGER) STRICT;"
		"INSERT INTO kamus (tabel, kolom, jenis, label, min, max) VALUES ('f_uji', 'angka', 'bulat', 'Angka', 0, 9);"
		"INSERT INTO kamus (tabel, kolom, jenis, label, panjang) VALUES ('f_uji', 'wajib_isi', 'teks', 'Isi', 10);"
		"INSERT INTO kamus (tabel, kolom, jenis, label) VALUES ('f_uji', 'td', 'tensi', 'TD');"
		"INSERT INTO kamus (tabel, kolom, jenis, label, pilihan) VALUES ('f_uji', 'pil', 'pilihan', 'Pil', 'A=Satu;A=Dua');",
		NULL, NULL, NULL), SQLITE_OK);
	char path[] = "/tmp/pkm-form-XXXXXX.ini";
	int fd = mkstemps(path, 4);
	const char *ini = "[form]\ntitle = Uji\ntable = f_uji\nfields = angka, wajib_isi, td, pil\n";
	assert_int_equal(write(fd, ini, strlen(ini)), (ssize_t)strlen(ini));
	close(fd);
	struct form f;
	struct sbuf err = { 0 };
	assert_int_equal(form_load(db, path, &f, &err), 5);
	form_free(&f);
	const char *out = sb_str(&err);
	assert_non_null(strstr(out, ":4: kolom f_uji.angka bertipe TEXT, padahal jenis bulat perlu INTEGER"));
	assert_non_null(strstr(out, ":4: kolom td_diastol tidak ada di tabel f_uji"));
	assert_non_null(strstr(out, ":4: pil: kamus data: kode pilihan ganda"));
	assert_non_null(strstr(out, ":4: kolom pil tidak ada di tabel f_uji"));
	assert_non_null(strstr(out, ":4: kolom wajib_isi NOT NULL tanpa nilai bawaan, tetapi tidak selalu diisi formulir"));
	unlink(path);
	sb_free(&err);
}

/* The required ANC fields of a contact. */
static void anc_contact(const struct form *anc, struct form_values *v, const char *kontak, const char *bb)
{
	set(anc, v, "kontak", kontak);
	set(anc, v, "bb", bb);
	set(anc, v, "td", "110/70");
	set(anc, v, "oleh_dokter", "y");
}

/* bawa, bawa_hari and unik of forms/k2_anc.ini */
static void test_carry_and_unique(void **s)
{
	(void)s;
	const struct form *anc = form("k2_anc");
	struct visit a = new_visit("Bunga", 'P', "1990-01-01", "2025-12-01", "K2");
	struct visit b = new_visit("Bunga", 'P', "1990-01-01", "2026-10-01", "K2");
	struct visit c = new_visit("Bunga", 'P', "1990-01-01", "2026-11-20", "K2");
	struct form_values v;
	struct sbuf err = { 0 };
	char from[11];
	memset(&v, 0, sizeof v);
	assert_int_equal(form_carry(db, anc, &a, &v, from), 0);	/* nothing earlier */
	set(anc, &v, "hpht", "01-09-2025");
	anc_contact(anc, &v, "1", "55");
	assert_int_equal(form_save(db, anc, &a, &v, &err), 0);
	/* ten months later is another pregnancy: past bawa_hari, nothing carried */
	memset(&v, 0, sizeof v);
	assert_int_equal(form_carry(db, anc, &b, &v, from), 0);
	set(anc, &v, "hpht", "01-08-2026");
	set(anc, &v, "tb", "150");
	set(anc, &v, "gravida", "3");
	anc_contact(anc, &v, "1", "56");
	assert_int_equal(form_save(db, anc, &b, &v, &err), 0);
	/* the next visit of this pregnancy: what does not change, the contact counted on */
	memset(&v, 0, sizeof v);
	assert_int_equal(form_carry(db, anc, &c, &v, from), 1);
	assert_string_equal(from, "2026-10-01");
	assert_string_equal(v.v[field(anc, "kontak")], "2");
	assert_string_equal(v.v[field(anc, "hpht")], "2026-08-01");
	assert_string_equal(v.v[field(anc, "tb")], "150");
	assert_string_equal(v.v[field(anc, "gravida")], "3");
	assert_string_equal(v.v[field(anc, "bb")], "");
	assert_string_equal(v.v[field(anc, "td")], "");
	/* a second K1 of that pregnancy is refused, under kontak, naming the visit */
	anc_contact(anc, &v, "1", "57");
	assert_int_equal(form_save(db, anc, &c, &v, &err), -1);
	assert_non_null(strstr(v.err[field(anc, "kontak")], "sudah tercatat pada kunjungan 01-10-2026"));
	assert_false(form_filled(db, anc, c.id));
	/* a cancelled visit neither carries nor clashes */
	char sql[96];
	snprintf(sql, sizeof sql, "UPDATE kunjungan SET batal = 'salah pasien' WHERE id = %ld", b.id);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	struct form_values fresh;
	memset(&fresh, 0, sizeof fresh);
	assert_int_equal(form_carry(db, anc, &c, &fresh, from), 0);
	memset(v.err, 0, sizeof v.err);
	assert_int_equal(form_save(db, anc, &c, &v, &err), 0);
	sb_free(&err);
}

/* the schedule's warnings (forms/k2_imunisasi.ini, KN1 in k2_neonatal.ini) and
 * KB after an ANC (k3_kb.ini) */
static void test_warnings(void **s)
{
	(void)s;
	const struct form *imm = form("k2_imunisasi"), *kb = form("k3_kb"), *anc = form("k2_anc");
	struct visit a = new_visit("Cici", 'P', "2026-06-01", "2026-07-01", "K2");	/* 30 days old */
	struct form_values v;
	struct sbuf w = { 0 }, err = { 0 };
	memset(&v, 0, sizeof v);
	set(imm, &v, "dpt_hb_hib", "1");
	set(imm, &v, "je", "1");
	assert_int_equal(form_warnings(db, imm, &a, &v, &w), 2);
	assert_non_null(strstr(w.s, "DPT-HB-Hib Dosis 1: umur 30 hari, jadwal paling cepat 42 hari"));
	assert_non_null(strstr(w.s, "JE (daerah endemis) Ya: umur 1 bulan, jadwal paling cepat 9 bulan"));
	/* at 8 weeks dose 1 is on time */
	struct visit b = new_visit("Cici", 'P', "2026-06-01", "2026-07-27", "K2");
	memset(&v, 0, sizeof v);
	set(imm, &v, "dpt_hb_hib", "1");
	sb_reset(&w);
	assert_int_equal(form_warnings(db, imm, &b, &v, &w), 0);
	assert_int_equal(form_save(db, imm, &b, &v, &err), 0);
	/* dose 2 three weeks later (77 days old, past its 70): too soon; dose 1 again: given already */
	struct visit c = new_visit("Cici", 'P', "2026-06-01", "2026-08-17", "K2");
	memset(&v, 0, sizeof v);
	set(imm, &v, "dpt_hb_hib", "2");
	sb_reset(&w);
	assert_int_equal(form_warnings(db, imm, &c, &v, &w), 1);
	assert_non_null(strstr(w.s, "dosis sebelumnya 27-07-2026, baru 21 hari (jarak paling sedikit 28 hari)"));
	set(imm, &v, "dpt_hb_hib", "1");
	sb_reset(&w);
	assert_int_equal(form_warnings(db, imm, &c, &v, &w), 1);
	assert_non_null(strstr(w.s, "sudah diberikan pada 27-07-2026"));
	/* KB with an ANC in the last 40 weeks */
	struct visit d = new_visit("Dina", 'P', "1995-01-01", "2026-03-01", "K2");
	memset(&v, 0, sizeof v);
	anc_contact(anc, &v, "1", "55");
	assert_int_equal(form_save(db, anc, &d, &v, &err), 0);
	struct visit e = new_visit("Dina", 'P', "1995-01-01", "2026-11-01", "K3");
	memset(&v, 0, sizeof v);
	set(kb, &v, "metode", "SUNTIK");
	sb_reset(&w);
	assert_int_equal(form_warnings(db, kb, &e, &v, &w), 1);
	assert_non_null(strstr(w.s, "dalam 40 minggu terakhir: pastikan tidak sedang hamil (01-03-2026)"));
	/* an ANC 41 weeks before: nothing is asked */
	struct visit g = new_visit("Eka", 'P', "1995-01-01", "2026-01-19", "K2");
	struct form_values va;
	memset(&va, 0, sizeof va);
	anc_contact(anc, &va, "1", "55");
	assert_int_equal(form_save(db, anc, &g, &va, &err), 0);
	struct visit f = new_visit("Eka", 'P', "1995-01-01", "2026-11-02", "K3");
	sb_reset(&w);
	assert_int_equal(form_warnings(db, kb, &f, &v, &w), 0);
	/* KN1 is 6-48 hours (k2_neonatal.ini, umur_dosis_maks): at two days on time, at three asked */
	const struct form *kn = form("k2_neonatal");
	struct visit n2 = new_visit("Bayi Fani", 'L', "2026-11-01", "2026-11-03", "K2");
	memset(&v, 0, sizeof v);
	set(kn, &v, "kunjungan_neonatal", "KN1");
	sb_reset(&w);
	assert_int_equal(form_warnings(db, kn, &n2, &v, &w), 0);
	struct visit n3 = new_visit("Bayi Fani", 'L', "2026-11-01", "2026-11-04", "K2");
	sb_reset(&w);
	assert_int_equal(form_warnings(db, kn, &n3, &v, &w), 1);
	assert_non_null(strstr(w.s, "KN1 (6-48 jam): umur 3 hari, jadwal paling lambat 2 hari"));
	/* KN2 at three days has no latest age */
	set(kn, &v, "kunjungan_neonatal", "KN2");
	sb_reset(&w);
	assert_int_equal(form_warnings(db, kn, &n3, &v, &w), 0);
	sb_free(&w);
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_forms), cmocka_unit_test(test_applies), cmocka_unit_test(test_show_when),
		cmocka_unit_test(test_save_and_read), cmocka_unit_test(test_failed_save_keeps_input),
		cmocka_unit_test(test_weight_gain_from_history), cmocka_unit_test(test_schema_mismatch),
		cmocka_unit_test(test_carry_and_unique), cmocka_unit_test(test_warnings),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
