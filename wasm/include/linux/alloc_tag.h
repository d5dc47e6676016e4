/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Allocation provenance, after Linux 6.12's memory allocation profiling (CONFIG_MEM_ALLOC_PROFILING):
 * each allocating call site owns a static tag (function, file, line), and alloc_hooks() makes it the
 * current one for the duration of the call, so the allocator records where each object was allocated
 * (the leak report at unload names it). clang's wasm target has no usable __builtin_return_address, so
 * this is how the caller is known.
 *
 * The allocating functions of slab.h, vmalloc.h, gfp.h, string.h and sprintf.h are wrapped at the end of
 * each header: `#define kmalloc(...) alloc_hooks(kmalloc(__VA_ARGS__))` (a macro does not expand its own
 * name again, so the inner call is the inline function). Wrappers come after every inline function of
 * their header, so that a helper calling another (kcalloc → kmalloc_array) does not tag itself.
 *
 * One CPU runs kernel code, and an allocation does not sleep: the current tag is one variable, not a
 * per-task field (Linux's current->alloc_tag).
 */
#ifndef _LINUX_ALLOC_TAG_H
#define _LINUX_ALLOC_TAG_H

#include <linux/compiler.h>

struct codetag {
	const char *function;
	const char *filename;
	unsigned int lineno;
};

struct alloc_tag {
	struct codetag ct;
};

/* The tag of the allocation in progress (NULL: none, e.g. the kernel's own calls to __lkm_*()). */
extern const struct alloc_tag *lkm_alloc_tag;

static __always_inline const struct alloc_tag *alloc_tag_save(const struct alloc_tag *tag)
{
	const struct alloc_tag *old = lkm_alloc_tag;

	lkm_alloc_tag = tag;
	return old;
}

static __always_inline void alloc_tag_restore(const struct alloc_tag *tag, const struct alloc_tag *old)
{
	(void)tag;
	lkm_alloc_tag = old;
}

#define DEFINE_ALLOC_TAG(_alloc_tag)						\
	static const struct alloc_tag _alloc_tag = {				\
		.ct = { .function = __func__, .filename = __FILE__, .lineno = __LINE__ } }

#define alloc_hooks_tag(_tag, _do_alloc)					\
({										\
	const struct alloc_tag *_old = alloc_tag_save(_tag);			\
	typeof(_do_alloc) _res = _do_alloc;					\
	alloc_tag_restore(_tag, _old);						\
	_res;									\
})

#define alloc_hooks(_do_alloc)							\
({										\
	DEFINE_ALLOC_TAG(_alloc_tag);						\
	alloc_hooks_tag(&_alloc_tag, _do_alloc);				\
})

#endif /* _LINUX_ALLOC_TAG_H */
