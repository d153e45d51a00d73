#include "pkm/icd_list.h"
#include "pkm/db.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static int by_code(const void *a, const void *b)
{
	return strcmp(((const struct icd_use *)a)->kode, ((const struct icd_use *)b)->kode);
}

int icd_usage_load(sqlite3 *db, const char *unit, struct date today, struct icd_usage *u)
{
	memset(u, 0, sizeof *u);
	char to[11];
	date_format(today, to);
	sqlite3_stmt *st = db_prepare(db, "SELECT d.icd10, count(*) FROM kunjungan k JOIN diagnosis d ON d.kunjungan_id = k.id "
				      "WHERE k.unit = ?1 AND k.tanggal > date(?2, '-90 days') AND k.tanggal <= ?2 "
				      "GROUP BY d.icd10 ORDER BY d.icd10", NULL);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, unit, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
	int cap = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (u->n == cap) {
			cap = cap ? cap * 2 : 64;
			u->e = xrealloc(u->e, (size_t)cap * sizeof *u->e);
		}
		db_col_text(st, 0, u->e[u->n].kode, sizeof u->e[0].kode);
		u->e[u->n++].count = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

void icd_usage_free(struct icd_usage *u)
{
	free(u->e);
	memset(u, 0, sizeof *u);
}

static int uses_of(const struct icd_usage *u, const char *kode)
{
	if (!u || !u->n)
		return 0;
	struct icd_use key;
	str_copy(key.kode, sizeof key.kode, kode);
	const struct icd_use *hit = bsearch(&key, u->e, (size_t)u->n, sizeof *u->e, by_code);
	return hit ? hit->count : 0;
}

/* Letters and digits make words; any other ASCII byte parts them (bytes of
 * non-ASCII letters belong to their word). */
static int word_char(unsigned char c) { return c >= 0x80 || isalnum(c); }

int icd_words_match(const char *text, char words[][32], int n)
{
	for (int w = 0; w < n; w++) {
		size_t len = strlen(words[w]);
		int found = 0;
		for (const char *p = text; *p && !found; p++)
			if (word_char((unsigned char)*p) && (p == text || !word_char((unsigned char)p[-1])))
				found = strncasecmp(p, words[w], len) == 0;
		if (!found)
			return 0;
	}
	return 1;
}

int icd_query_words(const char *query, int dots, char words[6][32])
{
	int n = 0;
	for (const char *p = query; *p && n < 6;) {
		while (*p && !word_char((unsigned char)*p))
			p++;
		size_t len = 0;
		while (word_char((unsigned char)*p) || (dots && *p == '.' && len)) {
			if (len < 31)
				words[n][len++] = (char)tolower((unsigned char)*p);
			p++;
		}
		if (len)
			words[n++][len] = '\0';
	}
	return n;
}

struct found {
	struct icd_entry *e;
	int n, cap;
	int by_name;	/* the first by_name entries came from the list, in code order */
};

static int entry_code(const void *key, const void *e) { return strcmp(key, ((const struct icd_entry *)e)->kode); }

/* A code once: a synonym of a code found by its name, or by an earlier synonym, adds nothing. */
static struct icd_entry *add(struct found *f, const char *kode, int synonym)
{
	if (synonym && f->by_name && bsearch(kode, f->e, (size_t)f->by_name, sizeof *f->e, entry_code))
		return NULL;
	for (int i = f->by_name; synonym && i < f->n; i++)
		if (strcmp(f->e[i].kode, kode) == 0)
			return NULL;
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 64;
		f->e = xrealloc(f->e, (size_t)f->cap * sizeof *f->e);
	}
	struct icd_entry *e = &f->e[f->n++];
	memset(e, 0, sizeof *e);
	str_copy(e->kode, sizeof e->kode, kode);
	return e;
}

static int best_first(const void *a, const void *b)
{
	const struct icd_entry *x = a, *y = b;
	if (x->uses != y->uses)
		return y->uses - x->uses;
	if (!x->via[0] != !y->via[0])
		return x->via[0] ? 1 : -1;	/* its own name before a synonym */
	return strcmp(x->kode, y->kode);
}

/* Codes whose synonym matches every word; the hit shows the term it matched.
 * -1 when the list stopped on a read error. */
static int synonyms(sqlite3 *db, char words[6][32], int n, struct found *f)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT s.istilah, s.kode, coalesce(i.nama, '') FROM temp.icd10_sinonim s "
			       "LEFT JOIN icd10 i ON i.kode = s.kode ORDER BY s.rowid", -1, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return 0;	/* no synonyms loaded on this connection */
	}
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *term = (const char *)sqlite3_column_text(st, 0);
		struct icd_entry *e = icd_words_match(term, words, n) ? add(f, (const char *)sqlite3_column_text(st, 1), 1)
								     : NULL;
		if (e) {
			str_copy(e->via, sizeof e->via, term);
			str_copy(e->nama, sizeof e->nama, (const char *)sqlite3_column_text(st, 2));
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int icd_search(sqlite3 *db, const char *query, const struct icd_usage *use, struct icd_entry *out, int max)
{
	char words[6][32], prefix[ICD_LEN + 1] = "";
	int n = icd_query_words(query, 0, words);
	const char *q = query + strspn(query, " ");
	if (isalpha((unsigned char)q[0]) && isdigit((unsigned char)q[1])) {
		size_t k = 0;	/* "j06" or "J06.9": the code prefix, upper case */
		for (; q[k] && k < ICD_LEN - 1 && (isalnum((unsigned char)q[k]) || q[k] == '.'); k++)
			prefix[k] = (char)toupper((unsigned char)q[k]);
		prefix[k] = '\0';
	}
	if (!n && !prefix[0])
		return 0;
	struct found f = { 0 };
	sqlite3_stmt *st = db_stmt(db, "SELECT kode, nama, coalesce(nama_en, '') FROM icd10 ORDER BY kode", NULL);
	int rc = SQLITE_ERROR;
	while (st && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *kode = (const char *)sqlite3_column_text(st, 0);
		const char *nama = (const char *)sqlite3_column_text(st, 1);
		int hit = prefix[0] ? strncmp(kode, prefix, strlen(prefix)) == 0
				    : icd_words_match(nama, words, n) ||
				      icd_words_match((const char *)sqlite3_column_text(st, 2), words, n);
		struct icd_entry *e = hit ? add(&f, kode, 0) : NULL;
		if (e)
			str_copy(e->nama, sizeof e->nama, nama);
	}
	if (st)
		sqlite3_reset(st);
	f.by_name = f.n;
	if (rc != SQLITE_DONE || (!prefix[0] && synonyms(db, words, n, &f) != 0)) {
		free(f.e);
		return -1;
	}
	for (int i = 0; i < f.n; i++)
		f.e[i].uses = uses_of(use, f.e[i].kode);
	if (f.n)
		qsort(f.e, (size_t)f.n, sizeof *f.e, best_first);
	int count = f.n < max ? f.n : max;
	if (count)
		memcpy(out, f.e, (size_t)count * sizeof *out);
	free(f.e);
	return count;
}

void icd_name(sqlite3 *db, const char *code, char *out, size_t size)
{
	out[0] = '\0';
	sqlite3_stmt *st = db_stmt(db, "SELECT nama FROM icd10 WHERE kode = ?", NULL);
	if (!st)
		return;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		db_col_text(st, 0, out, size);
	sqlite3_reset(st);
}

int icd_synonyms_load(sqlite3 *db, const char *path, struct sbuf *err)
{
	static const char *const required[] = { "istilah", "kode", NULL };
	struct sheet s;
	static const struct sheet_opts session_list = { .unhashed = 1 };
	if (sheet_read(&s, path, required, &session_list, err) != 0)
		return finish_errors(&s);
	int c_term = col_of(&s, "istilah"), c_code = col_of(&s, "kode");
	if (sqlite3_exec(db, "CREATE TEMP TABLE IF NOT EXISTS icd10_sinonim (istilah TEXT NOT NULL, kode TEXT NOT NULL); "
			     "DELETE FROM temp.icd10_sinonim", NULL, NULL, NULL) != SQLITE_OK) {
		problem(&s, 0, NULL, "sinonim tidak dapat dimuat: %s", sqlite3_errmsg(db));
		return finish_errors(&s);
	}
	sqlite3_stmt *st = db_prepare(db, "INSERT INTO temp.icd10_sinonim (istilah, kode) VALUES (lower(?), ?)", NULL);
	for (int r = 0; st && r < s.nrows; r++) {
		char code[ICD_LEN];
		const char *term = cell(&s, r, c_term);
		if (!*term || strlen(term) >= ICD_TERM_BYTES)
			problem(&s, s.lines[r], "istilah", "wajib diisi, paling banyak %d byte", ICD_TERM_BYTES - 1);
		else if (icd_normalize(cell(&s, r, c_code), code) != 0)
			problem(&s, s.lines[r], "kode", "kode ICD-10 tidak sah: '%s'", cell(&s, r, c_code));
		else {
			sqlite3_bind_text(st, 1, term, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, code, -1, SQLITE_STATIC);
			sqlite3_step(st);
			sqlite3_reset(st);
		}
	}
	sqlite3_finalize(st);
	if (s.nerr) {
		sqlite3_exec(db, "DELETE FROM temp.icd10_sinonim", NULL, NULL, NULL);
		return finish_errors(&s);
	}
	sheet_free(&s);
	return 0;
}
