/* Opening the database the one safe way (WAL, synchronous=FULL, foreign keys,
 * defensive), migrating it, and small statement helpers. */
#ifndef PKM_DB_H
#define PKM_DB_H
#include <sqlite3.h>
#include "pkm/util.h"

#define PKM_APPLICATION_ID 0x504b4d31	/* "PKM1" */

/* Open (creating the file and its folder when missing) and migrate.
 * Returns NULL with a message in err on failure: not SQLite, newer than the
 * program, read-only, corrupt... */
sqlite3 *db_open(const char *path, struct sbuf *err);
void db_close(sqlite3 *db);
/* Lock DB-pkm.kunci, shared (every open database) or exclusive (a restore),
 * without waiting: the file descriptor, or -1 when another pkm holds it. */
int db_lock_file(const char *path, int exclusive);
/* Latest schema version this program knows. */
int db_schema_version(void);

/* The user a connection writes as (NULL: none, writes are not attributed):
 * every db_begin names it to the audit triggers. */
void db_set_user(sqlite3 *db, const char *user);
const char *db_user(sqlite3 *db);
/* Why the last statement failed, in words for the desk: a busy database is
 * told as such (never SQLite's "database is locked"). */
const char *db_busy_text(sqlite3 *db);
/* BEGIN IMMEDIATE / COMMIT / ROLLBACK; 0 on success. */
int db_begin(sqlite3 *db);
int db_commit(sqlite3 *db);
void db_rollback(sqlite3 *db);

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
