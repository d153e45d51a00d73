/* pkm laporan stok (src/cli_stock.c): exit codes 0 done, 1 failed, 2 wrong use. */
#ifndef PKM_CLI_STOCK_H
#define PKM_CLI_STOCK_H
#include <sqlite3.h>
#include "pkm/config.h"

/* laporan stok [--kedaluwarsa N] [--format text|csv] [--out BERKAS]; backup_dir:
 * a folder no output may be written into. */
int cmd_stock_report(sqlite3 *db, const struct pkm_config *cfg, const char *backup_dir, int argc, char **argv);

#endif
