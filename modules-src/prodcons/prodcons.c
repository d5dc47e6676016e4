// SPDX-License-Identifier: GPL-2.0
/*
 * A producer and its consumers over a wait queue. A kernel thread waits for the device's first open,
 * then produces `items` lines ("item N\n"), each `interval_ms` after the last, into a kfifo, and wakes the queue; read() on /dev/prodcons sleeps until
 * there is something to take (or returns what there is with O_NONBLOCK, -EAGAIN if nothing), and
 * returns 0 — the end of the file — once the producer is done and the fifo empty. poll() says when
 * read() would not sleep. Every consumer takes what it reads: two readers share the items.
 */
#include <linux/module.h>
#include <linux/kthread.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/kfifo.h>
#include <linux/wait.h>
#include <linux/poll.h>
#include <linux/delay.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/completion.h>

static unsigned int items = 20;
module_param(items, uint, 0444);
MODULE_PARM_DESC(items, "How many items the producer makes");
static unsigned int interval_ms = 2;
module_param(interval_ms, uint, 0444);
MODULE_PARM_DESC(interval_ms, "Milliseconds between two items");

static DEFINE_KFIFO(fifo, char, 1024);
static DEFINE_SPINLOCK(fifo_lock);
static DECLARE_WAIT_QUEUE_HEAD(readable);	/* something to read, or the end */
static DECLARE_WAIT_QUEUE_HEAD(writable);	/* room for the producer */
static bool produced_all;
static struct task_struct *producer;
static DECLARE_COMPLETION(opened);

static int produce(void *data)
{
	unsigned int n;

	wait_for_completion_interruptible(&opened);
	for (n = 0; n < items && !kthread_should_stop(); n++) {
		char line[24];
		int len = scnprintf(line, sizeof(line), "item %u\n", n);

		if (interval_ms)
			msleep_interruptible(interval_ms);
		/* A full fifo: wait for the consumers (or for rmmod). */
		wait_event_interruptible(writable, kfifo_avail(&fifo) >= len || kthread_should_stop());
		if (kthread_should_stop())
			break;
		kfifo_in_spinlocked(&fifo, line, len, &fifo_lock);
		wake_up_interruptible(&readable);
	}
	WRITE_ONCE(produced_all, true);
	wake_up_interruptible_all(&readable);
	pr_info("prodcons: produced %u items\n", n);
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!kthread_should_stop())
			schedule();
		__set_current_state(TASK_RUNNING);
	}
	return 0;
}

static bool ready(void)
{
	return !kfifo_is_empty(&fifo) || READ_ONCE(produced_all);
}

static ssize_t prodcons_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	char chunk[256];
	unsigned int n;

	if (!ready()) {
		if (file->f_flags & O_NONBLOCK)
			return -EAGAIN;
		if (wait_event_interruptible(readable, ready()))
			return -ERESTARTSYS;
	}
	n = kfifo_out_spinlocked(&fifo, chunk, min(count, sizeof(chunk)), &fifo_lock);
	if (n)
		wake_up_interruptible(&writable);
	if (copy_to_user(buf, chunk, n))
		return -EFAULT;
	return n;	/* 0: produced all and taken all, the end */
}

static int prodcons_open(struct inode *inode, struct file *file)
{
	complete_all(&opened);	/* the producer starts */
	return 0;
}

static __poll_t prodcons_poll(struct file *file, poll_table *wait)
{
	poll_wait(file, &readable, wait);
	if (!kfifo_is_empty(&fifo))
		return EPOLLIN | EPOLLRDNORM;
	return READ_ONCE(produced_all) ? EPOLLHUP : 0;
}

static const struct file_operations prodcons_fops = {
	.owner = THIS_MODULE,
	.open = prodcons_open,
	.read = prodcons_read,
	.poll = prodcons_poll,
	.llseek = noop_llseek,
};

static struct miscdevice prodcons_dev = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "prodcons",
	.fops = &prodcons_fops,
};

static int __init prodcons_init(void)
{
	int err = misc_register(&prodcons_dev);

	if (err)
		return err;
	producer = kthread_run(produce, NULL, "prodcons");
	if (IS_ERR(producer)) {
		misc_deregister(&prodcons_dev);
		return PTR_ERR(producer);
	}
	pr_info("prodcons: producing %u items, one every %u ms\n", items, interval_ms);
	return 0;
}

static void __exit prodcons_exit(void)
{
	complete_all(&opened);	/* never opened: the producer goes straight to its end */
	kthread_stop(producer);
	misc_deregister(&prodcons_dev);
}

module_init(prodcons_init);
module_exit(prodcons_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A producer kernel thread and consumers over a wait queue");
