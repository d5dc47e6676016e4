// SPDX-License-Identifier: GPL-2.0
/*
 * Running a case so that its end is not the caller's (Linux 6.12's lib/kunit/try-catch.c). Linux runs
 * @try on a kthread: an assertion ends the thread (-EFAULT), a fault kills it (-EINTR). Here the host
 * calls @try and unwinds its frames instead: kunit_try_catch_throw() throws through them, and an Oops is
 * recorded as usual and ends only the call. Both restore the stack pointer (src/kernel/kunit.ts).
 */
#include <kunit/test.h>
#include <kunit/try-catch.h>
#include <linux/errno.h>

#include "host.h"

__host_import(kunit_try_run) int host_kunit_try_run(kunit_try_catch_func_t try, void *context);
__host_import(kunit_throw) void __noreturn host_kunit_throw(void);

void __noreturn kunit_try_catch_throw(struct kunit_try_catch *try_catch)
{
	try_catch->try_result = -EFAULT;
	host_kunit_throw();
}
EXPORT_SYMBOL_GPL(kunit_try_catch_throw);

void kunit_try_catch_run(struct kunit_try_catch *try_catch, void *context)
{
	struct kunit *test = try_catch->test;
	int exit_code;

	try_catch->context = context;
	try_catch->try_result = 0;
	exit_code = host_kunit_try_run(try_catch->try, context);
	try_catch->try_result = exit_code;
	if (!exit_code)
		return;
	if (exit_code == -EFAULT)
		try_catch->try_result = 0;
	else if (exit_code == -EINTR)
		kunit_err(test, "try faulted\n");
	else
		kunit_err(test, "Unknown error: %d\n", exit_code);
	try_catch->catch(try_catch->context);
}
EXPORT_SYMBOL_GPL(kunit_try_catch_run);
