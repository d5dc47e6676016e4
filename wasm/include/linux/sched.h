/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

/*
 * The current task and the scheduler's entry points, as far as one CPU without a way to suspend C code
 * allows: `current` is the task whose system call runs; schedule() after prepare_to_wait() makes that
 * system call sleep by restart (see <linux/wait.h>): the task is queued, signal_pending(current) becomes
 * true so that the driver returns -ERESTARTSYS, and the host issues the call again once woken.
 */
#include <linux/types.h>
#include <linux/limits.h>
#include <linux/preempt.h>

#define TASK_RUNNING		0x00000000
#define TASK_INTERRUPTIBLE	0x00000001
#define TASK_UNINTERRUPTIBLE	0x00000002
#define TASK_WAKEKILL		0x00000100
#define TASK_NOLOAD		0x00000400
#define TASK_KILLABLE		(TASK_WAKEKILL | TASK_UNINTERRUPTIBLE)
#define TASK_IDLE		(TASK_UNINTERRUPTIBLE | TASK_NOLOAD)
#define TASK_NORMAL		(TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE)

#define MAX_SCHEDULE_TIMEOUT	LONG_MAX
#define TASK_COMM_LEN		16

struct wait_queue_head;

struct task_struct {
	unsigned int		__state;
	pid_t			pid;
	pid_t			tgid;
	char			comm[TASK_COMM_LEN];
	/* lkm-wasm: a sleep was registered in this system call (signal_pending() reports it). */
	int			lkm_sleeping;
	/* lkm-wasm: the queue of the last prepare_to_wait(), which schedule() sleeps on. */
	struct wait_queue_head	*lkm_wait_queue;
	int			lkm_wait_exclusive;
	/* Fault injection (lib/fault-inject.c): /proc/self/make-it-fail and /proc/self/fail-nth. */
	unsigned int		make_it_fail;
	unsigned int		fail_nth;
};

extern struct task_struct *lkm_get_current(void);
#define current (lkm_get_current())

#define __set_current_state(s)	do { current->__state = (s); } while (0)
#define set_current_state(s)	do { current->__state = (s); __atomic_thread_fence(__ATOMIC_SEQ_CST); } while (0)
#define task_pid_nr(t)		((t)->pid)
#define task_tgid_nr(t)		((t)->tgid)

/* True once the current system call has registered a sleep: it must return -ERESTARTSYS. */
static inline int signal_pending(struct task_struct *p) { return p->lkm_sleeping; }
static inline int fatal_signal_pending(struct task_struct *p) { return p->lkm_sleeping; }
static inline int signal_pending_state(unsigned int state, struct task_struct *p)
{
	return (state & (TASK_INTERRUPTIBLE | TASK_WAKEKILL)) && p->lkm_sleeping;
}

void schedule(void);
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_killable(long timeout);
long schedule_timeout_uninterruptible(long timeout);
long schedule_timeout_idle(long timeout);
int wake_up_process(struct task_struct *p);
static inline void cond_resched(void) { }
static inline void yield(void) { }

#endif
