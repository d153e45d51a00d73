/* The SATUSEHAT sender: takes due items from the outbox, looks up the ids the
 * platform knows people and places by, and sends each visit as one transaction
 * Bundle. Crash-safe: the outbox claims each item before a request leaves,
 * and an attempt after one whose answer was not read to the end and stored
 * first asks the platform what it already has, so a visit is never created
 * twice. */
#ifndef PKM_SATUSEHAT_H
#define PKM_SATUSEHAT_H
#include <sqlite3.h>
#include "pkm/config.h"
#include "pkm/util.h"

struct http;
struct outbox_claim;
struct satusehat {
	sqlite3 *db;
	const struct pkm_config *cfg;
	struct http *http;
	struct outbox_claim *claim;	/* the item being sent, during a pass */
	char secret[512];		/* client_secret: memory only, never written anywhere */
	char token[4096];
	long token_until;		/* Unix time after which a new token is fetched */
	struct satusehat *more;		/* the other workers ([satusehat] paralel - 1), each its own connection */
	int n_more;
};

/* Reads the secret file (refused when others can read it), and opens
 * db_path once more for each further worker. 0 on success. */
int satusehat_open(struct satusehat *s, sqlite3 *db, const char *db_path, const struct pkm_config *c,
		   struct sbuf *err);
void satusehat_close(struct satusehat *s);

/* One pass over what is due now: each item tried once, by paralel workers
 * side by side. -1 only when the database fails (a platform's failure is
 * the item's, recorded on it). */
struct outbox_pass;
int satusehat_pass(struct satusehat *s, struct outbox_pass *r, struct sbuf *err);

#endif
