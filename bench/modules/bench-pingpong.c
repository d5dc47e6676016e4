// SPDX-License-Identifier: GPL-2.0
/*
 * Wake-up round trips between two kernel threads through two completions (bench/smp.ts): A completes
 * `ping` and waits for `pong`, B the other way round, `rounds` times. init waits for both and prints the
 * time the round trips took, measured on the kernel clock.
 */
#include <linux/module.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/timekeeping.h>

static unsigned int rounds = 10000;
module_param(rounds, uint, 0444);

static DECLARE_COMPLETION(ping);
static DECLARE_COMPLETION(pong);
static DECLARE_COMPLETION(done);
static u64 elapsed;

static int side_a(void *data)
{
	u64 t0 = ktime_get_ns();

	for (unsigned int i = 0; i < rounds; i++) {
		complete(&ping);
		wait_for_completion(&pong);
	}
	elapsed = ktime_get_ns() - t0;
	complete(&done);
	return 0;
}

static int side_b(void *data)
{
	for (unsigned int i = 0; i < rounds; i++) {
		wait_for_completion(&ping);
		complete(&pong);
	}
	complete(&done);
	return 0;
}

static int __init pingpong_init(void)
{
	struct task_struct *b = kthread_run(side_b, NULL, "pong");
	struct task_struct *a;

	if (IS_ERR(b))
		return PTR_ERR(b);
	a = kthread_run(side_a, NULL, "ping");
	if (IS_ERR(a))
		return PTR_ERR(a);
	wait_for_completion(&done);
	wait_for_completion(&done);
	pr_info("bench_pingpong: %u round trips in %llu ns\n", rounds, elapsed);
	return 0;
}

static void __exit pingpong_exit(void)
{
}

module_init(pingpong_init);
module_exit(pingpong_exit);
MODULE_LICENSE("GPL");
