// SPDX-License-Identifier: GPL-2.0
/*
 * Copies between kernel memory and the current task's user memory (a separate address range, see
 * linux/uaccess.h). The host knows the task's memory; a pointer outside it copies nothing.
 */
#include <linux/uaccess.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/export.h>
#include "host.h"

/* Returns the number of bytes NOT copied. */
__host_import(user_copy) unsigned long host_user_copy(int to_user, unsigned long uaddr, void *kaddr,
						     unsigned long n);

unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (!n)
		return 0;
	if (!access_ok(to, n))
		return n;
	return host_user_copy(1, (unsigned long)to, (void *)from, n);
}
EXPORT_SYMBOL(copy_to_user);

unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long left;

	if (!n)
		return 0;
	if (!access_ok(from, n)) {
		memset(to, 0, n);
		return n;
	}
	left = host_user_copy(0, (unsigned long)from, to, n);
	/* As Linux: the part that could not be copied is zeroed. */
	if (left)
		memset((char *)to + (n - left), 0, left);
	return left;
}
EXPORT_SYMBOL(copy_from_user);

unsigned long clear_user(void __user *to, unsigned long n)
{
	static const char zeros[256];
	unsigned long done = 0;

	while (done < n) {
		unsigned long chunk = n - done < sizeof(zeros) ? n - done : sizeof(zeros);
		unsigned long left = copy_to_user((char __user *)to + done, zeros, chunk);

		done += chunk - left;
		if (left)
			break;
	}
	return n - done;
}
EXPORT_SYMBOL(clear_user);

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	long i;

	if (count <= 0)
		return 0;
	for (i = 0; i < count; i++) {
		if (copy_from_user(dst + i, src + i, 1))
			return -EFAULT;
		if (!dst[i])
			return i;
	}
	return count;
}
EXPORT_SYMBOL(strncpy_from_user);

long strnlen_user(const char __user *str, long n)
{
	long i;
	char c;

	for (i = 0; i < n; i++) {
		if (copy_from_user(&c, str + i, 1))
			return 0;
		if (!c)
			return i + 1;
	}
	return n + 1;
}
EXPORT_SYMBOL(strnlen_user);

void *memdup_user(const void __user *src, size_t len)
{
	void *p = kmalloc(len, GFP_KERNEL);

	if (!p)
		return ERR_PTR(-ENOMEM);
	if (copy_from_user(p, src, len)) {
		kfree(p);
		return ERR_PTR(-EFAULT);
	}
	return p;
}
EXPORT_SYMBOL(memdup_user);

void *memdup_user_nul(const void __user *src, size_t len)
{
	char *p = kmalloc(len + 1, GFP_KERNEL);

	if (!p)
		return ERR_PTR(-ENOMEM);
	if (copy_from_user(p, src, len)) {
		kfree(p);
		return ERR_PTR(-EFAULT);
	}
	p[len] = '\0';
	return p;
}
EXPORT_SYMBOL(memdup_user_nul);

char *strndup_user(const char __user *s, long n)
{
	long length = strnlen_user(s, n);
	char *p;

	if (!length)
		return ERR_PTR(-EFAULT);
	if (length > n)
		return ERR_PTR(-EINVAL);
	p = memdup_user(s, length);
	if (IS_ERR(p))
		return p;
	p[length - 1] = '\0';
	return p;
}
EXPORT_SYMBOL(strndup_user);
