/* A golden file's text, its trailing newlines cut (after cmocka.h and stdio.h). */
#ifndef PKM_TEST_SLURP_H
#define PKM_TEST_SLURP_H
static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	static char buf[65536];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = 0;
	while (n && buf[n - 1] == '\n')
		buf[--n] = 0;
	return buf;
}
#endif
