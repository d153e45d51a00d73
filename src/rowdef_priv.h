/* The row definitions' query builder, shared by the monthly count
 * (rowdef_count.c) and the per-village count and due list (rowdef_desa.c). */
#ifndef PKM_ROWDEF_PRIV_H
#define PKM_ROWDEF_PRIV_H
#include "pkm/rowdef.h"

/* A row's SQL and its values, as many as the row's conditions make (no cap:
 * a value dropped would count the row wrong without a word). */
struct rd_query {
	struct sbuf sql;
	int n, cap;
	char **bind;
	int by_month;			/* rdq_rows over several months: patients once per month */
};

void rdq_bind(struct rd_query *q, const char *v);
void rdq_free(struct rd_query *q);
void rdq_bind_all(sqlite3_stmt *st, const struct rd_query *q);
/* One condition of row r as SQL (aliases t = the row's table, v = the visit). */
void rdq_cond(struct rd_query *q, const struct rd_row *r, const struct rd_cond *c);
/* The rows r counts in [from, to), one per counted unit: (kid, jk, nilai,
 * bulan YYYY-MM); reads the temp tables of rdq_month_visits/rdq_month_rows. */
void rdq_rows(struct rd_query *q, const struct rd_row *r, const char *from, const char *to, long yyyymm);
/* The visits of [from, to) as temp.kunjungan_bulan (only_rows: those with a
 * row in a table the rows of d count from, when that is all they read). */
int rdq_month_visits(sqlite3 *db, const struct rowdef *d, const char *from, const char *to, int only_rows,
		     struct sbuf *err);
int rdq_month_rows(sqlite3 *db, const struct rowdef *d, int drop, struct sbuf *err);

#endif
