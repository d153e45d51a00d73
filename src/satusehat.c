/* SATUSEHAT over HTTP: the token, the lookups, the Bundle of each due item.
 * What went wrong is written on the item in words; the secret and the token
 * never reach a message, a log line or the database. */
#include "pkm/satusehat.h"
#include "pkm/fhir.h"
#include "pkm/http.h"
#include "pkm/db.h"
#include "pkm/digest.h"
#include "pkm/open.h"
#include "pkm/outbox.h"
#include "pkm/secret.h"
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define SYS_NIK "https://fhir.kemkes.go.id/id/nik"

/* A worker's connection and HTTP handle (the secret is read once, by
 * satusehat_open, and copied). */
static int open_worker(struct satusehat *s, sqlite3 *db, const struct pkm_config *c, struct sbuf *err)
{
	s->db = db;
	s->cfg = c;
	s->http = http_new(c->satusehat.batas_waktu, c->satusehat.maks_jawaban);
	if (!s->http) {
		sb_add(err, "libcurl tidak dapat dimulai");
		return -1;
	}
	return 0;
}

int satusehat_open(struct satusehat *s, sqlite3 *db, const char *db_path, const struct pkm_config *c,
		   struct sbuf *err)
{
	memset(s, 0, sizeof *s);
	s->db = db;
	s->cfg = c;
	if (!c->satusehat.aktif) {
		sb_add(err, "SATUSEHAT tidak aktif: tulis [satusehat] aktif = ya di konfigurasi");
		return -1;
	}
	if (secret_read(c->satusehat.rahasia, s->secret, sizeof s->secret, err) != 0)
		return -1;
	s->secret[strcspn(s->secret, "\r\n")] = 0;	/* client_secret: the first line */
	if (!*s->secret) {
		sb_printf(err, "berkas rahasia %s harus berisi client_secret pada baris pertama", c->satusehat.rahasia);
		return -1;
	}
	const char *why = NULL;
	if (digest_ready(&why) != 0) {	/* the Bundle's urn:uuid are hashes */
		sb_add(err, why);
		return -1;
	}
	if (open_worker(s, db, c, err) != 0)
		return -1;
	json_object_seed(0);	/* jansson's hash seed made once, before the workers' threads */
	s->more = xcalloc((size_t)c->satusehat.paralel, sizeof *s->more);
	for (long i = 1; i < c->satusehat.paralel; i++) {
		sqlite3 *wdb = pkm_open(db_path, err);
		struct satusehat *w = &s->more[s->n_more];
		if (!wdb)
			return -1;
		db_set_user(wdb, "sistem:kirim");
		s->n_more++;
		memcpy(w->secret, s->secret, sizeof w->secret);
		if (open_worker(w, wdb, c, err) != 0)
			return -1;
	}
	return 0;
}

static void close_worker(struct satusehat *s)
{
	http_free(s->http);
	memset(s->secret, 0, sizeof s->secret);
	memset(s->token, 0, sizeof s->token);
}

void satusehat_close(struct satusehat *s)
{
	for (int i = 0; i < s->n_more; i++) {
		close_worker(&s->more[i]);
		db_close(s->more[i].db);
	}
	free(s->more);
	close_worker(s);
}

static int fetch_token(struct satusehat *s, char *why, size_t size)
{
	const struct satusehat_config *c = &s->cfg->satusehat;
	struct sbuf url = { 0 }, body = { 0 };
	sb_printf(&url, "%s/accesstoken?grant_type=client_credentials", c->url_auth);
	sb_add(&body, "client_id=");
	http_escape(s->http, &body, c->client_id);
	sb_add(&body, "&client_secret=");
	http_escape(s->http, &body, s->secret);
	const char *headers[] = { "Content-Type: application/x-www-form-urlencoded", NULL };
	struct http_response r = { 0 };
	int rc = http_request(s->http, "POST", sb_str(&url), headers, sb_str(&body), &r);
	if (body.s)
		memset(body.s, 0, body.len);
	sb_free(&body);
	sb_free(&url);
	if (rc != 0) {
		snprintf(why, size, "token: %s", r.error);
		sb_free(&r.body);
		return -1;
	}
	json_t *j = r.status == 200 ? json_loads(sb_str(&r.body), 0, NULL) : NULL;
	const char *tok = json_string_value(json_object_get(j, "access_token"));
	/* the token goes into a header: RFC 6750's b64token characters only */
	size_t len = tok ? strspn(tok, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/") : 0;
	len += tok ? strspn(tok + len, "=") : 0;
	json_t *exp = json_object_get(j, "expires_in");	/* SATUSEHAT sends it as a string */
	const char *digits = json_string_value(exp);
	char *end = NULL;
	errno = 0;
	long long secs = json_is_integer(exp) ? json_integer_value(exp) : digits && *digits >= '0' && *digits <= '9' ?
			 strtol(digits, &end, 10) : 0;
	if (digits && (errno || !end || *end))
		secs = 0;
	if (!len || tok[len] || len >= sizeof s->token || secs < 1 || secs > 7 * 86400) {	/* at most a week */
		snprintf(why, size, r.status == 200 ? "token: jawaban server tidak dikenal"
						    : "token ditolak (HTTP %ld): periksa client_id dan berkas rahasia", r.status);
		json_decref(j);
		sb_free(&r.body);
		return -1;
	}
	str_copy(s->token, sizeof s->token, tok);
	s->token_until = (long)time(NULL) + secs - (secs > 120 ? 60 : secs / 2);	/* renewed shortly before */
	json_decref(j);
	sb_free(&r.body);
	return 0;
}

/* Whether an answer says the request was refused whole (a 4xx other than a
 * time-out or a throttle): a transaction Bundle or a conditional create that
 * is refused made nothing. */
static int refused_whole(long status)
{
	return status >= 400 && status < 500 && status != 408 && status != 429;
}

/* A call with the token: a 401 fetches a new token and tries once more.
 * 0 with r->status when a response came, -1 with why when none did. A
 * request that may change the platform is reported to the item's claim:
 * settled here when it surely made nothing, else left open for the caller
 * to store what it made. extra: one more header, or NULL. */
static int api(struct satusehat *s, const char *method, const char *url, const char *extra, const char *body,
	       struct http_response *r, char *why, size_t size)
{
	for (int round = 0; round < 2; round++) {
		if ((!*s->token || time(NULL) >= s->token_until) && fetch_token(s, why, size) != 0)
			return -1;
		char auth[sizeof s->token + 32];
		snprintf(auth, sizeof auth, "Authorization: Bearer %s", s->token);
		const char *headers[] = { auth, "Content-Type: application/json", "Accept: application/json", extra, NULL };
		struct outbox_claim *claim = strcmp(method, "GET") != 0 ? s->claim : NULL;
		if (claim)
			outbox_write_leaves(claim);
		int rc = http_request(s->http, method, url, headers, body, r);
		memset(auth, 0, sizeof auth);
		if (claim && (rc != 0 ? r->unsent : refused_whole(r->status)))
			outbox_write_known(claim);
		if (rc != 0) {
			snprintf(why, size, "%s", r->error);
			return -1;
		}
		if (r->status != 401)
			return 0;
		s->token[0] = 0;
	}
	return 0;
}

/* What a response that is not 2xx means for the item. */
static enum outbox_failure judge(const struct http_response *r, char *why, size_t size)
{
	char text[200];
	fhir_outcome_text(sb_str(&r->body), text, sizeof text);
	if (r->status == 401) {
		snprintf(why, size, "token ditolak (HTTP 401) walau baru diambil");
		return OUTBOX_RETRY;
	}
	if (r->status >= 500 || r->status == 429 || r->status == 408) {
		snprintf(why, size, "server SATUSEHAT galat (HTTP %ld)%s%s", r->status, *text ? ": " : "", text);
		return OUTBOX_RETRY;
	}
	snprintf(why, size, "ditolak SATUSEHAT (HTTP %ld): %s", r->status, *text ? text : "tanpa keterangan");
	return OUTBOX_PERMANENT;
}

/* The database failed under an item: it is tried again later. -1. */
static int db_trouble(char *why, size_t size, enum outbox_failure *how, const struct sbuf *err)
{
	*how = OUTBOX_RETRY;
	snprintf(why, size, "%s", sb_str(err));
	return -1;
}

/* GET a search; the first entry's resource (borrowed from *bundle), NULL when
 * none. -1 when the search itself failed or its answer is no searchset
 * Bundle whose entries hold resources (why, how). */
static int search(struct satusehat *s, const char *type, const char *param, const char *value, json_t **bundle,
		  json_t **first, char *why, size_t size, enum outbox_failure *how)
{
	struct sbuf url = { 0 };
	sb_printf(&url, "%s/%s?%s=", s->cfg->satusehat.url_fhir, type, param);
	http_escape(s->http, &url, value);
	struct http_response r = { 0 };
	int rc = api(s, "GET", sb_str(&url), NULL, NULL, &r, why, size);
	sb_free(&url);
	*bundle = *first = NULL;
	if (rc != 0)
		*how = OUTBOX_RETRY;
	else if (r.status != 200)
		*how = judge(&r, why, size), rc = -1;
	else {
		*bundle = json_loads(sb_str(&r.body), 0, NULL);
		json_t *entry = json_object_get(*bundle, "entry");
		*first = json_object_get(json_array_get(entry, 0), "resource");
		const char *kind = json_string_value(json_object_get(*bundle, "resourceType"));
		if (!kind || strcmp(kind, "Bundle") != 0 || (entry && !json_is_array(entry)) ||
		    (json_array_size(entry) && !json_is_object(*first))) {
			snprintf(why, size, "jawaban pencarian %s dari SATUSEHAT tidak sah (bukan Bundle berisi sumber)", type);
			*how = OUTBOX_RETRY;
			json_decref(*bundle);
			*bundle = *first = NULL;
			rc = -1;
		}
	}
	sb_free(&r.body);
	return rc;
}

/* A person's IHS number by NIK, from the cache or the platform; 0 found,
 * 1 the platform does not know the NIK, -1 failure. */
static int person(struct satusehat *s, const char *type, const char *nik, char *ihs, size_t isize, char *why,
		  size_t size, enum outbox_failure *how, struct sbuf *err)
{
	if (outbox_ihs_get(s->db, type, nik, ihs, isize, err) != 0)
		return -1;
	if (*ihs)
		return 0;
	char value[64];
	snprintf(value, sizeof value, SYS_NIK "|%s", nik);
	json_t *bundle, *res;
	if (search(s, type, "identifier", value, &bundle, &res, why, size, how) != 0)
		return -1;
	const char *id = json_string_value(json_object_get(res, "id"));
	int rc = res ? 0 : 1;
	if (res && (!id || !outbox_id_ok(type, id) || strlen(id) >= isize)) {
		snprintf(why, size, "jawaban pencarian %s dari SATUSEHAT tidak sah (id kosong atau salah bentuk)", type);
		*how = OUTBOX_RETRY;
		rc = -1;
	} else if (res) {
		str_copy(ihs, isize, id);
		rc = outbox_ihs_set(s->db, type, nik, id, err) == 0 ? 0 : db_trouble(why, size, how, err);
	}
	json_decref(bundle);
	return rc;
}

/* A unit's Location (out, 64 bytes): the configuration's, the one created
 * before, or a new one. */
static int location(struct satusehat *s, const char *unit, const char *unit_name, char *out, char *why, size_t size,
		    enum outbox_failure *how, struct sbuf *err)
{
	const struct satusehat_config *c = &s->cfg->satusehat;
	const char *configured = kirim_map_get(&c->lokasi, unit);
	if (configured) {
		str_copy(out, 64, configured);
		return 0;
	}
	if (outbox_location_get(s->db, unit, out, 64, err) != 0)
		return db_trouble(why, size, how, err);
	if (*out)
		return 0;
	char sys[96], org[48];
	snprintf(sys, sizeof sys, "http://sys-ids.kemkes.go.id/location/%s", c->organisasi);
	snprintf(org, sizeof org, "Organization/%s", c->organisasi);
	json_t *loc = json_pack("{s:s, s:[{s:s, s:s}], s:s, s:s, s:s, s:{s:[{s:s, s:s, s:s}]}, s:{s:s}}",
				"resourceType", "Location", "identifier", "system", sys, "value", unit,
				"status", "active", "name", unit_name, "mode", "instance",
				"physicalType", "coding", "system", "http://terminology.hl7.org/CodeSystem/location-physical-type",
				"code", "ro", "display", "Room", "managingOrganization", "reference", org);
	char *body = json_dumps(loc, JSON_COMPACT);
	json_decref(loc);
	struct sbuf url = { 0 }, cond = { 0 };
	sb_printf(&url, "%s/Location", c->url_fhir);
	sb_printf(&cond, "If-None-Exist: identifier=%s|", sys);	/* made once, whatever answers are lost */
	http_escape(s->http, &cond, unit);
	struct http_response r = { 0 };
	int rc = api(s, "POST", sb_str(&url), sb_str(&cond), body, &r, why, size);
	free(body);
	sb_free(&url);
	sb_free(&cond);
	if (rc != 0)
		*how = OUTBOX_RETRY;
	else if (r.status != 200 && r.status != 201) {
		*how = judge(&r, why, size);
		rc = -1;
	} else {
		json_t *j = json_loads(sb_str(&r.body), 0, NULL);
		const char *id = json_string_value(json_object_get(j, "id"));
		if (id && strlen(id) < 64 && outbox_location_set(s->db, unit, id, err) == 0) {
			str_copy(out, 64, id);
			outbox_write_known(s->claim);
		} else {
			*how = OUTBOX_RETRY;
			rc = -1;
			snprintf(why, size, "Location %s tidak dapat dibuat%s%s", unit, err->len ? ": " : "", sb_str(err));
			sb_reset(err);
		}
		json_decref(j);
	}
	sb_free(&r.body);
	return rc;
}

/* The id a search found first, adopted for (jenis, kunci): 1 adopted, 0 none,
 * -1 failed (why, how). */
static int adopt_found(struct satusehat *s, json_t *res, const char *jenis, const char *kunci,
		       char *out, size_t osize, char *why, size_t size, enum outbox_failure *how, struct sbuf *err)
{
	if (!res)
		return 0;
	const char *id = json_string_value(json_object_get(res, "id"));
	if (!id || !outbox_id_ok(jenis, id) || strlen(id) >= osize) {
		snprintf(why, size, "SATUSEHAT memberi id %s yang tidak sah", jenis);
		*how = OUTBOX_RETRY;
		return -1;
	}
	struct outbox_source src = { jenis, kunci, id };
	if (outbox_adopt(s->claim, &src, 1, err) != 0)
		return db_trouble(why, size, how, err);
	str_copy(out, osize, id);
	return 1;
}

/* After an attempt that may have reached the platform (killed, timed out,
 * its answer unusable): take the ids of what it already has of this visit,
 * so nothing is created twice. */
static int recover(struct satusehat *s, struct fhir_visit *v, char *why, size_t size, enum outbox_failure *how,
		   struct sbuf *err)
{
	json_t *bundle, *res;
	if (!*v->encounter_id) {
		char value[128];
		snprintf(value, sizeof value, "http://sys-ids.kemkes.go.id/encounter/%s|%ld", v->organisasi, v->id);
		if (search(s, "Encounter", "identifier", value, &bundle, &res, why, size, how) != 0)
			return -1;
		int rc = adopt_found(s, res, "Encounter", "", v->encounter_id, sizeof v->encounter_id, why, size, how, err);
		json_decref(bundle);
		if (rc <= 0)	/* it never arrived: nothing else of it can be there */
			return rc;
	}
	static const char *const kinds[] = { "Condition", "Observation" };
	char enc[96];
	snprintf(enc, sizeof enc, "Encounter/%s", v->encounter_id);
	for (size_t k = 0; k < ARRAY_LEN(kinds); k++) {
		if (search(s, kinds[k], "encounter", enc, &bundle, &res, why, size, how) != 0)
			return -1;
		size_t i;
		json_t *e;
		int rc = 0;
		json_array_foreach(json_object_get(bundle, "entry"), i, e) {
			json_t *r = json_object_get(e, "resource");
			const char *code = json_string_value(json_object_get(
				json_array_get(json_object_get(json_object_get(r, "code"), "coding"), 0), "code"));
			char have[64];
			if (!code || rc < 0)
				continue;
			rc = outbox_source_get(s->db, v->kirim_id, kinds[k], code, have, sizeof have, err);
			if (rc != 0)
				rc = db_trouble(why, size, how, err);
			else if (!*have)
				rc = adopt_found(s, r, kinds[k], code, have, sizeof have, why, size, how, err);
		}
		json_decref(bundle);
		if (rc < 0)
			return -1;
	}
	for (int i = 0; i < v->n_res; i++) {	/* the rest by their own identifiers */
		struct fhir_res *r = &v->res[i];
		char sys[96], value[96], ident[200];
		if (*r->id)
			continue;
		fhir_res_identifier(v, r, sys, sizeof sys, value, sizeof value);
		snprintf(ident, sizeof ident, "%s|%s", sys, value);
		if (search(s, r->type, "identifier", ident, &bundle, &res, why, size, how) != 0)
			return -1;
		int rc = adopt_found(s, res, r->type, r->key, r->id, sizeof r->id, why, size, how, err);
		json_decref(bundle);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* The ids of a transaction-response, entry by entry as the Bundle was built,
 * each checked and handed to the settling (stored with it, in one
 * transaction). *stale: some resource was there already and kept its old
 * content. */
static int take_ids(const struct fhir_visit *v, const char *body, struct outbox_outcome *o, struct sbuf *err)
{
	json_t *j = json_loads(body, 0, NULL);
	json_t *entries = json_object_get(j, "entry");
	size_t nc = (size_t)v->n_cond, no = (size_t)v->n_obs, want = 1 + nc + no + (size_t)v->n_res;
	if (json_array_size(entries) != want) {
		sb_printf(err, "jawaban Bundle berisi %zu entri, dikirim %zu", json_array_size(entries), want);
		json_decref(j);
		return -1;
	}
	int rc = 0;
	for (size_t i = 0; i < want && rc == 0; i++) {
		char id[64];
		const char *kind = "Encounter", *key = "", *had = v->encounter_id;
		int removed = 0;
		if (i > 0 && i <= nc) {
			const struct fhir_condition *c = &v->cond[i - 1];
			kind = "Condition", key = c->code, had = c->id, removed = c->removed;
		} else if (i > nc && i <= nc + no) {
			const struct fhir_observation *b = &v->obs[i - 1 - nc];
			kind = "Observation", key = b->loinc, had = b->id;
		} else if (i > nc + no) {
			const struct fhir_res *r = &v->res[i - 1 - nc - no];
			kind = r->type, key = r->key, had = r->id, removed = r->removed;
		}
		int existed = fhir_entry_id(json_array_get(entries, i), id, sizeof id);
		if (!*had && existed)
			o->stale = 1;
		if (removed)	/* sent as entered-in-error: nothing of it to update again */
			outbox_outcome_id(o, kind, key, NULL);
		else if (!outbox_id_ok(kind, id)) {
			sb_printf(err, "jawaban Bundle tanpa id %s yang sah", kind);
			rc = -1;
		} else if (strcmp(had, id) != 0)
			outbox_outcome_id(o, kind, key, id);
	}
	json_decref(j);
	return rc;
}

/* The people and place of the visit; 1 when it must wait for its data. */
static int resolve(struct satusehat *s, struct fhir_visit *v, char *why, size_t size, enum outbox_failure *how,
		   struct sbuf *err)
{
	if (!*v->patient_nik)
		return snprintf(why, size, "pasien belum punya NIK: isi NIK pasien, lalu kunjungan ini dikirim"), 1;
	if (!*v->practitioner_nik)
		return snprintf(why, size, "nakes yang mencatat belum punya NIK dan [satusehat] dokter kosong"), 1;
	int rc = person(s, "Patient", v->patient_nik, v->patient_ihs, sizeof v->patient_ihs, why, size, how, err);
	if (rc == 1)
		snprintf(why, size, "NIK pasien %s tidak dikenal SATUSEHAT: periksa NIK", v->patient_nik);
	if (rc != 0)
		return rc;
	rc = person(s, "Practitioner", v->practitioner_nik, v->practitioner_ihs, sizeof v->practitioner_ihs, why, size,
		    how, err);
	if (rc == 1)
		snprintf(why, size, "NIK nakes %s tidak dikenal SATUSEHAT", v->practitioner_nik);
	if (rc != 0)
		return rc;
	if (location(s, v->unit, v->unit_name, v->location_id, why, size, how, err) != 0)
		return -1;
	/* who wrote, gave or recorded each of the rest, and the pharmacy of a dispensing */
	for (int i = 0; i < v->n_res; i++) {
		struct fhir_res *r = &v->res[i];
		if (*r->nik && (rc = person(s, "Practitioner", r->nik, r->ihs, sizeof r->ihs, why, size, how, err)) != 0) {
			if (rc == 1)
				snprintf(why, size, "NIK nakes %s tidak dikenal SATUSEHAT", r->nik);
			return rc;
		}
		if (strcmp(r->type, "MedicationDispense") == 0 && !*v->pharmacy_id &&
		    location(s, "FARMASI", v->pharmacy_name, v->pharmacy_id, why, size, how, err) != 0)
			return -1;
	}
	return 0;
}

/* One claimed item, its outcome reported to the outbox. */
static int send_item(struct satusehat *s, struct outbox_claim *c, struct outbox_outcome *o, struct sbuf *err)
{
	const struct satusehat_config *cf = &s->cfg->satusehat;
	struct fhir_visit v;
	if (fhir_load(s->db, c->id, cf->organisasi, s->cfg->zone_minutes, cf->dokter, &v, err) != 0)
		return -1;
	o->how = OUTBOX_RETRY;
	int rc = 0;
	if (c->ask && (rc = recover(s, &v, o->why, sizeof o->why, &o->how, err)) == 0) {
		outbox_asked(c);
		fhir_visit_free(&v);	/* again, with the ids the platform has */
		if (fhir_load(s->db, c->id, cf->organisasi, s->cfg->zone_minutes, cf->dokter, &v, err) != 0)
			return -1;
	}
	if (rc == 0 && v.cancelled && !*v.encounter_id) {	/* cancelled before it ever left: nothing to say */
		fhir_visit_free(&v);
		o->done = 1;
		return 0;
	}
	if (rc == 0 && (rc = resolve(s, &v, o->why, sizeof o->why, &o->how, err)) == 1)
		o->how = OUTBOX_WAIT_DATA;
	struct http_response r = { 0 };
	if (rc == 0) {
		json_t *b = fhir_bundle(&v);
		char *body = json_dumps(b, JSON_COMPACT | JSON_REAL_PRECISION(10));
		json_decref(b);
		rc = api(s, "POST", cf->url_fhir, NULL, body, &r, o->why, sizeof o->why);
		free(body);
		if (rc == 0 && r.status != 200)
			o->how = judge(&r, o->why, sizeof o->why), rc = -1;
	}
	if (rc == 0) {
		struct sbuf e = { 0 };
		if (take_ids(&v, sb_str(&r.body), o, &e) == 0) {
			o->done = 1;	/* the Bundle's write settles with the ids, in one transaction */
			str_copy(o->wait, sizeof o->wait, v.wait);
		}
		else
			snprintf(o->why, sizeof o->why, "%s", sb_str(&e));
		sb_free(&e);
	}
	sb_free(&r.body);
	fhir_visit_free(&v);
	return 0;
}

static int send_one(void *ctx, struct outbox_claim *c, struct outbox_outcome *o, struct sbuf *err)
{
	struct satusehat *s = ctx;
	s->claim = c;
	int rc = send_item(s, c, o, err);
	s->claim = NULL;
	return rc;
}

int satusehat_pass(struct satusehat *s, struct outbox_pass *r, struct sbuf *err)
{
	int n = 1 + s->n_more;
	sqlite3 **db = xcalloc((size_t)n, sizeof *db);
	void **ctx = xcalloc((size_t)n, sizeof *ctx);
	db[0] = s->db;
	ctx[0] = s;
	for (int i = 1; i < n; i++) {
		db[i] = s->more[i - 1].db;
		ctx[i] = &s->more[i - 1];
	}
	/* conditional POSTs keep a late request from creating twice, but one still
	 * in flight could overwrite a newer version: an unfinished attempt settles
	 * (its requests have ended) before the item goes again. The same makes a
	 * claim lost to a power cut harmless: it needs no fsync of its own. */
	struct outbox_sender snd = { "satusehat", 2 * s->cfg->satusehat.batas_waktu, s->cfg->satusehat.jeda, 1, send_one,
				     n, db, ctx };
	int rc = outbox_pass(&snd, r, err);
	free(db);
	free(ctx);
	return rc;
}
