// SPDX-License-Identifier: GPL-2.0
/*
 * sched: LKMPG's first look at scheduling work for later. init creates an unbound workqueue and queues
 * one work item on it; a kworker runs the handler; exit destroys the queue (which waits for the work).
 */
#include <linux/init.h>
#include <linux/module.h>
#include <linux/workqueue.h>

static struct workqueue_struct *queue;
static struct work_struct work;

static void work_handler(struct work_struct *data)
{
	pr_info("work handler function.\n");
}

static int __init sched_init(void)
{
	queue = alloc_workqueue("HELLOWORLD", WQ_UNBOUND, 1);
	if (!queue)
		return -ENOMEM;
	INIT_WORK(&work, work_handler);
	queue_work(queue, &work);
	return 0;
}

static void __exit sched_exit(void)
{
	destroy_workqueue(queue);
}

module_init(sched_init);
module_exit(sched_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Work queued on a workqueue of its own (LKMPG's sched)");
