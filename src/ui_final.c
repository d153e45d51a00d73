/* Signing a monthly report off from its viewer (F5): the same core as
 * `pkm laporan final` (pkm/final.h), after a yes. */
#include "ui_priv.h"
#include "pkm/audit.h"
#include "pkm/final.h"
#include <string.h>

void ui_final_sign(struct ui *u, const char *name, const char *month)
{
	char rname[16], shown[8], q[256];
	struct date first, next;
	str_copy(rname, sizeof rname, name);
	str_upper(rname);
	month_parse(month, &first, &next);
	month_show(first, shown);
	enum month_state st;
	if (month_state(month, u->today, &st) == 0 && st != MONTH_ENDED) {	/* said before a question */
		ui_message(u, 1, "Bulan %s belum berakhir: laporannya belum dapat difinalkan", shown);
		return;
	}
	const char *who = u->user.nama_lengkap[0] ? u->user.nama_lengkap : u->user.nama;
	snprintf(q, sizeof q, "Tandatangani %s %s sebagai FINAL atas nama %s? Nilai selnya disimpan.", rname, shown, who);
	if (!ui_confirm(u, q)) {
		ui_message(u, 0, "Tidak ditandatangani");
		return;
	}
	struct final_sign f;
	struct sbuf err = { 0 };
	if (final_sign(u->db, u->cfg, name, month, who, &f, &err) == 0)
		ui_message(u, 0, "%s %s FINAL v%d, sidik %.8s", rname, shown, f.versi, f.sidik);
	else
		ui_message(u, 1, "Tidak ditandatangani: %s", sb_str(&err));
	sb_free(&err);
}

int ui_reason_asked(struct ui *u, const char *label, const char *table, long row, long pasien_id, const char *what)
{
	struct lineedit why;
	memset(&why, 0, sizeof why);
	why.max = 150;
	if (!ui_ask(u, label, &why) || !str_trim(why.buf)[0])
		return 0;
	struct sbuf detail = { 0 }, err = { 0 };
	sb_printf(&detail, "%s; alasan: %s", what, why.buf);
	int rc = audit_event(u->db, "UBAH", table, row, pasien_id, sb_str(&detail), &err);
	if (rc != 0)
		ui_message(u, 1, "%s", sb_str(&err));
	sb_free(&detail);
	sb_free(&err);
	return rc == 0 ? 1 : -1;
}

int ui_final_reason(struct ui *u, const char *day, const char *report, const char *table, long row, long pasien_id,
		    const char *what)
{
	struct date d;
	char iso[11], which[64] = "", label[96], month[8];
	if (date_parse_user(day, &d) != 0)
		return 1;	/* the save's own check tells */
	int final = final_day_signed(u->db, date_format(d, iso), report, which, sizeof which);
	if (final == 0)
		return 1;
	snprintf(label, sizeof label, "Bulan %s sudah FINAL. Alasan mengubah:", month_show(d, month));
	struct sbuf detail = { 0 };
	sb_printf(&detail, "%s bulan FINAL (%s)", what, which);
	int rc = ui_reason_asked(u, label, table, row, pasien_id, sb_str(&detail));
	sb_free(&detail);
	if (rc == 0)
		ui_message(u, 1, "Tanpa alasan bulan %s yang sudah FINAL tidak diubah", month);
	return rc > 0;
}
