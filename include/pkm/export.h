/* Where the screens save a file (F7): one rule for every screen, so a desk
 * can never write over the configuration, a secret or the database. */
#ifndef PKM_EXPORT_H
#define PKM_EXPORT_H
#include "pkm/config.h"

/* The export folder: [keluaran] folder ("~/" is the home folder), by default
 * ~/pkm-keluaran. */
void export_dir(const struct pkm_config *c, char *out, size_t size);
/* The path for saving `name` in the export folder (made 0700 when missing).
 * name is a file name only: no '/', no leading '.', and not a configuration,
 * secret or database file by its ending (.ini, .db, .db-wal, .db-shm, .rahasia)
 * nor the configured pkm.ini, database (db_path) or secret files.
 * 0: a new file; 1: a file of that name exists (ask before replacing it);
 * -1: refused, the reason in err. */
int export_path(const struct pkm_config *c, const char *db_path, const char *name, char *out, size_t size,
		struct sbuf *err);

#endif
