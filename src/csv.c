#include "pkm/csv.h"
#include "pkm/util.h"
#include <stdlib.h>
#include <string.h>

void csv_open(struct csv_reader *r, FILE *f)
{
	memset(r, 0, sizeof *r);
	r->f = f;
	r->next_line = 1;
}

static void put(struct csv_reader *r, char c)
{
	if (r->buflen + 1 >= r->bufcap) {
		r->bufcap = r->bufcap ? r->bufcap * 2 : 256;
		r->buf = xrealloc(r->buf, r->bufcap);
	}
	r->buf[r->buflen++] = c;
}

/* Fields are kept as offsets into buf while reading (buf may move), pointers once done. */
struct offsets {
	size_t *at;
	int n, cap;
};

static void start_field(struct offsets *o, size_t pos)
{
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 16;
		o->at = xrealloc(o->at, (size_t)o->cap * sizeof *o->at);
	}
	o->at[o->n++] = pos;
}

int csv_read(struct csv_reader *r)
{
	r->buflen = 0;
	r->line = r->next_line;
	struct offsets o = { 0 };
	start_field(&o, 0);

	int c = getc(r->f);
	if (c == EOF) {
		free(o.at);
		return 0;
	}
	if (r->line == 1 && c == 0xEF) {	/* skip a UTF-8 BOM */
		int c2 = getc(r->f), c3 = getc(r->f);
		if (c2 == 0xBB && c3 == 0xBF) {
			c = getc(r->f);
		} else {
			if (c3 != EOF) ungetc(c3, r->f);
			if (c2 != EOF) ungetc(c2, r->f);
		}
	}
	int quoted = 0, rc = 1;
	for (;; c = getc(r->f)) {
		if (quoted) {
			if (c == EOF) {
				rc = -1;
				break;
			}
			if (c == '"') {
				int d = getc(r->f);
				if (d == '"') {
					put(r, '"');
					continue;
				}
				quoted = 0;
				if (d != EOF)
					ungetc(d, r->f);
				continue;
			}
			if (c == '\n')
				r->next_line++;
			put(r, (char)c);
			continue;
		}
		if (c == EOF || c == '\n') {
			if (c == '\n')
				r->next_line++;
			break;
		}
		if (c == '\r') {
			int d = getc(r->f);
			if (d != '\n' && d != EOF)
				ungetc(d, r->f);
			r->next_line++;
			break;
		}
		if (c == '"') {
			quoted = 1;
			continue;
		}
		if (c == ',') {
			put(r, '\0');
			start_field(&o, r->buflen);
			continue;
		}
		put(r, (char)c);
	}
	put(r, '\0');
	if (o.n > r->cap) {
		r->cap = o.n;
		r->fields = xrealloc(r->fields, (size_t)o.n * sizeof *r->fields);
	}
	for (int i = 0; i < o.n; i++)
		r->fields[i] = r->buf + o.at[i];
	r->nfields = o.n;
	free(o.at);
	return rc;
}

void csv_close(struct csv_reader *r)
{
	free(r->fields);
	free(r->buf);
	memset(r, 0, sizeof *r);
}

void csv_write_field(FILE *f, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		fputs(s, f);
		return;
	}
	putc('"', f);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', f);
		putc(*s, f);
	}
	putc('"', f);
}
