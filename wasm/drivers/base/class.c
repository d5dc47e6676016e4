// SPDX-License-Identifier: GPL-2.0
/*
 * Devices of a class added with device_add() (the input core's inputN and eventN, say), laid out as
 * Linux's get_device_parent() and device_add_class_symlinks() do: a device without a parent lives in
 * /sys/devices/virtual/CLASS/, one whose parent has a class in that parent, one whose parent has none in
 * a CLASS directory under the parent (/sys/devices/platform/NAME/input/input1); /sys/class/CLASS/NAME
 * links to it, and it has "subsystem", "device" (its parent) and, with a number, "dev" and its /dev
 * node (the class's devnode() names it: "input/event0"). device_create() devices are in device.c.
 */
#include <linux/device.h>
#include <linux/kdev_t.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/sysfs.h>
#include "base.h"
#include "host.h"

__host_import(class_dev) int host_class_dev(int op, const char *cls, const char *dev, dev_t devt, umode_t mode);

#define HOST_NODE_ADD 5
#define HOST_NODE_DEL 6

static struct kobject *virtual_dir;	/* /sys/devices/virtual */

/*
 * The "CLASS" directories between a classless parent and its class devices
 * (/sys/devices/platform/inabs/input/input1): made with the first such child, removed with the last.
 */
struct glue_dir {
	struct kobject *kobj;
	struct kobject *parent;
	const struct class *cls;
	unsigned int users;
	struct list_head node;
};

static LIST_HEAD(glue_dirs);
static DEFINE_MUTEX(glue_lock);

static struct kobject *get_glue_dir(struct kobject *parent, const struct class *cls)
{
	struct glue_dir *g;
	struct kobject *kobj = NULL;

	mutex_lock(&glue_lock);
	list_for_each_entry(g, &glue_dirs, node) {
		if (g->parent == parent && g->cls == cls) {
			g->users++;
			kobj = g->kobj;
			goto out;
		}
	}
	g = kzalloc(sizeof(*g), GFP_KERNEL);
	if (!g)
		goto out;
	g->kobj = kobject_create_and_add(cls->name, parent);
	if (!g->kobj) {
		kfree(g);
		goto out;
	}
	g->parent = parent;
	g->cls = cls;
	g->users = 1;
	list_add(&g->node, &glue_dirs);
	kobj = g->kobj;
out:
	mutex_unlock(&glue_lock);
	return kobj;
}

/* After the device's kobject_del(): its parent directory goes with its last class device. */
void lkm_class_glue_put(struct kobject *kobj)
{
	struct glue_dir *g;

	mutex_lock(&glue_lock);
	list_for_each_entry(g, &glue_dirs, node) {
		if (g->kobj != kobj)
			continue;
		if (!--g->users) {
			list_del(&g->node);
			kobject_del(g->kobj);
			kobject_put(g->kobj);
			kfree(g);
		}
		break;
	}
	mutex_unlock(&glue_lock);
}

/* /sys/devices/virtual, made by whoever needs it first (class devices without a parent, the block layer). */
struct kobject *virtual_device_parent(struct device *dev)
{
	(void)dev;
	if (!virtual_dir && devices_kset)
		virtual_dir = kobject_create_and_add("virtual", &devices_kset->kobj);
	return virtual_dir;
}

struct kobject *lkm_class_dev_parent(struct device *dev)
{
	struct class *cls = (struct class *)dev->class;
	struct kobject *glue;

	/* A class device's child (eventN of inputN) sits in it; a classless parent gets a glue dir. */
	if (dev->parent && dev->parent->class)
		return &dev->parent->kobj;
	if (dev->parent) {
		glue = get_glue_dir(&dev->parent->kobj, cls);
		return glue ? glue : ERR_PTR(-ENOMEM);
	}
	if (!virtual_device_parent(dev))
		return ERR_PTR(-ENOMEM);
	if (!cls->lkm_virtual)
		cls->lkm_virtual = kobject_create_and_add(cls->name, virtual_dir);
	return cls->lkm_virtual ? cls->lkm_virtual : ERR_PTR(-ENOMEM);
}

void lkm_class_virtual_del(struct class *cls)
{
	if (cls->lkm_virtual) {
		kobject_del(cls->lkm_virtual);
		kobject_put(cls->lkm_virtual);
		cls->lkm_virtual = NULL;
	}
}

static ssize_t dev_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, "%u:%u\n", MAJOR(dev->devt), MINOR(dev->devt));
}
static DEVICE_ATTR_RO(dev);

/* The node's name below /dev: the class's devnode() ("input/event0"), else the device's name. */
static char *devnode_name(struct device *dev, umode_t *mode)
{
	char *name = dev->class->devnode ? dev->class->devnode(dev, mode) : NULL;

	return name ? name : kstrdup(dev_name(dev), GFP_KERNEL);
}

int lkm_class_dev_add(struct device *dev)
{
	struct kobject *ckobj = dev->class->kobj;
	umode_t mode = 0;
	char *node;
	int err;

	if (ckobj) {
		err = sysfs_create_link(&dev->kobj, ckobj, "subsystem");
		if (err)
			return err;
		err = sysfs_create_link(ckobj, &dev->kobj, dev_name(dev));
		if (err)
			goto out_subsys;
	}
	if (dev->parent) {
		err = sysfs_create_link(&dev->kobj, &dev->parent->kobj, "device");
		if (err)
			goto out_link;
	}
	if (!MAJOR(dev->devt))
		return 0;
	err = device_create_file(dev, &dev_attr_dev);
	if (err)
		goto out_device;
	node = devnode_name(dev, &mode);
	err = node ? host_class_dev(HOST_NODE_ADD, dev->class->name, node, dev->devt, mode ? mode : 0600) : -ENOMEM;
	kfree(node);
	if (!err)
		return 0;
	device_remove_file(dev, &dev_attr_dev);
out_device:
	if (dev->parent)
		sysfs_remove_link(&dev->kobj, "device");
out_link:
	if (ckobj)
		sysfs_remove_link(ckobj, dev_name(dev));
out_subsys:
	if (ckobj)
		sysfs_remove_link(&dev->kobj, "subsystem");
	return err;
}

void lkm_class_dev_del(struct device *dev)
{
	struct kobject *ckobj = dev->class->kobj;

	if (MAJOR(dev->devt)) {
		umode_t mode = 0;
		char *node = devnode_name(dev, &mode);

		if (node)
			host_class_dev(HOST_NODE_DEL, dev->class->name, node, dev->devt, 0);
		kfree(node);
		device_remove_file(dev, &dev_attr_dev);
	}
	if (dev->parent)
		sysfs_remove_link(&dev->kobj, "device");
	if (ckobj) {
		sysfs_remove_link(ckobj, dev_name(dev));
		sysfs_remove_link(&dev->kobj, "subsystem");
	}
}
