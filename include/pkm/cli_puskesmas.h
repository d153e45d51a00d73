/* pkm puskesmas (src/cli_puskesmas.c): the identity reports print, from the
 * command line, on the same core as Admin > Puskesmas (pkm/puskesmas.h).
 * Exit codes 0 done, 1 refused or failed, 2 wrong use. */
#ifndef PKM_CLI_PUSKESMAS_H
#define PKM_CLI_PUSKESMAS_H
#include <sqlite3.h>
#include "pkm/config.h"

/* lihat | ubah [--nama N] [--kode K] [--alamat A] [--kecamatan K] [--kabupaten K]
 * [--kepala N] [--nip-kepala NIP] [--petugas N] [--nip-petugas NIP] */
int cmd_puskesmas(sqlite3 *db, const struct pkm_config *cfg, int argc, char **argv);

#endif
