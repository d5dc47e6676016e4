/* SPDX-License-Identifier: GPL-2.0 */
/* Force-included into every kernel object (-include linux/kconfig.h), as in Linux. */
#ifndef _LINUX_KCONFIG_H
#define _LINUX_KCONFIG_H

/* The configuration this emulated kernel behaves as. */
#define CONFIG_MODULES 1
#define CONFIG_MODULE_UNLOAD 1
#define CONFIG_MODULE_FORCE_UNLOAD 1
#define CONFIG_SMP 1
#define CONFIG_PRINTK 1
#define CONFIG_SYSFS 1
#define CONFIG_PROC_FS 1
#define CONFIG_DEBUG_FS 1
#define CONFIG_NR_CPUS 1
#define CONFIG_HZ 100
#define CONFIG_PAGE_SHIFT 12
#define CONFIG_MODPROBE_PATH "/sbin/modprobe"
#define CONFIG_CONSOLE_LOGLEVEL_DEFAULT 7
#define CONFIG_MESSAGE_LOGLEVEL_DEFAULT 4
/* Module signing: checked, not enforced unless module.sig_enforce=1 (as distributions ship it). */
#define CONFIG_MODULE_SIG 1
#define CONFIG_MODULE_SIG_SHA256 1
#define CONFIG_MODULE_SIG_HASH "sha256"

#define __ARG_PLACEHOLDER_1 0,
#define __take_second_arg(__ignored, val, ...) val
#define __is_defined(x)			___is_defined(x)
#define ___is_defined(val)		____is_defined(__ARG_PLACEHOLDER_##val)
#define ____is_defined(arg1_or_junk)	__take_second_arg(arg1_or_junk 1, 0)
#define __or(x, y)			___or(x, y)
#define ___or(x, y)			____or(__ARG_PLACEHOLDER_##x, y)
#define ____or(arg1_or_junk, y)		__take_second_arg(arg1_or_junk 1, y)

#define IS_BUILTIN(option) __is_defined(option)
#define IS_MODULE(option) __is_defined(option##_MODULE)
#define IS_REACHABLE(option) __or(IS_BUILTIN(option), (IS_MODULE(option) && defined(MODULE)))
#define IS_ENABLED(option) __or(IS_BUILTIN(option), IS_MODULE(option))

#endif
