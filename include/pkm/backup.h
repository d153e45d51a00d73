/* Backups and restore: an online copy through SQLite's backup API (safe while
 * other desks keep working), checked before it is called good; a daily copy
 * on the first start of the day, keeping the last N; restore only of a copy
 * that passes the checks, only when no other pkm has the database open, and
 * never without keeping the database it replaces. */
#ifndef PKM_BACKUP_H
#define PKM_BACKUP_H
#include <sqlite3.h>
#include "pkm/date.h"
#include "pkm/util.h"

/* Called now and then with the pages copied so far and the total. */
typedef void (*backup_progress)(void *ctx, int done, int total);

/* Copy to DIR/pkm-YYYYMMDD-HHMMSS.db (owner-only), then verify the copy. The
 * file name goes to out_path. 0 on success. */
int backup_make(sqlite3 *db, const char *dir, char *out_path, size_t size, backup_progress progress, void *ctx,
		struct sbuf *err);
/* Is this file a whole pkm database? integrity_check and foreign_key_check,
 * read-only. 0 when good; else why in err. */
int backup_verify(const char *path, struct sbuf *err);
/* Keep the newest `keep` pkm-*.db files of dir; returns how many were removed. */
int backup_prune(const char *dir, int keep);
/* The daily copy: made when dir has none from `today`, then pruned. 1 made,
 * 0 not needed, -1 failed. */
int backup_daily(sqlite3 *db, const char *dir, struct date today, int keep, backup_progress progress, void *ctx,
		 struct sbuf *err);
/* Replace the database at db_path by the copy `file`, keeping the replaced one
 * as db_path-sebelum-pulih-YYYYMMDD-HHMMSS.db (its name in kept). Refused when the
 * copy fails its checks or another pkm has the database open. 0 on success. */
int backup_restore(const char *db_path, const char *file, char *kept, size_t size, struct sbuf *err);

#endif
