/* The configuration of sending: [satusehat], [pcare] and the puskesmas' time zone.
 * Checked whole when the file is read, so a sender never starts half set up. */
#include "pkm/config.h"
#include "pkm/date.h"
#include "pkm/ini.h"
#include <ctype.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Indonesia keeps no daylight saving: each zone is one fixed offset. */
static const struct { const char *name; int minutes; } zones[] = {
	{ "Asia/Jakarta", 420 }, { "Asia/Pontianak", 420 }, { "WIB", 420 },
	{ "Asia/Makassar", 480 }, { "WITA", 480 }, { "Asia/Jayapura", 540 }, { "WIT", 540 },
};

int zone_parse(const char *s)
{
	for (size_t i = 0; i < ARRAY_LEN(zones); i++)
		if (strcmp(s, zones[i].name) == 0)
			return zones[i].minutes;
	return -1;
}

const char *kirim_map_get(const struct kirim_map *m, const char *key)
{
	for (int i = 0; i < m->n; i++)
		if (strcmp(m->e[i].key, key) == 0)
			return m->e[i].value;
	return NULL;
}

/* A section's text keys, each into its field of `base`. */
struct text_key { const char *key; size_t off, size; };
#define TEXT_KEY(type, k, field) { k, offsetof(type, field), sizeof(((type *)0)->field) }

static void read_text(const struct ini *ini, const char *section, const struct text_key *keys, size_t n, void *base,
		      struct sbuf *err)
{
	for (size_t i = 0; i < n; i++) {
		const char *v = ini_get(ini, section, keys[i].key);
		if (v && strlen(v) >= keys[i].size)
			ini_error(ini, err, section, keys[i].key, "%s terlalu panjang (maksimal %zu karakter)", keys[i].key,
				  keys[i].size - 1);
		else if (v)
			str_copy((char *)base + keys[i].off, keys[i].size, v);
	}
}

/* aktif = ya|tidak; *stated when the file says either. */
static int read_aktif(const struct ini *ini, const char *section, int *stated, struct sbuf *err)
{
	const char *aktif = ini_get(ini, section, "aktif");
	if (aktif && strcmp(aktif, "ya") != 0 && strcmp(aktif, "tidak") != 0)
		ini_error(ini, err, section, "aktif", "aktif harus 'ya' atau 'tidak', bukan '%s'", aktif);
	*stated = aktif != NULL;
	return aktif && strcmp(aktif, "ya") == 0;
}

/* A host name: dot-separated labels of letters, digits and inner hyphens. */
static int host_name_ok(const char *h, size_t n)
{
	size_t label = 0;
	for (size_t i = 0; i <= n; i++) {
		if (i == n || h[i] == '.') {
			if (label == 0 || label > 63 || h[i - 1] == '-' || h[i - label] == '-')
				return 0;
			label = 0;
		} else if (isalnum((unsigned char)h[i]) || h[i] == '-')
			label++;
		else
			return 0;
	}
	return n <= 253;
}

const char *url_refused(const char *u)
{
	for (const char *c = u; *c; c++)
		if ((unsigned char)*c <= ' ' || (unsigned char)*c >= 0x7F)
			return "berisi spasi, karakter kendali atau huruf di luar ASCII";
	if (strchr(u, '#'))
		return "tidak boleh memuat '#'";
	int tls = strncasecmp(u, "https://", 8) == 0;
	if (!tls && strncasecmp(u, "http://", 7) != 0)
		return "harus alamat https:// (data pasien hanya lewat TLS)";
	const char *a = u + (tls ? 8 : 7);
	size_t len = strcspn(a, "/?");	/* the authority: host and port */
	if (memchr(a, '@', len))
		return "tidak boleh memuat nama pengguna (@)";
	size_t host_len;
	if (*a == '[') {	/* an IPv6 literal */
		const char *end = memchr(a, ']', len);
		host_len = end ? (size_t)(end - a) + 1 : 0;
		if (!end || host_len < 4 || strspn(a + 1, "0123456789abcdefABCDEF:.") != host_len - 2 ||
		    !memchr(a, ':', host_len))
			return "nama host tidak sah";
	} else {
		host_len = strcspn(a, ":/?");
		if (!host_name_ok(a, host_len))
			return "nama host tidak sah";
	}
	if (host_len < len) {	/* ":port" and nothing else */
		const char *port = a + host_len;
		char *end = NULL;
		long p = *port == ':' && isdigit((unsigned char)port[1]) ? strtol(port + 1, &end, 10) : 0;
		if (p < 1 || p > 65535 || end != a + len)
			return "port harus bilangan 1-65535";
	}
	static const char *const local[] = { "127.0.0.1", "[::1]", "localhost" };
	for (size_t i = 0; !tls && i < ARRAY_LEN(local); i++)
		if (host_len == strlen(local[i]) && strncasecmp(a, local[i], host_len) == 0)
			return NULL;
	return tls ? NULL : "harus alamat https:// (data pasien hanya lewat TLS)";
}

/* Patient data leaves only over TLS; plain HTTP is for a test server on this machine. */
static void check_url(const struct ini *ini, const char *section, const char *key, struct sbuf *err)
{
	const char *u = ini_get(ini, section, key);
	const char *why = u && *u ? url_refused(u) : NULL;
	if (why)
		ini_error(ini, err, section, key, "%s %s", key, why);
}

/* The keys `prefix`SOMETHING of a section; `upper`: SOMETHING names a unit,
 * which the file writes as it likes (iniparser lower-cases keys). `form`
 * says how such a line is written, for the message. */
static void read_map(const struct ini *ini, const char *section, const char *prefix, int upper, const char *form,
		     struct kirim_map *m, struct sbuf *err)
{
	char **keys;
	int n = ini_key_names(ini, section, &keys);
	size_t plen = strlen(prefix);
	for (int i = 0; i < n; i++) {
		if (strncmp(keys[i], prefix, plen) != 0)
			continue;
		const char *v = ini_get(ini, section, keys[i]), *k = keys[i] + plen;
		if (m->n >= KIRIM_MAP_MAX)
			ini_error(ini, err, section, keys[i], "paling banyak %d kunci %s", KIRIM_MAP_MAX, prefix);
		else if (!*k || strlen(k) >= sizeof m->e[0].key || !v || !*v || strlen(v) >= sizeof m->e[0].value)
			ini_error(ini, err, section, keys[i], "%s harus %s (maks. %zu karakter)", keys[i], form,
				  sizeof m->e[0].value - 1);
		else {
			str_copy(m->e[m->n].key, sizeof m->e[0].key, k);
			if (upper)
				str_upper(m->e[m->n].key);
			str_copy(m->e[m->n++].value, sizeof m->e[0].value, v);
		}
	}
	free_names(keys, n);
}

/* maks_jawaban: the largest answer body read, in MB; kept in bytes. */
static void read_answer_limit(const struct ini *ini, const char *section, long *bytes, struct sbuf *err)
{
	long mb = *bytes >> 20;
	ini_get_long(ini, section, "maks_jawaban", 1, 64, &mb, err);
	*bytes = mb << 20;
}

static void require(const struct ini *ini, const char *section, const char *value, const char *key, struct sbuf *err)
{
	if (!*value)
		ini_error(ini, err, section, NULL, "[%s] aktif = ya memerlukan %s", section, key);
}

static void check_date(const struct ini *ini, const char *section, const char *value, struct sbuf *err)
{
	struct date d;
	if (*value && date_parse(value, &d) != 0)
		ini_error(ini, err, section, "mulai", "mulai harus tanggal YYYY-MM-DD, bukan '%s'", value);
}

static const char *const satusehat_keys[] = { "aktif", "mulai", "url_auth", "url_fhir", "organisasi", "client_id",
					       "rahasia", "dokter", "batas_waktu", "jeda", "maks_jawaban", "paralel",
					       "lokasi_*", NULL };
static const struct text_key satusehat_text[] = {
	TEXT_KEY(struct satusehat_config, "mulai", mulai), TEXT_KEY(struct satusehat_config, "url_auth", url_auth),
	TEXT_KEY(struct satusehat_config, "url_fhir", url_fhir),
	TEXT_KEY(struct satusehat_config, "organisasi", organisasi),
	TEXT_KEY(struct satusehat_config, "client_id", client_id), TEXT_KEY(struct satusehat_config, "rahasia", rahasia),
	TEXT_KEY(struct satusehat_config, "dokter", dokter),
};

static void read_satusehat(const struct ini *ini, struct satusehat_config *s, struct sbuf *err)
{
	const char *sec = "satusehat";
	ini_check_keys(ini, sec, satusehat_keys, err);
	s->aktif = read_aktif(ini, sec, &s->stated, err);
	read_text(ini, sec, satusehat_text, ARRAY_LEN(satusehat_text), s, err);
	ini_get_long(ini, sec, "batas_waktu", 1, 300, &s->batas_waktu, err);
	ini_get_long(ini, sec, "jeda", 0, 86400, &s->jeda, err);
	read_answer_limit(ini, sec, &s->maks_jawaban, err);
	ini_get_long(ini, sec, "paralel", 1, 16, &s->paralel, err);
	read_map(ini, sec, "lokasi_", 1, "lokasi_UNIT = id Location", &s->lokasi, err);
	check_date(ini, sec, s->mulai, err);
	if (*s->dokter && (strlen(s->dokter) != 16 || !str_is_digits(s->dokter)))
		ini_error(ini, err, sec, "dokter", "dokter harus NIK 16 angka");
	check_url(ini, sec, "url_auth", err);
	check_url(ini, sec, "url_fhir", err);
	if (!s->aktif)
		return;
	require(ini, sec, s->mulai, "mulai", err);
	require(ini, sec, s->url_auth, "url_auth", err);
	require(ini, sec, s->url_fhir, "url_fhir", err);
	require(ini, sec, s->organisasi, "organisasi", err);
	require(ini, sec, s->client_id, "client_id", err);
	require(ini, sec, s->rahasia, "rahasia (berkas berisi client_secret)", err);
}

static const char *const pcare_keys[] = { "aktif", "mulai", "url", "cons_id", "rahasia", "pengguna", "kd_aplikasi",
					   "kd_provider", "dokter", "batas_waktu", "cek_waktu", "jeda", "maks_jawaban",
					   "poli_*",
					   "dokter_*", "tindakan_*", NULL };
static const struct text_key pcare_text[] = {
	TEXT_KEY(struct pcare_config, "mulai", mulai), TEXT_KEY(struct pcare_config, "url", url),
	TEXT_KEY(struct pcare_config, "cons_id", cons_id), TEXT_KEY(struct pcare_config, "rahasia", rahasia),
	TEXT_KEY(struct pcare_config, "pengguna", pengguna), TEXT_KEY(struct pcare_config, "kd_aplikasi", kd_aplikasi),
	TEXT_KEY(struct pcare_config, "kd_provider", kd_provider), TEXT_KEY(struct pcare_config, "dokter", dokter),
};

static void read_pcare(const struct ini *ini, struct pcare_config *p, struct sbuf *err)
{
	const char *sec = "pcare";
	ini_check_keys(ini, sec, pcare_keys, err);
	p->aktif = read_aktif(ini, sec, &p->stated, err);
	read_text(ini, sec, pcare_text, ARRAY_LEN(pcare_text), p, err);
	ini_get_long(ini, sec, "batas_waktu", 1, 300, &p->batas_waktu, err);
	ini_get_long(ini, sec, "cek_waktu", 1, 30, &p->cek_waktu, err);
	ini_get_long(ini, sec, "jeda", 0, 86400, &p->jeda, err);
	read_answer_limit(ini, sec, &p->maks_jawaban, err);
	read_map(ini, sec, "poli_", 1, "poli_UNIT = kode poli P-Care", &p->poli, err);
	read_map(ini, sec, "dokter_", 0, "dokter_PENGGUNA = kode dokter P-Care", &p->dokter_map, err);
	read_map(ini, sec, "tindakan_", 0, "tindakan_TABEL.KOLOM = kode tindakan P-Care", &p->tindakan, err);
	check_date(ini, sec, p->mulai, err);
	check_url(ini, sec, "url", err);
	for (int i = 0; i < p->tindakan.n; i++)
		if (!strchr(p->tindakan.e[i].key, '.'))
			ini_error(ini, err, sec, NULL, "tindakan_%s harus tindakan_TABEL.KOLOM = kode tindakan P-Care",
				  p->tindakan.e[i].key);
	if (!p->aktif)
		return;
	require(ini, sec, p->mulai, "mulai", err);
	require(ini, sec, p->url, "url", err);
	require(ini, sec, p->cons_id, "cons_id", err);
	require(ini, sec, p->rahasia, "rahasia (berkas berisi rahasia, sandi dan user_key)", err);
	require(ini, sec, p->pengguna, "pengguna", err);
	require(ini, sec, p->kd_provider, "kd_provider (kode FKTP puskesmas)", err);
}

static const char *const dhis2_keys[] = { "url", "pengguna", "rahasia", "batas_waktu", "maks_jawaban", NULL };
static const struct text_key dhis2_text[] = {
	TEXT_KEY(struct dhis2_config, "url", url), TEXT_KEY(struct dhis2_config, "pengguna", pengguna),
	TEXT_KEY(struct dhis2_config, "rahasia", rahasia),
};

/* [dhis2] has no aktif: it is used only when `pkm kirim dhis2` is run. */
static void read_dhis2(const struct ini *ini, struct dhis2_config *d, struct sbuf *err)
{
	const char *sec = "dhis2";
	ini_check_keys(ini, sec, dhis2_keys, err);
	read_text(ini, sec, dhis2_text, ARRAY_LEN(dhis2_text), d, err);
	ini_get_long(ini, sec, "batas_waktu", 1, 600, &d->batas_waktu, err);
	read_answer_limit(ini, sec, &d->maks_jawaban, err);
	check_url(ini, sec, "url", err);
}

void config_read_kirim(const struct ini *ini, struct pkm_config *c, struct sbuf *err)
{
	const char *zone = ini_get(ini, "puskesmas", "zona");
	if (zone && zone_parse(zone) < 0)
		ini_error(ini, err, "puskesmas", "zona", "zona harus Asia/Jakarta (WIB), Asia/Makassar (WITA) atau "
			  "Asia/Jayapura (WIT), bukan '%s'", zone);
	else if (zone)
		c->zone_minutes = zone_parse(zone);
	read_satusehat(ini, &c->satusehat, err);
	read_pcare(ini, &c->pcare, err);
	read_dhis2(ini, &c->dhis2, err);
}
