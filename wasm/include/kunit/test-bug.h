/* SPDX-License-Identifier: GPL-2.0 */
/*
 * For code under test (Linux 6.12's <kunit/test-bug.h>): the test running now, if any, and failing it
 * from code that has no struct kunit at hand.
 */
#ifndef _KUNIT_TEST_BUG_H
#define _KUNIT_TEST_BUG_H

#include <linux/compiler.h>

struct kunit;

/* NULL when no test runs. */
struct kunit *kunit_get_current_test(void);

void __printf(3, 4) __kunit_fail_current_test(const char *file, int line, const char *fmt, ...);

#define kunit_fail_current_test(fmt, ...) \
	__kunit_fail_current_test(__FILE__, __LINE__, fmt, ##__VA_ARGS__)

#endif
