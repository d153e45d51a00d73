/* ICD-10 codes: normal form, Formulir 11 prefix matching, categories, and the
 * case-flag pre-fill rule of README domain rule 2. */
#ifndef PKM_ICD_H
#define PKM_ICD_H

#define ICD_LEN 8	/* "S52.51" + NUL, with room */

/* Upper-case, trim, insert the dot after the category ("j069" -> "J06.9").
 * 0 when well formed: a letter, two digits, optionally a dot and 1-2 more
 * letters or digits. */
int icd_normalize(const char *in, char out[ICD_LEN]);
/* Does `code` fall under `prefix` on a code boundary? A09 matches A09 and A09.0,
 * never A091; a prefix with a dot (K92.2) matches codes starting with it. */
int icd_prefix_match(const char *code, const char *prefix);

/* Chronic categories: a list of 3-character ranges such as "I10-I15, J44". */
struct chronic_list {
	int n;
	struct {
		char lo[4], hi[4];
	} r[64];
};
/* 0 on success; on error `*bad` points at the offending item. */
int chronic_parse(const char *text, struct chronic_list *out, const char **bad);
int chronic_has(const struct chronic_list *c, const char *code);

/* The pre-fill rule for one (visit, diagnosis):
 *   any_before       the patient has an earlier diagnosis in the same category
 *   days_since_last  days since the latest of them
 *   any_this_month   one of them falls in the visit's month
 * Returns 'B', 'L' or 'K'. */
char kasus_prefill(int chronic, int any_before, long days_since_last, int any_this_month, int window);
/* "B", "L", "K" -> words used on screen. */
const char *kasus_name(char k);

#endif
