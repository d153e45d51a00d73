/* The main dashboard's tables ([tabel.ID] of forms/dasbor/utama.ini): the
 * month's visits per unit and week, and each village's commonest diagnoses. */
#include "pkm/dasbor.h"
#include "pkm/date.h"
#include "pkm/db.h"
#include "pkm/output.h"
#include <string.h>

#define WEEKS 5	/* days 1-7, 8-14, 15-21, 22-28, 29-31 */

static void month_range(int year, int month, char from[11], char to[11])
{
	struct date last;
	snprintf(from, 11, "%04d-%02d-01", year, month);
	dasbor_day(year, month, to);
	date_parse(to, &last);
	date_format(date_from_days(date_to_days(last) + 1), to);
}

/* Visits per unit and week: a line per unit with visits, then the total. */
static int visits_week(sqlite3 *db, const struct dasbor_tab *t, const char *from, const char *to, int csv,
		       struct sbuf *out, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT k.unit, u.nama, (CAST(substr(k.tanggal, 9, 2) AS INTEGER) - 1) / 7, "
				      "count(*) FROM kunjungan k JOIN unit u ON u.kode = k.unit WHERE k.batal IS NULL "
				      "AND k.tanggal >= ? AND k.tanggal < ? GROUP BY k.unit, 3 ORDER BY u.urut, k.unit, 3",
				      err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	if (!csv) {
		sb_printf(out, "%-22s", "Unit");
		for (int w = 0; w < WEEKS; w++)
			sb_printf(out, "  %s", (const char *[]){ " 1-7 ", " 8-14", "15-21", "22-28", "29-31" }[w]);
		sb_add(out, "  Jumlah\n");
	}
	long week[WEEKS + 1] = { 0 }, all[WEEKS + 1] = { 0 };
	char unit[16] = "", name[64] = "";
	int step;
	for (;;) {
		step = sqlite3_step(st);
		const char *u = step == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
		if (unit[0] && (!u || strcmp(u, unit) != 0)) {	/* a unit's line done */
			if (!csv)
				dasbor_cell(out, name, 22);
			for (int w = 0; w <= WEEKS; w++) {
				if (csv && w < WEEKS)
					sb_printf(out, "%s,%s,minggu%d,%ld\n", t->id, unit, w + 1, week[w]);
				else if (csv)
					sb_printf(out, "%s,%s,jumlah,%ld\n", t->id, unit, week[w]);
				else
					sb_printf(out, "  %5ld", week[w]);
				all[w] += week[w];
				week[w] = 0;
			}
			if (!csv)
				sb_addc(out, '\n');
		}
		if (step != SQLITE_ROW)
			break;
		str_copy(unit, sizeof unit, u);
		db_col_text(st, 1, name, sizeof name);
		int w = sqlite3_column_int(st, 2);
		long n = (long)sqlite3_column_int64(st, 3);
		week[w < WEEKS ? w : WEEKS - 1] += n;
		week[WEEKS] += n;
	}
	if (!csv) {
		sb_printf(out, "%-22s", "Jumlah");
		for (int w = 0; w <= WEEKS; w++)
			sb_printf(out, "  %5ld", all[w]);
		sb_addc(out, '\n');
	}
	return db_finish(db, st, step, err);
}

/* Each village's commonest diagnoses of the month, most first. */
static int top_diagnoses(sqlite3 *db, const struct dasbor_tab *t, const char *from, const char *to, int csv,
			 struct sbuf *out, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT x.desa, dn.nama, x.icd10, coalesce(i.nama, ''), x.n FROM (SELECT " RD_VILLAGE_KEY " AS desa, "
		"d.icd10, count(*) AS n, row_number() OVER (PARTITION BY " RD_VILLAGE_KEY " ORDER BY count(*) DESC, "
		"d.icd10) AS rk FROM kunjungan k JOIN diagnosis d ON d.kunjungan_id = k.id JOIN pasien p ON "
		"p.id = k.pasien_id LEFT JOIN desa ds ON ds.kode = p.desa_kode WHERE k.batal IS NULL AND k.tanggal >= ? "
		"AND k.tanggal < ? GROUP BY 1, 2) x LEFT JOIN icd10 i ON i.kode = x.icd10 LEFT JOIN desa dn "
		"ON x.desa = 'D' || dn.kode WHERE x.rk <= ? ORDER BY instr('DL?', substr(x.desa, 1, 1)), x.desa, x.rk", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, t->top);
	char last[80] = "";
	int step, rank = 0;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		char key[80], name[80], code[16], label[160];
		db_col_text(st, 0, key, sizeof key);
		db_col_text(st, 1, name, sizeof name);
		if (!name[0])
			dasbor_key_name(key, name, sizeof name);
		db_col_text(st, 2, code, sizeof code);
		db_col_text(st, 3, label, sizeof label);
		long n = (long)sqlite3_column_int64(st, 4);
		rank = strcmp(key, last) == 0 ? rank + 1 : 1;
		if (csv) {
			sb_printf(out, "%s,%s,%s,%ld\n", t->id, key[0] == 'D' ? key + 1 : key[0] == 'L' ? "LUAR" : "", code, n);
			continue;
		}
		if (rank == 1) {
			sb_add(out, last[0] ? "\nDesa " : "Desa ");
			text_visible(out, name, strlen(name), "");
			sb_addc(out, '\n');
		}
		str_copy(last, sizeof last, key);
		sb_printf(out, "%4d. %-7s ", rank, code);
		dasbor_cell(out, label, 56);
		sb_printf(out, " %6ld\n", n);
	}
	if (!last[0] && !csv)
		sb_add(out, "Tidak ada diagnosis bulan ini.\n");
	return db_finish(db, st, step, err);
}

int dasbor_table(sqlite3 *db, const struct dasbor *d, int t, int year, int month, int csv, struct sbuf *out,
		 struct sbuf *err)
{
	const struct dasbor_tab *tab = &d->tab[t];
	char from[11], to[11];
	month_range(year, month, from, to);
	if (!csv) {
		sb_printf(out, "[%s] ", tab->id);
		text_visible(out, tab->label, strlen(tab->label), "");
		sb_printf(out, ", %s %d\n", month_name(month), year);
	}
	int snap = db_read_begin(db, err);
	if (snap < 0)
		return -1;
	int rc = tab->kind == TAB_VISITS_WEEK ? visits_week(db, tab, from, to, csv, out, err)
					      : top_diagnoses(db, tab, from, to, csv, out, err);
	if (db_read_end(db, snap, rc == 0 ? err : NULL) != 0)
		rc = -1;
	return rc;
}
