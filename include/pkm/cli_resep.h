/* pkm resep (src/cli_resep.c): the pharmacy counter from the shell, on the
 * same core as the prescription screen (pkm/dispense.h, pkm/etiket.h). Exit
 * codes 0 done, 1 refused or failed, 2 wrong use. */
#ifndef PKM_CLI_RESEP_H
#define PKM_CLI_RESEP_H
#include <sqlite3.h>
#include "pkm/config.h"

/* lihat KUNJUNGAN_ID | serahkan KUNJUNGAN_ID [--baris ID] [--jumlah N] |
 * tutup ID ALASAN | ubah ID [--obat KODE] [--jumlah N] [--signa S] --alasan TEKS |
 * etiket ID. Returns -1 (nothing done) for a subcommand it does not know. */
int cmd_resep_counter(sqlite3 *db, const struct pkm_config *cfg, int argc, char **argv);

#endif
