// SPDX-License-Identifier: GPL-2.0
/*
 * kernel/time/timekeeping.c: the monotonic clock and jiffies.
 *
 * The clock is the host's (host.clock_ns: nanoseconds since boot). jiffies and jiffies_64 are variables,
 * as in Linux, where the timer interrupt advances them; here no interrupt can stop running wasm, so the
 * tick (jiffies_tick()) runs where the kernel gets control: at every entry from the host (each system
 * call, timer, init and exit), at every clock read, and in cpu_relax(). A loop that polls jiffies
 * therefore sees time pass if it calls cpu_relax() (or any kernel function that reads the clock), as
 * Linux's busy-wait loops do; one that spins on nothing at all never sees it change.
 */
#include <linux/export.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/timekeeping.h>
#include <asm/thread_info.h>
#include "host.h"

#define NSEC_PER_JIFFY	(NSEC_PER_SEC / HZ)

u64 jiffies_64 = INITIAL_JIFFIES;
EXPORT_SYMBOL(jiffies_64);
unsigned long volatile jiffies = INITIAL_JIFFIES;
EXPORT_SYMBOL(jiffies);

/* Brings jiffies up to the clock; returns the clock it read. */
static u64 jiffies_tick(void)
{
	u64 ns = host_clock_ns();
	u64 j = (u64)INITIAL_JIFFIES + ns / NSEC_PER_JIFFY;
	u64 old = __atomic_load_n(&jiffies_64, __ATOMIC_RELAXED);

	/* Threads read the clock each on its own: jiffies only move forwards, whoever is behind. */
	while (j > old && !__atomic_compare_exchange_n(&jiffies_64, &old, j, 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED))
		;
	if (j > old)
		__atomic_store_n(&jiffies, (unsigned long)j, __ATOMIC_RELAXED);
	return ns;
}

unsigned long jiffies_now(void)
{
	jiffies_tick();
	return jiffies;
}

extern int lkm_nr_kthreads, lkm_host_doorbell;
__host_import(block) void host_block(void *word, unsigned int expected, long long timeout_ns);

/*
 * cpu_relax() (asm/barrier.h): a busy-wait loop's pause, where the tick may come in. On the host thread
 * it also serves the kernel threads' calls to the host (a lock one of them holds may wait for one); a
 * kernel thread reads the clock every 64th time only (each read may be a call to the host thread).
 */
void __lkm_cpu_relax(void)
{
	struct thread_info *ti = current_thread_info();

	if (ti != &lkm_host_thread_info) {
		if (!(++ti->relax & 63))
			jiffies_tick();
		return;
	}
	jiffies_tick();
	if (READ_ONCE(lkm_nr_kthreads))
		host_block(&lkm_host_doorbell, 0x7fffffff, 0);
}
EXPORT_SYMBOL(__lkm_cpu_relax);

/* Every entry from the host starts with a tick (lkm_syscall_begin() in kernel/sched/wait.c). */
void lkm_tick_entry(void)
{
	jiffies_tick();
}

u64 get_jiffies_64(void)
{
	jiffies_tick();
	return jiffies_64;
}
EXPORT_SYMBOL(get_jiffies_64);

u64 ktime_get_ns(void)
{
	return jiffies_tick();
}
EXPORT_SYMBOL_GPL(ktime_get_ns);

ktime_t ktime_get(void)
{
	return (ktime_t)jiffies_tick();
}
EXPORT_SYMBOL_GPL(ktime_get);

u64 ktime_get_mono_fast_ns(void)
{
	return jiffies_tick();
}
EXPORT_SYMBOL_GPL(ktime_get_mono_fast_ns);

u64 ktime_get_raw_fast_ns(void)
{
	return jiffies_tick();
}
EXPORT_SYMBOL_GPL(ktime_get_raw_fast_ns);

void ktime_get_ts64(struct timespec64 *ts)
{
	*ts = ns_to_timespec64(jiffies_tick());
}
EXPORT_SYMBOL_GPL(ktime_get_ts64);
