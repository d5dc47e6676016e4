/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
#ifndef _UAPI_LINUX_TIME_TYPES_H
#define _UAPI_LINUX_TIME_TYPES_H

#include <linux/types.h>

/* Times as system calls pass them: 64-bit seconds and nanoseconds whatever the word size. */
struct __kernel_timespec {
	__kernel_time64_t	tv_sec;			/* seconds */
	long long		tv_nsec;		/* nanoseconds */
};

struct __kernel_itimerspec {
	struct __kernel_timespec it_interval;	/* timer period */
	struct __kernel_timespec it_value;	/* timer expiration */
};

/* The old, word-sized forms (y2038-unsafe on 32-bit). */
struct __kernel_old_timeval {
	__kernel_long_t tv_sec;
	__kernel_long_t tv_usec;
};

struct __kernel_old_timespec {
	__kernel_old_time_t	tv_sec;		/* seconds */
	long			tv_nsec;	/* nanoseconds */
};

struct __kernel_old_itimerval {
	struct __kernel_old_timeval it_interval;/* timer interval */
	struct __kernel_old_timeval it_value;	/* current value */
};

struct __kernel_sock_timeval {
	__s64 tv_sec;
	__s64 tv_usec;
};

#endif /* _UAPI_LINUX_TIME_TYPES_H */
