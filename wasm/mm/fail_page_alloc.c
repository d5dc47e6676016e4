// SPDX-License-Identifier: GPL-2.0
/*
 * fail_page_alloc (mm/fail_page_alloc.c): page allocations that fail on demand: __get_free_pages(),
 * alloc_pages_exact(), kmalloc() above KMALLOC_MAX_CACHE_SIZE, the pages of vmalloc() (one bulk
 * allocation of order 0, as vm_area_alloc_pages() makes). Defaults as Linux: min-order 1 (order-0
 * pages are not failed), ignore-gfp-wait Y, ignore-gfp-highmem Y.
 */
#include <linux/kernel.h>
#include <linux/fault-inject.h>
#include <linux/debugfs.h>
#include <linux/gfp.h>
#include <linux/stat.h>
#include <linux/err.h>
#include "host.h"

static struct {
	struct fault_attr attr;
	bool ignore_gfp_highmem;
	bool ignore_gfp_reclaim;
	u32 min_order;
} fail_page_alloc = {
	.attr = FAULT_ATTR_INITIALIZER,
	.ignore_gfp_reclaim = true,
	.ignore_gfp_highmem = true,
	.min_order = 1,
};

bool should_fail_alloc_page(gfp_t gfp_mask, unsigned int order)
{
	int flags = 0;

	if (order < fail_page_alloc.min_order)
		return false;
	if (gfp_mask & __GFP_NOFAIL)
		return false;
	if (fail_page_alloc.ignore_gfp_highmem && (gfp_mask & __GFP_HIGHMEM))
		return false;
	if (fail_page_alloc.ignore_gfp_reclaim && (gfp_mask & __GFP_DIRECT_RECLAIM))
		return false;
	if (gfp_mask & __GFP_NOWARN)
		flags |= FAULT_NOWARN;
	return should_fail_ex(&fail_page_alloc.attr, 1 << order, flags);
}

/* late_initcall(fail_page_alloc_debugfs): after debugfs (link order, see wasm/Kbuild). */
int __lkm_entry lkm_init_fail_page_alloc(void)
{
	umode_t mode = S_IFREG | 0600;
	struct dentry *dir = fault_create_debugfs_attr("fail_page_alloc", NULL, &fail_page_alloc.attr);

	if (IS_ERR(dir))
		return PTR_ERR(dir);
	debugfs_create_bool("ignore-gfp-wait", mode, dir, &fail_page_alloc.ignore_gfp_reclaim);
	debugfs_create_bool("ignore-gfp-highmem", mode, dir, &fail_page_alloc.ignore_gfp_highmem);
	debugfs_create_u32("min-order", mode, dir, &fail_page_alloc.min_order);
	return 0;
}

/* __setup("fail_page_alloc="): "<interval>,<probability>,<space>,<times>" on the kernel command line. */
int __lkm_entry lkm_setup_fail_page_alloc(char *str)
{
	return setup_fault_attr(&fail_page_alloc.attr, str);
}
