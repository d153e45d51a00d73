/* The configuration of sending: [satusehat] and the puskesmas' time zone.
 * Checked whole when the file is read, so a sender never starts half set up. */
#include "pkm/config.h"
#include "pkm/date.h"
#include "pkm/ini.h"
#include <ctype.h>
#include <stddef.h>
#include <string.h>

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

static const char *const satusehat_keys[] = { "aktif", "mulai", "url_auth", "url_fhir", "organisasi", "client_id",
					       "rahasia", "dokter", "batas_waktu", "jeda", "lokasi_*", NULL };

#define SK(k, field) { k, offsetof(struct satusehat_config, field), sizeof(((struct satusehat_config *)0)->field) }
static const struct { const char *key; size_t off, size; } text_keys[] = {
	SK("mulai", mulai), SK("url_auth", url_auth), SK("url_fhir", url_fhir), SK("organisasi", organisasi),
	SK("client_id", client_id), SK("rahasia", rahasia), SK("dokter", dokter),
};

/* Patient data leaves only over TLS; plain HTTP is for a test server on this machine. */
static int url_ok(const char *u)
{
	return strncmp(u, "https://", 8) == 0 || strncmp(u, "http://127.0.0.1:", 17) == 0 ||
	       strncmp(u, "http://localhost:", 17) == 0;
}

static void read_lokasi(const struct ini *ini, struct satusehat_config *s, struct sbuf *err)
{
	char **keys;
	int n = ini_key_names(ini, "satusehat", &keys);
	for (int i = 0; i < n; i++) {
		if (strncmp(keys[i], "lokasi_", 7) != 0)
			continue;
		const char *v = ini_get(ini, "satusehat", keys[i]);
		if (s->n_lokasi >= SATUSEHAT_LOKASI_MAX)
			ini_error(ini, err, "satusehat", keys[i], "paling banyak %d kunci lokasi_", SATUSEHAT_LOKASI_MAX);
		else if (strlen(keys[i] + 7) >= sizeof s->lokasi[0].unit || !keys[i][7] ||
			 !v || !*v || strlen(v) >= sizeof s->lokasi[0].id)
			ini_error(ini, err, "satusehat", keys[i], "%s harus lokasi_UNIT = id Location (maks. %zu karakter)",
				  keys[i], sizeof s->lokasi[0].id - 1);
		else {
			str_copy(s->lokasi[s->n_lokasi].unit, sizeof s->lokasi[0].unit, keys[i] + 7);
			str_upper(s->lokasi[s->n_lokasi].unit);	/* iniparser lower-cases keys */
			str_copy(s->lokasi[s->n_lokasi++].id, sizeof s->lokasi[0].id, v);
		}
	}
	free_names(keys, n);
}

static void require(const struct ini *ini, const char *value, const char *key, struct sbuf *err)
{
	if (!*value)
		ini_error(ini, err, "satusehat", NULL, "[satusehat] aktif = ya memerlukan %s", key);
}

void config_read_satusehat(const struct ini *ini, struct pkm_config *c, struct sbuf *err)
{
	const char *zone = ini_get(ini, "puskesmas", "zona");
	if (zone && zone_parse(zone) < 0)
		ini_error(ini, err, "puskesmas", "zona", "zona harus Asia/Jakarta (WIB), Asia/Makassar (WITA) atau "
			  "Asia/Jayapura (WIT), bukan '%s'", zone);
	else if (zone)
		c->zone_minutes = zone_parse(zone);

	struct satusehat_config *s = &c->satusehat;
	ini_check_keys(ini, "satusehat", satusehat_keys, err);
	const char *aktif = ini_get(ini, "satusehat", "aktif");
	if (aktif && strcmp(aktif, "ya") != 0 && strcmp(aktif, "tidak") != 0)
		ini_error(ini, err, "satusehat", "aktif", "aktif harus 'ya' atau 'tidak', bukan '%s'", aktif);
	s->aktif = aktif && strcmp(aktif, "ya") == 0;
	s->stated = aktif != NULL;
	for (size_t i = 0; i < ARRAY_LEN(text_keys); i++) {
		const char *v = ini_get(ini, "satusehat", text_keys[i].key);
		if (v && strlen(v) >= text_keys[i].size)
			ini_error(ini, err, "satusehat", text_keys[i].key, "%s terlalu panjang (maksimal %zu karakter)",
				  text_keys[i].key, text_keys[i].size - 1);
		else if (v)
			str_copy((char *)s + text_keys[i].off, text_keys[i].size, v);
	}
	ini_get_long(ini, "satusehat", "batas_waktu", 1, 300, &s->batas_waktu, err);
	ini_get_long(ini, "satusehat", "jeda", 0, 86400, &s->jeda, err);
	read_lokasi(ini, s, err);
	struct date d;
	if (*s->mulai && date_parse(s->mulai, &d) != 0)
		ini_error(ini, err, "satusehat", "mulai", "mulai harus tanggal YYYY-MM-DD, bukan '%s'", s->mulai);
	if (*s->dokter && (strlen(s->dokter) != 16 || !str_is_digits(s->dokter)))
		ini_error(ini, err, "satusehat", "dokter", "dokter harus NIK 16 angka");
	const char *urls[] = { "url_auth", "url_fhir" };
	for (size_t i = 0; i < ARRAY_LEN(urls); i++) {
		const char *v = ini_get(ini, "satusehat", urls[i]);
		if (v && !url_ok(v))
			ini_error(ini, err, "satusehat", urls[i], "%s harus alamat https:// (data pasien hanya lewat TLS)",
				  urls[i]);
	}
	if (!s->aktif)
		return;
	require(ini, s->mulai, "mulai", err);
	require(ini, s->url_auth, "url_auth", err);
	require(ini, s->url_fhir, "url_fhir", err);
	require(ini, s->organisasi, "organisasi", err);
	require(ini, s->client_id, "client_id", err);
	require(ini, s->rahasia, "rahasia (berkas berisi client_secret)", err);
}
