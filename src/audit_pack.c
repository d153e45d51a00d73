/* A save's lines packed (db/020): the text src/audit.c's triggers write
 * ("K+R", "K~R N=lama>baru ...", "K-R N=lama ...", values as quote() writes
 * them) kept as varints and lengths instead of digits, separators and quotes.
 * The packing is lossless: what cannot be packed and unpacked back to the same
 * bytes is kept as the text it is.
 *
 * Each line: varint K*6 + op*2 + has_row (op 0 '+', 1 '~', 2 '-'); varint R
 * when has_row; then, unless it is an insert named by its row, its columns:
 * varint N+1, a value (and the new one after it for '~'), ended by varint 0.
 * A value: varint 0 NULL; 1 and a zigzag varint, an integer; 2, a length and
 * the bytes, any other literal (a real, a blob); 3+L and L bytes, a text. */
#include "pkm/audit_pack.h"
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static const char ops[] = "+~-";

static void put_varint(struct sbuf *out, uint64_t v)
{
	do {
		char b = (char)(v & 0x7f);
		v >>= 7;
		sb_addc(out, (char)(b | (v ? 0x80 : 0)));
	} while (v);
}

struct reader {
	const unsigned char *p, *end;
};

static int get_varint(struct reader *r, uint64_t *v)
{
	*v = 0;
	for (int shift = 0; shift < 64 && r->p < r->end; shift += 7) {
		unsigned char b = *r->p++;
		*v |= (uint64_t)(b & 0x7f) << shift;
		if (!(b & 0x80))
			return 0;
	}
	return -1;
}

/* A run of digits that prints back the same: no sign, no leading zero. */
static const char *canonical_number(const char *p, uint64_t *v)
{
	if (*p < '0' || *p > '9' || (*p == '0' && p[1] >= '0' && p[1] <= '9'))
		return NULL;
	errno = 0;
	char *end;
	unsigned long long n = strtoull(p, &end, 10);
	if (errno)
		return NULL;
	*v = n;
	return end;
}

/* One value as quote() wrote it, ending before any of `stop` (or the text's
 * end); NULL when it is none that quote() writes. */
static const char *pack_value(const char *p, const char *end, const char *stop, struct sbuf *out)
{
	if (*p == '\'') {	/* a text: its length, then the bytes with '' as ' */
		size_t n = 0;
		const char *q = p + 1;
		for (; q < end; q++, n++) {
			if (*q != '\'')
				continue;
			if (q + 1 >= end || q[1] != '\'')
				break;
			q++;
		}
		if (q >= end)
			return NULL;
		put_varint(out, 3 + (uint64_t)n);
		for (const char *c = p + 1; c < q; c++) {
			sb_addc(out, *c);
			c += *c == '\'';
		}
		return q + 1;
	}
	if (end - p >= 4 && memcmp(p, "NULL", 4) == 0 && (p + 4 == end || strchr(stop, p[4]))) {
		put_varint(out, 0);
		return p + 4;
	}
	const char *q = p;
	while (q < end && !strchr(stop, *q))
		q++;
	uint64_t n;
	int neg = *p == '-';
	if (canonical_number(p + neg, &n) == q && (neg ? n && n - 1 <= INT64_MAX : n <= INT64_MAX)) {
		put_varint(out, 1);
		put_varint(out, neg ? 2 * (n - 1) + 1 : 2 * n);	/* zigzag */
		return q;
	}
	if (q == p)
		return NULL;
	put_varint(out, 2);
	put_varint(out, (uint64_t)(q - p));
	sb_addn(out, p, (size_t)(q - p));
	return q;
}

/* One line from p; the text after it (its '\n' included), NULL when it is not
 * a line the triggers write. */
static const char *pack_line(const char *p, const char *end, struct sbuf *out)
{
	uint64_t k, row = 0;
	p = canonical_number(p, &k);
	const char *op = p && p < end && *p ? strchr(ops, *p) : NULL;
	if (!op || k > (UINT64_MAX - 5) / 6)
		return NULL;
	const char *r = canonical_number(++p, &row);
	int has_row = r != NULL, named = *op == '+' && has_row;
	put_varint(out, k * 6 + (uint64_t)(op - ops) * 2 + (uint64_t)has_row);
	if (has_row) {
		put_varint(out, row);
		p = r;
	}
	while (!named && p < end && *p == ' ') {
		uint64_t n;
		const char *eq = canonical_number(p + 1, &n);
		if (!eq || *eq != '=' || n == UINT64_MAX)
			return NULL;
		put_varint(out, n + 1);
		p = pack_value(eq + 1, end, *op == '~' ? ">" : " \n", out);
		if (p && *op == '~')
			p = p < end && *p == '>' ? pack_value(p + 1, end, " \n", out) : NULL;
		if (!p)
			return NULL;
	}
	if (!named)
		put_varint(out, 0);
	return p == end ? p : *p == '\n' && p + 1 < end ? p + 1 : NULL;
}

static int unpack_value(struct reader *r, struct sbuf *out)
{
	uint64_t v, n;
	if (get_varint(r, &v) != 0)
		return -1;
	if (v == 0) {
		sb_add(out, "NULL");
		return 0;
	}
	if (v == 1) {
		if (get_varint(r, &n) != 0)
			return -1;
		if (n & 1)
			sb_printf(out, "-%" PRIu64, n / 2 + 1);
		else
			sb_printf(out, "%" PRIu64, n / 2);
		return 0;
	}
	uint64_t len = v - 3;
	if (v == 2 && get_varint(r, &len) != 0)
		return -1;
	if (len > (uint64_t)(r->end - r->p))
		return -1;
	const char *s = (const char *)r->p, *e = s + len;
	r->p += len;
	if (v == 2) {	/* a literal as quote() wrote it */
		sb_addn(out, s, len);
		return 0;
	}
	sb_addc(out, '\'');
	for (; s < e; s++) {
		sb_addc(out, *s);
		if (*s == '\'')
			sb_addc(out, '\'');
	}
	sb_addc(out, '\'');
	return 0;
}

int audit_unpack(const void *blob, size_t n, struct sbuf *out)
{
	struct reader r = { blob, (const unsigned char *)blob + n };
	for (int line = 0; r.p < r.end; line++) {
		uint64_t h, v;
		if (get_varint(&r, &h) != 0)
			return -1;
		char op = ops[h % 6 / 2];
		sb_printf(out, "%s%" PRIu64 "%c", line ? "\n" : "", h / 6, op);
		if (h & 1) {
			if (get_varint(&r, &v) != 0)
				return -1;
			sb_printf(out, "%" PRIu64, v);
			if (op == '+')
				continue;
		}
		for (;;) {
			if (get_varint(&r, &v) != 0)
				return -1;
			if (!v)
				break;
			sb_printf(out, " %" PRIu64 "=", v - 1);
			if (unpack_value(&r, out) != 0)
				return -1;
			if (op == '~') {
				sb_addc(out, '>');
				if (unpack_value(&r, out) != 0)
					return -1;
			}
		}
	}
	return 0;
}

int audit_pack(const char *text, size_t len, struct sbuf *out)
{
	const char *p = text, *end = text + len;
	size_t start = out->len;
	while (p && p < end)
		p = pack_line(p, end, out);
	struct sbuf back = { 0 };
	int same = p == end && len && audit_unpack(out->s + start, out->len - start, &back) == 0 &&
		   back.len == len && memcmp(back.s, text, len) == 0;
	sb_free(&back);
	if (!same) {
		out->len = start;
		if (out->s)
			out->s[start] = '\0';
	}
	return same ? 0 : -1;
}

static void sql_pack(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	struct sbuf b = { 0 };
	if (sqlite3_value_type(argv[0]) == SQLITE_TEXT &&
	    audit_pack((const char *)sqlite3_value_text(argv[0]), (size_t)sqlite3_value_bytes(argv[0]), &b) == 0)
		sqlite3_result_blob(cx, b.s, (int)b.len, SQLITE_TRANSIENT);
	else
		sqlite3_result_value(cx, argv[0]);
	sb_free(&b);
}

static void sql_text(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) != SQLITE_BLOB) {
		sqlite3_result_value(cx, argv[0]);
		return;
	}
	struct sbuf b = { 0 };
	if (audit_unpack(sqlite3_value_blob(argv[0]), (size_t)sqlite3_value_bytes(argv[0]), &b) == 0)
		sqlite3_result_text(cx, b.s ? b.s : "", (int)b.len, SQLITE_TRANSIENT);
	else
		sqlite3_result_text(cx, "(isi jejak tidak terbaca)", -1, SQLITE_STATIC);
	sb_free(&b);
}

void audit_pack_register(sqlite3 *db)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	sqlite3_create_function(db, "pkm_ringkas", 1, flags, NULL, sql_pack, NULL, NULL);
	sqlite3_create_function(db, "pkm_jejak", 1, flags, NULL, sql_text, NULL, NULL);
}
