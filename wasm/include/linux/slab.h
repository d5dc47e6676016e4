/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kmalloc() and kmem_cache_*() over vmlinux's allocator (wasm/mm/slab.c).
 *
 * Per-module accounting: the allocating functions are static inline here and pass THIS_MODULE to the
 * exported __lkm_*() functions, so that each allocation made by a module's code is charged to it
 * (struct module .kmem_allocs/.kmem_bytes/.kmem_count, docs/module-format.md §5); freeing is not
 * attributed and can happen anywhere.
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/overflow.h>
#include <linux/init.h>
#include <linux/alloc_tag.h>
#include <linux/stddef.h>
#include <linux/err.h>
#include <linux/cleanup.h>
#include <asm/page.h>

struct module;
struct kmem_cache;

/* Flags to pass to kmem_cache_create(). Accepted; only SLAB_HWCACHE_ALIGN and SLAB_PANIC act. */
#define SLAB_CONSISTENCY_CHECKS	((__force slab_flags_t)0x00000100U)
#define SLAB_RED_ZONE		((__force slab_flags_t)0x00000400U)
#define SLAB_POISON		((__force slab_flags_t)0x00000800U)
#define SLAB_KMALLOC		((__force slab_flags_t)0x00001000U)
#define SLAB_HWCACHE_ALIGN	((__force slab_flags_t)0x00002000U)
#define SLAB_CACHE_DMA		((__force slab_flags_t)0x00004000U)
#define SLAB_CACHE_DMA32	((__force slab_flags_t)0x00008000U)
#define SLAB_STORE_USER		((__force slab_flags_t)0x00010000U)
#define SLAB_PANIC		((__force slab_flags_t)0x00040000U)
#define SLAB_TYPESAFE_BY_RCU	((__force slab_flags_t)0x00080000U)
#define SLAB_TRACE		((__force slab_flags_t)0x00200000U)
#define SLAB_DEBUG_OBJECTS	((__force slab_flags_t)0x00400000U)
#define SLAB_NOLEAKTRACE	((__force slab_flags_t)0x00800000U)
#define SLAB_NO_MERGE		((__force slab_flags_t)0x01000000U)
#define SLAB_FAILSLAB		((__force slab_flags_t)0x02000000U)
#define SLAB_ACCOUNT		((__force slab_flags_t)0x04000000U)
#define SLAB_KASAN		((__force slab_flags_t)0x08000000U)
#define SLAB_NO_USER_FLAGS	((__force slab_flags_t)0x10000000U)
#define SLAB_RECLAIM_ACCOUNT	((__force slab_flags_t)0x20000000U)
#define SLAB_TEMPORARY		SLAB_RECLAIM_ACCOUNT
#define SLAB_MEM_SPREAD		((__force slab_flags_t)0U)

/* kmalloc(0) returns ZERO_SIZE_PTR: not NULL, but faults... as far as wasm can (it is in page 0). */
#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= \
				(unsigned long)ZERO_SIZE_PTR)

/*
 * Every kmalloc() object is aligned to at least 16 bytes (x86-64 Linux guarantees 8); power-of-two sizes
 * up to PAGE_SIZE are naturally aligned, and larger allocations are page aligned, as Linux guarantees.
 */
#define ARCH_KMALLOC_MINALIGN	16
#define ARCH_SLAB_MINALIGN	16
#define ARCH_DMA_MINALIGN	16
#define KMALLOC_MIN_SIZE	16
#define KMALLOC_SHIFT_LOW	4
#define KMALLOC_SHIFT_HIGH	(PAGE_SHIFT + 1)
#define KMALLOC_SHIFT_MAX	(MAX_PAGE_ORDER + PAGE_SHIFT)
/* Maximum allocatable size */
#define KMALLOC_MAX_SIZE	(1UL << KMALLOC_SHIFT_MAX)
/* Maximum size for which we actually use a slab cache */
#define KMALLOC_MAX_CACHE_SIZE	(1UL << KMALLOC_SHIFT_HIGH)
/* Maximum order allocatable via the slab allocator */
#define KMALLOC_MAX_ORDER	(KMALLOC_SHIFT_MAX - PAGE_SHIFT)

/* The exported allocator entry points (owner = the module charged, NULL = the kernel). */
void *__lkm_kmalloc(size_t size, gfp_t flags, struct module *owner) __malloc;
void *__lkm_krealloc(const void *objp, size_t new_size, gfp_t flags, struct module *owner);
void *__lkm_kmem_cache_alloc(struct kmem_cache *s, gfp_t flags, struct module *owner) __malloc;
void *__lkm_kvmalloc(size_t size, gfp_t flags, struct module *owner) __malloc;
void *__lkm_kvrealloc(const void *p, size_t size, gfp_t flags, struct module *owner);

void kfree(const void *objp);
void kfree_sensitive(const void *objp);
size_t __ksize(const void *objp);
size_t ksize(const void *objp);
size_t kmalloc_size_roundup(size_t size);

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
			unsigned int align, slab_flags_t flags,
			void (*ctor)(void *));
struct kmem_cache *kmem_cache_create_usercopy(const char *name,
			unsigned int size, unsigned int align,
			slab_flags_t flags,
			unsigned int useroffset, unsigned int usersize,
			void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *s);
int kmem_cache_shrink(struct kmem_cache *s);
void kmem_cache_free(struct kmem_cache *s, void *objp);
unsigned int kmem_cache_size(struct kmem_cache *s);
const char *kmem_cache_name(struct kmem_cache *s);

/* Create a cache for objects of type struct __struct (name, size and alignment from the type). */
#define KMEM_CACHE(__struct, __flags)					\
		kmem_cache_create(#__struct, sizeof(struct __struct),	\
			__alignof__(struct __struct), (__flags), NULL)

#define KMEM_CACHE_USERCOPY(__struct, __flags, __field)			\
		kmem_cache_create_usercopy(#__struct,			\
			sizeof(struct __struct),			\
			__alignof__(struct __struct), (__flags),	\
			offsetof(struct __struct, __field),		\
			sizeof_field(struct __struct, __field), NULL)

static __always_inline __malloc void *kmalloc(size_t size, gfp_t flags)
{
	return __lkm_kmalloc(size, flags, THIS_MODULE);
}

static __always_inline __malloc void *kzalloc(size_t size, gfp_t flags)
{
	return __lkm_kmalloc(size, flags | __GFP_ZERO, THIS_MODULE);
}

static __always_inline __malloc void *__kmalloc(size_t size, gfp_t flags)
{
	return __lkm_kmalloc(size, flags, THIS_MODULE);
}

static inline __malloc void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return __lkm_kmalloc(bytes, flags, THIS_MODULE);
}

static inline __malloc void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | __GFP_ZERO);
}

static inline void *krealloc(const void *p, size_t new_size, gfp_t flags)
{
	return __lkm_krealloc(p, new_size, flags, THIS_MODULE);
}

static inline void *krealloc_array(void *p, size_t new_n, size_t new_size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(new_n, new_size, &bytes)))
		return NULL;
	return __lkm_krealloc(p, bytes, flags, THIS_MODULE);
}

/* One NUMA node here: the _node variants ignore @node. */
#define kmalloc_node(size, flags, node)		((void)(node), kmalloc(size, flags))
#define kzalloc_node(size, flags, node)		((void)(node), kzalloc(size, flags))
#define __kmalloc_node(size, flags, node)	((void)(node), kmalloc(size, flags))
#define kmalloc_array_node(n, size, flags, node) ((void)(node), kmalloc_array(n, size, flags))
#define kcalloc_node(n, size, flags, node)	((void)(node), kcalloc(n, size, flags))
#define kmalloc_track_caller(size, flags)	kmalloc(size, flags)
#define kmalloc_node_track_caller(size, flags, node) kmalloc_node(size, flags, node)

static __always_inline __malloc void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags)
{
	return __lkm_kmem_cache_alloc(s, flags, THIS_MODULE);
}

static __always_inline __malloc void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t flags)
{
	return __lkm_kmem_cache_alloc(s, flags | __GFP_ZERO, THIS_MODULE);
}

#define kmem_cache_alloc_node(s, flags, node)	((void)(node), kmem_cache_alloc(s, flags))
#define kmem_cache_alloc_lru(s, lru, flags)	((void)(lru), kmem_cache_alloc(s, flags))

/* kmalloc, falling back to vmalloc for big sizes; free with kvfree(). */
static __always_inline __malloc void *kvmalloc(size_t size, gfp_t flags)
{
	return __lkm_kvmalloc(size, flags, THIS_MODULE);
}

static __always_inline __malloc void *kvzalloc(size_t size, gfp_t flags)
{
	return __lkm_kvmalloc(size, flags | __GFP_ZERO, THIS_MODULE);
}

#define kvmalloc_node(size, flags, node)	((void)(node), kvmalloc(size, flags))
#define kvzalloc_node(size, flags, node)	((void)(node), kvzalloc(size, flags))

static inline __malloc void *kvmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;

	return __lkm_kvmalloc(bytes, flags, THIS_MODULE);
}

static inline __malloc void *kvcalloc(size_t n, size_t size, gfp_t flags)
{
	return kvmalloc_array(n, size, flags | __GFP_ZERO);
}

#define kvmalloc_array_node(n, size, flags, node) ((void)(node), kvmalloc_array(n, size, flags))
#define kvcalloc_node(n, size, flags, node)	((void)(node), kvcalloc(n, size, flags))

static inline void *kvrealloc(const void *p, size_t size, gfp_t flags)
{
	return __lkm_kvrealloc(p, size, flags, THIS_MODULE);
}

extern void kvfree(const void *addr);
extern void kvfree_sensitive(const void *addr, size_t len);

/* kfree_rcu() and friends: <linux/rcupdate.h>, which slab users get as on Linux. */
#include <linux/rcupdate.h>

DEFINE_FREE(kfree, void *, if (!IS_ERR_OR_NULL(_T)) kfree(_T))
DEFINE_FREE(kvfree, void *, if (!IS_ERR_OR_NULL(_T)) kvfree(_T))

/* Each allocation records its call site (linux/alloc_tag.h); after every inline function above. */
#define kmalloc(...)                    alloc_hooks(kmalloc(__VA_ARGS__))
#define kzalloc(...)                    alloc_hooks(kzalloc(__VA_ARGS__))
#define __kmalloc(...)                  alloc_hooks(__kmalloc(__VA_ARGS__))
#define kmalloc_array(...)              alloc_hooks(kmalloc_array(__VA_ARGS__))
#define kcalloc(...)                    alloc_hooks(kcalloc(__VA_ARGS__))
#define krealloc(...)                   alloc_hooks(krealloc(__VA_ARGS__))
#define krealloc_array(...)             alloc_hooks(krealloc_array(__VA_ARGS__))
#define kmem_cache_alloc(...)           alloc_hooks(kmem_cache_alloc(__VA_ARGS__))
#define kmem_cache_zalloc(...)          alloc_hooks(kmem_cache_zalloc(__VA_ARGS__))
#define kvmalloc(...)                   alloc_hooks(kvmalloc(__VA_ARGS__))
#define kvzalloc(...)                   alloc_hooks(kvzalloc(__VA_ARGS__))
#define kvmalloc_array(...)             alloc_hooks(kvmalloc_array(__VA_ARGS__))
#define kvcalloc(...)                   alloc_hooks(kvcalloc(__VA_ARGS__))
#define kvrealloc(...)                  alloc_hooks(kvrealloc(__VA_ARGS__))

#endif	/* _LINUX_SLAB_H */
