/* Resep: the drugs prescribed on a visit beside what the pharmacy gives, with
 * the usable stock of each; dispensing line by line (pkm/dispense.h), a change
 * or substitution with its reason, closing a shortfall, and the labels. */
#include "ui_priv.h"
#include "pkm/alergi.h"
#include "pkm/dispense.h"
#include "pkm/etiket.h"
#include "pkm/stock.h"
#include <string.h>

#define MAX_LINES RESEP_MAX

static int drug_options(struct ui *u, const char *typed, char (*code)[24], char (*label)[80], int max)
{
	struct drug d[64];
	int n = drug_search(u->db, typed, d, max < 64 ? max : 64);
	if (n < 0) {
		ui_message(u, 1, "daftar obat tidak terbaca: %s", sqlite3_errmsg(u->db));
		return 0;
	}
	for (int i = 0; i < n; i++) {
		str_copy(code[i], 24, d[i].kode);
		snprintf(label[i], 80, "%.50s  (stok %ld %s)", d[i].nama, stock_balance(u->db, d[i].kode), d[i].satuan);
	}
	return n;
}

/* A line being written: the quantity over the limit already allowed (asked
 * once), the drug written over an allergy (asked once), and whether the save
 * changed a line there was. */
struct line_ctx {
	const struct visit_row *row;
	char allowed[48];	/* "KODE:N" the prescriber kept after the question */
	char despite[24];	/* the drug kept after the allergy question */
	int changed;
};

/* A drug matching an active allergy of the patient: asked once (y writes it,
 * the line records the allergy). The allergy's id, 0 for none, -1 when the
 * prescriber said no (told in fe). */
static long allergy_asked(struct ui *u, struct line_ctx *c, const char *obat, struct field_errors *fe)
{
	char what[208], q[300];
	long id = alergi_match(u->db, c->row->v.pasien_id, obat, what, sizeof what);
	if (id <= 0 || strcmp(c->despite, obat) == 0)
		return id > 0 ? id : 0;
	snprintf(q, sizeof q, "PERHATIAN: pasien alergi %.120s. Tetap resepkan %.24s?", what, obat);
	if (!ui_confirm(u, q)) {
		field_error(fe, "obat", "pasien alergi %s: pilih obat lain, atau simpan dan jawab y", what);
		return -1;
	}
	str_copy(c->despite, sizeof c->despite, obat);
	return id;
}

static int save_line(struct ui *u, struct dlg_field *f, void *ctx, struct field_errors *fe, struct sbuf *err)
{
	struct line_ctx *c = ctx;
	struct drug d;
	long n, max;
	char key[48];
	if (drug_get(u->db, f[0].le.buf, &d) == 1 && parse_long(f[1].le.buf, 1, 10000, &n) == 0 &&
	    (max = drug_max_per_resep(&d, u->cfg->farmasi.maks_resep)) > 0 && n > max) {
		snprintf(key, sizeof key, "%s:%ld", d.kode, n);
		char q[160];
		snprintf(q, sizeof q, "Jumlah %ld melebihi batas %ld per resep. Tetap simpan?", n, max);
		if (strcmp(key, c->allowed) != 0 && !ui_confirm(u, q)) {
			field_error(fe, "jumlah", "di atas batas %ld %s per resep: ubah jumlahnya, atau simpan dan jawab y", max,
				    d.satuan);
			return 1;
		}
		str_copy(c->allowed, sizeof c->allowed, key);
	}
	long allergy = allergy_asked(u, c, f[0].le.buf, fe);
	if (allergy < 0)
		return 1;
	int rc = allergy ? resep_add_despite(u->db, c->row->v.id, f[0].le.buf, f[1].le.buf, f[2].le.buf, f[3].le.buf,
					     allergy, fe, err)
			 : resep_add(u->db, c->row->v.id, f[0].le.buf, f[1].le.buf, f[2].le.buf, f[3].le.buf, fe, err);
	c->changed = rc > 0;
	return rc < 0 ? -1 : 0;
}

static void add_line(struct ui *u, const struct visit_row *row)
{
	struct dlg_field f[4] = {
		{ .name = "obat", .table = "resep", .column = "obat", .options = drug_options },
		{ .name = "jumlah", .table = "resep", .column = "jumlah" },
		{ .name = "signa", .table = "resep", .column = "signa" },
		{ .name = "hari", .table = "resep", .column = "hari" },
	};
	char intro[512];
	snprintf(intro, sizeof intro, "Resep untuk %s (No. RM %s). Ketik kode atau awal kata nama obat (para 500) "
		 "lalu Tab; Spasi pada isian kosong: semua obat.", row->nama, row->no_rm);
	struct line_ctx c = { .row = row };
	if (!ui_dialog(u, "Tambah obat ke resep", intro, f, 4, save_line, &c))
		return;
	if (c.changed)
		ui_message(u, 0, "%s di resep diubah menjadi %s", f[0].le.buf, f[1].le.buf);
	else
		ui_message(u, 0, "%s %s ditambahkan ke resep", f[1].le.buf, f[0].le.buf);
}

/* Rows a line takes: a second one says what the prescriber wrote when the
 * pharmacy gives something else. */
static int line_rows(const struct rx_line *l) { return 1 + l->changed; }

static void draw_line(struct ui *u, int y, const struct rx_line *l, int selected)
{
	char line[512], second[512];
	rx_describe(l, line, sizeof line, second, sizeof second);
	ui_text(y, 2, COLS - 4, line, selected ? ui_attr_sel(u) : 0);
	if (l->changed)
		ui_text(y + 1, 2, COLS - 4, second, A_DIM);
}

static void draw(struct ui *u, const struct visit_row *row, const struct rx_line *r, int n, int sel, int *top)
{
	ui_frame(u, "Resep obat", CTX_RESEP);
	char line[512], day[11], payer[80];
	snprintf(line, sizeof line, "%s (No. RM %s) | unit %s | penjamin %s | %s", row->nama, row->no_rm, row->v.unit,
		 dict_label(u->db, "kunjungan", "penjamin", row->v.penjamin, payer, sizeof payer),
		 date_show(row->v.tanggal, day));
	ui_text(2, 2, COLS - 4, line, A_BOLD);
	ui_allergies(u, row->v.pasien_id);
	ui_text(4, 2, COLS - 4, RX_HEAD, A_BOLD);
	/* the selected line in sight, however many rows the lines above it take */
	int rows = ui_msg_y(u) - 6;
	if (*top > sel)
		*top = sel;
	for (int used = 0, i = sel; i >= *top; i--)
		if ((used += line_rows(&r[i])) > rows)
			*top = i + 1;
	for (int i = *top, y = 5; i < n && y + line_rows(&r[i]) <= 5 + rows; y += line_rows(&r[i]), i++)
		draw_line(u, y, &r[i], i == sel);
	/* what the role may do here: a nurse writes, the pharmacy dispenses */
	if (!n)
		ui_text(5, 2, COLS - 4, action_allowed(&pkm_actions[A_ADDDRUG - 1]) ? "Belum ada obat. F5 atau ^N: tambah obat."
										 : "Belum ada obat.", A_DIM);
	curs_set(0);
	refresh();
}

static int save_change(struct ui *u, struct dlg_field *f, void *ctx, struct field_errors *fe, struct sbuf *err)
{
	const struct rx_line *l = ctx;
	return rx_change(u->db, l->id, f[0].le.buf, f[1].le.buf, f[2].le.buf, f[3].le.buf, fe, err);
}

/* Another drug, quantity or signa, with the reason; the prescription's stays. */
static void change_line(struct ui *u, const struct rx_line *l)
{
	if (rx_state(l) != RX_WAITING) {
		ui_message(u, 1, "%s sudah %s: tidak dapat diubah lagi", l->nama_beri,
			   l->tutup[0] ? "ditutup" : "(sebagian) diserahkan");
		return;
	}
	struct dlg_field f[4] = {
		{ .name = "obat", .table = "resep", .column = "obat", .options = drug_options },
		{ .name = "jumlah", .table = "resep", .column = "jumlah_beri" },
		{ .name = "signa", .table = "resep", .column = "signa_beri" },
		{ .name = "alasan", .table = "resep", .column = "alasan_ubah" },
	};
	char qty[24], intro[512];
	snprintf(qty, sizeof qty, "%ld", l->target);
	le_set(&f[0].le, l->beri);
	le_set(&f[1].le, qty);
	le_set(&f[2].le, l->signa_beri);
	le_set(&f[3].le, l->alasan);
	snprintf(intro, sizeof intro, "Resep dokter: %s %ld %s, signa %s (tetap tersimpan).\n"
		 "Isi obat, jumlah atau signa yang diberikan dan alasannya.", l->nama, l->jumlah, l->satuan, l->signa);
	if (ui_dialog(u, "Ubah atau ganti obat", intro, f, 4, save_change, (void *)l))
		ui_message(u, 0, "Perubahan disimpan; resep dokter tetap tercatat di sampingnya");
}

struct close_ctx {
	const struct rx_line *l;
	const char *day;
};

static int save_close(struct ui *u, struct dlg_field *f, void *ctx, struct field_errors *fe, struct sbuf *err)
{
	const struct close_ctx *c = ctx;
	return rx_close(u->db, c->l->id, f[0].le.buf, c->day, fe, err);
}

static void close_line(struct ui *u, const struct rx_line *l, const char *day)
{
	enum rx_state st = rx_state(l);
	if (st == RX_DONE || st == RX_CLOSED) {
		ui_message(u, 1, "%s sudah %s: tidak ada sisa untuk ditutup", l->nama_beri,
			   st == RX_CLOSED ? "ditutup" : "diserahkan seluruhnya");
		return;
	}
	struct dlg_field f[1] = { { .name = "tutup", .table = "resep", .column = "tutup" } };
	char intro[512];
	snprintf(intro, sizeof intro, "%s: diberikan %ld dari %ld %s. Sisanya tidak akan diserahkan.", l->nama_beri,
		 l->diberi, l->target, l->satuan_beri);
	struct close_ctx c = { l, day };
	if (ui_dialog(u, "Tutup sisa resep", intro, f, 1, save_close, &c))
		ui_message(u, 0, "%s ditutup", l->nama_beri);
}

/* Labels for lines just given (when a label printer is set), or a reprint. */
static void labels(struct ui *u, const long *ids, int n, const char *done)
{
	struct sbuf err = { 0 };
	if (etiket_print(u->db, u->cfg, ids, n, &err) == 0)
		ui_message(u, 0, "%s%s%d etiket dicetak", done, *done ? "; " : "", n);
	else
		ui_message(u, 1, "%s%sEtiket tidak tercetak: %s", done, *done ? ". " : "", sb_str(&err));
	sb_free(&err);
}

static void dispense(struct ui *u, const struct visit_row *row, long resep_id, const char *day)
{
	struct sbuf err = { 0 }, note = { 0 };
	struct rx_result r = { .note = &note };
	if (rx_dispense(u->db, row->v.id, resep_id, 0, day, &r, &err) != 0) {
		ui_message(u, 1, "Tidak diserahkan: %s", sb_str(&err));
	} else {
		char done[200];
		if (!r.lines)
			snprintf(done, sizeof done, "Tidak ada yang dapat diserahkan: stok tidak cukup");
		else if (r.short_lines)
			snprintf(done, sizeof done, "%d obat diserahkan, %d kurang (sisanya tetap menunggu)", r.lines,
				 r.short_lines);
		else
			snprintf(done, sizeof done, "%d obat diserahkan; stok sudah dikurangi", r.lines);
		if (r.lines && u->cfg->farmasi.label_printer[0])
			labels(u, r.given_ids, r.lines, done);
		else
			ui_message(u, !r.lines, "%s", done);
	}
	sb_free(&note);
	sb_free(&err);
}

void ui_resep(struct ui *u, const struct visit_row *row)
{
	struct rx_line r[MAX_LINES];
	int sel = 0, top = 0;
	u->msg[0] = '\0';
	for (;;) {
		char day[11];
		date_format(u->today, day);
		int n = rx_lines(u->db, row->v.id, day, r, MAX_LINES);
		if (n < 0) {
			ui_message(u, 1, "resep tidak terbaca: %s", sqlite3_errmsg(u->db));
			return;
		}
		if (sel >= n)
			sel = n ? n - 1 : 0;
		draw(u, row, r, n, sel, &top);
		int k = ui_key(u);
		if (k == K_RESIZE)
			continue;
		enum action a = action_for_key(k, CTX_RESEP);
		struct sbuf err = { 0 };
		if (a == A_HELP) {
			ui_help(u);
		} else if (a == A_BACK) {
			u->msg[0] = '\0';
			return;
		} else if (a == A_ADDDRUG) {	/* writing a prescription is clinical: farmasi only dispenses */
			add_line(u, row);
		} else if (a == A_DELDRUG && n) {
			char q[160];
			snprintf(q, sizeof q, "Hapus %s dari resep?", r[sel].nama);
			if (ui_confirm(u, q)) {
				if (resep_delete(u->db, r[sel].id, &err) != 0)
					ui_message(u, 1, "Tidak terhapus: %s", sb_str(&err));
				else
					ui_message(u, 0, "%s dihapus dari resep", r[sel].nama);
			}
		} else if (a == A_DISPENSE) {
			dispense(u, row, 0, day);
		} else if (a == A_DISPLINE && n) {
			dispense(u, row, r[sel].id, day);
		} else if (a == A_CHANGEDRUG && n) {
			change_line(u, &r[sel]);
		} else if (a == A_CLOSELINE && n) {
			close_line(u, &r[sel], day);
		} else if (a == A_LABEL && n) {
			labels(u, &r[sel].id, 1, "");
		} else {
			ui_list_move(k, &sel, n, LINES - 9);
		}
		sb_free(&err);
	}
}
