/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_GFP_H
#define __LINUX_GFP_H

#include <linux/gfp_types.h>
#include <linux/types.h>
#include <linux/init.h>
#include <linux/alloc_tag.h>
#include <linux/numa.h>	/* NUMA_NO_NODE (Linux: through linux/topology.h) */
#include <asm/page.h>

struct module;

/* Orders above this fail (with a warning unless __GFP_NOWARN), as Linux's MAX_PAGE_ORDER. */
#define MAX_PAGE_ORDER	10
#define MAX_ORDER	MAX_PAGE_ORDER

static inline bool gfpflags_allow_blocking(const gfp_t gfp_flags)
{
	return !!(gfp_flags & __GFP_DIRECT_RECLAIM);
}

/*
 * Whole pages (page-aligned, 2^order of them). As kmalloc(), a module's pages are charged to it.
 * struct page is the page's address (linux/mm.h), so alloc_pages() is __get_free_pages() by another name.
 */
unsigned long __lkm_get_free_pages(gfp_t gfp_mask, unsigned int order, struct module *owner);
extern void free_pages(unsigned long addr, unsigned int order);

static inline unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order)
{
	return __lkm_get_free_pages(gfp_mask, order, THIS_MODULE);
}

static inline unsigned long get_zeroed_page(gfp_t gfp_mask)
{
	return __lkm_get_free_pages(gfp_mask | __GFP_ZERO, 0, THIS_MODULE);
}

#define __get_free_page(gfp_mask) \
		__get_free_pages((gfp_mask), 0)
#define __get_dma_pages(gfp_mask, order) \
		__get_free_pages((gfp_mask) | GFP_DMA, (order))
#define free_page(addr) free_pages((addr), 0)

static inline void *alloc_pages_exact(size_t size, gfp_t gfp_mask)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return (void *)__lkm_get_free_pages(gfp_mask, order, THIS_MODULE);
}
static inline void free_pages_exact(void *virt, size_t size)
{
	(void)size;
	free_pages((unsigned long)virt, 0);
}

struct page;
#define alloc_pages(gfp_mask, order)	((struct page *)__get_free_pages((gfp_mask), (order)))
#define alloc_page(gfp_mask)		alloc_pages(gfp_mask, 0)
#define __free_pages(page, order)	free_pages((unsigned long)(page), (order))
#define __free_page(page)		__free_pages((page), 0)

/* Each allocation records its call site (linux/alloc_tag.h); after every inline function above. */
#define __get_free_pages(...)           alloc_hooks(__get_free_pages(__VA_ARGS__))
#define get_zeroed_page(...)            alloc_hooks(get_zeroed_page(__VA_ARGS__))
#define alloc_pages_exact(...)          alloc_hooks(alloc_pages_exact(__VA_ARGS__))

#endif /* __LINUX_GFP_H */
