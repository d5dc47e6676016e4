// SPDX-License-Identifier: GPL-2.0
/*
 * Signals to kernel threads (kernel/signal.c's part that kernel threads see). A kernel thread ignores
 * every signal it did not allow_signal(); an allowed one becomes pending and wakes the thread from an
 * interruptible sleep (from a killable one too, for SIGKILL), so its wait returns -ERESTARTSYS and
 * signal_pending(current) is true until it flushes or dequeues the signal. The shell's kill of a
 * kernel thread's PID comes here (lkm_kthread_kill()). A process's signals are the host's business:
 * send_sig() to a process's task is ignored.
 */
#include <linux/sched/signal.h>
#include <linux/export.h>
#include <linux/errno.h>
#include "host.h"

static bool valid(int sig)
{
	return sig > 0 && sig <= _NSIG;
}

int send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p)
{
	(void)info;
	if (!valid(sig))
		return -EINVAL;
	if (!(p->flags & PF_KTHREAD) || !sigismember(&p->lkm_allowed, sig))
		return 0;	/* ignored, as SIG_IGN is */
	__atomic_fetch_or(&p->pending.signal.sig[(sig - 1) / _NSIG_BPW], 1UL << ((sig - 1) % _NSIG_BPW),
			  __ATOMIC_SEQ_CST);
	wake_up_state(p, TASK_INTERRUPTIBLE | (sig == SIGKILL ? TASK_WAKEKILL : 0));
	return 0;
}
EXPORT_SYMBOL(send_sig_info);

int send_sig(int sig, struct task_struct *p, int priv)
{
	return send_sig_info(sig, priv ? SEND_SIG_PRIV : SEND_SIG_NOINFO, p);
}
EXPORT_SYMBOL(send_sig);

void force_sig(int sig)
{
	struct task_struct *t = current;

	if (valid(sig) && (t->flags & PF_KTHREAD)) {
		sigaddset(&t->lkm_allowed, sig);
		send_sig(sig, t, 1);
	}
}
EXPORT_SYMBOL(force_sig);

void flush_signals(struct task_struct *t)
{
	int i;

	for (i = 0; i < _NSIG_WORDS; i++)
		__atomic_store_n(&t->pending.signal.sig[i], 0, __ATOMIC_SEQ_CST);
}
EXPORT_SYMBOL(flush_signals);

void allow_signal(int sig)
{
	if (valid(sig))
		sigaddset(&current->lkm_allowed, sig);
}
EXPORT_SYMBOL(allow_signal);

void allow_kernel_signal(int sig)
{
	allow_signal(sig);
}
EXPORT_SYMBOL(allow_kernel_signal);

void disallow_signal(int sig)
{
	if (!valid(sig))
		return;
	sigdelset(&current->lkm_allowed, sig);
	__atomic_fetch_and(&current->pending.signal.sig[(sig - 1) / _NSIG_BPW],
			   ~(1UL << ((sig - 1) % _NSIG_BPW)), __ATOMIC_SEQ_CST);
}
EXPORT_SYMBOL(disallow_signal);

int kernel_dequeue_signal(void)
{
	struct task_struct *t = current;
	int sig;

	for (sig = 1; sig <= _NSIG; sig++) {
		unsigned long *w = &t->pending.signal.sig[(sig - 1) / _NSIG_BPW];
		unsigned long bit = 1UL << ((sig - 1) % _NSIG_BPW);

		if ((__atomic_fetch_and(w, ~bit, __ATOMIC_SEQ_CST) & bit) && !sigismember(&t->blocked, sig))
			return sig;
	}
	return 0;
}
EXPORT_SYMBOL(kernel_dequeue_signal);

/* kill SIG PID of a kernel thread from the shell: 0, or -EINVAL for a bad signal number. */
int __lkm_entry lkm_kthread_kill(struct task_struct *p, int sig)
{
	return send_sig(sig, p, 1);
}
