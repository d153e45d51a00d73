/* The months whose reports are signed off, as what a change or an import of
 * their days must respect (issue 32): below the reports, so the imports and
 * the screens ask it without building a report. */
#include "pkm/final_month.h"
#include "pkm/db.h"
#include <stdio.h>
#include <string.h>

int month_state(const char *month, struct date today, enum month_state *out)
{
	struct date first, next;
	if (month_parse(month, &first, &next) != 0)
		return -1;
	*out = date_cmp(first, today) > 0 ? MONTH_FUTURE : date_cmp(next, today) > 0 ? MONTH_RUNNING : MONTH_ENDED;
	return 0;
}

int month_printable(const char *month, struct sbuf *err)
{
	enum month_state st;
	struct date today = date_today();
	if (month_state(month, today, &st) != 0) {
		sb_printf(err, "bulan tidak sah: '%s' (" MONTH_HINT ")", month);
		return -1;
	}
	if (st != MONTH_FUTURE)
		return 0;
	struct date first, next;
	char shown[8], day[11], now[11];
	month_parse(month, &first, &next);
	sb_printf(err, "bulan %s belum dimulai (hari ini %s): laporannya belum ada", month_show(first, shown),
		  date_show(date_format(today, day), now));
	return -1;
}

int final_day_signed(sqlite3 *db, const char *day, const char *report, char *which, size_t size)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT DISTINCT upper(laporan) FROM laporan_final WHERE bulan = substr(?1, 1, 7) "
				   "AND (?2 IS NULL OR laporan = ?2) ORDER BY 1", NULL);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	db_bind_text(st, 2, report ? report : "", 1);
	struct sbuf names = { 0 };
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		sb_printf(&names, "%s%s", names.len ? ", " : "", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	str_copy(which, size, sb_str(&names));
	int found = names.len > 0;
	sb_free(&names);
	return rc != SQLITE_DONE ? -1 : found;
}

int final_months_in(sqlite3 *db, const char *table, char *which, size_t size, long *line)
{
	char sql[600];
	snprintf(sql, sizeof sql, "SELECT substr(bulan, 6, 2) || '-' || substr(bulan, 1, 4), group_concat(DISTINCT "
		 "upper(laporan)), (SELECT min(id) FROM \"%1$s\" WHERE substr(tanggal, 1, 7) = bulan) "
		 "FROM laporan_final WHERE bulan IN (SELECT substr(tanggal, 1, 7) FROM \"%1$s\") "
		 "GROUP BY bulan ORDER BY bulan", table);
	sqlite3_stmt *st = db_prepare(db, sql, NULL);
	if (!st)
		return -1;
	struct sbuf names = { 0 };
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long first = (long)sqlite3_column_int64(st, 2);
		if (!names.len || first < *line)
			*line = first;
		sb_printf(&names, "%s%s (%s)", names.len ? ", " : "", (const char *)sqlite3_column_text(st, 0),
			  (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	str_copy(which, size, sb_str(&names));
	int found = names.len > 0;
	sb_free(&names);
	return rc != SQLITE_DONE ? -1 : found;
}
