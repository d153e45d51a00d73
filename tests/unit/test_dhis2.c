/* DHIS2: the import summary in both shapes (the old top-level ImportSummary
 * and 2.38+'s in `response`, with HTTP 409) and bodies that are none; the
 * UID rule; a mapping file's own checks with file:line; the JSON written. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "pkm/dhis2_kirim.h"

static void test_summary_old(void **s)
{
	(void)s;
	struct dhis2_summary d;
	struct sbuf err = { 0 };
	const char *old = "{\"responseType\":\"ImportSummary\",\"status\":\"WARNING\",\"description\":\"done\","
			  "\"importCount\":{\"imported\":3,\"updated\":2,\"ignored\":1,\"deleted\":0},"
			  "\"conflicts\":[{\"object\":\"dEaBcD12345\",\"value\":\"Data element not found\"}]}";
	assert_int_equal(dhis2_summary_parse(old, &d, &err), 0);
	assert_string_equal(d.status, "WARNING");
	assert_int_equal(d.imported, 3);
	assert_int_equal(d.updated, 2);
	assert_int_equal(d.ignored, 1);
	assert_int_equal(d.deleted, 0);
	assert_int_equal(d.nconflicts, 1);
	assert_string_equal(sb_str(&d.conflicts), "dEaBcD12345: Data element not found\n");
	assert_string_equal(d.description, "done");
	sb_free(&d.conflicts);
}

static void test_summary_new(void **s)
{
	(void)s;
	struct dhis2_summary d;
	struct sbuf err = { 0 };
	const char *wrapped = "{\"httpStatus\":\"Conflict\",\"httpStatusCode\":409,\"status\":\"WARNING\","
			      "\"message\":\"One more conflicts encountered\",\"response\":{\"responseType\":"
			      "\"ImportSummary\",\"status\":\"WARNING\",\"importCount\":{\"imported\":0,\"updated\":0,"
			      "\"ignored\":2,\"deleted\":1},\"conflicts\":[{\"object\":\"XyzUnknown1\",\"objects\":{},"
			      "\"value\":\"Org unit not found\",\"errorCode\":\"E7612\"},{\"object\":\"202613\","
			      "\"value\":\"Period not valid\"}]}}";
	assert_int_equal(dhis2_summary_parse(wrapped, &d, &err), 0);
	assert_string_equal(d.status, "WARNING");
	assert_int_equal(d.ignored, 2);
	assert_int_equal(d.deleted, 1);
	assert_int_equal(d.nconflicts, 2);
	assert_string_equal(sb_str(&d.conflicts), "XyzUnknown1: Org unit not found\n202613: Period not valid\n");
	assert_string_equal(d.description, "One more conflicts encountered");	/* the wrapper's message */
	sb_free(&d.conflicts);
	/* not a summary: HTML, JSON without importCount, a duplicate key */
	const char *bad[] = { "<html>502</html>", "{\"httpStatusCode\":500,\"message\":\"x\"}",
			      "{\"importCount\":{},\"importCount\":{}}", "" };
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		assert_int_equal(dhis2_summary_parse(bad[i], &d, &err), -1);
		sb_free(&d.conflicts);
	}
	assert_non_null(strstr(sb_str(&err), "bukan ringkasan impor"));
	sb_free(&err);
}

static void test_uid(void **s)
{
	(void)s;
	assert_true(dhis2_uid_ok("dEaBcD12345"));
	assert_false(dhis2_uid_ok("1EaBcD12345"));	/* a letter first */
	assert_false(dhis2_uid_ok("dEaBcD1234"));	/* 10 */
	assert_false(dhis2_uid_ok("dEaBcD123456"));	/* 12 */
	assert_false(dhis2_uid_ok("dEaBcD-2345"));
	assert_false(dhis2_uid_ok(""));
}

/* A mapping file written to a temporary path; its problems. */
static int load(const char *text, struct dhis2_map *m, struct sbuf *err)
{
	char path[] = "/tmp/pkm-dhis2-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	int bad = dhis2_map_load(path, "lb3", m, err);
	unlink(path);
	return bad;
}

static void test_map(void **s)
{
	(void)s;
	struct dhis2_map m;
	struct sbuf err = { 0 };
	assert_int_equal(load("[dhis2]\ndataSet = pKmLb3Set01\norgUnit = DiWp4PkmOu1\nnol = kirim\n[peta]\n"
			      "k1,P = KiAnc000001 CocPerempn1\nA09,1-4t.baru.L = KiAnc000004 CocPerempn1\n", &m, &err), 0);
	assert_int_equal(m.n, 2);
	assert_string_equal(m.e[1].baris, "A09");	/* the case as written */
	assert_string_equal(m.e[1].kolom, "1-4t.baru.L");
	assert_int_equal(m.e[1].line, 7);
	assert_true(m.send_zero);
	assert_false(m.by_code);
	dhis2_map_free(&m);
	/* each problem at its line */
	assert_int_equal(load("[dhis2]\ndataSet = pKmLb3Set01\norgUnit = DiWp4PkmOu1\nidScheme = uid\n[peta]\n"
			      "k1,P = KiAnc000001\nk4 = KiAnc000004 CocPerempn1\nk6,P = KiAnc0006 CocPerempn1\n"
			      "[lain]\nx = 1\n", &m, &err), 4);
	const char *e = sb_str(&err);
	assert_non_null(strstr(e, ":6: nilai harus DATAELEMENT COMBO"));
	assert_non_null(strstr(e, ":7: kunci harus BARIS,KOLOM"));
	assert_non_null(strstr(e, ":8: 'KiAnc0006' bukan UID DHIS2"));
	assert_non_null(strstr(e, ":9: "));	/* the unknown section */
	dhis2_map_free(&m);
	sb_reset(&err);
	/* codes: no spaces or commas, at most 50; the report named twice must agree */
	assert_int_equal(load("[dhis2]\ndataSet = LB3\norgUnit = P3204\nidScheme = code\nlaporan = lb4\n[peta]\n"
			      "k1,P = LB3_K1 \"P\"\n", &m, &err), 2);
	assert_non_null(strstr(sb_str(&err), ":5: peta ini untuk laporan lb4, bukan lb3"));
	assert_non_null(strstr(sb_str(&err), ":7: '\"P\"' bukan kode DHIS2"));
	dhis2_map_free(&m);
	sb_free(&err);
}

static void test_json(void **s)
{
	(void)s;
	struct dhis2_map m = { .data_set = "pKmLb3Set01", .org_unit = "DiWp4PkmOu1" };
	struct dhis2_value v[] = { { "KiAnc000001", "CocPerempn1", "1" }, { "KiAnc000004", "CocPerempn1", "0" } };
	struct dhis2_set set = { .map = &m, .period = "202610", .n = 2, .v = v };
	char *json = dhis2_json(&set, 0);
	assert_string_equal(json, "{\"dataSet\":\"pKmLb3Set01\",\"period\":\"202610\",\"orgUnit\":\"DiWp4PkmOu1\","
				  "\"dataValues\":[{\"dataElement\":\"KiAnc000001\",\"categoryOptionCombo\":"
				  "\"CocPerempn1\",\"value\":\"1\"},{\"dataElement\":\"KiAnc000004\","
				  "\"categoryOptionCombo\":\"CocPerempn1\",\"value\":\"0\"}]}");
	free(json);
	str_copy(set.complete, sizeof set.complete, "2026-11-23");
	set.n = 0;
	json = dhis2_json(&set, 0);
	assert_string_equal(json, "{\"dataSet\":\"pKmLb3Set01\",\"completeDate\":\"2026-11-23\",\"period\":\"202610\","
				  "\"orgUnit\":\"DiWp4PkmOu1\",\"dataValues\":[]}");
	free(json);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_summary_old), cmocka_unit_test(test_summary_new), cmocka_unit_test(test_uid),
		cmocka_unit_test(test_map), cmocka_unit_test(test_json),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
