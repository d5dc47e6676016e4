// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/kernel/debug/kunit/SUITE/results (the suite's last run as a KTAP document of its own) and
 * SUITE/run (writing to it runs the suite again), as Linux 6.12's lib/kunit/debugfs.c.
 */
#include <kunit/test.h>
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/seq_file.h>

#include "kunit-internal.h"
#include "string-stream.h"

static struct dentry *debugfs_rootdir;

static void print_log(struct seq_file *seq, struct string_stream *log)
{
	if (log)
		seq_puts(seq, string_stream_text(log));
}

static int results_show(struct seq_file *seq, void *v)
{
	struct kunit_suite *suite = seq->private;
	struct kunit_case *test_case;

	seq_puts(seq, "KTAP version 1\n");
	seq_puts(seq, "1..1\n");
	/* The suite header is printed, not logged, so it is written here. */
	seq_puts(seq, KUNIT_SUBTEST_INDENT "KTAP version 1\n");
	seq_printf(seq, KUNIT_SUBTEST_INDENT "# Subtest: %s\n", suite->name);
	seq_printf(seq, KUNIT_SUBTEST_INDENT "1..%zd\n", kunit_suite_num_test_cases(suite));
	kunit_suite_for_each_test_case(suite, test_case)
		print_log(seq, test_case->log);
	print_log(seq, suite->log);
	seq_printf(seq, "%s %d %s\n", kunit_status_to_ok_not_ok(kunit_suite_has_succeeded(suite)), 1,
		   suite->name);
	return 0;
}

static int results_open(struct inode *inode, struct file *file)
{
	return single_open(file, results_show, inode->i_private);
}

static ssize_t run_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	struct kunit_suite *suite = file_inode(file)->i_private;

	__kunit_test_suites_init(&suite, 1, true);
	return count;
}

static int run_show(struct seq_file *seq, void *v)
{
	return 0;
}

static int run_open(struct inode *inode, struct file *file)
{
	return single_open(file, run_show, inode->i_private);
}

static const struct file_operations results_fops = {
	.open = results_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

static const struct file_operations run_fops = {
	.open = run_open,
	.read = seq_read,
	.write = run_write,
	.llseek = seq_lseek,
	.release = single_release,
};

static struct string_stream *new_log(void)
{
	struct string_stream *log = alloc_string_stream(GFP_KERNEL);

	if (IS_ERR(log))
		return NULL;
	string_stream_set_append_newlines(log, true);
	return log;
}

void kunit_init_suite(struct kunit_suite *suite)
{
	struct kunit_case *test_case;

	suite->status_comment[0] = '\0';
	suite->suite_init_err = 0;
	/* Already set up: a run through SUITE/run keeps the files, and its log starts anew. */
	if (suite->log) {
		string_stream_clear(suite->log);
		return;
	}
	suite->log = new_log();
	kunit_suite_for_each_test_case(suite, test_case)
		test_case->log = new_log();
	if (!debugfs_rootdir)
		debugfs_rootdir = debugfs_create_dir("kunit", NULL);
	suite->debugfs = debugfs_create_dir(suite->name, debugfs_rootdir);
	debugfs_create_file("results", S_IFREG | 0444, suite->debugfs, suite, &results_fops);
	if (!suite->is_init)
		debugfs_create_file("run", S_IFREG | 0644, suite->debugfs, suite, &run_fops);
}

void kunit_debugfs_destroy_suite(struct kunit_suite *suite)
{
	struct kunit_case *test_case;

	debugfs_remove_recursive(suite->debugfs);
	suite->debugfs = NULL;
	string_stream_destroy(suite->log);
	suite->log = NULL;
	kunit_suite_for_each_test_case(suite, test_case) {
		string_stream_destroy(test_case->log);
		test_case->log = NULL;
	}
}
