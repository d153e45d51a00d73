#include "pkm/stock.h"
#include "pkm/date.h"
#include "pkm/db.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>

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
	memset(d, 0, sizeof *d);
	db_col_text(st, 0, d->kode, sizeof d->kode);
	db_col_text(st, 1, d->nama, sizeof d->nama);
	db_col_text(st, 2, d->satuan, sizeof d->satuan);
	db_col_text(st, 3, d->kategori, sizeof d->kategori);
	d->optimum = sqlite3_column_type(st, 4) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 4);
	db_col_text(st, 5, d->kode_pcare, sizeof d->kode_pcare);
	d->fornas = sqlite3_column_int(st, 6);
	db_col_text(st, 7, d->kode_kfa, sizeof d->kode_kfa);
	d->maks_resep = sqlite3_column_type(st, 8) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 8);
	db_col_text(st, 9, d->ditutup, sizeof d->ditutup);
	d->given = DRUG_GIVEN_ALL;
}

#define DRUG_COLS "SELECT kode, nama, satuan, kategori, stok_optimum, kode_pcare, fornas, kode_kfa, maks_resep, " \
		  "ditutup FROM obat "

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

/* A name or a searched word as it sounds, so the spellings met on a drug
 * box and on a prescription find each other: lower case, marks between words
 * made spaces, x as ks, ph as f, ch as k, c as s before e, i, y and else as k
 * ("amox" is Amoksisilin, "paracetamol" Parasetamol, "dexa" Deksametason). */
static void sound_fold(const char *in, char *out, size_t size)
{
	size_t n = 0;
	for (const char *p = in; *p && n + 3 < size; p++) {
		char c = (char)tolower((unsigned char)*p), next = (char)tolower((unsigned char)p[1]);
		if (!isalnum((unsigned char)c) && !(c & 0x80))
			out[n++] = ' ';
		else if (c == 'x') {
			out[n++] = 'k';
			out[n++] = 's';
		} else if ((c == 'p' || c == 'c') && next == 'h') {
			out[n++] = c == 'p' ? 'f' : 'k';
			p++;
		} else if (c == 'c')
			out[n++] = next == 'e' || next == 'i' || next == 'y' ? 's' : 'k';
		else
			out[n++] = c;
	}
	out[n] = '\0';
}

int drug_search(sqlite3 *db, const char *query, struct drug *out, int max)
{
	/* a drug list is hundreds of rows: read them all, once for the drugs
	 * whose code the query starts, once for those whose name's words it
	 * starts (each word), by name */
	char q[256], name[512], first[64];
	sound_fold(query, q, sizeof q);
	size_t skip = strspn(query, " \t"), len = strcspn(query + skip, " \t");
	snprintf(first, sizeof first, "%.*s", (int)len, query + skip);
	const char *rest = q + strspn(q, " ");	/* the words after the first */
	rest += strcspn(rest, " ");
	sqlite3_stmt *st = db_prepare(db, DRUG_COLS "WHERE ditutup IS NULL ORDER BY nama, kode", NULL);
	if (!st)
		return -1;
	int n = 0, rc = SQLITE_DONE;
	for (int by_code = 1; by_code >= 0 && n < max && rc == SQLITE_DONE; by_code--) {
		sqlite3_reset(st);
		while (n < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
			const char *kode = (const char *)sqlite3_column_text(st, 0);
			int code = *first && kode && strncasecmp(kode, first, strlen(first)) == 0;
			sound_fold((const char *)sqlite3_column_text(st, 1), name, sizeof name);
			/* the code's start and the other words, or every word in the name */
			if (code == by_code && str_words_start(code ? rest : q, name))
				drug_row(st, &out[n++]);
		}
	}
	sqlite3_finalize(st);
	return n == max || rc == SQLITE_DONE ? n : -1;
}

/* A closed drug is neither received nor prescribed; 1 when d is open, else
 * the message under "obat". */
static int drug_open(const struct drug *d, struct field_errors *fe)
{
	char day[11];
	if (d->ditutup[0])
		field_error(fe, "obat", "%.60s sudah ditutup sejak %s", d->nama, date_show(d->ditutup, day));
	return !d->ditutup[0];
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
	else if (drug_open(&d, fe))
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

int stock_movement(sqlite3 *db, long batch_id, const char *tanggal, const char *jenis, long jumlah,
		   long resep_id, const char *ket, struct sbuf *err)
{
	/* a dispensing names who gave it (SATUSEHAT's MedicationDispense performer) */
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO mutasi (batch_id, tanggal, jenis, jumlah, resep_id, keterangan, penyerah) "
				      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, (SELECT p.id FROM pelaku l JOIN pengguna p "
				      "ON p.nama = l.pengguna WHERE ?5 IS NOT NULL))", err);
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
	return stock_movement(db, id, r->tanggal, opening ? "AWAL" : "TERIMA", r->jumlah, 0, r->keterangan, err);
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
	return in_transaction(db, stock_movement(db, batch_id, day, kind, -n, 0, ket, err), err);
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
	return in_transaction(db, stock_movement(db, batch_id, day, "OPNAME", n - have, 0, ket, err), err);
}

/* The drug's movements (of one funding source, or all when sumber is NULL),
 * newest first, older than the cursor when it has started: ?3/?4. */
#define CARD_MOVES "SELECT m.id, m.tanggal, m.jenis, b.sumber, b.no_batch, m.keterangan, m.jumlah, m.resep_id " \
		   "FROM mutasi m JOIN batch b ON b.id = m.batch_id WHERE b.obat = ?1 AND (?2 IS NULL OR b.sumber = ?2)"
/* Those movements with the visit of a dispensing: looked up for the rows the
 * movements' query returns (a page), not for every movement it sorts. */
#define CARD_ROWS(moves) "SELECT x.id, x.tanggal, x.jenis, x.sumber, x.no_batch, x.keterangan, x.jumlah, k.tanggal, " \
			 "p.no_rm, p.nama FROM (" moves ") x LEFT JOIN resep r ON r.id = x.resep_id " \
			 "LEFT JOIN kunjungan k ON k.id = r.kunjungan_id LEFT JOIN pasien p ON p.id = k.pasien_id"

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
	char note[208], visit[11], rm[24], name[104], day[11];
	db_col_text(st, 5, note, sizeof note);
	db_col_text(st, 7, visit, sizeof visit);
	db_col_text(st, 8, rm, sizeof rm);
	db_col_text(st, 9, name, sizeof name);
	if (*visit)	/* a dispensing names whom it went to */
		snprintf(r->keterangan, sizeof r->keterangan, "%s %s %s%s%s", date_show(visit, day), rm, name,
			 *note ? "; " : "", note);
	else
		str_copy(r->keterangan, sizeof r->keterangan, note);
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
		st = db_prepare(db, CARD_ROWS(CARD_MOVES " AND (?3 IS NULL OR m.tanggal < ?3 OR (m.tanggal = ?3 AND "
					      "m.id < ?4)) AND m.tanggal >= ?6 ORDER BY m.tanggal DESC, m.id DESC LIMIT ?5")
				" ORDER BY x.tanggal DESC, x.id DESC", NULL);
	if (st) {
		card_bind(st, obat, sumber);
		if (c->started) {
			sqlite3_bind_text(st, 3, c->tanggal, -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 4, c->id);
		}
		sqlite3_bind_int(st, 5, max);
		sqlite3_bind_text(st, 6, c->from, -1, SQLITE_STATIC);
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

/* One movement (or, as jenis "", the balance before the month) into the
 * month's LPLPO columns, as lb2_build counts them. */
static void month_add(struct card_month *m, const char *jenis, long jumlah)
{
	if (!*jenis)
		m->before += jumlah;
	if (!*jenis || strcmp(jenis, "AWAL") == 0)
		m->awal += jumlah;
	else if (strcmp(jenis, "TERIMA") == 0)
		m->terima += jumlah;
	else if (strcmp(jenis, "PAKAI") == 0)
		m->pakai -= jumlah;
	else
		m->lain -= jumlah;
	m->sisa += jumlah;
}

int stock_card_month(sqlite3 *db, const char *obat, const char *sumber, const char *month, struct card_month *out,
		     struct sbuf *err)
{
	memset(out, 0, sizeof *out);
	struct date first, next;
	if (month_parse(month, &first, &next) != 0) {
		sb_printf(err, "bulan tidak sah: '%s' (" MONTH_HINT ")", month);
		return -1;
	}
	date_format(first, out->first);
	date_format(next, out->next);
	/* the balance before the month (today's, which trigger mutasi_saldo keeps, less
	 * what moved since the 1st: the months looked at are mostly recent ones), then
	 * the month by kind; one statement, one snapshot */
	sqlite3_stmt *st = db_prepare(db, "SELECT '', (SELECT coalesce(sum(saldo), 0) FROM batch WHERE obat = ?1 "
				      "AND (?2 IS NULL OR sumber = ?2)) - (SELECT coalesce(sum(m.jumlah), 0) FROM mutasi m "
				      "JOIN batch b ON b.id = m.batch_id WHERE b.obat = ?1 AND (?2 IS NULL OR b.sumber = ?2) "
				      "AND m.tanggal >= ?3) UNION ALL "
				      "SELECT m.jenis, sum(m.jumlah) FROM mutasi m JOIN batch b ON b.id = m.batch_id "
				      "WHERE b.obat = ?1 AND (?2 IS NULL OR b.sumber = ?2) AND m.tanggal >= ?3 "
				      "AND m.tanggal < ?4 GROUP BY m.jenis", err);
	if (!st)
		return -1;
	card_bind(st, obat, sumber);
	sqlite3_bind_text(st, 3, out->first, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, out->next, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char jenis[16];
		db_col_text(st, 0, jenis, sizeof jenis);
		month_add(out, jenis, (long)sqlite3_column_int64(st, 1));
	}
	return db_finish(db, st, rc, err);
}

void stock_card_month_cursor(const struct card_month *m, struct card_cursor *c)
{
	memset(c, 0, sizeof *c);
	c->started = 1;	/* before the next month's first movement, balance sisa */
	str_copy(c->tanggal, sizeof c->tanggal, m->next);
	c->saldo = m->sisa;
	str_copy(c->from, sizeof c->from, m->first);
}

void stock_card_month_line(struct sbuf *out, const struct card_month *m)
{
	char shown[11];
	sb_printf(out, "Jumlah %.7s: awal %ld, terima %ld, pakai %ld, lain %ld, sisa %ld\n", date_show(m->first, shown) + 3,
		  m->awal, m->terima, m->pakai, m->lain, m->sisa);
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

/* The card's movements from `from` up to `to` as text, oldest first, the
 * balance carried row by row from `saldo` (no array of the history), each
 * month's totals after it. */
static int card_text(sqlite3 *db, const struct drug *d, const char *from, const char *to, long saldo,
		     struct sbuf *out)
{
	stock_card_head(out, d);
	sqlite3_stmt *st = db_prepare(db, CARD_ROWS(CARD_MOVES " AND m.tanggal >= ?3 AND m.tanggal < ?4")
				      " ORDER BY x.tanggal, x.id", NULL);
	if (!st)
		return -1;
	card_bind(st, d->kode, NULL);
	sqlite3_bind_text(st, 3, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, to, -1, SQLITE_STATIC);
	struct card_row r;
	struct card_month month = { 0 };
	long n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		card_read(st, &r);
		if (strncmp(r.tanggal, month.first, 7) != 0) {	/* a new month: the last one's totals */
			if (n)
				stock_card_month_line(out, &month);
			memset(&month, 0, sizeof month);
			snprintf(month.first, sizeof month.first, "%.7s-01", r.tanggal);
			month_add(&month, "", saldo);
		}
		month_add(&month, r.jenis, r.masuk - r.keluar);
		saldo += r.masuk - r.keluar;
		r.saldo = saldo;
		stock_card_line(out, &r);
		n++;
	}
	if (db_finish(db, st, rc, NULL) != 0)
		return -1;	/* a card cut short is refused, never printed */
	if (n)
		stock_card_month_line(out, &month);
	return (int)(n > 0);
}

int stock_card_text(sqlite3 *db, const struct drug *d, struct sbuf *out)
{
	int rc = card_text(db, d, "", "9999", 0, out);
	if (rc == 0)
		sb_add(out, "Belum ada mutasi untuk obat ini.\n");
	return rc < 0 ? -1 : 0;
}

int stock_card_month_text(sqlite3 *db, const struct drug *d, const struct card_month *m, struct sbuf *out)
{
	int rc = card_text(db, d, m->first, m->next, m->before, out);
	if (rc == 0) {	/* a month with no movement still has its balance */
		char shown[11];
		sb_printf(out, "Tidak ada mutasi pada bulan %.7s.\n", date_show(m->first, shown) + 3);
		stock_card_month_line(out, m);
	}
	return rc < 0 ? -1 : 0;
}

/* The visit's prescription lines of the drug (same) or of other drugs (a line
 * of the same drug is changed, not added). */
static long lines_of(sqlite3 *db, long visit_id, const char *obat, int same)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT count(*) FROM resep WHERE kunjungan_id = ? AND (obat = ?) = ?", NULL);
	if (!st)
		return RESEP_MAX;
	sqlite3_bind_int64(st, 1, visit_id);
	sqlite3_bind_text(st, 2, obat, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, same);
	long n = sqlite3_step(st) == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : RESEP_MAX;
	sqlite3_reset(st);
	return n;
}

int resep_insert(sqlite3 *db, long visit_id, const char *obat, const char *jumlah, const char *signa,
		 const char *hari, struct field_errors *fe, struct sbuf *err)
{
	fe->n = 0;
	struct drug d;
	char qty[24], sig[44], days[24];
	if (!obat || !*obat)
		field_error(fe, "obat", "wajib diisi");
	else if (drug_get(db, obat, &d) != 1)
		field_error(fe, "obat", "kode obat %.24s tidak ada di daftar obat", obat);
	else
		drug_open(&d, fe);
	dict_check_field(db, "resep", "jumlah", "jumlah", jumlah, qty, sizeof qty, fe);
	dict_check_field(db, "resep", "signa", "signa", signa, sig, sizeof sig, fe);
	dict_check_field(db, "resep", "hari", "hari", hari, days, sizeof days, fe);
	/* a prescription is read and dispensed whole: its lines have a limit, told here */
	if (!fe->n && lines_of(db, visit_id, d.kode, 0) >= RESEP_MAX)
		field_error(fe, "obat", "paling banyak %d obat per kunjungan", RESEP_MAX);
	if (fe->n)
		return -1;
	/* dibuat: when it reached the pharmacy (the queue's order), and who wrote it:
	 * the first writing's, kept by a change; a line the counter has begun to
	 * give is no longer the prescriber's to change */
	long had = lines_of(db, visit_id, d.kode, 1);
	sqlite3_stmt *st = db_prepare(db, "INSERT INTO resep (kunjungan_id, obat, jumlah, signa, hari, dibuat, penulis) "
				      "VALUES (?, ?, ?, ?, ?, ?, (SELECT id FROM pengguna WHERE nama = ?)) "
				      "ON CONFLICT (kunjungan_id, obat) DO UPDATE SET jumlah = excluded.jumlah, "
				      "signa = excluded.signa, hari = excluded.hari WHERE diberi = 0 AND tutup IS NULL", err);
	int rc = -1;
	if (st) {
		char now[20];
		sqlite3_bind_int64(st, 1, visit_id);
		sqlite3_bind_text(st, 2, d.kode, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, atol(qty));
		sqlite3_bind_text(st, 4, sig, -1, SQLITE_STATIC);
		if (*days)
			sqlite3_bind_int64(st, 5, atol(days));
		sqlite3_bind_text(st, 6, date_now(now), -1, SQLITE_STATIC);
		db_bind_text(st, 7, db_user(db), 0);
		if (sqlite3_step(st) != SQLITE_DONE)
			sb_printf(err, "resep tidak tersimpan: %s", sqlite3_errmsg(db));
		else if (sqlite3_changes(db) == 0)
			field_error(fe, "obat", "%s sudah (sebagian) diserahkan atau ditutup pada kunjungan ini", d.nama);
		else
			rc = had > 0;
		sqlite3_finalize(st);
	}
	return rc;
}

int resep_add(sqlite3 *db, long visit_id, const char *obat, const char *jumlah, const char *signa, const char *hari,
	      struct field_errors *fe, struct sbuf *err)
{
	if (begin(db, err) != 0)
		return -1;
	int rc = resep_insert(db, visit_id, obat, jumlah, signa, hari, fe, err);
	return in_transaction(db, rc < 0 ? -1 : 0, err) == 0 ? rc : -1;
}

int resep_delete(sqlite3 *db, long resep_id, struct sbuf *err)
{
	if (begin(db, err) != 0)
		return -1;
	sqlite3_stmt *st = db_prepare(db, "DELETE FROM resep WHERE id = ? AND diberi = 0", err);
	int rc = -1;
	if (st) {
		sqlite3_bind_int64(st, 1, resep_id);
		if (sqlite3_step(st) != SQLITE_DONE)
			sb_printf(err, "resep tidak terhapus: %s", sqlite3_errmsg(db));
		else if (sqlite3_changes(db) == 0)
			sb_printf(err, "obat yang sudah (sebagian) diserahkan tidak dapat dihapus dari resep");
		else
			rc = 0;
		sqlite3_finalize(st);
	}
	return in_transaction(db, rc, err);
}

int resep_list(sqlite3 *db, long visit_id, struct resep_row *out, int max)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT r.id, r.obat, o.nama, o.satuan, r.signa, "
				      "r.tutup IS NULL AND r.diberi < coalesce(r.jumlah_beri, r.jumlah), r.jumlah "
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
		r->open = sqlite3_column_int(st, 5);
		r->jumlah = sqlite3_column_int64(st, 6);
	}
	sqlite3_reset(st);
	return db_rows(rc, n);
}
