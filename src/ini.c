#define _GNU_SOURCE	/* memfd_create */
#include "pkm/ini.h"
#include "pkm/output.h"
#include <iniparser.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* iniparser reports syntax errors through a process-wide callback: collect them
 * here instead of letting them reach stderr (and a curses screen). */
static struct sbuf *load_errors;

static int collect_error(const char *fmt, ...)
{
	if (!load_errors)
		return 0;
	va_list ap;
	va_start(ap, fmt);
	sb_vprintf(load_errors, fmt, ap);
	va_end(ap);
	return 0;
}

#define MAX_SIZE (256 * 1024)	/* the largest shipped file is 15 KB */
#define MAX_SECTIONS 500

/* The whole file, at most MAX_SIZE bytes; NULL with the reason in err. */
static char *slurp(const char *path, size_t *len, struct sbuf *err)
{
	struct stat st;
	FILE *f = fopen(path, "rb");
	if (!f || fstat(fileno(f), &st) != 0 || S_ISDIR(st.st_mode)) {
		sb_printf(err, "%s: %s\n", path, f ? "ini folder, bukan berkas" : "berkas tidak dapat dibuka");
		if (f)
			fclose(f);
		return NULL;
	}
	struct sbuf b = { 0 };
	char chunk[4096];
	size_t n;
	while (b.len <= MAX_SIZE && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
		sb_addn(&b, chunk, n);
	fclose(f);
	if (b.len > MAX_SIZE) {
		sb_printf(err, "%s: berkas lebih dari 256 KiB; bukan berkas pengaturan pkm\n", path);
		sb_free(&b);
		return NULL;
	}
	*len = b.len;
	return b.s ? b.s : xstrdup("");
}

/* Section or key names with their lines, to find one given twice (iniparser
 * merges such sections and keeps the last value in silence). */
struct names {
	struct name_at { char *name; int line; } *v;
	int n, cap;
};

static void names_add(struct names *ns, const char *s, size_t n, int line)
{
	while (n && *s == ' ')
		s++, n--;
	while (n && s[n - 1] == ' ')
		n--;
	if (ns->n == ns->cap) {
		ns->cap = ns->cap ? ns->cap * 2 : 32;
		ns->v = xrealloc(ns->v, (size_t)ns->cap * sizeof *ns->v);
	}
	char *name = xcalloc(1, n + 1);
	for (size_t i = 0; i < n; i++)
		name[i] = (char)tolower((unsigned char)s[i]);	/* as iniparser compares them */
	ns->v[ns->n++] = (struct name_at){ name, line };
}

static int by_name_line(const void *a, const void *b)
{
	const struct name_at *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	return c ? c : x->line - y->line;
}

/* Report each name given again (at its later line) and empty the list; the count. */
static int names_flush(struct names *ns, const char *path, const char *fmt, struct sbuf *err)
{
	int bad = 0;
	if (!ns->n)
		return 0;	/* nothing listed (and qsort must not see a NULL array) */
	qsort(ns->v, (size_t)ns->n, sizeof *ns->v, by_name_line);
	for (int i = 0, first = 0; i < ns->n; i++) {
		if (strcmp(ns->v[i].name, ns->v[first].name) != 0)
			first = i;
		else if (i != first) {
			sb_printf(err, "%s:%d: ", path, ns->v[i].line);
			sb_printf(err, fmt, ns->v[i].name, ns->v[first].line);
			sb_addc(err, '\n');
			bad++;
		}
	}
	for (int i = 0; i < ns->n; i++)
		free(ns->v[i].name);
	ns->n = 0;
	return bad;
}

#define SECTION_TWICE "bagian [%s] sudah ada di baris %d; satu bagian satu judul"
#define KEY_TWICE "kunci '%s' sudah ada di baris %d bagian ini; tulis sekali"

/* What iniparser would accept in silence or misread: NUL and control bytes,
 * broken UTF-8, keys outside a section, an unclosed quote, a trailing '\'
 * (iniparser joins the next line), a section or a key given twice, and so many
 * sections that loading crawls. */
static int lint(const char *path, const char *text, size_t len, int continued, struct sbuf *err)
{
	if (strlen(text) != len) {
		sb_printf(err, "%s: berisi byte NUL; bukan berkas teks\n", path);
		return 1;
	}
	int bad = 0, line = 0, in_section = 0, sections = 0;
	struct sbuf l = { 0 };
	struct names secs = { 0 }, keys = { 0 };
	for (const char *p = text; *p && bad < 20;) {
		line++;
		size_t n = strcspn(p, "\n");
		sb_reset(&l);
		sb_addn(&l, p, n);
		p += n + (p[n] == '\n');
		/* a long form line may go on after '\' (joined as iniparser does) */
		while (continued && l.len > 1 && l.s[l.len - 1 - (l.s[l.len - 1] == '\r')] == '\\' && *p) {
			l.len -= 1 + (l.s[l.len - 1] == '\r');
			l.s[l.len] = '\0';
			n = strcspn(p, "\n");
			sb_addn(&l, p, n);
			p += n + (p[n] == '\n');
			line++;
		}
		for (char *c = l.s; *c; c++)
			*c = *c == '\t' || (*c == '\r' && !c[1]) ? ' ' : *c;	/* tabs and CRLF are fine */
		const char *why = text_refused(l.s);
		char *s = str_trim(l.s);
		size_t k = strlen(s);
		if (why)
			sb_printf(err, "%s:%d: %s\n", path, line, why);
		else if (!k || *s == ';' || *s == '#')
			continue;
		else if (s[k - 1] == '\\')
			sb_printf(err, "%s:%d: '\\' di akhir baris tidak dipakai (tulis nilai dalam satu baris)\n", path, line);
		else if (*s == '[') {
			if (s[k - 1] != ']')
				sb_printf(err, "%s:%d: judul bagian tanpa ']'\n", path, line);
			else if (++sections > MAX_SECTIONS)
				sb_printf(err, "%s:%d: lebih dari %d bagian\n", path, line, MAX_SECTIONS);
			else {
				bad += names_flush(&keys, path, KEY_TWICE, err);
				names_add(&secs, s + 1, k - 2, line);
				in_section = 1;
				continue;
			}
		} else if (!in_section)
			sb_printf(err, "%s:%d: kunci di luar bagian [...]; tulis judul bagian dulu\n", path, line);
		else if (!strchr(s, '='))
			sb_printf(err, "%s:%d: baris tidak dapat dibaca: %.60s\n", path, line, s);
		else {
			names_add(&keys, s, strcspn(s, "="), line);
			const char *v = s + strcspn(s, "=") + 1;
			v += strspn(v, " ");
			if ((*v != '"' && *v != '\'') || strchr(v + 1, *v))
				continue;
			sb_printf(err, "%s:%d: tanda kutip tidak ditutup\n", path, line);
		}
		bad++;
	}
	sb_free(&l);
	bad += names_flush(&keys, path, KEY_TWICE, err);
	bad += names_flush(&secs, path, SECTION_TWICE, err);
	free(keys.v);
	free(secs.v);
	return bad;
}

/* iniparser 4.1 reads only a named file: it is given exactly the text that
 * was checked (without a UTF-8 BOM, which it would misread), in memory. */
static void *load_text(const char *text, size_t len)
{
	int fd = memfd_create("pkm-ini", MFD_CLOEXEC);
	if (fd < 0)
		return NULL;
	void *dict = NULL;
	if (write(fd, text, len) == (ssize_t)len) {
		char name[64];
		snprintf(name, sizeof name, "/proc/self/fd/%d", fd);
		dict = iniparser_load(name);
	}
	close(fd);
	return dict;
}

/* iniparser's messages look like "iniparser: syntax error in F (12):\n-> text".
 * Turn each into "F:12: baris tidak dapat dibaca: text". */
static void translate_errors(const char *path, const char *raw, struct sbuf *err)
{
	const char *p = raw;
	int found = 0;
	while ((p = strstr(p, "iniparser: ")) != NULL) {
		p += 11;
		const char *open = strstr(p, " (");
		long line = open ? strtol(open + 2, NULL, 10) : 0;
		const char *arrow = strstr(p, "-> ");
		char text[128] = "";
		if (arrow) {
			size_t n = strcspn(arrow + 3, "\n");
			snprintf(text, sizeof text, "%.*s", (int)(n < 100 ? n : 100), arrow + 3);
		}
		if (strncmp(p, "input line too long", 19) == 0)
			sb_printf(err, "%s: baris terlalu panjang (maksimal 1023 karakter)\n", path);
		else
			sb_printf(err, "%s:%ld: baris tidak dapat dibaca: %s\n", path, line, text);
		found = 1;
	}
	if (!found)
		sb_printf(err, "%s: berkas tidak dapat dibaca\n", path);
}

int ini_open(struct ini *ini, const char *path, int continued, struct sbuf *err)
{
	memset(ini, 0, sizeof *ini);
	size_t len;
	ini->text = slurp(path, &len, err);
	if (!ini->text)
		return -1;
	if (len >= 3 && memcmp(ini->text, "\xEF\xBB\xBF", 3) == 0) {	/* Notepad's UTF-8 BOM */
		len -= 3;
		memmove(ini->text, ini->text + 3, len + 1);
	}
	const char *body = ini->text;
	if (lint(path, body, len, continued, err) != 0) {
		ini_close(ini);
		return -1;
	}
	struct sbuf raw = { 0 };
	load_errors = &raw;
	iniparser_set_error_callback(collect_error);
	ini->dict = load_text(body, len);
	load_errors = NULL;
	if (!ini->dict || raw.len) {
		translate_errors(path, sb_str(&raw), err);
		sb_free(&raw);
		ini_close(ini);
		return -1;
	}
	sb_free(&raw);
	ini->path = xstrdup(path);
	return 0;
}

void ini_close(struct ini *ini)
{
	if (ini->dict)
		iniparser_freedict(ini->dict);
	free(ini->path);
	free(ini->text);
	memset(ini, 0, sizeof *ini);
}

const char *ini_get(const struct ini *ini, const char *section, const char *key)
{
	char full[256];
	snprintf(full, sizeof full, "%s:%s", section, key);
	return iniparser_getstring(ini->dict, full, NULL);
}

/* Compare a lower-cased name with the raw text of the file. */
static int name_is(const char *text, size_t n, const char *name)
{
	return strlen(name) == n && strncasecmp(text, name, n) == 0;
}

int ini_line(const struct ini *ini, const char *section, const char *key)
{
	int line = 0, in_section = 0;
	for (const char *p = ini->text; *p;) {
		line++;
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		const char *s = p;
		while (s < p + len && isspace((unsigned char)*s))
			s++;
		size_t n = len - (size_t)(s - p);
		while (n && isspace((unsigned char)s[n - 1]))
			n--;
		if (n >= 2 && s[0] == '[' && s[n - 1] == ']') {
			in_section = name_is(s + 1, n - 2, section);
			if (in_section && !key)
				return line;
		} else if (in_section && key) {
			size_t k = strcspn(s, "=");
			while (k && isspace((unsigned char)s[k - 1]))
				k--;
			if (k < n && name_is(s, k, key))
				return line;
		}
		p = end ? end + 1 : p + len;
	}
	return 0;
}

int ini_error(const struct ini *ini, struct sbuf *err, const char *section, const char *key,
	      const char *fmt, ...)
{
	/* a missing key is reported at its section, a missing section at line 1 */
	int line = ini_line(ini, section, key);
	if (!line && key)
		line = ini_line(ini, section, NULL);
	sb_printf(err, "%s:%d: ", ini->path, line ? line : 1);
	va_list ap;
	va_start(ap, fmt);
	sb_vprintf(err, fmt, ap);
	va_end(ap);
	sb_addc(err, '\n');
	return -1;
}

/* A list entry ending in '*' takes every name it begins (lokasi_*). */
static int listed(const char *name, const char *const *list)
{
	for (; *list; list++) {
		size_t n = strlen(*list);
		if (strcmp(name, *list) == 0 || (n > 1 && (*list)[n - 1] == '*' && strncmp(name, *list, n - 1) == 0))
			return 1;
	}
	return 0;
}

int ini_section_count(const struct ini *ini)
{
	return iniparser_getnsec(ini->dict);
}

const char *ini_section_name(const struct ini *ini, int i)
{
	return iniparser_getsecname(ini->dict, i);
}

int ini_check_sections(const struct ini *ini, const char *const *sections, struct sbuf *err)
{
	int bad = 0;
	for (int i = 0; i < iniparser_getnsec(ini->dict); i++) {
		const char *name = iniparser_getsecname(ini->dict, i);
		if (!listed(name, sections)) {
			ini_error(ini, err, name, NULL, "bagian [%s] tidak dikenal", name);
			bad++;
		}
	}
	return bad;
}

int ini_check_keys(const struct ini *ini, const char *section, const char *const *keys,
		   struct sbuf *err)
{
	int n = iniparser_getsecnkeys(ini->dict, section);
	if (n <= 0)
		return 0;
	const char **all = xcalloc((size_t)n, sizeof *all);
	iniparser_getseckeys(ini->dict, section, all);
	int bad = 0;
	for (int i = 0; i < n; i++) {
		const char *key = all[i] + strlen(section) + 1;	/* strip "section:" */
		if (!listed(key, keys)) {
			ini_error(ini, err, section, key, "kunci '%s' tidak dikenal di [%s]", key, section);
			bad++;
		}
	}
	free(all);
	return bad;
}

int ini_key_names(const struct ini *ini, const char *section, char ***names)
{
	int n = iniparser_getsecnkeys(ini->dict, section);
	*names = NULL;
	if (n <= 0)
		return 0;
	const char **all = xcalloc((size_t)n, sizeof *all);
	iniparser_getseckeys(ini->dict, section, all);
	*names = xcalloc((size_t)n, sizeof **names);
	for (int i = 0; i < n; i++)
		(*names)[i] = xstrdup(all[i] + strlen(section) + 1);
	free(all);
	return n;
}

int ini_get_long(const struct ini *ini, const char *section, const char *key, long min, long max,
		 long *out, struct sbuf *err)
{
	const char *v = ini_get(ini, section, key);
	if (!v)
		return 0;
	if (parse_long(v, min, max, out) != 0)
		return ini_error(ini, err, section, key, "%s harus bilangan bulat %ld-%ld, bukan '%s'",
				 key, min, max, v);
	return 0;
}
