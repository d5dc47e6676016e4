/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_CACHE_H
#define __LINUX_CACHE_H

#include <linux/const.h>
#include <linux/compiler_types.h>

#define L1_CACHE_SHIFT		6
#define L1_CACHE_BYTES		(_AC(1, UL) << L1_CACHE_SHIFT)
#define SMP_CACHE_BYTES		L1_CACHE_BYTES
#define INTERNODE_CACHE_SHIFT	L1_CACHE_SHIFT
#define L1_CACHE_ALIGN(x)	__ALIGN_KERNEL(x, L1_CACHE_BYTES)

#ifndef __cacheline_aligned_in_smp
#define __cacheline_aligned_in_smp __cacheline_aligned
#endif
#ifndef ____cacheline_aligned_in_smp
#define ____cacheline_aligned_in_smp ____cacheline_aligned
#endif
#define ____cacheline_internodealigned_in_smp ____cacheline_aligned
#define __page_aligned_data	__aligned(4096)
#define __page_aligned_bss	__aligned(4096)

#define cache_line_size()	L1_CACHE_BYTES

#endif /* __LINUX_CACHE_H */
