/* Small helpers shared by every module: allocation that never returns NULL,
 * a growable string buffer, and ASCII/UTF-8 string utilities. */
#ifndef PKM_UTIL_H
#define PKM_UTIL_H
#include <stddef.h>
#include <stdarg.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
/* The names in a folder that `keep` accepts, sorted by name (reversed when
 * `reverse`), as many as there are: *names to free with free_names. -1 when
 * the folder cannot be read. */
int dir_files(const char *dir, int (*keep)(const char *name), int reverse, char ***names);
/* The *.ini files of a folder (not hidden ones), by name. */
int dir_ini_files(const char *dir, char ***names);
void free_names(char **names, int n);

/* Growable, always NUL-terminated string. */
struct sbuf {
	char *s;
	size_t len, cap;
};
void sb_add(struct sbuf *b, const char *s);
void sb_addn(struct sbuf *b, const char *s, size_t n);
void sb_addc(struct sbuf *b, char c);
void sb_pad(struct sbuf *b, char c, int n);
void sb_printf(struct sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vprintf(struct sbuf *b, const char *fmt, va_list ap);
void sb_reset(struct sbuf *b);
void sb_free(struct sbuf *b);
/* The text so far ("" when nothing was added). */
const char *sb_str(const struct sbuf *b);

/* Copy with truncation; always terminates dst. */
void str_copy(char *dst, size_t size, const char *src);
/* Trim ASCII white space in place; returns s. */
char *str_trim(char *s);
void str_upper(char *s);
int str_is_digits(const char *s);
/* Does every space-separated word of query start a word of name (both folded
 * alike by the caller: "para 500" and "parasetamol 500 mg")? */
int str_words_start(const char *query, const char *name);
/* Whether path names the file a was stat'ed from (device and inode: a link
 * or another spelling does not hide it); 0 for an empty path. */
struct stat;
int file_is(const struct stat *a, const char *path);
/* A table or column name pkm accepts: [a-z][a-z0-9_]*, under 32 characters. */
int str_is_ident(const char *s);
/* Why s cannot be an external code (letters, digits, '.', '-', '_'; not
 * starting with '.', so never a path), or NULL when it can. */
const char *code_problem(const char *s);
/* Columns a UTF-8 string takes on a terminal or printout (one per code point). */
int utf8_width(const char *s);
/* Bytes of s that fit in `cols` columns, never splitting a character. */
size_t utf8_prefix(const char *s, int cols);
/* mkdir -p, mode 0700, for the folder that will hold the file at path. */
void make_parent_dir(const char *path);
/* Parse a whole base-10 integer; 0 on success. */
int parse_long(const char *s, long min, long max, long *out);
/* Decimal numbers in hundredths, without strtod or printf("%f") so the locale's
 * decimal point never matters: "12,5" and "12.5" both read as 1250, and 1250 is
 * written "12.5". 0 on success. */
int dec_parse(const char *s, long *hundredths);
void dec_format(long hundredths, char *out, size_t size);
long dec_from_double(double d);

#endif
