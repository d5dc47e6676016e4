// SPDX-License-Identifier: GPL-2.0
/*
 * RCU against the locks it replaces, measured in init on the kernel clock and logged:
 *  - an rcu_read_lock()/rcu_read_unlock() pair against a spin_lock()/spin_unlock() pair (uncontended);
 *  - synchronize_rcu() with no reader, and while two kernel threads read in a loop;
 *  - two reader threads × `reads` read-side sections: RCU against read_lock() of one rwlock.
 */
#include <linux/module.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/rcupdate.h>
#include <linux/spinlock.h>
#include <linux/timekeeping.h>
#include <linux/atomic.h>

static unsigned int reads = 1000000;
module_param(reads, uint, 0444);

static DEFINE_SPINLOCK(lock);
static DEFINE_RWLOCK(rwlock);
static int shared_value;
static atomic_t done = ATOMIC_INIT(0);
static DECLARE_COMPLETION(all_done);
static bool use_rcu, forever;

static int reader(void *data)
{
	unsigned int i;
	int sum = 0;

	for (i = 0; forever ? !kthread_should_stop() : i < reads; i++) {
		if (use_rcu) {
			rcu_read_lock();
			sum += READ_ONCE(shared_value);
			rcu_read_unlock();
		} else {
			read_lock(&rwlock);
			sum += READ_ONCE(shared_value);
			read_unlock(&rwlock);
		}
	}
	if (!forever && atomic_inc_return(&done) == 2)
		complete(&all_done);
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (!kthread_should_stop())
			schedule();
		__set_current_state(TASK_RUNNING);
	}
	return sum & 0;
}

/* ns for two reader threads to do `reads` sections each. */
static u64 two_readers(bool rcu)
{
	struct task_struct *a, *b;
	u64 t;

	use_rcu = rcu;
	forever = false;
	atomic_set(&done, 0);
	reinit_completion(&all_done);
	t = ktime_get_ns();
	a = kthread_run(reader, NULL, "bench_reader/0");
	b = kthread_run(reader, NULL, "bench_reader/1");
	wait_for_completion(&all_done);
	t = ktime_get_ns() - t;
	kthread_stop(a);
	kthread_stop(b);
	return t;
}

/* ns per synchronize_rcu() over `n` calls. */
static u64 sync_ns(unsigned int n)
{
	u64 t = ktime_get_ns();
	unsigned int i;

	for (i = 0; i < n; i++)
		synchronize_rcu();
	return (ktime_get_ns() - t) / n;
}

static int __init bench_rcu_init(void)
{
	struct task_struct *a, *b;
	u64 t, rcu_ns, spin_ns, idle_ns, busy_ns;
	unsigned int i;

	t = ktime_get_ns();
	for (i = 0; i < reads; i++) {
		rcu_read_lock();
		rcu_read_unlock();
	}
	rcu_ns = ktime_get_ns() - t;
	t = ktime_get_ns();
	for (i = 0; i < reads; i++) {
		spin_lock(&lock);
		spin_unlock(&lock);
	}
	spin_ns = ktime_get_ns() - t;
	pr_info("bench_rcu: pairs %u: rcu %llu ns, spinlock %llu ns\n", reads, rcu_ns, spin_ns);

	idle_ns = sync_ns(200);
	use_rcu = true;
	forever = true;
	a = kthread_run(reader, NULL, "bench_reader/0");
	b = kthread_run(reader, NULL, "bench_reader/1");
	busy_ns = sync_ns(200);
	kthread_stop(a);
	kthread_stop(b);
	pr_info("bench_rcu: synchronize_rcu: idle %llu ns, 2 readers %llu ns\n", idle_ns, busy_ns);

	pr_info("bench_rcu: two readers: rcu %llu ns, rwlock %llu ns\n", two_readers(true), two_readers(false));
	return 0;
}

static void __exit bench_rcu_exit(void)
{
}

module_init(bench_rcu_init);
module_exit(bench_rcu_exit);
MODULE_LICENSE("GPL");
