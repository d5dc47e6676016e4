/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_DELAY_H
#define _LINUX_DELAY_H

/*
 * Delays. Nothing else can run while C code runs (one CPU, no way to suspend a call), so a sleep of
 * kernel code is done by advancing the kernel's clock by its length, running the timers that fall due
 * meanwhile: jiffies and ktime move on as after a real sleep, without the wall-clock wait
 * (docs/driver-api.md, "Sleeping"). msleep_interruptible() is the same (no signal can arrive).
 */
#include <linux/types.h>
#include <linux/jiffies.h>

void msleep(unsigned int msecs);
unsigned long msleep_interruptible(unsigned int msecs);
void usleep_range_state(unsigned long min, unsigned long max, unsigned int state);
static inline void usleep_range(unsigned long min, unsigned long max) { usleep_range_state(min, max, 0x2); }
static inline void usleep_idle_range(unsigned long min, unsigned long max) { usleep_range_state(min, max, 0x402); }
static inline void fsleep(unsigned long usecs) { usleep_range_state(usecs, usecs, 0x2); }
static inline void ssleep(unsigned int seconds) { msleep(seconds * 1000); }
/* Busy-waits are delays too: the clock moves on by their length. */
void __udelay(unsigned long usecs);
void __ndelay(unsigned long nsecs);
#define udelay(n)	__udelay(n)
#define ndelay(n)	__ndelay(n)
#define mdelay(n)	__udelay((unsigned long)(n) * 1000)

#endif
