/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _DYNAMIC_DEBUG_H
#define _DYNAMIC_DEBUG_H

#include <linux/compiler_types.h>

/*
 * One pr_debug() call site. As with CONFIG_DYNAMIC_DEBUG, every site is compiled in and starts disabled;
 * the kernel enables sites by flipping _DPRINTK_FLAGS_PRINT (the "dyndbg" module parameter, or
 * /proc/dynamic_debug/control). The sites of a module are the __dyndbg section, reachable from
 * THIS_MODULE->dyndbg .. dyndbg_end.
 */
struct _ddebug {
	const char *modname;
	const char *function;
	const char *filename;
	const char *format;
	unsigned int lineno:18;
	unsigned int class_id:6;
	unsigned int flags:8;
} __attribute__((aligned(8)));

#define _DPRINTK_FLAGS_NONE		0
#define _DPRINTK_FLAGS_PRINT		(1 << 0)
#define _DPRINTK_FLAGS_INCL_MODNAME	(1 << 1)
#define _DPRINTK_FLAGS_INCL_FUNCNAME	(1 << 2)
#define _DPRINTK_FLAGS_INCL_LINENO	(1 << 3)
#define _DPRINTK_FLAGS_INCL_TID		(1 << 4)
#define _DPRINTK_FLAGS_INCL_SOURCENAME	(1 << 5)
#define _DPRINTK_FLAGS_DEFAULT		0

#define DEFINE_DYNAMIC_DEBUG_METADATA(name, fmt)				\
	static struct _ddebug __aligned(8) __section("__dyndbg") __used name = {	\
		.modname = KBUILD_MODNAME,					\
		.function = __func__,						\
		.filename = __FILE__,						\
		.format = (fmt),						\
		.lineno = __LINE__,						\
		.flags = _DPRINTK_FLAGS_DEFAULT,				\
	}

#define DYNAMIC_DEBUG_BRANCH(descriptor) \
	__builtin_expect(!!((descriptor).flags & _DPRINTK_FLAGS_PRINT), 0)

/* Runs `stmt` when the call site is enabled. */
#define __dynamic_func_call(fmt, stmt)						\
do {										\
	DEFINE_DYNAMIC_DEBUG_METADATA(__ddebug_site, fmt);			\
	if (DYNAMIC_DEBUG_BRANCH(__ddebug_site))				\
		stmt;								\
} while (0)

#define dynamic_pr_debug(fmt, ...)						\
	__dynamic_func_call(pr_fmt(fmt),					\
			    _printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__))

#endif
