/* Where a number comes from: the dispatch to each report's rows, the visits'
 * details and the listing (README "Where a number comes from"). */
#include "pkm/asal.h"
#include "pkm/csv.h"
#include "pkm/db.h"
#include "pkm/lb1.h"
#include "pkm/lb2.h"
#include "pkm/rowdef.h"
#include <stdlib.h>
#include <string.h>

struct asal_row *asal_add(struct asal *a, long kunjungan, long nilai)
{
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 64;
		a->rows = xrealloc(a->rows, (size_t)a->cap * sizeof *a->rows);
	}
	struct asal_row *r = &a->rows[a->n++];
	memset(r, 0, sizeof *r);
	r->kunjungan = kunjungan;
	r->nilai = nilai;
	a->total += nilai;
	return r;
}

void asal_free(struct asal *a)
{
	free(a->rows);
	memset(a, 0, sizeof *a);
}

static int by_date(const void *x, const void *y)
{
	const struct asal_row *a = x, *b = y;
	int c = strcmp(a->tanggal, b->tanggal);
	if (c)
		return c;
	return (a->kunjungan > b->kunjungan) - (a->kunjungan < b->kunjungan);
}

int asal_known(sqlite3 *db, const char *table, const char *code)
{
	char sql[64];
	snprintf(sql, sizeof sql, "SELECT 1 FROM %s WHERE kode = ?", table);
	sqlite3_stmt *st = db_prepare(db, sql, NULL);
	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	int found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return found;
}

int asal_month(const char *month, char from[11], char to[11], struct sbuf *err)
{
	struct date first, next;
	if (month_parse(month, &first, &next) != 0) {
		sb_printf(err, "bulan tidak sah: '%s' (" MONTH_HINT ")", month);
		return -1;
	}
	date_format(first, from);
	date_format(next, to);
	return 0;
}

int asal_fill_visits(sqlite3 *db, struct asal *a, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT k.tanggal, p.no_rm, p.nama, k.unit FROM kunjungan k "
				      "JOIN pasien p ON p.id = k.pasien_id WHERE k.id = ?", err);
	if (!st)
		return -1;
	int rc = SQLITE_DONE;
	for (int i = 0; i < a->n && rc == SQLITE_DONE; i++) {
		struct asal_row *r = &a->rows[i];
		if (!r->kunjungan)
			continue;
		sqlite3_bind_int64(st, 1, r->kunjungan);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			if (!r->tanggal[0])	/* a stock movement keeps its own date */
				db_col_text(st, 0, r->tanggal, sizeof r->tanggal);
			db_col_text(st, 1, r->no_rm, sizeof r->no_rm);
			db_col_text(st, 2, r->nama, sizeof r->nama);
			db_col_text(st, 3, r->unit, sizeof r->unit);
			rc = sqlite3_step(st);
		}
		sqlite3_reset(st);
	}
	if (db_finish(db, st, rc, err) != 0)
		return -1;
	if (a->n)
		qsort(a->rows, (size_t)a->n, sizeof *a->rows, by_date);
	return 0;
}

int asal_build(sqlite3 *db, const struct pkm_config *cfg, const struct report_req *req, const char *cell,
	       struct asal *out, struct sbuf *err)
{
	memset(out, 0, sizeof *out);
	char baris[64], kolom[64];
	const char *comma = strchr(cell, ',');
	if (!comma || (size_t)(comma - cell) >= sizeof baris || strlen(comma + 1) >= sizeof kolom ||
	    comma == cell || !comma[1]) {
		sb_printf(err, "sel tidak sah: '%s' (tulis BARIS,KOLOM seperti keluaran --format data)", cell);
		return ASAL_UNKNOWN;
	}
	snprintf(baris, sizeof baris, "%.*s", (int)(comma - cell), cell);
	str_copy(kolom, sizeof kolom, comma + 1);
	int rc;
	if (strcmp(req->name, "lb1") == 0) {
		rc = lb1_asal(db, req->month, req->layout, baris, kolom, out, err);
	} else if (strcmp(req->name, "lb2") == 0) {
		rc = lb2_asal(db, req->month, baris, kolom, out, err);
	} else {
		struct rowdef d;
		if (report_rowdef(db, cfg, req->name, &d, err) != 0)
			return ASAL_ERROR;
		rc = rowdef_asal(db, &d, req->month, baris, kolom, out, err);
		rowdef_free(&d);
	}
	struct date first, next;
	if (rc == ASAL_OK && month_parse(req->month, &first, &next) == 0) {
		char name[16];
		str_copy(name, sizeof name, req->name);
		str_upper(name);
		snprintf(out->judul, sizeof out->judul, "%s %s %d, sel %s,%s: %ld", name, month_name(first.m), first.y,
			 baris, kolom, out->total);
	}
	if (rc == ASAL_OK)
		rc = asal_fill_visits(db, out, err) == 0 ? ASAL_OK : ASAL_ERROR;
	if (rc != ASAL_OK)
		asal_free(out);
	return rc;
}

const char *asal_head(void)
{
	return "Tanggal    No. RM     Nama                     Unit     Keterangan         Nilai";
}

char *asal_line(const struct asal_row *r, char *buf, size_t size)
{
	char shown[16] = "", nama[128];
	if (r->tanggal[0])
		date_show(r->tanggal, shown);
	size_t n = utf8_prefix(r->nama, 24);
	int w = utf8_width(r->nama);
	snprintf(nama, sizeof nama, "%.*s%*s", (int)n, r->nama, w < 24 ? 24 - w : 0, "");
	snprintf(buf, size, "%-10s %-10.10s %s %-8.8s %-16.16s %7ld", shown, r->no_rm, nama, r->unit, r->ket, r->nilai);
	return buf;
}

void asal_write(const struct asal *a, enum report_format format, FILE *f)
{
	if (format == FMT_CSV) {
		fputs("tanggal,no_rm,nama,unit,keterangan,nilai,kunjungan_id\n", f);
		for (int i = 0; i < a->n; i++) {
			const struct asal_row *r = &a->rows[i];
			const char *fields[] = { r->tanggal, r->no_rm, r->nama, r->unit, r->ket };
			for (size_t c = 0; c < ARRAY_LEN(fields); c++) {
				csv_write_field(f, fields[c]);
				putc(',', f);
			}
			fprintf(f, "%ld,", r->nilai);
			if (r->kunjungan)
				fprintf(f, "%ld", r->kunjungan);
			putc('\n', f);
		}
		return;
	}
	char line[256];
	fprintf(f, "%s\n", a->judul);
	fprintf(f, "%s\n", asal_head());
	for (int i = 0; i < a->n; i++)
		fprintf(f, "%s\n", asal_line(&a->rows[i], line, sizeof line));
	fprintf(f, "Jumlah: %ld (%d baris)\n", a->total, a->n);
}

int report_asal(sqlite3 *db, const struct pkm_config *cfg, const struct report_req *req, const char *cell, FILE *out,
		struct sbuf *err)
{
	struct asal a;
	int rc = asal_build(db, cfg, req, cell, &a, err);
	if (rc == ASAL_OK) {
		asal_write(&a, req->format, out);
		asal_free(&a);
	}
	return rc;
}
