// SPDX-License-Identifier: GPL-2.0
/*
 * Wait queues, the current task and sleeping by system-call restart (kernel/sched/wait.c, core.c and
 * timer.c's roles; docs/driver-api.md, "Sleeping"). A sleeping system call is represented by a
 * `struct sleeper` queued on each wait queue it sleeps on: allocated, as it outlives the call that
 * queued it, and removed when a wake_up*() wakes it (the host is told, and issues the call again) or
 * when the host gives the sleep up (the call was interrupted, or woken through another queue).
 */
#include <linux/wait.h>
#include <linux/sched.h>
#include <linux/delay.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/jiffies.h>
#include <linux/export.h>
#include <linux/timer.h>
#include <linux/bug.h>
#include <linux/timekeeping.h>
#include <linux/alloc_tag.h>
#include "host.h"

/*
 * host.sleep(entry, timeout): the current system call sleeps, on @entry's queue when @entry is not 0,
 * for at most @timeout jiffies (negative: no limit). 1: registered; 0: this restarted call's timeout has
 * expired (do not sleep); -1: the caller cannot wait (do not sleep; the call fails with EINTR).
 */
__host_import(sleep) int host_sleep(void *entry, long timeout);
/* host.wake(entry): @entry's system call is woken (the entry is unlinked and freed after this). */
__host_import(wake) void host_wake(void *entry);
/* host.wait_left(timeout): jiffies left of this restarted call's timed wait (@timeout if not restarted). */
__host_import(wait_left) long host_wait_left(long timeout);
/* host.idle(ns): the CPU idles for @ns: the clock moves on by that much and due timers run. */
__host_import(idle) void host_idle(unsigned long long ns);

/* Idles @ns of kernel time (timers due meanwhile run); jiffies then show the time that passed. */
static void idle(unsigned long long ns)
{
	host_idle(ns);
	lkm_tick_entry();
}

/* The host thread's task (the process whose system call runs) and its thread_info (asm/thread_info.h). */
static struct task_struct lkm_host_task = { .__state = TASK_RUNNING, .comm = "swapper/0" };
struct thread_info lkm_host_thread_info = { .task = &lkm_host_task };
EXPORT_SYMBOL(lkm_host_thread_info);

struct task_struct *lkm_get_current(void)
{
	return current;
}
EXPORT_SYMBOL(lkm_get_current);

/* host.can_restart(): the host thread runs a system call that can sleep by restart. */
__host_import(can_restart) int host_can_restart(void);

/* Kernel threads alive (kernel/kthread.c): only they can wake a host thread that blocks. */
int lkm_nr_kthreads;
/*
 * wake_up*() calls kernel threads made so far: a system call during which one came must not sleep on its
 * possibly stale test (sleep_on()). The host thread's own wake-ups come in program order and do not count.
 */
static unsigned int wake_seq;
/* What a blocked host thread waits on: bumped (and notified) by every wake-up of the host task. */
int lkm_host_doorbell;

void lkm_notify_word(int *word)
{
	__builtin_wasm_memory_atomic_notify(word, 1);
	/* The host thread waits on its doorbell, whatever word it waits for. */
	__atomic_fetch_add(&lkm_host_doorbell, 1, __ATOMIC_SEQ_CST);
	__builtin_wasm_memory_atomic_notify(&lkm_host_doorbell, 1);
}

unsigned int __lkm_entry lkm_host_doorbell_addr(void)
{
	return (unsigned int)(uintptr_t)&lkm_host_doorbell;
}

bool lkm_task_blocks(void)
{
	struct task_struct *p = current;

	if (p->lkm_blocks)
		return true;
	return p == &lkm_host_task && READ_ONCE(lkm_nr_kthreads) > 0 && !host_can_restart();
}
EXPORT_SYMBOL(lkm_task_blocks);

/* Makes @p runnable and wakes its thread if it waits (the atomic wait on its state, or the host's doorbell). */
static int lkm_wake_task(struct task_struct *p, unsigned int mode)
{
	unsigned int state = __atomic_load_n(&p->__state, __ATOMIC_ACQUIRE);

	if (state == TASK_RUNNING || !(state & mode))
		return 0;
	__atomic_store_n(&p->__state, TASK_RUNNING, __ATOMIC_RELEASE);
	if (p == &lkm_host_task) {
		__atomic_fetch_add(&lkm_host_doorbell, 1, __ATOMIC_SEQ_CST);
		__builtin_wasm_memory_atomic_notify(&lkm_host_doorbell, 1);
	} else {
		__builtin_wasm_memory_atomic_notify((int *)&p->__state, 1);
	}
	return 1;
}

void lkm_switched(void)
{
	struct thread_info *ti = current_thread_info();

	WRITE_ONCE(ti->switch_ns, ktime_get_ns());
	__atomic_fetch_add(&ti->nvcsw, 1, __ATOMIC_RELAXED);
}

/*
 * Blocks the current task until a wake-up makes it TASK_RUNNING or the clock reaches @deadline (ns;
 * 0: no limit). Returns the nanoseconds left (0: timed out).
 */
static u64 block_until(u64 deadline)
{
	struct task_struct *p = current;
	struct thread_info *ti = current_thread_info();
	unsigned int state;
	u64 now = 0;

	/* A context switch for the watchdogs: when the task went to sleep, and (below) when it woke. */
	WRITE_ONCE(ti->switch_ns, ktime_get_ns());

	while ((state = __atomic_load_n(&p->__state, __ATOMIC_ACQUIRE)) != TASK_RUNNING) {
		long long left = -1;

		if (deadline) {
			now = ktime_get_ns();
			if (now >= deadline)
				break;
			left = (long long)(deadline - now);
		}
		host_block(&p->__state, state, left);
	}
	__atomic_store_n(&p->__state, TASK_RUNNING, __ATOMIC_RELEASE);
	lkm_tick_entry();
	lkm_switched();
	if (!deadline)
		return 1;
	now = ktime_get_ns();
	return now >= deadline ? 0 : deadline - now;
}

/* block_until() for schedule_timeout(): @timeout and the result in jiffies. */
static long block_task(long timeout)
{
	u64 left;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		block_until(0);
		return MAX_SCHEDULE_TIMEOUT;
	}
	left = block_until(ktime_get_ns() + (u64)(timeout < 0 ? 0 : timeout) * (NSEC_PER_SEC / HZ));
	return (long)((left + NSEC_PER_SEC / HZ - 1) / (NSEC_PER_SEC / HZ));
}

/* A blocking task sleeps @ns in @state (woken early only by wake_up_state() in that state). */
static u64 block_ns(u64 ns, unsigned int state)
{
	__atomic_store_n(&current->__state, state, __ATOMIC_RELEASE);
	return block_until(ktime_get_ns() + (ns ? ns : 1));
}

unsigned int __lkm_entry lkm_set_current_task(int pid, const char *comm, unsigned int fail_nth,
					      unsigned int make_it_fail)
{
	unsigned int left = lkm_host_task.fail_nth;

	lkm_host_task.pid = pid;
	lkm_host_task.tgid = pid;
	strscpy(lkm_host_task.comm, comm, sizeof(lkm_host_task.comm));
	lkm_host_task.fail_nth = fail_nth;
	lkm_host_task.make_it_fail = make_it_fail;
	return left;
}

/* /proc/self/fail-nth: what is left of the running task's countdown, and a new one. */
unsigned int __lkm_entry lkm_fail_nth(int set, unsigned int n)
{
	if (set)
		lkm_host_task.fail_nth = n;
	return lkm_host_task.fail_nth;
}

/* The current system call is to be restarted when woken: signal_pending() says so, as current->pending. */
static void restart_pending(bool on)
{
	lkm_host_task.lkm_sleeping = on;
	if (on)
		lkm_host_task.pending.signal.sig[0] |= sigmask(SIGSTOP);
	else
		lkm_host_task.pending.signal.sig[0] &= ~sigmask(SIGSTOP);
}

/* A system call (or a restart of one) begins: the task runs and has no sleep registered. */
void __lkm_entry lkm_syscall_begin(void)
{
	lkm_tick_entry();
	/* The task holds no lock when its call begins (one that Oopsed with a lock held died with it). */
	lkm_host_thread_info.preempt_count = 0;
	lkm_rcu_host_reset();
	lkm_host_task.__state = TASK_RUNNING;
	restart_pending(false);
	lkm_host_task.lkm_wait_queue = NULL;
	lkm_host_task.lkm_wake_seen = __atomic_load_n(&wake_seq, __ATOMIC_SEQ_CST);
	/* Nor an allocation in progress (one that Oopsed inside alloc_hooks() left its tag current). */
	lkm_alloc_tag = NULL;
}

/* ---- wait queues -------------------------------------------------------------------------------- */

void add_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock(&wq_head->lock);
	list_add(&wq_entry->entry, &wq_head->head);
	spin_unlock(&wq_head->lock);
}
EXPORT_SYMBOL(add_wait_queue);

void add_wait_queue_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	spin_lock(&wq_head->lock);
	list_add_tail(&wq_entry->entry, &wq_head->head);
	spin_unlock(&wq_head->lock);
}
EXPORT_SYMBOL(add_wait_queue_exclusive);

void remove_wait_queue(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	spin_lock(&wq_head->lock);
	list_del(&wq_entry->entry);
	spin_unlock(&wq_head->lock);
}
EXPORT_SYMBOL(remove_wait_queue);

/* Waking a task that is running this very call (a stack entry of prepare_to_wait()): it runs on. */
int default_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key)
{
	struct task_struct *p = wq_entry->private;

	(void)flags; (void)key;
	if (!p)
		return 0;
	return lkm_wake_task(p, mode);
}
EXPORT_SYMBOL(default_wake_function);

int autoremove_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key)
{
	int ret = default_wake_function(wq_entry, mode, flags, key);

	if (ret)
		list_del_init(&wq_entry->entry);
	return ret;
}
EXPORT_SYMBOL(autoremove_wake_function);

int woken_wake_function(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key)
{
	wq_entry->flags |= WQ_FLAG_WOKEN;
	return default_wake_function(wq_entry, mode, flags, key);
}
EXPORT_SYMBOL(woken_wake_function);

void __wake_up(struct wait_queue_head *wq_head, unsigned int mode, int nr_exclusive, void *key)
{
	struct wait_queue_entry *curr, *next;

	if (!wq_head)
		return;
	if (current->lkm_blocks)
		__atomic_fetch_add(&wake_seq, 1, __ATOMIC_SEQ_CST);
	spin_lock(&wq_head->lock);
	list_for_each_entry_safe(curr, next, &wq_head->head, entry) {
		unsigned int flags = curr->flags;
		int ret = curr->func(curr, mode, 0, key);

		if (ret < 0)
			break;
		if (ret && (flags & WQ_FLAG_EXCLUSIVE) && !--nr_exclusive)
			break;
	}
	spin_unlock(&wq_head->lock);
}
EXPORT_SYMBOL(__wake_up);

void __wake_up_sync(struct wait_queue_head *wq_head, unsigned int mode)
{
	__wake_up(wq_head, mode, 1, NULL);
}
EXPORT_SYMBOL(__wake_up_sync);

void prepare_to_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state)
{
	wq_entry->flags &= ~WQ_FLAG_EXCLUSIVE;
	spin_lock(&wq_head->lock);
	if (list_empty(&wq_entry->entry))
		list_add(&wq_entry->entry, &wq_head->head);
	spin_unlock(&wq_head->lock);
	current->__state = state;
	current->lkm_wait_queue = wq_head;
	current->lkm_wait_exclusive = 0;
}
EXPORT_SYMBOL(prepare_to_wait);

bool prepare_to_wait_exclusive(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state)
{
	bool was_empty;

	wq_entry->flags |= WQ_FLAG_EXCLUSIVE;
	spin_lock(&wq_head->lock);
	was_empty = list_empty(&wq_head->head);
	if (list_empty(&wq_entry->entry))
		list_add_tail(&wq_entry->entry, &wq_head->head);
	spin_unlock(&wq_head->lock);
	current->__state = state;
	current->lkm_wait_queue = wq_head;
	current->lkm_wait_exclusive = 1;
	return was_empty;
}
EXPORT_SYMBOL(prepare_to_wait_exclusive);

long prepare_to_wait_event(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry, int state)
{
	if (signal_pending_state(state, current)) {
		spin_lock(&wq_head->lock);
		list_del_init(&wq_entry->entry);
		spin_unlock(&wq_head->lock);
		return -ERESTARTSYS;
	}
	if (wq_entry->flags & WQ_FLAG_EXCLUSIVE)
		prepare_to_wait_exclusive(wq_head, wq_entry, state);
	else
		prepare_to_wait(wq_head, wq_entry, state);
	return 0;
}
EXPORT_SYMBOL(prepare_to_wait_event);

void finish_wait(struct wait_queue_head *wq_head, struct wait_queue_entry *wq_entry)
{
	__atomic_store_n(&current->__state, TASK_RUNNING, __ATOMIC_RELEASE);
	current->lkm_wait_queue = NULL;
	if (!list_empty_careful(&wq_entry->entry)) {
		spin_lock(&wq_head->lock);
		list_del_init(&wq_entry->entry);
		spin_unlock(&wq_head->lock);
	}
}
EXPORT_SYMBOL(finish_wait);

/* ---- sleeping by restart ------------------------------------------------------------------------ */

/* What a sleeping system call leaves on a queue. */
struct sleeper {
	struct wait_queue_entry wq;
	struct wait_queue_head *head;
	unsigned int state;
};

static int sleeper_wake(struct wait_queue_entry *wq_entry, unsigned mode, int flags, void *key)
{
	struct sleeper *s = container_of(wq_entry, struct sleeper, wq);

	(void)flags; (void)key;
	if (!(s->state & mode))
		return 0;
	list_del_init(&s->wq.entry);
	host_wake(s);
	return 1;
}

/*
 * The host is done with a sleep (woken, interrupted or timed out): the entry leaves its queue if still
 * on it, and is freed. Only the host frees entries: a kernel thread may wake one before the host has
 * even registered it (the host then takes the wake-up as soon as it does).
 */
void __lkm_entry lkm_wait_cancel(struct sleeper *s)
{
	spin_lock(&s->head->lock);
	if (!list_empty(&s->wq.entry))
		list_del_init(&s->wq.entry);
	spin_unlock(&s->head->lock);
	kfree(s);
}


static long sleep_on(struct wait_queue_head *wq_head, unsigned int state, int exclusive, long timeout)
{
	long t = timeout == MAX_SCHEDULE_TIMEOUT || timeout < 0 ? -1 : timeout;
	struct sleeper *s = NULL;
	int r;

	if (wq_head) {
		s = kzalloc(sizeof(*s), GFP_KERNEL);
		if (!s)
			return -ENOMEM;
		s->wq.func = sleeper_wake;
		s->wq.private = &lkm_host_task;
		s->head = wq_head;
		s->state = state;
		if (exclusive)
			add_wait_queue_exclusive(wq_head, &s->wq);
		else
			add_wait_queue(wq_head, &s->wq);
	}
	r = host_sleep(s, t);
	if (r != 1 && s)
		lkm_wait_cancel(s);
	/*
	 * A kernel thread may have made the condition true and woken the queue between the caller's test and
	 * the queueing above: then the call is woken at once (it is restarted and tests again) instead of
	 * sleeping through the wake-up it missed.
	 */
	if (r == 1 && s && __atomic_load_n(&wake_seq, __ATOMIC_SEQ_CST) != lkm_host_task.lkm_wake_seen)
		host_wake(s);
	if (r == 0)
		return 0;
	restart_pending(true);
	return -ERESTARTSYS;
}

long __lkm_wait_sleep(struct wait_queue_head *wq_head, int state, int exclusive, long timeout)
{
	return sleep_on(wq_head, state, exclusive, timeout);
}
EXPORT_SYMBOL(__lkm_wait_sleep);

long __lkm_wait_left(long timeout)
{
	if (lkm_task_blocks())
		return timeout;
	return host_wait_left(timeout);
}
EXPORT_SYMBOL(__lkm_wait_left);

long __lkm_wait_uninterruptible(long timeout)
{
	if (timeout <= 0 || timeout == MAX_SCHEDULE_TIMEOUT)
		timeout = 1;
	if (lkm_task_blocks())
		return schedule_timeout_uninterruptible(timeout);
	idle((unsigned long long)timeout * (1000000000ULL / HZ));
	return 0;
}
EXPORT_SYMBOL(__lkm_wait_uninterruptible);

/*
 * schedule(): in an interruptible state after prepare_to_wait(), the current system call sleeps on that
 * queue (signal_pending() is then true, and the driver returns -ERESTARTSYS); after a wake-up that came
 * meanwhile (state back to TASK_RUNNING) it returns at once. An uninterruptible schedule() lets the
 * clock move on by a jiffy (timers may make the awaited condition true).
 */
static long do_schedule(long timeout)
{
	unsigned int state = current->__state;

	lkm_schedule_debug();
	if (state == TASK_RUNNING)
		return timeout;
	if (lkm_task_blocks())
		return block_task(timeout);
	if (!(state & (TASK_INTERRUPTIBLE | TASK_WAKEKILL))) {
		long step = timeout == MAX_SCHEDULE_TIMEOUT ? 1 : timeout;

		idle((unsigned long long)step * (1000000000ULL / HZ));
		lkm_host_task.__state = TASK_RUNNING;
		return timeout == MAX_SCHEDULE_TIMEOUT ? timeout : 0;
	}
	if (sleep_on(lkm_host_task.lkm_wait_queue, state, lkm_host_task.lkm_wait_exclusive, timeout) == 0) {
		lkm_host_task.__state = TASK_RUNNING;
		return 0;
	}
	lkm_host_task.__state = TASK_RUNNING;
	return timeout == MAX_SCHEDULE_TIMEOUT ? timeout : host_wait_left(timeout) ?: 1;
}

void schedule(void)
{
	do_schedule(MAX_SCHEDULE_TIMEOUT);
}
EXPORT_SYMBOL(schedule);

long schedule_timeout(long timeout)
{
	return do_schedule(timeout);
}
EXPORT_SYMBOL(schedule_timeout);

/* The schedule_timeout_*() family: set the task state the caller would have set, then schedule. */
static long schedule_timeout_state(long timeout, unsigned int state)
{
	current->__state = state;
	return do_schedule(timeout);
}

long schedule_timeout_interruptible(long timeout)
{
	return schedule_timeout_state(timeout, TASK_INTERRUPTIBLE);
}
EXPORT_SYMBOL(schedule_timeout_interruptible);

long schedule_timeout_killable(long timeout)
{
	return schedule_timeout_state(timeout, TASK_KILLABLE);
}
EXPORT_SYMBOL(schedule_timeout_killable);

long schedule_timeout_uninterruptible(long timeout)
{
	return schedule_timeout_state(timeout, TASK_UNINTERRUPTIBLE);
}
EXPORT_SYMBOL(schedule_timeout_uninterruptible);

long schedule_timeout_idle(long timeout)
{
	return schedule_timeout_state(timeout, TASK_IDLE);
}
EXPORT_SYMBOL(schedule_timeout_idle);

int wake_up_state(struct task_struct *p, unsigned int state)
{
	return p ? lkm_wake_task(p, state) : 0;
}
EXPORT_SYMBOL(wake_up_state);

int wake_up_process(struct task_struct *p)
{
	return wake_up_state(p, TASK_NORMAL);
}
EXPORT_SYMBOL(wake_up_process);

char *__get_task_comm(char *to, size_t len, struct task_struct *tsk)
{
	strscpy(to, tsk->comm, len);
	return to;
}
EXPORT_SYMBOL(__get_task_comm);

/* A kernel thread lets the others run a moment (the OS schedules its worker); the host thread runs on. */
void lkm_cond_resched(void)
{
	if (current->lkm_blocks) {
		host_block(&lkm_host_doorbell, 0x7fffffff, 0);
		lkm_switched();
	}
}
EXPORT_SYMBOL(lkm_cond_resched);

/* ---- poll --------------------------------------------------------------------------------------- */

/* poll_wait() during a poll that may block: the poll sleeps on the queue (given up if a mask is ready). */
void lkm_poll_queue(struct file *filp, struct wait_queue_head *wq_head, poll_table *p)
{
	(void)filp; (void)p;
	sleep_on(wq_head, TASK_INTERRUPTIBLE, 0, MAX_SCHEDULE_TIMEOUT);
	restart_pending(false);
}

/* ---- delays ------------------------------------------------------------------------------------- */

void msleep(unsigned int msecs)
{
	lkm_schedule_debug(); /* msleep() schedules: in atomic context that is a bug */
	/* A task that blocks (a kernel thread; the host thread while they run) sleeps in real time. */
	if (lkm_task_blocks()) {
		schedule_timeout_uninterruptible(msecs_to_jiffies(msecs) + 1);
		return;
	}
	/* At least the time asked, in whole jiffies plus one, as Linux's msleep. */
	idle((unsigned long long)(msecs_to_jiffies(msecs) + 1) * (1000000000ULL / HZ));
}
EXPORT_SYMBOL(msleep);

unsigned long msleep_interruptible(unsigned int msecs)
{
	if (lkm_task_blocks()) {
		long left = schedule_timeout_interruptible(msecs_to_jiffies(msecs) + 1);

		return left ? jiffies_to_msecs(left) : 0;
	}
	msleep(msecs);
	return 0;
}
EXPORT_SYMBOL(msleep_interruptible);

void usleep_range_state(unsigned long min, unsigned long max, unsigned int state)
{
	(void)max;
	lkm_schedule_debug();
	if (lkm_task_blocks()) {
		block_ns((u64)min * 1000, state);
		return;
	}
	idle((unsigned long long)min * 1000);
}
EXPORT_SYMBOL(usleep_range_state);

/* A delay spins on the clock, as Linux's does, where threads run; with none, the call moves the clock on. */
static void delay_ns(unsigned long long ns)
{
	/* A busy wait in real time where other threads run (the host thread serves them meanwhile). */
	if (lkm_task_blocks()) {
		u64 end = ktime_get_ns() + ns;

		while (ktime_get_ns() < end)
			cpu_relax();
		return;
	}
	idle(ns);
}

void __udelay(unsigned long usecs)
{
	delay_ns((unsigned long long)usecs * 1000);
}
EXPORT_SYMBOL(__udelay);

void __ndelay(unsigned long nsecs)
{
	delay_ns(nsecs);
}
EXPORT_SYMBOL(__ndelay);

/* ---- timers ------------------------------------------------------------------------------------- */

/* host.timer(timer, delta): arm @timer to fire in @delta jiffies (from the current jiffy), or disarm it (-1). */
__host_import(timer) void host_timer(struct timer_list *timer, long delta);

static void *const timer_armed = (void *)&timer_armed;

void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags)
{
	timer->entry.next = NULL;
	timer->entry.pprev = NULL;
	timer->function = func;
	timer->flags = flags;
}
EXPORT_SYMBOL(timer_setup);

static int arm(struct timer_list *timer, unsigned long expires)
{
	int was = timer_pending(timer);
	long delta = (long)(expires - jiffies);

	timer->expires = expires;
	timer->entry.pprev = (void **)timer_armed;
	host_timer(timer, delta < 0 ? 0 : delta);
	return was;
}

int mod_timer(struct timer_list *timer, unsigned long expires)
{
	return arm(timer, expires);
}
EXPORT_SYMBOL(mod_timer);

void add_timer(struct timer_list *timer)
{
	WARN_ON(timer_pending(timer));
	arm(timer, timer->expires);
}
EXPORT_SYMBOL(add_timer);

int mod_timer_pending(struct timer_list *timer, unsigned long expires)
{
	return timer_pending(timer) ? arm(timer, expires) : 0;
}
EXPORT_SYMBOL(mod_timer_pending);

int timer_reduce(struct timer_list *timer, unsigned long expires)
{
	if (timer_pending(timer) && !time_before(expires, timer->expires))
		return 1;
	return arm(timer, expires);
}
EXPORT_SYMBOL(timer_reduce);

int timer_delete(struct timer_list *timer)
{
	if (!timer_pending(timer))
		return 0;
	timer->entry.pprev = NULL;
	host_timer(timer, -1);
	return 1;
}
EXPORT_SYMBOL(timer_delete);

/* The timer whose function the host thread runs now (timers run there, between other work). */
static struct timer_list *running_timer;

/*
 * On the host thread a timer function never runs while other code does, except the function itself;
 * a kernel thread waits until the host thread has left the function.
 */
int timer_delete_sync(struct timer_list *timer)
{
	int ret = timer_delete(timer);

	if (current->lkm_blocks)
		while (__atomic_load_n(&running_timer, __ATOMIC_ACQUIRE) == timer)
			cpu_relax();
	return ret;
}
EXPORT_SYMBOL(timer_delete_sync);

int timer_shutdown_sync(struct timer_list *timer)
{
	int ret = timer_delete_sync(timer);

	timer->function = NULL;
	return ret;
}
EXPORT_SYMBOL(timer_shutdown_sync);

unsigned long round_jiffies(unsigned long j)
{
	unsigned long rem = (j - INITIAL_JIFFIES) % HZ;

	return rem < HZ / 4 ? j - rem : j - rem + HZ;
}
EXPORT_SYMBOL(round_jiffies);

unsigned long round_jiffies_relative(unsigned long j)
{
	unsigned long now = jiffies;

	return round_jiffies(j + now) - now;
}
EXPORT_SYMBOL(round_jiffies_relative);

/* The host runs an expired timer. */
void __lkm_entry lkm_timer_fire(struct timer_list *timer)
{
	lkm_tick_entry();
	if (!timer_pending(timer))
		return;
	timer->entry.pprev = NULL;
	if (!timer->function)
		return;
	__atomic_store_n(&running_timer, timer, __ATOMIC_RELEASE);
	timer->function(timer);
	__atomic_store_n(&running_timer, NULL, __ATOMIC_RELEASE);
}
