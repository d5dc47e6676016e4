// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/time/time.c: time conversions: mktime64(), timespec64 normalization and its copies from and to
 * user memory, sys_tz. The jiffies conversions are inline in <linux/jiffies.h>.
 */
#include <linux/types.h>
#include <linux/export.h>
#include <linux/time.h>
#include <linux/uaccess.h>

/* settimeofday(2) does not reach this kernel: the zone stays UTC, no DST. */
struct timezone sys_tz;
EXPORT_SYMBOL(sys_tz);

void set_normalized_timespec64(struct timespec64 *ts, time64_t sec, s64 nsec)
{
	/* A division would be shorter, but the values are nearly always within a second of normal. */
	while (nsec >= NSEC_PER_SEC) {
		nsec -= NSEC_PER_SEC;
		++sec;
	}
	while (nsec < 0) {
		nsec += NSEC_PER_SEC;
		--sec;
	}
	ts->tv_sec = sec;
	ts->tv_nsec = nsec;
}
EXPORT_SYMBOL(set_normalized_timespec64);

/* Not exported (Linux's select/poll timeouts use it). */
struct timespec64 timespec64_add_safe(const struct timespec64 lhs, const struct timespec64 rhs)
{
	struct timespec64 res;

	set_normalized_timespec64(&res, (timeu64_t)lhs.tv_sec + rhs.tv_sec, lhs.tv_nsec + rhs.tv_nsec);
	if (unlikely(res.tv_sec < lhs.tv_sec || res.tv_sec < rhs.tv_sec)) {
		res.tv_sec = TIME64_MAX;
		res.tv_nsec = 0;
	}
	return res;
}

/* The user's tv_nsec is 64 bits; a 32-bit kernel keeps the low word (the padding of 32-bit ABIs). */
int get_timespec64(struct timespec64 *ts, const struct __kernel_timespec __user *uts)
{
	struct __kernel_timespec kts;

	if (copy_from_user(&kts, uts, sizeof(kts)))
		return -EFAULT;
	ts->tv_sec = kts.tv_sec;
	ts->tv_nsec = (long)kts.tv_nsec;
	return 0;
}
EXPORT_SYMBOL_GPL(get_timespec64);

int put_timespec64(const struct timespec64 *ts, struct __kernel_timespec __user *uts)
{
	struct __kernel_timespec kts = { .tv_sec = ts->tv_sec, .tv_nsec = ts->tv_nsec };

	return copy_to_user(uts, &kts, sizeof(kts)) ? -EFAULT : 0;
}
EXPORT_SYMBOL_GPL(put_timespec64);

int get_itimerspec64(struct itimerspec64 *it, const struct __kernel_itimerspec __user *uit)
{
	int ret = get_timespec64(&it->it_interval, &uit->it_interval);

	return ret ?: get_timespec64(&it->it_value, &uit->it_value);
}
EXPORT_SYMBOL_GPL(get_itimerspec64);

int put_itimerspec64(const struct itimerspec64 *it, struct __kernel_itimerspec __user *uit)
{
	int ret = put_timespec64(&it->it_interval, &uit->it_interval);

	return ret ?: put_timespec64(&it->it_value, &uit->it_value);
}
EXPORT_SYMBOL_GPL(put_itimerspec64);

/*
 * mktime64 - Converts date to seconds.
 * Converts Gregorian date to seconds since 1970-01-01 00:00:00. Assumes input in normal date format,
 * i.e. 1980-12-31 23:59:59 => year=1980, mon=12, day=31, hour=23, min=59, sec=59. A day of 0 and a
 * sec of 60 (leap second) are accepted and simply carry into the next unit.
 *
 * The year is counted from March, so that the leap day is the last day of the (previous) year: the
 * days before month m (March = 1 ... February = 12) are then 367 * m / 12 - 30 for every m.
 */
time64_t mktime64(const unsigned int year0, const unsigned int mon0, const unsigned int day,
		  const unsigned int hour, const unsigned int min, const unsigned int sec)
{
	unsigned int mon = mon0, year = year0;
	time64_t days;

	if ((int)(mon -= 2) <= 0) {	/* 1..12 -> 11,12,1..10: February last */
		mon += 12;
		year -= 1;
	}

	/* Days from 0000-03-01 (counting from March) to the date, less the days up to 1970-01-01. */
	days = (time64_t)year * 365 + year / 4 - year / 100 + year / 400 + 367 * mon / 12 + day
	       - 719499;

	return ((days * 24 + hour) * 60 + min) * 60 + sec;
}
EXPORT_SYMBOL(mktime64);
