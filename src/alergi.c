#include "pkm/alergi.h"
#include "pkm/db.h"
#include "pkm/icd_list.h"
#include "pkm/kode.h"
#include "pkm/stock.h"
#include <string.h>

/* The name an allergy shows: its drug's or its allergen's. */
#define NAME_OF "coalesce((SELECT nama FROM obat WHERE kode = a.obat), (SELECT nama FROM alergen WHERE kode = a.alergen), '')"

static int save_end(sqlite3 *db, int rc, struct sbuf *err)
{
	if (rc != 0 || db_commit(db) != 0) {
		if (rc == 0)
			sb_printf(err, "gagal menyimpan: %s", sqlite3_errmsg(db));
		db_rollback(db);
		return -1;
	}
	return 0;
}

long alergi_add(sqlite3 *db, long pasien_id, const char *obat, const char *alergen, const char *reaksi,
		const char *keparahan, long kunjungan_id, struct field_errors *fe, struct sbuf *err)
{
	fe->n = 0;
	int has_drug = obat && *obat, has_allergen = alergen && *alergen;
	if (has_drug == has_allergen)
		field_error(fe, has_drug ? "alergen" : "obat", "isi salah satu: obat dari daftar obat atau alergen");
	else if (has_drug && !db_query_text_exists(db, "SELECT 1 FROM obat WHERE kode = ?", obat))
		field_error(fe, "obat", "kode obat %.24s tidak ada di daftar obat", obat);
	else if (has_allergen && !db_query_text_exists(db, "SELECT 1 FROM alergen WHERE kode = ?", alergen))
		field_error(fe, "alergen", "kode alergen %.24s tidak ada di daftar alergen", alergen);
	char why[104], how[16];
	dict_check_field(db, "alergi", "reaksi", "reaksi", reaksi ? reaksi : "", why, sizeof why, fe);
	dict_check_field(db, "alergi", "keparahan", "keparahan", keparahan && *keparahan ? keparahan : "moderate", how,
			 sizeof how, fe);
	if (fe->n)
		return -1;
	if (db_begin(db) != 0) {
		sb_printf(err, "%s", db_busy_text(db));
		return -1;
	}
	sqlite3_stmt *st = db_prepare(db, "INSERT INTO alergi (pasien_id, obat, alergen, reaksi, keparahan, kunjungan_id, "
				      "pencatat) VALUES (?, ?, ?, ?, ?, ?, (SELECT id FROM pengguna WHERE nama = ?))", err);
	long id = -1;
	if (st) {
		sqlite3_bind_int64(st, 1, pasien_id);
		db_bind_text(st, 2, obat, 1);
		db_bind_text(st, 3, alergen, 1);
		sqlite3_bind_text(st, 4, why, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, how, -1, SQLITE_STATIC);
		if (kunjungan_id > 0)
			sqlite3_bind_int64(st, 6, kunjungan_id);
		db_bind_text(st, 7, db_user(db), 0);
		if (sqlite3_step(st) == SQLITE_DONE)
			id = (long)sqlite3_last_insert_rowid(db);
		else
			sb_printf(err, "alergi tidak tersimpan: %s", sqlite3_errmsg(db));
		sqlite3_finalize(st);
	}
	return save_end(db, id > 0 ? 0 : -1, err) == 0 ? id : -1;
}

int alergi_set_status(sqlite3 *db, long id, const char *status, struct sbuf *err)
{
	if (strcmp(status, "active") != 0 && strcmp(status, "resolved") != 0 && strcmp(status, "entered-in-error") != 0) {
		sb_printf(err, "status harus active, resolved atau entered-in-error");
		return -1;
	}
	if (db_begin(db) != 0) {
		sb_printf(err, "%s", db_busy_text(db));
		return -1;
	}
	sqlite3_stmt *st = db_prepare(db, "UPDATE alergi SET status = ? WHERE id = ?", err);
	int rc = -1;
	if (st) {
		sqlite3_bind_text(st, 1, status, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, id);
		if (sqlite3_step(st) != SQLITE_DONE)
			sb_printf(err, "alergi tidak tersimpan: %s", sqlite3_errmsg(db));
		else if (sqlite3_changes(db) == 0)
			sb_printf(err, "alergi %ld tidak ada", id);
		else
			rc = 0;
		sqlite3_finalize(st);
	}
	return save_end(db, rc, err);
}

int alergi_list(sqlite3 *db, long pasien_id, int all, struct alergi_row *out, int max)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT a.id, coalesce(a.obat, ''), coalesce(a.alergen, ''), " NAME_OF ", "
				      "a.reaksi, a.keparahan, a.status, a.dicatat FROM alergi a WHERE a.pasien_id = ?1 "
				      "AND (?2 OR a.status = 'active') ORDER BY a.status <> 'active', a.id LIMIT ?3", NULL);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, pasien_id);
	sqlite3_bind_int(st, 2, all);
	sqlite3_bind_int(st, 3, max);
	int n = 0, rc = SQLITE_DONE;
	while (n < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct alergi_row *a = &out[n++];
		a->id = sqlite3_column_int64(st, 0);
		db_col_text(st, 1, a->obat, sizeof a->obat);
		db_col_text(st, 2, a->alergen, sizeof a->alergen);
		db_col_text(st, 3, a->nama, sizeof a->nama);
		db_col_text(st, 4, a->reaksi, sizeof a->reaksi);
		db_col_text(st, 5, a->keparahan, sizeof a->keparahan);
		db_col_text(st, 6, a->status, sizeof a->status);
		db_col_text(st, 7, a->dicatat, sizeof a->dicatat);
	}
	sqlite3_finalize(st);
	return db_rows(rc, n);
}

void alergi_names(sqlite3 *db, long pasien_id, char *out, size_t size)
{
	struct alergi_row a[8];
	int n = alergi_list(db, pasien_id, 0, a, (int)ARRAY_LEN(a));
	struct sbuf s = { 0 };
	for (int i = 0; i < n; i++)
		sb_printf(&s, "%s%s", i ? ", " : "", a[i].nama);
	if (n == (int)ARRAY_LEN(a))
		sb_add(&s, ", ...");
	str_copy(out, size, sb_str(&s));
	sb_free(&s);
}

long alergi_match(sqlite3 *db, long pasien_id, const char *obat, char *what, size_t size)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT a.id, " NAME_OF " FROM alergi a JOIN obat o ON o.kode = a.obat "
				       "WHERE a.pasien_id = ?1 AND a.status = 'active' AND (a.obat = ?2 OR o.kode_kfa = "
				       "(SELECT kode_kfa FROM obat WHERE kode = ?2)) ORDER BY a.id LIMIT 1", NULL);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, pasien_id);
	sqlite3_bind_text(st, 2, obat, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	long id = rc == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : rc == SQLITE_DONE ? 0 : -1;
	if (rc == SQLITE_ROW)
		db_col_text(st, 1, what, size);
	sqlite3_reset(st);
	return id;
}

int resep_add_despite(sqlite3 *db, long visit_id, const char *obat, const char *jumlah, const char *signa,
		      const char *hari, long alergi_id, struct field_errors *fe, struct sbuf *err)
{
	if (db_begin(db) != 0) {
		sb_printf(err, "%s", db_busy_text(db));
		return -1;
	}
	int rc = resep_insert(db, visit_id, obat, jumlah, signa, hari, fe, err);
	sqlite3_stmt *st = rc < 0 ? NULL : db_prepare(db, "UPDATE resep SET alergi_abaikan = ? WHERE kunjungan_id = ? AND obat = ?", err);
	int ok = st != NULL;
	if (st) {
		sqlite3_bind_int64(st, 1, alergi_id);
		sqlite3_bind_int64(st, 2, visit_id);
		sqlite3_bind_text(st, 3, obat, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_DONE) {
			sb_printf(err, "resep tidak tersimpan: %s", sqlite3_errmsg(db));
			ok = 0;
		}
		sqlite3_finalize(st);
	}
	return save_end(db, ok ? 0 : -1, err) == 0 ? rc : -1;
}

const char *alergi_word(const char *code)
{
	static const char *const words[][2] = {
		{ "mild", "Ringan" }, { "moderate", "Sedang" }, { "severe", "Berat" },
		{ "active", "Aktif" }, { "resolved", "Sudah sembuh" }, { "entered-in-error", "Salah catat" },
	};
	for (size_t i = 0; i < ARRAY_LEN(words); i++)
		if (strcmp(code, words[i][0]) == 0)
			return words[i][1];
	return code;
}

int alergen_search(sqlite3 *db, const char *typed, struct kode_entry *out, int max)
{
	char words[6][32];
	int nw = icd_query_words(typed, 1, words);
	sqlite3_stmt *st = db_stmt(db, "SELECT kode, nama, kategori FROM alergen ORDER BY nama", NULL);
	if (!st)
		return -1;
	int n = 0, rc = SQLITE_DONE;
	while (n < max && (rc = sqlite3_step(st)) == SQLITE_ROW)
		if (icd_words_match((const char *)sqlite3_column_text(st, 1), words, nw)) {
			db_col_text(st, 0, out[n].kode, sizeof out[n].kode);
			db_col_text(st, 1, out[n].nama, sizeof out[n].nama);
			db_col_text(st, 2, out[n].bentuk, sizeof out[n].bentuk);
			n++;
		}
	sqlite3_reset(st);
	return n == max || rc == SQLITE_DONE ? n : -1;
}
