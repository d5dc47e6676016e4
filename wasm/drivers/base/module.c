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
	struct kernfs_node *dk, *mk, *drivers;
	char path[KF_PATH_MAX];
	char *name;

	if (!mod || !drv->p || !drv->p->kobj.sd)
		return 0;
	dk = drv->p->kobj.sd;
	if (!module_root)
		module_root = find_or_create_dir(sysfs_root_kn, "module");
	if (IS_ERR_OR_NULL(module_root)) {
		module_root = NULL;
		return -ENOMEM;
	}
	mk = find_or_create_dir(module_root, mod->name);
	drivers = IS_ERR_OR_NULL(mk) ? mk : find_or_create_dir(mk, "drivers");
	name = make_driver_name(drv);
	if (IS_ERR_OR_NULL(drivers) || !name)
		goto fail;
	kernfs_link_target(dk, mk, path, sizeof(path));
	if (IS_ERR(kernfs_create_link(dk, "module", path)))
		goto fail;
	kernfs_link_target(drivers, dk, path, sizeof(path));
	if (IS_ERR(kernfs_create_link(drivers, name, path)))
		goto fail;
	kfree(name);
	return 0;
fail:
	kfree(name);
	module_remove_driver(drv);
	return -ENOMEM;
}

/* Removes both links, and the module's drivers/ directory (and its own) once empty. */
void module_remove_driver(const struct device_driver *drv)
{
	struct kernfs_node *mk, *drivers;
	char *name;

	if (!drv->owner || !drv->p || !drv->p->kobj.sd || !module_root)
		return;
	kernfs_remove(kernfs_find(drv->p->kobj.sd, "module"));
	mk = kernfs_find(module_root, drv->owner->name);
	drivers = kernfs_find(mk, "drivers");
	name = make_driver_name(drv);
	if (name && drivers)
		kernfs_remove(kernfs_find(drivers, name));
	kfree(name);
	if (drivers && list_empty(&drivers->children))
		kernfs_remove(drivers);
	if (mk && list_empty(&mk->children))
		kernfs_remove(mk);
}
