// SPDX-License-Identifier: GPL-2.0
/*
 * sleepy: a device whose readers sleep until a writer wakes them (in the spirit of LDD3's "sleepy" and
 * scull pipe). A write appends to a small buffer and wakes the readers; a read returns what is buffered,
 * or sleeps on the wait queue while the buffer is empty. When a writer closes the device, each reader
 * that opened it before sees end of file once the buffer is drained (so `cat /dev/sleepy` ends after
 * one `echo hi > /dev/sleepy`). O_NONBLOCK readers get -EAGAIN instead of sleeping; poll() reports
 * EPOLLIN when data is there and EPOLLHUP after a writer closed.
 *
 * As every driver should, the read tests its condition before touching anything: a sleeping read is
 * issued again from the start when woken (docs/driver-api.md, "Sleeping").
 */
#include <linux/fs.h>
#include <linux/miscdevice.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/poll.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#define SLEEPY_BUFSIZE 4096

static DECLARE_WAIT_QUEUE_HEAD(sleepy_wq);
static DEFINE_MUTEX(sleepy_lock);
static char sleepy_buf[SLEEPY_BUFSIZE];
static size_t sleepy_len;
/* Counts writers' closes: a reader that opened at generation g sees end of file once it moved on. */
static unsigned long sleepy_closes;

struct sleepy_reader {
	unsigned long opened_at;
};

static int sleepy_open(struct inode *inode, struct file *file)
{
	struct sleepy_reader *r = kzalloc(sizeof(*r), GFP_KERNEL);

	if (!r)
		return -ENOMEM;
	mutex_lock(&sleepy_lock);
	r->opened_at = sleepy_closes;
	mutex_unlock(&sleepy_lock);
	file->private_data = r;
	return stream_open(inode, file);
}

static bool sleepy_readable(struct sleepy_reader *r)
{
	return sleepy_len > 0 || sleepy_closes != r->opened_at;
}

static ssize_t sleepy_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct sleepy_reader *r = file->private_data;
	size_t n;

	if (mutex_lock_interruptible(&sleepy_lock))
		return -ERESTARTSYS;
	while (!sleepy_readable(r)) {
		mutex_unlock(&sleepy_lock);
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		printk(KERN_DEBUG "sleepy: process %i (%s) going to sleep\n", current->pid, current->comm);
		if (wait_event_interruptible(sleepy_wq, sleepy_readable(r)))
			return -ERESTARTSYS;
		if (mutex_lock_interruptible(&sleepy_lock))
			return -ERESTARTSYS;
	}
	if (sleepy_len == 0) {
		/* A writer closed: end of file for this reader, once. */
		r->opened_at = sleepy_closes;
		mutex_unlock(&sleepy_lock);
		return 0;
	}
	n = min(count, sleepy_len);
	if (copy_to_user(buf, sleepy_buf, n)) {
		mutex_unlock(&sleepy_lock);
		return -EFAULT;
	}
	memmove(sleepy_buf, sleepy_buf + n, sleepy_len - n);
	sleepy_len -= n;
	mutex_unlock(&sleepy_lock);
	return n;
}

static ssize_t sleepy_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	size_t n;

	mutex_lock(&sleepy_lock);
	n = min(count, SLEEPY_BUFSIZE - sleepy_len);
	if (n == 0) {
		mutex_unlock(&sleepy_lock);
		return -ENOSPC;
	}
	if (copy_from_user(sleepy_buf + sleepy_len, buf, n)) {
		mutex_unlock(&sleepy_lock);
		return -EFAULT;
	}
	sleepy_len += n;
	mutex_unlock(&sleepy_lock);
	printk(KERN_DEBUG "sleepy: process %i (%s) awakening the readers\n", current->pid, current->comm);
	wake_up_interruptible(&sleepy_wq);
	return n;
}

static __poll_t sleepy_poll(struct file *file, poll_table *wait)
{
	struct sleepy_reader *r = file->private_data;
	__poll_t mask = EPOLLOUT | EPOLLWRNORM;

	poll_wait(file, &sleepy_wq, wait);
	mutex_lock(&sleepy_lock);
	if (sleepy_len > 0)
		mask |= EPOLLIN | EPOLLRDNORM;
	else if (sleepy_closes != r->opened_at)
		mask |= EPOLLHUP;
	mutex_unlock(&sleepy_lock);
	return mask;
}

static int sleepy_release(struct inode *inode, struct file *file)
{
	if (file->f_mode & FMODE_WRITE) {
		mutex_lock(&sleepy_lock);
		sleepy_closes++;
		mutex_unlock(&sleepy_lock);
		wake_up_interruptible_all(&sleepy_wq);
	}
	kfree(file->private_data);
	return 0;
}

static const struct file_operations sleepy_fops = {
	.owner = THIS_MODULE,
	.open = sleepy_open,
	.read = sleepy_read,
	.write = sleepy_write,
	.poll = sleepy_poll,
	.release = sleepy_release,
};

static struct miscdevice sleepy_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "sleepy",
	.fops = &sleepy_fops,
	.mode = 0666,
};

module_misc_device(sleepy_dev);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Readers sleep on a wait queue until a writer wakes them");
