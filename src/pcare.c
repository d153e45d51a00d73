/* P-Care over HTTP. Each request is signed (X-signature over cons_id and the
 * timestamp) and its response's `response` decrypted with a key made of the
 * same timestamp. A visit goes as steps whose numbers are stored as each
 * arrives (pendaftaran's noUrut, kunjungan's noKunjungan, each drug's
 * kdObatSK, each procedure's kdTindakanSK); the attempt after an unfinished
 * one first asks P-Care what it already has, so nothing is created twice.
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
	p->http = http_new(timeout);
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

/* What a call came back with. */
enum reply { REPLY_OK, REPLY_NOT_FOUND, REPLY_FAILED };

/* One request: signed headers, then metaData judged and `response`
 * decrypted. *out: the response (new reference, may be JSON null) on OK. */
static enum reply call(struct pcare *p, const char *method, const char *path, json_t *body, json_t **out, char *why,
		       size_t size, enum outbox_failure *how)
{
	const struct pcare_config *c = &p->cfg->pcare;
	*out = NULL;
	*how = OUTBOX_RETRY;
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
	sb_printf(&url, "%s/%s", c->url, path);
	struct http_response r = { 0 };
	int rc = http_request(p->http, method, sb_str(&url), headers, text, &r);
	memset(key, 0, sizeof key);
	free(text);
	sb_free(&url);
	if (rc != 0) {
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
	else {
		*how = code >= 500 || code == 408 || code == 429 ? OUTBOX_RETRY : OUTBOX_PERMANENT;
		snprintf(why, size, "%s P-Care (kode %ld): %s", *how == OUTBOX_RETRY ? "galat" : "ditolak", code,
			 message && *message ? message : "tanpa keterangan");
		if (code == 401)
			snprintf(why, size, "P-Care menolak login (kode 401): periksa pengguna, sandi, cons_id dan rahasia");
	}
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
	char path[64];
	if (no_kartu && *no_kartu)
		snprintf(path, sizeof path, "peserta/%s", no_kartu);
	else
		snprintf(path, sizeof path, "peserta/nik/%s", nik);
	json_t *r;
	enum outbox_failure how;
	enum reply got = call(p, "GET", path, NULL, &r, why, size, &how);
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

static int keep(struct pcare *p, const struct pcare_visit *v, const char *jenis, const char *kunci, const char *id,
		struct why *w)
{
	struct sbuf e = { 0 };
	return outbox_source_set(p->db, v->kirim_id, jenis, kunci, id, &e) == 0 ? 0 : fail_db(w, &e);
}

static int forget(struct pcare *p, const struct pcare_visit *v, const char *jenis, const char *kunci, struct why *w)
{
	struct sbuf e = { 0 };
	return outbox_source_drop(p->db, v->kirim_id, jenis, kunci, &e) == 0 ? 0 : fail_db(w, &e);
}

/* A number P-Care writes as a string or an integer. */
static void number_text(json_t *j, char *out, size_t size)
{
	if (json_is_integer(j))
		snprintf(out, size, "%lld", (long long)json_integer_value(j));
	else
		str_copy(out, size, json_is_string(j) ? json_string_value(j) : "");
}

/* POST what creates one thing; its number (response field `field`) into id. */
static int create(struct pcare *p, const char *path, json_t *body, const char *field, char *id, size_t isize,
		  struct why *w)
{
	json_t *r;
	enum reply got = call(p, "POST", path, body, &r, w->text, sizeof w->text, &w->how);
	json_decref(body);
	if (got == REPLY_NOT_FOUND) {
		w->how = OUTBOX_PERMANENT;
		snprintf(w->text, sizeof w->text, "P-Care menjawab 'tidak ditemukan' pada %s", path);
	}
	if (got != REPLY_OK)
		return -1;
	char got_id[64];
	number_text(field_value(r, field), got_id, sizeof got_id);
	json_decref(r);
	if (!*got_id || strlen(got_id) >= isize) {
		w->how = OUTBOX_RETRY;	/* it may exist: the next attempt asks first */
		snprintf(w->text, sizeof w->text, "P-Care tidak memberi %s", field);
		return -1;
	}
	str_copy(id, isize, got_id);
	return 0;
}

/* A DELETE; one P-Care no longer has is done too. */
static int delete_at(struct pcare *p, const char *path, struct why *w)
{
	json_t *r;
	enum reply got = call(p, "DELETE", path, NULL, &r, w->text, sizeof w->text, &w->how);
	json_decref(r);
	return got == REPLY_FAILED ? -1 : 0;
}

/* A list P-Care answers a GET with ({count, list}); NULL when none. */
static int get_list(struct pcare *p, const char *path, json_t **holder, json_t **list, struct why *w)
{
	enum reply got = call(p, "GET", path, NULL, holder, w->text, sizeof w->text, &w->how);
	if (got == REPLY_FAILED)
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

/* After an attempt that may have reached P-Care: take the numbers of what it
 * already has of this visit. */
static int recover(struct pcare *p, struct pcare_visit *v, struct why *w)
{
	char path[160];
	json_t *holder, *list, *e;
	size_t i;
	if (!*v->no_urut) {
		snprintf(path, sizeof path, "pendaftaran/tglDaftar/%s/0/300", v->tanggal);
		if (get_list(p, path, &holder, &list, w) != 0)
			return -1;
		json_array_foreach(list, i, e) {
			const char *card = json_string_value(json_object_get(json_object_get(e, "peserta"), "noKartu"));
			const char *poli = json_string_value(json_object_get(json_object_get(e, "poli"), "kdPoli"));
			if (card && poli && strcmp(card, v->no_kartu) == 0 && strcmp(poli, v->kd_poli) == 0)
				number_text(json_object_get(e, "noUrut"), v->no_urut, sizeof v->no_urut);
		}
		json_decref(holder);
		if (!*v->no_urut)
			return 0;	/* it never arrived: nothing after it can have */
		if (keep(p, v, "pendaftaran", v->kd_poli, v->no_urut, w) != 0)
			return -1;
		str_copy(v->urut_poli, sizeof v->urut_poli, v->kd_poli);
	}
	if (!*v->no_kunjungan) {
		snprintf(path, sizeof path, "kunjungan/peserta/%s", v->no_kartu);
		if (get_list(p, path, &holder, &list, w) != 0)
			return -1;
		json_array_foreach(list, i, e) {
			const char *day = json_string_value(json_object_get(e, "tglKunjungan"));
			const char *poli = json_string_value(json_object_get(json_object_get(e, "poli"), "kdPoli"));
			if (day && poli && strcmp(day, v->tanggal) == 0 && strcmp(poli, v->kd_poli) == 0)
				number_text(json_object_get(e, "noKunjungan"), v->no_kunjungan, sizeof v->no_kunjungan);
		}
		json_decref(holder);
		if (!*v->no_kunjungan)
			return 0;
		if (keep(p, v, "kunjungan", "", v->no_kunjungan, w) != 0)
			return -1;
	}
	/* drugs and procedures: stored under the keys this visit would give them */
	static const struct { const char *path, *jenis, *sk; } kinds[] = {
		{ "obat/kunjungan/%s", "obat", "kdObatSK" }, { "tindakan/kunjungan/%s", "tindakan", "kdTindakanSK" },
	};
	for (size_t k = 0; k < ARRAY_LEN(kinds); k++) {
		snprintf(path, sizeof path, kinds[k].path, v->no_kunjungan);
		if (get_list(p, path, &holder, &list, w) != 0)
			return -1;
		int rc = 0;
		json_array_foreach(list, i, e) {
			char sk[64], key[64], have[64], code[32];
			number_text(json_object_get(e, kinds[k].sk), sk, sizeof sk);
			if (k == 0) {
				number_text(json_object_get(json_object_get(e, "obat"), "kdObat"), code, sizeof code);
				snprintf(key, sizeof key, "%s:%lld", code, (long long)json_integer_value(json_object_get(e, "jmlObat")));
			} else
				number_text(json_object_get(e, "kdTindakan"), key, sizeof key);
			struct sbuf err = { 0 };
			if (rc != 0 || !*sk)
				continue;
			rc = outbox_source_get(p->db, v->kirim_id, kinds[k].jenis, key, have, sizeof have, &err);
			if (rc == 0 && !*have)
				rc = outbox_source_set(p->db, v->kirim_id, kinds[k].jenis, key, sk, &err);
			if (rc != 0)
				fail_db(w, &err);
			sb_free(&err);
		}
		json_decref(holder);
		if (rc != 0)
			return -1;
	}
	return 0;
}

/* A cancelled visit (or one no longer paid by BPJS, or moved to another
 * poli): what P-Care has of it goes, and the visit holds no number after. */
static int withdraw(struct pcare *p, struct pcare_visit *v, struct why *w)
{
	char path[200];
	if (*v->no_kunjungan) {
		snprintf(path, sizeof path, "kunjungan/%s", v->no_kunjungan);
		if (delete_at(p, path, w) != 0 || forget(p, v, "kunjungan", "", w) != 0)
			return -1;
		for (int i = 0; i < v->n_drug; i++)
			if (*v->drug[i].id && forget(p, v, "obat", v->drug[i].key, w) != 0)
				return -1;
		for (int i = 0; i < v->n_proc; i++)
			if (*v->proc[i].id && forget(p, v, "tindakan", v->proc[i].kd, w) != 0)
				return -1;
	}
	if (*v->no_urut) {
		snprintf(path, sizeof path, "pendaftaran/peserta/%s/tglDaftar/%s/noUrut/%s/kdPoli/%s", v->no_kartu,
			 v->tanggal, v->no_urut, v->urut_poli);
		if (delete_at(p, path, w) != 0 || forget(p, v, "pendaftaran", v->urut_poli, w) != 0)
			return -1;
	}
	v->no_urut[0] = v->no_kunjungan[0] = v->urut_poli[0] = 0;
	for (int i = 0; i < v->n_drug; i++)
		v->drug[i].id[0] = 0;
	for (int i = 0; i < v->n_proc; i++)
		v->proc[i].id[0] = 0;
	return 0;
}

/* The registration, with the card checked first (its FKTP goes in it). */
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
	if (create(p, "pendaftaran", pcare_pendaftaran_json(v), "noUrut", v->no_urut, sizeof v->no_urut, w) != 0)
		return -1;
	str_copy(v->urut_poli, sizeof v->urut_poli, v->kd_poli);
	return keep(p, v, "pendaftaran", v->kd_poli, v->no_urut, w);
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
		char path[200];
		snprintf(path, sizeof path, "%s/%s/kunjungan/%s", jenis, id, v->no_kunjungan);
		return delete_at(p, path, w) != 0 || forget(p, v, jenis, key, w) != 0 ? -1 : 0;
	}
	if (*id)
		return 0;	/* P-Care has it */
	if (create(p, post, body, sk, id, isize, w) != 0)
		return -1;
	return keep(p, v, jenis, key, id, w);
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

/* Registration, then (once it has diagnoses) the visit as POST or PUT, then its details. */
static int deliver(struct pcare *p, struct pcare_visit *v, struct why *w)
{
	int rc;
	/* moved to another unit: P-Care cannot change a registration's poli */
	if (*v->no_urut && strcmp(v->urut_poli, v->kd_poli) != 0 && (rc = withdraw(p, v, w)) != 0)
		return rc;
	int had_visit = *v->no_kunjungan != 0;
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
	if (had_visit) {
		json_t *r, *body = pcare_kunjungan_json(v);
		enum reply got = call(p, "PUT", "kunjungan/v1", body, &r, w->text, sizeof w->text, &w->how);
		json_decref(body);
		json_decref(r);
		if (got == REPLY_NOT_FOUND) {
			w->how = OUTBOX_PERMANENT;
			snprintf(w->text, sizeof w->text, "P-Care tidak lagi punya kunjungan %s", v->no_kunjungan);
		}
		if (got != REPLY_OK)
			return -1;
	} else if (create(p, "kunjungan/v1", pcare_kunjungan_json(v), "noKunjungan", v->no_kunjungan,
			  sizeof v->no_kunjungan, w) != 0 || keep(p, v, "kunjungan", "", v->no_kunjungan, w) != 0)
		return -1;
	return details(p, v, w);
}

/* Load, and what the visit needs before anything can go: the card number and
 * the unit's kdPoli. 0 ready, 1 waits for data, 2 nothing to do (cancelled
 * before anything of it reached P-Care), -1 failed (w), -2 the database. */
static int prepare(struct pcare *p, long id, int uncertain, struct pcare_visit *v, struct why *w, struct sbuf *err)
{
	if (pcare_load(p->db, id, &p->cfg->pcare, v, err) != 0)
		return -2;
	if (v->cancelled && !uncertain && !*v->no_urut && !*v->no_kunjungan)
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

/* One item. 1 sent, 0 failed (recorded on the item), -1 the database failed. */
static int send_item(struct pcare *p, long id, struct sbuf *err)
{
	long versi;
	int uncertain;
	if (outbox_attempt(p->db, id, (long)time(NULL), p->cfg->pcare.jeda, &uncertain, &versi, err) != 0)
		return -1;
	struct pcare_visit v;
	struct why w = { "", OUTBOX_RETRY };
	http_doubt_clear(p->http);
	int rc = prepare(p, id, uncertain, &v, &w, err);
	if (rc == -2)
		return -1;
	if (rc == 2) {
		pcare_visit_free(&v);
		return outbox_sent(p->db, id, versi, 0, err) == 0 ? 1 : -1;
	}
	int doubt = uncertain;	/* until P-Care has been asked */
	if (rc == 0 && uncertain && (rc = recover(p, &v, &w)) == 0) {
		doubt = 0;
		char card[sizeof v.no_kartu];
		str_copy(card, sizeof card, v.no_kartu);
		pcare_visit_free(&v);	/* again, with the numbers P-Care has */
		if (pcare_load(p->db, id, &p->cfg->pcare, &v, err) != 0)
			return -1;
		str_copy(v.no_kartu, sizeof v.no_kartu, card);
	}
	if (rc == 0)
		rc = v.cancelled ? withdraw(p, &v, &w) : deliver(p, &v, &w);
	pcare_visit_free(&v);
	if (rc == 0)
		return outbox_sent(p->db, id, versi, 0, err) == 0 ? 1 : -1;
	if (rc == 1)
		w.how = OUTBOX_WAIT_DATA;
	return outbox_failed(p->db, id, w.how, w.text, doubt || http_in_doubt(p->http), err) == 0 ? 0 : -1;
}

static int send_one(void *ctx, long id, struct sbuf *err) { return send_item(ctx, id, err); }

int pcare_pass(struct pcare *p, struct outbox_pass *r, struct sbuf *err)
{
	/* P-Care has no conditional create: an unfinished attempt's requests must
	 * have ended (each at most batas_waktu; two for the server to finish
	 * what it took) before P-Care is asked what it has */
	return outbox_pass(p->db, "pcare", 2 * p->cfg->pcare.batas_waktu, send_one, p, r, err);
}
