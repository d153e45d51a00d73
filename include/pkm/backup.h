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

/* Copy to DIR/pkm-YYYYMMDD-HHMMSS.db (owner-only): written under a temporary
 * name, renamed when verified and synced; what interrupted copies left in DIR
 * is removed first. The file name goes to out_path. 0 on success. */
int backup_make(sqlite3 *db, const char *dir, char *out_path, size_t size, backup_progress progress, void *ctx,
		struct sbuf *err);
/* Is this file a whole pkm database? integrity_check and foreign_key_check,
 * read-only. 0 when good; else why in err. */
int backup_verify(const char *path, struct sbuf *err);
/* Keep the newest `keep` whole pkm-*.db files of dir; returns how many were removed. */
int backup_prune(const char *dir, int keep);
/* The daily copy: made (its file name in path) when dir has none from
 * `today`, then pruned; the planner's statistics are renewed first (the
 * copy carries them). 1 made, 0 not needed, -1 failed. */
int backup_daily(sqlite3 *db, const char *dir, struct date today, int keep, char *path, size_t size,
		 backup_progress progress, void *ctx, struct sbuf *err);
/* The daily copy beside the session, so the first log-in of the day never
 * waits for it: `pkm cadangan DIR --harian N --progres` in a new process makes
 * and checks the copy and reports on a pipe ("P done total", then "OK path",
 * "TIDAK PERLU" or "ERR why"). */
struct backup_job {
	int pid, fd;		/* pid 0: no job */
	int done, total;	/* pages copied so far */
	int state;		/* 0 running, 1 made and checked, -1 failed */
	char line[600];		/* a line being read */
	size_t used;
	char result[512];	/* the path made, or why it failed */
};
/* Start the daily copy (pkm_bin: the pkm program) when dir has none from
 * `today`: 1 started, 0 not needed, -1 could not start (err). */
int backup_daily_start(const char *pkm_bin, const char *db_path, const char *dir, int keep, struct date today,
		       struct backup_job *job, struct sbuf *err);
/* Read what the child sent, never blocking: 1 when it has finished (state
 * and result set, the child reaped), 0 while it runs. */
int backup_job_poll(struct backup_job *job);
/* Replace the database at db_path by the copy `file`, keeping the replaced one
 * as db_path-sebelum-pulih-YYYYMMDD-HHMMSS.db (its name in kept). Refused when the
 * copy fails its checks or another pkm has the database open. 0 on success. */
int backup_restore(const char *db_path, const char *file, char *kept, size_t size, struct sbuf *err);

#endif
