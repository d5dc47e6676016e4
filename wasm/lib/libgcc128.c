// SPDX-License-Identifier: GPL-2.0
/*
 * lib/libgcc128.c: 128-bit integer support routines (linux/libgcc.h). Written with 64-bit operations
 * only: a 128-bit operator here would compile to a call of the routine being defined. A value is handled
 * as its two 64-bit halves (wasm is little-endian: the low half first).
 */
#include <linux/export.h>
#include <linux/libgcc.h>
#include <linux/stddef.h>

struct u128 {
	u64 lo, hi;
};

union ti_words {
	uti_type all;
	struct u128 w;
};

static inline struct u128 split(uti_type v)
{
	union ti_words u = { .all = v };

	return u.w;
}

static inline uti_type join(struct u128 w)
{
	union ti_words u = { .w = w };

	return u.all;
}

/* a * b as a full 128-bit product, from four 32×32→64 partial products. */
static struct u128 mul_64x64(u64 a, u64 b)
{
	u64 a0 = (u32)a, a1 = a >> 32, b0 = (u32)b, b1 = b >> 32;
	u64 p00 = a0 * b0, p01 = a0 * b1, p10 = a1 * b0, p11 = a1 * b1;
	u64 mid = (p00 >> 32) + (u32)p01 + (u32)p10;
	struct u128 r = { .lo = (mid << 32) | (u32)p00, .hi = p11 + (p01 >> 32) + (p10 >> 32) + (mid >> 32) };

	return r;
}

ti_type __multi3(ti_type a, ti_type b)
{
	struct u128 x = split(a), y = split(b), r = mul_64x64(x.lo, y.lo);

	r.hi += x.lo * y.hi + x.hi * y.lo;	/* the rest of the product wraps out of 128 bits */
	return join(r);
}
EXPORT_SYMBOL(__multi3);

static inline int lt(struct u128 a, struct u128 b)
{
	return a.hi < b.hi || (a.hi == b.hi && a.lo < b.lo);
}

static inline struct u128 sub(struct u128 a, struct u128 b)
{
	struct u128 r = { .lo = a.lo - b.lo, .hi = a.hi - b.hi - (a.lo < b.lo) };

	return r;
}

static inline struct u128 shl(struct u128 a, unsigned int n)
{
	struct u128 r;

	if (n == 0)
		return a;
	if (n >= 64) {
		r.hi = a.lo << (n - 64);
		r.lo = 0;
	} else {
		r.hi = (a.hi << n) | (a.lo >> (64 - n));
		r.lo = a.lo << n;
	}
	return r;
}

static inline struct u128 lshr(struct u128 a, unsigned int n)
{
	struct u128 r;

	if (n == 0)
		return a;
	if (n >= 64) {
		r.lo = a.hi >> (n - 64);
		r.hi = 0;
	} else {
		r.lo = (a.lo >> n) | (a.hi << (64 - n));
		r.hi = a.hi >> n;
	}
	return r;
}

static inline unsigned int clz128(struct u128 a)
{
	if (a.hi)
		return __builtin_clzll(a.hi);
	return a.lo ? 64 + __builtin_clzll(a.lo) : 128;
}

/*
 * Unsigned division by shift and subtract, one quotient bit per step from the divisor aligned under the
 * dividend's top bit. A zero divisor divides by zero in 64 bits, so it traps as the hardware division does.
 */
static struct u128 udivmod(struct u128 n, struct u128 d, struct u128 *rem)
{
	struct u128 q = { 0, 0 };
	int shift;

	if (d.hi == 0 && n.hi == 0) {
		q.lo = n.lo / d.lo;
		if (rem)
			*rem = (struct u128){ .lo = n.lo % d.lo, .hi = 0 };
		return q;
	}
	if (d.hi == 0 && d.lo == 0) {
		volatile u64 zero = 0;

		q.lo = n.lo / zero;	/* traps: integer divide by zero */
		return q;
	}
	shift = (int)clz128(d) - (int)clz128(n);
	if (shift >= 0) {
		d = shl(d, shift);
		for (; shift >= 0; shift--) {
			q = shl(q, 1);
			if (!lt(n, d)) {
				n = sub(n, d);
				q.lo |= 1;
			}
			d = lshr(d, 1);
		}
	}
	if (rem)
		*rem = n;
	return q;
}

uti_type __udivmodti4(uti_type a, uti_type b, uti_type *rem)
{
	struct u128 r, q = udivmod(split(a), split(b), &r);

	if (rem)
		*rem = join(r);
	return join(q);
}
EXPORT_SYMBOL(__udivmodti4);

uti_type __udivti3(uti_type a, uti_type b)
{
	return join(udivmod(split(a), split(b), NULL));
}
EXPORT_SYMBOL(__udivti3);

uti_type __umodti3(uti_type a, uti_type b)
{
	struct u128 r;

	udivmod(split(a), split(b), &r);
	return join(r);
}
EXPORT_SYMBOL(__umodti3);

static inline struct u128 neg(struct u128 a)
{
	struct u128 zero = { 0, 0 };

	return sub(zero, a);
}

static inline int negative(struct u128 a)
{
	return (s64)a.hi < 0;
}

/* Signed division truncates toward zero; the remainder takes the dividend's sign (C's rules). */
ti_type __divmodti4(ti_type a, ti_type b, ti_type *rem)
{
	struct u128 n = split(a), d = split(b), r, q;
	int nneg = negative(n), dneg = negative(d);

	q = udivmod(nneg ? neg(n) : n, dneg ? neg(d) : d, &r);
	if (rem)
		*rem = join(nneg ? neg(r) : r);
	return join(nneg != dneg ? neg(q) : q);
}
EXPORT_SYMBOL(__divmodti4);

ti_type __divti3(ti_type a, ti_type b)
{
	return __divmodti4(a, b, NULL);
}
EXPORT_SYMBOL(__divti3);

ti_type __modti3(ti_type a, ti_type b)
{
	ti_type r;

	__divmodti4(a, b, &r);
	return r;
}
EXPORT_SYMBOL(__modti3);

/* Shifts by 0…127 (a larger count is undefined in C, as for the operators). */
ti_type __ashlti3(ti_type a, int b)
{
	return join(shl(split(a), (unsigned int)b & 127));
}
EXPORT_SYMBOL(__ashlti3);

ti_type __lshrti3(ti_type a, int b)
{
	return join(lshr(split(a), (unsigned int)b & 127));
}
EXPORT_SYMBOL(__lshrti3);

ti_type __ashrti3(ti_type a, int b)
{
	struct u128 x = split(a), r;
	unsigned int n = (unsigned int)b & 127;

	r = lshr(x, n);
	if (negative(x) && n) {	/* fill the vacated top n bits with the sign */
		struct u128 fill = shl((struct u128){ ~0ULL, ~0ULL }, 128 - n);

		r.lo |= fill.lo;
		r.hi |= fill.hi;
	}
	return join(r);
}
EXPORT_SYMBOL(__ashrti3);

/* a * b, setting *overflow when the signed product does not fit in 128 bits. */
ti_type __muloti4(ti_type a, ti_type b, int *overflow)
{
	struct u128 x = split(a), y = split(b);
	int xneg = negative(x), yneg = negative(y);
	struct u128 ux = xneg ? neg(x) : x, uy = yneg ? neg(y) : y, p = mul_64x64(ux.lo, uy.lo);
	int big = ux.hi && uy.hi;	/* |a|·|b| ≥ 2^128 */

	/* |a|·|b| = lo·lo + 2^64·(lo·hi + hi·lo) + 2^128·hi·hi: with one hi set, its cross product must fit. */
	if (!big && (ux.hi || uy.hi)) {
		struct u128 cross = mul_64x64(ux.hi | uy.hi, ux.hi ? uy.lo : ux.lo);

		if (cross.hi || p.hi + cross.lo < p.hi)
			big = 1;
	}
	p.hi += ux.lo * uy.hi + ux.hi * uy.lo;	/* the product modulo 2^128 */
	/* The magnitude must fit: below 2^127, or exactly 2^127 for a negative product. */
	if (!big && (s64)p.hi < 0 && !(xneg != yneg && p.hi == 1ULL << 63 && p.lo == 0))
		big = 1;
	*overflow = big;
	return join(xneg != yneg ? neg(p) : p);
}
EXPORT_SYMBOL(__muloti4);
