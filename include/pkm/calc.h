/* Computed, read-only form fields (kamus jenis 'hitung'): a formula name and
 * the fields or numbers it reads, e.g. "imt bb tb" or "kurang_dari lila 23.5". */
#ifndef PKM_CALC_H
#define PKM_CALC_H
#include "pkm/date.h"
#include "pkm/dict.h"

#define CALC_MAX_ARGS 24

struct calc_formula {
	const char *name;
	int min_args, max_args;
	enum col_type result;		/* T_DEC, T_INT, T_DATE or T_YESNO */
	int needs_previous;		/* reads the patient's last value of its first field */
	const char *what;		/* Indonesian, for the README and check-forms */
	const char *(*eval)(const char *const *args, int n, const char *previous, struct date visit,
			    char *out, size_t size);
};

/* Context for one evaluation. */
struct calc_call {
	const struct calc_formula *f;
	int nargs;
	char args[CALC_MAX_ARGS][32];	/* field names or numbers */
};

/* Parse "name arg arg"; 0 when the name is known and the argument count fits,
 * else -1 with a message. */
int calc_parse(const char *rumus, struct calc_call *out, const char **why);
/* Is argument i a number rather than a field name? */
int calc_arg_is_number(const struct calc_call *c, int i);
const struct calc_formula *calc_list(int *n);
/* Evaluate with argument values (normal forms, "" when empty). Empty inputs
 * give an empty result; NULL when fine, else why the inputs are impossible. */
const char *calc_eval(const struct calc_call *c, const char *const *values, const char *previous,
		      struct date visit, char *out, size_t size);

#endif
