/* pkm puskesmas lihat | ubah: the identity on the report heading and signature block. */
#include "pkm/cli_puskesmas.h"
#include "pkm/output.h"
#include "pkm/puskesmas.h"
#include <stdio.h>
#include <string.h>

#define USAGE "puskesmas lihat | ubah [--nama N] [--kode K] [--alamat A] [--kecamatan K] [--kabupaten K] " \
	      "[--kepala N] [--nip-kepala NIP] [--petugas N] [--nip-petugas NIP]"

static int usage_error(void)
{
	fprintf(stderr, "pkm: %s (lihat pkm --help)\n", USAGE);
	return 2;
}

static int show(sqlite3 *db, const struct pkm_config *cfg)
{
	struct sbuf err = { 0 }, out = { 0 }, missing = { 0 };
	struct puskesmas saved, now;
	int found = puskesmas_read(db, &saved, &err);
	if (found < 0)
		return out_fail("pkm", &err);
	puskesmas_from_cfg(cfg, &now);
	for (int i = 0; i < PKM_ID_FIELDS; i++) {
		const struct column_def *c = dict_find(db, "puskesmas", puskesmas_fields[i].column);
		sb_printf(&out, "%-18s: ", c ? c->label : puskesmas_fields[i].column);
		text_visible(&out, now.v[i], strlen(now.v[i]), "");	/* a file's bytes: shown, never obeyed */
		sb_addc(&out, '\n');
	}
	sb_printf(&out, "Sumber            : %s\n", found ? "database" :
		  cfg->file[0] ? "berkas konfigurasi (belum disimpan di database)" : "belum diisi");
	if (puskesmas_missing(db, cfg, &missing))
		sb_printf(&out, "Belum lengkap     : %s\n", sb_str(&missing));
	int rc = fputs(sb_str(&out), stdout) == EOF || fflush(stdout) != 0;
	sb_free(&out);
	sb_free(&missing);
	return rc;
}

/* ubah: the identity as it is now, with what is given over it. */
static int change(sqlite3 *db, const struct pkm_config *cfg, int argc, char **argv)
{
	static const char *const opt[PKM_ID_FIELDS] = { "--nama", "--kode", "--alamat", "--kecamatan", "--kabupaten",
							"--kepala", "--nip-kepala", "--petugas", "--nip-petugas" };
	struct puskesmas p;
	puskesmas_from_cfg(cfg, &p);
	if (argc == 0)
		return usage_error();
	for (int i = 0; i < argc; i += 2) {
		int k = 0;
		while (k < PKM_ID_FIELDS && strcmp(argv[i], opt[k]) != 0)
			k++;
		if (k == PKM_ID_FIELDS || i + 1 >= argc)
			return usage_error();
		if (strlen(argv[i + 1]) >= sizeof p.v[k]) {
			fprintf(stderr, "pkm: %s: terlalu panjang\n", puskesmas_fields[k].column);
			return 1;
		}
		str_copy(p.v[k], sizeof p.v[k], argv[i + 1]);
	}
	struct pkm_config saved = *cfg;
	struct field_errors fe = { 0 };
	struct sbuf err = { 0 };
	int rc = puskesmas_save(db, &p, &saved, &fe, &err);
	field_errors_print(&fe);
	if (rc != 0)
		return err.len ? out_fail("pkm", &err) : 1;
	sb_free(&err);
	puts("identitas puskesmas disimpan");
	return 0;
}

int cmd_puskesmas(sqlite3 *db, const struct pkm_config *cfg, int argc, char **argv)
{
	if (argc == 1 && strcmp(argv[0], "lihat") == 0)
		return show(db, cfg);
	if (argc >= 1 && strcmp(argv[0], "ubah") == 0)
		return change(db, cfg, argc - 1, argv + 1);
	return usage_error();
}
