/* Kunjungan hari ini: the day's visits per unit, and the diagnoses of a visit. */
#include "ui_priv.h"
#include <stdlib.h>
#include <string.h>

#define MAX_ICD 200

/* Pick an ICD-10 code by code prefix or words of the name. 1 with code set. */
static int icd_picker(struct ui *u, char code[ICD_LEN])
{
	static struct icd_entry found[MAX_ICD];
	struct lineedit q;
	memset(&q, 0, sizeof q);
	q.max = 60;
	int n = 0, sel = 0, top = 0;
	for (;;) {
		int rows = LINES - 9;
		ui_list_scroll(sel, &top, rows);
		ui_frame(u, "Pilih diagnosis (ICD-10)", CTX_PICK);
		ui_text(2, 2, 12, "Cari ICD-10:", A_BOLD);
		ui_text(3, 2, COLS - 4, "Kode (mis. J06) atau kata dari nama (mis. diare). Enter: pilih. Esc: batal.", A_DIM);
		for (int i = 0; i < rows && top + i < n; i++) {
			char line[200];
			snprintf(line, sizeof line, "%-7s %s", found[top + i].kode, found[top + i].nama);
			ui_text(5 + i, 2, COLS - 4, line, top + i == sel ? ui_attr_sel(u) : 0);
		}
		char typed[ICD_LEN];
		int well_formed = icd_normalize(q.buf, typed) == 0;
		if (q.len && !n)
			ui_text(5, 2, COLS - 4, well_formed ? "Kode tidak ada di daftar; Enter untuk memakai kode ini apa adanya."
							    : "Tidak ditemukan.", 0);
		curs_set(1);
		ui_edit(2, 15, 40, &q, 1);
		refresh();
		int k = ui_key(u), changed = 0;
		if (k == K_RESIZE)
			continue;
		enum action a = action_for_key(k, CTX_PICK);
		if (a == A_HELP) {
			ui_help(u);
		} else if (a == A_BACK) {
			return 0;
		} else if (a == A_OPEN) {
			if (n > 0) {
				str_copy(code, ICD_LEN, found[sel].kode);
				return 1;
			}
			if (well_formed) {
				str_copy(code, ICD_LEN, typed);
				return 1;
			}
		} else if (!ui_list_move(k, &sel, n, rows) && ui_edit_key(&q, k, &changed) && changed) {
			n = q.len ? icd_search(u->db, q.buf, found, MAX_ICD) : 0;
			sel = top = 0;
		}
	}
}

/* The diagnoses of one visit. */
static void diag_screen(struct ui *u, const struct visit_row *row)
{
	struct diagnosis *d = NULL;
	int n = diag_list(u->db, row->v.id, &d), sel = 0;
	for (;;) {
		ui_frame(u, "Diagnosis kunjungan", CTX_DIAG);
		char line[512];
		snprintf(line, sizeof line, "%s  (No. RM %s)  %s, %d th %d bl %d hr", row->nama, row->no_rm,
			 row->sex == 'P' ? "perempuan" : "laki-laki", row->v.age.years, row->v.age.months, row->v.age.days);
		ui_text(2, 2, COLS - 4, line, A_BOLD);
		snprintf(line, sizeof line, "Unit %s, antrian %d, penjamin %s, tanggal %s", row->v.unit, row->v.no_antrian,
			 row->v.penjamin, row->v.tanggal);
		ui_text(3, 2, COLS - 4, line, 0);
		ui_text(5, 2, COLS - 4, "No ICD-10  Nama                                              Kasus", A_BOLD);
		for (int i = 0; i < n && 6 + i < LINES - 4; i++) {
			snprintf(line, sizeof line, "%2d %-7s %-49.49s %s", i + 1, d[i].icd10,
				 d[i].nama[0] ? d[i].nama : "(tidak ada di daftar)", kasus_name(d[i].kasus));
			ui_text(6 + i, 2, COLS - 4, line, i == sel ? ui_attr_sel(u) : 0);
		}
		if (!n)
			ui_text(6, 2, COLS - 4, "Belum ada diagnosis. F5 atau ^N: tambah diagnosis.", 0);
		ui_text(LINES - 3, 2, COLS - 4, "Kasus: B = baru, L = lama, K = kunjungan kasus lama (tekan B, L, K atau Spasi)", A_DIM);
		curs_set(0);
		refresh();
		int k = ui_key(u);
		if (k == K_RESIZE)
			continue;
		enum action a = action_for_key(k, CTX_DIAG);
		struct sbuf err = { 0 };
		int reload = 0;
		if (a == A_HELP) {
			ui_help(u);
		} else if (a == A_BACK) {
			free(d);
			u->msg[0] = '\0';
			return;
		} else if (a == A_NEW) {
			char code[ICD_LEN];
			int added;
			if (icd_picker(u, code)) {
				if (diag_add(u->db, u->cfg, &row->v, code, 0, &added, &err) != 0)
					ui_message(u, 1, "Tidak tersimpan: %s", sb_str(&err));
				else if (!added)
					ui_message(u, 1, "%s sudah ada pada kunjungan ini", code);
				else
					ui_message(u, 0, "%s ditambahkan; kasus diisi otomatis, ubah dengan B, L atau K", code);
				reload = 1;
			}
		} else if (a == A_DELETE && n > 0) {
			char q[96];
			snprintf(q, sizeof q, "Hapus diagnosis %s?", d[sel].icd10);
			if (ui_confirm(u, q)) {
				if (diag_delete(u->db, d[sel].id, &err) != 0)
					ui_message(u, 1, "Tidak terhapus: %s", sb_str(&err));
				else
					ui_message(u, 0, "Diagnosis %s dihapus", d[sel].icd10);
				reload = 1;
			}
		} else if (n > 0 && k > 0 && k < 128 && strchr(" bBlLkK", k)) {
			char kasus = k == ' ' ? "LKB"[strchr("BLK", d[sel].kasus) - "BLK"] : (char)(k & ~0x20);
			if (diag_set_kasus(u->db, d[sel].id, kasus, &err) != 0)
				ui_message(u, 1, "Tidak tersimpan: %s", sb_str(&err));
			reload = 1;
		} else {
			ui_list_move(k, &sel, n, 10);
		}
		sb_free(&err);
		if (reload) {
			free(d);
			n = diag_list(u->db, row->v.id, &d);
			if (sel >= n)
				sel = n > 0 ? n - 1 : 0;
		}
	}
}

enum pkm_screen ui_visits(struct ui *u)
{
	struct choice units;
	choice_load(u, &units, "unit");
	int filter = -1, sel = 0, top = 0;	/* -1 = every unit */
	struct visit_row *rows = NULL;
	int n = visit_list_day(u->db, u->today, NULL, &rows);
	for (;;) {
		int page = LINES - 8;
		ui_list_scroll(sel, &top, page);
		ui_frame(u, "Kunjungan hari ini", CTX_MAIN | CTX_VISITS);
		char line[256];
		snprintf(line, sizeof line, "Tanggal %02d-%02d-%04d   Unit: %s   (%d kunjungan; Tab: ganti unit)", u->today.d,
			 u->today.m, u->today.y, filter < 0 ? "semua" : units.label[filter], n);
		ui_text(2, 2, COLS - 4, line, A_BOLD);
		ui_text(4, 2, COLS - 4, "Unit     No  No. RM   Nama                          JK Umur   Penjamin     Dx", A_BOLD);
		for (int i = 0; i < page && top + i < n; i++) {
			const struct visit_row *r = &rows[top + i];
			snprintf(line, sizeof line, "%-8s %3d %-8s %-29.29s %c  %3d th %-12.12s %2d", r->v.unit, r->v.no_antrian,
				 r->no_rm, r->nama, r->sex, r->v.age.years, r->v.penjamin, r->n_diag);
			ui_text(5 + i, 2, COLS - 4, line, top + i == sel ? ui_attr_sel(u) : 0);
		}
		if (!n)
			ui_text(5, 2, COLS - 4, "Belum ada kunjungan. Daftarkan pasien di layar Pendaftaran (F2).", 0);
		curs_set(0);
		refresh();
		int k = ui_key(u);
		if (k == K_RESIZE)
			continue;
		enum action a = action_for_key(k, CTX_MAIN | CTX_VISITS);
		int next = ui_main_action(u, a);
		if (next >= 0 && next != SCR_VISITS) {
			free(rows);
			return (enum pkm_screen)next;
		}
		int reload = 0;
		if (a == A_UNIT) {
			filter = filter + 1 < units.n ? filter + 1 : -1;
			reload = 1;
		} else if (a == A_OPEN && n > 0) {
			diag_screen(u, &rows[sel]);
			reload = 1;
		} else {
			ui_list_move(k, &sel, n, page);
		}
		if (reload) {
			free(rows);
			n = visit_list_day(u->db, u->today, filter < 0 ? NULL : units.code[filter], &rows);
			if (sel >= n)
				sel = n > 0 ? n - 1 : 0;
		}
	}
}
