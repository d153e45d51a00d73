/* The data dictionary: each column's type, label, limits and help text, defined
 * once and used by the screens, the importer and the reports. */
#ifndef PKM_DICT_H
#define PKM_DICT_H
#include <sqlite3.h>
#include <stddef.h>

enum col_type {
	T_TEXT,		/* free text, maxlen bytes */
	T_RM,		/* No. RM: letters, digits, '-' and '/' */
	T_NIK,		/* 16-digit NIK (decisions.md 6) */
	T_BPJS,		/* 13-digit No. BPJS, kept as text */
	T_DATE,		/* YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY in, YYYY-MM-DD out */
	T_INT,		/* whole number in [min, max] */
	T_SEX,		/* L or P */
	T_UNIT,		/* a code of table unit */
	T_PAYER,	/* a code of table penjamin */
	T_ICD,		/* well-formed ICD-10 code */
	T_KASUS,	/* B, L or K */
};

struct column_def {
	const char *table, *column;
	enum col_type type;
	int required;
	int maxlen;		/* T_TEXT */
	long min, max;		/* T_INT */
	const char *label;	/* Indonesian, as on screen */
	const char *help;	/* Indonesian, shown on the message line */
};

const struct column_def *dict_find(const char *table, const char *column);
/* Check `in` and write its normal form to out. NULL when fine, else an
 * Indonesian message for the field. Empty optional values give "". */
const char *dict_check(sqlite3 *db, const struct column_def *c, const char *in, char *out, size_t size);
/* Does the payer require a No. BPJS? */
int dict_payer_needs_bpjs(sqlite3 *db, const char *payer);

#endif
