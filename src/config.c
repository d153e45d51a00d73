#include "pkm/config.h"
#include "pkm/ini.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_CHRONIC "I10-I15, E10-E14, J44, J45, A15-A19, B20-B24, F20-F29"

void config_defaults(struct pkm_config *c)
{
	memset(c, 0, sizeof *c);
	str_copy(c->nama, sizeof c->nama, "PUSKESMAS");
	c->lb1_layout = LAYOUT_KLASIK;
	c->width = 136;
	c->page_lines = 66;
	c->episode_window = 30;
	str_copy(c->forms_dir, sizeof c->forms_dir, PKM_FORMS_DIR);
	c->farmasi = (struct farmasi_config){ .method = OPTIMUM_SUM, .lead_days = 14, .work_days = 25, .buffer_pct = 10,
					      .factor = 160, .expiry_days = 90, .label_width = 40, .maks_resep = 300 };
	c->backup_keep = 7;
	c->backup_daily = 1;
	c->max_failures = 5;
	c->lock_minutes = 15;
	c->idle_minutes = 10;
	c->edit_days = 7;
	c->lonjakan = 50;
	c->zone_minutes = 7 * 60;
	c->satusehat.batas_waktu = 30;
	c->satusehat.jeda = 60;
	c->satusehat.paralel = 4;
	c->pcare.batas_waktu = 30;
	c->pcare.cek_waktu = 3;
	c->pcare.jeda = 60;
	c->satusehat.maks_jawaban = c->pcare.maks_jawaban = c->dhis2.maks_jawaban = 4L << 20;	/* 4 MB */
	c->dhis2.batas_waktu = 60;
	str_copy(c->pcare.kd_aplikasi, sizeof c->pcare.kd_aplikasi, "095");
	for (int i = 0; i < SASARAN_N; i++)
		c->sasaran[i] = -1;
	const char *bad;
	chronic_parse(DEFAULT_CHRONIC, &c->chronic, &bad);
}

const char *const sasaran_names[SASARAN_N + 1] = { "bayi", "balita", "bumil", "bulin", "pus", NULL };

int sasaran_index(const char *name)
{
	for (int i = 0; i < SASARAN_N; i++)
		if (strcmp(sasaran_names[i], name) == 0)
			return i;
	return -1;
}

void config_backup_dir(const struct pkm_config *c, const char *db_path, char *out, size_t size)
{
	if (c->backup_dir[0]) {
		str_copy(out, size, c->backup_dir);
		return;
	}
	const char *slash = strrchr(db_path, '/');
	if (slash)
		snprintf(out, size, "%.*s/cadangan", (int)(slash - db_path), db_path);
	else
		str_copy(out, size, "cadangan");
}

int layout_parse(const char *s, enum layout *out)
{
	if (strcmp(s, "klasik") == 0)
		*out = LAYOUT_KLASIK;
	else if (strcmp(s, "formulir11") == 0)
		*out = LAYOUT_F11;
	else
		return -1;
	return 0;
}

const char *layout_name(enum layout l) { return l == LAYOUT_F11 ? "formulir11" : "klasik"; }

struct text_key {
	const char *section, *key;
	size_t off, size;
};

#define TK(sec, k, field) { sec, k, offsetof(struct pkm_config, field), sizeof(((struct pkm_config *)0)->field) }
static const struct text_key text_keys[] = {
	TK("puskesmas", "nama", nama),		TK("puskesmas", "kode", kode),
	TK("puskesmas", "alamat", alamat),	TK("puskesmas", "kecamatan", kecamatan),
	TK("puskesmas", "kabupaten", kabupaten), TK("puskesmas", "kepala", kepala),
	TK("puskesmas", "nip_kepala", nip_kepala), TK("puskesmas", "petugas", petugas),
	TK("puskesmas", "nip_petugas", nip_petugas), TK("laporan", "printer", printer),
	TK("database", "path", db_path),	TK("database", "formulir", forms_dir),
	TK("cadangan", "folder", backup_dir),	TK("keluaran", "folder", export_dir),
};

static const char *const sections[] = { "puskesmas", "laporan", "kasus", "database", "farmasi", "sasaran",
					 "cadangan", "keamanan", "kunjungan", "satusehat", "pcare", "keluaran", "periksa", "dhis2", NULL };
static const char *const puskesmas_keys[] = { "nama", "kode", "alamat", "kecamatan", "kabupaten",
					      "kepala", "nip_kepala", "petugas", "nip_petugas", "zona", NULL };
static const char *const laporan_keys[] = { "lb1_layout", "lebar", "baris_per_halaman", "printer", NULL };
static const char *const kasus_keys[] = { "jendela_episode", "kronis", NULL };
static const char *const database_keys[] = { "path", "formulir", NULL };
static const char *const cadangan_keys[] = { "folder", "simpan", "otomatis", NULL };
static const char *const keluaran_keys[] = { "folder", NULL };
static const char *const keamanan_keys[] = { "gagal_maks", "kunci_menit", "kunci_layar", NULL };
static const char *const kunjungan_keys[] = { "ubah_hari", NULL };
static const char *const periksa_keys[] = { "lonjakan", NULL };
static const char *const farmasi_keys[] = { "stok_optimum", "waktu_tunggu", "hari_kerja", "pengaman", "faktor",
					    "peringatan_kedaluwarsa", "lebar_etiket", "printer_etiket", "maks_resep", "sumber_dana", NULL };

static void read_farmasi(const struct ini *ini, struct farmasi_config *f, struct sbuf *err)
{
	const char *v = ini_get(ini, "farmasi", "stok_optimum");
	if (v && strcmp(v, "sk+swt+swk+sp") == 0)
		f->method = OPTIMUM_SUM;
	else if (v && strcmp(v, "faktor") == 0)
		f->method = OPTIMUM_FACTOR;
	else if (v)
		ini_error(ini, err, "farmasi", "stok_optimum", "stok_optimum harus 'sk+swt+swk+sp' atau 'faktor', bukan '%s'", v);
	ini_get_long(ini, "farmasi", "waktu_tunggu", 0, 365, &f->lead_days, err);
	ini_get_long(ini, "farmasi", "hari_kerja", 1, 31, &f->work_days, err);
	ini_get_long(ini, "farmasi", "pengaman", 0, 100, &f->buffer_pct, err);
	ini_get_long(ini, "farmasi", "peringatan_kedaluwarsa", 0, 730, &f->expiry_days, err);
	ini_get_long(ini, "farmasi", "lebar_etiket", 24, 80, &f->label_width, err);
	v = ini_get(ini, "farmasi", "printer_etiket");
	if (v && strlen(v) >= sizeof f->label_printer)
		ini_error(ini, err, "farmasi", "printer_etiket", "printer_etiket terlalu panjang (maksimal %zu karakter)",
			  sizeof f->label_printer - 1);
	else if (v)
		str_copy(f->label_printer, sizeof f->label_printer, v);
	ini_get_long(ini, "farmasi", "maks_resep", 0, 100000, &f->maks_resep, err);
	v = ini_get(ini, "farmasi", "sumber_dana");
	const char *why = v ? sumber_dana_parse(v, f->sumber_dana, sizeof f->sumber_dana) : NULL;
	if (why)
		ini_error(ini, err, "farmasi", "sumber_dana", "sumber_dana: %s (contoh: PROGRAM=APBN program, APBD1=APBD I)",
			  why);
	v = ini_get(ini, "farmasi", "faktor");
	long h;
	if (v && (dec_parse(v, &h) != 0 || h < 100 || h > 1000))
		ini_error(ini, err, "farmasi", "faktor", "faktor harus angka 1 sampai 10, mis. 1.6, bukan '%s'", v);
	else if (v)
		f->factor = h;
}

/* Codes as the kamus keeps them (upper case, digits, '_'), labels short enough
 * for a pick list and a report's foot. */
const char *sumber_dana_parse(const char *in, char *out, size_t size)
{
	static char why[160];
	char codes[24][16];
	int n = 0;
	struct sbuf b = { 0 };
	for (const char *p = in; *p;) {
		size_t len = strcspn(p, ",;");
		char item[128], *eq;
		snprintf(item, sizeof item, "%.*s", len < sizeof item ? (int)len : (int)sizeof item - 1, p);
		str_trim(item);
		p += len + (p[len] != '\0');
		if (!*item)
			continue;
		const char *bad = NULL;
		if (!(eq = strchr(item, '=')))
			bad = "tanpa '=' (tulis KODE=Label)";
		else {
			*eq = '\0';
			char *label = eq + 1;
			str_trim(item);
			str_trim(label);
			if (!*item || strlen(item) > 15 || strspn(item, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") != strlen(item))
				bad = "kode 1-15 huruf besar, angka atau '_'";
			else if (!*label || utf8_width(label) > 40 || strchr(label, '='))
				bad = "label 1-40 karakter tanpa '='";
			for (int k = 0; !bad && k < n; k++)
				if (strcmp(codes[k], item) == 0)
					bad = "kode ganda";
			if (!bad && n == 24)
				bad = "paling banyak 24 sumber dana";
			if (!bad) {
				str_copy(codes[n++], sizeof codes[0], item);
				sb_printf(&b, "%s%s=%s", b.len ? ";" : "", item, label);
			}
		}
		if (bad) {
			snprintf(why, sizeof why, "'%.40s': %s", item, bad);
			sb_free(&b);
			return why;
		}
	}
	const char *bad = !n ? "daftar kosong" : b.len >= size ? "daftar terlalu panjang" : NULL;
	if (!bad)
		str_copy(out, size, b.s);
	sb_free(&b);
	return bad;
}

int config_read(struct pkm_config *c, const char *path, struct sbuf *err)
{
	struct ini ini;
	if (ini_open(&ini, path, 0, err) != 0)
		return -1;
	size_t before = err->len;
	ini_check_sections(&ini, sections, err);
	ini_check_keys(&ini, "puskesmas", puskesmas_keys, err);
	ini_check_keys(&ini, "laporan", laporan_keys, err);
	ini_check_keys(&ini, "kasus", kasus_keys, err);
	ini_check_keys(&ini, "database", database_keys, err);
	ini_check_keys(&ini, "farmasi", farmasi_keys, err);
	ini_check_keys(&ini, "cadangan", cadangan_keys, err);
	ini_get_long(&ini, "cadangan", "simpan", 1, 365, &c->backup_keep, err);
	ini_check_keys(&ini, "keluaran", keluaran_keys, err);
	ini_check_keys(&ini, "keamanan", keamanan_keys, err);
	ini_get_long(&ini, "keamanan", "gagal_maks", 3, 20, &c->max_failures, err);
	ini_get_long(&ini, "keamanan", "kunci_menit", 1, 1440, &c->lock_minutes, err);
	ini_get_long(&ini, "keamanan", "kunci_layar", 0, 480, &c->idle_minutes, err);
	ini_check_keys(&ini, "kunjungan", kunjungan_keys, err);
	ini_get_long(&ini, "kunjungan", "ubah_hari", 0, 3650, &c->edit_days, err);
	ini_check_keys(&ini, "periksa", periksa_keys, err);
	ini_get_long(&ini, "periksa", "lonjakan", 1, 1000, &c->lonjakan, err);
	const char *auto_backup = ini_get(&ini, "cadangan", "otomatis");
	if (auto_backup && strcmp(auto_backup, "ya") != 0 && strcmp(auto_backup, "tidak") != 0)
		ini_error(&ini, err, "cadangan", "otomatis", "otomatis harus 'ya' atau 'tidak', bukan '%s'", auto_backup);
	else if (auto_backup)
		c->backup_daily = strcmp(auto_backup, "ya") == 0;
	ini_check_keys(&ini, "sasaran", sasaran_names, err);
	read_farmasi(&ini, &c->farmasi, err);
	config_read_kirim(&ini, c, err);
	for (int i = 0; i < SASARAN_N; i++)
		ini_get_long(&ini, "sasaran", sasaran_names[i], 0, 10000000, &c->sasaran[i], err);

	for (size_t i = 0; i < ARRAY_LEN(text_keys); i++) {
		const struct text_key *k = &text_keys[i];
		const char *v = ini_get(&ini, k->section, k->key);
		if (!v)
			continue;
		if (strlen(v) >= k->size)
			ini_error(&ini, err, k->section, k->key, "%s terlalu panjang (maksimal %zu karakter)",
				  k->key, k->size - 1);
		else
			str_copy((char *)c + k->off, k->size, v);
	}
	const char *v = ini_get(&ini, "laporan", "lb1_layout");
	if (v && layout_parse(v, &c->lb1_layout) != 0)
		ini_error(&ini, err, "laporan", "lb1_layout",
			  "lb1_layout harus 'klasik' atau 'formulir11', bukan '%s'", v);
	long n = c->width;
	if (ini_get_long(&ini, "laporan", "lebar", 80, 136, &n, err) == 0) {
		if (n != 80 && n != 136)
			ini_error(&ini, err, "laporan", "lebar", "lebar harus 80 atau 136, bukan %ld", n);
		else
			c->width = (int)n;
	}
	n = c->page_lines;
	if (ini_get_long(&ini, "laporan", "baris_per_halaman", 30, 200, &n, err) == 0)
		c->page_lines = (int)n;
	n = c->episode_window;
	if (ini_get_long(&ini, "kasus", "jendela_episode", 1, 366, &n, err) == 0)
		c->episode_window = (int)n;
	v = ini_get(&ini, "kasus", "kronis");
	const char *bad;
	if (v && chronic_parse(v, &c->chronic, &bad) != 0)
		ini_error(&ini, err, "kasus", "kronis",
			  "kronis: '%.20s' bukan kategori ICD-10 (contoh: I10-I15, J45)", bad);
	str_copy(c->file, sizeof c->file, path);
	ini_close(&ini);
	return err->len == before ? 0 : -1;
}

static void user_config_path(char *out, size_t size)
{
	const char *home = getenv("HOME");
	const char *xdg = getenv("XDG_CONFIG_HOME");
	if (xdg && *xdg)
		snprintf(out, size, "%s/pkm/pkm.ini", xdg);
	else
		snprintf(out, size, "%s/.config/pkm/pkm.ini", home ? home : "");
}

int config_load(struct pkm_config *c, const char *explicit_path, struct sbuf *err)
{
	config_defaults(c);
	if (explicit_path)
		return config_read(c, explicit_path, err);
	char user[PATH_MAX];
	user_config_path(user, sizeof user);
	if (access(user, F_OK) == 0)
		return config_read(c, user, err);
	if (access("/etc/pkm/pkm.ini", F_OK) == 0)
		return config_read(c, "/etc/pkm/pkm.ini", err);
	return 0;
}
