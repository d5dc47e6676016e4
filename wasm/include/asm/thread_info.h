/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_THREAD_INFO_H
#define _ASM_THREAD_INFO_H

/*
 * Where `current` comes from, as on Linux's 32-bit architectures of old: every kernel thread's stack is
 * THREAD_SIZE bytes, aligned to THREAD_SIZE, with its struct thread_info at the bottom, so masking the
 * stack pointer finds it (one global.get of __stack_pointer, no call to the host). The host thread's
 * stack (the system calls of processes) sits below LKM_KERNEL_STACK_TOP, right above the NULL page
 * (src/kernel/memory.ts kernelStack()); its thread_info is a variable of vmlinux, whose task the host
 * switches as it runs one process after another.
 */
#define THREAD_SIZE		(64 * 1024)
#define LKM_KERNEL_STACK_TOP	0x50000UL

#ifndef __ASSEMBLY__
#include <linux/compiler_types.h>

struct task_struct;

struct thread_info {
	struct task_struct	*task;
	int			preempt_count;	/* Linux keeps it here on arm64, riscv, … */
	unsigned int		cpu;
	unsigned int		relax;		/* cpu_relax() calls, for its tick (kernel/time/timekeeping.c) */
	/* RCU (kernel/rcu/update.c): read-side depth; the counter is odd inside the outermost section. */
	int			rcu_nesting;
	unsigned int		rcu_ctr;
	struct thread_info	*rcu_next;	/* every thread's, for grace periods */
	/* Context switches and when the last began or ended (ns): the watchdogs read them (src/kernel/watchdog.ts). */
	unsigned int		nvcsw;
	unsigned long long	switch_ns;
};

extern struct thread_info lkm_host_thread_info;

static __always_inline struct thread_info *current_thread_info(void)
{
	/* The last byte in use: at a thread's entry the stack pointer is its stack's end, the next one's start. */
	unsigned long sp = (unsigned long)__builtin_frame_address(0) - 1;

	if (sp < LKM_KERNEL_STACK_TOP)
		return &lkm_host_thread_info;
	return (struct thread_info *)(sp & ~(unsigned long)(THREAD_SIZE - 1));
}
#endif

#endif /* _ASM_THREAD_INFO_H */
