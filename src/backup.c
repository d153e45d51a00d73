#include "pkm/backup.h"
#include "pkm/db.h"
#include "pkm/open.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <spawn.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Copy `from` into `to` through the backup API, a few hundred pages a step so
 * other desks can write in between; 0 on success. */
static int copy_db(sqlite3 *from, sqlite3 *to, backup_progress progress, void *ctx, struct sbuf *err)
{
	sqlite3_backup *b = sqlite3_backup_init(to, "main", from, "main");
	if (!b) {
		sb_printf(err, "cadangan tidak dapat dimulai: %s", sqlite3_errmsg(to));
		return -1;
	}
	int rc;
	while ((rc = sqlite3_backup_step(b, 256)) == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		if (progress)
			progress(ctx, sqlite3_backup_pagecount(b) - sqlite3_backup_remaining(b), sqlite3_backup_pagecount(b));
		if (rc != SQLITE_OK)
			sqlite3_sleep(50);
	}
	if (progress)
		progress(ctx, sqlite3_backup_pagecount(b), sqlite3_backup_pagecount(b));
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		sb_printf(err, "cadangan gagal: %s", sqlite3_errstr(rc));
		return -1;
	}
	return 0;
}

int backup_verify(const char *path, struct sbuf *err)
{
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		sb_printf(err, "%s: tidak dapat dibuka: %s", path, db ? sqlite3_errmsg(db) : "?");
		sqlite3_close(db);
		return -1;
	}
	int rc = 0;
	long version = db_query_long(db, "PRAGMA user_version", -1);
	if (db_query_long(db, "PRAGMA application_id", -1) != PKM_APPLICATION_ID) {
		sb_printf(err, "%s: bukan database pkm", path);
		rc = -1;
	} else if (version < 1 || version > pkm_schema_version()) {
		/* what pkm_open would refuse must not become the database */
		sb_printf(err, "%s: database versi %ld, program ini versi %d; %s", path, version, pkm_schema_version(),
			  version < 1 ? "bukan cadangan pkm" : "pasang pkm yang lebih baru untuk memakainya");
		rc = -1;
	} else {
		sqlite3_stmt *st = db_prepare(db, "PRAGMA integrity_check", NULL);
		char first[200] = "";
		if (st && sqlite3_step(st) == SQLITE_ROW)
			db_col_text(st, 0, first, sizeof first);
		sqlite3_finalize(st);
		long fk = db_query_long(db, "SELECT COUNT(*) FROM pragma_foreign_key_check", -1);
		if (strcmp(first, "ok") != 0) {
			sb_printf(err, "%s: rusak (integrity_check: %s)", path, first[0] ? first : sqlite3_errmsg(db));
			rc = -1;
		} else if (fk != 0) {
			sb_printf(err, "%s: %ld baris melanggar foreign key", path, fk);
			rc = -1;
		}
	}
	sqlite3_close(db);
	return rc;
}

/* <start>YYYYMMDD-HHMMSS.db of now (PKM_TODAY keeps the tests' date). */
static void dated_name(const char *start, char *out, size_t size)
{
	time_t t = time(NULL);
	struct tm tm;
	localtime_r(&t, &tm);
	struct date d = date_today();
	snprintf(out, size, "%s%04d%02d%02d-%02d%02d%02d.db", start, d.y, d.m, d.d, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* A copy in the making is <its name>.<pid>.sementara (SQLite's -journal beside
 * it): never counted as a backup, removed once its process is gone. */
static int is_temporary(const char *name)
{
	return strncmp(name, "pkm-", 4) == 0 && strstr(name, ".sementara");
}

/* A pkm-*.db file whose size is what its SQLite header says: a copy cut short
 * (an older pkm killed mid-copy, a full disk) is not whole. */
static int whole_copy(const char *path)
{
	unsigned char h[100];
	struct stat st;
	FILE *f = fopen(path, "rb");
	int ok = f && fstat(fileno(f), &st) == 0 && fread(h, 1, sizeof h, f) == sizeof h &&
		 memcmp(h, "SQLite format 3", 16) == 0;
	if (f)
		fclose(f);
	if (!ok)
		return 0;
	long page = h[16] << 8 | h[17];
	long pages = (long)h[28] << 24 | h[29] << 16 | h[30] << 8 | h[31];
	return pages > 0 && st.st_size == (page == 1 ? 65536 : page) * pages;
}

static int is_backup(const char *name)
{
	size_t n = strlen(name);
	return strncmp(name, "pkm-", 4) == 0 && n > 7 && strcmp(name + n - 3, ".db") == 0;
}

/* Remove what an interrupted copy left: temporaries of processes gone, and
 * pkm-*.db files that are not whole. */
static void remove_leftovers(const char *dir)
{
	char **names, path[PATH_MAX];
	int n = dir_files(dir, is_temporary, 0, &names);
	for (int i = 0; i < n; i++) {
		const char *p = strstr(names[i], ".db.");
		long pid = p ? strtol(p + 4, NULL, 10) : 0;
		if (pid > 0 && (kill((pid_t)pid, 0) == 0 || errno != ESRCH))
			continue;	/* still being made */
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		remove(path);
	}
	free_names(names, n);
	n = dir_files(dir, is_backup, 0, &names);
	for (int i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if (!whole_copy(path))
			remove(path);
	}
	free_names(names, n);
}

/* fsync of a file or folder by name. */
static int sync_path(const char *path)
{
	int fd = open(path, O_RDONLY);
	int rc = fd >= 0 && fsync(fd) == 0 ? 0 : -1;
	if (fd >= 0)
		close(fd);
	return rc;
}

int backup_make(sqlite3 *db, const char *dir, char *out_path, size_t size, backup_progress progress, void *ctx,
		struct sbuf *err)
{
	char start[PATH_MAX];
	snprintf(start, sizeof start, "%s/pkm-", dir);
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		sb_printf(err, "%s: folder cadangan tidak dapat dibuat: %s", dir, strerror(errno));
		return -1;
	}
	remove_leftovers(dir);
	dated_name(start, out_path, size);
	if (access(out_path, F_OK) == 0) {
		sb_printf(err, "%s sudah ada; tunggu sedetik", out_path);
		return -1;
	}
	char tmp[PATH_MAX + 32];
	snprintf(tmp, sizeof tmp, "%s.%ld.sementara", out_path, (long)getpid());
	sqlite3 *to = NULL;
	mode_t old = umask(077);	/* a copy of patient data: owner only */
	int rc = sqlite3_open_v2(tmp, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	umask(old);
	if (rc != SQLITE_OK) {
		sb_printf(err, "%s: tidak dapat dibuat: %s", tmp, to ? sqlite3_errmsg(to) : sqlite3_errstr(rc));
		sqlite3_close(to);
		remove(tmp);
		return -1;
	}
	rc = copy_db(db, to, progress, ctx, err);
	/* one file, no WAL beside it: the copy can be moved or mailed as it is */
	if (rc == 0)
		sqlite3_exec(to, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
	sqlite3_close(to);
	if (rc == 0)
		rc = backup_verify(tmp, err);
	/* named a backup only when checked and on disk, the rename too */
	if (rc == 0 && (sync_path(tmp) != 0 || rename(tmp, out_path) != 0 || sync_path(dir) != 0)) {
		sb_printf(err, "%s: tidak dapat disimpan: %s", out_path, strerror(errno));
		remove(out_path);
		rc = -1;
	}
	if (rc != 0)
		remove(tmp);
	return rc;
}

/* The pkm-*.db names of dir, newest first (the names sort by date); none when
 * the folder is not there yet. */
static int list_backups(const char *dir, char ***names)
{
	int n = dir_files(dir, is_backup, 1, names), kept = 0;
	for (int i = 0; i < n; i++) {	/* a copy cut short is no backup */
		char path[PATH_MAX];
		snprintf(path, sizeof path, "%s/%s", dir, (*names)[i]);
		if (whole_copy(path))
			(*names)[kept++] = (*names)[i];
		else
			free((*names)[i]);
	}
	return kept;
}

int backup_prune(const char *dir, int keep)
{
	char **names;
	int n = list_backups(dir, &names), removed = 0;
	for (int i = keep; i < n; i++) {
		char path[PATH_MAX];
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		removed += remove(path) == 0;
	}
	free_names(names, n);
	return removed;
}

static int has_today(const char *dir, struct date today)
{
	char **names, stamp[24];
	snprintf(stamp, sizeof stamp, "pkm-%04d%02d%02d-", today.y, today.m, today.d);
	int n = list_backups(dir, &names), have = 0;
	for (int i = 0; i < n; i++)
		have |= strncmp(names[i], stamp, strlen(stamp)) == 0;
	free_names(names, n);
	return have;
}

int backup_daily(sqlite3 *db, const char *dir, struct date today, int keep, char *path, size_t size,
		 backup_progress progress, void *ctx, struct sbuf *err)
{
	if (has_today(dir, today))
		return 0;
	db_statistics(db, NULL);	/* once a day, bounded, off every user's path */
	if (backup_make(db, dir, path, size, progress, ctx, err) != 0)
		return -1;
	backup_prune(dir, keep);
	return 1;
}

int backup_restore(const char *db_path, const char *file, char *kept, size_t size, struct sbuf *err)
{
	if (backup_verify(file, err) != 0)
		return -1;
	int lock = db_lock_file(db_path, 1);
	if (lock < 0) {
		sb_printf(err, "%s sedang dibuka pkm lain: tutup semua pkm dulu, lalu pulihkan", db_path);
		return -1;
	}
	int rc = -1;
	sqlite3 *cur = NULL, *src = NULL;
	if (sqlite3_open_v2(db_path, &cur, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    sqlite3_open_v2(file, &src, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		sb_printf(err, "tidak dapat dibuka: %s", sqlite3_errmsg(cur ? cur : src));
		goto done;
	}
	/* keep what is replaced, then write the copy through SQLite (WAL included) */
	char start[PATH_MAX];
	snprintf(start, sizeof start, "%s-sebelum-pulih-", db_path);
	dated_name(start, kept, size);
	sqlite3 *keep = NULL;
	mode_t old = umask(077);
	int ok = sqlite3_open_v2(kept, &keep, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) == SQLITE_OK;
	umask(old);
	ok = ok && copy_db(cur, keep, NULL, NULL, err) == 0;
	if (keep)
		sqlite3_exec(keep, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
	sqlite3_close(keep);
	if (!ok) {
		if (!err->len)
			sb_printf(err, "%s: database lama tidak dapat disimpan", kept);
		goto done;
	}
	rc = copy_db(src, cur, NULL, NULL, err);
done:
	sqlite3_close(src);
	sqlite3_close(cur);
	close(lock);
	return rc;
}

int backup_daily_start(const char *pkm_bin, const char *db_path, const char *dir, int keep, struct date today,
		       struct backup_job *job, struct sbuf *err)
{
	memset(job, 0, sizeof *job);
	job->fd = -1;
	if (has_today(dir, today))
		return 0;
	int fds[2];
	if (pipe(fds) != 0) {
		sb_printf(err, "cadangan harian tidak dapat dimulai: %s", strerror(errno));
		return -1;
	}
	/* a new pkm process, not a fork of this one: SQLite connections must not
	 * cross a fork, and this one has curses and open statements */
	char keep_s[16];
	snprintf(keep_s, sizeof keep_s, "%d", keep);
	char *argv[] = { (char *)pkm_bin, "--db", (char *)db_path, "cadangan", (char *)dir, "--harian", keep_s,
			 "--progres", NULL };
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fds[1], STDOUT_FILENO);
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_addopen(&fa, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
	posix_spawn_file_actions_addclose(&fa, fds[0]);
	pid_t pid;
	extern char **environ;
	int rc = posix_spawn(&pid, pkm_bin, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(fds[1]);
	if (rc != 0) {
		sb_printf(err, "cadangan harian tidak dapat dimulai: %s", strerror(rc));
		close(fds[0]);
		return -1;
	}
	fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK);
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	job->pid = (int)pid;
	job->fd = fds[0];
	return 1;
}

/* One line from the child. */
static void job_line(struct backup_job *job, const char *line)
{
	if (line[0] == 'P')
		sscanf(line, "P %d %d", &job->done, &job->total);
	else if (strncmp(line, "OK ", 3) == 0) {
		job->state = 1;
		str_copy(job->result, sizeof job->result, line + 3);
	} else if (strcmp(line, "TIDAK PERLU") == 0) {	/* another desk made today's meanwhile */
		job->state = 1;
		str_copy(job->result, sizeof job->result, "sudah ada cadangan hari ini");
	} else if (strncmp(line, "ERR ", 4) == 0) {
		job->state = -1;
		str_copy(job->result, sizeof job->result, line + 4);
	}
}

int backup_job_poll(struct backup_job *job)
{
	if (!job->pid)
		return 1;
	char buf[512];
	ssize_t n;
	while ((n = read(job->fd, buf, sizeof buf)) > 0)
		for (ssize_t i = 0; i < n; i++) {
			if (buf[i] == '\n' || job->used + 1 >= sizeof job->line) {
				job->line[job->used] = '\0';
				job_line(job, job->line);
				job->used = 0;
			} else {
				job->line[job->used++] = buf[i];
			}
		}
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return 0;	/* still running */
	/* end of the pipe: the child is done (or died without a word) */
	int status = 0;
	waitpid((pid_t)job->pid, &status, 0);
	close(job->fd);
	if (job->state == 0) {
		job->state = -1;
		str_copy(job->result, sizeof job->result, "proses cadangan berhenti tanpa hasil");
	}
	job->pid = 0;
	job->fd = -1;
	return 1;
}
