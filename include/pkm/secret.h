/* The senders' secret files: read only when no one else can read them. */
#ifndef PKM_SECRET_H
#define PKM_SECRET_H
#include <stddef.h>
#include "pkm/util.h"

/* The whole file into out (NUL-terminated). Refused, with chmod advice, when
 * the file is not the user's own or others may read it; refused when empty
 * or larger than out. 0 on success. */
int secret_read(const char *path, char *out, size_t size, struct sbuf *err);
/* The value of a `name = value` line of a read secret file into out; -1
 * with err naming the file and the line when it is missing. */
int secret_value(const char *text, const char *path, const char *name, char *out, size_t size, struct sbuf *err);

#endif
