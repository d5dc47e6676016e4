// SPDX-License-Identifier: GPL-2.0
/*
 * Misc devices (drivers/char/misc.c): major 10 with the "misc" class; a registered miscdevice gets its
 * minor (dynamic ones from 127 down) and /dev/NAME; opening it switches the file to the driver's
 * operations.
 */
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/mutex.h>
#include <linux/bitops.h>
#include "host.h"

#define DYNAMIC_MINORS 128

static LIST_HEAD(misc_list);
static DEFINE_MUTEX(misc_mtx);
static struct class *misc_class;
static unsigned long misc_minors[DYNAMIC_MINORS / BITS_PER_LONG];

void lkm_replace_fops(struct file *file, const struct file_operations *fops);

static int misc_open(struct inode *inode, struct file *file)
{
	int minor = iminor(inode);
	struct miscdevice *c = NULL, *iter;
	const struct file_operations *new_fops = NULL;
	int err = -ENODEV;

	mutex_lock(&misc_mtx);
	list_for_each_entry(iter, &misc_list, list) {
		if (iter->minor != minor)
			continue;
		c = iter;
		new_fops = c->fops;
		break;
	}
	if (!new_fops || (new_fops->owner && !try_module_get(new_fops->owner)))
		goto fail;
	/* The driver finds its miscdevice in private_data, as on Linux. */
	file->private_data = c;
	err = 0;
	lkm_replace_fops(file, new_fops);
	if (file->f_op->open)
		err = file->f_op->open(inode, file);
fail:
	mutex_unlock(&misc_mtx);
	return err;
}

static const struct file_operations misc_fops = {
	.owner = NULL,
	.open = misc_open,
	.llseek = noop_llseek,
};

int __lkm_entry lkm_init_misc(void)
{
	misc_class = class_create("misc");
	if (IS_ERR(misc_class))
		return PTR_ERR(misc_class);
	return __register_chrdev(MISC_MAJOR, 0, 256, "misc", &misc_fops) < 0 ? -EIO : 0;
}

int misc_register(struct miscdevice *misc)
{
	struct miscdevice *c;
	dev_t dev;
	int err = 0;
	bool is_dynamic = (misc->minor == MISC_DYNAMIC_MINOR);

	INIT_LIST_HEAD(&misc->list);
	mutex_lock(&misc_mtx);
	if (is_dynamic) {
		int i;

		for (i = 0; i < DYNAMIC_MINORS; i++)
			if (!test_bit(i, misc_minors))
				break;
		if (i >= DYNAMIC_MINORS) {
			err = -EBUSY;
			goto out;
		}
		set_bit(i, misc_minors);
		misc->minor = DYNAMIC_MINORS - i - 1;
		misc->lkm_dynamic = 1;
	} else {
		list_for_each_entry(c, &misc_list, list) {
			if (c->minor == misc->minor) {
				err = -EBUSY;
				goto out;
			}
		}
	}

	dev = MKDEV(MISC_MAJOR, misc->minor);
	misc->this_device = device_create(misc_class, misc->parent, dev, misc, "%s",
					  misc->nodename ? misc->nodename : misc->name);
	if (IS_ERR(misc->this_device)) {
		if (is_dynamic) {
			clear_bit(DYNAMIC_MINORS - misc->minor - 1, misc_minors);
			misc->minor = MISC_DYNAMIC_MINOR;
			misc->lkm_dynamic = 0;
		}
		err = PTR_ERR(misc->this_device);
		goto out;
	}
	if (misc->mode)
		lkm_set_devnode_mode(misc->this_device, misc->mode);
	list_add(&misc->list, &misc_list);
out:
	mutex_unlock(&misc_mtx);
	return err;
}
EXPORT_SYMBOL(misc_register);

void misc_deregister(struct miscdevice *misc)
{
	if (WARN_ON(list_empty(&misc->list)))
		return;
	mutex_lock(&misc_mtx);
	list_del(&misc->list);
	device_destroy(misc_class, MKDEV(MISC_MAJOR, misc->minor));
	if (misc->lkm_dynamic) {
		clear_bit(DYNAMIC_MINORS - misc->minor - 1, misc_minors);
		misc->minor = MISC_DYNAMIC_MINOR;
		misc->lkm_dynamic = 0;
	}
	mutex_unlock(&misc_mtx);
}
EXPORT_SYMBOL(misc_deregister);
