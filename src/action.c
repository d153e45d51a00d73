#include "pkm/action.h"
#include <stdio.h>

const struct action_info pkm_actions[] = {
#define X(id, f, c, k, hint, help, ctx, need) { A_##id, f, c, k, hint, help, ctx, need },
	PKM_ACTIONS(X)
#undef X
};
const int pkm_action_count = (int)(sizeof pkm_actions / sizeof pkm_actions[0]);

/* The rights of whoever is logged in; every right until someone is. */
static unsigned rights = ~0u;

void action_limit(unsigned r) { rights = r; }
int action_allowed(const struct action_info *a) { return (a->need & rights) == a->need; }

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
