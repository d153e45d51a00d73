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

/* A cluster form's rows (pkm impor formulir): columns no_rm, tanggal, unit and
 * the form's fields by name or label; each row checked by the form's own rules
 * (form_check_all, form_write), its visit found or opened. src/import_form.c */
struct form;
int import_formulir(sqlite3 *db, struct form *f, const char *path, const struct sheet_opts *o,
		    struct sbuf *done, struct sbuf *err);
/* The form's empty template: the header and one example line that imports. */
int import_formulir_contoh(sqlite3 *db, const struct form *f, FILE *out, struct sbuf *err);

/* What the importers share (src/import.c): a temporary table on disk for the
 * checked rows (the insert statement, NULL with a problem told), one row put,
 * the table dropped; lines that conflict; the signed-off months among its
 * days (--alasan). */
/* Before begin_check: the stage on disk (temp_store=FILE); apart: in an
 * attached anonymous database "impor" instead of temp (the visits'). */
int import_stage_on_disk(struct sheet *s, sqlite3 *db, int apart);
sqlite3_stmt *import_stage(sqlite3 *db, struct sheet *s, const char *create, const char *insert);
void import_staged(struct sheet *s, sqlite3 *db, sqlite3_stmt *st);
void import_drop_stage(sqlite3 *db, const char *table);
/* Each line (a query's first column) that another (its second) conflicts with,
 * told under `column`: `why` a format with one %lld, the other line. */
void import_lines_told(struct sheet *s, sqlite3 *db, const char *sql, const char *column, const char *why,
		       const char *what);
void import_signed_months(sqlite3 *db, struct sheet *s, const char *table, const struct sheet_opts *o, char *note,
			  size_t size);

#endif
