/* The ILP dashboards (PWS, README "Dashboards (PWS)"): indicators written as
 * data in forms/dasbor/NAME.ini, each a counting rule of the report definitions
 * (an LB3 row's own when it has that row's id), a target population of the
 * villages (table sasaran), the yearly target percentage and who is still due.
 * Counted per village of the working area, cumulative over the year. */
#ifndef PKM_DASBOR_H
#define PKM_DASBOR_H
#include <limits.h>
#include <sqlite3.h>
#include "pkm/config.h"
#include "pkm/rowdef.h"

struct dasbor_ind {
	char id[32], label[160], source[240];
	int sasaran;			/* index in dasbor_sasaran, -1 with den */
	int den;			/* penyebut: another indicator's count per village, -1 none */
	int monthly;			/* periode = bulan: the month's own count, not the year's */
	int down;			/* arah = turun: a rate kept under the target (stunting) */
	long target;			/* target, hundredths of a percent */
	int lb3;			/* 1: the rule is LB3's row of this id */
	struct rd_due due;		/* label "" when none */
};

/* A table of the main dashboard ([tabel.ID] of utama.ini). */
enum dasbor_table { TAB_VISITS_WEEK, TAB_TOP_DIAGNOSES };
struct dasbor_tab {
	char id[32], label[160];
	enum dasbor_table kind;
	long top;			/* TAB_TOP_DIAGNOSES: how many per village */
};

struct dasbor {
	char id[32], path[PATH_MAX], title[128];
	int klaster;			/* 1-5, 0 = the main dashboard of every cluster */
	int ntab;
	struct dasbor_tab tab[4];
	int n;
	struct dasbor_ind *ind;
	struct rowdef rows;		/* numerators: rows.rows[i] is ind[i]'s */
};

/* The target populations of table sasaran (its CHECK in db/028_desa.sql). */
extern const char *const dasbor_sasaran[];

/* Load and check one file against db and forms/laporan/lb3.ini under
 * forms_dir; returns the number of problems (each "file:line: why" in err). */
int dasbor_load(sqlite3 *db, const char *forms_dir, const char *path, struct dasbor *out, struct sbuf *err);
void dasbor_free(struct dasbor *d);
/* Every *.ini of forms_dir/dasbor; *files gets how many. Returns problems. */
int dasbor_check_dir(sqlite3 *db, const char *forms_dir, int *files, struct sbuf *err);
/* The dashboard files of forms_dir/dasbor, by name; the number of problems
 * (none loaded then). klaster >= 0 keeps that cluster's only (0 the main one). */
int dasbor_load_all(sqlite3 *db, const char *forms_dir, int klaster, struct dasbor **out, int *n, struct sbuf *err);
void dasbor_free_all(struct dasbor *d, int n);

struct dasbor_village {
	char key[80];			/* rowdef.h village key: D<kode>, L, ?<text> */
	char name[72];
};

/* One dashboard counted for months 1..month of year. */
struct dasbor_result {
	const struct dasbor *d;
	int year, month;
	int nv;
	struct dasbor_village *v;	/* villages of the area by code, then L, then ?text by text */
	long (*num)[2];			/* [i * nv + v]: cumulative, the month's own */
	long *target;			/* [i * nv + v]: the village's sasaran, -1 none */
};

int dasbor_count(sqlite3 *db, const struct dasbor *d, int year, int month, struct dasbor_result *out,
		 struct sbuf *err);
/* The same without counting: the villages of the area, all counts 0 (what
 * the due list needs, at a fraction of the cost). */
int dasbor_frame(sqlite3 *db, const struct dasbor *d, int year, int month, struct dasbor_result *out,
		 struct sbuf *err);
void dasbor_result_free(struct dasbor_result *r);
/* The percent in hundredths (cumulative, or the month's for periode = bulan),
 * -1 without a target; the line (target x month / 12 for a yearly target
 * rising through the year, else the target) and whether the village is on the
 * wrong side of it (below; above for arah = turun). */
long dasbor_percent(const struct dasbor_result *r, int i, int v);
long dasbor_line(const struct dasbor_result *r, int i);
int dasbor_below(const struct dasbor_result *r, int i, int v);
int dasbor_off(const struct dasbor_result *r, int i, long percent);
/* The last day of the month looked at (YYYY-MM-DD): the due list's day. */
void dasbor_day(int year, int month, char out[11]);

/* Output (src/dasbor_out.c): the PWS chart as text of width 80 or 136 (block
 * characters when utf8), CSV, and the due list of indicator i (all when -1),
 * of one village key or all. */
void dasbor_text(const struct dasbor_result *r, int only, int width, int utf8, struct sbuf *out);
/* One indicator's block of that text: its name, target, column heads, then a
 * line per village (r->v order) and the total. */
#define DASBOR_CHART_HEAD 3
void dasbor_chart(const struct dasbor_result *r, int i, int width, int utf8, struct sbuf *out);
void dasbor_csv(const struct dasbor_result *r, int only, int head, struct sbuf *out);
int dasbor_due(sqlite3 *db, const struct dasbor_result *r, int only, const char *village, int csv, int head,
	       int width, struct sbuf *out, struct sbuf *err);
/* s cut or padded to cols columns, stored text shown escaped. */
void dasbor_cell(struct sbuf *b, const char *s, int cols);
/* The name a village key is shown by; of a key not of the area, without r. */
void dasbor_key_name(const char *key, char *out, size_t size);
void dasbor_village_name(const struct dasbor_result *r, const char *key, char *out, size_t size);

/* Table t of d for the month (src/dasbor_utama.c): visits per unit and week of
 * the month (days 1-7, 8-14, ...), or each village's commonest diagnoses; text
 * or CSV (tabel,baris,kolom,nilai). */
int dasbor_table(sqlite3 *db, const struct dasbor *d, int t, int year, int month, int csv, struct sbuf *out,
		 struct sbuf *err);

#endif
