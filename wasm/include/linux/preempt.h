/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_PREEMPT_H
#define __LINUX_PREEMPT_H

#include <linux/compiler.h>
#include <asm/thread_info.h>

/*
 * The preemption counter of the running thread (kernel/sched/core.c): preempt_disable() and every held spinlock add one, so
 * in_atomic() is true exactly where Linux's is. The softirq and hardirq fields exist with Linux's
 * layout; nothing runs in interrupt context yet, so they stay 0 and in_interrupt() is false.
 */
#define PREEMPT_BITS	8
#define SOFTIRQ_BITS	8
#define HARDIRQ_BITS	4
#define NMI_BITS	4
#define PREEMPT_SHIFT	0
#define SOFTIRQ_SHIFT	(PREEMPT_SHIFT + PREEMPT_BITS)
#define HARDIRQ_SHIFT	(SOFTIRQ_SHIFT + SOFTIRQ_BITS)
#define NMI_SHIFT	(HARDIRQ_SHIFT + HARDIRQ_BITS)
#define __IRQ_MASK(x)	((1UL << (x)) - 1)
#define PREEMPT_MASK	(__IRQ_MASK(PREEMPT_BITS) << PREEMPT_SHIFT)
#define SOFTIRQ_MASK	(__IRQ_MASK(SOFTIRQ_BITS) << SOFTIRQ_SHIFT)
#define HARDIRQ_MASK	(__IRQ_MASK(HARDIRQ_BITS) << HARDIRQ_SHIFT)
#define NMI_MASK	(__IRQ_MASK(NMI_BITS) << NMI_SHIFT)
#define PREEMPT_OFFSET	(1UL << PREEMPT_SHIFT)
#define SOFTIRQ_OFFSET	(1UL << SOFTIRQ_SHIFT)
#define HARDIRQ_OFFSET	(1UL << HARDIRQ_SHIFT)
#define NMI_OFFSET	(1UL << NMI_SHIFT)
#define SOFTIRQ_DISABLE_OFFSET	(2 * SOFTIRQ_OFFSET)
/* What preempt_disable() adds: the scheduler runs with exactly this much (CONFIG_PREEMPT_COUNT). */
#define PREEMPT_DISABLE_OFFSET	PREEMPT_OFFSET

/* Per thread, in its thread_info (asm/thread_info.h): a lock one CPU holds says nothing of another. */
#define __preempt_count (current_thread_info()->preempt_count)

static __always_inline int preempt_count(void)
{
	return READ_ONCE(__preempt_count);
}

#define preempt_count_add(val)	(__preempt_count += (val))
#define preempt_count_sub(val)	(__preempt_count -= (val))
#define preempt_count_inc()	preempt_count_add(1)
#define preempt_count_dec()	preempt_count_sub(1)

#define preempt_disable()		do { preempt_count_inc(); barrier(); } while (0)
#define preempt_enable()		do { barrier(); preempt_count_dec(); } while (0)
#define preempt_enable_no_resched()	preempt_enable()
#define preempt_disable_notrace()	preempt_disable()
#define preempt_enable_notrace()	preempt_enable()
#define preemptible()			(preempt_count() == 0)

#define nmi_count()	(preempt_count() & NMI_MASK)
#define hardirq_count()	(preempt_count() & HARDIRQ_MASK)
#define softirq_count()	(preempt_count() & SOFTIRQ_MASK)
#define irq_count()	(nmi_count() | hardirq_count() | softirq_count())

#define in_nmi()		(nmi_count())
#define in_hardirq()		(hardirq_count())
#define in_irq()		in_hardirq()
#define in_serving_softirq()	(softirq_count() & SOFTIRQ_OFFSET)
#define in_softirq()		(softirq_count())
#define in_interrupt()		(irq_count())
#define in_task()		(!(in_nmi() | in_hardirq() | in_serving_softirq()))
#define in_atomic()		(preempt_count() != 0)

#endif /* __LINUX_PREEMPT_H */
