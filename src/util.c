#include "pkm/util.h"
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/stat.h>

static void *check(void *p)
{
	if (!p) {
		fputs("pkm: memori habis\n", stderr);
		abort();
	}
	return p;
}

void *xmalloc(size_t n) { return check(malloc(n ? n : 1)); }
void *xcalloc(size_t n, size_t size) { return check(calloc(n ? n : 1, size ? size : 1)); }
void *xrealloc(void *p, size_t n) { return check(realloc(p, n ? n : 1)); }
char *xstrdup(const char *s) { return check(strdup(s ? s : "")); }

static void sb_grow(struct sbuf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap * 2 : 64;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->s = xrealloc(b->s, cap);
	b->cap = cap;
}

void sb_addn(struct sbuf *b, const char *s, size_t n)
{
	sb_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void sb_add(struct sbuf *b, const char *s) { sb_addn(b, s, strlen(s)); }
void sb_addc(struct sbuf *b, char c) { sb_addn(b, &c, 1); }

void sb_pad(struct sbuf *b, char c, int n)
{
	for (int i = 0; i < n; i++)
		sb_addc(b, c);
}

void sb_vprintf(struct sbuf *b, const char *fmt, va_list ap)
{
	/* one pass when it fits in the room there is, a second after growing */
	sb_grow(b, 0);
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap2);
	va_end(ap2);
	if (n < 0) {
		b->s[b->len] = '\0';
		return;
	}
	if ((size_t)n >= b->cap - b->len) {
		sb_grow(b, (size_t)n);
		vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	}
	b->len += (size_t)n;
}

void sb_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sb_vprintf(b, fmt, ap);
	va_end(ap);
}

void sb_reset(struct sbuf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

void sb_free(struct sbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

const char *sb_str(const struct sbuf *b) { return b->s ? b->s : ""; }

void str_copy(char *dst, size_t size, const char *src)
{
	if (!size)
		return;
	size_t n = src ? strlen(src) : 0;
	if (n >= size) {
		n = size - 1;
		/* do not leave half a UTF-8 character behind */
		while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
			n--;
	}
	if (n)
		memcpy(dst, src, n);
	dst[n] = '\0';
}

char *str_trim(char *s)
{
	size_t n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
	size_t i = 0;
	while (isspace((unsigned char)s[i]))
		i++;
	if (i)
		memmove(s, s + i, n - i + 1);
	return s;
}

void str_upper(char *s)
{
	for (; *s; s++)
		*s = (char)toupper((unsigned char)*s);
}

int str_words_start(const char *query, const char *name)
{
	for (const char *q = query; *(q += strspn(q, " "));) {
		size_t len = strcspn(q, " ");
		int found = 0;
		for (const char *w = name; !found && *(w += strspn(w, " ")); w += strcspn(w, " "))
			found = strncmp(w, q, len) == 0;
		if (!found)
			return 0;
		q += len;
	}
	return 1;
}

int str_is_digits(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

int utf8_width(const char *s)
{
	int w = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			w++;
	return w;
}

size_t utf8_prefix(const char *s, int cols)
{
	size_t i = 0;
	int w = 0;
	while (s[i]) {
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			if (w == cols)
				break;
			w++;
		}
		i++;
	}
	return i;
}

int parse_long(const char *s, long min, long max, long *out)
{
	if (!s || !*s)
		return -1;
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

int dec_parse(const char *s, long *out)
{
	int neg = *s == '-';
	s += neg;
	long whole = 0, frac = 0;
	int digits = 0, fd = 0;
	for (; isdigit((unsigned char)*s) && digits < 12; s++, digits++)
		whole = whole * 10 + (*s - '0');
	if (*s == '.' || *s == ',') {
		for (s++; isdigit((unsigned char)*s) && fd < 2; s++, fd++)
			frac = frac * 10 + (*s - '0');
		if (!fd)
			return -1;
	}
	if (*s || !digits)
		return -1;
	frac *= fd == 1 ? 10 : 1;
	*out = (whole * 100 + frac) * (neg ? -1 : 1);
	return 0;
}

void dec_format(long h, char *out, size_t size)
{
	long a = h < 0 ? -h : h;
	if (a % 100 == 0)
		snprintf(out, size, "%s%ld", h < 0 ? "-" : "", a / 100);
	else if (a % 10 == 0)
		snprintf(out, size, "%s%ld.%ld", h < 0 ? "-" : "", a / 100, a % 100 / 10);
	else
		snprintf(out, size, "%s%ld.%02ld", h < 0 ? "-" : "", a / 100, a % 100);
}

long dec_from_double(double d)
{
	return (long)(d * 100 + (d < 0 ? -0.5 : 0.5));
}

int str_is_ident(const char *s)
{
	if (!islower((unsigned char)*s) || strlen(s) >= 32)
		return 0;
	for (; *s; s++)
		if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s) && *s != '_')
			return 0;
	return 1;
}

const char *code_problem(const char *s)
{
	if (*s == '.')
		return "tidak boleh diawali '.'";
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && !strchr(".-_", *s))
			return "hanya huruf, angka, '.', '-' dan '_'";
	return NULL;
}

void make_parent_dir(const char *path)
{
	char dir[4096];
	str_copy(dir, sizeof dir, path);
	char *slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return;
	*slash = '\0';
	for (char *p = dir + 1; *p; p++) {
		if (*p == '/') {
			*p = '\0';
			mkdir(dir, 0700);
			*p = '/';
		}
	}
	mkdir(dir, 0700);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}
static int by_name_reversed(const void *a, const void *b) { return by_name(b, a); }

int dir_files(const char *dir, int (*keep)(const char *name), int reverse, char ***names)
{
	*names = NULL;
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	int n = 0, cap = 0;
	for (struct dirent *e; (e = readdir(d)) != NULL;) {
		if (!keep(e->d_name))
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			*names = xrealloc(*names, (size_t)cap * sizeof **names);
		}
		(*names)[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n)	/* qsort must not get NULL, even for no elements */
		qsort(*names, (size_t)n, sizeof **names, reverse ? by_name_reversed : by_name);
	return n;
}

static int is_ini(const char *name)
{
	size_t len = strlen(name);
	return len > 4 && strcmp(name + len - 4, ".ini") == 0 && name[0] != '.';
}

int dir_ini_files(const char *dir, char ***names) { return dir_files(dir, is_ini, 0, names); }

void free_names(char **names, int n)
{
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

int file_is(const struct stat *a, const char *path)
{
	struct stat b;
	return path && *path && stat(path, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}
