/* Tindakan: the procedures of a visit as a pick list (the first line adds
 * one through the field editor, a code picked by word starts over ICD-9-CM;
 * a chosen one is removed after a question), and the KFA list's options for
 * the drug master's code. */
#include "ui_priv.h"
#include "pkm/kode.h"
#include "pkm/tindakan.h"
#include <string.h>

static int list_options(struct ui *u, enum kode_list list, const char *typed, char (*code)[24], char (*label)[80],
			int max)
{
	struct kode_entry e[64];
	int n = kode_search(u->db, list, typed, e, max < 64 ? max : 64);
	if (n < 0) {
		ui_message(u, 1, "daftar kode tidak terbaca: %s", sqlite3_errmsg(u->db));
		return 0;
	}
	for (int i = 0; i < n; i++) {
		str_copy(code[i], 24, e[i].kode);
		snprintf(label[i], 80, e[i].bentuk[0] ? "%.50s (%.20s)" : "%.70s%s", e[i].nama, e[i].bentuk);
	}
	return n;
}

static int icd9_options(struct ui *u, const char *typed, char (*code)[24], char (*label)[80], int max)
{
	return list_options(u, KODE_ICD9, typed, code, label, max);
}

int ui_kfa_options(struct ui *u, const char *typed, char (*code)[24], char (*label)[80], int max)
{
	return list_options(u, KODE_KFA, typed, code, label, max);
}

static int save_procedure(struct ui *u, struct dlg_field *f, void *ctx, struct field_errors *fe, struct sbuf *err)
{
	const struct visit_row *row = ctx;
	return tindakan_add(u->db, row->v.id, f[0].le.buf, f[1].le.buf, fe, err);
}

void ui_tindakan(struct ui *u, const struct visit_row *row)
{
	for (;;) {
		struct tindakan_row t[40];
		int n = tindakan_list(u->db, row->v.id, t, (int)ARRAY_LEN(t) - 1);
		if (n < 0) {
			ui_message(u, 1, "tindakan tidak terbaca: %s", sqlite3_errmsg(u->db));
			return;
		}
		char code[40][24], label[40][80], title[300];
		str_copy(code[0], 24, "+");
		str_copy(label[0], 80, "+ Tambah tindakan");
		for (int i = 0; i < n; i++) {
			str_copy(code[i + 1], 24, t[i].icd9);
			snprintf(label[i + 1], 80, "%.50s%s%.25s", t[i].nama, t[i].keterangan[0] ? " - " : "", t[i].keterangan);
		}
		snprintf(title, sizeof title, "Tindakan %.40s (No. RM %s); Enter pada tindakan: hapus", row->nama, row->no_rm);
		int k = ui_pick(u, title, code, label, n + 1, 0);
		if (k < 0)
			return;
		if (k == 0) {
			struct dlg_field f[2] = {
				{ .name = "icd9", .table = "tindakan", .column = "icd9", .options = icd9_options },
				{ .name = "keterangan", .table = "tindakan", .column = "keterangan" },
			};
			if (ui_dialog(u, "Tambah tindakan", "Ketik kode ICD-9-CM atau awal kata nama tindakan lalu Tab.", f, 2,
				      save_procedure, (void *)row))
				ui_message(u, 0, "Tindakan %s dicatat", f[0].le.buf);
			continue;
		}
		char q[200];
		struct sbuf err = { 0 };
		snprintf(q, sizeof q, "Hapus tindakan %s %.60s?", t[k - 1].icd9, t[k - 1].nama);
		if (ui_confirm(u, q)) {
			if (tindakan_remove(u->db, row->v.id, t[k - 1].icd9, &err) != 0)
				ui_message(u, 1, "Tidak terhapus: %s", sb_str(&err));
			else
				ui_message(u, 0, "Tindakan %s dihapus", t[k - 1].icd9);
		}
		sb_free(&err);
	}
}
