// SPDX-License-Identifier: GPL-2.0
/*
 * The links between a driver and its module (drivers/base/module.c): /sys/bus/BUS/drivers/NAME/module
 * points to /sys/module/MOD, and /sys/module/MOD/drivers/BUS:NAME back to the driver. /sys/module is
 * the host's view; the drivers/ directories are kernfs nodes merged into it.
 */
#include <linux/device.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/err.h>
#include "base.h"
#include "kernfs-internal.h"

static struct kernfs_node *module_root;	/* /sys/module, as kernfs knows it */

static struct kernfs_node *find_or_create_dir(struct kernfs_node *parent, const char *name)
{
	struct kernfs_node *kn = kernfs_find(parent, name);

	return kn ?: kernfs_create_dir(parent, name, S_IRWXU | S_IRUGO | S_IXUGO, NULL);
}

static char *make_driver_name(const struct device_driver *drv)
{
	return kasprintf(GFP_KERNEL, "%s:%s", drv->bus->name, drv->name);
}

int module_add_driver(struct module *mod, const struct device_driver *drv)
{
	struct kernfs_node *mk, *drivers, *kn;
	char *path, *name;

	if (!mod || !drv->p || !drv->p->kobj.sd)
		return 0;
	if (!module_root)
		module_root = find_or_create_dir(sysfs_root_kn, "module");
	if (IS_ERR_OR_NULL(module_root)) {
		module_root = NULL;
		return -ENOMEM;
	}
	path = kasprintf(GFP_KERNEL, "/sys/module/%s", mod->name);
	name = make_driver_name(drv);
	if (!path || !name)
		goto nomem;
	kn = kernfs_create_link(drv->p->kobj.sd, "module", path);
	if (IS_ERR(kn))
		goto nomem;
	kfree(path);
	path = kasprintf(GFP_KERNEL, "/sys/bus/%s/drivers/%s", drv->bus->name, kobject_name(&drv->p->kobj));
	mk = find_or_create_dir(module_root, mod->name);
	drivers = IS_ERR_OR_NULL(mk) ? mk : find_or_create_dir(mk, "drivers");
	if (!path || IS_ERR_OR_NULL(drivers) || IS_ERR(kernfs_create_link(drivers, name, path))) {
		module_remove_driver(drv);
		goto nomem;
	}
	kfree(path);
	kfree(name);
	return 0;
nomem:
	kfree(path);
	kfree(name);
	return -ENOMEM;
}

void module_remove_driver(const struct device_driver *drv)
{
	struct kernfs_node *mk, *drivers, *link;
	const char *modname;
	char *name;

	if (!drv->p || !drv->p->kobj.sd)
		return;
	link = kernfs_find(drv->p->kobj.sd, "module");
	if (!link || !module_root)
		return;
	/* The module's name is the last part of the link's target. */
	modname = strrchr(link->target, '/') + 1;
	mk = kernfs_find(module_root, modname);
	drivers = kernfs_find(mk, "drivers");
	name = make_driver_name(drv);
	if (name && drivers)
		kernfs_remove_by_name(drivers, name);
	kfree(name);
	if (drivers && list_empty(&drivers->children))
		kernfs_remove(drivers);
	if (mk && list_empty(&mk->children))
		kernfs_remove(mk);
	kernfs_remove(link);
}
