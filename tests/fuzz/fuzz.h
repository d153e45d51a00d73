/* Shared by the fuzz targets: the input as a file, since the loaders read files
 * the way pkm does in real use. */
#ifndef PKM_FUZZ_H
#define PKM_FUZZ_H
#include <stdint.h>
#include <stdio.h>
#include <unistd.h>

/* Write the input to a file of this process; its path. */
static inline const char *fuzz_file(const uint8_t *data, size_t size, const char *ext)
{
	static char path[64];
	snprintf(path, sizeof path, "/tmp/pkm-fuzz-%d.%s", (int)getpid(), ext);
	FILE *f = fopen(path, "wb");
	if (!f)
		return NULL;
	fwrite(data, 1, size, f);
	fclose(f);
	return path;
}

#endif
