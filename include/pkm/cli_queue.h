/* pkm resep antrian (src/cli_queue.c): the screen's Antrian resep on the
 * command line. Exit codes 0 done, 1 failed, 2 wrong use. */
#ifndef PKM_CLI_QUEUE_H
#define PKM_CLI_QUEUE_H
#include <sqlite3.h>

/* pkm resep antrian [--tanggal DD-MM-YYYY] [--format text|csv]: argv[0] is
 * "antrian" */
int cmd_resep_queue(sqlite3 *db, int argc, char **argv);

#endif
