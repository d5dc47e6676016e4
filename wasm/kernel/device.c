// SPDX-License-Identifier: GPL-2.0
/*
 * Classes and class devices (drivers/base/class.c, core.c) and devtmpfs: a device with a number gets
 * its /dev node, and /sys/class/CLASS/DEVICE/dev shows "major:minor". The host keeps those two views;
 * this file keeps the structures and names, and refuses duplicates as sysfs does.
 */
#include <linux/device.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/stat.h>
#include <linux/spinlock.h>
#include "host.h"

/*
 * op: 0 add class, 1 remove class, 2 add device (with its /dev node when devt != 0), 3 remove device,
 * 4 set the mode of the device's /dev node.
 */
__host_import(class_dev) int host_class_dev(int op, const char *cls, const char *dev, dev_t devt, umode_t mode);

static LIST_HEAD(classes);
static LIST_HEAD(devices);
static DEFINE_SPINLOCK(devices_lock);

static void duplicate(const char *path, const char *name)
{
	pr_err("sysfs: cannot create duplicate filename '%s'\n", path);
	pr_err("kobject: kobject_add_internal failed for %s with -EEXIST, don't try to register things with the same name in the same directory.\n",
	       name);
}

static struct class *find_class(const char *name)
{
	struct class *c;

	list_for_each_entry(c, &classes, node)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

int class_register(const struct class *ccls)
{
	struct class *cls = (struct class *)ccls;
	char path[96];

	spin_lock(&devices_lock);
	if (find_class(cls->name)) {
		spin_unlock(&devices_lock);
		snprintf(path, sizeof(path), "/class/%s", cls->name);
		duplicate(path, cls->name);
		return -EEXIST;
	}
	list_add_tail(&cls->node, &classes);
	spin_unlock(&devices_lock);
	host_class_dev(0, cls->name, NULL, 0, 0);
	return 0;
}
EXPORT_SYMBOL_GPL(class_register);

struct class *class_create(const char *name)
{
	struct class *cls = kzalloc(sizeof(*cls), GFP_KERNEL);
	int err;

	if (!cls)
		return ERR_PTR(-ENOMEM);
	cls->name = name;
	cls->allocated = true;
	err = class_register(cls);
	if (err) {
		kfree(cls);
		return ERR_PTR(err);
	}
	return cls;
}
EXPORT_SYMBOL_GPL(class_create);

void class_unregister(const struct class *ccls)
{
	struct class *cls = (struct class *)ccls;

	spin_lock(&devices_lock);
	list_del_init(&cls->node);
	spin_unlock(&devices_lock);
	host_class_dev(1, cls->name, NULL, 0, 0);
	if (cls->class_release)
		cls->class_release(cls);
}
EXPORT_SYMBOL_GPL(class_unregister);

void class_destroy(const struct class *cls)
{
	if (IS_ERR_OR_NULL(cls))
		return;
	class_unregister(cls);
	if (cls->allocated)
		kfree(cls);
}
EXPORT_SYMBOL_GPL(class_destroy);

const char *dev_driver_string(const struct device *dev)
{
	if (dev->driver && dev->driver->name)
		return dev->driver->name;
	if (dev->class)
		return dev->class->name;
	return "";
}
EXPORT_SYMBOL(dev_driver_string);

static struct device *device_create_vargs(const struct class *cls, struct device *parent, dev_t devt,
					  void *drvdata, const char *fmt, va_list args)
{
	struct device *dev, *other;
	umode_t mode = 0600;
	char path[160];
	int err;

	if (IS_ERR_OR_NULL(cls))
		return ERR_PTR(-ENODEV);
	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return ERR_PTR(-ENOMEM);
	dev->class = cls;
	dev->parent = parent;
	dev->devt = devt;
	dev->driver_data = drvdata;
	dev->allocated = true;
	vsnprintf(dev->name, sizeof(dev->name), fmt, args);
	/* Names with '/' become subdirectories in /dev; sysfs spells them with '!'. */

	spin_lock(&devices_lock);
	list_for_each_entry(other, &devices, node) {
		if (other->class == cls && !strcmp(other->name, dev->name)) {
			spin_unlock(&devices_lock);
			snprintf(path, sizeof(path), "/devices/virtual/%s/%s", cls->name, dev->name);
			duplicate(path, dev->name);
			kfree(dev);
			return ERR_PTR(-EEXIST);
		}
	}
	list_add_tail(&dev->node, &devices);
	spin_unlock(&devices_lock);

	if (cls->devnode) {
		umode_t m = 0;
		char *name = cls->devnode(dev, &m);

		if (m)
			mode = m;
		kfree(name);
	}
	err = host_class_dev(2, cls->name, dev->name, devt, mode);
	if (err) {
		spin_lock(&devices_lock);
		list_del(&dev->node);
		spin_unlock(&devices_lock);
		kfree(dev);
		return ERR_PTR(err);
	}
	return dev;
}

struct device *device_create(const struct class *cls, struct device *parent, dev_t devt, void *drvdata,
			     const char *fmt, ...)
{
	va_list vargs;
	struct device *dev;

	va_start(vargs, fmt);
	dev = device_create_vargs(cls, parent, devt, drvdata, fmt, vargs);
	va_end(vargs);
	return dev;
}
EXPORT_SYMBOL_GPL(device_create);

void device_destroy(const struct class *cls, dev_t devt)
{
	struct device *dev, *found = NULL;

	spin_lock(&devices_lock);
	list_for_each_entry(dev, &devices, node) {
		if (dev->class == cls && dev->devt == devt) {
			found = dev;
			list_del(&dev->node);
			break;
		}
	}
	spin_unlock(&devices_lock);
	if (!found)
		return;
	host_class_dev(3, cls->name, found->name, devt, 0);
	if (found->release)
		found->release(found);
	else if (found->allocated)
		kfree(found);
}
EXPORT_SYMBOL_GPL(device_destroy);

void lkm_set_devnode_mode(struct device *dev, umode_t mode)
{
	host_class_dev(4, dev->class->name, dev->name, dev->devt, mode);
}
EXPORT_SYMBOL(lkm_set_devnode_mode);

/* ---- dev_printk ---------------------------------------------------------------------------------- */

static void dev_vprintk(const char *level, const struct device *dev, const char *fmt, va_list *args)
{
	struct va_format vaf = { .fmt = fmt, .va = args };

	if (dev)
		printk("%s%s %s: %pV", level, dev_driver_string(dev), dev_name(dev), &vaf);
	else
		printk("%s(NULL device *): %pV", level, &vaf);
}

void _dev_printk(const char *level, const struct device *dev, const char *fmt, ...)
{
	va_list args;

	va_start(args, fmt);
	dev_vprintk(level, dev, fmt, &args);
	va_end(args);
}
EXPORT_SYMBOL(_dev_printk);

#define define_dev_printk_level(func, kern_level)		\
void func(const struct device *dev, const char *fmt, ...)	\
{								\
	va_list args;						\
								\
	va_start(args, fmt);					\
	dev_vprintk(kern_level, dev, fmt, &args);		\
	va_end(args);						\
}								\
EXPORT_SYMBOL(func);

define_dev_printk_level(_dev_emerg, KERN_EMERG)
define_dev_printk_level(_dev_alert, KERN_ALERT)
define_dev_printk_level(_dev_crit, KERN_CRIT)
define_dev_printk_level(_dev_err, KERN_ERR)
define_dev_printk_level(_dev_warn, KERN_WARNING)
define_dev_printk_level(_dev_notice, KERN_NOTICE)
define_dev_printk_level(_dev_info, KERN_INFO)
