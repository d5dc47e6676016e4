/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_WASM_BARRIER_H
#define _ASM_WASM_BARRIER_H

#include <linux/compiler.h>

/*
 * Memory is one shared WebAssembly memory; wasm atomics are sequentially consistent, so full barriers
 * are a seq_cst fence and the acquire/release forms use the matching C11 builtins.
 */
#define mb()		__atomic_thread_fence(__ATOMIC_SEQ_CST)
#define rmb()		__atomic_thread_fence(__ATOMIC_SEQ_CST)
#define wmb()		__atomic_thread_fence(__ATOMIC_SEQ_CST)
#define dma_rmb()	rmb()
#define dma_wmb()	wmb()
#define smp_mb()	mb()
#define smp_rmb()	rmb()
#define smp_wmb()	wmb()
#define __smp_mb()	mb()
#define smp_mb__before_atomic()	barrier()
#define smp_mb__after_atomic()	barrier()
#define smp_mb__after_spinlock()	barrier()
#define smp_read_barrier_depends()	do { } while (0)

#define smp_store_mb(var, value)  do { WRITE_ONCE(var, value); smp_mb(); } while (0)
#define smp_store_release(p, v)	__atomic_store_n(p, v, __ATOMIC_RELEASE)
#define smp_load_acquire(p)	__atomic_load_n(p, __ATOMIC_ACQUIRE)
#define smp_acquire__after_ctrl_dep()	smp_rmb()
#define virt_mb()	mb()

#define smp_cond_load_relaxed(ptr, cond_expr) ({		\
	typeof(ptr) __PTR = (ptr);				\
	typeof(*ptr) VAL;					\
	for (;;) {						\
		VAL = READ_ONCE(*__PTR);			\
		if (cond_expr)					\
			break;					\
	}							\
	VAL;							\
})
#define smp_cond_load_acquire(ptr, cond_expr) ({		\
	typeof(*ptr) _val;					\
	_val = smp_cond_load_relaxed(ptr, cond_expr);		\
	smp_mb();						\
	_val;							\
})

#include <asm/processor.h>	/* cpu_relax(), which the spinning headers expect with the barriers */

#endif
