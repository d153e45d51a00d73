/* Pendaftaran: find a patient as you type, register a new one, open today's visit. */
#include "ui_priv.h"
#include "pkm/dict.h"
#include "pkm/kirim_exec.h"
#include "pkm/pcare_member.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_FOUND 200

/* ---- today's visit for a patient ---- */

/* A patient whose card P-Care can be asked about, by its number or NIK. */
static const char *card_of(const struct ui *u, const struct patient *p, const char *payer)
{
	if (!u->cfg->pcare.aktif || !dict_payer_needs_bpjs(u->db, payer))
		return NULL;
	return p->no_bpjs[0] ? p->no_bpjs : p->nik[0] ? p->nik : NULL;
}

/* What P-Care said of the card last (kept in pcare_peserta), in words; 0 when
 * it was never asked. *bad: the card cannot be used here. */
static int card_known(struct ui *u, const struct patient *p, char *out, size_t size, int *bad)
{
	struct pcare_member m;
	struct sbuf err = { 0 };
	int found = pcare_member_get(u->db, p->no_bpjs, p->nik, &m, &err);
	sb_free(&err);
	if (found != 1)
		return 0;
	pcare_member_words(&m, u->cfg->pcare.kd_provider, out, size);
	*bad = !m.aktif || (*u->cfg->pcare.kd_provider && strcmp(m.kd_provider, u->cfg->pcare.kd_provider) != 0);
	return 1;
}

/* Ask P-Care about the card now, waiting at most [pcare] cek_waktu seconds:
 * no answer in time leaves the check to the sender, which asks again. */
static void card_check(struct ui *u, const struct patient *p, const char *number, char *out, size_t size, int *bad)
{
	ui_text(ui_msg_y(u), 0, COLS, "Memeriksa kartu BPJS di P-Care...", A_BOLD);
	refresh();
	enum card_check r = kirim_card_check(u->db_path, u->cfg->file, number, u->cfg->pcare.cek_waktu);
	*bad = r == CARD_UNKNOWN;
	if (r == CARD_NO_ANSWER)
		snprintf(out, size, "Kartu BPJS belum diperiksa: P-Care tidak menjawab dalam %ld detik (diperiksa lagi "
			 "saat kunjungan dikirim)", u->cfg->pcare.cek_waktu);
	else if (r == CARD_UNKNOWN)
		snprintf(out, size, "%s %s TIDAK DIKENAL P-Care: periksa nomornya", p->no_bpjs[0] ? "No. BPJS" : "NIK", number);
	else if (!card_known(u, p, out, size, bad))
		snprintf(out, size, "Kartu BPJS belum diperiksa");
}

int ui_card_check(struct ui *u, const struct patient *p, const char *payer, char *out, size_t size, int *bad)
{
	const char *card = card_of(u, p, payer);
	*bad = 0;
	if (!card)
		return 0;
	card_check(u, p, card, out, size, bad);
	return 1;
}

static int save_visit(struct ui *u, struct dlg_field *f, void *ctx, struct field_errors *fe, struct sbuf *err)
{
	const struct patient *p = ctx;
	char unit[24], payer[24];
	dict_check_field(u->db, "kunjungan", "unit", "unit", f[0].le.buf, unit, sizeof unit, fe);
	dict_check_field(u->db, "kunjungan", "penjamin", "penjamin", f[1].le.buf, payer, sizeof payer, fe);
	if (fe->n)
		return -1;
	struct visit v;
	int created;
	if (visit_open(u->db, p, u->today, unit, payer, &v, &created, err) != 0)
		return -1;
	char said[200] = "";
	int bad = 0;
	ui_card_check(u, p, payer, said, sizeof said, &bad);
	ui_message(u, bad, created ? "Kunjungan %s tersimpan: %s, antrian %d%s%s" : "%s sudah terdaftar hari ini di %s, "
		   "antrian %d%s%s", p->nama, v.unit, v.no_antrian, *said ? ". " : "", said);
	return 0;
}

int ui_visit_dialog(struct ui *u, const struct patient *p)
{
	struct dlg_field f[2] = {
		{ .name = "unit", .table = "kunjungan", .column = "unit" },
		{ .name = "penjamin", .table = "kunjungan", .column = "penjamin" },
	};
	struct visit last;
	struct date birth;
	struct age age = { 0 };
	if (date_parse(p->tanggal_lahir, &birth) == 0)
		age_at(birth, u->today, &age);
	int had = visit_last(u->db, p->id, &last) == 1;
	le_set(&f[0].le, visit_default_unit(had ? &last : NULL, age));
	le_set(&f[1].le, had ? last.penjamin : p->penjamin);
	char intro[1700], born[11], known[200], said[216] = "", aged[16];
	int bad;
	if (card_of(u, p, f[1].le.buf) && card_known(u, p, known, sizeof known, &bad))
		snprintf(said, sizeof said, "P-Care: %s", known);
	snprintf(intro, sizeof intro, "%s  (No. RM %s)\n%s, %s, lahir %s%s\nNIK %s   No. BPJS %s   %s %s%s%s",
		 p->nama, p->no_rm, dict_sex_label(p->sex), age_show(&age, aged, sizeof aged), date_show(p->tanggal_lahir, born),
		 p->lahir_perkiraan ? " (perkiraan)" : "", p->nik[0] ? p->nik : "-", p->no_bpjs[0] ? p->no_bpjs : "-",
		 p->alamat, p->desa, *said ? "\n" : "", said);
	return ui_dialog_in(u, CTX_FORM | DLG_ENTER_SAVES, "Kunjungan hari ini", intro, f, 2, save_visit, (void *)p);
}

/* ---- the search screen ---- */

/* A found patient as its line in the list: the whole record (1.2 KB; 200 of
 * them a quarter megabyte kept resident by the desk) is read again by id for
 * the selected one only. */
struct found {
	long id;
	char line[128];
};

static void found_set(sqlite3 *db, struct found *f, const struct patient *p)
{
	char born[11], payer[80];
	f->id = p->id;
	snprintf(f->line, sizeof f->line, "%-7s %-26.26s %c  %s %-13.13s %s", p->no_rm, p->nama, p->sex,
		 date_show(p->tanggal_lahir, born), p->desa[0] ? p->desa : "-",
		 dict_label(db, "pasien", "penjamin", p->penjamin, payer, sizeof payer));
}

/* The patients the query finds, as list lines, and how many matched in
 * `said`; -1 when the list cannot be read. */
static int found_search(sqlite3 *db, const char *query, struct found *out, char *said, size_t size)
{
	struct patient *all = xmalloc((MAX_FOUND + 1) * sizeof *all);
	int n = patient_list(db, query, all, MAX_FOUND, said, size);
	for (int i = 0; i < n; i++)
		found_set(db, &out[i], &all[i]);
	free(all);
	return n;
}

/* The list's rows: between its heading and the selected patient's two lines. */
static int list_rows(void) { return LINES - 11; }

static void register_draw(struct ui *u, struct lineedit *q, const struct found *found, int n, int sel, int top,
			  const struct patient *p, const char *said)
{
	ui_frame(u, "Pendaftaran", CTX_MAIN | CTX_SEARCH);
	ui_text(2, 2, 6, "Cari:", A_BOLD);
	ui_text(3, 2, COLS - 4, "No. RM, NIK, No. BPJS, nama + tahun/tgl lahir (siti 1989), ibu <nama ibu>", A_DIM);
	ui_text(5, 2, COLS - 4, "No. RM  Nama                       JK Tgl lahir  Desa          Penjamin", A_BOLD);
	int rows = list_rows();
	for (int i = 0; i < rows && top + i < n; i++)
		ui_text(6 + i, 2, COLS - 4, found[top + i].line, top + i == sel ? ui_attr_sel(u) : 0);
	if (p) {	/* the selected patient in full: two Sitis of one village told apart */
		char line[1024];
		/* the numbers first: a long address is what gets cut at 80 columns */
		snprintf(line, sizeof line, "NIK %s | No. BPJS %s | %s%s%s, %s", p->nik[0] ? p->nik : "-",
			 p->no_bpjs[0] ? p->no_bpjs : "-", p->alamat[0] ? p->alamat : "(alamat kosong)",
			 p->rt_rw[0] ? " RT/RW " : "", p->rt_rw, p->desa[0] ? p->desa : "-");
		ui_text(LINES - 5, 2, COLS - 4, line, A_DIM);
		if (p->nama_ibu[0] || p->no_hp[0] || p->no_kk[0]) {
			snprintf(line, sizeof line, "Ibu %s | HP %s | No. KK %s", p->nama_ibu[0] ? p->nama_ibu : "-",
				 p->no_hp[0] ? p->no_hp : "-", p->no_kk[0] ? p->no_kk : "-");
			ui_text(LINES - 4, 2, COLS - 4, line, A_DIM);
		}
	}
	if (q->len && !n)
		ui_text(6, 2, COLS - 4, "Tidak ditemukan. F5 atau ^N: daftarkan pasien baru.", 0);
	else if (q->len)	/* how many matched: "lebih dari 200" asks for one more word */
		ui_text(4, 2, COLS - 4, said, A_DIM);
	curs_set(1);
	ui_edit(2, 8, 40, q, 1);
	refresh();
}

enum pkm_screen ui_register(struct ui *u)
{
	static struct found found[MAX_FOUND];
	struct patient cur;	/* the selected one, read by id */
	struct lineedit q;
	memset(&q, 0, sizeof q);
	q.max = 100;
	int n = 0, sel = 0, top = 0;
	char said[96] = "";
	for (;;) {
		int rows = list_rows();
		ui_list_scroll(sel, &top, rows);
		int have = n > 0 && patient_get(u->db, found[sel].id, &cur) == 1;
		register_draw(u, &q, found, n, sel, top, have ? &cur : NULL, said);
		int k = ui_key(u), changed = 0;
		if (k == K_RESIZE)
			continue;
		enum action a = action_for_key(k, CTX_MAIN | CTX_SEARCH);
		int next = ui_main_action(u, a);
		if (next >= 0 && next != SCR_REGISTER)
			return (enum pkm_screen)next;
		if (a == A_CLEAR) {
			le_set(&q, "");
			n = 0;
			continue;
		}
		if (a == A_EDIT && have) {
			struct patient p;
			if (ui_patient_form(u, &cur, "", &p))
				found_set(u->db, &found[sel], &p);	/* the list shows what was saved */
			continue;
		}
		if (a == A_HISTORY && have) {
			ui_history(u, &cur);
			continue;
		}
		if (a == A_NEW) {
			struct patient p;
			if (ui_patient_form(u, NULL, q.buf, &p) && ui_visit_dialog(u, &p)) {
				le_set(&q, "");
				n = 0;
			}
			continue;
		}
		if (a == A_OPEN && have) {
			if (ui_visit_dialog(u, &cur)) {
				le_set(&q, "");
				n = 0;
			}
			continue;
		}
		if (k == K_ESC) {
			le_set(&q, "");
			changed = 1;
		} else if (!ui_list_move(k, &sel, n, rows)) {
			ui_edit_key(&q, k, &changed);
		}
		if (changed) {
			u->msg[0] = '\0';
			char t[128];
			str_copy(t, sizeof t, q.buf);
			n = str_trim(t)[0] ? found_search(u->db, t, found, said, sizeof said) : 0;
			if (n < 0) {
				ui_message(u, 1, "daftar pasien tidak terbaca: %s", sqlite3_errmsg(u->db));
				n = 0;
			}
			sel = top = 0;
		}
	}
}
