#include "pkm/reports.h"
#include "pkm/final.h"
#include "pkm/lb1.h"
#include "pkm/lb2.h"
#include "pkm/output.h"
#include "pkm/rowdef.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int report_format_parse(const char *s, enum report_format *out)
{
	if (strcmp(s, "text") == 0)
		*out = FMT_TEXT;
	else if (strcmp(s, "csv") == 0)
		*out = FMT_CSV;
	else if (strcmp(s, "data") == 0)
		*out = FMT_DATA;
	else
		return -1;
	return 0;
}

/* Print a built table in the requested text or CSV form; with cells, where its
 * data cells are in the text is recorded there. */
static void write_table(const struct pkm_config *cfg, const struct report_req *req, const char *note,
			struct cell_map *cells, const struct table *t, FILE *out)
{
	if (req->format == FMT_CSV) {
		table_csv(t, out);
		return;
	}
	struct date first, next;
	month_parse(req->month, &first, &next);
	char period[64];
	snprintf(period, sizeof period, "Bulan: %s %d", month_name(first.m), first.y);
	struct page_setup ps = { cfg, period, req->width, cfg->page_lines, note, cells };
	if (cells)	/* where the table's text begins in the whole */
		cells->base = (size_t)ftell(out);
	struct sbuf text = { 0 };
	table_text(t, &ps, &text);
	fputs(sb_str(&text), out);
	sb_free(&text);
}

static int write_lb1(sqlite3 *db, const struct pkm_config *cfg, const struct report_req *req, const char *note,
		     struct cell_map *cells, FILE *out, struct sbuf *err)
{
	struct lb1 r;
	if (lb1_build(db, req->month, req->layout, &r, err) != 0)
		return -1;
	if (req->format == FMT_DATA) {
		lb1_write_data(&r, out);
	} else {
		struct table t;
		lb1_table(&r, &t);
		write_table(cfg, req, note, cells, &t, out);
		table_free(&t);
	}
	lb1_free(&r);
	return 0;
}

static int write_lb2(sqlite3 *db, const struct pkm_config *cfg, const struct report_req *req, const char *note,
		     struct cell_map *cells, FILE *out, struct sbuf *err)
{
	struct lb2 r;
	if (lb2_build(db, &cfg->farmasi, req->month, &r, err) != 0)
		return -1;
	if (req->format == FMT_DATA) {
		lb2_write_data(&r, out);
	} else {
		struct table t;
		lb2_table(&r, &t);
		write_table(cfg, req, note, cells, &t, out);
		table_free(&t);
	}
	lb2_free(&r);
	return 0;
}

int report_rowdef(sqlite3 *db, const struct pkm_config *cfg, const char *name, struct rowdef *d, struct sbuf *err)
{
	char path[PATH_MAX];
	rowdef_path(cfg, name, path, sizeof path);
	if (strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789_") != strlen(name) || access(path, R_OK) != 0) {
		sb_printf(err, "laporan tidak dikenal: %s (tersedia: lb1, lb2, lb3, lb4, jampersal)", name);
		return -1;
	}
	struct sbuf why = { 0 };
	if (rowdef_load(db, path, d, &why) != 0) {
		sb_printf(err, "definisi laporan %s bermasalah: %s", name, sb_str(&why));
		sb_free(&why);
		rowdef_free(d);
		return -1;
	}
	sb_free(&why);
	return 0;
}

/* Reports defined as rows in forms/laporan/NAME.ini (LB3, LB4, Jampersal). */
static int write_rowdef(sqlite3 *db, const struct pkm_config *cfg, const struct report_req *req, const char *note,
			struct cell_map *cells, FILE *out, struct sbuf *err)
{
	struct rowdef d;
	if (report_rowdef(db, cfg, req->name, &d, err) != 0)
		return -1;
	struct rd_result r;
	int rc = rowdef_count(db, cfg, &d, req->month, &r, err);
	if (rc == 0 && req->format == FMT_DATA) {
		rd_write_data(&r, out);
	} else if (rc == 0) {
		struct table t;
		rd_table(&r, &t);
		write_table(cfg, req, note, cells, &t, out);
		table_free(&t);
	}
	if (rc == 0)
		rd_result_free(&r);
	rowdef_free(&d);
	return rc;
}

static const struct {
	const char *name;
	int (*write)(sqlite3 *, const struct pkm_config *, const struct report_req *, const char *, struct cell_map *,
		     FILE *, struct sbuf *);
} reports[] = {
	{ "lb1", write_lb1 },
	{ "lb2", write_lb2 },
};

/* A report written; with cells, its data cells recorded there. */
static int write_report(sqlite3 *db, const struct pkm_config *cfg, const struct report_req *req, struct cell_map *cells,
			FILE *out, struct sbuf *err)
{
	if (req->width != 80 && req->width != 136) {
		sb_printf(err, "lebar harus 80 atau 136");
		return -1;
	}
	if (month_printable(req->month, err) != 0)
		return -1;
	/* a printed copy says whether it is signed, corrected since, or of a month not ended */
	char note[256] = "";
	if (req->format == FMT_TEXT) {
		struct date first, next;
		char key[8];
		struct sbuf head = { 0 };
		month_parse(req->month, &first, &next);
		if (final_marks(db, cfg, req->name, month_key(first, key), note, sizeof note, &head, err) != 0) {
			sb_free(&head);
			return -1;
		}
		fputs(sb_str(&head), out);
		sb_free(&head);
	}
	for (size_t i = 0; i < ARRAY_LEN(reports); i++)
		if (strcmp(req->name, reports[i].name) == 0)
			return reports[i].write(db, cfg, req, note, cells, out, err);
	return write_rowdef(db, cfg, req, note, cells, out, err);
}

int report_write(sqlite3 *db, const struct pkm_config *cfg, const struct report_req *req, FILE *out,
		 struct sbuf *err)
{
	return write_report(db, cfg, req, NULL, out, err);
}

int report_render(sqlite3 *db, const struct pkm_config *cfg, const struct report_req *req, char **text,
		  size_t *len, struct sbuf *err)
{
	return report_render_cells(db, cfg, req, text, len, NULL, err);
}

int report_render_cells(sqlite3 *db, const struct pkm_config *cfg, const struct report_req *req, char **text,
			size_t *len, struct cell_map *cells, struct sbuf *err)
{
	*text = NULL;
	*len = 0;
	FILE *mem = open_memstream(text, len);
	if (!mem) {
		sb_printf(err, "memori tidak cukup");
		return -1;
	}
	int rc = write_report(db, cfg, req, cells, mem, err);
	fclose(mem);
	if (rc != 0) {
		free(*text);
		*text = NULL;
	}
	return rc;
}

int print_text(const char *command, const char *text, size_t len, struct sbuf *err)
{
	if (!command || !*command) {
		sb_printf(err, "printer belum diatur: isi [laporan] printer di berkas konfigurasi");
		return -1;
	}
	int in[2];
	FILE *errs = tmpfile();
	if (!errs || pipe(in) != 0) {
		sb_printf(err, "perintah cetak tidak dapat dijalankan: %s", strerror(errno));
		if (errs)
			fclose(errs);
		return -1;
	}
	pid_t pid = fork();
	if (pid == 0) {
		/* the command's own output must not reach the terminal screen */
		int devnull = open("/dev/null", O_WRONLY);
		dup2(in[0], 0);
		dup2(devnull, 1);
		dup2(fileno(errs), 2);
		close(in[0]);
		close(in[1]);
		execl("/bin/sh", "sh", "-c", command, (char *)NULL);
		_exit(127);
	}
	close(in[0]);
	/* an ESC in a stored name must not reach an ESC/P printer as a command */
	struct sbuf shown = { 0 };
	text_visible(&shown, text, len, "\n\f");
	text = sb_str(&shown);
	len = shown.len;
	void (*old)(int) = signal(SIGPIPE, SIG_IGN);
	size_t off = 0;
	while (pid > 0 && off < len) {
		ssize_t n = write(in[1], text + off, len - off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	close(in[1]);
	signal(SIGPIPE, old);
	int cut = off < len;
	sb_free(&shown);
	int status = 0;
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		char line[160] = "";
		rewind(errs);
		if (!fgets(line, sizeof line, errs))
			line[0] = '\0';
		line[strcspn(line, "\n")] = '\0';
		sb_printf(err, "perintah cetak gagal (%s)%s%s", command, line[0] ? ": " : "", line);
		fclose(errs);
		return -1;
	}
	fclose(errs);
	if (cut) {
		sb_printf(err, "perintah cetak (%s) tidak menerima seluruh laporan", command);
		return -1;
	}
	return 0;
}
