// SPDX-License-Identifier: GPL-2.0
/*
 * Workqueues: a work item on the system workqueue, a delayed work item that requeues itself `rounds`
 * times, and an ordered workqueue whose items run one at a time in the order queued. Work functions run
 * in kworker threads and may sleep. rmmod cancels what is still pending and destroys the queue.
 */
#include <linux/module.h>
#include <linux/workqueue.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/slab.h>

static unsigned int rounds = 3;
module_param(rounds, uint, 0444);
MODULE_PARM_DESC(rounds, "How many times the delayed work runs");

static struct workqueue_struct *ordered;
static unsigned int ticks;

struct step {
	struct work_struct work;
	int n;
};
static struct step steps[4];

static void hello_fn(struct work_struct *work)
{
	msleep(5); /* process context: sleeping is allowed */
	pr_info("workqueue_demo: hello from %s\n", strncmp(current->comm, "kworker/", 8) ? "a stranger" : "a kworker");
}
static DECLARE_WORK(hello_work, hello_fn);

static void tick_fn(struct work_struct *work);
static DECLARE_DELAYED_WORK(tick_work, tick_fn);

static void tick_fn(struct work_struct *work)
{
	pr_info("workqueue_demo: tick %u\n", ++ticks);
	if (ticks < rounds)
		schedule_delayed_work(to_delayed_work(work), msecs_to_jiffies(20));
}

static void step_fn(struct work_struct *work)
{
	struct step *s = container_of(work, struct step, work);

	msleep(2 * (4 - s->n)); /* earlier steps sleep longer: the order still holds */
	pr_info("workqueue_demo: ordered step %d\n", s->n);
}

static int __init wq_demo_init(void)
{
	int i;

	ordered = alloc_ordered_workqueue("wq_demo", 0);
	if (!ordered)
		return -ENOMEM;
	schedule_work(&hello_work);
	flush_work(&hello_work);
	for (i = 0; i < 4; i++) {
		steps[i].n = i;
		INIT_WORK(&steps[i].work, step_fn);
		queue_work(ordered, &steps[i].work);
	}
	flush_workqueue(ordered);
	pr_info("workqueue_demo: ordered queue flushed\n");
	schedule_delayed_work(&tick_work, msecs_to_jiffies(20));
	return 0;
}

static void __exit wq_demo_exit(void)
{
	cancel_delayed_work_sync(&tick_work);
	destroy_workqueue(ordered);
	pr_info("workqueue_demo: %u ticks\n", ticks);
}

module_init(wq_demo_init);
module_exit(wq_demo_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Work items, delayed work and an ordered workqueue");
