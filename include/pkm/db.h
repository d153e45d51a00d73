/* The connection layer: a connection the one safe way (WAL, synchronous=FULL,
 * foreign keys, the process lock), its transactions, its kept statements, the
 * user it writes as, per-connection data of the modules above, and small
 * statement helpers. Opening a pkm database is pkm_open (pkm/open.h). */
#ifndef PKM_DB_H
#define PKM_DB_H
#include <sqlite3.h>
#include "pkm/util.h"

#define PKM_APPLICATION_ID 0x504b4d31	/* "PKM1" */

/* Process-wide SQLite settings, first thing in main, before any connection:
 * no memory statistics (a global mutex and counters on every allocation
 * SQLite makes, which pkm never reads; 15 % of a visit import's time). */
void db_library_init(void);
/* Connect (creating the file and its folder when missing), without migrating.
 * NULL with a message in err: not SQLite, read-only, corrupt, being restored. */
/* What the user can do about the last error (a damaged file, not a database,
 * read-only), as " (...)" to append; "" when nothing to say. */
const char *db_hint(sqlite3 *db);
sqlite3 *db_connect(const char *path, struct sbuf *err);
/* Close: the modules' slots are released, the statements finalized. */
void db_close(sqlite3 *db);
/* sqlite3_exec with SQLite's message added to err (when not NULL); 0 on success. */
int db_exec(sqlite3 *db, const char *sql, struct sbuf *err);
/* A desk's page cache (the terminal application's connection): smaller than
 * the megabyte db_connect gives, since it is the part of a desk's memory that
 * grows with each key; reports and searches read the rest from the system's
 * file cache at no cost worth a page of memory. */
void db_desk_cache(sqlite3 *db);
/* The query planner's statistics, made on purpose (after migrations, bulk
 * imports and with the daily backup), bounded by analysis_limit: never at
 * the close of a process, so a command that only reads writes nothing. */
int db_statistics(sqlite3 *db, struct sbuf *err);
/* One slot of per-connection data for each module above this layer. */
enum db_slot { DB_SLOT_DICT, DB_SLOTS };
void *db_slot(sqlite3 *db, enum db_slot slot);
/* Keep data for the connection; release(data) runs at db_close. */
void db_slot_set(sqlite3 *db, enum db_slot slot, void *data, void (*release)(void *));
/* A bulk check reads one snapshot, where what a lookup found stays true: from
 * db_memo_begin to db_memo_end a module may keep its lookups in a block of its
 * own, db_memo_of (size bytes, zeroed at its first use; NULL outside a bulk
 * check). db_memo_end frees the blocks. */
enum db_memo { DB_MEMO_DESA, DB_MEMO_CODES, DB_MEMOS };
void db_memo_begin(sqlite3 *db);
void db_memo_end(sqlite3 *db);
void *db_memo_of(sqlite3 *db, enum db_memo which, size_t size);
/* Lock DB-pkm.kunci, shared (every open database) or exclusive (a restore),
 * without waiting: the file descriptor, or -1 when another pkm holds it. */
int db_lock_file(const char *path, int exclusive);

/* The user a connection writes as (NULL: none, writes are not attributed):
 * every db_begin names it to the audit triggers. */
void db_set_user(sqlite3 *db, const char *user);
const char *db_user(sqlite3 *db);
/* Why the last statement failed, in words for the desk: a busy database is
 * told as such (never SQLite's "database is locked"). */
const char *db_busy_text(sqlite3 *db);
/* "what: why" into err (db_busy_text's words); returns -1 for `return db_fail(...)`. */
int db_fail(struct sbuf *err, sqlite3 *db, const char *what);
/* BEGIN IMMEDIATE / COMMIT / ROLLBACK; 0 on success. */
int db_begin(sqlite3 *db);
/* Inside a write transaction: close the save the trail is gathering and start
 * the next (the demo writes a day in one transaction and a desk's saves in it). */
int db_save_next(sqlite3 *db);
int db_commit(sqlite3 *db);
void db_rollback(sqlite3 *db);

/* A read snapshot, checked: BEGIN outside a transaction, a SAVEPOINT inside one
 * (so a report read in the middle of a save never commits the caller's work).
 * Returns the token db_read_end takes, -1 (with err) when it could not start. */
int db_read_begin(sqlite3 *db, struct sbuf *err);
/* End the snapshot of db_read_begin; -1 (with err) when that failed. */
int db_read_end(sqlite3 *db, int token, struct sbuf *err);
/* After a step loop: finalize st; 0 when the loop ended on SQLITE_DONE, else -1
 * with the reason in err. The house rule: a read never ends short in silence. */
int db_finish(sqlite3 *db, sqlite3_stmt *st, int rc, struct sbuf *err);
/* The end of a read of up to max rows (its query has LIMIT max), rc the last
 * step: the count n, or -1 when the read stopped on an error, not at its end. */
int db_rows(int rc, int n);

/* Prepare, or NULL (the message goes to err when err is not NULL). */
sqlite3_stmt *db_prepare(sqlite3 *db, const char *sql, struct sbuf *err);
/* A statement kept for the connection's life, reset and cleared: `sql` must be
 * a string literal (its address is the key). Reset it when done; never finalize. */
sqlite3_stmt *db_stmt(sqlite3 *db, const char *sql, struct sbuf *err);
/* Bind text, or NULL for an empty string when `empty_null` is set. */
void db_bind_text(sqlite3_stmt *st, int i, const char *s, int empty_null);
/* Copy column i as text ("" for NULL). */
void db_col_text(sqlite3_stmt *st, int i, char *dst, size_t size);
/* Run a query returning one integer, `def` when no row. */
/* 1 when a query with one text parameter returns a row, 0 when not, -1 on error.
 * `sql` is a string literal (kept prepared, see db_stmt). */
int db_query_text_exists(sqlite3 *db, const char *sql, const char *param);
long db_query_long(sqlite3 *db, const char *sql, long def);
/* Declared type of a column of a table or view ("" when there is no such
 * column) and whether it is the primary key. */
void db_column_type(sqlite3 *db, const char *table, const char *column, char *out, size_t size, int *pk);

#endif
