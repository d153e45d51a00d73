#include "pkm/patient.h"
#include "pkm/db.h"
#include "pkm/desa.h"
#include "pkm/dict.h"
#include "pkm/ident.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void patient_search_name(const char *nama, char *out, size_t size)
{
	size_t n = 0;
	int space = 1;
	for (const char *p = nama; *p && n + 1 < size; p++) {
		if (isspace((unsigned char)*p)) {
			space = 1;
			continue;
		}
		if (space && n > 0 && n + 2 < size)
			out[n++] = ' ';
		space = 0;
		out[n++] = (char)toupper((unsigned char)*p);
	}
	out[n] = '\0';
}

/* Validate one dictionary column into dst; records the error under its column. */
static void check_col(sqlite3 *db, const char *column, const char *in, char *dst, size_t size,
		      struct field_errors *fe)
{
	const struct column_def *c = dict_find(db, "pasien", column);
	const char *err = !c ? "kolom tidak ada di kamus data" : dict_check(db, c, in ? in : "", dst, size);
	if (err)
		field_error(fe, column, "%s", err);
}

/* The village master's code for the desa typed (its code, or its name with
 * case, spaces and marks aside: the master's name is kept then); otherwise
 * the text as typed, outside the area when so confirmed. */
static void village(sqlite3 *db, struct patient *out, int luar, struct field_errors *fe)
{
	char nama[sizeof out->desa];
	int found = out->desa[0] ? desa_resolve(db, out->desa, out->desa_kode, nama, sizeof nama) : 0;
	if (found < 0)
		field_error(fe, "desa", "daftar desa tidak terbaca: %s", sqlite3_errmsg(db));
	else if (found && desa_code(out->desa, (char[11]){ 0 }) == 0)
		str_copy(out->desa, sizeof out->desa, nama);
	out->desa_luar = !found && out->desa[0] && luar;
}

int patient_check(sqlite3 *db, const struct patient_input *in, struct patient *out,
		  struct field_errors *fe, char *warning, size_t wsize)
{
	memset(out, 0, sizeof *out);
	fe->n = 0;
	if (warning && wsize)
		warning[0] = '\0';
	char sex[4] = "", perk[4] = "";
	check_col(db, "no_rm", in->no_rm, out->no_rm, sizeof out->no_rm, fe);
	check_col(db, "nama", in->nama, out->nama, sizeof out->nama, fe);
	check_col(db, "jenis_kelamin", in->jenis_kelamin, sex, sizeof sex, fe);
	out->sex = sex[0];
	check_col(db, "nik", in->nik, out->nik, sizeof out->nik, fe);
	check_col(db, "no_bpjs", in->no_bpjs, out->no_bpjs, sizeof out->no_bpjs, fe);
	check_col(db, "penjamin", in->penjamin, out->penjamin, sizeof out->penjamin, fe);
	check_col(db, "alamat", in->alamat, out->alamat, sizeof out->alamat, fe);
	check_col(db, "desa", in->desa, out->desa, sizeof out->desa, fe);
	village(db, out, in->desa_luar, fe);
	check_col(db, "no_hp", in->no_hp, out->no_hp, sizeof out->no_hp, fe);
	check_col(db, "nama_ibu", in->nama_ibu, out->nama_ibu, sizeof out->nama_ibu, fe);
	check_col(db, "no_kk", in->no_kk, out->no_kk, sizeof out->no_kk, fe);
	check_col(db, "rt_rw", in->rt_rw, out->rt_rw, sizeof out->rt_rw, fe);

	/* Birth date, or an age in years giving an estimated one (1 July). */
	const char *tgl = in->tanggal_lahir ? in->tanggal_lahir : "";
	const char *umur = in->umur ? in->umur : "";
	struct date today = date_today(), birth;
	if (*tgl) {
		check_col(db, "tanggal_lahir", tgl, out->tanggal_lahir, sizeof out->tanggal_lahir, fe);
		if (date_parse(out->tanggal_lahir, &birth) == 0 && date_cmp(birth, today) > 0)
			field_error(fe, "tanggal_lahir", "Tanggal lahir tidak boleh setelah hari ini");
	} else if (*umur) {
		check_col(db, "umur", umur, perk, sizeof perk, fe);
		long years;
		if (!field_error_for(fe, "umur") && parse_long(perk, 0, 130, &years) == 0) {
			birth = (struct date){ today.y - (int)years, 7, 1 };
			if (date_cmp(birth, today) > 0)
				birth.y--;
			date_format(birth, out->tanggal_lahir);
			out->lahir_perkiraan = 1;
		}
	} else {
		field_error(fe, "tanggal_lahir", "Isi tanggal lahir, atau umur bila tidak diketahui");
	}

	if (!fe->n && !out->no_bpjs[0] && dict_payer_needs_bpjs(db, out->penjamin))
		field_error(fe, "no_bpjs", "No. BPJS wajib untuk penjamin BPJS");
	if (!fe->n && out->nik[0] && !out->lahir_perkiraan && warning) {
		date_parse(out->tanggal_lahir, &birth);
		const char *w = nik_mismatch(out->nik, birth, out->sex);
		if (w)
			str_copy(warning, wsize, w);
	}
	return fe->n ? -1 : 0;
}

long patient_next_rm(sqlite3 *db, char *no_rm, size_t size)
{
	sqlite3_stmt *up = db_stmt(db, "UPDATE rm_seri SET terakhir = terakhir + 1 RETURNING terakhir", NULL);
	sqlite3_stmt *used = db_stmt(db, "SELECT 1 FROM pasien WHERE no_rm = ?", NULL);
	long serial = -1;
	while (up && used) {
		if (sqlite3_step(up) != SQLITE_ROW)
			break;
		serial = (long)sqlite3_column_int64(up, 0);
		sqlite3_reset(up);
		snprintf(no_rm, size, "%06ld", serial);
		/* imported patients keep their own numbers: skip any already taken */
		sqlite3_bind_text(used, 1, no_rm, -1, SQLITE_STATIC);
		int taken = sqlite3_step(used) == SQLITE_ROW;
		sqlite3_reset(used);
		if (!taken)
			break;
		serial = -1;
	}
	sqlite3_reset(up);
	sqlite3_reset(used);
	return serial;
}

/* The words of one search name; the mother's carry a leading '@', so they
 * never match a search of the patient's own name (db/015_identitas.sql). */
static int name_words(sqlite3 *db, long id, const char *name, int mother, int add, struct sbuf *err)
{
	char cari[1024];
	name_search_words(name, cari, sizeof cari);
	sqlite3_stmt *st = db_stmt(db, add ? "INSERT OR IGNORE INTO pasien_kata (kata, pasien_id) VALUES (?1 || ?2, ?3)"
					   : "DELETE FROM pasien_kata WHERE kata = ?1 || ?2 AND pasien_id = ?3", err);
	if (!st)
		return -1;
	for (const char *w = cari; *w;) {
		size_t n = strcspn(w, " ");
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, mother ? "@" : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, w, (int)n, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, id);
		if (sqlite3_step(st) != SQLITE_DONE) {
			sqlite3_reset(st);
			sb_printf(err, "kata nama tidak tersimpan: %s", sqlite3_errmsg(db));
			return -1;
		}
		w += n + (w[n] == ' ');
	}
	sqlite3_reset(st);
	return 0;
}

int patient_words(sqlite3 *db, const struct patient *p, int add, struct sbuf *err)
{
	return name_words(db, p->id, p->nama, 0, add, err) ||
	       (p->nama_ibu[0] && name_words(db, p->id, p->nama_ibu, 1, add, err)) ? -1 : 0;
}

void patient_bind(sqlite3_stmt *st, const struct patient *p)
{
	char cari[sizeof p->nama], sex[2] = { p->sex, 0 };
	patient_search_name(p->nama, cari, sizeof cari);
	db_bind_text(st, 1, p->no_rm, 0);
	db_bind_text(st, 2, p->nik, 1);
	db_bind_text(st, 3, p->no_bpjs, 1);
	db_bind_text(st, 4, p->nama, 0);
	sqlite3_bind_text(st, 5, cari, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 6, sex, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 7, p->tanggal_lahir, 0);
	sqlite3_bind_int(st, 8, p->lahir_perkiraan);
	db_bind_text(st, 9, p->alamat, 0);
	db_bind_text(st, 10, p->desa, 0);
	db_bind_text(st, 11, p->penjamin, 0);
	db_bind_text(st, 12, p->no_hp, 0);
	db_bind_text(st, 13, p->nama_ibu, 0);
	db_bind_text(st, 14, p->no_kk, 1);
	db_bind_text(st, 15, p->rt_rw, 0);
	db_bind_text(st, 16, p->desa_kode, 1);
	sqlite3_bind_int(st, 17, p->desa_luar);
}

int patient_insert(sqlite3 *db, struct patient *p, struct sbuf *err)
{
	if (!p->no_rm[0] && patient_next_rm(db, p->no_rm, sizeof p->no_rm) < 0) {
		sb_printf(err, "No. RM tidak dapat dibuat: %s", sqlite3_errmsg(db));
		return -1;
	}
	sqlite3_stmt *st = db_stmt(db,
		"INSERT INTO pasien (" PATIENT_WRITTEN ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", err);
	if (!st)
		return -1;
	patient_bind(st, p);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		if (rc == SQLITE_CONSTRAINT_UNIQUE && strstr(sqlite3_errmsg(db), "nik"))
			sb_printf(err, "NIK %s sudah terdaftar", p->nik);
		else if (rc == SQLITE_CONSTRAINT_UNIQUE)
			sb_printf(err, "No. RM %s sudah dipakai", p->no_rm);
		else
			sb_printf(err, "pasien tidak tersimpan: %s", sqlite3_errmsg(db));
		return -1;
	}
	p->id = (long)sqlite3_last_insert_rowid(db);
	return patient_words(db, p, 1, err);
}

int patient_save_new(sqlite3 *db, struct patient *p, struct sbuf *err)
{
	if (db_begin(db) != 0) {
		sb_printf(err, "%s", db_busy_text(db));
		return -1;
	}
	struct patient copy = *p;	/* a failed save must not keep a half-assigned No. RM */
	if (patient_insert(db, &copy, err) != 0 || db_commit(db) != 0) {
		db_rollback(db);
		return -1;
	}
	*p = copy;
	return 0;
}

void patient_read(sqlite3_stmt *st, struct patient *p)
{
	p->id = (long)sqlite3_column_int64(st, 0);
	db_col_text(st, 1, p->no_rm, sizeof p->no_rm);
	db_col_text(st, 2, p->nik, sizeof p->nik);
	db_col_text(st, 3, p->no_bpjs, sizeof p->no_bpjs);
	db_col_text(st, 4, p->nama, sizeof p->nama);
	char sex[4];
	db_col_text(st, 5, sex, sizeof sex);
	p->sex = sex[0];
	db_col_text(st, 6, p->tanggal_lahir, sizeof p->tanggal_lahir);
	p->lahir_perkiraan = sqlite3_column_int(st, 7);
	db_col_text(st, 8, p->alamat, sizeof p->alamat);
	db_col_text(st, 9, p->desa, sizeof p->desa);
	db_col_text(st, 10, p->penjamin, sizeof p->penjamin);
	db_col_text(st, 11, p->no_hp, sizeof p->no_hp);
	db_col_text(st, 12, p->nama_ibu, sizeof p->nama_ibu);
	db_col_text(st, 13, p->no_kk, sizeof p->no_kk);
	db_col_text(st, 14, p->rt_rw, sizeof p->rt_rw);
	db_col_text(st, 15, p->desa_kode, sizeof p->desa_kode);
	p->desa_luar = sqlite3_column_int(st, 16);
}

/* Run a prepared query and read up to max patients. */
static int read_patients(sqlite3_stmt *st, struct patient *out, int max)
{
	int n = 0, rc = SQLITE_DONE;
	while (n < max && (rc = sqlite3_step(st)) == SQLITE_ROW)
		patient_read(st, &out[n++]);
	sqlite3_finalize(st);
	return db_rows(rc, n);
}

static int get_one(sqlite3 *db, const char *sql, const char *text, long id, struct patient *p)
{
	sqlite3_stmt *st = db_stmt(db, sql, NULL);
	if (!st)
		return -1;
	if (text)
		sqlite3_bind_text(st, 1, text, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_int64(st, 1, id);
	int found = sqlite3_step(st) == SQLITE_ROW;
	if (found)
		patient_read(st, p);
	sqlite3_reset(st);
	return found;
}

int patient_get(sqlite3 *db, long id, struct patient *p)
{
	return get_one(db, "SELECT " PATIENT_COLS " FROM pasien WHERE id = ?", NULL, id, p);
}
int patient_by_nik(sqlite3 *db, const char *nik, struct patient *p)
{
	return get_one(db, "SELECT " PATIENT_COLS " FROM pasien WHERE nik = ?", nik, 0, p);
}
int patient_by_rm(sqlite3 *db, const char *no_rm, struct patient *p)
{
	return get_one(db, "SELECT " PATIENT_COLS " FROM pasien WHERE no_rm = ?", no_rm, 0, p);
}

/* The end of a prefix range: "ABC" -> "ABD", so kata >= "ABC" AND kata < "ABD". */
static void prefix_end(const char *prefix, char *out, size_t size)
{
	str_copy(out, size, prefix);
	size_t n = strlen(out);
	if (n)
		out[n - 1] = (char)(out[n - 1] + 1);
}

/* A number alone: the start of a No. RM, NIK or No. BPJS, each walked in its own
 * index so even "3" reads no more than a screenful. */
static int search_number(sqlite3 *db, const char *digits, struct patient *out, int max)
{
	static const char *const sql[] = {
		"SELECT " PATIENT_COLS " FROM pasien WHERE no_rm >= ?1 AND no_rm < ?2 ORDER BY no_rm LIMIT ?3",
		"SELECT " PATIENT_COLS " FROM pasien WHERE nik >= ?1 AND nik < ?2 ORDER BY nik LIMIT ?3",
		"SELECT " PATIENT_COLS " FROM pasien WHERE no_bpjs >= ?1 AND no_bpjs < ?2 ORDER BY no_bpjs LIMIT ?3",
	};
	char end[64];
	prefix_end(digits, end, sizeof end);
	int n = 0;
	/* "2" is No. RM 000002 too: the serial is six digits, typed without its zeros */
	if (strlen(digits) < 6) {
		char padded[8];
		snprintf(padded, sizeof padded, "%06ld", atol(digits));
		struct patient p;
		if (max > 0 && patient_by_rm(db, padded, &p) == 1)
			out[n++] = p;
	}
	for (size_t q = 0; q < ARRAY_LEN(sql) && n < max; q++) {
		sqlite3_stmt *st = db_stmt(db, sql[q], NULL);
		if (!st)
			continue;
		sqlite3_bind_text(st, 1, digits, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, end, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, max);
		int rc = SQLITE_DONE;
		while (n < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
			patient_read(st, &out[n]);
			int seen = 0;
			for (int k = 0; k < n && !seen; k++)
				seen = out[k].id == out[n].id;
			n += !seen;
		}
		sqlite3_reset(st);
		if (db_rows(rc, n) < 0)
			return -1;
	}
	return n;
}

#define FEW_MATCHES 2000

static int by_name(const void *a, const void *b)
{
	const struct patient *x = a, *y = b;
	int c = strcasecmp(x->nama, y->nama);
	return c ? c : strcmp(x->tanggal_lahir, y->tanggal_lahir);
}

/* How many patients have a word starting with w (counting stops past FEW_MATCHES). */
static int word_matches(sqlite3 *db, const char *w)
{
	char end[64];
	prefix_end(w, end, sizeof end);
	sqlite3_stmt *st = db_stmt(db, "SELECT COUNT(*) FROM (SELECT 1 FROM pasien_kata WHERE kata >= ?1 AND kata < ?2 "
				   "LIMIT ?3)", NULL);
	if (!st)
		return FEW_MATCHES + 1;
	sqlite3_bind_text(st, 1, w, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, end, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, FEW_MATCHES + 1);
	int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : FEW_MATCHES + 1;
	sqlite3_reset(st);
	return n;
}

int patient_search(sqlite3 *db, const char *query, struct patient *out, int max)
{
	char q[128];
	str_copy(q, sizeof q, query);
	char words[8][64];
	int kind[8], ntok = 0;	/* 0 word, 1 digits, 2 date, 3 a year */
	for (char *tok = strtok(q, " \t"); tok && ntok < 8; tok = strtok(NULL, " \t"), ntok++) {
		char *w = words[ntok];
		struct date d;
		if (date_parse_user(tok, &d) == 0) {
			kind[ntok] = 2;
			date_format(d, w);
		} else if (strlen(tok) == 4 && str_is_digits(tok) && atoi(tok) >= 1900 && atoi(tok) <= date_today().y) {
			kind[ntok] = 3;	/* a birth year beside a name: "siti 1989" */
			str_copy(w, sizeof words[0], tok);
		} else if (str_is_digits(tok)) {
			kind[ntok] = 1;
			str_copy(w, sizeof words[0], tok);
		} else {
			kind[ntok] = 0;
			size_t n = 0;
			for (const char *s = tok; *s && n + 1 < sizeof words[0]; s++) {
				size_t mark = name_mark(s);
				if (mark)	/* "nur'aini" is NURAINI, as the name's words are kept */
					s += mark - 1;
				else if (*s != '*' && *s != '?' && *s != '[')
					w[n++] = (char)toupper((unsigned char)*s);
			}
			w[n] = '\0';
		}
	}
	if (ntok == 1 && (kind[0] == 1 || kind[0] == 3))
		return search_number(db, words[0], out, max);
	/* "ibu siti": the words after it are the mother's name, kept as "@SITI" */
	int mother = ntok >= 2 && kind[0] == 0 && strcmp(words[0], "IBU") == 0;
	if (mother) {
		for (int i = 1; i < ntok; i++) {
			char w[sizeof words[0]];
			kind[i - 1] = kind[i];
			snprintf(w, sizeof w, "%s%.62s", kind[i] == 0 ? "@" : "", words[i]);
			str_copy(words[i - 1], sizeof words[0], w);
		}
		ntok--;
	}
	/* the rarest word drives the search through pasien_kata; when even that one
	 * matches many patients, the first screenful is taken and sorted here */
	int narrow = -1, fewest = FEW_MATCHES + 2;
	for (int i = 0; i < ntok; i++) {
		int m = kind[i] == 0 && words[i][0] ? word_matches(db, words[i]) : FEW_MATCHES + 2;
		if (m < fewest) {
			fewest = m;
			narrow = i;
		}
	}
	struct sbuf sql = { 0 };
	const char *binds[24];
	char end[64];
	int nb = 0;
	if (narrow >= 0) {
		prefix_end(words[narrow], end, sizeof end);
		sb_add(&sql, "SELECT DISTINCT " PATIENT_COLS " FROM pasien_kata k JOIN pasien ON pasien.id = k.pasien_id "
			     "WHERE k.kata >= ? AND k.kata < ?");
		binds[nb++] = words[narrow];
		binds[nb++] = end;
	} else {
		sb_add(&sql, "SELECT " PATIENT_COLS " FROM pasien WHERE 1");
	}
	for (int i = 0; i < ntok; i++) {
		if (kind[i] == 2) {
			sb_add(&sql, " AND tanggal_lahir = ?");
			binds[nb++] = words[i];
		} else if (kind[i] == 3) {
			sb_add(&sql, " AND tanggal_lahir >= ? || '-01-01' AND tanggal_lahir <= ? || '-12-31'");
			binds[nb++] = words[i];
			binds[nb++] = words[i];
		} else if (kind[i] == 1) {
			/* a number matches No. RM, NIK or No. BPJS from the start */
			sb_add(&sql, " AND (no_rm GLOB ? || '*' OR nik GLOB ? || '*' OR no_bpjs GLOB ? || '*')");
			binds[nb++] = words[i];
			binds[nb++] = words[i];
			binds[nb++] = words[i];
		} else if (i != narrow) {
			/* a word matches the start of any word of the name (of the mother's),
			 * as pasien_kata keeps them: computed for the few rows found */
			sb_add(&sql, mother ? " AND (' ' || pkm_kata(nama_ibu)) GLOB '* ' || ? || '*'"
					    : " AND (' ' || pkm_kata(nama)) GLOB '* ' || ? || '*'");
			binds[nb++] = words[i] + mother;
		}
	}
	int many = narrow >= 0 && fewest > FEW_MATCHES;
	sb_add(&sql, many ? " LIMIT ?" : " ORDER BY nama_cari, tanggal_lahir LIMIT ?");
	int n = 0;
	sqlite3_stmt *st = db_prepare(db, sb_str(&sql), NULL);
	if (st) {
		for (int i = 0; i < nb; i++)
			sqlite3_bind_text(st, i + 1, binds[i], -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, nb + 1, max);
		n = read_patients(st, out, max);
	}
	sb_free(&sql);
	if (many && n > 0)
		qsort(out, (size_t)n, sizeof *out, by_name);
	return st ? n : -1;
}

int patient_list(sqlite3 *db, const char *query, struct patient *out, int max, char *said, size_t size)
{
	int n = patient_search(db, query, out, max + 1);	/* one more tells "more than max" */
	int shown = n > max ? max : n;
	if (n > max)
		snprintf(said, size, "lebih dari %d pasien cocok: tambah kata atau tahun lahir", max);
	else
		snprintf(said, size, n > 0 ? "%d pasien cocok" : "tidak ada pasien yang cocok", n);
	return shown;
}

int patient_duplicates(sqlite3 *db, const struct patient *p, struct patient *out, int max)
{
	char cari[sizeof p->nama];
	patient_search_name(p->nama, cari, sizeof cari);
	sqlite3_stmt *st = db_prepare(db,
		"SELECT " PATIENT_COLS " FROM pasien WHERE (nama_cari = ? AND tanggal_lahir = ?)"
		" OR (no_bpjs IS NOT NULL AND no_bpjs = ?) ORDER BY no_rm LIMIT ?", NULL);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, cari, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, p->tanggal_lahir, -1, SQLITE_TRANSIENT);
	db_bind_text(st, 3, p->no_bpjs, 1);
	sqlite3_bind_int(st, 4, max);
	return read_patients(st, out, max);
}
