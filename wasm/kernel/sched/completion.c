// SPDX-License-Identifier: GPL-2.0
/*
 * Completions (kernel/sched/completion.c): complete() adds one "done" and wakes one waiter,
 * complete_all() makes every wait succeed until reinit_completion(); a wait consumes one "done".
 */
#include <linux/completion.h>
#include <linux/export.h>
#include <linux/sched.h>
#include <linux/spinlock.h>

void complete(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done != UINT_MAX)
		x->done++;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	wake_up(&x->wait);
}
EXPORT_SYMBOL(complete);

void complete_on_current_cpu(struct completion *x)
{
	complete(x);
}
EXPORT_SYMBOL(complete_on_current_cpu);

void complete_all(struct completion *x)
{
	unsigned long flags;

	spin_lock_irqsave(&x->wait.lock, flags);
	x->done = UINT_MAX;
	spin_unlock_irqrestore(&x->wait.lock, flags);
	wake_up_all(&x->wait);
}
EXPORT_SYMBOL(complete_all);

bool try_wait_for_completion(struct completion *x)
{
	unsigned long flags;
	bool ret = false;

	if (!READ_ONCE(x->done))
		return false;
	spin_lock_irqsave(&x->wait.lock, flags);
	if (x->done) {
		if (x->done != UINT_MAX)
			x->done--;
		ret = true;
	}
	spin_unlock_irqrestore(&x->wait.lock, flags);
	return ret;
}
EXPORT_SYMBOL(try_wait_for_completion);

bool completion_done(struct completion *x)
{
	return READ_ONCE(x->done) != 0;
}
EXPORT_SYMBOL(completion_done);

void wait_for_completion(struct completion *x)
{
	wait_event(x->wait, try_wait_for_completion(x));
}
EXPORT_SYMBOL(wait_for_completion);

void wait_for_completion_io(struct completion *x)
{
	wait_for_completion(x);
}
EXPORT_SYMBOL(wait_for_completion_io);

unsigned long wait_for_completion_timeout(struct completion *x, unsigned long timeout)
{
	return wait_event_timeout(x->wait, try_wait_for_completion(x), timeout);
}
EXPORT_SYMBOL(wait_for_completion_timeout);

unsigned long wait_for_completion_io_timeout(struct completion *x, unsigned long timeout)
{
	return wait_for_completion_timeout(x, timeout);
}
EXPORT_SYMBOL(wait_for_completion_io_timeout);

/* 0, or -ERESTARTSYS: the call sleeps and is restarted when complete() wakes it. */
int wait_for_completion_interruptible(struct completion *x)
{
	return wait_event_interruptible(x->wait, try_wait_for_completion(x));
}
EXPORT_SYMBOL(wait_for_completion_interruptible);

int wait_for_completion_killable(struct completion *x)
{
	return wait_event_killable(x->wait, try_wait_for_completion(x));
}
EXPORT_SYMBOL(wait_for_completion_killable);

int wait_for_completion_state(struct completion *x, unsigned int state)
{
	if (state & (TASK_INTERRUPTIBLE | TASK_WAKEKILL))
		return wait_event_interruptible(x->wait, try_wait_for_completion(x));
	wait_for_completion(x);
	return 0;
}
EXPORT_SYMBOL(wait_for_completion_state);

/* Jiffies left (at least 1) when completed, 0 on timeout, -ERESTARTSYS to sleep. */
long wait_for_completion_interruptible_timeout(struct completion *x, unsigned long timeout)
{
	return wait_event_interruptible_timeout(x->wait, try_wait_for_completion(x), (long)timeout);
}
EXPORT_SYMBOL(wait_for_completion_interruptible_timeout);

long wait_for_completion_killable_timeout(struct completion *x, unsigned long timeout)
{
	return wait_event_killable_timeout(x->wait, try_wait_for_completion(x), (long)timeout);
}
EXPORT_SYMBOL(wait_for_completion_killable_timeout);
