/* pkm laporan stok: the expiry and stock-out report of the Farmasi screen's F8,
 * from the same core (stock_report.c). */
#include "pkm/cli_stock.h"
#include "pkm/output.h"
#include "pkm/stock_report.h"
#include <stdio.h>
#include <string.h>

static int usage_error(const char *what)
{
	fprintf(stderr, "pkm: %s (lihat pkm --help)\n", what);
	return 2;
}

int cmd_stock_report(sqlite3 *db, const struct pkm_config *cfg, const char *backup_dir, int argc, char **argv)
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
