/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_INTERRUPT_H
#define _LINUX_INTERRUPT_H

/*
 * Softirqs and tasklets (kernel/softirq.c). There are no interrupts; softirq work runs where Linux runs
 * it on irq exit: on the host thread when the outermost call into the kernel returns, inside a delay
 * (mdelay() lets pending work in, as an interrupt would), or soon after a kernel thread raised it. It
 * runs in softirq context: in_softirq() is true and sleeping there is the bug Linux reports.
 */
#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/preempt.h>
#include <linux/container_of.h>

struct tasklet_struct {
	struct tasklet_struct *next;
	unsigned long state;
	atomic_t count;
	bool use_callback;
	union {
		void (*func)(unsigned long data);
		void (*callback)(struct tasklet_struct *t);
	};
	unsigned long data;
};

enum {
	TASKLET_STATE_SCHED,	/* scheduled, not run yet */
	TASKLET_STATE_RUN,	/* running now */
};

#define DECLARE_TASKLET(name, _callback)					\
	struct tasklet_struct name = { .count = ATOMIC_INIT(0), .callback = _callback, .use_callback = true }
#define DECLARE_TASKLET_DISABLED(name, _callback)				\
	struct tasklet_struct name = { .count = ATOMIC_INIT(1), .callback = _callback, .use_callback = true }
#define DECLARE_TASKLET_OLD(name, _func)					\
	struct tasklet_struct name = { .count = ATOMIC_INIT(0), .func = _func }
#define DECLARE_TASKLET_DISABLED_OLD(name, _func)				\
	struct tasklet_struct name = { .count = ATOMIC_INIT(1), .func = _func }

#define from_tasklet(var, callback_tasklet, tasklet_fieldname)			\
	container_of(callback_tasklet, __typeof__(*var), tasklet_fieldname)

void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long), unsigned long data);
void tasklet_setup(struct tasklet_struct *t, void (*callback)(struct tasklet_struct *));
void __tasklet_schedule(struct tasklet_struct *t);
void __tasklet_hi_schedule(struct tasklet_struct *t);
void tasklet_kill(struct tasklet_struct *t);
void tasklet_unlock_wait(struct tasklet_struct *t);

static inline void tasklet_schedule(struct tasklet_struct *t)
{
	if (!test_and_set_bit(TASKLET_STATE_SCHED, &t->state))
		__tasklet_schedule(t);
}

static inline void tasklet_hi_schedule(struct tasklet_struct *t)
{
	if (!test_and_set_bit(TASKLET_STATE_SCHED, &t->state))
		__tasklet_hi_schedule(t);
}

static inline void tasklet_disable_nosync(struct tasklet_struct *t)
{
	atomic_inc(&t->count);
}

static inline void tasklet_disable(struct tasklet_struct *t)
{
	tasklet_disable_nosync(t);
	tasklet_unlock_wait(t);
}

static inline void tasklet_disable_in_atomic(struct tasklet_struct *t)
{
	tasklet_disable(t);
}

static inline void tasklet_enable(struct tasklet_struct *t)
{
	atomic_dec(&t->count);
}

/* Bottom halves off: softirq work waits until local_bh_enable() (which then runs it). */
void local_bh_disable(void);
void local_bh_enable(void);
#define local_bh_enable_ip(ip) local_bh_enable()

#endif /* _LINUX_INTERRUPT_H */
