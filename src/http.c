/* libcurl behind a few calls. The error buffer never holds a request body, so
 * a secret sent in one cannot reach a message. */
#include "pkm/http.h"
#include <curl/curl.h>
#include <stdlib.h>
#include <string.h>

struct http {
	CURL *curl;
	long timeout, max_body;
};

/* An answer being read, refused past its cap. */
struct answer { struct sbuf *body; long max; int over; };

struct http *http_new(long timeout, long max_body)
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
	h->max_body = max_body;
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
	struct answer *a = user;
	if (a->body->len + size * n > (size_t)a->max) {
		a->over = 1;
		return 0;	/* libcurl stops the transfer */
	}
	sb_addn(a->body, data, size * n);
	return size * n;
}

/* https, or http to this machine only (the tests' servers); never a user
 * name or password in the URL, which could hide the real host. */
static int url_allowed(const char *url)
{
	CURLU *u = curl_url();
	char *scheme = NULL, *host = NULL, *user = NULL, *pass = NULL;
	int ok = u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
		 curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
		 curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
		 curl_url_get(u, CURLUPART_USER, &user, 0) == CURLUE_NO_USER &&
		 curl_url_get(u, CURLUPART_PASSWORD, &pass, 0) == CURLUE_NO_PASSWORD &&
		 (strcmp(scheme, "https") == 0 ||
		  (strcmp(scheme, "http") == 0 && (strcmp(host, "127.0.0.1") == 0 || strcmp(host, "localhost") == 0 ||
						  strcmp(host, "[::1]") == 0)));
	curl_free(scheme);
	curl_free(host);
	curl_free(user);
	curl_free(pass);
	curl_url_cleanup(u);
	return ok;
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
	case CURLE_WRITE_ERROR:
	case CURLE_FILESIZE_EXCEEDED: return "jawaban server terlalu besar";
	default: return "jaringan gagal";
	}
}

int http_request(struct http *h, const char *method, const char *url, const char *const *headers,
		 const char *body, struct http_response *r)
{
	CURL *c = h->curl;
	r->status = 0;
	r->error[0] = 0;
	r->unsent = 0;
	sb_reset(&r->body);
	if (!url_allowed(url)) {
		snprintf(r->error, sizeof r->error, "alamat server ditolak (harus https, tanpa nama pengguna)");
		r->unsent = 1;
		return -1;
	}
	curl_easy_reset(c);
	struct answer a = { &r->body, h->max_body, 0 };
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
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &a);
	curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)h->max_body);
	/* a request that may change something never rides a kept connection:
	 * libcurl would resend it by itself if that connection had died */
	curl_easy_setopt(c, CURLOPT_FRESH_CONNECT, (long)(strcmp(method, "GET") != 0));
	if (body) {
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)strlen(body));
	} else if (strcmp(method, "GET") == 0)
		curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
	CURLcode rc = curl_easy_perform(c);
	curl_slist_free_all(list);
	if (rc != CURLE_OK) {
		snprintf(r->error, sizeof r->error, "%s", failure_words(a.over ? CURLE_FILESIZE_EXCEEDED : rc));
		/* only a connection never made is sure to have done nothing */
		r->unsent = rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST ||
			    rc == CURLE_COULDNT_RESOLVE_PROXY || rc == CURLE_URL_MALFORMAT ||
			    rc == CURLE_UNSUPPORTED_PROTOCOL;
		sb_reset(&r->body);
		return -1;
	}
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
	return 0;
}

void http_escape(struct http *h, struct sbuf *b, const char *s)
{
	char *e = curl_easy_escape(h->curl, s, 0);
	if (e)
		sb_add(b, e);
	curl_free(e);
}
