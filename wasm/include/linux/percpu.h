/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-CPU variables (Linux's <linux/percpu.h>, <linux/percpu-defs.h>): each CPU's copy is the variable
 * plus that CPU's offset (__per_cpu_offset[]), as in Linux. With one CPU the offset of CPU 0 is 0, so the
 * variable is CPU 0's copy; this_cpu_*() operations are preempt-safe read-modify-writes of the copy of
 * the CPU the task runs on.
 */
#ifndef __LINUX_PERCPU_H
#define __LINUX_PERCPU_H

#include <linux/alloc_tag.h>
#include <linux/cache.h>
#include <linux/cpumask.h>
#include <linux/export.h>
#include <linux/gfp_types.h>
#include <linux/preempt.h>
#include <linux/smp.h>

extern unsigned long __per_cpu_offset[NR_CPUS];
#define per_cpu_offset(cpu)	(__per_cpu_offset[cpu])

#define DECLARE_PER_CPU(type, name)			extern __typeof__(type) name
#define DEFINE_PER_CPU(type, name)			__typeof__(type) name
#define DECLARE_PER_CPU_SHARED_ALIGNED(type, name)	DECLARE_PER_CPU(type, name)
#define DEFINE_PER_CPU_SHARED_ALIGNED(type, name)	DEFINE_PER_CPU(type, name) ____cacheline_aligned
#define DEFINE_PER_CPU_ALIGNED(type, name)		DEFINE_PER_CPU_SHARED_ALIGNED(type, name)
#define DEFINE_PER_CPU_READ_MOSTLY(type, name)		DEFINE_PER_CPU(type, name)
#define EXPORT_PER_CPU_SYMBOL(var)			EXPORT_SYMBOL(var)
#define EXPORT_PER_CPU_SYMBOL_GPL(var)			EXPORT_SYMBOL_GPL(var)

#define SHIFT_PERCPU_PTR(ptr, offset)	((__typeof__(ptr))((unsigned long)(ptr) + (offset)))
#define per_cpu_ptr(ptr, cpu)		SHIFT_PERCPU_PTR((ptr), per_cpu_offset(cpu))
#define raw_cpu_ptr(ptr)		per_cpu_ptr((ptr), raw_smp_processor_id())
#define this_cpu_ptr(ptr)		raw_cpu_ptr(ptr)
#define per_cpu(var, cpu)		(*per_cpu_ptr(&(var), (cpu)))
#define raw_cpu_read(pcp)		(*raw_cpu_ptr(&(pcp)))
#define raw_cpu_write(pcp, val)		do { *raw_cpu_ptr(&(pcp)) = (val); } while (0)

#define get_cpu_var(var)	(*({ preempt_disable(); this_cpu_ptr(&(var)); }))
#define put_cpu_var(var)	do { (void)&(var); preempt_enable(); } while (0)
#define get_cpu_ptr(var)	({ preempt_disable(); this_cpu_ptr(var); })
#define put_cpu_ptr(var)	do { (void)(var); preempt_enable(); } while (0)

/*
 * The this_cpu_*() operations: one read-modify-write that no preemption can split. Kernel threads on
 * CPU workers run truly in parallel while the kernel reports one CPU, so two tasks can be "on" the same
 * CPU at once: the read-modify-writes are atomic (relaxed), which keeps per-CPU counters exact.
 */
#define __pcpu_op(pcp, expr)	({ __typeof__(pcp) *__p; __typeof__(pcp) __r;			\
				   preempt_disable(); __p = raw_cpu_ptr(&(pcp)); __r = (expr);	\
				   preempt_enable(); __r; })
#define this_cpu_read(pcp)		__pcpu_op(pcp, *__p)
#define this_cpu_write(pcp, val)	((void)__pcpu_op(pcp, *__p = (val)))
#define this_cpu_add(pcp, val)		((void)__pcpu_op(pcp, __atomic_add_fetch(__p, (val), __ATOMIC_RELAXED)))
#define this_cpu_sub(pcp, val)		this_cpu_add(pcp, -(__typeof__(pcp))(val))
#define this_cpu_inc(pcp)		this_cpu_add(pcp, 1)
#define this_cpu_dec(pcp)		this_cpu_sub(pcp, 1)
#define this_cpu_and(pcp, val)		((void)__pcpu_op(pcp, __atomic_and_fetch(__p, (val), __ATOMIC_RELAXED)))
#define this_cpu_or(pcp, val)		((void)__pcpu_op(pcp, __atomic_or_fetch(__p, (val), __ATOMIC_RELAXED)))
#define this_cpu_add_return(pcp, val)	__pcpu_op(pcp, __atomic_add_fetch(__p, (val), __ATOMIC_RELAXED))
#define this_cpu_sub_return(pcp, val)	this_cpu_add_return(pcp, -(__typeof__(pcp))(val))
#define this_cpu_inc_return(pcp)	this_cpu_add_return(pcp, 1)
#define this_cpu_dec_return(pcp)	this_cpu_add_return(pcp, -1)
#define this_cpu_xchg(pcp, nval)	__pcpu_op(pcp, __atomic_exchange_n(__p, (nval), __ATOMIC_RELAXED))
#define this_cpu_cmpxchg(pcp, oval, nval)						\
	__pcpu_op(pcp, ({ __typeof__(pcp) __o = (oval);						\
			  __atomic_compare_exchange_n(__p, &__o, (nval), 0, __ATOMIC_RELAXED, __ATOMIC_RELAXED); __o; }))

/* With preemption already off (the caller's business, as in Linux). */
#define __this_cpu_read(pcp)		raw_cpu_read(pcp)
#define __this_cpu_write(pcp, val)	raw_cpu_write(pcp, val)
#define __this_cpu_add(pcp, val)	do { __atomic_add_fetch(raw_cpu_ptr(&(pcp)), (val), __ATOMIC_RELAXED); } while (0)
#define __this_cpu_sub(pcp, val)	do { __atomic_sub_fetch(raw_cpu_ptr(&(pcp)), (val), __ATOMIC_RELAXED); } while (0)
#define __this_cpu_inc(pcp)		__this_cpu_add(pcp, 1)
#define __this_cpu_dec(pcp)		__this_cpu_sub(pcp, 1)
#define raw_cpu_add(pcp, val)		__this_cpu_add(pcp, val)
#define raw_cpu_inc(pcp)		__this_cpu_inc(pcp)

/* Dynamic per-CPU memory (mm/percpu.c): zeroed, one copy per possible CPU, charged to the module. */
struct module;
void __percpu *__lkm_alloc_percpu(size_t size, size_t align, gfp_t gfp, struct module *owner);
void free_percpu(void __percpu *ptr);

/* alloc_hooks(): the leak report names the function that called alloc_percpu(). */
#define __alloc_percpu(size, align)		alloc_hooks(__lkm_alloc_percpu((size), (align), GFP_KERNEL, THIS_MODULE))
#define __alloc_percpu_gfp(size, align, gfp)	alloc_hooks(__lkm_alloc_percpu((size), (align), (gfp), THIS_MODULE))
#define alloc_percpu(type)							\
	((__typeof__(type) __percpu *)__alloc_percpu(sizeof(type), __alignof__(type)))
#define alloc_percpu_gfp(type, gfp)						\
	((__typeof__(type) __percpu *)__alloc_percpu_gfp(sizeof(type), __alignof__(type), gfp))

#endif
