#include "pkm/final.h"
#include "pkm/db.h"
#include "pkm/digest.h"
#include "pkm/output.h"
#include "pkm/reports.h"
#include <stdlib.h>
#include <string.h>

/* The reports that are signed, in the order the status lists them. */
static const char *const signed_reports[] = { "lb1", "lb2", "lb3", "lb4", "jampersal" };

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int final_cells(sqlite3 *db, const struct pkm_config *cfg, const char *name, const char *month_key,
		struct sbuf *canon, struct sbuf *err)
{
	/* LB1 in the klasik layout: a row per code, the finest grain of its data */
	struct report_req req = { name, month_key, LAYOUT_KLASIK, FMT_DATA, 80 };
	char *text;
	size_t len;
	if (report_render(db, cfg, &req, &text, &len, err) != 0)
		return -1;
	int n = 0, cap = 64;
	char **lines = xcalloc((size_t)cap, sizeof *lines);
	char *p = strchr(text, '\n');	/* the header line "baris,kolom,nilai" is left out */
	for (p = p ? p + 1 : text + len; *p;) {
		char *nl = strchr(p, '\n');
		if (nl)
			*nl = '\0';
		if (n == cap) {
			cap *= 2;
			lines = xrealloc(lines, (size_t)cap * sizeof *lines);
		}
		lines[n++] = p;
		p = nl ? nl + 1 : p + strlen(p);
	}
	qsort(lines, (size_t)n, sizeof *lines, cmp_str);
	sb_reset(canon);
	for (int i = 0; i < n; i++)
		sb_printf(canon, "%s\n", lines[i]);
	free(lines);
	free(text);
	return 0;
}

int final_digest(const char *text, size_t len, char hex[65], struct sbuf *err)
{
	const char *why = NULL;
	struct digest *d = digest_new(&why);
	if (!d) {
		sb_printf(err, "SHA-256 tidak dapat dihitung: %s", why ? why : "libcrypto tidak ada");
		return -1;
	}
	digest_add(d, text, len);
	digest_end(d, hex);
	return 0;
}

#define SIGN_COLUMNS "id, versi, laporan, bulan, oleh, nama, waktu, sidik"

static void read_sign(sqlite3_stmt *st, struct final_sign *f)
{
	f->id = (long)sqlite3_column_int64(st, 0);
	f->versi = sqlite3_column_int(st, 1);
	db_col_text(st, 2, f->laporan, sizeof f->laporan);
	db_col_text(st, 3, f->bulan, sizeof f->bulan);
	db_col_text(st, 4, f->oleh, sizeof f->oleh);
	db_col_text(st, 5, f->nama, sizeof f->nama);
	db_col_text(st, 6, f->waktu, sizeof f->waktu);
	db_col_text(st, 7, f->sidik, sizeof f->sidik);
}

int final_last(sqlite3 *db, const char *name, const char *month_key, struct final_sign *out, struct sbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT " SIGN_COLUMNS " FROM laporan_final WHERE laporan = ? AND bulan = ? "
				   "ORDER BY versi DESC LIMIT 1", err);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, month_key, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st), found = rc == SQLITE_ROW;
	if (found)
		read_sign(st, out);
	sqlite3_reset(st);
	if (!found && rc != SQLITE_DONE)
		return db_fail(err, db, "laporan final tidak terbaca");
	return found;
}

/* One cell of a data line: baris is what comes before the second-last comma
 * (a drug code may hold one), kolom and nilai hold none. */
struct cell {
	char *baris, *kolom, *nilai;
};

static int split_cells(char *canon, struct cell **out)
{
	int n = 0, cap = 64;
	struct cell *c = xcalloc((size_t)cap, sizeof *c);
	for (char *p = canon; p && *p;) {
		char *nl = strchr(p, '\n');
		*nl = '\0';
		char *v = strrchr(p, ',');
		if (v) {
			*v = '\0';
			char *k = strrchr(p, ',');
			if (k) {
				*k = '\0';
				if (n == cap) {
					cap *= 2;
					c = xrealloc(c, (size_t)cap * sizeof *c);
				}
				c[n++] = (struct cell){ p, k + 1, v + 1 };
			}
		}
		p = nl + 1;
	}
	*out = c;
	return n;
}

static int cmp_cell(const void *a, const void *b)
{
	const struct cell *x = a, *y = b;
	int c = strcmp(x->baris, y->baris);
	return c ? c : strcmp(x->kolom, y->kolom);
}

static int store_cells(sqlite3 *db, long final_id, const struct cell *c, int n, struct sbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO laporan_final_sel (final_id, baris, kolom, nilai) VALUES (?, ?, ?, ?)",
				   err);
	if (!st)
		return -1;
	for (int i = 0; i < n; i++) {
		sqlite3_bind_int64(st, 1, final_id);
		sqlite3_bind_text(st, 2, c[i].baris, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, c[i].kolom, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, c[i].nilai, -1, SQLITE_STATIC);
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return db_fail(err, db, "sel laporan final tidak tersimpan");
	}
	return 0;
}

static int insert_sign(sqlite3 *db, struct final_sign *f, struct sbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, "INSERT INTO laporan_final (laporan, bulan, versi, oleh, nama, waktu, sidik) "
				   "VALUES (?1, ?2, (SELECT coalesce(max(versi), 0) + 1 FROM laporan_final "
				   "WHERE laporan = ?1 AND bulan = ?2), ?3, ?4, ?5, ?6) RETURNING id, versi", err);
	if (!st)
		return -1;
	const char *v[] = { f->laporan, f->bulan, f->oleh, f->nama, f->waktu, f->sidik };
	for (int i = 0; i < 6; i++)
		sqlite3_bind_text(st, i + 1, v[i], -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		f->id = (long)sqlite3_column_int64(st, 0);
		f->versi = sqlite3_column_int(st, 1);
		rc = sqlite3_step(st);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(err, db, "laporan final tidak tersimpan");
}

int final_sign(sqlite3 *db, const struct pkm_config *cfg, const char *name, const char *month, const char *nama,
	       struct final_sign *out, struct sbuf *err)
{
	enum month_state ms;
	struct date first, next;
	char shown[8];
	if (month_printable(month, err) != 0)
		return -1;
	month_state(month, date_today(), &ms);
	month_parse(month, &first, &next);
	if (ms == MONTH_RUNNING) {
		sb_printf(err, "bulan %s belum berakhir: laporannya belum dapat difinalkan", month_show(first, shown));
		return -1;
	}
	if (utf8_width(nama) > 60) {
		sb_printf(err, "nama penanda tangan paling banyak 60 huruf");
		return -1;
	}
	memset(out, 0, sizeof *out);
	str_copy(out->laporan, sizeof out->laporan, name);
	month_key(first, out->bulan);
	str_copy(out->nama, sizeof out->nama, nama);
	str_copy(out->oleh, sizeof out->oleh, db_user(db) ? db_user(db) : "");
	const char *bad = text_refused(out->nama);	/* the rule of every text field */
	if (!*str_trim(out->nama) || bad) {
		sb_printf(err, "nama penanda tangan %s", bad ? bad : "kosong");
		return -1;
	}
	if (db_begin(db) != 0)
		return db_fail(err, db, "laporan tidak dapat difinalkan");
	/* built inside the write transaction: what is signed is what is stored */
	struct sbuf canon = { 0 };
	struct final_sign last;
	int rc = final_cells(db, cfg, name, out->bulan, &canon, err);
	if (rc == 0)
		rc = final_digest(sb_str(&canon), canon.len, out->sidik, err);
	int had = rc == 0 ? final_last(db, name, out->bulan, &last, err) : -1;
	if (had < 0)
		rc = -1;
	else if (had && strcmp(last.sidik, out->sidik) == 0) {
		char upper[33];
		str_copy(upper, sizeof upper, name);
		str_upper(upper);
		sb_printf(err, "%s %s sudah FINAL v%d dan tidak berubah sejak itu", upper, month_show(first, shown),
			  last.versi);
		rc = -1;
	}
	if (rc == 0) {
		date_now(out->waktu);
		rc = insert_sign(db, out, err);
	}
	if (rc == 0) {
		struct cell *c;
		int n = split_cells(canon.s, &c);
		rc = store_cells(db, out->id, c, n, err);
		free(c);
	}
	sb_free(&canon);
	if (rc == 0 && db_commit(db) != 0)
		rc = db_fail(err, db, "laporan tidak dapat difinalkan");
	if (rc != 0)
		db_rollback(db);
	return rc;
}

/* The cells of version f, by (baris, kolom); the strings live in *store. */
static int signed_cells(sqlite3 *db, long final_id, struct sbuf *store, struct cell **out, struct sbuf *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT baris || ',' || kolom || ',' || nilai FROM laporan_final_sel "
				      "WHERE final_id = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, final_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		sb_printf(store, "%s\n", (const char *)sqlite3_column_text(st, 0));
	if (db_finish(db, st, rc, err) != 0)
		return -1;
	int n = split_cells(store->s, out);
	qsort(*out, (size_t)n, sizeof **out, cmp_cell);
	return n;
}

int final_changes(sqlite3 *db, const struct pkm_config *cfg, const struct final_sign *f, struct sbuf *out,
		  struct sbuf *err)
{
	struct sbuf was_s = { 0 }, now_s = { 0 };
	struct cell *was = NULL, *now = NULL;
	int nw = signed_cells(db, f->id, &was_s, &was, err), nn = -1, changed = 0;
	if (nw >= 0 && final_cells(db, cfg, f->laporan, f->bulan, &now_s, err) == 0) {
		nn = split_cells(now_s.s, &now);
		qsort(now, (size_t)nn, sizeof *now, cmp_cell);
	}
	for (int i = 0, j = 0; nn >= 0 && (i < nw || j < nn);) {
		int c = i == nw ? 1 : j == nn ? -1 : cmp_cell(&was[i], &now[j]);
		const struct cell *k = c <= 0 ? &was[i] : &now[j];
		const char *a = c <= 0 ? was[i].nilai : "0", *b = c >= 0 ? now[j].nilai : "0";
		if (strcmp(a, b) != 0) {
			sb_printf(out, "  %s,%s: %s -> %s\n", k->baris, k->kolom, a, b);
			changed++;
		}
		i += c <= 0;
		j += c >= 0;
	}
	free(was);
	free(now);
	sb_free(&was_s);
	sb_free(&now_s);
	return nn < 0 ? -1 : changed;
}

/* "FINAL dd-mm-yyyy, NAMA, sidik XXXXXXXX": the name cut to 36 columns, so
 * that the line with "; BERUBAH" fits 80 */
static void final_line(const struct final_sign *f, char *out, size_t size)
{
	char day[11], shown[11];
	str_copy(day, sizeof day, f->waktu);
	snprintf(out, size, "FINAL %s, %.*s, sidik %.8s", date_show(day, shown), (int)utf8_prefix(f->nama, 36), f->nama,
		 f->sidik);
}

int final_marks(sqlite3 *db, const struct pkm_config *cfg, const char *name, const char *month_key, char *note,
		size_t size, struct sbuf *head, struct sbuf *err)
{
	enum month_state ms;
	struct date today = date_today();
	note[0] = '\0';
	if (month_state(month_key, today, &ms) == 0 && ms == MONTH_RUNNING) {
		char day[11], shown[11];
		snprintf(note, size, "BULAN BERJALAN: data sampai %s, belum lengkap",
			 date_show(date_format(today, day), shown));
		return 0;
	}
	struct final_sign f;
	int found = final_last(db, name, month_key, &f, err);
	if (found <= 0)
		return found;
	final_line(&f, note, size);
	struct sbuf cells = { 0 };
	int n = final_changes(db, cfg, &f, &cells, err);
	if (n > 0) {
		char line[256];
		final_line(&f, line, sizeof line);
		sb_printf(head, "KOREKSI SETELAH FINAL\n%s, versi %d\n%d sel berubah (baris,kolom: nilai final -> "
			  "nilai sekarang):\n%s\f", line, f.versi, n, sb_str(&cells));
		size_t used = strlen(note);
		snprintf(note + used, size - used, "; BERUBAH");
	}
	sb_free(&cells);
	return n < 0 ? -1 : 0;
}

/* One line of the status: "MM-YYYY  LB1        state". */
static int status_line(sqlite3 *db, const struct pkm_config *cfg, const char *name, const char *month_key, FILE *out,
		       struct sbuf *err)
{
	struct final_sign f;
	struct date first, next;
	char shown[8], upper[16], when[32];
	month_parse(month_key, &first, &next);
	str_copy(upper, sizeof upper, name);
	str_upper(upper);
	fprintf(out, "%s  %-10s ", month_show(first, shown), upper);
	int found = final_last(db, name, month_key, &f, err);
	if (found <= 0) {
		fputs(found == 0 ? "belum final\n" : "?\n", out);
		return found;
	}
	struct sbuf cells = { 0 };
	int n = final_changes(db, cfg, &f, &cells, err);
	sb_free(&cells);
	datetime_show(f.waktu, when, sizeof when);
	if (n > 0)
		fprintf(out, "berubah setelah final (%d sel; FINAL v%d oleh %s, %s)\n", n, f.versi, f.nama, when);
	else
		fprintf(out, "FINAL v%d oleh %s, %s, sidik %.8s\n", f.versi, f.nama, when, f.sidik);
	return n < 0 ? -1 : 0;
}

int final_status(sqlite3 *db, const struct pkm_config *cfg, const char *month_key, FILE *out, struct sbuf *err)
{
	/* the months first: building a report must not run under an open read */
	sqlite3_stmt *st = db_prepare(db, "SELECT DISTINCT bulan FROM laporan_final WHERE ?1 IS NULL OR bulan = ?1 "
				      "UNION SELECT ?1 WHERE ?1 IS NOT NULL ORDER BY 1 DESC", err);
	if (!st)
		return -1;
	db_bind_text(st, 1, month_key ? month_key : "", 1);
	struct sbuf months = { 0 };
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		sb_printf(&months, "%.7s\n", (const char *)sqlite3_column_text(st, 0));
	if (db_finish(db, st, rc, err) != 0) {
		sb_free(&months);
		return -1;
	}
	int bad = 0;
	for (const char *key = sb_str(&months); *key && !bad; key += 8) {
		char one[8];
		str_copy(one, sizeof one, key);
		for (size_t i = 0; i < ARRAY_LEN(signed_reports) && !bad; i++)
			bad = status_line(db, cfg, signed_reports[i], one, out, err) != 0;
	}
	if (!months.len)
		fputs("belum ada laporan yang final\n", out);
	sb_free(&months);
	return bad ? -1 : 0;
}
