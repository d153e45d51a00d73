/* pkm laporan stok: the expiry and stock-out report of the Farmasi screen's F8,
 * from the same core (stock_report.c); pkm laporan kartu: the stock card as the
 * card's F7 saves it, whole or of one month. */
#include "pkm/cli_stock.h"
#include "pkm/output.h"
#include "pkm/stock.h"
#include "pkm/stock_report.h"
#include <stdio.h>
#include <string.h>

static int usage_error(const char *what)
{
	fprintf(stderr, "pkm: %s (lihat pkm --help)\n", what);
	return 2;
}

static int stock_report(sqlite3 *db, const struct pkm_config *cfg, const char *backup_dir, int argc, char **argv)
{
	long days = cfg->farmasi.expiry_days;
	int csv = 0;
	const char *out_path = NULL;
	for (int i = 0; i < argc; i += 2) {
		const char *opt = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
		if (!val)
			return usage_error("pilihan tanpa nilai");
		if (strcmp(opt, "--kedaluwarsa") == 0) {
			if (parse_long(val, 0, 3650, &days) != 0)
				return usage_error("--kedaluwarsa: jumlah hari 0 sampai 3650");
		} else if (strcmp(opt, "--format") == 0 && (strcmp(val, "text") == 0 || strcmp(val, "csv") == 0)) {
			csv = strcmp(val, "csv") == 0;
		} else if (strcmp(opt, "--out") == 0) {
			out_path = val;
		} else {
			return usage_error("laporan stok [--kedaluwarsa N] [--format text|csv] [--out BERKAS]");
		}
	}
	struct sbuf err = { 0 };
	struct stock_report r;
	if (stock_report_build(db, &cfg->farmasi, date_today(), days, &r, &err) != 0)
		return out_fail("pkm", &err);
	struct out o;
	int rc = out_open(&o, db, backup_dir, out_path, &err);
	if (rc == 0) {
		if (csv) {
			stock_report_csv(&r, o.f);
		} else {
			struct sbuf text = { 0 };
			stock_report_text(&r, cfg->nama, &text);
			fputs(sb_str(&text), o.f);
			sb_free(&text);
		}
		rc = out_close(&o, 1, &err);
	}
	stock_report_free(&r);
	if (rc != 0)
		return out_fail("pkm", &err);
	sb_free(&err);
	return 0;
}

static int stock_card(sqlite3 *db, const char *backup_dir, int argc, char **argv)
{
	const char *usage = "laporan kartu KODE_OBAT [--bulan MM-YYYY] [--out BERKAS]";
	if (argc < 1 || argc % 2 != 1)
		return usage_error(usage);
	const char *month = NULL, *out_path = NULL;
	for (int i = 1; i < argc; i += 2) {
		if (strcmp(argv[i], "--bulan") == 0 || strcmp(argv[i], "--month") == 0)
			month = argv[i + 1];
		else if (strcmp(argv[i], "--out") == 0)
			out_path = argv[i + 1];
		else
			return usage_error(usage);
	}
	struct sbuf err = { 0 }, text = { 0 };
	struct drug d;
	struct card_month m;
	int found = drug_get(db, argv[0], &d);
	if (found == 0)
		sb_printf(&err, "kode obat %.24s tidak ada di daftar obat", argv[0]);
	else if (found < 0)
		sb_printf(&err, "daftar obat tidak terbaca: %s", sqlite3_errmsg(db));
	int rc = found == 1 ? 0 : -1;
	if (rc == 0 && month)
		rc = stock_card_month(db, d.kode, NULL, month, &m, &err);
	if (rc == 0 && (month ? stock_card_month_text(db, &d, &m, &text) : stock_card_text(db, &d, &text)) != 0) {
		sb_printf(&err, "kartu stok tidak terbaca seluruhnya: %s", sqlite3_errmsg(db));
		rc = -1;
	}
	struct out o;
	if (rc == 0 && (rc = out_open(&o, db, backup_dir, out_path, &err)) == 0) {
		fputs(sb_str(&text), o.f);
		rc = out_close(&o, 1, &err);
	}
	sb_free(&text);
	if (rc != 0)
		return out_fail("pkm", &err);
	sb_free(&err);
	return 0;
}

int cmd_stock(sqlite3 *db, const struct pkm_config *cfg, const char *backup_dir, int argc, char **argv)
{
	if (strcmp(argv[0], "kartu") == 0)
		return stock_card(db, backup_dir, argc - 1, argv + 1);
	return stock_report(db, cfg, backup_dir, argc - 1, argv + 1);
}
