// SPDX-License-Identifier: GPL-2.0
/*
 * Completions between kernel threads, as in the Linux Kernel Module Programming Guide's example: the
 * flywheel thread waits until the crank thread has turned the crank. Both are created stopped and woken
 * flywheel first, so the order in the log comes from the completion, not from the start order. exit waits
 * for both to have finished.
 */
#include <linux/module.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/err.h>

static struct completion crank_comp;
static struct completion flywheel_comp;

static int crank_thread(void *arg)
{
	pr_info("completions: turn the crank\n");
	complete_all(&crank_comp);
	kthread_complete_and_exit(&crank_comp, 0);
}

static int flywheel_thread(void *arg)
{
	wait_for_completion(&crank_comp);
	pr_info("completions: flywheel spins up\n");
	complete_all(&flywheel_comp);
	kthread_complete_and_exit(&flywheel_comp, 0);
}

static int __init completions_init(void)
{
	struct task_struct *crank, *flywheel;

	init_completion(&crank_comp);
	init_completion(&flywheel_comp);
	crank = kthread_create(crank_thread, NULL, "KThread Crank");
	if (IS_ERR(crank))
		return PTR_ERR(crank);
	flywheel = kthread_create(flywheel_thread, NULL, "KThread Flywheel");
	if (IS_ERR(flywheel)) {
		kthread_stop(crank);
		return PTR_ERR(flywheel);
	}
	wake_up_process(flywheel);
	wake_up_process(crank);
	return 0;
}

static void __exit completions_exit(void)
{
	wait_for_completion(&crank_comp);
	wait_for_completion(&flywheel_comp);
	pr_info("completions: exit\n");
}

module_init(completions_init);
module_exit(completions_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Completions between two kernel threads");
