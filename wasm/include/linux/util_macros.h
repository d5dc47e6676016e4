/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_HELPER_MACROS_H_
#define _LINUX_HELPER_MACROS_H_

#include <linux/math.h>
#include <linux/types.h>

/*
 * find_closest(x, a, as): the index of the element of the ascending array @a (@as elements) closest to
 * @x; a tie goes to the lower element. Give @x a signed type when @a holds negative numbers. The walk
 * moves right while @x lies past the midpoint of the current pair; at the pair where it stops, the upper
 * element wins only when it is strictly closer. Differences are taken as long, whatever @a's type.
 */
#define find_closest(x, a, as)						\
({									\
	typeof(as) __fc_i = 0, __fc_last = (as) - 1;			\
	long __fc_x = (x);						\
	typeof(*(a)) const *__fc_a = (a);				\
									\
	while (__fc_i < __fc_last &&					\
	       __fc_x > (long)((__fc_a[__fc_i] + __fc_a[__fc_i + 1]) / 2))	\
		__fc_i++;						\
	if (__fc_i < __fc_last) {					\
		long __fc_below = __fc_x - __fc_a[__fc_i];		\
		long __fc_above = __fc_a[__fc_i + 1] - __fc_x;		\
									\
		if (__fc_above < __fc_below)				\
			__fc_i++;					\
	}								\
	__fc_i;								\
})

/* The same for a descending array, walked from its end (so that unsigned elements compare right). */
#define find_closest_descending(x, a, as)				\
({									\
	typeof(as) __fc_i = (as) - 1;					\
	long __fc_x = (x);						\
	typeof(*(a)) const *__fc_a = (a);				\
									\
	while (__fc_i >= 1 &&						\
	       __fc_x > (long)((__fc_a[__fc_i] + __fc_a[__fc_i - 1]) / 2))	\
		__fc_i--;						\
	if (__fc_i >= 1) {						\
		long __fc_below = __fc_x - __fc_a[__fc_i];		\
		long __fc_above = __fc_a[__fc_i - 1] - __fc_x;		\
									\
		if (__fc_above < __fc_below)				\
			__fc_i--;					\
	}								\
	__fc_i;								\
})

/* @ptr points into the object @var. */
#define is_insidevar(ptr, var)						\
	((uintptr_t)(ptr) >= (uintptr_t)(var) &&			\
	 (uintptr_t)(ptr) <  (uintptr_t)(var) + sizeof(var))

#endif
