/* Imported CSV files, read a row at a time (sheet_open, sheet_next) or held
 * whole for the small lists (sheet_read), and how their problems are told:
 * "FILE:LINE: column: why", at most 50, then "... and N more". Every importer
 * checks all rows first and writes nothing unless all are good. The bytes read
 * are hashed (SHA-256) for the trail's record of the file. */
#ifndef PKM_SHEET_H
#define PKM_SHEET_H
#include <sqlite3.h>
#include <stdio.h>
#include "pkm/util.h"

/* How a file is read: progress lines to `progress` when not NULL; cp1252 when
 * the file is Windows-1252 (Excel's "CSV" on Indonesian Windows) rather than UTF-8. */
struct sheet_opts {
	FILE *progress;
	int cp1252;
	int any_sep;	/* ',' or ';', whichever the header row uses (lists from Excel) */
	int unhashed;	/* a list read for this session only (no trail row): no SHA-256 */
	const char *alasan;	/* why rows go into a month already signed off (pkm/final.h), or NULL */
};

/* A CSV file with its columns by name: the current row (row, line) of a
 * stream, or every row with its line number (cells, lines) after sheet_read. */
struct sheet {
	const char *path;
	int ncols;
	char **names;
	char **row;
	long line;
	int nrows, cap;		/* rows read so far */
	char ***cells;
	long *lines;
	int nerr;
	struct sbuf *err;
	char sha256[65];	/* of the bytes read, once the stream ended */
	long long bytes;
	struct sheet_stream *in;
};

/* Open the file and read its header row, which must name every column of
 * `required`. 0 when readable; problems are counted in s->nerr and written to err. */
int sheet_open(struct sheet *s, const char *path, const char *const *required, const struct sheet_opts *o,
	       struct sbuf *err);
/* The next row with as many columns as the header into s->row: 1; 0 at the end
 * of the file or where it cannot be read further (told as a problem). */
int sheet_next(struct sheet *s);
/* The cell of a column in the current row ("" when the file has no such column). */
const char *row_cell(const struct sheet *s, int col);
/* The whole file, row by row into cells and lines; -1 on any problem. */
int sheet_read(struct sheet *s, const char *path, const char *const *required, const struct sheet_opts *o,
	       struct sbuf *err);
void sheet_free(struct sheet *s);
void problem(struct sheet *s, long line, const char *field, const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Column index by header name, -1 when absent. */
int col_of(const struct sheet *s, const char *name);
/* The cell of a row of sheet_read ("" when the file has no such column). */
const char *cell(const struct sheet *s, int row, int col);
/* Each row whose key (keys[row], "" for none) an earlier row has is a problem
 * "<label> [key] sudah ada di baris N" under `column`; show: name the key. */
void same_twice(struct sheet *s, const char *const *keys, const char *column, const char *label, int show);
/* Close a failed import: the count of problems beyond those listed; returns -1. */
int finish_errors(struct sheet *s);
/* A date column must be YYYY-MM-DD in a file (no day-month guessing); `line`
 * is where the value is. */
int strict_date(struct sheet *s, long line, const char *value, const char *field);
/* An import checks its rows in a read snapshot (no write lock: the desks go
 * on saving), then writes them in one short BEGIN IMMEDIATE; whatever a desk
 * saved in between that conflicts (a NIK, a No. RM) fails the write whole.
 * begin_check: the snapshot, with a 16 MB page cache for the import (where
 * a large file's rows wait, on disk, is the import's: src/import.c). */
int begin_check(struct sheet *s, sqlite3 *db);
/* End the snapshot (unless the import ended it) and begin writing. bulk: the
 * rows written are recorded in the trail as one event naming the file
 * (end_write) instead of one each. */
int begin_write(struct sheet *s, sqlite3 *db, int bulk);
/* Commit, with the trail's record of the file: the ids first..last of `table`
 * it made (0, 0: none named) and `created` in words; on any problem roll back.
 * 0 on success. */
int end_write(struct sheet *s, sqlite3 *db, const char *table, long first, long last, const char *created);
#endif
