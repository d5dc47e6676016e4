/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_UACCESS_H
#define __LINUX_UACCESS_H

/*
 * User memory. User space lives in its own address range, [USER_BASE, USER_BASE + TASK_SIZE): a
 * program's memory, or the buffer a TypeScript caller passed. Kernel memory is below 1 GiB, so a driver
 * that writes through a user pointer without copy_to_user() faults (an Oops) instead of corrupting the
 * kernel, and copy_{to,from}_user() with a pointer outside the range copies nothing and the caller
 * returns -EFAULT, as on Linux.
 */
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/kernel.h>

#define USER_BASE	0x80000000UL
#define TASK_SIZE	0x7fff0000UL

/* Bytes NOT copied (0 on success). */
extern unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
extern unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
extern unsigned long clear_user(void __user *to, unsigned long n);
extern long strncpy_from_user(char *dst, const char __user *src, long count);
extern long strnlen_user(const char __user *str, long n);
extern void *memdup_user(const void __user *src, size_t len);
extern void *memdup_user_nul(const void __user *src, size_t len);
extern char *strndup_user(const char __user *s, long n);

#define __copy_to_user(to, from, n)	copy_to_user(to, from, n)
#define __copy_from_user(to, from, n)	copy_from_user(to, from, n)
#define raw_copy_to_user(to, from, n)	copy_to_user(to, from, n)
#define raw_copy_from_user(to, from, n)	copy_from_user(to, from, n)

static inline bool __access_ok(const void __user *ptr, unsigned long size)
{
	unsigned long addr = (unsigned long)ptr;

	return addr >= USER_BASE && size <= TASK_SIZE && addr - USER_BASE <= TASK_SIZE - size;
}
#define access_ok(addr, size) __access_ok((const void __user *)(addr), (size))

/* get_user/put_user: one value of the pointer's type; 0 or -EFAULT. */
#define get_user(x, ptr)							\
({									\
	__typeof__(*(ptr)) __gu_val;					\
	int __gu_err = copy_from_user(&__gu_val, (ptr), sizeof(*(ptr))) ? -EFAULT : 0; \
	(x) = __gu_err ? (__typeof__(*(ptr)))0 : __gu_val;		\
	__gu_err;							\
})

#define put_user(x, ptr)							\
({									\
	__typeof__(*(ptr)) __pu_val = (x);				\
	copy_to_user((ptr), &__pu_val, sizeof(*(ptr))) ? -EFAULT : 0;	\
})

#define __get_user(x, ptr)	get_user(x, ptr)
#define __put_user(x, ptr)	put_user(x, ptr)

static inline int copy_struct_from_user(void *dst, size_t ksize, const void __user *src, size_t usize)
{
	size_t size = ksize < usize ? ksize : usize;

	if (usize < ksize)
		__builtin_memset((char *)dst + size, 0, ksize - size);
	return copy_from_user(dst, src, size) ? -EFAULT : 0;
}

#endif
