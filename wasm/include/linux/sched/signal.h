/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SCHED_SIGNAL_H
#define _LINUX_SCHED_SIGNAL_H

/*
 * The signal side of the scheduler (kernel/signal.c). signal_pending() and friends are <linux/sched.h>'s.
 * Kernel threads ignore every signal but those they allow_signal(); one that arrives is pending until
 * flushed or dequeued, and wakes the thread from an interruptible (or, for SIGKILL, killable) sleep.
 * Signals to processes come from the shell (kill, Ctrl-C); send_sig() to a process's task is ignored.
 */
#include <linux/sched.h>
#include <linux/signal.h>

struct kernel_siginfo;

int send_sig(int sig, struct task_struct *p, int priv);
int send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p);
void force_sig(int sig);
void flush_signals(struct task_struct *t);
void allow_signal(int sig);
void allow_kernel_signal(int sig);
void disallow_signal(int sig);
/* The lowest pending signal of the current task, taken off (0: none). */
int kernel_dequeue_signal(void);

#define SEND_SIG_NOINFO	((struct kernel_siginfo *)0)
#define SEND_SIG_PRIV	((struct kernel_siginfo *)1)

#endif /* _LINUX_SCHED_SIGNAL_H */
