/* iniparser 4.1 behind a stricter face: file:line in every message, unknown
 * sections and keys refused, numbers parsed in base 10 (iniparser reads "08" as 0). */
#ifndef PKM_INI_H
#define PKM_INI_H
#include "pkm/util.h"

struct ini {
	void *dict;		/* iniparser's dictionary */
	char *path;
	char *text;		/* the file, for finding line numbers */
};

/* 0 on success; on failure a "file:line: ..." message is added to err.
 * continued: a line ending in '\' goes on in the next (form definitions);
 * the configuration has no such lines. */
int ini_open(struct ini *ini, const char *path, int continued, struct sbuf *err);
void ini_close(struct ini *ini);
/* The value, or NULL when absent. Section and key are lower-case. */
const char *ini_get(const struct ini *ini, const char *section, const char *key);
/* Line number of a key (or of the section header when key is NULL); 0 if unknown. */
int ini_line(const struct ini *ini, const char *section, const char *key);
/* Adds "file:line: message" to err; returns -1 for convenience. */
int ini_error(const struct ini *ini, struct sbuf *err, const char *section, const char *key,
	      const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* Sections in file order (names lower-cased by iniparser). */
int ini_section_count(const struct ini *ini);
const char *ini_section_name(const struct ini *ini, int i);
/* Refuse sections not in `sections` (NULL-terminated); returns the error count. */
int ini_check_sections(const struct ini *ini, const char *const *sections, struct sbuf *err);
/* Refuse keys of `section` not in `keys` (NULL-terminated; "name_*" takes a
 * family of keys); returns the error count. */
int ini_check_keys(const struct ini *ini, const char *section, const char *const *keys,
		   struct sbuf *err);
/* The keys of a section (without "section:"); free with free_names. */
int ini_key_names(const struct ini *ini, const char *section, char ***names);
/* Integer in [min, max]; `*out` keeps its value when the key is absent. 0 on success. */
int ini_get_long(const struct ini *ini, const char *section, const char *key, long min, long max,
		 long *out, struct sbuf *err);

#endif
