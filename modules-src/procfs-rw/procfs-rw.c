// SPDX-License-Identifier: GPL-2.0
/*
 * procfs-rw: /proc/procfs_rw, a file that keeps what is written to it. A read returns the message;
 * a write from offset 0 replaces it (later writes of the same open append). The message holds at most
 * PROCFS_MAX bytes: a write past that fails with ENOSPC, as a full device does.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/proc_fs.h>
#include <linux/string.h>
#include <linux/uaccess.h>

#define PROCFS_NAME	"procfs_rw"
#define PROCFS_MAX	64

static char message[PROCFS_MAX];
static size_t message_len;
static DEFINE_MUTEX(message_lock);
static struct proc_dir_entry *entry;

static ssize_t procfs_rw_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	ssize_t ret;

	mutex_lock(&message_lock);
	ret = simple_read_from_buffer(buf, count, ppos, message, message_len);
	mutex_unlock(&message_lock);
	return ret;
}

static ssize_t procfs_rw_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	ssize_t ret;

	if (*ppos >= PROCFS_MAX)
		return -ENOSPC;
	mutex_lock(&message_lock);
	ret = simple_write_to_buffer(message, PROCFS_MAX, ppos, buf, count);
	if (ret > 0) {
		/* The message ends where this write ended: a write from 0 replaces it. */
		message_len = *ppos;
		pr_info("%zd bytes written, message is %zu bytes\n", ret, message_len);
	}
	mutex_unlock(&message_lock);
	return ret;
}

static const struct proc_ops procfs_rw_ops = {
	.proc_read	= procfs_rw_read,
	.proc_write	= procfs_rw_write,
	.proc_lseek	= default_llseek,
};

static int __init procfs_rw_init(void)
{
	message_len = scnprintf(message, sizeof(message), "Hello from /proc/%s\n", PROCFS_NAME);
	entry = proc_create(PROCFS_NAME, 0644, NULL, &procfs_rw_ops);
	if (!entry)
		return -ENOMEM;
	proc_set_size(entry, PROCFS_MAX);
	pr_info("/proc/%s created\n", PROCFS_NAME);
	return 0;
}

static void __exit procfs_rw_exit(void)
{
	proc_remove(entry);
	pr_info("/proc/%s removed\n", PROCFS_NAME);
}

module_init(procfs_rw_init);
module_exit(procfs_rw_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A /proc file that can be read and written");
