// SPDX-License-Identifier: GPL-2.0
/*
 * iterdev: a misc device (/dev/iterdev) and a /proc file (/proc/iterdev) served by read_iter/write_iter
 * and proc_read_iter instead of read/write: the VFS builds a kiocb and an iov_iter over the user buffer
 * and the driver moves data with copy_to_iter()/copy_from_iter(). The device keeps what was last written
 * (at most a page) and reads it back from ki_pos; writes with O_APPEND add to it.
 */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/proc_fs.h>
#include <linux/sprintf.h>
#include <linux/uio.h>

static char store[PAGE_SIZE];
static size_t stored;
static unsigned int reads, writes;
static DEFINE_MUTEX(lock);

static ssize_t iterdev_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	size_t n;

	mutex_lock(&lock);
	reads++;
	if (iocb->ki_pos >= stored) {
		mutex_unlock(&lock);
		return 0;
	}
	n = copy_to_iter(store + iocb->ki_pos, stored - iocb->ki_pos, to);
	iocb->ki_pos += n;
	mutex_unlock(&lock);
	return n ? n : -EFAULT;
}

static ssize_t iterdev_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	size_t want = iov_iter_count(from), at, n;

	mutex_lock(&lock);
	writes++;
	at = (iocb->ki_flags & IOCB_APPEND) ? stored : iocb->ki_pos;
	if (at >= sizeof(store)) {
		mutex_unlock(&lock);
		return -ENOSPC;
	}
	n = copy_from_iter(store + at, min(want, sizeof(store) - at), from);
	if (!n && want) {
		mutex_unlock(&lock);
		return -EFAULT;
	}
	iocb->ki_pos = at + n;
	stored = max(stored, at + n);
	if (!(iocb->ki_flags & IOCB_APPEND) && at == 0)
		stored = n;	/* a write from the start replaces the contents */
	mutex_unlock(&lock);
	return n;
}

static const struct file_operations iterdev_fops = {
	.owner = THIS_MODULE,
	.read_iter = iterdev_read_iter,
	.write_iter = iterdev_write_iter,
	.llseek = default_llseek,
};

static struct miscdevice iterdev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "iterdev",
	.fops = &iterdev_fops,
	.mode = 0666,
};

/* /proc/iterdev: the counters, through proc_read_iter. */
static ssize_t stats_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	char text[64];
	int len = scnprintf(text, sizeof(text), "stored %zu reads %u writes %u\n", stored, reads, writes);
	size_t n;

	if (iocb->ki_pos >= len)
		return 0;
	n = copy_to_iter(text + iocb->ki_pos, len - iocb->ki_pos, to);
	iocb->ki_pos += n;
	return n;
}

static const struct proc_ops stats_ops = {
	.proc_read_iter = stats_read_iter,
};

static int __init iterdev_init(void)
{
	int ret = misc_register(&iterdev);

	if (ret)
		return ret;
	if (!proc_create("iterdev", 0444, NULL, &stats_ops)) {
		misc_deregister(&iterdev);
		return -ENOMEM;
	}
	return 0;
}

static void __exit iterdev_exit(void)
{
	remove_proc_entry("iterdev", NULL);
	misc_deregister(&iterdev);
}

module_init(iterdev_init);
module_exit(iterdev_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A device and a /proc file served by read_iter/write_iter");
