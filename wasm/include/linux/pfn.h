/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PFN_H_
#define _LINUX_PFN_H_

/* Page frame numbers: addresses in PAGE_SIZE units (identity-mapped here, as linux/mm.h says). */
#include <linux/types.h>
#include <asm/page.h>

/* pfn_t: a PFN with flags in its top bits (DAX, device memory). */
typedef struct {
	u64 val;
} pfn_t;

#define PFN_ALIGN(x)	(((unsigned long)(x) + (PAGE_SIZE - 1)) & PAGE_MASK)
#define PFN_UP(x)	(((x) + PAGE_SIZE-1) >> PAGE_SHIFT)
#define PFN_DOWN(x)	((x) >> PAGE_SHIFT)
#define PFN_PHYS(x)	((phys_addr_t)(x) << PAGE_SHIFT)
#define PHYS_PFN(x)	((unsigned long)((x) >> PAGE_SHIFT))

#endif
