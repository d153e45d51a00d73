#include "pkm/action.h"
#include "pkm/util.h"
#include <stdio.h>
#include <string.h>

const struct action_info pkm_actions[] = {
#define X(id, f, c, k, hint, help, ctx, need) { A_##id, f, c, k, hint, help, ctx, need },
	PKM_ACTIONS(X)
#undef X
};
const int pkm_action_count = (int)(sizeof pkm_actions / sizeof pkm_actions[0]);

/* The rights of whoever is logged in; every right until someone is. */
static unsigned current = ~0u;

static int allowed_to(const struct action_info *a, unsigned r) { return (a->need & r) == a->need; }
void action_limit(unsigned r) { current = r; }
unsigned action_rights(void) { return current; }
int action_allowed(const struct action_info *a) { return allowed_to(a, current); }

enum action action_for_key(int key, unsigned ctx)
{
	for (int i = 0; i < pkm_action_count; i++) {
		const struct action_info *a = &pkm_actions[i];
		if (!(a->ctx & ctx) || !action_allowed(a))
			continue;
		if ((a->fkey && key == K_F(a->fkey)) || (a->ctrl && key == K_CTRL(a->ctrl)) ||
		    (a->key && key == a->key))
			return a->id;
	}
	return A_NONE;
}

static const char *key_name(int key)
{
	switch (key) {
	case K_ENTER: return "Enter";
	case K_ESC: return "Esc";
	case K_TAB: return "Tab";
	case '<': return "<";
	case '>': return ">";
	default: return "";
	}
}

void action_keys(const struct action_info *a, char *buf, int size)
{
	int n = 0;
	buf[0] = '\0';
	if (a->fkey)
		n += snprintf(buf + n, (size_t)(size - n), "F%d", a->fkey);
	if (a->key && n < size)
		n += snprintf(buf + n, (size_t)(size - n), "%s%s", n ? "/" : "", key_name(a->key));
	if (a->ctrl && n < size)
		snprintf(buf + n, (size_t)(size - n), "%s^%c", n ? "/" : "", a->ctrl);
}

/* A key of every main screen, or of every screen (F1, Enter): help lists it
 * after the keys of the screen itself. */
static int everywhere(const struct action_info *a) { return (a->ctx & CTX_MAIN) || a->ctx == CTX_ALL; }

static int hint_width(const struct hint *h) { return (int)strlen(h->key) + 1 + utf8_width(h->a->hint) + 1; }

/* Lay the hints out on the key bar: in order, the upper line first (each group
 * on its own line when `by_group`); with `fill`, a key that does not fit on the
 * upper line goes below and a later one that fits still goes up. The count placed. */
static int place(struct hint *out, const struct hint *all, int n, int width, int by_group, int fill, int *lines)
{
	int x[2] = { 0, 0 }, line = 0, kept = 0;
	for (int k = 0; k < n; k++) {
		struct hint h = all[k];
		int hw = hint_width(&h);
		if (by_group)
			line = h.line;
		int l = fill && x[0] + hw - 1 <= width ? 0 : line;
		if (x[l] + hw - 1 > width) {
			if (l == 1)
				continue;	/* only under 80 columns, where pkm asks for a bigger terminal */
			l = line = 1;
		}
		h.line = l;
		h.x = x[l];
		x[l] += hw;
		out[kept++] = h;
	}
	*lines = line + 1;
	return kept;
}

int action_bar(unsigned ctx, unsigned rights, int width, struct hint *out, int *lines)
{
	/* group 0: F1 and this screen's keys; group 1: the main screens' */
	int n = 0, w[2] = { 0, 0 };
	for (int g = 0; g < 2; g++)
		for (int i = 0; i < pkm_action_count; i++) {
			const struct action_info *a = &pkm_actions[i];
			if (!(a->ctx & ctx) || !allowed_to(a, rights) || a->id == A_OPEN ||
			    (everywhere(a) && a->ctx != CTX_ALL) != g)
				continue;
			out[n] = (struct hint){ a, g, 0, "" };
			if (a->fkey)
				snprintf(out[n].key, sizeof out[n].key, "F%d", a->fkey);
			else
				str_copy(out[n].key, sizeof out[n].key, key_name(a->key));
			w[g] += hint_width(&out[n++]);
		}
	/* a hint's trailing space may fall off the right edge */
	int one = w[0] + w[1] - 1 <= width, by_group = !one && w[0] - 1 <= width && w[1] - 1 <= width;
	struct hint all[A_COUNT];
	memcpy(all, out, (size_t)n * sizeof *out);
	int kept = place(out, all, n, width, by_group, 0, lines);
	if (kept < n && !by_group)	/* in order they do not fit: later keys fill the upper line's end */
		kept = place(out, all, n, width, 0, 1, lines);
	return kept;
}

int action_help(unsigned ctx, unsigned rights, const struct action_info **out, int *n_here)
{
	int n = 0;
	for (int every = 0; every < 2; every++) {
		for (int i = 0; i < pkm_action_count; i++) {
			const struct action_info *a = &pkm_actions[i];
			if ((a->ctx & ctx) && allowed_to(a, rights) && everywhere(a) == every)
				out[n++] = a;
		}
		if (!every)
			*n_here = n;
	}
	return n;
}
