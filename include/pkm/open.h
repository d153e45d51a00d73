/* The one way pkm opens a database: connect (pragmas, lock: src/db.c), apply
 * the embedded migrations one transaction each, refuse a newer or foreign
 * database, make the audit triggers current, tighten the files' mode. */
#ifndef PKM_OPEN_H
#define PKM_OPEN_H
#include <sqlite3.h>
#include "pkm/util.h"

/* NULL with a message in err on failure: not SQLite, newer than the program,
 * read-only, corrupt... Close with db_close. */
sqlite3 *pkm_open(const char *path, struct sbuf *err);
/* Latest schema version this program knows. */
int pkm_schema_version(void);

#endif
