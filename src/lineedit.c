#include "pkm/lineedit.h"
#include "pkm/util.h"
#include <string.h>
#include <wchar.h>

static size_t limit(const struct lineedit *le) { return le->max ? le->max : LE_MAX - 1; }
static int is_cont(char c) { return ((unsigned char)c & 0xC0) == 0x80; }

void le_set(struct lineedit *le, const char *text)
{
	size_t max = le->max;
	memset(le, 0, sizeof *le);
	le->max = max;
	str_copy(le->buf, limit(le) + 1, text);
	le->len = le->cur = strlen(le->buf);
}

static size_t prev_char(const struct lineedit *le, size_t i)
{
	if (i == 0)
		return 0;
	do
		i--;
	while (i > 0 && is_cont(le->buf[i]));
	return i;
}

static size_t next_char(const struct lineedit *le, size_t i)
{
	if (i >= le->len)
		return le->len;
	do
		i++;
	while (i < le->len && is_cont(le->buf[i]));
	return i;
}

static int encode(unsigned ch, char out[4])
{
	if (ch < 0x80) {
		out[0] = (char)ch;
		return 1;
	}
	if (ch < 0x800) {
		out[0] = (char)(0xC0 | (ch >> 6));
		out[1] = (char)(0x80 | (ch & 0x3F));
		return 2;
	}
	if (ch < 0x10000) {
		out[0] = (char)(0xE0 | (ch >> 12));
		out[1] = (char)(0x80 | ((ch >> 6) & 0x3F));
		out[2] = (char)(0x80 | (ch & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (ch >> 18));
	out[1] = (char)(0x80 | ((ch >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((ch >> 6) & 0x3F));
	out[3] = (char)(0x80 | (ch & 0x3F));
	return 4;
}

static void cut(struct lineedit *le, size_t from, size_t to)
{
	memmove(le->buf + from, le->buf + to, le->len - to + 1);
	le->len -= to - from;
	le->cur = from;
}

static int is_word(char c) { return c != ' ' && c != '\t'; }

static int printable(unsigned ch) { return ch >= 0x20 && ch != 0x7F && ch <= 0x10FFFF; }

int le_apply(struct lineedit *le, enum le_op op, unsigned ch)
{
	char enc[4];
	int n;
	size_t i;
	if (op == LE_INSERT && !printable(ch))
		return 0;	/* refused: not an edit, the code is still replaced by the next key */
	int replace = le->replace;
	le->replace = 0;
	if (replace && op == LE_INSERT)
		le_set(le, "");
	switch (op) {
	case LE_INSERT:
		n = encode(ch, enc);
		if (le->len + (size_t)n > limit(le))
			return 0;
		memmove(le->buf + le->cur + n, le->buf + le->cur, le->len - le->cur + 1);
		memcpy(le->buf + le->cur, enc, (size_t)n);
		le->len += (size_t)n;
		le->cur += (size_t)n;
		return 1;
	case LE_BACKSPACE:
		if (le->cur == 0)
			return 0;
		cut(le, prev_char(le, le->cur), le->cur);
		return 1;
	case LE_DELETE:
		if (le->cur >= le->len)
			return 0;
		i = le->cur;
		cut(le, i, next_char(le, i));
		return 1;
	case LE_LEFT:
		le->cur = prev_char(le, le->cur);
		return 0;
	case LE_RIGHT:
		le->cur = next_char(le, le->cur);
		return 0;
	case LE_HOME:
		le->cur = 0;
		return 0;
	case LE_END:
		le->cur = le->len;
		return 0;
	case LE_WORD_LEFT:
		while (le->cur > 0 && !is_word(le->buf[prev_char(le, le->cur)]))
			le->cur = prev_char(le, le->cur);
		while (le->cur > 0 && is_word(le->buf[prev_char(le, le->cur)]))
			le->cur = prev_char(le, le->cur);
		return 0;
	case LE_WORD_RIGHT:
		while (le->cur < le->len && is_word(le->buf[le->cur]))
			le->cur = next_char(le, le->cur);
		while (le->cur < le->len && !is_word(le->buf[le->cur]))
			le->cur = next_char(le, le->cur);
		return 0;
	case LE_KILL_START:
		if (le->cur == 0)
			return 0;
		cut(le, 0, le->cur);
		return 1;
	case LE_KILL_END:
		if (le->cur >= le->len)
			return 0;
		le->buf[le->cur] = '\0';
		le->len = le->cur;
		return 1;
	}
	return 0;
}

int le_paste(struct lineedit *le, const unsigned *text, size_t n)
{
	int changed = 0;
	for (size_t i = 0; i < n; i++)
		if (text[i] == '\t' || printable(text[i]))
			changed |= le_apply(le, LE_INSERT, text[i] == '\t' ? ' ' : text[i]);
	return changed;
}

void le_mask(const struct lineedit *le, struct lineedit *out)
{
	memset(out, 0, sizeof *out);
	for (size_t i = 0; i < le->len; i = next_char(le, i)) {
		if (i == le->cur)
			out->cur = out->len;
		out->buf[out->len++] = '*';
	}
	if (le->cur >= le->len)
		out->cur = out->len;
}

/* Display columns of the characters in [from, to). */
static int columns(const struct lineedit *le, size_t from, size_t to)
{
	int w = 0;
	mbstate_t st;
	memset(&st, 0, sizeof st);
	for (size_t i = from; i < to;) {
		wchar_t wc;
		size_t n = mbrtowc(&wc, le->buf + i, to - i, &st);
		if (n == 0 || n > to - i) {	/* invalid in this locale: one column a byte */
			memset(&st, 0, sizeof st);
			w++;
			i = next_char(le, i);
			continue;
		}
		int cw = wcwidth(wc);
		w += cw < 0 ? 1 : cw;
		i += n;
	}
	return w;
}

int le_view(struct lineedit *le, int width)
{
	if (width < 2)
		width = 2;
	if (le->scroll > le->cur)
		le->scroll = le->cur;
	/* keep one free column at the right edge for the cursor */
	while (columns(le, le->scroll, le->cur) > width - 1)
		le->scroll = next_char(le, le->scroll);
	return columns(le, le->scroll, le->cur);
}
