/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_VMALLOC_H
#define _LINUX_VMALLOC_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/overflow.h>
#include <linux/init.h>
#include <linux/alloc_tag.h>

struct module;

/*
 * vmalloc(): page-aligned memory from vmlinux's page allocator (there is no separate virtual range, the
 * memory is simply contiguous). Charged to the calling module like kmalloc().
 */
void *__lkm_vmalloc(size_t size, gfp_t gfp_mask, struct module *owner) __malloc;
extern void vfree(const void *addr);
extern bool is_vmalloc_addr(const void *x);

static inline __malloc void *vmalloc(unsigned long size)
{
	return __lkm_vmalloc(size, GFP_KERNEL, THIS_MODULE);
}

static inline __malloc void *vzalloc(unsigned long size)
{
	return __lkm_vmalloc(size, GFP_KERNEL | __GFP_ZERO, THIS_MODULE);
}

static inline __malloc void *__vmalloc(unsigned long size, gfp_t gfp_mask)
{
	return __lkm_vmalloc(size, gfp_mask, THIS_MODULE);
}

static inline __malloc void *vmalloc_user(unsigned long size)
{
	return __lkm_vmalloc(size, GFP_KERNEL | __GFP_ZERO, THIS_MODULE);
}

#define vmalloc_node(size, node)	((void)(node), vmalloc(size))
#define vzalloc_node(size, node)	((void)(node), vzalloc(size))
#define vmalloc_32(size)		vmalloc(size)
#define vmalloc_32_user(size)		vmalloc_user(size)
#define vmalloc_huge(size, gfp)		__vmalloc(size, gfp)

static inline __malloc void *vmalloc_array(size_t n, size_t size)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return vmalloc(bytes);
}

static inline __malloc void *vcalloc(size_t n, size_t size)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return vzalloc(bytes);
}

/* Each allocation records its call site (linux/alloc_tag.h); after every inline function above. */
#define vmalloc(...)                    alloc_hooks(vmalloc(__VA_ARGS__))
#define vzalloc(...)                    alloc_hooks(vzalloc(__VA_ARGS__))
#define __vmalloc(...)                  alloc_hooks(__vmalloc(__VA_ARGS__))
#define vmalloc_user(...)               alloc_hooks(vmalloc_user(__VA_ARGS__))
#define vmalloc_array(...)              alloc_hooks(vmalloc_array(__VA_ARGS__))
#define vcalloc(...)                    alloc_hooks(vcalloc(__VA_ARGS__))

#endif /* _LINUX_VMALLOC_H */
