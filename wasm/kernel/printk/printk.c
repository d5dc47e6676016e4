// SPDX-License-Identifier: GPL-2.0-only
/*
 * kernel/printk/printk.c, kernel/panic.c, lib/ratelimit.c, lib/dump_stack.c: the C side of the log.
 *
 * printk() formats into a 1024-byte buffer and hands the text, KERN_* prefix included, to
 * host.printk(); the host's ring buffer splits lines and reads levels and continuations.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/ratelimit.h>
#include <linux/export.h>
#include <linux/bug.h>
#include <linux/panic.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <linux/atomic.h>
#include "host.h"

/* Linux keeps at most 1024 bytes per record. */
#define LOG_LINE_MAX	1024

/*
 * The record is formatted on the stack (Linux formats into its ring buffer); the kernel stack here is
 * 256 KiB, so this one frame above CONFIG_FRAME_WARN is deliberate. noinline keeps it out of the
 * printk() wrappers.
 */
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wframe-larger-than"
noinline int vprintk(const char *fmt, va_list args)
{
	char text[LOG_LINE_MAX];
	int len;

	len = vscnprintf(text, sizeof(text), fmt, args);
	host_printk(text, len);
	return len;
}
#pragma clang diagnostic pop
EXPORT_SYMBOL(vprintk);

int vprintk_emit(int facility, int level, const void *dev_info, const char *fmt, va_list args)
{
	(void)facility; (void)level; (void)dev_info;
	return vprintk(fmt, args);
}
EXPORT_SYMBOL(vprintk_emit);

int _printk(const char *fmt, ...)
{
	va_list args;
	int r;

	va_start(args, fmt);
	r = vprintk(fmt, args);
	va_end(args);

	return r;
}
EXPORT_SYMBOL(_printk);

/* The plain name too, for code that calls printk through a pointer or declares it itself. */
int lkm_printk_alias(const char *fmt, ...) __asm__("printk");
int lkm_printk_alias(const char *fmt, ...)
{
	va_list args;
	int r;

	va_start(args, fmt);
	r = vprintk(fmt, args);
	va_end(args);

	return r;
}
__asm__(".section .custom_section.__ksymtab,\"\",@\n.asciz \"printk\"\n.text\n");

/* The call trace is the host's business (it knows the wasm stack). */
void dump_stack_lvl(const char *log_lvl)
{
	(void)log_lvl;
	host_dump_stack();
}
EXPORT_SYMBOL(dump_stack_lvl);

void dump_stack(void)
{
	host_dump_stack();
}
EXPORT_SYMBOL(dump_stack);

/* ---------------------------------------------------------------------------------------------------
 * Taint, panic, BUG and WARN.
 */
int warn_pid;

/* The host tells which task is running (the PID shown in WARNING lines). */
void __lkm_entry lkm_set_current_pid(int pid)
{
	warn_pid = pid;
}

void add_taint(unsigned flag, enum lockdep_ok lockdep_ok)
{
	(void)lockdep_ok;
	host_add_taint(flag);
}
EXPORT_SYMBOL(add_taint);

static int in_panic;

/* Prints the message, the call trace and the end marker, then stops this CPU (a wasm trap). */
void panic(const char *fmt, ...)
{
	static char buf[LOG_LINE_MAX];
	va_list args;
	long len;

	if (__atomic_exchange_n(&in_panic, 1, __ATOMIC_SEQ_CST))
		__builtin_trap();

	va_start(args, fmt);
	len = vscnprintf(buf, sizeof(buf), fmt, args);
	va_end(args);
	if (len && buf[len - 1] == '\n')
		buf[len - 1] = '\0';

	pr_emerg("Kernel panic - not syncing: %s\n", buf);
	host_dump_stack();
	pr_emerg("---[ end Kernel panic - not syncing: %s ]---\n", buf);
	__builtin_trap();
}
EXPORT_SYMBOL(panic);

/* The "cut here" line and the message of a WARN(cond, fmt, ...). */
void __warn_printk(const char *fmt, ...)
{
	va_list args;

	pr_warn(CUT_HERE);

	va_start(args, fmt);
	vprintk(fmt, args);
	va_end(args);
}
EXPORT_SYMBOL(__warn_printk);

/*
 * The report of a WARN_ON()/WARN() (kernel/panic.c __warn(), as reached through x86's report_bug()):
 *   ------------[ cut here ]------------          (unless __warn_printk() printed it with the message)
 *   WARNING: CPU: 0 PID: 1 at drivers/foo.c:12 foo_probe [foo]
 *   Modules linked in: …                          (print_modules(), from the host's module list)
 *   <the host's dump_stack: CPU/PID/taint line, call trace>
 *   ---[ end trace 0000000000000000 ]---
 * and then taint (W by default).
 */
void __lkm_warn(const char *file, int line, const char *func, const char *mod,
		unsigned int taint, bool cut_here)
{
	if (cut_here)
		printk(KERN_DEFAULT CUT_HERE);

	if (mod)
		pr_warn("WARNING: CPU: 0 PID: %d at %s:%d %s [%s]\n",
			warn_pid, file, line, func, mod);
	else
		pr_warn("WARNING: CPU: 0 PID: %d at %s:%d %s\n",
			warn_pid, file, line, func);

	host_print_modules();
	host_dump_stack();
	pr_warn("---[ end trace %016llx ]---\n", 0ULL);
	check_panic_on_warn("kernel");
	add_taint(taint, LOCKDEP_STILL_OK);
}
EXPORT_SYMBOL(__lkm_warn);

/* Linux's generic warn_slowpath_fmt(), for code that calls it directly. */
void warn_slowpath_fmt(const char *file, int line, unsigned taint, const char *fmt, ...)
{
	va_list args;

	pr_warn(CUT_HERE);
	if (fmt) {
		va_start(args, fmt);
		vprintk(fmt, args);
		va_end(args);
	}
	__lkm_warn(file, line, "?", NULL, taint, false);
}
EXPORT_SYMBOL(warn_slowpath_fmt);

/* BUG(): "kernel BUG at FILE:LINE!" then an invalid-opcode style trap that the host turns into an oops. */
void __lkm_bug(const char *file, int line, const char *func, const char *mod)
{
	(void)func; (void)mod;
	printk(KERN_DEFAULT CUT_HERE);
	pr_crit("kernel BUG at %s:%u!\n", file, line);
	__builtin_trap();
}
EXPORT_SYMBOL(__lkm_bug);

/* ---------------------------------------------------------------------------------------------------
 * Rate limiting (lib/ratelimit.c).
 */

/*
 * ___ratelimit - rate limiting: at most @rs->burst callbacks per @rs->interval jiffies.
 * Returns 1 when the caller may go ahead, 0 when it is suppressed. At the start of the next interval,
 * the number of suppressed callbacks is reported as "<func>: N callbacks suppressed".
 */
int ___ratelimit(struct ratelimit_state *rs, const char *func)
{
	int interval = READ_ONCE(rs->interval);
	int burst = READ_ONCE(rs->burst);
	unsigned long now;
	int ret;

	if (!interval)
		return 1;

	/*
	 * If we contend on this state's lock then almost by definition we are too busy to print a message,
	 * in addition to the one that will be printed by the entity that is holding the lock already.
	 */
	if (__atomic_exchange_n(&rs->lock, 1, __ATOMIC_ACQUIRE))
		return 0;

	now = jiffies_now();
	if (!rs->begin)
		rs->begin = now;

	if ((long)(rs->begin + interval - now) < 0) {
		if (rs->missed) {
			if (!(rs->flags & RATELIMIT_MSG_ON_RELEASE)) {
				printk_deferred(KERN_WARNING "%s: %d callbacks suppressed\n",
						func, rs->missed);
				rs->missed = 0;
			}
		}
		rs->begin   = now;
		rs->printed = 0;
	}
	if (burst && burst > rs->printed) {
		rs->printed++;
		ret = 1;
	} else {
		rs->missed++;
		ret = 0;
	}
	__atomic_store_n(&rs->lock, 0, __ATOMIC_RELEASE);

	return ret;
}
EXPORT_SYMBOL(___ratelimit);

static DEFINE_RATELIMIT_STATE(printk_ratelimit_state, 5 * CONFIG_HZ, 10);

int __printk_ratelimit(const char *func)
{
	return ___ratelimit(&printk_ratelimit_state, func);
}
EXPORT_SYMBOL(__printk_ratelimit);
