// SPDX-License-Identifier: GPL-2.0
/*
 * A pool of kernel threads sharing one counter: each of `threads` threads adds 1 `iterations` times
 * under a spinlock, on its own CPU worker, truly in parallel. /proc/kthread_pool waits until all are done
 * and shows the total, which is exact: threads * iterations. rmmod stops the threads.
 */
#include <linux/module.h>
#include <linux/kthread.h>
#include <linux/spinlock.h>
#include <linux/proc_fs.h>
#include <linux/slab.h>
#include <linux/wait.h>
#include <linux/atomic.h>
#include <linux/uaccess.h>

static unsigned int threads = 4;
module_param(threads, uint, 0444);
MODULE_PARM_DESC(threads, "Number of kernel threads");
static unsigned int iterations = 1000000;
module_param(iterations, uint, 0444);
MODULE_PARM_DESC(iterations, "Increments per thread");

static DEFINE_SPINLOCK(lock);
static unsigned long counter;
static atomic_t finished = ATOMIC_INIT(0);
static DECLARE_WAIT_QUEUE_HEAD(done);
static struct task_struct **pool;
static struct proc_dir_entry *entry;

static int pool_thread(void *data)
{
	unsigned int i;

	for (i = 0; i < iterations; i++) {
		spin_lock(&lock);
		counter++;
		spin_unlock(&lock);
	}
	atomic_inc(&finished);
	wake_up_all(&done);
	/* Stay until rmmod stops us. */
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

static ssize_t pool_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	char text[96];
	int len, ret;

	ret = wait_event_interruptible(done, atomic_read(&finished) == threads);
	if (ret)
		return ret;
	len = scnprintf(text, sizeof(text), "threads %u\niterations %u\ncounter %lu\n", threads, iterations, counter);
	return simple_read_from_buffer(buf, count, ppos, text, len);
}

static const struct proc_ops pool_ops = {
	.proc_read = pool_read,
};

static void stop_all(unsigned int n)
{
	while (n--)
		kthread_stop(pool[n]);
	kfree(pool);
}

static int __init pool_init(void)
{
	unsigned int i;

	pool = kcalloc(threads, sizeof(*pool), GFP_KERNEL);
	if (!pool)
		return -ENOMEM;
	for (i = 0; i < threads; i++) {
		pool[i] = kthread_run(pool_thread, NULL, "kpool/%u", i);
		if (IS_ERR(pool[i])) {
			int err = PTR_ERR(pool[i]);

			stop_all(i);
			return err;
		}
	}
	entry = proc_create("kthread_pool", 0444, NULL, &pool_ops);
	if (!entry) {
		stop_all(threads);
		return -ENOMEM;
	}
	pr_info("kthread_pool: %u threads, %u increments each\n", threads, iterations);
	return 0;
}

static void __exit pool_exit(void)
{
	proc_remove(entry);
	stop_all(threads);
	pr_info("kthread_pool: counter %lu\n", counter);
}

module_init(pool_init);
module_exit(pool_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Kernel threads incrementing a counter under a spinlock");
