/* Koreksi kunjungan (F8 on the visit list): another unit or payer, the right
 * patient by No. RM, or cancelled with a reason; the dialog engine every form
 * uses, the checks in visit_fix.c. */
#include "ui_priv.h"
#include "pkm/visit_fix.h"
#include <string.h>

/* A move to another patient and a cancellation are asked first: 1 to go on. */
static int confirmed(struct ui *u, const struct visit_row *row, const struct visit_fix *in)
{
	char q[1024], born[11], reason[256];
	struct patient p;
	str_copy(reason, sizeof reason, in->batal);
	if (*str_trim(reason)) {
		snprintf(q, sizeof q, "Batalkan kunjungan %s (No. RM %s), %s antrian %d?", row->nama, row->no_rm,
			 row->v.unit, row->v.no_antrian);
		return ui_confirm(u, q);
	}
	if (visit_fix_moves_to(u->db, &row->v, in->no_rm, &p) != 1)
		return 1;
	snprintf(q, sizeof q, "Pindahkan kunjungan %s ke %s (No. RM %s, lahir %s)?", row->nama, p.nama, p.no_rm,
		 date_show(p.tanggal_lahir, born));
	return ui_confirm(u, q);
}

static int save_fix(struct ui *u, struct dlg_field *f, void *ctx, struct field_errors *fe, struct sbuf *err)
{
	const struct visit_row *row = ctx;
	struct visit_fix in = { f[0].le.buf, f[1].le.buf, f[2].le.buf, f[3].le.buf };
	if (visit_fix_check(u->db, row->v.id, &in, fe, err) != 0)
		return -1;
	if (!confirmed(u, row, &in)) {
		ui_message(u, 0, "Belum disimpan: kunjungan tidak diubah.");
		return 1;
	}
	struct sbuf done = { 0 };
	int rc = visit_correct(u->db, row->v.id, &in, fe, &done, err);
	if (rc == 0)
		ui_message(u, 0, "Kunjungan %s (antrian %d): %s", row->nama, row->v.no_antrian, sb_str(&done));
	sb_free(&done);
	return rc;
}

int ui_visit_fix(struct ui *u, const struct visit_row *row)
{
	struct dlg_field f[4] = {
		{ .name = "unit", .table = "kunjungan", .column = "unit" },
		{ .name = "penjamin", .table = "kunjungan", .column = "penjamin" },
		{ .name = "no_rm" },	/* the dictionary's help is the registration's */
		{ .name = "batal", .table = "kunjungan", .column = "batal" },
	};
	dict_get(u->db, "pasien", "no_rm", &f[2].def);
	f[2].def.help = "No. RM pasien yang benar: kunjungan dipindah ke pasien itu";
	le_set(&f[0].le, row->v.unit);
	le_set(&f[1].le, row->v.penjamin);
	le_set(&f[2].le, row->no_rm);
	char intro[700], day[11];
	snprintf(intro, sizeof intro, "%s (No. RM %s), %s, %s antrian %d\n"
		 "Ubah unit atau penjamin, No. RM pasien yang benar, atau isi alasan batal.\n"
		 "Diagnosis, formulir dan resep ikut; nomor antrian lama tetap terpakai.",
		 row->nama, row->no_rm, date_show(row->v.tanggal, day), row->v.unit, row->v.no_antrian);
	return ui_dialog(u, "Koreksi kunjungan", intro, f, 4, save_fix, (void *)row);
}
