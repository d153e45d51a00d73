/* pkm impor desa | sasaran and pkm desa petakan: the village master, the
 * yearly targets and the mapping of old free-text villages, each file all or
 * nothing with its problems as FILE:LINE: column: why (pkm/sheet.h). */
#include "pkm/desa.h"
#include "pkm/db.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The target kinds, as db/028_desa.sql's CHECK on sasaran.jenis names them. */
static const char *const jenis[] = { "bumil", "bulin", "bayi", "baduta", "balita", "remaja_putri", "usia_produktif",
				     "lansia", "pus", "hipertensi", "dm", "odgj", "tb", NULL };

/* A village code of a file's cell: its 10-digit form in out, or told under column. */
static int known_village(struct sheet *s, sqlite3 *db, int r, const char *value, const char *column, char out[11])
{
	struct desa d;
	if (desa_code(value, out) != 0) {
		problem(s, s->lines[r], column, "'%s' bukan kode desa (10 angka atau 32.04.10.2001)", value);
		return 0;
	}
	int found = desa_get(db, out, &d);
	if (found == 0)
		problem(s, s->lines[r], column, "desa %s tidak ada di daftar desa (pkm impor desa)", out);
	else if (found < 0)
		problem(s, s->lines[r], column, "daftar desa tidak terbaca: %s", sqlite3_errmsg(db));
	return found == 1;
}

int import_desa(sqlite3 *db, const char *path, const struct sheet_opts *o, struct sbuf *done, struct sbuf *err)
{
	static const char *const required[] = { "kode", "nama", "wilayah", NULL };
	struct sheet s;
	if (sheet_read(&s, path, required, o, err) != 0 || begin_check(&s, db) != 0)
		return finish_errors(&s);
	int c[5] = { col_of(&s, "kode"), col_of(&s, "nama"), col_of(&s, "wilayah"), col_of(&s, "pustu"),
		     col_of(&s, "posyandu") };
	struct desa *d = xcalloc((size_t)s.nrows + 1, sizeof *d);
	const char **keys = xcalloc((size_t)s.nrows + 1, sizeof *keys);
	int added = 0;
	for (int r = 0; r < s.nrows; r++) {
		struct desa_input in = { cell(&s, r, c[0]), cell(&s, r, c[1]), cell(&s, r, c[2]), cell(&s, r, c[3]),
					 cell(&s, r, c[4]) };
		struct field_errors fe;
		if (desa_check(db, &in, &d[r], &fe) != 0)
			for (int i = 0; i < fe.n; i++)
				problem(&s, s.lines[r], fe.e[i].column, "%s", fe.e[i].msg);
		keys[r] = d[r].kode;
		struct desa old;
		added += *d[r].kode && desa_get(db, d[r].kode, &old) == 0;
	}
	same_twice(&s, keys, "kode", "kode", 1);
	free(keys);
	if (s.nerr || begin_write(&s, db, 0) != 0) {
		db_rollback(db);
		free(d);
		return finish_errors(&s);
	}
	for (int r = 0; r < s.nrows && !s.nerr; r++) {
		struct sbuf why = { 0 };
		if (desa_put(db, &d[r], &why) != 0)
			problem(&s, s.lines[r], NULL, "%s", sb_str(&why));
		sb_free(&why);
	}
	free(d);
	if (end_write(&s, db, "desa", 0, 0, "lihat baris-barisnya di jejak") != 0)
		return finish_errors(&s);
	sb_printf(done, "%s: %d desa diimpor (%d baru, %d diperbarui)\n", path, s.nrows, added, s.nrows - added);
	sheet_free(&s);
	return 0;
}

struct target {
	char kode[11];
	long jumlah[13];	/* per jenis, -1 where the file leaves it empty */
};

/* The header: kode_desa and known kinds only; the column of each kind, -1 when absent. */
static int target_columns(struct sheet *s, int *col)
{
	int any = 0;
	for (int i = 0; i < s->ncols; i++) {
		int k = 0;
		while (jenis[k] && strcmp(jenis[k], s->names[i]) != 0)
			k++;
		if (!jenis[k] && strcmp(s->names[i], "kode_desa") != 0)
			problem(s, 1, s->names[i], "kolom tidak dikenal; sasaran: bumil, bulin, bayi, baduta, balita, "
				"remaja_putri, usia_produktif, lansia, pus, hipertensi, dm, odgj, tb");
		any |= jenis[k] != NULL;
	}
	for (int k = 0; jenis[k]; k++)
		col[k] = col_of(s, jenis[k]);
	if (!any)
		problem(s, 1, NULL, "tidak ada kolom sasaran (mis. bumil, balita, lansia)");
	return s->nerr ? -1 : 0;
}

static int write_targets(sqlite3 *db, int tahun, const struct target *t, int n, struct sbuf *err)
{
	sqlite3_stmt *del = db_stmt(db, "DELETE FROM sasaran WHERE tahun = ? AND desa_kode = ?", err);
	sqlite3_stmt *put = db_stmt(db, "INSERT INTO sasaran (tahun, desa_kode, jenis, jumlah) VALUES (?, ?, ?, ?)", err);
	int rc = del && put ? SQLITE_DONE : SQLITE_ERROR;
	for (int r = 0; r < n && rc == SQLITE_DONE; r++) {
		sqlite3_bind_int(del, 1, tahun);
		sqlite3_bind_text(del, 2, t[r].kode, -1, SQLITE_STATIC);
		rc = sqlite3_step(del);
		sqlite3_reset(del);
		for (int k = 0; jenis[k] && rc == SQLITE_DONE; k++) {
			if (t[r].jumlah[k] < 0)
				continue;
			sqlite3_bind_int(put, 1, tahun);
			sqlite3_bind_text(put, 2, t[r].kode, -1, SQLITE_STATIC);
			sqlite3_bind_text(put, 3, jenis[k], -1, SQLITE_STATIC);
			sqlite3_bind_int64(put, 4, t[r].jumlah[k]);
			rc = sqlite3_step(put);
			sqlite3_reset(put);
		}
	}
	return rc == SQLITE_DONE ? 0 : db_fail(err, db, "sasaran tidak tersimpan");
}

int import_sasaran(sqlite3 *db, int tahun, const char *path, const struct sheet_opts *o, struct sbuf *done,
		   struct sbuf *err)
{
	static const char *const required[] = { "kode_desa", NULL };
	struct sheet s;
	int col[13];
	if (sheet_read(&s, path, required, o, err) != 0 || target_columns(&s, col) != 0 || begin_check(&s, db) != 0)
		return finish_errors(&s);
	struct target *t = xcalloc((size_t)s.nrows + 1, sizeof *t);
	const char **keys = xcalloc((size_t)s.nrows + 1, sizeof *keys);
	long total = 0;
	for (int r = 0; r < s.nrows; r++) {
		known_village(&s, db, r, cell(&s, r, col_of(&s, "kode_desa")), "kode_desa", t[r].kode);
		keys[r] = t[r].kode;
		for (int k = 0; jenis[k]; k++) {
			const char *v = cell(&s, r, col[k]);
			t[r].jumlah[k] = -1;
			if (*v && parse_long(v, 0, 10000000, &t[r].jumlah[k]) != 0)
				problem(&s, s.lines[r], jenis[k], "jumlah harus bilangan bulat 0 atau lebih, bukan '%s'", v);
			else if (*v)
				total += t[r].jumlah[k];
		}
	}
	same_twice(&s, keys, "kode_desa", "desa", 1);
	free(keys);
	struct sbuf why = { 0 };
	if (s.nerr || begin_write(&s, db, 1) != 0 || write_targets(db, tahun, t, s.nrows, &why) != 0) {
		if (why.len)
			problem(&s, 0, NULL, "%s", sb_str(&why));
		sb_free(&why);
		db_rollback(db);
		free(t);
		return finish_errors(&s);
	}
	free(t);
	char made[80];
	snprintf(made, sizeof made, "sasaran tahun %d", tahun);
	if (end_write(&s, db, "sasaran", 0, 0, made) != 0)
		return finish_errors(&s);
	sb_printf(done, "%s: sasaran %d untuk %d desa diimpor (jumlah %ld)\n", path, tahun, s.nrows, total);
	sheet_free(&s);
	return 0;
}

/* Edits (insertions, deletions, substitutions) from a to b. */
static int distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	int *row = xcalloc(lb + 1, sizeof *row);
	for (size_t j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int diag = row[0];
		row[0] = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int up = row[j], best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	int d = row[lb];
	free(row);
	return d;
}

/* The master name nearest t->teks: near is a third of its letters changed at most. */
static void nearest(const struct desa *d, int nd, struct desa_teks *t)
{
	char key[512], other[512];
	desa_key(t->teks, key, sizeof key);
	t->jarak = -1;
	for (int i = 0; i < nd; i++) {
		desa_key(d[i].nama, other, sizeof other);
		int dist = distance(key, other);
		if (dist * 3 <= (int)strlen(key) && (t->jarak < 0 || dist < t->jarak)) {
			t->jarak = dist;
			memcpy(t->kode, d[i].kode, sizeof t->kode);
			str_copy(t->nama, sizeof t->nama, d[i].nama);
		}
	}
}

int desa_petakan(sqlite3 *db, struct desa_teks **out)
{
	*out = NULL;
	int nd = desa_count(db);
	struct desa *d = nd > 0 ? xcalloc((size_t)nd, sizeof *d) : NULL;
	if (nd < 0 || (nd > 0 && desa_list(db, d, nd) != nd)) {
		free(d);
		return -1;
	}
	/* a file's cells are read trimmed: "sukamaju " is listed, and mapped, as "sukamaju" */
	sqlite3_stmt *st = db_prepare(db, "SELECT trim(desa), count(*) FROM pasien WHERE desa_kode IS NULL "
				      "AND desa_luar = 0 AND trim(desa) <> '' GROUP BY 1 ORDER BY 2 DESC, 1", NULL);
	int n = 0, cap = 0, rc = SQLITE_ERROR;
	while (st && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap)
			*out = xrealloc(*out, (size_t)(cap = cap ? cap * 2 : 16) * sizeof **out);
		struct desa_teks *t = &(*out)[n++];
		memset(t, 0, sizeof *t);
		db_col_text(st, 0, t->teks, sizeof t->teks);
		t->jumlah = (long)sqlite3_column_int64(st, 1);
		nearest(d, nd, t);
	}
	sqlite3_finalize(st);
	free(d);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		return -1;
	}
	return n;
}

void desa_petakan_text(const struct desa_teks *t, int n, struct sbuf *out)
{
	long patients = 0;
	for (int i = 0; i < n; i++) {
		char quoted[160];
		snprintf(quoted, sizeof quoted, "\"%s\"", t[i].teks);
		sb_printf(out, "%-24s %6ld  ", quoted, t[i].jumlah);
		if (t[i].jarak < 0)
			sb_add(out, "-\n");
		else if (t[i].jarak == 0)
			sb_printf(out, "%s %s (sama)\n", t[i].kode, t[i].nama);
		else
			sb_printf(out, "%s %s (beda %d huruf)\n", t[i].kode, t[i].nama, t[i].jarak);
		patients += t[i].jumlah;
	}
	sb_printf(out, "%d teks desa belum dipetakan (%ld pasien)\n", n, patients);
}

struct mapping {
	char kode[11];
	int luar;
};

static int apply_mapping(sqlite3 *db, struct sheet *s, int ct, const struct mapping *m, long *patients)
{
	sqlite3_stmt *st = db_stmt(db, "UPDATE pasien SET desa_kode = ?, desa_luar = ? WHERE trim(desa) = ?", NULL);
	for (int r = 0; st && r < s->nrows; r++) {
		if (!m[r].luar && !*m[r].kode)
			continue;
		db_bind_text(st, 1, m[r].kode, 1);
		sqlite3_bind_int(st, 2, m[r].luar);
		sqlite3_bind_text(st, 3, cell(s, r, ct), -1, SQLITE_STATIC);
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE) {
			problem(s, s->lines[r], NULL, "pasien tidak diperbarui: %s", sqlite3_errmsg(db));
			return -1;
		}
		*patients += sqlite3_changes(db);
	}
	return st ? 0 : -1;
}

int desa_petakan_terapkan(sqlite3 *db, const char *path, const struct sheet_opts *o, struct sbuf *done,
			  struct sbuf *err)
{
	static const char *const required[] = { "teks", "kode", NULL };
	struct sheet s;
	if (sheet_read(&s, path, required, o, err) != 0 || begin_check(&s, db) != 0)
		return finish_errors(&s);
	int ct = col_of(&s, "teks"), ck = col_of(&s, "kode"), mapped = 0;
	struct mapping *m = xcalloc((size_t)s.nrows + 1, sizeof *m);
	const char **keys = xcalloc((size_t)s.nrows + 1, sizeof *keys);
	for (int r = 0; r < s.nrows; r++) {
		const char *kode = cell(&s, r, ck);
		keys[r] = cell(&s, r, ct);
		if (!*keys[r])
			problem(&s, s.lines[r], "teks", "teks desa kosong");
		m[r].luar = strcasecmp(kode, "LUAR") == 0;
		if (*kode && !m[r].luar)
			known_village(&s, db, r, kode, "kode", m[r].kode);
		mapped += *kode != '\0';
	}
	same_twice(&s, keys, "teks", "teks", 1);
	free(keys);
	long patients = 0;
	if (s.nerr || begin_write(&s, db, 0) != 0 || apply_mapping(db, &s, ct, m, &patients) != 0) {
		db_rollback(db);
		free(m);
		return finish_errors(&s);
	}
	free(m);
	if (end_write(&s, db, "pasien", 0, 0, "pemetaan teks desa ke kode") != 0)
		return finish_errors(&s);
	sb_printf(done, "%s: %d teks dipetakan, %ld pasien diperbarui; %d teks tanpa kode dibiarkan\n", path, mapped,
		  patients, s.nrows - mapped);
	sheet_free(&s);
	return 0;
}
