/* What pkm prints: the text rule for every field, visible escapes, and output
 * files written whole (escaped even when a character is split across writes). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "pkm/output.h"

static void test_refused(void **s)
{
	(void)s;
	assert_null(text_refused("Budi Santoso"));
	assert_null(text_refused("Cibod\xc3\xa9 \xe5\xb1\xb1"));	/* é and 山 are letters */
	assert_non_null(text_refused("Obat\x1b]0;x\x07"));
	assert_non_null(text_refused("a\tb"));
	assert_non_null(text_refused("a\nb"));
	assert_non_null(text_refused("A\xe2\x80\xae" "B"));	/* U+202E */
	assert_non_null(text_refused("A\xc2\x9b" "B"));	/* C1 CSI */
	assert_non_null(text_refused("Bud\xed" "i"));	/* Latin-1, not UTF-8 */
	assert_non_null(text_refused("\xc0\xaf"));	/* overlong '/' */
	assert_non_null(text_refused("\xed\xa0\x80"));	/* a UTF-16 surrogate */
}

static void test_visible(void **s)
{
	(void)s;
	struct sbuf b = { 0 };
	text_visible(&b, "Obat\x1b]0;x\x07\f\n", 12, "\n\f");
	assert_string_equal(sb_str(&b), "Obat^[]0;x^G\f\n");
	sb_reset(&b);
	text_visible(&b, "A\xe2\x80\xae" "B\xff", 6, "");
	assert_string_equal(sb_str(&b), "A<U+202E>B<FF>");
	sb_reset(&b);
	text_visible(&b, "\x7f\n", 2, "");
	assert_string_equal(sb_str(&b), "^?^J");
	sb_free(&b);
}

static void test_file(void **s)
{
	(void)s;
	char dir[] = "/tmp/pkm-out-XXXXXX", path[64];
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/r.txt", dir);
	struct out o;
	struct sbuf err = { 0 };
	assert_int_equal(out_open(&o, NULL, NULL, path, &err), 0);
	setvbuf(o.f, NULL, _IONBF, 0);	/* every fputs reaches the filter on its own */
	fputs("Cibod\xc3", o.f);		/* é split across two writes */
	fputs("\xa9 \x1b[2J", o.f);
	fputs("\n", o.f);
	assert_int_equal(access(path, F_OK), -1);	/* nothing in place before it is whole */
	assert_int_equal(out_close(&o, 1, &err), 0);
	FILE *f = fopen(path, "r");
	char got[64] = "";
	assert_non_null(fgets(got, sizeof got, f));
	fclose(f);
	assert_string_equal(got, "Cibod\xc3\xa9 ^[[2J\n");
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	/* a failed report leaves the earlier file as it was */
	assert_int_equal(out_open(&o, NULL, NULL, path, &err), 0);
	fputs("half", o.f);
	assert_int_equal(out_close(&o, 0, &err), -1);
	f = fopen(path, "r");
	assert_non_null(fgets(got, sizeof got, f));
	fclose(f);
	assert_string_equal(got, "Cibod\xc3\xa9 ^[[2J\n");
	/* a folder and an empty name are refused */
	assert_int_equal(out_open(&o, NULL, NULL, dir, &err), -1);
	assert_int_equal(out_open(&o, NULL, NULL, "", &err), -1);
	unlink(path);
	assert_int_equal(rmdir(dir), 0);	/* no temporary file was left behind */
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_visible),
		cmocka_unit_test(test_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
