/* Printed tables: a report is built as a table (label columns + number columns)
 * and rendered to plain text for dot-matrix printers, or to CSV. The text fits
 * 80 or 136 columns without cutting a number: columns that do not fit go into
 * further panels that repeat the row labels. */
#ifndef PKM_TABLE_H
#define PKM_TABLE_H
#include <limits.h>
#include <stdio.h>
#include "pkm/config.h"
#include "pkm/util.h"

enum row_kind { ROW_DATA, ROW_HEAD, ROW_TOTAL };

/* Cell values that are not counts: left empty for hand-filling (e.g. Pemberian,
 * written by the district), or "-" where a column does not apply to a row. */
#define CELL_BLANK LONG_MIN
#define CELL_NA (LONG_MIN + 1)

struct tcol {
	char group[32];		/* printed over the columns that share it */
	char label[16];
	char key[40];		/* the column as --asal names it, "" for none */
};

struct trow {
	enum row_kind kind;
	char no[16], kode[32], nama[160];
	char key[32];		/* the row as --asal names it, "" for none (totals) */
	long *v;		/* ncols values; NULL for ROW_HEAD */
};

struct table {
	char title[128], subtitle[128];
	char head_kode[16], head_nama[32];
	int ncols, nrows, rcap;
	struct tcol *cols;
	struct trow *rows;
	struct sbuf foot;	/* lines printed once after the table */
	int wide_names;		/* names may take the room a one-panel table leaves */
	int kode_csv_only;	/* row keys for machines: in the CSV, not on paper */
};

void table_init(struct table *t, int ncols);
/* Append a row; returns its value array (zeroed) or NULL for ROW_HEAD. */
long *table_add(struct table *t, enum row_kind kind, const char *no, const char *kode, const char *nama);
void table_free(struct table *t);

/* Where the data cells of a text report are (for the viewer's cell cursor):
 * each cell's byte offset in the text and width, and its keys for --asal. A
 * key is kept once for its row and once for its column (LB1 has thousands of
 * cells: a desk keeps its memory), the cell naming them by index. */
struct cell_pos {
	unsigned off;
	unsigned short width, row, col;
};
struct cell_map {
	size_t base;		/* the offset in the whole text where table_text's output goes */
	int n, cap;
	struct cell_pos *pos;
	int nrow, ncol, rcap, ccap;
	char (*row_key)[40], (*col_key)[40];
};
void cell_map_free(struct cell_map *m);
/* Cell i's "BARIS,KOLOM" (as --format data names it) into out. */
char *cell_key(const struct cell_map *m, int i, char *out, size_t size);

struct page_setup {
	const struct pkm_config *cfg;
	const char *period;	/* "Bulan: November 2026" */
	int width;		/* 80 or 136 */
	int page_lines;
	const char *note;	/* a line under the title on every page (FINAL ..., BULAN BERJALAN), or NULL */
	struct cell_map *cells;	/* when set, the data cells are recorded there */
};

/* Lay out panels: columns [start[i], start[i+1]) form panel i; start needs max+1
 * entries. Returns the count. */
int table_panels(const struct table *t, int width, int *start, int max);
/* The whole report as text, pages separated by form feeds. */
void table_text(const struct table *t, const struct page_setup *ps, struct sbuf *out);
/* The printed table as CSV (one header row, then the rows). */
void table_csv(const struct table *t, FILE *f);

#endif
