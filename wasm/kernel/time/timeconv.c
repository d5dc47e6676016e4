// SPDX-License-Identifier: LGPL-2.0+
/*
 * kernel/time/timeconv.c: time64_to_tm(), seconds since the epoch to a broken-down time (UTC, proleptic
 * Gregorian calendar, negative times before 1970 too).
 */
#include <linux/types.h>
#include <linux/export.h>
#include <linux/math64.h>
#include <linux/time.h>

#define SECS_PER_HOUR	(60 * 60)
#define SECS_PER_DAY	(SECS_PER_HOUR * 24)

/*
 * Year, month (1-12) and day (1-31) of @days since 1970-01-01. The calendar is counted in eras of 400
 * years (146097 days) that start on a March 1st, so that every leap day is the last day of its year.
 */
static void civil_from_days(s64 days, s64 *year, unsigned int *month, unsigned int *mday)
{
	s64 z = days + 719468;		/* days since 0000-03-01 */
	s64 era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned int doe = (unsigned int)(z - era * 146097);			/* [0, 146096] */
	unsigned int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365; /* [0, 399] */
	unsigned int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);		/* [0, 365], from March */
	unsigned int mp = (5 * doy + 2) / 153;					/* [0, 11], March = 0 */

	*mday = doy - (153 * mp + 2) / 5 + 1;
	*month = mp < 10 ? mp + 3 : mp - 9;
	*year = (s64)yoe + era * 400 + (*month <= 2);
}

static bool leap(s64 year)
{
	return (!(year % 4) && (year % 100)) || !(year % 400);
}

/* Days before the first of each month, in a common and a leap year. */
static const unsigned short days_before_month[2][13] = {
	{ 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365 },
	{ 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366 },
};

/**
 * time64_to_tm - converts the calendar time to local broken-down time
 * @totalsecs:	the number of seconds elapsed since 00:00:00 on January 1, 1970, Coordinated
 *		Universal Time (UTC).
 * @offset:	offset seconds adding to totalsecs.
 * @result:	pointer to struct tm variable to receive broken-down time
 */
void time64_to_tm(time64_t totalsecs, int offset, struct tm *result)
{
	s64 days, year;
	int rem;
	unsigned int month, mday;

	days = div_s64_rem(totalsecs, SECS_PER_DAY, &rem);
	rem += offset;
	while (rem < 0) {
		rem += SECS_PER_DAY;
		--days;
	}
	while (rem >= SECS_PER_DAY) {
		rem -= SECS_PER_DAY;
		++days;
	}

	result->tm_hour = rem / SECS_PER_HOUR;
	rem %= SECS_PER_HOUR;
	result->tm_min = rem / 60;
	result->tm_sec = rem % 60;

	/* January 1, 1970 was a Thursday. */
	result->tm_wday = (int)((4 + days % 7 + 7) % 7);

	civil_from_days(days, &year, &month, &mday);
	result->tm_year = (long)(year - 1900);
	result->tm_mon = month - 1;
	result->tm_mday = mday;
	result->tm_yday = days_before_month[leap(year)][month - 1] + mday - 1;
}
EXPORT_SYMBOL(time64_to_tm);
