/* pkm periksa (src/cli_periksa.c): the checks before signing a month on the
 * command line, on the core the Laporan screen's Periksa data reads. */
#ifndef PKM_CLI_PERIKSA_H
#define PKM_CLI_PERIKSA_H
#include <sqlite3.h>
#include "pkm/config.h"
#include "pkm/util.h"

/* pkm periksa --month M [--format text|csv]: exit 0 no kesalahan, 1 any
 * kesalahan (or a failure); -1 for wrong use (a month still to come
 * included), why in `why`: the caller prints the usage, exit 2. */
int cmd_periksa(sqlite3 *db, const struct pkm_config *cfg, int argc, char **argv, struct sbuf *why);

#endif
