// SPDX-License-Identifier: GPL-2.0
/*
 * miscdev: the smallest way to get a device node: a misc device (major 10, a dynamic minor, the "misc"
 * class) that answers reads with a greeting and logs what it is sent.
 */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

static const char greeting[] = "Hello from a misc device\n";

static ssize_t miscdev_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	return simple_read_from_buffer(buf, count, ppos, greeting, sizeof(greeting) - 1);
}

static ssize_t miscdev_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	struct miscdevice *misc = file->private_data;
	char *text = memdup_user_nul(buf, count);

	if (IS_ERR(text))
		return PTR_ERR(text);
	dev_info(misc->this_device, "got %zu bytes: %s", count, text);
	kfree(text);
	return count;
}

static const struct file_operations miscdev_fops = {
	.owner = THIS_MODULE,
	.read = miscdev_read,
	.write = miscdev_write,
	.llseek = noop_llseek,
};

static struct miscdevice miscdev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "lkm_misc",
	.fops = &miscdev_fops,
	.mode = 0666,
};

module_misc_device(miscdev);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A misc device");
