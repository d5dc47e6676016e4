// SPDX-License-Identifier: GPL-2.0
/*
 * The memory devices of major 1 (drivers/char/mem.c): /dev/null, /dev/zero, /dev/full, /dev/random and
 * /dev/urandom, made at boot in class "mem" with mode 0666 as on Linux, so `modprobe x 2>/dev/null` works
 * in the shell and user programs can read zeros or random bytes. /dev/mem, /dev/kmem and /dev/port are
 * left out: there is no physical memory or I/O port space behind this kernel to show.
 */
#include <linux/fs.h>
#include <linux/device.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/random.h>
#include <linux/uaccess.h>
#include "host.h"

#define MEM_MAJOR 1

void lkm_replace_fops(struct file *file, const struct file_operations *fops);

static ssize_t read_null(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	return 0;
}

static ssize_t write_null(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	return count;
}

/* Seeking the bit bucket always lands at 0. */
static loff_t null_lseek(struct file *file, loff_t offset, int orig)
{
	return file->f_pos = 0;
}

static ssize_t read_zero(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	unsigned long left;

	if (!count)
		return 0;
	left = clear_user(buf, count);
	/* Like a short copy: what was written counts, nothing written is a fault. */
	return left == count ? -EFAULT : (ssize_t)(count - left);
}

static ssize_t write_full(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	return -ENOSPC;
}

static ssize_t read_random(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	u8 chunk[256];
	size_t done = 0;

	while (done < count) {
		size_t n = min(count - done, sizeof(chunk));

		get_random_bytes(chunk, n);
		if (copy_to_user(buf + done, chunk, n))
			return done ? (ssize_t)done : -EFAULT;
		done += n;
	}
	return done;
}

static const struct file_operations null_fops = {
	.llseek = null_lseek, .read = read_null, .write = write_null,
};

static const struct file_operations zero_fops = {
	.llseek = null_lseek, .read = read_zero, .write = write_null,
};

static const struct file_operations full_fops = {
	.llseek = null_lseek, .read = read_zero, .write = write_full,
};

/* Writes to the random devices are accepted (Linux mixes them into the pool without crediting entropy). */
static const struct file_operations random_fops = {
	.llseek = noop_llseek, .read = read_random, .write = write_null,
};

static const struct memdev {
	const char *name;
	umode_t mode;
	const struct file_operations *fops;
} devlist[] = {
	[3] = { "null", 0666, &null_fops },
	[5] = { "zero", 0666, &zero_fops },
	[7] = { "full", 0666, &full_fops },
	[8] = { "random", 0666, &random_fops },
	[9] = { "urandom", 0666, &random_fops },
};

static int memory_open(struct inode *inode, struct file *file)
{
	unsigned int minor = iminor(inode);

	if (minor >= ARRAY_SIZE(devlist) || !devlist[minor].fops)
		return -ENXIO;
	lkm_replace_fops(file, devlist[minor].fops);
	return file->f_op->open ? file->f_op->open(inode, file) : 0;
}

static const struct file_operations memory_fops = {
	.open = memory_open,
	.llseek = noop_llseek,
};

static char *mem_devnode(const struct device *dev, umode_t *mode)
{
	if (mode && devlist[MINOR(dev->devt)].mode)
		*mode = devlist[MINOR(dev->devt)].mode;
	return NULL;
}

int __lkm_entry lkm_init_mem(void)
{
	struct class *mem_class;
	unsigned int minor;

	if (register_chrdev(MEM_MAJOR, "mem", &memory_fops)) {
		pr_err("unable to get major %d for memory devs\n", MEM_MAJOR);
		return -EIO;
	}
	mem_class = class_create("mem");
	if (IS_ERR(mem_class))
		return PTR_ERR(mem_class);
	mem_class->devnode = mem_devnode;
	for (minor = 1; minor < ARRAY_SIZE(devlist); minor++) {
		if (!devlist[minor].name)
			continue;
		device_create(mem_class, NULL, MKDEV(MEM_MAJOR, minor), NULL, "%s", devlist[minor].name);
	}
	return 0;
}
