/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_SPINLOCK_TYPES_H
#define __LINUX_SPINLOCK_TYPES_H

#include <linux/types.h>

/*
 * Lock words live in kernel memory and are taken with wasm atomics, so the same ABI works when several
 * workers run kernel code against the one shared memory.
 */
typedef struct raw_spinlock {
	int locked;
} raw_spinlock_t;

typedef struct spinlock {
	struct raw_spinlock rlock;
} spinlock_t;

typedef struct {
	int cnt;	/* readers, or -1 while a writer holds it */
} rwlock_t;

#define __RAW_SPIN_LOCK_UNLOCKED(name)	{ .locked = 0 }
#define __SPIN_LOCK_UNLOCKED(name)	{ .rlock = __RAW_SPIN_LOCK_UNLOCKED(name) }
#define __RW_LOCK_UNLOCKED(name)	{ .cnt = 0 }

#define DEFINE_RAW_SPINLOCK(x)	raw_spinlock_t x = __RAW_SPIN_LOCK_UNLOCKED(x)
#define DEFINE_SPINLOCK(x)	spinlock_t x = __SPIN_LOCK_UNLOCKED(x)
#define DEFINE_RWLOCK(x)	rwlock_t x = __RW_LOCK_UNLOCKED(x)

#endif
