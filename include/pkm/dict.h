/* The data dictionary (table kamus, filled by the migrations): each column's
 * type, label, limits, choices and help text, defined once and used by the
 * screens, the forms, the importers and the reports. */
#ifndef PKM_DICT_H
#define PKM_DICT_H
#include <sqlite3.h>
#include <stddef.h>

enum col_type {
	T_TEXT,		/* teks: free text, maxlen characters */
	T_RM,		/* rm: No. RM, letters, digits, '-' and '/' */
	T_NIK,		/* nik: 16-digit NIK (README domain rule 6) */
	T_BPJS,		/* bpjs: 13-digit No. BPJS, kept as text */
	T_DATE,		/* tanggal: DD-MM-YYYY, DD/MM/YYYY or YYYY-MM-DD in, YYYY-MM-DD out */
	T_TIME,		/* jam: HH:MM */
	T_INT,		/* bulat: whole number in [min, max] */
	T_DEC,		/* desimal: '.' or ',' as the point, at most 2 decimals */
	T_SEX,		/* jk: L or P */
	T_UNIT,		/* unit: a code of table unit */
	T_PAYER,	/* penjamin: a code of table penjamin */
	T_ICD,		/* icd10: well-formed ICD-10 code */
	T_KASUS,	/* kasus: B, L or K */
	T_CHOICE,	/* pilihan: one code of the column's choice list */
	T_YESNO,	/* ya_tidak: stored 1 or 0 */
	T_BP,		/* tensi: sistol/diastol, stored in <col>_sistol and <col>_diastol */
	T_CALC,		/* hitung: read-only, computed by a formula from other fields */
	T_PHONE,	/* hp: mobile number, kept as 08... digits */
	T_KK,		/* kk: 16-digit No. Kartu Keluarga */
	T_RTRW,		/* rtrw: RT/RW, kept as 003/005 */
	T_TYPE_COUNT
};

#define DICT_MAX_CHOICES 24

struct column_def {
	char table[32], column[32];
	enum col_type type;
	int required;
	int maxlen;			/* T_TEXT, characters */
	double min, max;		/* T_INT, T_DEC; min > max means no limit */
	char label[64], unit[12];
	/* Longer texts point into the connection's dictionary (dict_find), or at
	 * the caller's strings for a field not in kamus; NULL reads as "". */
	const char *help;
	const char *choices;		/* T_CHOICE: "KODE=Label;KODE=Label" */
	const char *formula;		/* T_CALC: "name arg arg" */
};

/* "Laki-laki" or "Perempuan" for L or P: the same words as the choice lists. */
const char *dict_sex_label(char sex);
/* Name of a type as written in kamus.jenis. */
const char *dict_type_name(enum col_type t);
/* Fill `out` from the dictionary; 0 when the column is there, -1 when not.
 * Rows read are kept in the connection's slot until db_close: out's texts
 * point into it. */
int dict_get(sqlite3 *db, const char *table, const char *column, struct column_def *out);
/* The same without the copy (an import checks a dozen a line): the
 * connection's own row, valid until db_close. NULL when the column is not in
 * kamus. */
const struct column_def *dict_find(sqlite3 *db, const char *table, const char *column);
/* The choices of a pilihan column on this connection instead of kamus' (the
 * configuration's [farmasi] sumber_dana for batch.sumber): every screen,
 * check, import and report reading the column gets them. 0 when set. */
int dict_set_choices(sqlite3 *db, const char *table, const char *column, const char *choices);
/* The configuration's lists over kamus': [farmasi] sumber_dana. */
struct pkm_config;
void dict_configure(sqlite3 *db, const struct pkm_config *cfg);
/* Check `in` and write its normal form to out. NULL when fine, else an
 * Indonesian message for the field. Empty optional values give "". */
const char *dict_check(sqlite3 *db, const struct column_def *c, const char *in, char *out, size_t size);
/* The human form of a normal value: "Ya", the label of a choice or unit, "60.5 kg",
 * a date DD-MM-YYYY;
 * "" for a value not on the field's list. */
void dict_display(sqlite3 *db, const struct column_def *c, const char *value, char *out, size_t size);
/* The label of a stored code of table.column ("BPJS Non PBI" for BPJS_NON_PBI),
 * or the code itself when the dictionary has none; returns out. */
const char *dict_label(sqlite3 *db, const char *table, const char *column, const char *value, char *out,
		       size_t size);
/* A normal value as a person types it back: dates DD-MM-YYYY, yes/no Y or T. */
void dict_edit_text(const struct column_def *c, const char *value, char *out, size_t size);
/* Choice i (0-based) of a T_CHOICE column: code and label. 0 when it exists. */
int dict_choice(const struct column_def *c, int i, char code[24], char label[80]);
/* The options of a field filled from a list (pilihan, ya_tidak, jk, unit,
 * penjamin): up to max codes and labels; returns the count (0 for other types). */
int dict_options(sqlite3 *db, const struct column_def *c, char (*code)[24], char (*label)[80], int max);
/* The one option whose code starts with `typed` (any case) into out: "IG" is
 * IGD, "k2" is K2. 1 when exactly one does, else 0. */
int dict_complete(sqlite3 *db, const struct column_def *c, const char *typed, char *out, size_t size);
/* Is the field one of those types (picked from a list with Space)? */
int dict_has_options(const struct column_def *c);
/* Does the payer require a No. BPJS? */
int dict_payer_needs_bpjs(sqlite3 *db, const char *payer);
/* Check one dictionary row on its own (choices well-formed, limits sane); NULL or why. */
const char *dict_self_check(const struct column_def *c);

/* Problems found, each tied to its column so the screen shows it beside the field. */
struct field_errors {
	int n;
	struct {
		const char *column;
		char msg[160];
	} e[16];
};
void field_error(struct field_errors *fe, const char *column, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Check `in` against table.column of the dictionary: the normal form in out, or
 * the message recorded under `field`. */
void dict_check_field(sqlite3 *db, const char *table, const char *column, const char *field, const char *in,
		      char *out, size_t size, struct field_errors *fe);
const char *field_error_for(const struct field_errors *fe, const char *column);
/* "column: why; column: why" into err (a command line's one message). */
struct sbuf;
void field_errors_join(const struct field_errors *fe, struct sbuf *err);
/* A command's refusal: each problem as "pkm: column: message" on stderr (the
 * message shown, never obeyed). */
void field_errors_print(const struct field_errors *fe);

#endif
