/* The card look-ups kept from P-Care. */
#include "pkm/pcare_member.h"
#include "pkm/db.h"
#include "pkm/output.h"
#include <stdio.h>
#include <string.h>

int pcare_member_get(sqlite3 *db, const char *no_kartu, const char *nik, struct pcare_member *m, struct sbuf *err)
{
	memset(m, 0, sizeof *m);
	sqlite3_stmt *st = db_prepare(db, "SELECT no_kartu, nama, aktif, keterangan, kd_provider, nm_provider, kelas, jenis, "
					  "diperiksa FROM pcare_peserta WHERE no_kartu = ?1 OR (?1 IS NULL AND nik = ?2) "
					  "ORDER BY diperiksa DESC LIMIT 1", err);
	if (!st)
		return -1;
	if (no_kartu && *no_kartu)
		sqlite3_bind_text(st, 1, no_kartu, -1, SQLITE_STATIC);
	if (nik && *nik)
		sqlite3_bind_text(st, 2, nik, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st), found = rc == SQLITE_ROW;
	if (found) {
		db_col_text(st, 0, m->no_kartu, sizeof m->no_kartu);
		db_col_text(st, 1, m->nama, sizeof m->nama);
		m->aktif = sqlite3_column_int(st, 2);
		db_col_text(st, 3, m->keterangan, sizeof m->keterangan);
		db_col_text(st, 4, m->kd_provider, sizeof m->kd_provider);
		db_col_text(st, 5, m->nm_provider, sizeof m->nm_provider);
		db_col_text(st, 6, m->kelas, sizeof m->kelas);
		db_col_text(st, 7, m->jenis, sizeof m->jenis);
		m->diperiksa = sqlite3_column_int64(st, 8);
	}
	return db_finish(db, st, found ? SQLITE_DONE : rc, err) == 0 ? found : -1;
}

int pcare_member_put(sqlite3 *db, const char *nik, struct pcare_member *m, struct sbuf *err)
{
	char *text[] = { m->no_kartu, m->nama, m->keterangan, m->kd_provider, m->nm_provider, m->kelas, m->jenis };
	for (size_t i = 0; i < ARRAY_LEN(text); i++)
		text_clean(text[i]);
	if (db_begin(db) != 0)
		return db_fail(err, db, "pcare_peserta");
	sqlite3_stmt *st = db_prepare(db, "INSERT OR REPLACE INTO pcare_peserta (no_kartu, nik, nama, aktif, keterangan, "
					  "kd_provider, nm_provider, kelas, jenis, diperiksa) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				      err);
	int rc = SQLITE_ERROR;
	if (st) {
		const char *key[] = { m->no_kartu, nik && *nik ? nik : NULL, m->nama };
		for (int i = 0; i < 3; i++)
			if (key[i])
				sqlite3_bind_text(st, i + 1, key[i], -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, m->aktif);
		const char *more[] = { m->keterangan, m->kd_provider, m->nm_provider, m->kelas, m->jenis };
		for (int i = 0; i < 5; i++)
			sqlite3_bind_text(st, i + 5, more[i], -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 10, m->diperiksa);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_DONE || db_commit(db) != 0) {
		db_fail(err, db, "pcare_peserta");
		db_rollback(db);
		return -1;
	}
	return 0;
}

void pcare_member_words(const struct pcare_member *m, const char *kd_provider, char *out, size_t size)
{
	char words[512];
	if (!m->aktif)
		snprintf(words, sizeof words, "BPJS TIDAK AKTIF%s%s", *m->keterangan ? ": " : "", m->keterangan);
	else if (*kd_provider && strcmp(m->kd_provider, kd_provider) != 0)
		snprintf(words, sizeof words, "BPJS aktif, %s; TERDAFTAR DI FKTP LAIN: %s %s", *m->kelas ? m->kelas : "kelas -",
			 m->kd_provider, m->nm_provider);
	else
		snprintf(words, sizeof words, "BPJS aktif, %s, %s", *m->kelas ? m->kelas : "kelas -",
			 *m->jenis ? m->jenis : "peserta");
	/* a row kept before members were cleaned may hold anything */
	struct sbuf shown = { 0 };
	text_visible(&shown, words, strlen(words), "");
	str_copy(out, size, sb_str(&shown));
	sb_free(&shown);
}
