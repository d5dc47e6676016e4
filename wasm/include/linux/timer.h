/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TIMER_H
#define _LINUX_TIMER_H

/*
 * Kernel timers. A pending timer is armed on the host's kernel clock (host.timer); when jiffies reach
 * its expiry the host calls its function, between system calls (softirq context has nothing else to
 * interrupt here) or while kernel code sleeps (msleep moves the clock on and runs the timers due).
 */
#include <linux/types.h>
#include <linux/jiffies.h>
#include <linux/container_of.h>

struct timer_list {
	/* pprev != NULL while pending (Linux's hlist entry). */
	struct { void *next, **pprev; } entry;
	unsigned long expires;
	void (*function)(struct timer_list *);
	u32 flags;
};

#define TIMER_DEFERRABLE	0x00080000
#define TIMER_PINNED		0x00200000
#define TIMER_IRQSAFE		0x00400000

#define __TIMER_INITIALIZER(_function, _flags) { .function = (_function), .flags = (_flags) }
#define DEFINE_TIMER(_name, _function) \
	struct timer_list _name = __TIMER_INITIALIZER(_function, 0)

void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *), unsigned int flags);
#define timer_setup_on_stack(t, f, fl) timer_setup(t, f, fl)
static inline void destroy_timer_on_stack(struct timer_list *timer) { (void)timer; }

#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, typeof(*var), timer_fieldname)
#define timer_container_of(var, callback_timer, timer_fieldname) from_timer(var, callback_timer, timer_fieldname)

static inline int timer_pending(const struct timer_list *timer) { return timer->entry.pprev != NULL; }

void add_timer(struct timer_list *timer);
int mod_timer(struct timer_list *timer, unsigned long expires);
int mod_timer_pending(struct timer_list *timer, unsigned long expires);
int timer_reduce(struct timer_list *timer, unsigned long expires);
int timer_delete(struct timer_list *timer);
int timer_delete_sync(struct timer_list *timer);
int timer_shutdown_sync(struct timer_list *timer);
#define del_timer(t)		timer_delete(t)
#define del_timer_sync(t)	timer_delete_sync(t)
#define timer_shutdown(t)	timer_shutdown_sync(t)

unsigned long round_jiffies(unsigned long j);
unsigned long round_jiffies_relative(unsigned long j);
#define round_jiffies_up(j) round_jiffies(j)
#define round_jiffies_up_relative(j) round_jiffies_relative(j)

#endif
