/* Admin > Puskesmas and the first start's second step: the identity reports
 * print, in the dictionary's dialog (kamus rows of table puskesmas). */
#include "ui_priv.h"
#include "pkm/puskesmas.h"
#include <string.h>

/* The session's configuration (ui_run's, which the screens read through
 * u->cfg): a saved identity goes there, so the next report prints it. */
static struct pkm_config *session_cfg(struct ui *u) { return (struct pkm_config *)u->cfg; }

static int save_identity(struct ui *u, struct dlg_field *f, void *ctx, struct field_errors *fe, struct sbuf *err)
{
	(void)ctx;
	struct puskesmas p;
	for (int i = 0; i < PKM_ID_FIELDS; i++)
		str_copy(p.v[i], sizeof p.v[i], f[i].le.buf);
	return puskesmas_save(u->db, &p, session_cfg(u), fe, err);
}

int ui_puskesmas(struct ui *u, const char *title, const char *intro)
{
	struct puskesmas p;
	puskesmas_from_cfg(u->cfg, &p);
	struct dlg_field f[PKM_ID_FIELDS];
	memset(f, 0, sizeof f);
	for (int i = 0; i < PKM_ID_FIELDS; i++) {
		f[i].name = f[i].column = puskesmas_fields[i].column;
		f[i].table = "puskesmas";
		le_set(&f[i].le, p.v[i]);
	}
	if (!ui_dialog(u, title, intro, f, PKM_ID_FIELDS, save_identity, NULL))
		return 0;
	ui_message(u, 0, "Identitas puskesmas tersimpan; laporan mencetaknya di kop dan tanda tangan");
	return 1;
}

void ui_puskesmas_refresh(struct ui *u)
{
	struct sbuf err = { 0 };
	if (puskesmas_load(u->db, session_cfg(u), &err) != 0)
		ui_message(u, 1, "%s", sb_str(&err));
	sb_free(&err);
}

int ui_puskesmas_incomplete(struct ui *u, char *line, size_t size)
{
	struct sbuf missing = { 0 };
	int n = puskesmas_missing(u->db, u->cfg, &missing);
	if (n) {	/* the fields cut short rather than the way to fill them */
		const char *head = "Identitas puskesmas belum lengkap: ", *tail = " (Admin > Puskesmas)";
		int room = COLS - utf8_width(head) - utf8_width(tail);
		const char *list = sb_str(&missing);
		int cut = utf8_width(list) > room;
		snprintf(line, size, "%s%.*s%s%s", head, (int)utf8_prefix(list, cut ? room - 3 : room), list,
			 cut ? "..." : "", tail);
	}
	sb_free(&missing);
	return n;
}
