/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_HASH_H
#define _LINUX_HASH_H

/*
 * Fast hashing routines for ints, longs and pointers, as Linux's <linux/hash.h>: multiplication by the
 * golden ratio, keeping the high bits. Addresses and longs are 32 bits here (wasm32), so hash_long() is
 * hash_32() and hash_64() is the 32-bit architectures' variant (two 32x32 multiplies), which is what a
 * 32-bit Linux computes.
 */
#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/bitsperlong.h>

/* 2^32 / phi and 2^64 / phi, rounded to odd numbers with well-spread bits (Linux's constants). */
#define GOLDEN_RATIO_32 0x61C88647
#define GOLDEN_RATIO_64 0x61C8864680B583EBull

#if BITS_PER_LONG == 32
#define GOLDEN_RATIO_PRIME GOLDEN_RATIO_32
#define hash_long(val, bits) hash_32(val, bits)
#else
#define GOLDEN_RATIO_PRIME GOLDEN_RATIO_64
#define hash_long(val, bits) hash_64(val, bits)
#endif

static inline u32 __hash_32_generic(u32 val)
{
	return val * GOLDEN_RATIO_32;
}
#define __hash_32 __hash_32_generic

static inline u32 hash_32_generic(u32 val, unsigned int bits)
{
	/* The high bits are the best mixed. */
	return __hash_32(val) >> (32 - bits);
}
#define hash_32 hash_32_generic

static __always_inline u32 hash_64_generic(u64 val, unsigned int bits)
{
#if BITS_PER_LONG == 64
	return val * GOLDEN_RATIO_64 >> (64 - bits);
#else
	/* Only 32x32-bit multiplies: fold the high word in, then hash as 32 bits. */
	return hash_32((u32)val ^ __hash_32(val >> 32), bits);
#endif
}
#define hash_64 hash_64_generic

static inline u32 hash_ptr(const void *ptr, unsigned int bits)
{
	return hash_long((unsigned long)ptr, bits);
}

/* A 32-bit value from a pointer, for use as a hash key (not itself a hash). */
static inline u32 hash32_ptr(const void *ptr)
{
	unsigned long val = (unsigned long)ptr;

#if BITS_PER_LONG == 64
	val ^= (val >> 32);
#endif
	return (u32)val;
}

#endif /* _LINUX_HASH_H */
