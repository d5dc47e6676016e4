/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_WASM_PAGE_H
#define _ASM_WASM_PAGE_H

#include <linux/const.h>

/* Kernel pages are 4 KiB, as on x86 (WebAssembly's own 64 KiB pages are an allocator detail). */
#ifdef CONFIG_PAGE_SHIFT
#define PAGE_SHIFT	CONFIG_PAGE_SHIFT
#else
#define PAGE_SHIFT	12
#endif
#define PAGE_SIZE	(_AC(1, UL) << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))

#define PAGE_OFFSET	_AC(0, UL)

#ifndef __ASSEMBLY__
#define offset_in_page(p)	((unsigned long)(p) & ~PAGE_MASK)

/* The order of the smallest 2^order pages holding @size bytes (asm-generic/getorder.h). */
static inline __attribute__((__const__)) int get_order(unsigned long size)
{
	int order = 0;

	size = (size - 1) >> PAGE_SHIFT;
	while (size) {
		order++;
		size >>= 1;
	}
	return order;
}
#endif

#endif
