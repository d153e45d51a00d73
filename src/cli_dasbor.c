/* pkm dasbor: per indicator and village the year's coverage against the
 * target line (the PWS chart), the visits counted for one village, or those
 * still due (--sasaran-belum). */
#include "pkm/cli_dasbor.h"
#include "pkm/asal.h"
#include "pkm/dasbor.h"
#include "pkm/date.h"
#include "pkm/output.h"
#include <langinfo.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct opts {
	long year, klaster, width;
	int month, due, csv;
	const char *ind, *village;
};

static int parse(int argc, char **argv, struct opts *o, struct sbuf *why)
{
	struct date today = date_today(), first, next;
	const char *until = NULL;
	o->year = 0;
	o->width = 80;
	o->klaster = -1;	/* every dashboard */
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--sasaran-belum") == 0) {
			o->due = 1;
			continue;
		}
		const char *val = i + 1 < argc ? argv[++i] : NULL;
		const char *opt = argv[i - (val != NULL)];
		if (!val)
			return out_wrong(why, "pilihan tanpa nilai", argv[i]);
		if (strcmp(opt, "--tahun") == 0 && parse_long(val, 2000, 2100, &o->year) == 0)
			continue;
		if (strcmp(opt, "--sampai") == 0 && month_parse(val, &first, &next) == 0)
			until = val;
		else if (strcmp(opt, "--klaster") == 0 && strcmp(val, "utama") == 0)
			o->klaster = 0;
		else if (strcmp(opt, "--klaster") == 0 && parse_long(val, 1, 5, &o->klaster) == 0)
			continue;
		else if (strcmp(opt, "--lebar") == 0 && parse_long(val, 80, 136, &o->width) == 0 &&
			 (o->width == 80 || o->width == 136))
			continue;
		else if (strcmp(opt, "--format") == 0 && (strcmp(val, "text") == 0 || strcmp(val, "csv") == 0))
			o->csv = strcmp(val, "csv") == 0;
		else if (strcmp(opt, "--indikator") == 0)
			o->ind = val;
		else if (strcmp(opt, "--desa") == 0)
			o->village = val;
		else {	/* which option and what was given: the usage follows */
			char given[160];
			snprintf(given, sizeof given, "%s %s", opt, val);
			return out_wrong(why, "pilihan tidak dikenal atau nilainya salah", given);
		}
	}
	if (until && o->year && o->year != first.y)
		return out_wrong(why, "--sampai di luar --tahun", until);
	if (!until)	/* a past year whole, this year to this month */
		first = o->year && o->year < today.y ? (struct date){ (int)o->year, 12, 1 } : today;
	o->year = first.y;
	o->month = first.m;
	if (first.y > today.y || (first.y == today.y && first.m > today.m))
		return out_wrong(why, "bulan itu belum dimulai", until);
	return 0;
}

/* --desa as a village key (rowdef.h): a code, "luar", or ?TEXT as typed. */
static void village_key(const char *given, char *key, size_t size)
{
	if (strcmp(given, "luar") == 0 || strcmp(given, "LUAR") == 0)
		snprintf(key, size, "L");
	else if (given[0] == '?')
		snprintf(key, size, "%s", given);
	else
		snprintf(key, size, "D%s", given);
}

static int find_ind(const struct dasbor *d, const char *id)
{
	for (int i = 0; i < d->n; i++)
		if (strcmp(d->ind[i].id, id) == 0)
			return i;
	return -1;
}

static int find_tab(const struct dasbor *d, const char *id)
{
	for (int i = 0; i < d->ntab; i++)
		if (strcmp(d->tab[i].id, id) == 0)
			return i;
	return -1;
}

/* Whether --indikator names an indicator or table of d (or is not given). */
static int names(const struct dasbor *d, const char *id) { return !id || find_ind(d, id) >= 0 || find_tab(d, id) >= 0; }

/* The main dashboard's tables: as text after the charts; as CSV only the one
 * --indikator names (its own columns). */
static int tables(sqlite3 *db, const struct dasbor *d, const struct dasbor_result *r, const struct opts *o,
		  struct sbuf *text, struct sbuf *err)
{
	int only = o->ind ? find_tab(d, o->ind) : -1;
	if (o->due || o->village || (o->csv && only < 0) || (o->ind && only < 0))
		return 0;
	if (o->csv)
		sb_add(text, "tabel,baris,kolom,nilai\n");
	for (int t = 0; t < d->ntab; t++)
		if (only < 0 || only == t) {
			if (!o->csv)
				sb_addc(text, '\n');
			if (dasbor_table(db, d, t, r->year, r->month, o->csv, text, err) != 0)
				return -1;
		}
	return 0;
}

/* The visits counted for one village (the screen's Enter on a bar). */
static int counted(sqlite3 *db, const struct dasbor_result *r, int i, const char *key, int csv, FILE *f,
		   struct sbuf *err)
{
	char from[11], to[11], name[80];
	struct date last;
	snprintf(from, sizeof from, "%04d-01-01", r->year);
	dasbor_day(r->year, r->month, to);
	date_parse(to, &last);
	date_format(date_from_days(date_to_days(last) + 1), to);
	struct asal a = { 0 };
	dasbor_village_name(r, key, name, sizeof name);
	snprintf(a.judul, sizeof a.judul, "[%.31s] %.80s, %.40s, Januari s.d. %s %d", r->d->ind[i].id, r->d->ind[i].label, name,
		 month_name(r->month), r->year);
	int rc = rowdef_village_asal(db, &r->d->rows.rows[i], from, to, key, &a, err);
	if (rc == 0)
		asal_write(&a, csv ? FMT_CSV : FMT_TEXT, f);
	asal_free(&a);
	return rc;
}

static int write_one(sqlite3 *db, const struct dasbor *d, const struct opts *o, int first, FILE *f, struct sbuf *err)
{
	int only = o->ind ? find_ind(d, o->ind) : -1;
	if (!names(d, o->ind))
		return 0;
	struct dasbor_result r;
	if ((o->due ? dasbor_frame : dasbor_count)(db, d, (int)o->year, o->month, &r, err) != 0)
		return -1;
	char key[80] = "";
	if (o->village)
		village_key(o->village, key, sizeof key);
	struct sbuf text = { 0 };
	int rc = 0;
	int utf8 = !o->csv && isatty(fileno(stdout)) && strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	int charts = d->n && (!o->ind || only >= 0);
	if (o->due && charts)
		rc = dasbor_due(db, &r, only, o->village ? key : NULL, o->csv, first, (int)o->width, &text, err);
	else if (o->village && only >= 0)
		rc = counted(db, &r, only, key, o->csv, f, err);
	else if (o->csv && charts)
		dasbor_csv(&r, only, first, &text);
	else if (!o->csv && !o->due && !o->village)
		dasbor_text(&r, only, (int)o->width, utf8, &text);
	if (rc == 0)
		rc = tables(db, d, &r, o, &text, err);
	if (rc == 0 && text.len)
		fprintf(f, "%s%s", first || o->csv ? "" : "\f\n", sb_str(&text));
	sb_free(&text);
	dasbor_result_free(&r);
	return rc;
}

int cmd_dasbor(sqlite3 *db, const struct pkm_config *cfg, int argc, char **argv, struct sbuf *why)
{
	struct opts o = { 0 };
	if (parse(argc, argv, &o, why) != 0)
		return -1;
	if (o.village && !o.due && !o.ind)
		return out_wrong(why, "--desa perlu --indikator (pasien terhitung) atau --sasaran-belum", NULL);
	struct sbuf err = { 0 };
	struct dasbor *d;
	int n;
	if (dasbor_load_all(db, cfg->forms_dir, (int)o.klaster, &d, &n, &err) != 0) {
		sb_add(&err, "pkm: definisi dasbor perlu dibetulkan (pkm periksa-formulir)");
		return out_fail("pkm", &err);
	}
	int found = 0;
	for (int i = 0; i < n && o.ind; i++)
		found |= names(&d[i], o.ind);
	if (o.ind && !found) {
		dasbor_free_all(d, n);
		return out_wrong(why, "indikator tidak dikenal", o.ind);
	}
	struct out out;
	int rc = out_open(&out, db, NULL, NULL, &err);
	if (rc == 0) {
		for (int i = 0, first = 1; i < n && rc == 0; i++) {
			if (!names(&d[i], o.ind) || (o.due && !d[i].n))
				continue;
			rc = write_one(db, &d[i], &o, first, out.f, &err);
			first = 0;
		}
		rc = out_close(&out, rc == 0, &err) != 0 || rc != 0 ? -1 : 0;
	}
	dasbor_free_all(d, n);
	if (rc != 0)
		return out_fail("pkm", &err);
	sb_free(&err);
	return 0;
}
