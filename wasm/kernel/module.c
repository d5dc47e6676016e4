// SPDX-License-Identifier: GPL-2.0
/*
 * The module API that modules call (kernel/module/main.c's exported half): reference counts and
 * symbol_get. The module list, states and counts live in the kernel host, which owns struct module's
 * life cycle; these are the C entry points into it.
 */
#include <linux/module.h>
#include <linux/errno.h>
#include <linux/sprintf.h>
#include <linux/stdarg.h>
#include "host.h"

#define HOST(name) __host_import(name)

HOST(module_get) int host_module_get(struct module *mod, int strong);
HOST(module_put) void host_module_put(struct module *mod);
HOST(module_refcount) int host_module_refcount(struct module *mod);
HOST(module_is_live) int host_module_is_live(struct module *mod);
HOST(symbol_get) void *host_symbol_get(const char *name);
HOST(symbol_put) void host_symbol_put(const char *name);
HOST(symbol_put_addr) void host_symbol_put_addr(void *addr);

/* Succeeds unless the module is going away; NULL (built-in code) always succeeds. */
bool try_module_get(struct module *module)
{
	return !module || host_module_get(module, 0) == 0;
}
EXPORT_SYMBOL(try_module_get);

/* Takes a reference the caller already knows to be safe (it holds one). */
void __module_get(struct module *module)
{
	if (module)
		host_module_get(module, 2);
}
EXPORT_SYMBOL(__module_get);

void module_put(struct module *module)
{
	if (module)
		host_module_put(module);
}
EXPORT_SYMBOL(module_put);

int module_refcount(struct module *mod)
{
	return host_module_refcount(mod);
}
EXPORT_SYMBOL(module_refcount);

bool module_is_live(struct module *mod)
{
	return !mod || host_module_is_live(mod);
}
EXPORT_SYMBOL_GPL(module_is_live);

void *__symbol_get(const char *symbol)
{
	return host_symbol_get(symbol);
}
EXPORT_SYMBOL_GPL(__symbol_get);

void __symbol_put(const char *symbol)
{
	host_symbol_put(symbol);
}
EXPORT_SYMBOL(__symbol_put);

void symbol_put_addr(void *addr)
{
	host_symbol_put_addr(addr);
}
EXPORT_SYMBOL_GPL(symbol_put_addr);

HOST(request_module) int host_request_module(const char *name, int wait);

/*
 * kernel/module/kmod.c: runs `modprobe -q -- NAME` (/proc/sys/kernel/modprobe) as a usermode helper.
 * Returns 0, a negative errno (-ENOENT: autoloading off or no helper, -ENAMETOOLONG), or, in Linux,
 * modprobe's exit status when waiting. C cannot block on JavaScript here, so every request behaves as
 * request_module_nowait(): 0 means modprobe was started, and the module arrives a moment later.
 */
int __request_module(bool wait, const char *fmt, ...)
{
	char module_name[MODULE_NAME_LEN];
	va_list args;
	int ret;

	va_start(args, fmt);
	ret = vsnprintf(module_name, MODULE_NAME_LEN, fmt, args);
	va_end(args);
	if (ret >= MODULE_NAME_LEN)
		return -ENAMETOOLONG;
	return host_request_module(module_name, wait);
}
EXPORT_SYMBOL(__request_module);

/*
 * The host's fault guards (src/kernel/oops.ts): the first address in [start, end) whose byte is not
 * @poison, or -1. Called after every call into module code on the NULL page and the stack guard, so it
 * compares 8 bytes at a time. @start may be 0: the address comes from the caller, so no NULL check can
 * be assumed away, and address 0 is ordinary memory in wasm.
 */
long __lkm_entry lkm_poison_check(unsigned long start, unsigned long end, unsigned int poison)
{
	const unsigned long long pat = 0x0101010101010101ULL * (poison & 0xff);
	const unsigned long long *p = (const unsigned long long *)start;
	const unsigned long long *e = (const unsigned long long *)end;
	const unsigned char *b;

	for (; p < e; p++) {
		if (*p == pat)
			continue;
		for (b = (const unsigned char *)p; *b == (unsigned char)poison; b++)
			;
		return (long)(unsigned long)b;
	}
	return -1;
}
