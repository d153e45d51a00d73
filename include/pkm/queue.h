/* Antrian resep: a day's prescriptions, one row per visit, in the order they
 * reached the pharmacy (the earliest resep.dibuat of the day), the ones not
 * finished first. The screen (src/ui_queue.c) and `pkm resep antrian` print
 * it from here. */
#ifndef PKM_QUEUE_H
#define PKM_QUEUE_H
#include <sqlite3.h>
#include <stdio.h>
#include "pkm/date.h"
#include "pkm/util.h"

/* menunggu: nothing given; sebagian: something given or a line finished, not
 * every line; selesai: every line finished (given whole, or closed). */
enum queue_status { Q_MENUNGGU, Q_SEBAGIAN, Q_SELESAI };

struct queue_row {
	int no;			/* 1.. in arrival order of the day, finished ones included */
	long visit_id;
	char no_rm[24], nama[256], umur[16], unit[12], unit_nama[128], penulis[96];
	char tiba[20];		/* when its first line of the day reached the pharmacy */
	int lines;		/* every prescription line of the visit */
	long minutes;		/* waiting since tiba; -1 when finished or no `now` was given */
	enum queue_status status;
};

/* The day's queue into *rows (caller frees), not finished first, each part in
 * arrival order; cancelled visits left out. `now` ("YYYY-MM-DD HH:MM:SS",
 * date_now) gives the minutes waiting; NULL for another day. The count, -1
 * (with err) when it could not be read to its end. */
int queue_list(sqlite3 *db, struct date day, const char *now, struct queue_row **rows, struct sbuf *err);
const char *queue_status_name(enum queue_status s);
/* The list as text, the same columns on the screen and on paper: a heading and
 * one line per row (76 columns, stored text shown, never obeyed). */
void queue_text_head(struct sbuf *out);
void queue_text_line(const struct queue_row *r, struct sbuf *out);
/* As CSV with a header: no,tiba,no_rm,nama,umur,unit,penulis,obat,menit,status. */
void queue_csv(FILE *f, const struct queue_row *rows, int n);

#endif
