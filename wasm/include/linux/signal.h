/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SIGNAL_H
#define _LINUX_SIGNAL_H

/* Signal sets (Linux's <linux/signal.h>): the bit operations on sigset_t. */
#include <linux/signal_types.h>

static inline void sigaddset(sigset_t *set, int sig)
{
	set->sig[(sig - 1) / _NSIG_BPW] |= 1UL << ((sig - 1) % _NSIG_BPW);
}
static inline void sigdelset(sigset_t *set, int sig)
{
	set->sig[(sig - 1) / _NSIG_BPW] &= ~(1UL << ((sig - 1) % _NSIG_BPW));
}
static inline int sigismember(sigset_t *set, int sig)
{
	return (set->sig[(sig - 1) / _NSIG_BPW] >> ((sig - 1) % _NSIG_BPW)) & 1;
}
static inline void sigemptyset(sigset_t *set)
{
	int i;

	for (i = 0; i < _NSIG_WORDS; i++)
		set->sig[i] = 0;
}
static inline void sigfillset(sigset_t *set)
{
	int i;

	for (i = 0; i < _NSIG_WORDS; i++)
		set->sig[i] = ~0UL;
}
static inline int sigisemptyset(sigset_t *set)
{
	int i;

	for (i = 0; i < _NSIG_WORDS; i++)
		if (set->sig[i])
			return 0;
	return 1;
}
#define sigmask(sig)	(1UL << ((sig) - 1))

#endif /* _LINUX_SIGNAL_H */
