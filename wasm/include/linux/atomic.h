/* SPDX-License-Identifier: GPL-2.0 */
/* Atomic operations on atomic_t, atomic64_t and atomic_long_t: wasm atomics on the shared memory. */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/barrier.h>

/* Generic helpers on any naturally aligned scalar. */
#define xchg(ptr, x)		__atomic_exchange_n((ptr), (x), __ATOMIC_SEQ_CST)
#define xchg_relaxed(ptr, x)	__atomic_exchange_n((ptr), (x), __ATOMIC_RELAXED)
#define xchg_acquire(ptr, x)	__atomic_exchange_n((ptr), (x), __ATOMIC_ACQUIRE)
#define xchg_release(ptr, x)	__atomic_exchange_n((ptr), (x), __ATOMIC_RELEASE)

/* cmpxchg: store @new if *@ptr == @old; evaluates to the previous value. */
#define __lkm_cmpxchg(ptr, old, new, order) ({				\
	typeof(*(ptr)) __old = (old);					\
	__atomic_compare_exchange_n((ptr), &__old, (new), 0,		\
				    order, __ATOMIC_RELAXED);		\
	__old;								\
})
#define cmpxchg(ptr, o, n)		__lkm_cmpxchg(ptr, o, n, __ATOMIC_SEQ_CST)
#define cmpxchg_relaxed(ptr, o, n)	__lkm_cmpxchg(ptr, o, n, __ATOMIC_RELAXED)
#define cmpxchg_acquire(ptr, o, n)	__lkm_cmpxchg(ptr, o, n, __ATOMIC_ACQUIRE)
#define cmpxchg_release(ptr, o, n)	__lkm_cmpxchg(ptr, o, n, __ATOMIC_RELEASE)
#define cmpxchg64(ptr, o, n)		cmpxchg(ptr, o, n)
#define cmpxchg_local(ptr, o, n)	cmpxchg(ptr, o, n)
#define cmpxchg64_local(ptr, o, n)	cmpxchg(ptr, o, n)

/* try_cmpxchg: true on success; on failure *@oldp receives the current value. */
#define try_cmpxchg(ptr, oldp, n)					\
	__atomic_compare_exchange_n((ptr), (oldp), (n), 0, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED)
#define try_cmpxchg_relaxed(ptr, oldp, n)				\
	__atomic_compare_exchange_n((ptr), (oldp), (n), 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED)
#define try_cmpxchg_acquire(ptr, oldp, n)				\
	__atomic_compare_exchange_n((ptr), (oldp), (n), 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)
#define try_cmpxchg_release(ptr, oldp, n)				\
	__atomic_compare_exchange_n((ptr), (oldp), (n), 0, __ATOMIC_RELEASE, __ATOMIC_RELAXED)
#define try_cmpxchg64(ptr, oldp, n)	try_cmpxchg(ptr, oldp, n)

/*
 * One family of functions per type: PFX is the name prefix (atomic, atomic64), T the struct type,
 * V the value type.
 */
#define __LKM_ATOMIC_OPS(PFX, T, V)						\
static __always_inline V PFX##_read(const T *v)					\
{ return __atomic_load_n(&v->counter, __ATOMIC_RELAXED); }			\
static __always_inline V PFX##_read_acquire(const T *v)				\
{ return __atomic_load_n(&v->counter, __ATOMIC_ACQUIRE); }			\
static __always_inline void PFX##_set(T *v, V i)				\
{ __atomic_store_n(&v->counter, i, __ATOMIC_RELAXED); }				\
static __always_inline void PFX##_set_release(T *v, V i)			\
{ __atomic_store_n(&v->counter, i, __ATOMIC_RELEASE); }				\
static __always_inline void PFX##_add(V i, T *v)				\
{ __atomic_fetch_add(&v->counter, i, __ATOMIC_RELAXED); }			\
static __always_inline void PFX##_sub(V i, T *v)				\
{ __atomic_fetch_sub(&v->counter, i, __ATOMIC_RELAXED); }			\
static __always_inline void PFX##_inc(T *v) { PFX##_add(1, v); }		\
static __always_inline void PFX##_dec(T *v) { PFX##_sub(1, v); }		\
static __always_inline void PFX##_and(V i, T *v)				\
{ __atomic_fetch_and(&v->counter, i, __ATOMIC_RELAXED); }			\
static __always_inline void PFX##_andnot(V i, T *v)				\
{ __atomic_fetch_and(&v->counter, ~i, __ATOMIC_RELAXED); }			\
static __always_inline void PFX##_or(V i, T *v)					\
{ __atomic_fetch_or(&v->counter, i, __ATOMIC_RELAXED); }			\
static __always_inline void PFX##_xor(V i, T *v)				\
{ __atomic_fetch_xor(&v->counter, i, __ATOMIC_RELAXED); }			\
static __always_inline V PFX##_fetch_add(V i, T *v)				\
{ return __atomic_fetch_add(&v->counter, i, __ATOMIC_SEQ_CST); }		\
static __always_inline V PFX##_fetch_sub(V i, T *v)				\
{ return __atomic_fetch_sub(&v->counter, i, __ATOMIC_SEQ_CST); }		\
static __always_inline V PFX##_fetch_and(V i, T *v)				\
{ return __atomic_fetch_and(&v->counter, i, __ATOMIC_SEQ_CST); }		\
static __always_inline V PFX##_fetch_andnot(V i, T *v)				\
{ return __atomic_fetch_and(&v->counter, ~i, __ATOMIC_SEQ_CST); }		\
static __always_inline V PFX##_fetch_or(V i, T *v)				\
{ return __atomic_fetch_or(&v->counter, i, __ATOMIC_SEQ_CST); }			\
static __always_inline V PFX##_fetch_xor(V i, T *v)				\
{ return __atomic_fetch_xor(&v->counter, i, __ATOMIC_SEQ_CST); }		\
static __always_inline V PFX##_fetch_inc(T *v) { return PFX##_fetch_add(1, v); }	\
static __always_inline V PFX##_fetch_dec(T *v) { return PFX##_fetch_sub(1, v); }	\
static __always_inline V PFX##_add_return(V i, T *v)				\
{ return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST); }		\
static __always_inline V PFX##_sub_return(V i, T *v)				\
{ return __atomic_sub_fetch(&v->counter, i, __ATOMIC_SEQ_CST); }		\
static __always_inline V PFX##_inc_return(T *v) { return PFX##_add_return(1, v); }	\
static __always_inline V PFX##_dec_return(T *v) { return PFX##_sub_return(1, v); }	\
static __always_inline V PFX##_xchg(T *v, V n)					\
{ return __atomic_exchange_n(&v->counter, n, __ATOMIC_SEQ_CST); }		\
static __always_inline V PFX##_cmpxchg(T *v, V o, V n)				\
{ __atomic_compare_exchange_n(&v->counter, &o, n, 0, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED); return o; } \
static __always_inline bool PFX##_try_cmpxchg(T *v, V *o, V n)			\
{ return __atomic_compare_exchange_n(&v->counter, o, n, 0, __ATOMIC_SEQ_CST, __ATOMIC_RELAXED); } \
static __always_inline bool PFX##_sub_and_test(V i, T *v)			\
{ return PFX##_sub_return(i, v) == 0; }						\
static __always_inline bool PFX##_dec_and_test(T *v)				\
{ return PFX##_dec_return(v) == 0; }						\
static __always_inline bool PFX##_inc_and_test(T *v)				\
{ return PFX##_inc_return(v) == 0; }						\
static __always_inline bool PFX##_add_negative(V i, T *v)			\
{ return PFX##_add_return(i, v) < 0; }						\
/* Add @a unless the value is @u; returns the old value. */			\
static __always_inline V PFX##_fetch_add_unless(T *v, V a, V u)			\
{										\
	V c = PFX##_read(v);							\
	do {									\
		if (unlikely(c == u))						\
			break;							\
	} while (!PFX##_try_cmpxchg(v, &c, c + a));				\
	return c;								\
}										\
static __always_inline bool PFX##_add_unless(T *v, V a, V u)			\
{ return PFX##_fetch_add_unless(v, a, u) != u; }				\
static __always_inline bool PFX##_inc_not_zero(T *v)				\
{ return PFX##_add_unless(v, 1, 0); }						\
static __always_inline bool PFX##_inc_unless_negative(T *v)			\
{										\
	V c = PFX##_read(v);							\
	do {									\
		if (unlikely(c < 0))						\
			return false;						\
	} while (!PFX##_try_cmpxchg(v, &c, c + 1));				\
	return true;								\
}										\
static __always_inline bool PFX##_dec_unless_positive(T *v)			\
{										\
	V c = PFX##_read(v);							\
	do {									\
		if (unlikely(c > 0))						\
			return false;						\
	} while (!PFX##_try_cmpxchg(v, &c, c - 1));				\
	return true;								\
}										\
/* Decrement if the result stays >= 0; returns old value - 1 either way. */	\
static __always_inline V PFX##_dec_if_positive(T *v)				\
{										\
	V dec, c = PFX##_read(v);						\
	do {									\
		dec = c - 1;							\
		if (unlikely(dec < 0))						\
			break;							\
	} while (!PFX##_try_cmpxchg(v, &c, dec));				\
	return dec;								\
}

__LKM_ATOMIC_OPS(atomic, atomic_t, int)
__LKM_ATOMIC_OPS(atomic64, atomic64_t, s64)

/*
 * The ordering variants of every value-returning operation (Documentation/atomic_t.txt): _relaxed (no
 * ordering), _acquire (later accesses stay after it), _release (earlier accesses stay before it); the
 * plain form is fully ordered. wasm's atomics are sequentially consistent, so all are correct; each asks
 * the compiler for exactly its ordering.
 */
#define __LKM_ATOMIC_ORDERED(PFX, T, V, SFX, ORD, ORD_FAIL)				\
static __always_inline V PFX##_fetch_add##SFX(V i, T *v)			\
{ return __atomic_fetch_add(&v->counter, i, ORD); }				\
static __always_inline V PFX##_fetch_sub##SFX(V i, T *v)			\
{ return __atomic_fetch_sub(&v->counter, i, ORD); }				\
static __always_inline V PFX##_fetch_and##SFX(V i, T *v)			\
{ return __atomic_fetch_and(&v->counter, i, ORD); }				\
static __always_inline V PFX##_fetch_andnot##SFX(V i, T *v)			\
{ return __atomic_fetch_and(&v->counter, ~i, ORD); }				\
static __always_inline V PFX##_fetch_or##SFX(V i, T *v)				\
{ return __atomic_fetch_or(&v->counter, i, ORD); }				\
static __always_inline V PFX##_fetch_xor##SFX(V i, T *v)			\
{ return __atomic_fetch_xor(&v->counter, i, ORD); }				\
static __always_inline V PFX##_fetch_inc##SFX(T *v) { return PFX##_fetch_add##SFX(1, v); }	\
static __always_inline V PFX##_fetch_dec##SFX(T *v) { return PFX##_fetch_sub##SFX(1, v); }	\
static __always_inline V PFX##_add_return##SFX(V i, T *v)			\
{ return __atomic_add_fetch(&v->counter, i, ORD); }				\
static __always_inline V PFX##_sub_return##SFX(V i, T *v)			\
{ return __atomic_sub_fetch(&v->counter, i, ORD); }				\
static __always_inline V PFX##_inc_return##SFX(T *v) { return PFX##_add_return##SFX(1, v); }	\
static __always_inline V PFX##_dec_return##SFX(T *v) { return PFX##_sub_return##SFX(1, v); }	\
static __always_inline V PFX##_xchg##SFX(T *v, V n)				\
{ return __atomic_exchange_n(&v->counter, n, ORD); }				\
static __always_inline V PFX##_cmpxchg##SFX(T *v, V o, V n)			\
{ __atomic_compare_exchange_n(&v->counter, &o, n, 0, ORD, ORD_FAIL); return o; }	\
static __always_inline bool PFX##_try_cmpxchg##SFX(T *v, V *o, V n)		\
{ return __atomic_compare_exchange_n(&v->counter, o, n, 0, ORD, ORD_FAIL); }

#define __LKM_ATOMIC_ALL_ORDERS(PFX, T, V)						\
	__LKM_ATOMIC_ORDERED(PFX, T, V, _relaxed, __ATOMIC_RELAXED, __ATOMIC_RELAXED)	\
	__LKM_ATOMIC_ORDERED(PFX, T, V, _acquire, __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE)	\
	__LKM_ATOMIC_ORDERED(PFX, T, V, _release, __ATOMIC_RELEASE, __ATOMIC_RELAXED)

__LKM_ATOMIC_ALL_ORDERS(atomic, atomic_t, int)
__LKM_ATOMIC_ALL_ORDERS(atomic64, atomic64_t, s64)

/* wasm32 is a 32-bit kernel: atomic_long_t is atomic_t. */
typedef atomic_t atomic_long_t;
#define ATOMIC_LONG_INIT(i)	ATOMIC_INIT(i)
__LKM_ATOMIC_OPS(__lkm_atomic_long, atomic_long_t, int)

/* The ordering variants of atomic_long_*: atomic_long_t is atomic_t on this 32-bit kernel. */
#define atomic_long_fetch_add_relaxed(i, v)	((long)atomic_fetch_add_relaxed((int)(i), v))
#define atomic_long_fetch_add_acquire(i, v)	((long)atomic_fetch_add_acquire((int)(i), v))
#define atomic_long_fetch_add_release(i, v)	((long)atomic_fetch_add_release((int)(i), v))
#define atomic_long_fetch_sub_relaxed(i, v)	((long)atomic_fetch_sub_relaxed((int)(i), v))
#define atomic_long_fetch_sub_acquire(i, v)	((long)atomic_fetch_sub_acquire((int)(i), v))
#define atomic_long_fetch_sub_release(i, v)	((long)atomic_fetch_sub_release((int)(i), v))
#define atomic_long_fetch_or_relaxed(i, v)	((long)atomic_fetch_or_relaxed((int)(i), v))
#define atomic_long_fetch_or_acquire(i, v)	((long)atomic_fetch_or_acquire((int)(i), v))
#define atomic_long_fetch_or_release(i, v)	((long)atomic_fetch_or_release((int)(i), v))
#define atomic_long_fetch_and_relaxed(i, v)	((long)atomic_fetch_and_relaxed((int)(i), v))
#define atomic_long_fetch_and_acquire(i, v)	((long)atomic_fetch_and_acquire((int)(i), v))
#define atomic_long_fetch_and_release(i, v)	((long)atomic_fetch_and_release((int)(i), v))
#define atomic_long_fetch_andnot_relaxed(i, v)	((long)atomic_fetch_andnot_relaxed((int)(i), v))
#define atomic_long_fetch_andnot_acquire(i, v)	((long)atomic_fetch_andnot_acquire((int)(i), v))
#define atomic_long_fetch_andnot_release(i, v)	((long)atomic_fetch_andnot_release((int)(i), v))
#define atomic_long_fetch_xor_relaxed(i, v)	((long)atomic_fetch_xor_relaxed((int)(i), v))
#define atomic_long_fetch_xor_acquire(i, v)	((long)atomic_fetch_xor_acquire((int)(i), v))
#define atomic_long_fetch_xor_release(i, v)	((long)atomic_fetch_xor_release((int)(i), v))
#define atomic_long_fetch_inc_relaxed(v)	((long)atomic_fetch_inc_relaxed(v))
#define atomic_long_fetch_inc_acquire(v)	((long)atomic_fetch_inc_acquire(v))
#define atomic_long_fetch_inc_release(v)	((long)atomic_fetch_inc_release(v))
#define atomic_long_fetch_dec_relaxed(v)	((long)atomic_fetch_dec_relaxed(v))
#define atomic_long_fetch_dec_acquire(v)	((long)atomic_fetch_dec_acquire(v))
#define atomic_long_fetch_dec_release(v)	((long)atomic_fetch_dec_release(v))
#define atomic_long_add_return_relaxed(i, v)	((long)atomic_add_return_relaxed((int)(i), v))
#define atomic_long_add_return_acquire(i, v)	((long)atomic_add_return_acquire((int)(i), v))
#define atomic_long_add_return_release(i, v)	((long)atomic_add_return_release((int)(i), v))
#define atomic_long_sub_return_relaxed(i, v)	((long)atomic_sub_return_relaxed((int)(i), v))
#define atomic_long_sub_return_acquire(i, v)	((long)atomic_sub_return_acquire((int)(i), v))
#define atomic_long_sub_return_release(i, v)	((long)atomic_sub_return_release((int)(i), v))
#define atomic_long_inc_return_relaxed(v)	((long)atomic_inc_return_relaxed(v))
#define atomic_long_inc_return_acquire(v)	((long)atomic_inc_return_acquire(v))
#define atomic_long_inc_return_release(v)	((long)atomic_inc_return_release(v))
#define atomic_long_dec_return_relaxed(v)	((long)atomic_dec_return_relaxed(v))
#define atomic_long_dec_return_acquire(v)	((long)atomic_dec_return_acquire(v))
#define atomic_long_dec_return_release(v)	((long)atomic_dec_return_release(v))
#define atomic_long_xchg_relaxed(v, n)		((long)atomic_xchg_relaxed(v, (int)(n)))
#define atomic_long_xchg_acquire(v, n)		((long)atomic_xchg_acquire(v, (int)(n)))
#define atomic_long_xchg_release(v, n)		((long)atomic_xchg_release(v, (int)(n)))
#define atomic_long_cmpxchg_relaxed(v, o, n)	((long)atomic_cmpxchg_relaxed(v, (int)(o), (int)(n)))
#define atomic_long_cmpxchg_acquire(v, o, n)	((long)atomic_cmpxchg_acquire(v, (int)(o), (int)(n)))
#define atomic_long_cmpxchg_release(v, o, n)	((long)atomic_cmpxchg_release(v, (int)(o), (int)(n)))
#define atomic_long_try_cmpxchg_relaxed(v, o, n) atomic_try_cmpxchg_relaxed(v, (int *)(o), (int)(n))
#define atomic_long_try_cmpxchg_acquire(v, o, n) atomic_try_cmpxchg_acquire(v, (int *)(o), (int)(n))
#define atomic_long_try_cmpxchg_release(v, o, n) atomic_try_cmpxchg_release(v, (int *)(o), (int)(n))

#define atomic_long_read(v)		((long)__lkm_atomic_long_read(v))
#define atomic_long_read_acquire(v)	((long)__lkm_atomic_long_read_acquire(v))
#define atomic_long_set(v, i)		__lkm_atomic_long_set(v, (int)(i))
#define atomic_long_set_release(v, i)	__lkm_atomic_long_set_release(v, (int)(i))
#define atomic_long_add(i, v)		__lkm_atomic_long_add((int)(i), v)
#define atomic_long_sub(i, v)		__lkm_atomic_long_sub((int)(i), v)
#define atomic_long_inc(v)		__lkm_atomic_long_inc(v)
#define atomic_long_dec(v)		__lkm_atomic_long_dec(v)
#define atomic_long_and(i, v)		__lkm_atomic_long_and((int)(i), v)
#define atomic_long_andnot(i, v)	__lkm_atomic_long_andnot((int)(i), v)
#define atomic_long_or(i, v)		__lkm_atomic_long_or((int)(i), v)
#define atomic_long_xor(i, v)		__lkm_atomic_long_xor((int)(i), v)
#define atomic_long_fetch_add(i, v)	((long)__lkm_atomic_long_fetch_add((int)(i), v))
#define atomic_long_fetch_sub(i, v)	((long)__lkm_atomic_long_fetch_sub((int)(i), v))
#define atomic_long_fetch_and(i, v)	((long)__lkm_atomic_long_fetch_and((int)(i), v))
#define atomic_long_fetch_andnot(i, v)	((long)__lkm_atomic_long_fetch_andnot((int)(i), v))
#define atomic_long_fetch_or(i, v)	((long)__lkm_atomic_long_fetch_or((int)(i), v))
#define atomic_long_fetch_xor(i, v)	((long)__lkm_atomic_long_fetch_xor((int)(i), v))
#define atomic_long_fetch_inc(v)	((long)__lkm_atomic_long_fetch_inc(v))
#define atomic_long_fetch_dec(v)	((long)__lkm_atomic_long_fetch_dec(v))
#define atomic_long_add_return(i, v)	((long)__lkm_atomic_long_add_return((int)(i), v))
#define atomic_long_sub_return(i, v)	((long)__lkm_atomic_long_sub_return((int)(i), v))
#define atomic_long_inc_return(v)	((long)__lkm_atomic_long_inc_return(v))
#define atomic_long_dec_return(v)	((long)__lkm_atomic_long_dec_return(v))
#define atomic_long_xchg(v, n)		((long)__lkm_atomic_long_xchg(v, (int)(n)))
#define atomic_long_cmpxchg(v, o, n)	((long)__lkm_atomic_long_cmpxchg(v, (int)(o), (int)(n)))
#define atomic_long_try_cmpxchg(v, o, n) __lkm_atomic_long_try_cmpxchg(v, (int *)(o), (int)(n))
#define atomic_long_sub_and_test(i, v)	__lkm_atomic_long_sub_and_test((int)(i), v)
#define atomic_long_dec_and_test(v)	__lkm_atomic_long_dec_and_test(v)
#define atomic_long_inc_and_test(v)	__lkm_atomic_long_inc_and_test(v)
#define atomic_long_add_negative(i, v)	__lkm_atomic_long_add_negative((int)(i), v)
#define atomic_long_add_unless(v, a, u)	__lkm_atomic_long_add_unless(v, (int)(a), (int)(u))
#define atomic_long_fetch_add_unless(v, a, u) ((long)__lkm_atomic_long_fetch_add_unless(v, (int)(a), (int)(u)))
#define atomic_long_inc_not_zero(v)	__lkm_atomic_long_inc_not_zero(v)
#define atomic_long_dec_if_positive(v)	((long)__lkm_atomic_long_dec_if_positive(v))

/* Ordering variants: wasm atomics are sequentially consistent, so each maps to the full form. */
#define atomic_add_return_relaxed	atomic_add_return
#define atomic_add_return_acquire	atomic_add_return
#define atomic_add_return_release	atomic_add_return
#define atomic_sub_return_relaxed	atomic_sub_return
#define atomic_inc_return_relaxed	atomic_inc_return
#define atomic_inc_return_acquire	atomic_inc_return
#define atomic_inc_return_release	atomic_inc_return
#define atomic_dec_return_relaxed	atomic_dec_return
#define atomic_dec_return_acquire	atomic_dec_return
#define atomic_dec_return_release	atomic_dec_return
#define atomic_fetch_add_relaxed	atomic_fetch_add
#define atomic_fetch_add_acquire	atomic_fetch_add
#define atomic_fetch_add_release	atomic_fetch_add
#define atomic_fetch_sub_relaxed	atomic_fetch_sub
#define atomic_fetch_sub_release	atomic_fetch_sub
#define atomic_fetch_inc_relaxed	atomic_fetch_inc
#define atomic_fetch_dec_relaxed	atomic_fetch_dec
#define atomic_fetch_or_relaxed		atomic_fetch_or
#define atomic_fetch_and_relaxed	atomic_fetch_and
#define atomic_fetch_andnot_relaxed	atomic_fetch_andnot
#define atomic_fetch_xor_relaxed	atomic_fetch_xor
#define atomic_xchg_relaxed		atomic_xchg
#define atomic_xchg_acquire		atomic_xchg
#define atomic_xchg_release		atomic_xchg
#define atomic_cmpxchg_relaxed		atomic_cmpxchg
#define atomic_cmpxchg_acquire		atomic_cmpxchg
#define atomic_cmpxchg_release		atomic_cmpxchg
#define atomic_try_cmpxchg_relaxed	atomic_try_cmpxchg
#define atomic_try_cmpxchg_acquire	atomic_try_cmpxchg
#define atomic_try_cmpxchg_release	atomic_try_cmpxchg
#define atomic64_add_return_relaxed	atomic64_add_return
#define atomic64_inc_return_relaxed	atomic64_inc_return
#define atomic64_dec_return_relaxed	atomic64_dec_return
#define atomic64_fetch_add_relaxed	atomic64_fetch_add
#define atomic64_xchg_relaxed		atomic64_xchg
#define atomic64_cmpxchg_relaxed	atomic64_cmpxchg
#define atomic64_try_cmpxchg_relaxed	atomic64_try_cmpxchg

#define atomic_cond_read_relaxed(v, c)	smp_cond_load_relaxed(&(v)->counter, (c))
#define atomic_cond_read_acquire(v, c)	smp_cond_load_acquire(&(v)->counter, (c))

#endif /* _LINUX_ATOMIC_H */
