/* The configuration loader on any bytes. */
#include "fuzz.h"
#include "pkm/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file(data, size, "ini");
	if (!path)
		return 0;
	struct pkm_config c;
	struct sbuf err = { 0 };
	config_defaults(&c);
	config_read(&c, path, &err);
	sb_free(&err);
	unlink(path);
	return 0;
}
