// SPDX-License-Identifier: GPL-2.0
/*
 * The KUnit runner (Linux 6.12's lib/kunit/test.c): runs a suite's cases, each with its init/exit and
 * resources, and prints the results as KTAP, nested one level under the module's list of suites:
 *
 *     KTAP version 1
 *     # Subtest: SUITE
 *     1..N
 *     ok 1 CASE
 * # SUITE: pass:P fail:F skip:S total:T
 * ok 1 SUITE
 *
 * Lines logged for a case or suite are kept for /sys/kernel/debug/kunit/SUITE/results (debugfs.c).
 */
#include <kunit/resource.h>
#include <kunit/test.h>
#include <kunit/test-bug.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/panic.h>
#include <linux/sprintf.h>
#include <linux/timekeeping.h>

#include "kunit-internal.h"
#include "string-stream.h"

bool kunit_running;
EXPORT_SYMBOL_GPL(kunit_running);

/* The case running now: what kunit_get_current_test() returns (Linux keeps it in current). */
static struct kunit *current_test;

struct kunit *kunit_get_current_test(void)
{
	return current_test;
}
EXPORT_SYMBOL_GPL(kunit_get_current_test);

void __kunit_fail_current_test(const char *file, int line, const char *fmt, ...)
{
	struct kunit *test = current_test;
	va_list args;
	char *buffer;

	if (!test)
		return;
	kunit_set_failure(test);
	va_start(args, fmt);
	buffer = kvasprintf(GFP_KERNEL, fmt, args);
	va_end(args);
	if (!buffer)
		return;
	kunit_err(test, "%s:%d: %s", file, line, buffer);
	kfree(buffer);
}
EXPORT_SYMBOL_GPL(__kunit_fail_current_test);

struct kunit_result_stats {
	unsigned long passed;
	unsigned long skipped;
	unsigned long failed;
	unsigned long total;
};

/* kunit.stats_enabled: 0 never, 1 when more than one subtest (default), 2 always. */
static bool should_print_stats(struct kunit_result_stats stats)
{
	if (kunit_stats_enabled == 0)
		return false;
	return kunit_stats_enabled == 2 || stats.total > 1;
}

static void update_stats(struct kunit_result_stats *stats, enum kunit_status status)
{
	switch (status) {
	case KUNIT_SUCCESS:
		stats->passed++;
		break;
	case KUNIT_SKIPPED:
		stats->skipped++;
		break;
	case KUNIT_FAILURE:
		stats->failed++;
		break;
	}
	stats->total++;
}

static void accumulate_stats(struct kunit_result_stats *total, struct kunit_result_stats add)
{
	total->passed += add.passed;
	total->skipped += add.skipped;
	total->failed += add.failed;
	total->total += add.total;
}

void kunit_log_append(struct string_stream *log, const char *fmt, ...)
{
	va_list args;

	if (!log)
		return;
	va_start(args, fmt);
	string_stream_vadd(log, fmt, args);
	va_end(args);
}
EXPORT_SYMBOL_GPL(kunit_log_append);

size_t kunit_suite_num_test_cases(struct kunit_suite *suite)
{
	struct kunit_case *test_case;
	size_t len = 0;

	kunit_suite_for_each_test_case(suite, test_case)
		len++;
	return len;
}
EXPORT_SYMBOL_GPL(kunit_suite_num_test_cases);

unsigned int kunit_test_case_num(struct kunit_suite *suite, struct kunit_case *test_case)
{
	struct kunit_case *tc;
	unsigned int i = 1;

	kunit_suite_for_each_test_case(suite, tc) {
		if (tc == test_case)
			return i;
		i++;
	}
	return 0;
}
EXPORT_SYMBOL_GPL(kunit_test_case_num);

enum kunit_status kunit_suite_has_succeeded(struct kunit_suite *suite)
{
	const struct kunit_case *test_case;
	enum kunit_status status = KUNIT_SKIPPED;

	if (suite->suite_init_err)
		return KUNIT_FAILURE;
	kunit_suite_for_each_test_case(suite, test_case) {
		if (test_case->status == KUNIT_FAILURE)
			return KUNIT_FAILURE;
		if (test_case->status == KUNIT_SUCCESS)
			status = KUNIT_SUCCESS;
	}
	return status;
}
EXPORT_SYMBOL_GPL(kunit_suite_has_succeeded);

/* Numbering of the suites in one module's KTAP list. */
static size_t kunit_suite_counter = 1;

/*
 * The suite header goes straight to the log (debugfs prints its own, so the suite's log does not keep
 * it); the module attribute line is logged like any suite line.
 */
static void print_suite_start(struct kunit_suite *suite)
{
	pr_info(KUNIT_SUBTEST_INDENT "KTAP version 1\n");
	pr_info(KUNIT_SUBTEST_INDENT "# Subtest: %s\n", suite->name);
	if (suite->test_cases[0].run_case && suite->test_cases[0].module_name)
		kunit_log(KERN_INFO, suite, KUNIT_SUBTEST_INDENT "# module: %s",
			  suite->test_cases[0].module_name);
	pr_info(KUNIT_SUBTEST_INDENT "1..%zd\n", kunit_suite_num_test_cases(suite));
}

static void print_ok_not_ok(struct kunit *test, unsigned int level, enum kunit_status status,
			    size_t number, const char *description, const char *directive)
{
	const char *header = status == KUNIT_SKIPPED ? " # SKIP " : "";
	const char *body = status == KUNIT_SKIPPED ? directive : "";

	kunit_log(KERN_INFO, test, "%*s%s %zd %s%s%s", KUNIT_INDENT_LEN * level, "",
		  kunit_status_to_ok_not_ok(status), number, description, header, body);
}

/* The suite's result line is printed, not logged: debugfs prints it with its own number (1). */
static void print_suite_end(struct kunit_suite *suite)
{
	enum kunit_status status = kunit_suite_has_succeeded(suite);

	pr_info("%s %zd %s%s%s\n", kunit_status_to_ok_not_ok(status), kunit_suite_counter++, suite->name,
		status == KUNIT_SKIPPED ? " # SKIP " : "",
		status == KUNIT_SKIPPED ? suite->status_comment : "");
}

static void print_string_stream(struct kunit *test, struct string_stream *stream)
{
	if (string_stream_is_empty(stream))
		return;
	kunit_err(test, "%s", string_stream_text(stream));
}

void __kunit_do_failed_assertion(struct kunit *test, const struct kunit_loc *loc,
				 enum kunit_assert_type type, const struct kunit_assert *assert,
				 assert_format_t assert_format, const char *fmt, ...)
{
	struct string_stream *stream;
	struct va_format message;
	va_list args;

	kunit_set_failure(test);
	stream = kunit_alloc_string_stream(test, GFP_KERNEL);
	if (IS_ERR(stream)) {
		WARN(true, "Could not allocate stream to print failed assertion in %s:%d\n",
		     loc->file, loc->line);
		return;
	}
	va_start(args, fmt);
	message.fmt = fmt;
	message.va = &args;
	kunit_assert_prologue(loc, type, stream);
	assert_format(assert, &message, stream);
	va_end(args);
	print_string_stream(test, stream);
	kunit_free_string_stream(test, stream);
}
EXPORT_SYMBOL_GPL(__kunit_do_failed_assertion);

void __noreturn __kunit_abort(struct kunit *test)
{
	kunit_try_catch_throw(&test->try_catch);
}
EXPORT_SYMBOL_GPL(__kunit_abort);

void kunit_init_test(struct kunit *test, const char *name, struct string_stream *log)
{
	spin_lock_init(&test->lock);
	INIT_LIST_HEAD(&test->resources);
	test->name = name;
	test->log = log;
	if (test->log)
		string_stream_clear(log);
	test->status = KUNIT_SUCCESS;
	test->status_comment[0] = '\0';
}
EXPORT_SYMBOL_GPL(kunit_init_test);

/* A case that ran past 2 s without KUNIT_CASE_SLOW is told so, as Linux does. */
static void check_speed(struct kunit *test, struct kunit_case *test_case, struct timespec64 duration)
{
	enum kunit_speed speed = test_case->attr.speed;

	if (duration.tv_sec < 2)
		return;
	if (speed == KUNIT_SPEED_VERY_SLOW || speed == KUNIT_SPEED_SLOW)
		return;
	kunit_warn(test, "Test should be marked slow (runtime: %lld.%09lds)",
		   (long long)duration.tv_sec, duration.tv_nsec);
}

struct try_catch_context {
	struct kunit *test;
	struct kunit_suite *suite;
	struct kunit_case *test_case;
};

static void try_run_case(void *data)
{
	struct try_catch_context *ctx = data;
	struct kunit *test = ctx->test;
	struct timespec64 start, end;

	current_test = test;
	if (ctx->suite->init) {
		int ret = ctx->suite->init(test);

		if (ret) {
			kunit_err(test, "failed to initialize: %d\n", ret);
			kunit_set_failure(test);
			return;
		}
	}
	ktime_get_ts64(&start);
	ctx->test_case->run_case(test);
	ktime_get_ts64(&end);
	check_speed(test, ctx->test_case, timespec64_sub(end, start));
}

static void catch_run_case(void *data)
{
	struct try_catch_context *ctx = data;
	struct kunit *test = ctx->test;
	int exit_code = kunit_try_catch_get_result(&test->try_catch);

	if (!exit_code)
		return;
	kunit_set_failure(test);
	if (exit_code == -ETIMEDOUT)
		kunit_err(test, "test case timed out\n");
	else
		kunit_err(test, "internal error occurred preventing test case from running: %d\n", exit_code);
}

static void try_run_case_cleanup(void *data)
{
	struct try_catch_context *ctx = data;

	current_test = ctx->test;
	if (ctx->suite->exit)
		ctx->suite->exit(ctx->test);
	kunit_cleanup(ctx->test);
}

static void catch_run_case_cleanup(void *data)
{
	struct try_catch_context *ctx = data;
	struct kunit *test = ctx->test;
	int exit_code = kunit_try_catch_get_result(&test->try_catch);

	/* It is always a failure if cleanup aborts. */
	kunit_set_failure(test);
	if (exit_code == -ETIMEDOUT)
		kunit_err(test, "test case cleanup timed out\n");
	else if (exit_code)
		kunit_err(test, "internal error occurred during test case cleanup: %d\n", exit_code);
	else
		kunit_err(test, "test aborted during cleanup. continuing without cleaning up\n");
}

static void run_case_catch_errors(struct kunit_suite *suite, struct kunit_case *test_case,
				  struct kunit *test)
{
	struct try_catch_context context = { .test = test, .suite = suite, .test_case = test_case };
	struct kunit_try_catch *try_catch = &test->try_catch;

	try_catch->test = test;
	try_catch->try = try_run_case;
	try_catch->catch = catch_run_case;
	kunit_try_catch_run(try_catch, &context);

	try_catch->try = try_run_case_cleanup;
	try_catch->catch = catch_run_case_cleanup;
	kunit_try_catch_run(try_catch, &context);
	current_test = NULL;

	/* A parameterised case fails if any parameter fails, passes if one passes and none fails. */
	if (test->status == KUNIT_FAILURE)
		test_case->status = KUNIT_FAILURE;
	else if (test_case->status != KUNIT_FAILURE && test->status == KUNIT_SUCCESS)
		test_case->status = KUNIT_SUCCESS;
}

/* One parameterised case: a nested KTAP list with a line per parameter. */
static void run_param_case(struct kunit_suite *suite, struct kunit_case *test_case, struct kunit *test,
			   struct kunit_result_stats *param_stats)
{
	char param_desc[KUNIT_PARAM_DESC_SIZE];

	param_desc[0] = '\0';
	test->param_value = test_case->generate_params(NULL, param_desc);
	test_case->status = KUNIT_SKIPPED;
	kunit_log(KERN_INFO, test, KUNIT_SUBTEST_INDENT KUNIT_SUBTEST_INDENT "KTAP version 1\n");
	kunit_log(KERN_INFO, test, KUNIT_SUBTEST_INDENT KUNIT_SUBTEST_INDENT "# Subtest: %s",
		  test_case->name);
	while (test->param_value) {
		run_case_catch_errors(suite, test_case, test);
		if (param_desc[0] == '\0')
			snprintf(param_desc, sizeof(param_desc), "param-%d", test->param_index);
		print_ok_not_ok(test, KUNIT_LEVEL_CASE_PARAM, test->status, test->param_index + 1,
				param_desc, test->status_comment);
		update_stats(param_stats, test->status);

		param_desc[0] = '\0';
		test->param_value = test_case->generate_params(test->param_value, param_desc);
		test->param_index++;
		test->status = KUNIT_SUCCESS;
		test->status_comment[0] = '\0';
		test->priv = NULL;
	}
}

int kunit_run_tests(struct kunit_suite *suite)
{
	struct kunit_result_stats suite_stats = { 0 };
	struct kunit_result_stats total_stats = { 0 };
	struct kunit_case *test_case;

	/* Taint the kernel so we know we've run tests. */
	add_taint(TAINT_TEST, LOCKDEP_STILL_OK);

	if (suite->suite_init) {
		suite->suite_init_err = suite->suite_init(suite);
		if (suite->suite_init_err) {
			kunit_err(suite, KUNIT_SUBTEST_INDENT "# failed to initialize (%d)",
				  suite->suite_init_err);
			goto suite_end;
		}
	}

	print_suite_start(suite);

	kunit_suite_for_each_test_case(suite, test_case) {
		struct kunit test = { .param_value = NULL, .param_index = 0 };
		struct kunit_result_stats param_stats = { 0 };

		kunit_init_test(&test, test_case->name, test_case->log);
		if (!test_case->generate_params) {
			test_case->status = KUNIT_SKIPPED;
			run_case_catch_errors(suite, test_case, &test);
			update_stats(&param_stats, test.status);
		} else {
			run_param_case(suite, test_case, &test, &param_stats);
		}

		if (test_case->attr.speed == KUNIT_SPEED_SLOW || test_case->attr.speed == KUNIT_SPEED_VERY_SLOW)
			kunit_log(KERN_INFO, &test, KUNIT_SUBTEST_INDENT "# %s.speed: %s", test_case->name,
				  test_case->attr.speed == KUNIT_SPEED_SLOW ? "slow" : "very_slow");
		if (should_print_stats(param_stats))
			kunit_log(KERN_INFO, &test,
				  KUNIT_SUBTEST_INDENT "# %s: pass:%lu fail:%lu skip:%lu total:%lu",
				  test.name, param_stats.passed, param_stats.failed, param_stats.skipped,
				  param_stats.total);
		print_ok_not_ok(&test, KUNIT_LEVEL_CASE, test_case->status,
				kunit_test_case_num(suite, test_case), test_case->name, test.status_comment);

		update_stats(&suite_stats, test_case->status);
		accumulate_stats(&total_stats, param_stats);
	}

	if (suite->suite_exit)
		suite->suite_exit(suite);

	if (should_print_stats(suite_stats))
		kunit_log(KERN_INFO, suite, "# %s: pass:%lu fail:%lu skip:%lu total:%lu", suite->name,
			  suite_stats.passed, suite_stats.failed, suite_stats.skipped, suite_stats.total);
	if (should_print_stats(total_stats))
		kunit_log(KERN_INFO, suite, "# Totals: pass:%lu fail:%lu skip:%lu total:%lu",
			  total_stats.passed, total_stats.failed, total_stats.skipped, total_stats.total);
suite_end:
	print_suite_end(suite);
	return 0;
}
EXPORT_SYMBOL_GPL(kunit_run_tests);

int __kunit_test_suites_init(struct kunit_suite * const * const suites, int num_suites, bool run_tests)
{
	int i;

	if (num_suites == 0)
		return 0;
	if (!kunit_enabled()) {
		pr_info("kunit: disabled\n");
		return 0;
	}
	kunit_suite_counter = 1;
	kunit_running = true;
	for (i = 0; i < num_suites; i++) {
		kunit_init_suite(suites[i]);
		if (run_tests)
			kunit_run_tests(suites[i]);
	}
	kunit_running = false;
	return 0;
}
EXPORT_SYMBOL_GPL(__kunit_test_suites_init);

void __kunit_test_suites_exit(struct kunit_suite **suites, int num_suites)
{
	int i;

	if (!kunit_enabled())
		return;
	for (i = 0; i < num_suites; i++)
		kunit_debugfs_destroy_suite(suites[i]);
}
EXPORT_SYMBOL_GPL(__kunit_test_suites_exit);
