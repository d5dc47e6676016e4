/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_STRING_H_
#define _LINUX_STRING_H_

#include <linux/args.h>
#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/overflow.h>
#include <linux/stdarg.h>
#include <linux/init.h>
#include <linux/alloc_tag.h>
#include <linux/array_size.h>

struct module;

/* String duplication, charged to the calling module like kmalloc(). */
char *__lkm_kstrdup(const char *s, gfp_t gfp, struct module *owner) __malloc;
const char *__lkm_kstrdup_const(const char *s, gfp_t gfp, struct module *owner);
char *__lkm_kstrndup(const char *s, size_t len, gfp_t gfp, struct module *owner) __malloc;
void *__lkm_kmemdup(const void *src, size_t len, gfp_t gfp, struct module *owner) __malloc;
void *__lkm_kvmemdup(const void *src, size_t len, gfp_t gfp, struct module *owner) __malloc;
char *__lkm_kmemdup_nul(const char *s, size_t len, gfp_t gfp, struct module *owner) __malloc;

static inline __malloc char *kstrdup(const char *s, gfp_t gfp)
{
	return __lkm_kstrdup(s, gfp, THIS_MODULE);
}

static inline const char *kstrdup_const(const char *s, gfp_t gfp)
{
	return __lkm_kstrdup_const(s, gfp, THIS_MODULE);
}

static inline __malloc char *kstrndup(const char *s, size_t len, gfp_t gfp)
{
	return __lkm_kstrndup(s, len, gfp, THIS_MODULE);
}

static inline __malloc void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	return __lkm_kmemdup(src, len, gfp, THIS_MODULE);
}

static inline __malloc void *kvmemdup(const void *src, size_t len, gfp_t gfp)
{
	return __lkm_kvmemdup(src, len, gfp, THIS_MODULE);
}

static inline __malloc char *kmemdup_nul(const char *s, size_t len, gfp_t gfp)
{
	return __lkm_kmemdup_nul(s, len, gfp, THIS_MODULE);
}

static inline __malloc void *kmemdup_array(const void *src, size_t count, size_t element_size, gfp_t gfp)
{
	return __lkm_kmemdup(src, size_mul(element_size, count), gfp, THIS_MODULE);
}

extern void kfree_const(const void *x);

extern char *strcpy(char *, const char *);
extern char *strncpy(char *, const char *, __kernel_size_t);
ssize_t sized_strscpy(char *, const char *, size_t);

/*
 * strscpy(dst, src[, size]): copy a C-string into a sized buffer, always NUL-terminated (unless size 0).
 * Returns the number of characters copied, or -E2BIG when @src was truncated. Without @size, @dst must be
 * an array and its size is used.
 */
#define __strscpy0(dst, src, ...)	\
	sized_strscpy(dst, src, sizeof(dst) + __must_be_array(dst))
#define __strscpy1(dst, src, size)	\
	sized_strscpy(dst, src, size)

#define __strscpy_pad0(dst, src, ...)	\
	sized_strscpy_pad(dst, src, sizeof(dst) + __must_be_array(dst))
#define __strscpy_pad1(dst, src, size)	\
	sized_strscpy_pad(dst, src, size)

#define strscpy(dst, src, ...)	\
	CONCATENATE(__strscpy, COUNT_ARGS(__VA_ARGS__))(dst, src, __VA_ARGS__)

#define strscpy_pad(dst, src, ...)	\
	CONCATENATE(__strscpy_pad, COUNT_ARGS(__VA_ARGS__))(dst, src, __VA_ARGS__)

extern char *strcat(char *, const char *);
extern char *strncat(char *, const char *, __kernel_size_t);
extern size_t strlcat(char *, const char *, __kernel_size_t);
extern int strcmp(const char *,const char *);
extern int strncmp(const char *,const char *,__kernel_size_t);
extern int strcasecmp(const char *s1, const char *s2);
extern int strncasecmp(const char *s1, const char *s2, size_t n);
extern char * strchr(const char *,int);
extern char * strchrnul(const char *,int);
extern char * strnchrnul(const char *, size_t, int);
extern char * strnchr(const char *, size_t, int);
extern char * strrchr(const char *,int);
extern char * __must_check skip_spaces(const char *);

extern char *strim(char *);

static inline __must_check char *strstrip(char *str)
{
	return strim(str);
}

extern char * strstr(const char *, const char *);
extern char * strnstr(const char *, const char *, size_t);
extern __kernel_size_t strlen(const char *);
extern __kernel_size_t strnlen(const char *,__kernel_size_t);
extern char * strpbrk(const char *,const char *);
extern char * strsep(char **,const char *);
extern __kernel_size_t strspn(const char *,const char *);
extern __kernel_size_t strcspn(const char *,const char *);

extern void *memset(void *,int,__kernel_size_t);
extern void *memset16(uint16_t *, uint16_t, __kernel_size_t);
extern void *memset32(uint32_t *, uint32_t, __kernel_size_t);
extern void *memset64(uint64_t *, uint64_t, __kernel_size_t);

static inline void *memset_l(unsigned long *p, unsigned long v,
		__kernel_size_t n)
{
	return memset32((uint32_t *)p, v, n);
}

static inline void *memset_p(void **p, void *v, __kernel_size_t n)
{
	return memset32((uint32_t *)p, (uintptr_t)v, n);
}

/* A new NULL-terminated array of @a's pointers then @b's (both NULL-terminated), or NULL (lib/memcat_p.c). */
extern void **__memcat_p(void **a, void **b);
#define memcat_p(a, b) ({						\
	BUILD_BUG_ON_MSG(!__same_type(*(a), *(b)),			\
			 "type mismatch in memcat_p()");		\
	(typeof(*a) *)__memcat_p((void **)(a), (void **)(b));		\
})
extern void * memcpy(void *,const void *,__kernel_size_t);
extern void * memmove(void *,const void *,__kernel_size_t);
extern void * memscan(void *,int,__kernel_size_t);
extern int memcmp(const void *,const void *,__kernel_size_t);
extern int bcmp(const void *,const void *,__kernel_size_t);
extern void * memchr(const void *,int,__kernel_size_t);
void *memchr_inv(const void *s, int c, size_t n);
char *strreplace(char *str, char old, char new);

/* Copy @src to @dest and fill the rest of @dest (size @dest_len) with @pad. */
static inline void memcpy_and_pad(void *dest, size_t dest_len, const void *src, size_t count, int pad)
{
	if (dest_len > count) {
		memcpy(dest, src, count);
		memset((char *)dest + count, pad,  dest_len - count);
	} else {
		memcpy(dest, src, dest_len);
	}
}

/* strscpy() then zero the rest of the buffer. */
static inline ssize_t sized_strscpy_pad(char *dest, const char *src, size_t count)
{
	ssize_t written;

	written = sized_strscpy(dest, src, count);
	if (written < 0 || written == count - 1)
		return written;
	memset(dest + written + 1, 0, count - written - 1);
	return written;
}

/* A memset that the compiler cannot drop as a dead store. */
static inline void memzero_explicit(void *s, size_t count)
{
	memset(s, 0, count);
	barrier_data(s);
}

/* Return the final path component of @path. */
static inline const char *kbasename(const char *path)
{
	const char *tail = strrchr(path, '/');
	return tail ? tail + 1 : path;
}

extern bool sysfs_streq(const char *s1, const char *s2);
int match_string(const char * const *array, size_t n, const char *string);
int __sysfs_match_string(const char * const *array, size_t n, const char *s);

/* Index of @_s in the array @_a, or -EINVAL (sysfs_streq comparison). */
#define sysfs_match_string(_a, _s) __sysfs_match_string(_a, ARRAY_SIZE(_a), _s)

/* Does @str start with @prefix? */
static inline bool strstarts(const char *str, const char *prefix)
{
	return strncmp(str, prefix, strlen(prefix)) == 0;
}

/* Length of @prefix if @str starts with it, else 0. */
static __always_inline size_t str_has_prefix(const char *str, const char *prefix)
{
	size_t len = strlen(prefix);
	return strncmp(str, prefix, len) == 0 ? len : 0;
}

static inline const char *str_yes_no(bool v) { return v ? "yes" : "no"; }
static inline const char *str_on_off(bool v) { return v ? "on" : "off"; }
static inline const char *str_true_false(bool v) { return v ? "true" : "false"; }
static inline const char *str_enable_disable(bool v) { return v ? "enable" : "disable"; }
static inline const char *str_enabled_disabled(bool v) { return v ? "enabled" : "disabled"; }
static inline const char *str_read_write(bool v) { return v ? "read" : "write"; }
static inline const char *str_high_low(bool v) { return v ? "high" : "low"; }
static inline const char *str_plural(size_t num) { return num == 1 ? "" : "s"; }

#define memset_after(obj, v, member)					\
({									\
	u8 *__ptr = (u8 *)(obj);					\
	typeof(v) __val = (v);						\
	memset(__ptr + offsetofend(typeof(*(obj)), member), __val,	\
	       sizeof(*(obj)) - offsetofend(typeof(*(obj)), member));	\
})

#define memset_startat(obj, v, member)					\
({									\
	u8 *__ptr = (u8 *)(obj);					\
	typeof(v) __val = (v);						\
	memset(__ptr + offsetof(typeof(*(obj)), member), __val,		\
	       sizeof(*(obj)) - offsetof(typeof(*(obj)), member));	\
})

/* Each allocation records its call site (linux/alloc_tag.h); after every inline function above. */
#define kstrdup(...)                    alloc_hooks(kstrdup(__VA_ARGS__))
#define kstrdup_const(...)              alloc_hooks(kstrdup_const(__VA_ARGS__))
#define kstrndup(...)                   alloc_hooks(kstrndup(__VA_ARGS__))
#define kmemdup(...)                    alloc_hooks(kmemdup(__VA_ARGS__))
#define kvmemdup(...)                   alloc_hooks(kvmemdup(__VA_ARGS__))
#define kmemdup_nul(...)                alloc_hooks(kmemdup_nul(__VA_ARGS__))
#define kmemdup_array(...)              alloc_hooks(kmemdup_array(__VA_ARGS__))

#endif /* _LINUX_STRING_H_ */
