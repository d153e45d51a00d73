/* The outbox's queue operations. Every write is its own short BEGIN IMMEDIATE,
 * so a sender killed at any moment leaves each item in a state it can resume
 * from: the attempt is on disk before the request leaves. */
#include "pkm/outbox.h"
#include "pkm/db.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A statement's parameters: text, or the number when the text is NULL. */
struct arg { const char *s; long n; };
static void bind_args(sqlite3_stmt *st, const struct arg *a, int n)
{
	for (int i = 0; i < n; i++) {
		if (a[i].s)
			sqlite3_bind_text(st, i + 1, a[i].s, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_int64(st, i + 1, a[i].n);
	}
}

/* One statement in its own write transaction: the changes it made, -1 with
 * err on failure. */
static long write1(sqlite3 *db, const char *sql, const struct arg *a, int n, const char *what, struct sbuf *err)
{
	if (db_begin(db) != 0)
		return db_fail(err, db, what);
	sqlite3_stmt *st = db_prepare(db, sql, err);
	if (!st) {
		db_rollback(db);
		return -1;
	}
	bind_args(st, a, n);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	long changes = sqlite3_changes(db);
	if (rc != SQLITE_DONE || db_commit(db) != 0) {
		db_fail(err, db, what);
		db_rollback(db);
		return -1;
	}
	return changes;
}

static int get_text(sqlite3 *db, const char *sql, const struct arg *a, int n, char *out, size_t size,
		    struct sbuf *err);

/* One platform's row of kirim_atur. */
static int configure1(sqlite3 *db, const char *tujuan, int stated, int aktif, const char *mulai, struct sbuf *err)
{
	if (!stated)	/* e.g. root's shell without the desks' file: not a "no" */
		return 0;
	char now[16];
	struct arg a[2] = { { tujuan, 0 }, { mulai, 0 } };
	if (get_text(db, "SELECT mulai FROM kirim_atur WHERE tujuan = ?", a, 1, now, sizeof now, err) != 0)
		return -1;
	if (aktif ? strcmp(now, mulai) == 0 : !*now)
		return 0;
	if (!aktif)
		return write1(db, "DELETE FROM kirim_atur WHERE tujuan = ?", a, 1, "kirim_atur", err) < 0 ? -1 : 0;
	return write1(db, "INSERT OR REPLACE INTO kirim_atur (tujuan, mulai) VALUES (?, ?)", a, 2, "kirim_atur",
		      err) < 0 ? -1 : 0;
}

int outbox_configure(sqlite3 *db, const struct pkm_config *c, struct sbuf *err)
{
	const struct satusehat_config *s = &c->satusehat;
	const struct pcare_config *p = &c->pcare;
	if (configure1(db, "satusehat", s->stated, s->aktif, s->mulai, err) != 0)
		return -1;
	return configure1(db, "pcare", p->stated, p->aktif, p->mulai, err);
}

int outbox_count(sqlite3 *db, const char *tujuan, int sent, struct outbox_counts *n, struct sbuf *err)
{
	memset(n, 0, sizeof *n);
	sqlite3_stmt *st = db_prepare(db, "SELECT status, count(*) FROM kirim WHERE tujuan = ? "
					  "AND status IN ('menunggu', 'gagal', iif(?, 'terkirim', '')) GROUP BY status", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, tujuan, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, sent);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *s = (const char *)sqlite3_column_text(st, 0);
		long c = sqlite3_column_int64(st, 1);
		if (strcmp(s, "menunggu") == 0)
			n->menunggu = c;
		else if (strcmp(s, "gagal") == 0)
			n->gagal = c;
		else
			n->terkirim = c;
	}
	return db_finish(db, st, rc, err);
}

long outbox_pending(sqlite3 *db, const char *tujuan, long after_id, struct outbox_item *items, long max,
		    struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT o.id, o.kunjungan_id, o.status, o.percobaan, o.coba_lagi, o.tunggu, coalesce(o.galat, ''), "
		"k.tanggal, k.unit, p.no_rm, p.nama FROM kirim o JOIN kunjungan k ON k.id = o.kunjungan_id "
		"JOIN pasien p ON p.id = k.pasien_id WHERE o.tujuan = ? AND o.status <> 'terkirim' AND o.id > ? "
		"ORDER BY o.id LIMIT ?", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, tujuan, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, after_id);
	sqlite3_bind_int64(st, 3, max);
	long n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct outbox_item *it = &items[n++];
		it->id = sqlite3_column_int64(st, 0);
		it->kunjungan_id = sqlite3_column_int64(st, 1);
		db_col_text(st, 2, it->status, sizeof it->status);
		it->percobaan = sqlite3_column_int64(st, 3);
		it->coba_lagi = sqlite3_column_int64(st, 4);
		it->tunggu = sqlite3_column_int(st, 5);
		db_col_text(st, 6, it->galat, sizeof it->galat);
		db_col_text(st, 7, it->tanggal, sizeof it->tanggal);
		db_col_text(st, 8, it->unit, sizeof it->unit);
		db_col_text(st, 9, it->no_rm, sizeof it->no_rm);
		db_col_text(st, 10, it->nama, sizeof it->nama);
	}
	return db_finish(db, st, rc, err) == 0 ? n : -1;
}

long outbox_retry(sqlite3 *db, const char *tujuan, long id, struct sbuf *err)
{
	struct arg a[2] = { { tujuan ? tujuan : "", 0 }, { NULL, id } };
	return write1(db, "UPDATE kirim SET status = 'menunggu', percobaan = 0, tunggu = 0, coba_lagi = 0, galat = NULL "
			  "WHERE (?1 = '' OR tujuan = ?1) AND status <> 'terkirim' AND (?2 = 0 OR id = ?2)", a, 2, "kirim ulang",
		      err);
}

/* Whether an item is due (?1 tujuan, ?2 now, ?4 settle): waiting, not for
 * data, its backoff over, and an attempt in doubt rested. The one rule both
 * the pass's reading and the claim use. */
#define DUE "tujuan = ?1 AND status = 'menunggu' AND tunggu = 0 AND coba_lagi <= ?2 " \
	    "AND (ragu = 0 OR dicoba <= ?2 - ?4)"

/* The next item due at `now` after after_id: its id, 0 when none, -1 on failure. */
static long next_due(sqlite3 *db, const char *tujuan, long now, long after_id, long settle, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id FROM kirim WHERE " DUE " AND id > ?3 ORDER BY id LIMIT 1", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, tujuan, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, now);
	sqlite3_bind_int64(st, 3, after_id);
	sqlite3_bind_int64(st, 4, settle);
	int rc = sqlite3_step(st);
	long id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	return db_finish(db, st, rc == SQLITE_ROW ? SQLITE_DONE : rc, err) == 0 ? id : -1;
}

/* A commit that needs no fsync of its own (synchronous=NORMAL: durable
 * against a kill, carried to disk by the next FULL commit), or back to FULL. */
static void light_commits(sqlite3 *db, int on)
{
	db_exec(db, on ? "PRAGMA synchronous=NORMAL" : "PRAGMA synchronous=FULL", NULL);
}

/* claim's transaction. */
static int claim_in(sqlite3 *db, const struct outbox_sender *s, long id, long now, struct outbox_claim *c,
		    struct sbuf *err)
{
	if (db_begin(db) != 0)
		return db_fail(err, db, "kirim");
	sqlite3_stmt *st = db_prepare(db, "SELECT ragu, versi FROM kirim WHERE " DUE " AND id = ?3", err);
	int rc = SQLITE_ERROR, due = 0;
	if (st) {
		sqlite3_bind_text(st, 1, s->tujuan, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, now);
		sqlite3_bind_int64(st, 3, id);
		sqlite3_bind_int64(st, 4, s->settle);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			due = 1;
			c->ask = sqlite3_column_int(st, 0);
			c->versi = sqlite3_column_int64(st, 1);
			rc = sqlite3_step(st);
		}
		sqlite3_finalize(st);
	}
	st = rc == SQLITE_DONE && due ? db_prepare(db, "UPDATE kirim SET percobaan = percobaan + 1, ragu = 1, dicoba = ?2, "
						       "coba_lagi = ?2 + ?3 * (1 << min(percobaan, 10)) WHERE id = ?1", err)
				      : NULL;
	if (st) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, now);
		sqlite3_bind_int64(st, 3, s->jeda);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
	} else if (due)
		rc = SQLITE_ERROR;
	if (rc != SQLITE_DONE || db_commit(db) != 0) {
		db_fail(err, db, "kirim");
		db_rollback(db);
		return -1;
	}
	return due;
}

/* Claim an item if it is still due (another sender, or the item's own
 * change, may have moved it since it was read): counted as an attempt and in
 * doubt, committed before any request leaves, so a kill -9 leaves a trace.
 * 1 claimed, 0 no longer due, -1 on failure. */
static int claim(sqlite3 *db, const struct outbox_sender *s, long id, long now, struct outbox_claim *c,
		 struct sbuf *err)
{
	memset(c, 0, sizeof *c);
	c->db = db;
	c->id = id;
	if (s->light_claim)
		light_commits(db, 1);
	int rc = claim_in(db, s, id, now, c, err);
	if (s->light_claim)
		light_commits(db, 0);
	return rc;
}

void outbox_write_leaves(struct outbox_claim *c) { c->open++; }
void outbox_write_known(struct outbox_claim *c) { c->open--; }
void outbox_asked(struct outbox_claim *c) { c->ask = 0; }

static int p_care_kind(const char *jenis)
{
	return strcmp(jenis, "pendaftaran") == 0 || strcmp(jenis, "kunjungan") == 0 || strcmp(jenis, "obat") == 0 ||
	       strcmp(jenis, "tindakan") == 0;
}

int outbox_id_ok(const char *jenis, const char *id)
{
	int p_care = p_care_kind(jenis);
	size_t n = strlen(id), max = p_care ? 32 : 64;
	if (n == 0 || n > max || strstr(id, ".."))
		return 0;
	const char *allowed = p_care ? "" : "-.";
	for (const char *s = id; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || strchr(allowed, *s)))
			return 0;
	return 1;
}

/* An id from a platform without its form is never stored. */
static int refuse_id(const char *jenis, const char *id, struct sbuf *err)
{
	if (outbox_id_ok(jenis, id))
		return 0;
	sb_printf(err, "id %s dari server tidak sah (huruf atau panjangnya salah)", jenis);
	return -1;
}

/* Sources stored or forgotten, inside the caller's transaction. */
static int put_sources(sqlite3 *db, long id, const struct outbox_source *s, int n, struct sbuf *err)
{
	for (int i = 0; i < n; i++) {
		if (s[i].id && refuse_id(s[i].jenis, s[i].id, err) != 0)
			return -1;
		sqlite3_stmt *st = db_prepare(db, s[i].id ? "INSERT OR REPLACE INTO kirim_sumber (kirim_id, jenis, kunci, "
							    "sumber_id) VALUES (?, ?, ?, ?)"
							  : "DELETE FROM kirim_sumber WHERE kirim_id = ? AND jenis = ? AND kunci = ?",
					      err);
		if (!st)
			return -1;
		struct arg a[4] = { { NULL, id }, { s[i].jenis, 0 }, { s[i].kunci, 0 }, { s[i].id, 0 } };
		bind_args(st, a, s[i].id ? 4 : 3);
		int rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return db_fail(err, db, "kirim_sumber");
	}
	return 0;
}

/* Sources, then (settle) the item's state, in one transaction. */
static int store(struct outbox_claim *c, const struct outbox_source *s, int n, const char *settle,
		 const struct arg *a, int na, struct sbuf *err)
{
	if (db_begin(c->db) != 0)
		return db_fail(err, c->db, "kirim");
	int rc = put_sources(c->db, c->id, s, n, err);
	sqlite3_stmt *st = rc == 0 && settle ? db_prepare(c->db, settle, err) : NULL;
	if (st) {
		bind_args(st, a, na);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = db_fail(err, c->db, "kirim");
		sqlite3_finalize(st);
	} else if (settle)
		rc = -1;
	if (rc == 0 && db_commit(c->db) != 0)
		rc = db_fail(err, c->db, "kirim");
	if (rc != 0)
		db_rollback(c->db);
	return rc;
}

int outbox_write_stored(struct outbox_claim *c, const struct outbox_source *s, int n, struct sbuf *err)
{
	if (store(c, s, n, NULL, NULL, 0, err) != 0)
		return -1;
	c->open--;
	return 0;
}

int outbox_adopt(struct outbox_claim *c, const struct outbox_source *s, int n, struct sbuf *err)
{
	return store(c, s, n, NULL, NULL, 0, err);
}

/* The platform has the claimed version: terkirim, unless the visit changed
 * since or the platform kept an older copy (stale: the ids are known now, so
 * the next attempt updates it), or part of it waits for its data (wait). */
static int settle_sent(struct outbox_claim *c, const struct outbox_outcome *o, struct sbuf *err)
{
	struct arg a[4] = { { NULL, c->id }, { NULL, c->versi }, { NULL, o->stale }, { o->wait, 0 } };
	return store(c, o->ids, o->n_ids,
		     "UPDATE kirim SET versi_kirim = CASE WHEN ?3 THEN versi_kirim ELSE ?2 END, percobaan = 0, "
		     "ragu = 0, coba_lagi = 0, "
		     "tunggu = (versi = ?2 AND NOT ?3 AND ?4 <> ''), galat = CASE WHEN versi = ?2 THEN nullif(?4, '') END, "
		     "status = CASE WHEN versi = ?2 AND NOT ?3 AND ?4 = '' THEN 'terkirim' ELSE 'menunggu' END WHERE id = ?1",
		     a, 4, err);
}

/* The attempt failed: in doubt while the platform may hold what it sent
 * (asked first next time, after the item settles). */
static int settle_failed(struct outbox_claim *c, const struct outbox_outcome *o, struct sbuf *err)
{
	struct arg a[5] = { { NULL, c->id }, { o->why, 0 }, { NULL, o->how }, { NULL, OUTBOX_MAX_ATTEMPTS },
			    { NULL, c->ask || c->open > 0 } };
	return store(c, NULL, 0,
		     "UPDATE kirim SET galat = ?2, tunggu = (?3 = 2), ragu = ?5, "
		     "status = CASE WHEN ?3 = 1 OR (?3 = 0 AND percobaan >= ?4) THEN 'gagal' ELSE 'menunggu' END "
		     "WHERE id = ?1", a, 5, err);
}

void outbox_outcome_id(struct outbox_outcome *o, const char *jenis, const char *kunci, const char *id)
{
	o->ids = xrealloc(o->ids, (size_t)(o->n_ids + 1) * sizeof *o->ids);
	o->ids[o->n_ids++] = (struct outbox_source){ xstrdup(jenis), xstrdup(kunci), id ? xstrdup(id) : NULL };
}

static void outcome_free(struct outbox_outcome *o)
{
	for (int i = 0; i < o->n_ids; i++) {
		free((char *)o->ids[i].jenis);
		free((char *)o->ids[i].kunci);
		free((char *)o->ids[i].id);
	}
	free(o->ids);
}

/* Settle a claimed item from what its attempt reports: 1 sent, 0 failed, -1 the database. */
static int settle_item(struct outbox_claim *c, struct outbox_outcome *o, struct sbuf *err)
{
	struct sbuf why = { 0 };
	int sent = o->done && settle_sent(c, o, &why) == 0;
	if (o->done && !sent) {	/* what the platform made was not stored: it is asked next time */
		o->how = OUTBOX_RETRY;
		snprintf(o->why, sizeof o->why, "%s", sb_str(&why));
		c->open++;
	}
	sb_free(&why);
	if (sent)
		return 1;
	return settle_failed(c, o, err) == 0 ? 0 : -1;
}

/* A pass shared by its workers: the cursor moves through the due items in
 * id order, so each is taken by one worker, once. */
struct pass_state {
	const struct outbox_sender *s;
	long now, cursor;
	pthread_mutex_t lock;
	struct outbox_pass r;
	int failed;		/* the database failed: the workers stop */
	struct sbuf err;
};

/* The next due item for a worker (its own connection reads it): its id, 0
 * when none is left or the pass is stopping. */
static long take_next(struct pass_state *p, sqlite3 *db, struct sbuf *err)
{
	pthread_mutex_lock(&p->lock);
	long id = p->failed ? 0 : next_due(db, p->s->tujuan, p->now, p->cursor, p->s->settle, err);
	if (id > 0)
		p->cursor = id;
	pthread_mutex_unlock(&p->lock);
	return id;
}

/* One worker: claim, send, settle, until nothing is due. -1 when the database failed. */
static int work(struct pass_state *p, int w, struct sbuf *err)
{
	const struct outbox_sender *s = p->s;
	sqlite3 *db = s->db[w];
	long id;
	while ((id = take_next(p, db, err)) > 0) {
		struct outbox_claim c;
		int rc = claim(db, s, id, p->now, &c, err);
		if (rc <= 0) {
			if (rc < 0)
				return -1;
			continue;	/* no longer due */
		}
		struct outbox_outcome o;
		memset(&o, 0, sizeof o);
		rc = s->send(s->ctx[w], &c, &o, err) == 0 ? settle_item(&c, &o, err) : -1;	/* -1: stays in doubt */
		outcome_free(&o);
		if (rc < 0)
			return -1;
		pthread_mutex_lock(&p->lock);
		if (rc)
			p->r.sent++;
		else
			p->r.failed++;
		pthread_mutex_unlock(&p->lock);
	}
	return id < 0 ? -1 : 0;
}

struct worker { struct pass_state *p; int w; pthread_t thread; };

static void *worker_main(void *arg)
{
	struct worker *k = arg;
	struct sbuf err = { 0 };
	if (work(k->p, k->w, &err) != 0) {
		pthread_mutex_lock(&k->p->lock);
		if (!k->p->failed)
			sb_add(&k->p->err, sb_str(&err));
		k->p->failed = 1;
		pthread_mutex_unlock(&k->p->lock);
	}
	sb_free(&err);
	return NULL;
}

int outbox_pass(const struct outbox_sender *s, struct outbox_pass *r, struct sbuf *err)
{
	struct pass_state p = { .s = s, .now = (long)time(NULL) };
	pthread_mutex_init(&p.lock, NULL);
	struct worker *k = xcalloc((size_t)s->workers, sizeof *k);
	int started = 0;
	for (int i = 1; i < s->workers; i++) {	/* worker 0 is this thread */
		k[i] = (struct worker){ &p, i, 0 };
		if (pthread_create(&k[i].thread, NULL, worker_main, &k[i]) != 0)
			break;
		started = i;
	}
	k[0] = (struct worker){ &p, 0, 0 };
	worker_main(&k[0]);
	for (int i = 1; i <= started; i++)
		pthread_join(k[i].thread, NULL);
	free(k);
	pthread_mutex_destroy(&p.lock);
	*r = p.r;
	if (p.failed)
		sb_add(err, sb_str(&p.err));
	sb_free(&p.err);
	return p.failed ? -1 : 0;
}

/* A form column's value on a visit; the names come from the schema. */
static int column_value(sqlite3 *db, const char *table, const char *column, long visit, double *out, struct sbuf *err)
{
	struct sbuf sql = { 0 };
	/* names as the schema has them, quoted as identifiers; the visit is bound */
	sb_printf(&sql, "SELECT \"%s\" FROM \"%s\" WHERE kunjungan_id = ? AND \"%s\" IS NOT NULL", column, table, column);
	sqlite3_stmt *st = db_prepare(db, sb_str(&sql), err);
	sb_free(&sql);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, visit);
	int rc = sqlite3_step(st), found = rc == SQLITE_ROW;
	if (found)
		*out = sqlite3_column_double(st, 0);
	return db_finish(db, st, found ? SQLITE_DONE : rc, err) == 0 ? found : -1;
}

int outbox_form_value(sqlite3 *db, const char *table, const char *column, long visit, double *out, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT 1 FROM sqlite_schema m JOIN pragma_table_info(m.name) c "
					  "WHERE m.type = 'table' AND m.name = ?1 AND m.name GLOB 'f_*' AND c.name = ?2", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, column, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st), known = rc == SQLITE_ROW;
	if (db_finish(db, st, known ? SQLITE_DONE : rc, err) != 0)
		return -1;
	if (!known) {
		sb_printf(err, "formulir %s tidak punya kolom %s", table, column);
		return -1;
	}
	return column_value(db, table, column, visit, out, err);
}

int outbox_visit_value(sqlite3 *db, long visit, const char *column, double *out, char *table, size_t tsize,
		       struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT m.name FROM sqlite_schema m JOIN pragma_table_info(m.name) c "
					  "WHERE m.type = 'table' AND m.name GLOB 'f_*' AND c.name = ? ORDER BY m.name", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, column, -1, SQLITE_STATIC);
	int rc, found = 0;
	while (!found && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		found = column_value(db, name, column, visit, out, err);
		if (found < 0) {
			sqlite3_finalize(st);
			return -1;
		}
		if (found && table)
			str_copy(table, tsize, name);
	}
	return db_finish(db, st, found ? SQLITE_DONE : rc, err) == 0 ? found : -1;
}

/* One text column of a row found by text keys; "" when there is none. */
static int get_text(sqlite3 *db, const char *sql, const struct arg *a, int n, char *out, size_t size,
		    struct sbuf *err)
{
	*out = 0;
	sqlite3_stmt *st = db_prepare(db, sql, err);
	if (!st)
		return -1;
	bind_args(st, a, n);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		db_col_text(st, 0, out, size);
	return db_finish(db, st, rc == SQLITE_ROW ? SQLITE_DONE : rc, err);
}

int outbox_source_get(sqlite3 *db, long id, const char *jenis, const char *kunci, char *out, size_t size,
		      struct sbuf *err)
{
	struct arg a[3] = { { NULL, id }, { jenis, 0 }, { kunci, 0 } };
	return get_text(db, "SELECT sumber_id FROM kirim_sumber WHERE kirim_id = ? AND jenis = ? AND kunci = ?", a, 3,
			out, size, err);
}

int outbox_ihs_get(sqlite3 *db, const char *jenis, const char *nik, char *out, size_t size, struct sbuf *err)
{
	struct arg a[2] = { { jenis, 0 }, { nik, 0 } };
	return get_text(db, "SELECT ihs FROM kirim_ihs WHERE jenis = ? AND nik = ?", a, 2, out, size, err);
}

/* A platform id kept as a cache: lost to a power cut it costs one more
 * look-up, so its commit waits for the next fsync (the item's settling). */
static int cache_write(sqlite3 *db, const char *sql, const struct arg *a, int n, const char *what, struct sbuf *err)
{
	light_commits(db, 1);
	long rc = write1(db, sql, a, n, what, err);
	light_commits(db, 0);
	return rc < 0 ? -1 : 0;
}

int outbox_ihs_set(sqlite3 *db, const char *jenis, const char *nik, const char *ihs, struct sbuf *err)
{
	if (refuse_id(jenis, ihs, err) != 0)
		return -1;
	struct arg a[3] = { { jenis, 0 }, { nik, 0 }, { ihs, 0 } };
	return cache_write(db, "INSERT OR REPLACE INTO kirim_ihs (jenis, nik, ihs) VALUES (?, ?, ?)", a, 3, "kirim_ihs",
			   err);
}

int outbox_location_get(sqlite3 *db, const char *unit, char *out, size_t size, struct sbuf *err)
{
	struct arg a = { unit, 0 };
	return get_text(db, "SELECT lokasi FROM kirim_lokasi WHERE unit = ?", &a, 1, out, size, err);
}

int outbox_location_set(sqlite3 *db, const char *unit, const char *id, struct sbuf *err)
{
	if (refuse_id("Location", id, err) != 0)
		return -1;
	struct arg a[2] = { { unit, 0 }, { id, 0 } };
	return cache_write(db, "INSERT OR REPLACE INTO kirim_lokasi (unit, lokasi) VALUES (?, ?)", a, 2, "kirim_lokasi",
			   err);
}
