/* pkm resep lihat|serahkan|tutup|ubah|etiket: the prescription screen's
 * actions from the shell, through the same core functions. */
#include "pkm/cli_resep.h"
#include "pkm/date.h"
#include "pkm/db.h"
#include "pkm/dispense.h"
#include "pkm/etiket.h"
#include "pkm/output.h"
#include <stdio.h>
#include <string.h>

static int usage_error(const char *what)
{
	fprintf(stderr, "pkm: resep: %s (lihat pkm --help)\n", what);
	return 2;
}

static int finish(int rc, struct sbuf *out, struct sbuf *err)
{
	out_puts(stdout, sb_str(out));
	sb_free(out);
	if (rc != 0)
		return out_fail("pkm", err);
	sb_free(err);
	return fflush(stdout) == 0 ? 0 : 1;
}

static int id_arg(const char *s, long *id) { return parse_long(s, 1, 999999999999L, id); }

static int list(sqlite3 *db, long visit, const char *day, struct sbuf *out, struct sbuf *err)
{
	struct rx_line l[RESEP_MAX];
	int n = rx_lines(db, visit, day, l, RESEP_MAX);
	if (n < 0)
		return db_fail(err, db, "resep tidak terbaca");
	if (!n) {
		sb_printf(err, "kunjungan %ld tidak punya resep", visit);
		return -1;
	}
	sb_printf(out, "%6s  %s\n", "ID", RX_HEAD);
	for (int i = 0; i < n; i++) {
		char row[512], second[512];
		rx_describe(&l[i], row, sizeof row, second, sizeof second);
		sb_printf(out, "%6ld  %s\n", l[i].id, row);
		if (*second)
			sb_printf(out, "%6s  %s\n", "", second);
	}
	return 0;
}

/* serahkan KUNJUNGAN_ID [--baris ID] [--jumlah N]: labels follow when a label
 * printer is set; a printer that fails leaves the dispensing done. */
static int give(sqlite3 *db, const struct pkm_config *cfg, int argc, char **argv, const char *day, struct sbuf *out,
		struct sbuf *err)
{
	long visit, line = 0, qty = 0;
	if (argc < 1 || id_arg(argv[0], &visit) != 0)
		return usage_error("serahkan KUNJUNGAN_ID [--baris ID] [--jumlah N]");
	for (int i = 1; i < argc; i += 2) {
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (v && strcmp(argv[i], "--baris") == 0 && id_arg(v, &line) == 0)
			continue;
		if (v && strcmp(argv[i], "--jumlah") == 0 && parse_long(v, 1, 10000, &qty) == 0)
			continue;
		return usage_error("serahkan: pilihan --baris ID, --jumlah 1-10000");
	}
	if (qty && !line)
		return usage_error("--jumlah hanya bersama --baris");
	struct rx_result r = { .note = out };
	if (rx_dispense(db, visit, line, qty, day, &r, err) != 0)
		return finish(-1, out, err);
	if (!r.lines)
		sb_add(out, "tidak ada yang dapat diserahkan: stok tidak cukup\n");
	if (r.lines && cfg->farmasi.label_printer[0]) {
		struct sbuf why = { 0 };
		if (etiket_print(db, cfg, r.given_ids, r.lines, &why) == 0)
			sb_printf(out, "%d etiket dicetak\n", r.lines);
		else	/* the dispensing stays; the label can be printed again */
			sb_printf(out, "etiket tidak tercetak: %s\n", sb_str(&why));
		sb_free(&why);
	}
	return finish(0, out, err);
}

static int change(sqlite3 *db, int argc, char **argv, struct sbuf *out, struct sbuf *err)
{
	long id;
	const char *obat = NULL, *qty = NULL, *signa = NULL, *why = NULL;
	if (argc < 1 || id_arg(argv[0], &id) != 0)
		return usage_error("ubah ID [--obat KODE] [--jumlah N] [--signa S] --alasan TEKS");
	for (int i = 1; i < argc; i += 2) {
		const char *v = i + 1 < argc ? argv[i + 1] : NULL, *o = argv[i];
		const char **to = !v ? NULL : strcmp(o, "--obat") == 0 ? &obat : strcmp(o, "--jumlah") == 0 ? &qty
				: strcmp(o, "--signa") == 0 ? &signa : strcmp(o, "--alasan") == 0 ? &why : NULL;
		if (!to)
			return usage_error("ubah: pilihan --obat KODE, --jumlah N, --signa S, --alasan TEKS");
		*to = v;
	}
	struct field_errors fe = { 0 };
	int rc = rx_change(db, id, obat, qty, signa, why, &fe, err);
	if (rc != 0 && fe.n)
		field_errors_join(&fe, err);
	if (rc == 0)
		sb_printf(out, "baris resep %ld diubah; resep dokter tetap tercatat\n", id);
	return finish(rc, out, err);
}

int cmd_resep_counter(sqlite3 *db, const struct pkm_config *cfg, int argc, char **argv)
{
	if (argc < 1)
		return -1;
	struct sbuf out = { 0 }, err = { 0 };
	char day[11];
	date_format(date_today(), day);
	const char *sub = argv[0];
	long id;
	argc--;
	argv++;
	if (strcmp(sub, "serahkan") == 0)
		return give(db, cfg, argc, argv, day, &out, &err);
	if (strcmp(sub, "ubah") == 0)
		return change(db, argc, argv, &out, &err);
	int known = strcmp(sub, "lihat") == 0 || strcmp(sub, "tutup") == 0 || strcmp(sub, "etiket") == 0;
	if (!known)
		return -1;
	if (argc != 1 + (strcmp(sub, "tutup") == 0) || id_arg(argv[0], &id) != 0)
		return usage_error("lihat KUNJUNGAN_ID | tutup ID ALASAN | etiket ID");
	int rc;
	if (strcmp(sub, "lihat") == 0) {
		rc = list(db, id, day, &out, &err);
	} else if (strcmp(sub, "etiket") == 0) {
		rc = etiket_text(db, cfg, id, &out, &err);
	} else {
		struct field_errors fe = { 0 };
		rc = rx_close(db, id, argv[1], day, &fe, &err);
		if (rc != 0 && fe.n)
			field_errors_join(&fe, &err);
		if (rc == 0)
			sb_printf(&out, "sisa baris resep %ld ditutup\n", id);
	}
	return finish(rc, &out, &err);
}
