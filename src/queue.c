/* Antrian resep: the day's prescriptions per visit, read in one query. */
#include "pkm/queue.h"
#include "pkm/csv.h"
#include "pkm/db.h"
#include "pkm/output.h"
#include <stdlib.h>
#include <string.h>

/* The visits with a line that reached the pharmacy that day (the index on
 * resep.dibuat), each with all its lines: a line is finished when the whole of
 * its target is given or it is closed (db/023). Numbered in arrival order
 * before the finished ones move down. */
static const char queue_sql[] =
	"WITH hari AS (SELECT kunjungan_id, min(dibuat) AS tiba FROM resep WHERE dibuat >= ?1 AND dibuat < ?2"
	"              GROUP BY kunjungan_id),"
	" per AS (SELECT h.kunjungan_id, h.tiba, count(*) AS baris, sum(r.diberi > 0) AS ada,"
	"          sum(r.tutup IS NOT NULL OR r.diberi >= coalesce(r.jumlah_beri, r.jumlah)) AS selesai,"
	"          (SELECT f.penulis FROM resep f WHERE f.kunjungan_id = h.kunjungan_id ORDER BY f.id LIMIT 1)"
	"          AS penulis"
	"         FROM hari h JOIN resep r ON r.kunjungan_id = h.kunjungan_id GROUP BY h.kunjungan_id)"
	" SELECT row_number() OVER (ORDER BY q.tiba, q.kunjungan_id) AS no, k.id, p.no_rm, p.nama,"
	"  k.umur_tahun, k.umur_bulan, k.umur_hari, k.umur_total_hari, k.unit, u.nama,"
	"  coalesce(nullif(g.nama_lengkap, ''), g.nama, ''), q.tiba, q.baris,"
	"  CASE WHEN q.selesai = q.baris THEN 2 WHEN q.selesai > 0 OR q.ada > 0 THEN 1 ELSE 0 END AS status,"
	"  max(0, (unixepoch(?3) - unixepoch(q.tiba)) / 60)"
	" FROM per q JOIN kunjungan k ON k.id = q.kunjungan_id JOIN pasien p ON p.id = k.pasien_id"
	" JOIN unit u ON u.kode = k.unit LEFT JOIN pengguna g ON g.id = q.penulis"
	" WHERE k.batal IS NULL ORDER BY status = 2, no";

int queue_list(sqlite3 *db, struct date day, const char *now, struct queue_row **rows, struct sbuf *err)
{
	char from[11], to[11];
	date_format(day, from);
	date_format(date_from_days(date_to_days(day) + 1), to);
	*rows = NULL;
	sqlite3_stmt *st = db_prepare(db, queue_sql, err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	db_bind_text(st, 3, now, 1);
	int n = 0, cap = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			*rows = xrealloc(*rows, (size_t)cap * sizeof **rows);
		}
		struct queue_row *r = &(*rows)[n++];
		memset(r, 0, sizeof *r);
		r->no = sqlite3_column_int(st, 0);
		r->visit_id = (long)sqlite3_column_int64(st, 1);
		db_col_text(st, 2, r->no_rm, sizeof r->no_rm);
		db_col_text(st, 3, r->nama, sizeof r->nama);
		struct age a = { sqlite3_column_int(st, 4), sqlite3_column_int(st, 5), sqlite3_column_int(st, 6),
				 (long)sqlite3_column_int64(st, 7) };
		age_show(&a, r->umur, sizeof r->umur);
		db_col_text(st, 8, r->unit, sizeof r->unit);
		db_col_text(st, 9, r->unit_nama, sizeof r->unit_nama);
		db_col_text(st, 10, r->penulis, sizeof r->penulis);
		db_col_text(st, 11, r->tiba, sizeof r->tiba);
		r->lines = sqlite3_column_int(st, 12);
		r->status = (enum queue_status)sqlite3_column_int(st, 13);
		r->minutes = r->status == Q_SELESAI || sqlite3_column_type(st, 14) == SQLITE_NULL
				     ? -1 : (long)sqlite3_column_int64(st, 14);
	}
	if (db_finish(db, st, rc, err) != 0) {	/* a queue cut short is no queue */
		free(*rows);
		*rows = NULL;
		return -1;
	}
	return n;
}

const char *queue_status_name(enum queue_status s)
{
	static const char *const names[] = { "menunggu", "sebagian", "selesai" };
	return names[s];
}

/* A cell of `w` columns: stored text made visible, cut whole characters, padded
 * (on the left when `right`), then a space. */
static void cell(struct sbuf *out, const char *s, int w, int right)
{
	struct sbuf v = { 0 };
	text_visible(&v, s, strlen(s), "");
	size_t n = utf8_prefix(sb_str(&v), w);
	int pad = w - (n < v.len ? w : utf8_width(sb_str(&v)));	/* a column a character */
	if (right)
		sb_pad(out, ' ', pad);
	sb_addn(out, sb_str(&v), n);
	if (!right)
		sb_pad(out, ' ', pad);
	sb_addc(out, ' ');
	sb_free(&v);
}

enum { W_NO = 3, W_NAMA = 16, W_UMUR = 5, W_RM = 8, W_UNIT = 9, W_PENULIS = 10, W_OBAT = 4, W_MENIT = 5 };

void queue_text_head(struct sbuf *out)
{
	cell(out, "No", W_NO, 1);
	cell(out, "Nama", W_NAMA, 0);
	cell(out, "Umur", W_UMUR, 0);
	cell(out, "No. RM", W_RM, 0);
	cell(out, "Unit", W_UNIT, 0);
	cell(out, "Penulis", W_PENULIS, 0);
	cell(out, "Obat", W_OBAT, 1);
	cell(out, "Menit", W_MENIT, 1);
	sb_add(out, "Status\n");
}

void queue_text_line(const struct queue_row *r, struct sbuf *out)
{
	char no[16], lines[16], minutes[24] = "";
	snprintf(no, sizeof no, "%d", r->no);
	snprintf(lines, sizeof lines, "%d", r->lines);
	if (r->minutes >= 0)
		snprintf(minutes, sizeof minutes, "%ld", r->minutes);
	cell(out, no, W_NO, 1);
	cell(out, r->nama, W_NAMA, 0);
	cell(out, r->umur, W_UMUR, 0);
	cell(out, r->no_rm, W_RM, 0);
	cell(out, r->unit_nama, W_UNIT, 0);
	cell(out, r->penulis[0] ? r->penulis : "-", W_PENULIS, 0);
	cell(out, lines, W_OBAT, 1);
	cell(out, minutes, W_MENIT, 1);
	sb_printf(out, "%s\n", queue_status_name(r->status));
}

void queue_csv(FILE *f, const struct queue_row *rows, int n)
{
	fputs("no,tiba,no_rm,nama,umur,unit,penulis,obat,menit,status\n", f);
	for (int i = 0; i < n; i++) {
		const struct queue_row *r = &rows[i];
		char no[16], lines[16], minutes[24] = "";
		snprintf(no, sizeof no, "%d", r->no);
		snprintf(lines, sizeof lines, "%d", r->lines);
		if (r->minutes >= 0)
			snprintf(minutes, sizeof minutes, "%ld", r->minutes);
		const char *cells[] = { no, r->tiba, r->no_rm, r->nama, r->umur, r->unit, r->penulis, lines, minutes,
					queue_status_name(r->status) };
		for (size_t c = 0; c < ARRAY_LEN(cells); c++) {
			if (c)
				fputc(',', f);
			csv_write_field(f, cells[c]);
		}
		fputc('\n', f);
	}
}
