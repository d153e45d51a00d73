/* P-Care's crypto with libcrypto's EVP interface. Keys and plain text are
 * wiped after use: they derive from the consumer secret. */
#include "pkm/pcare_crypto.h"
#include "pkm/lzstring.h"
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/crypto.h>
#include <stdlib.h>
#include <string.h>

void pcare_hmac(const char *key, const char *message, char out[64])
{
	unsigned char mac[EVP_MAX_MD_SIZE];
	unsigned int n = 0;
	HMAC(EVP_sha256(), key, (int)strlen(key), (const unsigned char *)message, strlen(message), mac, &n);
	EVP_EncodeBlock((unsigned char *)out, mac, (int)n);	/* 32 bytes: 44 characters */
	OPENSSL_cleanse(mac, sizeof mac);
}

void pcare_signature(const char *cons_id, const char *secret, const char *timestamp, char out[64])
{
	struct sbuf msg = { 0 };
	sb_printf(&msg, "%s&%s", cons_id, timestamp);
	pcare_hmac(secret, sb_str(&msg), out);
	sb_free(&msg);
}

void pcare_base64(const char *in, struct sbuf *out)
{
	size_t n = strlen(in);
	unsigned char *b = xmalloc(4 * ((n + 2) / 3) + 1);
	EVP_EncodeBlock(b, (const unsigned char *)in, (int)n);
	sb_add(out, (const char *)b);
	OPENSSL_cleanse(b, 4 * ((n + 2) / 3) + 1);
	free(b);
}

/* base64 to bytes, whitespace and padding handled by the streaming decoder;
 * the count, -1 when not base64. */
static int unbase64(const char *in, unsigned char *out)
{
	EVP_ENCODE_CTX *ctx = EVP_ENCODE_CTX_new();
	int n = 0, m = 0;
	EVP_DecodeInit(ctx);
	int rc = EVP_DecodeUpdate(ctx, out, &n, (const unsigned char *)in, (int)strlen(in));
	if (rc >= 0 && EVP_DecodeFinal(ctx, out + n, &m) == 1)
		n += m;
	else
		n = -1;
	EVP_ENCODE_CTX_free(ctx);
	return n;
}

int pcare_decrypt(const char *cons_id, const char *secret, const char *timestamp, const char *in, struct sbuf *out,
		  struct sbuf *err)
{
	size_t len = strlen(in);
	if (len > (size_t)LZ_MAX_OUTPUT) {
		sb_add(err, "jawaban P-Care terlalu besar");
		return -1;
	}
	unsigned char key[32];
	struct sbuf k = { 0 };
	sb_printf(&k, "%s%s%s", cons_id, secret, timestamp);
	EVP_Digest(sb_str(&k), k.len, key, NULL, EVP_sha256(), NULL);
	OPENSSL_cleanse(k.s, k.len);
	sb_free(&k);
	unsigned char *cipher = xmalloc(len / 4 * 3 + 4), *plain = xmalloc(len / 4 * 3 + 36);
	int n = unbase64(in, cipher), m = 0, f = 0, rc = -1;
	EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
	if (n <= 0)
		sb_add(err, "jawaban P-Care bukan base64");
	else if (EVP_DecryptInit_ex(ctx, EVP_aes_256_cbc(), NULL, key, key) != 1 ||
		 EVP_DecryptUpdate(ctx, plain, &m, cipher, n) != 1 || EVP_DecryptFinal_ex(ctx, plain + m, &f) != 1)
		sb_add(err, "jawaban P-Care tidak dapat dibuka (kunci atau waktu tidak cocok)");
	else if (memchr(plain, 0, (size_t)(m + f)))
		sb_add(err, "jawaban P-Care berisi byte nol");
	else {
		plain[m + f] = 0;
		rc = lz_decompress_uri((const char *)plain, out, err);
	}
	EVP_CIPHER_CTX_free(ctx);
	OPENSSL_cleanse(key, sizeof key);
	OPENSSL_cleanse(plain, len / 4 * 3 + 36);
	free(cipher);
	free(plain);
	return rc;
}
