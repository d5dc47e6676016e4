// SPDX-License-Identifier: GPL-2.0
/*
 * failslab (mm/failslab.c): slab allocations that fail on demand. Which calls are points: kmalloc() up
 * to KMALLOC_MAX_CACHE_SIZE (Linux's kmalloc caches; bigger ones go to the page allocator, see
 * mm/fail_page_alloc.c), kmem_cache_alloc(), and what is built on them (kstrdup, kmemdup, kasprintf,
 * krealloc that grows, the vm_struct of vmalloc). Defaults as Linux: probability 0, interval 1, times 1,
 * verbose 2, ignore-gfp-wait Y (GFP_KERNEL allocations can sleep and are not failed unless set to N —
 * fail-nth included, as the check comes first).
 */
#include <linux/kernel.h>
#include <linux/fault-inject.h>
#include <linux/debugfs.h>
#include <linux/slab.h>
#include <linux/gfp.h>
#include <linux/stat.h>
#include <linux/err.h>
#include "host.h"

static struct {
	struct fault_attr attr;
	bool ignore_gfp_reclaim;
	bool cache_filter;
} failslab = {
	.attr = FAULT_ATTR_INITIALIZER,
	.ignore_gfp_reclaim = true,
	.cache_filter = false,
};

bool __should_failslab_size(size_t object_size, slab_flags_t cache_flags, gfp_t gfpflags)
{
	int flags = 0;

	if (gfpflags & __GFP_NOFAIL)
		return false;
	if (failslab.ignore_gfp_reclaim && (gfpflags & __GFP_DIRECT_RECLAIM))
		return false;
	if (failslab.cache_filter && !(cache_flags & SLAB_FAILSLAB))
		return false;
	/* __GFP_NOWARN: no message at all (callers rely on it to avoid recursion into printk). */
	if (gfpflags & __GFP_NOWARN)
		flags |= FAULT_NOWARN;
	return should_fail_ex(&failslab.attr, object_size, flags);
}

/* late_initcall(failslab_debugfs_init): after debugfs (link order, see wasm/Kbuild). */
int __lkm_entry lkm_init_failslab(void)
{
	umode_t mode = S_IFREG | 0600;
	struct dentry *dir = fault_create_debugfs_attr("failslab", NULL, &failslab.attr);

	if (IS_ERR(dir))
		return PTR_ERR(dir);
	debugfs_create_bool("ignore-gfp-wait", mode, dir, &failslab.ignore_gfp_reclaim);
	debugfs_create_bool("cache-filter", mode, dir, &failslab.cache_filter);
	return 0;
}

/* __setup("failslab="): "<interval>,<probability>,<space>,<times>" on the kernel command line. */
int __lkm_entry lkm_setup_failslab(char *str)
{
	return setup_fault_attr(&failslab.attr, str);
}
