/* The CSV importers (patients, visits, drugs, opening stock, a cluster form's
 * rows) on any bytes: a refusal with a message, or a whole import, never a
 * crash. */
#include "fuzz.h"
#include "pkm/db.h"
#include "pkm/open.h"
#include "pkm/import.h"
#include "pkm/config.h"
#include "pkm/form.h"
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static sqlite3 *db;
	static struct pkm_config cfg;
	static struct form anc;	/* its rows for patient 000001, a woman of 31 */
	if (!db) {
		struct sbuf err = { 0 };
		config_defaults(&cfg);
		db = pkm_open(":memory:", &err);
		struct patient p = { .sex = 'P', .tanggal_lahir = "1995-03-10", .penjamin = "UMUM", .nama = "Ani" };
		if (db && (patient_save_new(db, &p, &err) != 0 || form_load(db, PKM_FORMS_DIR "/k2_anc.ini", &anc, &err) != 0))
			abort();
		sb_free(&err);
	}
	if (!db || size < 1)
		return 0;
	const char *path = fuzz_file(data + 1, size - 1, "csv");
	if (!path)
		return 0;
	struct sbuf done = { 0 }, err = { 0 };
	switch (data[0] == '4' ? 4 : data[0] % 4) {	/* the first byte picks the importer */
	case 4: import_formulir(db, &anc, path, NULL, &done, &err); break;
	case 0: import_pasien(db, path, NULL, &done, &err); break;
	case 1: import_kunjungan(db, &cfg, path, NULL, &done, &err); break;
	case 2: import_obat(db, path, NULL, &done, &err); break;
	default: import_stok(db, path, NULL, &done, &err); break;
	}
	sb_free(&done);
	sb_free(&err);
	unlink(path);
	return 0;
}
