/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Fault injection (Documentation/fault-injection/fault-injection.rst): a struct fault_attr per
 * capability, configured through debugfs (/sys/kernel/debug/NAME/{probability,interval,times,space,
 * verbose,task-filter,...}), and the per-task /proc/self/fail-nth, which fails the Nth fault-injectable
 * call of the task. The capabilities here: failslab (mm/failslab.c) and fail_page_alloc
 * (mm/fail_page_alloc.c). No stack-trace filter (CONFIG_FAULT_INJECTION_STACKTRACE_FILTER is off).
 */
#ifndef _LINUX_FAULT_INJECT_H
#define _LINUX_FAULT_INJECT_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/ratelimit_types.h>

struct dentry;
struct kmem_cache;

struct fault_attr {
	unsigned long probability;
	unsigned long interval;
	atomic_t times;
	atomic_t space;
	unsigned long verbose;
	bool task_filter;
	unsigned long count;
	struct ratelimit_state ratelimit_state;
	struct dentry *dname;
	/* The directory's name for the report: debugfs dentries here are kernfs nodes, which %pd cannot name. */
	const char *lkm_name;
};

enum fault_flags {
	FAULT_NOWARN =	1 << 0,
};

#define FAULT_ATTR_INITIALIZER {					\
		.interval = 1,						\
		.times = ATOMIC_INIT(1),				\
		.ratelimit_state = RATELIMIT_STATE_INIT_DISABLED,	\
		.verbose = 2,						\
		.dname = NULL,						\
	}

#define DECLARE_FAULT_ATTR(name) struct fault_attr name = FAULT_ATTR_INITIALIZER

int setup_fault_attr(struct fault_attr *attr, char *str);
bool should_fail_ex(struct fault_attr *attr, ssize_t size, int flags);
bool should_fail(struct fault_attr *attr, ssize_t size);
struct dentry *fault_create_debugfs_attr(const char *name, struct dentry *parent, struct fault_attr *attr);

/* The allocators' hooks: true when this allocation must fail. */
bool should_fail_alloc_page(gfp_t gfp_mask, unsigned int order);
/* failslab for an object of @object_size from a cache with @cache_flags (Linux: should_failslab(s, gfp)). */
bool __should_failslab_size(size_t object_size, slab_flags_t cache_flags, gfp_t gfpflags);

#endif /* _LINUX_FAULT_INJECT_H */
