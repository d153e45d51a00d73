/* pkm resep antrian: the pharmacy's queue of a day, from the core the screen
 * reads (src/queue.c). */
#include "pkm/cli_queue.h"
#include "pkm/output.h"
#include "pkm/queue.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int usage_error(const char *what, const char *given)
{
	struct sbuf msg = { 0 };
	sb_printf(&msg, "pkm: %s", what);
	if (given) {
		sb_add(&msg, ": ");
		text_visible(&msg, given, strlen(given), "");
	}
	fprintf(stderr, "%s (lihat pkm --help)\n", sb_str(&msg));
	sb_free(&msg);
	return 2;
}

static void write_text(FILE *f, struct date day, const struct queue_row *rows, int n)
{
	int open = 0;
	for (int i = 0; i < n; i++)
		open += rows[i].status != Q_SELESAI;
	struct sbuf out = { 0 };
	sb_printf(&out, "Antrian resep %02d-%02d-%04d: %d resep, %d belum selesai\n", day.d, day.m, day.y, n, open);
	if (n)
		queue_text_head(&out);
	for (int i = 0; i < n; i++)
		queue_text_line(&rows[i], &out);
	fputs(sb_str(&out), f);
	sb_free(&out);
}

int cmd_resep_queue(sqlite3 *db, int argc, char **argv)
{
	struct date day = date_today();
	int csv = 0;
	for (int i = 1; i < argc; i += 2) {
		const char *val = i + 1 < argc ? argv[i + 1] : NULL;
		if (!val)
			return usage_error("pilihan tanpa nilai", argv[i]);
		if (strcmp(argv[i], "--tanggal") == 0) {
			if (date_parse_user(val, &day) != 0)
				return usage_error("tanggal tidak sah (tulis DD-MM-YYYY)", val);
		} else if (strcmp(argv[i], "--format") == 0 && (strcmp(val, "text") == 0 || strcmp(val, "csv") == 0)) {
			csv = strcmp(val, "csv") == 0;
		} else {
			return usage_error("resep antrian: pilihan --tanggal DD-MM-YYYY, --format text|csv", argv[i]);
		}
	}
	/* minutes waiting are today's only */
	char now[20];
	int today = date_cmp(day, date_today()) == 0;
	struct queue_row *rows;
	struct sbuf err = { 0 };
	int n = queue_list(db, day, today ? date_now(now) : NULL, &rows, &err);
	if (n < 0)
		return out_fail("pkm: antrian resep tidak terbaca", &err);
	struct out o;
	if (out_open(&o, db, NULL, NULL, &err) != 0) {
		free(rows);
		return out_fail("pkm", &err);
	}
	if (csv)
		queue_csv(o.f, rows, n);
	else
		write_text(o.f, day, rows, n);
	free(rows);
	if (out_close(&o, 1, &err) != 0)
		return out_fail("pkm", &err);
	return 0;
}
