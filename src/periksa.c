/* Checks before signing a month: each check reads the month through the
 * service-date index, and the report rows' movement is taken from the reports'
 * own counting (lb1_build, rowdef_count), never counted again here. */
#include "pkm/periksa.h"
#include "pkm/csv.h"
#include "pkm/db.h"
#include "pkm/dict.h"
#include "pkm/lb1.h"
#include "pkm/output.h"
#include "pkm/patient.h"
#include "pkm/rowdef.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* What one check run needs: the month as ISO bounds and the result. */
struct run {
	sqlite3 *db;
	const struct pkm_config *cfg;
	struct date first, next, today;
	char from[11], to[11];	/* [from, to): the month's days */
	struct periksa *out;
	struct sbuf *err;
};

const char *periksa_level_name(enum periksa_level l) { return l == PERIKSA_KESALAHAN ? "kesalahan" : "perhatian"; }

static struct periksa_finding *finding(struct run *r, enum periksa_level level, const char *check, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static struct periksa_finding *finding(struct run *r, enum periksa_level level, const char *check, const char *fmt, ...)
{
	struct periksa *p = r->out;
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 16;
		p->f = xrealloc(p->f, (size_t)p->cap * sizeof *p->f);
	}
	struct periksa_finding *f = &p->f[p->n++];
	memset(f, 0, sizeof *f);
	f->level = level;
	str_copy(f->check, sizeof f->check, check);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(f->title, sizeof f->title, fmt, ap);
	va_end(ap);
	return f;
}

/* A visit of a finding from a row that begins id, tanggal, no_rm, nama, unit. */
static struct periksa_visit *add_visit(struct periksa_finding *f, sqlite3_stmt *st)
{
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 8;
		f->v = xrealloc(f->v, (size_t)f->cap * sizeof *f->v);
	}
	struct periksa_visit *v = &f->v[f->n++];
	memset(v, 0, sizeof *v);
	v->id = sqlite3_column_int64(st, 0);
	db_col_text(st, 1, v->tanggal, sizeof v->tanggal);
	db_col_text(st, 2, v->no_rm, sizeof v->no_rm);
	db_col_text(st, 3, v->nama, sizeof v->nama);
	db_col_text(st, 4, v->unit, sizeof v->unit);
	return v;
}

/* The check's finding, the last one made, is dropped again when it listed no
 * visit (the check found nothing). */
static void drop_if_empty(struct run *r, const struct periksa_finding *f)
{
	if (f->n == 0)
		r->out->n--;
}

static sqlite3_stmt *month_stmt(struct run *r, const char *sql)
{
	sqlite3_stmt *st = db_prepare(r->db, sql, r->err);
	if (st) {
		sqlite3_bind_text(st, 1, r->from, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, r->to, -1, SQLITE_STATIC);
	}
	return st;
}

#define VISIT_COLS "k.id, k.tanggal, p.no_rm, p.nama, k.unit"
#define IN_MONTH "k.tanggal >= ?1 AND k.tanggal < ?2 AND k.batal IS NULL"

/* Supporting units record results, not diagnoses (the laboratory, the
 * pharmacy): their visits are not expected to carry one. */
static int no_diagnosis(struct run *r)
{
	sqlite3_stmt *st = month_stmt(r, "SELECT " VISIT_COLS " FROM kunjungan k JOIN pasien p ON p.id = k.pasien_id"
				      " WHERE " IN_MONTH " AND k.unit NOT IN ('LAB', 'FARMASI')"
				      " AND NOT EXISTS (SELECT 1 FROM diagnosis d WHERE d.kunjungan_id = k.id)"
				      " ORDER BY k.tanggal, k.id");
	if (!st)
		return -1;
	struct periksa_finding *f = finding(r, PERIKSA_KESALAHAN, "tanpa_diagnosis",
					    "Kunjungan tanpa diagnosis: LB1 tidak menghitungnya");
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		str_copy(add_visit(f, st)->why, sizeof f->v[0].why, "belum ada diagnosis");
	drop_if_empty(r, f);
	return db_finish(r->db, st, rc, r->err);
}

/* README domain rule 2: a chronic category stays L after its first B. A B on
 * a chronic code the patient already had this year counts a new case twice. */
static int chronic_b(struct run *r)
{
	sqlite3_stmt *st = month_stmt(r, "SELECT " VISIT_COLS ", d.icd10, k.pasien_id FROM diagnosis d"
				      " JOIN kunjungan k ON k.id = d.kunjungan_id JOIN pasien p ON p.id = k.pasien_id"
				      " WHERE " IN_MONTH " AND d.kasus = 'B' ORDER BY k.tanggal, k.id");
	sqlite3_stmt *before = db_prepare(r->db, "SELECT k.tanggal, d.icd10 FROM kunjungan k"
					  " JOIN diagnosis d ON d.kunjungan_id = k.id WHERE k.pasien_id = ?1"
					  " AND k.batal IS NULL AND substr(d.icd10, 1, 3) = ?2 AND k.tanggal >= ?3"
					  " AND (k.tanggal < ?4 OR (k.tanggal = ?4 AND k.id < ?5))"
					  " ORDER BY k.tanggal, k.id LIMIT 1", r->err);
	if (!st || !before) {
		sqlite3_finalize(st);
		sqlite3_finalize(before);
		return -1;
	}
	char year[11];
	snprintf(year, sizeof year, "%04d-01-01", r->first.y);
	struct periksa_finding *f = finding(r, PERIKSA_KESALAHAN, "kasus_kronis",
					    "Kasus B pada penyakit kronis yang sudah tercatat tahun ini (seharusnya L)");
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char code[ICD_LEN], day[11], cat[4];
		db_col_text(st, 5, code, sizeof code);
		if (!chronic_has(&r->cfg->chronic, code))
			continue;
		db_col_text(st, 1, day, sizeof day);
		snprintf(cat, sizeof cat, "%.3s", code);
		sqlite3_bind_int64(before, 1, sqlite3_column_int64(st, 6));
		sqlite3_bind_text(before, 2, cat, -1, SQLITE_STATIC);
		sqlite3_bind_text(before, 3, year, -1, SQLITE_STATIC);
		sqlite3_bind_text(before, 4, day, -1, SQLITE_STATIC);
		sqlite3_bind_int64(before, 5, sqlite3_column_int64(st, 0));
		int found = sqlite3_step(before);
		if (found != SQLITE_ROW && found != SQLITE_DONE) {
			rc = found;	/* the history unread: no guess */
			sqlite3_reset(before);
			break;
		}
		if (found == SQLITE_ROW) {
			char first[11], shown[11], had[ICD_LEN];
			db_col_text(before, 0, first, sizeof first);
			db_col_text(before, 1, had, sizeof had);
			struct periksa_visit *v = add_visit(f, st);
			snprintf(v->why, sizeof v->why, "%s B; %s sudah tercatat %s", code, had, date_show(first, shown));
		}
		sqlite3_reset(before);
	}
	sqlite3_finalize(before);
	drop_if_empty(r, f);
	return db_finish(r->db, st, rc, r->err);
}

/* A stored form row whose patient is outside the form's own sex and age
 * bounds (the form files: ANC and persalinan P 10-55 years, imunisasi under 60
 * months, lansia from 60 years, ...): a form saved before a birth date or sex
 * was corrected, or imported. */
static int form_mismatch(struct run *r, const struct form *fm)
{
	if (strcmp(fm->key, "kunjungan_id") != 0 || !(fm->sex || fm->age_min.unit || fm->age_max.unit))
		return 0;
	struct sbuf sql = { 0 };
	sb_printf(&sql, "SELECT " VISIT_COLS ", p.jenis_kelamin, k.umur_tahun, k.umur_bulan, k.umur_hari,"
			" k.umur_total_hari FROM \"%s\" t JOIN kunjungan k ON k.id = t.kunjungan_id"
			" JOIN pasien p ON p.id = k.pasien_id WHERE " IN_MONTH " ORDER BY k.tanggal, k.id", fm->table);
	sqlite3_stmt *st = month_stmt(r, sb_str(&sql));
	sb_free(&sql);
	if (!st)
		return -1;
	char target[160];
	form_describe_target(fm, target, sizeof target);
	struct periksa_finding *f = finding(r, PERIKSA_KESALAHAN, "formulir", "Formulir %s tidak sesuai pasien (untuk %s)",
					    fm->title, target);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *sex = (const char *)sqlite3_column_text(st, 5);
		struct age a = { sqlite3_column_int(st, 6), sqlite3_column_int(st, 7), sqlite3_column_int(st, 8),
				 sqlite3_column_int64(st, 9) };
		char s = sex ? sex[0] : '?', shown[16];
		if (form_fits_patient(fm, s, &a))
			continue;
		struct periksa_visit *v = add_visit(f, st);
		snprintf(v->why, sizeof v->why, "%s, %s", s == 'L' ? "laki-laki" : "perempuan", age_show(&a, shown, sizeof shown));
	}
	drop_if_empty(r, f);
	return db_finish(r->db, st, rc, r->err);
}

/* KB by a method of the other sex (KB dalam JKN, BKKBN): MOP is a man's,
 * IUD, implant, injection, pill and MOW a woman's; a condom either's (the
 * couple's method). */
static int kb_method(struct run *r)
{
	sqlite3_stmt *st = month_stmt(r, "SELECT " VISIT_COLS ", t.metode, p.jenis_kelamin FROM f_kb t"
				      " JOIN kunjungan k ON k.id = t.kunjungan_id JOIN pasien p ON p.id = k.pasien_id"
				      " WHERE " IN_MONTH " AND ((t.metode = 'MOP' AND p.jenis_kelamin = 'P') OR"
				      " (t.metode IN ('IUD', 'IMPLAN', 'SUNTIK', 'PIL', 'MOW') AND p.jenis_kelamin = 'L'))"
				      " ORDER BY k.tanggal, k.id");
	if (!st)
		return -1;
	struct periksa_finding *f = finding(r, PERIKSA_KESALAHAN, "kb_metode", "KB dengan metode untuk jenis kelamin lain");
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char code[24], label[80];
		db_col_text(st, 5, code, sizeof code);
		const char *sex = (const char *)sqlite3_column_text(st, 6);
		struct periksa_visit *v = add_visit(f, st);
		snprintf(v->why, sizeof v->why, "metode %s untuk %s", dict_label(r->db, "f_kb", "metode", code, label, sizeof label),
			 sex && *sex == 'L' ? "laki-laki" : "perempuan");
	}
	drop_if_empty(r, f);
	return db_finish(r->db, st, rc, r->err);
}

/* ANC contacts of one pregnancy are counted on (K1 = 1, K4 = 4 ...): a contact
 * whose number is not above the patient's previous ANC contact under the same
 * HPHT, or whose HPHT differs from the previous one's by less than 40 weeks (one
 * pregnancy told with two HPHTs), makes K1-K6 count wrong. */
static int anc_order(struct run *r)
{
	sqlite3_stmt *st = month_stmt(r, "SELECT " VISIT_COLS ", a.kontak, a.hpht, pa.kontak, pa.hpht, pk.tanggal"
				      " FROM f_anc a JOIN kunjungan k ON k.id = a.kunjungan_id JOIN pasien p ON p.id = k.pasien_id"
				      " JOIN kunjungan pk ON pk.id = (SELECT e.id FROM kunjungan e JOIN f_anc x ON"
				      " x.kunjungan_id = e.id WHERE e.pasien_id = k.pasien_id AND e.batal IS NULL AND"
				      " (e.tanggal < k.tanggal OR (e.tanggal = k.tanggal AND e.id < k.id))"
				      " ORDER BY e.tanggal DESC, e.id DESC LIMIT 1) JOIN f_anc pa ON pa.kunjungan_id = pk.id"
				      " WHERE " IN_MONTH " AND a.hpht IS NOT NULL AND pa.hpht IS NOT NULL AND"
				      " ((a.hpht = pa.hpht AND a.kontak <= pa.kontak) OR"
				      " (a.hpht <> pa.hpht AND abs(julianday(a.hpht) - julianday(pa.hpht)) < 280))"
				      " ORDER BY k.tanggal, k.id");
	if (!st)
		return -1;
	struct periksa_finding *f = finding(r, PERIKSA_KESALAHAN, "anc_urutan",
					    "Kontak ANC tidak berurutan dalam satu kehamilan: K1-K6 terhitung keliru");
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char hpht[11], prev_hpht[11], prev_day[11], s1[11], s2[11], s3[11];
		db_col_text(st, 6, hpht, sizeof hpht);
		db_col_text(st, 8, prev_hpht, sizeof prev_hpht);
		db_col_text(st, 9, prev_day, sizeof prev_day);
		int kontak = sqlite3_column_int(st, 5), prev = sqlite3_column_int(st, 7);
		struct periksa_visit *v = add_visit(f, st);
		if (strcmp(hpht, prev_hpht) == 0)
			snprintf(v->why, sizeof v->why, "kontak %d setelah kontak %d tanggal %s (HPHT sama %s)", kontak, prev,
				 date_show(prev_day, s1), date_show(hpht, s2));
		else
			snprintf(v->why, sizeof v->why, "HPHT %s, kontak %d tanggal %s dengan HPHT %s (selisih < 40 minggu)",
				 date_show(hpht, s1), prev, date_show(prev_day, s2), date_show(prev_hpht, s3));
	}
	drop_if_empty(r, f);
	return db_finish(r->db, st, rc, r->err);
}

/* README domain rule 1: an unknown birth date is estimated as 1 July, flagged
 * (pasien.lahir_perkiraan); the age bands of such a visit may be wrong. */
static int estimated_birth(struct run *r)
{
	sqlite3_stmt *st = month_stmt(r, "SELECT " VISIT_COLS ", p.tanggal_lahir FROM kunjungan k"
				      " JOIN pasien p ON p.id = k.pasien_id WHERE " IN_MONTH " AND p.lahir_perkiraan = 1"
				      " ORDER BY k.tanggal, k.id");
	if (!st)
		return -1;
	struct periksa_finding *f = finding(r, PERIKSA_PERHATIAN, "lahir_perkiraan",
					    "Tanggal lahir perkiraan: kelompok umur mungkin keliru");
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char born[11], shown[11];
		db_col_text(st, 5, born, sizeof born);
		struct periksa_visit *v = add_visit(f, st);
		snprintf(v->why, sizeof v->why, "lahir %s (perkiraan)", date_show(born, shown));
	}
	drop_if_empty(r, f);
	return db_finish(r->db, st, rc, r->err);
}

static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return (x > y) - (x < y);
}

/* The month's new patients (first visit ever in this month) that the
 * registration's own duplicate check (patient_duplicates: same name and birth
 * date, or same No. BPJS; a NIK is unique in pasien) matches with another. A
 * pair of two new patients is told once, at the later one. */
static int duplicates(struct run *r)
{
	sqlite3_stmt *st = month_stmt(r, "SELECT k.id, k.tanggal, p.no_rm, p.nama, k.unit, p.id FROM kunjungan k"
				      " JOIN pasien p ON p.id = k.pasien_id WHERE " IN_MONTH
				      " AND NOT EXISTS (SELECT 1 FROM kunjungan e WHERE e.pasien_id = k.pasien_id"
				      " AND e.batal IS NULL AND (e.tanggal < k.tanggal OR (e.tanggal = k.tanggal AND e.id < k.id)))"
				      " ORDER BY k.tanggal, k.id");
	if (!st)
		return -1;
	/* first the new patients' ids, so a pair of two new ones is told once */
	long *ids = NULL;
	int n = 0, cap = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap)
			ids = xrealloc(ids, (size_t)(cap = cap ? cap * 2 : 256) * sizeof *ids);
		ids[n++] = sqlite3_column_int64(st, 5);
	}
	if (n)
		qsort(ids, (size_t)n, sizeof *ids, cmp_long);
	struct periksa_finding *f = finding(r, PERIKSA_PERHATIAN, "pasien_ganda",
					    "Pasien baru bulan ini yang mirip pasien lain (mungkin terdaftar dua kali)");
	int first = rc;
	sqlite3_reset(st);
	while (first == SQLITE_DONE && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct patient p, same[8];
		int m = patient_get(r->db, sqlite3_column_int64(st, 5), &p) == 1 ? patient_duplicates(r->db, &p, same, 8) : -1;
		if (m < 0) {
			rc = SQLITE_ERROR;	/* db_finish tells why */
			break;
		}
		for (int i = 0; i < m; i++) {
			int both_new = n && bsearch(&same[i].id, ids, (size_t)n, sizeof *ids, cmp_long) != NULL;
			if (same[i].id == p.id || (both_new && same[i].id > p.id))
				continue;
			char born[11];
			struct periksa_visit *v = add_visit(f, st);
			snprintf(v->why, sizeof v->why, "%s No. RM %s, %s, lahir %s",
				 p.no_bpjs[0] && strcmp(p.no_bpjs, same[i].no_bpjs) == 0 ? "No. BPJS sama dengan"
											 : "nama dan tanggal lahir sama dengan",
				 same[i].no_rm, same[i].nama, date_show(same[i].tanggal_lahir, born));
		}
	}
	free(ids);
	drop_if_empty(r, f);
	return db_finish(r->db, st, rc, r->err);
}

/* One report row over four months: [0..2] the three before, [3] this one. */
struct series {
	char report[8], key[32], label[160];
	long v[4];
};

/* A row that moved more than [periksa] lonjakan % against the mean of the
 * three months before; only counts of at least 10 (this month or the mean). */
static void jump(struct run *r, const struct series *s)
{
	double mean = (s->v[0] + s->v[1] + s->v[2]) / 3.0, now = (double)s->v[3];
	if ((now < 10 && mean < 10) || (mean > 0 && (now > mean ? now - mean : mean - now) * 100 <= mean * r->cfg->lonjakan))
		return;
	char pct[32] = "baru", avg[24];
	if (mean > 0)
		snprintf(pct, sizeof pct, "%+.0f %%", (now - mean) * 100 / mean);
	snprintf(avg, sizeof avg, "%.1f", mean);
	avg[strcspn(avg, ".")] = ',';	/* a decimal comma, as every number people read */
	finding(r, PERIKSA_PERHATIAN, "lonjakan", "%s %s %.80s: %ld, rata-rata 3 bulan sebelumnya %s (%s)", s->report,
		s->key, s->label, s->v[3], avg, pct);
}

static struct date month_back(struct date first, int k)
{
	int m = first.y * 12 + (first.m - 1) - k;
	return (struct date){ m / 12, m % 12 + 1, 1 };
}

static struct series *series_find(struct series **all, int *n, int *cap, const char *report, const char *key,
				  const char *label)
{
	for (int i = 0; i < *n; i++)
		if (strcmp((*all)[i].key, key) == 0 && strcmp((*all)[i].report, report) == 0)
			return &(*all)[i];
	if (*n == *cap)
		*all = xrealloc(*all, (size_t)(*cap = *cap ? *cap * 2 : 256) * sizeof **all);
	struct series *s = &(*all)[(*n)++];
	memset(s, 0, sizeof *s);
	str_copy(s->report, sizeof s->report, report);
	str_copy(s->key, sizeof s->key, key);
	str_copy(s->label, sizeof s->label, label);
	return s;
}

/* LB1 rows (the configured layout) and LB3/LB4 rows by their Jumlah, each
 * month from the report's own build. */
static int jumps(struct run *r)
{
	/* a month without any visit (before the records began) is no baseline:
	 * every row would "jump" against it */
	sqlite3_stmt *st = db_prepare(r->db, "SELECT 1 FROM kunjungan WHERE tanggal >= ? AND tanggal < ? LIMIT 1", r->err);
	if (!st)
		return -1;
	int covered = 0;
	for (int k = 1; k <= 3; k++) {
		char from[11], to[11];
		sqlite3_bind_text(st, 1, date_format(month_back(r->first, k), from), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, date_format(month_back(r->first, k - 1), to), -1, SQLITE_STATIC);
		covered += sqlite3_step(st) == SQLITE_ROW;
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	if (covered < 3)
		return 0;
	struct series *all = NULL;
	int n = 0, cap = 0, rc = 0;
	static const char *const defs[] = { "lb3", "lb4" };
	struct rowdef d[2];
	int loaded[2] = { 0, 0 };
	for (int i = 0; i < 2; i++) {
		char path[PATH_MAX];
		struct sbuf why = { 0 };
		rowdef_path(r->cfg, defs[i], path, sizeof path);
		loaded[i] = rowdef_load(r->db, path, &d[i], &why) == 0;
		if (!loaded[i])
			rowdef_free(&d[i]);	/* a broken definition: its report says so itself */
		sb_free(&why);
	}
	for (int k = 0; k < 4 && rc == 0; k++) {
		char key[8];
		month_key(month_back(r->first, 3 - k), key);
		struct lb1 b;
		if ((rc = lb1_build(r->db, key, r->cfg->lb1_layout, &b, r->err)) != 0)
			break;
		for (int i = 0; i < b.nrows; i++) {
			long sum = 0;
			for (int x = 0; x < BAND_MAX; x++)
				for (int c = 0; c < KASUS_N; c++)
					for (int s = 0; s < SEX_N; s++)
						sum += b.rows[i].cell[x][c][s];
			series_find(&all, &n, &cap, "LB1", b.rows[i].key, b.rows[i].nama)->v[k] = sum;
		}
		lb1_free(&b);
		for (int j = 0; j < 2 && rc == 0; j++) {
			struct rd_result res;
			if (!loaded[j] || (rc = rowdef_count(r->db, r->cfg, &d[j], key, &res, r->err)) != 0)
				continue;
			/* Jumlah: the third cell by sex, else the first */
			int c = d[j].columns == RD_BY_SEX ? 2 : 0;
			for (int i = 0; i < d[j].n; i++)
				if (!d[j].rows[i].head && d[j].rows[i].count != CNT_TARGET && res.v[i][c] != CELL_NA)
					series_find(&all, &n, &cap, j ? "LB4" : "LB3", d[j].rows[i].id, d[j].rows[i].label)->v[k] =
						res.v[i][c];
			rd_result_free(&res);
		}
	}
	for (int i = 0; i < n && rc == 0; i++)
		jump(r, &all[i]);
	for (int i = 0; i < 2; i++)
		if (loaded[i])
			rowdef_free(&d[i]);
	free(all);
	return rc;
}

static int lb4_entry(struct run *r)
{
	sqlite3_stmt *st = db_prepare(r->db, "SELECT 1 FROM lb4_agregat WHERE bulan = ?", r->err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, r->first.y * 100L + r->first.m);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_DONE)
		finding(r, PERIKSA_KESALAHAN, "lb4_agregat",
			"Isian bulanan LB4 (penyuluhan, posyandu, kesling, UKS) belum diisi: Laporan, F6");
	return db_finish(r->db, st, rc == SQLITE_ROW ? SQLITE_DONE : rc, r->err);
}

int periksa_month(sqlite3 *db, const struct pkm_config *cfg, const struct form_set *forms, const char *month,
		  struct date today, struct periksa *out, struct sbuf *err)
{
	memset(out, 0, sizeof *out);
	struct run r = { .db = db, .cfg = cfg, .today = today, .out = out, .err = err };
	char shown[8];
	if (month_parse(month, &r.first, &r.next) != 0) {
		sb_printf(err, "bulan tidak sah: '%s' (%s)", month, MONTH_HINT);
		return -1;
	}
	if (date_cmp(today, r.first) < 0) {
		sb_printf(err, "bulan %s belum dimulai", month_show(r.first, shown));
		return -1;
	}
	month_key(r.first, out->month);
	date_format(r.first, r.from);
	date_format(r.next, r.to);
	int token = db_read_begin(db, err);
	if (token < 0)
		return -1;
	/* the checks in the order they are listed: every kesalahan, then every perhatian */
	int rc = no_diagnosis(&r) || chronic_b(&r) ? -1 : 0;
	for (int i = 0; rc == 0 && forms && i < forms->n; i++)
		rc = form_mismatch(&r, &forms->forms[i]);
	/* a month still running is half counted: no row of it "jumps" */
	int running = date_cmp(today, r.next) < 0;
	rc = rc || kb_method(&r) || anc_order(&r) || lb4_entry(&r) || estimated_birth(&r) || duplicates(&r) || (!running && jumps(&r)) ? -1 : 0;
	if (rc == 0 && running)
		finding(&r, PERIKSA_PERHATIAN, "bulan_berjalan", "Bulan %s belum berakhir: angkanya masih bertambah",
			month_show(r.first, shown));
	if (db_read_end(db, token, err) != 0)
		rc = -1;
	if (rc != 0) {
		periksa_free(out);
		return -1;
	}
	for (int i = 0; i < out->n; i++)
		out->f[i].level == PERIKSA_KESALAHAN ? out->errors++ : out->warnings++;
	return 0;
}

void periksa_free(struct periksa *p)
{
	for (int i = 0; i < p->n; i++)
		free(p->f[i].v);
	free(p->f);
	p->f = NULL;
	p->n = p->cap = 0;
}

void periksa_visit_line(const struct periksa_visit *v, struct sbuf *out)
{
	char day[11];
	sb_printf(out, "%s %-8s ", date_show(v->tanggal, day), v->no_rm);
	/* the name padded to 22 columns by its width, never cut (escaped first:
	 * an escape is wider than what it shows) */
	struct sbuf name = { 0 };
	text_visible(&name, v->nama, strlen(v->nama), "");
	sb_add(out, sb_str(&name));
	sb_pad(out, ' ', 22 - utf8_width(sb_str(&name)));
	sb_printf(out, " %-5s", v->unit);
	sb_free(&name);
}

void periksa_text(const struct periksa *p, struct sbuf *out)
{
	struct date first, next;
	char shown[8];
	month_parse(p->month, &first, &next);
	sb_printf(out, "Periksa data bulan %s: %d kesalahan, %d perhatian\n", month_show(first, shown), p->errors,
		  p->warnings);
	for (int i = 0; i < p->n; i++) {
		const struct periksa_finding *f = &p->f[i];
		struct sbuf line = { 0 };
		sb_printf(&line, "%s: %s", f->level == PERIKSA_KESALAHAN ? "KESALAHAN" : "PERHATIAN", f->title);
		if (f->n)
			sb_printf(&line, " (%d kunjungan)", f->n);
		sb_addc(out, '\n');
		for (int k = 0; k <= f->n; k++) {	/* stored names are shown, never obeyed */
			text_visible(out, line.s, line.len, "");
			sb_addc(out, '\n');
			sb_reset(&line);
			if (k == f->n)
				break;
			sb_add(&line, "  ");
			periksa_visit_line(&f->v[k], &line);
			sb_printf(&line, " %s", f->v[k].why);
		}
		sb_free(&line);
	}
	if (!p->n)
		sb_add(out, "Tidak ada temuan.\n");
}

void periksa_csv(const struct periksa *p, FILE *f)
{
	fputs("tingkat,periksa,temuan,kunjungan_id,tanggal,no_rm,nama,unit,keterangan\n", f);
	for (int i = 0; i < p->n; i++) {
		const struct periksa_finding *x = &p->f[i];
		for (int k = 0; k < (x->n ? x->n : 1); k++) {
			const struct periksa_visit *v = x->n ? &x->v[k] : NULL;
			fprintf(f, "%s,%s,", periksa_level_name(x->level), x->check);
			csv_write_field(f, x->title);
			if (v) {
				fprintf(f, ",%ld,%s,", v->id, v->tanggal);
				csv_write_field(f, v->no_rm);
				fputc(',', f);
				csv_write_field(f, v->nama);
				fprintf(f, ",%s,", v->unit);
				csv_write_field(f, v->why);
			} else {
				fputs(",,,,,,", f);
			}
			fputc('\n', f);
		}
	}
}
