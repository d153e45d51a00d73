/* Users, roles and log-in. Passwords are hashed with crypt(3) yescrypt; pkm
 * never stores or compares a password itself. */
#ifndef PKM_USER_H
#define PKM_USER_H
#include <sqlite3.h>
#include <time.h>
#include "pkm/dict.h"
#include "pkm/util.h"

#define USER_MAX_UNITS 12
#define PASSWORD_MIN 8

/* What a role may do; the screens and menus follow these. */
enum {
	R_REGISTER = 1,		/* find and register patients, open visits */
	R_VISITS = 2,		/* the visit lists */
	R_CLINICAL = 4,		/* diagnoses and forms (of its units, for NAKES) */
	R_RESEP = 8,		/* prescriptions: write (NAKES), dispense (FARMASI) */
	R_PHARMACY = 16,	/* drug stock */
	R_REPORTS = 32,		/* monthly reports and backups */
	R_ADMIN = 64,		/* users, audit trail, merging patients */
};

struct user {
	long id;
	char nama[33], nama_lengkap[61], peran[16], nik[20];	/* nik: "" when none */
	int aktif, ganti_sandi, n_units;
	char units[USER_MAX_UNITS][8];
};

/* The rights of a role code (PENDAFTARAN, NAKES, ...); 0 for an unknown one. */
unsigned role_rights(const char *peran);
/* 1 when the user may see clinical data of a visit in `unit`. */
int user_sees_unit(const struct user *u, const char *unit);
/* 1 when the user may see the prescriptions of a visit in `unit`. */
int user_sees_resep(const struct user *u, const char *unit);

struct user_input {
	const char *nama, *nama_lengkap, *peran, *units;	/* units: "K2 K3" */
	const char *password, *password2;	/* password2 NULL: not asked twice */
	const char *nik;			/* NULL or "": none (SATUSEHAT names a nakes by it) */
};
/* Check a new user (password NULL when editing one): messages under the fields
 * nama, nama_lengkap, peran, unit, sandi, sandi2. Fills out on success. */
int user_check(sqlite3 *db, const struct user_input *in, long editing_id, struct user *out,
	       struct field_errors *fe);
/* A password's weakness in Indonesian, or NULL when acceptable. */
const char *password_problem(const char *password, const char *user_name);

/* Store a checked user (new when u->id is 0) with its units; the new id in u->id.
 * A new user with u->ganti_sandi set chooses another password at the first log-in. */
int user_save(sqlite3 *db, struct user *u, const char *password, struct sbuf *err);
/* 1 when password is the user's current one (a forced change must choose another). */
int user_password_is(sqlite3 *db, long id, const char *password);
int user_set_password(sqlite3 *db, long id, const char *password, int must_change, struct sbuf *err);
int user_set_active(sqlite3 *db, long id, int active, struct sbuf *err);
/* Minutes the account stays locked after failed log-ins at `now`: 0 when it is
 * not locked, -1 when it cannot be read (user_lock.c). */
int user_lock_left(sqlite3 *db, long id, time_t now);
/* The account's state in a list: "ditutup", "terkunci" or "aktif". */
const char *user_status(sqlite3 *db, const struct user *u, time_t now);
int user_count(sqlite3 *db);
int user_get(sqlite3 *db, const char *nama, struct user *out);
/* Every user, by name; the count, -1 when not read whole (a user with more
 * units than USER_MAX_UNITS put in from outside pkm too). *out is allocated. */
int user_list(sqlite3 *db, struct user **out);

enum login_result { LOGIN_OK, LOGIN_WRONG, LOGIN_LOCKED, LOGIN_INACTIVE, LOGIN_ERROR };
struct login_policy {
	int max_failures;	/* failures in a row that lock the account */
	int lock_minutes;	/* how long it stays locked */
};
/* Check a password at time `now`: counts failures, locks after too many,
 * records MASUK or GAGAL in the audit trail. On LOGIN_OK the connection
 * writes as this user from now on. `minutes_left` tells LOGIN_LOCKED's wait. */
enum login_result user_login(sqlite3 *db, const struct login_policy *p, const char *nama, const char *password,
			     time_t now, struct user *out, int *minutes_left);

#endif
