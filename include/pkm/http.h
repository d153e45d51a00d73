/* HTTP for the senders, by libcurl: TLS verified (libcurl's default, never
 * turned off), one connection kept between requests, every request bounded by
 * a time-out. Linked only into pkm-kirim: a desk's session never maps libcurl. */
#ifndef PKM_HTTP_H
#define PKM_HTTP_H
#include "pkm/util.h"

struct http;
/* NULL when libcurl cannot start. timeout: seconds a whole request may take. */
struct http *http_new(long timeout);
void http_free(struct http *h);

struct http_response {
	long status;		/* 0 when no response came */
	struct sbuf body;
	char error[256];	/* why no response came, in words */
};
/* method GET/POST/PUT; headers NULL-terminated ("Name: value"); body NULL for
 * none. 0 when a response came (any status), -1 on a network failure or a
 * time-out (r->error says which). Free r->body with sb_free. */
int http_request(struct http *h, const char *method, const char *url, const char *const *headers,
		 const char *body, struct http_response *r);
/* Whether a request since the last clear may have changed something at the
 * server without the caller knowing: it went unanswered once it may have
 * arrived (a time-out, a dropped connection), or got a 5xx. A sender asks
 * the platform before it sends such an item again. */
void http_doubt_clear(struct http *h);
int http_in_doubt(const struct http *h);
/* Percent-encode s for a URL query or a form body into b. */
void http_escape(struct http *h, struct sbuf *b, const char *s);

#endif
