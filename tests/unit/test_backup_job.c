/* The daily copy beside the session: a pkm process started by
 * backup_daily_start makes and checks it, the pipe carries its progress and
 * result, a second start the same day is not needed, a copy that cannot be
 * made is told as a failure. Needs PKM_BIN (make test sets it). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "pkm/backup.h"
#include "pkm/db.h"
#include "pkm/open.h"

static char dir[64], db_path[96], copies[96];

static int setup(void **s)
{
	(void)s;
	snprintf(dir, sizeof dir, "/tmp/pkm-cadangan-XXXXXX");
	if (!mkdtemp(dir) || !getenv("PKM_BIN"))
		return -1;
	snprintf(db_path, sizeof db_path, "%s/pkm.db", dir);
	snprintf(copies, sizeof copies, "%s/cadangan", dir);
	struct sbuf err = { 0 };
	sqlite3 *db = pkm_open(db_path, &err);
	if (!db)
		return -1;
	db_close(db);
	return 0;
}

static int teardown(void **s)
{
	(void)s;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Poll as the screen does, a tick at a time; the ticks it took. */
static int wait_job(struct backup_job *job)
{
	int ticks = 0;
	while (!backup_job_poll(job) && ticks < 2000) {
		nanosleep(&(struct timespec){ 0, 10000000 }, NULL);
		ticks++;
	}
	return ticks;
}

static void test_daily_job(void **s)
{
	(void)s;
	struct backup_job job;
	struct sbuf err = { 0 };
	struct date today = date_today();
	assert_int_equal(backup_daily_start(getenv("PKM_BIN"), db_path, copies, 3, today, &job, &err), 1);
	assert_true(job.pid > 0);
	assert_true(wait_job(&job) < 2000);
	assert_int_equal(job.state, 1);
	assert_int_equal(job.pid, 0);
	assert_int_equal(job.done, job.total);	/* the last progress line came */
	assert_true(job.total > 0);
	assert_non_null(strstr(job.result, copies));
	assert_int_equal(backup_verify(job.result, &err), 0);
	/* the same day again: nothing to do */
	assert_int_equal(backup_daily_start(getenv("PKM_BIN"), db_path, copies, 3, today, &job, &err), 0);
	sb_free(&err);
}

static void test_failure_told(void **s)
{
	(void)s;
	struct backup_job job;
	struct sbuf err = { 0 };
	/* a folder that cannot be made */
	assert_int_equal(backup_daily_start(getenv("PKM_BIN"), db_path, "/proc/tidak-bisa", 3, date_today(), &job, &err), 1);
	wait_job(&job);
	assert_int_equal(job.state, -1);
	assert_true(strlen(job.result) > 0);
	/* a program that is not there: told at once */
	sb_reset(&err);
	assert_int_equal(backup_daily_start("/tidak/ada/pkm", db_path, copies, 3, (struct date){ 2000, 1, 1 }, &job, &err), -1);
	assert_non_null(strstr(sb_str(&err), "tidak dapat dimulai"));
	sb_free(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_daily_job),
		cmocka_unit_test(test_failure_told),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
