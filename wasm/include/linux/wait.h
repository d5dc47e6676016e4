/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_WAIT_H
#define _LINUX_WAIT_H

/*
 * Wait queues. Kernel code runs on one CPU with no scheduler yet, so nothing can wake a sleeper while
 * it sleeps: an interruptible wait whose condition is false returns -ERESTARTSYS at once (the caller
 * sees EINTR, as if a signal arrived), an uninterruptible one spins until the watchdog reports it. The
 * queue head's layout is kept so that real sleeping can come without an ABI change.
 */
#include <linux/types.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/errno.h>

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

static inline int waitqueue_active(struct wait_queue_head *wq) { return !list_empty(&wq->head); }

/* Nobody sleeps, so waking has no one to wake. */
#define wake_up(x)				do { (void)(x); } while (0)
#define wake_up_nr(x, nr)			do { (void)(x); } while (0)
#define wake_up_all(x)				do { (void)(x); } while (0)
#define wake_up_interruptible(x)		do { (void)(x); } while (0)
#define wake_up_interruptible_nr(x, nr)		do { (void)(x); } while (0)
#define wake_up_interruptible_all(x)		do { (void)(x); } while (0)
#define wake_up_interruptible_sync(x)		do { (void)(x); } while (0)
#define wake_up_interruptible_poll(x, m)	do { (void)(x); } while (0)

#define wait_event(wq_head, condition)						\
do {										\
	(void)(wq_head);							\
	while (!(condition))							\
		cpu_relax();							\
} while (0)

#define wait_event_interruptible(wq_head, condition)				\
({										\
	(void)(wq_head);							\
	(condition) ? 0 : -ERESTARTSYS;						\
})

#define wait_event_killable(wq_head, condition) wait_event_interruptible(wq_head, condition)

#define wait_event_timeout(wq_head, condition, timeout)				\
({										\
	(void)(wq_head);							\
	(condition) ? ((timeout) ? (long)(timeout) : 1L) : 0L;			\
})

#define wait_event_interruptible_timeout(wq_head, condition, timeout)		\
({										\
	(void)(wq_head);							\
	(condition) ? ((timeout) ? (long)(timeout) : 1L) : (long)-ERESTARTSYS;	\
})

#endif
