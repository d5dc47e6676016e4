/* SPDX-License-Identifier: GPL-2.0 */
/* Attribute shorthands used throughout the kernel API. */
#ifndef __LINUX_COMPILER_TYPES_H
#define __LINUX_COMPILER_TYPES_H

#ifndef __ASSEMBLY__

/* Address-space and checker annotations: no effect on code, as without sparse. */
#define __user
#define __kernel
#define __iomem
#define __percpu
#define __rcu
#define __force
#define __nocast
#define __safe
#define __bitwise
#define __must_hold(x)
#define __acquires(x)
#define __releases(x)
#define __acquire(x)	(void)0
#define __release(x)	(void)0
#define __cond_lock(x, c)	(c)

#define __always_inline		inline __attribute__((__always_inline__))
#define noinline		__attribute__((__noinline__))
#define __noreturn		__attribute__((__noreturn__))
#define __packed		__attribute__((__packed__))
#define __aligned(x)		__attribute__((__aligned__(x)))
#define __section(s)		__attribute__((__section__(s)))
#define __used			__attribute__((__used__))
#define __maybe_unused		__attribute__((__unused__))
#define __always_unused		__attribute__((__unused__))
#define __weak			__attribute__((__weak__))
#define __alias(sym)		__attribute__((__alias__(#sym)))
#define __cold			__attribute__((__cold__))
#define __pure			__attribute__((__pure__))
#define __const			__attribute__((__const__))
#define __malloc		__attribute__((__malloc__))
#define __must_check		__attribute__((__warn_unused_result__))
#define __printf(a, b)		__attribute__((__format__(printf, a, b)))
#define __scanf(a, b)		__attribute__((__format__(scanf, a, b)))
#define __visible		__attribute__((__visibility__("default")))
#define __copy(symbol)
#define __counted_by(m)
#define __nonstring
#define __latent_entropy
#define __randomize_layout
#define __no_randomize_layout
#define notrace
#define __cacheline_aligned	__aligned(64)
#define ____cacheline_aligned	__aligned(64)
#define __read_mostly
#define __ro_after_init
#define __fallthrough		__attribute__((__fallthrough__))
#ifndef fallthrough
#define fallthrough		__attribute__((__fallthrough__))
#endif
#define __deprecated
#define __same_type(a, b)	__builtin_types_compatible_p(typeof(a), typeof(b))
#define __cleanup(func)		__attribute__((__cleanup__(func)))

#ifndef asm
#define asm __asm__
#endif
#ifndef typeof
#define typeof __typeof__
#endif

#endif /* __ASSEMBLY__ */
#endif
