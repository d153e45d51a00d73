/* What src/demo.c and src/demo_paths.c share: the run's state, its random
 * draws and the visit's prescription. Not for other modules. */
#ifndef PKM_DEMO_PRIV_H
#define PKM_DEMO_PRIV_H
#include "pkm/demo.h"
#include "pkm/patient.h"
#include "pkm/visit.h"

/* A diagnosis with the drugs usually given for it ("" ends; a drug after '?'
 * is given to about a third). */
struct dx {
	const char *code;
	int weight;
	const char *drugs[4];
};

struct paths;

struct demo {
	sqlite3 *db;
	const struct pkm_config *cfg;
	const struct demo_opts *o;
	int npat;
	struct patient *pat;
	struct paths *paths;	/* the care pathways' planned visits (demo_paths.c) */
	sqlite3_stmt *form[8];
	long visits, diags, lines, short_stock;
	int clock;		/* minutes after midnight the visit began */
	int hold;		/* its prescription waits at the pharmacy */
	int want_short;		/* the next dispensing meets a stock-out */
	int today;		/* the last day: what is short stays open at the counter */
	struct sbuf *err;
};

#define PICK(a) ((a)[demo_below((int)ARRAY_LEN(a))])

int demo_below(int n);		/* 0..n-1 from the seeded generator */
int demo_chance(int percent);
/* Day n, or the Monday after when n is a Sunday (the puskesmas is closed). */
long demo_open_day(long n);
/* A visit of p on day n with its diagnoses (dx1, dx2 may be NULL; kasus 0:
 * the pre-fill), as a desk saves it: 1 made, 0 when p already has one that
 * day in that unit, -1 on error. */
int demo_visit(struct demo *d, const struct patient *p, long n, const char *unit, const char *dx1, const char *dx2,
	       char kasus, struct visit *v);
int demo_prescribe(struct demo *d, const struct visit *v, const struct dx *x);

/* Plan every pathway visit of [first, end] for the demo's patients: 0, -1. */
int paths_plan(struct demo *d, struct date first, struct date end);
/* The next planned visit of day n, made: 1; 0 when the day has none left; -1. */
int paths_next(struct demo *d, long n);
void paths_free(struct demo *d);
/* An ANC form on visit v as a desk would fill it, for contact `kontak` of a
 * pregnancy with that HPHT (days): 0, -1. */
int paths_anc_form(struct demo *d, const struct visit *v, int kontak, long hpht);

/* Issue 35's records over the visits made: KFA codes, procedures, allergies,
 * referrals (src/demo_rekam.c), in the caller's transaction: 0, -1. */
int demo_rekam(struct demo *d);
/* The working area (demo_desa.c): the villages and each patient's, after
 * make_patients; each year's targets once the visits are made. 0, -1. */
int demo_desa_master(struct demo *d);
int demo_desa_targets(struct demo *d, struct date first, struct date end, struct sbuf *done);

#endif
