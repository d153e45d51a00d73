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
	"pasien_kata", "pelaku", "audit", "audit_tabel", "audit_nama", "audit_kumpul", "audit_hari", "audit_pasien_hari",
	"audit_skema", "peringatan", "antrian_lepas",
	/* a signed report's cells: the trail has the signing row with their digest */
	"laporan_final_sel",
	/* the outbox is the senders' working state, not a record */
	"kirim", "kirim_atur", "kirim_sumber", "kirim_ihs", "kirim_lokasi", "kirim_vital", "pcare_peserta",
	/* reference lists, shipped or imported whole (issue 35) */
	"kfa", "icd9", "alergen", "vaksin_kfa", NULL,
};
/* Columns whose values never enter the trail (only that they changed). */
static const char *const secret[] = { "sandi", NULL };
/* Columns kept from other rows: a change to the value those rows give is told
 * by them (a batch's balance is the sum of its movements, db/008, which the
 * trail records); any other value is recorded. */
static const struct {
	const char *table, *column, *value;
} derived[] = {
	{ "batch", "saldo", "(SELECT coalesce(sum(jumlah), 0) FROM mutasi WHERE batch_id = NEW.id)" },
};

static const char *derived_value(const char *table, const char *col)
{
	for (size_t i = 0; i < ARRAY_LEN(derived); i++)
		if (strcmp(derived[i].table, table) == 0 && strcmp(derived[i].column, col) == 0)
			return derived[i].value;
	return NULL;
}

static int in_list(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

int audit_column_secret(const char *column)
{
	return in_list(secret, column);
}

int audit_table_audited(const char *table)
{
	return strncmp(table, "sqlite_", 7) != 0 && !in_list(not_audited, table);
}

struct columns {
	int n, has_rowid;
	const char *table;
	char name[64][64];
	enum patient_link link;	/* how a row leads to its patient */
};

static void columns_start(struct columns *c, const char *table, int has_rowid)
{
	c->n = 0;
	c->table = table;
	c->has_rowid = has_rowid;
	c->link = strcmp(table, "pasien") == 0 ? LINK_SELF : LINK_NONE;
}

/* Add a column; -2 past the most a trail is made for (a trail missing columns
 * is refused, not made). */
static int columns_add(struct columns *c, const char *col)
{
	if (c->n == (int)ARRAY_LEN(c->name))
		return -2;
	str_copy(c->name[c->n++], sizeof c->name[0], col);
	if (c->link == LINK_SELF)
		return 0;
	if (strcmp(col, "pasien_id") == 0)
		c->link = LINK_PATIENT;
	else if (strcmp(col, "kunjungan_id") == 0 && !c->link)
		c->link = LINK_VISIT;
	else if (strcmp(col, "resep_id") == 0 && !c->link)
		c->link = LINK_PRESCRIPTION;
	return 0;
}

/* A table's columns as the schema has them now. */
static int read_columns(sqlite3 *db, const char *table, struct columns *c)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT c.name, t.wr FROM pragma_table_list(?1) t, pragma_table_info(?1) c "
				   "WHERE t.schema = 'main'", NULL);
	if (!st)
		return -1;
	columns_start(c, table, 1);
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	int rc, over = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		c->has_rowid = !sqlite3_column_int(st, 1);
		over |= columns_add(c, (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_reset(st);
	return over ? -2 : rc != SQLITE_DONE || !c->n ? -1 : 0;
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

/* Column col of row a (OLD or NEW) as the trail keeps it; with b, the new
 * value of an update. A secret column keeps only that it changed; a derived
 * one that agrees with the rows it comes from keeps its old value (no line). */
static void value(struct sbuf *s, const char *table, const char *a, const char *b, const char *col)
{
	const char *from_others = b == a ? derived_value(table, col) : NULL;
	if (audit_column_secret(col) && b)
		sb_printf(s, "iif(OLD.\"%s\" IS NEW.\"%s\", NULL, '%s')", col, col, b == a ? "(diganti)" : "***");
	else if (audit_column_secret(col))
		sb_printf(s, "iif(%s.\"%s\" IS NULL, NULL, '***')", a, col);
	else if (from_others)
		sb_printf(s, "iif(NEW.\"%1$s\" = %2$s, OLD.\"%1$s\", NEW.\"%1$s\")", col, from_others);
	else {	/* most columns: no format to read */
		sb_add(s, a);
		sb_add(s, ".\"");
		sb_add(s, col);
		sb_addc(s, '"');
	}
}

/* The columns of row a that changed (with b) or are not NULL (without), as
 * " N=nilai" each (N the column's place in the code's list, from 0, values
 * as quote() writes them, "lama>baru" for a change), concatenated; NULL when
 * none. */
static void columns_sql(struct sbuf *s, const struct columns *c, const char *a, const char *b)
{
	sb_add(s, b ? "(SELECT group_concat(' ' || k || '=' || quote(o) || '>' || quote(n), '') FROM ("
		    : "(SELECT group_concat(' ' || k || '=' || quote(o), '') FROM (");
	for (int i = 0; i < c->n; i++) {
		char k[24];
		snprintf(k, sizeof k, "%d", i);
		sb_add(s, i ? " UNION ALL SELECT " : "SELECT ");
		sb_add(s, k);
		sb_add(s, i ? ", " : " AS k, ");
		value(s, c->table, a, b, c->name[i]);
		sb_add(s, i ? "" : " AS o");
		if (b) {
			sb_add(s, ", ");
			value(s, c->table, b, b, c->name[i]);
			sb_add(s, i ? "" : " AS n");
		}
	}
	sb_add(s, b ? ") WHERE o IS NOT n)" : ") WHERE o IS NOT NULL)");
}

/* A table's trigger hands its change to audit_ubah (db/017) as one line:
 * "K+R", "K~R N=lama>baru ...", "K-R N=lama ...". */
static void trigger_sql(struct sbuf *s, const char *table, long code, const struct columns *c, char kind)
{
	static const struct {
		char kind, op;
		const char *event, *row;
	} k[] = {
		{ 't', '+', "INSERT", "NEW" },
		{ 'u', '~', "UPDATE", "NEW" },
		{ 'h', '-', "DELETE", "OLD" },
	};
	int i = kind == 't' ? 0 : kind == 'u' ? 1 : 2;
	/* a bulk import (pelaku.impor) is recorded once, for the file */
	sb_printf(s, "CREATE TRIGGER \"audit_%c_%s\" AFTER %s ON \"%s\" WHEN (SELECT impor FROM pelaku) IS NULL BEGIN\n"
		     "INSERT INTO audit_ubah (pasien, isi) SELECT ",
		  kind, table, k[i].event, table);
	sb_printf(s, patient_link_sql[c->link], k[i].row);
	sb_printf(s, ", '%ld%c'", code, k[i].op);
	if (c->has_rowid)
		sb_printf(s, " || %s.rowid", k[i].row);
	if (kind == 'u') {	/* an update that changed nothing leaves no trace */
		sb_add(s, " || d FROM (SELECT ");
		columns_sql(s, c, "OLD", "NEW");
		sb_add(s, " AS d) WHERE d IS NOT NULL;\nEND");
	} else if (kind == 'h' || !c->has_rowid) {	/* a row without rowid is named by its values */
		sb_add(s, " || coalesce(");
		columns_sql(s, c, k[i].row, NULL);
		sb_add(s, ", '');\nEND");
	} else
		sb_add(s, ";\nEND");
}

enum state { ABSENT, SAME, CHANGED };

/* The schema's triggers and views, read once per check: looking each up with
 * a query was most of the time a database takes to open. */
struct objects {
	struct object {
		char *name, *sql;
	} *o;
	int n;
};

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct object *)a)->name, ((const struct object *)b)->name);
}

static int objects_read(sqlite3 *db, struct objects *s)
{
	memset(s, 0, sizeof *s);
	sqlite3_stmt *st = db_prepare(db, "SELECT name, sql FROM sqlite_schema WHERE type IN ('trigger', 'view') "
				      "AND sql IS NOT NULL", NULL);
	if (!st)
		return -1;
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (s->n == cap) {
			cap = cap ? 2 * cap : 256;
			s->o = xrealloc(s->o, (size_t)cap * sizeof *s->o);
		}
		s->o[s->n].name = xstrdup((const char *)sqlite3_column_text(st, 0));
		s->o[s->n++].sql = xstrdup((const char *)sqlite3_column_text(st, 1));
	}
	if (s->n)
		qsort(s->o, (size_t)s->n, sizeof *s->o, by_name);
	return db_finish(db, st, rc, NULL);
}

static void objects_free(struct objects *s)
{
	for (int i = 0; i < s->n; i++) {
		free(s->o[i].name);
		free(s->o[i].sql);
	}
	free(s->o);
}

static enum state object_state(const struct objects *s, const char *name, const char *sql)
{
	struct object key = { (char *)name, NULL };
	const struct object *o = s->n ? bsearch(&key, s->o, (size_t)s->n, sizeof *s->o, by_name) : NULL;
	return !o ? ABSENT : strcmp(o->sql, sql) == 0 ? SAME : CHANGED;
}

/* The trail's own guards and its gathering of a save (db/012, db/013, db/017, db/020),
 * made again whenever one is missing or changed: a shell can drop one, pkm
 * puts it back. */
static const struct {
	const char *type, *name, *sql;
} guards[] = {
	{ "trigger", "audit_tetap", "CREATE TRIGGER audit_tetap BEFORE UPDATE ON audit\n"
				    "BEGIN SELECT RAISE(ABORT, 'jejak audit tidak dapat diubah'); END" },
	{ "trigger", "audit_tidak_dihapus", "CREATE TRIGGER audit_tidak_dihapus BEFORE DELETE ON audit\n"
					    "BEGIN SELECT RAISE(ABORT, 'jejak audit tidak dapat dihapus'); END" },
	{ "trigger", "audit_id_baru", "CREATE TRIGGER audit_id_baru BEFORE INSERT ON audit\n"
				      "WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit WHERE id = NEW.id)\n"
				      "BEGIN SELECT RAISE(ABORT, 'jejak audit tidak dapat ditimpa'); END" },
	{ "trigger", "audit_tabel_tetap", "CREATE TRIGGER audit_tabel_tetap BEFORE UPDATE ON audit_tabel\n"
					  "BEGIN SELECT RAISE(ABORT, 'kode tabel jejak audit tidak dapat diubah'); END" },
	{ "trigger", "audit_tabel_tidak_dihapus",
	  "CREATE TRIGGER audit_tabel_tidak_dihapus BEFORE DELETE ON audit_tabel\n"
	  "BEGIN SELECT RAISE(ABORT, 'kode tabel jejak audit tidak dapat dihapus'); END" },
	{ "trigger", "audit_hari_catat",
	  "CREATE TRIGGER audit_hari_catat AFTER INSERT ON audit\n"
	  "BEGIN\n"
	  "UPDATE audit_hari SET awal = min(awal, NEW.id), akhir = max(akhir, NEW.id) WHERE hari = NEW.waktu / 86400;\n"
	  "INSERT INTO audit_hari (hari, awal, akhir) SELECT NEW.waktu / 86400, NEW.id, NEW.id\n"
	  "WHERE NOT EXISTS (SELECT 1 FROM audit_hari WHERE hari = NEW.waktu / 86400);\n"
	  "INSERT INTO audit_pasien_hari (pasien_id, hari) SELECT NEW.pasien_id, NEW.waktu / 86400\n"
	  "WHERE NEW.pasien_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM audit_pasien_hari\n"
	  "WHERE pasien_id = NEW.pasien_id AND hari = NEW.waktu / 86400);\n"
	  "END" },
	{ "trigger", "audit_pasien_hari_tetap",
	  "CREATE TRIGGER audit_pasien_hari_tetap BEFORE UPDATE ON audit_pasien_hari\n"
	  "BEGIN SELECT RAISE(ABORT, 'hari pasien jejak audit tidak dapat diubah'); END" },
	{ "trigger", "audit_pasien_hari_tidak_dihapus",
	  "CREATE TRIGGER audit_pasien_hari_tidak_dihapus BEFORE DELETE ON audit_pasien_hari\n"
	  "BEGIN SELECT RAISE(ABORT, 'hari pasien jejak audit tidak dapat dihapus'); END" },
	{ "trigger", "audit_hari_melebar",
	  "CREATE TRIGGER audit_hari_melebar BEFORE UPDATE ON audit_hari\n"
	  "WHEN NEW.hari IS NOT OLD.hari OR NEW.awal > OLD.awal OR NEW.akhir < OLD.akhir\n"
	  "BEGIN SELECT RAISE(ABORT, 'rentang hari jejak audit hanya dapat melebar'); END" },
	{ "trigger", "audit_hari_tetap", "CREATE TRIGGER audit_hari_tetap BEFORE DELETE ON audit_hari\n"
					 "BEGIN SELECT RAISE(ABORT, 'rentang hari jejak audit tidak dapat dihapus'); END" },
	{ "trigger", "audit_skema_pkm", "CREATE TRIGGER audit_skema_pkm BEFORE INSERT ON audit_skema\n"
					"WHEN pkm_sesi() IS NOT 1\n"
					"BEGIN SELECT RAISE(ABORT, 'versi skema jejak audit hanya ditulis oleh pkm'); END" },
	{ "trigger", "audit_skema_tetap", "CREATE TRIGGER audit_skema_tetap BEFORE UPDATE ON audit_skema\n"
					  "WHEN pkm_sesi() IS NOT 1\n"
					  "BEGIN SELECT RAISE(ABORT, 'versi skema jejak audit hanya ditulis oleh pkm'); END" },
	{ "trigger", "pelaku_hanya_pkm", "CREATE TRIGGER pelaku_hanya_pkm BEFORE INSERT ON pelaku\n"
					 "WHEN pkm_sesi() IS NOT 1\n"
					 "BEGIN SELECT RAISE(ABORT, 'pelaku hanya ditulis oleh pkm'); END" },
	{ "trigger", "pelaku_tetap", "CREATE TRIGGER pelaku_tetap BEFORE UPDATE ON pelaku\n"
				     "WHEN pkm_sesi() IS NOT 1\n"
				     "BEGIN SELECT RAISE(ABORT, 'pelaku hanya ditulis oleh pkm'); END" },
	{ "trigger", "audit_nama_catat", "CREATE TRIGGER audit_nama_catat AFTER INSERT ON pelaku\n"
					 "BEGIN INSERT INTO audit_nama (nama) SELECT NEW.pengguna\n"
					 "WHERE NOT EXISTS (SELECT 1 FROM audit_nama WHERE nama = NEW.pengguna); END" },
	{ "trigger", "audit_nama_tetap", "CREATE TRIGGER audit_nama_tetap BEFORE UPDATE ON audit_nama\n"
					 "BEGIN SELECT RAISE(ABORT, 'nama pelaku jejak audit tidak dapat diubah'); END" },
	{ "trigger", "audit_nama_tidak_dihapus",
	  "CREATE TRIGGER audit_nama_tidak_dihapus BEFORE DELETE ON audit_nama\n"
	  "BEGIN SELECT RAISE(ABORT, 'nama pelaku jejak audit tidak dapat dihapus'); END" },
	{ "trigger", "audit_kumpul_pkm", "CREATE TRIGGER audit_kumpul_pkm BEFORE INSERT ON audit_kumpul\n"
					 "WHEN NOT EXISTS (SELECT 1 FROM pelaku)\n"
					 "BEGIN SELECT RAISE(ABORT, 'jejak audit dikumpulkan oleh pkm saja'); END" },
	{ "view", "audit_ubah", "CREATE VIEW audit_ubah (pasien, isi) AS SELECT NULL, NULL WHERE 0" },
	{ "trigger", "audit_ubah_catat",
	  "CREATE TRIGGER audit_ubah_catat INSTEAD OF INSERT ON audit_ubah\n"
	  "BEGIN\n"
	  "INSERT INTO audit (pasien_id, baru) SELECT NEW.pasien, NEW.isi WHERE NOT EXISTS (SELECT 1 FROM pelaku);\n"
	  "UPDATE audit_kumpul SET isi = isi || char(10) || NEW.isi\n"
	  "WHERE id = (SELECT max(id) FROM audit_kumpul) AND (NEW.pasien IS NULL OR pasien IS NEW.pasien);\n"
	  "INSERT INTO audit_kumpul (pasien, isi) SELECT NEW.pasien, NEW.isi WHERE EXISTS (SELECT 1 FROM pelaku)\n"
	  "AND NOT EXISTS (SELECT 1 FROM audit_kumpul WHERE id = (SELECT max(id) FROM audit_kumpul)\n"
	  "AND (NEW.pasien IS NULL OR pasien IS NEW.pasien));\n"
	  "END" },
	{ "trigger", "audit_simpan",
	  "CREATE TRIGGER audit_simpan BEFORE DELETE ON pelaku\n"
	  "BEGIN\n"
	  "INSERT INTO audit (pengguna, pasien_id, baru) SELECT (SELECT kode FROM audit_nama WHERE nama = OLD.pengguna),\n"
	  "pasien, pkm_ringkas(isi) FROM audit_kumpul ORDER BY id;\n"
	  "DELETE FROM audit_kumpul;\n"
	  "END" },
};

static void note_name(struct sbuf *names, const char *name)
{
	sb_printf(names, "%s%s", names->len ? ", " : "", name);
}

static void stale_guards(const struct objects *objs, struct sbuf *todo, struct sbuf *names)
{
	for (size_t i = 0; i < ARRAY_LEN(guards); i++)
		if (object_state(objs, guards[i].name, guards[i].sql) != SAME) {
			note_name(names, guards[i].name);
			sb_printf(todo, "DROP %s IF EXISTS %s;\n%s;\n", guards[i].type, guards[i].name, guards[i].sql);
		}
}

/* A table's code in the trail, for its present columns (a table whose columns
 * change gets a new code, so older lines keep naming theirs); with `make`, a
 * table without one is given the next and *made is set. 0 when it has none
 * (its triggers are then not current either). */
static long table_code(sqlite3 *db, const struct columns *c, int make, int *made)
{
	struct sbuf cols = { 0 };
	for (int i = 0; i < c->n; i++)
		sb_printf(&cols, "%s%s", i ? " " : "", c->name[i]);
	*made = 0;
	long code = -1;
	sqlite3_stmt *st = db_stmt(db, "SELECT kode FROM audit_tabel WHERE nama = ? AND kolom = ?", NULL);
	if (st) {
		sqlite3_bind_text(st, 1, c->table, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, sb_str(&cols), -1, SQLITE_STATIC);
		int rc = sqlite3_step(st);
		code = rc == SQLITE_ROW ? (long)sqlite3_column_int64(st, 0) : rc == SQLITE_DONE ? 0 : -1;
		sqlite3_reset(st);
	}
	if (code == 0 && make && (st = db_stmt(db, "INSERT INTO audit_tabel (nama, kolom) VALUES (?, ?)", NULL))) {
		sqlite3_bind_text(st, 1, c->table, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, sb_str(&cols), -1, SQLITE_STATIC);
		*made = sqlite3_step(st) == SQLITE_DONE;
		sqlite3_reset(st);
		code = *made ? (long)sqlite3_last_insert_rowid(db) : -1;
	}
	sb_free(&cols);
	return code;
}

/* A table the trail already has a code for had its triggers. */
static int was_audited(sqlite3 *db, const char *table)
{
	return db_query_text_exists(db, "SELECT 1 FROM audit_tabel WHERE nama = ?", table) == 1;
}

/* The triggers of one table that need (re)making, added to todo; -1 with a
 * message in err when its trail cannot be made. */
static int stale_table(sqlite3 *db, const struct objects *objs, int make, const struct columns *c, int over,
		       struct sbuf *todo, struct sbuf *names, struct sbuf *err)
{
	if (!audit_table_audited(c->table) || !str_is_ident(c->table))
		return 0;
	if (over) {
		sb_printf(err, "tabel %s punya lebih dari %zu kolom: jejak auditnya tidak dapat dibuat utuh", c->table,
			  ARRAY_LEN(c->name));
		return -1;
	}
	int made;
	long code = table_code(db, c, make, &made);
	if (code < 0) {
		sb_printf(err, "kode tabel %s untuk jejak audit tidak terbaca: %s%s", c->table, sqlite3_errmsg(db),
			  db_hint(db));
		return -1;
	}
	struct sbuf sql = { 0 };
	for (const char *kind = "tuh"; *kind; kind++) {
		sb_reset(&sql);
		trigger_sql(&sql, c->table, code, c, *kind);
		char name[96];
		snprintf(name, sizeof name, "audit_%c_%s", *kind, c->table);
		enum state state = object_state(objs, name, sb_str(&sql));
		if (state == SAME)
			continue;
		/* missing from a table the trail knew: removed */
		if (state == ABSENT && !made && was_audited(db, c->table))
			note_name(names, name);
		sb_printf(todo, "DROP TRIGGER IF EXISTS \"%s\";\n%s;\n", name, sb_str(&sql));
	}
	sb_free(&sql);
	return 0;
}

/* The triggers that need (re)making, as SQL; empty when all are current.
 * Those that were removed rather than outdated are named in `names`. Every
 * table's columns come from one query. */
static int stale_triggers(sqlite3 *db, const struct objects *objs, int make, struct sbuf *todo, struct sbuf *names,
			  struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT t.name, t.wr, c.name FROM pragma_table_list t, pragma_table_info(t.name) c "
				      "WHERE t.schema = 'main' AND t.type = 'table' ORDER BY t.name, c.cid", NULL);
	if (!st)
		return -1;
	struct columns *c = xmalloc(sizeof *c);
	char *table = NULL;
	int step, bad = 0, over = 0;
	while (!bad && (step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		if (!table || strcmp(t, table) != 0) {
			bad = table && stale_table(db, objs, make, c, over, todo, names, err) != 0;
			free(table);
			table = xstrdup(t);
			columns_start(c, table, !sqlite3_column_int(st, 1));
			over = 0;
		}
		over |= columns_add(c, (const char *)sqlite3_column_text(st, 2));
	}
	if (!bad && step != SQLITE_DONE) {
		sb_printf(err, "skema tidak terbaca: %s%s", sqlite3_errmsg(db), db_hint(db));
		bad = 1;
	}
	if (!bad && table)
		bad = stale_table(db, objs, make, c, over, todo, names, err) != 0;
	sqlite3_finalize(st);
	free(table);
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
	/* a writer a shell named ends here: the save it gathered is written
	 * (only pkm can, db/020) before what was found is told, under no name */
	if (db_exec(db, "DELETE FROM pelaku", NULL) != 0)
		return -1;
	struct sbuf note = { 0 };
	sb_printf(&note, "jejak audit dibongkar di luar pkm: %s hilang atau diubah, dipasang ulang", names);
	note_gaps(db, &note);
	int rc = audit_warn(db, sb_str(&note));
	if (rc == 0)
		rc = audit_record(db, "HAPUS", "audit", 0, 0, sb_str(&note));
	sb_free(&note);
	return rc;
}

/* The guards and triggers to (re)make, and the names of those removed. The
 * tables' triggers are compared only with `tables` or when a guard is stale. */
static int stale(sqlite3 *db, int tables, int make, struct sbuf *todo, struct sbuf *names, struct sbuf *err)
{
	struct objects objs;
	int rc = objects_read(db, &objs);
	if (rc != 0)
		sb_printf(err, "skema tidak terbaca: %s%s", sqlite3_errmsg(db), db_hint(db));
	else {
		stale_guards(&objs, todo, names);
		if (tables || todo->len)
			rc = stale_triggers(db, &objs, make, todo, names, err);
	}
	objects_free(&objs);
	return rc;
}

/* The schema as it is now is the one whose triggers are current. */
static int note_version(sqlite3 *db)
{
	return db_exec(db, "INSERT OR REPLACE INTO audit_skema (id, versi) SELECT 1, schema_version FROM "
			   "pragma_schema_version", NULL);
}

int audit_install(sqlite3 *db, struct sbuf *err)
{
	struct sbuf todo = { 0 }, names = { 0 };
	/* the tables' triggers were found current at this very schema */
	int checked = db_query_long(db, "SELECT versi = (SELECT schema_version FROM pragma_schema_version) "
				    "FROM audit_skema", 0) == 1;
	int rc = stale(db, !checked, 0, &todo, &names, err);
	if (rc == 0 && (todo.len || !checked)) {
		char *msg = NULL;
		/* another pkm may be doing the same: the second finds them current */
		rc = sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, &msg) == SQLITE_OK ? 0 : -1;
		if (rc == 0) {
			sb_reset(&todo);
			sb_reset(&names);
			rc = stale(db, 1, 1, &todo, &names, err);
		}
		if (rc == 0 && (sqlite3_exec(db, sb_str(&todo), NULL, NULL, &msg) != SQLITE_OK ||
				(names.len && record_tampering(db, sb_str(&names)) != 0) || note_version(db) != 0 ||
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
	/* the time is the clock's (the column's default): never a value anyone could have put in pelaku */
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO audit (pengguna, aksi, tabel, baris, sampai, pasien_id, baru) "
				   "VALUES ((SELECT kode FROM audit_nama WHERE nama = (SELECT pengguna FROM pelaku)), "
				   "?, ?, ?, ?, ?, ?)", NULL);
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
