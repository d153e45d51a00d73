/* The parsers of what people type: NIK, No. BPJS, dates, numbers, ICD-10. */
#include "fuzz.h"
#include "pkm/date.h"
#include "pkm/icd.h"
#include "pkm/ident.h"
#include "pkm/util.h"
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char s[256];
	if (size >= sizeof s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	struct date d = { 1990, 1, 1 };
	nik_error(s);
	nik_mismatch(s, d, 'P');
	bpjs_error(s);
	if (date_parse(s, &d) == 0 && !date_valid(d))
		__builtin_trap();	/* a parsed date is always a real one */
	date_parse_user(s, &d);
	struct date first, next;
	month_parse(s, &first, &next);
	long n;
	parse_long(s, -1000000, 1000000, &n);
	dec_parse(s, &n);
	char code[ICD_LEN];
	icd_normalize(s, code);
	return 0;
}
