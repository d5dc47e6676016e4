/* SPDX-License-Identifier: GPL-2.0 */
/* Memory-allocation context of the current task (Linux's <linux/sched/mm.h>). */
#ifndef _LINUX_SCHED_MM_H
#define _LINUX_SCHED_MM_H

#include <linux/gfp.h>
#include <linux/kernel.h>

/*
 * An allocation that may block (GFP_KERNEL) may sleep: in atomic context that is reported as
 * might_sleep() reports it. Called by the slab allocator before every allocation, as Linux's
 * slab_pre_alloc_hook() does.
 */
static inline void might_alloc(gfp_t gfp_mask)
{
	might_sleep_if(gfpflags_allow_blocking(gfp_mask));
}

#endif
