#include "pkm/lb2.h"
#include "pkm/asal.h"
#include "pkm/db.h"
#include "pkm/stock.h"
#include <stdio.h>
#include "pkm/date.h"
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* a * b / c rounded half up, for non-negative numbers */
static long muldiv(long a, long b, long c) { return c > 0 ? (a * b + c / 2) / c : 0; }

void lplpo_optimum(const struct farmasi_config *f, long sk, long sisa, long days_out, int months, long fixed,
		   struct optimum *out)
{
	memset(out, 0, sizeof *out);
	out->sk = sk > 0 ? sk : 0;
	long days = f->work_days * (months > 0 ? months : 1);
	out->swt = muldiv(out->sk, f->lead_days, days);
	out->swk = muldiv(out->sk, days_out, days);
	out->sp = muldiv(out->sk, f->buffer_pct, 100);
	if (fixed >= 0) {
		out->so = fixed;
		out->fixed = 1;
	} else if (f->method == OPTIMUM_FACTOR) {
		out->so = muldiv(sisa > 0 ? sisa : 0, f->factor, 100);
	} else {
		out->so = out->sk + out->swt + out->swk + out->sp;
	}
}

long lplpo_request(long optimum, long sisa) { return optimum > sisa ? optimum - sisa : 0; }

/* A payer's visits with a prescription in the month (?1 to ?2): counted for
 * the report, listed for the rows behind its cell (lb2_asal). */
#define RESEP_VISITS(payer) " FROM kunjungan k JOIN resep x ON x.kunjungan_id = k.id WHERE k.penjamin = " payer \
	" AND k.tanggal >= ?1 AND k.tanggal < ?2 AND k.batal IS NULL"

/* The movements from the month's first day (?1) on, each with its kind in the
 * month that ends before ?2 (awal, terima, pakai, lain; NULL after the month)
 * and its part of that column (what goes out counts positive): the report's
 * sums and the rows behind its cells (lb2_asal) are both read from here. */
#define MONTH_MOVES "SELECT b.obat, m.tanggal, m.jenis, m.jumlah, m.id, m.resep_id, b.no_batch, b.sumber, " \
	"CASE WHEN m.tanggal >= ?2 THEN NULL WHEN m.jenis = 'AWAL' THEN 'awal' WHEN m.jenis = 'TERIMA' THEN 'terima' " \
	"WHEN m.jenis = 'PAKAI' THEN 'pakai' ELSE 'lain' END AS kind, " \
	"CASE WHEN m.jenis IN ('AWAL', 'TERIMA') THEN m.jumlah ELSE -m.jumlah END AS nilai " \
	"FROM mutasi m CROSS JOIN batch b ON b.id = m.batch_id WHERE m.tanggal >= ?1"

static int load_payers(sqlite3 *db, const char *from, const char *to, struct lb2 *r, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT p.kode, p.nama, (SELECT COUNT(DISTINCT k.id)" RESEP_VISITS("p.kode")
				      ") FROM penjamin p ORDER BY p.urut", NULL);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (r->npayers == (int)ARRAY_LEN(r->payers)) {
			sb_printf(err, "lebih dari %d penjamin: lembar resep per penjamin tidak muat", (int)ARRAY_LEN(r->payers));
			sqlite3_finalize(st);
			return -1;
		}
		struct lb2_payer *p = &r->payers[r->npayers++];
		db_col_text(st, 0, p->kode, sizeof p->kode);
		db_col_text(st, 1, p->nama, sizeof p->nama);
		p->lembar = sqlite3_column_int64(st, 2);
	}
	return db_finish(db, st, rc, err);
}

/* Days of the month (up to today for the current month) that ended with none
 * of the drug left: the SWK of the optimum. */
static int count_days_out(sqlite3 *db, struct date first, struct date next, struct lb2 *r, struct sbuf *err)
{
	char from[11], to[11];
	date_format(first, from);
	date_format(next, to);
	/* one pass over the month's movements for every drug (by date, then the
	 * batch of each): years of batches cost nothing here. Rows come by drug code,
	 * as r->rows are. */
	sqlite3_stmt *st = db_prepare(db, "SELECT b.obat, m.tanggal, SUM(m.jumlah) FROM mutasi m CROSS JOIN batch b "
				      "ON b.id = m.batch_id WHERE m.tanggal >= ? AND m.tanggal < ? "
				      "GROUP BY b.obat, m.tanggal ORDER BY b.obat, m.tanggal", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	long last = date_to_days(next) - 1, today = date_to_days(date_today());
	if (today < last)
		last = today;
	int rc = sqlite3_step(st);
	for (int i = 0; i < r->n; i++) {
		struct lb2_row *row = &r->rows[i];
		/* movements of a drug not in the list (removed from the master) are passed over */
		while (rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st, 0), row->kode) < 0)
			rc = sqlite3_step(st);
		long bal = row->before;
		for (long day = date_to_days(first); day <= last; day++) {
			char ymd[11];
			date_format(date_from_days(day), ymd);
			if (rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st, 0), row->kode) == 0 &&
			    strcmp((const char *)sqlite3_column_text(st, 1), ymd) == 0) {
				bal += sqlite3_column_int64(st, 2);
				rc = sqlite3_step(st);
			}
			row->days_out += bal <= 0;
		}
		/* movements after the last day counted (today) */
		while (rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st, 0), row->kode) == 0)
			rc = sqlite3_step(st);
	}
	while (rc == SQLITE_ROW)
		rc = sqlite3_step(st);
	return db_finish(db, st, rc, err);
}

int lb2_build(sqlite3 *db, const struct farmasi_config *f, const char *month, struct lb2 *out, struct sbuf *err)
{
	memset(out, 0, sizeof *out);
	struct date first, next;
	if (month_parse(month, &first, &next) != 0) {
		sb_printf(err, "bulan tidak sah: '%s' (" MONTH_HINT ")", month);
		return -1;
	}
	month_key(first, out->month);
	out->rules = *f;
	char from[11], to[11];
	date_format(first, from);
	date_format(next, to);
	/* The balance on the 1st is today's balance less what moved since: reading
	 * from the 1st on only (by the movements' date, CROSS JOIN keeping that order
	 * rather than a walk of every batch ever received), a month costs the same
	 * after years of records. AWAL in the month is the imported opening stock: it
	 * belongs to stok awal. */
	sqlite3_stmt *st = db_prepare(db,
		"WITH m AS (" MONTH_MOVES ") "
		"SELECT o.kode, o.nama, o.satuan, o.stok_optimum, "
		" (SELECT COALESCE(SUM(saldo), 0) FROM batch WHERE obat = o.kode) - COALESCE(SUM(m.jumlah), 0), "
		" COALESCE(SUM(CASE WHEN m.kind = 'awal' THEN m.nilai END), 0), "
		" COALESCE(SUM(CASE WHEN m.kind = 'terima' THEN m.nilai END), 0), "
		" COALESCE(SUM(CASE WHEN m.kind = 'pakai' THEN m.nilai END), 0), "
		" COALESCE(SUM(CASE WHEN m.kind = 'lain' THEN m.nilai END), 0), coalesce(o.ditutup, '') "
		"FROM obat o LEFT JOIN m ON m.obat = o.kode GROUP BY o.kode ORDER BY o.kode", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	int cap = 0, rc, snap = db_read_begin(db, err);
	if (snap < 0) {
		sqlite3_finalize(st);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 64;
			out->rows = xrealloc(out->rows, (size_t)cap * sizeof *out->rows);
		}
		struct lb2_row *r = &out->rows[out->n++];
		memset(r, 0, sizeof *r);
		db_col_text(st, 0, r->kode, sizeof r->kode);
		db_col_text(st, 1, r->nama, sizeof r->nama);
		db_col_text(st, 2, r->satuan, sizeof r->satuan);
		r->opt.so = sqlite3_column_type(st, 3) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 3);
		r->before = sqlite3_column_int64(st, 4);
		r->awal = r->before + sqlite3_column_int64(st, 5);
		r->terima = sqlite3_column_int64(st, 6);
		r->pakai = sqlite3_column_int64(st, 7);
		r->lain = sqlite3_column_int64(st, 8);
		r->sisa = r->awal + r->terima - r->pakai - r->lain;
		db_col_text(st, 9, r->ditutup, sizeof r->ditutup);
		/* a drug closed before the month with nothing in it is no longer reported */
		if (r->ditutup[0] && strcmp(r->ditutup, from) < 0 && !r->awal && !r->terima && !r->pakai && !r->lain)
			out->n--;
	}
	/* one snapshot: the balances, the days out of stock and the payers agree */
	if (db_finish(db, st, rc, err) != 0 || count_days_out(db, first, next, out, err) != 0 ||
	    load_payers(db, from, to, out, err) != 0 || db_read_end(db, snap, err) != 0) {
		db_read_end(db, snap, NULL);
		sb_printf(err, "; LB2 tidak disusun");
		lb2_free(out);
		return -1;
	}
	const struct column_def *c = dict_find(db, "batch", "sumber");
	char code[24], label[80];
	while (c && out->nsources < (int)ARRAY_LEN(out->sources) && dict_choice(c, out->nsources, code, label) == 0) {
		struct lb2_source *src = &out->sources[out->nsources++];
		str_copy(src->kode, sizeof src->kode, code);
		str_copy(src->nama, sizeof src->nama, label);
	}
	for (int i = 0; i < out->n; i++) {
		struct lb2_row *r = &out->rows[i];
		lplpo_optimum(f, r->pakai, r->sisa, r->days_out, 1, r->opt.so, &r->opt);
	}
	return 0;
}

void lb2_free(struct lb2 *r)
{
	free(r->rows);
	memset(r, 0, sizeof *r);
}

enum { C_AWAL, C_TERIMA, C_SEDIA, C_PAKAI, C_LAIN, C_SISA, C_OPT, C_MINTA, C_BERI };

static const char *const col_key[C_BERI] = { "stok_awal", "penerimaan", "persediaan", "pemakaian", "keluar_lain",
					     "sisa", "stok_optimum", "permintaan" };

static void row_values(const struct lb2_row *r, long v[C_BERI])
{
	v[C_AWAL] = r->awal;
	v[C_TERIMA] = r->terima;
	v[C_SEDIA] = r->awal + r->terima;
	v[C_PAKAI] = r->pakai;
	v[C_LAIN] = r->lain;
	v[C_SISA] = r->sisa;
	v[C_OPT] = r->opt.so;
	v[C_MINTA] = lplpo_request(r->opt.so, r->sisa);
}

/* Add s to b; the columns it takes. */
static int add_width(struct sbuf *b, const char *s)
{
	sb_add(b, s);
	return utf8_width(s);
}

void lb2_table(const struct lb2 *r, struct table *t)
{
	static const char *const labels[C_BERI] = { "Awal", "Terima", "Sedia", "Pakai", "Lain", "Sisa", "Optimum",
						    "Minta" };
	/* Pemberian: a column per funding source, then their sum */
	int ncols = C_BERI + r->nsources + 1;
	table_init(t, ncols);
	str_copy(t->title, sizeof t->title, "LB2 - LAPORAN PEMAKAIAN DAN LEMBAR PERMINTAAN OBAT (LPLPO)");
	struct date first, next;
	month_parse(r->month, &first, &next);
	snprintf(t->subtitle, sizeof t->subtitle, "Permintaan untuk bulan %s %d", month_name(next.m), next.y);
	str_copy(t->head_nama, sizeof t->head_nama, "Nama obat / satuan");
	for (int c = 0; c < ncols; c++) {
		str_copy(t->cols[c].group, sizeof t->cols[c].group, c < C_BERI ? "Stok" : "Pemberian (diisi IFK)");
		str_copy(t->cols[c].label, sizeof t->cols[c].label,
			 c < C_BERI ? labels[c] : c < ncols - 1 ? r->sources[c - C_BERI].kode : "Jml");
		str_copy(t->cols[c].key, sizeof t->cols[c].key, c < C_BERI ? col_key[c] : "");
	}
	int fixed = 0;
	for (int i = 0; i < r->n; i++) {
		const struct lb2_row *row = &r->rows[i];
		char no[16], kode[32], nama[160];
		snprintf(no, sizeof no, "%d", i + 1);
		snprintf(kode, sizeof kode, "%s%s", row->kode, row->opt.fixed ? "*" : "");
		snprintf(nama, sizeof nama, "%s / %s", row->nama, row->satuan);
		long *v = table_add(t, ROW_DATA, no, kode, nama);
		str_copy(t->rows[t->nrows - 1].key, sizeof t->rows[0].key, row->kode);
		row_values(row, v);
		for (int c = C_BERI; c < ncols; c++)
			v[c] = CELL_BLANK;
		fixed += row->opt.fixed;
	}
	const struct farmasi_config *f = &r->rules;
	sb_add(&t->foot, "Sedia = Awal + Terima; Sisa = Sedia - Pakai - Lain (rusak, kedaluwarsa, mutasi, selisih opname);\n"
			 "Minta = Optimum - Sisa (paling kecil 0).\n");
	if (f->method == OPTIMUM_FACTOR)
		sb_printf(&t->foot, "Stok optimum = Sisa x %ld.%02ld.\n", f->factor / 100, f->factor % 100);
	else
		sb_printf(&t->foot, "Stok optimum = SK + SWT + SWK + SP: SK pemakaian sebulan, waktu tunggu %ld hari,\n"
				    "%ld hari kerja sebulan, hari kosong dari kartu stok, stok pengaman %ld%% dari SK.\n",
			  f->lead_days, f->work_days, f->buffer_pct);
	if (fixed)
		sb_add(&t->foot, "* stok optimum tetap yang ditetapkan untuk obat itu.\n");
	/* the sources' names under the table, lines kept inside 80 columns */
	int col = add_width(&t->foot, "Pemberian menurut sumber dana:");
	for (int i = 0; i < r->nsources; i++) {
		char item[96];
		snprintf(item, sizeof item, " %s = %s%s", r->sources[i].kode, r->sources[i].nama,
			 i + 1 < r->nsources ? "," : ".");
		if (col + utf8_width(item) > 78) {
			sb_add(&t->foot, "\n ");
			col = 1;
		}
		col += add_width(&t->foot, item);
	}
	sb_addc(&t->foot, '\n');
	sb_add(&t->foot, "\nJumlah lembar resep menurut penjamin:\n");
	long total = 0;
	for (int i = 0; i < r->npayers; i++) {
		sb_printf(&t->foot, "  %-24s %8ld\n", r->payers[i].nama, r->payers[i].lembar);
		total += r->payers[i].lembar;
	}
	sb_printf(&t->foot, "  %-24s %8ld\n", "Jumlah", total);
}

void lb2_write_data(const struct lb2 *r, FILE *f)
{
	fputs("baris,kolom,nilai\n", f);
	for (int i = 0; i < r->n; i++) {
		long v[C_BERI];
		row_values(&r->rows[i], v);
		for (int c = 0; c < C_BERI; c++)
			fprintf(f, "%s,%s,%ld\n", r->rows[i].kode, col_key[c], v[c]);
	}
	for (int i = 0; i < r->npayers; i++)
		fprintf(f, "resep,%s,%ld\n", r->payers[i].kode, r->payers[i].lembar);
}

/* ASCII case-insensitive "needle in haystack" (drug codes and names). */
static int contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return !*needle;
}

int stock_status_matches(const struct stock_status *x, const char *query)
{
	return contains(x->kode, query) || contains(x->nama, query);
}

int stock_status_list(sqlite3 *db, const struct farmasi_config *f, struct date today, struct stock_status **out)
{
	*out = NULL;
	char month[24];
	struct date prev = { today.m == 1 ? today.y - 1 : today.y, today.m == 1 ? 12 : today.m - 1, 1 };
	snprintf(month, sizeof month, "%04d-%02d", prev.y, prev.m);
	struct lb2 r;
	struct sbuf err = { 0 };
	int rc = lb2_build(db, f, month, &r, &err);
	sb_free(&err);
	if (rc != 0)
		return -1;
	char until[11];
	date_format(date_from_days(date_to_days(today) + f->expiry_days), until);
	sqlite3_stmt *st = db_prepare(db, "SELECT kedaluwarsa, saldo FROM batch WHERE obat = ? AND kedaluwarsa <= ? "
				      "AND saldo > 0 ORDER BY kedaluwarsa LIMIT 1", NULL);
	int n = 0;
	*out = xcalloc((size_t)r.n + 1, sizeof **out);
	for (int i = 0; st && i < r.n; i++) {
		const struct lb2_row *row = &r.rows[i];
		struct stock_status *x = &(*out)[n++];
		str_copy(x->kode, sizeof x->kode, row->kode);
		str_copy(x->nama, sizeof x->nama, row->nama);
		str_copy(x->satuan, sizeof x->satuan, row->satuan);
		str_copy(x->ditutup, sizeof x->ditutup, row->ditutup);
		x->saldo = stock_balance(db, row->kode);
		x->optimum = row->opt.so;
		x->low = x->saldo < x->optimum;
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, row->kode, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, until, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			db_col_text(st, 0, x->expiry, sizeof x->expiry);
			x->expiry_qty = sqlite3_column_int64(st, 1);
		}
	}
	sqlite3_finalize(st);
	lb2_free(&r);
	return n;
}

/* Which kinds of movement a stock column sums (before: the batches' balance on
 * the 1st, as a term each); NULL for a column computed by a formula. */
static const struct {
	const char *kolom;
	int before;
	const char *kinds;		/* ?4 of the rows' query: kinds between commas */
} stock_cols[] = {
	{ "stok_awal", 1, ",awal," },
	{ "penerimaan", 0, ",terima," },
	{ "persediaan", 1, ",awal,terima," },
	{ "pemakaian", 0, ",pakai," },
	{ "keluar_lain", 0, ",lain," },
	/* what goes out is a term taken away from what there was */
	{ "sisa", 1, ",awal,terima,-pakai,-lain," },
};

/* Rows of one query: a visit (0 if none), a description, a value, a date. */
static int add_rows(sqlite3 *db, sqlite3_stmt *st, struct asal *out, struct sbuf *err)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct asal_row *r = asal_add(out, (long)sqlite3_column_int64(st, 0), (long)sqlite3_column_int64(st, 2));
		db_col_text(st, 1, r->ket, sizeof r->ket);
		db_col_text(st, 3, r->tanggal, sizeof r->tanggal);
	}
	return db_finish(db, st, rc, err);
}

static int stock_rows(sqlite3 *db, int col, const char *from, const char *to, const char *drug, struct asal *out,
		      struct sbuf *err)
{
	int rc = 0;
	if (stock_cols[col].before) {
		/* the report's balance on the 1st (today's less what moved since), batch by batch */
		sqlite3_stmt *st = db_prepare(db, "SELECT 0, 'saldo tgl 1 ' || b.sumber || ' ' || b.no_batch, b.saldo - "
					      "COALESCE((SELECT SUM(jumlah) FROM mutasi WHERE batch_id = b.id AND tanggal >= ?1), 0) AS n, ?1 "
					      "FROM batch b WHERE b.obat = ?2 AND n <> 0 ORDER BY b.id", err);
		if (!st)
			return -1;
		sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, drug, -1, SQLITE_STATIC);
		rc = add_rows(db, st, out, err);
	}
	sqlite3_stmt *st = rc ? NULL : db_prepare(db,
		"WITH m AS (" MONTH_MOVES ") SELECT COALESCE(x.kunjungan_id, 0), m.jenis || ' ' || m.sumber || ' ' || m.no_batch, "
		"CASE WHEN instr(?4, ',-' || m.kind || ',') THEN -m.nilai ELSE m.nilai END, m.tanggal FROM m "
		"LEFT JOIN resep x ON x.id = m.resep_id WHERE m.obat = ?3 AND (instr(?4, ',' || m.kind || ',') "
		"OR instr(?4, ',-' || m.kind || ',')) ORDER BY m.tanggal, m.id", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, drug, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, stock_cols[col].kinds, -1, SQLITE_STATIC);
	return add_rows(db, st, out, err);
}

/* A "resep" row's payer or a drug row's drug unknown: said in err. */
static int row_refused(sqlite3 *db, int payer, const char *baris, const char *kolom, struct sbuf *err)
{
	if (payer ? asal_known(db, "penjamin", kolom) : asal_known(db, "obat", baris))
		return 0;
	sb_printf(err, payer ? "penjamin tidak dikenal: '%s'" : "obat tidak dikenal: '%s'", payer ? kolom : baris);
	return 1;
}

int lb2_column_known(const char *kolom, struct sbuf *err)
{
	for (int i = 0; i < C_BERI; i++)
		if (strcmp(kolom, col_key[i]) == 0)
			return 1;
	sb_printf(err, "kolom LB2 tidak dikenal: '%s' (stok_awal, penerimaan, persediaan, pemakaian, keluar_lain, "
		       "sisa, stok_optimum, permintaan)", kolom);
	return 0;
}

int lb2_cell_known(sqlite3 *db, const char *baris, const char *kolom, struct sbuf *err)
{
	int payer = strcmp(baris, "resep") == 0;
	return !row_refused(db, payer, baris, kolom, err) && (payer || lb2_column_known(kolom, err));
}

int lb2_asal(sqlite3 *db, const char *month, const char *baris, const char *kolom, struct asal *out,
	     struct sbuf *err)
{
	char from[11], to[11];
	if (asal_month(month, from, to, err) != 0)
		return ASAL_ERROR;
	int col = -1;
	for (size_t i = 0; i < ARRAY_LEN(stock_cols); i++)
		if (strcmp(kolom, stock_cols[i].kolom) == 0)
			col = (int)i;
	int payer = strcmp(baris, "resep") == 0;
	if (row_refused(db, payer, baris, kolom, err))
		return ASAL_UNKNOWN;
	if (!payer && col < 0) {
		if (strcmp(kolom, "stok_optimum") == 0 || strcmp(kolom, "permintaan") == 0)
			sb_printf(err, "kolom LB2 %s dihitung dengan rumus (lihat keterangan di bawah laporan), "
				       "bukan dari baris", kolom);
		else
			sb_printf(err, "kolom LB2 tidak dikenal: '%s' (stok_awal, penerimaan, persediaan, pemakaian, "
				       "keluar_lain, sisa)", kolom);
		return ASAL_UNKNOWN;
	}
	int snap = db_read_begin(db, err);
	if (snap < 0)
		return ASAL_ERROR;
	int rc;
	if (payer) {
		sqlite3_stmt *st = db_prepare(db, "SELECT DISTINCT k.id, 'resep', 1, k.tanggal" RESEP_VISITS("?3") " ORDER BY k.id", err);
		if (st) {
			sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 3, kolom, -1, SQLITE_STATIC);
		}
		rc = st ? add_rows(db, st, out, err) : -1;
	} else {
		rc = stock_rows(db, col, from, to, baris, out, err);
	}
	if (db_read_end(db, snap, rc == 0 ? err : NULL) != 0)
		rc = -1;
	return rc == 0 ? ASAL_OK : ASAL_ERROR;
}
