/* pkm obat (src/cli_obat.c): the drug master from the command line, on the
 * same core as the Farmasi screen (pkm/drug.h). Exit codes 0 done, 1 refused or
 * failed, 2 wrong use. */
#ifndef PKM_CLI_OBAT_H
#define PKM_CLI_OBAT_H
#include <sqlite3.h>

/* cari KATA... | tambah KODE --nama ... | ubah KODE [--...] | tutup|buka|hapus KODE */
int cmd_obat(sqlite3 *db, int argc, char **argv);

#endif
