/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PROCESSOR_H
#define _LINUX_PROCESSOR_H

#include <linux/compiler.h>
#include <asm/processor.h>

/* Spin-wait loops as Linux writes them: spin_begin(); while (!cond) spin_cpu_relax(); spin_end(); */
#define spin_begin()		do { } while (0)
#define spin_cpu_relax()	cpu_relax()
#define spin_end()		do { } while (0)
#define spin_until_cond(cond)					\
do {								\
	if (unlikely(!(cond))) {				\
		spin_begin();					\
		do {						\
			spin_cpu_relax();			\
		} while (!(cond));				\
		spin_end();					\
	}							\
} while (0)

#endif /* _LINUX_PROCESSOR_H */
