/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_EXPORT_H
#define _LINUX_EXPORT_H

#include <linux/compiler_types.h>
#include <linux/stringify.h>
#include <linux/init.h>

/*
 * EXPORT_SYMBOL(sym) records "sym" in the custom section __ksymtab (or __ksymtab_gpl) of the object,
 * as Linux records it in its ELF __ksymtab sections. The build reads those names and tells wasm-ld to
 * export exactly these symbols; the loader publishes them to the kernel symbol table, GPL-only ones
 * visible to GPL-compatible modules only. See docs/module-format.md §2.
 */
#define __EXPORT_SYMBOL(sym, sec)						\
	extern typeof(sym) sym;							\
	__asm__(".section .custom_section." sec ",\"\",@\n"			\
		".asciz \"" #sym "\"\n"						\
		".text\n")

#define EXPORT_SYMBOL(sym)		__EXPORT_SYMBOL(sym, "__ksymtab")
#define EXPORT_SYMBOL_GPL(sym)		__EXPORT_SYMBOL(sym, "__ksymtab_gpl")
#define EXPORT_SYMBOL_NS(sym, ns)	__EXPORT_SYMBOL(sym, "__ksymtab")
#define EXPORT_SYMBOL_NS_GPL(sym, ns)	__EXPORT_SYMBOL(sym, "__ksymtab_gpl")
#define EXPORT_SYMBOL_GPL_FOR_MODULES(sym, mods) __EXPORT_SYMBOL(sym, "__ksymtab_gpl")

#endif /* _LINUX_EXPORT_H */
