/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TIME_H
#define _LINUX_TIME_H

#include <linux/types.h>
#include <linux/cache.h>
#include <linux/math64.h>
#include <linux/time64.h>

/* The time zone settimeofday() last set (never, here: zero, UTC). */
extern struct timezone sys_tz;

/* Copies of timespec64/itimerspec64 from and to user memory in the system-call layout: -EFAULT. */
int get_timespec64(struct timespec64 *ts, const struct __kernel_timespec __user *uts);
int put_timespec64(const struct timespec64 *ts, struct __kernel_timespec __user *uts);
int get_itimerspec64(struct itimerspec64 *it, const struct __kernel_itimerspec __user *uit);
int put_itimerspec64(const struct itimerspec64 *it, struct __kernel_itimerspec __user *uit);

/* Seconds since 1970-01-01 00:00:00 UTC of a Gregorian date and time (kernel/time/time.c). */
extern time64_t mktime64(const unsigned int year, const unsigned int mon, const unsigned int day,
			 const unsigned int hour, const unsigned int min, const unsigned int sec);

/*
 * Similar to the struct tm in userspace <time.h>, but it needs to be here so that the kernel source
 * is self contained.
 */
struct tm {
	/* the number of seconds after the minute, normally in the range 0 to 59, but can be up to 60
	 * to allow for leap seconds */
	int tm_sec;
	/* the number of minutes after the hour, in the range 0 to 59 */
	int tm_min;
	/* the number of hours past midnight, in the range 0 to 23 */
	int tm_hour;
	/* the day of the month, in the range 1 to 31 */
	int tm_mday;
	/* the number of months since January, in the range 0 to 11 */
	int tm_mon;
	/* the number of years since 1900 */
	long tm_year;
	/* the number of days since Sunday, in the range 0 to 6 */
	int tm_wday;
	/* the number of days since January 1, in the range 0 to 365 */
	int tm_yday;
};

/* Broken-down UTC time of @totalsecs shifted by @offset seconds (kernel/time/timeconv.c). */
void time64_to_tm(time64_t totalsecs, int offset, struct tm *result);

static inline bool itimerspec64_valid(const struct itimerspec64 *its)
{
	if (!timespec64_valid(&(its->it_interval)) || !timespec64_valid(&(its->it_value)))
		return false;
	return true;
}

/*
 * time_after32(a, b): the 32-bit time @a is after @b (and time_before32(b, a)), for 32-bit seconds
 * fields (disk formats, wire protocols) known to be less than 68 years apart.
 */
#define time_after32(a, b)	((s32)((u32)(b) - (u32)(a)) < 0)
#define time_before32(b, a)	time_after32(a, b)

/* time_between32(t, l, h): @l <= @t <= @h in 32-bit wrapping arithmetic. */
#define time_between32(t, l, h) ((u32)(h) - (u32)(l) >= (u32)(t) - (u32)(l))

#endif /* _LINUX_TIME_H */
