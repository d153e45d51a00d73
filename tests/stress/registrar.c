/* A desk in a hurry, for the concurrency and crash tests: registers N patients,
 * each with a visit and a diagnosis, one transaction each, and prints a line
 * after each save that succeeded (flushed, so a kill -9 cannot lose it) with
 * the milliseconds that save took (waiting for the write lock included); with
 * PAUSE_MS, it rests that long after each save, as even the busiest desk does.
 * Usage: registrar DB NAME N [PAUSE_MS] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "pkm/config.h"
#include "pkm/db.h"
#include "pkm/open.h"
#include "pkm/patient.h"
#include "pkm/visit.h"

int main(int argc, char **argv)
{
	if (argc != 4 && argc != 5)
		return 2;
	long pause = argc == 5 ? atol(argv[4]) : 0;
	struct sbuf err = { 0 };
	sqlite3 *db = pkm_open(argv[1], &err);
	if (!db) {
		fprintf(stderr, "%s\n", sb_str(&err));
		return 1;
	}
	struct pkm_config cfg;
	config_defaults(&cfg);
	int n = atoi(argv[3]), failed = 0;
	for (int i = 0; i < n; i++) {
		struct patient p = { 0 };
		snprintf(p.nama, sizeof p.nama, "%s %d", argv[2], i);
		p.sex = i % 2 ? 'L' : 'P';
		str_copy(p.tanggal_lahir, sizeof p.tanggal_lahir, "1990-01-01");
		str_copy(p.penjamin, sizeof p.penjamin, "UMUM");
		struct visit v;
		int created, added;
		sb_reset(&err);
		struct timespec t0, t1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		if (patient_save_new(db, &p, &err) != 0 ||
		    visit_open(db, &p, date_today(), i % 3 ? "K3" : "K4", "UMUM", &v, &created, &err) != 0 ||
		    diag_add(db, &cfg, &v, "J06.9", 0, &added, &err) != 0) {
			fprintf(stderr, "%s %d: %s\n", argv[2], i, sb_str(&err));
			failed++;
			continue;
		}
		clock_gettime(CLOCK_MONOTONIC, &t1);
		long ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
		printf("saved %s %s %d %ld\n", p.no_rm, argv[2], i, ms);
		fflush(stdout);
		if (pause > 0)
			nanosleep(&(struct timespec){ pause / 1000, pause % 1000 * 1000000 }, NULL);
	}
	sb_free(&err);
	db_close(db);
	return failed ? 1 : 0;
}
