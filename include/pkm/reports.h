/* The named monthly reports, written in one of three formats. The CLI
 * (pkm report ...) and the Laporan screen both come through here. */
#ifndef PKM_REPORTS_H
#define PKM_REPORTS_H
#include <sqlite3.h>
#include <stdio.h>
#include "pkm/config.h"

enum report_format { FMT_TEXT, FMT_CSV, FMT_DATA };

struct report_req {
	const char *name;	/* "lb1" */
	const char *month;	/* "YYYY-MM" */
	enum layout layout;
	enum report_format format;
	int width;		/* 80 or 136 */
};

int report_format_parse(const char *s, enum report_format *out);
/* 0 on success; a message in err otherwise (a month to come is refused). The
 * text of a signed or running month carries its marks (pkm/final.h). */
int report_write(sqlite3 *db, const struct pkm_config *cfg, const struct report_req *req, FILE *out,
		 struct sbuf *err);
/* The same into memory (for the viewer). Caller frees *text. */
int report_render(sqlite3 *db, const struct pkm_config *cfg, const struct report_req *req, char **text,
		  size_t *len, struct sbuf *err);
struct rowdef;
/* The row definitions of report `name` (forms/laporan/NAME.ini); -1 with why
 * in err when there is no such report or its file has problems. */
int report_rowdef(sqlite3 *db, const struct pkm_config *cfg, const char *name, struct rowdef *d, struct sbuf *err);
struct cell_map;
/* report_render with the text's data cells recorded in cells (the viewer's
 * cell cursor; include/pkm/table.h). */
int report_render_cells(sqlite3 *db, const struct pkm_config *cfg, const struct report_req *req, char **text,
			size_t *len, struct cell_map *cells, struct sbuf *err);
/* Send text to the configured printer command (its standard input). */
int print_text(const char *command, const char *text, size_t len, struct sbuf *err);

#endif
