/* The navigation model of forms and dialogs: moves skip fields that cannot take
 * the cursor, Enter saves only on the last one, a hidden focus settles, and the
 * scroll keeps the focus and its message on the screen. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <string.h>
#include "pkm/formnav.h"

/* A form of 8 fields: 2 computed (never the cursor), 5 hidden when hide5 is set,
 * messages under the fields marked in msg. */
struct model {
	int hide5;
	int msg[8];
};
static int m_usable(const void *ctx, int i)
{
	const struct model *m = ctx;
	return i != 2 && !(i == 5 && m->hide5);
}
static int m_shown(const void *ctx, int i)
{
	const struct model *m = ctx;
	return !(i == 5 && m->hide5);
}
static int m_msg(const void *ctx, int i)
{
	const struct model *m = ctx;
	return m->msg[i];
}

static struct formnav make(struct model *m)
{
	struct formnav nv = { .n = 8, .usable = m_usable, .shown = m_shown, .has_message = m_msg, .ctx = m };
	nav_first(&nv);
	return nv;
}

static void test_moves(void **s)
{
	(void)s;
	struct model m = { 0 };
	struct formnav nv = make(&m);
	int left = -1;
	assert_int_equal(nv.focus, 0);
	assert_int_equal(nav_key(&nv, K_TAB, A_NONE, 5, &left), NAV_MOVED);
	assert_int_equal(left, 0);
	assert_int_equal(nv.focus, 1);
	assert_int_equal(nav_key(&nv, K_DOWN, A_NONE, 5, &left), NAV_MOVED);
	assert_int_equal(nv.focus, 3);	/* the computed field 2 is skipped */
	assert_int_equal(nav_key(&nv, K_BTAB, A_NONE, 5, &left), NAV_MOVED);
	assert_int_equal(nv.focus, 1);
	assert_int_equal(nav_key(&nv, K_UP, A_NONE, 5, &left), NAV_MOVED);
	assert_int_equal(nav_key(&nv, K_UP, A_NONE, 5, &left), NAV_STAY);
	assert_int_equal(nv.focus, 0);
	assert_int_equal(nav_key(&nv, K_PGDN, A_NONE, 3, &left), NAV_MOVED);
	assert_int_equal(nv.focus, 4);	/* three usable fields on: 1, 3, 4 */
	assert_int_equal(nav_key(&nv, K_PGDN, A_NONE, 30, &left), NAV_MOVED);
	assert_int_equal(nv.focus, 7);
	assert_int_equal(nav_key(&nv, K_PGUP, A_NONE, 30, &left), NAV_MOVED);
	assert_int_equal(nv.focus, 0);
	/* a letter is the field's, not the form's */
	assert_int_equal(nav_key(&nv, 'a', A_NONE, 5, &left), NAV_NONE);
	assert_int_equal(nav_key(&nv, K_LEFT, A_NONE, 5, &left), NAV_NONE);
}

static void test_enter_and_save(void **s)
{
	(void)s;
	struct model m = { 0 };
	struct formnav nv = make(&m);
	int left = -1;
	/* Enter moves on, and saves on the last field only */
	assert_int_equal(nav_key(&nv, K_ENTER, A_OPEN, 5, &left), NAV_MOVED);
	assert_int_equal(nv.focus, 1);
	nv.focus = 6;
	assert_false(nav_is_last(&nv));
	assert_int_equal(nav_key(&nv, K_ENTER, A_OPEN, 5, &left), NAV_MOVED);
	assert_true(nav_is_last(&nv));
	assert_int_equal(nav_key(&nv, K_ENTER, A_OPEN, 5, &left), NAV_SAVE);
	assert_int_equal(nv.focus, 7);
	/* F2 saves anywhere, the log-in's F2 too; Esc cancels */
	nv.focus = 0;
	assert_int_equal(nav_key(&nv, 0, A_SAVE, 5, &left), NAV_SAVE);
	assert_int_equal(nav_key(&nv, 0, A_LOGIN, 5, &left), NAV_SAVE);
	assert_int_equal(nav_key(&nv, K_ESC, A_BACK, 5, &left), NAV_CANCEL);
	/* a one-field dialog: Enter saves at once */
	struct formnav one = { .n = 1 };
	nav_first(&one);
	assert_int_equal(nav_key(&one, K_ENTER, A_OPEN, 5, &left), NAV_SAVE);
	/* a short dialog saves on Enter from any field; Tab still moves */
	nv.enter_saves = 1;
	nv.focus = 0;
	assert_int_equal(nav_key(&nv, K_ENTER, A_OPEN, 5, &left), NAV_SAVE);
	assert_int_equal(nav_key(&nv, K_TAB, A_NONE, 5, &left), NAV_MOVED);
}

static void test_hidden_focus_settles(void **s)
{
	(void)s;
	struct model m = { 0 };
	struct formnav nv = make(&m);
	nv.focus = 5;
	m.hide5 = 1;	/* a value typed above hid the focused field */
	nav_settle(&nv);
	assert_int_equal(nv.focus, 6);
	nv.focus = 4;
	int left;
	assert_int_equal(nav_key(&nv, K_TAB, A_NONE, 5, &left), NAV_MOVED);
	assert_int_equal(nv.focus, 6);
	/* the last field hidden: back to the one before */
	struct model last = { 0 };
	struct formnav nv2 = { .n = 6, .usable = m_usable, .ctx = &last };
	last.hide5 = 1;
	nv2.focus = 5;
	nav_settle(&nv2);
	assert_int_equal(nv2.focus, 4);
	/* a first field that cannot take the cursor */
	struct formnav nv3 = { .n = 8, .usable = m_usable, .ctx = &m };
	nv3.focus = 2;
	nav_settle(&nv3);
	assert_int_equal(nv3.focus, 3);
}

static void test_lines_and_scroll(void **s)
{
	(void)s;
	struct model m = { .hide5 = 1 };
	m.msg[1] = m.msg[7] = 1;
	struct formnav nv = make(&m);
	int field[16], is_msg[16];
	int n = nav_lines(&nv, field, is_msg, 16);
	assert_int_equal(n, 9);	/* 7 shown fields, 2 messages */
	assert_int_equal(field[2], 1);
	assert_int_equal(is_msg[2], 1);
	assert_int_equal(field[6], 6);	/* 5 is hidden */
	/* 4 rows: the focus on the last field brings its message into view */
	nv.focus = 7;
	n = nav_scroll(&nv, 4, field, is_msg, 16);
	assert_int_equal(nv.top, 5);
	assert_int_equal(field[nv.top + 2], 7);
	assert_int_equal(is_msg[nv.top + 3], 1);
	/* back to the top */
	nv.focus = 0;
	nav_scroll(&nv, 4, field, is_msg, 16);
	assert_int_equal(nv.top, 0);
	/* no empty lines under the last field once a message went */
	nv.focus = 7;
	nv.top = 8;
	m.msg[7] = 0;
	n = nav_scroll(&nv, 4, field, is_msg, 16);
	assert_int_equal(n, 8);
	assert_int_equal(nv.top, 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_moves),
		cmocka_unit_test(test_enter_and_save),
		cmocka_unit_test(test_hidden_focus_settles),
		cmocka_unit_test(test_lines_and_scroll),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
