// SPDX-License-Identifier: GPL-2.0
/*
 * Counting semaphores (include/linux/semaphore.h): the count changes with atomics and every sleep is
 * a wait_event*() on the semaphore's queue, so a sleeper blocks (kernel thread) or is restarted
 * (system call) as every other wait does; up() wakes the sleepers, which race for the unit.
 */
#include <linux/semaphore.h>
#include <linux/export.h>
#include <linux/errno.h>

/* Takes a unit if one is left. */
static bool sem_take(struct semaphore *sem)
{
	unsigned int c = __atomic_load_n(&sem->count, __ATOMIC_RELAXED);

	while (c > 0)
		if (__atomic_compare_exchange_n(&sem->count, &c, c - 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
			return true;
	return false;
}

void down(struct semaphore *sem)
{
	wait_event(sem->wait, sem_take(sem));
}
EXPORT_SYMBOL(down);

int down_interruptible(struct semaphore *sem)
{
	return wait_event_interruptible(sem->wait, sem_take(sem)) ? -EINTR : 0;
}
EXPORT_SYMBOL(down_interruptible);

int down_killable(struct semaphore *sem)
{
	return wait_event_killable(sem->wait, sem_take(sem)) ? -EINTR : 0;
}
EXPORT_SYMBOL(down_killable);

int down_trylock(struct semaphore *sem)
{
	return !sem_take(sem);
}
EXPORT_SYMBOL(down_trylock);

int down_timeout(struct semaphore *sem, long timeout)
{
	return wait_event_timeout(sem->wait, sem_take(sem), timeout) ? 0 : -ETIME;
}
EXPORT_SYMBOL(down_timeout);

void up(struct semaphore *sem)
{
	__atomic_fetch_add(&sem->count, 1, __ATOMIC_RELEASE);
	wake_up_all(&sem->wait);
}
EXPORT_SYMBOL(up);
