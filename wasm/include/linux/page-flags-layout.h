/* SPDX-License-Identifier: GPL-2.0 */
#ifndef PAGE_FLAGS_LAYOUT_H
#define PAGE_FLAGS_LAYOUT_H

#include <linux/bitops.h>
#include <asm/bitsperlong.h>

/*
 * The fields at the top of page->flags, as Linux computes them for this configuration: FLATMEM (no
 * section field), no NUMA (no node field, no last_cpupid), no KASAN tags, and the two zones every
 * Linux has (ZONE_NORMAL, ZONE_MOVABLE): one zone bit, bit 31.
 *
 * | [SECTION] | [NODE] | ZONE | [LAST_CPUPID] | ... | FLAGS |
 */
#define SECTIONS_SHIFT		0
#define NODES_SHIFT		0
#define ZONES_SHIFT		1

#define SECTIONS_WIDTH		SECTIONS_SHIFT
#define NODES_WIDTH		NODES_SHIFT
#define ZONES_WIDTH		ZONES_SHIFT
#define LAST_CPUPID_SHIFT	0
#define LAST_CPUPID_WIDTH	0
#define KASAN_TAG_WIDTH		0

#define SECTIONS_PGOFF		((sizeof(unsigned long)*8) - SECTIONS_WIDTH)
#define NODES_PGOFF		(SECTIONS_PGOFF - NODES_WIDTH)
#define ZONES_PGOFF		(NODES_PGOFF - ZONES_WIDTH)
#define LAST_CPUPID_PGOFF	(ZONES_PGOFF - LAST_CPUPID_WIDTH)
#define KASAN_TAG_PGOFF		(LAST_CPUPID_PGOFF - KASAN_TAG_WIDTH)

/* Where a field is (0 when it is not there, so that the shift is harmless). */
#define SECTIONS_PGSHIFT	(SECTIONS_PGOFF * (SECTIONS_WIDTH != 0))
#define NODES_PGSHIFT		(NODES_PGOFF * (NODES_WIDTH != 0))
#define ZONES_PGSHIFT		(ZONES_PGOFF * (ZONES_WIDTH != 0))
#define LAST_CPUPID_PGSHIFT	(LAST_CPUPID_PGOFF * (LAST_CPUPID_WIDTH != 0))
#define KASAN_TAG_PGSHIFT	(KASAN_TAG_PGOFF * (KASAN_TAG_WIDTH != 0))

#define ZONES_MASK		((1UL << ZONES_WIDTH) - 1)
#define NODES_MASK		((1UL << NODES_WIDTH) - 1)
#define SECTIONS_MASK		((1UL << SECTIONS_WIDTH) - 1)
#define LAST_CPUPID_MASK	((1UL << LAST_CPUPID_SHIFT) - 1)
#define KASAN_TAG_MASK		((1UL << KASAN_TAG_WIDTH) - 1)

#endif /* PAGE_FLAGS_LAYOUT_H */
