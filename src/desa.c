/* The village master: search by word starts, one village checked and saved,
 * a patient's typed village resolved (pkm/desa.h). The imports and the
 * mapping of old free texts are in src/desa_impor.c. */
#include "pkm/desa.h"
#include "pkm/db.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define DESA_COLS "SELECT kode, nama, wilayah, pustu, posyandu FROM desa "

void desa_search_name(const char *nama, char *out, size_t size)
{
	size_t n = 0;
	int space = 0;
	for (const unsigned char *p = (const unsigned char *)nama; *p && n + 2 < size; p++) {
		if (!isalnum(*p) && !(*p & 0x80)) {
			space = n > 0;
			continue;
		}
		if (space)
			out[n++] = ' ';
		space = 0;
		out[n++] = (char)tolower(*p);
	}
	out[n] = '\0';
}

void desa_key(const char *nama, char *out, size_t size)
{
	char words[512];
	desa_search_name(nama, words, sizeof words);
	size_t n = 0;
	for (const char *p = words; *p && n + 1 < size; p++)
		if (*p != ' ')
			out[n++] = *p;
	out[n] = '\0';
}

int desa_code(const char *in, char out[11])
{
	/* 32.04.10.2001: groups of 2, 2, 2 and 4 digits */
	static const int group[] = { 2, 2, 2, 4 };
	size_t n = 0;
	const char *p = in;
	if (str_is_digits(in) && strlen(in) == 10) {
		memcpy(out, in, 11);
		return 0;
	}
	for (int g = 0; g < 4; g++) {
		for (int i = 0; i < group[g]; i++, p++) {
			if (!isdigit((unsigned char)*p))
				return -1;
			out[n++] = *p;
		}
		if (g < 3 && *p++ != '.')
			return -1;
	}
	out[n] = '\0';
	return *p ? -1 : 0;
}

static void desa_row(sqlite3_stmt *st, struct desa *d)
{
	db_col_text(st, 0, d->kode, sizeof d->kode);
	db_col_text(st, 1, d->nama, sizeof d->nama);
	d->wilayah = sqlite3_column_int(st, 2);
	db_col_text(st, 3, d->pustu, sizeof d->pustu);
	db_col_text(st, 4, d->posyandu, sizeof d->posyandu);
}

int desa_count(sqlite3 *db)
{
	return (int)db_query_long(db, "SELECT count(*) FROM desa", -1);
}

int desa_get(sqlite3 *db, const char *kode, struct desa *d)
{
	sqlite3_stmt *st = db_stmt(db, DESA_COLS "WHERE kode = ?", NULL);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, kode, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		desa_row(st, d);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int desa_search(sqlite3 *db, const char *query, struct desa *out, int max)
{
	/* a kecamatan has tens of villages: read them all */
	char q[512], qc[512], name[512], nc[512];
	desa_search_name(query, q, sizeof q);
	desa_key(query, qc, sizeof qc);
	sqlite3_stmt *st = db_prepare(db, DESA_COLS "ORDER BY nama_cari, kode", NULL);
	if (!st)
		return -1;
	int n = 0, rc, exact = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *kode = (const char *)sqlite3_column_text(st, 0);
		desa_search_name((const char *)sqlite3_column_text(st, 1), name, sizeof name);
		desa_key(name, nc, sizeof nc);
		int same = *qc && strcmp(nc, qc) == 0;
		if (same && !exact)
			n = 0;	/* the village named exactly is the one meant */
		exact |= same;
		int code = str_is_digits(qc) && strncmp(kode, qc, strlen(qc)) == 0;
		if (n < max && (same || (!exact && (code || str_words_start(q, name)))))
			desa_row(st, &out[n++]);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? n : -1;
}

static int desa_lookup(sqlite3 *db, const char *text, struct desa *d)
{
	char code[11], key[512], nc[512];
	if (desa_code(text, code) == 0)
		return desa_get(db, code, d);
	desa_key(text, key, sizeof key);
	if (!*key)
		return 0;
	/* kept prepared: an import resolves every row's village */
	sqlite3_stmt *st = db_stmt(db, DESA_COLS "ORDER BY wilayah DESC, kode", NULL);
	if (!st)
		return -1;
	int rc, found = 0;
	while (!found && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		desa_key((const char *)sqlite3_column_text(st, 1), nc, sizeof nc);
		if (strcmp(nc, key) == 0) {
			desa_row(st, d);
			found = 1;
		}
	}
	sqlite3_reset(st);
	return found || rc == SQLITE_DONE ? found : -1;
}

/* The typed villages a bulk check has resolved (db_memo_of): a file of 60,000
 * patients names a few tens of villages, and each lookup reads the table. */
struct desa_memo {
	int n;
	struct {
		char text[64], kode[11], nama[sizeof ((struct desa *)0)->nama];
		int found;
	} e[64];
};

int desa_resolve(sqlite3 *db, const char *text, char kode[11], char *nama, size_t size)
{
	struct desa_memo *m = db_memo_of(db, DB_MEMO_DESA, sizeof *m);
	int i = 0;
	while (m && i < m->n && strcmp(m->e[i].text, text) != 0)
		i++;
	struct desa d;
	const char *k = d.kode, *n = d.nama;
	int found;
	if (m && i < m->n) {
		found = m->e[i].found;
		k = m->e[i].kode;
		n = m->e[i].nama;
	} else {
		found = desa_lookup(db, text, &d);
		if (found >= 0 && m && i < (int)ARRAY_LEN(m->e) && strlen(text) < sizeof m->e[i].text) {
			str_copy(m->e[i].text, sizeof m->e[i].text, text);
			m->e[i].found = found;
			memcpy(m->e[i].kode, found ? d.kode : "", found ? 11 : 1);
			str_copy(m->e[i].nama, sizeof m->e[i].nama, found ? d.nama : "");
			m->n++;
		}
	}
	if (found == 1) {
		memcpy(kode, k, 11);
		str_copy(nama, size, n);
	}
	return found;
}

int desa_check(sqlite3 *db, const struct desa_input *in, struct desa *out, struct field_errors *fe)
{
	memset(out, 0, sizeof *out);
	fe->n = 0;
	char kode[32] = "", wilayah[4] = "";
	dict_check_field(db, "desa", "kode", "kode", in->kode ? in->kode : "", kode, sizeof kode, fe);
	if (!field_error_for(fe, "kode") && desa_code(kode, out->kode) != 0)
		field_error(fe, "kode", "kode desa harus 10 angka (3204102001) atau bertitik (32.04.10.2001)");
	dict_check_field(db, "desa", "nama", "nama", in->nama ? in->nama : "", out->nama, sizeof out->nama, fe);
	dict_check_field(db, "desa", "wilayah", "wilayah", in->wilayah ? in->wilayah : "", wilayah, sizeof wilayah, fe);
	out->wilayah = wilayah[0] == '1';
	dict_check_field(db, "desa", "pustu", "pustu", in->pustu ? in->pustu : "", out->pustu, sizeof out->pustu, fe);
	dict_check_field(db, "desa", "posyandu", "posyandu", in->posyandu ? in->posyandu : "", out->posyandu,
			 sizeof out->posyandu, fe);
	return fe->n ? -1 : 0;
}

int desa_put(sqlite3 *db, const struct desa *d, struct sbuf *err)
{
	char cari[512];
	desa_search_name(d->nama, cari, sizeof cari);
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO desa (kode, nama, nama_cari, wilayah, pustu, posyandu) "
				   "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (kode) DO UPDATE SET nama = ?2, "
				   "nama_cari = ?3, wilayah = ?4, pustu = ?5, posyandu = ?6", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, d->kode, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, d->nama, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, cari, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, 4, d->wilayah);
	sqlite3_bind_text(st, 5, d->pustu, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, d->posyandu, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(err, db, "desa tidak tersimpan");
}

int desa_save(sqlite3 *db, const struct desa_input *in, struct field_errors *fe, struct sbuf *err)
{
	struct desa d;
	if (desa_check(db, in, &d, fe) != 0)
		return -1;
	if (db_begin(db) != 0) {
		sb_printf(err, "%s", db_busy_text(db));
		return -1;
	}
	if (desa_put(db, &d, err) != 0 || db_commit(db) != 0) {
		if (!err->len)
			db_fail(err, db, "desa tidak tersimpan");
		db_rollback(db);
		return -1;
	}
	return 0;
}

int desa_list(sqlite3 *db, struct desa *out, int max)
{
	sqlite3_stmt *st = db_prepare(db, DESA_COLS "ORDER BY wilayah DESC, nama_cari, kode LIMIT ?", NULL);
	if (!st)
		return -1;
	sqlite3_bind_int(st, 1, max);
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		desa_row(st, &out[n++]);
	sqlite3_finalize(st);
	return db_rows(rc, n);
}
