/* Opening a pkm database: connect (src/db.c), migrate, install the audit
 * trail, make the files owner-only. Every program path opens through here. */
#include "pkm/open.h"
#include "pkm/audit.h"
#include "pkm/db.h"
#include "pkm/migrate.h"
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int pkm_schema_version(void) { return pkm_migration_count; }

/* A migration may rewrite a table's text in sqlite_schema (032), which SQLite
 * does not count as a schema change: the cookie is moved by hand, so this and
 * every other connection read the schema again. */
static int move_cookie(sqlite3 *db, struct sbuf *why)
{
	long cookie = db_query_long(db, "PRAGMA schema_version", -1);
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA schema_version=%ld", cookie + 1);
	return cookie < 0 ? db_fail(why, db, "versi skema tidak terbaca") : db_exec(db, sql, why);
}

static int migrate(sqlite3 *db, const char *path, struct sbuf *err)
{
	long version = db_query_long(db, "PRAGMA user_version", -1);
	long app = db_query_long(db, "PRAGMA application_id", -1);
	long objects = db_query_long(db, "SELECT count(*) FROM sqlite_schema", -1);
	if (version < 0 || app < 0 || objects < 0) {
		sb_printf(err, "%s: bukan database pkm yang dapat dibaca (%s)", path, sqlite3_errmsg(db));
		return -1;
	}
	if (objects > 0 && app != PKM_APPLICATION_ID) {
		sb_printf(err, "%s: berkas ini bukan database pkm", path);
		return -1;
	}
	if (version > pkm_migration_count) {
		sb_printf(err, "%s: database versi %ld lebih baru dari program ini (versi %d); "
			  "pasang pkm yang lebih baru", path, version, pkm_migration_count);
		return -1;
	}
	/* a migration that copies or drops a large table needs a statement
	 * journal as large: on disk, not in memory (db.c keeps temp in memory) */
	if (version < pkm_migration_count)
		db_exec(db, "PRAGMA temp_store=FILE", NULL);
	for (long v = version; v < pkm_migration_count; v++) {
		struct sbuf why = { 0 };
		char tail[128];
		snprintf(tail, sizeof tail, "PRAGMA user_version=%ld; PRAGMA application_id=%d;", v + 1,
			 PKM_APPLICATION_ID);
		/* one transaction per migration: a crash leaves the previous version intact */
		if (db_exec(db, "BEGIN IMMEDIATE", &why) != 0 || db_exec(db, pkm_migrations[v].sql, &why) != 0 ||
		    db_exec(db, tail, &why) != 0 || move_cookie(db, &why) != 0 || db_exec(db, "COMMIT", &why) != 0) {
			db_exec(db, "ROLLBACK", NULL);
			sb_printf(err, "%s: migrasi %s gagal: %s", path, pkm_migrations[v].name, sb_str(&why));
			sb_free(&why);
			return -1;
		}
		sb_free(&why);
	}
	if (version < pkm_migration_count)
		db_statistics(db, NULL);	/* new tables and indexes: the planner learns them once */
	db_exec(db, "PRAGMA temp_store=MEMORY", NULL);
	return 0;
}

/* A database copied in with mode 0644 gives its WAL and SHM the same: pkm
 * makes every file of it owner-only again and tells the administrator. */
static void tighten_mode(sqlite3 *db, const char *path)
{
	struct stat st;
	if (strcmp(path, ":memory:") == 0 || stat(path, &st) != 0 || !(st.st_mode & 077) || st.st_uid != geteuid())
		return;
	static const char *const tail[] = { "", "-wal", "-shm", "-pkm.kunci" };
	char name[PATH_MAX + 16], msg[PATH_MAX + 160];
	for (size_t i = 0; i < ARRAY_LEN(tail); i++) {
		snprintf(name, sizeof name, "%s%s", path, tail[i]);
		chmod(name, 0600);	/* a file not there is fine */
	}
	snprintf(msg, sizeof msg, "berkas database %s dapat dibaca pengguna lain (mode %03o); diubah menjadi 0600", path,
		 (unsigned)(st.st_mode & 0777));
	if (db_begin(db) == 0 && (audit_warn(db, msg) != 0 || db_commit(db) != 0))
		db_rollback(db);
}

sqlite3 *pkm_open(const char *path, struct sbuf *err)
{
	sqlite3 *db = db_connect(path, err);
	if (!db)
		return NULL;
	if (migrate(db, path, err) != 0 || audit_install(db, err) != 0) {
		db_close(db);
		return NULL;
	}
	tighten_mode(db, path);
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
	return db;
}
