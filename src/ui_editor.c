/* The field editor: how every field of a dialog, a cluster form, the patient
 * form and the log-in takes keys. One place for the typing rules, so a rule
 * fixed here is fixed on every screen. */
#include "ui_priv.h"

/* A code from a list (not a free search like a drug's name). */
static int coded(const struct column_def *def, field_options_fn options)
{
	return dict_has_options(def) && !options;
}

void ui_field_enter(const struct column_def *def, struct lineedit *le, field_options_fn options)
{
	le->replace = coded(def, options) && le->len;
}

int ui_field_key(struct ui *u, const struct column_def *def, struct lineedit *le, field_options_fn options, int key)
{
	/* a search's words are split by spaces ("para 500"): Space lists every
	 * option only on an empty search */
	if (key == ' ' && (options ? !le->len : dict_has_options(def)))
		return ui_field_pick(u, def, le, options) ? FIELD_PICKED : FIELD_KEPT;
	int changed;
	if (!ui_edit_key(le, key, &changed))
		return FIELD_NOT_MINE;
	return changed ? FIELD_TYPED : FIELD_KEPT;
}
