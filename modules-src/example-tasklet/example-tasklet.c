// SPDX-License-Identifier: GPL-2.0
/*
 * A tasklet, as in the Linux Kernel Module Programming Guide's example: init schedules it and busy-waits;
 * the tasklet runs meanwhile, in softirq context (where Linux runs it on the next interrupt's exit), and
 * busy-waits too; init then continues. exit kills the tasklet (waits for it if it is still pending).
 */
#include <linux/module.h>
#include <linux/interrupt.h>
#include <linux/delay.h>

static void tasklet_fn(struct tasklet_struct *t)
{
	pr_info("example_tasklet: tasklet starts, in_softirq() %s\n", in_softirq() ? "true" : "false");
	mdelay(50);
	pr_info("example_tasklet: tasklet ends\n");
}

static DECLARE_TASKLET(mytask, tasklet_fn);

static int __init example_tasklet_init(void)
{
	pr_info("example_tasklet: init\n");
	tasklet_schedule(&mytask);
	mdelay(20);
	pr_info("example_tasklet: init continues\n");
	return 0;
}

static void __exit example_tasklet_exit(void)
{
	pr_info("example_tasklet: exit\n");
	tasklet_kill(&mytask);
}

module_init(example_tasklet_init);
module_exit(example_tasklet_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A tasklet scheduled from init");
