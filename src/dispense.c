#include "pkm/dispense.h"
#include "pkm/date.h"
#include "pkm/db.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum rx_state rx_state(const struct rx_line *l)
{
	if (l->tutup[0])
		return RX_CLOSED;
	if (l->diberi >= l->target)
		return RX_DONE;
	return l->diberi ? RX_PARTIAL : RX_WAITING;
}

void rx_status(const struct rx_line *l, char *out, size_t size)
{
	char why[64];
	switch (rx_state(l)) {
	case RX_CLOSED:	/* the code in words, short enough for the row: "ditutup: stok kosong" */
		str_copy(why, sizeof why, l->tutup);
		for (char *c = why; *c; c++)
			*c = *c == '_' ? ' ' : (char)tolower((unsigned char)*c);
		snprintf(out, size, "ditutup: %s", why);
		break;
	case RX_DONE:
		snprintf(out, size, "selesai");
		break;
	case RX_PARTIAL:
		snprintf(out, size, "sebagian kurang %ld", l->target - l->diberi);
		break;
	default:
		snprintf(out, size, "menunggu");
	}
}

void rx_describe(const struct rx_line *l, char *row, size_t size, char *second, size_t size2)
{
	char status[96];
	rx_status(l, status, sizeof status);
	snprintf(row, size, "%-22.22s %6ld %-11.11s %6ld %5ld  %s", l->nama_beri, l->target, l->signa_beri, l->diberi,
		 l->stok, status);
	second[0] = '\0';
	if (l->changed)
		snprintf(second, size2, "  resep: %.40s %ld %s %s; alasan: %s", l->nama, l->jumlah, l->satuan, l->signa,
			 l->alasan);
}

/* The batches a line may take from: with stock, not expired on the day, nor
 * before the therapy's last day when its days are known (?3 > 0). */
#define USABLE "obat = ?1 AND saldo > 0 AND kedaluwarsa >= ?2 AND (?3 = 0 OR kedaluwarsa >= date(?2, '+' || ?3 || ' days'))"

static void usable_bind(sqlite3_stmt *st, const char *obat, const char *tanggal, long hari)
{
	sqlite3_bind_text(st, 1, obat, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, tanggal, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, hari);
}

long rx_usable(sqlite3 *db, const char *obat, const char *tanggal, long hari)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT coalesce(sum(saldo), 0) FROM batch WHERE " USABLE, NULL);
	if (!st)
		return 0;
	usable_bind(st, obat, tanggal, hari);
	long n = sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return n;
}

#define LINE_COLS                                                                                                     \
	"SELECT r.id, r.kunjungan_id, r.obat, o.nama, o.satuan, r.signa, r.jumlah, g.kode, g.nama, g.satuan, "        \
	"coalesce(r.signa_beri, r.signa), coalesce(r.jumlah_beri, r.jumlah), r.diberi, coalesce(r.hari, 0), "        \
	"r.obat_beri IS NOT NULL OR r.jumlah_beri IS NOT NULL OR r.signa_beri IS NOT NULL, r.alasan_ubah, r.tutup, " \
	"r.diserahkan FROM resep r JOIN obat o ON o.kode = r.obat JOIN obat g ON g.kode = coalesce(r.obat_beri, r.obat) "

static void line_read(sqlite3_stmt *st, struct rx_line *l)
{
	l->id = (long)sqlite3_column_int64(st, 0);
	l->kunjungan_id = (long)sqlite3_column_int64(st, 1);
	db_col_text(st, 2, l->obat, sizeof l->obat);
	db_col_text(st, 3, l->nama, sizeof l->nama);
	db_col_text(st, 4, l->satuan, sizeof l->satuan);
	db_col_text(st, 5, l->signa, sizeof l->signa);
	l->jumlah = (long)sqlite3_column_int64(st, 6);
	db_col_text(st, 7, l->beri, sizeof l->beri);
	db_col_text(st, 8, l->nama_beri, sizeof l->nama_beri);
	db_col_text(st, 9, l->satuan_beri, sizeof l->satuan_beri);
	db_col_text(st, 10, l->signa_beri, sizeof l->signa_beri);
	l->target = (long)sqlite3_column_int64(st, 11);
	l->diberi = (long)sqlite3_column_int64(st, 12);
	l->hari = (long)sqlite3_column_int64(st, 13);
	l->changed = sqlite3_column_int(st, 14);
	db_col_text(st, 15, l->alasan, sizeof l->alasan);
	db_col_text(st, 16, l->tutup, sizeof l->tutup);
	db_col_text(st, 17, l->diserahkan, sizeof l->diserahkan);
	l->stok = 0;
}

/* Each line's usable stock, read after the lines (one statement at a time). */
static void fill_stock(sqlite3 *db, const char *tanggal, struct rx_line *l, int n)
{
	for (int i = 0; i < n; i++)
		l[i].stok = rx_usable(db, l[i].beri, tanggal, l[i].hari);
}

int rx_lines(sqlite3 *db, long visit_id, const char *tanggal, struct rx_line *out, int max)
{
	sqlite3_stmt *st = db_stmt(db, LINE_COLS "WHERE r.kunjungan_id = ? ORDER BY r.id LIMIT ?", NULL);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, visit_id);
	sqlite3_bind_int(st, 2, max);
	int n = 0, rc = SQLITE_DONE;
	while (n < max && (rc = sqlite3_step(st)) == SQLITE_ROW)
		line_read(st, &out[n++]);
	sqlite3_reset(st);
	n = db_rows(rc, n);
	if (n > 0)
		fill_stock(db, tanggal, out, n);
	return n;
}

int rx_line_get(sqlite3 *db, long resep_id, const char *tanggal, struct rx_line *out)
{
	sqlite3_stmt *st = db_stmt(db, LINE_COLS "WHERE r.id = ?", NULL);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, resep_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		line_read(st, out);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		fill_stock(db, tanggal, out, 1);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Give up to `want` of a line, earliest expiry first over as many batches as it
 * takes; the amount given, -1 on failure. */
static long give_line(sqlite3 *db, const struct rx_line *l, long want, const char *tanggal, struct sbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id, saldo FROM batch WHERE " USABLE " ORDER BY kedaluwarsa, id LIMIT 1",
				   err);
	long given = 0;
	while (st && given < want) {
		usable_bind(st, l->beri, tanggal, l->hari);
		int rc = sqlite3_step(st);
		long id = rc == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : 0;
		long saldo = rc == SQLITE_ROW ? (long)sqlite3_column_int64(st, 1) : 0;
		sqlite3_reset(st);
		if (rc == SQLITE_DONE)
			break;	/* no usable batch left: the rest stays short */
		if (rc != SQLITE_ROW)
			return db_fail(err, db, "batch tidak terbaca");
		long n = saldo < want - given ? saldo : want - given;
		if (stock_movement(db, id, tanggal, "PAKAI", -n, l->id, "", err) != 0)
			return -1;
		given += n;
	}
	if (!st)
		return -1;
	if (l->diberi + given >= l->target) {	/* finished: the day it was */
		st = db_stmt(db, "UPDATE resep SET diserahkan = ? WHERE id = ?", err);
		if (!st)
			return -1;
		sqlite3_bind_text(st, 1, tanggal, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, l->id);
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return db_fail(err, db, "resep tidak tersimpan");
	}
	return given;
}

static void note_line(struct sbuf *note, const struct rx_line *l, long given)
{
	if (!note)
		return;
	long left = l->target - l->diberi - given;
	sb_printf(note, "%s: %ld %s diserahkan", l->nama_beri, given, l->satuan_beri);
	if (left > 0)
		sb_printf(note, ", kurang %ld%s", left, given ? "" : " (stok tidak cukup)");
	sb_addc(note, '\n');
}

static int dispense_one(sqlite3 *db, const struct rx_line *l, long jumlah, const char *tanggal, struct rx_result *r,
			struct sbuf *err)
{
	long left = l->target - l->diberi, want = jumlah > 0 && jumlah < left ? jumlah : left;
	long given = give_line(db, l, want, tanggal, err);
	if (given < 0)
		return -1;
	if (given > 0 && r->lines < RESEP_MAX)
		r->given_ids[r->lines++] = l->id;
	r->given += given;
	r->short_lines += given < left;
	note_line(r->note, l, given);
	return 0;
}

int rx_dispense_in(sqlite3 *db, long visit_id, long resep_id, long jumlah, const char *tanggal, struct rx_result *r,
		   struct sbuf *err)
{
	struct sbuf *note = r->note;
	*r = (struct rx_result){ .note = note };
	struct rx_line l[RESEP_MAX];
	int n;
	if (resep_id > 0) {
		n = rx_line_get(db, resep_id, tanggal, l);
		if (n == 0 || (n > 0 && visit_id > 0 && l[0].kunjungan_id != visit_id)) {
			sb_printf(err, "baris resep %ld tidak ada%s", resep_id, visit_id > 0 ? " pada kunjungan ini" : "");
			return -1;
		}
	} else {
		n = rx_lines(db, visit_id, tanggal, l, RESEP_MAX);
	}
	if (n < 0)
		return db_fail(err, db, "resep tidak terbaca");
	int open = 0;
	for (int i = 0; i < n; i++) {
		enum rx_state s = rx_state(&l[i]);
		if (s == RX_DONE || s == RX_CLOSED)
			continue;
		open++;
		if (dispense_one(db, &l[i], jumlah, tanggal, r, err) != 0)
			return -1;
	}
	if (!open) {
		if (!n)
			sb_printf(err, "kunjungan %ld tidak punya resep", visit_id);
		else if (resep_id > 0)
			sb_printf(err, "%s sudah %s", l[0].nama_beri, l[0].tutup[0] ? "ditutup" : "diserahkan seluruhnya");
		else
			sb_printf(err, "tidak ada obat yang menunggu diserahkan");
		return -1;
	}
	return 0;
}

static int begin(sqlite3 *db, struct sbuf *err)
{
	if (db_begin(db) == 0)
		return 0;
	sb_printf(err, "%s", db_busy_text(db));
	return -1;
}

/* Commit the work of rc 0, else roll it back whole. */
static int end(sqlite3 *db, int rc, struct sbuf *err)
{
	if (rc == 0 && db_commit(db) == 0)
		return 0;
	if (rc == 0)
		db_fail(err, db, "gagal menyimpan");
	db_rollback(db);
	return -1;
}

int rx_dispense(sqlite3 *db, long visit_id, long resep_id, long jumlah, const char *tanggal, struct rx_result *r,
		struct sbuf *err)
{
	if (begin(db, err) != 0)
		return -1;
	size_t noted = r->note ? r->note->len : 0;
	int rc = end(db, rx_dispense_in(db, visit_id, resep_id, jumlah, tanggal, r, err), err);
	if (rc != 0 && r->note) {	/* nothing was given after all */
		r->note->len = noted;
		if (r->note->s)
			r->note->s[noted] = '\0';
	}
	return rc;
}

/* The line to change or close, read inside the transaction; open = not
 * finished; untouched = nothing given yet. */
static int open_line(sqlite3 *db, long resep_id, const char *tanggal, int untouched, struct rx_line *l,
		     struct sbuf *err)
{
	int found = rx_line_get(db, resep_id, tanggal, l);
	if (found < 0)
		return db_fail(err, db, "resep tidak terbaca");
	enum rx_state s = found ? rx_state(l) : RX_CLOSED;
	if (!found)
		sb_printf(err, "baris resep %ld tidak ada", resep_id);
	else if (s == RX_CLOSED)
		sb_printf(err, "%s sudah ditutup", l->nama_beri);
	else if (s == RX_DONE)
		sb_printf(err, "%s sudah diserahkan seluruhnya", l->nama_beri);
	else if (untouched && l->diberi)
		sb_printf(err, "%s sudah diserahkan %ld %s: yang diberikan tidak dapat diubah lagi; tutup sisanya",
			  l->nama_beri, l->diberi, l->satuan_beri);
	else
		return 0;
	return -1;
}

int rx_close(sqlite3 *db, long resep_id, const char *alasan, const char *tanggal, struct field_errors *fe,
	     struct sbuf *err)
{
	char why[24];
	fe->n = 0;
	dict_check_field(db, "resep", "tutup", "tutup", alasan, why, sizeof why, fe);
	if (fe->n || begin(db, err) != 0)
		return -1;
	struct rx_line l;
	int rc = open_line(db, resep_id, tanggal, 0, &l, err);
	sqlite3_stmt *st = rc ? NULL : db_stmt(db, "UPDATE resep SET tutup = ?, "
					       "diserahkan = CASE WHEN diberi > 0 THEN ? END WHERE id = ?", err);
	if (st) {
		sqlite3_bind_text(st, 1, why, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, tanggal, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, resep_id);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(err, db, "resep tidak tersimpan");
		sqlite3_reset(st);
	}
	return end(db, st ? rc : -1, err);
}

/* The changed values checked into normal form, "" where they are as
 * prescribed. A value not given (NULL) stays as it is to be given now; an
 * empty drug or quantity goes back to the prescription's. */
static void check_change(sqlite3 *db, const struct rx_line *l, const char *obat, const char *jumlah, const char *signa,
			 const char *alasan, char beri[24], char qty[24], char sig[44], char why[104],
			 struct field_errors *fe)
{
	char now[24];
	snprintf(now, sizeof now, "%ld", l->target);
	obat = obat ? obat : l->beri;
	jumlah = jumlah ? jumlah : now;
	signa = signa ? signa : l->signa_beri;
	beri[0] = qty[0] = sig[0] = why[0] = '\0';
	struct drug d;
	if (*obat && strcmp(obat, l->obat) != 0) {
		if (drug_get(db, obat, &d) != 1)
			field_error(fe, "obat", "kode obat %.24s tidak ada di daftar obat", obat);
		else if (db_query_text_exists(db, "SELECT 1 FROM obat WHERE kode = ? AND ditutup IS NOT NULL", d.kode) != 0)
			field_error(fe, "obat", "%s sudah ditutup di daftar obat", d.nama);
		else
			str_copy(beri, 24, d.kode);
	}
	if (*jumlah) {
		dict_check_field(db, "resep", "jumlah_beri", "jumlah", jumlah, qty, 24, fe);
		if (!field_error_for(fe, "jumlah") && atol(qty) == l->jumlah)
			qty[0] = '\0';
	}
	dict_check_field(db, "resep", "signa_beri", "signa", signa, sig, 44, fe);
	if (strcmp(sig, l->signa) == 0)
		sig[0] = '\0';
	if (beri[0] || qty[0] || sig[0]) {
		dict_check_field(db, "resep", "alasan_ubah", "alasan", alasan, why, 104, fe);
		if (*why && strlen(why) < 3)	/* a word, not a letter: it is what the audit shows */
			field_error(fe, "alasan", "paling sedikit 3 huruf");
	}
}

int rx_change(sqlite3 *db, long resep_id, const char *obat, const char *jumlah, const char *signa, const char *alasan,
	      struct field_errors *fe, struct sbuf *err)
{
	fe->n = 0;
	if (begin(db, err) != 0)
		return -1;
	struct rx_line l;
	char day[11], beri[24], qty[24], sig[44], why[104];
	date_format(date_today(), day);
	if (open_line(db, resep_id, day, 1, &l, err) != 0)
		return end(db, -1, err);
	check_change(db, &l, obat, jumlah, signa, alasan, beri, qty, sig, why, fe);
	if (fe->n)
		return end(db, -1, err);
	sqlite3_stmt *st = db_stmt(db, "UPDATE resep SET obat_beri = ?, jumlah_beri = ?, signa_beri = ?, alasan_ubah = ? "
				   "WHERE id = ? AND diberi = 0 AND tutup IS NULL", err);
	int rc = -1;
	if (st) {
		db_bind_text(st, 1, beri, 1);
		if (qty[0])
			sqlite3_bind_int64(st, 2, atol(qty));
		else
			sqlite3_bind_null(st, 2);
		db_bind_text(st, 3, sig, 1);
		db_bind_text(st, 4, why, 1);
		sqlite3_bind_int64(st, 5, resep_id);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(err, db, "resep tidak tersimpan");
		sqlite3_reset(st);
	}
	return end(db, rc, err);
}
