/* pkm ekspor dhis2 and pkm kirim dhis2, run in pkm-kirim: the dataValueSet
 * written as JSON or CSV, or sent to /api/dataValueSets, a dry run first.
 * A data value set import is idempotent in DHIS2 (the same values again are
 * updated or ignored), yet nothing here resends by itself: a person decides. */
#include "pkm/dhis2_kirim.h"
#include "pkm/cli_final.h"
#include "pkm/http.h"
#include "pkm/output.h"
#include "pkm/pcare_crypto.h"
#include "pkm/secret.h"
#include <stdlib.h>
#include <string.h>

struct dhis2_args {
	const char *month, *laporan, *peta, *format, *out;
	int paksa;
};

static int usage(int send)
{
	fputs(send ? "pkm: kirim dhis2 --month MM-YYYY --laporan lb1|lb2|lb3|lb4|jampersal --peta BERKAS [--paksa]\n"
		   : "pkm: ekspor dhis2 --month MM-YYYY --laporan lb1|lb2|lb3|lb4|jampersal --peta BERKAS "
		     "[--format json|csv] [--out BERKAS]\n", stderr);
	return 2;
}

static int parse_args(int send, int argc, char **argv, struct dhis2_args *a)
{
	memset(a, 0, sizeof *a);
	a->format = "json";
	for (int i = 0; i < argc; i++) {
		const char *o = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (send && strcmp(o, "--paksa") == 0) {
			a->paksa = 1;
			continue;
		}
		const char **into = strcmp(o, "--month") == 0 || strcmp(o, "--bulan") == 0 ? &a->month
				    : strcmp(o, "--laporan") == 0 ? &a->laporan
				    : strcmp(o, "--peta") == 0 ? &a->peta
				    : !send && strcmp(o, "--format") == 0 ? &a->format
				    : !send && strcmp(o, "--out") == 0 ? &a->out : NULL;
		if (!into || !v)
			return -1;
		*into = v;
		i++;
	}
	if (!a->month || !a->laporan || !a->peta || (strcmp(a->format, "json") != 0 && strcmp(a->format, "csv") != 0))
		return -1;
	return 0;
}

/* The mapping and the month's values; warnings (unmapped cells) on stderr. */
static int build(sqlite3 *db, const struct pkm_config *cfg, const struct dhis2_args *a, struct dhis2_map *m,
		 struct dhis2_set *s, struct sbuf *err)
{
	if (dhis2_map_load(a->peta, a->laporan, m, err) != 0)
		return -1;
	struct sbuf warn = { 0 };
	int rc = dhis2_build(db, cfg, m, a->month, s, &warn, err);
	if (warn.len) {
		fputs("pkm: peringatan: sel bukan nol yang tidak ada di peta (tidak dikirim):\n", stderr);
		out_puts(stderr, sb_str(&warn));
	}
	sb_free(&warn);
	if (rc == 0 && !*s->complete)	/* DHIS2 then holds the month as not complete */
		fprintf(stderr, "pkm: catatan: laporan bulan ini %s; completeDate tidak ditulis\n",
			s->changed ? "berubah setelah FINAL" : "belum FINAL");
	return rc;
}

static int write_export(sqlite3 *db, const char *db_path, const struct pkm_config *cfg, const struct dhis2_args *a,
			const struct dhis2_set *s, struct sbuf *err)
{
	char backups[PATH_MAX];
	config_backup_dir(cfg, db_path, backups, sizeof backups);
	struct out o;
	if (out_open(&o, db, backups, a->out, err) != 0)
		return -1;
	if (strcmp(a->format, "csv") == 0)
		dhis2_write_csv(s, o.f);
	else {
		char *json = dhis2_json(s, 1);
		fprintf(o.f, "%s\n", json);
		free(json);
	}
	return out_close(&o, 1, err);
}

/* The Authorization header from the secret file: token = d2pat_... (ApiToken)
 * or sandi = ... (Basic with pengguna). */
static int auth_header(const struct dhis2_config *d, char *out, size_t size, struct sbuf *err)
{
	char text[1024], value[512];
	struct sbuf none = { 0 };
	if (!*d->rahasia) {
		sb_add(err, "[dhis2] rahasia (berkas berisi sandi = ... atau token = d2pat_...) belum diisi di konfigurasi");
		return -1;
	}
	if (secret_read(d->rahasia, text, sizeof text, err) != 0)
		return -1;
	int rc = 0;
	if (secret_value(text, d->rahasia, "token", value, sizeof value, &none) == 0)
		snprintf(out, size, "Authorization: ApiToken %s", value);
	else if (!*d->pengguna) {
		sb_add(err, "[dhis2] pengguna belum diisi (sandi dipakai bersama pengguna)");
		rc = -1;
	} else if (secret_value(text, d->rahasia, "sandi", value, sizeof value, err) == 0) {
		char login[600];
		struct sbuf b = { 0 };
		snprintf(login, sizeof login, "%s:%s", d->pengguna, value);
		pcare_base64(login, &b);
		snprintf(out, size, "Authorization: Basic %s", sb_str(&b));
		memset(login, 0, sizeof login);
		memset(b.s, 0, b.len);
		sb_free(&b);
	} else
		rc = -1;
	memset(text, 0, sizeof text);
	memset(value, 0, sizeof value);
	sb_free(&none);
	return rc;
}

/* One POST and its summary printed; 0 with *conflicts, -1 with err. */
static int post(struct http *h, const char *url, const char *auth, const char *body, const char *what, int *conflicts,
		struct sbuf *err)
{
	const char *headers[] = { "Content-Type: application/json", "Accept: application/json", auth, NULL };
	struct http_response r = { 0 };
	int rc = http_request(h, "POST", url, headers, body, &r);
	struct dhis2_summary s;
	struct sbuf why = { 0 };
	if (rc != 0)
		sb_printf(err, "%s gagal: %s", what, r.error);
	else if (r.status != 200 && r.status != 201 && r.status != 409)	/* 2.38+ answers conflicts as 409 */
		sb_printf(err, "%s: DHIS2 menjawab HTTP %ld: %.200s", what, r.status, sb_str(&r.body));
	else if (dhis2_summary_parse(sb_str(&r.body), &s, &why) != 0)
		sb_printf(err, "%s: %s (HTTP %ld)", what, sb_str(&why), r.status);
	else {
		struct sbuf text = { 0 };
		sb_printf(&text, "%s: status %s, %ld diimpor, %ld diperbarui, %ld diabaikan, %ld dihapus, %d konflik\n",
			  what, s.status, s.imported, s.updated, s.ignored, s.deleted, s.nconflicts);
		if (*s.description)
			sb_printf(&text, "  %s\n", s.description);
		for (const char *p = sb_str(&s.conflicts); *p; p += strcspn(p, "\n") + 1)
			sb_printf(&text, "  konflik %.*s\n", (int)strcspn(p, "\n"), p);
		out_puts(stdout, sb_str(&text));	/* the server's words shown, never obeyed */
		fflush(stdout);
		sb_free(&text);
		*conflicts = s.nconflicts + (strcmp(s.status, "ERROR") == 0);
		sb_free(&s.conflicts);
	}
	sb_free(&why);
	sb_free(&r.body);
	return err->len ? -1 : 0;
}

static int send_set(const struct pkm_config *cfg, const struct dhis2_map *m, const struct dhis2_set *s, int paksa,
		    struct sbuf *err)
{
	const struct dhis2_config *d = &cfg->dhis2;
	if (!*d->url) {
		sb_add(err, "[dhis2] url (alamat DHIS2, mis. https://dhis2.dinkes.example.go.id) belum diisi di konfigurasi");
		return -1;
	}
	char auth[1024];
	if (auth_header(d, auth, sizeof auth, err) != 0)
		return -1;
	struct http *h = http_new(d->batas_waktu, d->maks_jawaban);
	if (!h) {
		memset(auth, 0, sizeof auth);
		sb_add(err, "libcurl tidak dapat dimulai");
		return -1;
	}
	char url[512];
	size_t base = strlen(d->url);
	while (base && d->url[base - 1] == '/')
		base--;
	snprintf(url, sizeof url, "%.*s/api/dataValueSets?idScheme=%s&dryRun=true", (int)base, d->url,
		 m->by_code ? "code" : "uid");
	char *body = dhis2_json(s, 0);
	int conflicts = 0, rc = post(h, url, auth, body, "Uji (dryRun)", &conflicts, err);
	if (rc == 0 && conflicts && !paksa) {
		sb_printf(err, "tidak dikirim: uji menemukan %d konflik; perbaiki peta atau data, atau kirim dengan --paksa",
			  conflicts);
		rc = -1;
	}
	if (rc == 0) {
		url[strlen(url) - strlen("&dryRun=true")] = '\0';
		rc = post(h, url, auth, body, "Impor", &conflicts, err);
		if (rc != 0)	/* it may have arrived: sending again is safe, DHIS2's import is idempotent */
			sb_add(err, "; impor mungkin sudah diterima DHIS2: periksa, atau kirim lagi (nilai yang sama "
				    "hanya diperbarui)");
		else if (conflicts)
			rc = 1;
	}
	free(body);
	http_free(h);
	memset(auth, 0, sizeof auth);
	return rc;
}

int dhis2_command(sqlite3 *db, const char *db_path, const struct pkm_config *cfg, int send, int argc, char **argv)
{
	struct dhis2_args a;
	if (parse_args(send, argc, argv, &a) != 0)
		return usage(send);
	if (cli_month_refused(a.month))
		return 2;
	struct dhis2_map m;
	struct dhis2_set s = { 0 };
	struct sbuf err = { 0 };
	int rc = build(db, cfg, &a, &m, &s, &err);
	if (rc == 0)
		rc = send ? send_set(cfg, &m, &s, a.paksa, &err) : write_export(db, db_path, cfg, &a, &s, &err);
	dhis2_set_free(&s);
	dhis2_map_free(&m);
	while (err.len && err.s[err.len - 1] == '\n')	/* file:line messages end in one */
		err.s[--err.len] = '\0';
	if (rc < 0)
		return out_fail("pkm", &err);
	sb_free(&err);
	return rc;
}
