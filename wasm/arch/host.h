/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What only JavaScript can do: the `host.*` imports of vmlinux (docs/module-format.md §7), and the
 * internals shared between the files of vmlinux (wasm/Kbuild).
 */
#ifndef _LKM_KERNEL_HOST_H
#define _LKM_KERNEL_HOST_H

#include <linux/types.h>
#include <linux/stdarg.h>

#define __host_import(name) __attribute__((import_module("host"), import_name(#name)))

__host_import(printk) int host_printk(const char *text, unsigned int len);
__host_import(kallsyms) int host_kallsyms(unsigned long addr, char *buf, unsigned int size, int flags);
__host_import(random) void host_random(void *buf, unsigned int len);
__host_import(clock_ns) unsigned long long host_clock_ns(void);
__host_import(add_taint) void host_add_taint(unsigned int flag);
__host_import(dump_stack) void host_dump_stack(void);
__host_import(print_modules) void host_print_modules(void);

/* Entry points the host calls: exported from vmlinux under their own names. */
#define __lkm_entry __attribute__((visibility("default"), used))

/* jiffies since boot, from the host's monotonic clock (HZ = CONFIG_HZ). */
unsigned long jiffies_now(void);
/* The tick every entry from the host begins with. */
void lkm_tick_entry(void);

/* schedule()'s check of the calling context (kernel/sched/core.c): "scheduling while atomic". */
void lkm_schedule_debug(void);

/*
 * host.block(word, expected, timeout_ns): the thread waits while *@word == @expected, at most
 * @timeout_ns (negative: no limit); spurious returns are allowed (the caller loops). On a CPU worker an
 * atomic wait; on the host thread a wait that keeps serving the CPU workers' host calls and the timers.
 */
__host_import(block) void host_block(void *word, unsigned int expected, long long timeout_ns);
/* Wakes whoever waits on @word: kernel threads in host_block() on it, and the host thread (its doorbell). */
void lkm_notify_word(int *word);

/* The running thread was switched in (it woke, or started): counted and stamped for the watchdogs. */
void lkm_switched(void);

/* RCU's threads (kernel/rcu/update.c): kernel threads join and leave; the host thread's sections end. */
struct thread_info;
void lkm_rcu_thread_add(struct thread_info *ti);
void lkm_rcu_thread_del(struct thread_info *ti);
void lkm_rcu_host_reset(void);

/* PID printed in WARNING lines (the host sets it with lkm_set_current_pid()). */
extern int warn_pid;

#endif
