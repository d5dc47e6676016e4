/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DEVICE_H_
#define _DEVICE_H_

/*
 * The device model: buses, devices and drivers (drivers/base/core.c, bus.c, dd.c), managed resources
 * (devres.c), classes (/sys/class/NAME), devices created in a class (a /dev node, devtmpfs semantics,
 * and /sys/class/NAME/DEV/dev), and dev_printk.
 */
#include <linux/types.h>
#include <linux/kdev_t.h>
#include <linux/list.h>
#include <linux/err.h>
#include <linux/printk.h>
#include <linux/module.h>
#include <linux/kobject.h>
#include <linux/sysfs.h>
#include <linux/spinlock.h>
#include <linux/gfp.h>
#include <linux/uidgid.h>
#include <linux/device/bus.h>
#include <linux/device/driver.h>

struct attribute_group;
struct device;

struct class {
	const char *name;
	const struct attribute_group **class_groups;
	const struct attribute_group **dev_groups;
	int (*dev_uevent)(const struct device *dev, void *env);
	char *(*devnode)(const struct device *dev, umode_t *mode);
	void (*class_release)(const struct class *class);
	void (*dev_release)(struct device *dev);
	/* kernel bookkeeping */
	struct list_head node;
	bool allocated;
	struct kobject *kobj;	/* /sys/class/NAME (class attributes) */
	struct kobject *lkm_virtual;	/* /sys/devices/virtual/NAME: its parentless devices of device_add() */
};

struct device_private;
struct device_type;
struct device_node;
struct fwnode_handle;

/*
 * A device (include/linux/device.h): the fields drivers use. Bus devices are added with device_add()
 * (drivers/base/core.c); class devices of device_create() keep their own path (drivers/base/device.c).
 */
struct device {
	struct kobject kobj;
	struct device		*parent;

	struct device_private	*p;

	const char		*init_name; /* initial name of the device */
	const struct device_type *type;

	const struct bus_type	*bus;		/* type of bus device is on */
	struct device_driver *driver;	/* which driver has allocated this device */
	void		*platform_data;	/* Platform specific data, device core doesn't touch it */
	void		*driver_data;	/* Driver data, set and get with dev_set_drvdata/dev_get_drvdata */

	u64		*dma_mask;	/* dma mask (if dma'able device) */
	u64		coherent_dma_mask;

	struct device_node	*of_node; /* associated device tree node */
	struct fwnode_handle	*fwnode; /* firmware device node */

	dev_t			devt;	/* dev_t, creates the sysfs "dev" */
	u32			id;	/* device instance */

	spinlock_t		devres_lock;
	struct list_head	devres_head;

	const struct class	*class;
	const struct attribute_group **groups;	/* optional groups */

	void	(*release)(struct device *dev);

	bool			offline_disabled:1;
	bool			offline:1;
	bool			of_node_reused:1;

	/* lkm-wasm bookkeeping of device_create()'s class devices */
	char name[64];
	struct list_head node;
	bool allocated;
};

struct device_type {
	const char *name;
	const struct attribute_group **groups;
	int (*uevent)(const struct device *dev, struct kobj_uevent_env *env);
	char *(*devnode)(const struct device *dev, umode_t *mode, kuid_t *uid, kgid_t *gid);
	void (*release)(struct device *dev);
	const struct dev_pm_ops *pm;
};

/* Device attributes: files in the device's sysfs directory. */
struct device_attribute {
	struct attribute	attr;
	ssize_t (*show)(struct device *dev, struct device_attribute *attr, char *buf);
	ssize_t (*store)(struct device *dev, struct device_attribute *attr, const char *buf, size_t count);
};

#define DEVICE_ATTR(_name, _mode, _show, _store) 	struct device_attribute dev_attr_##_name = __ATTR(_name, _mode, _show, _store)
#define DEVICE_ATTR_PREALLOC(_name, _mode, _show, _store) 	struct device_attribute dev_attr_##_name = __ATTR_PREALLOC(_name, _mode, _show, _store)
#define DEVICE_ATTR_RW(_name) 	struct device_attribute dev_attr_##_name = __ATTR_RW(_name)
#define DEVICE_ATTR_ADMIN_RW(_name) 	struct device_attribute dev_attr_##_name = __ATTR_RW_MODE(_name, 0600)
#define DEVICE_ATTR_RO(_name) 	struct device_attribute dev_attr_##_name = __ATTR_RO(_name)
#define DEVICE_ATTR_ADMIN_RO(_name) 	struct device_attribute dev_attr_##_name = __ATTR_RO_MODE(_name, 0400)
#define DEVICE_ATTR_WO(_name) 	struct device_attribute dev_attr_##_name = __ATTR_WO(_name)

extern int device_create_file(struct device *device, const struct device_attribute *entry);
extern void device_remove_file(struct device *dev, const struct device_attribute *attr);
extern int __must_check device_add_groups(struct device *dev, const struct attribute_group **groups);
extern void device_remove_groups(struct device *dev, const struct attribute_group **groups);

static inline struct device *kobj_to_dev(struct kobject *kobj)
{
	return container_of(kobj, struct device, kobj);
}

/* Class attributes: files in /sys/class/NAME. */
struct class_attribute {
	struct attribute attr;
	ssize_t (*show)(const struct class *class, const struct class_attribute *attr, char *buf);
	ssize_t (*store)(const struct class *class, const struct class_attribute *attr, const char *buf,
			 size_t count);
};

#define CLASS_ATTR_RW(_name) 	struct class_attribute class_attr_##_name = __ATTR_RW(_name)
#define CLASS_ATTR_RO(_name) 	struct class_attribute class_attr_##_name = __ATTR_RO(_name)
#define CLASS_ATTR_WO(_name) 	struct class_attribute class_attr_##_name = __ATTR_WO(_name)

extern int __must_check class_create_file_ns(const struct class *class, const struct class_attribute *attr,
					     const void *ns);
extern void class_remove_file_ns(const struct class *class, const struct class_attribute *attr, const void *ns);
static inline int __must_check class_create_file(const struct class *class, const struct class_attribute *attr)
{
	return class_create_file_ns(class, attr, NULL);
}
static inline void class_remove_file(const struct class *class, const struct class_attribute *attr)
{
	return class_remove_file_ns(class, attr, NULL);
}

extern struct class *class_create(const char *name);
extern void class_destroy(const struct class *cls);
extern int class_register(const struct class *class);
extern void class_unregister(const struct class *class);

extern __printf(5, 6) struct device *device_create(const struct class *cls, struct device *parent,
						   dev_t devt, void *drvdata, const char *fmt, ...);
extern __printf(6, 7) struct device *device_create_with_groups(const struct class *cls, struct device *parent,
		dev_t devt, void *drvdata, const struct attribute_group **groups, const char *fmt, ...);
extern void device_destroy(const struct class *cls, dev_t devt);
/* Sets the mode of a device's /dev node (what a class devnode() or miscdevice.mode asks for). */
extern void lkm_set_devnode_mode(struct device *dev, umode_t mode);

static inline const char *dev_name(const struct device *dev)
{
	/* Use the init name until the kobject becomes available */
	if (dev->init_name)
		return dev->init_name;
	if (dev->kobj.name)
		return kobject_name(&dev->kobj);
	return dev->name;	/* a class device of device_create() */
}
__printf(2, 3) int dev_set_name(struct device *dev, const char *name, ...);
static inline void *dev_get_drvdata(const struct device *dev) { return dev->driver_data; }
static inline void dev_set_drvdata(struct device *dev, void *data) { dev->driver_data = data; }
static inline void *dev_get_platdata(const struct device *dev) { return dev->platform_data; }
static inline const char *dev_bus_name(const struct device *dev)
{
	return dev->bus ? dev->bus->name : (dev->class ? dev->class->name : "");
}
extern const char *dev_driver_string(const struct device *dev);

/*
 * Registration. A module's calls pass THIS_MODULE (as kmalloc's do), so that what it leaves
 * registered at unload is found and removed (docs/driver-api.md).
 */
void device_initialize(struct device *dev);
int __must_check __lkm_device_add(struct device *dev, struct module *owner);
static inline int __must_check device_add(struct device *dev) { return __lkm_device_add(dev, THIS_MODULE); }
static inline int __must_check device_register(struct device *dev)
{
	device_initialize(dev);
	return __lkm_device_add(dev, THIS_MODULE);
}
void device_del(struct device *dev);
void device_unregister(struct device *dev);
struct device *get_device(struct device *dev);
void put_device(struct device *dev);
static inline bool device_is_registered(struct device *dev) { return dev->kobj.state_in_sysfs; }
bool device_is_bound(struct device *dev);

int __must_check device_attach(struct device *dev);
int __must_check driver_attach(const struct device_driver *drv);
void device_initial_probe(struct device *dev);
void device_release_driver(struct device *dev);
int __must_check device_bind_driver(struct device *dev);
int device_driver_attach(const struct device_driver *drv, struct device *dev);

/* Managed resources (drivers/base/devres.c): released in reverse order on unbind or failed probe. */
typedef void (*dr_release_t)(struct device *dev, void *res);
typedef int (*dr_match_t)(struct device *dev, void *res, void *match_data);

void *__lkm_devres_alloc(dr_release_t release, size_t size, gfp_t gfp, const char *name,
			 struct module *owner) __malloc;
#define devres_alloc(release, size, gfp) __lkm_devres_alloc(release, size, gfp, #release, THIS_MODULE)
void devres_free(void *res);
void devres_add(struct device *dev, void *res);
void *devres_find(struct device *dev, dr_release_t release, dr_match_t match, void *match_data);
void *devres_remove(struct device *dev, dr_release_t release, dr_match_t match, void *match_data);
int devres_destroy(struct device *dev, dr_release_t release, dr_match_t match, void *match_data);
int devres_release(struct device *dev, dr_release_t release, dr_match_t match, void *match_data);

void *__lkm_devm_kmalloc(struct device *dev, size_t size, gfp_t gfp, struct module *owner) __malloc;
static inline __malloc void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp)
{
	return __lkm_devm_kmalloc(dev, size, gfp, THIS_MODULE);
}
static inline __malloc void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp)
{
	return __lkm_devm_kmalloc(dev, size, gfp | __GFP_ZERO, THIS_MODULE);
}
static inline void *devm_kmalloc_array(struct device *dev, size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(__builtin_mul_overflow(n, size, &bytes)))
		return NULL;
	return devm_kmalloc(dev, bytes, flags);
}
static inline void *devm_kcalloc(struct device *dev, size_t n, size_t size, gfp_t flags)
{
	return devm_kmalloc_array(dev, n, size, flags | __GFP_ZERO);
}
void devm_kfree(struct device *dev, const void *p);
__printf(4, 0) char *__lkm_devm_kvasprintf(struct device *dev, gfp_t gfp, struct module *owner, const char *fmt,
					   va_list ap) __malloc;
#define devm_kvasprintf(dev, gfp, fmt, ap) __lkm_devm_kvasprintf(dev, gfp, THIS_MODULE, fmt, ap)
__printf(4, 5) char *__lkm_devm_kasprintf(struct device *dev, gfp_t gfp, struct module *owner, const char *fmt,
					  ...) __malloc;
#define devm_kasprintf(dev, gfp, fmt, ...) __lkm_devm_kasprintf(dev, gfp, THIS_MODULE, fmt, ##__VA_ARGS__)
static inline void *devm_kmemdup(struct device *dev, const void *src, size_t len, gfp_t gfp)
{
	void *p = devm_kmalloc(dev, len, gfp);

	if (p)
		__builtin_memcpy(p, src, len);
	return p;
}
static inline __malloc char *devm_kstrdup(struct device *dev, const char *s, gfp_t gfp)
{
	return s ? devm_kmemdup(dev, s, __builtin_strlen(s) + 1, gfp) : NULL;
}

int __lkm_devm_add_action(struct device *dev, void (*action)(void *), void *data, const char *name,
			  struct module *owner);
#define devm_add_action(dev, action, data) __lkm_devm_add_action(dev, action, data, #action, THIS_MODULE)
static inline int __lkm_devm_add_action_or_reset(struct device *dev, void (*action)(void *), void *data,
						 const char *name, struct module *owner)
{
	int ret = __lkm_devm_add_action(dev, action, data, name, owner);

	if (ret)
		action(data);
	return ret;
}
#define devm_add_action_or_reset(dev, action, data) \
	__lkm_devm_add_action_or_reset(dev, action, data, #action, THIS_MODULE)
void devm_remove_action(struct device *dev, void (*action)(void *), void *data);
void devm_release_action(struct device *dev, void (*action)(void *), void *data);

__printf(3, 4) void _dev_printk(const char *level, const struct device *dev, const char *fmt, ...);
__printf(2, 3) void _dev_emerg(const struct device *dev, const char *fmt, ...);
__printf(2, 3) void _dev_alert(const struct device *dev, const char *fmt, ...);
__printf(2, 3) void _dev_crit(const struct device *dev, const char *fmt, ...);
__printf(2, 3) void _dev_err(const struct device *dev, const char *fmt, ...);
__printf(2, 3) void _dev_warn(const struct device *dev, const char *fmt, ...);
__printf(2, 3) void _dev_notice(const struct device *dev, const char *fmt, ...);
__printf(2, 3) void _dev_info(const struct device *dev, const char *fmt, ...);

#ifndef dev_fmt
#define dev_fmt(fmt) fmt
#endif

#define dev_printk(level, dev, fmt, ...)	_dev_printk(level, dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_emerg(dev, fmt, ...)	_dev_emerg(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_alert(dev, fmt, ...)	_dev_alert(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_crit(dev, fmt, ...)		_dev_crit(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_err(dev, fmt, ...)		_dev_err(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...)		_dev_warn(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...)	_dev_notice(dev, dev_fmt(fmt), ##__VA_ARGS__)
#define dev_info(dev, fmt, ...)		_dev_info(dev, dev_fmt(fmt), ##__VA_ARGS__)
#ifdef DEBUG
#define dev_dbg(dev, fmt, ...)		_dev_printk(KERN_DEBUG, dev, dev_fmt(fmt), ##__VA_ARGS__)
#else
#define dev_dbg(dev, fmt, ...)							\
	__dynamic_func_call(dev_fmt(fmt), _dev_printk(KERN_DEBUG, dev, dev_fmt(fmt), ##__VA_ARGS__))
#endif
__printf(3, 4) int dev_err_probe(const struct device *dev, int err, const char *fmt, ...);

#endif
