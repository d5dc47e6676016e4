/* SPDX-License-Identifier: GPL-2.0 */
/* What the files of lib/kunit share (Linux splits it over debugfs.h and the executor). */
#ifndef _KUNIT_INTERNAL_H
#define _KUNIT_INTERNAL_H

#include <kunit/test.h>

/* KTAP nesting levels of a result line. */
enum {
	KUNIT_LEVEL_SUITE = 0,
	KUNIT_LEVEL_CASE,
	KUNIT_LEVEL_CASE_PARAM,
};

/* kunit.stats_enabled (executor.c). */
extern int kunit_stats_enabled;

/* Gives the suite and its cases their logs and /sys/kernel/debug/kunit/SUITE (debugfs.c). */
void kunit_init_suite(struct kunit_suite *suite);
void kunit_debugfs_destroy_suite(struct kunit_suite *suite);

#endif
