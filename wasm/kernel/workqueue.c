// SPDX-License-Identifier: GPL-2.0
/*
 * Workqueues (kernel/workqueue.c) over kernel threads. Each workqueue has a FIFO of queued items and
 * up to WQ_MAX_WORKERS kworkers (as many as max_active allows), started when an item is queued and no
 * kworker of the queue is idle. A kworker takes the oldest item that no other kworker is running (a work
 * item never runs concurrently with itself, as Linux guarantees), clears its pending bit and runs it.
 * Every queueing gets a number: flush_workqueue() waits until every item queued before it has run,
 * flush_work() until the queueing it saw has run.
 *
 * Where no kernel thread can start (no CPU workers: kthread_create() fails with -EAGAIN), a queue's items
 * run on the host thread instead: soon after they are queued (host.softirq(); lkm_run_orphan_work() runs
 * them in process context once the softirqs are done), and at once in a flush or cancel that would wait.
 */
#include <linux/workqueue.h>
#include <linux/kthread.h>
#include <linux/export.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/jiffies.h>
#include <linux/bug.h>
#include <linux/printk.h>
#include <linux/smp.h>
#include "host.h"

#define WQ_NAME_LEN	32
#define PF_WQ_WORKER	0x00000020

struct task_struct *lkm_kthread_create_atomic(int (*threadfn)(void *data), void *data, unsigned int cpu,
					      const char *name);

struct worker {
	struct task_struct *task;
	struct workqueue_struct *wq;
	struct work_struct *current_work;
	unsigned long current_seq;
};

struct workqueue_struct {
	char name[WQ_NAME_LEN];
	unsigned int flags;
	int max_workers;
	spinlock_t lock;
	struct list_head works;
	struct wait_queue_head more_work;	/* idle kworkers */
	struct wait_queue_head done;		/* flushers and cancelers */
	unsigned long seq;
	int nr_workers, nr_idle;
	struct worker workers[WQ_MAX_WORKERS];
	/* Runs the items on the host thread when no kworker could start (see the top of this file). */
	struct worker host;
	struct list_head orphans;		/* on orphan_wqs while it has such items */
};

static LIST_HEAD(orphan_wqs);
static DEFINE_SPINLOCK(orphan_lock);
__host_import(softirq) void host_softirq(void);

#define SYSTEM_WQ(var, wqname, wqflags, workers) \
	static struct workqueue_struct var##_s = {					\
		.name = wqname, .flags = (wqflags), .max_workers = (workers),		\
		.lock = __SPIN_LOCK_UNLOCKED(var##_s.lock),				\
		.works = LIST_HEAD_INIT(var##_s.works),					\
		.more_work = __WAIT_QUEUE_HEAD_INITIALIZER(var##_s.more_work),		\
		.done = __WAIT_QUEUE_HEAD_INITIALIZER(var##_s.done),			\
		.orphans = LIST_HEAD_INIT(var##_s.orphans),				\
		.host = { .wq = &var##_s },						\
	};										\
	struct workqueue_struct *var = &var##_s;					\
	EXPORT_SYMBOL(var)

SYSTEM_WQ(system_wq, "events", 0, WQ_MAX_WORKERS);
SYSTEM_WQ(system_highpri_wq, "events_highpri", WQ_HIGHPRI, WQ_MAX_WORKERS);
SYSTEM_WQ(system_long_wq, "events_long", 0, WQ_MAX_WORKERS);
SYSTEM_WQ(system_unbound_wq, "events_unbound", WQ_UNBOUND, WQ_MAX_WORKERS);
SYSTEM_WQ(system_freezable_wq, "events_freezable", WQ_FREEZABLE, WQ_MAX_WORKERS);
SYSTEM_WQ(system_power_efficient_wq, "events_power_efficient", WQ_POWER_EFFICIENT, WQ_MAX_WORKERS);

/* kworker numbers, per pool kind as Linux numbers them in its pools' names. */
static atomic_t bound_ids = ATOMIC_INIT(0), highpri_ids = ATOMIC_INIT(0), unbound_ids = ATOMIC_INIT(0);

/* Some kworker of @wq runs @work now. Under wq->lock. */
static bool running_elsewhere(struct workqueue_struct *wq, struct work_struct *work)
{
	if (wq->host.current_work == work)
		return true;
	for (int i = 0; i < wq->nr_workers; i++)
		if (wq->workers[i].current_work == work)
			return true;
	return false;
}

/* The next item for @w, taken off the queue; NULL if none can run now. */
static struct work_struct *grab(struct worker *w)
{
	struct workqueue_struct *wq = w->wq;
	struct work_struct *work, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	list_for_each_entry(work, &wq->works, entry) {
		if (running_elsewhere(wq, work))
			continue;
		list_del_init(&work->entry);
		w->current_work = work;
		w->current_seq = work->lkm_seq;
		if (w != &wq->host)
			wq->nr_idle--;
		clear_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work));
		found = work;
		break;
	}
	spin_unlock_irqrestore(&wq->lock, flags);
	return found;
}

static int worker_thread(void *arg)
{
	struct worker *w = arg;
	struct workqueue_struct *wq = w->wq;

	current->flags |= PF_WQ_WORKER;
	for (;;) {
		struct work_struct *work = NULL;
		unsigned long flags;

		wait_event_interruptible(wq->more_work, (work = grab(w)) || kthread_should_stop());
		if (!work)
			break;
		work->func(work); /* may free or requeue the item: it is not touched again */
		spin_lock_irqsave(&wq->lock, flags);
		w->current_work = NULL;
		wq->nr_idle++;
		spin_unlock_irqrestore(&wq->lock, flags);
		wake_up_all(&wq->done);
		/* An item queued while all of us were busy may wait for one of us: look again. */
		wake_up(&wq->more_work);
	}
	return 0;
}

/* Starts a kworker if none is idle and the queue may have another. */
static void maybe_start_worker(struct workqueue_struct *wq)
{
	struct task_struct *t;
	struct worker *w;
	unsigned long flags;
	char name[TASK_COMM_LEN];
	int id;

	spin_lock_irqsave(&wq->lock, flags);
	if (wq->nr_idle || wq->nr_workers >= wq->max_workers || (wq->flags & __WQ_DESTROYING)) {
		spin_unlock_irqrestore(&wq->lock, flags);
		return;
	}
	w = &wq->workers[wq->nr_workers++];
	w->wq = wq;
	wq->nr_idle++; /* it goes idle at once, and takes work from there */
	spin_unlock_irqrestore(&wq->lock, flags);

	if (wq->flags & WQ_UNBOUND) {
		id = atomic_inc_return(&unbound_ids) - 1;
		snprintf(name, sizeof(name), "kworker/u%u:%d", nr_cpu_ids * 2, id);
	} else if (wq->flags & WQ_HIGHPRI) {
		id = atomic_inc_return(&highpri_ids) - 1;
		snprintf(name, sizeof(name), "kworker/%u:%dH", 0, id);
	} else {
		id = atomic_inc_return(&bound_ids) - 1;
		snprintf(name, sizeof(name), "kworker/%u:%d", 0, id);
	}
	t = lkm_kthread_create_atomic(worker_thread, w, 0, name);
	if (IS_ERR(t)) {
		/* -EAGAIN: no CPU workers here (kthread_create() said so); the items run on the host thread. */
		if (PTR_ERR(t) != -EAGAIN)
			pr_err("workqueue: Failed to create a worker thread: %pe\n", t);
		spin_lock_irqsave(&wq->lock, flags);
		wq->nr_workers--;
		wq->nr_idle--;
		spin_unlock_irqrestore(&wq->lock, flags);
		return;
	}
	w->task = t;
	wake_up_process(t);
}

static void __queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	unsigned long flags;

	spin_lock_irqsave(&wq->lock, flags);
	if (WARN_ONCE(wq->flags & __WQ_DESTROYING, "workqueue: cannot queue %ps on wq %s\n", work->func, wq->name)) {
		clear_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work));
		spin_unlock_irqrestore(&wq->lock, flags);
		return;
	}
	work->lkm_wq = wq;
	work->lkm_seq = ++wq->seq;
	list_add_tail(&work->entry, &wq->works);
	spin_unlock_irqrestore(&wq->lock, flags);
	maybe_start_worker(wq);
	if (!READ_ONCE(wq->nr_workers)) {
		spin_lock_irqsave(&orphan_lock, flags);
		if (list_empty(&wq->orphans))
			list_add_tail(&wq->orphans, &orphan_wqs);
		spin_unlock_irqrestore(&orphan_lock, flags);
		host_softirq();
		return;
	}
	wake_up(&wq->more_work);
}

/* Runs @wq's queued items on the host thread (no kworker could start). */
static void run_on_host(struct workqueue_struct *wq)
{
	struct work_struct *work;
	unsigned long flags;

	if (wq->nr_workers || current_thread_info() != &lkm_host_thread_info)
		return;
	while ((work = grab(&wq->host))) {
		work->func(work);
		spin_lock_irqsave(&wq->lock, flags);
		wq->host.current_work = NULL;
		spin_unlock_irqrestore(&wq->lock, flags);
		wake_up_all(&wq->done);
	}
}

/* The host runs the items of queues without kworkers, after the softirqs (process context). */
void __lkm_entry lkm_run_orphan_work(void)
{
	struct workqueue_struct *wq;
	unsigned long flags;

	for (;;) {
		spin_lock_irqsave(&orphan_lock, flags);
		wq = list_first_entry_or_null(&orphan_wqs, struct workqueue_struct, orphans);
		if (wq)
			list_del_init(&wq->orphans);
		spin_unlock_irqrestore(&orphan_lock, flags);
		if (!wq)
			return;
		run_on_host(wq);
	}
}

bool queue_work_on(int cpu, struct workqueue_struct *wq, struct work_struct *work)
{
	(void)cpu;
	if (test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work)))
		return false;
	__queue_work(wq, work);
	return true;
}
EXPORT_SYMBOL(queue_work_on);

void delayed_work_timer_fn(struct timer_list *t)
{
	struct delayed_work *dwork = from_timer(dwork, t, timer);

	__queue_work(dwork->wq, &dwork->work);
}
EXPORT_SYMBOL(delayed_work_timer_fn);

static void __queue_delayed_work(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork,
				 unsigned long delay)
{
	dwork->wq = wq;
	dwork->cpu = cpu;
	if (!delay) {
		__queue_work(wq, &dwork->work);
		return;
	}
	dwork->timer.function = delayed_work_timer_fn;
	mod_timer(&dwork->timer, jiffies + delay);
}

bool queue_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay)
{
	if (test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(&dwork->work)))
		return false;
	__queue_delayed_work(cpu, wq, dwork, delay);
	return true;
}
EXPORT_SYMBOL(queue_delayed_work_on);

/* Takes a queued item off its queue; true if it was there (its pending bit is then ours). */
static bool unqueue(struct work_struct *work)
{
	struct workqueue_struct *wq = work->lkm_wq;
	unsigned long flags;
	bool ret = false;

	if (!wq)
		return false;
	spin_lock_irqsave(&wq->lock, flags);
	if (work_pending(work) && !list_empty(&work->entry)) {
		list_del_init(&work->entry);
		ret = true;
	}
	spin_unlock_irqrestore(&wq->lock, flags);
	return ret;
}

/* A pending delayed item stopped where it waits (its timer, or its queue); true if it was pending. */
static bool grab_pending(struct delayed_work *dwork)
{
	if (!work_pending(&dwork->work))
		return false;
	if (timer_delete(&dwork->timer))
		return true;
	return unqueue(&dwork->work);
}

bool mod_delayed_work_on(int cpu, struct workqueue_struct *wq, struct delayed_work *dwork, unsigned long delay)
{
	bool was = grab_pending(dwork);

	if (!was && test_and_set_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(&dwork->work)))
		return false; /* queued meanwhile by someone else */
	__queue_delayed_work(cpu, wq, dwork, delay);
	return was;
}
EXPORT_SYMBOL(mod_delayed_work_on);

/* The oldest queueing on @wq not done yet: queued ones are in order, so the first, or one running. */
static unsigned long oldest_outstanding(struct workqueue_struct *wq)
{
	unsigned long oldest = ULONG_MAX, flags;
	struct work_struct *first;

	spin_lock_irqsave(&wq->lock, flags);
	first = list_first_entry_or_null(&wq->works, struct work_struct, entry);
	if (first)
		oldest = first->lkm_seq;
	for (int i = 0; i < wq->nr_workers; i++)
		if (wq->workers[i].current_work && wq->workers[i].current_seq < oldest)
			oldest = wq->workers[i].current_seq;
	if (wq->host.current_work && wq->host.current_seq < oldest)
		oldest = wq->host.current_seq;
	spin_unlock_irqrestore(&wq->lock, flags);
	return oldest;
}

void flush_workqueue(struct workqueue_struct *wq)
{
	unsigned long target, flags;

	might_sleep();
	spin_lock_irqsave(&wq->lock, flags);
	target = wq->seq;
	spin_unlock_irqrestore(&wq->lock, flags);
	run_on_host(wq);
	wait_event(wq->done, oldest_outstanding(wq) > target);
}
EXPORT_SYMBOL(flush_workqueue);

void drain_workqueue(struct workqueue_struct *wq)
{
	wq->flags |= __WQ_DRAINING;
	while (oldest_outstanding(wq) != ULONG_MAX)
		flush_workqueue(wq);
	wq->flags &= ~__WQ_DRAINING;
}
EXPORT_SYMBOL(drain_workqueue);

/* The queueing @seq of @work is queued or running. */
static bool outstanding(struct workqueue_struct *wq, struct work_struct *work, unsigned long seq)
{
	unsigned long flags;
	bool ret = false;

	spin_lock_irqsave(&wq->lock, flags);
	if (work_pending(work) && !list_empty(&work->entry) && work->lkm_seq == seq)
		ret = true;
	for (int i = 0; i < wq->nr_workers && !ret; i++)
		if (wq->workers[i].current_work == work && wq->workers[i].current_seq == seq)
			ret = true;
	if (wq->host.current_work == work && wq->host.current_seq == seq)
		ret = true;
	spin_unlock_irqrestore(&wq->lock, flags);
	return ret;
}

static bool running(struct workqueue_struct *wq, struct work_struct *work)
{
	unsigned long flags;
	bool ret;

	spin_lock_irqsave(&wq->lock, flags);
	ret = running_elsewhere(wq, work);
	spin_unlock_irqrestore(&wq->lock, flags);
	return ret;
}

bool flush_work(struct work_struct *work)
{
	struct workqueue_struct *wq = work->lkm_wq;
	unsigned long seq = work->lkm_seq;

	might_sleep();
	if (!wq || !outstanding(wq, work, seq))
		return false;
	run_on_host(wq);
	wait_event(wq->done, !outstanding(wq, work, seq));
	return true;
}
EXPORT_SYMBOL(flush_work);

bool cancel_work(struct work_struct *work)
{
	if (!unqueue(work))
		return false;
	clear_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(work));
	return true;
}
EXPORT_SYMBOL(cancel_work);

bool cancel_work_sync(struct work_struct *work)
{
	struct workqueue_struct *wq = work->lkm_wq;
	bool ret = cancel_work(work);

	if (wq)
		wait_event(wq->done, !running(wq, work));
	return ret;
}
EXPORT_SYMBOL(cancel_work_sync);

bool flush_delayed_work(struct delayed_work *dwork)
{
	if (timer_delete_sync(&dwork->timer))
		__queue_work(dwork->wq, &dwork->work);
	return flush_work(&dwork->work);
}
EXPORT_SYMBOL(flush_delayed_work);

bool cancel_delayed_work(struct delayed_work *dwork)
{
	if (!grab_pending(dwork))
		return false;
	clear_bit(WORK_STRUCT_PENDING_BIT, work_data_bits(&dwork->work));
	return true;
}
EXPORT_SYMBOL(cancel_delayed_work);

bool cancel_delayed_work_sync(struct delayed_work *dwork)
{
	bool ret = cancel_delayed_work(dwork);

	if (dwork->work.lkm_wq)
		wait_event(dwork->work.lkm_wq->done, !running(dwork->work.lkm_wq, &dwork->work));
	return ret;
}
EXPORT_SYMBOL(cancel_delayed_work_sync);

unsigned int work_busy(struct work_struct *work)
{
	unsigned int ret = 0;

	if (work_pending(work))
		ret |= WORK_BUSY_PENDING;
	if (work->lkm_wq && running(work->lkm_wq, work))
		ret |= WORK_BUSY_RUNNING;
	return ret;
}
EXPORT_SYMBOL_GPL(work_busy);

struct work_struct *current_work(void)
{
	struct task_struct *t = current;

	if (!(t->flags & PF_WQ_WORKER))
		return NULL;
	return ((struct worker *)kthread_data(t))->current_work;
}
EXPORT_SYMBOL(current_work);

bool current_is_workqueue_rescuer(void)
{
	return false; /* no rescuers: kworkers are started on demand and never lack memory to start */
}
EXPORT_SYMBOL(current_is_workqueue_rescuer);

struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags, int max_active, ...)
{
	struct workqueue_struct *wq = kzalloc(sizeof(*wq), GFP_KERNEL);
	va_list args;

	if (!wq)
		return NULL;
	va_start(args, max_active);
	vsnprintf(wq->name, sizeof(wq->name), fmt, args);
	va_end(args);
	if (max_active <= 0)
		max_active = WQ_DFL_ACTIVE;
	wq->flags = flags;
	wq->max_workers = (flags & __WQ_ORDERED) ? 1 : min(max_active, WQ_MAX_WORKERS);
	spin_lock_init(&wq->lock);
	INIT_LIST_HEAD(&wq->works);
	init_waitqueue_head(&wq->more_work);
	init_waitqueue_head(&wq->done);
	INIT_LIST_HEAD(&wq->orphans);
	wq->host.wq = wq;
	return wq;
}
EXPORT_SYMBOL_GPL(alloc_workqueue);

void destroy_workqueue(struct workqueue_struct *wq)
{
	drain_workqueue(wq);
	wq->flags |= __WQ_DESTROYING;
	spin_lock(&orphan_lock);
	if (!list_empty(&wq->orphans))
		list_del_init(&wq->orphans);
	spin_unlock(&orphan_lock);
	for (int i = 0; i < wq->nr_workers; i++)
		if (wq->workers[i].task)
			kthread_stop(wq->workers[i].task);
	kfree(wq);
}
EXPORT_SYMBOL_GPL(destroy_workqueue);
