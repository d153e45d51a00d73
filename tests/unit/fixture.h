/* The set-up the unit tests share: the one database a file's tests work on
 * (`db`, in memory or a fresh file), and drugs, patients, visits and stock
 * receipts saved through the core as a dialog would. A save that fails
 * fails the test with the core's message. Include after cmocka.h. */
#ifndef TEST_FIXTURE_H
#define TEST_FIXTURE_H
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "pkm/db.h"
#include "pkm/open.h"
#include "pkm/patient.h"
#include "pkm/stock.h"
#include "pkm/visit.h"

static sqlite3 *db;

/* Open `path` as db: 0, or -1 when it cannot be opened. */
static inline int fx_open(const char *path)
{
	struct sbuf err = { 0 };
	db = pkm_open(path, &err);
	sb_free(&err);
	return db ? 0 : -1;
}

/* Group set-up and tear-down for tests that start from an empty database in memory. */
static inline int fx_setup(void **s)
{
	(void)s;
	return fx_open(":memory:");
}

static inline int fx_teardown(void **s)
{
	(void)s;
	db_close(db);
	return 0;
}

/* A new database file named from `tmpl` ("/tmp/pkm-X-XXXXXX"), its name kept
 * in path[64], opened as db; for tests that need a second connection. */
static inline int fx_open_file(char path[64], const char *tmpl)
{
	str_copy(path, 64, tmpl);
	int fd = mkstemp(path);
	if (fd >= 0)
		close(fd);
	unlink(path);
	return fx_open(path);
}

/* Close db and delete its file with the journal's. */
static inline void fx_close_file(const char *path)
{
	db_close(db);
	char p[80];
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-pkm.kunci", path);	/* the process lock beside it (db.c) */
	unlink(p);
}

/* A drug of the master (optimum "" when not set). */
static inline void fx_drug(const char *kode, const char *nama, const char *satuan, const char *kategori,
			   const char *optimum)
{
	struct drug d;
	struct field_errors fe;
	struct sbuf err = { 0 };
	if (drug_check(db, kode, nama, satuan, kategori, optimum, &d, &fe) != 0)
		fail_msg("obat %s: %s", kode, fe.n ? fe.e[0].msg : "");
	if (drug_put(db, &d, &err) != 0)
		fail_msg("obat %s: %s", kode, sb_str(&err));
	sb_free(&err);
}

/* A new patient, saved (its id and No. RM filled in). */
static inline struct patient fx_patient(const char *nama, char sex, const char *born, const char *penjamin)
{
	struct patient p = { .sex = sex };
	str_copy(p.nama, sizeof p.nama, nama);
	str_copy(p.tanggal_lahir, sizeof p.tanggal_lahir, born);
	str_copy(p.penjamin, sizeof p.penjamin, penjamin);
	struct sbuf err = { 0 };
	if (patient_save_new(db, &p, &err) != 0)
		fail_msg("pasien %s: %s", nama, sb_str(&err));
	sb_free(&err);
	return p;
}

/* The day an ISO date names. */
static inline struct date fx_day(const char *iso)
{
	struct date d = { 0 };
	if (date_parse(iso, &d) != 0)
		fail_msg("tanggal %s", iso);
	return d;
}

/* A UMUM visit of p on `day` to `unit` (the one already open there when there is). */
static inline struct visit fx_visit(const struct patient *p, struct date day, const char *unit)
{
	struct visit v;
	int created;
	struct sbuf err = { 0 };
	if (visit_open(db, p, day, unit, "UMUM", &v, &created, &err) != 0)
		fail_msg("kunjungan %s: %s", p->nama, sb_str(&err));
	sb_free(&err);
	return v;
}

/* A receipt of stock (n as typed, on `day`). */
static inline void fx_receive(const char *obat, const char *sumber, const char *batch, const char *exp,
			      const char *n, const char *day)
{
	struct receipt_input in = { obat, sumber, batch, exp, n, day, "" };
	struct field_errors fe;
	struct sbuf err = { 0 };
	if (stock_receive(db, &in, &fe, &err) != 0)
		fail_msg("penerimaan %s: %s %s", obat, fe.n ? fe.e[0].msg : "", sb_str(&err));
	sb_free(&err);
}
#endif
