// SPDX-License-Identifier: GPL-2.0
/*
 * The contended side of mutexes (include/linux/mutex.h): Drepper's futex mutex. A waiter marks the
 * lock contended (2) and sleeps on the owner word until the holder's unlock wakes one waiter.
 */
#include <linux/export.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include "host.h"

__host_import(block) void host_block(void *word, unsigned int expected, long long timeout_ns);
extern int lkm_host_doorbell;

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
	__builtin_wasm_memory_atomic_notify(&lock->owner, 1);
	/* The host thread waits on its doorbell, whatever word it waits for. */
	__atomic_fetch_add(&lkm_host_doorbell, 1, __ATOMIC_SEQ_CST);
	__builtin_wasm_memory_atomic_notify(&lkm_host_doorbell, 1);
}
EXPORT_SYMBOL(__lkm_mutex_wake);
