/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_JUMP_LABEL_H
#define _LINUX_JUMP_LABEL_H

/*
 * Static keys. Linux patches the branch in the code; here a key is a counter in kernel memory that the
 * branch tests, which keeps the API and semantics (enable/disable counts, likely/unlikely hints).
 */
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/atomic.h>

struct static_key {
	atomic_t enabled;
};

struct static_key_true { struct static_key key; };
struct static_key_false { struct static_key key; };

#define STATIC_KEY_INIT_TRUE	{ .enabled = ATOMIC_INIT(1) }
#define STATIC_KEY_INIT_FALSE	{ .enabled = ATOMIC_INIT(0) }
#define STATIC_KEY_TRUE_INIT	(struct static_key_true) { .key = STATIC_KEY_INIT_TRUE }
#define STATIC_KEY_FALSE_INIT	(struct static_key_false) { .key = STATIC_KEY_INIT_FALSE }

#define DEFINE_STATIC_KEY_TRUE(name)	struct static_key_true name = { .key = STATIC_KEY_INIT_TRUE }
#define DEFINE_STATIC_KEY_FALSE(name)	struct static_key_false name = { .key = STATIC_KEY_INIT_FALSE }
#define DEFINE_STATIC_KEY_TRUE_RO(name)	DEFINE_STATIC_KEY_TRUE(name)
#define DEFINE_STATIC_KEY_FALSE_RO(name) DEFINE_STATIC_KEY_FALSE(name)
#define DECLARE_STATIC_KEY_TRUE(name)	extern struct static_key_true name
#define DECLARE_STATIC_KEY_FALSE(name)	extern struct static_key_false name

static inline int static_key_count(struct static_key *key) { return atomic_read(&key->enabled); }
static inline bool static_key_enabled_raw(struct static_key *key) { return static_key_count(key) > 0; }
#define static_key_enabled(x) static_key_enabled_raw(&(x)->key)

static inline void static_key_slow_inc(struct static_key *key) { atomic_inc(&key->enabled); }
static inline void static_key_slow_dec(struct static_key *key) { atomic_dec(&key->enabled); }
static inline void static_key_enable(struct static_key *key) { atomic_set(&key->enabled, 1); }
static inline void static_key_disable(struct static_key *key) { atomic_set(&key->enabled, 0); }

#define static_branch_likely(x)		__builtin_expect(static_key_enabled(x), 1)
#define static_branch_unlikely(x)	__builtin_expect(static_key_enabled(x), 0)
#define static_branch_inc(x)		static_key_slow_inc(&(x)->key)
#define static_branch_dec(x)		static_key_slow_dec(&(x)->key)
#define static_branch_enable(x)		static_key_enable(&(x)->key)
#define static_branch_disable(x)	static_key_disable(&(x)->key)
#define static_key_false(k)		__builtin_expect(static_key_enabled_raw(k), 0)
#define static_key_true(k)		__builtin_expect(static_key_enabled_raw(k), 1)

#endif
