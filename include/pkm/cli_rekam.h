/* pkm alergi, pkm tindakan, pkm kfa cari (src/cli_rekam.c): the allergy and
 * procedure screens from the shell, on the same core (pkm/alergi.h,
 * pkm/tindakan.h, pkm/kode.h). Exit codes 0 done, 1 refused or failed, 2 wrong use. */
#ifndef PKM_CLI_REKAM_H
#define PKM_CLI_REKAM_H
#include <sqlite3.h>

/* NO_RM [--semua] [--format text|csv] | tambah NO_RM (--obat KODE | --alergen
 * KODE) [--reaksi TEKS] [--keparahan mild|moderate|severe] | status ID STATUS */
int cmd_alergi(sqlite3 *db, int argc, char **argv);
/* KUNJUNGAN_ID | tambah KUNJUNGAN_ID KODE [--keterangan TEKS] | hapus
 * KUNJUNGAN_ID KODE | cari KATA... */
int cmd_tindakan(sqlite3 *db, int argc, char **argv);
/* cari KATA...: the imported KFA list. */
int cmd_kfa(sqlite3 *db, int argc, char **argv);

#endif
