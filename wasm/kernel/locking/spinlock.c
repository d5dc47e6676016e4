// SPDX-License-Identifier: GPL-2.0
/*
 * The contended side of spinlocks (include/linux/spinlock.h). Spin a while, as Linux does; then a
 * kernel thread marks the lock word (2) and sleeps on it until the unlock wakes it, because its holder
 * may have been preempted by the host OS and cannot run while we spin on its core. The host thread
 * only spins: its cpu_relax() serves the kernel threads' calls meanwhile, one of which may be the holder's.
 */
#include <linux/export.h>
#include <linux/spinlock.h>
#include <linux/sched.h>
#include "host.h"

#define SPINS_BEFORE_SLEEP	128

void __lkm_spin_lock_slowpath(raw_spinlock_t *l)
{
	bool sleeps = current->lkm_blocks;

	for (int i = 0; ; i++) {
		int c = 0;

		if (!sleeps || i < SPINS_BEFORE_SLEEP) {
			if (__atomic_load_n(&l->locked, __ATOMIC_RELAXED) == 0 &&
			    __atomic_compare_exchange_n(&l->locked, &c, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
				return;
			cpu_relax();
			continue;
		}
		/* Held as 2 from here on: our unlock wakes whoever else sleeps on it. */
		if (__atomic_exchange_n(&l->locked, 2, __ATOMIC_ACQUIRE) == 0)
			return;
		host_block(&l->locked, 2, 1000000);
	}
}
EXPORT_SYMBOL(__lkm_spin_lock_slowpath);

void __lkm_spin_wake(raw_spinlock_t *l)
{
	__builtin_wasm_memory_atomic_notify(&l->locked, 1);
}
EXPORT_SYMBOL(__lkm_spin_wake);
