/* pkm impor formulir (src/import_form.c): rows of three forms imported into one
 * database and the same rows typed into another through the screen's save
 * (form_save) give the same LB3, cell for cell; a file with one bad cell
 * stores nothing; the template's example line imports. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "pkm/db.h"
#include "pkm/form.h"
#include "pkm/import.h"
#include "pkm/open.h"
#include "pkm/reports.h"

/* A row: the form, the patient (index into people), the day and its cells,
 * "field=typed" or "field=typed|as in the file" (a choice by its label). */
struct row {
	const char *form;
	int who;
	const char *day;
	const char *cells[8];
};

static const struct {
	const char *nama, *born;
	char sex;
} people[] = { { "Ani", "1995-03-10", 'P' }, { "Sri", "2000-06-01", 'P' }, { "Citra", "2026-01-15", 'P' },
	       { "Dodi", "2024-05-02", 'L' } };

/* In date order, as a desk types them (a weighing's gain reads the one before). */
static const struct row rows[] = {
	{ "k2_anc", 0, "2026-10-05", { "kontak=1", "hpht=2026-07-01", "bb=52", "td=110/70", "lila=22",
				      "hb=11.5", "hiv=NR|Non-reaktif", "oleh_dokter=Y|ya" } },
	{ "k2_imunisasi", 3, "2026-10-06", { "dpt_hb_hib=4|Dosis 4 (lanjutan 18-23 bl)", "mr=2" } },
	{ "k2_penimbangan", 3, "2026-10-06", { "bb=11", "pb_tb=87.5", "cara_ukur=TB|Berdiri (TB)",
					       "status_gizi=BAIK", "vitamin_a=MERAH", "buku_kia=Y" } },
	{ "k2_anc", 1, "2026-10-12", { "kontak=1", "hpht=01-08-2026", "bb=48,5|48.5", "td=120/80", "lila=25",
				      "hb=10,5", "imunisasi_td=1|Td1", "oleh_dokter=Y" } },
	{ "k2_imunisasi", 2, "2026-10-14", { "mr=1", "kipi=T|tidak" } },
	{ "k2_penimbangan", 2, "2026-10-14", { "bb=7.5", "pb_tb=68", "status_gizi=KURANG|Gizi kurang",
					       "stunting=PENDEK", "bgm=Y" } },
	{ "k2_anc", 0, "2026-10-26", { "kontak=4", "hpht=2026-07-01", "bb=53", "td=110/70", "imunisasi_td=2",
				      "ttd=30", "oleh_dokter=T" } },
	{ "k2_penimbangan", 3, "2026-10-27", { "bb=11.4", "pb_tb=88", "status_gizi=BAIK", "bgm=T" } },
};

static const char *const form_ids[] = { "k2_anc", "k2_imunisasi", "k2_penimbangan" };

struct side {
	char path[64];
	sqlite3 *db;
	struct form_set forms;
};
static struct side typed, imported;
static struct pkm_config cfg;
static char no_rm[4][24];

static struct form *form(struct side *s, const char *id)
{
	for (int i = 0; i < s->forms.n; i++)
		if (strcmp(s->forms.forms[i].id, id) == 0)
			return &s->forms.forms[i];
	fail_msg("no form %s", id);
	return NULL;
}

/* One cell's value as typed (file = 0) or as the file has it (file = 1). */
static void cell_value(const char *cell, int file, char *name, char *value)
{
	const char *eq = strchr(cell, '='), *bar = strchr(cell, '|');
	snprintf(name, 32, "%.*s", (int)(eq - cell), cell);
	if (file && bar)
		snprintf(value, 64, "%s", bar + 1);
	else
		snprintf(value, 64, "%.*s", (int)(bar ? bar - eq - 1 : (long)strlen(eq + 1)), eq + 1);
}

static int open_side(struct side *s, const char *tag)
{
	snprintf(s->path, sizeof s->path, "/tmp/pkm-impform-%s-XXXXXX", tag);
	int fd = mkstemp(s->path);
	close(fd);
	unlink(s->path);
	struct sbuf err = { 0 };
	s->db = pkm_open(s->path, &err);
	if (!s->db || forms_load_dir(s->db, PKM_FORMS_DIR, &s->forms, &err) != 0) {
		fprintf(stderr, "%s", sb_str(&err));
		return -1;
	}
	sb_free(&err);
	db_set_user(s->db, "nakes");
	for (size_t i = 0; i < sizeof people / sizeof people[0]; i++) {
		struct patient p = { 0 };
		str_copy(p.nama, sizeof p.nama, people[i].nama);
		p.sex = people[i].sex;
		str_copy(p.tanggal_lahir, sizeof p.tanggal_lahir, people[i].born);
		str_copy(p.penjamin, sizeof p.penjamin, "UMUM");
		if (patient_save_new(s->db, &p, &err) != 0)
			return -1;
		str_copy(no_rm[i], sizeof no_rm[i], p.no_rm);	/* the same numbers on both sides */
	}
	return 0;
}

static void close_side(struct side *s)
{
	forms_free(&s->forms);
	db_close(s->db);
	char p[96];
	const char *ext[] = { "", "-wal", "-shm", "-pkm.kunci" };
	for (int i = 0; i < 4; i++) {
		snprintf(p, sizeof p, "%s%s", s->path, ext[i]);
		unlink(p);
	}
}

static int setup(void **s)
{
	(void)s;
	setenv("PKM_TODAY", "2026-11-23", 1);
	config_defaults(&cfg);
	return open_side(&typed, "typed") || open_side(&imported, "file");
}

static int teardown(void **s)
{
	(void)s;
	close_side(&typed);
	close_side(&imported);
	return 0;
}

/* Type every row on the screen's path: the visit opened, the form saved. */
static void type_rows(void)
{
	for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++) {
		struct form *f = form(&typed, rows[r].form);
		struct patient p;
		assert_int_equal(patient_by_rm(typed.db, no_rm[rows[r].who], &p), 1);
		struct date d;
		assert_int_equal(date_parse(rows[r].day, &d), 0);
		struct visit v;
		int created;
		struct sbuf err = { 0 };
		assert_int_equal(visit_open(typed.db, &p, d, "K2", "UMUM", &v, &created, &err), 0);
		struct form_values *vals = calloc(1, sizeof *vals);
		for (int c = 0; c < 8 && rows[r].cells[c]; c++) {
			char name[32], value[64];
			cell_value(rows[r].cells[c], 0, name, value);
			for (int i = 0; i < f->n; i++)
				if (strcmp(f->f[i].name, name) == 0)
					str_copy(vals->v[i], sizeof vals->v[i], value);
		}
		if (form_save(typed.db, f, &v, vals, &err) != 0)
			fail_msg("row %zu not saved: %s", r, sb_str(&err));
		free(vals);
		sb_free(&err);
	}
}

/* The rows of one form as a file: no_rm, tanggal, unit, then every field any
 * of its rows names (in reverse date order: the import sorts them). */
static void write_file(const char *id, const char *path)
{
	FILE *out = fopen(path, "w");
	assert_non_null(out);
	char names[16][32];
	int n = 0;
	for (size_t r = 0; r < sizeof rows / sizeof rows[0]; r++)
		for (int c = 0; strcmp(rows[r].form, id) == 0 && c < 8 && rows[r].cells[c]; c++) {
			char name[32], value[64];
			cell_value(rows[r].cells[c], 1, name, value);
			int k = 0;
			while (k < n && strcmp(names[k], name) != 0)
				k++;
			if (k == n)
				str_copy(names[n++], sizeof names[0], name);
		}
	fputs("no_rm,tanggal,unit", out);
	for (int k = 0; k < n; k++)
		fprintf(out, ",%s", names[k]);
	fputc('\n', out);
	for (size_t r = sizeof rows / sizeof rows[0]; r-- > 0;) {
		if (strcmp(rows[r].form, id) != 0)
			continue;
		fprintf(out, "%s,%s,K2", no_rm[rows[r].who], rows[r].day);
		for (int k = 0; k < n; k++) {
			char name[32], value[64], v[64] = "";
			for (int c = 0; c < 8 && rows[r].cells[c]; c++) {
				cell_value(rows[r].cells[c], 1, name, value);
				if (strcmp(name, names[k]) == 0)
					str_copy(v, sizeof v, value);
			}
			fprintf(out, ",\"%s\"", v);
		}
		fputc('\n', out);
	}
	fclose(out);
}

static char *lb3(sqlite3 *db)
{
	struct report_req req = { .name = "lb3", .month = "2026-10", .format = FMT_DATA, .width = 80 };
	char *text = NULL;
	size_t len;
	struct sbuf err = { 0 };
	if (report_render(db, &cfg, &req, &text, &len, &err) != 0)
		fail_msg("LB3: %s", sb_str(&err));
	sb_free(&err);
	return text;
}

static int nonzero_cells(const char *data)
{
	int n = 0;
	for (const char *l = strchr(data, '\n'); l && l[1]; l = strchr(l + 1, '\n')) {
		size_t len = strcspn(l + 1, "\n");
		n += !(len >= 2 && l[len - 1] == ',' && l[len] == '0') && strncmp(l + 1, "skdn_s,", 7) != 0;
	}
	return n;
}

static void test_imported_counts_as_typed(void **s)
{
	(void)s;
	type_rows();
	for (int i = 0; i < 3; i++) {
		char path[64];
		snprintf(path, sizeof path, "/tmp/pkm-impform-%d.csv", i);
		write_file(form_ids[i], path);
		struct sbuf done = { 0 }, err = { 0 };
		if (import_formulir(imported.db, form(&imported, form_ids[i]), path, NULL, &done, &err) != 0)
			fail_msg("%s not imported: %s", form_ids[i], sb_str(&err));
		unlink(path);
		sb_free(&done);
		sb_free(&err);
	}
	char *a = lb3(typed.db), *b = lb3(imported.db);
	assert_true(nonzero_cells(a) >= 25);	/* the rows count: not two empty reports alike */
	assert_string_equal(a, b);
	free(a);
	free(b);
	/* the computed fields too: the second weighing's gain, the K4's weeks */
	const char *q = "SELECT group_concat(coalesce(selisih_bb, '-') || ':' || coalesce(naik, '-'), ' ') "
			"FROM (SELECT * FROM f_penimbangan ORDER BY kunjungan_id)";
	char x[64], y[64];
	sqlite3_stmt *st;
	for (int side = 0; side < 2; side++) {
		assert_int_equal(sqlite3_prepare_v2(side ? imported.db : typed.db, q, -1, &st, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		db_col_text(st, 0, side ? y : x, 64);
		sqlite3_finalize(st);
	}
	assert_string_equal(x, y);
	assert_non_null(strstr(x, "0.4:1"));
}

/* One bad cell: the file stores nothing, the line and column told. */
static void test_one_bad_cell_stores_nothing(void **s)
{
	(void)s;
	const char *path = "/tmp/pkm-impform-bad.csv";
	FILE *out = fopen(path, "w");
	assert_non_null(out);
	fprintf(out, "no_rm,tanggal,unit,bb,bgm\n%s,2026-11-02,K2,9.1,T\n%s,2026-11-03,K2,9.2,Mungkin\n", no_rm[2],
		no_rm[3]);
	fclose(out);
	long before = db_query_long(imported.db, "SELECT count(*) FROM kunjungan", -1);
	struct sbuf done = { 0 }, err = { 0 };
	assert_int_equal(import_formulir(imported.db, form(&imported, "k2_penimbangan"), path, NULL, &done, &err), -1);
	assert_non_null(strstr(sb_str(&err), "pkm-impform-bad.csv:3: bgm: Isi Y (ya) atau T (tidak)"));
	assert_int_equal(db_query_long(imported.db, "SELECT count(*) FROM kunjungan", -1), before);
	unlink(path);
	sb_free(&done);
	sb_free(&err);
}

/* The template's example line passes the checks and imports. */
static void test_example_imports(void **s)
{
	(void)s;
	for (int i = 0; i < 3; i++) {
		const char *path = "/tmp/pkm-impform-contoh.csv";
		FILE *out = fopen(path, "w");
		struct sbuf done = { 0 }, err = { 0 };
		struct form *f = form(&imported, form_ids[i]);
		assert_int_equal(import_formulir_contoh(imported.db, f, out, &err), 0);
		fclose(out);
		if (import_formulir(imported.db, f, path, NULL, &done, &err) != 0)
			fail_msg("example of %s: %s", form_ids[i], sb_str(&err));
		assert_non_null(strstr(sb_str(&done), "1 formulir"));
		unlink(path);
		sb_free(&done);
		sb_free(&err);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_imported_counts_as_typed),
		cmocka_unit_test(test_one_bad_cell_stores_nothing),
		cmocka_unit_test(test_example_imports),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
