/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_NOSPEC_H
#define _LINUX_NOSPEC_H

/*
 * Bounds-checked indices that stay in bounds under speculation (Spectre v1). WebAssembly traps on an
 * access out of its memory and runs no speculative loads a program can observe, so the barrier is empty;
 * the index masking is computed anyway, as Linux's generic version does.
 */
#include <linux/compiler.h>
#include <linux/build_bug.h>
#include <asm/bitsperlong.h>

#define barrier_nospec() do { } while (0)

/*
 * ~0UL when 0 <= @index < @size, 0 otherwise: the sign bit of index | (size - 1 - index) is set exactly
 * when @index is out of bounds; spread it over the word and invert.
 */
static inline unsigned long array_index_mask_nospec(unsigned long index, unsigned long size)
{
	OPTIMIZER_HIDE_VAR(index);
	return ~(long)(index | (size - 1UL - index)) >> (BITS_PER_LONG - 1);
}

/* @index if it is below @size, else 0: use after the bounds check, before indexing. */
#define array_index_nospec(index, size)					\
({									\
	typeof(index) __nospec_i = (index);				\
	typeof(size) __nospec_s = (size);				\
	unsigned long __nospec_mask = array_index_mask_nospec(__nospec_i, __nospec_s); \
									\
	BUILD_BUG_ON(sizeof(__nospec_i) > sizeof(long));		\
	BUILD_BUG_ON(sizeof(__nospec_s) > sizeof(long));		\
									\
	(typeof(__nospec_i)) (__nospec_i & __nospec_mask);		\
})

#endif /* _LINUX_NOSPEC_H */
