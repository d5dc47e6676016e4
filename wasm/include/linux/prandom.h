/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PRANDOM_H
#define _LINUX_PRANDOM_H

#include <linux/random.h>
#include <linux/types.h>

/*
 * Pseudo-random numbers from a seed the caller keeps (lib/random32.c): L'Ecuyer's maximally equidistributed
 * combined Tausworthe generator (LFSR113), the one Linux uses, so a seed gives Linux's sequence. For
 * tests and simulations; get_random_u32() is the one to use for anything else.
 */
struct rnd_state {
	__u32 s1, s2, s3, s4;
};

u32 prandom_u32_state(struct rnd_state *state);
void prandom_bytes_state(struct rnd_state *state, void *buf, size_t nbytes);

/* Each component must be at least 2, 8, 16 or 128 (the generator's minimums): smaller values are moved up. */
static inline u32 __seed(u32 x, u32 m)
{
	return (x < m) ? x + m : x;
}

static inline void prandom_seed_state(struct rnd_state *state, u64 seed)
{
	u32 i = ((seed >> 32) ^ (seed << 10) ^ seed) & 0xffffffffUL;

	state->s1 = __seed(i, 2U);
	state->s2 = __seed(i, 8U);
	state->s3 = __seed(i, 16U);
	state->s4 = __seed(i, 128U);
}

/* The next value of an LCG (for callers that want a cheap deterministic sequence). */
static inline u32 next_pseudo_random32(u32 seed)
{
	return seed * 1664525 + 1013904223;
}

#endif /* _LINUX_PRANDOM_H */
