/* The pure line editor: insert, delete, moves, kills, UTF-8 and scrolling. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <locale.h>
#include <string.h>
#include "pkm/lineedit.h"
#include "pkm/util.h"

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

/* A code arrived at is replaced by the first character typed; a move or an
 * edit first keeps it, and a refused character does not count as typing. */
static void test_replace_code(void **s)
{
	(void)s;
	struct lineedit le = { 0 };
	le_set(&le, "T2");
	le.replace = 1;
	assert_int_equal(le_apply(&le, LE_INSERT, 0x07), 0);
	assert_string_equal(le.buf, "T2");
	type(&le, "T3");
	assert_string_equal(le.buf, "T3");
	le_set(&le, "R");
	le.replace = 1;
	le_apply(&le, LE_END, 0);
	type(&le, "NR");
	assert_string_equal(le.buf, "RNR");	/* moved first: editing, not replacing */
	le_set(&le, "K1");
	le.replace = 1;
	le_apply(&le, LE_BACKSPACE, 0);
	type(&le, "2");
	assert_string_equal(le.buf, "K2");
}

/* Pasted text is text: line breaks dropped, a tab a space, the code rule kept. */
static void test_paste(void **s)
{
	(void)s;
	struct lineedit le = { 0 };
	const unsigned rm[] = { '0', '0', '8', '1', '0', '3', '\r', '\n', '\r' };
	assert_int_equal(le_paste(&le, rm, ARRAY_LEN(rm)), 1);
	assert_string_equal(le.buf, "008103");
	const unsigned addr[] = { 'J', 'l', '\t', 'M', '\n', 0x1B, 0xEB };
	le_set(&le, "x");
	le.replace = 1;
	le_paste(&le, addr, ARRAY_LEN(addr));
	assert_string_equal(le.buf, "Jl M\xC3\xAB");
	const unsigned breaks[] = { '\n', '\n' };
	assert_int_equal(le_paste(&le, breaks, ARRAY_LEN(breaks)), 0);
	struct lineedit small = { .max = 3 };
	le_paste(&small, rm, ARRAY_LEN(rm));
	assert_string_equal(small.buf, "008");
}

/* A password's stars: one a character (UTF-8 or not), the cursor on the same
 * character, so Home, ^U and ^L on a password do what they show. */
static void test_mask(void **s)
{
	(void)s;
	struct lineedit le = { 0 }, m;
	le_set(&le, "ab\xC3\xAB" "cd");
	le_mask(&le, &m);
	assert_string_equal(m.buf, "*****");
	assert_int_equal(m.cur, 5);
	le_apply(&le, LE_LEFT, 0);
	le_apply(&le, LE_LEFT, 0);
	le_mask(&le, &m);
	assert_int_equal(m.cur, 3);
	le_apply(&le, LE_KILL_START, 0);
	assert_string_equal(le.buf, "cd");
	le_apply(&le, LE_HOME, 0);
	le_mask(&le, &m);
	assert_int_equal(m.cur, 0);
	le_apply(&le, LE_KILL_END, 0);
	le_mask(&le, &m);
	assert_string_equal(m.buf, "");
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edit), cmocka_unit_test(test_utf8), cmocka_unit_test(test_limit_and_scroll),
		cmocka_unit_test(test_replace_code), cmocka_unit_test(test_paste), cmocka_unit_test(test_mask),
	};
	return cmocka_run_group_tests_name("lineedit", tests, NULL, NULL);
}
