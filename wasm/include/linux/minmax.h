/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MINMAX_H
#define _LINUX_MINMAX_H

#include <linux/build_bug.h>
#include <linux/compiler.h>
#include <linux/const.h>
#include <linux/types.h>

/*
 * min()/max()/clamp() macros, with Linux 6.12's checks:
 * - each argument is evaluated once;
 * - the result is a constant expression when the arguments are;
 * - mixing signed and unsigned operands is a build error ("signedness error"), unless one of them is a
 *   non-negative integer constant or both promote to the same signedness.
 */
#define __is_signed(x)	is_signed_type(typeof(x))
/* A non-negative integer constant is fine against either signedness (x is only evaluated if constant). */
#define __is_noneg_int(x)						\
	__builtin_choose_expr(__is_constexpr(x),			\
		(long long)(x) >= 0, 0)
#define __types_ok(x, y)						\
	(__is_signed(x) == __is_signed(y) ||				\
	 __is_signed((x) + 0) == __is_signed((y) + 0) ||		\
	 __is_noneg_int(x) || __is_noneg_int(y))

#define __cmp_op_min <
#define __cmp_op_max >
#define __cmp(op, x, y)	((x) __cmp_op_##op (y) ? (x) : (y))

#define __cmp_once_unique(op, type, x, y, ux, uy)			\
	({ type ux = (x); type uy = (y); __cmp(op, ux, uy); })
#define __cmp_once(op, type, x, y)					\
	__cmp_once_unique(op, type, x, y, __UNIQUE_ID(x_), __UNIQUE_ID(y_))

#define __careful_cmp_once(op, x, y, ux, uy) ({			\
	__auto_type ux = (x); __auto_type uy = (y);			\
	BUILD_BUG_ON_MSG(!__types_ok(x, y),				\
		#op"("#x", "#y") signedness error");			\
	__cmp(op, ux, uy); })

#define __careful_cmp(op, x, y)						\
	__builtin_choose_expr(__is_constexpr((x) - (y)),		\
		__cmp(op, x, y),					\
		__careful_cmp_once(op, x, y, __UNIQUE_ID(x_), __UNIQUE_ID(y_)))

/** min - return minimum of two values of the same signedness */
#define min(x, y)	__careful_cmp(min, x, y)
/** max - return maximum of two values of the same signedness */
#define max(x, y)	__careful_cmp(max, x, y)

/* Unsigned min/max: the arguments are converted to unsigned (zero-extended) first. */
#define umin(x, y)	\
	__careful_cmp(min, (x) + 0u + 0ul + 0ull, (y) + 0u + 0ul + 0ull)
#define umax(x, y)	\
	__careful_cmp(max, (x) + 0u + 0ul + 0ull, (y) + 0u + 0ul + 0ull)

#define min3(x, y, z) min((typeof(x))min(x, y), z)
#define max3(x, y, z) max((typeof(x))max(x, y), z)

/* Minimum of two values, ignoring zeros (0 only if both are 0). */
#define min_not_zero(x, y) ({			\
	typeof(x) __x = (x);			\
	typeof(y) __y = (y);			\
	__x == 0 ? __y : ((__y == 0) ? __x : min(__x, __y)); })

#define __clamp(val, lo, hi)	\
	((val) >= (hi) ? (hi) : ((val) <= (lo) ? (lo) : (val)))

#define __clamp_once(val, lo, hi, uval, ulo, uhi) ({			\
	__auto_type uval = (val);					\
	__auto_type ulo = (lo);						\
	__auto_type uhi = (hi);						\
	BUILD_BUG_ON_MSG(!__types_ok(val, lo) || !__types_ok(val, hi),	\
		"clamp("#val", "#lo", "#hi") signedness error");	\
	__clamp(uval, ulo, uhi); })

#define __careful_clamp(val, lo, hi)					\
	__clamp_once(val, lo, hi, __UNIQUE_ID(v_), __UNIQUE_ID(l_), __UNIQUE_ID(h_))

/** clamp - return a value clamped to a given range with typechecking */
#define clamp(val, lo, hi) __careful_clamp(val, lo, hi)

/* min/max/clamp with an explicit type: every argument is cast first. */
#define min_t(type, x, y)	__cmp_once(min, type, x, y)
#define max_t(type, x, y)	__cmp_once(max, type, x, y)

#define clamp_t(type, val, lo, hi) ({					\
	type __cv = (type)(val); type __cl = (type)(lo); type __ch = (type)(hi); \
	__clamp(__cv, __cl, __ch); })
/* clamp_val - clamp with the type of val */
#define clamp_val(val, lo, hi) clamp_t(typeof(val), val, lo, hi)

#define MIN(a, b) __cmp(min, a, b)
#define MAX(a, b) __cmp(max, a, b)
#define MIN_T(type, a, b) __cmp(min, (type)(a), (type)(b))
#define MAX_T(type, a, b) __cmp(max, (type)(a), (type)(b))

/* Is @val in [@start, @start + @len)? */
#define in_range(val, start, len)					\
	((sizeof(start) | sizeof(len) | sizeof(val)) <= sizeof(u32) ?	\
		(u32)((val) - (start)) < (u32)(len) :			\
		(u64)((val) - (start)) < (u64)(len))

/* swap - swap values of @a and @b */
#define swap(a, b) \
	do { typeof(a) __tmp = (a); (a) = (b); (b) = __tmp; } while (0)

#endif /* _LINUX_MINMAX_H */
