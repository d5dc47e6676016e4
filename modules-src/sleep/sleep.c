// SPDX-License-Identifier: GPL-2.0
/*
 * sleep: the Linux Kernel Module Programming Guide's lesson on blocking processes, written the way the
 * book does it. /proc/sleep may be open by one process at a time: a second open() sleeps on a wait
 * queue until the first file is closed — or fails with -EAGAIN if it asked for O_NONBLOCK — and an open
 * interrupted by a signal gives -EINTR, found by looking at current->pending against current->blocked
 * as the book does. Reads return the last message written (a fresh open shows the default one).
 *
 *   insmod sleep.ko
 *   sleep 5 < /proc/sleep &          # holds the file
 *   cat_nonblock /proc/sleep         # Open would block
 *   cat /proc/sleep                  # waits for the first one to close, then prints
 */
#include <linux/atomic.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/proc_fs.h>
#include <linux/sched.h>
#include <linux/types.h>
#include <linux/uaccess.h>
#include <linux/wait.h>

#define MESSAGE_LENGTH 80
static char message[MESSAGE_LENGTH] = "Last input: (nothing yet)\n";
static struct proc_dir_entry *entry;
static atomic_t already_open = ATOMIC_INIT(0);
static DECLARE_WAIT_QUEUE_HEAD(waitq);

static ssize_t sleep_read(struct file *file, char __user *buf, size_t len, loff_t *offset)
{
	return simple_read_from_buffer(buf, len, offset, message, strlen(message));
}

static ssize_t sleep_write(struct file *file, const char __user *buf, size_t len, loff_t *offset)
{
	char input[MESSAGE_LENGTH - 16];
	size_t n = min(len, sizeof(input) - 1);

	if (copy_from_user(input, buf, n))
		return -EFAULT;
	input[n] = '\0';
	snprintf(message, sizeof(message), "Last input: %s", input);
	return len;
}

/* A pending signal that is not blocked interrupts the wait. */
static bool interrupted(void)
{
	int i;

	for (i = 0; i < _NSIG_WORDS; i++)
		if (current->pending.signal.sig[i] & ~current->blocked.sig[i])
			return true;
	return false;
}

static int sleep_open(struct inode *inode, struct file *file)
{
	if (!atomic_cmpxchg(&already_open, 0, 1)) {
		try_module_get(THIS_MODULE);
		return 0;
	}
	if (file->f_flags & O_NONBLOCK)
		return -EAGAIN;
	/* Held while we sleep in the module's code: rmmod must wait for us. */
	try_module_get(THIS_MODULE);
	while (atomic_cmpxchg(&already_open, 0, 1)) {
		wait_event_interruptible(waitq, !atomic_read(&already_open));
		if (interrupted()) {
			module_put(THIS_MODULE);	/* no close will come for this open */
			return -EINTR;
		}
	}
	return 0;
}

static int sleep_release(struct inode *inode, struct file *file)
{
	atomic_set(&already_open, 0);
	wake_up(&waitq);	/* one of the sleepers in open() gets the file */
	module_put(THIS_MODULE);
	return 0;
}

static const struct proc_ops sleep_ops = {
	.proc_read = sleep_read,
	.proc_write = sleep_write,
	.proc_open = sleep_open,
	.proc_release = sleep_release,
	.proc_lseek = noop_llseek,
};

static int __init sleep_init(void)
{
	entry = proc_create("sleep", 0644, NULL, &sleep_ops);
	if (!entry)
		return -ENOMEM;
	pr_info("/proc/sleep created\n");
	return 0;
}

static void __exit sleep_exit(void)
{
	proc_remove(entry);
	pr_info("/proc/sleep removed\n");
}

module_init(sleep_init);
module_exit(sleep_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("One opener at a time: the others sleep (LKMPG's sleep)");
