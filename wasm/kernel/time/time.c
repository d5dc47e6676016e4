// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/time/time.c: time conversions. Here only mktime64(); the jiffies conversions are inline in
 * <linux/jiffies.h>.
 */
#include <linux/types.h>
#include <linux/export.h>
#include <linux/time.h>

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
