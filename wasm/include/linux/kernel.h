/* SPDX-License-Identifier: GPL-2.0 */
/*
 * NOTE:
 *
 * This header has combined a lot of unrelated to each other stuff, as Linux's: prefer the specific
 * headers. Linux's kernel.h does not include bug.h, errno.h, err.h or string.h; this one does, because
 * modules use them after including only module.h or kernel.h (on Linux they arrive through module.h's
 * long chain of includes).
 */
#ifndef _LINUX_KERNEL_H
#define _LINUX_KERNEL_H

#include <linux/stdarg.h>
#include <linux/align.h>
#include <linux/array_size.h>
#include <linux/limits.h>
#include <linux/stddef.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/container_of.h>
#include <linux/bitops.h>
#include <linux/hex.h>
#include <linux/kstrtox.h>
#include <linux/log2.h>
#include <linux/math.h>
#include <linux/minmax.h>
#include <linux/typecheck.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/build_bug.h>
#include <linux/sprintf.h>
#include <linux/wordpart.h>
#include <linux/args.h>
#include <linux/bug.h>
#include <asm/page.h>
/* Reached through module.h's includes on Linux; modules rely on them. */
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/string.h>

#define STACK_MAGIC	0xdeadbeef

/* Is @x a power of two? (evaluates x twice) */
#define is_power_of_2_const(x) ((x) != 0 && (((x) & ((x) - 1)) == 0))

#define READ			0
#define WRITE			1

#define FIELD_SIZEOF(t, f)	(sizeof(((t*)0)->f))

#include <linux/instruction_pointer.h>	/* _RET_IP_, _THIS_IP_ */

/*
 * might_sleep(): a function that can sleep says so, and calling it with a spinlock held or preemption
 * disabled is reported (kernel/sched/core.c) as with CONFIG_DEBUG_ATOMIC_SLEEP.
 */
#define MIGHT_RESCHED_RCU_SHIFT		8
#define MIGHT_RESCHED_PREEMPT_MASK	((1U << MIGHT_RESCHED_RCU_SHIFT) - 1)
extern void __might_resched(const char *file, int line, unsigned int offsets);
extern void __might_sleep(const char *file, int line);
#define might_resched()		do { } while (0)
#define might_sleep()		do { __might_sleep(__FILE__, __LINE__); might_resched(); } while (0)
#define might_sleep_if(cond)	do { if (cond) might_sleep(); } while (0)
#define cant_sleep()		do { } while (0)
#define cant_migrate()		do { } while (0)
#define sched_annotate_sleep()	do { } while (0)
#define non_block_start()	do { } while (0)
#define non_block_end()		do { } while (0)
#define might_fault()		do { } while (0)


/* Trace printk: a debug printk. */
#define trace_printk(fmt, ...)	printk(KERN_DEBUG fmt, ##__VA_ARGS__)
#define tracing_on()		do { } while (0)
#define tracing_off()		do { } while (0)


enum system_states {
	SYSTEM_BOOTING,
	SYSTEM_SCHEDULING,
	SYSTEM_FREEING_INITMEM,
	SYSTEM_RUNNING,
	SYSTEM_HALT,
	SYSTEM_POWER_OFF,
	SYSTEM_RESTART,
	SYSTEM_SUSPEND,
};

/* num_online_cpus & co. live in cpumask.h on Linux; one CPU here. */
#ifndef NR_CPUS
#define NR_CPUS 1
#endif

#endif
