/* Report row definitions (forms/laporan/NAME.ini): each row of LB3, LB4 and the
 * Jampersal recap says which table it counts from, on what conditions and how,
 * with its source written beside it. A district adjusts labels, order and
 * rules in the file; pkm checks them against the schema with file:line. */
#ifndef PKM_ROWDEF_H
#define PKM_ROWDEF_H
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include "pkm/config.h"
#include "pkm/ini.h"
#include "pkm/table.h"

#define RD_MAX_COND 10
#define RD_MAX_VALUES 16

enum rd_op { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_PREFIX, OP_SET, OP_UNSET };
/* Where a condition's column lives: the row's own table, the visit (view
 * v_kunjungan), another table of the same visit, or the patient's previous row
 * of the row's table. */
enum rd_scope { SC_FROM, SC_VISIT, SC_OTHER, SC_PREVIOUS };

struct rd_cond {
	enum rd_scope scope;
	char table[32], column[32];
	enum rd_op op;
	int or_next;			/* "atau": this or the next one */
	int n;
	char val[RD_MAX_VALUES][24];
};

enum rd_count { CNT_VISITS, CNT_PATIENTS, CNT_ROWS, CNT_SUM, CNT_COMPLETE, CNT_TARGET };

struct rd_row {
	char id[32];
	int head;			/* a group heading, no numbers */
	char label[160], source[240], docs[160];
	char from[32];			/* table or view; "kunjungan" means v_kunjungan */
	int monthly;			/* from a table keyed by bulan (YYYYMM), not by visit */
	char date_col[32];		/* column of `from` with the date counted; "" = visit date */
	int ncond;
	struct rd_cond *cond;		/* ncond of them (allocated) */
	enum rd_count count;
	char sum_col[32];
	int ncomplete;			/* CNT_COMPLETE: all these held within window_days */
	struct rd_cond *complete;	/* (allocated) */
	long window_days;
	int target;			/* CNT_TARGET: sasaran index */
	long max_per;			/* count at most this many per patient (0 = no cap) */
	char per_col[32];		/* ... per value of this column of `from` */
	long tariff;			/* Rupiah, for kolom = tarif */
};

struct rd_ratio {
	char id[32], label[160];
	int num, den;			/* row indexes */
};

enum rd_columns { RD_BY_SEX, RD_TOTAL, RD_TARIFF };

struct rowdef {
	char id[32];			/* file name without .ini: lb3, lb4, jampersal */
	char path[PATH_MAX], title[128];
	enum rd_columns columns;
	int n;
	struct rd_row *rows;
	int nratio;
	struct rd_ratio ratio[8];
};

/* Load and check one definition; returns the number of problems (each
 * "file:line: why" in err). */
int rowdef_load(sqlite3 *db, const char *path, struct rowdef *out, struct sbuf *err);
void rowdef_free(struct rowdef *d);
/* One row's rule from section sec of another file (a dashboard indicator,
 * forms/dasbor): the keys of [baris.ID], checked the same way. Returns problems. */
int rowdef_load_row(sqlite3 *db, struct ini *ini, const char *sec, struct rd_row *r, struct sbuf *err);

/* Who is still due (a dashboard's home-visit list): the patients with a row of
 * `from` meeting cond (from = "pasien": every patient meeting cond), whose start
 * (column date_col of that row, else the visit date; a patient's birth date)
 * lies min_days to max_days before the day looked at, with no visit after the
 * start meeting all of `without`. Keys belum, belum_dari, belum_syarat,
 * belum_tanggal, belum_hari, belum_tanpa; none = no rule (label ""). */
struct rd_due {
	char label[80], from[32], date_col[32];
	int ncond, nwithout;
	struct rd_cond *cond, *without;
	long min_days, max_days;
};
int rowdef_load_due(sqlite3 *db, struct ini *ini, const char *sec, struct rd_due *d, struct sbuf *err);
void rowdef_due_free(struct rd_due *d);

struct asal;
/* Per village (src/rowdef_desa.c). A village key: "D" + the code of a village
 * of the working area, "L" outside it (a neighbouring village's code, or typed
 * as outside), "?" + the text typed when not mapped to a code yet. As SQL, of
 * p = pasien and ds = desa (LEFT JOIN on p.desa_kode): */
#define RD_VILLAGE_KEY                                                                              \
	"CASE WHEN ds.wilayah = 1 THEN 'D' || ds.kode WHEN ds.kode IS NOT NULL OR p.desa_luar = 1 " \
	"THEN 'L' ELSE '?' || p.desa END"
/* The rows of d over [from, to) per village: total (patients once per month,
 * the months' reports added up) and the part in `month` (YYYY-MM). Rows that
 * count nothing in a village are not reported. */
int rowdef_count_villages(sqlite3 *db, const struct rowdef *d, const char *from, const char *to, const char *month,
			  void (*add)(void *ctx, int row, const char *village, long total, long in_month), void *ctx,
			  struct sbuf *err);
/* The visits behind one village's total of row r (visit details filled in). */
int rowdef_village_asal(sqlite3 *db, const struct rd_row *r, const char *from, const char *to, const char *village,
			struct asal *out, struct sbuf *err);
struct rd_due_row {
	long pasien;
	char mulai[11], village[80], no_rm[24], nama[104], alamat[104], no_hp[20], tanggal_lahir[11];
};
/* Those due by `day` (YYYY-MM-DD) under rule d, of one village key or all
 * (NULL), ordered by village and name. */
int rowdef_due_list(sqlite3 *db, const struct rd_due *d, const char *day, const char *village,
		    void (*add)(void *ctx, const struct rd_due_row *r), void *ctx, struct sbuf *err);
/* Check every *.ini of dir; *files gets how many were read. Returns problems. */
int rowdefs_check_dir(sqlite3 *db, const char *dir, int *files, struct sbuf *err);
/* The table a definition's name means: "kunjungan" is the view v_kunjungan. */
const char *rowdef_sql_table(const char *name);
/* The definition file of a report name in the configured forms folder. */
void rowdef_path(const struct pkm_config *cfg, const char *name, char *out, size_t size);

/* Counted values: per row up to 3 cells (L, P, Jumlah; or Jumlah, Tarif,
 * Biaya), CELL_NA where a cell does not apply. */
struct rd_result {
	const struct rowdef *def;
	char month[8];
	long (*v)[3];
	char notes[512];		/* e.g. a sasaran not configured */
};

/* How many values a row's query binds (check-forms refuses one past SQLite's limit). */
int rowdef_row_params(const struct rd_row *r);
int rowdef_count(sqlite3 *db, const struct pkm_config *cfg, const struct rowdef *d, const char *month,
		 struct rd_result *out, struct sbuf *err);
void rd_result_free(struct rd_result *r);
void rd_table(const struct rd_result *r, struct table *t);
/* Data cells "baris,kolom,nilai", every cell that applies, in row order. */
void rd_write_data(const struct rd_result *r, FILE *f);

struct asal;
/* The rows row baris counted for column kolom (include/pkm/asal.h): the same
 * rows whose sum is the cell. ASAL_UNKNOWN for a cell that is not counted. */
int rowdef_asal(sqlite3 *db, const struct rowdef *d, const char *month, const char *baris, const char *kolom,
		struct asal *out, struct sbuf *err);

#endif
