#include "pkm/csv.h"
#include "pkm/util.h"
#include <stdlib.h>
#include <string.h>

void csv_open(struct csv_reader *r, FILE *f)
{
	memset(r, 0, sizeof *r);
	r->f = f;
	r->next_line = 1;
	r->sep = ',';
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

#define MAX_LINE (1L << 20)
#define MAX_FILE (1L << 30)
enum { BAD = -2 };

static int fail(struct csv_reader *r, const char *why)
{
	r->why = why;
	r->at = r->pos;
	return BAD;
}

/* Windows-1252's 0x80-0x9F (0: no character there); 0xA0-0xFF are U+00A0-U+00FF. */
static const unsigned short cp1252[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* One more byte of a UTF-8 file: 0 while it is well-formed (RFC 3629). */
static int utf8_step(struct csv_reader *r, int c)
{
	if (r->need) {
		if (c < r->lo || c > r->hi)
			return -1;
		r->need--;
		r->lo = 0x80;
		r->hi = 0xBF;
		return 0;
	}
	r->lo = 0x80;
	r->hi = 0xBF;
	if (c < 0x80)
		return 0;
	if (c >= 0xC2 && c <= 0xDF)
		r->need = 1;
	else if (c >= 0xE0 && c <= 0xEF) {
		r->need = 2;
		r->lo = c == 0xE0 ? 0xA0 : 0x80;	/* no overlong form */
		r->hi = c == 0xED ? 0x9F : 0xBF;	/* no UTF-16 surrogate */
	} else if (c >= 0xF0 && c <= 0xF4) {
		r->need = 3;
		r->lo = c == 0xF0 ? 0x90 : 0x80;
		r->hi = c == 0xF4 ? 0x8F : 0xBF;
	} else
		return -1;
	return 0;
}

const char csv_not_utf8[] = "bukan teks UTF-8";

/* The next byte of text: checked, or converted from Windows-1252. */
static int next(struct csv_reader *r)
{
	if (r->nback)
		return r->back[--r->nback];
	int c = r->ihead < r->nhead ? r->head[r->ihead++] : getc_unlocked(r->f);
	if (c == EOF)
		return r->need ? fail(r, csv_not_utf8) : EOF;
	if (++r->pos > MAX_FILE)
		return fail(r, "berkas lebih dari 1 GiB; bagi menjadi beberapa berkas");
	if (c == 0)
		return fail(r, "berisi byte NUL (berkas biner atau UTF-16?)");
	if (r->cp1252 && c >= 0x80) {
		unsigned cp = c >= 0xA0 ? (unsigned)c : cp1252[c - 0x80];
		if (!cp)
			return fail(r, "berisi byte yang tidak ada di Windows-1252");
		/* push the UTF-8 bytes after the first, last one first */
		if (cp >= 0x800) {
			r->back[r->nback++] = (unsigned char)(0x80 | (cp & 0x3F));
			r->back[r->nback++] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
			return 0xE0 | (int)(cp >> 12);
		}
		r->back[r->nback++] = (unsigned char)(0x80 | (cp & 0x3F));
		return 0xC0 | (int)(cp >> 6);
	}
	if (!r->cp1252 && utf8_step(r, c) != 0)
		return fail(r, csv_not_utf8);
	return c;
}

static void unread(struct csv_reader *r, int c)
{
	if (c >= 0)
		r->back[r->nback++] = (unsigned char)c;
}

/* The start of the file: one UTF-8 BOM is skipped; UTF-16 and a doubled BOM
 * are refused (a column name behind one would not be recognised). */
static int file_start(struct csv_reader *r)
{
	r->started = 1;
	int a = getc_unlocked(r->f), b = a == EOF ? EOF : getc_unlocked(r->f);
	if ((a == 0xFF && b == 0xFE) || (a == 0xFE && b == 0xFF)) {
		r->pos = 1;
		return fail(r, "berkas UTF-16; simpan sebagai \"CSV UTF-8\"");
	}
	int c = b == EOF ? EOF : getc_unlocked(r->f);
	if (a == 0xEF && b == 0xBB && c == 0xBF) {
		r->pos = 3;
		int d = getc_unlocked(r->f), e = d == EOF ? EOF : getc_unlocked(r->f), f = e == EOF ? EOF : getc_unlocked(r->f);
		if (d == 0xEF && e == 0xBB && f == 0xBF) {
			r->pos = 4;
			return fail(r, "tanda BOM ganda di awal berkas; simpan ulang sebagai \"CSV UTF-8\"");
		}
		a = d, b = e, c = f;
	}
	/* the bytes read ahead go through next() like any other */
	int ahead[3] = { a, b, c };
	for (int i = 0; i < 3 && ahead[i] != EOF; i++)
		r->head[r->nhead++] = (unsigned char)ahead[i];
	return 0;
}

int csv_read(struct csv_reader *r)
{
	r->buflen = 0;
	r->line = r->next_line;
	if (!r->started && file_start(r) != 0)
		return -2;
	struct offsets o = { 0 };
	start_field(&o, 0);
	int c = next(r);
	if (c == EOF) {
		free(o.at);
		return 0;
	}
	int quoted = 0, rc = 1;
	for (;; c = next(r)) {
		if (c == BAD || r->buflen > MAX_LINE) {
			if (c != BAD)
				fail(r, "baris lebih dari 1 MiB");
			rc = -2;
			break;
		}
		if (quoted) {
			if (c == EOF) {
				rc = -1;
				break;
			}
			if (c == '"') {
				int d = next(r);
				if (d == '"') {
					put(r, '"');
					continue;
				}
				quoted = 0;
				unread(r, d);
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
			int d = next(r);
			if (d != '\n')
				unread(r, d);
			r->next_line++;
			break;
		}
		if (c == '"') {
			quoted = 1;
			continue;
		}
		if (c == r->sep) {
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

/* A number with a sign (-5, +2.5, -1,5) is a value a spreadsheet should add up. */
static int is_number(const char *s)
{
	s += *s == '-' || *s == '+';
	size_t n = strspn(s, "0123456789");
	if (n && (s[n] == '.' || s[n] == ','))
		n += 1 + strspn(s + n + 1, "0123456789");
	return n && !s[n];
}

void csv_write_field(FILE *f, const char *s)
{
	/* text a spreadsheet would run as a formula is kept text (OWASP CSV injection) */
	int formula = *s && strchr("=+-@\t\r", *s) && !is_number(s);
	if (!formula && !strpbrk(s, ",\"\r\n")) {
		fputs(s, f);
		return;
	}
	putc('"', f);
	if (formula)
		putc('\'', f);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', f);
		putc(*s, f);
	}
	putc('"', f);
}
