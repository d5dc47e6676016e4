/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __KSELFTEST_MODULE_H
#define __KSELFTEST_MODULE_H

/*
 * The frame of a kernel self-test module, as Linux's lib/test_*.c modules use it: a module counts its
 * checks, reports "all N tests passed" or "failed F out of N tests" (after pr_fmt's "NAME: "), and its
 * init fails with -EINVAL when a check failed, so insmod reports the failure. Loading one taints the
 * kernel with TAINT_TEST ('N'), as Linux's do. Include it with a quoted path from the module directory
 * ("../selftests/kselftest_module.h"), as Linux's lib/ includes tools/testing/selftests/.
 */
#include <linux/module.h>
#include <linux/panic.h>
#include <linux/printk.h>

#define KSTM_MODULE_GLOBALS()			\
static unsigned int total_tests;		\
static unsigned int failed_tests;		\
static unsigned int skipped_tests

/* One check: @x true passes; a failure names the check and where it is. */
#define KSTM_CHECK(x) do {						\
	total_tests++;							\
	if (!(x)) {							\
		failed_tests++;						\
		pr_err("%s:%d: check failed: %s\n", __func__, __LINE__, #x);	\
	}								\
} while (0)

#define KSTM_CHECK_ZERO(x) KSTM_CHECK((x) == 0)

static inline int kstm_report(unsigned int total, unsigned int failed, unsigned int skipped)
{
	if (failed)
		pr_warn("failed %u out of %u tests\n", failed, total);
	else if (skipped)
		pr_warn("skipped %u tests\n", skipped);
	else
		pr_info("all %u tests passed\n", total);
	return failed ? -EINVAL : 0;
}

#define KSTM_MODULE_LOADERS(__module)					\
static int __init __module##_init(void)					\
{									\
	pr_info("loaded.\n");						\
	add_taint(TAINT_TEST, LOCKDEP_STILL_OK);			\
	selftest();							\
	return kstm_report(total_tests, failed_tests, skipped_tests);	\
}									\
static void __exit __module##_exit(void)				\
{									\
	pr_info("unloaded.\n");						\
}									\
module_init(__module##_init);						\
module_exit(__module##_exit)

#endif /* __KSELFTEST_MODULE_H */
