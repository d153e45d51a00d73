#define _GNU_SOURCE	/* fopencookie: escapes applied as the text is written */
#include "pkm/output.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Length of the valid UTF-8 character at s (n bytes there), 0 when the bytes
 * are not one, -1 when they are only the start of one. */
static int utf8_char(const unsigned char *s, size_t n, unsigned *cp)
{
	static const unsigned min[] = { 0, 0, 0x80, 0x800, 0x10000 };
	int len = s[0] < 0x80 ? 1 : (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3 : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
	if (!len)
		return 0;
	unsigned c = len == 1 ? s[0] : s[0] & (0x7F >> len);
	for (int i = 1; i < len; i++) {
		if ((size_t)i >= n)
			return -1;
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3F);
	}
	if (c < min[len] || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;	/* overlong, out of range, or a UTF-16 surrogate */
	*cp = c;
	return len;
}

enum kind { FINE, CONTROL, FORMAT };

static enum kind classify(unsigned c)
{
	if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
		return CONTROL;
	/* zero-width and direction marks, bidi overrides and isolates, line
	 * separators and the BOM: invisible, and able to reorder what is shown */
	if ((c >= 0x200B && c <= 0x200F) || (c >= 0x2028 && c <= 0x202E) || (c >= 0x2060 && c <= 0x2069) ||
	    c == 0xFEFF)
		return FORMAT;
	return FINE;
}

const char *text_refused(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	while (n) {
		if (*p >= 0x20 && *p < 0x7F) {	/* printable ASCII, most of any text: never refused */
			p++;
			n--;
			continue;
		}
		unsigned c;
		int len = utf8_char(p, n, &c);
		if (len <= 0)
			return "bukan teks UTF-8 yang sah";
		enum kind k = classify(c);
		if (k == CONTROL)
			return "berisi karakter kendali (ESC, tab, baris baru dan sejenisnya) yang tidak boleh";
		if (k == FORMAT)
			return "berisi karakter tak terlihat (pengubah arah teks dan sejenisnya) yang tidak boleh";
		p += len;
		n -= (size_t)len;
	}
	return NULL;
}

static void escape(struct sbuf *b, unsigned c)
{
	if (c < 0x20)
		sb_printf(b, "^%c", (char)(c + 64));
	else if (c == 0x7F)
		sb_add(b, "^?");
	else
		sb_printf(b, "<U+%04X>", c);
}

/* Escapes what it can of s; returns how many bytes at the end are the start
 * of a character that may go on in the next piece (only when `more`). */
static size_t visible(struct sbuf *b, const unsigned char *s, size_t n, const char *keep, int more)
{
	while (n) {
		unsigned c;
		int len = utf8_char(s, n, &c);
		if (len < 0 && more)
			return n;
		if (len <= 0) {
			sb_printf(b, "<%02X>", s[0]);
			len = 1;
		} else if (classify(c) != FINE && !(c < 0x80 && c && strchr(keep, (int)c)))
			escape(b, c);
		else
			sb_addn(b, (const char *)s, (size_t)len);
		s += len;
		n -= (size_t)len;
	}
	return 0;
}

void text_clean(char *s)
{
	unsigned char *in = (unsigned char *)s, *out = in;
	size_t n = strlen(s);
	while (n) {
		unsigned c;
		int len = utf8_char(in, n, &c);
		if (len <= 0 || classify(c) != FINE) {
			*out++ = '?';
			len = len <= 0 ? 1 : len;
		} else {
			memmove(out, in, (size_t)len);
			out += len;
		}
		in += len;
		n -= (size_t)len;
	}
	*out = 0;
}

void text_visible(struct sbuf *b, const char *s, size_t n, const char *keep)
{
	visible(b, (const unsigned char *)s, n, keep, 0);
}

int out_puts(FILE *f, const char *s)
{
	struct sbuf b = { 0 };
	text_visible(&b, s, strlen(s), "\n\f");
	int rc = fwrite(sb_str(&b), 1, b.len, f) == b.len ? 0 : -1;
	sb_free(&b);
	return rc;
}

int out_wrong(struct sbuf *why, const char *what, const char *given)
{
	sb_add(why, what);
	if (given) {
		sb_add(why, ": ");
		text_visible(why, given, strlen(given), "");
	}
	return -1;
}

int out_fail(const char *prefix, struct sbuf *err)
{
	fprintf(stderr, "%s: ", prefix);
	out_puts(stderr, sb_str(err));
	fputc('\n', stderr);
	sb_free(err);
	return 1;
}

/* The stream callers write to: text is escaped and passed on to dst. */
struct cookie {
	FILE *dst;
	unsigned char pend[4];
	size_t npend;
	struct sbuf buf;
};

static ssize_t cookie_write(void *p, const char *data, size_t n)
{
	struct cookie *c = p;
	struct sbuf in = { 0 };
	sb_addn(&in, (const char *)c->pend, c->npend);	/* a character the last piece began */
	sb_addn(&in, data, n);
	sb_reset(&c->buf);
	size_t rest = visible(&c->buf, (const unsigned char *)in.s, in.len, "\n\f", 1);
	memcpy(c->pend, in.s + in.len - rest, rest);
	c->npend = rest;
	sb_free(&in);
	if (c->buf.len && fwrite(c->buf.s, 1, c->buf.len, c->dst) != c->buf.len)
		return -1;
	return (ssize_t)n;
}

static int cookie_close(void *p)
{
	struct cookie *c = p;
	sb_reset(&c->buf);
	visible(&c->buf, c->pend, c->npend, "\n\f", 0);
	int rc = c->buf.len && fwrite(c->buf.s, 1, c->buf.len, c->dst) != c->buf.len ? -1 : 0;
	sb_free(&c->buf);
	free(c);
	return rc;
}

/* 1 when the target is the database, one of its companion files, or in the
 * backup folder: a report written there would destroy records. */
static int protected_file(sqlite3 *db, const char *backup_dir, const struct stat *target, const char *parent)
{
	const char *main = db ? sqlite3_db_filename(db, "main") : NULL;
	if (main && *main) {
		static const char *const tail[] = { "", "-wal", "-shm", "-journal", "-pkm.kunci" };
		char name[PATH_MAX + 16];
		for (size_t i = 0; i < ARRAY_LEN(tail); i++) {
			snprintf(name, sizeof name, "%s%s", main, tail[i]);
			if (target && file_is(target, name))
				return 1;
		}
	}
	struct stat dir;
	return backup_dir && *backup_dir && stat(parent, &dir) == 0 && file_is(&dir, backup_dir);
}

static void parent_of(const char *path, char *out, size_t size)
{
	str_copy(out, size, path);
	char *slash = strrchr(out, '/');
	if (!slash)
		str_copy(out, size, ".");
	else if (slash == out)
		out[1] = '\0';
	else
		*slash = '\0';
}

int out_open(struct out *o, sqlite3 *db, const char *backup_dir, const char *path, struct sbuf *err)
{
	memset(o, 0, sizeof *o);
	o->dst = stdout;
	if (path) {
		if (!*path) {
			sb_printf(err, "nama berkas keluaran kosong");
			return -1;
		}
		/* a link is followed: the file it names is the one replaced */
		char real[PATH_MAX], parent[PATH_MAX];
		struct stat st;
		int exists = stat(path, &st) == 0;
		str_copy(o->path, sizeof o->path, exists && realpath(path, real) ? real : path);
		parent_of(o->path, parent, sizeof parent);
		if (exists && S_ISDIR(st.st_mode)) {
			sb_printf(err, "%s: ini folder, bukan berkas", path);
			return -1;
		}
		if (protected_file(db, backup_dir, exists ? &st : NULL, parent)) {
			sb_printf(err, "%s: berkas ini adalah database pkm, berkas pendampingnya atau cadangan; "
				  "pilih nama lain", path);
			return -1;
		}
		if (exists && !S_ISREG(st.st_mode)) {
			o->dst = fopen(o->path, "w");	/* a device or pipe: written in place */
		} else {
			snprintf(o->tmp, sizeof o->tmp, "%s.XXXXXX", o->path);
			int fd = mkstemp(o->tmp);	/* mode 0600 */
			o->dst = fd >= 0 ? fdopen(fd, "w") : NULL;
			if (fd >= 0 && !o->dst)
				close(fd);
			if (!o->dst)
				unlink(o->tmp);
		}
		if (!o->dst) {
			sb_printf(err, "%s: tidak dapat ditulis: %s", path, strerror(errno));
			o->tmp[0] = '\0';
			return -1;
		}
	}
	struct cookie *c = xcalloc(1, sizeof *c);
	c->dst = o->dst;
	o->f = fopencookie(c, "w", (cookie_io_functions_t){ .write = cookie_write, .close = cookie_close });
	if (!o->f) {
		free(c);
		out_close(o, 0, NULL);
		sb_printf(err, "memori tidak cukup");
		return -1;
	}
	return 0;
}

int out_close(struct out *o, int ok, struct sbuf *err)
{
	int bad = o->f && fclose(o->f) != 0;
	o->f = NULL;
	int saved = errno;
	if (o->dst == stdout) {
		bad |= fflush(stdout) != 0 || ferror(stdout);
		saved = errno;
	} else if (o->dst) {
		bad |= fflush(o->dst) != 0 || ferror(o->dst) || (o->tmp[0] && fsync(fileno(o->dst)) != 0);
		saved = bad ? errno : saved;
		bad |= fclose(o->dst) != 0;
		if (!bad && ok && o->tmp[0] && rename(o->tmp, o->path) != 0) {
			bad = 1;
			saved = errno;
		}
		if ((bad || !ok) && o->tmp[0])
			unlink(o->tmp);
	}
	o->dst = NULL;
	if (bad && ok && err)
		sb_printf(err, "%s: gagal ditulis: %s", o->path[0] ? o->path : "keluaran standar",
			  strerror(saved ? saved : EIO));
	return bad || !ok ? -1 : 0;
}
