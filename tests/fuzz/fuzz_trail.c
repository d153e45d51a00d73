/* A save's lines packed (src/audit_pack.c): any text packs to what unpacks to
 * it or is kept as it is; any blob unpacks or is refused, never read past. */
#include "fuzz.h"
#include "pkm/audit_pack.h"
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sbuf out = { 0 }, back = { 0 };
	audit_unpack(data, size, &out);
	char *text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	sb_reset(&out);
	if (audit_pack(text, size, &out) == 0 &&
	    (audit_unpack(out.s, out.len, &back) != 0 || back.len != size || memcmp(back.s, text, size) != 0))
		__builtin_trap();
	free(text);
	sb_free(&out);
	sb_free(&back);
	return 0;
}
