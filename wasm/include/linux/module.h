/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Dynamic loading of modules into the kernel: what a module sees of itself and of other modules.
 * struct module's layout is part of the ABI (docs/module-format.md §5): the build generates each
 * module's __this_module, and the host reads it.
 */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <linux/list.h>
#include <linux/stat.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/stringify.h>
#include <linux/moduleparam.h>
#include <linux/export.h>
#include <linux/dynamic_debug.h>
#include <linux/random.h>	/* get_random_*(), visible from module.h as on Linux (through its includes) */

#define MODULE_NAME_LEN (64 - sizeof(unsigned long))

enum module_state {
	MODULE_STATE_LIVE,	/* Normal state. */
	MODULE_STATE_COMING,	/* Full formed, running module_init. */
	MODULE_STATE_GOING,	/* Going away. */
	MODULE_STATE_UNFORMED,	/* Still setting it up. */
};

struct kunit_suite;

struct module {
	/* Unique name of module, as KBUILD_MODNAME. */
	char name[MODULE_NAME_LEN];
	/* Entry points (table indices; 0 when absent). */
	int (*init)(void);
	void (*exit)(void);
	/* The __param section: this module's parameters. */
	const struct kernel_param *kp;
	const struct kernel_param *kp_end;
	/* Allocator accounting, kept by vmlinux's slab code (leak report at unload). */
	struct list_head kmem_allocs;
	unsigned long kmem_bytes;
	unsigned long kmem_count;
	/* Per-module taint bits, kept by the kernel. */
	unsigned int taints;
	/* The __dyndbg section: this module's pr_debug() call sites. */
	struct _ddebug *dyndbg;
	struct _ddebug *dyndbg_end;
	/* The kunit_test_suites section: the KUnit suites run when the module goes live (lib/kunit). */
	struct kunit_suite **kunit_suites;
	struct kunit_suite **kunit_suites_end;
};

_Static_assert(sizeof(struct module) == 112, "struct module layout is ABI (docs/module-format.md)");

/* Generic info of form tag = "info" */
#define MODULE_INFO(tag, info) __MODULE_INFO(tag, tag, info)

/* For userspace: you can also call me... */
#define MODULE_ALIAS(_alias) MODULE_INFO(alias, _alias)

/* Soft module dependencies: "pre: a b post: c". */
#define MODULE_SOFTDEP(_softdep) MODULE_INFO(softdep, _softdep)

/* Weak module dependencies: loaded by modprobe only if present, never required. */
#define MODULE_WEAKDEP(_weakdep) MODULE_INFO(weakdep, _weakdep)

/*
 * Built-in code records which module it would be (Linux's MODULE_FILE): "NAME.file=PATH", PATH being
 * KBUILD_MODFILE, the object's path without ".o". The build derives modules.builtin from these strings.
 */
#if !defined(MODULE) && defined(KBUILD_MODFILE)
#define MODULE_FILE MODULE_INFO(file, KBUILD_MODFILE);
#else
#define MODULE_FILE
#endif

/*
 * The license decides whether the kernel is tainted (P) and whether EXPORT_SYMBOL_GPL symbols are
 * visible: "GPL", "GPL v2", "GPL and additional rights", "Dual BSD/GPL", "Dual MIT/GPL" and
 * "Dual MPL/GPL" are GPL-compatible; anything else (e.g. "Proprietary") is not. In built-in code it
 * also marks the object as a built-in module (MODULE_FILE).
 */
#define MODULE_LICENSE(_license) MODULE_FILE MODULE_INFO(license, _license)

/* Author(s), use "Name <email>" or just "Name", for multiple authors use multiple MODULE_AUTHOR() statements. */
#define MODULE_AUTHOR(_author) MODULE_INFO(author, _author)

/* What your module does. */
#define MODULE_DESCRIPTION(_description) MODULE_INFO(description, _description)

/* Version of form [<epoch>:]<version>[-<extra-version>]. */
#define MODULE_VERSION(_version) MODULE_INFO(version, _version)

/* Optional firmware file (or files) needed by the module. */
#define MODULE_FIRMWARE(_firmware) MODULE_INFO(firmware, _firmware)

/* Symbol namespaces a module imports (6.12 takes the namespace as a bare token). */
#define MODULE_IMPORT_NS(ns) MODULE_INFO(import_ns, __stringify(ns))

#ifdef MODULE
/* Creates an alias so file2alias.c can find device table. */
#define MODULE_DEVICE_TABLE(type, name)					\
extern typeof(name) __mod_##type##__##name##_device_table		\
  __attribute__ ((unused, alias(__stringify(name))))
#else  /* !MODULE */
#define MODULE_DEVICE_TABLE(type, name)
#endif

#ifdef MODULE
/* The entry points insmod and rmmod call (the module's own, or the legacy definitions of that name). */
extern int init_module(void);
extern void cleanup_module(void);

/*
 * init_module/cleanup_module are aliases of the functions given, as in Linux, but weak ones: LLVM's
 * GlobalOpt gives a static function that only a strong alias uses the alias's name, while a weak alias may
 * be replaced at link time, so it leaves both names alone. The linker then names the function after the C
 * function in the name section (call traces read `hello_init [hello]`) and exports it as init_module,
 * with no rewriting after the link. Two module_init()s in one module are still an error: the build checks
 * the objects' symbol tables before linking (docs/module-format.md §3).
 */
/* Each module must use one module_init(). */
#define module_init(initfn)							\
	static inline initcall_t __maybe_unused __inittest(void)		\
	{ return initfn; }							\
	int init_module(void) __attribute__((weak, alias(#initfn)));

/* This is only required if you want to be unloadable. */
#define module_exit(exitfn)							\
	static inline exitcall_t __maybe_unused __exittest(void)		\
	{ return exitfn; }							\
	void cleanup_module(void) __attribute__((weak, alias(#exitfn)));
#else
#define module_init(x)	__initcall(x);
#define module_exit(x)	__exitcall(x);
#endif

#define late_initcall_sync(fn)	module_init(fn)
#define console_initcall(fn)	module_init(fn)

/* Reference counting: kernel/module/main.c semantics, kept by the kernel host. */
extern bool try_module_get(struct module *module);
extern void module_put(struct module *module);
extern void __module_get(struct module *module);
extern int module_refcount(struct module *mod);
extern bool module_is_live(struct module *mod);

#define module_name(mod)							\
({										\
	struct module *__mod = (mod);						\
	__mod ? __mod->name : "kernel";						\
})

/* symbol_get/put: take a reference on the owner of an exported GPL-only symbol, or NULL. */
extern void *__symbol_get(const char *symbol);
extern void __symbol_put(const char *symbol);
extern void symbol_put_addr(void *addr);

#define symbol_get(x) ((typeof(&x))(__symbol_get(__stringify(x))))
#define symbol_put(x) __symbol_put(__stringify(x))
#define symbol_request(x) try_then_request_module(symbol_get(x), "symbol:" #x)

#define try_then_request_module(x, mod...) \
	((x) ?: (__request_module(true, mod), (x)))
extern __printf(2, 3) int __request_module(bool wait, const char *name, ...);
#define request_module(mod...) __request_module(true, mod)
#define request_module_nowait(mod...) __request_module(false, mod)

/* kernel/module/signing.c: module.sig_enforce (CONFIG_MODULE_SIG). */
bool is_module_sig_enforced(void);
void set_module_sig_enforced(void);

#endif /* _LINUX_MODULE_H */
