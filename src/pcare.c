/* P-Care over HTTP. Each request is signed (X-signature over cons_id and the
 * timestamp) and its response's `response` decrypted with a key made of the
 * same timestamp. A visit goes as steps whose numbers are stored as each
 * arrives (pendaftaran's noUrut, kunjungan's noKunjungan, each drug's
 * kdObatSK, each procedure's kdTindakanSK). P-Care has no conditional create,
 * so every request that may change it is reported to the item's claim
 * (src/outbox.c): one whose answer was not read to the end and stored leaves
 * the item in doubt, and the next attempt asks P-Care what it has first.
 * The secrets never reach a message, a log line or the database. */
#include "pkm/pcare.h"
#include "pkm/http.h"
#include "pkm/outbox.h"
#include "pkm/pcare_crypto.h"
#include "pkm/secret.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int pcare_open(struct pcare *p, sqlite3 *db, const struct pkm_config *c, long timeout, struct sbuf *err)
{
	memset(p, 0, sizeof *p);
	p->db = db;
	p->cfg = c;
	const struct pcare_config *pc = &c->pcare;
	if (!pc->aktif) {
		sb_add(err, "P-Care tidak aktif: tulis [pcare] aktif = ya di konfigurasi");
		return -1;
	}
	char text[1024];
	if (secret_read(pc->rahasia, text, sizeof text, err) != 0)
		return -1;
	int rc = secret_value(text, pc->rahasia, "rahasia", p->secret, sizeof p->secret, err) == 0 &&
			 secret_value(text, pc->rahasia, "sandi", p->sandi, sizeof p->sandi, err) == 0 &&
			 secret_value(text, pc->rahasia, "user_key", p->user_key, sizeof p->user_key, err) == 0
		 ? 0 : -1;
	memset(text, 0, sizeof text);
	if (rc != 0)
		return -1;
	char login[600];
	snprintf(login, sizeof login, "%s:%s:%s", pc->pengguna, p->sandi, pc->kd_aplikasi);
	struct sbuf b = { 0 };
	pcare_base64(login, &b);
	snprintf(p->auth, sizeof p->auth, "X-authorization: Basic %s", sb_str(&b));
	memset(login, 0, sizeof login);
	memset(b.s, 0, b.len);
	sb_free(&b);
	p->http = http_new(timeout, pc->maks_jawaban);
	if (!p->http) {
		sb_add(err, "libcurl tidak dapat dimulai");
		return -1;
	}
	return 0;
}

void pcare_close(struct pcare *p)
{
	http_free(p->http);
	memset(p->secret, 0, sizeof p->secret);
	memset(p->sandi, 0, sizeof p->sandi);
	memset(p->user_key, 0, sizeof p->user_key);
	memset(p->auth, 0, sizeof p->auth);
}

/* What a call came back with: a usable answer, "not there", a refusal read
 * to the end (nothing made), or no usable answer. */
enum reply { REPLY_OK, REPLY_NOT_FOUND, REPLY_REFUSED, REPLY_FAILED };

/* A path of fixed words and numbers (every second part), each number
 * escaped: a number never adds a path segment of its own. */
static void path_of(struct pcare *p, struct sbuf *b, const char *const *parts)
{
	for (int i = 0; parts[i]; i++) {
		if (i)
			sb_add(b, "/");
		if (i % 2)
			http_escape(p->http, b, parts[i]);
		else
			sb_add(b, parts[i]);
	}
}

/* One request: signed headers, then metaData judged and `response`
 * decrypted. *out: the response (new reference, may be JSON null) on OK. A
 * request that may change P-Care is reported to the item's claim: settled
 * here when its answer says nothing was made, else left open for the caller
 * to store what it made. */
static enum reply call(struct pcare *p, const char *method, const char *const *parts, json_t *body, json_t **out,
		       char *why, size_t size, enum outbox_failure *how)
{
	const struct pcare_config *c = &p->cfg->pcare;
	*out = NULL;
	*how = OUTBOX_RETRY;
	struct outbox_claim *claim = strcmp(method, "GET") != 0 ? p->claim : NULL;
	char stamp[24], sig[64], cons[64], ts[48], key[300];
	snprintf(stamp, sizeof stamp, "%ld", (long)time(NULL));
	pcare_signature(c->cons_id, p->secret, stamp, sig);
	snprintf(cons, sizeof cons, "X-cons-id: %s", c->cons_id);
	snprintf(ts, sizeof ts, "X-timestamp: %s", stamp);
	char sighdr[96];
	snprintf(sighdr, sizeof sighdr, "X-signature: %s", sig);
	snprintf(key, sizeof key, "user_key: %s", p->user_key);
	const char *headers[] = { cons, ts, sighdr, p->auth, key, "Content-Type: text/plain", "Accept: application/json",
				  NULL };
	char *text = body ? json_dumps(body, JSON_COMPACT | JSON_REAL_PRECISION(10)) : NULL;
	struct sbuf url = { 0 };
	sb_printf(&url, "%s/", c->url);
	path_of(p, &url, parts);
	struct http_response r = { 0 };
	if (claim)
		outbox_write_leaves(claim);
	int rc = http_request(p->http, method, sb_str(&url), headers, text, &r);
	memset(key, 0, sizeof key);
	free(text);
	sb_free(&url);
	if (rc != 0) {
		if (claim && r.unsent)
			outbox_write_known(claim);
		snprintf(why, size, "P-Care: %s", r.error);
		sb_free(&r.body);
		return REPLY_FAILED;
	}
	json_t *j = json_loads(sb_str(&r.body), 0, NULL);
	json_t *meta = json_object_get(j, "metaData");
	if (!meta)
		meta = json_object_get(j, "metadata");
	json_t *code_j = json_object_get(meta, "code");
	long code = json_is_integer(code_j) ? (long)json_integer_value(code_j)
					    : json_is_string(code_j) ? atol(json_string_value(code_j)) : 0;
	const char *message = json_string_value(json_object_get(meta, "message"));
	enum reply result = REPLY_FAILED;
	if (r.status >= 500 || r.status == 429 || r.status == 408 || (!meta && r.status != 200))
		snprintf(why, size, "server P-Care galat (HTTP %ld)", r.status);
	else if (!meta)
		snprintf(why, size, "jawaban P-Care tidak dikenal (tanpa metaData)");
	else if (code == 200 || code == 201) {
		json_t *resp = json_object_get(j, "response");
		if (json_is_string(resp)) {
			struct sbuf plain = { 0 }, e = { 0 };
			if (pcare_decrypt(c->cons_id, p->secret, stamp, json_string_value(resp), &plain, &e) == 0)
				*out = json_loads(sb_str(&plain), JSON_DECODE_ANY, NULL);
			if (!*out)
				snprintf(why, size, "%s", e.len ? sb_str(&e) : "isi jawaban P-Care bukan JSON");
			sb_free(&plain);
			sb_free(&e);
		} else
			*out = json_incref(resp ? resp : json_null());
		result = *out ? REPLY_OK : REPLY_FAILED;
	} else if (code == 204 || code == 404)
		result = REPLY_NOT_FOUND;
	else if (code >= 500 || code == 408 || code == 429)
		snprintf(why, size, "galat P-Care (kode %ld): %s", code, message && *message ? message : "tanpa keterangan");
	else {
		*how = OUTBOX_PERMANENT;
		result = REPLY_REFUSED;
		if (code == 401)
			snprintf(why, size, "P-Care menolak login (kode 401): periksa pengguna, sandi, cons_id dan rahasia");
		else
			snprintf(why, size, "ditolak P-Care (kode %ld): %s", code, message && *message ? message : "tanpa keterangan");
	}
	if (claim && (result == REPLY_NOT_FOUND || result == REPLY_REFUSED))
		outbox_write_known(claim);
	json_decref(j);
	sb_free(&r.body);
	return result;
}

/* The message of a response's {field, message}, or of the one of an array of
 * them that names `field` (borrowed; NULL when none). */
static json_t *field_value(json_t *resp, const char *field)
{
	json_t *one = resp, *e;
	size_t i;
	if (json_is_array(resp)) {
		one = NULL;
		json_array_foreach(resp, i, e) {
			const char *f = json_string_value(json_object_get(e, "field"));
			if (f && strcmp(f, field) == 0)
				one = e;
		}
	}
	const char *f = json_string_value(json_object_get(one, "field"));
	return f && strcmp(f, field) == 0 ? json_object_get(one, "message") : NULL;
}

static void member_text(json_t *o, const char *key, char *out, size_t size)
{
	const char *s = json_string_value(json_object_get(o, key));
	str_copy(out, size, s ? s : "");
}

int pcare_check(struct pcare *p, const char *no_kartu, const char *nik, struct pcare_member *m, char *why, size_t size)
{
	const char *by_card[] = { "peserta", no_kartu, NULL }, *by_nik[] = { "peserta/nik", nik, NULL };
	json_t *r;
	enum outbox_failure how;
	enum reply got = call(p, "GET", no_kartu && *no_kartu ? by_card : by_nik, NULL, &r, why, size, &how);
	if (got == REPLY_NOT_FOUND || (got == REPLY_OK && !json_string_value(json_object_get(r, "noKartu")))) {
		snprintf(why, size, "%s %s tidak dikenal P-Care", no_kartu && *no_kartu ? "No. BPJS" : "NIK",
			 no_kartu && *no_kartu ? no_kartu : nik);
		json_decref(r);
		return 1;
	}
	if (got != REPLY_OK)
		return -1;
	memset(m, 0, sizeof *m);
	member_text(r, "noKartu", m->no_kartu, sizeof m->no_kartu);
	member_text(r, "nama", m->nama, sizeof m->nama);
	member_text(r, "ketAktif", m->keterangan, sizeof m->keterangan);
	member_text(json_object_get(r, "kdProviderPst"), "kdProvider", m->kd_provider, sizeof m->kd_provider);
	member_text(json_object_get(r, "kdProviderPst"), "nmProvider", m->nm_provider, sizeof m->nm_provider);
	member_text(json_object_get(r, "jnsKelas"), "nama", m->kelas, sizeof m->kelas);
	member_text(json_object_get(r, "jnsPeserta"), "nama", m->jenis, sizeof m->jenis);
	m->aktif = json_is_true(json_object_get(r, "aktif"));
	m->diperiksa = (long)time(NULL);
	json_decref(r);
	struct sbuf err = { 0 };
	int rc = pcare_member_put(p->db, nik, m, &err);
	if (rc != 0)
		snprintf(why, size, "%s", sb_str(&err));
	sb_free(&err);
	return rc;
}

/* An item's failure, in words, and what it means for the item. */
struct why { char text[512]; enum outbox_failure how; };

static int fail_db(struct why *w, struct sbuf *e)
{
	w->how = OUTBOX_RETRY;
	snprintf(w->text, sizeof w->text, "%s", sb_str(e));
	sb_free(e);
	return -1;
}

/* What a write made (id) or removed (NULL), stored: only then is it settled. */
static int stored(struct pcare *p, const char *jenis, const char *kunci, const char *id, struct why *w)
{
	struct outbox_source src = { jenis, kunci, id };
	struct sbuf e = { 0 };
	return outbox_write_stored(p->claim, &src, 1, &e) == 0 ? 0 : fail_db(w, &e);
}

/* What P-Care already had, found by asking it. */
static int adopt(struct pcare *p, const char *jenis, const char *kunci, const char *id, struct why *w)
{
	struct outbox_source src = { jenis, kunci, id };
	struct sbuf e = { 0 };
	return outbox_adopt(p->claim, &src, 1, &e) == 0 ? 0 : fail_db(w, &e);
}

/* A number P-Care writes as a string or an integer. */
static void number_text(json_t *j, char *out, size_t size)
{
	if (json_is_integer(j))
		snprintf(out, size, "%lld", (long long)json_integer_value(j));
	else
		str_copy(out, size, json_is_string(j) ? json_string_value(j) : "");
}

/* A number from P-Care that is to be kept or put in a path: refused unless it
 * has its form (a 200-digit noUrut, "../kunjungan/..."). */
static int number_of(json_t *j, const char *jenis, const char *field, char *out, size_t size, struct why *w)
{
	char got[80];
	number_text(j, got, sizeof got);
	if (outbox_id_ok(jenis, got) && strlen(got) < size) {
		str_copy(out, size, got);
		return 0;
	}
	w->how = OUTBOX_RETRY;
	snprintf(w->text, sizeof w->text, *got ? "P-Care memberi %s yang tidak sah" : "P-Care tidak memberi %s", field);
	return -1;
}

/* POST what creates one thing; its number (response field `field`) checked,
 * then stored under (jenis, kunci) before anything else happens. */
static int create(struct pcare *p, const char *path, json_t *body, const char *field, const char *jenis,
		  const char *kunci, char *id, size_t isize, struct why *w)
{
	json_t *r;
	const char *parts[] = { path, NULL };
	enum reply got = call(p, "POST", parts, body, &r, w->text, sizeof w->text, &w->how);
	json_decref(body);
	if (got == REPLY_NOT_FOUND) {
		w->how = OUTBOX_PERMANENT;
		snprintf(w->text, sizeof w->text, "P-Care menjawab 'tidak ditemukan' pada %s", path);
	}
	if (got != REPLY_OK)
		return got == REPLY_REFUSED ? 1 : -1;
	int rc = number_of(field_value(r, field), jenis, field, id, isize, w);
	json_decref(r);
	if (rc != 0)
		return -1;	/* P-Care may have made it: the item stays in doubt */
	return stored(p, jenis, kunci, id, w);
}

/* A DELETE, and the numbers it makes void (`gone`) forgotten with it; one
 * P-Care no longer has is done too. */
static int delete_at(struct pcare *p, const char *const *parts, const struct outbox_source *gone, int n, struct why *w)
{
	json_t *r;
	enum reply got = call(p, "DELETE", parts, NULL, &r, w->text, sizeof w->text, &w->how);
	json_decref(r);
	if (got == REPLY_FAILED || got == REPLY_REFUSED)
		return -1;
	struct sbuf e = { 0 };
	int rc = got == REPLY_OK ? outbox_write_stored(p->claim, gone, n, &e) : outbox_adopt(p->claim, gone, n, &e);
	return rc == 0 ? 0 : fail_db(w, &e);
}

/* A list P-Care answers a GET with ({count, list}); NULL when none. */
static int get_list(struct pcare *p, const char *const *parts, json_t **holder, json_t **list, struct why *w)
{
	enum reply got = call(p, "GET", parts, NULL, holder, w->text, sizeof w->text, &w->how);
	if (got == REPLY_FAILED || got == REPLY_REFUSED)
		return -1;
	*list = json_object_get(*holder, "list");
	return 0;
}

/* The card number of a patient who has only a NIK: kept, or looked up. */
static int card_number(struct pcare *p, struct pcare_visit *v, struct why *w)
{
	if (*v->no_kartu)
		return 0;
	if (!*v->nik) {
		snprintf(w->text, sizeof w->text, "pasien BPJS belum punya No. BPJS maupun NIK: isi salah satunya");
		return 1;
	}
	struct pcare_member m;
	struct sbuf e = { 0 };
	int rc = pcare_member_get(p->db, NULL, v->nik, &m, &e);
	if (rc < 0)
		return fail_db(w, &e);
	if (rc == 0) {
		rc = pcare_check(p, NULL, v->nik, &m, w->text, sizeof w->text);
		if (rc != 0)
			return rc;	/* 1: waits for the NIK to be corrected */
	}
	str_copy(v->no_kartu, sizeof v->no_kartu, m.no_kartu);
	return 0;
}

/* The visit's registration at P-Care (the day's list, by card and poli),
 * adopted. 1 found, 0 none, -1 failed. */
static int find_registration(struct pcare *p, struct pcare_visit *v, struct why *w)
{
	json_t *holder, *list, *e;
	size_t i;
	const char *parts[] = { "pendaftaran/tglDaftar", v->tanggal, "0/300", NULL };
	if (get_list(p, parts, &holder, &list, w) != 0)
		return -1;
	int rc = 0;
	json_array_foreach(list, i, e) {
		const char *card = json_string_value(json_object_get(json_object_get(e, "peserta"), "noKartu"));
		const char *poli = json_string_value(json_object_get(json_object_get(e, "poli"), "kdPoli"));
		if (rc == 0 && card && poli && strcmp(card, v->no_kartu) == 0 && strcmp(poli, v->kd_poli) == 0)
			rc = number_of(json_object_get(e, "noUrut"), "pendaftaran", "noUrut", v->no_urut, sizeof v->no_urut,
				       w) == 0 ? 1 : -1;
	}
	json_decref(holder);
	if (rc == 1 && adopt(p, "pendaftaran", v->kd_poli, v->no_urut, w) != 0)
		return -1;
	if (rc == 1)
		str_copy(v->urut_poli, sizeof v->urut_poli, v->kd_poli);
	return rc;
}

/* The visit's kunjungan at P-Care (the card's, by day and poli), adopted.
 * 1 found, 0 none, -1 failed. */
static int find_visit(struct pcare *p, struct pcare_visit *v, struct why *w)
{
	json_t *holder, *list, *e;
	size_t i;
	const char *parts[] = { "kunjungan/peserta", v->no_kartu, NULL };
	if (get_list(p, parts, &holder, &list, w) != 0)
		return -1;
	int rc = 0;
	json_array_foreach(list, i, e) {
		const char *day = json_string_value(json_object_get(e, "tglKunjungan"));
		const char *poli = json_string_value(json_object_get(json_object_get(e, "poli"), "kdPoli"));
		if (rc == 0 && day && poli && strcmp(day, v->tanggal) == 0 && strcmp(poli, v->kd_poli) == 0)
			rc = number_of(json_object_get(e, "noKunjungan"), "kunjungan", "noKunjungan", v->no_kunjungan,
				       sizeof v->no_kunjungan, w) == 0 ? 1 : -1;
	}
	json_decref(holder);
	return rc == 1 && adopt(p, "kunjungan", "", v->no_kunjungan, w) != 0 ? -1 : rc;
}

/* The visit's drugs and procedures at P-Care, adopted under the keys this
 * visit would give them. */
static int find_details(struct pcare *p, struct pcare_visit *v, struct why *w)
{
	static const struct { const char *path, *jenis, *sk; } kinds[] = {
		{ "obat/kunjungan", "obat", "kdObatSK" }, { "tindakan/kunjungan", "tindakan", "kdTindakanSK" },
	};
	for (size_t k = 0; k < ARRAY_LEN(kinds); k++) {
		json_t *holder, *list, *e;
		size_t i;
		const char *parts[] = { kinds[k].path, v->no_kunjungan, NULL };
		if (get_list(p, parts, &holder, &list, w) != 0)
			return -1;
		int rc = 0;
		json_array_foreach(list, i, e) {
			char sk[40], key[64], have[64], code[32];
			if (rc != 0 || number_of(json_object_get(e, kinds[k].sk), kinds[k].jenis, kinds[k].sk, sk, sizeof sk, w) != 0) {
				rc = -1;
				continue;
			}
			if (k == 0) {
				number_text(json_object_get(json_object_get(e, "obat"), "kdObat"), code, sizeof code);
				snprintf(key, sizeof key, "%s:%lld", code, (long long)json_integer_value(json_object_get(e, "jmlObat")));
			} else
				number_text(json_object_get(e, "kdTindakan"), key, sizeof key);
			struct sbuf err = { 0 };
			rc = outbox_source_get(p->db, v->kirim_id, kinds[k].jenis, key, have, sizeof have, &err);
			if (rc != 0)
				fail_db(w, &err);
			else if (!*have)
				rc = adopt(p, kinds[k].jenis, key, sk, w);
		}
		json_decref(holder);
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* After an attempt that may have reached P-Care: take the numbers of what it
 * already has of this visit. */
static int recover(struct pcare *p, struct pcare_visit *v, struct why *w)
{
	int rc;
	if (!*v->no_urut && (rc = find_registration(p, v, w)) <= 0)
		return rc;	/* it never arrived: nothing after it can have */
	if (!*v->no_kunjungan && (rc = find_visit(p, v, w)) <= 0)
		return rc;
	return find_details(p, v, w);
}

/* A cancelled visit (or one no longer paid by BPJS, or moved to another
 * poli): what P-Care has of it goes, and the visit holds no number after. */
static int withdraw(struct pcare *p, struct pcare_visit *v, struct why *w)
{
	if (*v->no_kunjungan) {
		/* its drugs and procedures go with it at P-Care */
		struct outbox_source *gone = xcalloc((size_t)(1 + v->n_drug + v->n_proc), sizeof *gone);
		int n = 0;
		gone[n++] = (struct outbox_source){ "kunjungan", "", NULL };
		for (int i = 0; i < v->n_drug; i++)
			if (*v->drug[i].id)
				gone[n++] = (struct outbox_source){ "obat", v->drug[i].key, NULL };
		for (int i = 0; i < v->n_proc; i++)
			if (*v->proc[i].id)
				gone[n++] = (struct outbox_source){ "tindakan", v->proc[i].kd, NULL };
		const char *parts[] = { "kunjungan", v->no_kunjungan, NULL };
		int rc = delete_at(p, parts, gone, n, w);
		free(gone);
		if (rc != 0)
			return -1;
	}
	if (*v->no_urut) {
		const char *parts[] = { "pendaftaran/peserta", v->no_kartu, "tglDaftar", v->tanggal, "noUrut", v->no_urut,
					"kdPoli", v->urut_poli, NULL };
		struct outbox_source gone = { "pendaftaran", v->urut_poli, NULL };
		if (delete_at(p, parts, &gone, 1, w) != 0)
			return -1;
	}
	v->no_urut[0] = v->no_kunjungan[0] = v->urut_poli[0] = 0;
	for (int i = 0; i < v->n_drug; i++)
		v->drug[i].id[0] = 0;
	for (int i = 0; i < v->n_proc; i++)
		v->proc[i].id[0] = 0;
	return 0;
}

/* The registration, with the card checked first (its FKTP goes in it). A
 * refusal may mean P-Care has it already (an answer lost on the way): the
 * day's list is asked before the refusal is believed. */
static int register_visit(struct pcare *p, struct pcare_visit *v, struct why *w)
{
	struct pcare_member m;
	int rc = pcare_check(p, v->no_kartu, NULL, &m, w->text, sizeof w->text);
	if (rc != 0)
		return rc;
	if (!m.aktif) {
		w->how = OUTBOX_PERMANENT;
		snprintf(w->text, sizeof w->text, "kartu BPJS %s tidak aktif%s%s: kirim ulang setelah kartu aktif", v->no_kartu,
			 *m.keterangan ? " - " : "", m.keterangan);
		return -1;
	}
	str_copy(v->kd_provider_peserta, sizeof v->kd_provider_peserta, m.kd_provider);
	rc = create(p, "pendaftaran", pcare_pendaftaran_json(v), "noUrut", "pendaftaran", v->kd_poli, v->no_urut,
		    sizeof v->no_urut, w);
	if (rc == 1) {
		struct why refused = *w;
		rc = find_registration(p, v, w);
		if (rc == 0)
			*w = refused;
		rc = rc == 1 ? 0 : -1;
	}
	if (rc == 0)
		str_copy(v->urut_poli, sizeof v->urut_poli, v->kd_poli);
	return rc;
}

/* One drug or procedure (jenis obat, tindakan): gone, it is deleted (unless it
 * went with the visit); new, `body` is POSTed to `post` and the number P-Care
 * gives as `sk` kept. body: NULL unless it is new. */
static int detail(struct pcare *p, struct pcare_visit *v, const char *jenis, const char *post, const char *sk,
		  const char *key, char *id, size_t isize, int removed, json_t *body, struct why *w)
{
	if (removed) {
		if (!*id)
			return 0;
		const char *parts[] = { jenis, id, "kunjungan", v->no_kunjungan, NULL };
		struct outbox_source gone = { jenis, key, NULL };
		return delete_at(p, parts, &gone, 1, w);
	}
	if (*id)
		return 0;	/* P-Care has it */
	return create(p, post, body, sk, jenis, key, id, isize, w) == 0 ? 0 : -1;
}

/* The drugs and procedures: those gone are deleted, those new are sent. */
static int details(struct pcare *p, struct pcare_visit *v, struct why *w)
{
	for (int i = 0; i < v->n_drug; i++) {
		struct pcare_drug *d = &v->drug[i];
		json_t *body = d->removed || *d->id ? NULL : pcare_obat_json(v, d);
		if (detail(p, v, "obat", "obat/kunjungan", "kdObatSK", d->key, d->id, sizeof d->id, d->removed, body, w) != 0)
			return -1;
	}
	for (int i = 0; i < v->n_proc; i++) {
		struct pcare_procedure *t = &v->proc[i];
		json_t *body = t->removed || *t->id ? NULL : pcare_tindakan_json(v, t);
		if (detail(p, v, "tindakan", "tindakan", "kdTindakanSK", t->kd, t->id, sizeof t->id, t->removed, body, w) != 0)
			return -1;
	}
	return 0;
}

/* The visit itself: a PUT of what P-Care has, or the POST that makes it. */
static int report_visit(struct pcare *p, struct pcare_visit *v, struct why *w)
{
	if (!*v->no_kunjungan)
		return create(p, "kunjungan/v1", pcare_kunjungan_json(v), "noKunjungan", "kunjungan", "", v->no_kunjungan,
			      sizeof v->no_kunjungan, w) == 0 ? 0 : -1;
	json_t *r, *body = pcare_kunjungan_json(v);
	const char *parts[] = { "kunjungan/v1", NULL };
	enum reply got = call(p, "PUT", parts, body, &r, w->text, sizeof w->text, &w->how);
	json_decref(body);
	json_decref(r);
	if (got == REPLY_NOT_FOUND) {
		w->how = OUTBOX_PERMANENT;
		snprintf(w->text, sizeof w->text, "P-Care tidak lagi punya kunjungan %s", v->no_kunjungan);
	}
	if (got != REPLY_OK)
		return -1;
	outbox_write_known(p->claim);	/* updated in place: no number to keep */
	return 0;
}

/* Registration, then (once it has diagnoses) the visit as POST or PUT, then its details. */
static int deliver(struct pcare *p, struct pcare_visit *v, struct why *w)
{
	int rc;
	/* moved to another unit: P-Care cannot change a registration's poli */
	if (*v->no_urut && strcmp(v->urut_poli, v->kd_poli) != 0 && (rc = withdraw(p, v, w)) != 0)
		return rc;
	if (!*v->no_urut && (rc = register_visit(p, v, w)) != 0)
		return rc;
	if (!v->n_diag)
		return 0;	/* the visit goes when its diagnoses come */
	if (!*v->kd_dokter) {
		w->how = OUTBOX_PERMANENT;
		snprintf(w->text, sizeof w->text, "nakes %s belum punya kode dokter P-Care: tulis [pcare] dokter_%s = KODE "
			 "(atau dokter = KODE), lalu kirim ulang", *v->nakes ? v->nakes : "-", *v->nakes ? v->nakes : "NAMA");
		return -1;
	}
	if (!pcare_status_pulang(v)) {
		snprintf(w->text, sizeof w->text, "pasien rawat inap belum pulang: isi keadaan keluar dan tanggal keluar di "
			 "formulir Rawat inap, lalu kunjungan ini dikirim");
		return 1;
	}
	if (report_visit(p, v, w) != 0)
		return -1;
	return details(p, v, w);
}

/* Load, and what the visit needs before anything can go: the card number and
 * the unit's kdPoli. 0 ready, 1 waits for data, 2 nothing to do (cancelled
 * before anything of it reached P-Care), -1 failed (w), -2 the database. */
static int prepare(struct pcare *p, const struct outbox_claim *c, struct pcare_visit *v, struct why *w, struct sbuf *err)
{
	if (pcare_load(p->db, c->id, &p->cfg->pcare, v, err) != 0)
		return -2;
	if (v->cancelled && !c->ask && !*v->no_urut && !*v->no_kunjungan)
		return 2;
	int rc = card_number(p, v, w);
	if (rc == 0 && !*v->kd_poli) {
		w->how = OUTBOX_PERMANENT;
		snprintf(w->text, sizeof w->text, "unit %s belum punya kode poli P-Care: tulis [pcare] poli_%s = KODE, lalu "
			 "kirim ulang", v->unit, v->unit);
		rc = -1;
	}
	return rc;
}

/* One claimed item, its outcome reported to the outbox. */
static int send_item(struct pcare *p, struct outbox_claim *c, struct outbox_outcome *o, struct sbuf *err)
{
	struct pcare_visit v;
	struct why w = { "", OUTBOX_RETRY };
	int rc = prepare(p, c, &v, &w, err);
	if (rc == -2)
		return -1;
	if (rc == 0 && c->ask && (rc = recover(p, &v, &w)) == 0) {
		outbox_asked(c);
		char card[sizeof v.no_kartu];
		str_copy(card, sizeof card, v.no_kartu);
		pcare_visit_free(&v);	/* again, with the numbers P-Care has */
		if (pcare_load(p->db, c->id, &p->cfg->pcare, &v, err) != 0)
			return -1;
		str_copy(v.no_kartu, sizeof v.no_kartu, card);
	}
	if (rc == 0)
		rc = v.cancelled ? withdraw(p, &v, &w) : deliver(p, &v, &w);
	pcare_visit_free(&v);
	o->done = rc == 0 || rc == 2;
	o->how = rc == 1 ? OUTBOX_WAIT_DATA : w.how;
	snprintf(o->why, sizeof o->why, "%s", w.text);
	return 0;
}

static int send_one(void *ctx, struct outbox_claim *c, struct outbox_outcome *o, struct sbuf *err)
{
	struct pcare *p = ctx;
	p->claim = c;
	int rc = send_item(p, c, o, err);
	p->claim = NULL;
	return rc;
}

int pcare_pass(struct pcare *p, struct outbox_pass *r, struct sbuf *err)
{
	/* P-Care has no conditional create: an unfinished attempt's requests must
	 * have ended (each at most batas_waktu; two for the server to finish
	 * what it took) before P-Care is asked what it has */
	void *ctx = p;
	struct outbox_sender snd = { "pcare", 2 * p->cfg->pcare.batas_waktu, p->cfg->pcare.jeda, 0, send_one, 1, &p->db,
				     &ctx };
	return outbox_pass(&snd, r, err);
}
