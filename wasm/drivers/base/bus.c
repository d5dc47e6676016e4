// SPDX-License-Identifier: GPL-2.0
/*
 * Buses (drivers/base/bus.c): /sys/bus/NAME with devices/ (links to the devices), drivers/ (a
 * directory per driver with bind, unbind, uevent and links to its devices), drivers_autoprobe,
 * drivers_probe and uevent; adding devices and drivers to a bus and finding them by name.
 */
#include <linux/device.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/err.h>
#include "base.h"

struct kset *bus_kset;		/* /sys/bus */

struct subsys_private *bus_to_subsys(const struct bus_type *bus)
{
	struct kobject *k;

	if (!bus || !bus_kset)
		return NULL;
	list_for_each_entry(k, &bus_kset->list, entry) {
		struct subsys_private *sp = container_of(to_kset(k), struct subsys_private, subsys);

		if (sp->bus == bus)
			return sp;
	}
	return NULL;
}

struct kset *bus_get_kset(const struct bus_type *bus)
{
	struct subsys_private *sp = bus_to_subsys(bus);

	return sp ? &sp->subsys : NULL;
}
EXPORT_SYMBOL_GPL(bus_get_kset);

/* ---- attribute files of buses and drivers ----------------------------------------------------------- */

static ssize_t bus_attr_show(struct kobject *kobj, struct attribute *attr, char *buf)
{
	struct bus_attribute *bus_attr = container_of(attr, struct bus_attribute, attr);
	struct subsys_private *sp = container_of(to_kset(kobj), struct subsys_private, subsys);

	return bus_attr->show ? bus_attr->show(sp->bus, buf) : -EIO;
}

static ssize_t bus_attr_store(struct kobject *kobj, struct attribute *attr, const char *buf, size_t count)
{
	struct bus_attribute *bus_attr = container_of(attr, struct bus_attribute, attr);
	struct subsys_private *sp = container_of(to_kset(kobj), struct subsys_private, subsys);

	return bus_attr->store ? bus_attr->store(sp->bus, buf, count) : -EIO;
}

static const struct sysfs_ops bus_sysfs_ops = {
	.show	= bus_attr_show,
	.store	= bus_attr_store,
};

static void bus_release(struct kobject *kobj)
{
	kfree(container_of(to_kset(kobj), struct subsys_private, subsys));
}

static const struct kobj_type bus_ktype = {
	.sysfs_ops	= &bus_sysfs_ops,
	.release	= bus_release,
};

int bus_create_file(const struct bus_type *bus, struct bus_attribute *attr)
{
	struct subsys_private *sp = bus_to_subsys(bus);

	if (!sp)
		return -EINVAL;
	return sysfs_create_file(&sp->subsys.kobj, &attr->attr);
}
EXPORT_SYMBOL_GPL(bus_create_file);

void bus_remove_file(const struct bus_type *bus, struct bus_attribute *attr)
{
	struct subsys_private *sp = bus_to_subsys(bus);

	if (sp)
		sysfs_remove_file(&sp->subsys.kobj, &attr->attr);
}
EXPORT_SYMBOL_GPL(bus_remove_file);

static ssize_t drv_attr_show(struct kobject *kobj, struct attribute *attr, char *buf)
{
	struct driver_attribute *drv_attr = container_of(attr, struct driver_attribute, attr);

	return drv_attr->show ? drv_attr->show(to_driver(kobj)->driver, buf) : -EIO;
}

static ssize_t drv_attr_store(struct kobject *kobj, struct attribute *attr, const char *buf, size_t count)
{
	struct driver_attribute *drv_attr = container_of(attr, struct driver_attribute, attr);

	return drv_attr->store ? drv_attr->store(to_driver(kobj)->driver, buf, count) : -EIO;
}

static const struct sysfs_ops driver_sysfs_ops = {
	.show	= drv_attr_show,
	.store	= drv_attr_store,
};

static void driver_release(struct kobject *kobj)
{
	kfree(to_driver(kobj));
}

static const struct kobj_type driver_ktype = {
	.sysfs_ops	= &driver_sysfs_ops,
	.release	= driver_release,
};

/* ---- finding devices and drivers -------------------------------------------------------------------- */

int device_match_name(struct device *dev, const void *name)
{
	return sysfs_streq(dev_name(dev), name);
}
EXPORT_SYMBOL_GPL(device_match_name);

int device_match_devt(struct device *dev, const void *pdevt)
{
	return dev->devt == *(dev_t *)pdevt;
}
EXPORT_SYMBOL_GPL(device_match_devt);

int device_match_any(struct device *dev, const void *unused)
{
	return 1;
}
EXPORT_SYMBOL_GPL(device_match_any);

/* The device after @start on the bus (the first without @start), with a reference; NULL at the end. */
static struct device *next_device(struct subsys_private *sp, struct device *start)
{
	struct list_head *pos = start && start->p && !list_empty(&start->p->knode_bus) ?
				start->p->knode_bus.next : sp->devices.next;

	if (pos == &sp->devices)
		return NULL;
	return get_device(container_of(pos, struct device_private, knode_bus)->device);
}

int bus_for_each_dev(const struct bus_type *bus, struct device *start, void *data,
		     int (*fn)(struct device *dev, void *data))
{
	struct subsys_private *sp = bus_to_subsys(bus);
	struct device *dev, *prev = start;
	int error = 0;

	if (!sp)
		return -EINVAL;
	get_device(prev);
	/* Each step holds the device it stands on, so @fn may remove it from the bus. */
	while (!error && (dev = next_device(sp, prev))) {
		put_device(prev);
		error = fn(dev, data);
		prev = dev;
	}
	put_device(prev);
	return error;
}
EXPORT_SYMBOL_GPL(bus_for_each_dev);

struct device *bus_find_device(const struct bus_type *bus, struct device *start, const void *data,
			       int (*match)(struct device *dev, const void *data))
{
	struct subsys_private *sp = bus_to_subsys(bus);
	struct device *dev, *prev = start;

	if (!sp)
		return NULL;
	get_device(prev);
	while ((dev = next_device(sp, prev))) {
		put_device(prev);
		if (match(dev, data))
			return dev;
		prev = dev;
	}
	put_device(prev);
	return NULL;
}
EXPORT_SYMBOL_GPL(bus_find_device);

int bus_for_each_drv(const struct bus_type *bus, struct device_driver *start, void *data,
		     int (*fn)(struct device_driver *, void *))
{
	struct subsys_private *sp = bus_to_subsys(bus);
	struct driver_private *priv, *next;
	bool started = !start;
	int error = 0;

	if (!sp)
		return -EINVAL;
	list_for_each_entry_safe(priv, next, &sp->drivers, knode_bus) {
		if (!started) {
			started = priv->driver == start;
			continue;
		}
		error = fn(priv->driver, data);
		if (error)
			break;
	}
	return error;
}
EXPORT_SYMBOL_GPL(bus_for_each_drv);

struct device_driver *driver_find(const char *name, const struct bus_type *bus)
{
	struct subsys_private *sp = bus_to_subsys(bus);
	struct driver_private *priv;

	if (!sp)
		return NULL;
	list_for_each_entry(priv, &sp->drivers, knode_bus)
		if (!strcmp(kobject_name(&priv->kobj), name))
			return priv->driver;
	return NULL;
}
EXPORT_SYMBOL_GPL(driver_find);

/* A driver of @mod still registered on some bus (the unload check, core.c). */
struct device_driver *lkm_find_module_driver(struct module *mod)
{
	struct kobject *k;

	if (!bus_kset)
		return NULL;
	list_for_each_entry(k, &bus_kset->list, entry) {
		struct subsys_private *sp = container_of(to_kset(k), struct subsys_private, subsys);
		struct driver_private *priv;

		list_for_each_entry(priv, &sp->drivers, knode_bus)
			if (priv->driver->owner == mod)
				return priv->driver;
	}
	return NULL;
}

/* The first driver on @bus, if any. */
struct device_driver *lkm_first_driver(const struct bus_type *bus)
{
	struct subsys_private *sp = bus_to_subsys(bus);

	if (!sp || list_empty(&sp->drivers))
		return NULL;
	return list_first_entry(&sp->drivers, struct driver_private, knode_bus)->driver;
}

/* A bus @mod registered and left registered (the unload check, core.c). */
const struct bus_type *lkm_find_module_bus(struct module *mod)
{
	struct kobject *k;

	if (!bus_kset)
		return NULL;
	list_for_each_entry(k, &bus_kset->list, entry) {
		struct subsys_private *sp = container_of(to_kset(k), struct subsys_private, subsys);

		if (sp->owner == mod)
			return sp->bus;
	}
	return NULL;
}

int driver_match_device(const struct device_driver *drv, struct device *dev)
{
	return drv->bus->match ? drv->bus->match(dev, drv) : 1;
}

/* ---- devices on the bus ------------------------------------------------------------------------------ */

int bus_add_device(struct device *dev)
{
	struct subsys_private *sp = bus_to_subsys(dev->bus);
	int error;

	if (!sp)
		return 0;
	pr_debug("bus: '%s': add device %s\n", sp->bus->name, dev_name(dev));
	error = device_add_groups(dev, sp->bus->dev_groups);
	if (error)
		return error;
	error = sysfs_create_link(&sp->devices_kset->kobj, &dev->kobj, dev_name(dev));
	if (error)
		goto out_groups;
	error = sysfs_create_link(&dev->kobj, &sp->subsys.kobj, "subsystem");
	if (error)
		goto out_subsys;
	list_add_tail(&dev->p->knode_bus, &sp->devices);
	return 0;

out_subsys:
	sysfs_remove_link(&sp->devices_kset->kobj, dev_name(dev));
out_groups:
	device_remove_groups(dev, sp->bus->dev_groups);
	return error;
}

void bus_probe_device(struct device *dev)
{
	struct subsys_private *sp = bus_to_subsys(dev->bus);

	if (sp && sp->drivers_autoprobe)
		device_initial_probe(dev);
}

void bus_remove_device(struct device *dev)
{
	struct subsys_private *sp = bus_to_subsys(dev->bus);

	if (!sp)
		return;
	sysfs_remove_link(&dev->kobj, "subsystem");
	sysfs_remove_link(&sp->devices_kset->kobj, dev_name(dev));
	device_remove_groups(dev, dev->bus->dev_groups);
	list_del_init(&dev->p->knode_bus);
	pr_debug("bus: '%s': remove device %s\n", dev->bus->name, dev_name(dev));
	device_release_driver(dev);
}

/* ---- drivers on the bus: bind, unbind, uevent ---------------------------------------------------------- */

/* Manually detach a device from its associated driver. */
static ssize_t unbind_store(struct device_driver *drv, const char *buf, size_t count)
{
	struct device *dev = bus_find_device_by_name(drv->bus, NULL, buf);
	int err = -ENODEV;

	if (dev && dev->driver == drv) {
		device_driver_detach(dev);
		err = count;
	}
	put_device(dev);
	return err;
}
static DRIVER_ATTR_WO(unbind);

/* Manually attach a device to a driver: the bus must match them, then the driver probes it. */
static ssize_t bind_store(struct device_driver *drv, const char *buf, size_t count)
{
	struct device *dev = bus_find_device_by_name(drv->bus, NULL, buf);
	int err = -ENODEV;

	if (dev && driver_match_device(drv, dev)) {
		err = device_driver_attach(drv, dev);
		if (!err)
			err = count;
	}
	put_device(dev);
	return err;
}
static DRIVER_ATTR_WO(bind);

static ssize_t uevent_store(struct device_driver *drv, const char *buf, size_t count)
{
	int rc = kobject_synth_uevent(&drv->p->kobj, buf, count);

	return rc ? rc : count;
}
static DRIVER_ATTR_WO(uevent);

int driver_create_file(const struct device_driver *drv, const struct driver_attribute *attr)
{
	if (!drv || !drv->p)
		return -EINVAL;
	return sysfs_create_file(&drv->p->kobj, &attr->attr);
}
EXPORT_SYMBOL_GPL(driver_create_file);

void driver_remove_file(const struct device_driver *drv, const struct driver_attribute *attr)
{
	if (drv && drv->p)
		sysfs_remove_file(&drv->p->kobj, &attr->attr);
}
EXPORT_SYMBOL_GPL(driver_remove_file);

static int add_bind_files(struct device_driver *drv)
{
	int ret = driver_create_file(drv, &driver_attr_unbind);

	if (ret == 0) {
		ret = driver_create_file(drv, &driver_attr_bind);
		if (ret)
			driver_remove_file(drv, &driver_attr_unbind);
	}
	return ret;
}

static void remove_bind_files(struct device_driver *drv)
{
	driver_remove_file(drv, &driver_attr_bind);
	driver_remove_file(drv, &driver_attr_unbind);
}

int bus_add_driver(struct device_driver *drv)
{
	struct subsys_private *sp = bus_to_subsys(drv->bus);
	struct driver_private *priv;
	int error;

	if (!sp)
		return -EINVAL;
	pr_debug("bus: '%s': add driver %s\n", sp->bus->name, drv->name);

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	INIT_LIST_HEAD(&priv->devices);
	INIT_LIST_HEAD(&priv->knode_bus);
	priv->driver = drv;
	drv->p = priv;
	priv->kobj.kset = sp->drivers_kset;
	error = kobject_init_and_add(&priv->kobj, &driver_ktype, NULL, "%s", drv->name);
	if (error)
		goto out_put_kobj;

	list_add_tail(&priv->knode_bus, &sp->drivers);
	if (sp->drivers_autoprobe) {
		error = driver_attach(drv);
		if (error)
			goto out_del_list;
	}
	error = module_add_driver(drv->owner, drv);
	if (error) {
		printk(KERN_ERR "%s: failed to create module links for %s\n", __func__, drv->name);
		goto out_detach;
	}
	error = driver_create_file(drv, &driver_attr_uevent);
	if (error)
		printk(KERN_ERR "%s: uevent attr (%s) failed\n", __func__, drv->name);
	error = sysfs_create_groups(&priv->kobj, sp->bus->drv_groups);
	if (error)
		printk(KERN_ERR "%s: driver_add_groups(%s) failed\n", __func__, drv->name);
	if (!drv->suppress_bind_attrs) {
		error = add_bind_files(drv);
		if (error)
			printk(KERN_ERR "%s: add_bind_files(%s) failed\n", __func__, drv->name);
	}
	return 0;

out_detach:
	driver_detach(drv);
out_del_list:
	list_del_init(&priv->knode_bus);
out_put_kobj:
	kobject_put(&priv->kobj);
	drv->p = NULL;
	return error;
}

void bus_remove_driver(struct device_driver *drv)
{
	struct subsys_private *sp = bus_to_subsys(drv->bus);

	if (!sp)
		return;
	if (!drv->suppress_bind_attrs)
		remove_bind_files(drv);
	sysfs_remove_groups(&drv->p->kobj, sp->bus->drv_groups);
	driver_remove_file(drv, &driver_attr_uevent);
	list_del_init(&drv->p->knode_bus);
	pr_debug("bus: '%s': remove driver %s\n", sp->bus->name, drv->name);
	driver_detach(drv);
	module_remove_driver(drv);
	kobject_put(&drv->p->kobj);
	drv->p = NULL;
}

/* ---- the bus's own files and registration ---------------------------------------------------------------- */

static ssize_t drivers_autoprobe_show(const struct bus_type *bus, char *buf)
{
	return sysfs_emit(buf, "%d\n", bus_to_subsys(bus)->drivers_autoprobe);
}

static ssize_t drivers_autoprobe_store(const struct bus_type *bus, const char *buf, size_t count)
{
	bus_to_subsys(bus)->drivers_autoprobe = buf[0] != '0';
	return count;
}
static BUS_ATTR_RW(drivers_autoprobe);

static ssize_t drivers_probe_store(const struct bus_type *bus, const char *buf, size_t count)
{
	struct device *dev = bus_find_device_by_name(bus, NULL, buf);
	int err = -EINVAL;

	if (!dev)
		return -ENODEV;
	if (dev->driver || device_attach(dev) >= 0)
		err = count;
	put_device(dev);
	return err;
}
static BUS_ATTR_WO(drivers_probe);

static ssize_t bus_uevent_store(const struct bus_type *bus, const char *buf, size_t count)
{
	int rc = kobject_synth_uevent(&bus_to_subsys(bus)->subsys.kobj, buf, count);

	return rc ? rc : count;
}
static struct bus_attribute bus_attr_uevent = __ATTR(uevent, 0200, NULL, bus_uevent_store);

int bus_rescan_devices(const struct bus_type *bus)
{
	struct device *dev = NULL;

	while ((dev = bus_find_device(bus, dev, NULL, device_match_any)))
		if (!dev->driver)
			(void)device_attach(dev);
	return 0;
}
EXPORT_SYMBOL_GPL(bus_rescan_devices);

int __lkm_bus_register(const struct bus_type *bus, struct module *owner)
{
	struct subsys_private *priv;
	int retval;

	priv = kzalloc(sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	priv->bus = bus;
	priv->owner = owner;
	INIT_LIST_HEAD(&priv->devices);
	INIT_LIST_HEAD(&priv->drivers);
	priv->drivers_autoprobe = 1;

	retval = kobject_set_name(&priv->subsys.kobj, "%s", bus->name);
	if (retval)
		goto out;
	priv->subsys.kobj.kset = bus_kset;
	priv->subsys.kobj.ktype = &bus_ktype;
	retval = kset_register(&priv->subsys);
	if (retval)
		goto out;

	retval = bus_create_file(bus, &bus_attr_uevent);
	if (retval)
		goto bus_uevent_fail;
	priv->devices_kset = kset_create_and_add("devices", NULL, &priv->subsys.kobj);
	if (!priv->devices_kset) {
		retval = -ENOMEM;
		goto bus_devices_fail;
	}
	priv->drivers_kset = kset_create_and_add("drivers", NULL, &priv->subsys.kobj);
	if (!priv->drivers_kset) {
		retval = -ENOMEM;
		goto bus_drivers_fail;
	}
	retval = bus_create_file(bus, &bus_attr_drivers_probe);
	if (retval)
		goto bus_probe_files_fail;
	retval = bus_create_file(bus, &bus_attr_drivers_autoprobe);
	if (retval)
		goto bus_autoprobe_fail;
	retval = sysfs_create_groups(&priv->subsys.kobj, bus->bus_groups);
	if (retval)
		goto bus_groups_fail;
	pr_debug("bus: '%s': registered\n", bus->name);
	return 0;

bus_groups_fail:
	bus_remove_file(bus, &bus_attr_drivers_autoprobe);
bus_autoprobe_fail:
	bus_remove_file(bus, &bus_attr_drivers_probe);
bus_probe_files_fail:
	kset_unregister(priv->drivers_kset);
bus_drivers_fail:
	kset_unregister(priv->devices_kset);
bus_devices_fail:
	bus_remove_file(bus, &bus_attr_uevent);
bus_uevent_fail:
	/* The kset's release frees priv. */
	kset_unregister(&priv->subsys);
	return retval;
out:
	kfree(priv);
	return retval;
}
EXPORT_SYMBOL_GPL(__lkm_bus_register);

void bus_unregister(const struct bus_type *bus)
{
	struct subsys_private *sp = bus_to_subsys(bus);

	if (!sp)
		return;
	pr_debug("bus: '%s': unregistering\n", bus->name);
	sysfs_remove_groups(&sp->subsys.kobj, bus->bus_groups);
	bus_remove_file(bus, &bus_attr_drivers_autoprobe);
	bus_remove_file(bus, &bus_attr_drivers_probe);
	kset_unregister(sp->drivers_kset);
	kset_unregister(sp->devices_kset);
	bus_remove_file(bus, &bus_attr_uevent);
	kset_unregister(&sp->subsys);
}
EXPORT_SYMBOL_GPL(bus_unregister);

void buses_init(void)
{
	bus_kset = kset_create_and_add("bus", NULL, NULL);
}
