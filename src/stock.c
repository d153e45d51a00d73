#include "pkm/stock.h"
#include "pkm/date.h"
#include "pkm/db.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Check one typed value against its kamus row; the message goes to fe under `field`. */
static long check_amount(sqlite3 *db, const char *column, const char *field, const char *in, struct field_errors *fe)
{
	char v[24];
	int before = fe->n;
	dict_check_field(db, "mutasi", column, field, in, v, sizeof v, fe);
	long n = 0;
	if (fe->n == before && parse_long(v, 0, 10000000, &n) != 0)
		n = 0;
	return n;
}

/* Stock moves when it is counted or handed over: never on a day still to come. */
static void not_future(const char *day, struct field_errors *fe)
{
	struct date d;
	char shown[11];
	if (*day && date_parse(day, &d) == 0 && date_cmp(d, date_today()) > 0 && !field_error_for(fe, "tanggal"))
		field_error(fe, "tanggal", "tanggal %s setelah hari ini", date_show(day, shown));
}

static void drug_row(sqlite3_stmt *st, struct drug *d)
{
	db_col_text(st, 0, d->kode, sizeof d->kode);
	db_col_text(st, 1, d->nama, sizeof d->nama);
	db_col_text(st, 2, d->satuan, sizeof d->satuan);
	db_col_text(st, 3, d->kategori, sizeof d->kategori);
	d->optimum = sqlite3_column_type(st, 4) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 4);
}

#define DRUG_COLS "SELECT kode, nama, satuan, kategori, stok_optimum FROM obat "

int drug_get(sqlite3 *db, const char *kode, struct drug *d)
{
	sqlite3_stmt *st = db_stmt(db, DRUG_COLS "WHERE kode = ?", NULL);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, kode, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		drug_row(st, d);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int drug_search(sqlite3 *db, const char *query, struct drug *out, int max)
{
	/* code prefix first, then names containing the typed text */
	sqlite3_stmt *st = db_prepare(db, DRUG_COLS "WHERE kode LIKE ?1 || '%' OR nama LIKE '%' || ?1 || '%' "
				      "ORDER BY kode LIKE ?1 || '%' DESC, nama LIMIT ?2", NULL);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, query, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, max);
	int n = 0, rc = SQLITE_DONE;
	while (n < max && (rc = sqlite3_step(st)) == SQLITE_ROW)
		drug_row(st, &out[n++]);
	sqlite3_finalize(st);
	return db_rows(rc, n);
}

int drug_check(sqlite3 *db, const char *kode, const char *nama, const char *satuan, const char *kategori,
	       const char *optimum, struct drug *out, struct field_errors *fe)
{
	memset(out, 0, sizeof *out);
	fe->n = 0;
	char opt[24];
	dict_check_field(db, "obat", "kode", "kode", kode, out->kode, sizeof out->kode, fe);
	dict_check_field(db, "obat", "nama", "nama", nama, out->nama, sizeof out->nama, fe);
	dict_check_field(db, "obat", "satuan", "satuan", satuan, out->satuan, sizeof out->satuan, fe);
	dict_check_field(db, "obat", "kategori", "kategori", kategori && *kategori ? kategori : "OBAT", out->kategori,
		    sizeof out->kategori, fe);
	dict_check_field(db, "obat", "stok_optimum", "stok_optimum", optimum, opt, sizeof opt, fe);
	if (!*out->kode && !field_error_for(fe, "kode"))
		field_error(fe, "kode", "wajib diisi");
	out->optimum = -1;
	if (*opt && parse_long(opt, 0, 10000000, &out->optimum) != 0)
		out->optimum = -1;
	return fe->n ? -1 : 0;
}

int drug_put(sqlite3 *db, const struct drug *d, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db, "INSERT INTO obat (kode, nama, satuan, kategori, stok_optimum, kode_pcare) "
				      "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kode) DO UPDATE SET nama = excluded.nama, "
				      "satuan = excluded.satuan, kategori = excluded.kategori, "
				      "stok_optimum = excluded.stok_optimum, kode_pcare = coalesce(excluded.kode_pcare, kode_pcare)",
				      err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, d->kode, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, d->nama, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, d->satuan, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, d->kategori, -1, SQLITE_STATIC);
	if (d->optimum >= 0)
		sqlite3_bind_int64(st, 5, d->optimum);
	if (*d->kode_pcare)
		sqlite3_bind_text(st, 6, d->kode_pcare, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		sb_printf(err, "obat %s tidak tersimpan: %s", d->kode, sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int receipt_check(sqlite3 *db, const struct receipt_input *in, struct receipt *out, struct field_errors *fe)
{
	memset(out, 0, sizeof *out);
	fe->n = 0;
	struct drug d;
	if (!in->obat || !*in->obat)
		field_error(fe, "obat", "wajib diisi");
	else if (drug_get(db, in->obat, &d) != 1)
		field_error(fe, "obat", "kode obat %.24s tidak ada di daftar obat", in->obat);
	else
		str_copy(out->obat, sizeof out->obat, d.kode);
	dict_check_field(db, "batch", "sumber", "sumber", in->sumber, out->sumber, sizeof out->sumber, fe);
	dict_check_field(db, "batch", "no_batch", "no_batch", in->no_batch, out->no_batch, sizeof out->no_batch, fe);
	dict_check_field(db, "batch", "kedaluwarsa", "kedaluwarsa", in->kedaluwarsa, out->kedaluwarsa,
		    sizeof out->kedaluwarsa, fe);
	dict_check_field(db, "mutasi", "tanggal", "tanggal", in->tanggal, out->tanggal, sizeof out->tanggal, fe);
	not_future(out->tanggal, fe);
	dict_check_field(db, "mutasi", "keterangan", "keterangan", in->keterangan, out->keterangan, sizeof out->keterangan, fe);
	out->jumlah = check_amount(db, "jumlah", "jumlah", in->jumlah, fe);
	if (*out->kedaluwarsa && *out->tanggal && strcmp(out->kedaluwarsa, out->tanggal) < 0 &&
	    !field_error_for(fe, "kedaluwarsa"))
		field_error(fe, "kedaluwarsa", "batch ini sudah kedaluwarsa pada tanggal penerimaan");
	return fe->n ? -1 : 0;
}

static int insert_movement(sqlite3 *db, long batch_id, const char *tanggal, const char *jenis, long jumlah,
			   long resep_id, const char *ket, struct sbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO mutasi (batch_id, tanggal, jenis, jumlah, resep_id, keterangan) "
				      "VALUES (?, ?, ?, ?, ?, ?)", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, batch_id);
	sqlite3_bind_text(st, 2, tanggal, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, jenis, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, jumlah);
	if (resep_id > 0)
		sqlite3_bind_int64(st, 5, resep_id);
	sqlite3_bind_text(st, 6, ket ? ket : "", -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE)
		sb_printf(err, "mutasi tidak tersimpan: %s", sqlite3_errmsg(db));
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int receipt_insert(sqlite3 *db, const struct receipt *r, int opening, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db, "INSERT INTO batch (obat, sumber, no_batch, kedaluwarsa) VALUES (?1, ?2, ?3, ?4) "
				      "ON CONFLICT DO UPDATE SET obat = obat RETURNING id", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, r->obat, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->sumber, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, r->no_batch, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, r->kedaluwarsa, -1, SQLITE_STATIC);
	long id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	if (id < 0) {
		sb_printf(err, "batch tidak tersimpan: %s", sqlite3_errmsg(db));
		return -1;
	}
	return insert_movement(db, id, r->tanggal, opening ? "AWAL" : "TERIMA", r->jumlah, 0, r->keterangan, err);
}

/* End a transaction opened by begin(): commit when the work succeeded, else roll
 * back so nothing of it is kept. */
static int in_transaction(sqlite3 *db, int rc_of_step, struct sbuf *err)
{
	if (rc_of_step != 0 || db_commit(db) != 0) {
		if (rc_of_step == 0)
			sb_printf(err, "gagal menyimpan: %s", sqlite3_errmsg(db));
		db_rollback(db);
		return -1;
	}
	return 0;
}

static int begin(sqlite3 *db, struct sbuf *err)
{
	if (db_begin(db) != 0) {
		sb_printf(err, "%s", db_busy_text(db));
		return -1;
	}
	return 0;
}

int stock_receive(sqlite3 *db, const struct receipt_input *in, struct field_errors *fe, struct sbuf *err)
{
	struct receipt r;
	if (receipt_check(db, in, &r, fe) != 0 || begin(db, err) != 0)
		return -1;
	return in_transaction(db, receipt_insert(db, &r, 0, err), err);
}

int stock_batches(sqlite3 *db, const char *obat, int in_stock, struct batch_row *out, int max)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id, sumber, no_batch, kedaluwarsa, saldo FROM batch "
				      "WHERE obat = ? AND (saldo > 0 OR NOT ?) ORDER BY kedaluwarsa, id LIMIT ?", NULL);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, obat, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, in_stock);
	sqlite3_bind_int(st, 3, max);
	int n = 0, rc = SQLITE_DONE;
	while (n < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		out[n].id = sqlite3_column_int64(st, 0);
		db_col_text(st, 1, out[n].sumber, sizeof out[n].sumber);
		db_col_text(st, 2, out[n].no_batch, sizeof out[n].no_batch);
		db_col_text(st, 3, out[n].kedaluwarsa, sizeof out[n].kedaluwarsa);
		out[n++].saldo = sqlite3_column_int64(st, 4);
	}
	sqlite3_reset(st);
	return db_rows(rc, n);
}

long stock_balance(sqlite3 *db, const char *obat)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT COALESCE(SUM(saldo), 0) FROM batch WHERE obat = ?", NULL);
	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, obat, -1, SQLITE_STATIC);
	long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return n;
}

static long batch_balance(sqlite3 *db, long batch_id)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT saldo FROM batch WHERE id = ?", NULL);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, batch_id);
	long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_reset(st);
	return n;
}

/* Begin the write and read the batch's balance inside it, so nothing moves the
 * batch between the check and the insert. The balance, or -1 (nothing begun). */
static long begin_batch(sqlite3 *db, long batch_id, struct sbuf *err)
{
	if (begin(db, err) != 0)
		return -1;
	long have = batch_balance(db, batch_id);
	if (have < 0) {
		db_rollback(db);
		sb_printf(err, "batch tidak ditemukan");
	}
	return have;
}

int stock_issue(sqlite3 *db, long batch_id, const char *jenis, const char *jumlah, const char *tanggal,
		const char *keterangan, struct field_errors *fe, struct sbuf *err)
{
	char kind[16], day[11], ket[208];
	fe->n = 0;
	dict_check_field(db, "mutasi", "jenis", "jenis", jenis, kind, sizeof kind, fe);
	dict_check_field(db, "mutasi", "tanggal", "tanggal", tanggal, day, sizeof day, fe);
	not_future(day, fe);
	dict_check_field(db, "mutasi", "keterangan", "keterangan", keterangan, ket, sizeof ket, fe);
	long n = check_amount(db, "jumlah", "jumlah", jumlah, fe), have;
	if (fe->n || (have = begin_batch(db, batch_id, err)) < 0)
		return -1;
	if (n > have) {
		db_rollback(db);
		field_error(fe, "jumlah", "stok batch ini hanya %ld", have);
		return -1;
	}
	return in_transaction(db, insert_movement(db, batch_id, day, kind, -n, 0, ket, err), err);
}

int stock_take(sqlite3 *db, long batch_id, const char *counted, const char *tanggal, long *difference,
	       struct field_errors *fe, struct sbuf *err)
{
	char day[11], ket[64];
	fe->n = 0;
	dict_check_field(db, "mutasi", "tanggal", "tanggal", tanggal, day, sizeof day, fe);
	not_future(day, fe);
	long n = check_amount(db, "hitung", "hitung", counted, fe), have;
	if (fe->n || (have = begin_batch(db, batch_id, err)) < 0)
		return -1;
	*difference = n - have;
	snprintf(ket, sizeof ket, "stok opname: tercatat %ld, dihitung %ld", have, n);
	return in_transaction(db, insert_movement(db, batch_id, day, "OPNAME", n - have, 0, ket, err), err);
}

/* The drug's movements (of one funding source, or all when sumber is NULL),
 * newest first, older than the cursor when it has started: ?3/?4. */
#define CARD_ROWS "SELECT m.id, m.tanggal, m.jenis, b.sumber, b.no_batch, m.keterangan, m.jumlah " \
		  "FROM mutasi m JOIN batch b ON b.id = m.batch_id WHERE b.obat = ?1 AND (?2 IS NULL OR b.sumber = ?2)"

static void card_bind(sqlite3_stmt *st, const char *obat, const char *sumber)
{
	sqlite3_bind_text(st, 1, obat, -1, SQLITE_STATIC);
	db_bind_text(st, 2, sumber, 1);
}

static void card_read(sqlite3_stmt *st, struct card_row *r)
{
	r->id = (long)sqlite3_column_int64(st, 0);
	db_col_text(st, 1, r->tanggal, sizeof r->tanggal);
	db_col_text(st, 2, r->jenis, sizeof r->jenis);
	db_col_text(st, 3, r->sumber, sizeof r->sumber);
	db_col_text(st, 4, r->no_batch, sizeof r->no_batch);
	db_col_text(st, 5, r->keterangan, sizeof r->keterangan);
	long j = sqlite3_column_int64(st, 6);
	r->masuk = j > 0 ? j : 0;
	r->keluar = j < 0 ? -j : 0;
}

/* The balance after every movement of the card, where its newest page starts:
 * the batches' balances, which trigger mutasi_saldo keeps from the same
 * movements (a few rows, not years of movements). */
static int card_total(sqlite3 *db, const char *obat, const char *sumber, long *total)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT coalesce(sum(saldo), 0) FROM batch WHERE obat = ?1 "
				      "AND (?2 IS NULL OR sumber = ?2)", NULL);
	if (!st)
		return -1;
	card_bind(st, obat, sumber);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*total = (long)sqlite3_column_int64(st, 0);
		rc = sqlite3_step(st);
	}
	return db_finish(db, st, rc, NULL);
}

int stock_card_page(sqlite3 *db, const char *obat, const char *sumber, struct card_cursor *c, struct card_row *out,
		    int max)
{
	int snap = db_read_begin(db, NULL);
	if (snap < 0)
		return -1;
	int n = 0, rc = SQLITE_ERROR;
	sqlite3_stmt *st = NULL;
	if (c->started || card_total(db, obat, sumber, &c->saldo) == 0)
		st = db_prepare(db, CARD_ROWS " AND (?3 IS NULL OR m.tanggal < ?3 OR (m.tanggal = ?3 AND m.id < ?4))"
				" ORDER BY m.tanggal DESC, m.id DESC LIMIT ?5", NULL);
	if (st) {
		card_bind(st, obat, sumber);
		if (c->started) {
			sqlite3_bind_text(st, 3, c->tanggal, -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 4, c->id);
		}
		sqlite3_bind_int(st, 5, max);
		c->started = 1;
		/* newest first: each balance is the one after it, the next the one before */
		while (n < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
			struct card_row *r = &out[n++];
			card_read(st, r);
			r->saldo = c->saldo;
			c->saldo -= r->masuk - r->keluar;
			str_copy(c->tanggal, sizeof c->tanggal, r->tanggal);
			c->id = r->id;
		}
		sqlite3_finalize(st);
		rc = db_rows(rc, n) < 0 ? SQLITE_ERROR : SQLITE_DONE;	/* a full page stops on a row */
	}
	if (db_read_end(db, snap, NULL) != 0)
		rc = SQLITE_ERROR;
	return rc == SQLITE_DONE ? n : -1;
}

void stock_card_line(struct sbuf *out, const struct card_row *r)
{
	char in[16] = "", outq[16] = "";
	if (r->masuk || !r->keluar)
		snprintf(in, sizeof in, "%ld", r->masuk);
	if (r->keluar)
		snprintf(outq, sizeof outq, "%ld", r->keluar);
	char day[11];
	sb_printf(out, "%-10s %-11s %-7s %-12.12s %8s %8s %8ld  %s\n", date_show(r->tanggal, day), r->jenis, r->sumber,
		  r->no_batch, in, outq, r->saldo, r->keterangan);
}

void stock_card_head(struct sbuf *out, const struct drug *d)
{
	sb_printf(out, "KARTU STOK: %s - %s (%s)\n\n", d->kode, d->nama, d->satuan);
	sb_printf(out, "%-10s %-11s %-7s %-12s %8s %8s %8s  %s\n", "Tanggal", "Jenis", "Sumber", "Batch", "Masuk",
		  "Keluar", "Sisa", "Keterangan");
	sb_pad(out, '-', 79);
	sb_addc(out, '\n');
}

int stock_card_text(sqlite3 *db, const struct drug *d, struct sbuf *out)
{
	stock_card_head(out, d);
	/* oldest first, the balance carried row by row: no array of the history */
	sqlite3_stmt *st = db_prepare(db, CARD_ROWS " ORDER BY m.tanggal, m.id", NULL);
	if (!st)
		return -1;
	card_bind(st, d->kode, NULL);
	struct card_row r;
	long saldo = 0, n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		card_read(st, &r);
		saldo += r.masuk - r.keluar;
		r.saldo = saldo;
		stock_card_line(out, &r);
		n++;
	}
	if (db_finish(db, st, rc, NULL) != 0)
		return -1;	/* a card cut short is refused, never printed */
	if (!n)
		sb_add(out, "Belum ada mutasi untuk obat ini.\n");
	return 0;
}

/* The visit's prescription lines of other drugs (a line of the same drug is
 * changed, not added). */
static long other_lines(sqlite3 *db, long visit_id, const char *obat)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT count(*) FROM resep WHERE kunjungan_id = ? AND obat <> ?", NULL);
	if (!st)
		return RESEP_MAX;
	sqlite3_bind_int64(st, 1, visit_id);
	sqlite3_bind_text(st, 2, obat, -1, SQLITE_STATIC);
	long n = sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : RESEP_MAX;
	sqlite3_reset(st);
	return n;
}

int resep_insert(sqlite3 *db, long visit_id, const char *obat, const char *jumlah, const char *signa,
		 struct field_errors *fe, struct sbuf *err)
{
	fe->n = 0;
	struct drug d;
	char qty[24], sig[44];
	if (!obat || !*obat)
		field_error(fe, "obat", "wajib diisi");
	else if (drug_get(db, obat, &d) != 1)
		field_error(fe, "obat", "kode obat %.24s tidak ada di daftar obat", obat);
	dict_check_field(db, "resep", "jumlah", "jumlah", jumlah, qty, sizeof qty, fe);
	dict_check_field(db, "resep", "signa", "signa", signa, sig, sizeof sig, fe);
	/* a prescription is read and dispensed whole: its lines have a limit, told here */
	if (!fe->n && other_lines(db, visit_id, d.kode) >= RESEP_MAX)
		field_error(fe, "obat", "paling banyak %d obat per kunjungan", RESEP_MAX);
	if (fe->n)
		return -1;
	/* when it reached the pharmacy and who wrote it: the first writing's, kept by a change */
	sqlite3_stmt *st = db_prepare(db, "INSERT INTO resep (kunjungan_id, obat, jumlah, signa, dibuat, penulis) "
				      "VALUES (?, ?, ?, ?, ?, (SELECT id FROM pengguna WHERE nama = ?)) "
				      "ON CONFLICT (kunjungan_id, obat) DO UPDATE SET jumlah = excluded.jumlah, "
				      "signa = excluded.signa WHERE diserahkan IS NULL", err);
	int rc = -1;
	if (st) {
		char now[20];
		sqlite3_bind_int64(st, 1, visit_id);
		sqlite3_bind_text(st, 2, d.kode, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, atol(qty));
		sqlite3_bind_text(st, 4, sig, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, date_now(now), -1, SQLITE_STATIC);
		db_bind_text(st, 6, db_user(db), 0);
		if (sqlite3_step(st) != SQLITE_DONE)
			sb_printf(err, "resep tidak tersimpan: %s", sqlite3_errmsg(db));
		else if (sqlite3_changes(db) == 0)
			field_error(fe, "obat", "%s sudah diserahkan pada kunjungan ini", d.nama);
		else
			rc = 0;
		sqlite3_finalize(st);
	}
	return rc;
}

int resep_add(sqlite3 *db, long visit_id, const char *obat, const char *jumlah, const char *signa,
	      struct field_errors *fe, struct sbuf *err)
{
	if (begin(db, err) != 0)
		return -1;
	return in_transaction(db, resep_insert(db, visit_id, obat, jumlah, signa, fe, err), err);
}

int resep_delete(sqlite3 *db, long resep_id, struct sbuf *err)
{
	if (begin(db, err) != 0)
		return -1;
	sqlite3_stmt *st = db_prepare(db, "DELETE FROM resep WHERE id = ? AND diserahkan IS NULL", err);
	int rc = -1;
	if (st) {
		sqlite3_bind_int64(st, 1, resep_id);
		if (sqlite3_step(st) != SQLITE_DONE)
			sb_printf(err, "resep tidak terhapus: %s", sqlite3_errmsg(db));
		else if (sqlite3_changes(db) == 0)
			sb_printf(err, "obat yang sudah diserahkan tidak dapat dihapus dari resep");
		else
			rc = 0;
		sqlite3_finalize(st);
	}
	return in_transaction(db, rc, err);
}

int resep_list(sqlite3 *db, long visit_id, struct resep_row *out, int max)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT r.id, r.obat, o.nama, o.satuan, r.signa, r.diserahkan, r.jumlah "
				      "FROM resep r JOIN obat o ON o.kode = r.obat WHERE r.kunjungan_id = ? ORDER BY r.id", NULL);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, visit_id);
	int n = 0, rc = SQLITE_DONE;
	while (n < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct resep_row *r = &out[n++];
		r->id = sqlite3_column_int64(st, 0);
		db_col_text(st, 1, r->obat, sizeof r->obat);
		db_col_text(st, 2, r->nama, sizeof r->nama);
		db_col_text(st, 3, r->satuan, sizeof r->satuan);
		db_col_text(st, 4, r->signa, sizeof r->signa);
		db_col_text(st, 5, r->diserahkan, sizeof r->diserahkan);
		r->jumlah = sqlite3_column_int64(st, 6);
	}
	sqlite3_reset(st);
	return db_rows(rc, n);
}

/* Take `need` of one prescription line from the batches, earliest expiry first. */
static int dispense_line(sqlite3 *db, const struct resep_row *r, const char *tanggal, struct sbuf *err)
{
	/* batches not expired on the day, however many the drug has */
	long usable = 0, need = r->jumlah;
	sqlite3_stmt *st = db_stmt(db, "SELECT coalesce(sum(saldo), 0) FROM batch WHERE obat = ? AND saldo > 0 "
				   "AND kedaluwarsa >= ?", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, r->obat, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, tanggal, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		usable = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return db_fail(err, db, "batch tidak terbaca");
	if (usable < need) {
		sb_printf(err, "stok %s tidak cukup: ada %ld %s yang belum kedaluwarsa, diminta %ld", r->nama, usable,
			  r->satuan, need);
		return -1;
	}
	/* earliest expiry first: each take empties a batch or ends the need */
	st = db_stmt(db, "SELECT id, saldo FROM batch WHERE obat = ? AND saldo > 0 AND kedaluwarsa >= ? "
			 "ORDER BY kedaluwarsa, id LIMIT 1", err);
	while (st && need > 0) {
		sqlite3_bind_text(st, 1, r->obat, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, tanggal, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_ROW) {
			sqlite3_reset(st);
			return db_fail(err, db, "batch tidak terbaca");
		}
		long id = (long)sqlite3_column_int64(st, 0), saldo = (long)sqlite3_column_int64(st, 1);
		sqlite3_reset(st);
		long take = saldo < need ? saldo : need;
		if (insert_movement(db, id, tanggal, "PAKAI", -take, r->id, "", err) != 0)
			return -1;
		need -= take;
	}
	if (!st)
		return -1;
	st = db_stmt(db, "UPDATE resep SET diserahkan = ? WHERE id = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, tanggal, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, r->id);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(st);
	return rc;
}

int stock_dispense_in(sqlite3 *db, long visit_id, const char *tanggal, struct sbuf *err)
{
	struct resep_row r[RESEP_MAX];
	int n = resep_list(db, visit_id, r, (int)ARRAY_LEN(r)), done = 0;
	if (n < 0)
		return db_fail(err, db, "resep tidak terbaca");
	for (int i = 0; i < n; i++) {
		if (r[i].diserahkan[0])
			continue;
		if (dispense_line(db, &r[i], tanggal, err) != 0)
			return -1;
		done++;
	}
	if (done == 0)
		sb_printf(err, "tidak ada obat yang menunggu diserahkan");
	return done ? done : -1;
}

int stock_dispense(sqlite3 *db, long visit_id, const char *tanggal, struct sbuf *err)
{
	if (begin(db, err) != 0)
		return -1;
	int done = stock_dispense_in(db, visit_id, tanggal, err);
	return in_transaction(db, done > 0 ? 0 : -1, err) == 0 ? done : -1;
}
