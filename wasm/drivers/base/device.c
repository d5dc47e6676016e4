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
#include "kernfs-internal.h"
#include "base.h"

/*
 * op: 0 add class, 1 remove class, 2 add device (with its /dev node when devt != 0), 3 remove device,
 * 4 set the mode of the device's /dev node; 5 add a block /dev node (block/genhd.c's add_disk).
 */
__host_import(class_dev) int host_class_dev(int op, const char *cls, const char *dev, dev_t devt, umode_t mode);

static int class_sysfs_add(struct class *cls);
static void class_sysfs_del(struct class *cls);
static int device_sysfs_add(struct device *dev, const struct attribute_group **groups);
static void device_sysfs_del(struct device *dev);

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
	return class_sysfs_add(cls);
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
	class_sysfs_del(cls);
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
	struct device_driver *drv = READ_ONCE(dev->driver);

	return drv ? drv->name : dev_bus_name(dev);
}
EXPORT_SYMBOL(dev_driver_string);

static struct device *device_create_vargs(const struct class *cls, struct device *parent, dev_t devt,
					  void *drvdata, const struct attribute_group **groups, const char *fmt,
					  va_list args)
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
	err = device_sysfs_add(dev, groups);
	if (err) {
		spin_lock(&devices_lock);
		list_del(&dev->node);
		spin_unlock(&devices_lock);
		device_sysfs_del(dev);
		host_class_dev(3, cls->name, dev->name, devt, 0);
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
	dev = device_create_vargs(cls, parent, devt, drvdata, NULL, fmt, vargs);
	va_end(vargs);
	return dev;
}
EXPORT_SYMBOL_GPL(device_create);

struct device *device_create_with_groups(const struct class *cls, struct device *parent, dev_t devt,
					 void *drvdata, const struct attribute_group **groups, const char *fmt, ...)
{
	va_list vargs;
	struct device *dev;

	va_start(vargs, fmt);
	dev = device_create_vargs(cls, parent, devt, drvdata, groups, fmt, vargs);
	va_end(vargs);
	return dev;
}
EXPORT_SYMBOL_GPL(device_create_with_groups);

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
	device_sysfs_del(found);
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

/* ---- sysfs: /sys/class/CLASS and its devices' directories, with their attributes ------------------- */

static struct kobject *class_kobj;	/* /sys/class */

struct class_kobject {
	struct kobject kobj;
	const struct class *class;
};

static ssize_t class_attr_show(struct kobject *kobj, struct attribute *attr, char *buf)
{
	struct class_attribute *class_attr = container_of(attr, struct class_attribute, attr);
	struct class_kobject *ck = container_of(kobj, struct class_kobject, kobj);
	ssize_t ret = -EIO;

	if (class_attr->show)
		ret = class_attr->show(ck->class, class_attr, buf);
	return ret;
}

static ssize_t class_attr_store(struct kobject *kobj, struct attribute *attr, const char *buf, size_t count)
{
	struct class_attribute *class_attr = container_of(attr, struct class_attribute, attr);
	struct class_kobject *ck = container_of(kobj, struct class_kobject, kobj);
	ssize_t ret = -EIO;

	if (class_attr->store)
		ret = class_attr->store(ck->class, class_attr, buf, count);
	return ret;
}

static const struct sysfs_ops class_sysfs_ops = {
	.show	= class_attr_show,
	.store	= class_attr_store,
};

static void class_kobj_release(struct kobject *kobj)
{
	kfree(container_of(kobj, struct class_kobject, kobj));
}

static const struct kobj_type class_ktype = {
	.sysfs_ops	= &class_sysfs_ops,
	.release	= class_kobj_release,
};

static int class_sysfs_add(struct class *cls)
{
	struct class_kobject *ck;
	int err;

	lkm_sysfs_init();
	if (!class_kobj)
		class_kobj = kobject_create_and_add("class", NULL);
	ck = kzalloc(sizeof(*ck), GFP_KERNEL);
	if (!class_kobj || !ck) {
		kfree(ck);
		return 0;	/* no sysfs directory: the class works without attributes */
	}
	ck->class = cls;
	err = kobject_init_and_add(&ck->kobj, &class_ktype, class_kobj, "%s", cls->name);
	if (err) {
		kobject_put(&ck->kobj);
		return 0;
	}
	cls->kobj = &ck->kobj;
	err = sysfs_create_groups(cls->kobj, cls->class_groups);
	if (err) {
		class_unregister(cls);
		return err;
	}
	return 0;
}

static void class_sysfs_del(struct class *cls)
{
	struct kobject *kobj = cls->kobj;

	lkm_class_virtual_del(cls);
	cls->kobj = NULL;
	if (kobj) {
		kobject_del(kobj);
		kobject_put(kobj);
	}
}

int class_create_file_ns(const struct class *cls, const struct class_attribute *attr, const void *ns)
{
	if (!cls || !cls->kobj)
		return -EINVAL;
	return sysfs_create_file_ns(cls->kobj, &attr->attr, ns);
}
EXPORT_SYMBOL_GPL(class_create_file_ns);

void class_remove_file_ns(const struct class *cls, const struct class_attribute *attr, const void *ns)
{
	if (cls && cls->kobj)
		sysfs_remove_file_ns(cls->kobj, &attr->attr, ns);
}
EXPORT_SYMBOL_GPL(class_remove_file_ns);

static ssize_t dev_attr_show(struct kobject *kobj, struct attribute *attr, char *buf)
{
	struct device_attribute *dev_attr = container_of(attr, struct device_attribute, attr);
	struct device *dev = kobj_to_dev(kobj);
	ssize_t ret = -EIO;

	if (dev_attr->show)
		ret = dev_attr->show(dev, dev_attr, buf);
	if (ret >= (ssize_t)PAGE_SIZE)
		printk("dev_attr_show: %pS returned bad count\n", dev_attr->show);
	return ret;
}

static ssize_t dev_attr_store(struct kobject *kobj, struct attribute *attr, const char *buf, size_t count)
{
	struct device_attribute *dev_attr = container_of(attr, struct device_attribute, attr);
	struct device *dev = kobj_to_dev(kobj);
	ssize_t ret = -EIO;

	if (dev_attr->store)
		ret = dev_attr->store(dev, dev_attr, buf, count);
	return ret;
}

const struct sysfs_ops dev_sysfs_ops = {
	.show	= dev_attr_show,
	.store	= dev_attr_store,
};

static void device_kobj_release(struct kobject *kobj)
{
	/* The device itself is freed by device_destroy(). */
	(void)kobj;
}

static const struct kobj_type device_ktype = {
	.sysfs_ops	= &dev_sysfs_ops,
	.release	= device_kobj_release,
};

static int device_sysfs_add(struct device *dev, const struct attribute_group **groups)
{
	int err;

	kobject_init(&dev->kobj, &device_ktype);
	if (!dev->class->kobj)
		return 0;
	err = kobject_add(&dev->kobj, dev->class->kobj, "%s", dev->name);
	if (err)
		return err;
	err = sysfs_create_groups(&dev->kobj, dev->class->dev_groups);
	if (!err)
		err = sysfs_create_groups(&dev->kobj, groups);
	if (!err)
		err = sysfs_create_groups(&dev->kobj, dev->groups);
	return err;
}

static void device_sysfs_del(struct device *dev)
{
	if (!dev->kobj.state_initialized)
		return;
	kobject_del(&dev->kobj);
	kobject_put(&dev->kobj);
}

int device_create_file(struct device *dev, const struct device_attribute *attr)
{
	int error = 0;

	if (dev) {
		WARN(((attr->attr.mode & S_IWUGO) && !attr->store),
		     "Attribute %s: write permission without 'store'\n", attr->attr.name);
		WARN(((attr->attr.mode & S_IRUGO) && !attr->show),
		     "Attribute %s: read permission without 'show'\n", attr->attr.name);
		error = sysfs_create_file(&dev->kobj, &attr->attr);
	}
	return error;
}
EXPORT_SYMBOL_GPL(device_create_file);

void device_remove_file(struct device *dev, const struct device_attribute *attr)
{
	if (dev)
		sysfs_remove_file(&dev->kobj, &attr->attr);
}
EXPORT_SYMBOL_GPL(device_remove_file);

int device_add_groups(struct device *dev, const struct attribute_group **groups)
{
	return sysfs_create_groups(&dev->kobj, groups);
}
EXPORT_SYMBOL_GPL(device_add_groups);

void device_remove_groups(struct device *dev, const struct attribute_group **groups)
{
	sysfs_remove_groups(&dev->kobj, groups);
}
EXPORT_SYMBOL_GPL(device_remove_groups);
