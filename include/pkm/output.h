/* Everything pkm prints or writes leaves through here. Stored text is shown,
 * never obeyed: control characters, bidi overrides and broken UTF-8 become
 * visible escapes (ESC as ^[), so a name can neither drive the terminal nor
 * send commands to an ESC/P printer. A file is written beside its target and
 * renamed only when every byte is on disk, and never over the database, its
 * WAL/SHM/lock files or a backup. */
#ifndef PKM_OUTPUT_H
#define PKM_OUTPUT_H
#include <sqlite3.h>
#include <stdio.h>
#include "pkm/util.h"

/* The message for a character pkm refuses in any text field (controls, NUL is
 * the caller's to report, bidi and zero-width format characters, broken UTF-8),
 * or NULL when every character of s is fine. */
const char *text_refused(const char *s);
/* s in place with each character text_refused would refuse replaced by '?':
 * for text from outside that is kept, so none is stored. */
void text_clean(char *s);
/* Append n bytes of s to b, each refused character as a visible escape;
 * characters in `keep` (e.g. "\n\f" for a printout) pass as they are. */
void text_visible(struct sbuf *b, const char *s, size_t n, const char *keep);
/* fputs of text_visible(s) keeping line breaks and form feeds; -1 on a write error. */
int out_puts(FILE *f, const char *s);
/* A command's wrong use: what into why, then ": " and what was given (shown,
 * never obeyed) unless NULL; returns -1. */
int out_wrong(struct sbuf *why, const char *what, const char *given);
/* A command's failure: "prefix: " and err (escaped as out_puts does) on
 * stderr, err freed; returns 1, the exit status. */
int out_fail(const char *prefix, struct sbuf *err);

struct out {
	FILE *f;	/* write here: escapes are applied on the way */
	FILE *dst;	/* the temporary file, or stdout */
	char path[4096], tmp[4112];
};
/* Open an output: path NULL means standard output. db and backup_dir name the
 * files it must never replace (compared by device and inode). */
int out_open(struct out *o, sqlite3 *db, const char *backup_dir, const char *path, struct sbuf *err);
/* Finish: with ok, flush, sync and rename into place (or flush stdout) and
 * report any write error; without, discard the temporary file. 0 on success. */
int out_close(struct out *o, int ok, struct sbuf *err);

#endif
