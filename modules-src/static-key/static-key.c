// SPDX-License-Identifier: GPL-2.0
/*
 * static-key: a static key switched from user space. /dev/static_key (a misc device) reads
 * "enabled\n" or "disabled\n", as the branch on the key decides; writing a boolean (y/n/1/0/on/off)
 * enables or disables the key. Anything else: EINVAL.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/jump_label.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/uaccess.h>

static DEFINE_STATIC_KEY_FALSE(fast_path);

static ssize_t static_key_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	static const char on[] = "enabled\n", off[] = "disabled\n";

	if (static_branch_unlikely(&fast_path))
		return simple_read_from_buffer(buf, count, ppos, on, sizeof(on) - 1);
	return simple_read_from_buffer(buf, count, ppos, off, sizeof(off) - 1);
}

static ssize_t static_key_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	bool enable;
	int ret = kstrtobool_from_user(buf, count, &enable);

	if (ret)
		return ret;
	if (enable && !static_key_enabled(&fast_path)) {
		static_branch_enable(&fast_path);
		pr_info("fast path enabled\n");
	} else if (!enable && static_key_enabled(&fast_path)) {
		static_branch_disable(&fast_path);
		pr_info("fast path disabled\n");
	}
	return count;
}

static const struct file_operations static_key_fops = {
	.owner	= THIS_MODULE,
	.read	= static_key_read,
	.write	= static_key_write,
	.llseek	= noop_llseek,
};

static struct miscdevice static_key_dev = {
	.minor	= MISC_DYNAMIC_MINOR,
	.name	= "static_key",
	.fops	= &static_key_fops,
	.mode	= 0644,
};

module_misc_device(static_key_dev);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A static key toggled through a device write");
