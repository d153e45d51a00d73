/* Declarative forms (the INI files in forms/): which visits a form applies to, the table it
 * writes, and its fields in order. A field names a column; everything else about
 * the column comes from the data dictionary (kamus). */
#ifndef PKM_FORM_H
#define PKM_FORM_H
#include "pkm/calc.h"
#include "pkm/dict.h"
#include "pkm/visit.h"
#include <limits.h>

#define FORM_MAX_FIELDS 64
#define FORM_MAX_UNITS 10
#define FORM_MAX_WHEN 8
#define FORM_MAX_UNIQUE 4
#define FORM_MAX_DOSES 8

/* An age bound: a number of hari, bulan or tahun ('h', 'b', 't'); unit 0 = none. */
struct age_bound {
	long n;
	char unit;
};

/* Ages by dose code: umur_dosis = 1:42 hari, 4:18 bulan. */
struct dose_ages {
	int n;
	char dose[FORM_MAX_DOSES][8];
	struct age_bound age[FORM_MAX_DOSES];
};

/* The schedule of a field (immunisation, neonatal visits): given below a
 * minimum age or past a latest one, or too soon after the patient's previous
 * dose, it is warned about, not refused. */
struct schedule {
	struct age_bound min_age;		/* umur_min: any value */
	struct dose_ages earliest;		/* umur_dosis = 1:42 hari, 4:18 bulan */
	struct dose_ages latest;		/* umur_dosis_maks = KN1:2 hari */
	long min_gap_days;			/* jarak_min = 28 hari, since the previous dose */
};

/* The formula of a T_CALC field. */
struct field_calc {
	struct calc_call call;
	int field[CALC_MAX_ARGS];	/* field index of each argument, -1 for a number */
};

/* A desk holds every form's fields for the session: what few fields have is
 * allocated for those only (NULL for the others). */
struct form_field {
	char name[32];
	struct column_def def;		/* the dictionary row; its texts are the connection's */
	enum col_type shown;		/* def.type, or the formula's result for T_CALC */
	struct field_calc *calc;	/* T_CALC */
	int when_field;			/* field that decides whether this one is shown, -1 = always */
	int n_when;
	char (*when)[24];		/* n_when normal values of when_field that show it */
	char carry;			/* bawa: 'y' the last value, '+' the last value plus one, 0 none */
	struct schedule *sched;		/* umur_min, umur_dosis(_maks), jarak_min */
};


struct form {
	char id[64];			/* file name without ".ini" */
	char title[80], table[32];
	char key[16];			/* row key: "kunjungan_id" (a visit) or "bulan" (YYYYMM, monthly) */
	int n_units;			/* 0 = every unit */
	char units[FORM_MAX_UNITS][12];
	char sex;			/* 'L', 'P' or 0 for both */
	struct age_bound age_min, age_max;
	int n;
	struct form_field *f;		/* n fields (allocated: a form holds few of the 64 it may) */
	long carry_days;		/* bawa_hari: carry only from a row this recent; 0 = any */
	int opens_visit;		/* buka_kunjungan: the unit field whose value opens a visit, -1 none */
	char watch_table[32];		/* waspada_tabel: a row there within waspada_hari days warns */
	long watch_days;
	char watch_text[160];		/* waspada_pesan */
	int n_unique;			/* unik: no two rows of a patient share these fields' values */
	int unique[FORM_MAX_UNIQUE];
	struct form_kept *kept;		/* statements kept across rows (form_keep), NULL: prepared per call */
};

struct form_set {
	int n;
	struct form *forms;
};

/* A bulk import keeps the statements its rows' checks and writes use, on one
 * connection, until form_unkeep (a desk prepares them per save and keeps
 * nothing). */
void form_keep(struct form *f);
void form_unkeep(struct form *f);
/* Load one form and check it against the database schema and the dictionary.
 * Every problem is added to err as "file:line: why"; returns their count.
 * Free it with form_free, whatever the count; use it while db is open (its
 * fields' texts are the connection's dictionary). */
int form_load(sqlite3 *db, const char *path, struct form *out, struct sbuf *err);
void form_free(struct form *f);
/* Every *.ini of dir, in file-name order. Returns the number of problems. */
int forms_load_dir(sqlite3 *db, const char *dir, struct form_set *out, struct sbuf *err);
void forms_free(struct form_set *set);
/* Does the form apply to a visit of this unit by a patient of this sex and age? */
int form_applies(const struct form *f, const char *unit, char sex, const struct age *age);
/* Its sex and age bounds alone (a stored row checked against the patient). */
int form_fits_patient(const struct form *f, char sex, const struct age *age);
/* An age in a bound's unit ('h', 'b', 't'). */
long age_in_unit(const struct age *a, char unit);
/* "P, 10-55 tahun, K2" */
void form_describe_target(const struct form *f, char *out, size_t size);

/* What the user typed (or what was stored), per field, in normal form after a check. */
struct form_values {
	char v[FORM_MAX_FIELDS][512];
	char err[FORM_MAX_FIELDS][200];
	char note[160];		/* after a save: what else it did ("kunjungan K3 dibuka, antrian 2") */
};

/* Is field i shown, given the current values? */
int form_visible(const struct form *f, const struct form_values *vals, int i);
/* Check typed field i as the cursor leaves it (err[i] set, v[i] normalised when
 * good); 0 when fine. Computed fields get their messages from form_compute. */
int form_check_field(sqlite3 *db, const struct form *f, struct form_values *vals, int i);
/* Recompute every computed field from the values before it. */
void form_compute(sqlite3 *db, const struct form *f, const struct visit *v, struct form_values *vals);
/* Check everything (shown fields only); returns the number of bad fields. */
int form_check_all(sqlite3 *db, const struct form *f, const struct visit *v, struct form_values *vals);
/* The stored row of a key (visit id, or YYYYMM of a monthly form): 1 read, 0 none yet, -1 error. */
int form_read(sqlite3 *db, const struct form *f, long visit_id, struct form_values *vals);
/* Has the visit a stored row of this form? */
int form_filled(sqlite3 *db, const struct form *f, long visit_id);
/* The stored form of a visit as text (label, shown value), for reading only;
 * 1 when there is one, 0 when not, -1 on error. */
int form_text(sqlite3 *db, const struct form *f, long visit_id, struct sbuf *out);
/* A new form of a visit starts with the fields marked `bawa` filled from the
 * patient's last row of this form (an earlier visit not cancelled, within
 * bawa_hari). 1 with from_day (YYYY-MM-DD) set when something was filled. */
int form_carry(sqlite3 *db, const struct form *f, const struct visit *v, struct form_values *vals,
	       char from_day[11]);
/* Impossible entries that are warned, not refused: a dose below its minimum age,
 * past its latest (KN1 after 48 hours) or too soon after the previous one, a second time the same dose, a row of
 * waspada_tabel too recent (KB after an ANC). One line each into out; the count. */
int form_warnings(sqlite3 *db, const struct form *f, const struct visit *v, const struct form_values *vals,
		  struct sbuf *out);
/* Check, compute and write the row in one BEGIN IMMEDIATE transaction; a form
 * with buka_kunjungan opens (or finds) the patient's visit of that day in the
 * unit its field names, in the same transaction (an internal referral). On any
 * failure nothing is written and vals keep what was typed. 0 on success.
 * v->id is the row's key: the visit id, or YYYYMM for a monthly form (then
 * v->tanggal is the month's first day). */
int form_save(sqlite3 *db, const struct form *f, const struct visit *v, struct form_values *vals,
	      struct sbuf *err);
/* The write of form_save inside the caller's transaction, for values that
 * passed form_check_all: the unique rule (unik), the row, the referred visit.
 * 0 on success; else why in err (a clash also under its field in vals->err). */
int form_write(sqlite3 *db, const struct form *f, const struct visit *v, struct form_values *vals,
	       struct sbuf *err);

#endif
