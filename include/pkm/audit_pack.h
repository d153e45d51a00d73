/* A save's lines in the audit trail, packed (src/audit_pack.c, db/020). */
#ifndef PKM_AUDIT_PACK_H
#define PKM_AUDIT_PACK_H
#include <sqlite3.h>
#include "pkm/util.h"

/* Append to out the packed form of the lines text[0..len) (NUL-terminated at
 * len); 0, or -1 with out unchanged when they are not lines the triggers
 * write or would not unpack to the same bytes. */
int audit_pack(const char *text, size_t len, struct sbuf *out);
/* Append to out the lines a packed blob holds; -1 when it is broken. */
int audit_unpack(const void *blob, size_t n, struct sbuf *out);
/* SQL functions of pkm's connections: pkm_ringkas(text) packs (or returns the
 * text as it is), pkm_jejak(x) gives a trail value back as text. */
void audit_pack_register(sqlite3 *db);

#endif
