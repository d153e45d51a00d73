/* The pure line editor: insert, delete, moves, kills, UTF-8 and scrolling. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
#include <string.h>
#include "pkm/lineedit.h"

static void type(struct lineedit *le, const char *s)
{
	for (; *s; s++)
		le_apply(le, LE_INSERT, (unsigned char)*s);
}

static void test_edit(void **s)
{
	(void)s;
	struct lineedit le = { 0 };
	type(&le, "budi santoso");
	assert_string_equal(le.buf, "budi santoso");
	le_apply(&le, LE_WORD_LEFT, 0);
	assert_int_equal(le.cur, 5);
	le_apply(&le, LE_BACKSPACE, 0);
	assert_string_equal(le.buf, "budisantoso");
	le_apply(&le, LE_HOME, 0);
	le_apply(&le, LE_DELETE, 0);
	assert_string_equal(le.buf, "udisantoso");
	le_apply(&le, LE_WORD_RIGHT, 0);
	assert_int_equal(le.cur, le.len);
	le_apply(&le, LE_LEFT, 0);
	le_apply(&le, LE_LEFT, 0);
	assert_int_equal(le_apply(&le, LE_KILL_START, 0), 1);
	assert_string_equal(le.buf, "so");
	le_apply(&le, LE_RIGHT, 0);
	assert_int_equal(le_apply(&le, LE_KILL_END, 0), 1);
	assert_string_equal(le.buf, "s");
	assert_int_equal(le_apply(&le, LE_INSERT, 0x07), 0);	/* control chars are refused */
}

static void test_utf8(void **s)
{
	(void)s;
	struct lineedit le = { 0 };
	le_apply(&le, LE_INSERT, 'Z');
	le_apply(&le, LE_INSERT, 'o');
	le_apply(&le, LE_INSERT, 0xEB);	/* e with diaeresis: 2 bytes */
	assert_string_equal(le.buf, "Zo\xC3\xAB");
	assert_int_equal(le.len, 4);
	le_apply(&le, LE_LEFT, 0);
	assert_int_equal(le.cur, 2);
	le_apply(&le, LE_INSERT, 0x20AC);	/* euro sign: 3 bytes */
	assert_string_equal(le.buf, "Zo\xE2\x82\xAC\xC3\xAB");
	le_apply(&le, LE_BACKSPACE, 0);
	le_apply(&le, LE_END, 0);
	le_apply(&le, LE_BACKSPACE, 0);
	assert_string_equal(le.buf, "Zo");
}

static void test_limit_and_scroll(void **s)
{
	(void)s;
	struct lineedit le = { .max = 5 };
	type(&le, "1234567");
	assert_string_equal(le.buf, "12345");
	struct lineedit w = { 0 };
	type(&w, "abcdefghijklmnopqrstuvwxyz");
	int col = le_view(&w, 10);
	assert_int_equal(col, 9);
	assert_int_equal(w.scroll, 17);
	le_apply(&w, LE_HOME, 0);
	assert_int_equal(le_view(&w, 10), 0);
	assert_int_equal(w.scroll, 0);
	le_set(&w, "abc");
	assert_int_equal(w.cur, 3);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edit), cmocka_unit_test(test_utf8), cmocka_unit_test(test_limit_and_scroll),
	};
	return cmocka_run_group_tests_name("lineedit", tests, NULL, NULL);
}
