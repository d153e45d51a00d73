/* The ICD-10 list: words match from the start of a word, all words must
 * match, a code prefix matches codes, synonyms show the term, and the codes a
 * unit used most in the last 90 days come first; the shipped names. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "pkm/icd_list.h"
#include "fixture.h"

static void test_word_start(void **s)
{
	(void)s;
	char w[6][32] = { "ispa" };
	assert_true(icd_words_match("Infeksi saluran pernapasan atas akut (ISPA)", w, 1));
	assert_false(icd_words_match("Epispadia", w, 1));
	strcpy(w[0], "flu");
	assert_false(icd_words_match("Refluks gastroesofageal", w, 1));
	assert_true(icd_words_match("Fluor albus", w, 1));
	char two[6][32] = { "demam", "dengue" };
	assert_true(icd_words_match("Demam berdarah dengue", two, 2));
	assert_false(icd_words_match("Demam tifoid", two, 2));	/* every word must match */
}

static int codes(const char *query, const struct icd_usage *use, char *out, size_t size)
{
	struct icd_entry e[20];
	int n = icd_search(db, query, use, e, 20);
	out[0] = '\0';
	for (int i = 0; i < n; i++)
		snprintf(out + strlen(out), size - strlen(out), "%s%s", i ? " " : "", e[i].kode);
	return n;
}

static void test_search(void **s)
{
	(void)s;
	char got[400];
	codes("ispa", NULL, got, sizeof got);
	assert_string_equal(got, "J06 J06.9");	/* not Q64.0 Epispadia */
	codes("j06", NULL, got, sizeof got);
	assert_string_equal(got, "J06 J06.9");
	codes("J06.9", NULL, got, sizeof got);
	assert_string_equal(got, "J06.9");
	assert_int_equal(codes("refluks", NULL, got, sizeof got), 1);
	assert_int_equal(codes("zzzz", NULL, got, sizeof got), 0);
	assert_int_equal(codes("  ", NULL, got, sizeof got), 0);
}

static void test_synonyms_and_rank(void **s)
{
	(void)s;
	char path[] = "/tmp/pkm-sinonim-XXXXXX";
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");
	fputs("istilah,kode\nmaag,K29.7\nmaag,K30\nsakit gigi,K08.8\n", f);
	fclose(f);
	struct sbuf err = { 0 };
	assert_int_equal(icd_synonyms_load(db, path, &err), 0);
	struct icd_entry e[20];
	assert_int_equal(icd_search(db, "maag", NULL, e, 20), 2);
	assert_string_equal(e[0].kode, "K29.7");
	assert_string_equal(e[0].via, "maag");
	assert_string_equal(e[0].nama, "Gastritis, tidak spesifik");
	/* the unit's most used code first */
	struct icd_usage use = { 1, xcalloc(1, sizeof *use.e) };
	strcpy(use.e[0].kode, "K30");
	use.e[0].count = 7;
	assert_int_equal(icd_search(db, "maag", &use, e, 20), 2);
	assert_string_equal(e[0].kode, "K30");
	assert_int_equal(e[0].uses, 7);
	icd_usage_free(&use);
	/* a broken line: told with file:line, nothing loaded */
	f = fopen(path, "w");
	fputs("istilah,kode\nmaag,K29.7\npilek,bukan-kode\n", f);
	fclose(f);
	assert_int_equal(icd_synonyms_load(db, path, &err), -1);
	assert_non_null(strstr(sb_str(&err), ":3: kode: kode ICD-10 tidak sah"));
	assert_int_equal(icd_search(db, "maag", NULL, e, 20), 0);
	unlink(path);
	sb_free(&err);
}

/* No two shipped codes share a name, every name is there. */
static void test_shipped_names(void **s)
{
	(void)s;
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM (SELECT nama FROM icd10 GROUP BY lower(nama) "
					   "HAVING count(*) > 1)", -1), 0);
	assert_int_equal(db_query_long(db, "SELECT count(*) FROM icd10 WHERE trim(nama) = ''", -1), 0);
	static const char *const daily[] = { "Z00.1", "Z34.9", "J45.9", "K02.1", "E78.5", "A15.0", "S00.8", "B82.0",
					     "K08.8", "D50.9", "Z30.0", "S93.4", "O21.0", "L29", "H52", "Z23", "Z24",
					     "Z25", "Z26", "Z27", NULL };
	for (const char *const *c = daily; *c; c++) {
		char name[256];
		icd_name(db, *c, name, sizeof name);
		if (!name[0])
			fail_msg("no name for %s", *c);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_word_start),
		cmocka_unit_test(test_search),
		cmocka_unit_test(test_synonyms_and_rank),
		cmocka_unit_test(test_shipped_names),
	};
	return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
