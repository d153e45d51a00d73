/* P-Care's card answers as kept and shown: no control or format character is
 * stored, and the desk's words of any row (one kept before cleaning, too)
 * come out escaped. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include "pkm/db.h"
#include "pkm/open.h"
#include "pkm/output.h"
#include "pkm/pcare_member.h"

/* ESC (clear the screen, set the title), CR/LF, a bidi override, broken UTF-8 */
#define HOSTILE "\x1b[2J\x1b]0;x\x07" "A\r\nB\xe2\x80\xae" "C\xff"

static void test_kept_clean(void **s)
{
	(void)s;
	struct sbuf err = { 0 };
	sqlite3 *db = pkm_open(":memory:", &err);
	assert_non_null(db);
	db_set_user(db, "sistem:kirim");
	struct pcare_member m = { .no_kartu = "0001234567890", .nama = "SRI " HOSTILE, .keterangan = HOSTILE,
				  .kd_provider = "0114A026", .nm_provider = HOSTILE, .kelas = "KELAS\tIII",
				  .jenis = "PBI é", .aktif = 1, .diperiksa = 1795000000 };
	if (pcare_member_put(db, "3204014101900001", &m, &err) != 0)
		fail_msg("%s", sb_str(&err));
	assert_string_equal(m.nama, "SRI ?[2J?]0;x?A??B?C?");	/* the caller's copy is what was kept */
	struct pcare_member got;
	assert_int_equal(pcare_member_get(db, NULL, "3204014101900001", &got, &err), 1);
	assert_string_equal(got.nama, "SRI ?[2J?]0;x?A??B?C?");
	assert_string_equal(got.keterangan, "?[2J?]0;x?A??B?C?");
	assert_string_equal(got.nm_provider, "?[2J?]0;x?A??B?C?");
	assert_string_equal(got.kelas, "KELAS?III");
	assert_string_equal(got.jenis, "PBI é");	/* letters beyond ASCII are fine */
	assert_null(text_refused(got.nama));
	db_close(db);
	sb_free(&err);
}

static void test_words_escaped(void **s)
{
	(void)s;
	struct pcare_member m = { .keterangan = HOSTILE, .kd_provider = "0999B001", .nm_provider = HOSTILE,
				  .kelas = "KELAS III" };
	char words[256];
	pcare_member_words(&m, "0114A026", words, sizeof words);
	assert_string_equal(words, "BPJS TIDAK AKTIF: ^[[2J^[]0;x^GA^M^JB<U+202E>C<FF>");
	m.aktif = 1;
	pcare_member_words(&m, "0114A026", words, sizeof words);
	assert_string_equal(words, "BPJS aktif, KELAS III; TERDAFTAR DI FKTP LAIN: 0999B001 "
				   "^[[2J^[]0;x^GA^M^JB<U+202E>C<FF>");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kept_clean),
		cmocka_unit_test(test_words_escaped),
	};
	return cmocka_run_group_tests_name("pcare_member", tests, NULL, NULL);
}
