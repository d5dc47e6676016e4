/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_PROCESSOR_H
#define _ASM_PROCESSOR_H

/*
 * cpu_relax(): a busy-wait loop's pause. On hardware a pause instruction; here also the point where
 * jiffies catch up with the clock, as the timer interrupt would have moved them (kernel/time/timekeeping.c).
 */
extern void __lkm_cpu_relax(void);
#define cpu_relax()	__lkm_cpu_relax()

#endif /* _ASM_PROCESSOR_H */
