/* HTTP for the senders, by libcurl: TLS verified (libcurl's default, never
 * turned off), every request bounded by a time-out and its answer by a size.
 * A connection is kept between reads (GET) only: a request that may change
 * the platform goes on a fresh connection, because libcurl resends a request
 * whose reused connection died before an answer, and a request that changes
 * something is never resent by this layer. Linked only into pkm-kirim: a
 * desk's session never maps libcurl. */
#ifndef PKM_HTTP_H
#define PKM_HTTP_H
#include "pkm/util.h"

struct http;
/* NULL when libcurl cannot start. timeout: seconds a whole request may take;
 * max_body: the largest answer read, in bytes (a larger one is refused). */
struct http *http_new(long timeout, long max_body);
void http_free(struct http *h);

struct http_response {
	long status;		/* 0 when no response came */
	struct sbuf body;
	char error[256];	/* why no response came, in words */
	int unsent;		/* no response, and the request surely never reached the server */
};
/* method GET/POST/PUT/DELETE; headers NULL-terminated ("Name: value"); body
 * NULL for none. 0 when a whole response came (any status), -1 on a network
 * failure, a time-out, an answer over max_body, or a URL that is not https
 * (http only to this machine) or carries a user name (r->error says which).
 * Free r->body with sb_free. */
int http_request(struct http *h, const char *method, const char *url, const char *const *headers,
		 const char *body, struct http_response *r);
/* Percent-encode s for a URL query or a form body into b. */
void http_escape(struct http *h, struct sbuf *b, const char *s);

#endif
