/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Static stubs (Linux 6.12's <kunit/static_stub.h>): while a test runs, a function that begins with
 * KUNIT_STATIC_STUB_REDIRECT() calls the replacement the test activated instead of its own body.
 */
#ifndef _KUNIT_STATIC_STUB_H
#define _KUNIT_STATIC_STUB_H

#include <kunit/test.h>
#include <kunit/test-bug.h>
#include <linux/typecheck.h>

void *__kunit_get_static_stub_address(struct kunit *test, void *real_fn_addr);

#define KUNIT_STATIC_STUB_REDIRECT(real_fn_name, args...)				\
do {											\
	typeof(&real_fn_name) replacement;						\
	struct kunit *current_test = kunit_get_current_test();				\
											\
	if (likely(!current_test))							\
		break;									\
											\
	replacement = __kunit_get_static_stub_address(current_test,			\
						      (void *)real_fn_name);		\
											\
	if (unlikely(replacement))							\
		return replacement(args);						\
} while (0)

void __kunit_activate_static_stub(struct kunit *test, void *real_fn_addr, void *replacement_addr);

#define kunit_activate_static_stub(test, real_fn_addr, replacement_addr) do {		\
	typecheck_fn(typeof(&replacement_addr), real_fn_addr);				\
	__kunit_activate_static_stub(test, (void *)real_fn_addr, (void *)replacement_addr); \
} while (0)

void kunit_deactivate_static_stub(struct kunit *test, void *real_fn_addr);

#endif
