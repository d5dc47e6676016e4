/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_HIGHMEM_H
#define _LINUX_HIGHMEM_H

/*
 * Mapping pages into the kernel: there is no high memory (one identity-mapped address space), so every
 * page is mapped already and kmap*() only return page_address().
 */
#include <linux/mm.h>
#include <linux/string.h>
#include <linux/bug.h>

static inline void *kmap(struct page *page) { return page_address(page); }
static inline void kunmap(struct page *page) { (void)page; }
static inline void *kmap_local_page(struct page *page) { return page_address(page); }
static inline void *kmap_atomic(struct page *page) { return page_address(page); }
#define kunmap_local(addr)	((void)(addr))
#define kunmap_atomic(addr)	((void)(addr))

static inline void memcpy_from_page(char *to, struct page *page, size_t offset, size_t len)
{
	if (WARN_ON_ONCE(offset + len > PAGE_SIZE))
		return;
	memcpy(to, (char *)page_address(page) + offset, len);
}

static inline void memcpy_to_page(struct page *page, size_t offset, const char *from, size_t len)
{
	if (WARN_ON_ONCE(offset + len > PAGE_SIZE))
		return;
	memcpy((char *)page_address(page) + offset, from, len);
}

static inline void memzero_page(struct page *page, size_t offset, size_t len)
{
	memset((char *)page_address(page) + offset, 0, len);
}

static inline void clear_highpage(struct page *page)
{
	memset(page_address(page), 0, PAGE_SIZE);
}

#endif /* _LINUX_HIGHMEM_H */
