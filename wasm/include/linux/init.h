/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler_types.h>
#include <linux/types.h>

/*
 * Linux puts __init code in .init.text and frees it once init has run. WebAssembly code cannot be freed
 * piecemeal, so the markers only keep their meaning as hints (and initsize reads 0 once a module is live,
 * as on Linux).
 */
#define __init		__cold notrace
#define __initdata
#define __initconst
#define __exit		__cold notrace
#define __exitdata
#define __exit_call
#define __ref
#define __refdata
#define __refconst
#define __meminit
#define __meminitdata
#define __meminitconst
#define __devinit
#define __devexit
#define __init_or_module
#define __exit_p(x)	x
#define __devexit_p(x)	x

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

struct module;
#ifdef MODULE
extern struct module __this_module;
#define THIS_MODULE (&__this_module)
#else
#define THIS_MODULE ((struct module *)0)
#endif

#ifndef MODULE
/* Built into vmlinux: registered in the initcall section, run by the kernel at boot. */
#define __define_initcall(fn, id) \
	static initcall_t __initcall_##fn##id __used __section("initcall" #id) = fn
#define early_initcall(fn)		__define_initcall(fn, 0)
#define core_initcall(fn)		__define_initcall(fn, 1)
#define postcore_initcall(fn)		__define_initcall(fn, 2)
#define arch_initcall(fn)		__define_initcall(fn, 3)
#define subsys_initcall(fn)		__define_initcall(fn, 4)
#define fs_initcall(fn)			__define_initcall(fn, 5)
#define device_initcall(fn)		__define_initcall(fn, 6)
#define late_initcall(fn)		__define_initcall(fn, 7)
#define __initcall(fn)			device_initcall(fn)
#define __exitcall(fn) \
	static exitcall_t __exitcall_##fn __used __section("exitcall") = fn
#endif

#endif /* _LINUX_INIT_H */
