/* The navigation model of every form and dialog (cluster forms, the patient
 * form, the small dictionary dialogs, the log-in): which field has the focus,
 * where a key moves it, when Enter saves, and which screen lines are shown.
 * Pure like the line editor, so the unit tests drive it directly. */
#ifndef PKM_FORMNAV_H
#define PKM_FORMNAV_H
#include "pkm/action.h"

/* What a key means to a form. */
enum nav_result {
	NAV_NONE,	/* not a navigation key: the field edits it */
	NAV_MOVED,	/* the focus moved (the field left is checked) */
	NAV_STAY,	/* a move with nowhere to go */
	NAV_SAVE,	/* F2, or Enter on the last field */
	NAV_CANCEL,	/* Esc */
};

struct formnav {
	int n;			/* fields */
	int focus;		/* the field with the cursor */
	int top;		/* the first screen line shown */
	int enter_saves;	/* a short dialog: Enter saves from any field */
	/* may field i take the cursor? (shown and not computed); NULL: every one */
	int (*usable)(const void *ctx, int i);
	const void *ctx;
	/* does field i show a message line under it? NULL: never */
	int (*has_message)(const void *ctx, int i);
	/* is field i on the screen at all? NULL: every one */
	int (*shown)(const void *ctx, int i);
};

/* The next usable field from `from` in direction dir (+1, -1); `from` when none. */
int nav_step(const struct formnav *nv, int from, int dir);
/* Put the focus on the first usable field. */
void nav_first(struct formnav *nv);
/* After values changed (a field hidden): keep the focus on a usable field,
 * the next one, else the one before. */
void nav_settle(struct formnav *nv);
/* Is the focus on the last usable field (Enter saves there)? */
int nav_is_last(const struct formnav *nv);
/* Apply a key (a pkm key code, and its action in a form context: A_SAVE, or
 * A_LOGIN, A_FILTER of the log-in and a filter, A_BACK, A_OPEN for Enter); `page` fields for PgUp/PgDn. *left is the field the
 * focus left on NAV_MOVED. */
enum nav_result nav_key(struct formnav *nv, int key, enum action action, int page, int *left);

/* The screen lines of the shown fields: line[k] = field, is_msg[k] = 1 for its
 * message line. Returns the number of lines (at most max). */
int nav_lines(const struct formnav *nv, int *field, int *is_msg, int max);
/* Scroll so the focused field and its message are inside `rows` lines;
 * returns the number of lines. */
int nav_scroll(struct formnav *nv, int rows, int *field, int *is_msg, int max);

#endif
