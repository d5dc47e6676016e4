// SPDX-License-Identifier: GPL-2.0
/*
 * lib/random32.c: the seeded generator of linux/prandom.h. Each of the four components is a Tausworthe
 * step (shift, xor, mask, shift) with L'Ecuyer's LFSR113 parameters; their xor is the output.
 */
#include <linux/export.h>
#include <linux/prandom.h>
#include <linux/string.h>

/* One step of a component: k, q, s as in L'Ecuyer (1999), mask keeps its k significant bits. */
static inline u32 tausworthe(u32 s, unsigned int q, unsigned int ks, u32 mask, unsigned int shift)
{
	return ((s & mask) << shift) ^ (((s << q) ^ s) >> ks);
}

u32 prandom_u32_state(struct rnd_state *state)
{
	state->s1 = tausworthe(state->s1, 6, 13, 0xfffffffeU, 18);
	state->s2 = tausworthe(state->s2, 2, 27, 0xfffffff8U, 2);
	state->s3 = tausworthe(state->s3, 13, 21, 0xfffffff0U, 7);
	state->s4 = tausworthe(state->s4, 3, 12, 0xffffff80U, 13);
	return state->s1 ^ state->s2 ^ state->s3 ^ state->s4;
}
EXPORT_SYMBOL(prandom_u32_state);

/* Whole 32-bit values little-endian, then the low bytes of one more for a tail. */
void prandom_bytes_state(struct rnd_state *state, void *buf, size_t nbytes)
{
	u8 *p = buf;

	for (; nbytes >= sizeof(u32); nbytes -= sizeof(u32), p += sizeof(u32)) {
		u32 v = prandom_u32_state(state);

		memcpy(p, &v, sizeof(v));
	}
	if (nbytes) {
		u32 rem = prandom_u32_state(state);

		for (; nbytes; nbytes--, rem >>= 8)
			*p++ = (u8)rem;
	}
}
EXPORT_SYMBOL(prandom_bytes_state);
