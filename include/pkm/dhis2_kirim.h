/* The dataValueSet as DHIS2's JSON (by jansson) and its import through
 * /api/dataValueSets (by libcurl): linked into pkm-kirim only. */
#ifndef PKM_DHIS2_KIRIM_H
#define PKM_DHIS2_KIRIM_H
#include "pkm/dhis2.h"

/* {dataSet, completeDate (when set), period, orgUnit, dataValues[{dataElement,
 * categoryOptionCombo, value}]}; no attributeOptionCombo. Free with free(). */
char *dhis2_json(const struct dhis2_set *s, int indent);

/* An import summary: the old top-level ImportSummary or 2.38+'s, wrapped in
 * `response`. conflicts: "object: value" a line each, as the server sent them. */
struct dhis2_summary {
	char status[16];
	long imported, updated, ignored, deleted;
	int nconflicts;
	struct sbuf conflicts;
	char description[256];
};
/* 0, or -1 with err when the body is no import summary. Free s->conflicts. */
int dhis2_summary_parse(const char *body, struct dhis2_summary *s, struct sbuf *err);

/* pkm-kirim's `dhis2` (send: the dry run, then the import) and `ekspor-dhis2`
 * (write JSON or CSV); args as after the word. The exit status (0, 1 failure
 * or conflicts, 2 usage), messages on stderr. */
int dhis2_command(sqlite3 *db, const char *db_path, const struct pkm_config *cfg, int send, int argc, char **argv);

#endif
