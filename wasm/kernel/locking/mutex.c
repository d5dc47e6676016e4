// SPDX-License-Identifier: GPL-2.0
/*
 * The contended side of mutexes (include/linux/mutex.h): Drepper's futex mutex. A waiter marks the
 * lock contended (2) and sleeps on the owner word until the holder's unlock wakes one waiter.
 */
#include <linux/export.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/timekeeping.h>
#include "host.h"

void __lkm_mutex_lock_slowpath(struct mutex *lock)
{
	struct task_struct *p = current;
	struct thread_info *ti = current_thread_info();
	unsigned int state = p->__state;
	bool slept = false;

	while (__atomic_exchange_n(&lock->owner, 2, __ATOMIC_ACQUIRE) != 0) {
		if (!lkm_task_blocks()) {
			cpu_relax();
			continue;
		}
		/* Asleep uninterruptibly (D in ps, and to the hung-task detector) until the unlock. */
		if (!slept)
			WRITE_ONCE(ti->switch_ns, ktime_get_ns());
		slept = true;
		p->__state = TASK_UNINTERRUPTIBLE;
		host_block(&lock->owner, 2, -1);
	}
	if (slept) {
		p->__state = state;
		lkm_switched();
	}
}
EXPORT_SYMBOL(__lkm_mutex_lock_slowpath);

void __lkm_mutex_wake(struct mutex *lock)
{
	lkm_notify_word(&lock->owner);
}
EXPORT_SYMBOL(__lkm_mutex_wake);
