/* Terminal set-up, the key reader, frame drawing, prompts and help. */
#include "ui_priv.h"
#include "pkm/rowdef.h"
#include "pkm/audit.h"
#include "pkm/backup.h"
#include "pkm/outbox.h"
#include "pkm/icd_list.h"
#include "pkm/ui.h"
#include "pkm/db.h"
#include "pkm/output.h"
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <malloc.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#define MIN_COLS 80
#define MIN_LINES 24

static int too_small(void) { return COLS < MIN_COLS || LINES < MIN_LINES; }

static void draw_too_small(void)
{
	erase();
	mvaddstr(0, 0, "Terminal terlalu kecil.");
	mvaddstr(1, 0, "Perbesar jendela sampai");
	mvaddstr(2, 0, "minimal 80 x 24.");
	mvprintw(3, 0, "Sekarang: %d x %d", COLS, LINES);
	refresh();
}

/* Translate what curses gives into pkm key codes. */
static int translate(int r, wint_t wc)
{
	if (r == OK) {
		if (wc == '\n' || wc == '\r')
			return K_ENTER;
		if (wc == 27)
			return K_ESC;
		if (wc == '\t')
			return K_TAB;
		if (wc == 127 || wc == 8)
			return K_BACKSPACE;
		if (wc < 32)
			return K_CTRL('@' + (int)wc);
		return (int)wc;
	}
	if (wc >= (wint_t)KEY_F(1) && wc <= (wint_t)KEY_F(12))
		return K_F((int)wc - KEY_F(0));
	switch (wc) {
	case KEY_ENTER: return K_ENTER;
	case KEY_BTAB: return K_BTAB;
	case KEY_UP: return K_UP;
	case KEY_DOWN: return K_DOWN;
	case KEY_LEFT: return K_LEFT;
	case KEY_RIGHT: return K_RIGHT;
	case KEY_HOME: return K_HOME;
	case KEY_END: return K_END;
	case KEY_PPAGE: return K_PGUP;
	case KEY_NPAGE: return K_PGDN;
	case KEY_BACKSPACE: return K_BACKSPACE;
	case KEY_DC: return K_DELETE;
	case KEY_RESIZE: return K_RESIZE;
	case KEY_SLEFT: return K_CLEFT;
	case KEY_SRIGHT: return K_CRIGHT;
	default:	/* a key terminfo names itself: the Linux console's Shift-Tab is kcbt2 (ESC [ Z) */
		return wc > KEY_MAX && keyname((int)wc) && strncmp(keyname((int)wc), "kcbt", 4) == 0 ? K_BTAB : 0;
	}
}

/* Milliseconds without a key before the screen locks; -1 for never.
 * PKM_KUNCI_DETIK sets it in seconds (the screen tests). */
static int idle_ms(const struct ui *u)
{
	if (!u || !u->user.id || u->locking)
		return -1;
	const char *test = getenv("PKM_KUNCI_DETIK");
	long seconds = test && *test ? atol(test) : u->cfg->idle_minutes * 60;
	return seconds > 0 ? (int)(seconds * 1000) : -1;
}

/* One key, as get_wch gives it, but the bytes are decoded here: curses'
 * own decoder stalls on an invalid byte until a resize. A byte that is not
 * the locale's text is dropped with a beep. DROPPED: nothing to return. */
enum { DROPPED = -2 };
static int read_wch(int ms, wint_t *wc)
{
	timeout(ms);
	int c = getch();
	timeout(-1);
	if (c == ERR)
		return ERR;
	if (c >= KEY_MIN || c > 0xFF) {
		*wc = (wint_t)c;
		return KEY_CODE_YES;
	}
	mbstate_t st;
	memset(&st, 0, sizeof st);
	for (int n = 0; n < 8; n++) {
		char byte = (char)c;
		wchar_t w;
		size_t r = mbrtowc(&w, &byte, 1, &st);
		if (r != (size_t)-2) {
			if (r == (size_t)-1 && n > 0)
				ungetch(c);	/* it ended a bad sequence: it may start a good one */
			if (r == (size_t)-1)
				break;
			*wc = (wint_t)w;
			return OK;
		}
		timeout(50);	/* the rest of a character comes at once or not at all */
		c = getch();
		timeout(-1);
		if (c == ERR || c > 0xFF) {
			if (c != ERR)
				ungetch(c);
			break;
		}
	}
	beep();
	return DROPPED;
}

/* Bracketed paste (xterm's mode 2004): the terminal wraps pasted text in
 * ESC[200~ ... ESC[201~, and pkm reads it as one K_PASTE, never as keys, so a
 * line break in it is no Enter. Terminals without the mode type a paste. */
static unsigned paste[LE_MAX];
static size_t paste_n;

/* Right after an ESC: 1 when `tail` follows (read), else 0 and what was read is
 * put back. The first byte is there at once or it was a lone Esc. */
static int esc_tail(const char *tail)
{
	int got[8], n = 0;
	while (tail[n]) {
		timeout(n ? 50 : 0);
		int c = getch();
		timeout(-1);
		if (c == ERR)
			break;
		got[n++] = c;
		if (c != (unsigned char)tail[n - 1])
			break;
	}
	if (!tail[n] && got[n - 1] == (unsigned char)tail[n - 1])
		return 1;
	while (n > 0)
		ungetch(got[--n]);
	return 0;
}

/* The pasted text up to ESC[201~ (or a pause: the end was lost), as code points. */
static void read_paste(void)
{
	paste_n = 0;
	for (;;) {
		wint_t wc;
		int r = read_wch(500, &wc);
		if (r == ERR || (r == OK && wc == 27 && esc_tail("[201~")))
			return;
		if (r == OK && paste_n < LE_MAX)
			paste[paste_n++] = (unsigned)wc;
	}
}

/* The mode is asked of terminals that know it: terminfo's BE/BD, or an xterm-like TERM. */
static void paste_mode(int on)
{
	const char *cap = tigetstr(on ? "BE" : "BD"), *term = getenv("TERM");
	if (cap == (char *)-1 || !cap) {
		static const char *const like[] = { "xterm", "tmux", "screen", "rxvt", "foot", "alacritty", "kitty" };
		cap = NULL;
		for (size_t i = 0; i < ARRAY_LEN(like) && term; i++)
			if (strncmp(term, like[i], strlen(like[i])) == 0)
				cap = on ? "\033[?2004h" : "\033[?2004l";
	}
	if (cap) {
		putp(cap);
		fflush(stdout);	/* putp writes to stdout, not to curses' own buffer */
	}
}

void ui_end(void)
{
	paste_mode(0);
	endwin();
}

static long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static attr_t msg_attr(const struct ui *u)
{
	return u->msg_err ? (u->color ? COLOR_PAIR(PAIR_ERR) | A_BOLD : A_BOLD | A_UNDERLINE) : A_BOLD;
}

/* A message longer than its line takes the line above too, drawn over the
 * screen just before a key is read: nothing a user must read is cut. */
static void long_message(struct ui *u)
{
	if (!u->msg[0] || utf8_width(u->msg) <= COLS)
		return;
	int y, x;
	getyx(stdscr, y, x);
	ui_text_wrap(LINES - 3, 0, COLS, 2, u->msg, msg_attr(u));
	move(y, x);
	refresh();
}

/* The right of the title bar: the daily copy's progress while it runs, the
 * puskesmas and the date. */
static void title_right(struct ui *u)
{
	int left_w = u->title_w + 1;	/* the title itself is never drawn over */
	attr_t t = u->color ? COLOR_PAIR(PAIR_TITLE) | A_BOLD : A_REVERSE;
	char right[224], job[80] = "";
	if (u->backup.pid)
		snprintf(job, sizeof job, "cadangan %d%% | ",
			 u->backup.total ? (int)(100L * u->backup.done / u->backup.total) : 0);
	else if (u->backup.state)	/* how today's copy ended, for the whole session */
		str_copy(job, sizeof job, u->backup.state > 0 ? "cadangan ok | " : "CADANGAN GAGAL | ");
	/* the data officer and the admin see what has not reached SATUSEHAT or P-Care yet */
	long waiting = 0, failed = 0;
	const int on[2] = { u->cfg->satusehat.aktif, u->cfg->pcare.aktif };
	for (int i = 0; i < 2 && (role_rights(u->user.peran) & R_REPORTS); i++) {
		struct outbox_counts n;
		struct sbuf err = { 0 };
		if (on[i] && outbox_count(u->db, i ? "pcare" : "satusehat", 0, &n, &err) == 0) {
			waiting += n.menunggu + n.gagal;
			failed += n.gagal;
		}
		sb_free(&err);
	}
	if (waiting)
		snprintf(job + strlen(job), sizeof job - strlen(job), "kirim %ld%s | ", waiting, failed ? " GAGAL" : "");
	snprintf(right, sizeof right, "%s%s  %02d-%02d-%04d ", job, u->cfg->nama, u->today.d, u->today.m, u->today.y);
	if (utf8_width(right) >= COLS - left_w)	/* a long title: the puskesmas' name gives way */
		snprintf(right, sizeof right, "%s%02d-%02d-%04d ", job, u->today.d, u->today.m, u->today.y);
	int rw = utf8_width(right);
	if (rw < COLS - left_w) {	/* blanked first: a shorter text leaves none of a longer one */
		ui_text(0, left_w, COLS - left_w - rw, "", t);
		ui_text(0, COLS - rw, rw, right, t);
	}
}

/* The daily copy beside the session: its progress and its end in the title
 * bar; a failure also on the message line, once, when that line holds no
 * error of the user's own (an error waits until it is gone). */
static void backup_tick(struct ui *u)
{
	int failed_untold = u->backup.state < 0 && !u->backup_told;
	if (!u->backup.pid && !failed_untold)
		return;
	int y, x;
	getyx(stdscr, y, x);
	if (u->backup.pid)
		backup_job_poll(&u->backup);
	if (u->backup.state < 0 && !u->backup_told && (!u->msg[0] || !u->msg_err)) {
		ui_message(u, 1, "Cadangan harian GAGAL: %s", u->backup.result);
		ui_text(ui_msg_y(u), 0, COLS, u->msg, msg_attr(u));
		u->backup_told = 1;
	}
	title_right(u);
	move(y, x);
	refresh();
}

/* A pause this long (ms) between keys gives the page cache back. */
#define PAUSE_MS 500

/* Several desks share one host's memory: a desk nobody is typing at holds no
 * page cache (SQLite's unused pages freed, the heap trimmed), and reads it
 * again from the system's file cache at the next key. */
static void give_back_memory(struct ui *u)
{
	if (u->db)
		sqlite3_db_release_memory(u->db);
	malloc_trim(0);
}

/* A tick is no key: after one, the idle lock's clock and the pause go on. */
static struct {
	int ticked, paused;
	long start;
} since_key;

/* A key, or K_TICK after tick_ms without one (tick_ms < 0: a key only). */
static int key_wait(struct ui *u, int tick_ms)
{
	long_message(u);
	backup_tick(u);
	long called = now_ms();
	long start = since_key.ticked ? since_key.start : called;	/* since the last key: the idle lock's clock */
	int paused = since_key.ticked && since_key.paused;
	since_key.ticked = 0;
	for (;;) {
		wint_t wc;
		int idle = idle_ms(u), wait = idle < 0 ? -1 : (int)(idle - (now_ms() - start));
		if (wait < -1 || (idle >= 0 && wait < 0))
			wait = 0;
		if (u->backup.pid && (wait < 0 || wait > 250))
			wait = 250;	/* the copy's progress shown while nobody types */
		if (!paused && (wait < 0 || wait > PAUSE_MS))
			wait = PAUSE_MS;
		long tick = tick_ms - (now_ms() - called);
		if (tick_ms >= 0 && (wait < 0 || wait > tick))
			wait = tick > 0 ? (int)tick : 0;
		int r = read_wch(wait, &wc);
		if (r == DROPPED) {
			start = now_ms();
			continue;
		}
		if (r == ERR) {
			if (!isatty(STDIN_FILENO)) {	/* the terminal is gone: do not spin */
				ui_end();
				exit(1);
			}
			backup_tick(u);
			if (!paused && now_ms() - start >= PAUSE_MS) {
				give_back_memory(u);
				paused = 1;
			}
			if (idle >= 0 && now_ms() - start >= idle) {	/* nobody at the desk: hide the screen */
				ui_lock(u);
				return K_RESIZE;
			}
			if (tick_ms >= 0 && now_ms() - called >= tick_ms) {
				since_key.ticked = 1;
				since_key.paused = paused;
				since_key.start = start;
				return K_TICK;
			}
			continue;
		}
		int key = translate(r, wc);
		if (key == K_RESIZE) {
			/* collapse a burst of resizes, then wait until the size is usable */
			while (read_wch(0, &wc) == KEY_CODE_YES && wc == KEY_RESIZE)
				;
			while (too_small()) {
				draw_too_small();
				if (read_wch(-1, &wc) == ERR && !isatty(STDIN_FILENO)) {
					ui_end();
					exit(1);
				}
			}
			return K_RESIZE;
		}
		if (key == K_ESC && esc_tail("[200~")) {
			read_paste();
			key = paste_n ? K_PASTE : 0;
		}
		if (key)
			return key;
	}
}

int ui_key(struct ui *u) { return key_wait(u, -1); }
int ui_key_tick(struct ui *u, int ms) { return key_wait(u, ms); }

attr_t ui_attr_sel(struct ui *u)
{
	(void)u;
	return A_REVERSE;
}

void ui_text(int y, int x, int w, const char *s, attr_t attr)
{
	if (w <= 0 || y < 0 || y >= LINES)
		return;
	attron(attr);
	size_t n = utf8_prefix(s, w);
	mvaddnstr(y, x, s, (int)n);
	for (int i = utf8_width(s) < w ? utf8_width(s) : w; i < w; i++)
		addch(' ');
	attroff(attr);
}

void ui_text_stored(int y, int x, int w, const char *s, size_t len, attr_t attr)
{
	struct sbuf shown = { 0 };
	text_visible(&shown, s, len, "");
	ui_text(y, x, w, sb_str(&shown), attr);
	sb_free(&shown);
}

void ui_text_wrap(int y, int x, int w, int rows, const char *s, attr_t attr)
{
	char line[512];
	for (int r = 0; r < rows; r++) {
		size_t n = utf8_prefix(s, w);
		if (s[n] && r < rows - 1) {	/* break at the last space that fits */
			size_t sp = n;
			while (sp > 0 && s[sp] != ' ')
				sp--;
			if (sp > 0)
				n = sp;
		}
		str_copy(line, sizeof line < n + 1 ? sizeof line : n + 1, s);
		ui_text(y + r, x, w, line, attr);
		s += n;
		while (*s == ' ')
			s++;
	}
}

void ui_message(struct ui *u, int is_error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(u->msg, sizeof u->msg, fmt, ap);
	va_end(ap);
	u->msg_err = is_error;
}

/* The key bar: one line, or two when this screen's keys and the main screens'
 * do not fit on one (the layout is the core's, action_bar). */
static void hint_bar(struct ui *u)
{
	struct hint h[A_COUNT];
	int n = action_bar(u->ctx, action_rights(), COLS, h, &u->bar);
	attr_t bar = u->color ? COLOR_PAIR(PAIR_HINT) : A_REVERSE;
	attron(bar);
	for (int y = LINES - u->bar; y < LINES; y++)
		mvhline(y, 0, ' ', COLS);
	for (int i = 0; i < n; i++) {
		attron(A_BOLD);
		mvaddstr(LINES - u->bar + h[i].line, h[i].x, h[i].key);
		attroff(A_BOLD);
		addch(' ');
		addstr(h[i].a->hint);
	}
	attroff(bar);
}

int ui_msg_y(const struct ui *u) { return LINES - 1 - u->bar; }

void ui_frame(struct ui *u, const char *title, unsigned ctx)
{
	erase();
	attr_t t = u->color ? COLOR_PAIR(PAIR_TITLE) | A_BOLD : A_REVERSE;
	char left[160];
	snprintf(left, sizeof left, " pkm | %s", title);
	ui_text(0, 0, COLS, left, t);
	u->title_w = utf8_width(left);
	title_right(u);
	u->ctx = ctx;
	hint_bar(u);
	if (u->msg[0])
		ui_text(ui_msg_y(u), 0, COLS, u->msg, msg_attr(u));
}

int ui_edit_key(struct lineedit *le, int key, int *changed)
{
	static const struct {
		int key;
		enum le_op op;
	} map[] = {
		{ K_BACKSPACE, LE_BACKSPACE }, { K_DELETE, LE_DELETE }, { K_LEFT, LE_LEFT },
		{ K_RIGHT, LE_RIGHT }, { K_HOME, LE_HOME }, { K_END, LE_END }, { K_CTRL('A'), LE_HOME },
		{ K_CTRL('E'), LE_END }, { K_CLEFT, LE_WORD_LEFT }, { K_CRIGHT, LE_WORD_RIGHT },
		{ K_CTRL('U'), LE_KILL_START }, { K_CTRL('W'), LE_WORD_LEFT }, { K_CTRL('L'), LE_KILL_END },
	};
	*changed = 0;
	if (key == K_PASTE) {
		*changed = le_paste(le, paste, paste_n);
		return 1;
	}
	if (key > 0 && key < K_BASE) {
		*changed = le_apply(le, LE_INSERT, (unsigned)key);
		return 1;
	}
	for (size_t i = 0; i < ARRAY_LEN(map); i++)
		if (map[i].key == key) {
			*changed = le_apply(le, map[i].op, 0);
			return 1;
		}
	return 0;
}

void ui_edit(int y, int x, int w, struct lineedit *le, int focus)
{
	int cx = le_view(le, w);
	ui_text(y, x, w, le->buf + le->scroll, A_UNDERLINE | (focus ? A_BOLD : 0));
	if (le->scroll > 0)
		mvaddch(y, x - 1, '<');
	if (focus)
		move(y, x + cx);
}

int ui_confirm(struct ui *u, const char *question)
{
	u->msg[0] = '\0';	/* the question takes the message line */
	for (;;) {
		char q[512];
		snprintf(q, sizeof q, "%s (y = ya, t = tidak)", question);
		if (utf8_width(q) > COLS)	/* a long question takes the line above too */
			ui_text_wrap(ui_msg_y(u) - 1, 0, COLS, 2, q, A_BOLD | A_REVERSE);
		else
			ui_text(ui_msg_y(u), 0, COLS, q, A_BOLD | A_REVERSE);
		refresh();
		int k = ui_key(u);
		if (k == K_RESIZE)
			continue;
		return k == 'y' || k == 'Y';
	}
}

int ui_ask(struct ui *u, const char *label, struct lineedit *le)
{
	u->msg[0] = '\0';
	for (;;) {
		ui_text(ui_msg_y(u), 0, COLS, label, A_BOLD);
		int lw = utf8_width(label) + 1;
		curs_set(1);
		ui_edit(ui_msg_y(u), lw, COLS - lw - 1, le, 1);
		refresh();
		int k = ui_key(u), changed;
		if (k == K_ENTER)
			return 1;
		if (k == K_ESC || k == K_CTRL('C'))
			return 0;
		ui_edit_key(le, k, &changed);
	}
}

void ui_help(struct ui *u)
{
	static const char *nav[] = {
		/* each within 78 columns: nothing here is cut at 80x24 */
		"Daftar: panah atas/bawah, PgUp/PgDn, Home/End pindah baris",
		"Isian: Tab/Shift-Tab, Enter, panah: pindah kolom; Enter di kolom akhir: simpan",
		"Saat mengetik: panah kiri/kanan, Home/End (^A/^E); ^W ke kata sebelumnya",
		"^U hapus ke awal, ^L hapus ke akhir",
		"Kolom pilihan (jenis kelamin, penjamin, unit): ketik kodenya (awalnya cukup:",
		"IG menjadi IGD) atau Spasi untuk daftar pilihan",
		"^ berarti tombol Ctrl: setiap tombol F punya pasangan Ctrl untuk terminal",
		"yang tidak meneruskan tombol F",
	};
	/* this screen's keys under a heading, then those of every screen, then how
	 * to move and type; scrolls on small screens */
	const struct action_info *keys[A_COUNT];
	int here, n = action_help(u->ctx, action_rights(), keys, &here), top = 0;
	int total = n + 2 + 1 + (int)ARRAY_LEN(nav);
	for (;;) {
		int rows = LINES - 3;
		erase();
		ui_text(0, 0, COLS, " pkm | Bantuan", u->color ? COLOR_PAIR(PAIR_TITLE) | A_BOLD : A_REVERSE);
		for (int y = 0; y < rows && top + y < total; y++) {
			int i = top + y;	/* heading, this screen's keys, heading, the others, blank, nav */
			if (i == 0 || i == here + 1) {
				ui_text(2 + y, 1, COLS - 2, i ? (u->ctx & CTX_MAIN ? "Di setiap layar utama:" : "Di setiap layar:")
							      : "Di layar ini:", A_UNDERLINE);
			} else if (i <= n + 1) {
				const struct action_info *a = keys[i <= here ? i - 1 : i - 2];
				char k[32];
				action_keys(a, k, sizeof k);
				ui_text(2 + y, 1, 14, k, A_BOLD);
				ui_text(2 + y, 16, COLS - 17, a->help, 0);
			} else if (i > n + 2) {
				ui_text(2 + y, 1, COLS - 2, nav[i - n - 3], 0);
			}
		}
		ui_text(LINES - 1, 0, COLS,
			total > rows ? " Panah/PgDn: gulir; tombol lain: kembali" : " Tekan tombol apa saja untuk kembali",
			A_REVERSE);
		refresh();
		int k = ui_key(u);
		if (k == K_RESIZE)
			continue;
		int max_top = total > rows ? total - rows : 0;
		if (k == K_DOWN || k == K_PGDN)
			top = top + (k == K_DOWN ? 1 : rows) < max_top ? top + (k == K_DOWN ? 1 : rows) : max_top;
		else if (k == K_UP || k == K_PGUP)
			top = top - (k == K_UP ? 1 : rows) > 0 ? top - (k == K_UP ? 1 : rows) : 0;
		else
			return;
	}
}

int ui_pick(struct ui *u, const char *title, char (*code)[24], char (*label)[80], int n, int sel)
{
	int top = 0;
	for (;;) {
		int rows = LINES - 6;
		ui_list_scroll(sel, &top, rows);
		ui_frame(u, title, CTX_PICK);
		ui_text(2, 2, COLS - 4, "Panah atas/bawah lalu Enter; Esc: batal", A_DIM);
		for (int i = 0; i < rows && top + i < n; i++) {
			char line[128];
			snprintf(line, sizeof line, "%-10s %s", code[top + i], label[top + i]);
			ui_text(4 + i, 2, COLS - 4, line, top + i == sel ? ui_attr_sel(u) : 0);
		}
		curs_set(0);
		refresh();
		int k = ui_key(u);
		enum action a = action_for_key(k, CTX_PICK);
		if (a == A_OPEN)
			return sel;
		if (a == A_BACK)
			return -1;
		if (a == A_HELP)
			ui_help(u);
		else
			ui_list_move(k, &sel, n, rows);
	}
}

int ui_list_move(int key, int *sel, int n, int page)
{
	int s = *sel;
	switch (key) {
	case K_UP: s--; break;
	case K_DOWN: s++; break;
	case K_PGUP: s -= page; break;
	case K_PGDN: s += page; break;
	case K_HOME: s = 0; break;
	case K_END: s = n - 1; break;
	default: return 0;
	}
	if (s >= n)
		s = n - 1;
	if (s < 0)
		s = 0;
	*sel = s;
	return 1;
}

void ui_list_scroll(int sel, int *top, int rows)
{
	if (sel < *top)
		*top = sel;
	if (sel >= *top + rows)
		*top = sel - rows + 1;
}


int ui_main_action(struct ui *u, enum action a)
{
	switch (a) {
	case A_HELP: ui_help(u); return -1;
	case A_REGISTER: return SCR_REGISTER;
	case A_VISITS: return SCR_VISITS;
	case A_REPORTS: return SCR_REPORTS;
	case A_PHARMACY: return SCR_QUEUE;	/* the counter's home; its stock one key further */
	case A_ADMIN: return SCR_ADMIN;
	case A_SWITCH: return SCR_SWITCH;
	case A_QUIT: return SCR_QUIT;
	default: return -1;
	}
}

static void colors(struct ui *u)
{
	const char *no_color = getenv("NO_COLOR");
	u->color = has_colors() && !(no_color && *no_color);
	if (!u->color)
		return;
	start_color();
	use_default_colors();
	init_pair(PAIR_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(PAIR_ERR, COLOR_RED, -1);
	init_pair(PAIR_HINT, COLOR_BLACK, COLOR_CYAN);
	init_pair(PAIR_OK, COLOR_GREEN, -1);
}

static void backup_progress_bar(void *ctx, int done, int total)
{
	(void)ctx;
	int w = COLS - 20 > 50 ? 50 : COLS - 20, filled = total ? done * w / total : w;
	mvaddstr(LINES - 2, 0, "Mencadangkan [");
	for (int i = 0; i < w; i++)
		addch(i < filled ? '#' : '.');
	printw("] %3d%%", total ? done * 100 / total : 100);
	refresh();
}

void ui_backup(struct ui *u)
{
	char dir[PATH_MAX], file[PATH_MAX + 64];
	config_backup_dir(u->cfg, u->db_path, dir, sizeof dir);
	struct sbuf err = { 0 };
	erase();
	if (backup_make(u->db, dir, file, sizeof file, backup_progress_bar, NULL, &err) != 0)
		ui_message(u, 1, "Cadangan gagal: %s", sb_str(&err));
	else
		ui_message(u, 0, "Cadangan dibuat dan diperiksa: %s", file);
	sb_free(&err);
}

/* The first log-in of the day starts the daily copy and goes on at once. */
static void daily_backup(struct ui *u)
{
	if (u->backup.pid)
		return;	/* one already running (a switch of user) */
	char dir[PATH_MAX];
	config_backup_dir(u->cfg, u->db_path, dir, sizeof dir);
	struct sbuf err = { 0 };
	if (backup_daily_start("/proc/self/exe", u->db_path, dir, (int)u->cfg->backup_keep, u->today, &u->backup, &err) < 0)
		ui_message(u, 1, "Cadangan harian GAGAL: %s", sb_str(&err));
	sb_free(&err);
}

/* After the log-in: forms, report definitions, the daily backup. */
static void start_work(struct ui *u)
{
	/* a broken form is left out, not fatal: the desk must keep working */
	struct sbuf err = { 0 };
	int bad = forms_load_dir(u->db, u->cfg->forms_dir, &u->forms, &err);
	if (bad)
		ui_message(u, 1, "%d masalah pada formulir (tidak dipakai). Rincian: pkm periksa-formulir", bad);
	/* report definitions too: a broken one is told now, not at month's end */
	char dir[PATH_MAX + 32];
	int files;
	snprintf(dir, sizeof dir, "%s/laporan", u->cfg->forms_dir);
	if (!bad && access(dir, F_OK) == 0 && (bad = rowdefs_check_dir(u->db, dir, &files, &err)) != 0)
		ui_message(u, 1, "%d masalah pada definisi laporan. Rincian: pkm periksa-formulir", bad);
	/* the district's ICD-10 synonyms; the name search works without them */
	snprintf(dir, sizeof dir, "%s/icd10_sinonim.csv", u->cfg->forms_dir);
	if (access(dir, F_OK) == 0 && icd_synonyms_load(u->db, dir, &err) != 0 && !bad)
		ui_message(u, 1, "Sinonim ICD-10 bermasalah, tidak dipakai. Rincian: pkm periksa-formulir");
	sb_free(&err);
	if (u->cfg->backup_daily)
		daily_backup(u);
	/* the administrator hears of a tampered trail before anything else */
	struct sbuf warn = { 0 };
	if (strcmp(u->user.peran, "ADMIN") == 0 && audit_warnings(u->db, &warn) > 0)
		ui_message(u, 1, "PERINGATAN: %s", sb_str(&warn));
	sb_free(&warn);
}

/* The first main screen the role may use. */
static enum pkm_screen first_screen(void)
{
	static const struct { enum action a; enum pkm_screen s; } order[] = {
		{ A_REGISTER, SCR_REGISTER }, { A_PHARMACY, SCR_QUEUE }, { A_VISITS, SCR_VISITS },
		{ A_REPORTS, SCR_REPORTS }, { A_ADMIN, SCR_ADMIN },
	};
	for (size_t i = 0; i < ARRAY_LEN(order); i++)
		if (action_allowed(&pkm_actions[order[i].a - 1]))
			return order[i].s;
	return SCR_QUIT;
}

/* Key sequences a terminal may send that its terminfo entry lacks: PuTTY,
 * tmux or xterm running under TERM=linux or vt100 send F1-F4 as ESC O P..S,
 * which would otherwise arrive as Esc and two letters typed into a field. */
static void extra_keys(void)
{
	static const struct {
		const char *seq;
		int key;
	} extra[] = {
		{ "\033OP", KEY_F(1) },   { "\033OQ", KEY_F(2) },   { "\033OR", KEY_F(3) },   { "\033OS", KEY_F(4) },
		{ "\033[11~", KEY_F(1) }, { "\033[12~", KEY_F(2) }, { "\033[13~", KEY_F(3) }, { "\033[14~", KEY_F(4) },
		{ "\033[15~", KEY_F(5) }, { "\033[17~", KEY_F(6) }, { "\033[18~", KEY_F(7) }, { "\033[19~", KEY_F(8) },
		{ "\033[20~", KEY_F(9) }, { "\033[21~", KEY_F(10) }, { "\033[23~", KEY_F(11) }, { "\033[24~", KEY_F(12) },
		{ "\033OA", KEY_UP },     { "\033OB", KEY_DOWN },   { "\033OC", KEY_RIGHT },  { "\033OD", KEY_LEFT },
		{ "\033[A", KEY_UP },     { "\033[B", KEY_DOWN },   { "\033[C", KEY_RIGHT },  { "\033[D", KEY_LEFT },
		{ "\033OH", KEY_HOME },   { "\033OF", KEY_END },    { "\033[H", KEY_HOME },   { "\033[F", KEY_END },
		{ "\033[1~", KEY_HOME },  { "\033[4~", KEY_END },   { "\033[3~", KEY_DC },    { "\033[Z", KEY_BTAB },
	};
	for (size_t i = 0; i < ARRAY_LEN(extra); i++)
		if (key_defined(extra[i].seq) == 0)
			define_key(extra[i].seq, extra[i].key);
}

/* A shared desk PC changes hands: the user is forgotten (nothing more is
 * written as them) and the next one logs in; Esc there quits. */
static enum pkm_screen switch_user(struct ui *u)
{
	db_set_user(u->db, NULL);
	memset(&u->user, 0, sizeof u->user);
	action_limit(0);
	return ui_login(u) ? first_screen() : SCR_QUIT;
}

int ui_run(sqlite3 *db, struct pkm_config *cfg, const char *db_path)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "pkm: aplikasi terminal perlu terminal (gunakan pkm impor/laporan untuk skrip)\n");
		return 1;
	}
	if (!getenv("ESCDELAY"))
		set_escdelay(25);	/* Esc must cancel at once, not after a second */
	if (!initscr()) {
		fprintf(stderr, "pkm: terminal tidak dapat dipakai\n");
		return 1;
	}
	raw();		/* ^S, ^Q and ^C reach pkm as keys */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	paste_mode(1);
	extra_keys();
	meta(stdscr, TRUE);	/* all eight bits of each byte: pkm decodes them */
	/* the set-up may add the puskesmas identity to cfg, which the screens
	 * read (no copy: the configuration is 53 KB) */
	static struct ui u;
	u = (struct ui){ .db = db, .cfg = cfg, .today = date_today() };
	str_copy(u.db_path, sizeof u.db_path, db_path);
	db_desk_cache(db);	/* the session's peak under 8.5 MiB */
	colors(&u);
	while (too_small()) {
		draw_too_small();
		wint_t wc;
		if (get_wch(&wc) == ERR && !isatty(STDIN_FILENO))
			break;
	}
	int in = user_count(db) == 0 ? ui_setup(&u) : ui_login(&u);
	if (in) {
		start_work(&u);
		give_back_memory(&u);	/* the log-in's and the checks' leftovers, before the first key */
	}
	enum pkm_screen s = in ? first_screen() : SCR_QUIT;
	while (s != SCR_QUIT) {
		switch (s) {
		case SCR_REGISTER: s = ui_register(&u); break;
		case SCR_VISITS: s = ui_visits(&u); break;
		case SCR_REPORTS: s = ui_reports(&u); break;
		case SCR_PHARMACY: s = ui_pharmacy(&u); break;
		case SCR_QUEUE: s = ui_queue(&u); break;
		case SCR_ADMIN: s = ui_admin(&u); break;
		case SCR_SWITCH: s = switch_user(&u); break;
		case SCR_QUIT: break;
		}
	}
	ui_end();
	forms_free(&u.forms);
	return 0;
}
