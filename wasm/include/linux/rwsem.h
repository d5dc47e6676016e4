/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_RWSEM_H
#define _LINUX_RWSEM_H

/*
 * Reader-writer semaphores (kernel/locking/rwsem.c): many readers or one writer; sleepers wait on the
 * semaphore's queue as every wait does (a kernel thread blocks, a system call is restarted). A writer
 * that waits keeps new readers out, so a stream of readers cannot starve it.
 */
#include <linux/wait.h>
#include <linux/atomic.h>

struct rw_semaphore {
	int			count;		/* readers holding it, or -1 while a writer does */
	int			writers_waiting;
	struct wait_queue_head	wait;
};

#define __RWSEM_INITIALIZER(name)						\
	{ .count = 0, .writers_waiting = 0, .wait = __WAIT_QUEUE_HEAD_INITIALIZER((name).wait) }

#define DECLARE_RWSEM(name)	struct rw_semaphore name = __RWSEM_INITIALIZER(name)

static inline void init_rwsem(struct rw_semaphore *sem)
{
	sem->count = 0;
	sem->writers_waiting = 0;
	init_waitqueue_head(&sem->wait);
}
#define __init_rwsem(sem, name, key)	init_rwsem(sem)

static inline int rwsem_is_locked(struct rw_semaphore *sem)
{
	return __atomic_load_n(&sem->count, __ATOMIC_RELAXED) != 0;
}
static inline int rwsem_is_contended(struct rw_semaphore *sem)
{
	return waitqueue_active(&sem->wait);
}

extern void down_read(struct rw_semaphore *sem);
extern int __must_check down_read_interruptible(struct rw_semaphore *sem);
extern int __must_check down_read_killable(struct rw_semaphore *sem);
/* 1 when taken, 0 when not (as mutex_trylock()). */
extern int down_read_trylock(struct rw_semaphore *sem);
extern void down_write(struct rw_semaphore *sem);
extern int __must_check down_write_killable(struct rw_semaphore *sem);
extern int down_write_trylock(struct rw_semaphore *sem);
extern void up_read(struct rw_semaphore *sem);
extern void up_write(struct rw_semaphore *sem);
/* The writer becomes a reader, letting other readers in, without a moment unlocked. */
extern void downgrade_write(struct rw_semaphore *sem);

#define down_read_nested(sem, subclass)		down_read(sem)
#define down_read_killable_nested(sem, sub)	down_read_killable(sem)
#define down_write_nested(sem, subclass)	down_write(sem)
#define down_write_killable_nested(sem, sub)	down_write_killable(sem)
#define down_read_non_owner(sem)		down_read(sem)
#define up_read_non_owner(sem)			up_read(sem)
#define lockdep_assert_held_read(sem)		do { (void)(sem); } while (0)
#define lockdep_assert_held_write(sem)		do { (void)(sem); } while (0)

#endif /* _LINUX_RWSEM_H */
