/* libcurl behind a few calls. The error buffer never holds a request body, so
 * a secret sent in one cannot reach a message. */
#include "pkm/http.h"
#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>

struct http {
	CURL *curl;
	long timeout;
	int doubt;	/* since http_doubt_clear: a request may have done something unseen */
};

struct http *http_new(long timeout)
{
	static int started;
	if (!started && curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return NULL;
	started = 1;
	CURL *c = curl_easy_init();
	if (!c)
		return NULL;
	struct http *h = xcalloc(1, sizeof *h);
	h->curl = c;
	h->timeout = timeout;
	return h;
}

void http_free(struct http *h)
{
	if (!h)
		return;
	curl_easy_cleanup(h->curl);
	free(h);
}

static size_t take(char *data, size_t size, size_t n, void *user)
{
	sb_addn(user, data, size * n);
	return size * n;
}

/* What a person can do about a failure, in Indonesian. */
static const char *failure_words(CURLcode rc)
{
	switch (rc) {
	case CURLE_OPERATION_TIMEDOUT: return "batas waktu habis (server tidak menjawab)";
	case CURLE_COULDNT_RESOLVE_HOST: return "nama server tidak ditemukan (periksa internet)";
	case CURLE_COULDNT_CONNECT: return "tidak dapat tersambung ke server";
	case CURLE_PEER_FAILED_VERIFICATION: return "sertifikat TLS server tidak sah";
	case CURLE_SSL_CONNECT_ERROR: return "sambungan TLS gagal";
	case CURLE_GOT_NOTHING: return "server memutus sambungan tanpa jawaban";
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR: return "sambungan terputus";
	default: return "jaringan gagal";
	}
}

int http_request(struct http *h, const char *method, const char *url, const char *const *headers,
		 const char *body, struct http_response *r)
{
	CURL *c = h->curl;
	r->status = 0;
	r->error[0] = 0;
	sb_reset(&r->body);
	curl_easy_reset(c);
	struct curl_slist *list = NULL;
	for (; headers && *headers; headers++)
		list = curl_slist_append(list, *headers);
	list = curl_slist_append(list, "Expect:");	/* no 100-continue round trip */
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, list);
	curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, h->timeout);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, h->timeout < 10 ? h->timeout : 10L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, take);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &r->body);
	if (body) {
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)strlen(body));
	} else if (strcmp(method, "GET") == 0)
		curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
	CURLcode rc = curl_easy_perform(c);
	curl_slist_free_all(list);
	if (rc != CURLE_OK) {
		snprintf(r->error, sizeof r->error, "%s", failure_words(rc));
		/* only a connection never made is sure to have done nothing */
		h->doubt |= rc != CURLE_COULDNT_CONNECT && rc != CURLE_COULDNT_RESOLVE_HOST &&
			    rc != CURLE_COULDNT_RESOLVE_PROXY;
		return -1;
	}
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
	h->doubt |= r->status >= 500;	/* it may have done part of it */
	return 0;
}

void http_doubt_clear(struct http *h) { h->doubt = 0; }
int http_in_doubt(const struct http *h) { return h->doubt; }

void http_escape(struct http *h, struct sbuf *b, const char *s)
{
	char *e = curl_easy_escape(h->curl, s, 0);
	if (e)
		sb_add(b, e);
	curl_free(e);
}
