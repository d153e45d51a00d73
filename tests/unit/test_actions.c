/* The action list: every help text fits the help screen at 80 columns (the
 * keys take 16, nothing a user must read is cut) and every F-key action has a
 * Ctrl or another key for terminals that take the F-keys. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include "pkm/action.h"
#include "pkm/util.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = { cmocka_unit_test(test_help_fits) };
	return cmocka_run_group_tests(tests, NULL, NULL);
}
