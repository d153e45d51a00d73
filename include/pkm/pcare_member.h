/* What P-Care said about a BPJS card, kept in pcare_peserta by the sender
 * (pkm-kirim) and read by the desk. Plain SQLite: the desk links no network. */
#ifndef PKM_PCARE_MEMBER_H
#define PKM_PCARE_MEMBER_H
#include <sqlite3.h>
#include "pkm/util.h"

/* The last card look-up kept (pcare_peserta), by card number or NIK. */
struct pcare_member {
	char no_kartu[14], nama[128], keterangan[64], kd_provider[16], nm_provider[128], kelas[32], jenis[64];
	int aktif;
	long diperiksa;		/* Unix time; 0: never looked up */
};
/* 1 found, 0 none, -1 failure. */
int pcare_member_get(sqlite3 *db, const char *no_kartu, const char *nik, struct pcare_member *m, struct sbuf *err);
/* Keeps m, each of its texts cleaned first (text_clean: no control or
 * format character is stored), so what the caller shows is what was kept. */
int pcare_member_put(sqlite3 *db, const char *nik, struct pcare_member *m, struct sbuf *err);
/* The member as the desk shows it beside the payer, e.g. "BPJS aktif, kelas
 * 3" or "BPJS TIDAK AKTIF" or "terdaftar di FKTP lain: ..."; kd_provider:
 * the puskesmas' own code. Escaped as all output is (text_visible). */
void pcare_member_words(const struct pcare_member *m, const char *kd_provider, char *out, size_t size);

#endif
