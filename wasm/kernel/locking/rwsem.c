// SPDX-License-Identifier: GPL-2.0
/*
 * Reader-writer semaphores (include/linux/rwsem.h). The count word says who holds it (readers > 0,
 * a writer -1); readers and writers that cannot take it sleep on the one queue, and every release that
 * can let someone in wakes them all to race again, as a semaphore's up() does.
 */
#include <linux/rwsem.h>
#include <linux/export.h>
#include <linux/errno.h>

static bool read_take(struct rw_semaphore *sem)
{
	int c = __atomic_load_n(&sem->count, __ATOMIC_RELAXED);

	while (c >= 0 && !__atomic_load_n(&sem->writers_waiting, __ATOMIC_ACQUIRE))
		if (__atomic_compare_exchange_n(&sem->count, &c, c + 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			return true;
	return false;
}

static bool write_take(struct rw_semaphore *sem)
{
	int c = 0;

	return __atomic_compare_exchange_n(&sem->count, &c, -1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

void down_read(struct rw_semaphore *sem)
{
	wait_event(sem->wait, read_take(sem));
}
EXPORT_SYMBOL(down_read);

int down_read_interruptible(struct rw_semaphore *sem)
{
	return wait_event_interruptible(sem->wait, read_take(sem)) ? -EINTR : 0;
}
EXPORT_SYMBOL(down_read_interruptible);

int down_read_killable(struct rw_semaphore *sem)
{
	return wait_event_killable(sem->wait, read_take(sem)) ? -EINTR : 0;
}
EXPORT_SYMBOL(down_read_killable);

int down_read_trylock(struct rw_semaphore *sem)
{
	return read_take(sem);
}
EXPORT_SYMBOL(down_read_trylock);

/* A writer waits with the semaphore marked, so that new readers wait behind it. */
static int write_wait(struct rw_semaphore *sem, bool killable)
{
	int r = 0;

	if (write_take(sem))
		return 0;
	__atomic_fetch_add(&sem->writers_waiting, 1, __ATOMIC_SEQ_CST);
	if (killable)
		r = wait_event_killable(sem->wait, write_take(sem)) ? -EINTR : 0;
	else
		wait_event(sem->wait, write_take(sem));
	/* The last waiting writer gone (with or without the lock), readers held back may go on. */
	if (__atomic_sub_fetch(&sem->writers_waiting, 1, __ATOMIC_SEQ_CST) == 0 && r)
		wake_up_all(&sem->wait);
	return r;
}

void down_write(struct rw_semaphore *sem)
{
	write_wait(sem, false);
}
EXPORT_SYMBOL(down_write);

int down_write_killable(struct rw_semaphore *sem)
{
	return write_wait(sem, true);
}
EXPORT_SYMBOL(down_write_killable);

int down_write_trylock(struct rw_semaphore *sem)
{
	return write_take(sem);
}
EXPORT_SYMBOL(down_write_trylock);

void up_read(struct rw_semaphore *sem)
{
	if (__atomic_sub_fetch(&sem->count, 1, __ATOMIC_RELEASE) == 0)
		wake_up_all(&sem->wait);
}
EXPORT_SYMBOL(up_read);

void up_write(struct rw_semaphore *sem)
{
	__atomic_store_n(&sem->count, 0, __ATOMIC_RELEASE);
	wake_up_all(&sem->wait);
}
EXPORT_SYMBOL(up_write);

void downgrade_write(struct rw_semaphore *sem)
{
	__atomic_store_n(&sem->count, 1, __ATOMIC_RELEASE);
	wake_up_all(&sem->wait);
}
EXPORT_SYMBOL(downgrade_write);
