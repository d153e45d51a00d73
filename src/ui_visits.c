/* Kunjungan hari ini: the day's visits per unit, and the diagnoses of a visit. */
#include "ui_priv.h"
#include "pkm/audit.h"
#include "pkm/db.h"
#include "pkm/final_month.h"
#include "pkm/icd_list.h"
#include "pkm/tindakan.h"
#include "pkm/stock.h"
#include <stdlib.h>
#include <string.h>

#define MAX_ICD 200

/* The selected code in full under the list: its whole name (wrapped), the
 * synonym that found it, how often this unit used it, new this month or not. */
static void draw_detail(int y, const struct icd_entry *e, char (*month)[ICD_LEN], int n_month)
{
	int w = COLS - 4, had = 0;
	for (int i = 0; i < n_month; i++)
		had |= strcmp(month[i], e->kode) == 0;
	char line[400];
	snprintf(line, sizeof line, "%s %s", e->kode, e->nama[0] ? e->nama : "(tidak ada di daftar ICD-10)");
	size_t cut = utf8_prefix(line, w);
	ui_text(y, 2, w, line, A_BOLD);
	ui_text(y + 1, 2, w, line + cut, A_BOLD);
	snprintf(line, sizeof line, "%s%s%s", had ? "sudah didiagnosis bulan ini" : "baru bulan ini untuk pasien ini",
		 e->via[0] ? " | sinonim: " : "", e->via);
	if (e->uses)
		snprintf(line + strlen(line), sizeof line - strlen(line), " | unit ini %dx/90 hari", e->uses);
	ui_text(y + 2, 2, w, line, A_DIM);
}

/* Pick an ICD-10 code by code prefix, words of the name or a synonym, the
 * unit's most used first. 1 with code set. */
static int icd_picker(struct ui *u, const struct visit *v, char code[ICD_LEN])
{
	static struct icd_entry found[MAX_ICD];
	static char month[64][ICD_LEN];
	struct icd_usage use;
	icd_usage_load(u->db, v->unit, u->today, &use);
	int n_month = diag_month_codes(u->db, v, month, 64);
	if (n_month < 0) {
		ui_message(u, 1, "diagnosis bulan ini tidak terbaca: %s", sqlite3_errmsg(u->db));
		n_month = 0;
	}
	struct lineedit q;
	memset(&q, 0, sizeof q);
	q.max = 60;
	int n = 0, sel = 0, top = 0, picked = 0;
	for (;;) {
		int rows = LINES - 12;
		ui_list_scroll(sel, &top, rows);
		ui_frame(u, "Pilih diagnosis (ICD-10)", CTX_PICK);
		ui_text(2, 2, 12, "Cari ICD-10:", A_BOLD);
		ui_text(3, 2, COLS - 4, "Kode (J06), kata nama (diare) atau istilah (maag). Enter: pilih, Esc: batal.",
			A_DIM);
		for (int i = 0; i < rows && top + i < n; i++) {
			const struct icd_entry *e = &found[top + i];
			char line[400];
			snprintf(line, sizeof line, "%-7s %s%s%s%s", e->kode, e->via[0] ? "[" : "", e->via,
				 e->via[0] ? "] " : "", e->nama);
			ui_text(5 + i, 2, COLS - 4, line, top + i == sel ? ui_attr_sel(u) : 0);
		}
		if (n)
			draw_detail(LINES - 6, &found[sel], month, n_month);
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
			break;
		} else if (a == A_OPEN && (n > 0 || well_formed)) {
			str_copy(code, ICD_LEN, n > 0 ? found[sel].kode : typed);
			picked = 1;
			break;
		} else if (!ui_list_move(k, &sel, n, rows) && ui_edit_key(&q, k, &changed) && changed) {
			n = q.len ? icd_search(u->db, q.buf, &use, found, MAX_ICD) : 0;
			if (n < 0) {
				ui_message(u, 1, "daftar ICD-10 tidak terbaca: %s", sqlite3_errmsg(u->db));
				n = 0;
			}
			sel = top = 0;
		}
	}
	icd_usage_free(&use);
	return picked;
}

/* What the visit screen lists: the diagnoses, then the forms that apply. */
struct visit_items {
	struct diagnosis *d;
	int n_diag, n_forms;
	int n_resep, n_waiting;	/* prescription lines, and those not dispensed yet */
	int clinical, resep;	/* may the user see diagnoses and forms, prescriptions */
	int form[64];		/* index into u->forms */
	int filled[64];
	char tindakan[120];	/* the procedures' codes, "" for none */
};

static void load_items(struct ui *u, const struct visit_row *row, struct visit_items *it)
{
	free(it->d);
	it->d = NULL;
	it->clinical = user_sees_unit(&u->user, row->v.unit);
	it->resep = user_sees_resep(&u->user, row->v.unit);
	it->n_diag = it->clinical ? diag_list(u->db, row->v.id, &it->d) : 0;
	if (it->n_diag < 0) {
		ui_message(u, 1, "Diagnosis kunjungan ini tidak terbaca seluruhnya; coba buka lagi");
		it->n_diag = 0;
	}
	if (it->n_diag < 0)
		it->n_diag = 0;
	it->n_forms = 0;
	for (int i = 0; it->clinical && i < u->forms.n && it->n_forms < 64; i++)
		if (form_applies(&u->forms.forms[i], row->v.unit, row->sex, &row->v.age)) {
			it->form[it->n_forms] = i;
			it->filled[it->n_forms++] = form_filled(u->db, &u->forms.forms[i], row->v.id);
		}
	struct resep_row r[RESEP_MAX];
	it->n_resep = it->resep ? resep_list(u->db, row->v.id, r, RESEP_MAX) : 0;
	if (it->n_resep < 0) {
		ui_message(u, 1, "resep tidak terbaca: %s", sqlite3_errmsg(u->db));
		it->n_resep = 0;
	}
	it->n_waiting = 0;
	for (int i = 0; i < it->n_resep; i++)
		it->n_waiting += r[i].open;
	struct tindakan_row t[12];
	int n_t = it->clinical ? tindakan_list(u->db, row->v.id, t, (int)ARRAY_LEN(t)) : 0;
	it->tindakan[0] = '\0';
	for (int i = 0; i < n_t; i++)
		snprintf(it->tindakan + strlen(it->tindakan), sizeof it->tindakan - strlen(it->tindakan), "%s%s",
			 i ? ", " : "", t[i].icd9);
}

static void draw_visit(struct ui *u, const struct visit_row *row, const struct visit_items *it, int sel, int *top)
{
	ui_frame(u, "Kunjungan pasien", CTX_DIAG);
	char line[512], day[11], age[16], payer[80];
	snprintf(line, sizeof line, "%s  (No. RM %s)  %s, %s", row->nama, row->no_rm, dict_sex_label(row->sex),
		 age_show(&row->v.age, age, sizeof age));
	ui_text(2, 2, COLS - 4, line, A_BOLD);
	ui_allergies(u, row->v.pasien_id);
	snprintf(line, sizeof line, "Unit %s, antrian %d, penjamin %s, tanggal %s", row->v.unit, row->v.no_antrian,
		 dict_label(u->db, "kunjungan", "penjamin", row->v.penjamin, payer, sizeof payer),
		 date_show(row->v.tanggal, day));
	ui_text(3, 2, COLS - 4, line, 0);
	/* one list of lines: headings (-1), notes (-2), then item numbers: diagnoses,
	 * forms, and the prescription last */
	int n_items = it->n_diag + it->n_forms + 1, n_lines = 0, sel_line = 0;
	char (*text)[160] = xcalloc((size_t)n_items + 7, sizeof *text);
	int *item_of = xcalloc((size_t)n_items + 7, sizeof *item_of);
	snprintf(text[n_lines], 160, it->clinical ? "Diagnosis (F5: tambah, F8: hapus, B/L/K: kasus)" : "Diagnosis");
	item_of[n_lines++] = -1;
	if (!it->clinical) {
		snprintf(text[n_lines], 160, "   Diagnosis dan formulir hanya untuk tenaga kesehatan unit %s.", row->v.unit);
		item_of[n_lines++] = -2;
	} else if (!it->n_diag) {
		snprintf(text[n_lines], 160, "   Belum ada diagnosis. F5 atau ^N: tambah diagnosis.");
		item_of[n_lines++] = -2;
	}
	for (int i = 0; i < it->n_diag; i++) {
		snprintf(text[n_lines], 160, "%2d %-7s %-49.49s %s", i + 1, it->d[i].icd10,
			 it->d[i].nama[0] ? it->d[i].nama : "(tidak ada di daftar)", kasus_name(it->d[i].kasus));
		item_of[n_lines++] = i;
	}
	snprintf(text[n_lines], 160, "Formulir untuk pasien dan unit ini (Enter: isi atau ubah)");
	item_of[n_lines++] = -1;
	for (int i = 0; i < it->n_forms; i++) {
		const struct form *f = &u->forms.forms[it->form[i]];
		snprintf(text[n_lines], 160, "   [%c] %s", it->filled[i] ? 'x' : ' ', f->title);
		item_of[n_lines++] = it->n_diag + i;
	}
	if (!it->n_forms && it->clinical) {
		snprintf(text[n_lines], 160, "   Tidak ada formulir untuk unit %s dan pasien ini.", row->v.unit);
		item_of[n_lines++] = -2;
	}
	snprintf(text[n_lines], 160, "Farmasi");
	item_of[n_lines++] = -1;
	if (it->resep)
		snprintf(text[n_lines], 160, "   Resep obat: %d obat, %d belum diserahkan (Enter: buka)", it->n_resep,
			 it->n_waiting);
	else
		snprintf(text[n_lines], 160, "   Resep hanya untuk farmasi dan tenaga kesehatan unit %s.", row->v.unit);
	item_of[n_lines++] = it->resep ? n_items - 1 : -2;
	if (it->clinical) {
		snprintf(text[n_lines], 160, "Tindakan (F9): %s", it->tindakan[0] ? it->tindakan : "belum ada");
		item_of[n_lines++] = -1;
	}
	for (int k = 0; k < n_lines; k++)
		if (item_of[k] == sel)
			sel_line = k;
	int rows = LINES - 9;
	ui_list_scroll(sel_line == 1 ? 0 : sel_line, top, rows);	/* the first item shows its heading */
	for (int k = *top; k < n_lines && k - *top < rows; k++)
		ui_text(5 + k - *top, 2, COLS - 4, text[k],
			item_of[k] == -1 ? A_BOLD : item_of[k] == sel && sel >= 0 ? ui_attr_sel(u) : 0);
	ui_text(LINES - 3, 2, COLS - 4, "Kasus: B baru, L lama, K kunjungan kasus lama. [x] = formulir sudah diisi", A_DIM);
	free(text);
	free(item_of);
	curs_set(0);
	refresh();
}

int ui_warnings_accepted(struct ui *u, struct sbuf *w)
{
	int ok = 1;
	for (char *line = w->s, *end; ok && line && *line; line = end ? end + 1 : NULL) {
		end = strchr(line, '\n');
		if (end)
			*end = '\0';
		char q[400];
		snprintf(q, sizeof q, "Perhatian: %s. Simpan juga?", line);
		ok = ui_confirm(u, q);
	}
	sb_free(w);
	if (!ok)
		ui_message(u, 0, "Belum disimpan: periksa isian, lalu simpan lagi.");
	return ok;
}

/* F5: pick a code and add it with its case flag pre-filled; 1 with `code` set
 * when a diagnosis was added. */
static int add_diagnosis(struct ui *u, const struct visit_row *row, char code[ICD_LEN])
{
	int added = 0;
	struct sbuf err = { 0 }, w = { 0 };
	if (!icd_picker(u, &row->v, code))
		return 0;
	diag_warnings(u->db, &row->v, code, &w);
	if (!ui_warnings_accepted(u, &w))
		return 0;
	if (diag_add(u->db, u->cfg, &row->v, code, 0, &added, &err) != 0)
		ui_message(u, 1, "Tidak tersimpan: %s", sb_str(&err));
	else if (!added)
		ui_message(u, 1, "%s sudah ada pada kunjungan ini", code);
	else
		ui_message(u, 0, "%s ditambahkan; kasus diisi otomatis, ubah dengan B, L atau K", code);
	sb_free(&err);
	return added;
}

/* One visit: its diagnoses and its cluster forms. */
static void visit_screen(struct ui *u, const struct visit_row *row)
{
	struct visit_items it = { 0 };
	u->msg[0] = '\0';	/* what the list said was about another visit */
	load_items(u, row, &it);
	int sel = 0, top = 0;
	for (;;) {
		int n = it.n_diag + it.n_forms + 1;
		if (sel >= n)
			sel = n > 0 ? n - 1 : 0;
		draw_visit(u, row, &it, sel, &top);
		int k = ui_key(u);
		if (k == K_RESIZE)
			continue;
		enum action a = action_for_key(k, CTX_DIAG);
		struct sbuf err = { 0 };
		int on_diag = sel >= 0 && sel < it.n_diag, on_form = sel >= it.n_diag && sel < n - 1, reload = 1;
		if (a == A_HELP) {
			ui_help(u);
		} else if (a == A_BACK) {
			free(it.d);
			u->msg[0] = '\0';
			return;
		} else if (a == A_HISTORY) {
			struct patient p = { .id = row->v.pasien_id, .sex = row->sex };
			str_copy(p.no_rm, sizeof p.no_rm, row->no_rm);
			str_copy(p.nama, sizeof p.nama, row->nama);
			ui_history(u, &p);
			reload = 0;
		} else if (a == A_ALLERGY) {
			char who[300];
			snprintf(who, sizeof who, "%s (No. RM %s)", row->nama, row->no_rm);
			ui_alergi(u, row->v.pasien_id, row->v.id, who);
		} else if (a == A_PROCEDURE && it.clinical) {
			ui_tindakan(u, row);
		} else if (a == A_ADD && it.clinical) {
			/* the new diagnosis is selected: B, L, K and F8 act on it */
			char code[ICD_LEN];
			if (add_diagnosis(u, row, code)) {
				load_items(u, row, &it);
				reload = 0;
				for (int i = 0; i < it.n_diag; i++)
					if (strcmp(it.d[i].icd10, code) == 0)
						sel = i;
			}
		} else if (a == A_OPEN && on_form) {
			int fi = sel - it.n_diag;
			if (ui_form(u, &u->forms.forms[it.form[fi]], row)) {
				load_items(u, row, &it);
				reload = 0;
				for (int j = 1; j <= it.n_forms; j++)	/* on to the next form still empty */
					if (!it.filled[(fi + j) % it.n_forms]) {
						sel = it.n_diag + (fi + j) % it.n_forms;
						break;
					}
			}
		} else if (a == A_OPEN && sel == n - 1 && it.resep) {
			ui_resep(u, row);
		} else if (a == A_DELETE && on_diag) {
			char q[96];
			snprintf(q, sizeof q, "Hapus diagnosis %s?", it.d[sel].icd10);
			if (ui_confirm(u, q)) {
				if (diag_delete(u->db, it.d[sel].id, &err) != 0)
					ui_message(u, 1, "Tidak terhapus: %s", sb_str(&err));
				else
					ui_message(u, 0, "Diagnosis %s dihapus", it.d[sel].icd10);
			}
		} else if (on_diag && k > 0 && k < 128 && strchr(" bBlLkK", k)) {
			char kasus = k == ' ' ? "LKB"[strchr("BLK", it.d[sel].kasus) - "BLK"] : (char)(k & ~0x20);
			if (diag_set_kasus(u->db, it.d[sel].id, kasus, &err) != 0)
				ui_message(u, 1, "Tidak tersimpan: %s", sb_str(&err));
		} else {
			ui_list_move(k, &sel, n, 10);
			reload = 0;
		}
		sb_free(&err);
		if (reload)
			load_items(u, row, &it);
	}
}

/* A visit older than [kunjungan] ubah_hari days, or of a month whose report is
 * signed off (pkm/final.h) whatever its age, is changed only with a reason,
 * which goes into the audit trail before anything else is written. */
int ui_visit_may_change(struct ui *u, const struct visit_row *row)
{
	struct date day;
	char signed_[64] = "";
	if (date_parse(row->v.tanggal, &day) != 0)
		return 1;
	long age = date_to_days(u->today) - date_to_days(day);
	int final = final_day_signed(u->db, row->v.tanggal, NULL, signed_, sizeof signed_);
	if (age <= u->cfg->edit_days && final == 0)
		return 1;
	char label[160], month[8], what[120];
	if (final != 0) {
		snprintf(label, sizeof label, "Bulan %s sudah FINAL. Alasan mengubah:", month_show(day, month));
		snprintf(what, sizeof what, "kunjungan bulan FINAL (%s) dibuka untuk diubah", signed_);
	} else {
		snprintf(label, sizeof label, "Kunjungan %ld hari lalu. Alasan mengubah:", age);
		snprintf(what, sizeof what, "kunjungan lama dibuka untuk diubah");
	}
	int rc = ui_reason_asked(u, label, "kunjungan", row->v.id, row->v.pasien_id, what);
	if (rc == 0)
		ui_message(u, 1, "Tanpa alasan kunjungan %s tidak diubah%s", final != 0 ? "bulan FINAL" : "lama",
			   action_allowed(&pkm_actions[A_REGISTER - 1]) ? "; lihat di Riwayat (F7 di Pendaftaran)" : "");
	return rc > 0;
}

/* Enter on a visit, from the day's list or from Periksa data: a cancelled one
 * says so, an old one asks the reason first. */
static void open_row(struct ui *u, const struct visit_row *row)
{
	if (row->v.batal[0])
		ui_message(u, 1, "Kunjungan ini dibatalkan (%s); daftarkan lagi untuk memulihkannya", row->v.batal);
	else if (ui_visit_may_change(u, row))
		visit_screen(u, row);
}

void ui_visit_open(struct ui *u, long visit_id)
{
	struct visit_row row;
	int found = visit_row_get(u->db, visit_id, &row);
	if (found == 1)
		open_row(u, &row);
	else if (found == 0)
		ui_message(u, 1, "Kunjungan itu tidak ada lagi");
	else
		ui_message(u, 1, "Kunjungan tidak terbaca: %s", sqlite3_errmsg(u->db));
}

/* The units the visit list filters by; past UNITS_MAX the list says so
 * rather than drop one silently. */
#define UNITS_MAX 32
struct units {
	int n;
	char code[UNITS_MAX][24];
	char label[UNITS_MAX][80];
};

static void load_units(struct ui *u, struct units *c)
{
	struct column_def def = { .type = T_UNIT };
	c->n = dict_options(u->db, &def, c->code, c->label, UNITS_MAX);
	long all = db_query_long(u->db, "SELECT count(*) FROM unit", 0);
	if (all > c->n)
		ui_message(u, 1, "Hanya %d dari %ld unit yang dapat dipilih di sini", c->n, all);
}

enum pkm_screen ui_visits(struct ui *u)
{
	struct units units;
	load_units(u, &units);
	/* a health worker's list holds its own units only */
	int own = strcmp(u->user.peran, "NAKES") == 0, kept = 0;
	for (int i = 0; own && i < units.n; i++)
		if (user_sees_unit(&u->user, units.code[i])) {
			memmove(units.code[kept], units.code[i], sizeof units.code[0]);
			memmove(units.label[kept++], units.label[i], sizeof units.label[0]);
		}
	if (own)
		units.n = kept;
	int filter = own && kept ? 0 : -1, sel = 0, top = 0;	/* -1 = every unit */
	struct date day = u->today;	/* another day: yesterday's forms, a discharge, who came */
	struct visit_row *rows = NULL;
	int n = visit_list_day(u->db, day, filter < 0 ? NULL : units.code[filter], &rows);
	if (n < 0) {
		ui_message(u, 1, "Daftar kunjungan tidak terbaca seluruhnya; coba lagi (F3)");
		n = 0;
	}
	for (;;) {
		int page = LINES - 8;
		ui_list_scroll(sel, &top, page);
		int today = date_cmp(day, u->today) == 0;
		ui_frame(u, today ? "Kunjungan hari ini" : "Kunjungan hari lain", CTX_MAIN | CTX_VISITS);
		char line[512], age[16], payer[80];
		snprintf(line, sizeof line, "Tanggal %02d-%02d-%04d  Unit: %s  (%d kunjungan; Tab: ganti unit; < >: hari)", day.d,
			 day.m, day.y, filter < 0 ? "semua" : units.label[filter], n);
		ui_text(2, 2, COLS - 4, line, A_BOLD);
		ui_text(4, 2, COLS - 4, "Unit     No  No. RM   Nama                       JK Umur   Penjamin      Dx", A_BOLD);
		for (int i = 0; i < page && top + i < n; i++) {
			const struct visit_row *r = &rows[top + i];
			snprintf(line, sizeof line, "%-8s %3d %-8s %-26.26s %c  %6s %-13.13s %2d", r->v.unit, r->v.no_antrian,
				 r->no_rm, r->nama, r->sex, age_show(&r->v.age, age, sizeof age),
				 dict_label(u->db, "kunjungan", "penjamin", r->v.penjamin, payer, sizeof payer), r->n_diag);
			if (r->v.batal[0])	/* kept on the list (the number stays taken), never counted */
				snprintf(line, sizeof line, "%-8s %3d %-8s %-26.26s BATAL: %s", r->v.unit, r->v.no_antrian,
					 r->no_rm, r->nama, r->v.batal);
			ui_text(5 + i, 2, COLS - 4, line,
				top + i == sel ? ui_attr_sel(u) : r->v.batal[0] ? A_DIM : 0);
		}
		if (!n)
			ui_text(5, 2, COLS - 4, action_allowed(&pkm_actions[A_REGISTER - 1])
							? "Belum ada kunjungan. Daftarkan pasien di layar Pendaftaran (F2)."
							: "Belum ada kunjungan.", 0);
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
			filter = filter + 1 < units.n ? filter + 1 : own ? 0 : -1;
			reload = 1;
		} else if (a == A_DASBOR) {
			ui_dasbor(u);
		} else if (a == A_CORRECT && n > 0) {
			if (ui_visit_may_change(u, &rows[sel]))
				ui_visit_fix(u, &rows[sel]);
			reload = 1;
		} else if (a == A_OPEN && n > 0) {
			open_row(u, &rows[sel]);
			reload = !rows[sel].v.batal[0];
		} else if (a == A_PREVDAY || a == A_NEXTDAY) {
			struct date d = date_from_days(date_to_days(day) + (a == A_PREVDAY ? -1 : 1));
			if (date_cmp(d, u->today) <= 0)	/* nobody has come on a day still to come */
				day = d;
			reload = 1;
		} else if (a == A_DAY) {
			struct lineedit typed;
			memset(&typed, 0, sizeof typed);
			char shown[11];
			le_set(&typed, date_show(date_format(day, shown), line));
			struct date d;
			if (ui_ask(u, "Tanggal kunjungan (DD-MM-YYYY):", &typed)) {
				if (date_parse_user(typed.buf, &d) != 0 || date_cmp(d, u->today) > 0)
					ui_message(u, 1, "Tanggal tidak sah atau setelah hari ini: %s", typed.buf);
				else
					day = d;
			}
			reload = 1;
		} else {
			ui_list_move(k, &sel, n, page);
		}
		if (reload) {
			free(rows);
			n = visit_list_day(u->db, day, filter < 0 ? NULL : units.code[filter], &rows);
			if (n < 0) {
				ui_message(u, 1, "Daftar kunjungan tidak terbaca seluruhnya; coba lagi (F3)");
				n = 0;
			}
			if (sel >= n)
				sel = n > 0 ? n - 1 : 0;
		}
	}
}
