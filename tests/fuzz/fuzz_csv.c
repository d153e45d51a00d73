/* The CSV importers (patients, visits, drugs, opening stock) on any bytes: a
 * refusal with a message, or a whole import, never a crash. */
#include "fuzz.h"
#include "pkm/db.h"
#include "pkm/open.h"
#include "pkm/import.h"
#include "pkm/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static sqlite3 *db;
	static struct pkm_config cfg;
	if (!db) {
		struct sbuf err = { 0 };
		config_defaults(&cfg);
		db = pkm_open(":memory:", &err);
		sb_free(&err);
	}
	if (!db || size < 1)
		return 0;
	const char *path = fuzz_file(data + 1, size - 1, "csv");
	if (!path)
		return 0;
	struct sbuf done = { 0 }, err = { 0 };
	switch (data[0] % 4) {	/* the first byte picks the importer */
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
