/* Farmasi > Data obat (F8): a new drug, a change of the chosen one, closing it
 * (a drug with history) or deleting it (one without), or opening it again; the
 * dictionary's dialog, the core of pkm/drug.h. */
#include "ui_priv.h"
#include "pkm/drug.h"
#include <string.h>

enum { F_KODE, F_NAMA, F_SATUAN, F_KATEGORI, F_OPTIMUM, F_FORNAS, F_PCARE, F_KFA, F_MAKS, F_N };

static const char *const columns[F_N] = { "kode", "nama", "satuan", "kategori", "stok_optimum", "fornas",
					   "kode_pcare", "kode_kfa", "maks_resep" };

struct drug_form {
	const char *kode;	/* the drug changed; NULL for a new one (its code is a field) */
	struct dlg_field f[F_N];
	int n, first;		/* fields shown: f[first..F_N) */
};

static const char *value(const struct drug_form *df, int i)
{
	return i == F_KODE && df->kode ? df->kode : df->f[i].le.buf;
}

static int save_drug(struct ui *u, struct dlg_field *f, void *ctx, struct field_errors *fe, struct sbuf *err)
{
	(void)f;
	const struct drug_form *df = ctx;
	struct drug_input in = { value(df, F_KODE), value(df, F_NAMA), value(df, F_SATUAN), value(df, F_KATEGORI),
				 value(df, F_OPTIMUM), value(df, F_FORNAS), value(df, F_PCARE), value(df, F_KFA),
				 value(df, F_MAKS) };
	return drug_save(u->db, &in, !df->kode, fe, err);
}

/* The dialog of a new drug (old NULL) or of a change; 1 when saved. */
static int drug_dialog(struct ui *u, const struct drug *old)
{
	struct drug_form df = { .kode = old ? old->kode : NULL, .first = old ? F_NAMA : F_KODE };
	for (int i = 0; i < F_N; i++)
		df.f[i] = (struct dlg_field){ .name = columns[i], .table = "obat", .column = columns[i] };
	df.f[F_KFA].options = ui_kfa_options;	/* a word of the imported KFA list's name, then Tab */
	char num[24], intro[256];
	if (old) {
		le_set(&df.f[F_NAMA].le, old->nama);
		le_set(&df.f[F_SATUAN].le, old->satuan);
		le_set(&df.f[F_KATEGORI].le, old->kategori);
		snprintf(num, sizeof num, "%ld", old->optimum);
		le_set(&df.f[F_OPTIMUM].le, old->optimum >= 0 ? num : "");
		le_set(&df.f[F_FORNAS].le, old->fornas ? "Y" : "T");
		le_set(&df.f[F_PCARE].le, old->kode_pcare);
		le_set(&df.f[F_KFA].le, old->kode_kfa);
		snprintf(num, sizeof num, "%ld", old->maks_resep);
		le_set(&df.f[F_MAKS].le, old->maks_resep > 0 ? num : "");
		snprintf(intro, sizeof intro, "Obat %s (kode tetap: riwayat stok dan resep memakainya)", old->kode);
	} else {
		le_set(&df.f[F_KATEGORI].le, "OBAT");
		le_set(&df.f[F_FORNAS].le, "Y");
		snprintf(intro, sizeof intro, "Obat baru: dapat diresepkan dan diterima begitu disimpan");
	}
	df.n = F_N - df.first;
	return ui_dialog(u, old ? "Ubah data obat" : "Obat baru", intro, df.f + df.first, df.n, save_drug, &df);
}

/* Close a drug with history, delete one without (both asked first), or open
 * a closed one again; 1 when done. */
static int close_drug(struct ui *u, const struct drug *d, const char *what)
{
	char q[200], day[11];
	struct sbuf err = { 0 };
	int rc = -1;
	if (strcmp(what, "BUKA") == 0) {
		snprintf(q, sizeof q, "Buka lagi %.50s untuk resep dan penerimaan?", d->nama);
		if (ui_confirm(u, q))
			rc = drug_close(u->db, d->kode, NULL, &err);
	} else if (strcmp(what, "HAPUS") == 0) {
		snprintf(q, sizeof q, "Hapus %.50s dari daftar obat?", d->nama);
		if (ui_confirm(u, q))
			rc = drug_delete(u->db, d->kode, &err);
	} else {
		snprintf(q, sizeof q, "Tutup %.40s mulai hari ini? Tidak diresepkan/diterima lagi", d->nama);
		date_format(u->today, day);
		if (ui_confirm(u, q))
			rc = drug_close(u->db, d->kode, day, &err);
	}
	if (rc == 0)
		ui_message(u, 0, "%.60s %s", d->nama, strcmp(what, "BUKA") == 0 ? "dibuka lagi" :
			   strcmp(what, "HAPUS") == 0 ? "dihapus dari daftar obat" : "ditutup; riwayatnya tetap");
	else if (err.len)
		ui_message(u, 1, "Tidak tersimpan: %s", sb_str(&err));
	else
		u->msg[0] = '\0';
	sb_free(&err);
	return rc == 0;
}

int ui_drug_master(struct ui *u, const char *kode)
{
	struct drug d;
	int have = kode && drug_get(u->db, kode, &d) == 1, n = 0;
	char code[4][24], label[4][80], day[11];
	str_copy(code[n], sizeof code[n], "BARU");
	str_copy(label[n++], sizeof label[0], "Obat baru");
	if (have) {
		int history = drug_has_history(u->db, d.kode);
		str_copy(code[n], sizeof code[n], "UBAH");
		snprintf(label[n++], sizeof label[0], "Ubah data %.60s", d.nama);
		str_copy(code[n], sizeof code[n], d.ditutup[0] ? "BUKA" : history ? "TUTUP" : "HAPUS");
		if (d.ditutup[0])
			snprintf(label[n++], sizeof label[0], "Buka lagi (ditutup %s)", date_show(d.ditutup, day));
		else if (history)
			snprintf(label[n++], sizeof label[0], "Tutup (ada batch atau resep: riwayatnya tetap)");
		else
			snprintf(label[n++], sizeof label[0], "Hapus (belum ada batch atau resep)");
	}
	char title[256];
	snprintf(title, sizeof title, "Data obat%s%.200s", have ? ": " : "", have ? d.nama : "");
	int k = ui_pick(u, title, code, label, n, 0);
	if (k < 0)
		return 0;
	if (k == 0 || k == 1) {
		int saved = drug_dialog(u, k ? &d : NULL);
		if (saved)
			ui_message(u, 0, k ? "Data obat disimpan" : "Obat baru disimpan: dapat diresepkan sekarang");
		return saved;
	}
	return close_drug(u, &d, code[k]);
}
