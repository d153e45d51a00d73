/* RFC 4180 CSV reader: quoted fields with commas, quotes and newlines, CRLF,
 * a UTF-8 byte-order mark on the first line. */
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
};

void csv_open(struct csv_reader *r, FILE *f);
/* 1: a record is in r->fields; 0: end of file; -1: unterminated quote. */
int csv_read(struct csv_reader *r);
void csv_close(struct csv_reader *r);

/* Write one field, quoted when needed. */
void csv_write_field(FILE *f, const char *s);

#endif
