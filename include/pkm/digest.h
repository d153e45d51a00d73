/* SHA-256 of a stream of bytes, by OpenSSL's libcrypto, which is loaded only
 * when something is hashed (an import, a report signed off): a desk's session
 * maps it only when it signs a report. */
#ifndef PKM_DIGEST_H
#define PKM_DIGEST_H
#include <stddef.h>

struct digest;
/* 0 when SHA-256 can be computed; else -1 and `why` (may be NULL) says so.
 * Safe from any thread. */
int digest_ready(const char **why);
/* NULL when libcrypto cannot be loaded; `why` (may be NULL) then says so. */
struct digest *digest_new(const char **why);
void digest_add(struct digest *d, const void *bytes, size_t n);
/* Start again from nothing (the stream was rewound). */
void digest_restart(struct digest *d);
/* The digest as 64 hex digits, and the state freed; d may be NULL ("" then). */
void digest_end(struct digest *d, char hex[65]);
#endif
