#include "pkm/db.h"
#include "pkm/audit_pack.h"
#include "pkm/date.h"
#include "pkm/ident.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <malloc.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>


int db_exec(sqlite3 *db, const char *sql, struct sbuf *err)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK)
		return 0;
	if (err)
		sb_printf(err, "%s", msg ? msg : sqlite3_errmsg(db));
	sqlite3_free(msg);
	return -1;
}

long db_query_long(sqlite3 *db, const char *sql, long def)
{
	sqlite3_stmt *st = db_prepare(db, sql, NULL);
	if (!st)
		return def;
	long v = def;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* One record per open connection: its lock, the user it writes as, its kept
 * statements, and one slot of data for each module above (the dictionary's memo). */
#define MAX_OPEN 16
#define STMT_CACHE 96
static struct conn {
	sqlite3 *db;
	int lock_fd;
	int has_user;
	char user[48];
	struct {
		const char *sql;
		sqlite3_stmt *st;
	} stmt[STMT_CACHE];
	void *slot[DB_SLOTS];
	void (*release[DB_SLOTS])(void *);
	int memo_on;
	void *memo[DB_MEMOS];
} conns[MAX_OPEN];

static struct conn *conn_of(sqlite3 *db)
{
	for (int i = 0; db && i < MAX_OPEN; i++)
		if (conns[i].db == db)
			return &conns[i];
	return NULL;
}

/* Every pkm holds a shared lock on DB-pkm.kunci while the database is open, so a
 * restore can tell that no other pkm is using it (its lock is exclusive). */
int db_lock_file(const char *path, int exclusive)
{
	/* named after the real file: a link or another spelling of the path
	 * must meet the same lock */
	char real[PATH_MAX], name[PATH_MAX + 16];
	snprintf(name, sizeof name, "%s-pkm.kunci", realpath(path, real) ? real : path);
	mode_t old = umask(077);
	int fd = open(name, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	umask(old);
	if (fd >= 0 && flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0) {
		close(fd);
		fd = -1;
	}
	return fd;
}

static int hold_lock(struct conn *c, const char *path, struct sbuf *err)
{
	c->lock_fd = -1;
	if (strcmp(path, ":memory:") == 0)
		return 0;
	c->lock_fd = db_lock_file(path, 0);
	if (c->lock_fd < 0) {
		sb_printf(err, "%s: database sedang dipulihkan dari cadangan; coba lagi sebentar", path);
		return -1;
	}
	return 0;
}

static void pkm_session(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	(void)argv;
	sqlite3_result_int(ctx, 1);
}

const char *db_hint(sqlite3 *db)
{
	int code = sqlite3_errcode(db) & 0xff;
	return code == SQLITE_NOTADB ? " (bukan berkas database pkm)"
	       : code == SQLITE_CORRUPT ? " (berkas rusak: pulihkan dari cadangan dengan pkm pulihkan)"
	       : code == SQLITE_READONLY || code == SQLITE_CANTOPEN
	       ? " (hanya dapat dibaca: periksa hak akses berkas dan foldernya)" : "";
}

/* pkm_kata(name): name_search_words, for the search and its migration alike. */
static void sql_name_words(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const unsigned char *name = sqlite3_value_text(argv[0]);
	char out[1024];
	name_search_words(name ? (const char *)name : "", out, sizeof out);
	sqlite3_result_text(cx, out, -1, SQLITE_TRANSIENT);
}

sqlite3 *db_connect(const char *path, struct sbuf *err)
{
	struct stat stbuf;
	int exists = stat(path, &stbuf) == 0;
	if (!exists)
		make_parent_dir(path);
	sqlite3 *db = NULL;
	mode_t old = umask(077);	/* patient data: owner only */
	/* A connection is used by one thread only (the sender's workers each
	 * open their own): without its mutex, each call into SQLite is a lock
	 * and an unlock shorter, 4% of a visit import. */
	int rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	umask(old);
	if (rc != SQLITE_OK) {
		sb_printf(err, "%s: database tidak dapat dibuka: %s", path,
			  db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
		sqlite3_close(db);
		return NULL;
	}
	sqlite3_extended_result_codes(db, 1);
	/* pkm's own connections may name the writer in pelaku (db/013) */
	sqlite3_create_function(db, "pkm_sesi", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL, pkm_session, NULL, NULL);
	audit_pack_register(db);	/* a save's lines are packed (db/020) */
	sqlite3_create_function(db, "pkm_kata", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL,
				sql_name_words, NULL, NULL);	/* the search's words of a name (db/022) */
	sqlite3_busy_timeout(db, 10000);
	sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_FKEY, 1, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DDL, 0, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DML, 0, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
	struct sbuf why = { 0 };
	if (db_exec(db, "PRAGMA journal_mode=WAL", &why) != 0 ||
	    db_exec(db, "PRAGMA synchronous=FULL", &why) != 0 ||
	    db_exec(db, "PRAGMA temp_store=MEMORY", &why) != 0 ||	/* report scratch tables, small */
	    db_exec(db, "PRAGMA cache_size=-1024", &why) != 0) {	/* 1 MB: a month of records fits */
		sb_printf(err, "%s: database tidak dapat dipakai: %s%s", path, sb_str(&why), db_hint(db));
		goto fail;
	}
	if (sqlite3_db_readonly(db, "main") == 1) {
		sb_printf(err, "%s: database hanya dapat dibaca (periksa hak akses berkas)", path);
		goto fail;
	}
	struct conn *c = NULL;
	for (int i = 0; i < MAX_OPEN && !c; i++)
		if (!conns[i].db)
			c = &conns[i];
	if (!c) {
		sb_printf(err, "%s: terlalu banyak koneksi database dalam satu proses", path);
		goto fail;
	}
	memset(c, 0, sizeof *c);
	if (hold_lock(c, path, err) != 0)
		goto fail;
	c->db = db;
	sb_free(&why);
	return db;
fail:
	sb_free(&why);
	sqlite3_close(db);
	return NULL;
}

/* Statements kept per connection, keyed by the address of their SQL text (a
 * string literal), so hot paths (imports, saves, searches) skip the parser. */
sqlite3_stmt *db_stmt(sqlite3 *db, const char *sql, struct sbuf *err)
{
	struct conn *c = conn_of(db);
	int free_slot = -1;
	for (int i = 0; c && i < STMT_CACHE; i++) {
		if (c->stmt[i].sql == sql) {
			sqlite3_reset(c->stmt[i].st);
			sqlite3_clear_bindings(c->stmt[i].st);
			return c->stmt[i].st;
		}
		if (!c->stmt[i].sql && free_slot < 0)
			free_slot = i;
	}
	sqlite3_stmt *st = NULL;
	if (free_slot < 0 || sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		if (err)
			sb_printf(err, "kesalahan database: %s", free_slot < 0 ? "cache penuh" : sqlite3_errmsg(db));
		return NULL;
	}
	c->stmt[free_slot].sql = sql;
	c->stmt[free_slot].st = st;
	return st;
}

void *db_slot(sqlite3 *db, enum db_slot slot)
{
	struct conn *c = conn_of(db);
	return c ? c->slot[slot] : NULL;
}

void db_slot_set(sqlite3 *db, enum db_slot slot, void *data, void (*release)(void *))
{
	struct conn *c = conn_of(db);
	if (!c) {
		release(data);
		return;
	}
	c->slot[slot] = data;
	c->release[slot] = release;
}

void db_memo_begin(sqlite3 *db)
{
	struct conn *c = conn_of(db);
	if (c)
		c->memo_on = 1;
}

void db_memo_end(sqlite3 *db)
{
	struct conn *c = conn_of(db);
	for (int i = 0; c && i < DB_MEMOS; i++) {
		free(c->memo[i]);
		c->memo[i] = NULL;
	}
	if (c)
		c->memo_on = 0;
}

void *db_memo_of(sqlite3 *db, enum db_memo which, size_t size)
{
	struct conn *c = conn_of(db);
	if (!c || !c->memo_on)
		return NULL;
	if (!c->memo[which])
		c->memo[which] = xcalloc(1, size);
	return c->memo[which];
}

void db_close(sqlite3 *db)
{
	if (!db)
		return;
	struct conn *c = conn_of(db);
	db_memo_end(db);
	if (c) {
		for (int i = 0; i < DB_SLOTS; i++)
			if (c->slot[i])
				c->release[i](c->slot[i]);
		if (c->lock_fd >= 0)
			close(c->lock_fd);
		memset(c, 0, sizeof *c);	/* its statements are finalized below with every other */
	}
	sqlite3_stmt *st;
	while ((st = sqlite3_next_stmt(db, NULL)) != NULL)
		sqlite3_finalize(st);
	sqlite3_close(db);
}

/* SQLite's allocations straight from malloc, their size asked of malloc: the
 * library as Debian builds it keeps an 8-byte size before each block, and a
 * connection's parsed schema (242 triggers) is tens of thousands of small
 * blocks. */
static void *mem_malloc(int n) { return malloc((size_t)n); }
static void mem_free(void *p) { free(p); }
static void *mem_realloc(void *p, int n) { return realloc(p, (size_t)n); }
static int mem_size(void *p) { return p ? (int)malloc_usable_size(p) : 0; }
static int mem_roundup(int n) { return (n + 7) & ~7; }
static int mem_init(void *unused) { (void)unused; return SQLITE_OK; }
static void mem_shutdown(void *unused) { (void)unused; }

void db_library_init(void)
{
	static const sqlite3_mem_methods plain = { mem_malloc, mem_free,    mem_realloc,  mem_size,
						   mem_roundup, mem_init, mem_shutdown, NULL };
	sqlite3_config(SQLITE_CONFIG_MALLOC, &plain);
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

void db_desk_cache(sqlite3 *db)
{
	db_exec(db, "PRAGMA cache_size=-256", NULL);	/* KB */
}

int db_statistics(sqlite3 *db, struct sbuf *err)
{
	return db_exec(db, "PRAGMA analysis_limit=1000; ANALYZE; PRAGMA analysis_limit=0", err);
}

void db_set_user(sqlite3 *db, const char *user)
{
	struct conn *c = conn_of(db);
	if (!c)
		return;
	c->has_user = user != NULL;
	str_copy(c->user, sizeof c->user, user ? user : "");
}

const char *db_user(sqlite3 *db)
{
	struct conn *c = conn_of(db);
	return c && c->has_user ? c->user : NULL;
}

/* End the writer's row; its trigger writes the save gathered (db/017). A
 * statement kept per connection: every save runs it twice. */
static int clear_writer(sqlite3 *db)
{
	sqlite3_stmt *st = db_stmt(db, "DELETE FROM pelaku", NULL);
	int rc = st ? sqlite3_step(st) : SQLITE_ERROR;
	if (st)
		sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Name the writer in pelaku for the trail; a row left by a shell (pelaku is
 * pkm's alone) has its save written first. */
static int name_writer(sqlite3 *db, const char *user)
{
	/* pelaku.waktu is informational: the trail takes its time from the clock */
	char when[20];
	date_now(when);
	sqlite3_stmt *st = clear_writer(db) == 0
				   ? db_stmt(db, "INSERT INTO pelaku (id, pengguna, waktu) VALUES (1, ?, ?)", NULL)
				   : NULL;
	int rc = SQLITE_ERROR;
	if (st) {
		sqlite3_bind_text(st, 1, user, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, when, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
	}
	return rc == SQLITE_DONE ? 0 : -1;
}

int db_begin(sqlite3 *db)
{
	if (db_exec(db, "BEGIN IMMEDIATE", NULL) != 0)
		return -1;
	const char *user = db_user(db);
	if (user && name_writer(db, user) != 0) {
		db_exec(db, "ROLLBACK", NULL);
		return -1;
	}
	return 0;
}

int db_save_next(sqlite3 *db)
{
	const char *user = db_user(db);
	return user ? name_writer(db, user) : 0;
}

int db_commit(sqlite3 *db)
{
	if (db_user(db) && clear_writer(db) != 0)
		return -1;
	return db_exec(db, "COMMIT", NULL);
}
int db_fail(struct sbuf *err, sqlite3 *db, const char *what)
{
	sb_printf(err, "%s: %s", what, db_busy_text(db));
	return -1;
}

const char *db_busy_text(sqlite3 *db)
{
	int code = sqlite3_errcode(db) & 0xff;
	if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
		return "database sedang dipakai proses lain (mis. impor besar); tunggu sebentar lalu coba lagi";
	return sqlite3_errmsg(db);
}

enum { READ_BEGIN = 1, READ_SAVEPOINT = 2 };

int db_read_begin(sqlite3 *db, struct sbuf *err)
{
	int inside = !sqlite3_get_autocommit(db);
	struct sbuf why = { 0 };
	if (db_exec(db, inside ? "SAVEPOINT pkm_baca" : "BEGIN", &why) != 0) {
		if (err)
			sb_printf(err, "data tidak dapat dibaca: %s", sb_str(&why));
		sb_free(&why);
		return -1;
	}
	return inside ? READ_SAVEPOINT : READ_BEGIN;
}

int db_read_end(sqlite3 *db, int token, struct sbuf *err)
{
	struct sbuf why = { 0 };
	int rc = token < 0 ? 0 : db_exec(db, token == READ_SAVEPOINT ? "RELEASE pkm_baca" : "COMMIT", &why);
	if (rc != 0 && err)
		sb_printf(err, "pembacaan tidak selesai: %s", sb_str(&why));
	if (rc != 0 && token == READ_BEGIN)
		db_rollback(db);
	sb_free(&why);
	return rc;
}

int db_finish(sqlite3 *db, sqlite3_stmt *st, int rc, struct sbuf *err)
{
	if (rc != SQLITE_DONE && err)	/* the message before finalize clears it */
		sb_printf(err, "data tidak terbaca seluruhnya: %s", sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int db_rows(int rc, int n) { return rc == SQLITE_DONE || rc == SQLITE_ROW ? n : -1; }

void db_rollback(sqlite3 *db)
{
	if (!sqlite3_get_autocommit(db))
		db_exec(db, "ROLLBACK", NULL);
}

sqlite3_stmt *db_prepare(sqlite3 *db, const char *sql, struct sbuf *err)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		if (err)
			sb_printf(err, "kesalahan database: %s", sqlite3_errmsg(db));
		return NULL;
	}
	return st;
}

void db_bind_text(sqlite3_stmt *st, int i, const char *s, int empty_null)
{
	if (!s || (empty_null && !*s))
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

void db_col_text(sqlite3_stmt *st, int i, char *dst, size_t size)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	str_copy(dst, size, t ? (const char *)t : "");
}

int db_query_text_exists(sqlite3 *db, const char *sql, const char *param)
{
	sqlite3_stmt *st = db_stmt(db, sql, NULL);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, param, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

void db_column_type(sqlite3 *db, const char *table, const char *column, char *out, size_t size, int *pk)
{
	out[0] = '\0';
	*pk = 0;
	sqlite3_stmt *st = db_stmt(db, "SELECT type, pk FROM pragma_table_info(?) WHERE name = ?", NULL);
	if (!st)
		return;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, column, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		db_col_text(st, 0, out, size);
		*pk = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
}
