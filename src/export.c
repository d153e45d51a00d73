#include "pkm/export.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

void export_dir(const struct pkm_config *c, char *out, size_t size)
{
	const char *dir = c->export_dir[0] ? c->export_dir : "~/pkm-keluaran";
	const char *home = getenv("HOME");
	if (strncmp(dir, "~/", 2) == 0)
		snprintf(out, size, "%s/%s", home ? home : "", dir + 2);
	else
		str_copy(out, size, dir);
}

static int ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);
	return n >= k && strcasecmp(s + n - k, tail) == 0;
}

int export_path(const struct pkm_config *c, const char *db_path, const char *name, char *out, size_t size,
		struct sbuf *err)
{
	static const char *const kept[] = { ".ini", ".db", ".db-wal", ".db-shm", ".rahasia" };
	if (!*name || strchr(name, '/') || *name == '.') {
		sb_printf(err, "tulis nama berkas saja (tanpa '/' dan tidak diawali '.'); berkas disimpan di folder keluaran");
		return -1;
	}
	for (size_t i = 0; i < ARRAY_LEN(kept); i++)
		if (ends_with(name, kept[i])) {
			sb_printf(err, "%s: berkas %s adalah pengaturan, rahasia atau database; pilih nama lain", name, kept[i]);
			return -1;
		}
	char dir[PATH_MAX];
	export_dir(c, dir, sizeof dir);
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		sb_printf(err, "folder keluaran %s tidak dapat dibuat: %s", dir, strerror(errno));
		return -1;
	}
	if ((size_t)snprintf(out, size, "%s/%s", dir, name) >= size) {
		sb_printf(err, "%s: nama berkas terlalu panjang", name);
		return -1;
	}
	struct stat st;
	if (stat(out, &st) != 0)
		return 0;
	/* a link in the folder may point anywhere: compare the file itself */
	if (file_is(&st, c->file) || file_is(&st, db_path) || file_is(&st, c->satusehat.rahasia) ||
	    file_is(&st, c->pcare.rahasia)) {
		sb_printf(err, "%s: berkas ini adalah pengaturan, rahasia atau database pkm; pilih nama lain", name);
		return -1;
	}
	return 1;
}
