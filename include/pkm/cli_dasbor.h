/* pkm dasbor (src/cli_dasbor.c): the PWS dashboards from the command line, on
 * the same core as the Dasbor screen (pkm/dasbor.h). Reads only.
 * Exit codes 0 done, 1 failed, 2 wrong use (why in `why`, returns -1). */
#ifndef PKM_CLI_DASBOR_H
#define PKM_CLI_DASBOR_H
#include <sqlite3.h>
#include "pkm/config.h"

/* [--tahun Y] [--sampai MM-YYYY] [--klaster N] [--indikator ID] [--desa KODE|luar|?TEKS]
 * [--sasaran-belum] [--format text|csv] [--lebar 80|136] */
int cmd_dasbor(sqlite3 *db, const struct pkm_config *cfg, int argc, char **argv, struct sbuf *why);

#endif
