/* Where a number comes from: the rows behind one cell of a monthly report
 * (LB1, LB2, and the row definitions of LB3, LB4, Jampersal). Each report
 * computes its cells and their rows on one code path, so the rows always count
 * (or sum) to the cell. A cell is named by the keys `--format data` prints. */
#ifndef PKM_ASAL_H
#define PKM_ASAL_H
#include <sqlite3.h>
#include <stdio.h>
#include "pkm/config.h"
#include "pkm/reports.h"

struct asal_row {
	long kunjungan;			/* the visit, 0 for a row of no visit (a stock movement, a monthly entry) */
	char tanggal[11], no_rm[24], nama[104], unit[24];
	char ket[96];			/* what the row is: case flag and code, kind of movement ... */
	long nilai;			/* its part of the cell: 1, or a term of a sum */
};

struct asal {
	char judul[200];		/* the cell, in words */
	int n, cap;
	struct asal_row *rows;
	long total;			/* the rows' sum: the cell */
};

enum { ASAL_OK = 0, ASAL_ERROR = -1, ASAL_UNKNOWN = -2 };

/* The rows behind cell "BARIS,KOLOM" of report `req->name` in `req->month`
 * (layout for LB1). ASAL_UNKNOWN (with why in err) for a cell the report does
 * not have or that is not counted from rows (a configured target, a formula). */
int asal_build(sqlite3 *db, const struct pkm_config *cfg, const struct report_req *req, const char *cell,
	       struct asal *out, struct sbuf *err);
void asal_free(struct asal *a);
/* Text (a heading, then one line per row and the total) or CSV
 * (tanggal,no_rm,nama,unit,keterangan,nilai,kunjungan_id). */
void asal_write(const struct asal *a, enum report_format format, FILE *f);

/* The listing's column heads and one row under them (80 columns). */
const char *asal_head(void);
char *asal_line(const struct asal_row *r, char *buf, size_t size);
/* asal_build written in req->format (text or csv): the CLI's --asal. */
int report_asal(sqlite3 *db, const struct pkm_config *cfg, const struct report_req *req, const char *cell, FILE *out,
		struct sbuf *err);

/* For the reports' own asal functions: a new zeroed row, its part of the
 * total added; and the visits' dates, No. RM, names and units filled in. */
struct asal_row *asal_add(struct asal *a, long kunjungan, long nilai);
/* Whether table (a name of pkm's, never one typed) has a row of this kode. */
int asal_known(sqlite3 *db, const char *table, const char *code);
/* A month's first day and the next month's, YYYY-MM-DD; -1 with why in err. */
int asal_month(const char *month, char from[11], char to[11], struct sbuf *err);
int asal_fill_visits(sqlite3 *db, struct asal *a, struct sbuf *err);

#endif
