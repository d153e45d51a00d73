/* LZ-string decompression (URI-safe alphabet, 6 bits a character).
 * The stream is LZW over UTF-16 units: codes of numBits bits, read low bit
 * first; code 0 and 1 bring a new 8- or 16-bit unit, 2 ends the stream. */
#include "pkm/lzstring.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char ALPHABET[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";

struct bits {
	const char *in;
	size_t len, index;
	int val, position;	/* the current character's value, the next bit to read */
	int bad;		/* a character outside the alphabet, or past the end */
};

static int value_of(char c)
{
	if (c == ' ')	/* the reference reads a '+' the URL turned into a space */
		c = '+';
	const char *p = c ? strchr(ALPHABET, c) : NULL;
	return p ? (int)(p - ALPHABET) : -1;
}

static void next_char(struct bits *b)
{
	b->position = 32;
	if (b->index >= b->len) {
		b->bad = 1;
		b->val = 0;
		return;
	}
	b->val = value_of(b->in[b->index++]);
	if (b->val < 0)
		b->bad = 1, b->val = 0;
}

static long read_bits(struct bits *b, int n)
{
	long v = 0;
	for (int i = 0; i < n; i++) {
		if (b->position == 0)
			next_char(b);
		if (b->val & b->position)
			v |= 1L << i;
		b->position >>= 1;
	}
	return v;
}

struct entry { int32_t prev; uint16_t unit, first; uint32_t len; };
struct dict { struct entry *e; long n, cap; };

static long dict_add(struct dict *d, int32_t prev, uint16_t unit, uint16_t first, uint32_t len)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 256;
		d->e = xrealloc(d->e, (size_t)d->cap * sizeof *d->e);
	}
	d->e[d->n] = (struct entry){ prev, unit, first, len };
	return d->n++;
}

struct units { uint16_t *u; size_t n, cap; };

static int put_entry(struct units *o, const struct dict *d, long code)
{
	size_t len = d->e[code].len;
	if (o->n + len > (size_t)LZ_MAX_OUTPUT)
		return -1;
	if (o->n + len > o->cap) {
		while (o->n + len > o->cap)
			o->cap = o->cap ? o->cap * 2 : 1024;
		o->u = xrealloc(o->u, o->cap * sizeof *o->u);
	}
	for (long c = code, at = (long)(o->n + len); c >= 0; c = d->e[c].prev)
		o->u[--at] = d->e[c].unit;
	o->n += len;
	return 0;
}

static void put_utf8(struct sbuf *out, unsigned long cp)
{
	char s[4];
	int n;
	if (cp < 0x80)
		s[0] = (char)cp, n = 1;
	else if (cp < 0x800)
		s[0] = (char)(0xC0 | cp >> 6), s[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
	else if (cp < 0x10000)
		s[0] = (char)(0xE0 | cp >> 12), s[1] = (char)(0x80 | (cp >> 6 & 0x3F)), s[2] = (char)(0x80 | (cp & 0x3F)),
		n = 3;
	else
		s[0] = (char)(0xF0 | cp >> 18), s[1] = (char)(0x80 | (cp >> 12 & 0x3F)),
		s[2] = (char)(0x80 | (cp >> 6 & 0x3F)), s[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
	sb_addn(out, s, (size_t)n);
}

/* UTF-16 to UTF-8; a lone surrogate becomes U+FFFD. */
static void to_utf8(const struct units *o, struct sbuf *out)
{
	for (size_t i = 0; i < o->n; i++) {
		unsigned long u = o->u[i];
		if (u >= 0xD800 && u < 0xDC00 && i + 1 < o->n && o->u[i + 1] >= 0xDC00 && o->u[i + 1] < 0xE000)
			u = 0x10000 + ((u - 0xD800) << 10) + (o->u[++i] - 0xDC00);
		else if (u >= 0xD800 && u < 0xE000)
			u = 0xFFFD;
		put_utf8(out, u);
	}
}

/* A new unit (code 0: 8 bits, 1: 16) as a dictionary entry of its own. */
static long new_unit(struct bits *b, struct dict *d, long code)
{
	uint16_t u = (uint16_t)read_bits(b, code == 0 ? 8 : 16);
	return dict_add(d, -1, u, u, 1);
}

static int decode(struct bits *b, struct dict *d, struct units *o, const char **why)
{
	for (int i = 0; i < 3; i++)	/* codes 0-2 are the stream's controls */
		dict_add(d, -1, 0, 0, 0);
	int num_bits = 3;
	long enlarge_in = 4;
	long code = read_bits(b, 2);
	if (code == 2)
		return 0;
	if (code > 2)
		return *why = "awal data tidak dikenal", -1;
	long w = new_unit(b, d, code);
	if (b->bad || put_entry(o, d, w) != 0)
		return *why = b->bad ? "data terpotong" : "data terlalu besar", -1;
	for (;;) {
		code = read_bits(b, num_bits);
		if (b->bad)
			return *why = "data terpotong", -1;
		if (code == 2)
			return 0;
		if (code < 2) {
			code = new_unit(b, d, code);
			if (--enlarge_in == 0)
				enlarge_in = 1L << num_bits++;
		}
		if (code > d->n)
			return *why = "kode di luar kamus", -1;
		/* The code of the entry about to be made is w and w's own first unit;
		 * any other code's entry, w and that entry's first unit, comes next. */
		int making = code == d->n;
		if (making)
			dict_add(d, (int32_t)w, d->e[w].first, d->e[w].first, d->e[w].len + 1);
		if (b->bad || put_entry(o, d, code) != 0)
			return *why = b->bad ? "data terpotong" : "data terlalu besar", -1;
		if (!making)
			dict_add(d, (int32_t)w, d->e[code].first, d->e[w].first, d->e[w].len + 1);
		w = code;
		if (--enlarge_in == 0)
			enlarge_in = 1L << num_bits++;
		if (num_bits > 24)
			return *why = "kamus terlalu besar", -1;
	}
}

int lz_decompress_uri(const char *in, struct sbuf *out, struct sbuf *err)
{
	if (!in || !*in) {
		sb_add(err, "LZ-string: data kosong");
		return -1;
	}
	struct bits b = { .in = in, .len = strlen(in) };
	next_char(&b);
	struct dict d = { 0 };
	struct units o = { 0 };
	const char *why = NULL;
	int rc = decode(&b, &d, &o, &why);
	if (rc == 0)
		to_utf8(&o, out);
	else
		sb_printf(err, "LZ-string: %s", why);
	free(d.e);
	free(o.u);
	return rc;
}
