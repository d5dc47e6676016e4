// SPDX-License-Identifier: GPL-2.0
/*
 * The allocation functions under their plain names, for code that calls them without this tree's
 * headers (which route them through the __lkm_*() entry points with THIS_MODULE). What they allocate
 * is charged to the kernel. This file deliberately does not include <linux/slab.h>.
 */
#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/gfp_types.h>
#include <linux/stdarg.h>
#include <linux/export.h>

struct module;
struct kmem_cache;

void *__lkm_kmalloc(size_t size, gfp_t flags, struct module *owner);
void *__lkm_krealloc(const void *objp, size_t new_size, gfp_t flags, struct module *owner);
void *__lkm_kmem_cache_alloc(struct kmem_cache *s, gfp_t flags, struct module *owner);
void *__lkm_kvmalloc(size_t size, gfp_t flags, struct module *owner);
void *__lkm_vmalloc(size_t size, gfp_t gfp_mask, struct module *owner);
unsigned long __lkm_get_free_pages(gfp_t gfp_mask, unsigned int order, struct module *owner);
char *__lkm_kstrdup(const char *s, gfp_t gfp, struct module *owner);
const char *__lkm_kstrdup_const(const char *s, gfp_t gfp, struct module *owner);
char *__lkm_kstrndup(const char *s, size_t len, gfp_t gfp, struct module *owner);
void *__lkm_kmemdup(const void *src, size_t len, gfp_t gfp, struct module *owner);
char *__lkm_kmemdup_nul(const char *s, size_t len, gfp_t gfp, struct module *owner);
char *__lkm_kvasprintf(struct module *owner, gfp_t gfp, const char *fmt, va_list args);

void *kmalloc(size_t size, gfp_t flags) { return __lkm_kmalloc(size, flags, NULL); }
EXPORT_SYMBOL(kmalloc);
void *__kmalloc(size_t size, gfp_t flags) { return __lkm_kmalloc(size, flags, NULL); }
EXPORT_SYMBOL(__kmalloc);
void *kzalloc(size_t size, gfp_t flags) { return __lkm_kmalloc(size, flags | __GFP_ZERO, NULL); }
EXPORT_SYMBOL(kzalloc);

void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (__builtin_mul_overflow(n, size, &bytes))
		return NULL;
	return __lkm_kmalloc(bytes, flags, NULL);
}
EXPORT_SYMBOL(kmalloc_array);

void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	return kmalloc_array(n, size, flags | __GFP_ZERO);
}
EXPORT_SYMBOL(kcalloc);

void *krealloc(const void *p, size_t new_size, gfp_t flags) { return __lkm_krealloc(p, new_size, flags, NULL); }
EXPORT_SYMBOL(krealloc);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags) { return __lkm_kmem_cache_alloc(s, flags, NULL); }
EXPORT_SYMBOL(kmem_cache_alloc);
void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t flags)
{
	return __lkm_kmem_cache_alloc(s, flags | __GFP_ZERO, NULL);
}
EXPORT_SYMBOL(kmem_cache_zalloc);
void *kvmalloc(size_t size, gfp_t flags) { return __lkm_kvmalloc(size, flags, NULL); }
EXPORT_SYMBOL(kvmalloc);
void *kvzalloc(size_t size, gfp_t flags) { return __lkm_kvmalloc(size, flags | __GFP_ZERO, NULL); }
EXPORT_SYMBOL(kvzalloc);
void *vmalloc(unsigned long size) { return __lkm_vmalloc(size, GFP_KERNEL, NULL); }
EXPORT_SYMBOL(vmalloc);
void *vzalloc(unsigned long size) { return __lkm_vmalloc(size, GFP_KERNEL | __GFP_ZERO, NULL); }
EXPORT_SYMBOL(vzalloc);
void *__vmalloc(unsigned long size, gfp_t gfp_mask) { return __lkm_vmalloc(size, gfp_mask, NULL); }
EXPORT_SYMBOL(__vmalloc);
unsigned long __get_free_pages(gfp_t gfp_mask, unsigned int order)
{
	return __lkm_get_free_pages(gfp_mask, order, NULL);
}
EXPORT_SYMBOL(__get_free_pages);
unsigned long get_zeroed_page(gfp_t gfp_mask) { return __lkm_get_free_pages(gfp_mask | __GFP_ZERO, 0, NULL); }
EXPORT_SYMBOL(get_zeroed_page);

char *kstrdup(const char *s, gfp_t gfp) { return __lkm_kstrdup(s, gfp, NULL); }
EXPORT_SYMBOL(kstrdup);
const char *kstrdup_const(const char *s, gfp_t gfp) { return __lkm_kstrdup_const(s, gfp, NULL); }
EXPORT_SYMBOL(kstrdup_const);
char *kstrndup(const char *s, size_t max, gfp_t gfp) { return __lkm_kstrndup(s, max, gfp, NULL); }
EXPORT_SYMBOL(kstrndup);
void *kmemdup(const void *src, size_t len, gfp_t gfp) { return __lkm_kmemdup(src, len, gfp, NULL); }
EXPORT_SYMBOL(kmemdup);
char *kmemdup_nul(const char *s, size_t len, gfp_t gfp) { return __lkm_kmemdup_nul(s, len, gfp, NULL); }
EXPORT_SYMBOL(kmemdup_nul);

char *kvasprintf(gfp_t gfp, const char *fmt, va_list ap) { return __lkm_kvasprintf(NULL, gfp, fmt, ap); }
EXPORT_SYMBOL(kvasprintf);

char *kasprintf(gfp_t gfp, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = __lkm_kvasprintf(NULL, gfp, fmt, ap);
	va_end(ap);
	return p;
}
EXPORT_SYMBOL(kasprintf);
