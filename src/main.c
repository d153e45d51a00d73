/* pkm: command line. Every command opens the database the same way and calls
 * the same core functions as the terminal application. */
#include "pkm/backup.h"
#include "pkm/cli_admin.h"
#include "pkm/cli_kirim.h"
#include "pkm/cli_stock.h"
#include "pkm/cli_resep.h"
#include "pkm/cli_queue.h"
#include "pkm/cli_periksa.h"
#include "pkm/config.h"
#include "pkm/dasbor.h"
#include "pkm/db.h"
#include "pkm/open.h"
#include "pkm/demo.h"
#include "pkm/dhis2.h"
#include "pkm/dict.h"
#include "pkm/cli_obat.h"
#include "pkm/cli_puskesmas.h"
#include "pkm/cli_dasbor.h"
#include "pkm/form.h"
#include "pkm/icd_list.h"
#include "pkm/cli_final.h"
#include "pkm/import.h"
#include "pkm/kode.h"
#include "pkm/cli_rekam.h"
#include "pkm/desa.h"
#include "pkm/cli_desa.h"
#include "pkm/outbox.h"
#include "pkm/puskesmas.h"
#include "pkm/output.h"
#include "pkm/reports.h"
#include "pkm/asal.h"
#include "pkm/rowdef.h"
#include "pkm/ui.h"
#include <locale.h>
#include <pwd.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
	"Pemakaian:\n"
	"  pkm [--db BERKAS] [--config BERKAS]                 aplikasi terminal\n"
	"  pkm [--db BERKAS] impor pasien|kunjungan|obat|stok BERKAS.csv\n"
	"                    [--encoding cp1252] [--alasan TEKS] (ke bulan yang sudah FINAL)\n"
	"  pkm [--db BERKAS] impor kfa|icd9 BERKAS.csv   daftar KFA, ICD-9-CM\n"
	"  pkm [--db BERKAS] impor desa BERKAS.csv | impor sasaran TAHUN BERKAS.csv\n"
	"  pkm [--db BERKAS] desa [daftar] [--format csv]  daftar desa wilayah kerja\n"
	"  pkm [--db BERKAS] desa petakan [--format csv] | petakan --terapkan BERKAS.csv\n"
	"                    teks desa lama: saran kode, lalu terapkan pemetaan\n"
	"  pkm [--db BERKAS] impor formulir NAMA BERKAS.csv [--encoding cp1252]\n"
	"                    [--alasan TEKS]  formulir klaster dari kohort (no_rm,tanggal,\n"
	"                    unit, lalu isiannya)\n"
	"  pkm [--db BERKAS] impor formulir NAMA --contoh  templat dengan satu baris contoh\n"
	"  pkm [--db BERKAS] icd10 impor BERKAS.csv [--timpa]  daftar ICD-10 lengkap\n"
	"  pkm [--db BERKAS] icd10 cari KATA...              cari kode ICD-10\n"
	"  pkm [--db BERKAS] alergi NO_RM [--semua] [--format text|csv]  alergi pasien\n"
	"  pkm [--db BERKAS] alergi tambah NO_RM (--obat KODE | --alergen KODE)\n"
	"                    [--reaksi TEKS] [--keparahan mild|moderate|severe]\n"
	"  pkm [--db BERKAS] alergi status ID active|resolved|entered-in-error\n"
	"  pkm [--db BERKAS] tindakan KUNJUNGAN_ID | tindakan cari KATA...\n"
	"  pkm [--db BERKAS] tindakan tambah|hapus KUNJUNGAN_ID KODE [--keterangan TEKS]\n"
	"  pkm [--db BERKAS] kfa cari KATA...                cari di daftar KFA\n"
	"  pkm [--db BERKAS] pasien cari KATA...             cari pasien (20 pertama)\n"
	"  pkm [--db BERKAS] obat cari KATA... | tambah|ubah KODE --nama N --satuan S\n"
	"                    [--kategori K] [--optimum N] [--fornas Y|T] [--pcare K]\n"
	"                    [--kfa K] [--maks N] | tutup|buka|hapus KODE   daftar obat\n"
	"  pkm [--db BERKAS] resep antrian [--tanggal DD-MM-YYYY] [--format text|csv]\n"
	"                    antrian resep hari ini (atau tanggal itu) di farmasi\n"
	"  pkm [--db BERKAS] resep lihat KUNJUNGAN_ID     resep satu kunjungan: diberi, status\n"
	"  pkm [--db BERKAS] resep serahkan KUNJUNGAN_ID [--baris ID] [--jumlah N]\n"
	"                    serahkan per baris (sebagian bila stok kurang; etiket dicetak)\n"
	"  pkm [--db BERKAS] resep tutup ID STOK_KOSONG|DIGANTI|MENOLAK|BATAL_DOKTER\n"
	"  pkm [--db BERKAS] resep ubah ID [--obat KODE] [--jumlah N] [--signa S]\n"
	"                    --alasan TEKS    ubah atau ganti sebelum diserahkan\n"
	"  pkm [--db BERKAS] resep etiket ID              etiket baris resep ke layar\n"
	"  pkm [--db BERKAS] laporan lb1|lb2|lb3|lb4|jampersal --month MM-YYYY\n"
	"                    [--layout klasik|formulir11] (LB1)\n"
	"                    [--format text|csv|data] [--width 80|136] [--out BERKAS]\n"
	"                    [--asal BARIS,KOLOM]  baris di balik satu sel (kunci data)\n"
	"  pkm [--db BERKAS] laporan final lb1|lb2|lb3|lb4|jampersal --month MM-YYYY\n"
	"                    [--nama NAMA]       tandatangani laporan bulan itu (FINAL)\n"
	"  pkm [--db BERKAS] laporan status [--month MM-YYYY]  final, berubah, atau belum\n"
	"  pkm [--db BERKAS] laporan stok [--kedaluwarsa N] [--format text|csv]\n"
	"                    [--out BERKAS]\n"
	"                    batch hampir kedaluwarsa, obat di bawah stok optimum\n"
	"  pkm [--db BERKAS] laporan kartu KODE_OBAT [--bulan MM-YYYY] [--out BERKAS]\n"
	"                    kartu stok satu obat, semua atau satu bulan\n"
	"  pkm [--db BERKAS] periksa --month MM-YYYY [--format text|csv]\n"
	"                    periksa data sebulan sebelum final (keluar 1 bila ada kesalahan)\n"
	"  pkm [--db BERKAS] dasbor [--tahun YYYY] [--sampai MM-YYYY] [--klaster N|utama]\n"
	"                    [--indikator ID] [--format text|csv] [--lebar 80|136]\n"
	"                    [--sasaran-belum] [--desa KODE]   dasbor PWS per desa\n"
	"  pkm [--config BERKAS] periksa-formulir [FOLDER]  formulir dan peta FOLDER/dhis2\n"
	"  pkm [--db BERKAS] cadangan [FOLDER] [--harian N]   cadangan sekarang (harian: bila\n"
	"                    belum ada hari ini, simpan N terbaru; --progres: baris untuk layar)\n"
	"  pkm [--db BERKAS] pulihkan BERKAS [--yes]          pulihkan dari cadangan\n"
	"  pkm [--db BERKAS] audit [--patient NO_RM] [--user NAMA] [--from YYYY-MM-DD]\n"
	"                    [--to YYYY-MM-DD]                jejak audit\n"
	"  pkm [--db BERKAS] ekspor pasien NO_RM [--out BERKAS]  semua data satu pasien\n"
	"  pkm [--db BERKAS] ekspor dhis2 --month MM-YYYY --laporan lb1|lb2|lb3|lb4|jampersal\n"
	"                    --peta BERKAS [--format json|csv] [--out BERKAS]  dataValueSet DHIS2\n"
	"  pkm [--db BERKAS] pengguna daftar | tambah NAMA PERAN [UNIT...] [--nik NIK] | sandi NAMA\n"
	"                    (kata sandi dibaca dari terminal atau satu baris stdin)\n"
	"  pkm [--db BERKAS] puskesmas lihat | ubah [--nama N] [--kode P..] [--alamat A]\n"
	"                    [--kecamatan K] [--kabupaten K] [--kepala N] [--nip-kepala NIP]\n"
	"                    [--petugas N] [--nip-petugas NIP]   identitas untuk kop laporan\n"
	"  pkm [--db BERKAS] gabung NO_RM_TETAP NO_RM_DOBEL   gabungkan pasien dobel\n"
	"  pkm [--db BERKAS] kirim status | ulang ID|semua    antrean kirim SATUSEHAT dan P-Care\n"
	"  pkm [--db BERKAS] kirim satusehat|pcare [--sekali] kirim (terus, atau sekali jalan)\n"
	"  pkm [--db BERKAS] kirim dhis2 --month MM-YYYY --laporan LB --peta BERKAS [--paksa]\n"
	"                    uji (dryRun) lalu impor ke DHIS2 bila tanpa konflik\n"
	"  pkm [--db BERKAS] pcare peserta NOKARTU|NIK        periksa kartu BPJS di P-Care\n"
	"  pkm demo --db BERKAS [--years N] [--seed S] [--patients N] [--per-day N]\n"
	"                                                      database contoh\n"
	"  pkm --help | --version\n"
	"\n"
	"Ejaan lama masih diterima pada rilis ini: import, report, check-forms, backup,\n"
	"restore, export.\n"
	"\n"
	"Database: --db, lalu PKM_DB, lalu [database] path di konfigurasi,\n"
	"lalu ~/.local/share/pkm/pkm.db. Konfigurasi: --config, lalu\n"
	"~/.config/pkm/pkm.ini, lalu /etc/pkm/pkm.ini. Lihat juga man pkm.\n";

static int fail_usage(const char *what)
{
	fprintf(stderr, "pkm: %s\n\n%s", what, usage);
	return 2;
}

/* Messages may quote what a file or a user gave: shown, never obeyed. */
static void print_error(const char *msg)
{
	fputs("pkm: ", stderr);
	out_puts(stderr, msg);
	fputc('\n', stderr);
}

/* What every command works with. */
struct cli {
	sqlite3 *db;	/* NULL for the commands that open no database */
	const struct pkm_config *cfg;
	const char *path;	/* the database file */
};

static void default_db_path(const struct pkm_config *cfg, const char *opt, char *out, size_t size)
{
	const char *env = getenv("PKM_DB");
	const char *home = getenv("HOME");
	const char *xdg = getenv("XDG_DATA_HOME");
	if (opt)
		str_copy(out, size, opt);
	else if (env && *env)
		str_copy(out, size, env);
	else if (cfg->db_path[0])
		str_copy(out, size, cfg->db_path);
	else if (xdg && *xdg)
		snprintf(out, size, "%s/pkm/pkm.db", xdg);
	else
		snprintf(out, size, "%s/.local/share/pkm/pkm.db", home ? home : ".");
}

/* Print what a command did and what went wrong (shown, never obeyed); the exit
 * status, 1 also when standard output could not be written. */
static int finish(int rc, struct sbuf *done, struct sbuf *err)
{
	out_puts(stdout, sb_str(done));
	out_puts(stderr, sb_str(err));
	sb_free(done);
	sb_free(err);
	if (fflush(stdout) != 0)
		rc = -1;
	return rc == 0 ? 0 : 1;
}

/* The options after an import's file: --encoding utf-8|cp1252, --alasan TEXT
 * (rows for a signed-off month), and --timpa where `replace` is given. 0 when
 * every option is known. */
static int read_options(int argc, char **argv, struct sheet_opts *o, int *replace)
{
	*o = (struct sheet_opts){ .progress = isatty(STDERR_FILENO) ? stderr : NULL };
	for (int i = 0; i < argc; i++) {
		if (replace && strcmp(argv[i], "--timpa") == 0)
			*replace = 1;
		else if (strcmp(argv[i], "--encoding") == 0 && i + 1 < argc &&
			 (strcmp(argv[i + 1], "cp1252") == 0 || strcmp(argv[i + 1], "utf-8") == 0))
			o->cp1252 = strcmp(argv[++i], "cp1252") == 0;
		else if (strcmp(argv[i], "--alasan") == 0 && i + 1 < argc)
			o->alasan = argv[++i];
		else
			return -1;
	}
	return 0;
}

/* impor formulir NAME FILE.csv [options] | NAME --contoh: a cluster form by its
 * file name in the forms folder (k2_anc). */
static int cmd_import_form(const struct cli *c, int argc, char **argv)
{
	struct sheet_opts o;
	int example = argc == 2 && strcmp(argv[1], "--contoh") == 0;
	if (argc < 2 || (!example && read_options(argc - 2, argv + 2, &o, NULL) != 0))
		return fail_usage("impor formulir NAMA BERKAS.csv [--encoding cp1252] [--alasan TEKS] | NAMA --contoh");
	struct sbuf done = { 0 }, err = { 0 };
	char path[PATH_MAX + 80];
	snprintf(path, sizeof path, "%s/%s.ini", c->cfg->forms_dir, argv[0]);
	static struct form f;	/* zeroed: nothing to free when there is no such form */
	int rc = -1;
	if (!str_is_ident(argv[0]) || access(path, R_OK) != 0)
		sb_printf(&err, "formulir '%s' tidak ada di %s\n", argv[0], c->cfg->forms_dir);
	else if (form_load(c->db, path, &f, &err) == 0) {
		rc = example ? import_formulir_contoh(c->db, &f, stdout, &err)
			     : import_formulir(c->db, &f, argv[1], &o, &done, &err);
	}
	form_free(&f);
	if (rc == 0 && !example)
		db_statistics(c->db, NULL);
	return finish(rc, &done, &err);
}

/* impor sasaran TAHUN FILE.csv [options]: the villages' targets of a year. */
static int cmd_import_targets(const struct cli *c, int argc, char **argv)
{
	struct sheet_opts o;
	long tahun;
	if (argc < 2 || parse_long(argv[0], 2000, 2100, &tahun) != 0 || read_options(argc - 2, argv + 2, &o, NULL) != 0)
		return fail_usage("impor sasaran TAHUN BERKAS.csv [--encoding cp1252]");
	struct sbuf done = { 0 }, err = { 0 };
	return finish(import_sasaran(c->db, (int)tahun, argv[1], &o, &done, &err), &done, &err);
}

static int cmd_import(const struct cli *c, int argc, char **argv)
{
	if (argc >= 1 && strcmp(argv[0], "formulir") == 0)
		return cmd_import_form(c, argc - 1, argv + 1);
	if (argc >= 1 && strcmp(argv[0], "sasaran") == 0)
		return cmd_import_targets(c, argc - 1, argv + 1);
	sqlite3 *db = c->db;
	const struct pkm_config *cfg = c->cfg;
	struct sheet_opts o;
	if (argc < 2 || read_options(argc - 2, argv + 2, &o, NULL) != 0)
		return fail_usage("impor perlu jenis (pasien|kunjungan|obat|stok|formulir) dan nama berkas [--encoding cp1252]");
	struct sbuf done = { 0 }, err = { 0 };
	int rc;
	if (strcmp(argv[0], "pasien") == 0)
		rc = import_pasien(db, argv[1], &o, &done, &err);
	else if (strcmp(argv[0], "kunjungan") == 0)
		rc = import_kunjungan(db, cfg, argv[1], &o, &done, &err);
	else if (strcmp(argv[0], "obat") == 0)
		rc = import_obat(db, argv[1], &o, &done, &err);
	else if (strcmp(argv[0], "stok") == 0)
		rc = import_stok(db, argv[1], &o, &done, &err);
	else if (strcmp(argv[0], "kfa") == 0 || strcmp(argv[0], "icd9") == 0)
		rc = kode_import(db, argv[0][0] == 'k' ? KODE_KFA : KODE_ICD9, argv[1], &o, &done, &err);
	else if (strcmp(argv[0], "desa") == 0)
		rc = import_desa(db, argv[1], &o, &done, &err);
	else
		return fail_usage("jenis impor harus pasien, kunjungan, obat, stok, kfa, icd9, desa atau sasaran");
	if (rc == 0)
		db_statistics(db, NULL);	/* a bulk import changes what the planner should know */
	return finish(rc, &done, &err);
}

/* The district's synonyms beside the forms; a folder without the file has none. */
static int load_synonyms(sqlite3 *db, const struct pkm_config *cfg, struct sbuf *err)
{
	char path[PATH_MAX + 32];
	snprintf(path, sizeof path, "%s/icd10_sinonim.csv", cfg->forms_dir);
	return access(path, F_OK) == 0 ? icd_synonyms_load(db, path, err) : 0;
}

/* pkm icd10 impor FILE [--timpa] [--encoding cp1252] | cari WORDS... */
static int cmd_icd10(const struct cli *c, int argc, char **argv)
{
	sqlite3 *db = c->db;
	const struct pkm_config *cfg = c->cfg;
	struct sbuf done = { 0 }, err = { 0 };
	int rc;
	if (argc >= 2 && strcmp(argv[0], "cari") == 0) {
		struct sbuf q = { 0 };
		for (int i = 1; i < argc; i++)
			sb_printf(&q, "%s%s", i > 1 ? " " : "", argv[i]);
		struct icd_entry found[20];
		rc = load_synonyms(db, cfg, &err);
		int n = rc == 0 ? icd_search(db, sb_str(&q), NULL, found, 20) : 0;
		if (n < 0) {
			sb_printf(&err, "daftar ICD-10 tidak terbaca: %s", sqlite3_errmsg(db));
			rc = -1;
		}
		for (int i = 0; i < n; i++) {	/* KODE<TAB>nama: the name shown, never obeyed */
			struct sbuf name = { 0 };
			sb_printf(&name, "%s", found[i].nama[0] ? found[i].nama : "(tidak ada di daftar)");
			sb_printf(&name, found[i].via[0] ? " (sinonim: %s)" : "%s", found[i].via);
			sb_printf(&done, "%s\t", found[i].kode);
			text_visible(&done, name.s, name.len, "");
			sb_addc(&done, '\n');
			sb_free(&name);
		}
		sb_free(&q);
		fputs(sb_str(&done), stdout);
		sb_reset(&done);
	} else if (argc >= 2 && strcmp(argv[0], "impor") == 0) {
		struct sheet_opts o;
		int replace = 0;
		if (read_options(argc - 2, argv + 2, &o, &replace) != 0)
			return fail_usage("icd10 impor BERKAS.csv [--timpa] [--encoding cp1252]");
		rc = icd_import(db, argv[1], &o, replace, &done, &err);
		if (rc == 0)
			db_statistics(db, NULL);
	} else {
		return fail_usage("icd10 impor BERKAS.csv [--timpa] | icd10 cari KATA...");
	}
	return finish(rc, &done, &err);
}

static int cmd_report(const struct cli *c, int argc, char **argv)
{
	sqlite3 *db = c->db;
	const struct pkm_config *cfg = c->cfg;
	const char *db_path = c->path;
	if (argc < 1)
		return fail_usage("laporan perlu nama laporan (lb1)");
	if (strcmp(argv[0], "stok") == 0 || strcmp(argv[0], "kartu") == 0) {	/* the pharmacy's, by day */
		char backups[PATH_MAX];
		config_backup_dir(cfg, db_path, backups, sizeof backups);
		return cmd_stock(db, cfg, backups, argc, argv);
	}
	if (strcmp(argv[0], "final") == 0 || strcmp(argv[0], "status") == 0)	/* sign-off (pkm/final.h) */
		return cmd_final(db, cfg, argc, argv);
	struct report_req req = { argv[0], NULL, cfg->lb1_layout, FMT_TEXT, cfg->width };
	const char *out_path = NULL, *asal = NULL;
	for (int i = 1; i < argc; i++) {
		const char *opt = argv[i], *val = i + 1 < argc ? argv[i + 1] : NULL;
		if (!val)
			return fail_usage("pilihan tanpa nilai");
		i++;
		long w;
		if (strcmp(opt, "--month") == 0 || strcmp(opt, "--bulan") == 0)
			req.month = val;
		else if (strcmp(opt, "--layout") == 0 && layout_parse(val, &req.layout) == 0)
			;
		else if (strcmp(opt, "--format") == 0 && report_format_parse(val, &req.format) == 0)
			;
		else if (strcmp(opt, "--width") == 0 && parse_long(val, 80, 136, &w) == 0 && (w == 80 || w == 136))
			req.width = (int)w;
		else if (strcmp(opt, "--out") == 0)
			out_path = val;
		else if (strcmp(opt, "--asal") == 0)
			asal = val;
		else {
			char msg[128];
			snprintf(msg, sizeof msg, "pilihan tidak sah: %s %s", opt, val);
			return fail_usage(msg);
		}
	}
	if (!req.month)
		return fail_usage("laporan perlu --month MM-YYYY (atau YYYY-MM)");
	if (asal && req.format == FMT_DATA)
		return fail_usage("--asal ditulis sebagai text atau csv");
	if (cli_month_refused(req.month))
		return 2;
	struct sbuf err = { 0 };
	char backups[PATH_MAX];
	config_backup_dir(cfg, db_path, backups, sizeof backups);
	struct out o;
	int rc = out_open(&o, db, backups, out_path, &err);
	int unknown = 0;
	if (rc == 0) {
		if (asal) {
			rc = report_asal(db, cfg, &req, asal, o.f, &err);
			unknown = rc == ASAL_UNKNOWN;
		} else {
			rc = report_write(db, cfg, &req, o.f, &err);
		}
		rc = out_close(&o, rc == 0, &err) != 0 || rc != 0 ? -1 : 0;
	}
	if (rc != 0)
		print_error(err.len ? sb_str(&err) : "laporan tidak dapat ditulis");
	sb_free(&err);
	return unknown ? 2 : rc == 0 ? 0 : 1;
}

/* Check every form against the schema and dictionary of this program's own
 * migrations (an in-memory database), so no real database is touched. */
static int cmd_check_forms(const struct cli *c, int argc, char **argv)
{
	const struct pkm_config *cfg = c->cfg;
	if (argc > 1)
		return fail_usage("periksa-formulir menerima paling banyak satu folder");
	const char *dir = argc == 1 ? argv[0] : cfg->forms_dir;
	struct sbuf err = { 0 };
	sqlite3 *db = pkm_open(":memory:", &err);
	if (!db) {
		print_error(sb_str(&err));
		sb_free(&err);
		return 1;
	}
	struct form_set set;
	int bad = forms_load_dir(db, dir, &set, &err), reports = 0;
	char sub[PATH_MAX + 32];
	snprintf(sub, sizeof sub, "%s/laporan", dir);
	if (access(sub, F_OK) == 0)
		bad += rowdefs_check_dir(db, sub, &reports, &err);
	int boards = -1;	/* the dashboards (include/pkm/dasbor.h), against lb3.ini above */
	snprintf(sub, sizeof sub, "%s/dasbor", dir);
	if (access(sub, F_OK) == 0)
		bad += dasbor_check_dir(db, dir, &boards, &err);
	snprintf(sub, sizeof sub, "%s/icd10_sinonim.csv", dir);
	if (access(sub, F_OK) == 0 && icd_synonyms_load(db, sub, &err) != 0)
		bad++;
	int maps = -1;	/* DHIS2 mapping files (include/pkm/dhis2.h), against the reports above */
	snprintf(sub, sizeof sub, "%s/" DHIS2_MAP_DIR, dir);
	if (access(sub, F_OK) == 0)
		bad += dhis2_check_dir(db, cfg, sub, &maps, &err);
	out_puts(stdout, sb_str(&err));
	if (maps >= 0)
		printf("%d peta DHIS2 diperiksa\n", maps);
	if (boards >= 0)
		printf("%d dasbor diperiksa\n", boards);
	printf("%d formulir baik, %d definisi laporan, %d masalah\n", set.n, reports, bad);
	forms_free(&set);
	sb_free(&err);
	db_close(db);
	return bad ? 1 : 0;
}

static void show_progress(void *ctx, int done, int total)
{
	(void)ctx;
	fprintf(stderr, "\rcadangan: %3d%%", total ? done * 100 / total : 100);
}

/* --progres: a line per percent for the screen that started this copy */
static void progress_lines(void *ctx, int done, int total)
{
	int *last = ctx, pct = total ? (int)(100L * done / total) : 100;
	if (pct != *last) {
		*last = pct;
		printf("P %d %d\n", done, total);
		fflush(stdout);
	}
}

/* The daily copy (--harian N): only when none was made today, then the newest
 * N kept; with --progres its progress and result as lines for the screen. */
static int daily_copy(sqlite3 *db, const char *dir, long keep, int lines)
{
	struct sbuf err = { 0 };
	int last = -1;
	char path[PATH_MAX + 64] = "";
	int rc = backup_daily(db, dir, date_today(), (int)keep, path, sizeof path, lines ? progress_lines : NULL, &last,
			      &err);
	if (lines)
		printf(rc > 0 ? "OK %s\n" : rc == 0 ? "TIDAK PERLU\n" : "ERR %s\n", rc > 0 ? path : sb_str(&err));
	else if (rc > 0)
		printf("%s: cadangan harian selesai; integrity_check ok, foreign_key_check ok\n", path);
	else if (rc == 0)
		printf("%s: cadangan hari ini sudah ada\n", dir);
	else
		print_error(sb_str(&err));
	sb_free(&err);
	return rc < 0 ? 1 : 0;
}

static int cmd_backup(const struct cli *c, int argc, char **argv)
{
	sqlite3 *db = c->db;
	const struct pkm_config *cfg = c->cfg;
	const char *db_path = c->path;
	const char *folder = NULL;
	long keep = -1;
	int lines = 0;
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--harian") == 0 && i + 1 < argc && parse_long(argv[i + 1], 1, 3650, &keep) == 0)
			i++;
		else if (strcmp(argv[i], "--progres") == 0)
			lines = 1;
		else if (argv[i][0] != '-' && !folder)
			folder = argv[i];
		else
			return fail_usage("cadangan [FOLDER] [--harian N [--progres]]");
	}
	if (lines && keep < 0)
		return fail_usage("--progres hanya bersama --harian N");
	char dir[PATH_MAX], file[PATH_MAX + 64];
	if (folder)
		str_copy(dir, sizeof dir, folder);
	else
		config_backup_dir(cfg, db_path, dir, sizeof dir);
	if (keep > 0)
		return daily_copy(db, dir, keep, lines);
	struct sbuf err = { 0 };
	int tty = isatty(STDERR_FILENO);
	int rc = backup_make(db, dir, file, sizeof file, tty ? show_progress : NULL, NULL, &err);
	if (tty)
		fputc('\n', stderr);
	if (rc == 0)
		printf("%s: cadangan selesai; integrity_check ok, foreign_key_check ok\n", file);
	else
		print_error(sb_str(&err));
	sb_free(&err);
	return rc == 0 ? 0 : 1;
}

/* Restore runs before the database is opened: an open database would hold the
 * lock that tells the restore no other pkm is using it. */
static int cmd_restore(const struct cli *c, int argc, char **argv)
{
	const char *db_path = c->path;
	int yes = argc == 2 && strcmp(argv[1], "--yes") == 0;
	if (argc < 1 || argc > 2 || (argc == 2 && !yes))
		return fail_usage("pulihkan perlu nama berkas cadangan (dan --yes bila tanpa terminal)");
	if (!yes) {
		if (!isatty(STDIN_FILENO))
			return fail_usage("pulihkan tanpa terminal perlu --yes");
		printf("Database %s akan diganti dengan %s.\nDatabase sekarang disimpan dulu. Lanjutkan? (y/t) ", db_path,
		       argv[0]);
		fflush(stdout);
		char answer[16] = "";
		if (!fgets(answer, sizeof answer, stdin) || (answer[0] != 'y' && answer[0] != 'Y')) {
			printf("Dibatalkan; tidak ada yang diubah.\n");
			return 1;
		}
	}
	char kept[PATH_MAX + 64];
	struct sbuf err = { 0 };
	int rc = backup_restore(db_path, argv[0], kept, sizeof kept, &err);
	if (rc == 0)
		printf("%s dipulihkan dari %s; database sebelumnya disimpan sebagai %s\n", db_path, argv[0], kept);
	else
		print_error(sb_str(&err));
	sb_free(&err);
	return rc == 0 ? 0 : 1;
}

/* pkm demo: a new database filled with made-up records (include/pkm/demo.h). */
static int cmd_demo(const struct cli *c, int argc, char **argv)
{
	const struct pkm_config *cfg = c->cfg;
	const char *db_path = c->path;
	struct demo_opts o = { 1, 1, date_today(), 60000, 250, isatty(STDERR_FILENO) ? stderr : NULL };
	for (int i = 0; i < argc; i += 2) {
		long n;
		const char *val = i + 1 < argc ? argv[i + 1] : NULL;
		if (!val)
			return fail_usage("pilihan tanpa nilai");
		if (strcmp(argv[i], "--db") == 0)
			db_path = val;
		else if (strcmp(argv[i], "--years") == 0 && parse_long(val, 1, 20, &n) == 0)
			o.years = (int)n;
		else if (strcmp(argv[i], "--seed") == 0 && parse_long(val, 0, LONG_MAX, &n) == 0)
			o.seed = (unsigned long)n;
		else if (strcmp(argv[i], "--patients") == 0 && parse_long(val, 100, 1000000, &n) == 0)
			o.patients = (int)n;
		else if (strcmp(argv[i], "--per-day") == 0 && parse_long(val, 1, 5000, &n) == 0)
			o.per_day = (int)n;
		else
			return fail_usage("demo: pilihan --db BERKAS, --years 1-20, --seed S, --patients N, --per-day N");
	}
	struct sbuf err = { 0 }, done = { 0 };
	sqlite3 *db = pkm_open(db_path, &err);
	int rc = db ? demo_fill(db, cfg, &o, &done, &err) : -1;
	if (rc == 0)
		db_statistics(db, NULL);
	if (db)
		db_close(db);
	fputs(sb_str(&done), stdout);
	if (rc != 0)
		print_error(sb_str(&err));
	sb_free(&err);
	sb_free(&done);
	return rc == 0 ? 0 : 1;
}

static int cmd_audit_(const struct cli *c, int argc, char **argv) { return cmd_audit(c->db, argc, argv); }
static int cmd_user_(const struct cli *c, int argc, char **argv) { return cmd_user(c->db, argc, argv); }
static int cmd_merge_(const struct cli *c, int argc, char **argv) { return cmd_merge(c->db, argc, argv); }
static int cmd_patient_(const struct cli *c, int argc, char **argv) { return cmd_patient(c->db, argc, argv); }

/* pkm resep: the queue and the pharmacy counter (src/cli_queue.c, src/cli_resep.c) */
static int cmd_resep_(const struct cli *c, int argc, char **argv)
{
	if (argc && strcmp(argv[0], "antrian") == 0)	/* the queue (src/cli_queue.c) */
		return cmd_resep_queue(c->db, argc, argv);
	int rc = cmd_resep_counter(c->db, c->cfg, argc, argv);
	return rc < 0 ? fail_usage("resep: antrian, lihat, serahkan, tutup, ubah atau etiket") : rc;
}

static int cmd_obat_(const struct cli *c, int argc, char **argv) { return cmd_obat(c->db, argc, argv); }
static int cmd_alergi_(const struct cli *c, int argc, char **argv) { return cmd_alergi(c->db, argc, argv); }
static int cmd_tindakan_(const struct cli *c, int argc, char **argv) { return cmd_tindakan(c->db, argc, argv); }
static int cmd_kfa_(const struct cli *c, int argc, char **argv) { return cmd_kfa(c->db, argc, argv); }
static int cmd_puskesmas_(const struct cli *c, int argc, char **argv) { return cmd_puskesmas(c->db, c->cfg, argc, argv); }
static int cmd_desa_(const struct cli *c, int argc, char **argv) { return cmd_desa(c->db, argc, argv); }
/* A command that says why its use was wrong (rc -1) in `why`. */
static int with_why(int (*run)(sqlite3 *, const struct pkm_config *, int, char **, struct sbuf *),
		    const struct cli *c, int argc, char **argv)
{
	struct sbuf why = { 0 };
	int rc = run(c->db, c->cfg, argc, argv, &why);
	rc = rc < 0 ? fail_usage(sb_str(&why)) : rc;
	sb_free(&why);
	return rc;
}
static int cmd_periksa_(const struct cli *c, int argc, char **argv) { return with_why(cmd_periksa, c, argc, argv); }
static int cmd_dasbor_(const struct cli *c, int argc, char **argv) { return with_why(cmd_dasbor, c, argc, argv); }
static int cmd_kirim_(const struct cli *c, int argc, char **argv) { return cmd_kirim(c->cfg, c->path, argc, argv); }
static int cmd_pcare_(const struct cli *c, int argc, char **argv) { return cmd_pcare(c->cfg, c->path, argc, argv); }

static int cmd_export_(const struct cli *c, int argc, char **argv)
{
	/* jansson's JSON: pkm-kirim writes it (the database's descriptors and
	 * lock are close-on-exec; it opens the database itself) */
	if (argc && strcmp(argv[0], "dhis2") == 0)
		return cmd_ekspor_dhis2(c->cfg, c->path, argc, argv);
	char backups[PATH_MAX];
	config_backup_dir(c->cfg, c->path, backups, sizeof backups);
	return cmd_export(c->db, backups, argc, argv);
}

/* Every command once: its Indonesian verb, the English spelling still taken
 * for this release, and whether it runs on an open database. */
static const struct command {
	const char *name, *old;
	int opens_db;
	int (*run)(const struct cli *c, int argc, char **argv);
} commands[] = {
	{ "impor", "import", 1, cmd_import },
	{ "laporan", "report", 1, cmd_report },
	{ "periksa-formulir", "check-forms", 0, cmd_check_forms },
	{ "cadangan", "backup", 1, cmd_backup },
	{ "pulihkan", "restore", 0, cmd_restore },	/* before the database opens: it takes the lock */
	{ "audit", NULL, 1, cmd_audit_ },
	{ "ekspor", "export", 1, cmd_export_ },
	{ "pengguna", NULL, 1, cmd_user_ },
	{ "pasien", NULL, 1, cmd_patient_ },
	{ "gabung", NULL, 1, cmd_merge_ },
	{ "icd10", NULL, 1, cmd_icd10 },
	{ "resep", NULL, 1, cmd_resep_ },
	{ "obat", NULL, 1, cmd_obat_ },
	{ "puskesmas", NULL, 1, cmd_puskesmas_ },
	{ "desa", NULL, 1, cmd_desa_ },
	{ "periksa", NULL, 1, cmd_periksa_ },
	{ "dasbor", NULL, 1, cmd_dasbor_ },
	{ "kirim", NULL, 0, cmd_kirim_ },	/* opens the database itself, or starts pkm-kirim */
	{ "pcare", NULL, 0, cmd_pcare_ },	/* starts pkm-kirim */
	{ "demo", NULL, 0, cmd_demo },
	{ "alergi", NULL, 1, cmd_alergi_ },
	{ "tindakan", NULL, 1, cmd_tindakan_ },
	{ "kfa", NULL, 1, cmd_kfa_ },
};

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(commands); i++)
		if (strcmp(name, commands[i].name) == 0 || (commands[i].old && strcmp(name, commands[i].old) == 0))
			return &commands[i];
	return NULL;
}

/* Commands run from a shell write as the system account: whoever can run them
 * can read the database file anyway (it is the owner's only, mode 0600). */
static void set_cli_user(sqlite3 *db)
{
	const struct passwd *pw = getpwuid(getuid());
	char who[48];
	snprintf(who, sizeof who, "sistem:%s", pw ? pw->pw_name : "?");
	db_set_user(db, who);
}

int main(int argc, char **argv)
{
	setlocale(LC_CTYPE, "");
	umask(077);	/* patient data: every file pkm makes is its owner's only */
	db_library_init();
	const char *db_opt = NULL, *cfg_opt = NULL;
	int i = 1;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			fputs(usage, stdout);
			return 0;
		}
		if (strcmp(argv[i], "--version") == 0) {
			printf("pkm %s (skema database %d)\n", PKM_VERSION, pkm_schema_version());
			return 0;
		}
		if (i + 1 >= argc)
			return fail_usage("pilihan tanpa nilai");
		if (!argv[i + 1][0])	/* "" would be a temporary database, gone at exit */
			return fail_usage("--db dan --config perlu nama berkas, bukan kosong");
		if (strcmp(argv[i], "--db") == 0)
			db_opt = argv[++i];
		else if (strcmp(argv[i], "--config") == 0)
			cfg_opt = argv[++i];
		else
			return fail_usage("pilihan tidak dikenal");
	}
	struct pkm_config cfg;
	struct sbuf err = { 0 };
	if (config_load(&cfg, cfg_opt, &err) != 0) {
		out_puts(stderr, sb_str(&err));
		fputs("pkm: konfigurasi tidak sah\n", stderr);
		sb_free(&err);
		return 1;
	}
	char path[PATH_MAX];
	default_db_path(&cfg, db_opt, path, sizeof path);
	const char *name = i < argc ? argv[i] : NULL;
	const struct command *cmd = name ? find_command(name) : NULL;
	if (name && !cmd)
		return fail_usage("perintah tidak dikenal");
	struct cli c = { NULL, &cfg, path };
	if (cmd && !cmd->opens_db)
		return cmd->run(&c, argc - i - 1, argv + i + 1);
	sqlite3 *db = pkm_open(path, &err);
	if (!db) {
		print_error(sb_str(&err));
		sb_free(&err);
		return 1;
	}
	c.db = db;
	dict_configure(db, &cfg);	/* the configured lists (funding sources) on every screen and command */
	/* every desk and import queues visits by what the configuration says; the
	 * identity reports print is the database's once saved (src/puskesmas.c) */
	if (outbox_configure(db, &cfg, &err) != 0 || puskesmas_load(db, &cfg, &err) != 0) {
		print_error(sb_str(&err));
		sb_free(&err);
		db_close(db);
		return 1;
	}
	int rc;
	if (!cmd)
		rc = ui_run(db, &cfg, path);
	else {
		set_cli_user(db);
		rc = cmd->run(&c, argc - i - 1, argv + i + 1);
	}
	db_close(db);
	return rc;
}
