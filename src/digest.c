#include "pkm/digest.h"
#include "pkm/util.h"
#include <dlfcn.h>
#include <pthread.h>
#include <openssl/evp.h>
#include <stdio.h>
#include <stdlib.h>

/* libcrypto costs a process 1.4 MB of RSS merely linked (its relocations and
 * the pages its start-up touches), so it is opened on first use. */
static struct {
	__typeof__(&EVP_MD_CTX_new) ctx_new;
	__typeof__(&EVP_MD_CTX_free) ctx_free;
	__typeof__(&EVP_sha256) sha256;
	__typeof__(&EVP_DigestInit_ex) init;
	__typeof__(&EVP_DigestUpdate) update;
	__typeof__(&EVP_DigestFinal_ex) final;
} lib;

struct digest {
	EVP_MD_CTX *ctx;
};

static void open_lib(void)
{
	void *h = dlopen("libcrypto.so.3", RTLD_LAZY | RTLD_LOCAL);
	if (!h)
		return;
	/* POSIX: a function pointer may be read out of dlsym's void * this way */
	*(void **)&lib.ctx_new = dlsym(h, "EVP_MD_CTX_new");
	*(void **)&lib.ctx_free = dlsym(h, "EVP_MD_CTX_free");
	*(void **)&lib.sha256 = dlsym(h, "EVP_sha256");
	*(void **)&lib.init = dlsym(h, "EVP_DigestInit_ex");
	*(void **)&lib.update = dlsym(h, "EVP_DigestUpdate");
	*(void **)&lib.final = dlsym(h, "EVP_DigestFinal_ex");
	if (!lib.ctx_new || !lib.ctx_free || !lib.sha256 || !lib.init || !lib.update || !lib.final)
		lib.final = NULL;	/* all or nothing */
}

/* Once per process, whichever thread comes first (the sender's workers hash
 * at the same time). */
int digest_ready(const char **why)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, open_lib);
	if (!lib.final && why)
		*why = "pustaka libcrypto.so.3 (paket libssl3) tidak dapat dimuat";
	return lib.final ? 0 : -1;
}

struct digest *digest_new(const char **why)
{
	if (digest_ready(why) != 0)
		return NULL;
	struct digest *d = xcalloc(1, sizeof *d);
	d->ctx = lib.ctx_new();
	if (!d->ctx || lib.init(d->ctx, lib.sha256(), NULL) != 1) {
		lib.ctx_free(d->ctx);
		free(d);
		if (why)
			*why = "SHA-256 tidak dapat dimulai";
		return NULL;
	}
	return d;
}

void digest_add(struct digest *d, const void *bytes, size_t n) { lib.update(d->ctx, bytes, n); }

void digest_restart(struct digest *d) { lib.init(d->ctx, lib.sha256(), NULL); }

void digest_end(struct digest *d, char hex[65])
{
	hex[0] = '\0';
	if (!d)
		return;
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0;
	if (lib.final(d->ctx, md, &n) == 1)
		for (unsigned int i = 0; i < n && i < 32; i++)
			snprintf(hex + 2 * i, 3, "%02x", md[i]);
	lib.ctx_free(d->ctx);
	free(d);
}
