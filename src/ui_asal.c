/* Where a number comes from, on screen: the report viewer's cell cursor (the
 * arrows move it between data cells) and, on Enter, the rows behind the cell
 * (asal_build), from which Enter opens a visit when the role may. */
#include "ui_priv.h"
#include "pkm/asal.h"
#include "pkm/output.h"
#include "pkm/table.h"
#include <stdlib.h>
#include <string.h>

struct cell_cursor {
	struct cell_map map;	/* the cells as the report's text placed them */
	int *line, *col;	/* each cell's line and screen column in the shown text */
	int cur;		/* the cell under the cursor; -1 when there is none */
	char name[16], month[8];
	struct report_req req;
};

struct cell_cursor *cursor_new(const struct report_req *req, struct cell_map *map, const char *text)
{
	struct cell_cursor *c = xcalloc(1, sizeof *c);
	c->map = *map;
	memset(map, 0, sizeof *map);
	str_copy(c->name, sizeof c->name, req->name);
	str_copy(c->month, sizeof c->month, req->month);
	c->req = *req;
	c->req.name = c->name;
	c->req.month = c->month;
	c->line = xcalloc((size_t)c->map.n + 1, sizeof *c->line);
	c->col = xcalloc((size_t)c->map.n + 1, sizeof *c->col);
	/* the viewer shows control characters escaped: columns are counted so */
	const char *start = text;
	int line = 0;
	size_t done = 0;
	for (int i = 0; i < c->map.n; i++) {
		for (; done < c->map.pos[i].off; done++)
			if (text[done] == '\n') {
				line++;
				start = text + done + 1;
			}
		struct sbuf shown = { 0 };
		text_visible(&shown, start, (size_t)(text + done - start), "\f");
		c->line[i] = line;
		c->col[i] = utf8_width(sb_str(&shown));
		sb_free(&shown);
	}
	c->cur = c->map.n ? 0 : -1;
	return c;
}

void cursor_free(struct cell_cursor *c)
{
	if (!c)
		return;
	cell_map_free(&c->map);
	free(c->line);
	free(c->col);
	free(c);
}

/* The cell on the nearest line after (dir 1) or before (-1) the cursor's with
 * cells, closest in column; the cursor's own when there is none. */
static int vertical(const struct cell_cursor *c, int dir)
{
	int i = c->cur;
	while (i + dir >= 0 && i + dir < c->map.n && c->line[i + dir] == c->line[c->cur])
		i += dir;
	i += dir;
	if (i < 0 || i >= c->map.n)
		return c->cur;
	int best = i, line = c->line[i];
	for (; i >= 0 && i < c->map.n && c->line[i] == line; i += dir)
		if (abs(c->col[i] - c->col[c->cur]) < abs(c->col[best] - c->col[c->cur]))
			best = i;
	return best;
}

int cursor_move(struct cell_cursor *c, int key, int *top, int page, int *left)
{
	if (!c || c->cur < 0 || (key != K_LEFT && key != K_RIGHT && key != K_UP && key != K_DOWN))
		return 0;
	if (c->line[c->cur] < *top || c->line[c->cur] >= *top + page) {
		/* scrolled away (PgUp, PgDn): the first cell in sight takes the cursor */
		int i = 0;
		while (i < c->map.n - 1 && c->line[i] < *top)
			i++;
		c->cur = i;
	} else if (key == K_RIGHT || key == K_LEFT) {
		int next = c->cur + (key == K_RIGHT ? 1 : -1);
		if (next >= 0 && next < c->map.n && c->line[next] == c->line[c->cur])
			c->cur = next;
	} else {
		c->cur = vertical(c, key == K_DOWN ? 1 : -1);
	}
	/* the cell in sight */
	int line = c->line[c->cur], col = c->col[c->cur], w = c->map.pos[c->cur].width;
	if (line < *top)
		*top = line;
	if (line >= *top + page)
		*top = line - page + 1;
	if (col < *left)
		*left = col / 10 * 10;
	if (col + w > *left + COLS)
		*left = (col + w - COLS + 9) / 10 * 10;
	return 1;
}

void cursor_draw(const struct cell_cursor *c, char **lines, int y0, int top, int page, int left)
{
	if (!c || c->cur < 0)
		return;
	int y = c->line[c->cur] - top, x = c->col[c->cur] - left, w = c->map.pos[c->cur].width;
	if (y < 0 || y >= page || x < 0 || x + w > COLS)
		return;
	const char *s = lines[c->line[c->cur]];
	ui_text(y0 + y, x, w, s + utf8_prefix(s, c->col[c->cur]), A_REVERSE);
}

/* One line of the list, control characters shown escaped. */
static void list_out(struct ui *u, enum action a, const struct asal *x, const struct cell_cursor *c)
{
	char *text = NULL, file[64];
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	if (!mem) {
		ui_message(u, 1, "memori tidak cukup");
		return;
	}
	asal_write(x, FMT_TEXT, mem);
	fclose(mem);
	snprintf(file, sizeof file, "asal-%.16s-%.7s.txt", c->name, c->month);
	ui_text_out(u, a, text, len, file);
	free(text);
}

void ui_asal_list(struct ui *u, const struct cell_cursor *c)
{
	if (!c || c->cur < 0)
		return;
	char cell[84], title[240];
	cell_key(&c->map, c->cur, cell, sizeof cell);
	ui_text(ui_msg_y(u), 0, COLS, "Mencari baris di balik angka...", A_BOLD);
	refresh();
	struct asal x;
	struct sbuf err = { 0 };
	if (asal_build(u->db, u->cfg, &c->req, cell, &x, &err) != ASAL_OK) {
		char first[200];
		str_copy(first, sizeof first, sb_str(&err));
		first[strcspn(first, "\n")] = '\0';
		ui_message(u, 1, "%s", first);
		sb_free(&err);
		return;
	}
	sb_free(&err);
	snprintf(title, sizeof title, "Asal angka: %s", x.judul);
	int sel = 0, top = 0;
	for (;;) {
		int page = LINES - 6;
		ui_frame(u, title, CTX_VIEWER);
		ui_text(2, 0, COLS, asal_head(), A_BOLD);
		char line[256];
		ui_list_scroll(sel, &top, page);
		for (int i = 0; i < page && top + i < x.n; i++) {
			asal_line(&x.rows[top + i], line, sizeof line);
			ui_text_stored(3 + i, 0, COLS, line, strlen(line), top + i == sel ? A_REVERSE : 0);
		}
		snprintf(line, sizeof line, "Jumlah: %ld (%d baris)", x.total, x.n);
		ui_text(3 + (x.n < page ? x.n : page), 0, COLS, line, A_BOLD);
		curs_set(0);
		refresh();
		int k = ui_key(u);
		enum action a = action_for_key(k, CTX_VIEWER);
		if (a == A_HELP) {
			ui_help(u);
		} else if (a == A_BACK) {
			break;
		} else if (a == A_TOFILE || a == A_PRINT) {
			list_out(u, a, &x, c);
		} else if (a == A_OPEN && x.n > 0) {
			if (!x.rows[sel].kunjungan)
				ui_message(u, 1, "Baris ini bukan kunjungan (mutasi stok atau isian bulanan)");
			else if (!action_allowed(&pkm_actions[A_VISITS - 1]))
				ui_message(u, 1, "Peran Anda tidak membuka kunjungan: daftar ini hanya untuk dilihat");
			else
				ui_visit_open(u, x.rows[sel].kunjungan);
		} else {
			ui_list_move(k, &sel, x.n, page);
		}
	}
	asal_free(&x);
	u->msg[0] = '\0';
}
