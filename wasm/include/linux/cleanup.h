/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CLEANUP_H
#define _LINUX_CLEANUP_H

#include <linux/compiler.h>

/*
 * Scope-based cleanup (Linux's cleanup.h, the pointer part):
 *	DEFINE_FREE(kfree, void *, if (_T) kfree(_T))
 *	struct obj *p __free(kfree) = kmalloc(...);
 *	return_ptr(p);   (hand the pointer on instead of freeing it)
 */
#define __free(_name)	__cleanup(__free_##_name)
#define DEFINE_FREE(_name, _type, _free) \
	static inline void __free_##_name(void *p) { _type _T = *(_type *)p; _free; }
#define no_free_ptr(p) \
	({ __auto_type __ptr = (p); (p) = NULL; __ptr; })
#define return_ptr(p)	return no_free_ptr(p)


#endif /* _LINUX_CLEANUP_H */
