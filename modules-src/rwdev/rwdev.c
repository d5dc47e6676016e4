// SPDX-License-Identifier: GPL-2.0
/*
 * rwdev: a read/write memory device on a fixed major (240, a "local use" number) with three ioctls.
 * Reads and writes move through a 256-byte buffer at the file position; lseek moves the position.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cdev.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include "rwdev.h"

static char buffer[RWDEV_SIZE];
static int length;	/* bytes of buffer in use */
static DEFINE_MUTEX(lock);
static struct cdev cdev;

static ssize_t rwdev_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	ssize_t ret;

	mutex_lock(&lock);
	ret = simple_read_from_buffer(buf, count, ppos, buffer, length);
	mutex_unlock(&lock);
	return ret;
}

static ssize_t rwdev_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	ssize_t ret;

	if (*ppos >= RWDEV_SIZE)
		return -ENOSPC;
	mutex_lock(&lock);
	ret = simple_write_to_buffer(buffer, RWDEV_SIZE, ppos, buf, count);
	if (ret > 0 && *ppos > length)
		length = *ppos;
	mutex_unlock(&lock);
	return ret;
}

static loff_t rwdev_llseek(struct file *file, loff_t offset, int whence)
{
	return fixed_size_llseek(file, offset, whence, RWDEV_SIZE);
}

static long rwdev_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	int value;

	switch (cmd) {
	case RWDEV_IOC_RESET:
		mutex_lock(&lock);
		memset(buffer, 0, sizeof(buffer));
		length = 0;
		mutex_unlock(&lock);
		pr_info("reset\n");
		return 0;
	case RWDEV_IOC_GET_LEN:
		return put_user(length, (int __user *)arg);
	case RWDEV_IOC_FILL:
		if (get_user(value, (int __user *)arg))
			return -EFAULT;
		mutex_lock(&lock);
		memset(buffer, value, sizeof(buffer));
		length = RWDEV_SIZE;
		mutex_unlock(&lock);
		return 0;
	default:
		return -ENOTTY;
	}
}

static const struct file_operations rwdev_fops = {
	.owner = THIS_MODULE,
	.read = rwdev_read,
	.write = rwdev_write,
	.llseek = rwdev_llseek,
	.unlocked_ioctl = rwdev_ioctl,
};

static int __init rwdev_init(void)
{
	dev_t dev = MKDEV(RWDEV_MAJOR, 0);
	int ret;

	ret = register_chrdev_region(dev, 1, "rwdev");
	if (ret) {
		pr_err("major %d is taken (%d)\n", RWDEV_MAJOR, ret);
		return ret;
	}
	cdev_init(&cdev, &rwdev_fops);
	cdev.owner = THIS_MODULE;
	ret = cdev_add(&cdev, dev, 1);
	if (ret) {
		unregister_chrdev_region(dev, 1);
		return ret;
	}
	pr_info("ready: mknod /dev/rwdev c %d 0\n", RWDEV_MAJOR);
	return 0;
}

static void __exit rwdev_exit(void)
{
	cdev_del(&cdev);
	unregister_chrdev_region(MKDEV(RWDEV_MAJOR, 0), 1);
}

module_init(rwdev_init);
module_exit(rwdev_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A read/write memory device with ioctls on a fixed major");
MODULE_ALIAS("char-major-240-0");
