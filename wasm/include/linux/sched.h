/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCHED_H
#define _LINUX_SCHED_H

/*
 * Tasks and the scheduler's entry points. `current` is found from the stack pointer (asm/thread_info.h).
 * Two kinds of task sleep differently:
 *  - a kernel thread (kthread_run(), a kworker) runs on a CPU worker of its own and sleeps for real:
 *    schedule() blocks its thread (an atomic wait on its __state) until a wake-up makes it TASK_RUNNING,
 *    and it continues after the call that slept, as on Linux;
 *  - a process's system call runs on the host thread, which cannot block while other processes run: its
 *    schedule() after prepare_to_wait() sleeps by restart (see <linux/wait.h>): the task is queued,
 *    signal_pending(current) becomes true so that the driver returns -ERESTARTSYS, and the host issues
 *    the call again once woken. A call that cannot be restarted (init_module, delete_module) while
 *    kernel threads exist blocks the host thread for real (it keeps serving the threads meanwhile).
 */
#include <linux/types.h>
#include <linux/limits.h>
#include <linux/preempt.h>
#include <asm/thread_info.h>
#include <linux/string.h>
#include <linux/signal.h>

#define TASK_RUNNING		0x00000000
#define TASK_INTERRUPTIBLE	0x00000001
#define TASK_UNINTERRUPTIBLE	0x00000002
#define TASK_PARKED		0x00000040
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
	unsigned int		flags;		/* PF_* */
	/* lkm-wasm: the task sleeps for real (a kernel thread: schedule() blocks its worker). */
	int			lkm_blocks;
	void			*stack;
	void			*worker_private;	/* struct kthread (kernel/kthread.c) */
	int			exit_code;
	int			usage;		/* get_task_struct() references (kernel threads) */
	unsigned int		lkm_wake_seen;	/* lkm-wasm: wake-ups when the system call began (wait.c) */
	/*
	 * Pending and blocked signals. A system call that registered a sleep by restart shows SIGSTOP
	 * pending: as a stopped and continued task's, its call is restarted, with nothing the program sees.
	 */
	struct sigpending	pending;
	sigset_t		blocked;
	/* Signals a kernel thread takes (allow_signal()); it ignores all others, as kthreadd's children do. */
	sigset_t		lkm_allowed;
};

#define PF_EXITING		0x00000004
#define PF_KTHREAD		0x00200000

static __always_inline struct task_struct *get_current(void)
{
	return current_thread_info()->task;
}
#define current get_current()
/* The out-of-line form (modules built before `current` was inline still link). */
extern struct task_struct *lkm_get_current(void);

static inline struct thread_info *task_thread_info(struct task_struct *p)
{
	return p->stack ? (struct thread_info *)p->stack : &lkm_host_thread_info;
}
static inline unsigned int task_cpu(struct task_struct *p) { return task_thread_info(p)->cpu; }
#define get_task_comm(buf, tsk) ({ strscpy(buf, (tsk)->comm, sizeof(buf)); buf; })
extern char *__get_task_comm(char *to, size_t len, struct task_struct *tsk);

#define __set_current_state(s)	do { current->__state = (s); } while (0)
#define set_current_state(s)	do { current->__state = (s); __atomic_thread_fence(__ATOMIC_SEQ_CST); } while (0)
#define task_pid_nr(t)		((t)->pid)
#define task_tgid_nr(t)		((t)->tgid)

/*
 * A signal is pending that is not blocked: one sent to a kernel thread that allowed it (send_sig(),
 * kill from the shell), or — in a system call that registered a sleep by restart — SIGSTOP (it must
 * return -ERESTARTSYS). A pending SIGKILL is fatal; so is the restart, which a killable wait must end too.
 */
static inline int signal_pending(struct task_struct *p)
{
	int i;

	for (i = 0; i < _NSIG_WORDS; i++)
		if (READ_ONCE(p->pending.signal.sig[i]) & ~p->blocked.sig[i])
			return 1;
	return 0;
}
static inline int __fatal_signal_pending(struct task_struct *p)
{
	return (READ_ONCE(p->pending.signal.sig[0]) & sigmask(SIGKILL)) != 0;
}
static inline int fatal_signal_pending(struct task_struct *p)
{
	return p->lkm_sleeping || __fatal_signal_pending(p);
}
static inline int signal_pending_state(unsigned int state, struct task_struct *p)
{
	if (!(state & (TASK_INTERRUPTIBLE | TASK_WAKEKILL)))
		return 0;
	if (!signal_pending(p))
		return 0;
	return (state & TASK_INTERRUPTIBLE) || fatal_signal_pending(p);
}

void schedule(void);
long schedule_timeout(long timeout);
long schedule_timeout_interruptible(long timeout);
long schedule_timeout_killable(long timeout);
long schedule_timeout_uninterruptible(long timeout);
long schedule_timeout_idle(long timeout);
int wake_up_process(struct task_struct *p);
int wake_up_state(struct task_struct *p, unsigned int state);
/* A kernel thread gives its CPU up for a moment; a system call (one thread for all processes) runs on. */
void lkm_cond_resched(void);
#define cond_resched() ({ lkm_cond_resched(); 0; })
static inline void yield(void) { lkm_cond_resched(); }
/* True when the current task blocks for real in schedule() (see the top of this file). */
bool lkm_task_blocks(void);

#endif
