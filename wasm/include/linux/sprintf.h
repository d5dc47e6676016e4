/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_KERNEL_SPRINTF_H_
#define _LINUX_KERNEL_SPRINTF_H_

#include <linux/compiler_types.h>
#include <linux/types.h>
#include <linux/stdarg.h>
#include <linux/init.h>
#include <linux/alloc_tag.h>

struct module;

int num_to_str(char *buf, int size, unsigned long long num, unsigned int width);

__printf(2, 3) int sprintf(char *buf, const char * fmt, ...);
__printf(2, 0) int vsprintf(char *buf, const char *, va_list);
__printf(3, 4) int snprintf(char *buf, size_t size, const char *fmt, ...);
__printf(3, 0) int vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
__printf(3, 4) int scnprintf(char *buf, size_t size, const char *fmt, ...);
__printf(3, 0) int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);

/*
 * kasprintf & co. allocate; in a module the memory is charged to it (THIS_MODULE) like kmalloc().
 */
__printf(3, 0) __malloc char *__lkm_kvasprintf(struct module *owner, gfp_t gfp, const char *fmt, va_list args);
__printf(3, 0) const char *__lkm_kvasprintf_const(struct module *owner, gfp_t gfp, const char *fmt, va_list args);

__printf(2, 0) static inline __malloc char *kvasprintf(gfp_t gfp, const char *fmt, va_list args)
{
	return __lkm_kvasprintf(THIS_MODULE, gfp, fmt, args);
}

__printf(2, 0) static inline const char *kvasprintf_const(gfp_t gfp, const char *fmt, va_list args)
{
	return __lkm_kvasprintf_const(THIS_MODULE, gfp, fmt, args);
}

__printf(2, 3) static inline __malloc char *kasprintf(gfp_t gfp, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = __lkm_kvasprintf(THIS_MODULE, gfp, fmt, ap);
	va_end(ap);
	return p;
}

__scanf(2, 3) int sscanf(const char *, const char *, ...);
__scanf(2, 0) int vsscanf(const char *, const char *, va_list);

/* These are for specific cases, do not use without real need */
extern bool no_hash_pointers;

/* Each allocation records its call site (linux/alloc_tag.h); after every inline function above. */
#define kvasprintf(...)                 alloc_hooks(kvasprintf(__VA_ARGS__))
#define kvasprintf_const(...)           alloc_hooks(kvasprintf_const(__VA_ARGS__))
#define kasprintf(...)                  alloc_hooks(kasprintf(__VA_ARGS__))

#endif	/* _LINUX_KERNEL_SPRINTF_H */
