/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_SPINLOCK_H
#define __LINUX_SPINLOCK_H

/*
 * Spinlocks and rwlocks, contended for real by kernel threads on CPU workers and the host thread. A
 * deadlock (taking a lock one already holds) spins forever, as on Linux, until the soft-lockup watchdog
 * reports it. Interrupts do not exist, so the _irq/_irqsave/_bh forms only take the lock.
 * A held lock (spin or rw) disables preemption, as on Linux: in_atomic() is true while one is held.
 */
#include <linux/spinlock_types.h>
#include <linux/compiler.h>
#include <linux/bug.h>
#include <linux/preempt.h>
#include <asm/barrier.h>

static inline void raw_spin_lock_init(raw_spinlock_t *l) { __atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE); }
/*
 * The lock word: 0 free, 1 held, 2 held and a kernel thread sleeps on it. A CPU worker's thread can be
 * preempted by the host OS while it holds a lock (nothing here can disable that), so a kernel thread
 * that spins too long sleeps on the word (kernel/locking/spinlock.c) and the unlock wakes it.
 */
void __lkm_spin_lock_slowpath(raw_spinlock_t *l);
void __lkm_spin_wake(raw_spinlock_t *l);
static inline void raw_spin_lock(raw_spinlock_t *l)
{
	int c = 0;

	preempt_disable();
	if (!__atomic_compare_exchange_n(&l->locked, &c, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		__lkm_spin_lock_slowpath(l);
}
static inline int raw_spin_trylock(raw_spinlock_t *l)
{
	int c = 0;

	preempt_disable();
	if (__atomic_compare_exchange_n(&l->locked, &c, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return 1;
	preempt_enable();
	return 0;
}
static inline void raw_spin_unlock(raw_spinlock_t *l)
{
	if (__atomic_exchange_n(&l->locked, 0, __ATOMIC_RELEASE) == 2)
		__lkm_spin_wake(l);
	preempt_enable();
}
static inline int raw_spin_is_locked(raw_spinlock_t *l) { return __atomic_load_n(&l->locked, __ATOMIC_RELAXED); }

#define spin_lock_init(l)		raw_spin_lock_init(&(l)->rlock)
#define spin_lock(l)			raw_spin_lock(&(l)->rlock)
#define spin_unlock(l)			raw_spin_unlock(&(l)->rlock)
#define spin_trylock(l)			raw_spin_trylock(&(l)->rlock)
#define spin_is_locked(l)		raw_spin_is_locked(&(l)->rlock)
#define spin_lock_bh(l)			spin_lock(l)
#define spin_unlock_bh(l)		spin_unlock(l)
#define spin_lock_irq(l)		spin_lock(l)
#define spin_unlock_irq(l)		spin_unlock(l)
#define spin_lock_irqsave(l, flags)	do { (flags) = 0; spin_lock(l); } while (0)
#define spin_unlock_irqrestore(l, flags) do { (void)(flags); spin_unlock(l); } while (0)
#define spin_trylock_irqsave(l, flags)	({ (flags) = 0; spin_trylock(l); })
#define spin_lock_nested(l, sub)	spin_lock(l)
#define assert_spin_locked(l)		WARN_ON(!spin_is_locked(l))
#define lockdep_assert_held(l)		do { (void)(l); } while (0)

#define raw_spin_lock_irqsave(l, flags)	do { (flags) = 0; raw_spin_lock(l); } while (0)
#define raw_spin_unlock_irqrestore(l, flags) do { (void)(flags); raw_spin_unlock(l); } while (0)
#define raw_spin_lock_irq(l)		raw_spin_lock(l)
#define raw_spin_unlock_irq(l)		raw_spin_unlock(l)

static inline void rwlock_init(rwlock_t *l) { __atomic_store_n(&l->cnt, 0, __ATOMIC_RELEASE); }
static inline void read_lock(rwlock_t *l)
{
	preempt_disable();
	for (;;) {
		int c = __atomic_load_n(&l->cnt, __ATOMIC_RELAXED);
		if (c >= 0 && __atomic_compare_exchange_n(&l->cnt, &c, c + 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			return;
		cpu_relax();
	}
}
static inline void read_unlock(rwlock_t *l)
{
	__atomic_fetch_sub(&l->cnt, 1, __ATOMIC_RELEASE);
	preempt_enable();
}
static inline void write_lock(rwlock_t *l)
{
	preempt_disable();
	for (;;) {
		int c = 0;
		if (__atomic_compare_exchange_n(&l->cnt, &c, -1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			return;
		cpu_relax();
	}
}
static inline void write_unlock(rwlock_t *l)
{
	__atomic_store_n(&l->cnt, 0, __ATOMIC_RELEASE);
	preempt_enable();
}
static inline int read_trylock(rwlock_t *l)
{
	int c = __atomic_load_n(&l->cnt, __ATOMIC_RELAXED);

	preempt_disable();
	if (c >= 0 && __atomic_compare_exchange_n(&l->cnt, &c, c + 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return 1;
	preempt_enable();
	return 0;
}
static inline int write_trylock(rwlock_t *l)
{
	int c = 0;

	preempt_disable();
	if (__atomic_compare_exchange_n(&l->cnt, &c, -1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
		return 1;
	preempt_enable();
	return 0;
}
#define read_lock_irqsave(l, flags)	do { (flags) = 0; read_lock(l); } while (0)
#define read_unlock_irqrestore(l, flags) do { (void)(flags); read_unlock(l); } while (0)
#define write_lock_irqsave(l, flags)	do { (flags) = 0; write_lock(l); } while (0)
#define write_unlock_irqrestore(l, flags) do { (void)(flags); write_unlock(l); } while (0)
#define read_lock_bh(l)		read_lock(l)
#define read_unlock_bh(l)	read_unlock(l)
#define write_lock_bh(l)	write_lock(l)
#define write_unlock_bh(l)	write_unlock(l)
#define read_lock_irq(l)	read_lock(l)
#define read_unlock_irq(l)	read_unlock(l)
#define write_lock_irq(l)	write_lock(l)
#define write_unlock_irq(l)	write_unlock(l)

#endif
