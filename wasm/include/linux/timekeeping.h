/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TIMEKEEPING_H
#define _LINUX_TIMEKEEPING_H

#include <linux/ktime.h>
#include <linux/time64.h>

/* Monotonic time since boot (the host's clock; there is no suspend, so boottime is the same). */
extern u64 ktime_get_ns(void);
extern ktime_t ktime_get(void);
extern u64 ktime_get_mono_fast_ns(void);
extern u64 ktime_get_raw_fast_ns(void);
extern void ktime_get_ts64(struct timespec64 *ts);

static inline ktime_t ktime_get_boottime(void) { return ktime_get(); }
static inline ktime_t ktime_get_raw(void) { return ktime_get(); }
static inline u64 ktime_get_boottime_ns(void) { return ktime_get_ns(); }
static inline u64 ktime_get_raw_ns(void) { return ktime_get_ns(); }
static inline u64 ktime_get_boot_fast_ns(void) { return ktime_get_ns(); }
static inline time64_t ktime_get_seconds(void) { return ktime_get_ns() / NSEC_PER_SEC; }
static inline time64_t ktime_get_boottime_seconds(void) { return ktime_get_seconds(); }

static inline u64 local_clock(void) { return ktime_get_ns(); }
static inline u64 sched_clock(void) { return ktime_get_ns(); }

#endif
