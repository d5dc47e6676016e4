/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TIME64_H
#define _LINUX_TIME64_H

#include <linux/types.h>
#include <linux/math64.h>
#include <linux/jiffies.h>

struct timespec64 {
	time64_t	tv_sec;
	long		tv_nsec;
};

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

/* lhs - rhs, normalized. */
static inline struct timespec64 timespec64_sub(struct timespec64 lhs, struct timespec64 rhs)
{
	return ns_to_timespec64(timespec64_to_ns(&lhs) - timespec64_to_ns(&rhs));
}

/* Wall-clock time: this kernel has no real-time clock, so it is the time since boot (docs/driver-api.md). */
extern void ktime_get_real_ts64(struct timespec64 *ts);
extern void ktime_get_coarse_real_ts64(struct timespec64 *ts);

#endif
