// SPDX-License-Identifier: GPL-2.0
/*
 * Bus devices (drivers/base/core.c): device_initialize/add/del, the kobject reference count and the
 * release callback, /sys/devices, the uevent file, dev_err_probe, and the unload check that removes
 * what a module left registered. Class devices of device_create() are in device.c.
 */
#include <linux/device.h>
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/err.h>
#include <linux/kdev_t.h>
#include "base.h"
#include "kernfs-internal.h"

DEFINE_SPINLOCK(drivers_lock);
struct kset *devices_kset;	/* /sys/devices */

int dev_set_name(struct device *dev, const char *fmt, ...)
{
	va_list vargs;
	int err;

	va_start(vargs, fmt);
	err = kobject_set_name_vargs(&dev->kobj, fmt, vargs);
	va_end(vargs);
	return err;
}
EXPORT_SYMBOL_GPL(dev_set_name);

static void device_release(struct kobject *kobj)
{
	struct device *dev = kobj_to_dev(kobj);
	struct device_private *p = dev->p;

	/* Resources a driver-less user added (devm on a device that was never bound) go with it. */
	devres_release_all(dev);

	if (dev->release)
		dev->release(dev);
	else if (dev->type && dev->type->release)
		dev->type->release(dev);
	else if (dev->class && dev->class->dev_release)
		dev->class->dev_release(dev);
	else
		WARN(1, KERN_ERR "Device '%s' does not have a release() function, it is broken and must be fixed. See Documentation/core-api/kobject.rst.\n",
		     dev_name(dev));
	if (p)
		kfree(p->deferred_probe_reason);
	kfree(p);
}

static const struct kobj_type device_ktype = {
	.release	= device_release,
	.sysfs_ops	= &dev_sysfs_ops,
};

void device_initialize(struct device *dev)
{
	dev->kobj.kset = devices_kset;
	kobject_init(&dev->kobj, &device_ktype);
	INIT_LIST_HEAD(&dev->devres_head);
	spin_lock_init(&dev->devres_lock);
}
EXPORT_SYMBOL_GPL(device_initialize);

int device_private_init(struct device *dev)
{
	dev->p = kzalloc(sizeof(*dev->p), GFP_KERNEL);
	if (!dev->p)
		return -ENOMEM;
	dev->p->device = dev;
	INIT_LIST_HEAD(&dev->p->knode_bus);
	INIT_LIST_HEAD(&dev->p->knode_driver);
	INIT_LIST_HEAD(&dev->p->deferred_probe);
	return 0;
}

struct device *get_device(struct device *dev)
{
	return dev ? kobj_to_dev(kobject_get(&dev->kobj)) : NULL;
}
EXPORT_SYMBOL_GPL(get_device);

void put_device(struct device *dev)
{
	if (dev)
		kobject_put(&dev->kobj);
}
EXPORT_SYMBOL_GPL(put_device);

/* ---- the uevent file: the environment a uevent of the device carries ------------------------------- */

static int dev_uevent(const struct device *dev, struct kobj_uevent_env *env)
{
	int retval = 0;

	if (MAJOR(dev->devt)) {
		/* The node's name below /dev: the class's devnode() ("input/event0"), else the device's. */
		umode_t mode = 0;
		char *node = dev->class && dev->class->devnode ? dev->class->devnode(dev, &mode) : NULL;

		add_uevent_var(env, "MAJOR=%u", MAJOR(dev->devt));
		add_uevent_var(env, "MINOR=%u", MINOR(dev->devt));
		add_uevent_var(env, "DEVNAME=%s", node ? node : dev_name(dev));
		kfree(node);
	}
	if (dev->type && dev->type->name)
		add_uevent_var(env, "DEVTYPE=%s", dev->type->name);
	if (dev->driver)
		add_uevent_var(env, "DRIVER=%s", dev->driver->name);

	if (dev->bus && dev->bus->uevent) {
		retval = dev->bus->uevent(dev, env);
		if (retval)
			pr_debug("device: '%s': %s: bus uevent() returned %d\n", dev_name(dev), __func__, retval);
	}
	if (dev->class && dev->class->dev_uevent) {
		retval = dev->class->dev_uevent(dev, env);
		if (retval)
			pr_debug("device: '%s': %s: class uevent() returned %d\n", dev_name(dev), __func__, retval);
	}
	if (dev->type && dev->type->uevent) {
		retval = dev->type->uevent(dev, env);
		if (retval)
			pr_debug("device: '%s': %s: dev_type uevent() returned %d\n", dev_name(dev), __func__, retval);
	}
	return retval;
}

static ssize_t uevent_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct kobj_uevent_env *env;
	size_t count = 0;
	int i;

	env = kzalloc(sizeof(*env), GFP_KERNEL);
	if (!env)
		return -ENOMEM;
	if (!dev_uevent(dev, env))
		for (i = 0; i < env->envp_idx; i++)
			count += sysfs_emit_at(buf, count, "%s\n", env->envp[i]);
	kfree(env);
	return count;
}

static ssize_t uevent_store(struct device *dev, struct device_attribute *attr, const char *buf, size_t count)
{
	int rc = kobject_synth_uevent(&dev->kobj, buf, count);

	if (rc) {
		dev_err(dev, "uevent: failed to send synthetic uevent: %d\n", rc);
		return rc;
	}
	return count;
}
static DEVICE_ATTR_RW(uevent);

static int device_add_attrs(struct device *dev)
{
	const struct device_type *type = dev->type;
	int error;

	if (dev->class) {
		error = device_add_groups(dev, dev->class->dev_groups);
		if (error)
			return error;
	}
	if (type) {
		error = device_add_groups(dev, type->groups);
		if (error)
			goto err_remove_class_groups;
	}
	error = device_add_groups(dev, dev->groups);
	if (error)
		goto err_remove_type_groups;
	return 0;

err_remove_type_groups:
	if (type)
		device_remove_groups(dev, type->groups);
err_remove_class_groups:
	if (dev->class)
		device_remove_groups(dev, dev->class->dev_groups);
	return error;
}

static void device_remove_attrs(struct device *dev)
{
	device_remove_groups(dev, dev->groups);
	if (dev->type)
		device_remove_groups(dev, dev->type->groups);
	if (dev->class)
		device_remove_groups(dev, dev->class->dev_groups);
}

/* device_add(): the name, the directory under the parent (or /sys/devices), the bus, then a probe. */
int __lkm_device_add(struct device *dev, struct module *owner)
{
	struct kobject *kobj;
	int error = -EINVAL;

	dev = get_device(dev);
	if (!dev)
		goto done;

	if (!dev->p) {
		error = device_private_init(dev);
		if (error)
			goto done;
	}
	dev->p->owner = owner;

	/* The init name, or the bus's dev_name and the id; without either the device cannot be added. */
	if (dev->init_name) {
		error = dev_set_name(dev, "%s", dev->init_name);
		dev->init_name = NULL;
	}
	if (!kobject_name(&dev->kobj) && dev->bus && dev->bus->dev_name)
		error = dev_set_name(dev, "%s%u", dev->bus->dev_name, dev->id);
	if (!kobject_name(&dev->kobj)) {
		error = -EINVAL;
		goto name_error;
	}
	pr_debug("device: '%s': %s\n", dev_name(dev), __func__);

	kobj = dev->parent ? &get_device(dev->parent)->kobj : NULL;
	if (dev->class)
		kobj = lkm_class_dev_parent(dev);
	error = IS_ERR(kobj) ? PTR_ERR(kobj) : kobject_add(&dev->kobj, kobj, NULL);
	if (error)
		goto parent_error;

	error = device_create_file(dev, &dev_attr_uevent);
	if (error)
		goto attr_error;
	error = device_add_attrs(dev);
	if (error)
		goto attrs_error;
	error = dev->class ? lkm_class_dev_add(dev) : 0;
	if (error)
		goto class_error;
	error = bus_add_device(dev);
	if (error)
		goto bus_error;
	error = dpm_sysfs_add(dev);
	if (error)
		goto dpm_error;

	kobject_uevent(&dev->kobj, KOBJ_ADD);
	bus_probe_device(dev);
	goto done;

dpm_error:
	bus_remove_device(dev);
bus_error:
	if (dev->class)
		lkm_class_dev_del(dev);
class_error:
	device_remove_attrs(dev);
attrs_error:
	device_remove_file(dev, &dev_attr_uevent);
attr_error:
	kobject_del(&dev->kobj);
parent_error:
	if (dev->class && !IS_ERR_OR_NULL(kobj))
		lkm_class_glue_put(kobj);
	put_device(dev->parent);
name_error:
	kfree(dev->p);
	dev->p = NULL;
done:
	put_device(dev);
	return error;
}
EXPORT_SYMBOL_GPL(__lkm_device_add);

void device_del(struct device *dev)
{
	struct device *parent = dev->parent;
	struct kobject *glue;

	if (!dev->p || !device_is_registered(dev)) {
		WARN(1, "device_del: '%s' is not registered\n", dev_name(dev));
		return;
	}
	dev->p->dead = true;
	dpm_sysfs_remove(dev);
	bus_remove_device(dev);
	driver_deferred_probe_del(dev);
	if (dev->class)
		lkm_class_dev_del(dev);
	device_remove_attrs(dev);
	device_remove_file(dev, &dev_attr_uevent);
	/* Managed resources of a device without a driver go now (a leaked reference would keep them). */
	devres_release_all(dev);
	kobject_uevent(&dev->kobj, KOBJ_REMOVE);
	glue = dev->class ? dev->kobj.parent : NULL;
	kobject_del(&dev->kobj);
	if (glue)
		lkm_class_glue_put(glue);
	put_device(parent);
}
EXPORT_SYMBOL_GPL(device_del);

void device_unregister(struct device *dev)
{
	pr_debug("device: '%s': %s\n", dev_name(dev), __func__);
	device_del(dev);
	put_device(dev);
}
EXPORT_SYMBOL_GPL(device_unregister);

/* dev_err_probe(): -EPROBE_DEFER is recorded as the deferral reason (debug only), -ENOMEM is silent. */
int dev_err_probe(const struct device *dev, int err, const char *fmt, ...)
{
	struct va_format vaf;
	va_list args;

	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;

	switch (err) {
	case -EPROBE_DEFER:
		device_set_deferred_probe_reason(dev, &vaf);
		dev_dbg(dev, "error %pe: %pV", ERR_PTR(err), &vaf);
		break;
	case -ENOMEM:
		break;
	default:
		dev_err(dev, "error %pe: %pV", ERR_PTR(err), &vaf);
		break;
	}
	va_end(args);
	return err;
}
EXPORT_SYMBOL_GPL(dev_err_probe);

/*
 * At unload (after exit(), or a failed init): devices the module added and drivers it registered are
 * still on their buses, pointing into its code and data. Linux would crash on the next match or
 * release; here each is reported and removed, as kernfs entries and file system types are.
 */
static struct device *leftover_device(struct module *mod, const struct bus_type *bus)
{
	struct kobject *k;

	list_for_each_entry(k, &devices_kset->list, entry) {
		struct device *dev = kobj_to_dev(k);

		if (dev->p && !dev->p->dead && (bus ? dev->bus == bus : dev->p->owner == mod))
			return dev;
	}
	return NULL;
}

/* The devices of @mod (or, with @bus, every device on that bus of @mod's), then its drivers. */
static void remove_leftovers(struct module *mod, const struct bus_type *bus)
{
	struct device_driver *drv;
	struct device *dev;

	while ((dev = leftover_device(mod, bus))) {
		pr_warn("%s: device '%s' not unregistered at unload: removing it\n", mod->name, dev_name(dev));
		if (dev_is_platform(dev))
			platform_device_unregister(to_platform_device(dev));
		else
			device_unregister(dev);
	}
	while ((drv = bus ? lkm_first_driver(bus) : lkm_find_module_driver(mod))) {
		pr_warn("%s: driver '%s' not unregistered at unload: removing it\n", mod->name, drv->name);
		driver_unregister(drv);
	}
}

void __lkm_entry lkm_driver_core_module_gone(struct module *mod)
{
	const struct bus_type *bus;

	if (!devices_kset)
		return;
	remove_leftovers(mod, NULL);
	/* A bus of the module's: whatever is still on it would point to the freed bus_type. */
	while ((bus = lkm_find_module_bus(mod))) {
		remove_leftovers(mod, bus);
		pr_warn("%s: bus '%s' not unregistered at unload: removing it\n", mod->name, bus->name);
		bus_unregister(bus);
	}
}

/* Boot: /sys/devices, /sys/bus, the platform bus (driver_init()). */
int __lkm_entry lkm_init_driver_core(void)
{
	lkm_sysfs_init();
	devices_kset = kset_create_and_add("devices", NULL, NULL);
	if (!devices_kset)
		return -ENOMEM;
	lkm_driver_core_init();
	return 0;
}
