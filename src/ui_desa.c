/* Admin > Desa: the villages of the working area and their neighbours, added
 * and changed in the one dialog (fields from the dictionary), on the core of
 * `pkm impor desa` (pkm/desa.h). */
#include "ui_priv.h"
#include "pkm/desa.h"
#include <stdlib.h>
#include <string.h>

#define MAX_DESA 2000

static const char *const columns[] = { "kode", "nama", "wilayah", "pustu", "posyandu" };

static int save_desa(struct ui *u, struct dlg_field *f, void *ctx, struct field_errors *fe, struct sbuf *err)
{
	const struct desa *old = ctx;
	char kode[11];
	struct desa there;
	struct desa_input in = { f[0].le.buf, f[1].le.buf, f[2].le.buf, f[3].le.buf, f[4].le.buf };
	int coded = desa_code(str_trim(f[0].le.buf), kode) == 0;
	if (old && coded && strcmp(kode, old->kode) != 0)
		field_error(fe, "kode", "kode desa tidak dapat diubah; desa lain: F5 Baru");
	else if (!old && coded && desa_get(u->db, kode, &there) == 1)
		field_error(fe, "kode", "kode %s sudah dipakai %.60s", kode, there.nama);
	return fe->n ? -1 : desa_save(u->db, &in, fe, err);
}

static void edit_desa(struct ui *u, const struct desa *old)
{
	struct dlg_field f[5];
	memset(f, 0, sizeof f);
	for (int i = 0; i < 5; i++) {
		f[i].name = f[i].column = columns[i];
		f[i].table = "desa";
		f[i].le.max = 200;
	}
	if (old) {
		const char *v[5] = { old->kode, old->nama, old->wilayah ? "Y" : "T", old->pustu, old->posyandu };
		for (int i = 0; i < 5; i++)
			le_set(&f[i].le, v[i]);
	} else {
		le_set(&f[2].le, "Y");
	}
	if (ui_dialog(u, old ? "Ubah desa" : "Desa baru",
		      "Desa di wilayah kerja (Y) atau desa tetangga asal pasien (T: dihitung luar wilayah).", f, 5,
		      save_desa, (void *)old))
		ui_message(u, 0, "Desa %s tersimpan", f[1].le.buf);
}

/* The old village texts with the nearest master name, as pkm desa petakan
 * lists them (its CSV is the mapping file to apply). */
static void old_texts(struct ui *u)
{
	struct desa_teks *t;
	int n = desa_petakan(u->db, &t);
	if (n < 0) {
		ui_message(u, 1, "teks desa pasien tidak terbaca: %s", sqlite3_errmsg(u->db));
		return;
	}
	struct sbuf text = { 0 };
	desa_petakan_text(t, n, &text);
	free(t);
	ui_view_text(u, "Teks desa lama pasien",
		     "Pemetaan: pkm desa petakan --format csv, lalu --terapkan BERKAS.csv",
		     sb_str(&text), text.len, "desa-petakan.txt");
	sb_free(&text);
}

void ui_desa(struct ui *u)
{
	struct desa *list = xcalloc(MAX_DESA, sizeof *list);
	int sel = 0, top = 0;
	for (;;) {
		int n = desa_list(u->db, list, MAX_DESA);
		if (n < 0) {
			ui_message(u, 1, "daftar desa tidak terbaca utuh: %s", sqlite3_errmsg(u->db));
			break;
		}
		if (sel >= n)
			sel = n > 0 ? n - 1 : 0;
		int page = LINES - 8;
		ui_list_scroll(sel, &top, page);
		ui_frame(u, "Admin: desa wilayah kerja", CTX_DESA);
		ui_text(2, 2, COLS - 4, "Kode        Nama                  Wil Pustu              Posyandu", A_BOLD);
		for (int i = 0; i < page && top + i < n; i++) {
			const struct desa *x = &list[top + i];
			char line[1400];
			snprintf(line, sizeof line, "%-11s %-21.21s %-3s %-18.18s %s", x->kode, x->nama, x->wilayah ? "Y" : "T",
				 x->pustu, x->posyandu);
			ui_text(4 + i, 2, COLS - 4, line, top + i == sel ? ui_attr_sel(u) : 0);
		}
		if (!n)
			ui_text(4, 2, COLS - 4, "Belum ada desa: F5 atau ^N menambah satu, atau pkm impor desa BERKAS.csv.", A_DIM);
		curs_set(0);
		refresh();
		int k = ui_key(u);
		enum action a = action_for_key(k, CTX_DESA);
		if (a == A_BACK)
			break;
		else if (a == A_HELP)
			ui_help(u);
		else if (a == A_NEWDESA)
			edit_desa(u, NULL);
		else if (a == A_OLDTEXTS)
			old_texts(u);
		else if (a == A_OPEN && n > 0)
			edit_desa(u, &list[sel]);
		else
			ui_list_move(k, &sel, n, page);
	}
	free(list);
	u->msg[0] = '\0';
}
