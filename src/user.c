#define _GNU_SOURCE	/* strcasestr */
#include "pkm/user.h"
#include "pkm/audit.h"
#include "pkm/db.h"
#include <crypt.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *peran;
	unsigned rights;
} roles[] = {
	{ "PENDAFTARAN", R_REGISTER | R_VISITS },
	{ "NAKES", R_VISITS | R_CLINICAL | R_RESEP },
	{ "FARMASI", R_VISITS | R_RESEP | R_PHARMACY },
	{ "PELAPORAN", R_REPORTS },
	{ "ADMIN", R_REGISTER | R_VISITS | R_CLINICAL | R_RESEP | R_PHARMACY | R_REPORTS | R_ADMIN },
};

unsigned role_rights(const char *peran)
{
	for (size_t i = 0; i < ARRAY_LEN(roles); i++)
		if (strcmp(roles[i].peran, peran) == 0)
			return roles[i].rights;
	return 0;
}

int user_sees_unit(const struct user *u, const char *unit)
{
	if (!(role_rights(u->peran) & R_CLINICAL))
		return 0;
	if (strcmp(u->peran, "NAKES") != 0)
		return 1;
	for (int i = 0; i < u->n_units; i++)
		if (strcmp(u->units[i], unit) == 0)
			return 1;
	return 0;
}

int user_sees_resep(const struct user *u, const char *unit)
{
	unsigned r = role_rights(u->peran);
	/* pharmacy staff see every unit's prescriptions, health workers their own */
	return (r & R_RESEP) && (!(r & R_CLINICAL) || user_sees_unit(u, unit));
}

/* The commonest passwords (leaked-password lists and their Indonesian
 * favourites): the first a guesser tries. Those under 8 characters are
 * refused by length already, so few of them are here. */
static const char *const common[] = {
	"password", "password1", "password12", "password123", "password1234", "passw0rd", "p@ssw0rd", "p@ssword",
	"12345678", "123456789", "1234567890", "0123456789", "11111111", "00000000", "88888888", "87654321",
	"12341234", "11223344", "12121212", "123123123", "1q2w3e4r", "1q2w3e4r5t", "1qaz2wsx", "zaq12wsx",
	"q1w2e3r4", "qwertyuiop", "qwerty12", "qwerty123", "qwerty1234", "qwe12345", "123qweasd", "asdfghjkl",
	"asdf1234", "zxcvbnm1", "abc12345", "abcd1234", "a1b2c3d4", "aa123456", "iloveyou", "iloveyou1",
	"sunshine", "princess", "football", "football1", "baseball", "welcome1", "welcome123", "letmein1",
	"trustno1", "superman", "starwars", "computer", "michael1", "jennifer", "whatever", "dragon123",
	"monkey123", "master123", "shadow123", "internet", "samsung123", "admin123", "admin1234", "administrator",
	"changeme", "default1", "secret123", "test1234", "testing123", "charlie1", "freedom1", "lovely123",
	"rahasia", "rahasia1", "rahasia123", "rahasia2026", "puskesmas", "puskesmas1", "puskesmas123",
	"bismillah", "bismillah1", "bismillah123", "indonesia", "indonesia1", "indonesia123", "merdeka45",
	"merdeka1945", "sayang123", "sayangku", "cintaku1", "kesehatan", "kesehatan1", "dokter123", "perawat1",
	"bidan123", "apotek123", "sehat123", "jakarta1", "bandung1", "alhamdulillah", "assalamualaikum",
	"garuda123", "pancasila", "selamat1", "katasandi", "katasandi1", "sandi123",
};

/* 1 when the password holds the user name, forwards or reversed (a name
 * under 3 letters only when it is the whole password). */
static int holds_name(const char *password, const char *user_name)
{
	size_t n = user_name ? strlen(user_name) : 0;
	if (n < 3 || n >= 64)
		return n && strcasecmp(password, user_name) == 0;
	char reversed[64];
	for (size_t i = 0; i < n; i++)
		reversed[i] = user_name[n - 1 - i];
	reversed[n] = '\0';
	return strcasestr(password, user_name) || strcasestr(password, reversed);
}

const char *password_problem(const char *password, const char *user_name)
{
	if (strlen(password) < PASSWORD_MIN)
		return "kata sandi paling sedikit 8 karakter";
	if (strlen(password) > 128)
		return "kata sandi paling banyak 128 karakter";
	if (holds_name(password, user_name))
		return "kata sandi tidak boleh memuat nama pengguna (juga yang dibalik)";
	for (size_t i = 0; i < ARRAY_LEN(common); i++)
		if (strcasecmp(password, common[i]) == 0)
			return "kata sandi ini termasuk yang paling umum dan mudah ditebak; pilih yang lain";
	int letters = 0, others = 0;
	for (const char *p = password; *p; p++)
		isalpha((unsigned char)*p) ? letters++ : others++;
	if (!letters || !others)
		return "kata sandi perlu huruf dan angka atau tanda baca";
	return NULL;
}

/* Units typed as "K2 K3" or "K2, K3": each checked against the unit table. */
static void check_units(sqlite3 *db, const char *typed, struct user *out, struct field_errors *fe)
{
	char buf[128];
	str_copy(buf, sizeof buf, typed ? typed : "");
	out->n_units = 0;
	for (char *save = NULL, *w = strtok_r(buf, " ,;", &save); w; w = strtok_r(NULL, " ,;", &save)) {
		str_upper(w);
		if (db_query_text_exists(db, "SELECT 1 FROM unit WHERE kode = ?", w) != 1) {
			field_error(fe, "unit", "unit %.10s tidak dikenal", w);
			return;
		}
		if (out->n_units == USER_MAX_UNITS) {
			field_error(fe, "unit", "paling banyak %d unit", USER_MAX_UNITS);
			return;
		}
		str_copy(out->units[out->n_units++], sizeof out->units[0], w);
	}
	if (strcmp(out->peran, "NAKES") == 0 && out->n_units == 0)
		field_error(fe, "unit", "tenaga kesehatan perlu paling sedikit satu unit");
	if (strcmp(out->peran, "NAKES") != 0 && out->n_units > 0 && !field_error_for(fe, "peran"))
		field_error(fe, "unit", "unit hanya untuk peran tenaga kesehatan");
}

int user_check(sqlite3 *db, const struct user_input *in, long editing_id, struct user *out,
	       struct field_errors *fe)
{
	memset(out, 0, sizeof *out);
	out->id = editing_id;
	out->aktif = 1;
	dict_check_field(db, "pengguna", "nama", "nama", in->nama, out->nama, sizeof out->nama, fe);
	dict_check_field(db, "pengguna", "nama_lengkap", "nama_lengkap", in->nama_lengkap, out->nama_lengkap,
			 sizeof out->nama_lengkap, fe);
	dict_check_field(db, "pengguna", "peran", "peran", in->peran, out->peran, sizeof out->peran, fe);
	if (!field_error_for(fe, "nama")) {
		const char *bad = out->nama[0] && strlen(out->nama) < 2 ? "paling sedikit 2 karakter" : NULL;
		for (const char *p = out->nama; *p && !bad; p++)
			if (!islower((unsigned char)*p) && !isdigit((unsigned char)*p) && !strchr("._-", *p))
				bad = "hanya huruf kecil, angka, titik, garis bawah atau tanda minus";
		struct user other;
		if (!bad && user_get(db, out->nama, &other) == 0 && other.id != editing_id)
			bad = "nama pengguna sudah dipakai";
		if (bad)
			field_error(fe, "nama", "%s", bad);
	}
	if (in->nik && *in->nik)
		dict_check_field(db, "pengguna", "nik", "nik", in->nik, out->nik, sizeof out->nik, fe);
	check_units(db, in->units, out, fe);
	if (in->password) {
		const char *why = password_problem(in->password, out->nama);
		if (why)
			field_error(fe, "sandi", "%s", why);
		else if (in->password2 && strcmp(in->password, in->password2) != 0)
			field_error(fe, "sandi2", "kata sandi ulangan tidak sama");
	}
	return fe->n ? -1 : 0;
}

/* A yescrypt hash of a password with a fresh salt from the system. */
static int hash_password(const char *password, char out[CRYPT_OUTPUT_SIZE])
{
	char setting[CRYPT_GENSALT_OUTPUT_SIZE];
	if (!crypt_gensalt_rn("$y$", 0, NULL, 0, setting, sizeof setting))
		return -1;
	struct crypt_data *cd = xcalloc(1, sizeof *cd);
	const char *h = crypt_rn(password, setting, cd, sizeof *cd);
	int rc = h && h[0] == '$' ? 0 : -1;
	if (rc == 0)
		str_copy(out, CRYPT_OUTPUT_SIZE, h);
	free(cd);
	return rc;
}

/* 1 when password hashes to `stored` (compared without an early exit). */
static int password_matches(const char *password, const char *stored)
{
	struct crypt_data *cd = xcalloc(1, sizeof *cd);
	const char *h = crypt_rn(password, stored, cd, sizeof *cd);
	size_t n = strlen(stored);
	int same = h && strlen(h) == n;
	unsigned diff = 0;
	for (size_t i = 0; same && i < n; i++)
		diff |= (unsigned char)h[i] ^ (unsigned char)stored[i];
	free(cd);
	return same && diff == 0;
}

static int step_done(sqlite3_stmt *st)
{
	int rc = st ? sqlite3_step(st) : SQLITE_ERROR;
	if (st)
		sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int write_units(sqlite3 *db, const struct user *u)
{
	sqlite3_stmt *del = db_stmt(db, "DELETE FROM pengguna_unit WHERE pengguna_id = ?", NULL);
	if (!del)
		return -1;
	sqlite3_bind_int64(del, 1, u->id);
	if (step_done(del) != 0)
		return -1;
	for (int i = 0; i < u->n_units; i++) {
		sqlite3_stmt *ins = db_stmt(db, "INSERT INTO pengguna_unit (pengguna_id, unit) VALUES (?, ?)", NULL);
		if (!ins)
			return -1;
		sqlite3_bind_int64(ins, 1, u->id);
		sqlite3_bind_text(ins, 2, u->units[i], -1, SQLITE_STATIC);
		if (step_done(ins) != 0)
			return -1;
	}
	return 0;
}

static int finish(sqlite3 *db, int rc, const char *what, struct sbuf *err)
{
	if (rc == 0 && db_commit(db) == 0)
		return 0;
	sb_printf(err, "%s tidak tersimpan: %s", what, sqlite3_errmsg(db));
	db_rollback(db);
	return -1;
}

int user_save(sqlite3 *db, struct user *u, const char *password, struct sbuf *err)
{
	char hash[CRYPT_OUTPUT_SIZE] = "";
	if (password && hash_password(password, hash) != 0) {
		sb_printf(err, "kata sandi tidak dapat di-hash (libcrypt yescrypt)");
		return -1;
	}
	if (!u->id && !password) {
		sb_printf(err, "pengguna baru perlu kata sandi");
		return -1;
	}
	if (db_begin(db) != 0) {
		sb_printf(err, "%s", db_busy_text(db));
		return -1;
	}
	sqlite3_stmt *st = u->id
		? db_stmt(db, "UPDATE pengguna SET nama = ?1, nama_lengkap = ?2, peran = ?3, nik = ?6 WHERE id = ?4", NULL)
		: db_stmt(db, "INSERT INTO pengguna (nama, nama_lengkap, peran, sandi, nik, ganti_sandi) "
			      "VALUES (?1, ?2, ?3, ?5, ?6, ?7)", NULL);
	int rc = -1;
	if (st) {
		sqlite3_bind_text(st, 1, u->nama, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, u->nama_lengkap, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, u->peran, -1, SQLITE_STATIC);
		db_bind_text(st, 6, u->nik, 1);
		if (u->id)
			sqlite3_bind_int64(st, 4, u->id);
		else
			sqlite3_bind_text(st, 5, hash, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 7, u->ganti_sandi);
		rc = step_done(st);
	}
	if (rc == 0 && !u->id)
		u->id = (long)sqlite3_last_insert_rowid(db);
	if (rc == 0)
		rc = write_units(db, u);
	return finish(db, rc, "pengguna", err);
}

int user_set_password(sqlite3 *db, long id, const char *password, int must_change, struct sbuf *err)
{
	char hash[CRYPT_OUTPUT_SIZE];
	if (hash_password(password, hash) != 0) {
		sb_printf(err, "kata sandi tidak dapat di-hash (libcrypt yescrypt)");
		return -1;
	}
	if (db_begin(db) != 0) {
		sb_printf(err, "%s", db_busy_text(db));
		return -1;
	}
	sqlite3_stmt *st = db_stmt(db, "UPDATE pengguna SET sandi = ?, ganti_sandi = ?, gagal = 0, "
				       "kunci_sampai = NULL WHERE id = ?", NULL);
	if (st) {
		sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, must_change);
		sqlite3_bind_int64(st, 3, id);
	}
	return finish(db, step_done(st) == 0 && sqlite3_changes(db) == 1 ? 0 : -1, "kata sandi", err);
}

int user_password_is(sqlite3 *db, long id, const char *password)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT sandi FROM pengguna WHERE id = ?", NULL);
	char stored[CRYPT_OUTPUT_SIZE] = "*";
	if (!st)
		return 0;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		db_col_text(st, 0, stored, sizeof stored);
	sqlite3_reset(st);
	return password_matches(password, stored);
}

int user_set_active(sqlite3 *db, long id, int active, struct sbuf *err)
{
	if (db_begin(db) != 0) {
		sb_printf(err, "%s", db_busy_text(db));
		return -1;
	}
	sqlite3_stmt *st = db_stmt(db, "UPDATE pengguna SET aktif = ?, gagal = 0, kunci_sampai = NULL WHERE id = ?",
				   NULL);
	if (st) {
		sqlite3_bind_int(st, 1, active);
		sqlite3_bind_int64(st, 2, id);
	}
	return finish(db, step_done(st), "status pengguna", err);
}

int user_count(sqlite3 *db) { return (int)db_query_long(db, "SELECT count(*) FROM pengguna", 0); }

#define USER_COLUMNS "id, nama, nama_lengkap, peran, aktif, ganti_sandi, coalesce(nik, '')"

/* A user and the units it serves; -1 when these cannot be read whole (more
 * units than a user may have were put in from outside pkm, a read error): a
 * user is never shown with fewer units than it has. */
static int read_user(sqlite3 *db, sqlite3_stmt *st, struct user *u)
{
	memset(u, 0, sizeof *u);
	u->id = (long)sqlite3_column_int64(st, 0);
	db_col_text(st, 1, u->nama, sizeof u->nama);
	db_col_text(st, 2, u->nama_lengkap, sizeof u->nama_lengkap);
	db_col_text(st, 3, u->peran, sizeof u->peran);
	u->aktif = sqlite3_column_int(st, 4);
	u->ganti_sandi = sqlite3_column_int(st, 5);
	db_col_text(st, 6, u->nik, sizeof u->nik);
	sqlite3_stmt *un = db_stmt(db, "SELECT unit FROM pengguna_unit WHERE pengguna_id = ? ORDER BY unit", NULL);
	if (!un)
		return -1;
	sqlite3_bind_int64(un, 1, u->id);
	int rc;
	while ((rc = sqlite3_step(un)) == SQLITE_ROW && u->n_units < USER_MAX_UNITS)
		db_col_text(un, 0, u->units[u->n_units++], sizeof u->units[0]);
	sqlite3_reset(un);
	return rc == SQLITE_DONE ? 0 : -1;
}

int user_get(sqlite3 *db, const char *nama, struct user *out)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT " USER_COLUMNS " FROM pengguna WHERE nama = ?", NULL);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, nama, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st) == SQLITE_ROW ? 0 : -1;
	if (rc == 0)
		rc = read_user(db, st, out);
	sqlite3_finalize(st);
	return rc;
}

int user_list(sqlite3 *db, struct user **out)
{
	*out = NULL;
	sqlite3_stmt *st = db_prepare(db, "SELECT " USER_COLUMNS " FROM pengguna ORDER BY nama", NULL);
	if (!st)
		return 0;
	int n = 0, cap = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap)
			*out = xrealloc(*out, (size_t)(cap = cap ? cap * 2 : 16) * sizeof **out);
		if (read_user(db, st, &(*out)[n++]) != 0)
			break;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return n;
	free(*out);
	*out = NULL;
	return -1;
}

/* The failure counter and lock after one log-in attempt, in its transaction. */
static int record_attempt(sqlite3 *db, const struct login_policy *p, long id, int ok, time_t now)
{
	sqlite3_stmt *st = ok
		? db_stmt(db, "UPDATE pengguna SET gagal = 0, kunci_sampai = NULL WHERE id = ?1", NULL)
		: db_stmt(db, "UPDATE pengguna SET gagal = gagal + 1, kunci_sampai = CASE WHEN gagal + 1 >= ?2 "
			      "THEN datetime(?3, 'unixepoch', ?4) END WHERE id = ?1", NULL);
	if (!st)
		return -1;
	char minutes[24];
	snprintf(minutes, sizeof minutes, "+%d minutes", p->lock_minutes);
	sqlite3_bind_int64(st, 1, id);
	if (!ok) {
		sqlite3_bind_int(st, 2, p->max_failures);
		sqlite3_bind_int64(st, 3, (sqlite3_int64)now);
		sqlite3_bind_text(st, 4, minutes, -1, SQLITE_TRANSIENT);
	}
	return step_done(st);
}

/* A try during a lock-out, written as the name typed (whose account it is);
 * the connection writes as its previous user again after. */
static int record_locked_try(sqlite3 *db, const char *nama, long id)
{
	char previous[48] = "", who[33];
	const char *was = db_user(db);
	if (was)
		str_copy(previous, sizeof previous, was);
	str_copy(who, sizeof who, nama);
	db_set_user(db, who);
	struct sbuf err = { 0 };
	int rc = audit_event(db, "GAGAL", "pengguna", id, 0, "dicoba saat akun terkunci", &err);
	sb_free(&err);
	db_set_user(db, was ? previous : NULL);
	return rc;
}

enum login_result user_login(sqlite3 *db, const struct login_policy *p, const char *nama, const char *password,
			     time_t now, struct user *out, int *minutes_left)
{
	*minutes_left = 0;
	sqlite3_stmt *st = db_prepare(db, "SELECT id, sandi, aktif, (unixepoch(kunci_sampai) - ?2 + 59) / 60 "
					  "FROM pengguna WHERE nama = ?1", NULL);
	if (!st)
		return LOGIN_ERROR;
	sqlite3_bind_text(st, 1, nama, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)now);
	long id = 0;
	int active = 0, locked = 0;
	char stored[CRYPT_OUTPUT_SIZE] = "*";
	if (sqlite3_step(st) == SQLITE_ROW) {
		id = (long)sqlite3_column_int64(st, 0);
		db_col_text(st, 1, stored, sizeof stored);
		active = sqlite3_column_int(st, 2);
		locked = sqlite3_column_int(st, 3);
	}
	sqlite3_finalize(st);
	if (id && locked > 0) {
		/* guessing goes on during a lock-out: the trail shows each try */
		*minutes_left = locked;
		return record_locked_try(db, nama, id) == 0 ? LOGIN_LOCKED : LOGIN_ERROR;
	}
	/* an unknown name costs the same hashing as a known one */
	static char dummy[CRYPT_OUTPUT_SIZE];
	if (!id && !dummy[0] && hash_password("-", dummy) != 0)
		return LOGIN_ERROR;
	int ok = password_matches(password, id ? stored : dummy);
	if (id && ok && !active)
		return LOGIN_INACTIVE;
	/* the attempt is written as the name typed, so the trail tells whose account */
	char previous[48] = "";
	const char *was = db_user(db);
	if (was)
		str_copy(previous, sizeof previous, was);
	char who[33];
	str_copy(who, sizeof who, nama);
	db_set_user(db, who);
	struct sbuf err = { 0 };
	int rc = 0;
	if (id) {
		rc = db_begin(db);
		if (rc == 0 && (record_attempt(db, p, id, ok, now) != 0 || db_commit(db) != 0)) {
			db_rollback(db);
			rc = -1;
		}
	}
	if (rc == 0)
		rc = audit_event(db, ok ? "MASUK" : "GAGAL", "pengguna", id, 0, id ? NULL : "nama tidak dikenal", &err);
	sb_free(&err);
	if (rc != 0 || !ok) {
		db_set_user(db, was ? previous : NULL);
		return rc != 0 ? LOGIN_ERROR : LOGIN_WRONG;
	}
	if (user_get(db, nama, out) != 0)
		return LOGIN_ERROR;
	return LOGIN_OK;
}
