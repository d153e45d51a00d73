/* pkm alergi | tindakan | kfa: allergies, procedures and the KFA list from
 * the shell, through the core the screens use. */
#include "pkm/cli_rekam.h"
#include "pkm/alergi.h"
#include "pkm/csv.h"
#include "pkm/db.h"
#include "pkm/kode.h"
#include "pkm/output.h"
#include "pkm/patient.h"
#include "pkm/tindakan.h"
#include <stdio.h>
#include <string.h>

static int usage(const char *cmd, const char *what)
{
	fprintf(stderr, "pkm: %s: %s (lihat pkm --help)\n", cmd, what);
	return 2;
}

static int finish(int rc, struct sbuf *out, struct sbuf *err)
{
	fputs(sb_str(out), stdout);	/* text from outside went through shown() */
	sb_free(out);
	if (rc != 0)
		return out_fail("pkm", err);
	sb_free(err);
	return fflush(stdout) == 0 ? 0 : 1;
}

/* Text from the database or a file, shown: never obeyed by the terminal. */
static void shown(struct sbuf *out, const char *s) { text_visible(out, s, strlen(s), ""); }

static int patient_of(sqlite3 *db, const char *no_rm, struct patient *p, struct sbuf *err)
{
	int rc = patient_by_rm(db, no_rm, p);
	if (rc != 1)
		sb_printf(err, rc < 0 ? "pasien tidak terbaca: %s" : "tidak ada pasien dengan No. RM %.24s",
			  rc < 0 ? sqlite3_errmsg(db) : no_rm);
	return rc == 1 ? 0 : -1;
}

static int list_allergies(sqlite3 *db, const char *no_rm, int all, int csv, struct sbuf *out, struct sbuf *err)
{
	struct patient p;
	if (patient_of(db, no_rm, &p, err) != 0)
		return -1;
	struct alergi_row a[64];
	int n = alergi_list(db, p.id, all, a, (int)ARRAY_LEN(a));
	if (n < 0)
		return db_fail(err, db, "alergi tidak terbaca");
	if (csv) {
		fputs("id,obat,alergen,nama,reaksi,keparahan,status,dicatat\r\n", stdout);
		for (int i = 0; i < n; i++) {
			char id[24];
			snprintf(id, sizeof id, "%ld", a[i].id);
			const char *f[] = { id, a[i].obat, a[i].alergen, a[i].nama, a[i].reaksi, a[i].keparahan, a[i].status,
					    a[i].dicatat };
			for (size_t k = 0; k < ARRAY_LEN(f); k++) {
				if (k)
					fputc(',', stdout);
				csv_write_field(stdout, f[k]);
			}
			fputs("\r\n", stdout);
		}
		return 0;
	}
	if (!n) {
		sb_add(out, all ? "tidak ada alergi tercatat\n" : "tidak ada alergi aktif\n");
		return 0;
	}
	for (int i = 0; i < n; i++) {
		sb_printf(out, "%-5ld %-10s ", a[i].id, a[i].obat[0] ? "obat" : "alergen");
		shown(out, a[i].nama);
		sb_printf(out, " (%s", alergi_word(a[i].keparahan));
		if (a[i].reaksi[0]) {
			sb_add(out, ": ");
			shown(out, a[i].reaksi);
		}
		sb_printf(out, ")%s%s\n", strcmp(a[i].status, "active") ? " - " : "",
			  strcmp(a[i].status, "active") ? alergi_word(a[i].status) : "");
	}
	return 0;
}

static int add_allergy(sqlite3 *db, int argc, char **argv, struct sbuf *out, struct sbuf *err)
{
	static const char use[] = "alergi tambah NO_RM (--obat KODE | --alergen KODE) [--reaksi TEKS] "
				  "[--keparahan mild|moderate|severe]";
	if (argc < 1)
		return usage("alergi", use);
	const char *obat = NULL, *alergen = NULL, *reaksi = "", *keparahan = "";
	for (int i = 1; i < argc; i += 2) {
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		const char **to = !v ? NULL : strcmp(argv[i], "--obat") == 0 ? &obat : strcmp(argv[i], "--alergen") == 0 ? &alergen
			: strcmp(argv[i], "--reaksi") == 0 ? &reaksi : strcmp(argv[i], "--keparahan") == 0 ? &keparahan : NULL;
		if (!to)
			return usage("alergi", use);
		*to = v;
	}
	struct patient p;
	if (patient_of(db, argv[0], &p, err) != 0)
		return -1;
	struct field_errors fe;
	long id = alergi_add(db, p.id, obat, alergen, reaksi, keparahan, 0, &fe, err);
	if (id < 0) {
		field_errors_join(&fe, err);
		return -1;
	}
	sb_printf(out, "alergi %ld dicatat untuk %s\n", id, p.no_rm);
	return 0;
}

int cmd_alergi(sqlite3 *db, int argc, char **argv)
{
	struct sbuf out = { 0 }, err = { 0 };
	int rc;
	if (argc >= 1 && strcmp(argv[0], "tambah") == 0) {
		rc = add_allergy(db, argc - 1, argv + 1, &out, &err);
		if (rc == 2)
			return 2;
	} else if (argc >= 1 && strcmp(argv[0], "status") == 0) {
		long id;
		if (argc != 3 || parse_long(argv[1], 1, 999999999999L, &id) != 0)
			return usage("alergi", "status ID active|resolved|entered-in-error");
		rc = alergi_set_status(db, id, argv[2], &err);
		if (rc == 0)
			sb_printf(&out, "alergi %ld: %s\n", id, alergi_word(argv[2]));
	} else {
		int all = 0, csv = 0;
		for (int i = 1; i < argc; i++) {
			if (strcmp(argv[i], "--semua") == 0)
				all = 1;
			else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc &&
				 (strcmp(argv[i + 1], "csv") == 0 || strcmp(argv[i + 1], "text") == 0))
				csv = strcmp(argv[++i], "csv") == 0;
			else
				argc = 0;
		}
		if (argc < 1)
			return usage("alergi", "NO_RM [--semua] [--format text|csv] | tambah ... | status ID STATUS");
		rc = list_allergies(db, argv[0], all, csv, &out, &err);
	}
	return finish(rc, &out, &err);
}

static void entries_out(const struct kode_entry *e, int n, struct sbuf *out)
{
	for (int i = 0; i < n; i++) {
		shown(out, e[i].kode);
		sb_addc(out, '\t');
		shown(out, e[i].nama);
		if (e[i].bentuk[0]) {
			sb_add(out, " (");
			shown(out, e[i].bentuk);
			sb_addc(out, ')');
		}
		sb_addc(out, '\n');
	}
}

static int search(sqlite3 *db, enum kode_list list, int argc, char **argv, struct sbuf *out, struct sbuf *err)
{
	struct sbuf q = { 0 };
	for (int i = 0; i < argc; i++)
		sb_printf(&q, "%s%s", i ? " " : "", argv[i]);
	struct kode_entry e[30];
	int n = kode_search(db, list, sb_str(&q), e, (int)ARRAY_LEN(e));
	sb_free(&q);
	if (n < 0)
		return db_fail(err, db, "daftar kode tidak terbaca");
	entries_out(e, n, out);
	return 0;
}

int cmd_kfa(sqlite3 *db, int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[0], "cari") != 0)
		return usage("kfa", "kfa cari KATA...");
	struct sbuf out = { 0 }, err = { 0 };
	return finish(search(db, KODE_KFA, argc - 1, argv + 1, &out, &err), &out, &err);
}

static int visit_arg(const char *s, long *id) { return parse_long(s, 1, 999999999999L, id); }

int cmd_tindakan(sqlite3 *db, int argc, char **argv)
{
	static const char use[] = "tindakan KUNJUNGAN_ID | tambah KUNJUNGAN_ID KODE [--keterangan TEKS] | "
				  "hapus KUNJUNGAN_ID KODE | cari KATA...";
	struct sbuf out = { 0 }, err = { 0 };
	long visit;
	int rc;
	const char *sub = argc ? argv[0] : "";
	if (strcmp(sub, "cari") == 0 && argc >= 2) {
		rc = search(db, KODE_ICD9, argc - 1, argv + 1, &out, &err);
	} else if (strcmp(sub, "tambah") == 0 && (argc == 3 || (argc == 5 && strcmp(argv[3], "--keterangan") == 0)) &&
		   visit_arg(argv[1], &visit) == 0) {
		struct field_errors fe;
		rc = tindakan_add(db, visit, argv[2], argc == 5 ? argv[4] : "", &fe, &err);
		field_errors_join(&fe, &err);
		if (rc == 0)
			sb_printf(&out, "tindakan %s dicatat pada kunjungan %ld\n", argv[2], visit);
	} else if (strcmp(sub, "hapus") == 0 && argc == 3 && visit_arg(argv[1], &visit) == 0) {
		rc = tindakan_remove(db, visit, argv[2], &err);
		if (rc == 0)
			sb_printf(&out, "tindakan %s dihapus dari kunjungan %ld\n", argv[2], visit);
	} else if (argc == 1 && visit_arg(argv[0], &visit) == 0) {
		struct tindakan_row t[64];
		int n = tindakan_list(db, visit, t, (int)ARRAY_LEN(t));
		rc = n < 0 ? db_fail(&err, db, "tindakan tidak terbaca") : 0;
		for (int i = 0; i < n; i++) {
			sb_printf(&out, "%s\t", t[i].icd9);
			shown(&out, t[i].nama);
			if (t[i].keterangan[0]) {
				sb_add(&out, " - ");
				shown(&out, t[i].keterangan);
			}
			sb_addc(&out, '\n');
		}
	} else {
		return usage("tindakan", use);
	}
	return finish(rc, &out, &err);
}
