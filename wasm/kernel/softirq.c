// SPDX-License-Identifier: GPL-2.0
/*
 * Softirqs and tasklets (kernel/softirq.c). Two lists, TASKLET_SOFTIRQ's and HI_SOFTIRQ's, taken under a
 * lock (kernel threads schedule tasklets too). host.softirq() tells the host work is pending; it runs
 * lkm_do_softirq() on the host thread at the next irq-exit point (see <linux/interrupt.h>).
 */
#include <linux/interrupt.h>
#include <linux/export.h>
#include <linux/spinlock.h>
#include <linux/sched.h>
#include <linux/bug.h>
#include <linux/printk.h>
#include "host.h"

/* host.softirq(): softirq work is pending. */
__host_import(softirq) void host_softirq(void);

struct tasklet_head {
	struct tasklet_struct *head;
	struct tasklet_struct **tail;
};

static struct tasklet_head tasklet_vec = { NULL, &tasklet_vec.head };
static struct tasklet_head tasklet_hi_vec = { NULL, &tasklet_hi_vec.head };
static DEFINE_RAW_SPINLOCK(tasklet_lock);

static void enqueue(struct tasklet_head *h, struct tasklet_struct *t)
{
	raw_spin_lock(&tasklet_lock);
	t->next = NULL;
	*h->tail = t;
	h->tail = &t->next;
	raw_spin_unlock(&tasklet_lock);
	host_softirq();
}

void __tasklet_schedule(struct tasklet_struct *t)
{
	enqueue(&tasklet_vec, t);
}
EXPORT_SYMBOL(__tasklet_schedule);

void __tasklet_hi_schedule(struct tasklet_struct *t)
{
	enqueue(&tasklet_hi_vec, t);
}
EXPORT_SYMBOL(__tasklet_hi_schedule);

void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long), unsigned long data)
{
	t->next = NULL;
	t->state = 0;
	atomic_set(&t->count, 0);
	t->func = func;
	t->use_callback = false;
	t->data = data;
}
EXPORT_SYMBOL(tasklet_init);

void tasklet_setup(struct tasklet_struct *t, void (*callback)(struct tasklet_struct *))
{
	t->next = NULL;
	t->state = 0;
	atomic_set(&t->count, 0);
	t->callback = callback;
	t->use_callback = true;
	t->data = 0;
}
EXPORT_SYMBOL(tasklet_setup);

/* tasklet_action_common(): runs what was on @h; a disabled or already running tasklet goes back. */
static void tasklet_action(struct tasklet_head *h)
{
	struct tasklet_struct *list;

	raw_spin_lock(&tasklet_lock);
	list = h->head;
	h->head = NULL;
	h->tail = &h->head;
	raw_spin_unlock(&tasklet_lock);

	while (list) {
		struct tasklet_struct *t = list;

		list = list->next;
		if (!test_and_set_bit(TASKLET_STATE_RUN, &t->state)) {
			if (!atomic_read(&t->count)) {
				if (!test_and_clear_bit(TASKLET_STATE_SCHED, &t->state))
					WARN_ON(1);
				if (t->use_callback)
					t->callback(t);
				else
					t->func(t->data);
				clear_bit(TASKLET_STATE_RUN, &t->state);
				continue;
			}
			clear_bit(TASKLET_STATE_RUN, &t->state);
		}
		raw_spin_lock(&tasklet_lock);
		t->next = NULL;
		*h->tail = t;
		h->tail = &t->next;
		raw_spin_unlock(&tasklet_lock);
	}
}

static bool pending(void)
{
	return READ_ONCE(tasklet_vec.head) || READ_ONCE(tasklet_hi_vec.head);
}

/* __do_softirq(): HI first, then TASKLET, until nothing is left (at most 10 rounds, as MAX_SOFTIRQ_RESTART). */
void __lkm_entry lkm_do_softirq(void)
{
	if (in_interrupt())
		return; /* softirq work does not nest; bottom halves may be off */
	__preempt_count += SOFTIRQ_OFFSET;
	for (int round = 0; round < 10 && pending(); round++) {
		tasklet_action(&tasklet_hi_vec);
		tasklet_action(&tasklet_vec);
	}
	__preempt_count -= SOFTIRQ_OFFSET;
	if (pending())
		host_softirq(); /* what is left runs later, as ksoftirqd would run it */
}

void local_bh_disable(void)
{
	__preempt_count += SOFTIRQ_DISABLE_OFFSET;
}
EXPORT_SYMBOL(local_bh_disable);

void local_bh_enable(void)
{
	__preempt_count -= SOFTIRQ_DISABLE_OFFSET;
	if (!in_interrupt() && pending() && current_thread_info() == &lkm_host_thread_info)
		lkm_do_softirq();
}
EXPORT_SYMBOL(local_bh_enable);

void tasklet_unlock_wait(struct tasklet_struct *t)
{
	while (test_bit(TASKLET_STATE_RUN, &t->state))
		cpu_relax();
}
EXPORT_SYMBOL(tasklet_unlock_wait);

/*
 * Waits until @t is neither scheduled nor running. On the host thread the pending softirq work runs
 * here (nothing else would run it while we wait); a kernel thread waits for the host thread to run it.
 */
void tasklet_kill(struct tasklet_struct *t)
{
	if (in_interrupt())
		pr_notice("Attempt to kill tasklet from interrupt\n");
	while (test_bit(TASKLET_STATE_SCHED, &t->state)) {
		if (current_thread_info() == &lkm_host_thread_info)
			lkm_do_softirq();
		else
			cpu_relax();
	}
	tasklet_unlock_wait(t);
	clear_bit(TASKLET_STATE_SCHED, &t->state);
}
EXPORT_SYMBOL(tasklet_kill);
