/* BPJS P-Care: a BPJS visit as P-Care's registration (pendaftaran), visit
 * (kunjungan), drugs and procedures. pcare_load reads it from the database;
 * the pcare_*_json builders make each request body (jansson) from that alone,
 * so a unit test checks them against a file. The sender is src/pcare.c. */
#ifndef PKM_PCARE_H
#define PKM_PCARE_H
#include <jansson.h>
#include <signal.h>
#include <sqlite3.h>
#include "pkm/config.h"
#include "pkm/pcare_member.h"
#include "pkm/util.h"

struct pcare_drug {
	char key[48];		/* kdObat:amount, as stored in kirim_sumber */
	char kd_obat[24], nama[104], signa[44];
	long jumlah;
	char id[64];		/* kdObatSK once P-Care has it */
	int removed;		/* sent, no longer dispensed as such */
};
struct pcare_procedure {
	char kd[64], label[64];
	long value;
	char id[64];		/* kdTindakanSK */
	int removed;
};
#define PCARE_DIAG_MAX 3	/* kdDiag1..3 */
struct pcare_visit {
	long id, kirim_id;
	char tanggal[11];	/* dd-mm-yyyy, as P-Care writes dates */
	char no_kartu[14], nik[17], unit[16], kd_poli[64], kd_dokter[64], nakes[64];
	int cancelled;		/* cancelled, or no longer paid by BPJS */
	int inpatient, sick, referred;
	char keadaan_keluar[16];	/* an inpatient's discharge (f_ranap), "" while still admitted */
	char tgl_pulang[11];		/* dd-mm-yyyy: the discharge date of an inpatient, else the visit's */
	char rujuk_faskes[84];
	char diag[PCARE_DIAG_MAX][16];
	int n_diag;
	/* vital signs from the visit's forms; -1 when none recorded */
	double sistole, diastole, bb, tb, resp, heart, lingkar, suhu;
	struct sbuf terapi;	/* the dispensed drugs in words */
	struct pcare_drug *drug;
	int n_drug;
	struct pcare_procedure *proc;
	int n_proc;
	char no_urut[64], no_kunjungan[64];	/* P-Care's numbers, "" until given */
	char urut_poli[64];			/* the kdPoli the registration was made at */
	char kd_provider_peserta[16];		/* from the card look-up */
};

/* Read outbox item `kirim_id` in one snapshot, with the numbers P-Care gave
 * before; kdPoli and kdDokter from the configuration ("" when unmapped). */
int pcare_load(sqlite3 *db, long kirim_id, const struct pcare_config *c, struct pcare_visit *v, struct sbuf *err);
void pcare_visit_free(struct pcare_visit *v);

json_t *pcare_pendaftaran_json(const struct pcare_visit *v);
/* kdStatusPulang: 3 (berobat jalan) or 4 (rujuk vertikal) for an outpatient;
 * an inpatient's from the discharge: 0 sembuh, 1 meninggal, 2 pulang paksa,
 * 4 rujuk vertikal, 6 rujuk horizontal, 9 lain-lain. NULL while an
 * inpatient has not been discharged. */
const char *pcare_status_pulang(const struct pcare_visit *v);
/* POST kunjungan/v1, or the PUT when v->no_kunjungan is set. */
json_t *pcare_kunjungan_json(const struct pcare_visit *v);
json_t *pcare_obat_json(const struct pcare_visit *v, const struct pcare_drug *d);
json_t *pcare_tindakan_json(const struct pcare_visit *v, const struct pcare_procedure *p);

/* The sender. */
struct http;
struct outbox_pass;
struct outbox_claim;
struct pcare {
	sqlite3 *db;
	const struct pkm_config *cfg;
	struct http *http;
	struct outbox_claim *claim;	/* the item being sent, during a pass */
	/* from the secret file: memory only, never written anywhere */
	char secret[256], sandi[256], user_key[256];
	char auth[1024];	/* the X-authorization header */
};
/* timeout: seconds a request may take (the desk's check waits less). */
int pcare_open(struct pcare *p, sqlite3 *db, const struct pkm_config *c, long timeout, struct sbuf *err);
void pcare_close(struct pcare *p);
int pcare_pass(struct pcare *p, struct outbox_pass *r, struct sbuf *err);
/* Look a card up (by no_kartu, else by NIK) and keep the answer in
 * pcare_peserta. 0 found (*m), 1 P-Care does not know it, -1 no answer or
 * refused (why). */
int pcare_check(struct pcare *p, const char *no_kartu, const char *nik, struct pcare_member *m, char *why, size_t size);

#endif
