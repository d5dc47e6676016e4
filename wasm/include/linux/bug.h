/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BUG_H
#define _LINUX_BUG_H

#include <linux/compiler.h>
#include <linux/build_bug.h>
#include <linux/types.h>
#include <linux/init.h>
#include <linux/panic.h>
#include <linux/printk.h>

#define CUT_HERE		"------------[ cut here ]------------\n"

struct pt_regs;
struct warn_args;

/*
 * BUG() and WARN() as on x86, where the trap handler (report_bug) prints the report:
 *
 *   BUG():    "------------[ cut here ]------------", "kernel BUG at FILE:LINE!" (KERN_CRIT), then the
 *             CPU traps (wasm `unreachable`) and the host reports the oops.
 *   WARN_ON(): "------------[ cut here ]------------",
 *             "WARNING: CPU: 0 PID: <pid> at FILE:LINE FUNC [MOD]", "Modules linked in"/call trace from the
 *             host's dump_stack, "---[ end trace 0000000000000000 ]---", then taint W.
 *   WARN(fmt): the same, the formatted message printed right after the "cut here" line.
 *
 * WebAssembly has no return addresses, so the caller is named by __func__ and KBUILD_MODNAME (modules)
 * where Linux prints %pS of the trapping address.
 */
#ifdef MODULE
#define __LKM_BUG_MOD	KBUILD_MODNAME
#else
#define __LKM_BUG_MOD	((const char *)0)
#endif

void __noreturn __cold __lkm_bug(const char *file, int line, const char *func, const char *mod);
void __cold __lkm_warn(const char *file, int line, const char *func, const char *mod,
		       unsigned int taint, bool cut_here);
__printf(1, 2) void __warn_printk(const char *fmt, ...);

#define BUG() __lkm_bug(__FILE__, __LINE__, __func__, __LKM_BUG_MOD)
#define BUG_ON(condition) do { if (unlikely(condition)) BUG(); } while (0)

#define __WARN_FLAGS_LKM(taint, cut)						\
	__lkm_warn(__FILE__, __LINE__, __func__, __LKM_BUG_MOD, taint, cut)
#define __WARN()		__WARN_FLAGS_LKM(TAINT_WARN, true)
#define __WARN_printf(taint, arg...) do {					\
		__warn_printk(arg);						\
		__WARN_FLAGS_LKM(taint, false);					\
	} while (0)

#define WARN_ON(condition) ({							\
	int __ret_warn_on = !!(condition);					\
	if (unlikely(__ret_warn_on))						\
		__WARN();							\
	unlikely(__ret_warn_on);						\
})

#define WARN(condition, format...) ({						\
	int __ret_warn_on = !!(condition);					\
	if (unlikely(__ret_warn_on))						\
		__WARN_printf(TAINT_WARN, format);				\
	unlikely(__ret_warn_on);						\
})

#define WARN_TAINT(condition, taint, format...) ({				\
	int __ret_warn_on = !!(condition);					\
	if (unlikely(__ret_warn_on))						\
		__WARN_printf(taint, format);					\
	unlikely(__ret_warn_on);						\
})

#define __WARN_ONCE_STATE static bool __section(".data.once") __warned

#define WARN_ON_ONCE(condition) ({						\
	__WARN_ONCE_STATE;							\
	int __ret_warn_once = !!(condition);					\
	if (unlikely(__ret_warn_once && !__warned)) {				\
		__warned = true;						\
		__WARN();							\
	}									\
	unlikely(__ret_warn_once);						\
})

#define WARN_ONCE(condition, format...) ({					\
	__WARN_ONCE_STATE;							\
	int __ret_warn_once = !!(condition);					\
	if (unlikely(__ret_warn_once && !__warned)) {				\
		__warned = true;						\
		__WARN_printf(TAINT_WARN, format);				\
	}									\
	unlikely(__ret_warn_once);						\
})

#define WARN_TAINT_ONCE(condition, taint, format...) ({				\
	__WARN_ONCE_STATE;							\
	int __ret_warn_once = !!(condition);					\
	if (unlikely(__ret_warn_once && !__warned)) {				\
		__warned = true;						\
		__WARN_printf(taint, format);					\
	}									\
	unlikely(__ret_warn_once);						\
})

#define WARN_ON_SMP(x)		WARN_ON(x)
#define WARN_ON_FUNCTION_MISMATCH(x, fn) ({ 0; })

/* Skip "unused result" checks of a WARN_ON in a statement position. */
#define BUG_ON_INVALID(e) ((void)(sizeof((__force long)(e))))

#define MAYBE_BUILD_BUG_ON(cond)			\
	do {						\
		if (__builtin_constant_p((cond)))       \
			BUILD_BUG_ON(cond);             \
		else                                    \
			BUG_ON(cond);                   \
	} while (0)

enum bug_trap_type {
	BUG_TRAP_TYPE_NONE = 0,
	BUG_TRAP_TYPE_WARN = 1,
	BUG_TRAP_TYPE_BUG = 2,
};

/* Warn once and return true when @cond holds (CONFIG_DEBUG_LIST-style checks). */
static inline __must_check bool check_data_corruption(bool v) { return v; }
#define CHECK_DATA_CORRUPTION(condition, fmt, ...)			 \
	check_data_corruption(({					 \
		bool corruption = unlikely(condition);			 \
		if (corruption)						 \
			WARN(1, fmt, ##__VA_ARGS__);			 \
		corruption;						 \
	}))

#endif	/* _LINUX_BUG_H */
