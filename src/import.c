#include "pkm/import.h"
#include "pkm/db.h"
#include "pkm/dict.h"
#include "pkm/sheet.h"
#include "pkm/patient.h"
#include "pkm/visit.h"
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

int import_pasien(sqlite3 *db, const char *path, const struct sheet_opts *o, struct sbuf *done, struct sbuf *err)
{
	static const char *const required[] = { "nama", "jenis_kelamin", "tanggal_lahir", NULL };
	struct sheet s;
	if (sheet_read(&s, path, required, o, err) != 0 || begin_check(&s, db) != 0)
		return finish_errors(&s);
	int c_rm = col_of(&s, "no_rm"), c_nik = col_of(&s, "nik"), c_bpjs = col_of(&s, "no_bpjs");
	int c_nama = col_of(&s, "nama"), c_jk = col_of(&s, "jenis_kelamin"), c_tgl = col_of(&s, "tanggal_lahir");
	int c_alamat = col_of(&s, "alamat"), c_desa = col_of(&s, "desa"), c_pj = col_of(&s, "penjamin");
	int c_hp = col_of(&s, "no_hp"), c_ibu = col_of(&s, "nama_ibu"), c_kk = col_of(&s, "no_kk");
	int c_rtrw = col_of(&s, "rt_rw");
	struct patient *ps = xcalloc((size_t)s.nrows, sizeof *ps);
	for (int r = 0; r < s.nrows; r++) {
		const char *pj = cell(&s, r, c_pj);
		struct patient_input in = {
			.no_rm = cell(&s, r, c_rm), .nik = cell(&s, r, c_nik), .no_bpjs = cell(&s, r, c_bpjs),
			.nama = cell(&s, r, c_nama), .jenis_kelamin = cell(&s, r, c_jk),
			.tanggal_lahir = cell(&s, r, c_tgl), .alamat = cell(&s, r, c_alamat),
			.desa = cell(&s, r, c_desa), .penjamin = *pj ? pj : "UMUM", .no_hp = cell(&s, r, c_hp),
			.nama_ibu = cell(&s, r, c_ibu), .no_kk = cell(&s, r, c_kk), .rt_rw = cell(&s, r, c_rtrw),
		};
		struct field_errors fe;
		strict_date(&s, r, in.tanggal_lahir, "tanggal_lahir");
		if (patient_check(db, &in, &ps[r], &fe, NULL, 0) != 0)
			for (int i = 0; i < fe.n; i++)
				problem(&s, s.lines[r], fe.e[i].column, "%s", fe.e[i].msg);
		/* already in the database (twice in the file: below) */
		struct patient old;
		if (ps[r].no_rm[0] && patient_by_rm(db, ps[r].no_rm, &old) == 1)
			problem(&s, s.lines[r], "no_rm", "No. RM %s sudah terdaftar (%s)", ps[r].no_rm, old.nama);
		if (ps[r].nik[0] && patient_by_nik(db, ps[r].nik, &old) == 1)
			problem(&s, s.lines[r], "nik", "NIK %s sudah terdaftar (No. RM %s, %s)", ps[r].nik, old.no_rm, old.nama);
	}
	const char **keys = xcalloc((size_t)s.nrows + 1, sizeof *keys);
	for (int r = 0; r < s.nrows; r++)
		keys[r] = ps[r].no_rm;
	same_twice(&s, keys, "no_rm", "No. RM", 1);
	for (int r = 0; r < s.nrows; r++)
		keys[r] = ps[r].nik;
	same_twice(&s, keys, "nik", "NIK", 1);
	free(keys);
	if (s.nerr || begin_write(&s, db, 1) != 0) {
		db_rollback(db);
		free(ps);
		return finish_errors(&s);
	}
	for (int r = 0; r < s.nrows; r++) {
		struct sbuf why = { 0 };
		if (patient_insert(db, &ps[r], &why) != 0)
			problem(&s, s.lines[r], NULL, "%s", sb_str(&why));
		sb_free(&why);
		if (s.nerr)
			break;
	}
	char made[96] = "";
	long first = s.nrows ? ps[0].id : 0, last = s.nrows ? ps[s.nrows - 1].id : 0;
	if (s.nrows)
		snprintf(made, sizeof made, "pasien id %ld-%ld", first, last);
	free(ps);
	if (end_write(&s, db, "pasien", first, last, made) != 0)
		return finish_errors(&s);
	sb_printf(done, "%s: %d pasien diimpor\n", path, s.nrows);
	sheet_free(&s);
	return 0;
}

/* What a visit line needs of its patient: a whole struct patient per line made a
 * large import's memory several times larger. */
struct who {
	long id;
	char no_rm[24], tanggal_lahir[11], no_bpjs[16], penjamin[24];
};

static int who_by_rm(sqlite3 *db, const char *rm, struct who *w)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT id, tanggal_lahir, coalesce(no_bpjs, ''), penjamin FROM pasien "
				   "WHERE no_rm = ?", NULL);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, rm, -1, SQLITE_STATIC);
	int found = sqlite3_step(st) == SQLITE_ROW;
	if (found) {
		w->id = (long)sqlite3_column_int64(st, 0);
		str_copy(w->no_rm, sizeof w->no_rm, rm);
		db_col_text(st, 1, w->tanggal_lahir, sizeof w->tanggal_lahir);
		db_col_text(st, 2, w->no_bpjs, sizeof w->no_bpjs);
		db_col_text(st, 3, w->penjamin, sizeof w->penjamin);
	}
	sqlite3_reset(st);
	return found;
}

struct visit_line {
	int row;
	struct who p;
	char tanggal[11], unit[12], penjamin[24], icd[ICD_LEN], kasus;
};

static int by_date(const void *a, const void *b)
{
	const struct visit_line *x = a, *y = b;
	int c = strcmp(x->tanggal, y->tanggal);
	return c ? c : x->row - y->row;
}

static int same_visit(const struct visit_line *a, const struct visit_line *b)
{
	return a->p.id == b->p.id && strcmp(a->tanggal, b->tanggal) == 0 && strcmp(a->unit, b->unit) == 0;
}

static void check_visit_line(sqlite3 *db, struct sheet *s, int r, struct visit_line *v, int c[6])
{
	long line = s->lines[r];
	const char *rm = cell(s, r, c[0]);
	v->row = r;
	if (!*rm)
		problem(s, line, "no_rm", "No. RM wajib diisi");
	else if (r > 0 && v[-1].p.id && strcmp(v[-1].p.no_rm, rm) == 0)
		v->p = v[-1].p;	/* the next diagnosis of the same visit: same patient */
	else if (who_by_rm(db, rm, &v->p) != 1)
		problem(s, line, "no_rm", "pasien dengan No. RM %s tidak ada", rm);
	const char *fields[] = { "tanggal", "unit", "penjamin", "icd10", "kasus" };
	char *dst[] = { v->tanggal, v->unit, v->penjamin, v->icd, NULL };
	size_t size[] = { sizeof v->tanggal, sizeof v->unit, sizeof v->penjamin, sizeof v->icd, 0 };
	char kasus[4] = "";
	for (int i = 0; i < 5; i++) {
		const char *table = i < 3 ? "kunjungan" : "diagnosis";
		const char *value = cell(s, r, c[i + 1]);
		if (i == 0 && strict_date(s, r, value, "tanggal") != 0)
			continue;
		struct column_def def;
		if (i == 2 && !*value)
			continue;	/* no payer: the patient's own */
		if (i == 3 && !*value)
			continue;	/* a visit without a diagnosis */
		const char *err = dict_get(db, table, fields[i], &def) != 0 ? "kolom tidak ada di kamus data" :
				  dict_check(db, &def, value, dst[i] ? dst[i] : kasus, dst[i] ? size[i] : sizeof kasus);
		if (err)
			problem(s, line, fields[i], "%s", err);
	}
	v->kasus = kasus[0];
	if (!v->penjamin[0])
		str_copy(v->penjamin, sizeof v->penjamin, v->p.penjamin);
	struct date birth, day;
	if (date_parse(v->tanggal, &day) == 0 && date_cmp(day, date_today()) > 0)
		problem(s, line, "tanggal", "%s setelah hari ini", v->tanggal);
	else if (v->p.id && date_parse(v->tanggal, &day) == 0 && date_parse(v->p.tanggal_lahir, &birth) == 0 &&
		 date_cmp(day, birth) < 0)
		problem(s, line, "tanggal", "sebelum tanggal lahir pasien (%s)", v->p.tanggal_lahir);
}

int import_kunjungan(sqlite3 *db, const struct pkm_config *cfg, const char *path, const struct sheet_opts *o,
		     struct sbuf *done, struct sbuf *err)
{
	static const char *const required[] = { "no_rm", "tanggal", "unit", NULL };
	struct sheet s;
	if (sheet_read(&s, path, required, o, err) != 0 || begin_check(&s, db) != 0)
		return finish_errors(&s);
	int cols[6] = { col_of(&s, "no_rm"), col_of(&s, "tanggal"), col_of(&s, "unit"),
			col_of(&s, "penjamin"), col_of(&s, "icd10"), col_of(&s, "kasus") };
	struct visit_line *v = xcalloc((size_t)s.nrows, sizeof *v);
	for (int r = 0; r < s.nrows; r++)
		check_visit_line(db, &s, r, &v[r], cols);
	/* earlier visits first, so the case flags pre-filled from history are right */
	qsort(v, (size_t)s.nrows, sizeof *v, by_date);
	for (int i = 1; i < s.nrows; i++)
		for (int j = i - 1; j >= 0 && strcmp(v[j].tanggal, v[i].tanggal) == 0; j--)
			if (same_visit(&v[i], &v[j]) && *cell(&s, v[i].row, cols[3]) &&
			    strcmp(v[i].penjamin, v[j].penjamin) != 0) {
				problem(&s, s.lines[v[i].row], "penjamin", "berbeda dengan baris %ld untuk kunjungan yang sama",
					s.lines[v[j].row]);
				break;
			}
	if (s.nerr || begin_write(&s, db, 1) != 0) {
		db_rollback(db);
		free(v);
		return finish_errors(&s);
	}
	long first_visit = db_query_long(db, "SELECT coalesce(max(id), 0) + 1 FROM kunjungan", 0);
	long first_diag = db_query_long(db, "SELECT coalesce(max(id), 0) + 1 FROM diagnosis", 0);
	int visits = 0, diags = 0;
	struct visit cur = { 0 };
	for (int i = 0; i < s.nrows && !s.nerr; i++) {
		struct sbuf why = { 0 };
		struct date day;
		date_parse(v[i].tanggal, &day);
		int created = 0, added = 0;
		struct patient pt = { .id = v[i].p.id };
		str_copy(pt.tanggal_lahir, sizeof pt.tanggal_lahir, v[i].p.tanggal_lahir);
		str_copy(pt.no_bpjs, sizeof pt.no_bpjs, v[i].p.no_bpjs);
		if ((i == 0 || !same_visit(&v[i], &v[i - 1])) &&
		    visit_insert(db, &pt, day, v[i].unit, v[i].penjamin, &cur, &created, &why) != 0)
			problem(&s, s.lines[v[i].row], NULL, "%s", sb_str(&why));
		else if (v[i].icd[0] && diag_insert(db, cfg, &cur, v[i].icd, v[i].kasus, &added, &why) != 0)
			problem(&s, s.lines[v[i].row], "icd10", "%s", sb_str(&why));
		visits += created;
		diags += added;
		sb_free(&why);
		if (o && o->progress && (i + 1) % 20000 == 0)
			fprintf(o->progress, "%s: %d dari %d baris disimpan\n", path, i + 1, s.nrows);
	}
	free(v);
	char made[160];
	snprintf(made, sizeof made, "%d kunjungan (id %ld-%ld), %d diagnosis (id %ld-%ld)", visits, first_visit,
		 first_visit + visits - 1, diags, first_diag, first_diag + diags - 1);
	if (end_write(&s, db, "kunjungan", first_visit, first_visit + visits - 1, made) != 0)
		return finish_errors(&s);
	sb_printf(done, "%s: %d kunjungan dan %d diagnosis diimpor\n", path, visits, diags);
	sheet_free(&s);
	return 0;
}
