/* pkm obat: find, add, change, close, open again or delete a drug. */
#include "pkm/cli_obat.h"
#include "pkm/date.h"
#include "pkm/drug.h"
#include "pkm/output.h"
#include <stdio.h>
#include <string.h>

#define OBAT_USAGE "obat cari KATA... | tambah|ubah KODE [--nama N] [--satuan S] [--kategori K] [--optimum N] " \
		   "[--fornas Y|T] [--pcare KODE] [--kfa KODE] [--maks N] | tutup|buka|hapus KODE"

static int usage_error(const char *what)
{
	fprintf(stderr, "pkm: %s (lihat pkm --help)\n", what);
	return 2;
}

/* Drugs open for prescribing: code, name, unit and stock, a line each. */
static int search(sqlite3 *db, int argc, char **argv)
{
	struct sbuf q = { 0 }, out = { 0 };
	for (int i = 0; i < argc; i++)
		sb_printf(&q, "%s%s", i ? " " : "", argv[i]);
	struct drug d[50];
	int n = drug_search(db, sb_str(&q), d, (int)ARRAY_LEN(d));
	sb_free(&q);
	if (n < 0) {
		fprintf(stderr, "pkm: daftar obat tidak terbaca: %s\n", sqlite3_errmsg(db));
		return 1;
	}
	for (int i = 0; i < n; i++) {	/* names from an import: shown, never obeyed */
		sb_printf(&out, "%s\t", d[i].kode);
		text_visible(&out, d[i].nama, strlen(d[i].nama), "");
		sb_printf(&out, "\t%s\t%ld\n", d[i].satuan, stock_balance(db, d[i].kode));
	}
	sb_printf(&out, "%d obat\n", n);
	int rc = fputs(sb_str(&out), stdout) == EOF || fflush(stdout) != 0;	/* made visible above */
	sb_free(&out);
	return rc;
}

/* tambah: what is given; ubah: what the drug has, with what is given over it. */
static int save(sqlite3 *db, int is_new, const char *kode, int argc, char **argv)
{
	struct drug old;
	int had = drug_get(db, kode, &old);
	if (had < 0) {
		fprintf(stderr, "pkm: daftar obat tidak terbaca: %s\n", sqlite3_errmsg(db));
		return 1;
	}
	if (!is_new && !had) {	/* said before the columns it would have needed */
		struct sbuf err = { 0 };
		sb_printf(&err, "kode obat %s tidak ada di daftar obat", kode);
		return out_fail("pkm", &err);
	}
	char optimum[24] = "", maks[24] = "", fornas[2] = "Y";
	struct drug_input in = { kode, "", "", "", optimum, fornas, "", "", maks };
	if (!is_new) {
		in = (struct drug_input){ kode, old.nama, old.satuan, old.kategori, optimum, fornas, old.kode_pcare,
					  old.kode_kfa, maks };
		if (old.optimum >= 0)
			snprintf(optimum, sizeof optimum, "%ld", old.optimum);
		if (old.maks_resep > 0)
			snprintf(maks, sizeof maks, "%ld", old.maks_resep);
		fornas[0] = old.fornas ? 'Y' : 'T';
	}
	static const char *const opt[] = { "--nama", "--satuan", "--kategori", "--optimum", "--fornas", "--pcare",
					   "--kfa", "--maks" };
	const char **slot[] = { &in.nama, &in.satuan, &in.kategori, &in.optimum, &in.fornas, &in.kode_pcare,
				&in.kode_kfa, &in.maks_resep };
	for (int i = 0; i < argc; i += 2) {
		size_t k = 0;
		while (k < ARRAY_LEN(opt) && strcmp(argv[i], opt[k]) != 0)
			k++;
		if (k == ARRAY_LEN(opt) || i + 1 >= argc)
			return usage_error(OBAT_USAGE);
		*slot[k] = argv[i + 1];
	}
	struct field_errors fe = { 0 };
	struct sbuf err = { 0 };
	int rc = drug_save(db, &in, is_new, &fe, &err);
	field_errors_print(&fe);
	if (rc != 0)
		return err.len ? out_fail("pkm", &err) : 1;
	sb_free(&err);
	printf("obat %s %s\n", kode, is_new ? "ditambahkan" : "diubah");
	return 0;
}

int cmd_obat(sqlite3 *db, int argc, char **argv)
{
	if (argc >= 1 && strcmp(argv[0], "cari") == 0)
		return search(db, argc - 1, argv + 1);
	if (argc < 2)
		return usage_error(OBAT_USAGE);
	const char *verb = argv[0], *kode = argv[1];
	if (strcmp(verb, "tambah") == 0 || strcmp(verb, "ubah") == 0)
		return save(db, strcmp(verb, "tambah") == 0, kode, argc - 2, argv + 2);
	if (argc != 2)
		return usage_error(OBAT_USAGE);
	struct sbuf err = { 0 };
	char today[11];
	date_format(date_today(), today);
	int rc;
	if (strcmp(verb, "tutup") == 0)
		rc = drug_close(db, kode, today, &err);
	else if (strcmp(verb, "buka") == 0)
		rc = drug_close(db, kode, NULL, &err);
	else if (strcmp(verb, "hapus") == 0)
		rc = drug_delete(db, kode, &err);
	else
		return usage_error(OBAT_USAGE);
	if (rc != 0)
		return out_fail("pkm", &err);
	sb_free(&err);
	printf("obat %s %s\n", kode, strcmp(verb, "tutup") == 0 ? "ditutup" : strcmp(verb, "buka") == 0 ? "dibuka lagi"
													 : "dihapus");
	return 0;
}
