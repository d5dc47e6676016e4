/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The driver core's private structures (drivers/base/base.h): what a bus, a driver and a device keep
 * beside the public structs. Linux's klists are plain lists here, walked under one lock (drivers_lock).
 */
#ifndef _LKM_DRIVERS_BASE_H
#define _LKM_DRIVERS_BASE_H

#include <linux/device.h>
#include <linux/kobject.h>
#include <linux/list.h>
#include <linux/spinlock.h>

/* /sys/bus/NAME: its kset, devices/ and drivers/, and the lists matching walks. */
struct subsys_private {
	struct kset subsys;
	struct kset *devices_kset;
	struct kset *drivers_kset;
	struct list_head devices;	/* device_private.knode_bus */
	struct list_head drivers;	/* driver_private.knode_bus */
	struct list_head node;		/* all buses */
	const struct bus_type *bus;
	struct module *owner;		/* the module that registered it (leftover check at unload) */
	unsigned int drivers_autoprobe:1;
};

/* /sys/bus/BUS/drivers/NAME. */
struct driver_private {
	struct kobject kobj;
	struct list_head devices;	/* device_private.knode_driver */
	struct list_head knode_bus;
	struct device_driver *driver;
};
#define to_driver(obj) container_of(obj, struct driver_private, kobj)

struct device_private {
	struct list_head knode_bus;
	struct list_head knode_driver;
	struct list_head deferred_probe;
	const char *deferred_probe_reason;
	struct device *device;
	struct module *owner;		/* the module that added it (leftover check at unload) */
	bool dead;
	bool pm_runtime_on;		/* power/control is "on" (else "auto") */
};

extern spinlock_t drivers_lock;
extern struct kset *devices_kset;
extern struct kset *bus_kset;
extern const struct sysfs_ops dev_sysfs_ops;

void lkm_driver_core_init(void);
void buses_init(void);
void deferred_probe_debugfs_init(void);
struct device_driver *lkm_find_module_driver(struct module *mod);
const struct bus_type *lkm_find_module_bus(struct module *mod);
struct device_driver *lkm_first_driver(const struct bus_type *bus);
int device_private_init(struct device *dev);

struct subsys_private *bus_to_subsys(const struct bus_type *bus);

/* class.c: devices of a class added with device_add() (/sys/devices/virtual, /sys/class links, /dev). */
struct kobject *lkm_class_dev_parent(struct device *dev);
/* /sys/devices/virtual, shared by class devices without a parent and the block layer. */
struct kobject *virtual_device_parent(struct device *dev);
int lkm_class_dev_add(struct device *dev);
void lkm_class_dev_del(struct device *dev);
void lkm_class_virtual_del(struct class *cls);
void lkm_class_glue_put(struct kobject *kobj);
int bus_add_device(struct device *dev);
void bus_probe_device(struct device *dev);
void bus_remove_device(struct device *dev);
int bus_add_driver(struct device_driver *drv);
void bus_remove_driver(struct device_driver *drv);
int driver_match_device(const struct device_driver *drv, struct device *dev);

void driver_detach(const struct device_driver *drv);
void device_driver_detach(struct device *dev);
void driver_deferred_probe_del(struct device *dev);
void device_set_deferred_probe_reason(const struct device *dev, struct va_format *vaf);
void devres_release_all(struct device *dev);
int dpm_sysfs_add(struct device *dev);
void dpm_sysfs_remove(struct device *dev);

int module_add_driver(struct module *mod, const struct device_driver *drv);
void module_remove_driver(const struct device_driver *drv);

#endif
