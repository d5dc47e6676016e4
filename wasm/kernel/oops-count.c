// SPDX-License-Identifier: GPL-2.0-only
/*
 * kernel/panic.c's warn_count and kernel/exit.c's oops_count, and their files /sys/kernel/warn_count and
 * /sys/kernel/oops_count (Linux 6.2+): how many WARNs and Oopses this boot had. Every WARN report counts
 * (check_panic_on_warn(), called at its end); every Oops counts when the host's die() ends the task
 * (make_task_dead(), entered through lkm_make_task_dead()). panic_on_warn and the warn/oops limits are
 * not implemented: counting never panics.
 */
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/sysfs.h>
#include <linux/atomic.h>
#include <linux/panic.h>
#include "host.h"

void lkm_sysfs_init(void);

static atomic_t warn_count = ATOMIC_INIT(0);
static atomic_t oops_count = ATOMIC_INIT(0);

void check_panic_on_warn(const char *origin)
{
	(void)origin;
	atomic_inc(&warn_count);
}

void __lkm_entry lkm_make_task_dead(void)
{
	atomic_inc(&oops_count);
}

static ssize_t warn_count_show(struct kobject *kobj, struct kobj_attribute *attr, char *page)
{
	return sysfs_emit(page, "%u\n", atomic_read(&warn_count));
}
static struct kobj_attribute warn_count_attr = __ATTR_RO(warn_count);

static ssize_t oops_count_show(struct kobject *kobj, struct kobj_attribute *attr, char *page)
{
	return sysfs_emit(page, "%u\n", atomic_read(&oops_count));
}
static struct kobj_attribute oops_count_attr = __ATTR_RO(oops_count);

/* At boot (an lkm_init_ entry, as Linux's late_initcalls): /sys/kernel exists once lkm_sysfs_init() ran. */
int __lkm_entry lkm_init_oops_counts(void)
{
	int err;

	lkm_sysfs_init();
	err = sysfs_create_file(kernel_kobj, &warn_count_attr.attr);
	return err ?: sysfs_create_file(kernel_kobj, &oops_count_attr.attr);
}
