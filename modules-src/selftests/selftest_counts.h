/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __SELFTEST_COUNTS_H
#define __SELFTEST_COUNTS_H

/*
 * The other frame of Linux's library self-tests (lib/test_xarray.c, lib/test_ida.c, lib/rbtree_test.c):
 * each failed check prints "BUG at FUNC:LINE: CHECK", and the summary is "NAME: N of M tests passed".
 */
#include <linux/printk.h>

static unsigned int tests_run, tests_passed;

#define SELFTEST_CHECK(x) do {						\
	tests_run++;							\
	if (x)								\
		tests_passed++;						\
	else								\
		pr_err("BUG at %s:%d: %s\n", __func__, __LINE__, #x);	\
} while (0)

#endif /* __SELFTEST_COUNTS_H */
