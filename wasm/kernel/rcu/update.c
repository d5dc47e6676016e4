// SPDX-License-Identifier: GPL-2.0
/*
 * Grace periods (kernel/rcu/). Every thread — the host thread and each kernel thread, registered while
 * it exists — has a counter in its thread_info that its outermost rcu_read_lock() and rcu_read_unlock()
 * each advance (<linux/rcupdate.h>): odd means inside a read-side section. A grace period takes a
 * snapshot of the threads whose counter is odd and is over once each of them has moved its counter on
 * (that section has ended) or has gone. synchronize_rcu() waits for that, blocking a kernel thread (the
 * last unlock wakes it); callbacks of call_rcu() and kfree_rcu() run in the timer softirq once the
 * grace period that began after they were queued has ended, in the order they were queued.
 */
#include <linux/rcupdate.h>
#include <linux/export.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/sched.h>
#include <linux/delay.h>
#include <linux/timer.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include "host.h"

int lkm_rcu_waiters;
EXPORT_SYMBOL(lkm_rcu_waiters);

/* Bumped and notified by a reader's last unlock while a grace period waits, and when a thread goes. */
static int gp_wake;

static DEFINE_RAW_SPINLOCK(threads_lock);
static struct thread_info *threads = &lkm_host_thread_info;
static unsigned int nr_threads = 1;

void __lkm_rcu_read_unlock_wake(struct thread_info *ti)
{
	(void)ti;
	__atomic_fetch_add(&gp_wake, 1, __ATOMIC_SEQ_CST);
	lkm_notify_word(&gp_wake);
}
EXPORT_SYMBOL(__lkm_rcu_read_unlock_wake);

/* A kernel thread's thread_info joins (kthread_create()) and leaves (its reaping, or a failed start). */
void lkm_rcu_thread_add(struct thread_info *ti)
{
	raw_spin_lock(&threads_lock);
	ti->rcu_next = threads;
	threads = ti;
	nr_threads++;
	raw_spin_unlock(&threads_lock);
}

void lkm_rcu_thread_del(struct thread_info *ti)
{
	struct thread_info **p;

	raw_spin_lock(&threads_lock);
	for (p = &threads; *p; p = &(*p)->rcu_next) {
		if (*p == ti) {
			*p = ti->rcu_next;
			nr_threads--;
			break;
		}
	}
	raw_spin_unlock(&threads_lock);
	/* A thread that died inside a section no longer holds a grace period up. */
	__lkm_rcu_read_unlock_wake(ti);
}

/* A system call begins on the host thread: none of its sections is open (one that Oopsed died with it). */
void lkm_rcu_host_reset(void)
{
	struct thread_info *ti = &lkm_host_thread_info;

	if (!ti->rcu_nesting && !(ti->rcu_ctr & 1))
		return;
	ti->rcu_nesting = 0;
	if (__atomic_load_n(&ti->rcu_ctr, __ATOMIC_RELAXED) & 1)
		__atomic_fetch_add(&ti->rcu_ctr, 1, __ATOMIC_SEQ_CST);
	__lkm_rcu_read_unlock_wake(ti);
}

/* ---- grace periods ------------------------------------------------------------------------------- */

struct gp_reader {
	struct thread_info *ti;
	unsigned int ctr;
};

struct gp {
	unsigned int n;
	struct gp_reader r[];
};

/* The threads inside a section now (the caller's own excepted: it is not inside one, or it is a bug). */
static struct gp *gp_start(gfp_t gfp)
{
	struct thread_info *self = current_thread_info(), *ti;
	struct gp *gp;
	unsigned int cap;

	for (;;) {
		cap = READ_ONCE(nr_threads);
		gp = kmalloc(struct_size(gp, r, cap), gfp);
		if (!gp)
			return NULL;
		gp->n = 0;
		raw_spin_lock(&threads_lock);
		if (nr_threads <= cap)
			break;
		raw_spin_unlock(&threads_lock);	/* threads came meanwhile */
		kfree(gp);
	}
	for (ti = threads; ti; ti = ti->rcu_next) {
		unsigned int c = __atomic_load_n(&ti->rcu_ctr, __ATOMIC_SEQ_CST);

		if (ti != self && (c & 1))
			gp->r[gp->n++] = (struct gp_reader){ ti, c };
	}
	raw_spin_unlock(&threads_lock);
	return gp;
}

static bool registered(struct thread_info *t)
{
	struct thread_info *ti;

	for (ti = threads; ti; ti = ti->rcu_next)
		if (ti == t)
			return true;
	return false;
}

/* Drops the readers that have left their section (or gone); true once none is left. */
static bool gp_done(struct gp *gp)
{
	unsigned int i = 0;

	raw_spin_lock(&threads_lock);
	while (i < gp->n) {
		struct gp_reader *r = &gp->r[i];

		if (registered(r->ti) && __atomic_load_n(&r->ti->rcu_ctr, __ATOMIC_SEQ_CST) == r->ctr)
			i++;
		else
			*r = gp->r[--gp->n];
	}
	raw_spin_unlock(&threads_lock);
	return gp->n == 0;
}

void synchronize_rcu(void)
{
	struct gp *gp;

	might_sleep();
	while (!(gp = gp_start(GFP_KERNEL)))
		msleep(1);
	__atomic_fetch_add(&lkm_rcu_waiters, 1, __ATOMIC_SEQ_CST);
	for (;;) {
		unsigned int seen = __atomic_load_n(&gp_wake, __ATOMIC_SEQ_CST);

		if (gp_done(gp))
			break;
		/* A process's system call cannot block: it spins, serving the kernel threads meanwhile. */
		if (lkm_task_blocks())
			host_block(&gp_wake, seen, NSEC_PER_MSEC);
		else
			cpu_relax();
	}
	__atomic_fetch_sub(&lkm_rcu_waiters, 1, __ATOMIC_SEQ_CST);
	kfree(gp);
}
EXPORT_SYMBOL_GPL(synchronize_rcu);

/* ---- callbacks ----------------------------------------------------------------------------------- */

struct cblist {
	struct rcu_head *head;
	struct rcu_head **tail;
};

static DEFINE_RAW_SPINLOCK(cb_lock);
/* Queued, for the next grace period; waiting, for the one in progress (cb_gp). */
static struct cblist cb_next = { NULL, &cb_next.head };
static struct cblist cb_wait = { NULL, &cb_wait.head };
static struct gp *cb_gp;
static unsigned long cb_queued, cb_invoked;
static struct timer_list cb_timer;
static bool cb_timer_ready;

/*
 * kfree_rcu(ptr, field): the object is freed after a grace period. An rcu_head at the object's start
 * is the object; one elsewhere is queued in a small record that points to it.
 */
struct kvfree_rec {
	void *ptr;
	struct rcu_head head;
};

static void kvfree_self(struct rcu_head *head)
{
	kvfree(head);
}

static void kvfree_rec(struct rcu_head *head)
{
	struct kvfree_rec *rec = container_of(head, struct kvfree_rec, head);

	kvfree(rec->ptr);
	kfree(rec);
}

static void cblist_append(struct cblist *to, struct cblist *from)
{
	if (!from->head)
		return;
	*to->tail = from->head;
	to->tail = from->tail;
	from->head = NULL;
	from->tail = &from->head;
}

static void invoke(struct rcu_head *list)
{
	while (list) {
		struct rcu_head *next = list->next;

		list->func(list);
		__atomic_fetch_add(&cb_invoked, 1, __ATOMIC_SEQ_CST);
		list = next;
	}
}

/* The timer softirq's step: end the grace period in progress if it can, and start the next one. */
static void cb_advance(struct timer_list *t)
{
	struct cblist ready = { NULL, &ready.head };
	bool more;

	(void)t;
	raw_spin_lock(&cb_lock);
	if (cb_gp && gp_done(cb_gp)) {
		kfree(cb_gp);
		cb_gp = NULL;
		cblist_append(&ready, &cb_wait);
	}
	if (!cb_gp && cb_next.head) {
		cb_gp = gp_start(GFP_ATOMIC);
		if (cb_gp)
			cblist_append(&cb_wait, &cb_next);
	}
	more = cb_gp || cb_next.head;
	raw_spin_unlock(&cb_lock);
	invoke(ready.head);
	if (more)
		mod_timer(&cb_timer, jiffies + 1);
}

static void enqueue(struct rcu_head *head, rcu_callback_t func)
{
	head->func = func;
	head->next = NULL;
	raw_spin_lock(&cb_lock);
	if (!cb_timer_ready) {
		timer_setup(&cb_timer, cb_advance, 0);
		cb_timer_ready = true;
	}
	*cb_next.tail = head;
	cb_next.tail = &head->next;
	cb_queued++;
	raw_spin_unlock(&cb_lock);
	if (!timer_pending(&cb_timer))
		mod_timer(&cb_timer, jiffies + 1);
}

void call_rcu(struct rcu_head *head, rcu_callback_t func)
{
	enqueue(head, func);
}
EXPORT_SYMBOL_GPL(call_rcu);

/* mm/slab.c: the object's module no longer owns it (its unload does not count it as leaked). */
void lkm_kmem_disown(const void *p);

void kvfree_call_rcu(struct rcu_head *head, void *ptr)
{
	struct kvfree_rec *rec;

	lkm_kmem_disown(ptr);
	if ((void *)head == ptr) {
		enqueue(head, kvfree_self);
		return;
	}
	rec = kmalloc(sizeof(*rec), GFP_ATOMIC);
	if (!rec) {
		/* Nothing to queue with: wait here, as kfree_rcu_mightsleep() does. */
		synchronize_rcu();
		kvfree(ptr);
		return;
	}
	rec->ptr = ptr;
	enqueue(&rec->head, kvfree_rec);
}
EXPORT_SYMBOL_GPL(kvfree_call_rcu);

/* Every callback queued before the call has been invoked when it returns. */
void rcu_barrier(void)
{
	unsigned long target = __atomic_load_n(&cb_queued, __ATOMIC_SEQ_CST);

	might_sleep();
	while (__atomic_load_n(&cb_invoked, __ATOMIC_SEQ_CST) < target)
		msleep(1);
}
EXPORT_SYMBOL_GPL(rcu_barrier);
