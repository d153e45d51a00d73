/* Koreksi kunjungan (F8 on the visit list): another unit or payer, the right
 * patient by No. RM, or cancelled with a reason; the dialog engine every form
 * uses, the checks in visit_fix.c. */
#include "ui_priv.h"
#include "pkm/visit_fix.h"
#include <string.h>

static int save_fix(struct ui *u, struct dlg_field *f, void *ctx, struct field_errors *fe, struct sbuf *err)
{
	const struct visit_row *row = ctx;
	struct visit_fix in = { f[0].le.buf, f[1].le.buf, f[2].le.buf, f[3].le.buf };
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
		{ .name = "no_rm", .table = "pasien", .column = "no_rm" },
		{ .name = "batal", .table = "kunjungan", .column = "batal" },
	};
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
