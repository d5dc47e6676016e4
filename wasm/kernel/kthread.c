// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel threads (kernel/kthread.c). A thread is a task_struct, a THREAD_SIZE stack with its
 * thread_info at the bottom (asm/thread_info.h), and a CPU worker the host starts for it
 * (host.thread_create). The worker calls lkm_kthread_entry() on the thread's stack; the thread waits
 * there, stopped, for its first wake-up, as Linux's kthread() does, then runs threadfn. When threadfn
 * returns (or calls kthread_exit()), the result is kept for kthread_stop() and `exited` completed; the
 * host then reaps the thread once its worker has returned (lkm_kthread_reap(): `reaped` completed, the
 * thread's own reference dropped, and the task and stack freed with the last one). kthread_stop()
 * returns after the reaping, so a stopped thread is gone from ps and its stack is free.
 */
#include <linux/completion.h>
#include <linux/export.h>
#include <linux/kthread.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/bitops.h>
#include <linux/cpumask.h>
#include <linux/bug.h>
#include "host.h"

/*
 * host.thread_create(task, stack_top): start a CPU worker for @task (its pid, or -errno: -EAGAIN where
 * no worker can be started). host.thread_exit(): unwind the calling thread's stack (kthread_exit()).
 */
__host_import(thread_create) int host_thread_create(struct task_struct *task, void *stack_top);
__host_import(thread_exit) void host_thread_exit(void);

enum KTHREAD_BITS {
	KTHREAD_IS_PER_CPU = 0,
	KTHREAD_SHOULD_STOP,
	KTHREAD_SHOULD_PARK,
	KTHREAD_EXITED,
};

struct kthread {
	struct task_struct task;
	int (*threadfn)(void *data);
	void *data;
	int result;
	unsigned long flags;
	struct completion parked;
	struct completion exited;
	struct completion reaped;	/* its worker has returned (ps no longer lists it) */
};

extern int lkm_nr_kthreads;
/* The page allocator's regions (mm/slab.c): a stack is THREAD_SIZE, aligned to THREAD_SIZE. */
void *lkm_region_alloc(size_t size, size_t align);
void lkm_region_free(void *p);
static unsigned int next_cpu;

static struct kthread *to_kthread(struct task_struct *k)
{
	WARN_ON(!(k->flags & PF_KTHREAD));
	return k->worker_private;
}

/* The current task's kthread, or NULL for a process (kthread_should_stop() there is false). */
static struct kthread *self(void)
{
	struct task_struct *t = current;

	return (t->flags & PF_KTHREAD) ? t->worker_private : NULL;
}

static struct task_struct *kthread_create_vargs(int (*threadfn)(void *data), void *data, unsigned int cpu,
						gfp_t gfp, const char *namefmt, va_list args)
{
	struct kthread *kt = kzalloc(sizeof(*kt), gfp);
	struct thread_info *ti;
	void *stack;
	int pid;

	if (!kt)
		return ERR_PTR(-ENOMEM);
	stack = lkm_region_alloc(THREAD_SIZE, THREAD_SIZE);
	if (!stack) {
		kfree(kt);
		return ERR_PTR(-ENOMEM);
	}
	ti = stack;
	memset(ti, 0, sizeof(*ti));
	ti->task = &kt->task;
	ti->cpu = cpu;
	kt->threadfn = threadfn;
	kt->data = data;
	init_completion(&kt->parked);
	init_completion(&kt->exited);
	init_completion(&kt->reaped);
	vsnprintf(kt->task.comm, sizeof(kt->task.comm), namefmt, args);
	/* Created stopped: lkm_kthread_entry() waits in this state for wake_up_process(). */
	kt->task.__state = TASK_UNINTERRUPTIBLE;
	kt->task.flags = PF_KTHREAD;
	kt->task.lkm_blocks = 1;
	kt->task.stack = stack;
	kt->task.worker_private = kt;
	kt->task.usage = 1;	/* the running thread's, dropped when the host reaps it */
	__atomic_fetch_add(&lkm_nr_kthreads, 1, __ATOMIC_SEQ_CST);
	lkm_rcu_thread_add(ti);
	pid = host_thread_create(&kt->task, (char *)stack + THREAD_SIZE);
	if (pid < 0) {
		lkm_rcu_thread_del(ti);
		__atomic_fetch_sub(&lkm_nr_kthreads, 1, __ATOMIC_SEQ_CST);
		lkm_region_free(stack);
		kfree(kt);
		return ERR_PTR(pid);
	}
	kt->task.pid = pid;
	kt->task.tgid = pid;
	return &kt->task;
}

struct task_struct *kthread_create_on_node(int (*threadfn)(void *data), void *data, int node,
					   const char namefmt[], ...)
{
	struct task_struct *t;
	va_list args;

	(void)node;
	va_start(args, namefmt);
	t = kthread_create_vargs(threadfn, data, next_cpu++ % nr_cpu_ids, GFP_KERNEL, namefmt, args);
	va_end(args);
	return t;
}
EXPORT_SYMBOL(kthread_create_on_node);

/* A thread on @cpu; @gfp GFP_ATOMIC for a kworker that queue_work() starts in atomic context. */
static struct task_struct *create_on(int (*threadfn)(void *data), void *data, unsigned int cpu, gfp_t gfp,
				     const char *namefmt, ...)
{
	struct task_struct *t;
	va_list args;

	va_start(args, namefmt);
	t = kthread_create_vargs(threadfn, data, cpu, gfp, namefmt, args);
	va_end(args);
	return t;
}

/* kernel/workqueue.c's kworkers: "kworker/%u:%d" and the like, formatted by the caller. */
struct task_struct *lkm_kthread_create_atomic(int (*threadfn)(void *data), void *data, unsigned int cpu,
					      const char *name)
{
	return create_on(threadfn, data, cpu, GFP_ATOMIC, "%s", name);
}

/* The name format gets the CPU number ("ksoftirqd/%u"). */
struct task_struct *kthread_create_on_cpu(int (*threadfn)(void *data), void *data, unsigned int cpu,
					  const char *namefmt)
{
	struct task_struct *t = create_on(threadfn, data, cpu, GFP_KERNEL, namefmt, cpu);

	if (!IS_ERR(t))
		set_bit(KTHREAD_IS_PER_CPU, &to_kthread(t)->flags);
	return t;
}
EXPORT_SYMBOL(kthread_create_on_cpu);

void kthread_bind(struct task_struct *k, unsigned int cpu)
{
	if (WARN_ON(cpu >= nr_cpu_ids))
		return;
	task_thread_info(k)->cpu = cpu;
}
EXPORT_SYMBOL(kthread_bind);

bool kthread_is_per_cpu(struct task_struct *k)
{
	return (k->flags & PF_KTHREAD) && test_bit(KTHREAD_IS_PER_CPU, &to_kthread(k)->flags);
}
EXPORT_SYMBOL(kthread_is_per_cpu);

bool kthread_should_stop(void)
{
	struct kthread *kt = self();

	return kt && test_bit(KTHREAD_SHOULD_STOP, &kt->flags);
}
EXPORT_SYMBOL(kthread_should_stop);

bool kthread_should_park(void)
{
	struct kthread *kt = self();

	return kt && test_bit(KTHREAD_SHOULD_PARK, &kt->flags);
}
EXPORT_SYMBOL(kthread_should_park);

bool kthread_should_stop_or_park(void)
{
	return kthread_should_stop() || kthread_should_park();
}
EXPORT_SYMBOL(kthread_should_stop_or_park);

void *kthread_data(struct task_struct *k)
{
	return to_kthread(k)->data;
}
EXPORT_SYMBOL(kthread_data);

void kthread_parkme(void)
{
	struct kthread *kt = self();

	if (WARN_ON(!kt))
		return;
	for (;;) {
		set_current_state(TASK_PARKED);
		if (!test_bit(KTHREAD_SHOULD_PARK, &kt->flags))
			break;
		complete(&kt->parked);
		schedule();
	}
	__set_current_state(TASK_RUNNING);
}
EXPORT_SYMBOL(kthread_parkme);

int kthread_park(struct task_struct *k)
{
	struct kthread *kt = to_kthread(k);

	if (WARN_ON(test_bit(KTHREAD_EXITED, &kt->flags)))
		return -ENOSYS;
	if (WARN_ON_ONCE(test_bit(KTHREAD_SHOULD_PARK, &kt->flags)))
		return -EBUSY;
	set_bit(KTHREAD_SHOULD_PARK, &kt->flags);
	if (k != current) {
		wake_up_process(k);
		wait_for_completion(&kt->parked);
	}
	return 0;
}
EXPORT_SYMBOL_GPL(kthread_park);

void kthread_unpark(struct task_struct *k)
{
	struct kthread *kt = to_kthread(k);

	if (!test_bit(KTHREAD_SHOULD_PARK, &kt->flags))
		return;
	clear_bit(KTHREAD_SHOULD_PARK, &kt->flags);
	wake_up_state(k, TASK_PARKED);
}
EXPORT_SYMBOL_GPL(kthread_unpark);

/* The thread is done: its result kept for kthread_stop(), and whoever waits for it woken. */
static void kthread_finish(struct kthread *kt, int result)
{
	kt->result = result;
	kt->task.flags |= PF_EXITING;
	set_bit(KTHREAD_EXITED, &kt->flags);
	complete_all(&kt->exited);
}

int kthread_stop(struct task_struct *k)
{
	struct kthread *kt = to_kthread(k);
	int ret;

	get_task_struct(k);
	set_bit(KTHREAD_SHOULD_STOP, &kt->flags);
	kthread_unpark(k);
	wake_up_process(k);
	wait_for_completion(&kt->exited);
	ret = kt->result;
	wait_for_completion(&kt->reaped);
	put_task_struct(k);
	return ret;
}
EXPORT_SYMBOL(kthread_stop);

int kthread_stop_put(struct task_struct *k)
{
	int ret = kthread_stop(k);

	put_task_struct(k);
	return ret;
}
EXPORT_SYMBOL(kthread_stop_put);

void __noreturn kthread_exit(long result)
{
	struct kthread *kt = self();

	BUG_ON(!kt);
	kthread_finish(kt, (int)result);
	host_thread_exit();
	__builtin_unreachable();
}
EXPORT_SYMBOL(kthread_exit);

void __noreturn kthread_complete_and_exit(struct completion *comp, long code)
{
	if (comp)
		complete(comp);
	kthread_exit(code);
}
EXPORT_SYMBOL(kthread_complete_and_exit);

void __put_task_struct(struct task_struct *t)
{
	if (!(t->flags & PF_KTHREAD))
		return; /* a process's task is the host's */
	lkm_region_free(t->stack);
	kfree(t->worker_private);
}
EXPORT_SYMBOL_GPL(__put_task_struct);

/* ---- entry points of the host ------------------------------------------------------------------- */

/* The thread's body, called by its CPU worker on the thread's own stack. */
int __lkm_entry lkm_kthread_entry(struct task_struct *t)
{
	struct kthread *kt = to_kthread(t);
	int ret = -EINTR;

	lkm_tick_entry();
	schedule(); /* stopped until the first wake-up */
	lkm_switched(); /* it runs now (if the wake-up came first, schedule() did not switch) */
	if (!test_bit(KTHREAD_SHOULD_STOP, &kt->flags)) {
		if (test_bit(KTHREAD_SHOULD_PARK, &kt->flags))
			kthread_parkme();
		ret = kt->threadfn(kt->data);
	}
	kthread_finish(kt, ret);
	return ret;
}

/* The thread's worker died in an Oops: the thread has exited (kthread_stop() returns 0). */
void __lkm_entry lkm_kthread_died(struct task_struct *t)
{
	struct kthread *kt = to_kthread(t);

	if (!test_bit(KTHREAD_EXITED, &kt->flags))
		kthread_finish(kt, 0);
}

/* The thread's worker has returned: its own reference goes. */
void __lkm_entry lkm_kthread_reap(struct task_struct *t)
{
	/* Counted until now: a host thread waiting for the reaping must block (and serve) meanwhile. */
	__atomic_fetch_sub(&lkm_nr_kthreads, 1, __ATOMIC_SEQ_CST);
	lkm_rcu_thread_del(task_thread_info(t));
	complete_all(&to_kthread(t)->reaped);
	put_task_struct(t);
}
