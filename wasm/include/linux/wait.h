/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

/*
 * Wait queues. C code cannot be suspended in the middle of a call (WebAssembly has no way to save its
 * stack here), so sleeping is system-call restart, Linux's own mechanism for -ERESTARTSYS: a wait whose
 * condition is false puts an entry for the current system call on the queue (allocated, as it outlives
 * the call), tells the host, and returns -ERESTARTSYS. The driver returns that; the host parks the call
 * and, once a wake_up*() on the queue woke the entry (or the timeout expired), issues the same system
 * call again from the start, where the condition is tested again (docs/driver-api.md, "Sleeping").
 * A caller that cannot wait (a synchronous API call, a program on the kernel's own thread) gets EINTR,
 * as if a signal had arrived.
 */
#include <linux/types.h>
#include <linux/list.h>
#include <linux/kernel.h>
#include <linux/spinlock.h>
#include <linux/errno.h>
#include <linux/sched.h>

struct wait_queue_entry;
typedef struct wait_queue_entry wait_queue_entry_t;
typedef int (*wait_queue_func_t)(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key);

#define WQ_FLAG_EXCLUSIVE	0x01
#define WQ_FLAG_WOKEN		0x02

struct wait_queue_entry {
	unsigned int		flags;
	void			*private;
	wait_queue_func_t	func;
	struct list_head	entry;
};

struct wait_queue_head {
	spinlock_t lock;
	struct list_head head;
};
typedef struct wait_queue_head wait_queue_head_t;

#define __WAIT_QUEUE_HEAD_INITIALIZER(name) {					\
	.lock = __SPIN_LOCK_UNLOCKED(name.lock),				\
	.head = LIST_HEAD_INIT(name.head) }

#define DECLARE_WAIT_QUEUE_HEAD(name) \
	struct wait_queue_head name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

static inline void init_waitqueue_head(struct wait_queue_head *wq)
{
	spin_lock_init(&wq->lock);
	INIT_LIST_HEAD(&wq->head);
}
#define __init_waitqueue_head(wq, name, key) init_waitqueue_head(wq)

int default_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key);
int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key);
int woken_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key);

static inline void init_waitqueue_entry(struct wait_queue_entry *wq_entry, struct task_struct *p)
{
	wq_entry->flags = 0;
	wq_entry->private = p;
	wq_entry->func = default_wake_function;
}

static inline void init_waitqueue_func_entry(struct wait_queue_entry *wq_entry, wait_queue_func_t func)
{
	wq_entry->flags = 0;
	wq_entry->private = NULL;
	wq_entry->func = func;
}

#define __WAITQUEUE_INITIALIZER(name, tsk) {					\
	.private = tsk, .func = default_wake_function,				\
	.entry = { NULL, NULL } }
#define DECLARE_WAITQUEUE(name, tsk) \
	struct wait_queue_entry name = __WAITQUEUE_INITIALIZER(name, tsk)

#define DEFINE_WAIT_FUNC(name, function)					\
	struct wait_queue_entry name = {					\
		.private = current, .func = function,				\
		.entry = LIST_HEAD_INIT((name).entry) }
#define DEFINE_WAIT(name) DEFINE_WAIT_FUNC(name, autoremove_wake_function)

static inline void init_wait(struct wait_queue_entry *wq_entry)
{
	wq_entry->flags = 0;
	wq_entry->private = current;
	wq_entry->func = autoremove_wake_function;
	INIT_LIST_HEAD(&wq_entry->entry);
}
#define init_wait_entry(e, f) do { init_wait(e); (e)->flags = (f); } while (0)

static inline int waitqueue_active(struct wait_queue_head *wq) { return !list_empty(&wq->head); }
static inline bool wq_has_sleeper(struct wait_queue_head *wq) { return waitqueue_active(wq); }

void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void add_wait_queue_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);
void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
bool prepare_to_wait_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
long prepare_to_wait_event(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state);
void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry);

/* Wakes up to @nr_exclusive exclusive sleepers (0: all) and every non-exclusive one, in queue order. */
void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive, void *key);
void __wake_up_sync(struct wait_queue_head *wq_head, unsigned int mode);

#define wake_up(x)				__wake_up(x, TASK_NORMAL, 1, NULL)
#define wake_up_nr(x, nr)			__wake_up(x, TASK_NORMAL, nr, NULL)
#define wake_up_all(x)				__wake_up(x, TASK_NORMAL, 0, NULL)
#define wake_up_interruptible(x)		__wake_up(x, TASK_INTERRUPTIBLE, 1, NULL)
#define wake_up_interruptible_nr(x, nr)		__wake_up(x, TASK_INTERRUPTIBLE, nr, NULL)
#define wake_up_interruptible_all(x)		__wake_up(x, TASK_INTERRUPTIBLE, 0, NULL)
#define wake_up_interruptible_sync(x)		__wake_up_sync((x), TASK_INTERRUPTIBLE)
#define wake_up_poll(x, m)			__wake_up(x, TASK_NORMAL, 1, (void *)(uintptr_t)(m))
#define wake_up_interruptible_poll(x, m)	__wake_up(x, TASK_INTERRUPTIBLE, 1, (void *)(uintptr_t)(m))
#define wake_up_interruptible_sync_poll(x, m)	__wake_up(x, TASK_INTERRUPTIBLE, 1, (void *)(uintptr_t)(m))

/*
 * The current system call sleeps on @wq_head in @state for at most @timeout jiffies
 * (MAX_SCHEDULE_TIMEOUT: no limit): an entry is queued and the host told. Returns -ERESTARTSYS (the
 * system call is to return it and be restarted when woken), or 0 when this restarted call's timeout
 * has already expired (the wait timed out: nothing is queued).
 */
long __lkm_wait_sleep(struct wait_queue_head *wq_head, int state, int exclusive, long timeout);
/* Jiffies left of a timed wait of the current (possibly restarted) system call whose condition held. */
long __lkm_wait_left(long timeout);
/*
 * An uninterruptible wait whose condition is false: nothing else can run while C code runs, so waiting
 * for another task cannot succeed. Timers due meanwhile run (the clock is advanced, as msleep does);
 * afterwards the condition is tested again. Returns the jiffies left (0: timed out).
 */
long __lkm_wait_uninterruptible(long timeout);

#define __wait_cond_timeout(condition, ret)					\
({										\
	bool __cond = (condition);						\
	if (__cond && !ret)							\
		ret = 1;							\
	__cond || !ret;								\
})

/*
 * Linux's wait loop, for a task that blocks for real (lkm_task_blocks(): a kernel thread, or the host
 * thread outside a restartable call while kernel threads exist): queue a stack entry, test, schedule()
 * until the condition holds (or a signal interrupts an interruptible wait).
 */
#define ___wait_is_interruptible(state)						\
	(__builtin_constant_p(state) ? (state) & (TASK_INTERRUPTIBLE | TASK_WAKEKILL) : 1)

#define ___lkm_wait_event(wq_head, condition, state, exclusive, ret, cmd)	\
({										\
	__label__ __out;							\
	struct wait_queue_entry __wq_entry;					\
	long __ret = ret;							\
										\
	init_wait_entry(&__wq_entry, exclusive ? WQ_FLAG_EXCLUSIVE : 0);	\
	for (;;) {								\
		long __int = prepare_to_wait_event(&(wq_head), &__wq_entry, state); \
										\
		if (condition)							\
			break;							\
		if (___wait_is_interruptible(state) && __int) {			\
			__ret = __int;						\
			goto __out;						\
		}								\
		cmd;								\
	}									\
	finish_wait(&(wq_head), &__wq_entry);					\
__out:	__ret;									\
})

#define __lkm_wait_event(wq_head, condition, state, exclusive)			\
	___lkm_wait_event(wq_head, condition, state, exclusive, 0, schedule())

#define __lkm_wait_event_timeout(wq_head, condition, state, timeout)		\
	___lkm_wait_event(wq_head, __wait_cond_timeout(condition, __ret), state, 0, timeout, \
			  __ret = schedule_timeout(__ret))

#define wait_event_interruptible(wq_head, condition)				\
({										\
	int __lkm_r = 0;							\
	might_sleep();								\
	if (!(condition))							\
		__lkm_r = lkm_task_blocks() ?					\
			(int)__lkm_wait_event(wq_head, condition, TASK_INTERRUPTIBLE, 0) : \
			(int)__lkm_wait_sleep(&(wq_head), TASK_INTERRUPTIBLE, 0, MAX_SCHEDULE_TIMEOUT); \
	__lkm_r;								\
})

#define wait_event_interruptible_exclusive(wq_head, condition)			\
({										\
	int __lkm_r = 0;							\
	might_sleep();								\
	if (!(condition))							\
		__lkm_r = lkm_task_blocks() ?					\
			(int)__lkm_wait_event(wq_head, condition, TASK_INTERRUPTIBLE, 1) : \
			(int)__lkm_wait_sleep(&(wq_head), TASK_INTERRUPTIBLE, 1, MAX_SCHEDULE_TIMEOUT); \
	__lkm_r;								\
})

#define wait_event_killable(wq_head, condition)					\
({										\
	int __lkm_r = 0;							\
	might_sleep();								\
	if (!(condition))							\
		__lkm_r = lkm_task_blocks() ?					\
			(int)__lkm_wait_event(wq_head, condition, TASK_KILLABLE, 0) : \
			(int)__lkm_wait_sleep(&(wq_head), TASK_KILLABLE, 0, MAX_SCHEDULE_TIMEOUT); \
	__lkm_r;								\
})

/* Remaining jiffies (at least 1) when the condition holds, 0 on timeout, -ERESTARTSYS to sleep. */
#define __lkm_wait_event_state_timeout(wq_head, condition, state, timeout)	\
({										\
	long __lkm_r = (timeout);						\
	might_sleep();								\
	if (condition)								\
		__lkm_r = __lkm_wait_left(__lkm_r) ?: 1;			\
	else if (lkm_task_blocks())						\
		__lkm_r = __lkm_wait_event_timeout(wq_head, condition, state, __lkm_r); \
	else									\
		__lkm_r = __lkm_wait_sleep(&(wq_head), state, 0, __lkm_r);	\
	__lkm_r;								\
})

#define wait_event_interruptible_timeout(wq_head, condition, timeout)		\
	__lkm_wait_event_state_timeout(wq_head, condition, TASK_INTERRUPTIBLE, timeout)

#define wait_event_killable_timeout(wq_head, condition, timeout)		\
	__lkm_wait_event_state_timeout(wq_head, condition, TASK_KILLABLE, timeout)

/*
 * Uninterruptible waits cannot return an error, so they cannot be restarted. A blocking task sleeps
 * until woken; a system call lets the clock move on (__lkm_wait_uninterruptible(): timers due meanwhile
 * run) and tests again, and wait_event() with a condition no timer makes true waits until the watchdog
 * reports the soft lockup (a real D-state hang has nobody to wake it either).
 */
#define wait_event(wq_head, condition)						\
do {										\
	might_sleep();								\
	if (condition)								\
		break;								\
	if (lkm_task_blocks()) {						\
		__lkm_wait_event(wq_head, condition, TASK_UNINTERRUPTIBLE, 0);	\
		break;								\
	}									\
	while (!(condition))							\
		__lkm_wait_uninterruptible(1);					\
} while (0)

#define wait_event_timeout(wq_head, condition, timeout)				\
({										\
	long __lkm_r = (timeout);						\
	might_sleep();								\
	if (!__wait_cond_timeout(condition, __lkm_r)) {			\
		if (lkm_task_blocks())						\
			__lkm_r = __lkm_wait_event_timeout(wq_head, condition,	\
							   TASK_UNINTERRUPTIBLE, __lkm_r); \
		else								\
			do						\
				__lkm_r = __lkm_wait_uninterruptible(__lkm_r);	\
			while (!__wait_cond_timeout(condition, __lkm_r));	\
	}									\
	__lkm_r;								\
})

#define wait_event_idle(wq_head, condition) wait_event(wq_head, condition)
#define wait_event_idle_timeout(wq_head, condition, timeout) wait_event_timeout(wq_head, condition, timeout)

#endif
