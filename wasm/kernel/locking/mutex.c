// SPDX-License-Identifier: GPL-2.0
/*
 * The contended side of mutexes (include/linux/mutex.h): Drepper's futex mutex. A waiter marks the
 * lock contended (2) and sleeps on the owner word until the holder's unlock wakes one waiter.
 */
#include <linux/export.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include "host.h"

void __lkm_mutex_lock_slowpath(struct mutex *lock)
{
	while (__atomic_exchange_n(&lock->owner, 2, __ATOMIC_ACQUIRE) != 0) {
		if (lkm_task_blocks())
			host_block(&lock->owner, 2, -1);
		else
			cpu_relax();
	}
}
EXPORT_SYMBOL(__lkm_mutex_lock_slowpath);

void __lkm_mutex_wake(struct mutex *lock)
{
	lkm_notify_word(&lock->owner);
}
EXPORT_SYMBOL(__lkm_mutex_wake);
