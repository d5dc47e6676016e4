/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_SEMAPHORE_H
#define __LINUX_SEMAPHORE_H

/*
 * Counting semaphores (kernel/locking/semaphore.c). down() takes a unit, sleeping on the semaphore's
 * wait queue while none is left: a kernel thread blocks for real; a process's system call sleeps by
 * restart (<linux/wait.h>), so down_interruptible() there returns -EINTR and the call is issued again
 * once an up() woke it.
 */
#include <linux/wait.h>

struct semaphore {
	unsigned int		count;
	struct wait_queue_head	wait;
};

#define __SEMAPHORE_INITIALIZER(name, n)					\
{										\
	.count	= n,								\
	.wait	= __WAIT_QUEUE_HEAD_INITIALIZER((name).wait),			\
}

/* Linux 6.4+: the count is an argument (DEFINE_SEMAPHORE(name, 1) for a binary one). */
#define DEFINE_SEMAPHORE(_name, _n)	struct semaphore _name = __SEMAPHORE_INITIALIZER(_name, _n)

static inline void sema_init(struct semaphore *sem, int val)
{
	sem->count = val;
	init_waitqueue_head(&sem->wait);
}

extern void down(struct semaphore *sem);
extern int __must_check down_interruptible(struct semaphore *sem);
extern int __must_check down_killable(struct semaphore *sem);
/* 0 when the unit was taken, 1 when none was left (the opposite of mutex_trylock()). */
extern int __must_check down_trylock(struct semaphore *sem);
/* -ETIME when no unit came within @jiffies. */
extern int __must_check down_timeout(struct semaphore *sem, long jiffies);
extern void up(struct semaphore *sem);

#endif /* __LINUX_SEMAPHORE_H */
