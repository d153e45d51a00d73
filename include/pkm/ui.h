/* The terminal application. Only src/ui*.c include curses. */
#ifndef PKM_UI_H
#define PKM_UI_H
#include <sqlite3.h>
#include "pkm/config.h"

/* Runs until the user quits; returns the process exit code. */
int ui_run(sqlite3 *db, const struct pkm_config *cfg, const char *db_path);

#endif
