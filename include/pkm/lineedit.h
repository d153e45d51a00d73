/* A pure, UTF-8-aware single-line editor (the model behind every input field):
 * no curses here, so it is unit-tested directly. */
#ifndef PKM_LINEEDIT_H
#define PKM_LINEEDIT_H
#include <stddef.h>

#define LE_MAX 512

struct lineedit {
	char buf[LE_MAX];
	size_t len, cur;	/* bytes; cur is always on a character boundary */
	size_t scroll;		/* first byte shown */
	size_t max;		/* byte limit (0 = LE_MAX - 1) */
	int replace;		/* the next text typed replaces it all (a code, just arrived at) */
};

enum le_op {
	LE_INSERT,		/* insert code point `ch` */
	LE_BACKSPACE, LE_DELETE,
	LE_LEFT, LE_RIGHT, LE_HOME, LE_END,
	LE_WORD_LEFT, LE_WORD_RIGHT,
	LE_KILL_START,		/* Ctrl-U: delete up to the cursor */
	LE_KILL_END,		/* Ctrl-K: delete from the cursor */
};

void le_set(struct lineedit *le, const char *text);
/* Apply an edit; returns 1 when the text changed. Any edit or move ends
 * le->replace; the first insert under it empties the line first. */
int le_apply(struct lineedit *le, enum le_op op, unsigned ch);
/* Pasted text (n code points) inserted as typed: line breaks are dropped, a tab
 * is a space, other control characters are dropped. 1 when the text changed. */
int le_paste(struct lineedit *le, const unsigned *text, size_t n);
/* The line shown masked: one '*' a character, the cursor on the same character. */
void le_mask(const struct lineedit *le, struct lineedit *out);
/* Scroll so the cursor is visible in a field `width` columns wide; returns the
 * cursor's column inside the field. The visible text starts at le->scroll. */
int le_view(struct lineedit *le, int width);

#endif
