/* pkm periksa: the month's findings as text or CSV; the exit status says
 * whether any is a kesalahan, so a script can hold back a signature. */
#include "pkm/cli_periksa.h"
#include "pkm/output.h"
#include "pkm/periksa.h"
#include <stdio.h>
#include <string.h>

int cmd_periksa(sqlite3 *db, const struct pkm_config *cfg, int argc, char **argv, struct sbuf *why)
{
	const char *month = NULL;
	int csv = 0;
	for (int i = 0; i < argc; i += 2) {
		const char *val = i + 1 < argc ? argv[i + 1] : NULL;
		if (!val)
			return out_wrong(why, "pilihan tanpa nilai", argv[i]);
		if (strcmp(argv[i], "--month") == 0 || strcmp(argv[i], "--bulan") == 0)
			month = val;
		else if (strcmp(argv[i], "--format") == 0 && (strcmp(val, "text") == 0 || strcmp(val, "csv") == 0))
			csv = strcmp(val, "csv") == 0;
		else
			return out_wrong(why, "periksa: pilihan --month MM-YYYY, --format text|csv", argv[i]);
	}
	struct date first, next, today = date_today();
	if (!month)
		return out_wrong(why, "periksa perlu --month MM-YYYY (atau YYYY-MM)", NULL);
	if (month_parse(month, &first, &next) != 0)
		return out_wrong(why, "bulan tidak sah (" MONTH_HINT ")", month);
	if (date_cmp(today, first) < 0)
		return out_wrong(why, "bulan itu belum dimulai", month);
	/* the forms' own sex and age bounds; a broken form is left out, as on the desk */
	struct form_set forms;
	struct sbuf err = { 0 };
	forms_load_dir(db, cfg->forms_dir, &forms, &err);
	sb_reset(&err);
	struct periksa p;
	int rc = periksa_month(db, cfg, &forms, month, today, &p, &err);
	forms_free(&forms);
	if (rc != 0)
		return out_fail("pkm: periksa", &err);
	struct out o;
	if (out_open(&o, db, NULL, NULL, &err) != 0) {
		periksa_free(&p);
		return out_fail("pkm", &err);
	}
	if (csv) {
		periksa_csv(&p, o.f);
	} else {
		struct sbuf text = { 0 };
		periksa_text(&p, &text);
		fputs(sb_str(&text), o.f);
		sb_free(&text);
	}
	int errors = p.errors;
	periksa_free(&p);
	sb_free(&err);
	if (out_close(&o, 1, &err) != 0)
		return out_fail("pkm", &err);
	return errors ? 1 : 0;
}
