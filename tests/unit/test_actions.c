/* The action list: every help text fits the help screen at 80 columns (the
 * keys take 16, nothing a user must read is cut), every F-key action has a
 * Ctrl or another key for terminals that take the F-keys, and on every screen
 * of every role the key bar at 80 columns shows each key the role may use
 * there (Enter aside) and no other, F1 lists the same ones first. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <string.h>
#include <cmocka.h>
#include "pkm/action.h"
#include "pkm/util.h"

static const char *roles[] = { "PENDAFTARAN", "NAKES", "FARMASI", "PELAPORAN", "ADMIN" };
/* the contexts the screens pass to ui_frame */
static const unsigned screens[] = {
	CTX_MAIN | CTX_SEARCH, CTX_MAIN | CTX_VISITS, CTX_MAIN | CTX_STOCK, CTX_MAIN | CTX_REPSEL, CTX_DIAG,
	CTX_FORM, CTX_VIEWER, CTX_VIEWER | CTX_CARD, CTX_PICK, CTX_PICK | CTX_FORM, CTX_RESEP, CTX_USERS, CTX_LOGIN, CTX_OUTBOX, CTX_FILTER,
	CTX_MAIN | CTX_QUEUE, CTX_VIEWER | CTX_MONTHREP,
};

static void test_help_fits(void **s)
{
	(void)s;
	for (int i = 0; i < pkm_action_count; i++) {
		const struct action_info *a = &pkm_actions[i];
		if (utf8_width(a->help) > 80 - 17)
			fail_msg("help of action %d is %d columns: '%s'", i, utf8_width(a->help), a->help);
		if (a->fkey && !a->ctrl && !a->key)
			fail_msg("F%d '%s' has no Ctrl or other key", a->fkey, a->hint);
	}
}

static int may_use(const struct action_info *a, unsigned ctx, unsigned rights)
{
	return (a->ctx & ctx) && (a->need & rights) == a->need;
}

static void test_bar_shows_every_key(void **s)
{
	(void)s;
	for (size_t r = 0; r < ARRAY_LEN(roles); r++)
		for (size_t c = 0; c < ARRAY_LEN(screens); c++) {
			unsigned rights = role_rights(roles[r]), ctx = screens[c];
			struct hint h[A_COUNT];
			int lines, n = action_bar(ctx, rights, 80, h, &lines), end[2] = { 0, 0 };
			assert_true(lines == 1 || lines == 2);
			for (int i = 0; i < pkm_action_count; i++) {
				const struct action_info *a = &pkm_actions[i];
				int on = 0;
				for (int k = 0; k < n; k++)
					on += h[k].a == a;
				if (on != (may_use(a, ctx, rights) && a->id != A_OPEN))
					fail_msg("%s, context %u: '%s %s' %s the bar", roles[r], ctx, a->fkey ? "F" : "",
						 a->hint, on ? "wrongly on" : "missing from");
			}
			for (int k = 0; k < n; k++) {	/* in order, apart, inside 80 columns */
				int w = (int)strlen(h[k].key) + 1 + utf8_width(h[k].a->hint);
				assert_true(h[k].line < lines);
				assert_true(h[k].x >= end[h[k].line]);
				assert_true(h[k].x + w <= 80);
				end[h[k].line] = h[k].x + w + 1;
			}
		}
}

/* two lines only when one is too short: F1 and this screen's keys first, the
 * main screens' on a line of their own when they fit on one */
static void test_bar_lines(void **s)
{
	(void)s;
	struct hint h[A_COUNT];
	int lines, n = action_bar(CTX_MAIN | CTX_SEARCH, role_rights("PENDAFTARAN"), 80, h, &lines);
	assert_int_equal(lines, 2);
	for (int k = 0; k < n; k++)
		assert_int_equal(h[k].line, (h[k].a->ctx & CTX_MAIN) && h[k].a->ctx != CTX_ALL);
	assert_string_equal(h[0].key, "F1");
	n = action_bar(CTX_MAIN | CTX_VISITS, role_rights("ADMIN"), 80, h, &lines);
	assert_int_equal(lines, 2);
	for (int k = 0; k < n; k++)
		if (!(h[k].a->ctx & CTX_MAIN))
			assert_int_equal(h[k].line, 0);
	n = action_bar(CTX_FORM, role_rights("NAKES"), 80, h, &lines);
	assert_int_equal(lines, 1);
	assert_int_equal(n, 3);	/* F1, F2 Simpan, Esc Kembali */
	assert_string_equal(h[2].key, "Esc");
	/* wide enough, one line */
	action_bar(CTX_MAIN | CTX_SEARCH, role_rights("ADMIN"), 200, h, &lines);
	assert_int_equal(lines, 1);
}

/* F1: the keys of this screen first, then those of every screen; the same
 * keys the role may use there, each once, with one meaning per key. */
static void test_help_of_a_screen(void **s)
{
	(void)s;
	for (size_t r = 0; r < ARRAY_LEN(roles); r++)
		for (size_t c = 0; c < ARRAY_LEN(screens); c++) {
			unsigned rights = role_rights(roles[r]), ctx = screens[c];
			const struct action_info *l[A_COUNT];
			int here, n = action_help(ctx, rights, l, &here), want = 0;
			for (int i = 0; i < pkm_action_count; i++)
				want += may_use(&pkm_actions[i], ctx, rights);
			assert_int_equal(n, want);
			for (int k = 0; k < n; k++) {
				assert_true(may_use(l[k], ctx, rights));
				assert_int_equal(k >= here, (l[k]->ctx & CTX_MAIN) || l[k]->ctx == CTX_ALL);
				for (int j = 0; j < k; j++)
					if ((l[j]->fkey && l[j]->fkey == l[k]->fkey) || (l[j]->key && l[j]->key == l[k]->key) ||
					    (l[j]->ctrl && l[j]->ctrl == l[k]->ctrl))
						fail_msg("%s, context %u: '%s' and '%s' share a key", roles[r], ctx, l[j]->hint,
							 l[k]->hint);
			}
		}
}

/* the data officer reaches the reports only: nothing of patients or visits */
static void test_data_officer_help(void **s)
{
	(void)s;
	const struct action_info *l[A_COUNT];
	int here, n = action_help(CTX_MAIN | CTX_REPSEL, role_rights("PELAPORAN"), l, &here);
	for (int k = 0; k < n; k++) {
		assert_false(l[k]->id == A_NEW || l[k]->id == A_DAY || l[k]->id == A_PREVDAY || l[k]->id == A_NEXTDAY);
		assert_false(l[k]->id == A_BACK);	/* Esc does nothing on the reports screen */
	}
	assert_int_equal(l[0]->id, A_OUTBOX);
}

/* Farmasi opens on the queue: the stock list on F5 and Ctrl-N, the stock
 * report on F8 and Ctrl-Y, for the pharmacist and the administrator, on the
 * key bar at 80 columns; the stock card's month on F5 and Ctrl-B, where Ctrl-B
 * means nothing else */
static void test_stock_keys(void **s)
{
	(void)s;
	const char *who[] = { "FARMASI", "ADMIN" };
	for (size_t r = 0; r < ARRAY_LEN(who); r++) {
		struct hint h[A_COUNT];
		int lines, n = action_bar(CTX_MAIN | CTX_QUEUE, role_rights(who[r]), 80, h, &lines), on = 0;
		for (int k = 0; k < n; k++)
			on += (h[k].a->id == A_STOCKREPORT && strcmp(h[k].key, "F8") == 0) +
			      (h[k].a->id == A_STOCK && strcmp(h[k].key, "F5") == 0);
		assert_int_equal(on, 2);
		action_limit(role_rights(who[r]));
		assert_int_equal(action_for_key(K_F(5), CTX_MAIN | CTX_QUEUE), A_STOCK);
		assert_int_equal(action_for_key(K_CTRL('N'), CTX_MAIN | CTX_QUEUE), A_STOCK);
		assert_int_equal(action_for_key(K_F(8), CTX_MAIN | CTX_QUEUE), A_STOCKREPORT);
		assert_int_equal(action_for_key(K_CTRL('Y'), CTX_MAIN | CTX_QUEUE), A_STOCKREPORT);
		assert_int_equal(action_for_key(K_F(5), CTX_VIEWER | CTX_CARD), A_CARDMONTH);
		assert_int_equal(action_for_key(K_CTRL('B'), CTX_VIEWER | CTX_CARD), A_CARDMONTH);
		assert_int_equal(action_for_key(K_F(5), CTX_VIEWER), A_NONE);	/* not in other viewers */
	}
	action_limit(role_rights("PENDAFTARAN"));
	assert_int_equal(action_for_key(K_F(8), CTX_MAIN | CTX_QUEUE), A_NONE);
	assert_int_equal(action_for_key(K_F(5), CTX_MAIN | CTX_QUEUE), A_NONE);
	action_limit(~0u);
}

/* the counter: the pharmacist sees the dispensing keys on a prescription, at
 * 80 columns, and not the prescriber's; a nurse sees none of the pharmacist's */
static void test_prescription_keys(void **s)
{
	(void)s;
	static const enum action counter[] = { A_DISPLINE, A_LABEL, A_CHANGEDRUG, A_CLOSELINE, A_DISPENSE };
	struct hint h[A_COUNT];
	int lines, n = action_bar(CTX_RESEP, role_rights("FARMASI"), 80, h, &lines), on = 0;
	for (int k = 0; k < n; k++) {
		for (size_t i = 0; i < ARRAY_LEN(counter); i++)
			on += h[k].a->id == counter[i];
		assert_false(h[k].a->id == A_ADDDRUG || h[k].a->id == A_DELDRUG);
	}
	assert_int_equal(on, (int)ARRAY_LEN(counter));
	n = action_bar(CTX_RESEP, role_rights("NAKES"), 80, h, &lines);
	for (int k = 0; k < n; k++)
		for (size_t i = 0; i < ARRAY_LEN(counter); i++)
			assert_int_not_equal(h[k].a->id, counter[i]);
	/* every F-key of the counter has its Ctrl twin on the screen */
	action_limit(role_rights("FARMASI"));
	assert_int_equal(action_for_key(K_F(3), CTX_RESEP), A_DISPLINE);
	assert_int_equal(action_for_key(K_CTRL('E'), CTX_RESEP), A_DISPLINE);
	assert_int_equal(action_for_key(K_CTRL('T'), CTX_RESEP), A_CLOSELINE);
	assert_int_equal(action_for_key(K_CTRL('U'), CTX_RESEP), A_CHANGEDRUG);
	assert_int_equal(action_for_key(K_CTRL('P'), CTX_RESEP), A_LABEL);
	action_limit(role_rights("NAKES"));
	assert_int_equal(action_for_key(K_F(3), CTX_RESEP), A_NONE);
	action_limit(~0u);
}

/* signing a monthly report off: F5 (or ^N) in the monthly report's viewer, on
 * the bar at 80 columns for PELAPORAN and ADMIN only, in no other viewer */
static void test_final_key(void **s)
{
	(void)s;
	for (size_t r = 0; r < ARRAY_LEN(roles); r++) {
		unsigned rights = role_rights(roles[r]);
		int want = strcmp(roles[r], "PELAPORAN") == 0 || strcmp(roles[r], "ADMIN") == 0, on = 0;
		struct hint h[A_COUNT];
		int lines, n = action_bar(CTX_VIEWER | CTX_MONTHREP, rights, 80, h, &lines);
		for (int k = 0; k < n; k++)
			on += h[k].a->id == A_FINAL && strcmp(h[k].key, "F5") == 0;
		assert_int_equal(on, want);
		action_limit(rights);
		assert_int_equal(action_for_key(K_F(5), CTX_VIEWER | CTX_MONTHREP), want ? A_FINAL : A_NONE);
		assert_int_equal(action_for_key(K_CTRL('N'), CTX_VIEWER | CTX_MONTHREP), want ? A_FINAL : A_NONE);
		assert_int_equal(action_for_key(K_F(5), CTX_VIEWER), A_NONE);	/* the trail, a history form */
		assert_int_not_equal(action_for_key(K_F(5), CTX_VIEWER | CTX_CARD), A_FINAL);
	}
	action_limit(~0u);
}

/* the drug master: F8 (or ^O) on the stock screen, on the bar at 80 columns
 * for FARMASI and ADMIN, and for no one else */
static void test_drug_master_key(void **s)
{
	(void)s;
	for (size_t r = 0; r < ARRAY_LEN(roles); r++) {
		unsigned rights = role_rights(roles[r]);
		int want = strcmp(roles[r], "FARMASI") == 0 || strcmp(roles[r], "ADMIN") == 0, on = 0;
		struct hint h[A_COUNT];
		int lines, n = action_bar(CTX_MAIN | CTX_STOCK, rights, 80, h, &lines);
		for (int k = 0; k < n; k++)
			if (h[k].a->id == A_DRUGS) {
				on = 1;
				assert_string_equal(h[k].key, "F8");
			}
		assert_int_equal(on, want);
		action_limit(rights);
		assert_int_equal(action_for_key(K_F(8), CTX_MAIN | CTX_STOCK) == A_DRUGS, want);
		assert_int_equal(action_for_key(K_CTRL('O'), CTX_MAIN | CTX_STOCK) == A_DRUGS, want);
		assert_int_not_equal(action_for_key(K_F(8), CTX_MAIN | CTX_VISITS), A_DRUGS);	/* the stock screen only */
	}
	action_limit(~0u);
}

/* The report viewer's cell cursor (src/ui_asal.c): for every role, Enter is
 * A_OPEN there (the rows behind the cell) and the arrows are no action's key
 * (they move the cursor), so no action added to the viewer takes them away;
 * the list of rows has the viewer's keys, the data officer's to file and print. */
static void test_viewer_cell_keys(void **s)
{
	(void)s;
	const int arrows[] = { K_LEFT, K_RIGHT, K_UP, K_DOWN };
	const unsigned report = CTX_VIEWER | CTX_MONTHREP;	/* the monthly reports' viewer */
	for (size_t r = 0; r < ARRAY_LEN(roles); r++) {
		action_limit(role_rights(roles[r]));
		assert_int_equal(action_for_key(K_ENTER, report), A_OPEN);
		for (size_t k = 0; k < ARRAY_LEN(arrows); k++)
			assert_int_equal(action_for_key(arrows[k], report), A_NONE);
	}
	action_limit(role_rights("PELAPORAN"));
	assert_int_equal(action_for_key(K_F(7), CTX_VIEWER), A_TOFILE);
	assert_int_equal(action_for_key(K_F(9), CTX_VIEWER), A_PRINT);
	assert_int_equal(action_for_key(K_ESC, CTX_VIEWER), A_BACK);
	action_limit(~0u);
}

/* Admin: the puskesmas identity, F7 or ^K on the users' screen, for ADMIN only */
static void test_identity_key(void **s)
{
	(void)s;
	for (size_t r = 0; r < ARRAY_LEN(roles); r++) {
		unsigned rights = role_rights(roles[r]);
		int want = strcmp(roles[r], "ADMIN") == 0, on = 0;
		struct hint h[A_COUNT];
		int lines, n = action_bar(CTX_USERS, rights, 80, h, &lines);
		for (int k = 0; k < n; k++)
			if (h[k].a->id == A_PUSKESMAS) {
				on = 1;
				assert_string_equal(h[k].key, "F7");
			}
		assert_int_equal(on, want);
		action_limit(rights);
		assert_int_equal(action_for_key(K_F(7), CTX_USERS) == A_PUSKESMAS, want);
		assert_int_equal(action_for_key(K_CTRL('K'), CTX_USERS) == A_PUSKESMAS, want);
		assert_int_not_equal(action_for_key(K_F(7), CTX_MAIN | CTX_REPSEL), A_PUSKESMAS);
	}
	action_limit(~0u);
}

/* Periksa data: F7 (or ^T) on the Laporan screen, on the bar at 80 columns for
 * the data officer and the administrator, and for no one else */
static void test_checks_key(void **s)
{
	(void)s;
	for (size_t r = 0; r < ARRAY_LEN(roles); r++) {
		unsigned rights = role_rights(roles[r]);
		int want = strcmp(roles[r], "PELAPORAN") == 0 || strcmp(roles[r], "ADMIN") == 0, on = 0;
		struct hint h[A_COUNT];
		int lines, n = action_bar(CTX_MAIN | CTX_REPSEL, rights, 80, h, &lines);
		for (int k = 0; k < n; k++)
			if (h[k].a->id == A_CHECKS) {
				on = 1;
				assert_string_equal(h[k].key, "F7");
			}
		assert_int_equal(on, want);
		action_limit(rights);
		assert_int_equal(action_for_key(K_F(7), CTX_MAIN | CTX_REPSEL) == A_CHECKS, want);
		assert_int_equal(action_for_key(K_CTRL('T'), CTX_MAIN | CTX_REPSEL) == A_CHECKS, want);
		assert_int_not_equal(action_for_key(K_F(7), CTX_VIEWER), A_CHECKS);	/* the Laporan screen only */
	}
	action_limit(~0u);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_help_fits),	  cmocka_unit_test(test_bar_shows_every_key),
		cmocka_unit_test(test_bar_lines),	  cmocka_unit_test(test_help_of_a_screen),
		cmocka_unit_test(test_data_officer_help), cmocka_unit_test(test_stock_keys),
		cmocka_unit_test(test_prescription_keys), cmocka_unit_test(test_drug_master_key),
		cmocka_unit_test(test_identity_key),	  cmocka_unit_test(test_final_key),
		cmocka_unit_test(test_checks_key),	  cmocka_unit_test(test_viewer_cell_keys),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
