// SPDX-License-Identifier: GPL-2.0
/*
 * Per-CPU memory (mm/percpu.c): the offsets of the CPUs' copies and alloc_percpu(). One CPU, whose copy
 * is the object itself (offset 0), so an allocation is one zeroed object, charged to the module that
 * asked (its leak report at unload counts it) and aligned as asked.
 */
#include <linux/export.h>
#include <linux/log2.h>
#include <linux/minmax.h>
#include <linux/percpu.h>
#include <linux/slab.h>

unsigned long __per_cpu_offset[NR_CPUS];
EXPORT_SYMBOL(__per_cpu_offset);

void __percpu *__lkm_alloc_percpu(size_t size, size_t align, gfp_t gfp, struct module *owner)
{
	size_t want = size;

	if (!size || align > PAGE_SIZE || (align & (align - 1)))
		return NULL;
	/* kmalloc's power-of-two sizes are naturally aligned: a larger alignment asks for one of those. */
	if (align > sizeof(unsigned long long))
		want = roundup_pow_of_two(max(size, align));
	return __lkm_kmalloc(want, gfp | __GFP_ZERO, owner);
}
EXPORT_SYMBOL(__lkm_alloc_percpu);

void free_percpu(void __percpu *ptr)
{
	kfree(ptr);
}
EXPORT_SYMBOL(free_percpu);
