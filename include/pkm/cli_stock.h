/* pkm laporan stok and laporan kartu (src/cli_stock.c): exit codes 0 done, 1
 * failed, 2 wrong use. */
#ifndef PKM_CLI_STOCK_H
#define PKM_CLI_STOCK_H
#include <sqlite3.h>
#include "pkm/config.h"

/* argv[0] "stok": laporan stok [--kedaluwarsa N] [--format text|csv] [--out BERKAS];
 * "kartu": laporan kartu KODE [--bulan MM-YYYY] [--out BERKAS] (the stock card).
 * backup_dir: a folder no output may be written into. */
int cmd_stock(sqlite3 *db, const struct pkm_config *cfg, const char *backup_dir, int argc, char **argv);

#endif
