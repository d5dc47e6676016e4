/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_MUTEX_H
#define __LINUX_MUTEX_H

/*
 * Sleeping locks. With one CPU and no scheduler a mutex is never contended except by a deadlock (locking
 * one that the same code holds), which spins like Linux's hung task until the watchdog reports it. The
 * owner word lives in kernel memory and changes with wasm atomics.
 */
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/spinlock.h>

struct mutex {
	int owner;	/* 0 unlocked, 1 locked */
};

#define __MUTEX_INITIALIZER(lockname) { .owner = 0 }
#define DEFINE_MUTEX(mutexname) struct mutex mutexname = __MUTEX_INITIALIZER(mutexname)

static inline void mutex_init(struct mutex *lock) { __atomic_store_n(&lock->owner, 0, __ATOMIC_RELEASE); }
static inline void mutex_destroy(struct mutex *lock) { (void)lock; }
static inline bool mutex_is_locked(struct mutex *lock) { return __atomic_load_n(&lock->owner, __ATOMIC_RELAXED) != 0; }
static inline int mutex_trylock(struct mutex *lock) { return !__atomic_exchange_n(&lock->owner, 1, __ATOMIC_ACQUIRE); }
static inline void mutex_lock(struct mutex *lock)
{
	might_sleep();
	while (__atomic_exchange_n(&lock->owner, 1, __ATOMIC_ACQUIRE))
		cpu_relax();
}
static inline int mutex_lock_interruptible(struct mutex *lock) { mutex_lock(lock); return 0; }
static inline int mutex_lock_killable(struct mutex *lock) { mutex_lock(lock); return 0; }
static inline void mutex_lock_nested(struct mutex *lock, unsigned int subclass) { (void)subclass; mutex_lock(lock); }
static inline void mutex_unlock(struct mutex *lock) { __atomic_store_n(&lock->owner, 0, __ATOMIC_RELEASE); }

#endif
