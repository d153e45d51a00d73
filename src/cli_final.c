/* pkm laporan final|status: the viewer's sign-off from the shell, through the
 * same core (pkm/final.h). */
#include "pkm/cli_final.h"
#include "pkm/db.h"
#include "pkm/final.h"
#include "pkm/output.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int usage_error(const char *what)
{
	fprintf(stderr, "pkm: laporan: %s (lihat pkm --help)\n", what);
	return 2;
}

int cli_month_refused(const char *month)
{
	enum month_state st;
	if (month_state(month, date_today(), &st) != 0 || st != MONTH_FUTURE)
		return 0;
	struct sbuf err = { 0 };
	month_printable(month, &err);
	out_fail("pkm", &err);
	return 2;
}

int cmd_final(sqlite3 *db, const struct pkm_config *cfg, int argc, char **argv)
{
	int sign = strcmp(argv[0], "final") == 0;
	const char *name = NULL, *month = NULL, *nama = db_user(db);
	int i = 1;
	if (sign && argc > 1 && argv[1][0] != '-')
		name = argv[i++];
	for (; i + 1 < argc; i += 2)
		if (strcmp(argv[i], "--month") == 0 || strcmp(argv[i], "--bulan") == 0)
			month = argv[i + 1];
		else if (sign && strcmp(argv[i], "--nama") == 0)
			nama = argv[i + 1];
		else
			break;
	if (i < argc || (sign && (!name || !month)))
		return usage_error(sign ? "final lb1|lb2|lb3|lb4|jampersal --month MM-YYYY [--nama NAMA]"
					: "status [--month MM-YYYY]");
	if (month && cli_month_refused(month))
		return 2;
	struct sbuf err = { 0 };
	struct date first, next;
	char key[8], shown[8];
	if (month && month_parse(month, &first, &next) != 0) {
		sb_printf(&err, "bulan tidak sah: '%s' (" MONTH_HINT ")", month);
		return out_fail("pkm", &err);
	}
	if (!sign) {	/* names are stored text: shown, never obeyed */
		char *text = NULL;
		size_t len = 0;
		FILE *mem = open_memstream(&text, &len);
		int rc = mem ? final_status(db, cfg, month ? month_key(first, key) : NULL, mem, &err) : -1;
		if (mem)
			fclose(mem);
		if (rc == 0)
			out_puts(stdout, text);
		free(text);
		if (rc != 0)
			return out_fail("pkm", &err);
		sb_free(&err);
		return fflush(stdout) == 0 ? 0 : 1;
	}
	struct final_sign f;
	if (final_sign(db, cfg, name, month, nama ? nama : "sistem", &f, &err) != 0)
		return out_fail("pkm", &err);
	char when[32], upper[40];
	str_copy(upper, sizeof upper, name);
	str_upper(upper);
	datetime_show(f.waktu, when, sizeof when);
	printf("%s %s FINAL v%d oleh ", upper, month_show(first, shown), f.versi);
	out_puts(stdout, f.nama);
	printf(", %s\nsidik %s\n", when, f.sidik);
	sb_free(&err);
	return fflush(stdout) == 0 ? 0 : 1;
}
