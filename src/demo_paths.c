/* The demo's care pathways: people followed as a program holder follows them,
 * not visits drawn one by one. A pregnancy has one HPHT and its ANC contacts
 * in order at their weeks, then the delivery, KF1-KF4 for the mother and
 * KN1-KN3 for the baby, who is registered and then weighed monthly and
 * immunised by the schedule of forms/k2_imunisasi.ini (some late, a few
 * doses missed); under-fives are weighed monthly; hypertension and diabetes
 * patients come back each month for their control. Everything is planned
 * before the first day, then made day by day in date order. */
#include "demo_priv.h"
#include "pkm/db.h"
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#define below demo_below
#define chance demo_chance

enum ev_kind { EV_ANC, EV_SALIN, EV_KF, EV_KN, EV_ANAK, EV_PTM };

struct ev {
	long day;
	int seq;		/* planning order: the same day keeps it */
	unsigned char kind, num;	/* contact, KF or KN number */
	int who;		/* pregnancy, child or chronic patient */
};

struct preg {
	int mother, child;	/* child: -1 when none is followed (stillbirth, born after the end) */
	long hpht, born;
	float tb, bb0, lila, hb;
	unsigned char gravida;
};

/* The schedule (forms/k2_imunisasi.ini, README rule 4): each dose's month of
 * age when it is due, 28 days at least after the antigen's previous dose. */
enum { AG_BCG, AG_POLIO, AG_DPT, AG_IPV, AG_PCV, AG_RV, AG_MR, AG_N };
static const unsigned char due_month[AG_N][4] = {
	[AG_BCG] = { 1 }, [AG_POLIO] = { 1, 2, 3, 4 }, [AG_DPT] = { 2, 3, 4, 18 }, [AG_IPV] = { 4, 9 },
	[AG_PCV] = { 2, 3, 12 }, [AG_RV] = { 2, 3, 4 }, [AG_MR] = { 9, 18 },
};

struct child {
	struct patient *p;
	long born;
	float wf, lf;		/* weight and length against the median */
	double bb;		/* last weighing, kg; 0 before the first */
	long bb_lahir;		/* birth weight, g (KN visits) */
	unsigned char given[AG_N];
	long last[AG_N];
	unsigned char stop_dpt;	/* drops out after this DPT dose (0: never) */
	unsigned char no_mr;
	unsigned char hb0_late;	/* not given at KN1: given at KN2 */
};

struct chronic {
	int pat;
	unsigned char ht, dm;
	int sys, gds;		/* where this patient's readings lie */
};

struct paths {
	struct ev *ev;
	size_t n, cap, next;
	struct preg *pg;
	int npg;
	struct child *ch;
	int nch;
	struct patient *baby;	/* registered at the delivery */
	int nbaby;
	struct chronic *cr;
	int ncr;
	long first, end;
};

static void plan(struct paths *s, long day, enum ev_kind kind, int num, int who)
{
	day = demo_open_day(day);
	if (day < s->first || day > s->end)
		return;
	if (s->n == s->cap)
		s->ev = xrealloc(s->ev, (s->cap = s->cap ? s->cap * 2 : 4096) * sizeof *s->ev);
	s->ev[s->n] = (struct ev){ day, (int)s->n, (unsigned char)kind, (unsigned char)num, who };
	s->n++;
}

static int by_day(const void *a, const void *b)
{
	const struct ev *x = a, *y = b;
	return x->day != y->day ? (x->day > y->day) - (x->day < y->day) : (x->seq > y->seq) - (x->seq < y->seq);
}

static long born_days(const struct patient *p)
{
	struct date b;
	return date_parse(p->tanggal_lahir, &b) == 0 ? date_to_days(b) : 0;
}

static int months_old(long born, long day)
{
	struct age a;
	return age_at(date_from_days(born), date_from_days(day), &a) == 0 ? a.years * 12 + a.months : -1;
}

/* A child weighed monthly from day `from` until 59 months or the end; every
 * tenth comes irregularly (months missed, doses late). */
static void plan_child(struct paths *s, struct child *c, int who, long from)
{
	int irregular = chance(10);
	c->wf = (float)(0.8 + below(35) / 100.0);
	c->lf = (float)(0.93 + below(11) / 100.0);
	c->stop_dpt = chance(5) ? (unsigned char)(1 + below(2)) : 0;
	c->no_mr = chance(7);
	for (long day = from; day <= s->end && months_old(c->born, day) < 59; day += 28 + below(irregular ? 20 : 6))
		if (!chance(irregular ? 35 : 8))
			plan(s, day, EV_ANAK, 0, who);
}

/* An under-five of the records at the start: doses due before it counted as
 * given before the records began. */
static void plan_start_child(struct paths *s, struct patient *p)
{
	struct child *c = &s->ch[s->nch];
	memset(c, 0, sizeof *c);
	c->p = p;
	c->born = born_days(p);
	int age = months_old(c->born, s->first);
	for (int a = 0; a < AG_N; a++)
		for (int k = 0; k < 4 && due_month[a][k] && due_month[a][k] < age; k++)
			c->given[a] = (unsigned char)(k + 1), c->last[a] = s->first - 60;
	plan_child(s, c, s->nch, s->first + below(30));
	s->nch++;
}

/* ANC contacts at their weeks (juknis ILP: two in the first trimester, one in
 * the second, three in the third), K1 late for one in five, one in five going
 * on elsewhere after one to three contacts here; the delivery at
 * 37-41 weeks (a few earlier); KF1-KF4 and KN1-KN3 at their days. */
static void plan_pregnancy(struct paths *s, int who)
{
	static const int week[6] = { 8, 12, 20, 28, 32, 36 };
	struct preg *g = &s->pg[who];
	long gest = chance(5) ? 245 + below(14) : 259 + below(28);
	g->born = demo_open_day(g->hpht + gest);
	int w = chance(80) ? 5 + below(8) : 13 + below(12), stop = chance(20) ? 1 + below(3) : 99;
	for (int k = 1; k <= 8 && k <= stop; k++) {
		long day = g->hpht + 7L * w + below(5);
		if (day >= g->born - 3)
			break;
		plan(s, day, EV_ANC, k, who);
		int next = k < 6 ? week[k] : w + 2;
		w = (next > w + 3 ? next : w + 3) + below(3);
	}
	plan(s, g->born, EV_SALIN, 0, who);
	if (g->child < 0 || g->born < s->first)	/* no delivery recorded: no nifas either */
		return;
	static const int kf[4][2] = { { 1, 1 }, { 3, 6 }, { 8, 27 }, { 29, 41 } }, kn[3][2] = { { 0, 1 }, { 3, 6 }, { 8, 27 } };
	for (int k = 0; k < 4; k++)
		if (k < 2 || !chance(k == 3 ? 15 : 8))
			plan(s, g->born + kf[k][0] + below(kf[k][1] - kf[k][0] + 1), EV_KF, k + 1, who);
	for (int k = 0; k < 3; k++)
		if (k < 2 || !chance(8))
			plan(s, g->born + kn[k][0] + below(kn[k][1] - kn[k][0] + 1), EV_KN, k + 1, who);
	struct child *c = &s->ch[g->child];
	c->born = g->born;
	/* one in eight first comes back at 2-4 months: BCG and the first doses late */
	plan_child(s, c, g->child, g->born + (chance(12) ? 75 + below(60) : 30 + below(8)));
}

/* How many: pregnancies and children in proportion to the visits a day (about
 * a third of the visits follow a pathway), from the patients there are. */
int paths_plan(struct demo *d, struct date first, struct date end)
{
	struct paths *s = d->paths = xcalloc(1, sizeof *s);
	s->first = date_to_days(first);
	s->end = date_to_days(end);
	long span = s->end - s->first + 250;
	int per_year = d->o->per_day * 6 / 5 + 1, wanted = (int)(per_year * span / 365);
	s->pg = xcalloc((size_t)wanted, sizeof *s->pg);
	s->baby = xcalloc((size_t)wanted, sizeof *s->baby);
	int kids = d->o->per_day * 3;
	s->ch = xcalloc((size_t)(kids + wanted), sizeof *s->ch);
	s->cr = xcalloc((size_t)kids, sizeof *s->cr);
	long *free_from = xcalloc((size_t)d->npat, sizeof *free_from);
	for (int i = 0; i < d->npat && s->nch < kids; i++)
		if (months_old(born_days(&d->pat[i]), s->first) < 55)
			plan_start_child(s, &d->pat[i]);
	for (int t = 0; t < wanted * 20 && s->npg < wanted; t++) {
		int m = below(d->npat);
		long hpht = s->first - 250 + below((int)span - 42);
		int age = months_old(born_days(&d->pat[m]), hpht) / 12;
		if (d->pat[m].sex != 'P' || age < 17 || age > 42 || free_from[m] > hpht)
			continue;
		struct preg *g = &s->pg[s->npg];
		g->mother = m;
		g->hpht = hpht;
		g->tb = (float)(145 + below(20));
		g->bb0 = (float)(42 + below(25));
		g->lila = (float)(21.5 + below(80) / 10.0);
		g->hb = (float)(9.8 + below(35) / 10.0);
		g->gravida = (unsigned char)(1 + (age - 17) / 5 + below(2));
		/* a live baby born before the end is followed; the mother is not
		 * pregnant again for a year after */
		g->child = chance(99) && hpht + 245 <= s->end ? s->nch++ : -1;
		plan_pregnancy(s, s->npg++);
		free_from[m] = hpht + 300 + 365;
	}
	free(free_from);
	for (int t = 0; t < kids * 20 && s->ncr < kids; t++) {
		int m = below(d->npat);
		if (months_old(born_days(&d->pat[m]), s->first) < 35 * 12)
			continue;
		struct chronic *c = &s->cr[s->ncr];
		int r = below(10);
		c->pat = m;
		c->ht = r < 8;
		c->dm = r >= 6;
		c->sys = 140 + below(30);
		c->gds = 160 + below(120);
		for (long day = s->first + below(30); day <= s->end; day += 28 + below(7))
			if (!chance(15))
				plan(s, day, EV_PTM, 0, s->ncr);
		s->ncr++;	/* picked twice: the second plan's visits on the same days are not made */
	}
	qsort(s->ev, s->n, sizeof *s->ev, by_day);
	return 0;
}

void paths_free(struct demo *d)
{
	struct paths *s = d->paths;
	if (!s)
		return;
	free(s->ev);
	free(s->pg);
	free(s->ch);
	free(s->baby);
	free(s->cr);
	free(s);
	d->paths = NULL;
}

/* Run a form's INSERT: ?1 the visit, then `n` values, each text ('s') or a
 * number ('d': a double, 'i': an integer, NULL when negative). */
static int insert_row(struct demo *d, const char *sql, long visit, const char *types, ...)
{
	sqlite3_stmt *st = db_stmt(d->db, sql, d->err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, visit);
	va_list ap;
	va_start(ap, types);
	for (int i = 0; types[i]; i++) {
		if (types[i] == 's') {
			const char *t = va_arg(ap, const char *);
			t ? sqlite3_bind_text(st, i + 2, t, -1, SQLITE_TRANSIENT) : sqlite3_bind_null(st, i + 2);
		} else if (types[i] == 'd') {
			sqlite3_bind_double(st, i + 2, va_arg(ap, double));
		} else {
			long x = va_arg(ap, long);
			x < 0 ? sqlite3_bind_null(st, i + 2) : sqlite3_bind_int64(st, i + 2, x);
		}
	}
	va_end(ap);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		sb_printf(d->err, "formulir demo tidak tersimpan: %s", sqlite3_errmsg(d->db));
		return -1;
	}
	return 0;
}

static int anc_form(struct demo *d, const struct visit *v, const struct preg *g, int kontak)
{
	struct date day;
	date_parse(v->tanggal, &day);
	long days = date_to_days(day) - g->hpht, weeks = days / 7;
	double bb = g->bb0 + (weeks > 12 ? (weeks - 12) * 0.4 : 0) + below(10) / 10.0, lila = g->lila + below(5) / 10.0;
	double hb = g->hb + (below(9) - 4) / 10.0;
	char hpht[11], hpl[11];
	date_format(date_from_days(g->hpht), hpht);
	date_format(date_from_days(g->hpht + 280), hpl);
	int first = kontak == 1, doctor = kontak == 1 || kontak == 5;
	return insert_row(d, "INSERT INTO f_anc (kunjungan_id, kontak, hpht, usia_kehamilan, trimester, hpl, bb, tb, imt,"
			  " lila, kek, td_sistol, td_diastol, hb, anemia, status_td, ttd, hiv, sifilis, hbsag, gravida, paritas,"
			  " faktor_risiko, usg, oleh_dokter) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, round(?7 / (?8 * ?8 / 10000.0), 1),"
			  " ?9, ?9 < 23.5, ?10, ?11, ?12, ?12 < 11, ?13, ?14, ?15, ?15, ?15, ?16, ?16 - 1, ?17, ?18, ?18)",
			  v->id, "isiisdddiidsisiii", (long)kontak, hpht, weeks, (long)(days <= 90 ? 1 : days <= 174 ? 2 : 3), hpl,
			  bb, (double)g->tb, lila, (long)(105 + below(30)), (long)(65 + below(20)), hb,
			  g->gravida > 1 ? "T3" : "T2", (long)(first ? 90 : 30), first ? (chance(95) ? "NR" : "TD") : NULL,
			  (long)g->gravida, (long)(g->gravida > 4 || g->tb < 145), (long)doctor);
}

int paths_anc_form(struct demo *d, const struct visit *v, int kontak, long hpht)
{
	struct preg g = { .hpht = hpht, .tb = 155, .bb0 = 55, .lila = 25, .hb = 12, .gravida = 2 };
	return anc_form(d, v, &g, kontak);
}

static const struct dx anc_dx = { "Z34.9", 0, { "FE" } }, ht_dx = { "I10", 0, { "AML5", "?CAP25" } },
		       dm_dx = { "E11.9", 0, { "MET500", "?GLB5" } };

static int anc_visit(struct demo *d, struct preg *g, int kontak, long n)
{
	struct visit v;
	int rc = demo_visit(d, &d->pat[g->mother], n, "K2", anc_dx.code, NULL, 0, &v);
	if (rc <= 0)
		return rc;
	return anc_form(d, &v, g, kontak) == 0 && db_save_next(d->db) == 0 ? demo_prescribe(d, &v, &anc_dx) : -1;
}

/* Nine in ten in a facility (the puskesmas itself, a midwife's practice, the
 * hospital); at home a midwife or a traditional birth attendant. The baby is
 * registered under the mother's name. */
static int delivery(struct demo *d, struct preg *g, long n)
{
	static const char *const place[] = { "PKM", "PKM", "PKM", "PKM", "PMB", "PMB", "PMB", "RS", "RS", "POLINDES" };
	const struct patient *mother = &d->pat[g->mother];
	struct visit v;
	int rc = demo_visit(d, mother, n, "K2", "O80", NULL, 0, &v);
	if (rc <= 0)
		return rc;
	const char *where = chance(92) ? PICK(place) : "RUMAH";
	const char *who = strcmp(where, "RS") == 0 ? "DOKTER" : strcmp(where, "RUMAH") == 0 && chance(40) ? "DUKUN" : "BIDAN";
	const char *state = chance(95) ? "SEHAT" : "KOMPLIKASI";
	static const char *const kb[] = { "TIDAK", "TIDAK", "IUD", "IMPLAN", "SUNTIK", "SUNTIK", "PIL", "MAL" };
	char hour[6];
	snprintf(hour, sizeof hour, "%02d:%02d", below(24), below(60));
	long weight = chance(8) ? 1900 + below(600) : 2500 + below(1400);
	if (insert_row(d, "INSERT INTO f_persalinan (kunjungan_id, tanggal_persalinan, jam_persalinan, tempat, penolong,"
		       " cara, keadaan_ibu, komplikasi, lahir_hidup, lahir_mati, bb_lahir, bblr, imd, kb_pasca) VALUES"
		       " (?1, ?2, ?3, ?4, ?5, 'NORMAL', ?6, ?7, ?8, 1 - ?8, ?9, ?9 < 2500, ?10, ?11)",
		       v.id, "ssssssiiis", v.tanggal, hour, where, who, state,
		       strcmp(state, "SEHAT") ? (chance(50) ? "PERDARAHAN" : "PARTUS_LAMA") : NULL, (long)(g->child >= 0),
		       weight, (long)chance(85), PICK(kb)) != 0)
		return -1;
	if (g->child < 0)
		return 1;
	struct paths *s = d->paths;
	struct patient *b = &s->baby[s->nbaby++];
	b->sex = chance(51) ? 'L' : 'P';
	snprintf(b->nama, sizeof b->nama, "By. Ny. %.240s", mother->nama);
	str_copy(b->nama_ibu, sizeof b->nama_ibu, mother->nama);
	str_copy(b->tanggal_lahir, sizeof b->tanggal_lahir, v.tanggal);
	str_copy(b->alamat, sizeof b->alamat, mother->alamat);
	str_copy(b->desa, sizeof b->desa, mother->desa);
	str_copy(b->desa_kode, sizeof b->desa_kode, mother->desa_kode);
	b->desa_luar = mother->desa_luar;
	str_copy(b->penjamin, sizeof b->penjamin, mother->penjamin);
	if (strncmp(b->penjamin, "BPJS", 4) == 0)
		snprintf(b->no_bpjs, sizeof b->no_bpjs, "000%010d", 5000000 + s->nbaby);
	s->ch[g->child].p = b;
	s->ch[g->child].bb_lahir = weight;
	return patient_insert(d->db, b, d->err) == 0 ? 1 : -1;
}

static int nifas(struct demo *d, const struct preg *g, int k, long n)
{
	struct visit v;
	char code[8];
	snprintf(code, sizeof code, "KF%d", k);
	int rc = demo_visit(d, &d->pat[g->mother], n, "K2", k == 1 ? "Z39.0" : "Z39.2", NULL, 0, &v);
	if (rc <= 0)
		return rc;
	static const char *const kb[] = { "TIDAK", "IUD", "IMPLAN", "SUNTIK", "SUNTIK", "PIL", "KONDOM" };
	return insert_row(d, "INSERT INTO f_nifas (kunjungan_id, kunjungan_nifas, td_sistol, td_diastol, vitamin_a, ttd,"
			  " komplikasi, kb, dirujuk) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'TIDAK', ?7, 0)",
			  v.id, "siiiis", code, (long)(105 + below(25)), (long)(65 + below(20)),
			  (long)(k <= 2 && chance(90)), (long)(k == 1 ? 30 : 0), k == 4 ? PICK(kb) : NULL) == 0 ? 1 : -1;
}

/* KN1 at 6-48 hours with vitamin K and, for most, HB0 under 24 hours; a baby
 * missed then has HB0 at KN2. */
static int neonatal(struct demo *d, const struct preg *g, int k, long n)
{
	struct child *c = &d->paths->ch[g->child];
	if (!c->p)
		return 0;
	struct visit v;
	char code[8];
	snprintf(code, sizeof code, "KN%d", k);
	int rc = demo_visit(d, c->p, n, "K2", "Z00.1", NULL, 0, &v);
	if (rc <= 0)
		return rc;
	long age = n - c->born, grams = c->bb_lahir + (age > 5 ? (age - 5) * 25 : -age * 10);
	const char *hb0 = NULL;
	if (k == 1)
		hb0 = (c->hb0_late = chance(12)) ? "BELUM" : "H24";
	else if (k == 2 && c->hb0_late)
		hb0 = "H7", c->hb0_late = 0;
	return insert_row(d, "INSERT INTO f_neonatal (kunjungan_id, kunjungan_neonatal, bb, pb, shk, shk_hasil, vitamin_k,"
			  " hb0, mtbm, ikterik, asi, dirujuk) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9, 1, 0)",
			  v.id, "sidisisi", code, grams, 47 + below(50) / 10.0 + age / 10.0, (long)(k == 2),
			  k == 2 ? "BELUM" : NULL, (long)(k == 1), hb0, (long)chance(5)) == 0 ? 1 : -1;
}

/* Median weight (kg) and length (cm) by month of age (WHO standards, both
 * sexes), between the knots in a straight line. */
static const struct {
	int month;
	double kg, cm;
} median[] = { { 0, 3.3, 49.5 },  { 1, 4.4, 54.2 },   { 2, 5.4, 57.9 },	  { 3, 6.2, 60.8 },   { 4, 6.8, 63.2 },
	       { 6, 7.7, 66.9 },  { 9, 8.7, 71.5 },   { 12, 9.5, 75.4 },  { 18, 10.8, 81.9 }, { 24, 12.0, 87.1 },
	       { 36, 14.1, 95.6 }, { 48, 16.1, 102.9 }, { 60, 18.1, 109.6 } };

static void growth(long days, double *kg, double *cm)
{
	double m = days / 30.44;
	size_t i = 1;
	while (i + 1 < ARRAY_LEN(median) && median[i].month < m)
		i++;
	double f = (m - median[i - 1].month) / (median[i].month - median[i - 1].month);
	*kg = median[i - 1].kg + f * (median[i].kg - median[i - 1].kg);
	*cm = median[i - 1].cm + f * (median[i].cm - median[i - 1].cm);
}

/* The doses due at this visit, by the schedule: the next dose of each antigen
 * once the child is old enough and 28 days after the antigen's last dose. A
 * child who dropped out gets none after its last DPT, MR is missed by a few. */
static void doses_due(const struct child *c, long n, unsigned char give[AG_N])
{
	int months = months_old(c->born, n), stopped = c->stop_dpt && c->given[AG_DPT] >= c->stop_dpt;
	for (int a = 0; a < AG_N; a++) {
		int k = c->given[a];
		give[a] = !stopped && !(a == AG_MR && c->no_mr) && k < 4 && due_month[a][k] && months >= due_month[a][k] &&
			  n - c->last[a] >= 28 ? (unsigned char)(k + 1) : 0;
	}
}

static long dose(const unsigned char give[AG_N], int a) { return give[a] ? give[a] : -1; }

/* The batch written for a dose given: a new vial lot each quarter; one visit in
 * seven has none written (not from the seeded generator: the rest of the demo
 * stays the same). */
static const char *batch(char out[AG_N][16], const unsigned char give[AG_N], int a, long visit, long n)
{
	static const char *const prefix[AG_N] = { "BCG", "BOPV", "PTB", "IPV", "PCV", "RV", "MR" };
	if (!give[a] || visit % 7 == 0)
		return NULL;
	snprintf(out[a], sizeof out[a], "%s%04ld", prefix[a], n / 91 % 10000);
	return out[a];
}

/* The monthly visit of an under-five: weighed (N when the weight went up since
 * the last weighing), and the doses due given. */
static int child_visit(struct demo *d, struct child *c, long n)
{
	if (!c->p)
		return 0;
	unsigned char give[AG_N];
	doses_due(c, n, give);
	int any = 0;
	for (int a = 0; a < AG_N; a++)
		any |= give[a] != 0;
	struct visit v;
	const char *imm = give[AG_DPT] ? "Z27" : give[AG_BCG] && !give[AG_POLIO] ? "Z23" : "Z24";
	int rc = demo_visit(d, c->p, n, "K2", "Z00.1", any ? imm : NULL, 0, &v);
	if (rc <= 0)
		return rc;
	long age = n - c->born;
	int months = months_old(c->born, n);
	double kg, cm;
	growth(age, &kg, &cm);
	double bb = kg * c->wf * (1 + (below(5) - 2) / (months < 12 ? 100.0 : 200.0));
	if (c->bb > 0 && chance(8))	/* a sick month: no gain */
		bb = c->bb - below(3) / 10.0;
	bb = (long)(bb * 10 + 0.5) / 10.0;
	double ratio = bb / kg, prev = c->bb;
	int month = date_from_days(n).m;
	const char *vita = month != 2 && month != 8 ? NULL : months >= 12 ? "MERAH" : months >= 6 ? "BIRU" : NULL;
	if (insert_row(d, "INSERT INTO f_penimbangan (kunjungan_id, bb, pb_tb, cara_ukur, selisih_bb, naik, status_gizi,"
		       " stunting, bgm, vitamin_a, asi_eksklusif, buku_kia) VALUES (?1, ?2, ?3, ?4,"
		       " CASE WHEN ?5 > 0 THEN round(?2 - ?5, 1) END, CASE WHEN ?5 > 0 THEN ?2 > ?5 END, ?6, ?7, ?8, ?9, ?10, 1)",
		       v.id, "ddsdssisi", bb, (long)(cm * c->lf * 10) / 10.0, months < 24 ? "PB" : "TB", prev,
		       ratio < 0.78 ? "BURUK" : ratio < 0.88 ? "KURANG" : ratio > 1.12 ? "LEBIH" : "BAIK",
		       c->lf < 0.95 ? "PENDEK" : "NORMAL", (long)(ratio < 0.8), vita, months < 6 ? (long)chance(70) : -1L) != 0)
		return -1;
	c->bb = bb;
	char lot[AG_N][16];
	if (any && insert_row(d, "INSERT INTO f_imunisasi (kunjungan_id, bcg, polio, dpt_hb_hib, ipv, pcv, rv, mr, kipi,"
			      " no_batch_bcg, no_batch_polio, no_batch_dpt_hb_hib, no_batch_ipv, no_batch_pcv, no_batch_rv,"
			      " no_batch_mr) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
			      v.id, "iiiiiiiisssssss", give[AG_BCG] ? 1L : -1L,
			      dose(give, AG_POLIO), dose(give, AG_DPT), dose(give, AG_IPV), dose(give, AG_PCV),
			      dose(give, AG_RV), dose(give, AG_MR), (long)chance(2), batch(lot, give, AG_BCG, v.id, n),
			      batch(lot, give, AG_POLIO, v.id, n), batch(lot, give, AG_DPT, v.id, n),
			      batch(lot, give, AG_IPV, v.id, n), batch(lot, give, AG_PCV, v.id, n),
			      batch(lot, give, AG_RV, v.id, n), batch(lot, give, AG_MR, v.id, n)) != 0)
		return -1;
	for (int a = 0; a < AG_N; a++)
		if (give[a])
			c->given[a] = give[a], c->last[a] = n;
	return 1;
}

/* A hypertension or diabetes patient's monthly control: blood pressure and
 * glucose coming down on treatment, the chronic codes (their case flag by the
 * pre-fill rule), the month's drugs. */
static int control(struct demo *d, struct chronic *c, long n)
{
	static const struct dx both = { "I10", 0, { "AML5", "MET500", "?CAP25", "?GLB5" } };
	const struct patient *p = &d->pat[c->pat];
	const struct dx *x = c->ht && c->dm ? &both : c->ht ? &ht_dx : &dm_dx;
	struct visit v;
	int rc = demo_visit(d, p, n, "K3", c->ht ? "I10" : "E11.9", c->ht && c->dm ? "E11.9" : NULL, 0, &v);
	if (rc <= 0)
		return rc;
	if (c->sys > 135)
		c->sys -= below(4);
	if (c->gds > 150)
		c->gds -= below(10);
	long sys = c->ht ? c->sys + below(15) - 5 : 115 + below(20), gds = c->dm ? c->gds + below(40) - 20 : 90 + below(50);
	if (insert_row(d, "INSERT INTO f_ptm (kunjungan_id, td_sistol, td_diastol, gds, bb, tb, imt, hasil)"
		       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, round(?5 / (?6 * ?6 / 10000.0), 1), ?7)", v.id, "iiidds", sys,
		       sys * 6 / 10 + below(10), gds, 50.0 + c->pat % 30, 150.0 + c->pat % 20,
		       c->ht && c->dm ? "HT_DM" : c->ht ? "HIPERTENSI" : "DM") != 0 || db_save_next(d->db) != 0)
		return -1;
	return demo_prescribe(d, &v, x) == 0 ? 1 : -1;
}

int paths_next(struct demo *d, long n)
{
	struct paths *s = d->paths;
	while (s->next < s->n && s->ev[s->next].day < n)
		s->next++;
	if (s->next >= s->n || s->ev[s->next].day != n)
		return 0;
	const struct ev *e = &s->ev[s->next++];
	int rc = 0;
	switch ((enum ev_kind)e->kind) {
	case EV_ANC:
		rc = anc_visit(d, &s->pg[e->who], e->num, n);
		break;
	case EV_SALIN:
		rc = delivery(d, &s->pg[e->who], n);
		break;
	case EV_KF:
		rc = nifas(d, &s->pg[e->who], e->num, n);
		break;
	case EV_KN:
		rc = neonatal(d, &s->pg[e->who], e->num, n);
		break;
	case EV_ANAK:
		rc = child_visit(d, &s->ch[e->who], n);
		break;
	case EV_PTM:
		rc = control(d, &s->cr[e->who], n);
		break;
	}
	return rc < 0 ? -1 : 1;
}
