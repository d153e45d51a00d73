#include "pkm/etiket.h"
#include "pkm/date.h"
#include "pkm/db.h"
#include "pkm/output.h"
#include "pkm/reports.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Abbreviations of a signa and their words; a dose unit replaces the drug's. */
static const struct {
	const char *abbr, *words;
	int unit;
} signa_terms[] = {
	{ "pc", "sesudah makan", 0 },  { "ac", "sebelum makan", 0 },  { "dc", "saat makan", 0 },
	{ "prn", "bila perlu", 0 },    { "hs", "sebelum tidur", 0 },  { "cth", "sendok teh", 1 },
	{ "sdt", "sendok teh", 1 },    { "sdm", "sendok makan", 1 },  { "tab", "tablet", 1 },
	{ "kaps", "kapsul", 1 },       { "tts", "tetes", 1 },
};

/* The index of an abbreviation in signa_terms (dots ignored: "p.c."), or -1. */
static int term_of(const char *s, size_t n)
{
	char w[8];
	size_t k = 0;
	for (size_t i = 0; i < n && k + 1 < sizeof w; i++)
		if (s[i] != '.')
			w[k++] = (char)tolower((unsigned char)s[i]);
	w[k] = '\0';
	for (size_t i = 0; i < ARRAY_LEN(signa_terms); i++)
		if (strcmp(w, signa_terms[i].abbr) == 0)
			return (int)i;
	return -1;
}

/* Digits (with one . , or / inside, "1/2", "0,5") at *s; their length. */
static size_t amount_len(const char *s)
{
	size_t n = strspn(s, "0123456789");
	if (n && s[n] && strchr(".,/", s[n]) && isdigit((unsigned char)s[n + 1]))
		n += 1 + strspn(s + n + 1, "0123456789");
	return n;
}

void signa_written(const char *signa, const char *satuan, char *out, size_t size)
{
	const char *s = signa + strspn(signa, " ");
	size_t times = strspn(s, "0123456789"), dose;
	const char *x = s + times + strspn(s + times, " ");
	int cross = *x == 'x' || *x == 'X' ? 1 : strncmp(x, "\xc3\x97", 2) == 0 ? 2 : 0;	/* x or U+00D7 */
	const char *d = x + cross + strspn(x + cross, " ");
	if (!times || times > 2 || !cross || !(dose = amount_len(d))) {
		str_copy(out, size, signa);	/* not a signa it knows: as typed */
		return;
	}
	char unit[48];
	str_copy(unit, sizeof unit, satuan);
	for (char *c = unit; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	struct sbuf rest = { 0 };
	/* the rest, word by word: a dose unit replaces the drug's, abbreviations spelled */
	for (const char *w = d + dose; *w;) {
		w += strspn(w, " ,;");
		size_t n = strcspn(w, " ,;");
		if (!n)
			break;
		int t = term_of(w, n);
		if (t >= 0 && signa_terms[t].unit)
			str_copy(unit, sizeof unit, signa_terms[t].words);
		else {
			if (rest.len)
				sb_addc(&rest, ' ');
			if (t >= 0)
				sb_add(&rest, signa_terms[t].words);
			else
				sb_addn(&rest, w, n);
		}
		w += n;
	}
	snprintf(out, size, "%.*s x sehari %.*s %s%s%s", (int)times, s, (int)dose, d, unit, rest.len ? ", " : "",
		 sb_str(&rest));
	sb_free(&rest);
}

/* s (escaped) wrapped at width columns, word by word; a word longer than a
 * line is cut. */
static void wrap(struct sbuf *out, const char *text, int width)
{
	struct sbuf e = { 0 };
	text_visible(&e, text, strlen(text), "");
	const char *s = sb_str(&e);
	int col = 0;
	while (*s) {
		s += strspn(s, " ");
		size_t n = strcspn(s, " ");
		if (!n)
			break;
		char word[512];
		snprintf(word, sizeof word, "%.*s", (int)n, s);
		int w = utf8_width(word);
		if (col && col + 1 + w > width) {
			sb_addc(out, '\n');
			col = 0;
		} else if (col) {
			sb_addc(out, ' ');
			col++;
		}
		while (w > width - col) {	/* longer than a line */
			size_t cut = utf8_prefix(word, width - col);
			sb_addn(out, word, cut);
			sb_addc(out, '\n');
			memmove(word, word + cut, strlen(word + cut) + 1);
			w = utf8_width(word);
			col = 0;
		}
		sb_add(out, word);
		col += w;
		s += n;
	}
	sb_addc(out, '\n');
	sb_free(&e);
}

/* Two texts on one line, the second to the right edge; on two when too long. */
static void pair(struct sbuf *out, const char *left, const char *right, int width)
{
	struct sbuf l = { 0 }, r = { 0 };
	text_visible(&l, left, strlen(left), "");
	text_visible(&r, right, strlen(right), "");
	int gap = width - utf8_width(sb_str(&l)) - utf8_width(sb_str(&r));
	if (gap < 1) {
		wrap(out, left, width);
		wrap(out, right, width);
	} else {
		sb_printf(out, "%s%*s%s\n", sb_str(&l), gap, "", sb_str(&r));
	}
	sb_free(&l);
	sb_free(&r);
}

int etiket_text(sqlite3 *db, const struct pkm_config *cfg, long resep_id, struct sbuf *out, struct sbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, "SELECT p.nama, p.no_rm, g.nama, g.satuan, coalesce(r.signa_beri, r.signa), "
				   "r.diberi, (SELECT max(m.tanggal) FROM mutasi m WHERE m.resep_id = r.id), "
				   "(SELECT min(b.kedaluwarsa) FROM mutasi m JOIN batch b ON b.id = m.batch_id "
				   " WHERE m.resep_id = r.id) FROM resep r JOIN kunjungan k ON k.id = r.kunjungan_id "
				   "JOIN pasien p ON p.id = k.pasien_id JOIN obat g ON g.kode = coalesce(r.obat_beri, r.obat) "
				   "WHERE r.id = ?", err);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, resep_id);
	int rc = sqlite3_step(st);
	char nama[208], rm[24], obat[208], satuan[48], signa[44], day[11], exp[11];
	long n = 0;
	if (rc == SQLITE_ROW) {
		db_col_text(st, 0, nama, sizeof nama);
		db_col_text(st, 1, rm, sizeof rm);
		db_col_text(st, 2, obat, sizeof obat);
		db_col_text(st, 3, satuan, sizeof satuan);
		db_col_text(st, 4, signa, sizeof signa);
		n = (long)sqlite3_column_int64(st, 5);
		db_col_text(st, 6, day, sizeof day);
		db_col_text(st, 7, exp, sizeof exp);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(err, db, "resep tidak terbaca");
	if (rc == SQLITE_DONE || n <= 0) {
		sb_printf(err, rc == SQLITE_DONE ? "baris resep %ld tidak ada" : "baris resep %ld belum diserahkan: "
			  "etiket dibuat untuk obat yang diberikan", resep_id);
		return -1;
	}
	int width = (int)cfg->farmasi.label_width;
	char text[160], shown[11], shown_exp[11], written[160];
	wrap(out, cfg->nama, width);
	sb_pad(out, '-', width);
	sb_addc(out, '\n');
	snprintf(text, sizeof text, "No. RM %s", rm);
	pair(out, date_show(day, shown), text, width);
	wrap(out, nama, width);
	wrap(out, obat, width);
	signa_written(signa, satuan, written, sizeof written);
	if (*written)
		wrap(out, written, width);
	snprintf(text, sizeof text, "Jumlah %ld %s", n, satuan);
	char ed[24];
	snprintf(ed, sizeof ed, "ED %s", date_show(exp, shown_exp));
	pair(out, text, ed, width);
	sb_addc(out, '\n');
	return 0;
}

int etiket_print(sqlite3 *db, const struct pkm_config *cfg, const long *ids, int n, struct sbuf *err)
{
	if (!cfg->farmasi.label_printer[0]) {
		sb_printf(err, "printer etiket belum diatur: isi [farmasi] printer_etiket di berkas konfigurasi");
		return -1;
	}
	struct sbuf text = { 0 };
	int rc = 0;
	for (int i = 0; i < n && rc == 0; i++)
		rc = etiket_text(db, cfg, ids[i], &text, err);
	if (rc == 0 && text.len)
		rc = print_text(cfg->farmasi.label_printer, sb_str(&text), text.len, err);
	sb_free(&text);
	return rc;
}
