// SPDX-License-Identifier: GPL-2.0
/*
 * Drivers (drivers/base/driver.c): registration on a bus, walking a driver's devices, and
 * driver_override (a name that forces which driver a device binds to).
 */
#include <linux/device.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/mm.h>
#include "base.h"

int driver_for_each_device(struct device_driver *drv, struct device *start, void *data,
			   int (*fn)(struct device *dev, void *))
{
	struct device_private *p, *next;
	bool started = !start;
	int error = 0;

	if (!drv || !drv->p)
		return -EINVAL;
	list_for_each_entry_safe(p, next, &drv->p->devices, knode_driver) {
		if (!started) {
			started = p->device == start;
			continue;
		}
		error = fn(p->device, data);
		if (error)
			break;
	}
	return error;
}
EXPORT_SYMBOL_GPL(driver_for_each_device);

struct device *driver_find_device(const struct device_driver *drv, struct device *start, const void *data,
				  int (*match)(struct device *dev, const void *data))
{
	struct device_private *p;
	bool started = !start;

	if (!drv || !drv->p)
		return NULL;
	list_for_each_entry(p, &drv->p->devices, knode_driver) {
		if (!started) {
			started = p->device == start;
			continue;
		}
		if (match(p->device, data))
			return get_device(p->device);
	}
	return NULL;
}
EXPORT_SYMBOL_GPL(driver_find_device);

/*
 * Sets *@override from a sysfs write @s of @len bytes: up to the first newline; an empty string or
 * a lone newline clears it. The old string is freed.
 */
int driver_set_override(struct device *dev, const char **override, const char *s, size_t len)
{
	const char *old = NULL, *new = NULL;
	const char *nl;

	if (!override || !s)
		return -EINVAL;
	/* sysfs_emit() of it adds a newline within a page: one byte less may be stored. */
	if (len >= (PAGE_SIZE - 1))
		return -EINVAL;
	/* Writers may pad with NULs: the string ends at the first one. */
	len = strlen(s);
	nl = len ? strnchr(s, len, '\n') : NULL;
	if (nl)
		len = nl - s;
	if (len) {
		new = kstrndup(s, len, GFP_KERNEL);
		if (!new)
			return -ENOMEM;
	}
	old = *override;
	*override = new;
	kfree(old);
	return 0;
}
EXPORT_SYMBOL_GPL(driver_set_override);

int driver_register(struct device_driver *drv)
{
	struct device_driver *other;
	int ret;

	if (!drv->bus || !bus_to_subsys(drv->bus)) {
		pr_err("Driver '%s' was unable to register with bus_type '%s' because the bus was not initialized.\n",
		       drv->name, drv->bus ? drv->bus->name : "(null)");
		return -EINVAL;
	}
	if ((drv->bus->probe && drv->probe) || (drv->bus->remove && drv->remove) ||
	    (drv->bus->shutdown && drv->shutdown))
		pr_warn("Driver '%s' needs updating - please use bus_type methods\n", drv->name);

	other = driver_find(drv->name, drv->bus);
	if (other) {
		pr_err("Error: Driver '%s' is already registered, aborting...\n", drv->name);
		return -EBUSY;
	}

	ret = bus_add_driver(drv);
	if (ret)
		return ret;
	ret = sysfs_create_groups(&drv->p->kobj, drv->groups);
	if (ret) {
		bus_remove_driver(drv);
		return ret;
	}
	kobject_uevent(&drv->p->kobj, KOBJ_ADD);
	return 0;
}
EXPORT_SYMBOL_GPL(driver_register);

void driver_unregister(struct device_driver *drv)
{
	if (!drv || !drv->p) {
		WARN(1, "Unexpected driver unregister!\n");
		return;
	}
	sysfs_remove_groups(&drv->p->kobj, drv->groups);
	bus_remove_driver(drv);
}
EXPORT_SYMBOL_GPL(driver_unregister);
