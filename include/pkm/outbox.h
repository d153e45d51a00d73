/* The outbox: visits queued for a national platform by triggers in the same
 * transaction as the visit (db/018_kirim.sql), and what a sender, the screens
 * and `pkm kirim` do with them. Plain SQLite: the network lives in pkm-kirim. */
#ifndef PKM_OUTBOX_H
#define PKM_OUTBOX_H
#include <sqlite3.h>
#include "pkm/config.h"
#include "pkm/util.h"

#define OUTBOX_MAX_ATTEMPTS 5	/* then an item waits for a person */

/* Make kirim_atur say what the configuration says ([satusehat] and [pcare]
 * aktif, mulai);
 * writes only when they differ, and nothing when the file does not say aktif
 * (a command run with another file must not stop the queue). 0 on success. */
int outbox_configure(sqlite3 *db, const struct pkm_config *c, struct sbuf *err);

struct outbox_counts { long menunggu, gagal, terkirim; };
/* The items by status; terkirim only when `sent` (it reads every sent item:
 * the screens ask for the waiting and failed ones alone, from the index). */
int outbox_count(sqlite3 *db, const char *tujuan, int sent, struct outbox_counts *n, struct sbuf *err);

struct outbox_item {
	long id, kunjungan_id, percobaan, coba_lagi;
	int tunggu;
	char status[12], tanggal[11], unit[16], no_rm[16], nama[64], galat[256];
};
/* Items not yet sent (menunggu, gagal), oldest first, from after_id on, at most
 * max: the count read, -1 with err on failure. */
long outbox_pending(sqlite3 *db, const char *tujuan, long after_id, struct outbox_item *items, long max,
		    struct sbuf *err);
/* `pkm kirim ulang`: an item (id > 0) or every item (0) of a platform (NULL:
 * any) that failed or waits is due again, its attempts forgotten. The number of items, -1 on failure. */
long outbox_retry(sqlite3 *db, const char *tujuan, long id, struct sbuf *err);

/* For the sender. The next item due at `now` with id > after_id: its id, 0 when
 * none, -1 on failure. An item whose last attempt may have reached the
 * platform is due only `settle` seconds after that attempt (its requests
 * have ended by then, so asking the platform finds what they made). */
long outbox_next_due(sqlite3 *db, const char *tujuan, long now, long after_id, long settle, struct sbuf *err);
/* One pass of a sender over what is due now: send(ctx, id) for each due item,
 * once (1 sent, 0 failed and recorded on the item, -1 the database failed). */
struct outbox_pass { long sent, failed; };
int outbox_pass(sqlite3 *db, const char *tujuan, long settle, int (*send)(void *ctx, long id, struct sbuf *err),
		void *ctx, struct outbox_pass *r, struct sbuf *err);
/* Record an attempt before it goes out (committed, so a kill -9 leaves a trace):
 * whether an earlier attempt may have reached the platform (ask it first), the
 * version being sent. 0 on success. */
int outbox_attempt(sqlite3 *db, long id, long now, long jeda, int *uncertain, long *versi, struct sbuf *err);
/* The platform has version `versi`: terkirim, unless the visit changed since,
 * or `stale` (it kept an older copy it had; the ids are known now, so the
 * next attempt updates it). */
int outbox_sent(sqlite3 *db, long id, long versi, int stale, struct sbuf *err);
/* The attempt failed: retried after the backoff unless `permanent` or attempts
 * ran out (then gagal); waits_for_data: waits for the data to change instead.
 * doubt: the platform may hold what this attempt sent (a request went
 * unanswered), so the next attempt asks it first. */
enum outbox_failure { OUTBOX_RETRY, OUTBOX_PERMANENT, OUTBOX_WAIT_DATA };
int outbox_failed(sqlite3 *db, long id, enum outbox_failure how, const char *why, int doubt, struct sbuf *err);
/* The platform's id of a resource of an item (jenis Encounter/Condition/
 * Observation, kunci '' / ICD-10 / LOINC); "" when none. */
int outbox_source_get(sqlite3 *db, long id, const char *jenis, const char *kunci, char *out, size_t size,
		      struct sbuf *err);
int outbox_source_set(sqlite3 *db, long id, const char *jenis, const char *kunci, const char *sumber_id,
		      struct sbuf *err);
int outbox_source_drop(sqlite3 *db, long id, const char *jenis, const char *kunci, struct sbuf *err);
/* The value of a form column of a visit: 1 found (*out), 0 none, -1 failure
 * or no such form column (the names may come from the configuration, so they
 * are checked against the schema before they reach SQL). */
int outbox_form_value(sqlite3 *db, const char *table, const char *column, long visit, double *out, struct sbuf *err);
/* What a visit's forms recorded for `column` (a vital sign): the value of the
 * first form, by table name, that has one; 1 found (*out, and the form's
 * table when `table` is not NULL), 0 none, -1 failure. */
int outbox_visit_value(sqlite3 *db, long visit, const char *column, double *out, char *table, size_t tsize,
		       struct sbuf *err);
/* Cached platform ids: a Patient or Practitioner by NIK, a unit's Location. */
int outbox_ihs_get(sqlite3 *db, const char *jenis, const char *nik, char *out, size_t size, struct sbuf *err);
int outbox_ihs_set(sqlite3 *db, const char *jenis, const char *nik, const char *ihs, struct sbuf *err);
int outbox_location_get(sqlite3 *db, const char *unit, char *out, size_t size, struct sbuf *err);
int outbox_location_set(sqlite3 *db, const char *unit, const char *id, struct sbuf *err);

#endif
