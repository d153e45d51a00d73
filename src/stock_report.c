#include "pkm/stock_report.h"
#include "pkm/csv.h"
#include "pkm/db.h"
#include "pkm/dict.h"
#include "pkm/lb2.h"
#include <limits.h>
#include <stdlib.h>
#include <string.h>

long stock_days_left(long saldo, long used, long days)
{
	if (used <= 0)
		return -1;
	return saldo > 0 ? (long)((long long)saldo * days / used) : 0;
}

struct date stock_use_from(struct date today)
{
	struct date from = { today.y, today.m - 3, today.d };
	if (from.m < 1) {
		from.m += 12;
		from.y--;
	}
	/* 31 May less three months is the last of February */
	struct date next = { from.m == 12 ? from.y + 1 : from.y, from.m == 12 ? 1 : from.m + 1, 1 };
	long last = date_to_days(next) - 1;
	if (date_to_days((struct date){ from.y, from.m, 1 }) + from.d - 1 > last)
		from = date_from_days(last);
	return from;
}

static int by_code(const void *key, const void *elem)
{
	return strcmp(key, ((const struct report_drug *)elem)->kode);
}

static struct report_drug *find_drug(struct stock_report *r, const char *kode)
{
	return bsearch(kode, r->drugs, (size_t)r->ndrugs, sizeof *r->drugs, by_code);
}

/* The drugs with their stock and optimum as the Farmasi screen has them. */
static int load_drugs(sqlite3 *db, const struct farmasi_config *f, struct date today, struct stock_report *r,
		      struct sbuf *err)
{
	struct stock_status *st;
	int n = stock_status_list(db, f, today, &st);
	if (n < 0) {
		sb_printf(err, "stok tidak terbaca: %s", sqlite3_errmsg(db));
		return -1;
	}
	r->drugs = xcalloc((size_t)n + 1, sizeof *r->drugs);
	for (int i = 0; i < n; i++) {
		struct report_drug *d = &r->drugs[i];
		str_copy(d->kode, sizeof d->kode, st[i].kode);
		str_copy(d->nama, sizeof d->nama, st[i].nama);
		str_copy(d->satuan, sizeof d->satuan, st[i].satuan);
		d->saldo = st[i].saldo;
		d->optimum = st[i].optimum;
		d->low = st[i].low;
	}
	r->ndrugs = n;
	free(st);
	return 0;
}

/* PAKAI of each drug in the use window: the window's movements by date. */
static int load_use(sqlite3 *db, struct stock_report *r, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT b.obat, -sum(m.jumlah) FROM mutasi m CROSS JOIN batch b "
				      "ON b.id = m.batch_id WHERE m.tanggal >= ?1 AND m.tanggal < ?2 AND m.jenis = 'PAKAI' "
				      "GROUP BY b.obat", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, r->use_from, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->today, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct report_drug *d = find_drug(r, (const char *)sqlite3_column_text(st, 0));
		if (d)
			d->used = (long)sqlite3_column_int64(st, 1);
	}
	return db_finish(db, st, rc, err);
}

/* The place of a funding source in the dictionary's list (unknown ones last). */
static int sumber_rank(sqlite3 *db, const char *code)
{
	const struct column_def *c = dict_find(db, "batch", "sumber");
	char k[24], label[80];
	for (int i = 0; c && dict_choice(c, i, k, label) == 0; i++)
		if (strcmp(k, code) == 0)
			return i;
	return DICT_MAX_CHOICES;
}

/* Every batch in stock, by drug and expiry: a batch is used up when its drug's
 * use has taken it and every usable batch expiring before it; the drug's stock
 * lasts as long as its last usable batch. */
static int load_batches(sqlite3 *db, struct date today, struct stock_report *r, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT obat, sumber, no_batch, kedaluwarsa, saldo FROM batch WHERE saldo > 0 "
				      "ORDER BY obat, kedaluwarsa, id", err);
	if (!st)
		return -1;
	int cap = 0, rc;
	long now = date_to_days(today);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct report_drug *d = find_drug(r, (const char *)sqlite3_column_text(st, 0));
		struct date exp;
		if (!d)
			continue;
		if (r->nbatches == cap)
			r->batches = xrealloc(r->batches, (size_t)(cap = cap ? cap * 2 : 64) * sizeof *r->batches);
		struct report_batch *b = &r->batches[r->nbatches++];
		memset(b, 0, sizeof *b);
		b->drug = (int)(d - r->drugs);
		db_col_text(st, 1, b->sumber, sizeof b->sumber);
		db_col_text(st, 2, b->no_batch, sizeof b->no_batch);
		db_col_text(st, 3, b->kedaluwarsa, sizeof b->kedaluwarsa);
		b->saldo = (long)sqlite3_column_int64(st, 4);
		dict_label(db, "batch", "sumber", b->sumber, b->sumber_label, sizeof b->sumber_label);
		b->sumber_rank = sumber_rank(db, b->sumber);
		b->to_expiry = date_parse(b->kedaluwarsa, &exp) == 0 ? date_to_days(exp) - now : 0;
		b->near = b->to_expiry <= r->days;
		b->used_up = -1;
		if (b->to_expiry >= 0) {	/* an expired batch is never dispensed */
			d->usable += b->saldo;
			b->used_up = stock_days_left(d->usable, d->used, r->use_days);
		}
	}
	for (int i = 0; i < r->ndrugs; i++)
		r->drugs[i].days_left = stock_days_left(r->drugs[i].usable, r->drugs[i].used, r->use_days);
	return db_finish(db, st, rc, err);
}

int stock_report_build(sqlite3 *db, const struct farmasi_config *f, struct date today, long days,
		       struct stock_report *out, struct sbuf *err)
{
	memset(out, 0, sizeof *out);
	date_format(today, out->today);
	date_format(date_from_days(date_to_days(today) + days), out->until);
	struct date from = stock_use_from(today);
	date_format(from, out->use_from);
	out->days = days;
	out->use_days = date_to_days(today) - date_to_days(from);
	int snap = db_read_begin(db, err);	/* stock, use and batches of one moment */
	if (snap < 0)
		return -1;
	if (load_drugs(db, f, today, out, err) != 0 || load_use(db, out, err) != 0 ||
	    load_batches(db, today, out, err) != 0 || db_read_end(db, snap, err) != 0) {
		db_read_end(db, snap, NULL);
		stock_report_free(out);
		return -1;
	}
	return 0;
}

void stock_report_free(struct stock_report *r)
{
	free(r->drugs);
	free(r->batches);
	memset(r, 0, sizeof *r);
}

/* "-" for unknown days (nothing used), else the number. */
static const char *days_text(long d, char buf[24])
{
	if (d < 0)
		return "-";
	snprintf(buf, 24, "%ld", d);
	return buf;
}

/* Near-expiry batches by funding source, then by expiry. */
static int by_source(const void *pa, const void *pb)
{
	const struct report_batch *a = *(const struct report_batch *const *)pa, *b = *(const struct report_batch *const *)pb;
	if (a->sumber_rank != b->sumber_rank)
		return a->sumber_rank - b->sumber_rank;
	int c = strcmp(a->sumber, b->sumber);
	if (!c)
		c = strcmp(a->kedaluwarsa, b->kedaluwarsa);
	return c ? c : a->drug != b->drug ? a->drug - b->drug : strcmp(a->no_batch, b->no_batch);
}

static void text_expiry(const struct stock_report *r, struct sbuf *out)
{
	char until[11], day[11], n1[24];
	sb_printf(out, "A. BATCH KEDALUWARSA DALAM %ld HARI (SAMPAI %s), PER SUMBER DANA\n", r->days,
		  date_show(r->until, until));
	const struct report_batch **near = xcalloc((size_t)r->nbatches + 1, sizeof *near);
	int n = 0, late = 0;
	for (int i = 0; i < r->nbatches; i++)
		if (r->batches[i].near)
			near[n++] = &r->batches[i];
	qsort(near, (size_t)n, sizeof *near, by_source);
	if (!n)
		sb_printf(out, "Tidak ada batch dengan stok yang kedaluwarsa dalam %ld hari.\n", r->days);
	for (int i = 0; i < n; i++) {
		const struct report_batch *b = near[i];
		const struct report_drug *d = &r->drugs[b->drug];
		if (!i || strcmp(b->sumber, near[i - 1]->sumber) != 0) {
			sb_printf(out, "\n%s\n", b->sumber_label);
			sb_printf(out, "%-8s %-22s %-12s %-11s %4s %8s %6s\n", "Kode", "Nama obat", "Batch", "Kedaluwarsa",
				  "Hari", "Sisa", "Habis");
		}
		int waste = b->used_up < 0 || b->used_up > b->to_expiry;
		late += waste;
		sb_printf(out, "%-8.8s %-22.22s %-12.12s %-11s %4ld %8ld %6s%s\n", d->kode, d->nama, b->no_batch,
			  date_show(b->kedaluwarsa, day), b->to_expiry, b->saldo, days_text(b->used_up, n1), waste ? " !" : "");
	}
	free(near);
	if (n)
		sb_printf(out, "\nHari: sampai kedaluwarsa (di bawah 0: sudah lewat, keluarkan dari stok).\n"
			       "Habis: hari sampai batch habis terpakai, kedaluwarsa terdekat dulu.\n"
			       "%d batch bertanda ! tidak habis sebelum kedaluwarsa: redistribusi.\n", late);
}

/* Below optimum: the shortest-lasting first, those without use last. */
static int by_days_left(const void *pa, const void *pb)
{
	const struct report_drug *a = *(const struct report_drug *const *)pa, *b = *(const struct report_drug *const *)pb;
	long x = a->days_left < 0 ? LONG_MAX : a->days_left, y = b->days_left < 0 ? LONG_MAX : b->days_left;
	return x != y ? (x < y ? -1 : 1) : strcmp(a->kode, b->kode);
}

/* "APBD I 120, DAK 30": the drug's stock by funding source, in list order. */
static void by_source_line(const struct stock_report *r, int drug, struct sbuf *out)
{
	const struct report_batch *seen[DICT_MAX_CHOICES + 1];
	long sum[DICT_MAX_CHOICES + 1];
	int n = 0;
	for (int i = 0; i < r->nbatches; i++) {
		const struct report_batch *b = &r->batches[i];
		if (b->drug != drug)
			continue;
		int k = 0;
		while (k < n && strcmp(seen[k]->sumber, b->sumber) != 0)
			k++;
		if (k == n) {
			if (n == (int)ARRAY_LEN(seen))
				continue;
			seen[n] = b;
			sum[n++] = 0;
		}
		sum[k] += b->saldo;
	}
	for (int done = 0; done < n; done++) {	/* n is a handful: pick the next in list order */
		int best = -1;
		for (int k = 0; k < n; k++)
			if (seen[k] && (best < 0 || seen[k]->sumber_rank < seen[best]->sumber_rank))
				best = k;
		sb_printf(out, "%s%s %ld", done ? ", " : "", seen[best]->sumber_label, sum[best]);
		seen[best] = NULL;
	}
	if (!n)
		sb_add(out, "tidak ada stok");
}

static void text_low(const struct stock_report *r, struct sbuf *out)
{
	char from[11], n1[24];
	sb_add(out, "B. OBAT DI BAWAH STOK OPTIMUM\n");
	const struct report_drug **low = xcalloc((size_t)r->ndrugs + 1, sizeof *low);
	int n = 0;
	for (int i = 0; i < r->ndrugs; i++)
		if (r->drugs[i].low)
			low[n++] = &r->drugs[i];
	qsort(low, (size_t)n, sizeof *low, by_days_left);
	if (!n)
		sb_add(out, "Tidak ada obat di bawah stok optimum.\n");
	else
		sb_printf(out, "%-8s %-20s %-7s %7s %7s %7s %9s %5s\n", "Kode", "Nama obat", "Satuan", "Stok", "Optimum",
			  "Kurang", "Pakai/bln", "Cukup");
	for (int i = 0; i < n; i++) {
		const struct report_drug *d = low[i];
		sb_printf(out, "%-8.8s %-20.20s %-7.7s %7ld %7ld %7ld %9ld %5s\n", d->kode, d->nama, d->satuan, d->saldo,
			  d->optimum, lplpo_request(d->optimum, d->saldo), (d->used + 1) / 3, days_text(d->days_left, n1));
		sb_add(out, "         ");
		by_source_line(r, (int)(d - r->drugs), out);
		sb_addc(out, '\n');
	}
	free(low);
	sb_printf(out, "\nOptimum: stok optimum LPLPO bulan lalu. Kurang = Optimum - Stok.\n"
		       "Pakai/bln: rata-rata pemakaian %ld hari sejak %s.\n"
		       "Cukup: hari stok yang belum kedaluwarsa bertahan pada pemakaian itu.\n",
		  r->use_days, date_show(r->use_from, from));
}

void stock_report_text(const struct stock_report *r, const char *puskesmas, struct sbuf *out)
{
	char today[11];
	sb_add(out, "LAPORAN STOK OBAT: KEDALUWARSA DAN DI BAWAH STOK OPTIMUM\n");
	if (puskesmas && *puskesmas)
		sb_printf(out, "%s\n", puskesmas);
	sb_printf(out, "Tanggal %s\n\n", date_show(r->today, today));
	text_expiry(r, out);
	sb_addc(out, '\n');
	text_low(r, out);
}

static void csv_days(FILE *f, long d)
{
	if (d >= 0)
		fprintf(f, "%ld", d);
}

/* The drug's columns after a line's batch columns. */
static void csv_drug(FILE *f, const struct report_drug *d)
{
	fprintf(f, ",%ld,%ld,%d,%ld,", d->saldo, d->optimum, d->low, d->used);
	csv_days(f, d->days_left);
	fputc('\n', f);
}

void stock_report_csv(const struct stock_report *r, FILE *f)
{
	fputs("kode_obat,nama,sumber,no_batch,kedaluwarsa,saldo,hari_kedaluwarsa,habis_hari,kedaluwarsa_dekat,"
	      "stok_obat,stok_optimum,di_bawah_optimum,pakai_3_bulan,cukup_hari\n", f);
	int b = 0;
	for (int i = 0; i < r->ndrugs; i++) {
		const struct report_drug *d = &r->drugs[i];
		int any = 0;
		for (; b < r->nbatches && r->batches[b].drug == i; b++) {
			const struct report_batch *x = &r->batches[b];
			any = 1;
			if (!x->near && !d->low)
				continue;
			csv_write_field(f, d->kode);
			fputc(',', f);
			csv_write_field(f, d->nama);
			fputc(',', f);
			csv_write_field(f, x->sumber);
			fputc(',', f);
			csv_write_field(f, x->no_batch);
			fprintf(f, ",%s,%ld,%ld,", x->kedaluwarsa, x->saldo, x->to_expiry);
			csv_days(f, x->used_up);
			fprintf(f, ",%d", x->near);
			csv_drug(f, d);
		}
		if (!any && d->low) {	/* nothing in stock: the drug alone */
			csv_write_field(f, d->kode);
			fputc(',', f);
			csv_write_field(f, d->nama);
			fputs(",,,,0,,,0", f);
			csv_drug(f, d);
		}
	}
}
