/* pkm laporan final|status (src/cli_final.c): signing a monthly report off and
 * each report's state, on the core of pkm/final.h. Exit codes 0 done, 1 refused
 * or failed, 2 wrong use or a month to come. */
#ifndef PKM_CLI_FINAL_H
#define PKM_CLI_FINAL_H
#include <sqlite3.h>
#include "pkm/config.h"

/* final lb1|lb2|lb3|lb4|jampersal --month M [--nama NAMA] | status [--month M];
 * argv[0] is "final" or "status". */
int cmd_final(sqlite3 *db, const struct pkm_config *cfg, int argc, char **argv);
/* 2 with the reason on stderr when `month` is a month to come, else 0: the
 * exit status of a report asked for it. */
int cli_month_refused(const char *month);
#endif
