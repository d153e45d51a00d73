/* Reading the audit trail: a filter, a page for the viewer, the whole of it
 * as text. A save (aksi SIMPAN, db/017) is read back as one entry per row it
 * changed; an inserted row, named but not copied, shows the values it holds
 * now (each later change shows what it replaced). */
#include "pkm/audit.h"
#include "pkm/date.h"
#include "pkm/db.h"
#include <stdlib.h>
#include <string.h>

int audit_filter_check(sqlite3 *db, const struct audit_filter *f, struct field_errors *fe)
{
	struct date d;
	if (f->from && date_parse(f->from, &d) != 0)
		field_error(fe, "from", "tanggal tidak sah '%.20s' (YYYY-MM-DD)", f->from);
	if (f->to && date_parse(f->to, &d) != 0)
		field_error(fe, "to", "tanggal tidak sah '%.20s' (YYYY-MM-DD)", f->to);
	if (f->no_rm && db_query_text_exists(db, "SELECT 1 FROM pasien WHERE no_rm = ?", f->no_rm) != 1)
		field_error(fe, "patient", "tidak ada pasien dengan No. RM %.24s", f->no_rm);
	return fe->n ? -1 : 0;
}

void audit_filter_dates(struct audit_filter *f, const char *from, const char *to, char iso[2][11],
			struct field_errors *fe)
{
	const char *typed[2] = { from, to }, *name[2] = { "from", "to" };
	for (int i = 0; i < 2; i++) {
		struct date d;
		iso[i][0] = '\0';
		if (typed[i] && *typed[i] && date_parse_user(typed[i], &d) != 0)
			field_error(fe, name[i], "tanggal tidak sah '%.20s' (DD-MM-YYYY)", typed[i]);
		else if (typed[i] && *typed[i])
			date_format(d, iso[i]);
	}
	f->from = iso[0][0] ? iso[0] : NULL;
	f->to = iso[1][0] ? iso[1] : NULL;
}

/* Column order of the trail query. */
enum { Q_WAKTU, Q_PENGGUNA, Q_AKSI, Q_TABEL, Q_BARIS, Q_NO_RM, Q_LAMA, Q_BARU, Q_ID };

/* The trail rows a filter selects, then `tail` (the order, a page's bounds as
 * ?5 and ?6). */
static sqlite3_stmt *audit_query(sqlite3 *db, const struct audit_filter *f, const char *tail, struct sbuf *err)
{
	struct sbuf sql = { 0 };
	sb_add(&sql,
		"SELECT datetime(a.waktu, 'unixepoch'), coalesce((SELECT nama FROM audit_nama WHERE kode = a.pengguna), "
		"'(di luar pkm)'), coalesce(a.aksi, 'SIMPAN'), "
		"coalesce(a.tabel, ''), coalesce(a.baris || coalesce('-' || a.sampai, ''), ''), "
		"coalesce(p.no_rm, ''), coalesce(a.lama, ''), coalesce(pkm_jejak(a.baru), ''), a.id "
		"FROM audit a LEFT JOIN pasien p ON p.id = a.pasien_id "
		/* a patient's rows: read on the days the patient has rows, within each day's ids */
		"WHERE (?1 IS NULL OR a.id IN (SELECT x.id FROM pasien q JOIN audit_pasien_hari d ON d.pasien_id = q.id "
		"JOIN audit_hari h ON h.hari = d.hari JOIN audit x ON x.id BETWEEN h.awal AND h.akhir "
		"WHERE q.no_rm = ?1 AND x.pasien_id = q.id) "
		/* a bulk import is one row for many: it is the patient's when its ids
		 * include the patient or one of the patient's visits */
		"OR a.id IN (SELECT i.id FROM audit i, pasien q WHERE q.no_rm = ?1 AND i.sampai IS NOT NULL "
		"AND ((i.tabel = 'pasien' AND q.id BETWEEN i.baris AND i.sampai) OR (i.tabel = 'kunjungan' AND EXISTS "
		"(SELECT 1 FROM kunjungan k WHERE k.pasien_id = q.id AND k.id BETWEEN i.baris AND i.sampai))))) "
		"AND (?2 IS NULL OR a.pengguna = (SELECT kode FROM audit_nama WHERE nama = ?2)) "
		/* the days' id ranges bound the rows read; the time itself decides */
		"AND (?3 IS NULL OR (a.id >= (SELECT min(awal) FROM audit_hari WHERE hari >= unixepoch(?3) / 86400) "
		"AND a.waktu >= unixepoch(?3))) "
		"AND (?4 IS NULL OR (a.id <= (SELECT max(akhir) FROM audit_hari WHERE hari <= unixepoch(?4) / 86400) "
		"AND a.waktu < unixepoch(?4, '+1 day')))");
	sb_add(&sql, tail);
	sqlite3_stmt *st = db_prepare(db, sb_str(&sql), err);
	sb_free(&sql);
	if (!st)
		return NULL;
	db_bind_text(st, 1, f->no_rm, 1);
	db_bind_text(st, 2, f->user, 1);
	db_bind_text(st, 3, f->from, 1);
	db_bind_text(st, 4, f->to, 1);
	return st;
}

/* The tables named by code, each with its row read for an insert's values. */
struct reader {
	sqlite3 *db;
	struct table_ref {
		long code;
		char *name;
		char *columns;	/* audit_tabel.kolom: the names lines number from 0 */
		sqlite3_stmt *row;
	} *t;
	int n;
};

static int reader_open(struct reader *r, sqlite3 *db, struct sbuf *err)
{
	memset(r, 0, sizeof *r);
	r->db = db;
	sqlite3_stmt *st = db_prepare(db, "SELECT kode, nama, kolom FROM audit_tabel ORDER BY kode", err);
	if (!st)
		return -1;
	int rc, cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (r->n == cap) {
			cap = cap ? 2 * cap : 32;
			r->t = xrealloc(r->t, (size_t)cap * sizeof *r->t);
		}
		struct table_ref *t = &r->t[r->n++];
		t->code = (long)sqlite3_column_int64(st, 0);
		t->name = xstrdup((const char *)sqlite3_column_text(st, 1));
		t->columns = xstrdup((const char *)sqlite3_column_text(st, 2));
		t->row = NULL;
	}
	return db_finish(db, st, rc, err);
}

static void reader_close(struct reader *r)
{
	for (int i = 0; i < r->n; i++) {
		sqlite3_finalize(r->t[i].row);
		free(r->t[i].name);
		free(r->t[i].columns);
	}
	free(r->t);
}

static struct table_ref *reader_table(struct reader *r, long code)
{
	for (int i = 0; i < r->n; i++)
		if (r->t[i].code == code)
			return &r->t[i];
	return NULL;
}

/* A value as quote() writes it. */
static void quoted(struct sbuf *s, sqlite3_stmt *st, int i)
{
	switch (sqlite3_column_type(st, i)) {
	case SQLITE_NULL:
		sb_add(s, "NULL");
		break;
	case SQLITE_INTEGER:
		sb_printf(s, "%lld", (long long)sqlite3_column_int64(st, i));
		break;
	case SQLITE_FLOAT: {	/* a whole number keeps its ".0", as quote() writes it */
		char num[40];
		snprintf(num, sizeof num, "%.15g", sqlite3_column_double(st, i));
		sb_printf(s, "%s%s", num, strpbrk(num, ".eni") ? "" : ".0");
		break;
	}
	case SQLITE_BLOB:
		sb_printf(s, "X'(%d byte)'", sqlite3_column_bytes(st, i));
		break;
	default:
		sb_add(s, "'");
		for (const char *p = (const char *)sqlite3_column_text(st, i); *p; p++)
			sb_add(s, *p == '\'' ? "''" : (char[2]){ *p, 0 });
		sb_add(s, "'");
	}
}

/* What row `row` of an inserted table holds now, as "kini: kolom=nilai, ...". */
static void values_now(struct reader *r, struct table_ref *t, long row, struct sbuf *out)
{
	if (!t->row && str_is_ident(t->name)) {
		struct sbuf q = { 0 };
		sb_printf(&q, "SELECT * FROM \"%s\" WHERE rowid = ?", t->name);
		t->row = db_prepare(r->db, sb_str(&q), NULL);
		sb_free(&q);
	}
	if (!t->row) {
		sb_add(out, "(tabel tidak terbaca)");
		return;
	}
	sqlite3_bind_int64(t->row, 1, row);
	int rc = sqlite3_step(t->row);
	if (rc == SQLITE_ROW) {
		sb_add(out, "kini:");
		for (int i = 0, first = 1; i < sqlite3_column_count(t->row); i++) {
			if (sqlite3_column_type(t->row, i) == SQLITE_NULL)
				continue;
			const char *col = sqlite3_column_name(t->row, i);
			sb_printf(out, "%s %s=", first ? "" : ",", col);
			if (audit_column_secret(col))	/* as the trail keeps it: hidden */
				sb_add(out, "'***'");
			else
				quoted(out, t->row, i);
			first = 0;
		}
	} else
		sb_add(out, rc == SQLITE_DONE ? "(baris ini sudah tidak ada)" : "(baris tidak terbaca)");
	sqlite3_reset(t->row);
}

/* The name of column n of a code, its length in *len; NULL past the last. */
static const char *column_name(const struct table_ref *t, long n, int *len)
{
	const char *p = t->columns;
	for (; n > 0 && p; n--)
		if ((p = strchr(p, ' ')))
			p++;
	if (!p || !*p || n < 0)
		return NULL;
	const char *end = strchr(p, ' ');
	*len = end ? (int)(end - p) : (int)strlen(p);
	return p;
}

/* The end of a value as quote() wrote it: a string, a blob or a bare word. */
static const char *literal_end(const char *p)
{
	if (*p == 'X' && p[1] == '\'')
		p++;
	if (*p == '\'') {
		for (p++; *p; p++)
			if (*p == '\'' && *++p != '\'')
				return p;
		return NULL;
	}
	while (*p && *p != ' ' && *p != '>' && *p != '\n')
		p++;
	return p;
}

/* One line of a save, "K+R", "K~R N=lama>baru ..." or "K-R N=lama ...",
 * into an entry; the position after it, or NULL when the line is not one
 * (the entry then shows the rest as it is). */
static const char *read_change(struct reader *r, const char *p, struct audit_entry *e)
{
	char *end;
	long code = strtol(p, &end, 10);
	char op = *end;
	const char *aksi = op == '+' ? "TAMBAH" : op == '~' ? "UBAH" : op == '-' ? "HAPUS" : NULL;
	struct table_ref *t = reader_table(r, code);
	if (end == p || !aksi || !t)
		return NULL;
	p = end + 1;
	long row = strtol(p, &end, 10);
	str_copy(e->aksi, sizeof e->aksi, aksi);
	str_copy(e->tabel, sizeof e->tabel, t->name);
	if (end != p)
		snprintf(e->baris, sizeof e->baris, "%ld", row);
	p = end;
	struct sbuf lama = { 0 }, baru = { 0 };
	while (*p == ' ') {
		const char *num = ++p;
		long n = strtol(num, &end, 10);
		int len;
		const char *name = end != num && *end == '=' ? column_name(t, n, &len) : NULL;
		const char *v = end + 1, *v_end = name ? literal_end(v) : NULL;
		if (!v_end)
			break;
		struct sbuf *first = op == '+' ? &baru : &lama;
		sb_printf(first, "%s%.*s=%.*s", first->len ? ", " : "", len, name, (int)(v_end - v), v);
		p = v_end;
		if (*p == '>') {
			const char *nv = p + 1, *nv_end = literal_end(nv);
			if (!nv_end)
				break;
			sb_printf(&baru, "%s%.*s=%.*s", baru.len ? ", " : "", len, name, (int)(nv_end - nv), nv);
			p = nv_end;
		}
	}
	if (*p && *p != '\n') {
		sb_free(&lama);
		sb_free(&baru);
		return NULL;
	}
	if (op == '+' && !baru.len && e->baris[0])
		values_now(r, t, row, &baru);
	e->lama = xstrdup(sb_str(&lama));
	e->baru = xstrdup(sb_str(&baru));
	sb_free(&lama);
	sb_free(&baru);
	return *p ? p + 1 : p;
}

static struct audit_entry *list_add(struct audit_list *l)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 64;
		l->e = xrealloc(l->e, (size_t)l->cap * sizeof *l->e);
	}
	struct audit_entry *e = &l->e[l->n++];
	memset(e, 0, sizeof *e);
	return e;
}

/* The entries of the current row of st: one, or one per row a save changed. */
static void read_row(struct reader *r, sqlite3_stmt *st, struct audit_list *out)
{
	struct audit_entry head = { .id = (long)sqlite3_column_int64(st, Q_ID) };
	db_col_text(st, Q_WAKTU, head.waktu, sizeof head.waktu);
	db_col_text(st, Q_PENGGUNA, head.pengguna, sizeof head.pengguna);
	db_col_text(st, Q_AKSI, head.aksi, sizeof head.aksi);
	db_col_text(st, Q_TABEL, head.tabel, sizeof head.tabel);
	db_col_text(st, Q_BARIS, head.baris, sizeof head.baris);
	db_col_text(st, Q_NO_RM, head.no_rm, sizeof head.no_rm);
	const char *baru = (const char *)sqlite3_column_text(st, Q_BARU);
	if (strcmp(head.aksi, "SIMPAN") == 0) {
		const char *p = baru;
		while (p && *p) {
			struct audit_entry *e = list_add(out);
			*e = head;
			const char *next = read_change(r, p, e);
			if (!next) {	/* not a line pkm wrote: shown as it is */
				e->lama = xstrdup("");
				e->baru = xstrdup(p);
			}
			p = next;
		}
		return;
	}
	struct audit_entry *e = list_add(out);
	*e = head;
	e->lama = xstrdup((const char *)sqlite3_column_text(st, Q_LAMA));
	e->baru = xstrdup(baru);
}

int audit_page(sqlite3 *db, const struct audit_filter *f, long before, int rows, struct audit_list *out,
	       struct sbuf *err)
{
	struct reader r;
	if (reader_open(&r, db, err) != 0)
		return -1;
	sqlite3_stmt *st = audit_query(db, f, " AND (?5 = 0 OR a.id < ?5) ORDER BY a.id DESC LIMIT ?6", err);
	if (!st) {
		reader_close(&r);
		return -1;
	}
	sqlite3_bind_int64(st, 5, before);
	sqlite3_bind_int(st, 6, rows);
	int n = 0, first = out->n, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int from = out->n;
		read_row(&r, st, out);
		/* newest first within a save too, as the list is */
		for (int i = from, j = out->n - 1; i < j; i++, j--) {
			struct audit_entry e = out->e[i];
			out->e[i] = out->e[j];
			out->e[j] = e;
		}
		n++;
	}
	reader_close(&r);
	if (db_finish(db, st, rc, err) != 0) {
		audit_list_cut(out, first);
		return -1;
	}
	return n;
}

void audit_list_cut(struct audit_list *l, int n)
{
	for (int i = n; i < l->n; i++) {
		free(l->e[i].lama);
		free(l->e[i].baru);
	}
	if (n < l->n)
		l->n = n;
}

void audit_list_free(struct audit_list *l)
{
	audit_list_cut(l, 0);
	free(l->e);
	memset(l, 0, sizeof *l);
}

long audit_write(sqlite3 *db, const struct audit_filter *f, FILE *out, struct sbuf *err)
{
	struct reader r;
	if (reader_open(&r, db, err) != 0)
		return -1;
	sqlite3_stmt *st = audit_query(db, f, " ORDER BY a.id", err);
	if (!st) {
		reader_close(&r);
		return -1;
	}
	struct audit_list one = { 0 };
	long n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_row(&r, st, &one);
		for (int i = 0; i < one.n; i++, n++) {
			const struct audit_entry *e = &one.e[i];
			char when[32];
			fprintf(out, "%s  %-12s %-6s %s", datetime_show(e->waktu, when, sizeof when), e->pengguna, e->aksi,
				e->tabel);
			if (*e->baris)
				fprintf(out, " #%s", e->baris);
			if (*e->no_rm)
				fprintf(out, "  RM %s", e->no_rm);
			fputc('\n', out);
			if (*e->lama)
				fprintf(out, "    lama %s\n", e->lama);
			if (*e->baru)
				fprintf(out, "    baru %s\n", e->baru);
		}
		audit_list_cut(&one, 0);
	}
	audit_list_free(&one);
	reader_close(&r);
	return db_finish(db, st, rc, err) == 0 ? n : -1;
}
