/* DHIS2 data value sets (issue 34): a report's data cells (its --format data
 * lines) through a mapping file into a dataValueSet. The mapping and the
 * values are the core's (src/dhis2_map.c); the JSON and the sending live in
 * pkm-kirim, where jansson and libcurl are linked (src/dhis2.c). */
#ifndef PKM_DHIS2_H
#define PKM_DHIS2_H
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include "pkm/config.h"

/* The folder of mapping files `pkm periksa-formulir` checks: FORMS/dhis2. */
#define DHIS2_MAP_DIR "dhis2"

/* One [peta] line: BARIS,KOLOM = DATAELEMENT COMBO. */
struct dhis2_line {
	char baris[64], kolom[64];
	char de[51], coc[51];		/* a UID (11) or a code (at most 50) */
	int line;
};

struct dhis2_map {
	char path[PATH_MAX];
	char laporan[16];		/* [dhis2] laporan, "" when the file names none */
	char data_set[51], org_unit[51];
	int by_code;			/* idScheme = code */
	int send_zero;			/* nol = kirim */
	int n;
	struct dhis2_line *e;
};

/* Whether s is a DHIS2 UID: 11 characters, a letter first, letters and digits. */
int dhis2_uid_ok(const char *s);
/* Read a mapping file; `laporan` (NULL: the file's [dhis2] laporan) is the
 * report whose cells it maps. Returns the number of problems, each
 * "file:line: why" in err (a file that cannot be read counts one). The cell
 * keys are checked against the report by dhis2_build. Free with
 * dhis2_map_free. */
int dhis2_map_load(const char *path, const char *laporan, struct dhis2_map *m, struct sbuf *err);
void dhis2_map_free(struct dhis2_map *m);
/* Check every *.ini of dir against the reports of that forms folder (dir's
 * parent) on db, a database of no data: every key must be a cell of its
 * report, LB2's drug rows by their column only (the drugs are a real
 * database's, checked by dhis2_build). *files gets how many were read.
 * Returns problems, each "file:line: why" in err. */
int dhis2_check_dir(sqlite3 *db, const struct pkm_config *cfg, const char *dir, int *files, struct sbuf *err);

struct dhis2_value {
	const char *de, *coc;		/* into the map */
	char value[24];
};

struct dhis2_set {
	const struct dhis2_map *map;
	char period[7];			/* YYYYMM */
	char complete[11];		/* YYYY-MM-DD when the month is signed and unchanged, else "" */
	int changed;			/* signed, but its cells changed since (no completeDate) */
	int n;
	struct dhis2_value *v;
};

/* The values of month (MM-YYYY or YYYY-MM) through map: zeros as `nol` says;
 * non-zero cells no line maps, one line each, into warn. 0, or -1 with err
 * (each key that is no cell of the report "file:line: why"). Free with
 * dhis2_set_free. */
int dhis2_build(sqlite3 *db, const struct pkm_config *cfg, const struct dhis2_map *map, const char *month,
		struct dhis2_set *out, struct sbuf *warn, struct sbuf *err);
void dhis2_set_free(struct dhis2_set *s);
/* DHIS2's CSV: dataelement,period,orgunit,catoptcombo,attroptcombo,value
 * (the attribute option combo left empty: never assumed). */
void dhis2_write_csv(const struct dhis2_set *s, FILE *f);

#endif
