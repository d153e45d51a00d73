/* The DHIS2 mapping file reader on any bytes (its cell keys are checked
 * against a report later, by dhis2_build). */
#include "fuzz.h"
#include "pkm/dhis2.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file(data, size, "ini");
	if (!path)
		return 0;
	struct dhis2_map m;
	struct sbuf err = { 0 };
	dhis2_map_load(path, NULL, &m, &err);
	dhis2_map_free(&m);
	sb_free(&err);
	unlink(path);
	return 0;
}
