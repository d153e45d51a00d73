/* pkm desa (src/cli_desa.c): the village master and the mapping of old
 * free-text villages, on the core of Admin > Desa (pkm/desa.h). Exit codes
 * 0 done, 1 refused or failed, 2 wrong use. */
#ifndef PKM_CLI_DESA_H
#define PKM_CLI_DESA_H
#include <sqlite3.h>

/* [daftar] [--format text|csv] | petakan [--format text|csv] | petakan --terapkan FILE.csv */
int cmd_desa(sqlite3 *db, int argc, char **argv);

#endif
