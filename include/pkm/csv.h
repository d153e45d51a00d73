/* RFC 4180 CSV reader: quoted fields with commas, quotes and newlines, CRLF,
 * a UTF-8 byte-order mark on the first line. The bytes must be UTF-8 (or
 * Windows-1252, converted, when asked): NUL, broken UTF-8, UTF-16, a doubled
 * BOM, a line over 1 MiB or a file over 1 GiB stop the reading with why. */
#ifndef PKM_CSV_H
#define PKM_CSV_H
#include <stdio.h>
#include <stddef.h>

struct csv_reader {
	FILE *f;
	long line;		/* line where the last record started (1-based) */
	long next_line;
	char **fields;
	int nfields, cap;
	char *buf;
	size_t buflen, bufcap;
	int cp1252;		/* set before reading: the file is Windows-1252 */
	char sep;		/* ',' unless set before reading */
	const char *why;	/* after -2: what is wrong, at byte `at` (1-based) */
	long at;
	/* private */
	long pos;
	int started, need, lo, hi, nback, nhead, ihead;
	unsigned char back[8], head[3];
};

void csv_open(struct csv_reader *r, FILE *f);
/* r->why for bytes that are not UTF-8 (the reader can suggest cp1252). */
extern const char csv_not_utf8[];
/* 1: a record is in r->fields; 0: end of file; -1: unterminated quote;
 * -2: bytes that are not text (r->why, r->at). */
int csv_read(struct csv_reader *r);
void csv_close(struct csv_reader *r);

/* Write one field, quoted when needed. Text starting with = + - @, a tab or a
 * CR (not a number such as -5) is written "'..." so a spreadsheet takes it as
 * text, not a formula. */
void csv_write_field(FILE *f, const char *s);

#endif
