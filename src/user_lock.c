/* Whether an account is locked after too many failed log-ins, for the lists of
 * users (screen and CLI): "aktif" there must not hide a lock. */
#include "pkm/user.h"
#include "pkm/db.h"

int user_lock_left(sqlite3 *db, long id, time_t now)
{
	/* the log-in's own reckoning: whole minutes, rounded up */
	sqlite3_stmt *st = db_prepare(db, "SELECT coalesce((unixepoch(kunci_sampai) - ?2 + 59) / 60, 0) "
					  "FROM pengguna WHERE id = ?1", NULL);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)now);
	int rc = sqlite3_step(st), left = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return -1;
	return left > 0 ? left : 0;	/* a lock that has run out counts as none */
}

const char *user_status(sqlite3 *db, const struct user *u, time_t now)
{
	if (!u->aktif)
		return "ditutup";
	int left = user_lock_left(db, u->id, now);
	return left > 0 ? "terkunci" : left < 0 ? "?" : "aktif";
}
