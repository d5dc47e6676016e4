/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_MUTEX_H
#define __LINUX_MUTEX_H

/*
 * Sleeping locks, futex style: the owner word (0 unlocked, 1 locked, 2 locked with waiters) changes with
 * wasm atomics; a contended lock sleeps in kernel/locking/mutex.c (a kernel thread blocks its worker,
 * a system call spins while serving the kernel threads), and the unlock of a contended one wakes a waiter.
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
static inline int mutex_trylock(struct mutex *lock)
{
	int c = 0;

	return __atomic_compare_exchange_n(&lock->owner, &c, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}
void __lkm_mutex_lock_slowpath(struct mutex *lock);
void __lkm_mutex_wake(struct mutex *lock);
static inline void mutex_lock(struct mutex *lock)
{
	int c = 0;

	might_sleep();
	if (!__atomic_compare_exchange_n(&lock->owner, &c, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		__lkm_mutex_lock_slowpath(lock);
}
static inline int mutex_lock_interruptible(struct mutex *lock) { mutex_lock(lock); return 0; }
static inline int mutex_lock_killable(struct mutex *lock) { mutex_lock(lock); return 0; }
static inline void mutex_lock_nested(struct mutex *lock, unsigned int subclass) { (void)subclass; mutex_lock(lock); }
static inline void mutex_unlock(struct mutex *lock)
{
	if (__atomic_exchange_n(&lock->owner, 0, __ATOMIC_RELEASE) == 2)
		__lkm_mutex_wake(lock);
}

#endif
