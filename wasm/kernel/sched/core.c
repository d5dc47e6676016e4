// SPDX-License-Identifier: GPL-2.0
/*
 * The scheduler's checks of the calling context (kernel/sched/core.c): sleeping where the task must
 * not sleep. might_sleep() in a function that can sleep reports "BUG: sleeping function called from
 * invalid context" (CONFIG_DEBUG_ATOMIC_SLEEP, once a second at most), and schedule() with preemption
 * disabled "BUG: scheduling while atomic". Both taint W and go on, as Linux does.
 */
#include <linux/export.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/panic.h>
#include <linux/preempt.h>
#include <linux/printk.h>
#include <linux/sched.h>

#include "host.h"

static bool irqs_disabled(void)
{
	return false; /* nothing here disables interrupts: there are none */
}

void __might_resched(const char *file, int line, unsigned int offsets)
{
	static unsigned long prev_jiffy;
	struct task_struct *tsk = current;

	if (preempt_count() == (int)(offsets & MIGHT_RESCHED_PREEMPT_MASK) && !irqs_disabled())
		return;
	if (prev_jiffy && time_before(jiffies, prev_jiffy + HZ))
		return;
	prev_jiffy = jiffies;

	pr_err("BUG: sleeping function called from invalid context at %s:%d\n", file, line);
	pr_err("in_atomic(): %d, irqs_disabled(): %d, non_block: %d, pid: %d, name: %s\n",
	       in_atomic(), irqs_disabled(), 0, tsk->pid, tsk->comm);
	pr_err("preempt_count: %x, expected: %x\n", preempt_count(), offsets & MIGHT_RESCHED_PREEMPT_MASK);
	/* No RCU read-side section exists in this kernel, so the depth is always 0. */
	pr_err("RCU nest depth: %d, expected: %u\n", 0, offsets >> MIGHT_RESCHED_RCU_SHIFT);
	dump_stack();
	add_taint(TAINT_WARN, LOCKDEP_STILL_OK);
}
EXPORT_SYMBOL(__might_resched);

void __might_sleep(const char *file, int line)
{
	__might_resched(file, line, 0);
}
EXPORT_SYMBOL(__might_sleep);

/*
 * schedule_debug(): __schedule() runs with preemption disabled once, so any further count means the
 * caller held a spinlock or had preemption off. The count printed includes the scheduler's own.
 */
void lkm_schedule_debug(void)
{
	struct task_struct *prev = current;

	preempt_disable();
	if (preempt_count() != PREEMPT_DISABLE_OFFSET) {
		printk(KERN_ERR "BUG: scheduling while atomic: %s/%d/0x%08x\n", prev->comm, prev->pid,
		       preempt_count());
		host_print_modules();
		dump_stack();
		add_taint(TAINT_WARN, LOCKDEP_STILL_OK);
	}
	preempt_enable();
}
