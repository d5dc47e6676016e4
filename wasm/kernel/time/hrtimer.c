// SPDX-License-Identifier: GPL-2.0
/*
 * High-resolution timers (kernel/time/hrtimer.c) on the host's timers: host.hrtimer(timer, at_ns) arms
 * one at an absolute time of the kernel clock (or disarms it: -1), and the host calls lkm_hrtimer_fire()
 * on the host thread when it is due. The function runs with the hardirq (or, HRTIMER_MODE_SOFT, softirq)
 * count raised; HRTIMER_RESTART arms it again at its expiry, which the function moved on with
 * hrtimer_forward().
 */
#include <linux/hrtimer.h>
#include <linux/export.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/bug.h>
#include <asm/processor.h>
#include "host.h"

__host_import(hrtimer) void host_hrtimer(struct hrtimer *timer, long long at_ns);

/* The hrtimer whose function the host thread runs now. */
static struct hrtimer *running;

void hrtimer_init(struct hrtimer *timer, clockid_t clock_id, enum hrtimer_mode mode)
{
	timer->_softexpires = 0;
	timer->function = NULL;
	timer->state = HRTIMER_STATE_INACTIVE;
	timer->is_rel = mode & HRTIMER_MODE_REL;
	timer->is_soft = !!(mode & HRTIMER_MODE_SOFT);
	timer->is_hard = !!(mode & HRTIMER_MODE_HARD);
	timer->clockid = clock_id;
}
EXPORT_SYMBOL_GPL(hrtimer_init);

void hrtimer_setup(struct hrtimer *timer, enum hrtimer_restart (*function)(struct hrtimer *),
		   clockid_t clock_id, enum hrtimer_mode mode)
{
	hrtimer_init(timer, clock_id, mode);
	timer->function = function;
}
EXPORT_SYMBOL_GPL(hrtimer_setup);

static void enqueue(struct hrtimer *timer)
{
	WRITE_ONCE(timer->state, HRTIMER_STATE_ENQUEUED);
	host_hrtimer(timer, timer->_softexpires);
}

void hrtimer_start_range_ns(struct hrtimer *timer, ktime_t tim, u64 range_ns, const enum hrtimer_mode mode)
{
	(void)range_ns;
	if (WARN_ON_ONCE(!timer->function))
		return;
	if (mode & HRTIMER_MODE_REL)
		tim = ktime_add(ktime_get(), tim);
	timer->_softexpires = tim;
	enqueue(timer);
}
EXPORT_SYMBOL_GPL(hrtimer_start_range_ns);

int hrtimer_try_to_cancel(struct hrtimer *timer)
{
	int ret = 0;

	if (READ_ONCE(timer->state) & HRTIMER_STATE_ENQUEUED) {
		WRITE_ONCE(timer->state, HRTIMER_STATE_INACTIVE);
		host_hrtimer(timer, -1);
		ret = 1;
	}
	/* Its function runs now on the host thread: -1, as on Linux (unless we are that function). */
	if (__atomic_load_n(&running, __ATOMIC_ACQUIRE) == timer && current->lkm_blocks)
		return -1;
	return ret;
}
EXPORT_SYMBOL_GPL(hrtimer_try_to_cancel);

int hrtimer_cancel(struct hrtimer *timer)
{
	int ret;

	while ((ret = hrtimer_try_to_cancel(timer)) < 0)
		cpu_relax();
	return ret;
}
EXPORT_SYMBOL_GPL(hrtimer_cancel);

u64 hrtimer_forward(struct hrtimer *timer, ktime_t now, ktime_t interval)
{
	ktime_t delta = ktime_sub(now, timer->_softexpires);
	u64 orun = 1;

	if (delta < 0)
		return 0;
	if (WARN_ON(timer->state & HRTIMER_STATE_ENQUEUED))
		return 0;
	if (interval < 1)
		interval = 1;
	if (delta >= interval) {
		orun = div64_u64(delta, interval);
		timer->_softexpires = ktime_add_ns(timer->_softexpires, orun * interval);
		if (timer->_softexpires > now)
			return orun;
		orun++;
	}
	timer->_softexpires = ktime_add_ns(timer->_softexpires, interval);
	return orun;
}
EXPORT_SYMBOL_GPL(hrtimer_forward);

ktime_t __hrtimer_get_remaining(const struct hrtimer *timer, bool adjust)
{
	(void)adjust;
	return ktime_sub(timer->_softexpires, ktime_get());
}
EXPORT_SYMBOL_GPL(__hrtimer_get_remaining);

bool hrtimer_active(const struct hrtimer *timer)
{
	return (READ_ONCE(timer->state) & HRTIMER_STATE_ENQUEUED) ||
	       __atomic_load_n(&running, __ATOMIC_ACQUIRE) == timer;
}
EXPORT_SYMBOL_GPL(hrtimer_active);

/* The host runs a due hrtimer. */
void __lkm_entry lkm_hrtimer_fire(struct hrtimer *timer)
{
	unsigned int ctx = timer->is_soft ? SOFTIRQ_OFFSET : HARDIRQ_OFFSET;
	enum hrtimer_restart r;

	lkm_tick_entry();
	if (!(READ_ONCE(timer->state) & HRTIMER_STATE_ENQUEUED))
		return;
	WRITE_ONCE(timer->state, HRTIMER_STATE_INACTIVE);
	__atomic_store_n(&running, timer, __ATOMIC_RELEASE);
	__preempt_count += ctx;
	r = timer->function(timer);
	__preempt_count -= ctx;
	__atomic_store_n(&running, NULL, __ATOMIC_RELEASE);
	/* Restarted unless the function (or someone meanwhile) armed or cancelled it already. */
	if (r == HRTIMER_RESTART && !(READ_ONCE(timer->state) & HRTIMER_STATE_ENQUEUED))
		enqueue(timer);
}
