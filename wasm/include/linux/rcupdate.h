/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_RCUPDATE_H
#define __LINUX_RCUPDATE_H

/*
 * Read-copy update, as Linux's non-preemptible RCU: a read-side critical section disables preemption
 * and may not sleep. Each thread (the host thread and every kernel thread) counts its outermost
 * sections in its thread_info (the counter is odd inside one), so a grace period is over once every
 * thread that was inside a section when it began has left that section (kernel/rcu/update.c):
 * synchronize_rcu() blocks until then, call_rcu() callbacks and kfree_rcu() frees run afterwards in
 * softirq context (the timer softirq of the host thread).
 */
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/atomic.h>
#include <linux/preempt.h>
#include <asm/barrier.h>
#include <asm/thread_info.h>

/* Nonzero while a grace period waits: the outermost rcu_read_unlock() then wakes its waiter. */
extern int lkm_rcu_waiters;
void __lkm_rcu_read_unlock_wake(struct thread_info *ti);

static __always_inline void __rcu_read_lock(void)
{
	struct thread_info *ti = current_thread_info();

	preempt_disable();
	if (ti->rcu_nesting++ == 0)
		__atomic_fetch_add(&ti->rcu_ctr, 1, __ATOMIC_SEQ_CST);	/* a full barrier before the reads */
}

static __always_inline void __rcu_read_unlock(void)
{
	struct thread_info *ti = current_thread_info();

	if (--ti->rcu_nesting == 0) {
		__atomic_fetch_add(&ti->rcu_ctr, 1, __ATOMIC_SEQ_CST);	/* the reads are done before it */
		if (__atomic_load_n(&lkm_rcu_waiters, __ATOMIC_RELAXED))
			__lkm_rcu_read_unlock_wake(ti);
	}
	preempt_enable();
}

static inline void rcu_read_lock(void) { __rcu_read_lock(); }
static inline void rcu_read_unlock(void) { __rcu_read_unlock(); }
/* Softirqs and preemption are RCU readers too (RCU flavours were consolidated in Linux 5.0). */
static inline void rcu_read_lock_bh(void) { __rcu_read_lock(); }
static inline void rcu_read_unlock_bh(void) { __rcu_read_unlock(); }
static inline void rcu_read_lock_sched(void) { __rcu_read_lock(); }
static inline void rcu_read_unlock_sched(void) { __rcu_read_unlock(); }
static inline void rcu_read_lock_sched_notrace(void) { __rcu_read_lock(); }
static inline void rcu_read_unlock_sched_notrace(void) { __rcu_read_unlock(); }

static inline int rcu_read_lock_held(void) { return current_thread_info()->rcu_nesting > 0; }
static inline int rcu_read_lock_bh_held(void) { return rcu_read_lock_held(); }
static inline int rcu_read_lock_sched_held(void) { return rcu_read_lock_held() || preempt_count() != 0; }
static inline int rcu_read_lock_any_held(void) { return rcu_read_lock_sched_held(); }
#define rcu_lockdep_assert(c, s)	do { (void)(c); } while (0)
#define RCU_LOCKDEP_WARN(c, s)		do { (void)(c); } while (0)

/* ---- publishing and reading pointers ----------------------------------------------------------- */

#define RCU_INITIALIZER(v)		(typeof(*(v)) __force __rcu *)(v)
#define rcu_access_pointer(p)		READ_ONCE(p)
#define rcu_dereference_raw(p)		READ_ONCE(p)
#define rcu_dereference_check(p, c)	READ_ONCE(p)
#define rcu_dereference_bh_check(p, c)	READ_ONCE(p)
#define rcu_dereference_sched_check(p, c) READ_ONCE(p)
#define rcu_dereference(p)		READ_ONCE(p)
#define rcu_dereference_bh(p)		READ_ONCE(p)
#define rcu_dereference_sched(p)	READ_ONCE(p)
#define rcu_dereference_protected(p, c)	((void)(c), (p))
#define rcu_dereference_raw_check(p)	READ_ONCE(p)
#define rcu_pointer_handoff(p)		(p)
#define unrcu_pointer(p)		(p)

/* A release store: the object is initialised before a reader can find it. */
#define rcu_assign_pointer(p, v)	smp_store_release(&(p), (typeof(p))(v))
#define RCU_INIT_POINTER(p, v)		WRITE_ONCE(p, v)
#define rcu_replace_pointer(rcu_ptr, ptr, c)				\
({									\
	typeof(ptr) __tmp = rcu_dereference_protected((rcu_ptr), (c));	\
	rcu_assign_pointer((rcu_ptr), (ptr));				\
	__tmp;								\
})

/* ---- waiting for readers ------------------------------------------------------------------------ */

void synchronize_rcu(void);
void call_rcu(struct rcu_head *head, rcu_callback_t func);
void rcu_barrier(void);
void kvfree_call_rcu(struct rcu_head *head, void *ptr);

static inline void synchronize_rcu_expedited(void) { synchronize_rcu(); }
static inline void synchronize_net(void) { synchronize_rcu(); }
static inline void synchronize_rcu_tasks(void) { synchronize_rcu(); }
static inline void call_rcu_hurry(struct rcu_head *head, rcu_callback_t func) { call_rcu(head, func); }
#define synchronize_sched()		synchronize_rcu()
#define synchronize_rcu_bh()		synchronize_rcu()
#define call_rcu_sched(h, f)		call_rcu(h, f)
#define rcu_barrier_sched()		rcu_barrier()

/*
 * kfree_rcu(ptr, field) frees @ptr after a grace period (the rcu_head @field inside it carries it);
 * kfree_rcu(ptr) and kfree_rcu_mightsleep(ptr), with no rcu_head, wait for the grace period first.
 */
#define __kvfree_rcu_2(ptr, rhf)	kvfree_call_rcu(&((ptr)->rhf), (void *)(ptr))
#define __kvfree_rcu_1(ptr)		do { synchronize_rcu(); kvfree(ptr); } while (0)
#define __kvfree_rcu_pick(_1, _2, NAME, ...)	NAME
#define kvfree_rcu(...)			__kvfree_rcu_pick(__VA_ARGS__, __kvfree_rcu_2, __kvfree_rcu_1)(__VA_ARGS__)
#define kfree_rcu(...)			kvfree_rcu(__VA_ARGS__)
#define kfree_rcu_mightsleep(ptr)	__kvfree_rcu_1(ptr)
#define kvfree_rcu_mightsleep(ptr)	__kvfree_rcu_1(ptr)
void kvfree(const void *addr);

static inline void rcu_head_init(struct rcu_head *rhp) { rhp->func = (rcu_callback_t)~0UL; }
static inline bool rcu_head_after_call_rcu(struct rcu_head *rhp, rcu_callback_t f)
{
	return READ_ONCE(rhp->func) == f;
}

#endif /* __LINUX_RCUPDATE_H */
