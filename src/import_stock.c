/* pkm import obat | stok: the drug master and the opening stock, all or nothing
 * like the patient and visit imports. */
#include "pkm/import.h"
#include "pkm/db.h"
#include "pkm/dict.h"
#include "pkm/sheet.h"
#include "pkm/drug.h"
#include "pkm/final_month.h"
#include <stdlib.h>
#include <string.h>

static void report_field_errors(struct sheet *s, int r, const struct field_errors *fe)
{
	for (int i = 0; i < fe->n; i++)
		problem(s, s->lines[r], fe->e[i].column, "%s", fe->e[i].msg);
}

/* Write the rows by `write` (called per row) and commit the transaction the
 * import began, or roll it back and tell why not; `note` ends the trail's
 * record of the file. */
static int write_all(struct sheet *s, sqlite3 *db, const char *table, void *rows, size_t size,
		     int (*write)(sqlite3 *, const void *, struct sbuf *), const char *note)
{
	/* a drug list is small: each row keeps its own trail, the file one too */
	if (s->nerr || begin_write(s, db, 0) != 0) {
		db_rollback(db);
		return finish_errors(s);
	}
	for (int r = 0; r < s->nrows && !s->nerr; r++) {
		struct sbuf why = { 0 };
		if (write(db, (const char *)rows + (size_t)r * size, &why) != 0)
			problem(s, s->lines[r], NULL, "%s", sb_str(&why));
		sb_free(&why);
	}
	char made[400];
	snprintf(made, sizeof made, "lihat baris-barisnya di jejak%s", note);
	return end_write(s, db, table, 0, 0, made) == 0 ? 0 : finish_errors(s);
}

static int write_drug(sqlite3 *db, const void *row, struct sbuf *err) { return drug_put(db, row, err); }

int import_obat(sqlite3 *db, const char *path, const struct sheet_opts *o, struct sbuf *done, struct sbuf *err)
{
	static const char *const required[] = { "kode", "nama", "satuan", NULL };
	struct sheet s;
	if (sheet_read(&s, path, required, o, err) != 0 || begin_check(&s, db) != 0)
		return finish_errors(&s);
	int c[9] = { col_of(&s, "kode"), col_of(&s, "nama"), col_of(&s, "satuan"), col_of(&s, "kategori"),
		     col_of(&s, "stok_optimum"), col_of(&s, "fornas"), col_of(&s, "kode_pcare"), col_of(&s, "kode_kfa"),
		     col_of(&s, "maks_resep") };
	struct drug *d = xcalloc((size_t)s.nrows, sizeof *d);
	int added = 0;
	for (int r = 0; r < s.nrows; r++) {
		struct field_errors fe;
		/* an empty optional cell keeps what the drug has: a list without it changes nothing there */
		struct drug_input in = { cell(&s, r, c[0]), cell(&s, r, c[1]), cell(&s, r, c[2]), cell(&s, r, c[3]),
					 cell(&s, r, c[4]), cell(&s, r, c[5]), cell(&s, r, c[6]), cell(&s, r, c[7]),
					 cell(&s, r, c[8]) };
		if (drug_check_input(db, &in, 0, &d[r], &fe) != 0)
			report_field_errors(&s, r, &fe);
		struct drug old;
		added += drug_get(db, d[r].kode, &old) == 0;
	}
	const char **keys = xcalloc((size_t)s.nrows + 1, sizeof *keys);
	for (int r = 0; r < s.nrows; r++)
		keys[r] = d[r].kode;
	same_twice(&s, keys, "kode", "kode", 1);
	free(keys);
	int rc = write_all(&s, db, "obat", d, sizeof *d, write_drug, "");
	free(d);
	if (rc != 0)
		return rc;
	sb_printf(done, "%s: %d obat diimpor (%d baru, %d diperbarui)\n", path, s.nrows, added, s.nrows - added);
	sheet_free(&s);
	return 0;
}

static int write_opening(sqlite3 *db, const void *row, struct sbuf *err) { return receipt_insert(db, row, 1, err); }

/* An opening stock is for a batch pkm has not seen yet: importing it twice
 * would count it twice. */
static int batch_has_stock(sqlite3 *db, const struct receipt *r)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT 1 FROM batch b JOIN mutasi m ON m.batch_id = b.id WHERE b.obat = ? "
				      "AND b.sumber = ? AND b.no_batch = ? AND b.kedaluwarsa = ?", NULL);
	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, r->obat, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->sumber, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, r->no_batch, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, r->kedaluwarsa, -1, SQLITE_STATIC);
	int found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

/* Opening stock dated in a month whose report is signed off goes in only with
 * --alasan, which the trail's record of the file keeps (note). */
static void signed_month(struct sheet *s, sqlite3 *db, int r, const char *day, const struct sheet_opts *o,
			 struct sbuf *note)
{
	char which[64], month[8];
	struct date d;
	if (date_parse(day, &d) != 0 || final_day_signed(db, day, "lb2", which, sizeof which) == 0)
		return;
	if (!(o && o->alasan && *o->alasan))
		problem(s, s->lines[r], "tanggal", "laporan bulan %s sudah FINAL (%s): impor ke bulan itu perlu --alasan TEKS",
			month_show(d, month), which);
	else if (!note->len)
		sb_printf(note, "; ke bulan FINAL, alasan: %s", o->alasan);
}

int import_stok(sqlite3 *db, const char *path, const struct sheet_opts *o, struct sbuf *done, struct sbuf *err)
{
	static const char *const required[] = { "kode", "sumber", "no_batch", "kedaluwarsa", "jumlah", "tanggal", NULL };
	struct sheet s;
	if (sheet_read(&s, path, required, o, err) != 0 || begin_check(&s, db) != 0)
		return finish_errors(&s);
	int c[6];
	for (int i = 0; i < 6; i++)
		c[i] = col_of(&s, required[i]);
	struct receipt *rc = xcalloc((size_t)s.nrows, sizeof *rc);
	long total = 0;
	struct sbuf note = { 0 };
	for (int r = 0; r < s.nrows; r++) {
		struct receipt_input in = { cell(&s, r, c[0]), cell(&s, r, c[1]), cell(&s, r, c[2]), cell(&s, r, c[3]),
					    cell(&s, r, c[4]), cell(&s, r, c[5]), "stok awal (impor)" };
		struct field_errors fe;
		strict_date(&s, s.lines[r], in.kedaluwarsa, "kedaluwarsa");
		strict_date(&s, s.lines[r], in.tanggal, "tanggal");
		signed_month(&s, db, r, in.tanggal, o, &note);
		if (receipt_check(db, &in, &rc[r], &fe) != 0)
			report_field_errors(&s, r, &fe);
		else if (batch_has_stock(db, &rc[r]))
			problem(&s, s.lines[r], "no_batch", "batch %s sudah punya stok; catat sebagai penerimaan atau stok opname",
				rc[r].no_batch);
		total += rc[r].jumlah;
	}
	/* the same batch twice: drug, source, number and expiry alike */
	char **keys = xcalloc((size_t)s.nrows + 1, sizeof *keys);
	for (int r = 0; r < s.nrows; r++) {
		struct sbuf k = { 0 };
		if (*rc[r].obat)
			sb_printf(&k, "%s\x1f%s\x1f%s\x1f%s", rc[r].obat, rc[r].sumber, rc[r].no_batch, rc[r].kedaluwarsa);
		keys[r] = k.s ? k.s : xstrdup("");
	}
	same_twice(&s, (const char *const *)keys, "no_batch", "batch yang sama", 0);
	for (int r = 0; r < s.nrows; r++)
		free(keys[r]);
	free(keys);
	int ok = write_all(&s, db, "mutasi", rc, sizeof *rc, write_opening, sb_str(&note));
	free(rc);
	sb_free(&note);
	if (ok != 0)
		return ok;
	sb_printf(done, "%s: stok awal %d batch diimpor (jumlah %ld)\n", path, s.nrows, total);
	sheet_free(&s);
	return 0;
}
