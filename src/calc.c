#include "pkm/calc.h"
#include "pkm/util.h"
#include <stdio.h>
#include <string.h>

static int any_empty(const char *const *a, int n)
{
	for (int i = 0; i < n; i++)
		if (!a[i][0])
			return 1;
	return 0;
}

/* Body mass index: BB kg / (TB m)^2, one decimal. */
static const char *imt(const char *const *a, int n, const char *prev, struct date visit, char *out, size_t size)
{
	(void)n, (void)prev, (void)visit;
	long bb, tb;
	if (dec_parse(a[0], &bb) != 0 || dec_parse(a[1], &tb) != 0 || tb <= 0)
		return "BB/TB tidak terbaca";
	/* bb/100 kg over (tb/10000 m)^2, in hundredths, rounded to one decimal */
	long long num = (long long)bb * 100000000LL, den = (long long)tb * tb;
	long tenths = (long)((num / den + 5) / 10);
	dec_format(tenths * 10, out, size);
	return NULL;
}

static const char *pregnancy_days(const char *hpht, struct date visit, long *days)
{
	struct date d;
	if (date_parse(hpht, &d) != 0)
		return "HPHT tidak terbaca";
	*days = date_to_days(visit) - date_to_days(d);
	if (*days < 0)
		return "HPHT sesudah tanggal kunjungan";
	if (*days > 45 * 7)
		return "HPHT lebih dari 45 minggu lalu: periksa HPHT";
	return NULL;
}

static const char *usia_kehamilan(const char *const *a, int n, const char *prev, struct date visit, char *out,
				  size_t size)
{
	(void)n, (void)prev;
	long days;
	const char *err = pregnancy_days(a[0], visit, &days);
	if (!err)
		snprintf(out, size, "%ld", days / 7);
	return err;
}

static const char *trimester(const char *const *a, int n, const char *prev, struct date visit, char *out, size_t size)
{
	(void)n, (void)prev;
	long days;
	const char *err = pregnancy_days(a[0], visit, &days);
	if (!err)
		snprintf(out, size, "%d", days <= 12 * 7 + 6 ? 1 : days <= 24 * 7 + 6 ? 2 : 3);
	return err;
}

/* Naegele: HPHT + 280 days. */
static const char *hpl(const char *const *a, int n, const char *prev, struct date visit, char *out, size_t size)
{
	(void)n, (void)prev, (void)visit;
	struct date d;
	if (date_parse(a[0], &d) != 0)
		return "HPHT tidak terbaca";
	char buf[11];
	date_format(date_from_days(date_to_days(d) + 280), buf);
	str_copy(out, size, buf);
	return NULL;
}

static const char *selisih(const char *cur, const char *prev, long *diff)
{
	long a, b;
	if (!prev || !prev[0])
		return "";
	if (dec_parse(cur, &a) != 0 || dec_parse(prev, &b) != 0)
		return "berat badan tidak terbaca";
	*diff = a - b;
	return NULL;
}

/* Weight gain since the patient's last weighing in this form; empty for a first weighing. */
static const char *selisih_bb(const char *const *a, int n, const char *prev, struct date visit, char *out,
			      size_t size)
{
	(void)n, (void)visit;
	long d;
	const char *err = selisih(a[0], prev, &d);
	if (err)
		return str_copy(out, size, ""), *err ? err : NULL;
	dec_format(d, out, size);
	return NULL;
}

static const char *naik_bb(const char *const *a, int n, const char *prev, struct date visit, char *out, size_t size)
{
	(void)n, (void)visit;
	long d;
	const char *err = selisih(a[0], prev, &d);
	if (err)
		return str_copy(out, size, ""), *err ? err : NULL;
	str_copy(out, size, d > 0 ? "1" : "0");
	return NULL;
}

/* 1 when the field is below the limit: KEK is "kurang_dari lila 23.5". */
static const char *kurang_dari(const char *const *a, int n, const char *prev, struct date visit, char *out,
			       size_t size)
{
	(void)n, (void)prev, (void)visit;
	long v, limit;
	if (dec_parse(a[0], &v) != 0 || dec_parse(a[1], &limit) != 0)
		return "angka tidak terbaca";
	str_copy(out, size, v < limit ? "1" : "0");
	return NULL;
}

/* Sum of numbers and yes/no answers (yes = 1): SRQ-20, ADL. */
static const char *jumlah(const char *const *a, int n, const char *prev, struct date visit, char *out, size_t size)
{
	(void)prev, (void)visit;
	long sum = 0, v;
	for (int i = 0; i < n; i++) {
		if (dec_parse(a[i], &v) != 0)
			return "angka tidak terbaca";
		sum += v;
	}
	dec_format(sum, out, size);
	return NULL;
}

/* Days between admission and discharge; a same-day stay counts one day. */
static const char *hari_rawat(const char *const *a, int n, const char *prev, struct date visit, char *out,
			      size_t size)
{
	(void)n, (void)prev, (void)visit;
	struct date in, outd;
	if (date_parse(a[0], &in) != 0 || date_parse(a[1], &outd) != 0)
		return "tanggal tidak terbaca";
	long days = date_to_days(outd) - date_to_days(in);
	if (days < 0)
		return "tanggal keluar sebelum tanggal masuk";
	snprintf(out, size, "%ld", days ? days : 1);
	return NULL;
}

static const struct calc_formula formulas[] = {
	{ "imt", 2, 2, T_DEC, 0, "IMT = BB (kg) / TB (m)^2: imt BB TB", imt },
	{ "usia_kehamilan", 1, 1, T_INT, 0, "usia kehamilan (minggu) dari HPHT: usia_kehamilan HPHT", usia_kehamilan },
	{ "trimester", 1, 1, T_INT, 0, "trimester 1-3 dari HPHT: trimester HPHT", trimester },
	{ "hpl", 1, 1, T_DATE, 0, "hari perkiraan lahir = HPHT + 280 hari: hpl HPHT", hpl },
	{ "selisih_bb", 1, 1, T_DEC, 1, "selisih BB dengan penimbangan sebelumnya: selisih_bb BB", selisih_bb },
	{ "naik_bb", 1, 1, T_YESNO, 1, "BB naik dibanding penimbangan sebelumnya: naik_bb BB", naik_bb },
	{ "kurang_dari", 2, 2, T_YESNO, 0, "ya bila nilai < batas (mis. KEK: kurang_dari lila 23.5)", kurang_dari },
	{ "jumlah", 1, CALC_MAX_ARGS, T_DEC, 0, "jumlah angka atau jawaban ya (SRQ-20, ADL): jumlah A B ...", jumlah },
	{ "hari_rawat", 2, 2, T_INT, 0, "hari rawat = keluar - masuk (minimal 1): hari_rawat MASUK KELUAR", hari_rawat },
};

const struct calc_formula *calc_list(int *n)
{
	*n = (int)ARRAY_LEN(formulas);
	return formulas;
}

int calc_parse(const char *rumus, struct calc_call *out, const char **why)
{
	char buf[256], *save = NULL;
	memset(out, 0, sizeof *out);
	str_copy(buf, sizeof buf, rumus);
	char *name = strtok_r(buf, " \t", &save);
	for (size_t i = 0; name && i < ARRAY_LEN(formulas); i++)
		if (strcmp(formulas[i].name, name) == 0)
			out->f = &formulas[i];
	if (!out->f) {
		*why = "rumus tidak dikenal (imt, usia_kehamilan, trimester, hpl, selisih_bb, naik_bb, kurang_dari, "
		       "jumlah, hari_rawat)";
		return -1;
	}
	for (char *a; (a = strtok_r(NULL, " \t", &save)) != NULL;) {
		if (out->nargs == CALC_MAX_ARGS) {
			*why = "rumus: terlalu banyak argumen";
			return -1;
		}
		str_copy(out->args[out->nargs++], sizeof out->args[0], a);
	}
	if (out->nargs < out->f->min_args || out->nargs > out->f->max_args) {
		*why = "rumus: jumlah argumen salah";
		return -1;
	}
	return 0;
}

int calc_arg_is_number(const struct calc_call *c, int i)
{
	long v;
	return dec_parse(c->args[i], &v) == 0;
}

const char *calc_eval(const struct calc_call *c, const char *const *values, const char *previous,
		      struct date visit, char *out, size_t size)
{
	out[0] = '\0';
	if (any_empty(values, c->nargs))
		return NULL;
	return c->f->eval(values, c->nargs, previous, visit, out, size);
}
