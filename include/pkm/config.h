/* The configuration file (pkm.ini): puskesmas identity, report settings, the case
 * rule and the printer. Every key has a default, so no file at all is fine. */
#ifndef PKM_CONFIG_H
#define PKM_CONFIG_H
#include "pkm/date.h"
#include "pkm/icd.h"
#include "pkm/util.h"
#include <limits.h>

#ifndef PKM_FORMS_DIR
#define PKM_FORMS_DIR "forms"
#endif

/* Stok optimum (README domain rule 3): SK + SWT + SWK + SP, or sisa x factor. */
enum optimum_method { OPTIMUM_SUM, OPTIMUM_FACTOR };

struct farmasi_config {
	enum optimum_method method;
	long lead_days;			/* waktu tunggu, for SWT */
	long work_days;			/* working days a month, for use per day */
	long buffer_pct;		/* stok pengaman as % of SK */
	long factor;			/* hundredths: 160 = 1.6 */
	long expiry_days;		/* warn of batches expiring this soon */
	long label_width;		/* lebar_etiket: columns of a drug label */
	char label_printer[256];	/* printer_etiket: command a label goes to (stdin); "" = none */
	long maks_resep;		/* the most a prescription line holds without a question (a drug's own first) */
	char sumber_dana[1024];		/* funding sources "KODE=Label;..." over kamus batch.sumber, "" = kamus' */
};
/* [farmasi] sumber_dana: "KODE=Label" items split by ',' or ';' into the
 * kamus form "KODE=Label;KODE=Label" in out; NULL, or why not. */
const char *sumber_dana_parse(const char *in, char *out, size_t size);

/* Target populations (sasaran) that report rows may print, e.g. S of SKDN. */
enum { SASARAN_BAYI, SASARAN_BALITA, SASARAN_BUMIL, SASARAN_BULIN, SASARAN_PUS, SASARAN_N };
extern const char *const sasaran_names[SASARAN_N + 1];	/* NULL-terminated */
int sasaran_index(const char *name);

/* A family of keys (lokasi_K1 = ..., poli_K3 = ...): the part after the
 * prefix and the value. */
#define KIRIM_MAP_MAX 32
struct kirim_map {
	int n;
	struct { char key[64], value[64]; } e[KIRIM_MAP_MAX];
};
/* The value of `key` in a family, NULL when it has none. */
const char *kirim_map_get(const struct kirim_map *m, const char *key);

/* [satusehat]: the national FHIR platform (src/satusehat.c). */
struct satusehat_config {
	int aktif;
	int stated;			/* aktif is in the file: a file without it changes nothing */
	char mulai[11];			/* service date from which visits are sent */
	char url_auth[256], url_fhir[256];
	char organisasi[32], client_id[128];
	char rahasia[PATH_MAX];		/* the owner-only file holding client_secret */
	char dokter[17];		/* NIK of the practitioner when no NAKES user recorded the visit */
	long batas_waktu;		/* seconds a request may take */
	long jeda;			/* seconds before the first retry; each next one doubles */
	long maks_jawaban;		/* bytes: the largest answer body read ([...] maks_jawaban MB) */
	long paralel;			/* requests in flight at once when a backlog drains */
	struct kirim_map lokasi;	/* lokasi_K1 = <Location id> ... (units upper-case) */
};

/* [pcare]: BPJS Kesehatan's primary-care system (src/pcare.c). */
struct pcare_config {
	int aktif;
	int stated;			/* as in satusehat_config */
	char mulai[11];
	char url[256];			/* .../pcare-rest or the -dev URL */
	char cons_id[32];
	char rahasia[PATH_MAX];		/* owner-only file: the consumer secret, sandi, user_key */
	char pengguna[64];		/* the P-Care user */
	char kd_aplikasi[8];		/* 095 */
	char kd_provider[16];		/* the puskesmas' own FKTP code */
	char dokter[16];		/* kdDokter when the worker has none of their own */
	long batas_waktu;		/* seconds a request may take */
	long cek_waktu;			/* seconds the desk waits for a card check */
	long jeda;
	long maks_jawaban;		/* as in satusehat_config */
	struct kirim_map poli;		/* poli_K3 = 001: each unit's kdPoli */
	struct kirim_map dokter_map;	/* dokter_<user> = kdDokter */
	struct kirim_map tindakan;	/* tindakan_<table>.<column> = kdTindakan */
};

/* [dhis2]: the district's DHIS2 instance (src/dhis2.c, `pkm kirim dhis2`). */
struct dhis2_config {
	char url[256];			/* the instance's base; pkm adds /api/dataValueSets */
	char pengguna[64];		/* the user of Basic auth (with sandi) */
	char rahasia[PATH_MAX];		/* owner-only file: sandi = ... or token = d2pat_... */
	long batas_waktu;		/* seconds a request may take */
	long maks_jawaban;		/* as in satusehat_config */
};

struct pkm_config {
	char file[PATH_MAX];		/* the file read, "" when none */
	char nama[128], kode[32], alamat[192], kecamatan[64], kabupaten[64];
	char kepala[128], nip_kepala[32], petugas[128], nip_petugas[32];
	enum layout lb1_layout;
	int width;			/* 80 or 136 */
	int page_lines;			/* lines per printed page */
	char printer[256];
	int episode_window;		/* days */
	struct chronic_list chronic;
	char db_path[PATH_MAX];		/* "" = not set in the file */
	char forms_dir[PATH_MAX];	/* the form definitions (forms/ of the build by default) */
	struct farmasi_config farmasi;
	char backup_dir[PATH_MAX];	/* "" = "cadangan" beside the database */
	char export_dir[PATH_MAX];	/* [keluaran] folder: where the screens save; "" = ~/pkm-keluaran */
	long backup_keep;		/* daily copies kept */
	int backup_daily;		/* a copy on the first start of each day */
	long sasaran[SASARAN_N];	/* -1 = not configured */
	long max_failures;		/* wrong passwords in a row that lock an account */
	long lock_minutes;		/* how long it stays locked */
	long idle_minutes;		/* idle time before the screen locks, 0 = never */
	long edit_days;			/* [kunjungan] ubah_hari: a visit older than this needs a reason */
	long lonjakan;			/* [periksa] lonjakan: % a report row may move against the 3 months before */
	int zone_minutes;		/* [puskesmas] zona: the local clock's offset from UTC */
	struct satusehat_config satusehat;
	struct pcare_config pcare;
	struct dhis2_config dhis2;
};

void config_defaults(struct pkm_config *c);
/* Read one file over the defaults. 0 on success, else messages in err. */
int config_read(struct pkm_config *c, const char *path, struct sbuf *err);
/* --config FILE when given, else ~/.config/pkm/pkm.ini, else /etc/pkm/pkm.ini. */
int config_load(struct pkm_config *c, const char *explicit_path, struct sbuf *err);
int layout_parse(const char *s, enum layout *out);
/* Indonesia's zones by name (Asia/Jakarta, WIB ...): minutes east of UTC, -1 if unknown. */
int zone_parse(const char *s);
/* [satusehat], [pcare], [dhis2] and [puskesmas] zona (src/config_kirim.c); errors added to err. */
/* Why u cannot be an address patient data is sent to, or NULL: https (http
 * only to 127.0.0.1, [::1] or localhost), a host name or IP literal, an
 * optional port 1-65535; no user name, fragment, space or control character. */
const char *url_refused(const char *u);
struct ini;
void config_read_kirim(const struct ini *ini, struct pkm_config *c, struct sbuf *err);
/* Where backups go: [cadangan] folder, else "cadangan" beside the database. */
void config_backup_dir(const struct pkm_config *c, const char *db_path, char *out, size_t size);
const char *layout_name(enum layout l);

#endif
