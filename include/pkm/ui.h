/* The terminal application. Only src/ui*.c include curses. */
#ifndef PKM_UI_H
#define PKM_UI_H
#include <sqlite3.h>
#include "pkm/config.h"

/* Runs until the user quits; returns the process exit code. cfg is the
 * session's: the set-up may add the puskesmas identity to it. */
int ui_run(sqlite3 *db, struct pkm_config *cfg, const char *db_path);

#endif
