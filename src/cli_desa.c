/* pkm desa [daftar] | petakan: the villages of the working area and the old
 * free-text villages with the nearest master name, in text or CSV. */
#include "pkm/cli_desa.h"
#include "pkm/csv.h"
#include "pkm/desa.h"
#include "pkm/output.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DESA_USAGE "desa [daftar] [--format text|csv] | desa petakan [--format text|csv] | " \
		   "desa petakan --terapkan BERKAS.csv [--encoding cp1252]"
#define MAX_DESA 2000

static int usage_error(void)
{
	fprintf(stderr, "pkm: %s (lihat pkm --help)\n", DESA_USAGE);
	return 2;
}

static void list_csv(FILE *f, const struct desa *d, int n)
{
	fputs("kode,nama,wilayah,pustu,posyandu\n", f);
	for (int i = 0; i < n; i++) {
		fprintf(f, "%s,", d[i].kode);
		csv_write_field(f, d[i].nama);
		fprintf(f, ",%s,", d[i].wilayah ? "Y" : "T");
		csv_write_field(f, d[i].pustu);
		fputc(',', f);
		csv_write_field(f, d[i].posyandu);
		fputc('\n', f);
	}
}

static void list_text(FILE *f, const struct desa *d, int n)
{
	int in = 0;
	for (int i = 0; i < n; i++) {
		in += d[i].wilayah;
		fprintf(f, "%s  %-24s %s  %-20s %s\n", d[i].kode, d[i].nama, d[i].wilayah ? "Y" : "T", d[i].pustu,
			d[i].posyandu);
	}
	fprintf(f, "%d desa (%d di wilayah kerja, %d luar wilayah)\n", n, in, n - in);
}

static void mapping_csv(FILE *f, const struct desa_teks *t, int n)
{
	fputs("teks,kode,jumlah,saran,jarak\n", f);
	for (int i = 0; i < n; i++) {
		csv_write_field(f, t[i].teks);
		fprintf(f, ",%s,%ld,", t[i].kode, t[i].jumlah);
		csv_write_field(f, t[i].nama);
		if (t[i].jarak >= 0)
			fprintf(f, ",%d\n", t[i].jarak);
		else
			fputs(",\n", f);
	}
}

static void mapping_text(FILE *f, const struct desa_teks *t, int n)
{
	struct sbuf out = { 0 };
	desa_petakan_text(t, n, &out);
	fputs(sb_str(&out), f);
	sb_free(&out);
}

/* The format option at argv[i]: 1 csv, 0 text, -1 not one. */
static int format_of(int argc, char **argv, int i)
{
	if (i + 1 >= argc || strcmp(argv[i], "--format") != 0)
		return -1;
	return strcmp(argv[i + 1], "csv") == 0 ? 1 : strcmp(argv[i + 1], "text") == 0 ? 0 : -1;
}

static int show(sqlite3 *db, int mapping, int csv)
{
	struct sbuf err = { 0 };
	struct desa *d = NULL;
	struct desa_teks *t = NULL;
	int n = mapping ? desa_petakan(db, &t) : desa_list(db, d = xcalloc(MAX_DESA, sizeof *d), MAX_DESA);
	if (n < 0) {
		free(d);
		sb_printf(&err, "daftar desa tidak terbaca: %s", sqlite3_errmsg(db));
		return out_fail("pkm", &err);
	}
	struct out o;
	int rc = out_open(&o, db, NULL, NULL, &err);
	if (rc == 0) {	/* names from a file: shown, never obeyed (o.f escapes) */
		if (mapping)
			(csv ? mapping_csv : mapping_text)(o.f, t, n);
		else
			(csv ? list_csv : list_text)(o.f, d, n);
		rc = out_close(&o, 1, &err);
	}
	free(d);
	free(t);
	return rc ? out_fail("pkm", &err) : 0;
}

static int apply(sqlite3 *db, const char *path, int argc, char **argv)
{
	struct sheet_opts o = { .progress = isatty(STDERR_FILENO) ? stderr : NULL };
	if (argc == 2 && strcmp(argv[0], "--encoding") == 0 && strcmp(argv[1], "cp1252") == 0)
		o.cp1252 = 1;
	else if (argc)
		return usage_error();
	struct sbuf done = { 0 }, err = { 0 };
	int rc = desa_petakan_terapkan(db, path, &o, &done, &err);
	out_puts(stdout, sb_str(&done));
	out_puts(stderr, sb_str(&err));
	sb_free(&done);
	sb_free(&err);
	return rc == 0 && fflush(stdout) == 0 ? 0 : 1;
}

int cmd_desa(sqlite3 *db, int argc, char **argv)
{
	int mapping = argc && strcmp(argv[0], "petakan") == 0;
	int skip = mapping || (argc && strcmp(argv[0], "daftar") == 0);
	if (mapping && argc >= 3 && strcmp(argv[1], "--terapkan") == 0)
		return apply(db, argv[2], argc - 3, argv + 3);
	int csv = 0;
	if (argc - skip == 2 && (csv = format_of(argc, argv, skip)) < 0)
		return usage_error();
	if (argc - skip != 0 && argc - skip != 2)
		return usage_error();
	return show(db, mapping, csv);
}
