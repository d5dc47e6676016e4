// SPDX-License-Identifier: GPL-2.0
/*
 * sysfs-attr: /sys/kernel/sysfs_attr/ with three attributes of a kobject.
 *
 *   value   (0644) an integer: shown with sprintf(), stored with sscanf(); not a number: EINVAL
 *   writes  (0444) how many values were stored (sysfs_notify() on each: poll() reports POLLPRI)
 *   reset   (0200) writing 1 sets value and writes back to 0
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/module.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/sysfs.h>

static struct kobject *sysfs_attr_kobj;
static int value;
static unsigned int writes;

static ssize_t value_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	return sprintf(buf, "%d\n", value);
}

static ssize_t value_store(struct kobject *kobj, struct kobj_attribute *attr, const char *buf, size_t count)
{
	int v;

	if (sscanf(buf, "%d", &v) != 1)
		return -EINVAL;
	value = v;
	writes++;
	/* Someone polling "writes" wakes up (POLLPRI | POLLERR) and reads it again. */
	sysfs_notify(kobj, NULL, "writes");
	return count;
}

static ssize_t writes_show(struct kobject *kobj, struct kobj_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%u\n", writes);
}

static ssize_t reset_store(struct kobject *kobj, struct kobj_attribute *attr, const char *buf, size_t count)
{
	bool yes;
	int ret = kstrtobool(buf, &yes);

	if (ret)
		return ret;
	if (yes) {
		value = 0;
		writes = 0;
		pr_info("reset\n");
	}
	return count;
}

static struct kobj_attribute value_attribute = __ATTR(value, 0644, value_show, value_store);
static struct kobj_attribute writes_attribute = __ATTR_RO(writes);
static struct kobj_attribute reset_attribute = __ATTR_WO(reset);

static struct attribute *sysfs_attr_attrs[] = {
	&value_attribute.attr,
	&writes_attribute.attr,
	&reset_attribute.attr,
	NULL,
};

static const struct attribute_group sysfs_attr_group = {
	.attrs = sysfs_attr_attrs,
};

static int __init sysfs_attr_example_init(void)
{
	int ret;

	sysfs_attr_kobj = kobject_create_and_add("sysfs_attr", kernel_kobj);
	if (!sysfs_attr_kobj)
		return -ENOMEM;
	ret = sysfs_create_group(sysfs_attr_kobj, &sysfs_attr_group);
	if (ret) {
		kobject_put(sysfs_attr_kobj);
		return ret;
	}
	return 0;
}

static void __exit sysfs_attr_example_exit(void)
{
	kobject_put(sysfs_attr_kobj);
}

module_init(sysfs_attr_example_init);
module_exit(sysfs_attr_example_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Attributes of a kobject in /sys/kernel");
