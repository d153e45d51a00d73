/* Secret files: owner-only, read whole, never copied anywhere but memory. */
#include "pkm/secret.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int secret_read(const char *path, char *out, size_t size, struct sbuf *err)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		sb_printf(err, "berkas rahasia %s tidak dapat dibaca: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if ((st.st_mode & 077) || st.st_uid != geteuid()) {
		sb_printf(err, "berkas rahasia %s dapat dibaca pengguna lain atau bukan milik pengguna ini (mode %03o); "
			  "pkm menolaknya: jalankan chmod 600 %s", path, (unsigned)(st.st_mode & 0777), path);
		close(fd);
		return -1;
	}
	ssize_t n = read(fd, out, size - 1);
	close(fd);
	if (n <= 0 || (size_t)n == size - 1) {
		sb_printf(err, n <= 0 ? "berkas rahasia %s kosong" : "berkas rahasia %s terlalu besar", path);
		return -1;
	}
	out[n] = 0;
	return 0;
}

int secret_value(const char *text, const char *path, const char *name, char *out, size_t size, struct sbuf *err)
{
	size_t len = strlen(name);
	for (const char *line = text; *line; line += strcspn(line, "\n"), line += *line == '\n') {
		const char *p = line + strspn(line, " \t");
		if (strncmp(p, name, len) != 0)
			continue;
		p += len;
		p += strspn(p, " \t");
		if (*p != '=')
			continue;
		p++;
		p += strspn(p, " \t");
		size_t n = strcspn(p, "\r\n");
		while (n && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		if (n == 0 || n >= size)
			break;
		memcpy(out, p, n);
		out[n] = 0;
		return 0;
	}
	sb_printf(err, "berkas rahasia %s harus punya baris %s = ...", path, name);
	return -1;
}
