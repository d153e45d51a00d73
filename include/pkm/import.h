/* CSV import of patients and visits: all or nothing. Any bad row means nothing
 * from the file is stored, and every problem is reported as FILE:LINE: field: why. */
#ifndef PKM_IMPORT_H
#define PKM_IMPORT_H
#include <sqlite3.h>
#include <stdio.h>
#include "pkm/config.h"
#include "pkm/sheet.h"
#include "pkm/util.h"

/* 0 on success with a summary in `done`; -1 with the problems in err. `o` (NULL for
 * defaults) says how the file is read (include/pkm/sheet.h). */
int import_pasien(sqlite3 *db, const char *path, const struct sheet_opts *o, struct sbuf *done, struct sbuf *err);
int import_kunjungan(sqlite3 *db, const struct pkm_config *cfg, const char *path, const struct sheet_opts *o,
		     struct sbuf *done, struct sbuf *err);
/* The drug master (kode, nama, satuan[, kategori][, stok_optimum]); existing codes
 * are updated. */
int import_obat(sqlite3 *db, const char *path, const struct sheet_opts *o, struct sbuf *done, struct sbuf *err);
/* Opening stock (kode, sumber, no_batch, kedaluwarsa, jumlah, tanggal), each a
 * batch pkm has no stock of yet. */
int import_stok(sqlite3 *db, const char *path, const struct sheet_opts *o, struct sbuf *done, struct sbuf *err);

#endif
