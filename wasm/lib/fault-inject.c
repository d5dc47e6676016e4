// SPDX-License-Identifier: GPL-2.0
/*
 * The fault-injection core (lib/fault-inject.c): should_fail() decides whether a fault-injectable call
 * fails, after the task's fail-nth countdown, then the capability's attributes in Linux's order
 * (probability, task-filter, times, space, interval, the dice); the debugfs directory of a capability.
 */
#include <linux/kernel.h>
#include <linux/fault-inject.h>
#include <linux/debugfs.h>
#include <linux/random.h>
#include <linux/ratelimit.h>
#include <linux/sched.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/export.h>
#include <linux/stat.h>
#include <linux/err.h>

/* "<interval>,<probability>,<space>,<times>" (the failslab= and fail_page_alloc= boot options). */
int setup_fault_attr(struct fault_attr *attr, char *str)
{
	unsigned long probability, interval;
	int times, space;

	if (sscanf(str, "%lu,%lu,%d,%d", &interval, &probability, &space, &times) < 4) {
		printk(KERN_WARNING "FAULT_INJECTION: failed to parse arguments\n");
		return 0;
	}
	attr->probability = probability;
	attr->interval = interval;
	atomic_set(&attr->times, times);
	atomic_set(&attr->space, space);
	return 1;
}
EXPORT_SYMBOL_GPL(setup_fault_attr);

/* verbose 1: the notice and the attributes; 2: a call trace as well. */
static void fail_dump(struct fault_attr *attr)
{
	if (attr->verbose == 0 || !__ratelimit(&attr->ratelimit_state))
		return;
	printk(KERN_NOTICE "FAULT_INJECTION: forcing a failure.\n"
	       "name %s, interval %lu, probability %lu, space %d, times %d\n",
	       attr->lkm_name ?: "", attr->interval, attr->probability,
	       atomic_read(&attr->space), atomic_read(&attr->times));
	if (attr->verbose > 1)
		dump_stack();
}

static bool fail_task(struct task_struct *task)
{
	return in_task() && task->make_it_fail;
}

bool should_fail_ex(struct fault_attr *attr, ssize_t size, int flags)
{
	/* fail-nth takes precedence over every attribute: count down, fail at zero. */
	if (in_task()) {
		unsigned int nth = READ_ONCE(current->fail_nth);

		if (nth) {
			WRITE_ONCE(current->fail_nth, --nth);
			if (nth)
				return false;
			goto fail;
		}
	}

	if (attr->probability == 0)
		return false;
	if (attr->task_filter && !fail_task(current))
		return false;
	if (atomic_read(&attr->times) == 0)
		return false;
	if (atomic_read(&attr->space) > size) {
		atomic_sub(size, &attr->space);
		return false;
	}
	if (attr->interval > 1) {
		attr->count++;
		if (attr->count % attr->interval)
			return false;
	}
	if (attr->probability <= get_random_u32_below(100))
		return false;

fail:
	if (!(flags & FAULT_NOWARN))
		fail_dump(attr);
	/* times -1: no limit; otherwise one fewer left, stopping at 0 (atomic_dec_not_zero). */
	if (atomic_read(&attr->times) != -1 && atomic_read(&attr->times) != 0)
		atomic_dec(&attr->times);
	return true;
}

bool should_fail(struct fault_attr *attr, ssize_t size)
{
	return should_fail_ex(attr, size, 0);
}
EXPORT_SYMBOL_GPL(should_fail);

static int fault_ul_get(void *data, u64 *val)
{
	*val = *(unsigned long *)data;
	return 0;
}

static int fault_ul_set(void *data, u64 val)
{
	*(unsigned long *)data = val;
	return 0;
}

DEFINE_SIMPLE_ATTRIBUTE(fops_ul, fault_ul_get, fault_ul_set, "%llu\n");

struct dentry *fault_create_debugfs_attr(const char *name, struct dentry *parent, struct fault_attr *attr)
{
	umode_t mode = S_IFREG | S_IRUSR | S_IWUSR;
	struct dentry *dir = debugfs_create_dir(name, parent);

	if (IS_ERR(dir))
		return dir;
	debugfs_create_file("probability", mode, dir, &attr->probability, &fops_ul);
	debugfs_create_file("interval", mode, dir, &attr->interval, &fops_ul);
	debugfs_create_atomic_t("times", mode, dir, &attr->times);
	debugfs_create_atomic_t("space", mode, dir, &attr->space);
	debugfs_create_file("verbose", mode, dir, &attr->verbose, &fops_ul);
	debugfs_create_u32("verbose_ratelimit_interval_ms", mode, dir,
			   (u32 *)&attr->ratelimit_state.interval);
	debugfs_create_u32("verbose_ratelimit_burst", mode, dir, (u32 *)&attr->ratelimit_state.burst);
	debugfs_create_bool("task-filter", mode, dir, &attr->task_filter);
	attr->dname = dir;
	attr->lkm_name = name;
	return dir;
}
EXPORT_SYMBOL_GPL(fault_create_debugfs_attr);
