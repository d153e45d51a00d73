#include "pkm/audit.h"
#include "pkm/date.h"
#include "pkm/db.h"
#include "pkm/dict.h"
#include <stdlib.h>
#include <string.h>

/* Reference lists loaded by migrations, derived indexes and the trail itself:
 * everything else (patients, visits, diagnoses, forms, stock, users and any
 * table a later migration adds) is audited. */
static const char *const not_audited[] = {
	"unit", "penjamin", "icd10", "f11_grup", "f11_baris", "f11_peta", "kamus", "rm_seri",
	"pasien_kata", "pelaku", "audit", "peringatan", "antrian_lepas", NULL,
};
/* Columns whose values never enter the trail (only that they changed). */
static const char *const secret[] = { "sandi", NULL };

static int in_list(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

int audit_table_audited(const char *table)
{
	return strncmp(table, "sqlite_", 7) != 0 && !in_list(not_audited, table);
}

struct columns {
	int n, has_rowid;
	char name[64][64];
	enum patient_link link;	/* how a row leads to its patient */
};

static int read_columns(sqlite3 *db, const char *table, struct columns *c)
{
	c->n = 0;
	c->link = LINK_NONE;
	sqlite3_stmt *st = db_stmt(db, "SELECT name, type FROM pragma_table_info(?)", NULL);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (c->n == (int)ARRAY_LEN(c->name)) {	/* a trail missing columns is refused, not made */
			sqlite3_reset(st);
			return -2;
		}
		db_col_text(st, 0, c->name[c->n], sizeof c->name[0]);
		const char *col = c->name[c->n++];
		if (strcmp(col, "pasien_id") == 0)
			c->link = LINK_PATIENT;
		else if (strcmp(col, "kunjungan_id") == 0 && !c->link)
			c->link = LINK_VISIT;
		else if (strcmp(col, "resep_id") == 0 && !c->link)
			c->link = LINK_PRESCRIPTION;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return -1;
	if (strcmp(table, "pasien") == 0)
		c->link = LINK_SELF;
	/* a WITHOUT ROWID table has no rowid: its key is in the values */
	struct sbuf q = { 0 };
	sb_printf(&q, "SELECT rowid FROM \"%s\"", table);
	sqlite3_stmt *probe = NULL;
	c->has_rowid = sqlite3_prepare_v2(db, sb_str(&q), -1, &probe, NULL) == SQLITE_OK;
	sqlite3_finalize(probe);
	sb_free(&q);
	return c->n ? 0 : -1;
}

/* The patient of a row, as SQL with %1$s for the row (NEW, OLD, an alias). */
const char *const patient_link_sql[] = {
	[LINK_NONE] = "NULL",
	[LINK_SELF] = "%1$s.\"id\"",
	[LINK_PATIENT] = "%1$s.\"pasien_id\"",
	[LINK_VISIT] = "(SELECT pasien_id FROM kunjungan WHERE id = %1$s.\"kunjungan_id\")",
	[LINK_PRESCRIPTION] = ("(SELECT k.pasien_id FROM resep r JOIN kunjungan k ON k.id = r.kunjungan_id "
			       "WHERE r.id = %1$s.\"resep_id\")"),
};

enum patient_link table_patient_link(sqlite3 *db, const char *table)
{
	struct columns *c = xmalloc(sizeof *c);
	enum patient_link link = read_columns(db, table, c) == 0 ? c->link : LINK_NONE;
	free(c);
	return link;
}

/* One value of row a as the trail shows it; with b, the pair (a, b) of one
 * column of an update. A secret column shows only that it changed. */
static void value(struct sbuf *s, const char *a, const char *b, const char *col, int first)
{
	int hidden = in_list(secret, col);
	if (hidden && b)
		sb_printf(s, "iif(%1$s.\"%3$s\" IS %2$s.\"%3$s\", 0, '***')", a, b, col);
	else if (hidden)
		sb_printf(s, "iif(%s.\"%s\" IS NULL, NULL, '***')", a, col);
	else
		sb_printf(s, "%s.\"%s\"", a, col);
	sb_add(s, first ? " AS o" : "");
	if (!b)
		return;
	if (hidden)
		sb_printf(s, ", iif(%1$s.\"%3$s\" IS %2$s.\"%3$s\", 0, '(diganti)')", a, b, col);
	else
		sb_printf(s, ", %s.\"%s\"", b, col);
	sb_add(s, first ? " AS n" : "");
}

/* SELECT 'col' AS k, OLD.col AS o[, NEW.col AS n] UNION ALL SELECT ... */
static void pairs(struct sbuf *s, const struct columns *c, const char *a, const char *b)
{
	for (int i = 0; i < c->n; i++) {
		sb_printf(s, "%s'%s'%s, ", i ? " UNION ALL SELECT " : "SELECT ", c->name[i], i ? "" : " AS k");
		value(s, a, b, c->name[i], i == 0);
	}
}

static void trigger_sql(struct sbuf *s, const char *table, const struct columns *c, char kind)
{
	static const struct {
		char kind;
		const char *event, *aksi, *row, *column;
	} k[] = {
		{ 't', "INSERT", "TAMBAH", "NEW", "baru" },
		{ 'u', "UPDATE", "UBAH", "NEW", "lama, baru" },
		{ 'h', "DELETE", "HAPUS", "OLD", "lama" },
	};
	int i = kind == 't' ? 0 : kind == 'u' ? 1 : 2;
	/* a bulk import (pelaku.impor) is recorded once, for the file */
	sb_printf(s, "CREATE TRIGGER \"audit_%c_%s\" AFTER %s ON \"%s\" WHEN (SELECT impor FROM pelaku) IS NULL BEGIN\n"
		     "INSERT INTO audit (waktu, pengguna, aksi, tabel, baris, pasien_id, %s)\n"
		     "SELECT strftime('%%Y-%%m-%%d %%H:%%M:%%S', 'now', 'localtime'), "
		     "(SELECT pengguna FROM pelaku), '%s', '%s', ",
		  kind, table, k[i].event, table, k[i].column, k[i].aksi, table);
	if (c->has_rowid)
		sb_printf(s, "%s.rowid, ", k[i].row);
	else
		sb_add(s, "NULL, ");
	sb_printf(s, patient_link_sql[c->link], k[i].row);
	if (kind == 'u')
		sb_add(s, ", group_concat(k || '=' || quote(o), ', '), group_concat(k || '=' || quote(n), ', ')\nFROM (");
	else
		sb_add(s, ", group_concat(k || '=' || quote(o), ', ')\nFROM (");
	pairs(s, c, kind == 'u' ? "OLD" : k[i].row, kind == 'u' ? "NEW" : NULL);
	/* an update that changed nothing leaves no trace */
	sb_add(s, kind == 'u' ? ")\nWHERE o IS NOT n HAVING count(*) > 0;\nEND" : ")\nWHERE o IS NOT NULL;\nEND");
}

enum state { ABSENT, SAME, CHANGED };

static enum state trigger_state(sqlite3 *db, const char *name, const char *sql)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?", NULL);
	if (!st)
		return ABSENT;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	enum state s = sqlite3_step(st) != SQLITE_ROW ? ABSENT
		       : strcmp((const char *)sqlite3_column_text(st, 0), sql) == 0 ? SAME : CHANGED;
	sqlite3_reset(st);
	return s;
}

/* The trail's own guards (db/012 and db/013), made again whenever one is
 * missing or changed: a shell can drop a trigger, pkm puts it back. */
static const struct {
	const char *name, *sql;
} guards[] = {
	{ "audit_tetap", "CREATE TRIGGER audit_tetap BEFORE UPDATE ON audit\n"
			 "BEGIN SELECT RAISE(ABORT, 'jejak audit tidak dapat diubah'); END" },
	{ "audit_tidak_dihapus", "CREATE TRIGGER audit_tidak_dihapus BEFORE DELETE ON audit\n"
				 "BEGIN SELECT RAISE(ABORT, 'jejak audit tidak dapat dihapus'); END" },
	{ "audit_id_baru", "CREATE TRIGGER audit_id_baru BEFORE INSERT ON audit\n"
			   "WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit WHERE id = NEW.id)\n"
			   "BEGIN SELECT RAISE(ABORT, 'jejak audit tidak dapat ditimpa'); END" },
	{ "pelaku_hanya_pkm", "CREATE TRIGGER pelaku_hanya_pkm BEFORE INSERT ON pelaku\n"
			      "WHEN pkm_sesi() IS NOT 1\n"
			      "BEGIN SELECT RAISE(ABORT, 'pelaku hanya ditulis oleh pkm'); END" },
	{ "pelaku_tetap", "CREATE TRIGGER pelaku_tetap BEFORE UPDATE ON pelaku\n"
			  "WHEN pkm_sesi() IS NOT 1\n"
			  "BEGIN SELECT RAISE(ABORT, 'pelaku hanya ditulis oleh pkm'); END" },
};

static void note_name(struct sbuf *names, const char *name)
{
	sb_printf(names, "%s%s", names->len ? ", " : "", name);
}

static void stale_guards(sqlite3 *db, struct sbuf *todo, struct sbuf *names)
{
	for (size_t i = 0; i < ARRAY_LEN(guards); i++)
		if (trigger_state(db, guards[i].name, guards[i].sql) != SAME) {
			note_name(names, guards[i].name);
			sb_printf(todo, "DROP TRIGGER IF EXISTS %s;\n%s;\n", guards[i].name, guards[i].sql);
		}
}

/* A table's trigger is missing: for a table the trail already speaks of, it
 * was removed (a table a migration just added has no trail yet). */
static int was_audited(sqlite3 *db, const char *table)
{
	return db_query_text_exists(db, "SELECT 1 FROM audit WHERE tabel = ? LIMIT 1", table) == 1;
}

/* The triggers that need (re)making, as SQL; empty when all are current.
 * Those that were removed rather than outdated are named in `names`. */
static int stale_triggers(sqlite3 *db, struct sbuf *todo, struct sbuf *names, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name", NULL);
	if (!st)
		return -1;
	struct columns *c = xmalloc(sizeof *c);
	struct sbuf sql = { 0 };
	int step, bad = 0;
	while (!bad && (step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *table = (const char *)sqlite3_column_text(st, 0);
		if (!audit_table_audited(table) || !str_is_ident(table))
			continue;
		int cols = read_columns(db, table, c);
		if (cols == -2) {
			sb_printf(err, "tabel %s punya lebih dari %zu kolom: jejak auditnya tidak dapat dibuat utuh", table,
				  ARRAY_LEN(c->name));
			bad = 1;
		}
		if (cols != 0)
			continue;
		for (const char *kind = "tuh"; *kind; kind++) {
			sb_reset(&sql);
			trigger_sql(&sql, table, c, *kind);
			char name[96];
			snprintf(name, sizeof name, "audit_%c_%s", *kind, table);
			enum state state = trigger_state(db, name, sb_str(&sql));
			if (state == SAME)
				continue;
			if (state == ABSENT && was_audited(db, table))
				note_name(names, name);
			sb_printf(todo, "DROP TRIGGER IF EXISTS \"%s\";\n%s;\n", name, sb_str(&sql));
		}
	}
	if (!bad && step != SQLITE_DONE) {
		sb_printf(err, "skema tidak terbaca: %s", sqlite3_errmsg(db));
		bad = 1;
	}
	sqlite3_finalize(st);
	sb_free(&sql);
	free(c);
	return bad ? -1 : 0;
}

/* Ids are consecutive from 1: rows taken out of the trail leave a gap. */
static void note_gaps(sqlite3 *db, struct sbuf *note)
{
	long last = db_query_long(db, "SELECT coalesce(max(id), 0) FROM audit", 0);
	long missing = last - db_query_long(db, "SELECT count(*) FROM audit", 0);
	if (missing <= 0)
		return;
	long first = db_query_long(db, "SELECT coalesce((SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM audit WHERE id = 1)), "
				   "(SELECT a.id + 1 FROM audit a WHERE NOT EXISTS (SELECT 1 FROM audit b "
				   "WHERE b.id = a.id + 1) ORDER BY a.id LIMIT 1))", 0);
	sb_printf(note, "; %ld catatan hilang dari jejak audit (mulai id %ld)", missing, first);
}

int audit_warn(sqlite3 *db, const char *message)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO peringatan (pesan) VALUES (?)", NULL);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, message, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	sqlite3_reset(st);
	return rc;
}

/* What was found is told in the trail and to the administrator. */
static int record_tampering(sqlite3 *db, const char *names)
{
	struct sbuf note = { 0 };
	sb_printf(&note, "jejak audit dibongkar di luar pkm: %s hilang atau diubah, dipasang ulang", names);
	note_gaps(db, &note);
	int rc = audit_warn(db, sb_str(&note));
	if (rc == 0)
		rc = audit_record(db, "HAPUS", "audit", 0, 0, sb_str(&note));
	sb_free(&note);
	return rc;
}

int audit_install(sqlite3 *db, struct sbuf *err)
{
	struct sbuf todo = { 0 }, names = { 0 };
	stale_guards(db, &todo, &names);
	int rc = stale_triggers(db, &todo, &names, err);
	if (rc == 0 && todo.len) {
		char *msg = NULL;
		/* another pkm may be doing the same: the second finds them current */
		rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, &msg) == SQLITE_OK ? 0 : -1;
		if (rc == 0) {
			sb_reset(&todo);
			sb_reset(&names);
			stale_guards(db, &todo, &names);
			rc = stale_triggers(db, &todo, &names, err);
		}
		if (rc == 0 && (sqlite3_exec(db, sb_str(&todo), NULL, NULL, &msg) != SQLITE_OK ||
				(names.len && record_tampering(db, sb_str(&names)) != 0) ||
				sqlite3_exec(db, "COMMIT", NULL, NULL, &msg) != SQLITE_OK))
			rc = -1;
		if (rc != 0) {
			sb_printf(err, "jejak audit tidak dapat dipasang: %s", msg ? msg : sqlite3_errmsg(db));
			sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
		}
		sqlite3_free(msg);
	}
	sb_free(&todo);
	sb_free(&names);
	return rc;
}

int audit_warnings(sqlite3 *db, struct sbuf *out)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT waktu, pesan FROM peringatan WHERE dibaca = 0 ORDER BY id", NULL);
	if (!st)
		return -1;
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sb_printf(out, "%s%s (%s)", n ? " | " : "", sqlite3_column_text(st, 1), sqlite3_column_text(st, 0));
		n++;
	}
	/* marked as read only when every one was read: a warning is never lost */
	if (db_finish(db, st, rc, NULL) != 0)
		return -1;
	if (n && sqlite3_exec(db, "UPDATE peringatan SET dibaca = 1 WHERE dibaca = 0", NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	return n;
}

int audit_record_range(sqlite3 *db, const char *aksi, const char *table, long row, long last, long pasien_id,
		       const char *detail)
{
	/* the time is the clock's: never a value anyone could have put in pelaku */
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO audit (waktu, pengguna, aksi, tabel, baris, sampai, pasien_id, baru) "
				   "VALUES (strftime('%Y-%m-%d %H:%M:%S', 'now', 'localtime'), "
				   "(SELECT pengguna FROM pelaku), ?, ?, ?, ?, ?, ?)", NULL);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, aksi, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, table, -1, SQLITE_STATIC);
	if (row > 0)
		sqlite3_bind_int64(st, 3, row);
	if (last > 0)
		sqlite3_bind_int64(st, 4, last);
	if (pasien_id > 0)
		sqlite3_bind_int64(st, 5, pasien_id);
	db_bind_text(st, 6, detail, 1);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int audit_record(sqlite3 *db, const char *aksi, const char *table, long row, long pasien_id, const char *detail)
{
	return audit_record_range(db, aksi, table, row, 0, pasien_id, detail);
}

int audit_event(sqlite3 *db, const char *aksi, const char *table, long row, long pasien_id, const char *detail,
		struct sbuf *err)
{
	if (db_begin(db) != 0) {
		sb_printf(err, "%s", db_busy_text(db));
		return -1;
	}
	if (audit_record(db, aksi, table, row, pasien_id, detail) != 0 || db_commit(db) != 0) {
		sb_printf(err, "jejak audit tidak tersimpan: %s", sqlite3_errmsg(db));
		db_rollback(db);
		return -1;
	}
	return 0;
}

int audit_filter_check(sqlite3 *db, const struct audit_filter *f, struct field_errors *fe)
{
	struct date d;
	if (f->from && date_parse(f->from, &d) != 0)
		field_error(fe, "from", "tanggal tidak sah '%.20s' (YYYY-MM-DD)", f->from);
	if (f->to && date_parse(f->to, &d) != 0)
		field_error(fe, "to", "tanggal tidak sah '%.20s' (YYYY-MM-DD)", f->to);
	if (f->no_rm && db_query_text_exists(db, "SELECT 1 FROM pasien WHERE no_rm = ?", f->no_rm) != 1)
		field_error(fe, "patient", "tidak ada pasien dengan No. RM %.24s", f->no_rm);
	return fe->n ? -1 : 0;
}

/* The trail rows a filter selects: the columns of struct audit_entry in order,
 * then `tail` (the order, a page's bounds as ?5 and ?6). */
static sqlite3_stmt *audit_query(sqlite3 *db, const struct audit_filter *f, const char *tail, struct sbuf *err)
{
	struct sbuf sql = { 0 };
	sb_add(&sql,
		"SELECT a.waktu, coalesce(a.pengguna, '(di luar pkm)'), a.aksi, a.tabel, "
		"coalesce(a.baris || coalesce('-' || a.sampai, ''), ''), "
		"coalesce(p.no_rm, ''), coalesce(a.lama, ''), coalesce(a.baru, ''), a.id "
		"FROM audit a LEFT JOIN pasien p ON p.id = a.pasien_id "
		"WHERE (?1 IS NULL OR a.pasien_id = (SELECT id FROM pasien WHERE no_rm = ?1) "
		/* a bulk import is one row for many: it is the patient's when its ids
		 * include the patient or one of the patient's visits */
		"OR a.id IN (SELECT i.id FROM audit i, pasien q WHERE q.no_rm = ?1 AND i.sampai IS NOT NULL "
		"AND ((i.tabel = 'pasien' AND q.id BETWEEN i.baris AND i.sampai) OR (i.tabel = 'kunjungan' AND EXISTS "
		"(SELECT 1 FROM kunjungan k WHERE k.pasien_id = q.id AND k.id BETWEEN i.baris AND i.sampai))))) "
		"AND (?2 IS NULL OR a.pengguna = ?2) AND (?3 IS NULL OR a.waktu >= ?3) "
		"AND (?4 IS NULL OR a.waktu < date(?4, '+1 day'))");
	sb_add(&sql, tail);
	sqlite3_stmt *st = db_prepare(db, sb_str(&sql), err);
	sb_free(&sql);
	if (!st)
		return NULL;
	db_bind_text(st, 1, f->no_rm, 1);
	db_bind_text(st, 2, f->user, 1);
	db_bind_text(st, 3, f->from, 1);
	db_bind_text(st, 4, f->to, 1);
	return st;
}

int audit_page(sqlite3 *db, const struct audit_filter *f, long before, int max, struct audit_entry *out,
	       struct sbuf *err)
{
	sqlite3_stmt *st = audit_query(db, f, " AND (?5 = 0 OR a.id < ?5) ORDER BY a.id DESC LIMIT ?6", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 5, before);
	sqlite3_bind_int(st, 6, max);
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct audit_entry *e = &out[n++];
		db_col_text(st, 0, e->waktu, sizeof e->waktu);
		db_col_text(st, 1, e->pengguna, sizeof e->pengguna);
		db_col_text(st, 2, e->aksi, sizeof e->aksi);
		db_col_text(st, 3, e->tabel, sizeof e->tabel);
		db_col_text(st, 4, e->baris, sizeof e->baris);
		db_col_text(st, 5, e->no_rm, sizeof e->no_rm);
		e->lama = xstrdup((const char *)sqlite3_column_text(st, 6));
		e->baru = xstrdup((const char *)sqlite3_column_text(st, 7));
		e->id = (long)sqlite3_column_int64(st, 8);
	}
	if (db_finish(db, st, rc, err) != 0) {
		audit_entries_free(out, n);
		return -1;
	}
	return n;
}

void audit_entries_free(struct audit_entry *e, int n)
{
	for (int i = 0; i < n; i++) {
		free(e[i].lama);
		free(e[i].baru);
		e[i].lama = e[i].baru = NULL;
	}
}

long audit_write(sqlite3 *db, const struct audit_filter *f, FILE *out, struct sbuf *err)
{
	sqlite3_stmt *st = audit_query(db, f, " ORDER BY a.id", err);
	if (!st)
		return -1;
	long n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *v[8];
		for (int i = 0; i < 8; i++)
			v[i] = (const char *)sqlite3_column_text(st, i);
		fprintf(out, "%s  %-12s %-6s %s", v[0], v[1], v[2], v[3]);
		if (*v[4])
			fprintf(out, " #%s", v[4]);
		if (*v[5])
			fprintf(out, "  RM %s", v[5]);
		fputc('\n', out);
		if (*v[6])
			fprintf(out, "    lama %s\n", v[6]);
		if (*v[7])
			fprintf(out, "    baru %s\n", v[7]);
		n++;
	}
	return db_finish(db, st, rc, err) == 0 ? n : -1;
}
