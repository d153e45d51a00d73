/* pkm kirim (src/cli_kirim.c): the outbox from the shell. status and ulang
 * read and write the database; sending is pkm-kirim's (it alone links the
 * network libraries), started in pkm's place. Exit codes 0, 1, 2 (wrong use),
 * 3 (--sekali left items waiting). */
#ifndef PKM_CLI_KIRIM_H
#define PKM_CLI_KIRIM_H
#include "pkm/config.h"

int cmd_kirim(const struct pkm_config *cfg, const char *db_path, int argc, char **argv);
/* pkm pcare peserta NOKARTU|NIK: P-Care's answer on a card (pkm-kirim). */
int cmd_pcare(const struct pkm_config *cfg, const char *db_path, int argc, char **argv);
/* pkm ekspor dhis2 ...: the dataValueSet as JSON (jansson's) or CSV, written
 * by pkm-kirim like the sending; argv[0] is "dhis2". */
int cmd_ekspor_dhis2(const struct pkm_config *cfg, const char *db_path, int argc, char **argv);

#endif
