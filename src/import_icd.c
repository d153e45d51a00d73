/* pkm icd10 impor: a full ICD-10 list, as the lists that circulate among
 * Indonesian SIMRS lay it out, all or nothing like every other import. */
#include "pkm/icd_list.h"
#include "pkm/db.h"
#include <stdlib.h>
#include <string.h>

/* "kode,nama" or "icd10_code,icd10_en,icd10_id": the column of either name. */
static int either(const struct sheet *s, const char *a, const char *b)
{
	int c = col_of(s, a);
	return c >= 0 ? c : col_of(s, b);
}

enum outcome { NEW, UPDATED, KEPT };

static int upsert(sqlite3 *db, const char *code, const char *name, const char *en, int replace, enum outcome *how)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT sumber FROM icd10 WHERE kode = ?", NULL);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	*how = sqlite3_step(st) != SQLITE_ROW ? NEW
	       : strcmp((const char *)sqlite3_column_text(st, 0), "pkm") == 0 && !replace ? KEPT : UPDATED;
	sqlite3_reset(st);
	st = db_stmt(db, "INSERT INTO icd10 (kode, nama, nama_en, sumber) VALUES (?1, ?2, ?3, 'impor') "
			 "ON CONFLICT (kode) DO UPDATE SET nama = iif(?4 OR sumber = 'impor', excluded.nama, nama), "
			 "nama_en = coalesce(excluded.nama_en, nama_en), sumber = iif(?4, 'impor', sumber)", NULL);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	db_bind_text(st, 3, en, 1);
	sqlite3_bind_int(st, 4, replace);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int icd_import(sqlite3 *db, const char *path, const struct sheet_opts *o, int replace, struct sbuf *done,
	       struct sbuf *err)
{
	static const char *const none[] = { NULL };
	struct sheet_opts opts = o ? *o : (struct sheet_opts){ 0 };
	opts.any_sep = 1;
	struct sheet s;
	if (sheet_read(&s, path, none, &opts, err) != 0 || begin_check(&s, db) != 0)
		return finish_errors(&s);
	int c_code = either(&s, "kode", "icd10_code"), c_name = either(&s, "nama", "icd10_id");
	int c_en = col_of(&s, "icd10_en");
	if (c_code < 0 || c_name < 0) {
		problem(&s, 1, NULL, "baris judul perlu kolom kode,nama atau icd10_code,icd10_id (dan icd10_en)");
		db_rollback(db);
		return finish_errors(&s);
	}
	char (*codes)[ICD_LEN] = xcalloc((size_t)s.nrows + 1, sizeof *codes);
	const char **keys = xcalloc((size_t)s.nrows + 1, sizeof *keys);
	for (int r = 0; r < s.nrows; r++) {
		const char *name = cell(&s, r, c_name);
		if (icd_normalize(cell(&s, r, c_code), codes[r]) != 0)
			problem(&s, s.lines[r], s.names[c_code], "kode ICD-10 tidak sah: '%.20s' (contoh: A09, J06.9)",
				cell(&s, r, c_code));
		if (!*name || utf8_width(name) > ICD_NAME_MAX || strlen(name) >= ICD_NAME_BYTES)
			problem(&s, s.lines[r], s.names[c_name], "nama wajib diisi, paling banyak %d karakter", ICD_NAME_MAX);
		keys[r] = codes[r];
	}
	same_twice(&s, keys, s.names[c_code], "kode", 1);
	free(keys);
	int count[3] = { 0, 0, 0 };
	if (!s.nerr && begin_write(&s, db, 0) == 0) {
		for (int r = 0; r < s.nrows && !s.nerr; r++) {
			enum outcome how;
			if (upsert(db, codes[r], cell(&s, r, c_name), cell(&s, r, c_en), replace, &how) != 0)
				problem(&s, s.lines[r], NULL, "tidak tersimpan: %s", sqlite3_errmsg(db));
			else
				count[how]++;
		}
		char made[160];
		snprintf(made, sizeof made, "%d kode baru, %d diperbarui", count[NEW], count[UPDATED]);
		end_write(&s, db, "icd10", 0, 0, made);
	} else {
		db_rollback(db);
	}
	free(codes);
	if (s.nerr)
		return finish_errors(&s);
	sb_printf(done, "%s: %d kode ICD-10 (%d baru, %d diperbarui", path, s.nrows, count[NEW], count[UPDATED]);
	if (count[KEPT])
		sb_printf(done, ", %d nama bawaan pkm dipertahankan; --timpa untuk menggantinya", count[KEPT]);
	sb_add(done, ")\n");
	sheet_free(&s);
	return 0;
}
