/* The outbox's state machine for an item's attempt: claimed only while still
 * due and in doubt before send runs; settled sent with the platform's ids in
 * one transaction, or failed in doubt while a write's outcome is not stored;
 * an id without its form never stored. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "pkm/db.h"
#include "pkm/open.h"
#include "pkm/outbox.h"
#include "pkm/patient.h"
#include "pkm/visit.h"

static void exec_ok(sqlite3 *db, const char *sql)
{
	struct sbuf err = { 0 };
	if (db_exec(db, sql, &err) != 0)
		fail_msg("%s: %s", sql, sb_str(&err));
}

static long number(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = db_prepare(db, sql, NULL);
	assert_non_null(st);
	long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	return n;
}

/* A database at `path` with `n` visits queued for SATUSEHAT. */
static sqlite3 *queued(const char *path, int n)
{
	struct sbuf err = { 0 };
	sqlite3 *db = pkm_open(path, &err);
	assert_non_null(db);
	exec_ok(db, "INSERT INTO kirim_atur VALUES ('satusehat', '2026-01-01')");
	struct patient p = { .sex = 'P' };
	strcpy(p.nama, "Sri Wahyuni");
	strcpy(p.tanggal_lahir, "1990-01-01");
	strcpy(p.penjamin, "UMUM");
	if (patient_save_new(db, &p, &err) != 0)
		fail_msg("%s", sb_str(&err));
	for (int i = 0; i < n; i++) {
		struct visit v;
		int created;
		if (visit_open(db, &p, (struct date){ 2026, 1 + i / 28, 1 + i % 28 }, "K3", "UMUM", &v, &created, &err) != 0)
			fail_msg("%s", sb_str(&err));
	}
	assert_int_equal(number(db, "SELECT count(*) FROM kirim WHERE tujuan = 'satusehat'"), n);
	return db;
}

/* A name for a database file of its own (connections of several threads
 * cannot share :memory:), and its removal with the files beside it. */
static void fresh_path(char path[32])
{
	strcpy(path, "/tmp/pkm-outbox-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	unlink(path);
}

static void remove_db(const char *path)
{
	static const char *const tail[] = { "", "-wal", "-shm", "-pkm.kunci" };
	char name[64];
	for (int i = 0; i < 4; i++) {
		snprintf(name, sizeof name, "%s%s", path, tail[i]);
		unlink(name);
	}
}

/* What a test's send does, and what it saw. */
struct script {
	int calls, leaves, known, asked;
	const char *id;		/* an Encounter id reported with done, or NULL: failed */
	long ragu_seen, tries_seen;
};

static int scripted(void *ctx, struct outbox_claim *c, struct outbox_outcome *o, struct sbuf *err)
{
	(void)err;
	struct script *s = ctx;
	s->calls++;
	char sql[96];
	snprintf(sql, sizeof sql, "SELECT ragu FROM kirim WHERE id = %ld", c->id);
	s->ragu_seen = number(c->db, sql);
	snprintf(sql, sizeof sql, "SELECT percobaan FROM kirim WHERE id = %ld", c->id);
	s->tries_seen = number(c->db, sql);
	if (s->asked && c->ask)
		outbox_asked(c);
	for (int i = 0; i < s->leaves; i++)
		outbox_write_leaves(c);
	for (int i = 0; i < s->known; i++)
		outbox_write_known(c);
	if (s->id) {
		o->done = 1;
		outbox_outcome_id(o, "Encounter", "", s->id);
	} else {
		o->how = OUTBOX_RETRY;
		snprintf(o->why, sizeof o->why, "jawaban tidak terbaca");
	}
	return 0;
}

static void pass_ok(sqlite3 *db, struct script *s, struct outbox_pass *r)
{
	struct sbuf err = { 0 };
	void *ctx = s;
	struct outbox_sender snd = { "satusehat", 2, 0, 0, scripted, 1, &db, &ctx };
	if (outbox_pass(&snd, r, &err) != 0)
		fail_msg("%s", sb_str(&err));
}

static void test_sent_with_ids(void **st)
{
	(void)st;
	sqlite3 *db = queued(":memory:", 1);
	struct script s = { .leaves = 1, .id = "enc-1.a" };
	struct outbox_pass r;
	pass_ok(db, &s, &r);
	assert_int_equal(r.sent, 1);
	assert_int_equal(s.ragu_seen, 1);	/* in doubt, and counted, before any request */
	assert_int_equal(s.tries_seen, 1);
	assert_int_equal(number(db, "SELECT ragu + 10 * (status = 'terkirim') FROM kirim"), 10);
	assert_int_equal(number(db, "SELECT count(*) FROM kirim_sumber WHERE sumber_id = 'enc-1.a'"), 1);
	sqlite3_close(db);
}

static void test_open_write_is_doubt(void **st)
{
	(void)st;
	sqlite3 *db = queued(":memory:", 1);
	struct script s = { .leaves = 2, .known = 1 };	/* one write's answer unusable */
	struct outbox_pass r;
	pass_ok(db, &s, &r);
	assert_int_equal(r.failed, 1);
	assert_int_equal(number(db, "SELECT ragu FROM kirim"), 1);
	/* settling: not due again until 2 s after the attempt, then asked first */
	pass_ok(db, &s, &r);
	assert_int_equal(s.calls, 1);
	exec_ok(db, "UPDATE kirim SET dicoba = dicoba - 3, coba_lagi = 0");
	s = (struct script){ .leaves = 1, .known = 1 };
	pass_ok(db, &s, &r);
	assert_int_equal(s.calls, 1);
	assert_int_equal(number(db, "SELECT ragu FROM kirim"), 1);	/* claimed in doubt, never asked */
	exec_ok(db, "UPDATE kirim SET dicoba = dicoba - 3, coba_lagi = 0");
	s = (struct script){ .leaves = 1, .known = 1, .asked = 1 };
	pass_ok(db, &s, &r);
	assert_int_equal(number(db, "SELECT ragu FROM kirim"), 0);	/* asked, and every write known */
	sqlite3_close(db);
}

static void test_bad_id_not_kept(void **st)
{
	(void)st;
	sqlite3 *db = queued(":memory:", 1);
	struct script s = { .leaves = 1, .id = "../Encounter/lain" };
	struct outbox_pass r;
	pass_ok(db, &s, &r);
	assert_int_equal(r.sent, 0);
	assert_int_equal(number(db, "SELECT ragu + 10 * (status = 'menunggu') FROM kirim"), 11);
	assert_int_equal(number(db, "SELECT count(*) FROM kirim WHERE galat LIKE '%tidak sah%'"), 1);
	assert_int_equal(number(db, "SELECT count(*) FROM kirim_sumber"), 0);
	sqlite3_close(db);
}

/* Another sender claims the item between this one's reading it as due and
 * claiming it: this one must leave it alone. */
static sqlite3 *rival;
static int rival_claims(unsigned type, void *ctx, void *p, void *x)
{
	(void)type, (void)ctx, (void)x;
	const char *sql = sqlite3_sql(p);
	if (rival && sql && strncmp(sql, "SELECT id FROM kirim WHERE", 26) == 0) {
		exec_ok(rival, "UPDATE kirim SET percobaan = percobaan + 1, ragu = 1, dicoba = unixepoch()");
		rival = NULL;
	}
	return 0;
}

static void test_claim_only_if_due(void **st)
{
	(void)st;
	char path[32];
	fresh_path(path);
	sqlite3 *db = queued(path, 1);
	struct sbuf err = { 0 };
	rival = pkm_open(path, &err);
	assert_non_null(rival);
	sqlite3 *other = rival;
	sqlite3_trace_v2(db, SQLITE_TRACE_PROFILE, rival_claims, NULL);
	struct script s = { .id = "enc-2" };
	struct outbox_pass r;
	pass_ok(db, &s, &r);
	assert_null(rival);	/* the rival did claim it */
	assert_int_equal(s.calls, 0);
	assert_int_equal(number(db, "SELECT percobaan FROM kirim"), 1);
	sqlite3_close(other);
	sqlite3_close(db);
	remove_db(path);
}

/* Workers side by side, each on its own connection: every item is claimed
 * by one of them, once, and all are sent. */
#define ITEMS 24
#define WORKERS 4
static pthread_mutex_t seen_lock = PTHREAD_MUTEX_INITIALIZER;
static int seen[ITEMS + 1], busy, most_busy;

static int in_parallel(void *ctx, struct outbox_claim *c, struct outbox_outcome *o, struct sbuf *err)
{
	(void)ctx, (void)err;
	pthread_mutex_lock(&seen_lock);
	seen[c->id]++;
	if (++busy > most_busy)
		most_busy = busy;
	pthread_mutex_unlock(&seen_lock);
	usleep(20000);	/* a platform's round trip */
	pthread_mutex_lock(&seen_lock);
	busy--;
	pthread_mutex_unlock(&seen_lock);
	char id[32];
	snprintf(id, sizeof id, "enc-%ld", c->id);
	o->done = 1;
	outbox_outcome_id(o, "Encounter", "", id);
	return 0;
}

static void test_workers(void **st)
{
	(void)st;
	char path[32];
	fresh_path(path);
	sqlite3 *db[WORKERS];
	void *ctx[WORKERS] = { 0 };
	db[0] = queued(path, ITEMS);
	struct sbuf err = { 0 };
	for (int i = 1; i < WORKERS; i++)
		assert_non_null(db[i] = pkm_open(path, &err));
	struct outbox_sender snd = { "satusehat", 2, 0, 1, in_parallel, WORKERS, db, ctx };
	struct outbox_pass r;
	if (outbox_pass(&snd, &r, &err) != 0)
		fail_msg("%s", sb_str(&err));
	assert_int_equal(r.sent, ITEMS);
	for (int i = 1; i <= ITEMS; i++)
		assert_int_equal(seen[i], 1);
	assert_true(most_busy > 1);	/* they did overlap */
	assert_int_equal(number(db[0], "SELECT count(*) FROM kirim WHERE status = 'terkirim' AND ragu = 0"), ITEMS);
	assert_int_equal(number(db[0], "SELECT count(DISTINCT sumber_id) FROM kirim_sumber"), ITEMS);
	for (int i = 0; i < WORKERS; i++)
		sqlite3_close(db[i]);
	remove_db(path);
}

static void test_id_forms(void **st)
{
	(void)st;
	assert_true(outbox_id_ok("pendaftaran", "A12"));
	assert_true(outbox_id_ok("kunjungan", "0114U00000002Y000003"));
	assert_false(outbox_id_ok("kunjungan", "../kunjungan/0114U1"));
	assert_false(outbox_id_ok("pendaftaran", ""));
	char long_no[201];
	memset(long_no, '9', 200);
	long_no[200] = 0;
	assert_false(outbox_id_ok("pendaftaran", long_no));
	assert_false(outbox_id_ok("obat", "12.5"));
	assert_true(outbox_id_ok("Encounter", "2f1d9f3a-77b2-4c1e-9d2b-0c6a1e0b5a11"));
	assert_true(outbox_id_ok("Patient", "P02478375538"));
	assert_false(outbox_id_ok("Patient", "P1\r\nX-Evil: 1"));
	assert_false(outbox_id_ok("Encounter", ".."));
	assert_false(outbox_id_ok("Encounter", "a/b"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sent_with_ids), cmocka_unit_test(test_open_write_is_doubt),
		cmocka_unit_test(test_bad_id_not_kept), cmocka_unit_test(test_claim_only_if_due),
		cmocka_unit_test(test_workers), cmocka_unit_test(test_id_forms),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
