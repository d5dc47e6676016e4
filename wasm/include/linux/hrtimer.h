/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_HRTIMER_H
#define _LINUX_HRTIMER_H

/*
 * High-resolution timers (kernel/time/hrtimer.c): armed on the kernel clock in nanoseconds (the host's
 * timers wake at the nearest millisecond at best), their function runs on the host thread in hard
 * interrupt context (HRTIMER_MODE_SOFT: softirq context), and HRTIMER_RESTART re-arms them at their
 * (forwarded) expiry. CLOCK_MONOTONIC, CLOCK_BOOTTIME, CLOCK_REALTIME and CLOCK_TAI are the one kernel clock.
 */
#include <linux/ktime.h>
#include <linux/preempt.h>
#include <linux/timekeeping.h>
#include <linux/types.h>
#include <uapi/linux/time.h>

enum hrtimer_mode {
	HRTIMER_MODE_ABS	= 0x00,
	HRTIMER_MODE_REL	= 0x01,
	HRTIMER_MODE_PINNED	= 0x02,
	HRTIMER_MODE_SOFT	= 0x04,
	HRTIMER_MODE_HARD	= 0x08,
	HRTIMER_MODE_ABS_PINNED = HRTIMER_MODE_ABS | HRTIMER_MODE_PINNED,
	HRTIMER_MODE_REL_PINNED = HRTIMER_MODE_REL | HRTIMER_MODE_PINNED,
	HRTIMER_MODE_ABS_SOFT	= HRTIMER_MODE_ABS | HRTIMER_MODE_SOFT,
	HRTIMER_MODE_REL_SOFT	= HRTIMER_MODE_REL | HRTIMER_MODE_SOFT,
	HRTIMER_MODE_ABS_PINNED_SOFT = HRTIMER_MODE_ABS_PINNED | HRTIMER_MODE_SOFT,
	HRTIMER_MODE_REL_PINNED_SOFT = HRTIMER_MODE_REL_PINNED | HRTIMER_MODE_SOFT,
	HRTIMER_MODE_ABS_HARD	= HRTIMER_MODE_ABS | HRTIMER_MODE_HARD,
	HRTIMER_MODE_REL_HARD	= HRTIMER_MODE_REL | HRTIMER_MODE_HARD,
	HRTIMER_MODE_ABS_PINNED_HARD = HRTIMER_MODE_ABS_PINNED | HRTIMER_MODE_HARD,
	HRTIMER_MODE_REL_PINNED_HARD = HRTIMER_MODE_REL_PINNED | HRTIMER_MODE_HARD,
};

enum hrtimer_restart {
	HRTIMER_NORESTART,
	HRTIMER_RESTART,
};

#define HRTIMER_STATE_INACTIVE	0x00
#define HRTIMER_STATE_ENQUEUED	0x01

struct hrtimer {
	ktime_t _softexpires;
	enum hrtimer_restart (*function)(struct hrtimer *);
	u8 state;
	u8 is_rel;
	u8 is_soft;
	u8 is_hard;
	clockid_t clockid;
};

void hrtimer_init(struct hrtimer *timer, clockid_t which_clock, enum hrtimer_mode mode);
void hrtimer_setup(struct hrtimer *timer, enum hrtimer_restart (*function)(struct hrtimer *),
		   clockid_t clock_id, enum hrtimer_mode mode);
void hrtimer_start_range_ns(struct hrtimer *timer, ktime_t tim, u64 range_ns, const enum hrtimer_mode mode);
int hrtimer_try_to_cancel(struct hrtimer *timer);
int hrtimer_cancel(struct hrtimer *timer);
u64 hrtimer_forward(struct hrtimer *timer, ktime_t now, ktime_t interval);
ktime_t __hrtimer_get_remaining(const struct hrtimer *timer, bool adjust);
bool hrtimer_active(const struct hrtimer *timer);

static inline void hrtimer_start(struct hrtimer *timer, ktime_t tim, const enum hrtimer_mode mode)
{
	hrtimer_start_range_ns(timer, tim, 0, mode);
}

static inline ktime_t hrtimer_cb_get_time(const struct hrtimer *timer) { (void)timer; return ktime_get(); }
static inline u64 hrtimer_forward_now(struct hrtimer *timer, ktime_t interval)
{
	return hrtimer_forward(timer, ktime_get(), interval);
}
static inline ktime_t hrtimer_get_expires(const struct hrtimer *timer) { return timer->_softexpires; }
static inline s64 hrtimer_get_expires_ns(const struct hrtimer *timer) { return timer->_softexpires; }
static inline ktime_t hrtimer_get_softexpires(const struct hrtimer *timer) { return timer->_softexpires; }
static inline void hrtimer_set_expires(struct hrtimer *timer, ktime_t time) { timer->_softexpires = time; }
static inline void hrtimer_add_expires_ns(struct hrtimer *timer, u64 ns) { timer->_softexpires += ns; }
static inline ktime_t hrtimer_get_remaining(const struct hrtimer *timer) { return __hrtimer_get_remaining(timer, false); }
static inline bool hrtimer_is_queued(struct hrtimer *timer) { return READ_ONCE(timer->state) & HRTIMER_STATE_ENQUEUED; }
static inline void hrtimer_restart(struct hrtimer *timer) { hrtimer_start(timer, timer->_softexpires, HRTIMER_MODE_ABS); }

#endif /* _LINUX_HRTIMER_H */
