/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SIGNAL_TYPES_H
#define _LINUX_SIGNAL_TYPES_H

/* Signal sets as a task holds them (Linux's <linux/signal_types.h>, asm-generic's sigset_t on 32 bits). */
#include <linux/list.h>
#include <uapi/asm-generic/signal.h>

#define _NSIG		64
#define _NSIG_BPW	32
#define _NSIG_WORDS	(_NSIG / _NSIG_BPW)

typedef struct {
	unsigned long sig[_NSIG_WORDS];
} sigset_t;


struct sigpending {
	struct list_head list;
	sigset_t signal;
};

#endif /* _LINUX_SIGNAL_TYPES_H */
