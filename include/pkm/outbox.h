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

/* What a failed attempt means: tried again after the backoff, or (or once
 * attempts ran out) gagal until a person sends it again, or waiting for the
 * data to change. */
enum outbox_failure { OUTBOX_RETRY, OUTBOX_PERMANENT, OUTBOX_WAIT_DATA };

/* For the senders: an item's attempt is one state machine owned here.
 * outbox_pass claims each due item (still due, counted, marked in doubt and
 * committed before any request leaves), hands it to the platform's send, and
 * settles it from the outcome send reports: sent, with the ids the platform
 * made stored in the same transaction, or failed, in doubt when the platform
 * was not asked after an earlier doubtful attempt or when any request of
 * this one may have changed the platform without its outcome stored. A
 * platform module builds requests and reads answers; it reports what its
 * requests did and decides nothing about the item. */
struct outbox_claim {
	sqlite3 *db;
	long id, versi;
	int ask;	/* an earlier attempt may have reached the platform: ask it before creating anything */
	int open;	/* this attempt's writes whose outcome is not stored yet */
};
/* An id the platform gave, to store (id) or forget (id NULL) under (jenis, kunci). */
struct outbox_source { const char *jenis, *kunci, *id; };
struct outbox_outcome {
	int done;			/* the platform has the claimed version */
	int stale;			/* done, but it kept an older copy: the next attempt updates it */
	char wait[256];			/* done, but part of the record waits for its data (why): the item
					 * waits too (tunggu, no attempt spent) until that data changes */
	enum outbox_failure how;	/* when not done */
	char why[512];
	struct outbox_source *ids;	/* stored with the settling, when done (outbox_outcome_id) */
	int n_ids;
};
/* An id for the settling to store (id) or forget (NULL); the texts are copied. */
void outbox_outcome_id(struct outbox_outcome *o, const char *jenis, const char *kunci, const char *id);
/* send: 0 with the outcome filled, -1 when the database failed. */
typedef int (*outbox_send_fn)(void *ctx, struct outbox_claim *c, struct outbox_outcome *o, struct sbuf *err);
/* A platform's sender: `workers` of them side by side, each with its own
 * connection and state (db[i], ctx[i]); every item is claimed by one. */
struct outbox_sender {
	const char *tujuan;
	long settle;		/* seconds an attempt that may have reached the platform rests before its item is
				 * due again (its requests have ended by then, so asking finds what they made) */
	long jeda;		/* the backoff's unit */
	int light_claim;	/* the platform's creates are conditional: a claim lost to a power cut sends nothing
				 * twice, so it is committed without an fsync of its own (the settling's carries it) */
	outbox_send_fn send;
	int workers;
	sqlite3 *const *db;
	void *const *ctx;
};
struct outbox_pass { long sent, failed; };
/* One pass over what is due now, each item once, by the sender's workers.
 * -1 when the database failed (what was claimed stays in doubt). */
int outbox_pass(const struct outbox_sender *s, struct outbox_pass *r, struct sbuf *err);
/* Whether an id a platform gave has its form (P-Care's numbers: letters and
 * digits; FHIR ids: letters, digits, '-', '.', no ".."), before it is stored
 * or put in a path. */
int outbox_id_ok(const char *jenis, const char *id);
/* A request that may change the platform leaves; open until its outcome is
 * stored (outbox_write_stored) or read to the end and known to leave nothing
 * to store (outbox_write_known: refused, deleted, updated in place). */
void outbox_write_leaves(struct outbox_claim *c);
void outbox_write_known(struct outbox_claim *c);
/* What a write made (or removed), stored in one transaction; the write is
 * settled only when it is. 0, -1 (an id without its form, or the database:
 * the write stays open, so the item stays in doubt). */
int outbox_write_stored(struct outbox_claim *c, const struct outbox_source *s, int n, struct sbuf *err);
/* What the platform already had, found by asking it: stored the same way,
 * settling no write. The platform has been asked once outbox_asked. */
int outbox_adopt(struct outbox_claim *c, const struct outbox_source *s, int n, struct sbuf *err);
void outbox_asked(struct outbox_claim *c);
/* The platform's id of a resource of an item (jenis Encounter/Condition/
 * Observation, pendaftaran/kunjungan/obat/tindakan; kunci '' / ICD-10 /
 * LOINC / kdPoli / code); "" when none. */
int outbox_source_get(sqlite3 *db, long id, const char *jenis, const char *kunci, char *out, size_t size,
		      struct sbuf *err);
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
