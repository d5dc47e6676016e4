/* SPDX-License-Identifier: GPL-2.0 */
/* Compiler helpers: branch hints, barriers, once-accesses, compile-time checks. */
#ifndef __LINUX_COMPILER_H
#define __LINUX_COMPILER_H

#include <linux/compiler_types.h>

#ifndef __ASSEMBLY__

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)
#define likely_notrace(x)	likely(x)
#define unlikely_notrace(x)	unlikely(x)

/* Optimization barrier: the compiler may not move memory accesses across it. */
#ifndef barrier
#define barrier() __asm__ __volatile__("" : : : "memory")
#endif
#define barrier_data(ptr) __asm__ __volatile__("" : : "r"(ptr) : "memory")
#define barrier_before_unreachable() do { } while (0)

#define unreachable() do { barrier_before_unreachable(); __builtin_unreachable(); } while (0)

#ifndef __compiletime_error
#define __compiletime_error(msg)	__attribute__((__error__(msg)))
#endif
#ifndef __compiletime_warning
#define __compiletime_warning(msg)	__attribute__((__warning__(msg)))
#endif

/* Fails the build when `condition` is false, with the optimizer proving it (as Linux). */
#define __compiletime_assert(condition, msg, prefix, suffix)		\
	do {								\
		__noreturn extern void prefix ## suffix(void)		\
			__compiletime_error(msg);			\
		if (!(condition))					\
			prefix ## suffix();				\
	} while (0)
#define _compiletime_assert(condition, msg, prefix, suffix) \
	__compiletime_assert(condition, msg, prefix, suffix)
#define compiletime_assert(condition, msg) \
	_compiletime_assert(condition, msg, __compiletime_assert_, __COUNTER__)
#define compiletime_assert_atomic_type(t)				\
	compiletime_assert(__native_word(t),				\
		"Need native word sized stores/loads for atomicity.")

#define __native_word(t) \
	(sizeof(t) == sizeof(char) || sizeof(t) == sizeof(short) || \
	 sizeof(t) == sizeof(int) || sizeof(t) == sizeof(long) || sizeof(t) == sizeof(long long))

/* Is `x` an integer constant expression? (Linux's __is_constexpr trick.) */
#define __is_constexpr(x) \
	(sizeof(int) == sizeof(*(8 ? ((void *)((long)(x) * 0l)) : (int *)8)))

/* &a[0] degrades to a pointer: a different type than the array. */
#define __must_be_array(a)	BUILD_BUG_ON_ZERO(__same_type((a), &(a)[0]))
#define __must_be_byte_array(a)	0
#define __must_be_cstr(p)	0

#define __UNIQUE_ID(prefix)	__PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)
#define ___PASTE(a, b)		a##b
#define __PASTE(a, b)		___PASTE(a, b)

/* Once-accesses: exactly one load or store, never torn for native word sizes. */
#define __READ_ONCE(x)		(*(const volatile typeof(x) *)&(x))
#define READ_ONCE(x)		__READ_ONCE(x)
#define __WRITE_ONCE(x, val)	do { *(volatile typeof(x) *)&(x) = (val); } while (0)
#define WRITE_ONCE(x, val)	__WRITE_ONCE(x, val)
#define READ_ONCE_NOCHECK(x)	READ_ONCE(x)
#define data_race(expr)		(expr)

#define OPTIMIZER_HIDE_VAR(var)	__asm__ ("" : "=r" (var) : "0" (var))
#define RELOC_HIDE(ptr, off)	({ unsigned long __ptr; __ptr = (unsigned long)(ptr); (typeof(ptr))(__ptr + (off)); })
#define absolute_pointer(val)	RELOC_HIDE((void *)(val), 0)

#define __ADDRESSABLE(sym)
#define prevent_tail_call_optimization()	barrier()
#define __annotate_jump_table
#define __no_sanitize_or_inline			__always_inline
#define __no_kcsan
#define __no_sanitize_address
#define noinstr
#define __noinstr_section(s)
#define instrumentation_begin()	do { } while (0)
#define instrumentation_end()	do { } while (0)
#define noinline_for_stack	noinline
#define __nocfi
#define __flatten		__attribute__((__flatten__))
#define __assume_aligned(a, ...) __attribute__((__assume_aligned__(a, ## __VA_ARGS__)))
#define __alloc_size(x, ...)	__attribute__((__alloc_size__(x, ## __VA_ARGS__)))
#define __realloc_size(x, ...)	__attribute__((__alloc_size__(x, ## __VA_ARGS__)))
#define __no_stack_protector
#define __nostackprotector
#define __designated_init
#define __builtin_warning(x, y...) (1)

#ifndef __attribute_const__
#define __attribute_const__	__attribute__((__const__))
#endif

#define is_signed_type(type)	(((type)(-1)) < (__force type)1)
#define is_unsigned_type(type)	(!is_signed_type(type))

/* Build-time checks (BUILD_BUG_ON and friends) live in build_bug.h; most users expect them here. */
#include <linux/build_bug.h>

#endif /* __ASSEMBLY__ */
#endif /* __LINUX_COMPILER_H */
