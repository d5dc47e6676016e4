// SPDX-License-Identifier: GPL-2.0
/*
 * A device's power/ directory (drivers/base/power/sysfs.c): the runtime PM files of a device whose
 * runtime PM is disabled, which is every device here (there is no runtime PM core): status
 * "unsupported", the control knob ("auto" or "on"), zero times, and no autosuspend (EIO).
 */
#include <linux/device.h>
#include <linux/string.h>
#include "../base.h"

static const char ctrl_auto[] = "auto";
static const char ctrl_on[] = "on";

/* The device's control setting, kept per device as Linux keeps dev->power.runtime_auto. */
static ssize_t control_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%s\n", dev->p && dev->p->pm_runtime_on ? ctrl_on : ctrl_auto);
}

static ssize_t control_store(struct device *dev, struct device_attribute *attr, const char *buf, size_t n)
{
	if (sysfs_streq(buf, ctrl_auto))
		dev->p->pm_runtime_on = false;
	else if (sysfs_streq(buf, ctrl_on))
		dev->p->pm_runtime_on = true;
	else
		n = -EINVAL;
	return n;
}
static DEVICE_ATTR_RW(control);

static ssize_t runtime_active_time_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%llu\n", 0ULL);
}
static DEVICE_ATTR_RO(runtime_active_time);

static ssize_t runtime_suspended_time_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%llu\n", 0ULL);
}
static DEVICE_ATTR_RO(runtime_suspended_time);

static ssize_t runtime_status_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	/* Runtime PM was never enabled for the device (power.disable_depth > 0). */
	return sysfs_emit(buf, "%s\n", "unsupported");
}
static DEVICE_ATTR_RO(runtime_status);

static ssize_t autosuspend_delay_ms_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	/* No driver asked for autosuspend (power.use_autosuspend). */
	return -EIO;
}

static ssize_t autosuspend_delay_ms_store(struct device *dev, struct device_attribute *attr, const char *buf,
					  size_t n)
{
	return -EIO;
}
static DEVICE_ATTR_RW(autosuspend_delay_ms);

static struct attribute *runtime_attrs[] = {
	&dev_attr_runtime_status.attr,
	&dev_attr_control.attr,
	&dev_attr_runtime_suspended_time.attr,
	&dev_attr_runtime_active_time.attr,
	&dev_attr_autosuspend_delay_ms.attr,
	NULL,
};

static const struct attribute_group pm_runtime_attr_group = {
	.name	= "power",
	.attrs	= runtime_attrs,
};

int dpm_sysfs_add(struct device *dev)
{
	return sysfs_create_group(&dev->kobj, &pm_runtime_attr_group);
}

void dpm_sysfs_remove(struct device *dev)
{
	sysfs_remove_group(&dev->kobj, &pm_runtime_attr_group);
}
