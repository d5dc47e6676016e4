/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The CPU a task runs on and calls on other CPUs (Linux's <linux/smp.h>). One CPU here (cpumask.h):
 * every task runs on CPU 0, and a cross-CPU call is a call on this CPU with preemption disabled, as
 * Linux makes it for the calling CPU.
 */
#ifndef __LINUX_SMP_H
#define __LINUX_SMP_H

#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/preempt.h>
#include <asm/thread_info.h>

typedef void (*smp_call_func_t)(void *info);

#define raw_smp_processor_id()	(current_thread_info()->cpu)
#define smp_processor_id()	raw_smp_processor_id()

#define get_cpu()		({ preempt_disable(); smp_processor_id(); })
#define put_cpu()		preempt_enable()

static inline void on_each_cpu(smp_call_func_t func, void *info, int wait)
{
	(void)wait;
	preempt_disable();
	func(info);
	preempt_enable();
}

static inline int smp_call_function_single(int cpu, smp_call_func_t func, void *info, int wait)
{
	if (!cpu_online(cpu))
		return -ENXIO;
	on_each_cpu(func, info, wait);
	return 0;
}

/* Every other online CPU: there is none. */
static inline void smp_call_function(smp_call_func_t func, void *info, int wait)
{
	(void)func; (void)info; (void)wait;
}

#endif
