#include "pkm/icd.h"
#include "pkm/util.h"
#include <ctype.h>
#include <string.h>

int icd_normalize(const char *in, char out[ICD_LEN])
{
	char buf[16];
	int n = 0;
	for (const char *p = in; *p; p++) {
		if (isspace((unsigned char)*p))
			continue;
		if (n >= 10)
			return -1;
		buf[n++] = (char)toupper((unsigned char)*p);
	}
	buf[n] = '\0';
	if (n < 3 || !isupper((unsigned char)buf[0]) || !isdigit((unsigned char)buf[1]) ||
	    !isdigit((unsigned char)buf[2]))
		return -1;
	const char *rest = buf + 3;
	if (*rest == '.')
		rest++;
	else if (*rest == '\0')
		rest = NULL;
	if (rest) {
		size_t r = strlen(rest);
		if (r < 1 || r > 2)
			return -1;
		for (size_t i = 0; i < r; i++)
			if (!isalnum((unsigned char)rest[i]))
				return -1;
	}
	memcpy(out, buf, 3);
	if (rest) {
		out[3] = '.';
		strcpy(out + 4, rest);
	} else {
		out[3] = '\0';
	}
	return 0;
}

int icd_prefix_match(const char *code, const char *prefix)
{
	size_t n = strlen(prefix);
	if (n == 0 || strncmp(code, prefix, n) != 0)
		return 0;
	return code[n] == '\0' || code[n] == '.' || strchr(prefix, '.') != NULL;
}

static int category_ok(const char *s)
{
	return strlen(s) == 3 && isupper((unsigned char)s[0]) && isdigit((unsigned char)s[1]) &&
	       isdigit((unsigned char)s[2]);
}

int chronic_parse(const char *text, struct chronic_list *out, const char **bad)
{
	out->n = 0;
	const char *p = text;
	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		if (!*p)
			break;
		const char *start = p;
		char item[16];
		size_t n = 0;
		while (*p && *p != ',' && n < sizeof item - 1)
			item[n++] = *p++;
		item[n] = '\0';
		str_trim(item);
		str_upper(item);
		char *dash = strchr(item, '-');
		char lo[8], hi[8];
		if (dash) {
			*dash = '\0';
			str_copy(lo, sizeof lo, str_trim(item));
			str_copy(hi, sizeof hi, str_trim(dash + 1));
		} else {
			str_copy(lo, sizeof lo, item);
			str_copy(hi, sizeof hi, item);
		}
		if (!category_ok(lo) || !category_ok(hi) || strcmp(lo, hi) > 0 ||
		    out->n >= (int)ARRAY_LEN(out->r)) {
			*bad = start;
			return -1;
		}
		memcpy(out->r[out->n].lo, lo, 4);
		memcpy(out->r[out->n].hi, hi, 4);
		out->n++;
	}
	return 0;
}

int chronic_has(const struct chronic_list *c, const char *code)
{
	char cat[4];
	memcpy(cat, code, 3);
	cat[3] = '\0';
	for (int i = 0; i < c->n; i++)
		if (strcmp(cat, c->r[i].lo) >= 0 && strcmp(cat, c->r[i].hi) <= 0)
			return 1;
	return 0;
}

char kasus_prefill(int chronic, int any_before, long days_since_last, int any_this_month, int window)
{
	if (!any_before)
		return 'B';
	if (chronic)
		return 'L';		/* stays lama after its first-ever baru */
	if (days_since_last > window)
		return 'B';		/* the earlier episode has ended */
	return any_this_month ? 'K' : 'L';
}

const char *kasus_name(char k)
{
	switch (k) {
	case 'B': return "Baru";
	case 'L': return "Lama";
	case 'K': return "KKL";
	default: return "?";
	}
}
