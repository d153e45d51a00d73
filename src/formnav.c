/* One navigation model for every form and dialog (include/pkm/formnav.h). */
#include "pkm/formnav.h"

static int usable(const struct formnav *nv, int i)
{
	return i >= 0 && i < nv->n && (!nv->usable || nv->usable(nv->ctx, i));
}

int nav_step(const struct formnav *nv, int from, int dir)
{
	for (int k = from + dir; k >= 0 && k < nv->n; k += dir)
		if (usable(nv, k))
			return k;
	return from;
}

void nav_first(struct formnav *nv)
{
	nv->focus = 0;
	nv->top = 0;
	if (!usable(nv, 0))
		nv->focus = nav_step(nv, 0, 1);
}

void nav_settle(struct formnav *nv)
{
	if (usable(nv, nv->focus))
		return;
	int next = nav_step(nv, nv->focus, 1);
	nv->focus = next != nv->focus ? next : nav_step(nv, nv->focus, -1);
}

int nav_is_last(const struct formnav *nv)
{
	return nav_step(nv, nv->focus, 1) == nv->focus;
}

enum nav_result nav_key(struct formnav *nv, int key, enum action action, int page, int *left)
{
	if (action == A_SAVE || action == A_LOGIN || action == A_FILTER ||
	    (action == A_OPEN && (nv->enter_saves || nav_is_last(nv))))
		return NAV_SAVE;
	if (action == A_BACK)
		return NAV_CANCEL;
	int dir, steps = 1;
	if (action == A_OPEN || key == K_TAB || key == K_DOWN)
		dir = 1;
	else if (key == K_BTAB || key == K_UP)
		dir = -1;
	else if (key == K_PGDN || key == K_PGUP) {
		dir = key == K_PGDN ? 1 : -1;
		steps = page > 1 ? page : 1;
	} else
		return NAV_NONE;
	int next = nv->focus;
	while (steps-- > 0)
		next = nav_step(nv, next, dir);
	if (next == nv->focus)
		return NAV_STAY;
	*left = nv->focus;
	nv->focus = next;
	return NAV_MOVED;
}

int nav_lines(const struct formnav *nv, int *field, int *is_msg, int max)
{
	int n = 0;
	for (int i = 0; i < nv->n && n < max - 1; i++) {
		if (nv->shown && !nv->shown(nv->ctx, i))
			continue;
		field[n] = i;
		is_msg[n++] = 0;
		if (nv->has_message && nv->has_message(nv->ctx, i)) {
			field[n] = i;
			is_msg[n++] = 1;
		}
	}
	return n;
}

static void keep_inside(int line, int *top, int rows)
{
	if (line < *top)
		*top = line;
	else if (line >= *top + rows)
		*top = line - rows + 1;
}

int nav_scroll(struct formnav *nv, int rows, int *field, int *is_msg, int max)
{
	int n = nav_lines(nv, field, is_msg, max), at = 0;
	for (int k = 0; k < n; k++)
		if (field[k] == nv->focus && !is_msg[k]) {
			at = k;
			break;
		}
	if (rows < 1)
		rows = 1;
	/* the message under the focus first, then the focus itself wins */
	keep_inside(at + (at + 1 < n && is_msg[at + 1]), &nv->top, rows);
	keep_inside(at, &nv->top, rows);
	if (nv->top > 0 && nv->top > n - rows)	/* no empty lines at the end after a message went */
		nv->top = n - rows > 0 ? n - rows : 0;
	return n;
}
