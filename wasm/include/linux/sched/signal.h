/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

/*
 * Linux moved the signal side of the scheduler here; modules include it for signal_pending() and
 * friends, which <linux/sched.h> implements (a pending signal is what ends an interruptible sleep).
 */
#include <linux/sched.h>

#endif /* _LINUX_SCHED_SIGNAL_H */
