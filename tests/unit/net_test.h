/* What the senders' unit tests share (after cmocka.h, stdio.h and pkm/db.h). */
#ifndef PKM_NET_TEST_H
#define PKM_NET_TEST_H
/* A golden file's text, its trailing newlines cut. */
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

/* SQL that must run (a test's setting up). */
static void exec_ok(sqlite3 *db, const char *sql)
{
	struct sbuf err = { 0 };
	if (db_exec(db, sql, &err) != 0)
		fail_msg("%s: %s", sql, sb_str(&err));
}
#endif
