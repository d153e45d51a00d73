/* Made-up but realistic records: patients of a West Java catchment area, about
 * 250 visits each working day across the ILP units, diagnoses with their case
 * flags, the cluster forms, prescriptions dispensed from stock and the monthly
 * receipts that keep it. A fixed seed gives the same database every time. */
#include "demo_priv.h"
#include "pkm/puskesmas.h"
#include "pkm/db.h"
#include "pkm/dispense.h"
#include "pkm/patient.h"
#include "pkm/stock.h"
#include "pkm/user.h"
#include "pkm/visit.h"
#include <stdlib.h>
#include <string.h>

static unsigned long long rng_state;

static unsigned long long rnd(void)
{
	/* splitmix64: small, fast, the same on every machine */
	unsigned long long z = (rng_state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int below(int n) { return n > 0 ? (int)(rnd() % (unsigned)n) : 0; }
static int chance(int percent) { return below(100) < percent; }

int demo_below(int n) { return below(n); }
int demo_chance(int percent) { return chance(percent); }

/* Sunday 22-11-2026: the demo's weeks are counted from it. */
static int sunday(long n) { return ((n - date_to_days((struct date){ 2026, 11, 22 })) % 7 + 7) % 7 == 0; }

long demo_open_day(long n) { return n + sunday(n); }

static const char *const men[] = { "Agus", "Budi", "Dedi", "Eko", "Fajar", "Hendra", "Iwan", "Joko", "Rudi",
				   "Slamet", "Asep", "Ujang", "Dadang", "Yusuf", "Rizky", "Andi", "Bayu", "Dimas",
				   "Gilang", "Hadi", "Irfan", "Maman", "Nanang", "Taufik", "Wahyu", "Deden", "Cecep" };
static const char *const women[] = { "Siti", "Sri", "Dewi", "Ani", "Rina", "Yuni", "Euis", "Neng", "Lilis",
				     "Tuti", "Nur", "Wati", "Ratna", "Fitri", "Indah", "Lina", "Mega", "Novi",
				     "Putri", "Rini", "Santi", "Tika", "Wulan", "Yanti", "Iis", "Ika", "Dian" };
static const char *const families[] = { "Rahayu", "Suryani", "Hidayat", "Setiawan", "Saputra", "Nugraha",
					"Kurnia", "Lestari", "Permana", "Gunawan", "Sutisna", "Hermawan", "Wijaya",
					"Pratama", "Susanti", "Handayani", "Rahmawati", "Maulana", "Firmansyah",
					"Ramdani", "Mulyadi", "Suherman", "Komariah", "Nurhayati", "" };
static const char *const villages[] = { "Sukamaju", "Sukarame", "Cikopo", "Mekarsari", "Margamulya", "Cibodas",
					"Tanjungsari", "Babakan", "Nagrak", "Panenjoan" };

static const struct {
	const char *kode, *nama, *satuan, *kategori;
} drugs[] = {
	{ "PCT500", "Parasetamol 500 mg", "tablet", "OBAT" },	{ "AMX500", "Amoksisilin 500 mg", "kaplet", "ANTIBIOTIK" },
	{ "CTM4", "Klorfeniramin maleat 4 mg", "tablet", "OBAT" }, { "ANT", "Antasida DOEN", "tablet", "OBAT" },
	{ "OMZ20", "Omeprazol 20 mg", "kapsul", "OBAT" },	{ "AML5", "Amlodipin 5 mg", "tablet", "OBAT" },
	{ "CAP25", "Kaptopril 25 mg", "tablet", "OBAT" },	{ "MET500", "Metformin 500 mg", "tablet", "OBAT" },
	{ "GLB5", "Glibenklamid 5 mg", "tablet", "OBAT" },	{ "IBU400", "Ibuprofen 400 mg", "tablet", "OBAT" },
	{ "ORS", "Oralit 200 ml", "sachet", "OBAT" },		{ "ZNC20", "Zinc 20 mg", "tablet", "OBAT" },
	{ "FE", "Tablet tambah darah", "tablet", "OBAT" },	{ "CIP500", "Siprofloksasin 500 mg", "tablet", "ANTIBIOTIK" },
	{ "HCT", "Hidrokortison krim 2,5%", "tube", "OBAT" },	{ "ASM500", "Asam mefenamat 500 mg", "tablet", "OBAT" },
	{ "ALB400", "Albendazol 400 mg", "tablet", "OBAT" },	{ "SIM20", "Simvastatin 20 mg", "tablet", "OBAT" },
	{ "OAT", "OAT KDT kategori 1", "tablet", "OBAT" },	{ "LIDO", "Lidokain injeksi 2%", "ampul", "INJEKSI" },
	{ "DEXI", "Deksametason injeksi 5 mg", "ampul", "INJEKSI" }, { "SALB", "Salbutamol 2 mg", "tablet", "OBAT" },
};

static const struct dx adult[] = {
	{ "I10", 20, { "AML5", "?CAP25" } },	{ "E11.9", 8, { "MET500", "?GLB5" } },
	{ "M79.1", 12, { "ASM500", "?DEXI" } }, { "K29.7", 12, { "ANT", "?OMZ20" } },
	{ "J06.9", 15, { "PCT500", "CTM4", "?AMX500" } }, { "L30.9", 6, { "HCT" } },
	{ "R51", 6, { "PCT500" } },		{ "E78.5", 4, { "SIM20" } },
	{ "M54.5", 5, { "IBU400" } },		{ "A09", 5, { "ORS", "?CIP500" } },
	{ "N39.0", 3, { "CIP500" } },		{ "J45.9", 4, { "SALB" } },
};
static const struct dx child[] = {
	{ "J06.9", 35, { "PCT500", "CTM4", "?AMX500" } }, { "A09", 15, { "ORS", "ZNC20" } },
	{ "J18.9", 3, { "AMX500", "PCT500" } },	{ "B82.0", 5, { "ALB400" } },
	{ "L30.9", 5, { "HCT" } },
};
/* pregnancies come along their pathway (demo_paths.c): here anaemia and KB */
static const struct dx mother[] = { { "D50.9", 50, { "FE" } }, { "Z30.0", 50, { 0 } } };
static const struct dx infect[] = {
	{ "J06.9", 30, { "PCT500", "?AMX500" } }, { "A09", 20, { "ORS", "ZNC20" } }, { "A15.0", 6, { "OAT" } },
	{ "J18.9", 5, { "AMX500" } },		  { "A01.0", 5, { "CIP500" } },	     { "A90", 3, { "PCT500" } },
};
static const struct dx dental[] = {
	{ "K02.1", 40, { "PCT500" } }, { "K04.0", 30, { "ASM500", "AMX500" } }, { "K05.1", 20, { 0 } },
	{ "K08.8", 10, { "PCT500" } },
};
static const struct dx emergency[] = {
	{ "T14.1", 30, { "LIDO", "AMX500", "PCT500" } }, { "S93.4", 10, { "IBU400" } },
	{ "R10.4", 15, { "ANT" } },			 { "I10", 10, { "CAP25" } },
	{ "J45.9", 10, { "DEXI", "SALB" } },		 { "S00.8", 25, { "PCT500" } },
};

static const struct dx *pick_dx(const struct dx *list, int n)
{
	int total = 0;
	for (int i = 0; i < n; i++)
		total += list[i].weight;
	int r = below(total);
	for (int i = 0; i < n; i++)
		if ((r -= list[i].weight) < 0)
			return &list[i];
	return &list[0];
}

/* Age: a rural pyramid, in days before the first day of the demo. */
static long age_days(void)
{
	int r = below(100), years = r < 9 ? below(5) : r < 25 ? 5 + below(10) : r < 70 ? 15 + below(30)
				    : r < 88 ? 45 + below(15) : 60 + below(25);
	return (long)years * 365 + below(365);
}

static int make_patients(struct demo *d, struct date first)
{
	static const char *const payers[] = { "BPJS_PBI", "BPJS_PBI", "BPJS_PBI", "BPJS_PBI", "BPJS_NON_PBI",
					      "BPJS_NON_PBI", "BPJS_NON_PBI", "UMUM", "UMUM", "UMUM", "JAMKESDA" };
	d->npat = d->o->patients;
	d->pat = xcalloc((size_t)d->npat, sizeof *d->pat);
	if (db_begin(d->db) != 0)
		return -1;
	for (int i = 0; i < d->npat; i++) {
		struct patient *p = &d->pat[i];
		p->sex = chance(52) ? 'P' : 'L';
		const char *family = PICK(families);
		snprintf(p->nama, sizeof p->nama, "%s%s%s", p->sex == 'P' ? PICK(women) : PICK(men), *family ? " " : "",
			 family);
		struct date born = date_from_days(date_to_days(first) - age_days());
		date_format(born, p->tanggal_lahir);
		if (date_to_days(first) - date_to_days(born) > 365 || chance(50))
			snprintf(p->nik, sizeof p->nik, "3204%02u%02u%02u%02u%04u", (10u + (unsigned)i / 10000) % 100,
				 (unsigned)(born.d + (p->sex == 'P' ? 40 : 0)) % 100, (unsigned)born.m % 100,
				 (unsigned)born.y % 100, (unsigned)i % 10000);
		str_copy(p->penjamin, sizeof p->penjamin, PICK(payers));
		if (strncmp(p->penjamin, "BPJS", 4) == 0)
			snprintf(p->no_bpjs, sizeof p->no_bpjs, "000%010d", 1000000 + i);
		snprintf(p->alamat, sizeof p->alamat, "Kp. %s RT %02d/%02d", PICK(villages), 1 + below(9), 1 + below(6));
		str_copy(p->desa, sizeof p->desa, PICK(villages));
		if (patient_insert(d->db, p, d->err) != 0) {
			db_rollback(d->db);
			return -1;
		}
	}
	return db_commit(d->db);
}

static int put_drugs(struct demo *d, const char *day)
{
	for (size_t i = 0; i < ARRAY_LEN(drugs); i++) {
		struct drug g = { .optimum = -1 };
		str_copy(g.kode, sizeof g.kode, drugs[i].kode);
		str_copy(g.nama, sizeof g.nama, drugs[i].nama);
		str_copy(g.satuan, sizeof g.satuan, drugs[i].satuan);
		str_copy(g.kategori, sizeof g.kategori, drugs[i].kategori);
		if (drug_put(d->db, &g, d->err) != 0)
			return -1;
		struct receipt r = { .jumlah = 20000 };	/* a month's use of the busiest, before the first delivery */
		str_copy(r.obat, sizeof r.obat, g.kode);
		str_copy(r.sumber, sizeof r.sumber, "APBD2");
		snprintf(r.no_batch, sizeof r.no_batch, "AWAL-%s", g.kode);
		date_format(date_from_days(date_to_days((struct date){ atoi(day), atoi(day + 5), atoi(day + 8) }) + 700),
			    r.kedaluwarsa);
		str_copy(r.tanggal, sizeof r.tanggal, day);
		if (receipt_insert(d->db, &r, 1, d->err) != 0)
			return -1;
	}
	return 0;
}

/* A short-dated donation of slow-moving drugs some ten weeks before the end:
 * what a real pharmacy holds, batches that expire before they are used up
 * (the stock report's near-expiry list). */
static int short_dated_gift(struct demo *d, struct date day, struct date end)
{
	static const char *const slow[] = { "LIDO", "DEXI" };
	for (size_t i = 0; i < ARRAY_LEN(slow); i++) {
		struct receipt r = { .jumlah = 600 };
		str_copy(r.obat, sizeof r.obat, slow[i]);
		str_copy(r.sumber, sizeof r.sumber, "HIBAH");
		snprintf(r.no_batch, sizeof r.no_batch, "HB%02d-%s", day.m, slow[i]);
		date_format(date_from_days(date_to_days(end) + 30 + 20 * (long)i), r.kedaluwarsa);
		date_format(day, r.tanggal);
		str_copy(r.keterangan, sizeof r.keterangan, "hibah, kedaluwarsa pendek");
		if (receipt_insert(d->db, &r, 0, d->err) != 0)
			return -1;
	}
	return 0;
}

/* What expired on the shelf is written off at the month's start, as a
 * pharmacy does (a KEDALUWARSA movement on the card), so it is not counted as
 * stock when the delivery is sized. */
static int write_off_expired(struct demo *d, const char *ymd)
{
	sqlite3_stmt *st = db_prepare(d->db, "SELECT id, saldo FROM batch WHERE saldo > 0 AND kedaluwarsa < ?", d->err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, ymd, -1, SQLITE_STATIC);
	long id[64], n = 0, left[64];	/* more than that wait for the next month */
	int rc = SQLITE_ROW;
	while (n < 64 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		id[n] = sqlite3_column_int64(st, 0);
		left[n++] = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		sb_printf(d->err, "batch kedaluwarsa tidak terbaca: %s", sqlite3_errmsg(d->db));
		return -1;
	}
	for (long i = 0; i < n; i++)
		if (stock_movement(d->db, id[i], ymd, "KEDALUWARSA", -left[i], 0, "kedaluwarsa, dimusnahkan", d->err) != 0)
			return -1;
	return 0;
}

/* At the start of a month the district's delivery tops each drug up to twice
 * last month's use (at least 3000), in a new batch. */
static int monthly_receipts(struct demo *d, struct date day)
{
	static const char *const sources[] = { "APBD2", "DAK", "PROGRAM", "APBD1" };
	char ymd[11], from[11];
	date_format(day, ymd);
	date_format(date_from_days(date_to_days(day) - 30), from);
	if (write_off_expired(d, ymd) != 0)
		return -1;
	for (size_t i = 0; i < ARRAY_LEN(drugs); i++) {
		/* a month's use, from the days of it there are (the first delivery comes a week in) */
		sqlite3_stmt *st = db_prepare(d->db, "SELECT COALESCE(-SUM(m.jumlah) * 30 / (julianday(?3) - "
					      "julianday(min(m.tanggal))), 0) FROM mutasi m JOIN batch b ON "
					      "b.id = m.batch_id WHERE b.obat = ?1 AND m.jenis = 'PAKAI' AND m.tanggal >= ?2",
					      d->err);
		if (!st)
			return -1;
		sqlite3_bind_text(st, 1, drugs[i].kode, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, from, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, ymd, -1, SQLITE_STATIC);
		long used = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
		sqlite3_finalize(st);
		long want = (used * 3 > 3000 ? used * 3 : 3000) - stock_balance(d->db, drugs[i].kode);
		if (want <= 0)
			continue;
		struct receipt r = { .jumlah = want };
		str_copy(r.obat, sizeof r.obat, drugs[i].kode);
		str_copy(r.sumber, sizeof r.sumber, sources[(day.m + (int)i) % 4]);
		snprintf(r.no_batch, sizeof r.no_batch, "B%02d%02d-%s", day.y % 100, day.m % 100, drugs[i].kode);
		date_format(date_from_days(date_to_days(day) + 540 + below(200)), r.kedaluwarsa);
		str_copy(r.tanggal, sizeof r.tanggal, ymd);
		str_copy(r.keterangan, sizeof r.keterangan, "kiriman IFK");
		if (receipt_insert(d->db, &r, 0, d->err) != 0)
			return -1;
	}
	return 0;
}

enum { F_PTM, F_TB, F_GIGI, F_IGD, F_LAB, F_N };

static int prepare_forms(struct demo *d)
{
	static const char *const sql[F_N] = {
		"INSERT INTO f_ptm (kunjungan_id, td_sistol, td_diastol, gds, bb, tb) VALUES (?1, ?2, ?3, ?4, ?5, 160)",
		"INSERT INTO f_tb (kunjungan_id, batuk, terduga, terkonfirmasi) VALUES (?1, 1, 1, ?2)",
		"INSERT INTO f_gigi (kunjungan_id, tambal_tetap, cabut_tetap, scaling) VALUES (?1, ?2, ?3, ?4)",
		"INSERT INTO f_igd (kunjungan_id, triase, kategori, keadaan) VALUES (?1, ?2, ?3, ?4)",
		"INSERT INTO f_lab (kunjungan_id, hb, gds) VALUES (?1, ?2, ?3)",
	};
	for (int i = 0; i < F_N; i++)
		if ((d->form[i] = db_prepare(d->db, sql[i], d->err)) == NULL)
			return -1;
	return 0;
}

static int run_form(struct demo *d, int f, const long *v, int n)
{
	sqlite3_stmt *st = d->form[f];
	sqlite3_reset(st);
	for (int i = 0; i < n; i++)
		sqlite3_bind_int64(st, i + 1, v[i]);
	if (sqlite3_step(st) != SQLITE_DONE) {
		sb_printf(d->err, "formulir demo tidak tersimpan: %s", sqlite3_errmsg(d->db));
		return -1;
	}
	return 0;
}

static int fill_form(struct demo *d, const struct visit *v, const char *dx)
{
	long id = v->id;
	if (strcmp(v->unit, "K3") == 0 && v->age.years >= 15) {
		int high = strcmp(dx, "I10") == 0;
		long row[] = { id, high ? 150 + below(40) : 110 + below(30), high ? 90 + below(20) : 70 + below(15),
			       strncmp(dx, "E11", 3) == 0 ? 200 + below(150) : 80 + below(60), 45 + below(40) };
		return run_form(d, F_PTM, row, 5);
	}
	if (strcmp(dx, "A15.0") == 0) {
		long row[] = { id, chance(60) };
		return run_form(d, F_TB, row, 2);
	}
	if (strcmp(v->unit, "GIGI") == 0) {
		long row[] = { id, below(3), strcmp(dx, "K04.0") == 0, chance(20) };
		return run_form(d, F_GIGI, row, 4);
	}
	if (strcmp(v->unit, "IGD") == 0) {
		sqlite3_stmt *st = d->form[F_IGD];
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, chance(20) ? "MERAH" : chance(50) ? "KUNING" : "HIJAU", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, dx[0] == 'T' || dx[0] == 'S' ? (chance(40) ? "KLL" : "LAIN") : "LAIN", -1,
				  SQLITE_STATIC);
		sqlite3_bind_text(st, 4, chance(85) ? "PULANG" : "RUJUK", -1, SQLITE_STATIC);
		return sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	}
	return 0;
}

/* The last day's first dispensing meets a stock-out: this morning the Pustu
 * took all but a few of the drug with the least usable stock (a mutation out,
 * on its card), and the patient's ordinary line of it is given in part. */
static int short_line(struct demo *d, const struct visit *v)
{
	sqlite3_stmt *st = db_prepare(d->db, "SELECT id, obat, saldo FROM batch WHERE saldo > 0 AND kedaluwarsa >= ?1 AND "
				      "obat = (SELECT obat FROM batch WHERE kedaluwarsa >= ?1 AND obat NOT IN "
				      "(SELECT obat FROM resep WHERE kunjungan_id = ?2) GROUP BY obat ORDER BY sum(saldo), obat "
				      "LIMIT 1) ORDER BY kedaluwarsa DESC", d->err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, v->tanggal, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, v->id);
	char code[24] = "";
	long keep = 4;	/* what stays on the shelf, in the batch expiring last */
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		db_col_text(st, 1, code, sizeof code);
		long out = sqlite3_column_int64(st, 2) - keep;
		keep = out < 0 ? -out : 0;
		if (out > 0 && stock_movement(d->db, sqlite3_column_int64(st, 0), v->tanggal, "MUTASI", -out, 0,
					      "dipinjam Pustu Sukamaju", d->err) != 0)
			rc = SQLITE_ERROR;
	}
	sqlite3_finalize(st);
	struct field_errors fe;
	if (rc != SQLITE_DONE || (*code && resep_insert(d->db, v->id, code, "10", "2x1", NULL, &fe, d->err) < 0)) {
		sb_printf(d->err, "%s", rc == SQLITE_DONE && fe.n ? fe.e[0].msg : "");
		return -1;
	}
	d->lines += *code != 0;
	return 0;
}

/* What stock could not give on a past day was closed as "stok kosong" when
 * the patient left, as the counter does. */
static int close_short(struct demo *d, const struct visit *v)
{
	sqlite3_stmt *st = db_stmt(d->db, "UPDATE resep SET tutup = 'STOK_KOSONG', diserahkan = CASE WHEN diberi > 0 "
				   "THEN ?2 END WHERE kunjungan_id = ?1 AND tutup IS NULL AND diberi < coalesce(jumlah_beri, "
				   "jumlah)", d->err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, v->id);
	sqlite3_bind_text(st, 2, v->tanggal, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int demo_prescribe(struct demo *d, const struct visit *v, const struct dx *x)
{
	int any = 0;
	for (int i = 0; i < 4 && x->drugs[i]; i++) {
		const char *code = x->drugs[i];
		if (*code == '?' && !chance(33))
			continue;
		code += *code == '?';
		char qty[12];
		snprintf(qty, sizeof qty, "%d", strcmp(code, "OAT") == 0 ? 84 : strcmp(code, "LIDO") == 0 ||
			 strcmp(code, "DEXI") == 0 || strcmp(code, "HCT") == 0 ? 1 : 10 + 5 * below(5));
		struct field_errors fe;
		if (resep_insert(d->db, v->id, code, qty, "3x1", strcmp(code, "OAT") == 0 ? "28" : "5", &fe, d->err) < 0) {
			sb_printf(d->err, "%s", fe.n ? fe.e[0].msg : "");
			return -1;
		}
		d->lines++;
		any = 1;
	}
	if (!any)
		return 0;
	if (d->want_short && !d->hold) {
		if (short_line(d, v) != 0)
			return -1;
		d->want_short = 0;
	}
	/* it reaches the pharmacy a few minutes after the visit began */
	sqlite3_stmt *st = db_stmt(d->db, "UPDATE resep SET dibuat = datetime(?1, '+' || ?2 || ' minutes') "
				   "WHERE kunjungan_id = ?3", d->err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, v->tanggal, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, d->clock + 5 + below(15));
	sqlite3_bind_int64(st, 3, v->id);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE || d->hold)	/* the last ones of the last day still wait */
		return rc == SQLITE_DONE ? 0 : -1;
	/* line by line: a short drug is given in part, the others go */
	struct sbuf why = { 0 };
	struct rx_result r = { 0 };
	if (db_save_next(d->db) != 0)	/* the pharmacy's save */
		return -1;
	rc = rx_dispense_in(d->db, v->id, 0, 0, v->tanggal, &r, &why);
	d->short_stock += r.short_lines;
	if (rc == 0 && r.short_lines && !d->today)	/* the patient has gone: the rest is closed */
		rc = close_short(d, v);
	if (rc != 0)
		sb_printf(d->err, "%s", sb_str(&why));
	sb_free(&why);
	return rc;
}

int demo_visit(struct demo *d, const struct patient *p, long n, const char *unit, const char *dx1, const char *dx2,
	       char kasus, struct visit *v)
{
	int created, added;
	if (visit_insert(d->db, p, date_from_days(n), unit, p->penjamin, v, &created, d->err) != 0)
		return -1;
	if (!created)
		return 0;
	d->visits++;
	if (db_save_next(d->db) != 0)
		return -1;
	const char *dx[2] = { dx1, dx2 };
	for (int i = 0; i < 2 && dx[i]; i++) {
		if (diag_insert(d->db, d->cfg, v, dx[i], kasus, &added, d->err) != 0)
			return -1;
		d->diags += added;
	}
	return 1;
}

/* Who comes, to which unit, with what. */
static int one_visit(struct demo *d, struct date day)
{
	/* a fifth of the patients (chronic, mothers, small children) come back often */
	int i = chance(45) ? below(d->npat / 5) : below(d->npat);
	const struct patient *p = &d->pat[i];
	struct date born;
	date_parse(p->tanggal_lahir, &born);
	struct age a;
	if (age_at(born, day, &a) != 0)
		return 0;
	const char *unit;
	const struct dx *x;
	int r = below(100);
	if (r < 6) {
		unit = "GIGI";
		x = pick_dx(dental, (int)ARRAY_LEN(dental));
	} else if (r < 10) {
		unit = "IGD";
		x = pick_dx(emergency, (int)ARRAY_LEN(emergency));
	} else if (r < 15) {
		unit = "LAB";
		x = NULL;
	} else if (r < 30) {
		unit = "K4";
		x = pick_dx(infect, (int)ARRAY_LEN(infect));
	} else if (a.years < 5) {
		unit = "K2";
		x = pick_dx(child, (int)ARRAY_LEN(child));
	} else if (p->sex == 'P' && a.years >= 17 && a.years <= 40 && chance(35)) {
		unit = "K2";
		x = pick_dx(mother, (int)ARRAY_LEN(mother));
	} else {
		unit = "K3";
		x = pick_dx(a.years < 15 ? child : adult, a.years < 15 ? (int)ARRAY_LEN(child) : (int)ARRAY_LEN(adult));
	}
	/* the desk saves as a puskesmas does: registration, then the room's
	 * diagnoses and form, the prescription, the pharmacy's dispensing */
	const char *second = x && strcmp(unit, "K3") == 0 && chance(15) ? pick_dx(adult, (int)ARRAY_LEN(adult))->code : NULL;
	struct visit v;
	int rc = demo_visit(d, p, date_to_days(day), unit, x ? x->code : NULL, second, 0, &v);
	if (rc <= 0)
		return rc;
	if (!x) {	/* a laboratory visit: results, no diagnosis */
		sqlite3_stmt *st = d->form[F_LAB];
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, v.id);
		sqlite3_bind_double(st, 2, 9 + below(70) / 10.0);
		sqlite3_bind_int64(st, 3, 80 + below(200));
		return sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	}
	if (fill_form(d, &v, x->code) != 0) {
		sb_printf(d->err, "formulir demo tidak tersimpan: %s", sqlite3_errmsg(d->db));
		return -1;
	}
	return db_save_next(d->db) == 0 ? demo_prescribe(d, &v, x) : -1;
}

static int monthly_activities(struct demo *d, struct date day)
{
	sqlite3_stmt *st = db_prepare(d->db, "INSERT OR IGNORE INTO lb4_agregat (bulan, penyuluhan_dalam, penyuluhan_luar, "
				      "posyandu_madya, posyandu_purnama, posyandu_mandiri, kader_aktif, rumah_diperiksa, "
				      "rumah_sehat) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", d->err);
	if (!st)
		return -1;
	long v[] = { day.y * 100L + day.m, 4 + below(6), 8 + below(10), 10 + below(5), 20 + below(5), 5 + below(3),
		     150 + below(30), 40 + below(60), 30 + below(30) };
	for (int i = 0; i < 9; i++)
		sqlite3_bind_int64(st, i + 1, v[i]);
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	sqlite3_finalize(st);
	return rc;
}

static int run_days(struct demo *d, struct date first, struct date end)
{
	int last_month = 0;
	for (long n = date_to_days(first); n <= date_to_days(end); n++) {
		struct date day = date_from_days(n);
		if (sunday(n))	/* closed */
			continue;
		if (db_begin(d->db) != 0) {
			sb_printf(d->err, "%s", db_busy_text(d->db));
			return -1;
		}
		int rc = 0;
		if (day.m != last_month) {
			long left = date_to_days(end) - n;
			rc = monthly_receipts(d, day) || monthly_activities(d, day) ||
			     (left >= 60 && left < 91 && short_dated_gift(d, day, end));
			if (d->o->progress && last_month)
				fprintf(d->o->progress, "demo: %04d-%02d, %ld kunjungan\n", day.y, day.m, d->visits);
			last_month = day.m;
		}
		/* the last day is this morning: the counter's queue half done */
		int last = n == date_to_days(end);
		int today = last ? d->o->per_day / 4 + 3 : d->o->per_day * 9 / 10 + below(d->o->per_day / 5 + 1);
		d->want_short = d->today = last;
		/* the pathways' visits planned for the day first, then the others up
		 * to the day's number; this morning every other one of its visits
		 * (the rest of the planned come later today) */
		for (int k = 0, planned = 1; rc == 0 && (planned || k < today); k++) {
			d->clock = 7 * 60 + 30 + (k < today ? k : today) * (last ? 150 : 420) / today;
			d->hold = last && k >= today * 2 / 3;
			int got = planned && (!last || (k % 2 == 0 && k < today)) ? paths_next(d, n) : 0;
			if (got < 0)
				rc = -1;
			else if (!got && k < today)
				rc = one_visit(d, day);
			if (!got && (!last || k >= today))
				planned = 0;
		}
		if (rc != 0 || db_commit(d->db) != 0) {
			db_rollback(d->db);
			return -1;
		}
	}
	return 0;
}

/* A working day of the month of `first`, from day `d` on (closed on Sundays). */
static struct date workday(struct date first, int d)
{
	return date_from_days(demo_open_day(date_to_days(first) + d - 1));
}

/* A planted visit of p, with its diagnosis when dx (kasus 0: the pre-fill):
 * 0 made, 1 when p already has one that day in that unit, -1 on error. */
static int plant_visit(struct demo *d, const struct patient *p, struct date day, const char *unit, const char *dx,
		       char kasus, struct visit *v)
{
	int rc = demo_visit(d, p, date_to_days(day), unit, dx, NULL, kasus, v);
	return rc < 0 ? -1 : !rc;
}

/* A few data errors for Periksa data (the DEVELOPERS guide asks for them), in
 * the month before the last, as desks leave them: a visit without a diagnosis,
 * a B on a chronic code the patient already had this year, a man with an ANC
 * form, an ANC contact number told twice in one pregnancy, a patient
 * registered a second time, a birth date estimated. */
static int plant_errors(struct demo *d, struct date end, struct sbuf *done)
{
	struct date month = { end.m == 1 ? end.y - 1 : end.y, end.m == 1 ? 12 : end.m - 1, 1 };
	char year[11], day[11];
	snprintf(year, sizeof year, "%04d-01-01", month.y);
	date_format(workday(month, 12), day);
	struct visit v;
	int rc = 0, i = 0, n = 0;
	/* without a diagnosis */
	while (i < d->npat && (rc = plant_visit(d, &d->pat[i], workday(month, 10), "K3", NULL, 0, &v)) == 1)
		i++;
	n += rc == 0 && i < d->npat;
	/* B again on a chronic code: a patient with I10 earlier this year */
	sqlite3_stmt *st = db_prepare(d->db, "SELECT k.pasien_id FROM kunjungan k JOIN diagnosis g ON g.kunjungan_id = k.id"
				      " WHERE g.icd10 = 'I10' AND k.tanggal >= ?1 AND k.tanggal < ?2 ORDER BY k.id LIMIT 1", d->err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, year, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, day, -1, SQLITE_STATIC);
	struct patient p;
	if (rc == 0 && sqlite3_step(st) == SQLITE_ROW && patient_get(d->db, sqlite3_column_int64(st, 0), &p) == 1 &&
	    (rc = plant_visit(d, &p, workday(month, 12), "IGD", "I10", 'B', &v)) == 0)
		n++;
	sqlite3_finalize(st);
	/* a man with an ANC form */
	for (i = 0; rc >= 0 && i < d->npat; i++) {
		struct date born;
		struct age a;
		if (d->pat[i].sex != 'L' || date_parse(d->pat[i].tanggal_lahir, &born) != 0 ||
		    age_at(born, month, &a) != 0 || a.years < 20 || a.years > 50)
			continue;
		if ((rc = plant_visit(d, &d->pat[i], workday(month, 14), "K2", "Z34.9", 0, &v)) == 0) {
			n++;
			rc = paths_anc_form(d, &v, 1, date_to_days(workday(month, 14)) - 70);
			break;
		}
	}
	/* an ANC contact out of order: the latest contact before the 18th told again
	 * under the same HPHT by another desk */
	st = rc < 0 ? NULL : db_prepare(d->db, "SELECT k.pasien_id, a.kontak, a.hpht FROM f_anc a JOIN kunjungan k ON"
					" k.id = a.kunjungan_id WHERE k.tanggal < ?1 AND a.hpht IS NOT NULL"
					" ORDER BY k.tanggal DESC, k.id DESC LIMIT 20", d->err);
	date_format(workday(month, 18), day);
	if (st)
		sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	int planted = 1;
	while (st && planted == 1 && sqlite3_step(st) == SQLITE_ROW) {
		struct date hpht;
		if (patient_get(d->db, sqlite3_column_int64(st, 0), &p) != 1 ||
		    date_parse((const char *)sqlite3_column_text(st, 2), &hpht) != 0)
			continue;
		planted = plant_visit(d, &p, workday(month, 18), "K2", "Z34.9", 0, &v);
		if (planted == 0 && paths_anc_form(d, &v, sqlite3_column_int(st, 1), date_to_days(hpht)) != 0)
			planted = -1;
	}
	sqlite3_finalize(st);
	if (planted < 0 || (rc >= 0 && !st))
		rc = -1;
	n += planted == 0;
	/* registered again: the same name and birth date, no NIK or BPJS card told */
	struct patient twice = d->pat[d->npat / 2];
	twice.no_rm[0] = twice.nik[0] = twice.no_bpjs[0] = '\0';
	str_copy(twice.penjamin, sizeof twice.penjamin, "UMUM");
	/* and an old woman who knew only her age: born "1 July" */
	struct patient guess = { .sex = 'P', .lahir_perkiraan = 1, .penjamin = "UMUM" };
	str_copy(guess.nama, sizeof guess.nama, "Mak Icih");
	date_format((struct date){ month.y - 72, 7, 1 }, guess.tanggal_lahir);
	str_copy(guess.alamat, sizeof guess.alamat, "Kp. Babakan RT 02/03");
	str_copy(guess.desa, sizeof guess.desa, "Babakan");
	if (rc >= 0 && (patient_insert(d->db, &twice, d->err) != 0 || patient_insert(d->db, &guess, d->err) != 0))
		rc = -1;
	if (rc >= 0 && (rc = plant_visit(d, &twice, workday(month, 16), "K3", "K29.7", 0, &v)) == 0 &&
	    (rc = plant_visit(d, &guess, workday(month, 17), "K3", "M54.5", 0, &v)) == 0)
		n += 2;
	if (rc < 0)
		return -1;
	char shown[8];
	sb_printf(done, "demo: %d kesalahan data untuk Periksa data di bulan %s\n", n, month_show(month, shown));
	return 0;
}

/* One user per role, their passwords printed at the end: the demo opens
 * straight to the log-in (no first administrator to make) and each screen can
 * be seen as its role sees it. Kept: users already there. */
static const struct {
	const char *nama, *nama_lengkap, *peran, *units, *sandi;
} demo_users[] = {
	{ "admin", "Administrator Demo", "ADMIN", "", "Kepala-Pkm1" },
	{ "daftar", "Petugas Pendaftaran", "PENDAFTARAN", "", "Loket-Pagi2" },
	{ "nakes", "Tenaga Kesehatan", "NAKES", "K1 K2 K3 K4 IGD LAB RANAP GIGI", "Periksa-K3x" },
	{ "farmasi", "Petugas Farmasi", "FARMASI", "", "Resep-Obat3" },
	{ "data", "Petugas Pelaporan", "PELAPORAN", "", "Lapor-Bulan4" },
};

static int make_users(sqlite3 *db, struct sbuf *done, struct sbuf *err)
{
	if (user_count(db) != 0) {
		sb_add(done, "pengguna yang sudah ada tetap; tidak ada pengguna demo\n");
		return 0;
	}
	sb_add(done, "pengguna demo (nama, kata sandi, peran):\n");
	for (size_t i = 0; i < ARRAY_LEN(demo_users); i++) {
		struct user_input in = { demo_users[i].nama, demo_users[i].nama_lengkap, demo_users[i].peran,
					 demo_users[i].units, demo_users[i].sandi, demo_users[i].sandi, NULL };
		struct user u;
		struct field_errors fe = { 0 };
		if (user_check(db, &in, 0, &u, &fe) != 0) {
			sb_printf(err, "pengguna demo %s: %s", in.nama, fe.n ? fe.e[0].msg : "tidak sah");
			return -1;
		}
		if (user_save(db, &u, in.password, err) != 0)
			return -1;
		sb_printf(done, "  %-8s %-13s %s\n", u.nama, in.password, u.peran);
	}
	return 0;
}

/* An identity for the reports' heading and signature block: the configuration's
 * fields, the demo's where it has none. Kept: an identity already saved. */
static int make_identity(sqlite3 *db, const struct pkm_config *cfg, struct sbuf *err)
{
	static const char *const demo_id[PKM_ID_FIELDS] = {
		"PUSKESMAS SUKAMAJU", "P3204100101", "Jl. Raya Sukamaju No. 1", "Cicalengka", "Bandung",
		"dr. Rina Marlina", "198001012006042001", "Asep Saepudin", "198505052010011002" };
	struct puskesmas p;
	int had = puskesmas_read(db, &p, err);
	if (had != 0)
		return had < 0 ? -1 : 0;
	puskesmas_from_cfg(cfg, &p);
	for (int i = 0; i < PKM_ID_FIELDS; i++)
		if (!p.v[i][0])
			str_copy(p.v[i], sizeof p.v[i], demo_id[i]);
	struct pkm_config copy = *cfg;
	struct field_errors fe = { 0 };
	if (puskesmas_save(db, &p, &copy, &fe, err) != 0) {
		if (fe.n)
			sb_printf(err, "identitas puskesmas demo: %s: %s", fe.e[0].column, fe.e[0].msg);
		return -1;
	}
	return 0;
}

int demo_fill(sqlite3 *db, const struct pkm_config *cfg, const struct demo_opts *o, struct sbuf *done,
	      struct sbuf *err)
{
	if (db_query_long(db, "SELECT COUNT(*) FROM pasien", 1) != 0) {
		sb_printf(err, "database ini sudah berisi data; demo hanya untuk database baru");
		return -1;
	}
	rng_state = o->seed;
	/* the records are the demo's: its saves are in the trail under its name */
	db_set_user(db, "demo");
	struct demo d = { .db = db, .cfg = cfg, .o = o, .err = err };
	struct date first = date_from_days(date_to_days(o->end) - 365L * o->years);
	char day[11];
	date_format(first, day);
	int rc = make_patients(&d, first);
	if (rc == 0)
		rc = demo_desa_master(&d);
	if (rc == 0)
		rc = paths_plan(&d, first, o->end);
	if (rc == 0 && (db_begin(db) != 0 || put_drugs(&d, day) != 0 || db_commit(db) != 0)) {
		db_rollback(db);
		rc = -1;
	}
	if (rc == 0)
		rc = prepare_forms(&d);
	if (rc == 0)
		rc = run_days(&d, first, o->end);
	struct sbuf planted = { 0 };
	if (rc == 0)
		rc = demo_desa_targets(&d, first, o->end, &planted);
	if (rc == 0 && db_begin(db) == 0) {
		if (plant_errors(&d, o->end, &planted) != 0 || demo_rekam(&d) != 0 || db_commit(db) != 0) {
			db_rollback(db);
			rc = -1;
		}
	} else if (rc == 0) {
		sb_printf(err, "%s", db_busy_text(db));
		rc = -1;
	}
	for (int i = 0; i < F_N; i++)
		sqlite3_finalize(d.form[i]);
	paths_free(&d);
	free(d.pat);
	if (rc != 0) {
		sb_free(&planted);
		return -1;
	}
	char from[11];
	sb_printf(done, "demo: %d pasien, %ld kunjungan, %ld diagnosis, %ld baris resep (%ld diserahkan sebagian karena "
			"stok kurang), %s s.d. %02d-%02d-%04d\n", o->patients, d.visits, d.diags, d.lines, d.short_stock,
		  date_show(day, from), o->end.d, o->end.m, o->end.y);
	sb_add(done, sb_str(&planted));
	sb_free(&planted);
	return make_identity(db, cfg, err) == 0 ? make_users(db, done, err) : -1;
}
