/* The working area (src/desa.c, db/028_desa.sql): the village master by its
 * Kemendagri code, found by the starts of its name's words; the yearly
 * targets per village; and the free-text villages typed before there was a
 * master, listed with the nearest master name and mapped by a CSV file.
 * The same core for the admin screen, the desk and `pkm desa` / `pkm impor`. */
#ifndef PKM_DESA_H
#define PKM_DESA_H
#include <sqlite3.h>
#include "pkm/dict.h"
#include "pkm/sheet.h"
#include "pkm/util.h"

struct desa {
	char kode[11];
	char nama[244];		/* 60 characters, accented ones taking up to 4 bytes */
	int wilayah;		/* 1 in the working area, 0 a neighbouring village */
	char pustu[244];
	char posyandu[804];
};

/* What was typed or imported: kode 10 digits or dotted (32.04.10.2001),
 * wilayah Y/T or 1/0. */
struct desa_input {
	const char *kode, *nama, *wilayah, *pustu, *posyandu;
};

/* A name's search form (nama_cari): lower-case letters and digits, one space
 * between words. */
void desa_search_name(const char *nama, char *out, size_t size);
/* The search form without its spaces: "Suka Maju" and "sukamaju " alike. */
void desa_key(const char *nama, char *out, size_t size);
/* A code as typed (10 digits, or 2.2.2.4 digits with dots) in its 10-digit
 * form: 0, or -1 when it is not one. */
int desa_code(const char *in, char out[11]);
/* How many villages the master has (0 for a new site: the desk takes free
 * text as before); -1 when unreadable. */
int desa_count(sqlite3 *db);
/* Villages whose code starts with the query, or whose name's words the
 * query's words start ("suka" finds Sukamaju); a name equal to the query
 * (case, spaces and marks aside) is the only one found. By name; -1 when
 * unreadable. */
int desa_search(sqlite3 *db, const char *query, struct desa *out, int max);
/* 1 found, 0 not, -1 unreadable. */
int desa_get(sqlite3 *db, const char *kode, struct desa *d);
/* The village a patient's typed text names: a master code, or a name equal
 * to a master name (case, spaces and marks aside). 1 with the code in kode
 * and the master's name in nama, 0 none, -1 unreadable. */
int desa_resolve(sqlite3 *db, const char *text, char kode[11], char *nama, size_t size);
/* Check a row (fe holds why not): 0 when it may be saved. */
int desa_check(sqlite3 *db, const struct desa_input *in, struct desa *out, struct field_errors *fe);
/* Add or change a village inside the caller's transaction. */
int desa_put(sqlite3 *db, const struct desa *d, struct sbuf *err);
/* Check and save in its own BEGIN IMMEDIATE; 0 when saved. */
int desa_save(sqlite3 *db, const struct desa_input *in, struct field_errors *fe, struct sbuf *err);
/* Every village, those of the working area first, by name; -1 when unreadable. */
int desa_list(sqlite3 *db, struct desa *out, int max);

/* pkm impor desa FILE.csv: kode, nama, wilayah[, pustu][, posyandu]; a code
 * there is updated. All or nothing. */
int import_desa(sqlite3 *db, const char *path, const struct sheet_opts *o, struct sbuf *done, struct sbuf *err);
/* pkm impor sasaran TAHUN FILE.csv: kode_desa then a column per jenis of
 * table sasaran; the year's rows of the villages in the file are replaced. */
int import_sasaran(sqlite3 *db, int tahun, const char *path, const struct sheet_opts *o, struct sbuf *done,
		   struct sbuf *err);

/* A village text not mapped yet: how many patients have it and the nearest
 * master name (kode "" when none is near). */
struct desa_teks {
	char teks[128];
	long jumlah;
	char kode[11];
	char nama[244];
	int jarak;	/* edits between the two, case, spaces and marks aside */
};
/* The texts of patients with neither a village code nor "luar wilayah", by
 * count then text (spaces around it aside), into *out (the caller frees it); the number, -1 when unreadable. */
int desa_petakan(sqlite3 *db, struct desa_teks **out);
/* The listing as `pkm desa petakan` and Admin > Desa show it: a line a text
 * ("text", count, nearest code and name), then the totals. */
void desa_petakan_text(const struct desa_teks *t, int n, struct sbuf *out);
/* Apply a mapping file (teks, kode: a master code or LUAR; an empty kode
 * leaves the text unmapped): every patient with that text (spaces around it
 * aside, as a file's cells are read) gets the
 * code or "luar wilayah", the text kept. All or nothing. */
int desa_petakan_terapkan(sqlite3 *db, const char *path, const struct sheet_opts *o, struct sbuf *done,
			  struct sbuf *err);

#endif
