/* The audit viewer's pages: newest first, each page older than the last,
 * every row once, the filter applied to every page. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include "pkm/audit.h"
#include "pkm/db.h"
#include "pkm/open.h"

static void test_pages(void **s)
{
	(void)s;
	struct sbuf err = { 0 };
	sqlite3 *db = pkm_open(":memory:", &err);
	assert_non_null(db);
	db_set_user(db, "uji");
	for (int i = 0; i < 250; i++)
		assert_int_equal(audit_event(db, i % 5 ? "EKSPOR" : "MASUK", "pasien", i + 1, 0, "uji", &err), 0);
	long total = db_query_long(db, "SELECT count(*) FROM audit", -1), newest = db_query_long(db, "SELECT max(id) FROM audit", -1);
	struct audit_filter all = { 0 };
	static struct audit_entry e[100];
	long seen = 0, last = 0;
	int n;
	while ((n = audit_page(db, &all, last, 100, e, &err)) > 0) {
		if (!seen)
			assert_int_equal(e[0].id, newest);
		for (int i = 0; i < n; i++) {
			assert_true(last == 0 || e[i].id < last);
			last = e[i].id;
		}
		seen += n;
		audit_entries_free(e, n);
	}
	assert_int_equal(n, 0);
	assert_int_equal(seen, total);
	/* a filter on every page: one user's rows only */
	struct audit_filter other = { .user = "tidak_ada" };
	assert_int_equal(audit_page(db, &other, 0, 100, e, &err), 0);
	db_close(db);
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = { cmocka_unit_test(test_pages) };
	return cmocka_run_group_tests(tests, NULL, NULL);
}
