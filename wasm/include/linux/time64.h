/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TIME64_H
#define _LINUX_TIME64_H

#include <linux/types.h>
#include <linux/math64.h>
#include <linux/jiffies.h>
#include <uapi/linux/time.h>

typedef __u64 timeu64_t;

struct timespec64 {
	time64_t	tv_sec;			/* seconds */
	long		tv_nsec;		/* nanoseconds */
};

struct itimerspec64 {
	struct timespec64 it_interval;
	struct timespec64 it_value;
};

/* MSEC_PER_SEC … NSEC_PER_SEC are jiffies.h's (Linux: vdso/time64.h). */
#define FSEC_PER_SEC	1000000000000000LL

/* Located here for timespec[64]_valid_strict */
#define TIME64_MAX			((s64)~((u64)1 << 63))
#define TIME64_MIN			(-TIME64_MAX - 1)

#define KTIME_MAX			((s64)~((u64)1 << 63))
#define KTIME_MIN			(-KTIME_MAX - 1)
#define KTIME_SEC_MAX			(KTIME_MAX / NSEC_PER_SEC)
#define KTIME_SEC_MIN			(KTIME_MIN / NSEC_PER_SEC)

/*
 * Limits for settimeofday(): to prevent setting time close to the wraparound point of time64_t
 * (30 years before it).
 */
#define TIME_UPTIME_SEC_MAX		(30LL * 365 * 24 * 3600)
#define TIME_SETTOD_SEC_MAX		(KTIME_SEC_MAX - TIME_UPTIME_SEC_MAX)

static inline struct timespec64 ns_to_timespec64(s64 nsec)
{
	struct timespec64 ts = { 0, 0 };
	s32 rem;

	if (!nsec)
		return ts;
	ts.tv_sec = div_s64_rem(nsec, NSEC_PER_SEC, &rem);
	if (rem < 0) {
		ts.tv_sec--;
		rem += NSEC_PER_SEC;
	}
	ts.tv_nsec = rem;
	return ts;
}

static inline s64 timespec64_to_ns(const struct timespec64 *ts)
{
	return ((s64)ts->tv_sec * NSEC_PER_SEC) + ts->tv_nsec;
}

static inline bool timespec64_equal(const struct timespec64 *a, const struct timespec64 *b)
{
	return a->tv_sec == b->tv_sec && a->tv_nsec == b->tv_nsec;
}

static inline int timespec64_compare(const struct timespec64 *lhs, const struct timespec64 *rhs)
{
	if (lhs->tv_sec != rhs->tv_sec)
		return lhs->tv_sec < rhs->tv_sec ? -1 : 1;
	return lhs->tv_nsec < rhs->tv_nsec ? -1 : lhs->tv_nsec > rhs->tv_nsec;
}

/* @sec and @nsec made a timespec64 with 0 <= tv_nsec < NSEC_PER_SEC (kernel/time/time.c). */
extern void set_normalized_timespec64(struct timespec64 *ts, time64_t sec, s64 nsec);

static inline struct timespec64 timespec64_add(struct timespec64 lhs, struct timespec64 rhs)
{
	struct timespec64 ts_delta;

	set_normalized_timespec64(&ts_delta, lhs.tv_sec + rhs.tv_sec, lhs.tv_nsec + rhs.tv_nsec);
	return ts_delta;
}

/* lhs - rhs, normalized. */
static inline struct timespec64 timespec64_sub(struct timespec64 lhs, struct timespec64 rhs)
{
	struct timespec64 ts_delta;

	set_normalized_timespec64(&ts_delta, lhs.tv_sec - rhs.tv_sec, lhs.tv_nsec - rhs.tv_nsec);
	return ts_delta;
}

/* Normalized (0 <= tv_nsec < NSEC_PER_SEC) and not before 1970. */
static inline bool timespec64_valid(const struct timespec64 *ts)
{
	if (ts->tv_sec < 0)
		return false;
	if ((unsigned long)ts->tv_nsec >= NSEC_PER_SEC)
		return false;
	return true;
}

/* Valid, and within what a ktime_t holds. */
static inline bool timespec64_valid_strict(const struct timespec64 *ts)
{
	if (!timespec64_valid(ts))
		return false;
	if ((unsigned long long)ts->tv_sec >= KTIME_SEC_MAX)
		return false;
	return true;
}

/* Valid, and a time settimeofday() may set. */
static inline bool timespec64_valid_settod(const struct timespec64 *ts)
{
	if (!timespec64_valid(ts))
		return false;
	if ((unsigned long long)ts->tv_sec >= TIME_SETTOD_SEC_MAX)
		return false;
	return true;
}

/* Adds @ns nanoseconds, carrying into tv_sec. */
static __always_inline void timespec64_add_ns(struct timespec64 *a, u64 ns)
{
	u64 rem;

	a->tv_sec += div64_u64_rem((u64)a->tv_nsec + ns, NSEC_PER_SEC, &rem);
	a->tv_nsec = rem;
}

/* lhs + rhs (both non-negative), TIME64_MAX when the sum overflows. */
extern struct timespec64 timespec64_add_safe(const struct timespec64 lhs, const struct timespec64 rhs);

/* Wall-clock time: this kernel has no real-time clock, so it is the time since boot (docs/driver-api.md). */
extern void ktime_get_real_ts64(struct timespec64 *ts);
extern void ktime_get_coarse_real_ts64(struct timespec64 *ts);

#endif
