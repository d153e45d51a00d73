/* Alergi pasien: the allergies of a patient as a pick list (the first line
 * records a new one; a chosen one gets its status changed), and the header
 * line every clinical screen shows. */
#include "ui_priv.h"
#include "pkm/alergi.h"
#include "pkm/kode.h"
#include "pkm/stock.h"
#include <string.h>

void ui_allergies(struct ui *u, long pasien_id)
{
	char names[400], line[420];
	alergi_names(u->db, pasien_id, names, sizeof names);
	if (!names[0])
		return;
	snprintf(line, sizeof line, "Alergi: %s", names);
	ui_text(1, 2, COLS - 4, line, u->color ? COLOR_PAIR(PAIR_ERR) | A_BOLD : A_BOLD | A_REVERSE);
}

static int drug_options(struct ui *u, const char *typed, char (*code)[24], char (*label)[80], int max)
{
	struct drug d[64];
	int n = drug_search(u->db, typed, d, max < 64 ? max : 64);
	for (int i = 0; i < n; i++) {
		str_copy(code[i], 24, d[i].kode);
		snprintf(label[i], 80, "%.70s", d[i].nama);
	}
	return n > 0 ? n : 0;
}

static int allergen_options(struct ui *u, const char *typed, char (*code)[24], char (*label)[80], int max)
{
	struct kode_entry e[64];
	int n = alergen_search(u->db, typed, e, max < 64 ? max : 64);
	for (int i = 0; i < n; i++) {
		str_copy(code[i], 24, e[i].kode);
		snprintf(label[i], 80, "%.70s", e[i].nama);
	}
	return n > 0 ? n : 0;
}

struct add_ctx {
	long pasien_id, kunjungan_id;
};

static int save_allergy(struct ui *u, struct dlg_field *f, void *ctx, struct field_errors *fe, struct sbuf *err)
{
	const struct add_ctx *c = ctx;
	return alergi_add(u->db, c->pasien_id, f[0].le.buf, f[1].le.buf, f[2].le.buf, f[3].le.buf, c->kunjungan_id, fe,
			  err) > 0 ? 0 : -1;
}

static void add_allergy(struct ui *u, long pasien_id, long kunjungan_id, const char *who)
{
	struct dlg_field f[4] = {
		{ .name = "obat", .table = "alergi", .column = "obat", .options = drug_options },
		{ .name = "alergen", .table = "alergi", .column = "alergen", .options = allergen_options },
		{ .name = "reaksi", .table = "alergi", .column = "reaksi" },
		{ .name = "keparahan", .table = "alergi", .column = "keparahan" },
	};
	char intro[300];
	snprintf(intro, sizeof intro, "Alergi %s. Isi obat (dari daftar obat) atau alergen makanan/lingkungan, satu "
		 "saja; awal kata lalu Tab.", who);
	struct add_ctx c = { pasien_id, kunjungan_id };
	if (ui_dialog(u, "Catat alergi", intro, f, 4, save_allergy, &c))
		ui_message(u, 0, "Alergi dicatat");
}

static void change_status(struct ui *u, const struct alergi_row *a)
{
	static const char *const codes[] = { "active", "resolved", "entered-in-error" };
	char code[3][24], label[3][80], title[300];
	for (int i = 0; i < 3; i++) {
		str_copy(code[i], 24, codes[i]);
		str_copy(label[i], 80, alergi_word(codes[i]));
	}
	snprintf(title, sizeof title, "Status alergi %s", a->nama);
	int k = ui_pick(u, title, code, label, 3, 0);
	struct sbuf err = { 0 };
	if (k >= 0 && strcmp(codes[k], a->status) != 0) {
		if (alergi_set_status(u->db, a->id, codes[k], &err) != 0)
			ui_message(u, 1, "Tidak tersimpan: %s", sb_str(&err));
		else
			ui_message(u, 0, "Alergi %s: %s", a->nama, alergi_word(codes[k]));
	}
	sb_free(&err);
}

void ui_alergi(struct ui *u, long pasien_id, long kunjungan_id, const char *who)
{
	for (;;) {
		struct alergi_row a[40];
		int n = alergi_list(u->db, pasien_id, 1, a, (int)ARRAY_LEN(a) - 1);
		if (n < 0) {
			ui_message(u, 1, "alergi tidak terbaca: %s", sqlite3_errmsg(u->db));
			return;
		}
		char code[40][24], label[40][80], title[300];
		str_copy(code[0], 24, "+");
		str_copy(label[0], 80, "+ Catat alergi baru");
		for (int i = 0; i < n; i++) {
			snprintf(code[i + 1], 24, "%ld", a[i].id);
			snprintf(label[i + 1], 80, "%.34s | %s%s%.20s | %s", a[i].nama, alergi_word(a[i].keparahan),
				 a[i].reaksi[0] ? ": " : "", a[i].reaksi, alergi_word(a[i].status));
		}
		snprintf(title, sizeof title, "Alergi %s", who);
		int k = ui_pick(u, title, code, label, n + 1, 0);
		if (k < 0)
			return;
		if (k == 0)
			add_allergy(u, pasien_id, kunjungan_id, who);
		else
			change_status(u, &a[k - 1]);
	}
}
