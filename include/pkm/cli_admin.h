/* pkm audit, export pasien, pasien cari, pengguna and gabung (src/cli_admin.c): exit codes
 * 0 done, 1 refused or failed, 2 wrong use. */
#ifndef PKM_CLI_ADMIN_H
#define PKM_CLI_ADMIN_H
#include <sqlite3.h>

int cmd_audit(sqlite3 *db, int argc, char **argv);
/* backup_dir: a folder no output may be written into */
int cmd_export(sqlite3 *db, const char *backup_dir, int argc, char **argv);
int cmd_user(sqlite3 *db, int argc, char **argv);
/* pasien cari WORDS... */
int cmd_patient(sqlite3 *db, int argc, char **argv);
int cmd_merge(sqlite3 *db, int argc, char **argv);

#endif
