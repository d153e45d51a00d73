/* The form and report-definition loaders on any bytes: problems reported with
 * file:line, never a crash. */
#include "fuzz.h"
#include "pkm/db.h"
#include "pkm/open.h"
#include "pkm/form.h"
#include "pkm/rowdef.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static sqlite3 *db;
	if (!db) {
		struct sbuf err = { 0 };
		db = pkm_open(":memory:", &err);
		sb_free(&err);
	}
	if (!db || size < 1)
		return 0;
	const char *path = fuzz_file(data + 1, size - 1, "ini");
	if (!path)
		return 0;
	struct sbuf err = { 0 };
	if (data[0] % 2) {
		struct form f;
		form_load(db, path, &f, &err);
		form_free(&f);	/* needed whatever the result */
	} else {
		struct rowdef d;
		rowdef_load(db, path, &d, &err);
		rowdef_free(&d);
	}
	sb_free(&err);
	unlink(path);
	return 0;
}
