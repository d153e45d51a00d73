/* DHIS2 mapping files and the values they give (include/pkm/dhis2.h). The
 * cells are final_cells' (the same lines a signature is taken over), so what
 * goes to DHIS2 is what a FINAL signs. */
#include "pkm/dhis2.h"
#include "pkm/asal.h"
#include "pkm/date.h"
#include "pkm/final.h"
#include "pkm/ini.h"
#include "pkm/lb1.h"
#include "pkm/lb2.h"
#include "pkm/reports.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const char *const reports[] = { "lb1", "lb2", "lb3", "lb4", "jampersal" };

int dhis2_uid_ok(const char *s)
{
	if (strlen(s) != 11 || !isalpha((unsigned char)s[0]))
		return 0;
	for (int i = 1; i < 11; i++)
		if (!isalnum((unsigned char)s[i]))
			return 0;
	return 1;
}

/* A DHIS2 code: 1-50 printable ASCII characters, no space or comma (it goes
 * into CSV unquoted). */
static int code_ok(const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n; i++)
		if (s[i] <= ' ' || s[i] >= 0x7F || s[i] == ',' || s[i] == '"')
			return 0;
	return n >= 1 && n <= 50;
}

/* Why an identifier is refused under the file's idScheme, or NULL. */
static const char *id_refused(const struct dhis2_map *m, const char *s)
{
	if (m->by_code)
		return code_ok(s) ? NULL : "bukan kode DHIS2 (1-50 karakter tanpa spasi, koma atau tanda kutip)";
	return dhis2_uid_ok(s) ? NULL : "bukan UID DHIS2 (11 huruf/angka, diawali huruf)";
}

/* The key of line `line` as written: iniparser lower-cases keys, and a cell
 * key's case matters (L, P, ICD-10 codes). */
static void raw_key(const struct ini *ini, int line, char *out, size_t size)
{
	const char *p = ini->text;
	for (int i = 1; i < line && p; i++) {
		p = strchr(p, '\n');
		p = p ? p + 1 : NULL;
	}
	out[0] = '\0';
	if (!p)
		return;
	p += strspn(p, " \t");
	size_t n = strcspn(p, "=\n");
	while (n && isspace((unsigned char)p[n - 1]))
		n--;
	if (n < size)
		snprintf(out, size, "%.*s", (int)n, p);
}

static int by_line(const void *a, const void *b)
{
	return ((const struct dhis2_line *)a)->line - ((const struct dhis2_line *)b)->line;
}

/* One [peta] line into m; problems counted into *bad. */
static void read_line(const struct ini *ini, const struct dhis2_map *m, const char *key, struct dhis2_line *l,
		      int *bad, struct sbuf *err)
{
	char raw[160], de[64] = "", coc[64] = "", extra[2] = "";
	l->line = ini_line(ini, "peta", key);
	raw_key(ini, l->line, raw, sizeof raw);
	const char *v = ini_get(ini, "peta", key), *comma = strrchr(raw, ',');
	if (!comma || comma == raw || !comma[1] || (size_t)(comma - raw) >= sizeof l->baris ||
	    strlen(comma + 1) >= sizeof l->kolom) {
		*bad += ini_error(ini, err, "peta", key, "kunci harus BARIS,KOLOM seperti keluaran --format data") != 0;
		return;
	}
	snprintf(l->baris, sizeof l->baris, "%.*s", (int)(comma - raw), raw);
	str_copy(l->kolom, sizeof l->kolom, comma + 1);
	if (!v || sscanf(v, "%63s %63s %1s", de, coc, extra) != 2) {
		*bad += ini_error(ini, err, "peta", key, "nilai harus DATAELEMENT COMBO (dua pengenal dipisah spasi)") != 0;
		return;
	}
	const char *why = id_refused(m, de);
	if (!why)
		why = id_refused(m, coc);
	if (why) {
		*bad += ini_error(ini, err, "peta", key, "'%s' %s", id_refused(m, de) ? de : coc, why) != 0;
		return;
	}
	str_copy(l->de, sizeof l->de, de);
	str_copy(l->coc, sizeof l->coc, coc);
}

static int choice(const struct ini *ini, const char *key, const char *a, const char *b, int *bad, struct sbuf *err)
{
	const char *v = ini_get(ini, "dhis2", key);
	if (v && strcmp(v, a) != 0 && strcmp(v, b) != 0)
		*bad += ini_error(ini, err, "dhis2", key, "%s harus '%s' atau '%s', bukan '%s'", key, a, b, v) != 0;
	return v && strcmp(v, b) == 0;
}

static void read_head(const struct ini *ini, struct dhis2_map *m, const char *laporan, int *bad, struct sbuf *err)
{
	static const char *const keys[] = { "dataset", "orgunit", "idscheme", "nol", "laporan", NULL };
	*bad += ini_check_keys(ini, "dhis2", keys, err);
	m->by_code = choice(ini, "idscheme", "uid", "code", bad, err);
	m->send_zero = choice(ini, "nol", "lewati", "kirim", bad, err);
	const char *file_laporan = ini_get(ini, "dhis2", "laporan");
	if (file_laporan && laporan && strcmp(file_laporan, laporan) != 0)
		*bad += ini_error(ini, err, "dhis2", "laporan", "peta ini untuk laporan %s, bukan %s", file_laporan,
				  laporan) != 0;
	const char *name = laporan ? laporan : file_laporan;
	int known = 0;
	for (size_t i = 0; name && i < ARRAY_LEN(reports); i++)
		known |= strcmp(name, reports[i]) == 0;
	if (!known)
		*bad += ini_error(ini, err, "dhis2", "laporan", "laporan = lb1|lb2|lb3|lb4|jampersal diperlukan") != 0;
	else
		str_copy(m->laporan, sizeof m->laporan, name);
	const char *what[] = { "dataset", "orgunit" };
	char *into[] = { m->data_set, m->org_unit };
	for (int i = 0; i < 2; i++) {
		const char *v = ini_get(ini, "dhis2", what[i]), *why = v ? id_refused(m, v) : "diperlukan";
		if (why)
			*bad += ini_error(ini, err, "dhis2", what[i], "%s %s%s%s", i ? "orgUnit" : "dataSet", v ? "'" : "",
					  v ? v : "", why) != 0;
		else
			str_copy(into[i], sizeof m->data_set, v);
	}
}

int dhis2_map_load(const char *path, const char *laporan, struct dhis2_map *m, struct sbuf *err)
{
	memset(m, 0, sizeof *m);
	str_copy(m->path, sizeof m->path, path);
	struct ini ini;
	if (ini_open(&ini, path, 0, err) != 0)
		return 1;
	static const char *const sections[] = { "dhis2", "peta", NULL };
	int bad = ini_check_sections(&ini, sections, err);
	read_head(&ini, m, laporan, &bad, err);
	char **keys;
	int n = ini_key_names(&ini, "peta", &keys);
	m->e = xcalloc((size_t)(n > 0 ? n : 1), sizeof *m->e);
	for (int i = 0; i < n; i++) {
		read_line(&ini, m, keys[i], &m->e[m->n], &bad, err);
		if (m->e[m->n].de[0])
			m->n++;
	}
	free_names(keys, n);
	if (n <= 0)
		bad += ini_error(&ini, err, "peta", NULL, "[peta] tanpa baris BARIS,KOLOM = DATAELEMENT COMBO") != 0;
	qsort(m->e, (size_t)m->n, sizeof *m->e, by_line);
	ini_close(&ini);
	return bad;
}

void dhis2_map_free(struct dhis2_map *m)
{
	free(m->e);
	m->e = NULL;
	m->n = 0;
}

/* The value of cell baris,kolom in final_cells' sorted lines, NULL when the
 * report printed no such cell. */
static const char *cell_value(const char *cells, const char *baris, const char *kolom, char *buf, size_t size)
{
	char key[160];
	int n = snprintf(key, sizeof key, "%s,%s,", baris, kolom);
	for (const char *p = cells; *p; p = strchr(p, '\n') + 1)
		if (strncmp(p, key, (size_t)n) == 0 && p[n + strcspn(p + n, ",\n")] != ',') {
			snprintf(buf, size, "%.*s", (int)strcspn(p + n, "\n"), p + n);
			return buf;
		}
	return NULL;
}

/* The report's cells for month (YYYY-MM) as final_cells gives them, and the
 * mapping's keys checked against the report's own cells (`drugs`: LB2's drug
 * rows against the drug list too): each unknown key "file:line: why" in err.
 * Returns the number of problems, -1 when the report cannot be built. */
static int map_cells(sqlite3 *db, const struct pkm_config *cfg, const struct dhis2_map *m, const char *month,
		     int drugs, struct sbuf *cells, struct sbuf *err)
{
	if (final_cells(db, cfg, m->laporan, month, cells, err) != 0)
		return -1;
	int bad = 0;
	for (int i = 0; i < m->n; i++) {
		const struct dhis2_line *l = &m->e[i];
		char v[32], cell[160];
		if (cell_value(sb_str(cells), l->baris, l->kolom, v, sizeof v))
			continue;
		/* not printed this month: LB1 prints no zero, LB2 only the drugs
		 * of the month; LB3, LB4 and Jampersal print every cell */
		struct sbuf why = { 0 };
		int rc = ASAL_UNKNOWN;
		snprintf(cell, sizeof cell, "%s,%s", l->baris, l->kolom);
		if (strcmp(m->laporan, "lb1") == 0)
			rc = lb1_cell_known(db, l->baris, l->kolom, &why) ? ASAL_OK : ASAL_UNKNOWN;
		else if (strcmp(m->laporan, "lb2") == 0 && (drugs || strcmp(l->baris, "resep") == 0))
			rc = lb2_cell_known(db, l->baris, l->kolom, &why) ? ASAL_OK : ASAL_UNKNOWN;
		else if (strcmp(m->laporan, "lb2") == 0)
			rc = lb2_column_known(l->kolom, &why) ? ASAL_OK : ASAL_UNKNOWN;
		else {	/* only for the reason: the definition's own words */
			struct report_req req = { m->laporan, month, LAYOUT_KLASIK, FMT_TEXT, 80 };
			struct asal a;
			if ((rc = asal_build(db, cfg, &req, cell, &a, &why)) == ASAL_OK) {
				asal_free(&a);
				rc = ASAL_UNKNOWN;
			}
		}
		if (rc == ASAL_UNKNOWN) {
			sb_printf(err, "%s:%d: sel %s tidak ada di laporan %s: %s\n", m->path, l->line, cell, m->laporan,
				  sb_str(&why));
			bad++;
		}
		sb_free(&why);
		if (rc == ASAL_ERROR)
			return -1;
	}
	return bad;
}

int dhis2_check_dir(sqlite3 *db, const struct pkm_config *cfg, const char *dir, int *files, struct sbuf *err)
{
	char **names;
	int n = dir_ini_files(dir, &names), bad = 0;
	*files = n > 0 ? n : 0;
	if (n < 0) {
		sb_printf(err, "%s: folder peta DHIS2 tidak dapat dibuka\n", dir);
		return 1;
	}
	struct date today = date_today();
	char month[8], path[PATH_MAX];
	today.d = 1;
	month_key(date_from_days(date_to_days(today) - 1), month);	/* last month: an ended one */
	struct pkm_config own = *cfg;
	str_copy(own.forms_dir, sizeof own.forms_dir, dir);
	char *slash = strrchr(own.forms_dir, '/');
	if (slash)	/* the reports of the forms folder being checked */
		*slash = '\0';
	for (int i = 0; i < SASARAN_N; i++)	/* a target row prints once configured */
		if (own.sasaran[i] < 0)
			own.sasaran[i] = 0;
	for (int i = 0; i < n; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		struct dhis2_map m;
		int k = dhis2_map_load(path, NULL, &m, err);
		if (k == 0 && m.n) {
			struct sbuf cells = { 0 };
			k = map_cells(db, &own, &m, month, 0, &cells, err);
			k = k < 0 ? 1 : k;
			sb_free(&cells);
		}
		bad += k;
		dhis2_map_free(&m);
	}
	free_names(names, n);
	return bad;
}

int dhis2_build(sqlite3 *db, const struct pkm_config *cfg, const struct dhis2_map *map, const char *month,
		struct dhis2_set *out, struct sbuf *warn, struct sbuf *err)
{
	memset(out, 0, sizeof *out);
	out->map = map;
	struct date first, next;
	char key[8];
	if (month_parse(month, &first, &next) != 0) {
		sb_printf(err, "bulan tidak sah: '%s' (" MONTH_HINT ")", month);
		return -1;
	}
	month_key(first, key);
	snprintf(out->period, sizeof out->period, "%04d%02d", first.y, first.m);
	struct sbuf cells = { 0 };
	int bad = map_cells(db, cfg, map, key, 1, &cells, err);
	if (bad != 0) {
		sb_free(&cells);
		return -1;
	}
	/* completeDate: the day it was signed, while the cells are still the signed ones */
	struct final_sign f;
	char hex[65];
	int found = final_last(db, map->laporan, key, &f, err);
	if (found < 0 || final_digest(sb_str(&cells), cells.len, hex, err) != 0) {
		sb_free(&cells);
		return -1;
	}
	if (found && strcmp(hex, f.sidik) == 0)
		snprintf(out->complete, sizeof out->complete, "%.10s", f.waktu);
	out->changed = found && !*out->complete;
	out->v = xcalloc((size_t)(map->n ? map->n : 1), sizeof *out->v);
	for (int i = 0; i < map->n; i++) {
		const struct dhis2_line *l = &map->e[i];
		char v[24];
		const char *val = cell_value(sb_str(&cells), l->baris, l->kolom, v, sizeof v);
		if (!val)
			val = "0";	/* a known cell not printed: LB1 prints no zeros */
		if (!*val || (!map->send_zero && strcmp(val, "0") == 0))
			continue;
		struct dhis2_value *d = &out->v[out->n++];
		d->de = l->de;
		d->coc = l->coc;
		str_copy(d->value, sizeof d->value, val);
	}
	/* the non-zero cells no line maps: numbers that would not reach DHIS2 */
	for (char *p = cells.s; p && *p; p = strchr(p, '\n') + 1) {
		char line[256];
		snprintf(line, sizeof line, "%.*s", (int)strcspn(p, "\n"), p);
		char *v = strrchr(line, ','), *k;
		if (!v || !(*v = '\0', k = strrchr(line, ',')))
			continue;
		*k = '\0';
		int mapped = 0;
		for (int i = 0; i < map->n && !mapped; i++)
			mapped = strcmp(map->e[i].baris, line) == 0 && strcmp(map->e[i].kolom, k + 1) == 0;
		if (!mapped && strcmp(v + 1, "0") != 0 && v[1])
			sb_printf(warn, "%s,%s = %s tidak dipetakan\n", line, k + 1, v + 1);
	}
	sb_free(&cells);
	return 0;
}

void dhis2_set_free(struct dhis2_set *s)
{
	free(s->v);
	s->v = NULL;
}

void dhis2_write_csv(const struct dhis2_set *s, FILE *f)
{
	fputs("dataelement,period,orgunit,catoptcombo,attroptcombo,value\n", f);
	for (int i = 0; i < s->n; i++)
		fprintf(f, "%s,%s,%s,%s,,%s\n", s->v[i].de, s->period, s->map->org_unit, s->v[i].coc, s->v[i].value);
}
