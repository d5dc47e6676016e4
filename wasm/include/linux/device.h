/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DEVICE_H_
#define _DEVICE_H_

/*
 * The device model, as far as character-device drivers use it: classes (/sys/class/NAME), devices
 * created in a class (a /dev node, devtmpfs semantics, and /sys/class/NAME/DEV/dev), and dev_printk.
 */
#include <linux/types.h>
#include <linux/kdev_t.h>
#include <linux/list.h>
#include <linux/err.h>
#include <linux/printk.h>
#include <linux/module.h>
#include <linux/kobject.h>
#include <linux/sysfs.h>

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
};

struct device_driver {
	const char *name;
	struct module *owner;
};

struct device {
	struct device *parent;
	const char *init_name;
	const struct class *class;
	struct device_driver *driver;
	dev_t devt;
	void *driver_data;
	const struct attribute_group **groups;
	void (*release)(struct device *dev);
	/* kernel bookkeeping */
	char name[64];
	struct list_head node;
	bool allocated;
	struct kobject kobj;	/* /sys/class/CLASS/NAME (device attributes) */
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

static inline const char *dev_name(const struct device *dev) { return dev->name; }
static inline void *dev_get_drvdata(const struct device *dev) { return dev->driver_data; }
static inline void dev_set_drvdata(struct device *dev, void *data) { dev->driver_data = data; }
extern const char *dev_driver_string(const struct device *dev);

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
#define dev_err_probe(dev, err, fmt, ...) ({ dev_err(dev, fmt, ##__VA_ARGS__); (err); })

#endif
