/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CDEV_H
#define _LINUX_CDEV_H

#include <linux/types.h>
#include <linux/kdev_t.h>
#include <linux/kobject.h>
#include <linux/list.h>

struct file_operations;
struct inode;
struct module;
struct device;

struct cdev {
	struct kobject kobj;	/* its lifetime: cdev_del() puts it; a cdev_alloc()ed one is freed by its release */
	struct module *owner;
	const struct file_operations *ops;
	struct list_head list;
	dev_t dev;
	unsigned int count;
	/* kernel bookkeeping: set by cdev_add, cleared by cdev_del */
	int added;
};

void cdev_init(struct cdev *, const struct file_operations *);
struct cdev *cdev_alloc(void);
void cdev_put(struct cdev *p);
int cdev_add(struct cdev *, dev_t, unsigned);
void cdev_set_parent(struct cdev *p, struct kobject *kobj);
void cdev_del(struct cdev *);

#endif
