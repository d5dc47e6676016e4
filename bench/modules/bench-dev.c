// SPDX-License-Identifier: GPL-2.0
/* The device side of the read benchmark: every read(2) returns 4 KiB (up to count) from one buffer. */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/uaccess.h>

static char data[4096];

static ssize_t bench_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	size_t n = count < sizeof(data) ? count : sizeof(data);

	if (copy_to_user(buf, data, n))
		return -EFAULT;
	return n;
}

static const struct file_operations bench_fops = {
	.owner = THIS_MODULE,
	.read = bench_read,
	.open = stream_open,
};

static struct miscdevice bench_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "benchdev",
	.fops = &bench_fops,
};

static int __init bench_dev_init(void)
{
	memset(data, 'x', sizeof(data));
	return misc_register(&bench_dev);
}

static void __exit bench_dev_exit(void)
{
	misc_deregister(&bench_dev);
}

module_init(bench_dev_init);
module_exit(bench_dev_exit);
MODULE_LICENSE("GPL");
