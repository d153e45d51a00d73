/* BPJS P-Care's request signature and response decryption, by OpenSSL's
 * libcrypto (HMAC-SHA256, SHA-256, AES-256-CBC, base64); no home-made crypto.
 * Only pkm-kirim links these. */
#ifndef PKM_PCARE_CRYPTO_H
#define PKM_PCARE_CRYPTO_H
#include "pkm/util.h"

/* base64(HMAC-SHA256(key, message)). */
void pcare_hmac(const char *key, const char *message, char out[64]);
/* X-signature: base64(HMAC-SHA256(key = secret, message = "cons_id&timestamp")). */
void pcare_signature(const char *cons_id, const char *secret, const char *timestamp, char out[64]);
/* base64 of `in` (the X-authorization's "user:password:kdAplikasi"). */
void pcare_base64(const char *in, struct sbuf *out);
/* A response's `response` field: base64, AES-256-CBC under key = SHA-256(cons_id
 * + secret + timestamp) with IV its first 16 bytes, then LZ-string. The JSON
 * text into out; -1 with err when any step fails. */
int pcare_decrypt(const char *cons_id, const char *secret, const char *timestamp, const char *in, struct sbuf *out,
		  struct sbuf *err);

#endif
