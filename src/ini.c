#include "pkm/ini.h"
#include <iniparser.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	struct sbuf b = { 0 };
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		sb_addn(&b, chunk, n);
	fclose(f);
	return b.s ? b.s : xstrdup("");
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

int ini_open(struct ini *ini, const char *path, struct sbuf *err)
{
	memset(ini, 0, sizeof *ini);
	ini->text = slurp(path);
	if (!ini->text) {
		sb_printf(err, "%s: berkas tidak dapat dibuka\n", path);
		return -1;
	}
	struct sbuf raw = { 0 };
	load_errors = &raw;
	iniparser_set_error_callback(collect_error);
	ini->dict = iniparser_load(path);
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

static int listed(const char *name, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(name, *list) == 0)
			return 1;
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
