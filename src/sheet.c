#define _GNU_SOURCE	/* fopencookie: the bytes are hashed as they are read */
#include "pkm/sheet.h"
#include "pkm/csv.h"
#include "pkm/date.h"
#include "pkm/audit.h"
#include "pkm/db.h"
#include "pkm/digest.h"
#include "pkm/output.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_REPORTED 50		/* problems listed before "... and N more" */

/* The file as the CSV reader sees it, through a stream that hashes every byte
 * read: the trail names the file by what was imported, not by what is on disk
 * later. A rewind (the separator's look at the header row) starts the hash again. */
struct sheet_stream {
	FILE *raw, *f;
	struct digest *md;
	struct csv_reader r;
	FILE *progress;
	long long bytes;
};

static ssize_t hashed_read(void *cookie, char *buf, size_t size)
{
	struct sheet_stream *in = cookie;
	size_t n = fread(buf, 1, size, in->raw);
	if (n)
		digest_add(in->md, buf, n);
	in->bytes += (long long)n;
	return n ? (ssize_t)n : ferror(in->raw) ? -1 : 0;
}

static int hashed_seek(void *cookie, off64_t *pos, int whence)
{
	struct sheet_stream *in = cookie;
	if (whence != SEEK_SET || *pos != 0 || fseek(in->raw, 0, SEEK_SET) != 0)
		return -1;
	in->bytes = 0;
	digest_restart(in->md);
	return 0;
}

static void stream_close(struct sheet *s)
{
	struct sheet_stream *in = s->in;
	if (!in)
		return;
	digest_end(in->md, s->sha256);
	s->bytes = in->bytes;
	csv_close(&in->r);
	if (in->f != in->raw)
		fclose(in->f);
	fclose(in->raw);
	free(in);
	s->in = NULL;
}

static struct sheet_stream *stream_open(const char *path, int hash, struct sbuf *err)
{
	struct sheet_stream *in = xcalloc(1, sizeof *in);
	in->raw = fopen(path, "rb");
	if (!in->raw) {
		sb_printf(err, "%s: tidak dapat dibuka: %s\n", path, strerror(errno));
		free(in);
		return NULL;
	}
	if (!hash) {
		in->f = in->raw;
		return in;
	}
	const char *why = "tidak dapat dibaca";
	cookie_io_functions_t io = { .read = hashed_read, .seek = hashed_seek };
	if (!(in->md = digest_new(&why)) || !(in->f = fopencookie(in, "rb", io))) {
		sb_printf(err, "%s: %s\n", path, why);
		char ignored[65];
		digest_end(in->md, ignored);
		fclose(in->raw);
		free(in);
		return NULL;
	}
	return in;
}

void problem(struct sheet *s, long line, const char *field, const char *fmt, ...)
{
	if (s->nerr++ >= MAX_REPORTED)
		return;
	sb_printf(s->err, "%s:%ld: %s%s", s->path, line, field ? field : "", field ? ": " : "");
	va_list ap;
	va_start(ap, fmt);
	sb_vprintf(s->err, fmt, ap);
	va_end(ap);
	sb_addc(s->err, '\n');
}

int col_of(const struct sheet *s, const char *name)
{
	for (int i = 0; i < s->ncols; i++)
		if (strcmp(s->names[i], name) == 0)
			return i;
	return -1;
}

const char *cell(const struct sheet *s, int row, int col) { return col < 0 ? "" : s->cells[row][col]; }

void sheet_free(struct sheet *s)
{
	stream_close(s);
	for (int r = 0; s->cells && r < s->nrows; r++) {
		for (int c = 0; c < s->ncols; c++)
			free(s->cells[r][c]);
		free(s->cells[r]);
	}
	for (int c = 0; c < s->ncols; c++)
		free(s->names[c]);
	free(s->names);
	free(s->row);
	free(s->cells);
	free(s->lines);
}

/* Every cell is text pkm may store: one rule, the dictionary's (no control
 * characters, no bidi overrides), for the columns the importers pass on too. */
static void check_cells(struct sheet *s, char **row, long line)
{
	for (int i = 0; i < s->ncols; i++) {
		const char *bad = text_refused(row[i]);
		if (bad)
			problem(s, line, s->names[i], "%s", bad);
	}
}

static void check_header(struct sheet *s)
{
	for (int i = 0; i < s->ncols; i++) {
		const char *bad = text_refused(s->names[i]);
		if (bad)
			problem(s, 1, NULL, "judul kolom %d %s", i + 1, bad);
		for (int j = 0; j < i && !bad; j++)
			if (strcmp(s->names[i], s->names[j]) == 0 && s->names[i][0]) {
				problem(s, 1, NULL, "kolom '%s' disebut dua kali di baris judul", s->names[i]);
				break;
			}
	}
}

static void read_stopped(struct sheet *s, const struct csv_reader *r)
{
	problem(s, r->line, NULL, "%s (byte ke-%ld)%s", r->why, r->at,
		r->why == csv_not_utf8 && !r->cp1252
		? "; simpan ulang dari Excel sebagai \"CSV UTF-8\", atau impor dengan --encoding cp1252" : "");
}

/* The separator of a file's header row: ';' when it has more of those than ','. */
static char header_sep(FILE *f)
{
	int commas = 0, semis = 0, c;
	while ((c = getc(f)) != EOF && c != '\n') {
		commas += c == ',';
		semis += c == ';';
	}
	rewind(f);
	return semis > commas ? ';' : ',';
}

int sheet_open(struct sheet *s, const char *path, const char *const *required, const struct sheet_opts *o,
	       struct sbuf *err)
{
	memset(s, 0, sizeof *s);
	s->path = path;
	s->err = err;
	if (!(s->in = stream_open(path, !(o && o->unhashed), err)))
		return -1;
	struct csv_reader *r = &s->in->r;
	s->in->progress = o ? o->progress : NULL;
	csv_open(r, s->in->f);
	r->cp1252 = o && o->cp1252;
	if (o && o->any_sep)
		r->sep = header_sep(s->in->f);
	int rc = csv_read(r);
	if (rc != 1) {
		if (rc == -2)
			read_stopped(s, r);
		else
			sb_printf(err, "%s: berkas kosong atau tanpa baris judul kolom\n", path);
		stream_close(s);
		return -1;
	}
	s->ncols = r->nfields;
	s->names = xcalloc((size_t)s->ncols, sizeof *s->names);
	s->row = xcalloc((size_t)s->ncols, sizeof *s->row);
	for (int i = 0; i < s->ncols; i++) {
		s->names[i] = str_trim(xstrdup(r->fields[i]));
		for (char *p = s->names[i]; *p; p++)
			*p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	}
	check_header(s);
	for (const char *const *q = required; *q; q++)
		if (col_of(s, *q) < 0)
			problem(s, 1, NULL, "kolom '%s' tidak ada di baris judul", *q);
	return s->nerr ? -1 : 0;
}

int sheet_next(struct sheet *s)
{
	if (!s->in)
		return 0;
	struct csv_reader *r = &s->in->r;
	int rc;
	while ((rc = csv_read(r)) == 1) {
		if (r->nfields == 1 && !r->fields[0][0])
			continue;	/* blank line */
		if (r->nfields != s->ncols) {
			problem(s, r->line, NULL, "ada %d kolom, baris judul punya %d", r->nfields, s->ncols);
			continue;
		}
		/* the reader's fields last until its next record: trimmed in place */
		for (int i = 0; i < s->ncols; i++)
			s->row[i] = str_trim(r->fields[i]);
		s->line = r->line;
		check_cells(s, s->row, r->line);
		if (++s->nrows % 20000 == 0 && s->in->progress)
			fprintf(s->in->progress, "%s: %d baris dibaca\n", s->path, s->nrows);
		return 1;
	}
	if (rc == -2)
		read_stopped(s, r);
	else if (rc < 0)
		problem(s, r->line, NULL, "tanda kutip tidak ditutup");
	stream_close(s);
	return 0;
}

const char *row_cell(const struct sheet *s, int col) { return col < 0 ? "" : s->row[col]; }

int sheet_read(struct sheet *s, const char *path, const char *const *required, const struct sheet_opts *o,
	       struct sbuf *err)
{
	if (sheet_open(s, path, required, o, err) != 0) {
		stream_close(s);
		return -1;
	}
	while (sheet_next(s)) {
		int n = s->nrows - 1;
		if (n == s->cap) {
			s->cap = s->cap ? s->cap * 2 : 256;
			s->cells = xrealloc(s->cells, (size_t)s->cap * sizeof *s->cells);
			s->lines = xrealloc(s->lines, (size_t)s->cap * sizeof *s->lines);
		}
		char **row = xcalloc((size_t)s->ncols, sizeof *row);
		for (int i = 0; i < s->ncols; i++)
			row[i] = xstrdup(s->row[i]);
		s->lines[n] = s->line;
		s->cells[n] = row;
	}
	return s->nerr ? -1 : 0;
}

/* Row numbers sorted by key, then by row: a run of equal keys is one value
 * given several times (n log n, however many rows share it). */
static const char *const *sort_keys;

static int by_key(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	int c = strcmp(sort_keys[x], sort_keys[y]);
	return c ? c : x - y;
}

void same_twice(struct sheet *s, const char *const *keys, const char *column, const char *label, int show)
{
	if (s->nrows < 2)
		return;
	int *idx = xcalloc((size_t)s->nrows, sizeof *idx);
	for (int r = 0; r < s->nrows; r++)
		idx[r] = r;
	sort_keys = keys;
	qsort(idx, (size_t)s->nrows, sizeof *idx, by_key);
	int first = idx[0];
	for (int k = 1; k < s->nrows; k++) {
		const char *v = keys[idx[k]];
		if (strcmp(keys[first], v) != 0)
			first = idx[k];
		else if (*v && show)
			problem(s, s->lines[idx[k]], column, "%s %s sudah ada di baris %ld", label, v, s->lines[first]);
		else if (*v)
			problem(s, s->lines[idx[k]], column, "%s sudah ada di baris %ld", label, s->lines[first]);
	}
	free(idx);
}

int finish_errors(struct sheet *s)
{
	if (s->nerr > MAX_REPORTED)
		sb_printf(s->err, "%s: ... dan %d kesalahan lain\n", s->path, s->nerr - MAX_REPORTED);
	sb_printf(s->err, "%s: tidak ada yang disimpan\n", s->path);
	sheet_free(s);
	return -1;
}

int strict_date(struct sheet *s, long line, const char *value, const char *field)
{
	struct date d;
	if (*value && date_parse(value, &d) != 0) {
		problem(s, line, field, "tanggal harus YYYY-MM-DD, bukan '%s'", value);
		return -1;
	}
	return 0;
}

int begin_check(struct sheet *s, sqlite3 *db)
{
	/* an import reads many index pages: it gets a larger page cache (pkm
	 * import runs alone in its process) */
	sqlite3_exec(db, "PRAGMA cache_size=-16384", NULL, NULL, NULL);
	if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
		problem(s, 0, NULL, "database tidak terbaca: %s", sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

int begin_write(struct sheet *s, sqlite3 *db, int bulk)
{
	/* the checks' snapshot, unless the import ended it itself */
	if (!sqlite3_get_autocommit(db) && sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		problem(s, 0, NULL, "pembacaan tidak selesai: %s", sqlite3_errmsg(db));
		return -1;
	}
	if (db_begin(db) != 0) {
		problem(s, 0, NULL, "%s", db_busy_text(db));
		return -1;
	}
	if (!bulk)
		return 0;
	/* one trail row for the file instead of one per row (written by end_write) */
	sqlite3_stmt *st = db_stmt(db, "UPDATE pelaku SET impor = ?", NULL);
	int rc = st ? 0 : -1;
	if (st) {
		sqlite3_bind_text(st, 1, s->path, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
		sqlite3_reset(st);
	}
	if (rc != 0) {
		db_rollback(db);
		problem(s, 0, NULL, "impor tidak dapat dimulai: %s", sqlite3_errmsg(db));
	}
	return rc;
}

int end_write(struct sheet *s, sqlite3 *db, const char *table, long first, long last, const char *created)
{
	if (!s->nerr && db_user(db)) {
		struct sbuf what = { 0 };
		sb_printf(&what, "impor berkas %s (%lld byte, sha256 %s, %d baris): %s", s->path, s->bytes, s->sha256,
			  s->nrows, created);
		if (audit_record_range(db, "TAMBAH", table, first, last >= first ? last : 0, 0, sb_str(&what)) != 0)
			problem(s, 0, NULL, "jejak audit tidak tersimpan: %s", sqlite3_errmsg(db));
		sb_free(&what);
	}
	if (s->nerr || db_commit(db) != 0) {
		db_rollback(db);
		if (!s->nerr)
			problem(s, 0, NULL, "gagal menyimpan: %s", sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}
