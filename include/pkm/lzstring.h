/* LZ-string's decompressFromEncodedURIComponent (pieroxy's lz-string, the
 * format BPJS P-Care compresses its responses with). No Debian package has a
 * C version; this one keeps the dictionary as (prefix, last unit) pairs, so
 * its memory stays linear in the input. */
#ifndef PKM_LZSTRING_H
#define PKM_LZSTRING_H
#include "pkm/util.h"

#define LZ_MAX_OUTPUT (32L << 20)	/* a hostile input cannot grow past this */

/* Decode `in` into out as UTF-8 (the format carries UTF-16 units). 0 on
 * success; -1 when the input is not LZ-string, err saying why. An empty
 * input is an error, as in the reference (it returns null). */
int lz_decompress_uri(const char *in, struct sbuf *out, struct sbuf *err);

#endif
