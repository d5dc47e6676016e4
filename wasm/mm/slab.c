// SPDX-License-Identifier: GPL-2.0
/*
 * The memory allocator of vmlinux (mm/page_alloc.c + mm/slub.c + mm/vmalloc.c in one file).
 *
 * The heap is everything from lkm_mm_init(heap_start) to the end of the one shared memory, which it grows
 * with memory.grow when needed. Layout:
 *
 *   heap_base (page aligned) ... page descriptors: 8 bytes for each 4 KiB page the memory could ever hold
 *                                (1 GiB / 4 KiB, about 2 MiB of address space, only touched as pages exist)
 *   first_page ...             the pages, managed in spans:
 *     - free spans, in size bins (log2 of the length), coalesced with their neighbours when freed;
 *     - page allocations (kmalloc > 2 KiB, vmalloc, __get_free_pages, aligned regions): page aligned,
 *       power-of-two sizes naturally aligned;
 *     - slabs: a struct slab, then one struct kmem_track per object, then the objects, naturally aligned
 *       for the power-of-two kmalloc caches (kmalloc-16 ... kmalloc-2k).
 *
 * Every live allocation has a struct kmem_track: in its slab (objects) or allocated from an internal cache
 * (page allocations), never next to the object, so an overrun does not corrupt the allocator. The track
 * links the allocation into owner->kmem_allocs (a module's list; NULL owner = the kernel, not listed),
 * and owner->kmem_bytes/kmem_count count it. Layout for the host (leak reports):
 *   struct kmem_track { struct list_head node; void *ptr; size_t size; struct module *owner; u32 state; }
 *   node@0 ptr@8 size@12 owner@16 state@20
 * The track also keeps the allocation's call site (linux/alloc_tag.h), which lkm_kmem_leaks() reports.
 *
 * Fault injection (mm/failslab.c, mm/fail_page_alloc.c) sits at the entry points modules and the kernel
 * call, where Linux's slab_pre_alloc_hook() and prepare_alloc_pages() are; the allocator's own metadata
 * (kmem_track, kmem_cache: Linux's bootstrap caches) and the host's regions (lkm_region_alloc) are not
 * fault-injectable; lkm_region_alloc_for_module() is, for what Linux allocates while loading a module.
 *
 * Bad frees: freeing an object twice, or a pointer that is not the start of a live allocation, does not
 * touch the allocator; it prints a WARN report ("kfree: double free of ..." / "kfree: invalid pointer
 * ...", WARNING at mm/slub.c:LINE) and taints the kernel with B (bad page) like SLUB's consistency checks.
 *
 * All of it runs under one spinlock (the memory is shared between workers).
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/list.h>
#include <linux/string.h>
#include <linux/export.h>
#include <linux/module.h>
#include <linux/bug.h>
#include <linux/printk.h>
#include <linux/log2.h>
#include <linux/cache.h>
#include <linux/alloc_tag.h>
#include <linux/fault-inject.h>
#include <linux/sched/mm.h>
#include "host.h"

#define WASM_PAGE		65536UL
#define MEMORY_MAX		(16384UL * WASM_PAGE)	/* 1 GiB: the contract's maximum */
#define GROW_MIN_BYTES		(1UL << 20)		/* grow the memory by at least 1 MiB */

#define TRACK_LIVE	0x4c495645u	/* "LIVE" */
#define TRACK_FREE	0x46524545u	/* "FREE" */
#define SLAB_MAGIC	0x534c4142u	/* "SLAB" */

/* kmem_track.flags of page allocations */
#define TRACK_VMALLOC	1u
#define TRACK_PAGES	2u

struct kmem_track {
	struct list_head node;
	void *ptr;
	size_t size;
	struct module *owner;
	u32 state;
	u32 flags;
	u32 next_free;		/* free slots of a slab: index of the next free slot */
	const struct alloc_tag *tag;	/* where it was allocated (NULL: not known) */
};

/* current->alloc_tag: set by alloc_hooks() around an allocating call (linux/alloc_tag.h). */
const struct alloc_tag *lkm_alloc_tag;
EXPORT_SYMBOL(lkm_alloc_tag);

/* --------------------------------------------------------------------------------------------------
 * Page descriptors and spans.
 */
enum {
	PD_NONE = 0,		/* inside a free span (stale), or never used */
	PD_FREE_HEAD = 1,	/* first page of a free span: value = npages */
	PD_USED_HEAD = 2,	/* first page of a page allocation: value = npages, aux = kmem_track */
	PD_SLAB_HEAD = 3,	/* first page of a slab: value = npages */
	PD_TAIL = 4,		/* other pages of used spans, last page of free spans: value = head index */
	PD_HOLE = 5,		/* not ours (memory grown by someone else) */
};

struct pdesc {
	u32 info;		/* kind << 29 | value */
	u32 aux;
};

#define PD_KIND(d)	((d).info >> 29)
#define PD_VALUE(d)	((d).info & ((1u << 29) - 1))
#define PD_MAKE(k, v)	(((u32)(k) << 29) | (u32)(v))

struct free_span {
	u32 npages;
	struct list_head link;
};

#define NR_BINS 20

static struct {
	int lock;
	bool ready;
	unsigned long heap_base;	/* page descriptors */
	unsigned long first_page;	/* address of page 0 */
	unsigned long max_pages;
	unsigned long npages;		/* pages managed so far */
	struct list_head bins[NR_BINS];
	unsigned long free_pages;
} mm;

static inline struct pdesc *pd(unsigned long idx)
{
	return &((struct pdesc *)mm.heap_base)[idx];
}

static inline unsigned long page_addr(unsigned long idx)
{
	return mm.first_page + (idx << PAGE_SHIFT);
}

static inline void kmem_lock(void)
{
	while (__atomic_exchange_n(&mm.lock, 1, __ATOMIC_ACQUIRE))
		;
}

static inline void kmem_unlock(void)
{
	__atomic_store_n(&mm.lock, 0, __ATOMIC_RELEASE);
}

static inline int bin_of(unsigned long npages)
{
	int b = fls(npages) - 1;

	return b >= NR_BINS ? NR_BINS - 1 : b;
}

static void span_insert_free(unsigned long idx, unsigned long n)
{
	struct free_span *fs = (struct free_span *)page_addr(idx);

	fs->npages = n;
	list_add(&fs->link, &mm.bins[bin_of(n)]);
	pd(idx)->info = PD_MAKE(PD_FREE_HEAD, n);
	pd(idx)->aux = 0;
	if (n > 1) {
		pd(idx + n - 1)->info = PD_MAKE(PD_TAIL, idx);
		pd(idx + n - 1)->aux = 0;
	}
	mm.free_pages += n;
}

static void span_remove_free(unsigned long idx)
{
	struct free_span *fs = (struct free_span *)page_addr(idx);
	unsigned long n = fs->npages;

	list_del(&fs->link);
	pd(idx)->info = PD_MAKE(PD_NONE, 0);
	if (n > 1)
		pd(idx + n - 1)->info = PD_MAKE(PD_NONE, 0);
	mm.free_pages -= n;
}

static unsigned long head_of(unsigned long idx)
{
	struct pdesc d = *pd(idx);

	return PD_KIND(d) == PD_TAIL ? PD_VALUE(d) : idx;
}

/* Frees the span [idx, idx+n) and merges it with free neighbours. */
static void span_free(unsigned long idx, unsigned long n)
{
	unsigned long end = idx + n;

	/* merge with the next span */
	if (end < mm.npages && PD_KIND(*pd(end)) == PD_FREE_HEAD) {
		unsigned long nn = PD_VALUE(*pd(end));

		span_remove_free(end);
		n += nn;
	}
	/* merge with the previous span */
	if (idx > 0) {
		struct pdesc p = *pd(idx - 1);
		unsigned long h = ~0UL;

		if (PD_KIND(p) == PD_FREE_HEAD && PD_VALUE(p) == 1)
			h = idx - 1;
		else if (PD_KIND(p) == PD_TAIL && PD_VALUE(p) < idx &&
			 PD_KIND(*pd(PD_VALUE(p))) == PD_FREE_HEAD &&
			 PD_VALUE(p) + PD_VALUE(*pd(PD_VALUE(p))) == idx)
			h = PD_VALUE(p);
		if (h != ~0UL) {
			unsigned long hn = PD_VALUE(*pd(h));

			span_remove_free(h);
			idx = h;
			n += hn;
		}
	}
	span_insert_free(idx, n);
}

/* Adds memory to the heap so that at least @want more pages exist. Returns false when the memory is full. */
static bool grow_heap(unsigned long want)
{
	unsigned long cur_end = page_addr(mm.npages);
	unsigned long mem_end = __builtin_wasm_memory_size(0) * WASM_PAGE;
	unsigned long need_end, grow_bytes, start_idx, new_pages;

	if (want > mm.max_pages - mm.npages)
		return false;
	need_end = cur_end + (want << PAGE_SHIFT);
	if (need_end > mem_end) {
		grow_bytes = need_end - mem_end;
		if (grow_bytes < GROW_MIN_BYTES)
			grow_bytes = GROW_MIN_BYTES;
		if (mem_end + grow_bytes > MEMORY_MAX)
			grow_bytes = MEMORY_MAX - mem_end;
		if (mem_end + grow_bytes < need_end)
			return false;
		if (__builtin_wasm_memory_grow(0, (grow_bytes + WASM_PAGE - 1) / WASM_PAGE) == (size_t)-1)
			return false;
		mem_end = __builtin_wasm_memory_size(0) * WASM_PAGE;
	}
	start_idx = mm.npages;
	new_pages = (mem_end - cur_end) >> PAGE_SHIFT;
	if (new_pages > mm.max_pages - mm.npages)
		new_pages = mm.max_pages - mm.npages;
	mm.npages += new_pages;
	span_free(start_idx, new_pages);
	return true;
}

/* Allocates @n pages aligned to @align_pages pages (a power of two). Returns the page index, or ~0UL. */
static unsigned long pages_alloc(unsigned long n, unsigned long align_pages, u32 kind, u32 aux)
{
	int tries;

	if (!n)
		n = 1;
	for (tries = 0; tries < 2; tries++) {
		int b;

		for (b = bin_of(n); b < NR_BINS; b++) {
			struct free_span *fs;

			list_for_each_entry(fs, &mm.bins[b], link) {
				unsigned long idx = ((unsigned long)fs - mm.first_page) >> PAGE_SHIFT;
				unsigned long len = fs->npages;
				unsigned long start = idx;
				unsigned long i;

				if (len < n)
					continue;
				if (align_pages > 1) {
					unsigned long a = (mm.first_page >> PAGE_SHIFT) + idx;

					start = idx + (ALIGN(a, align_pages) - a);
				}
				if (start + n > idx + len)
					continue;

				span_remove_free(idx);
				if (start > idx)
					span_insert_free(idx, start - idx);
				if (start + n < idx + len)
					span_insert_free(start + n, idx + len - (start + n));
				pd(start)->info = PD_MAKE(kind, n);
				pd(start)->aux = aux;
				for (i = 1; i < n; i++) {
					pd(start + i)->info = PD_MAKE(PD_TAIL, start);
					pd(start + i)->aux = 0;
				}
				return start;
			}
		}
		if (!grow_heap(n + align_pages))
			break;
	}
	return ~0UL;
}

/* --------------------------------------------------------------------------------------------------
 * Slab caches.
 */
struct kmem_cache {
	const char *name;
	unsigned int object_size;	/* what the user asked for */
	unsigned int size;		/* slot size (object_size rounded to align) */
	unsigned int align;
	unsigned int slab_pages;
	unsigned int objs_per_slab;
	unsigned int obj_off;		/* offset of object 0 in the slab */
	slab_flags_t flags;
	void (*ctor)(void *);
	struct list_head partial;	/* slabs with free slots (empty ones included) */
	struct list_head full;
	unsigned int nr_empty;
	unsigned long active_objs;
	struct list_head list;
	bool kmalloc;
	char name_buf[32];
};

struct slab {
	u32 magic;
	struct kmem_cache *cache;
	struct list_head list;
	u32 inuse;
	u32 free_idx;			/* first free slot, or ~0 */
	struct kmem_track meta[];
};

#define SLOT_NONE 0xffffffffu

static LIST_HEAD(slab_caches);

/* kmalloc size classes: objects of these sizes, naturally aligned (96: 32, 192: 64). */
static const unsigned int kmalloc_sizes[] = { 16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048 };
#define NR_KMALLOC ARRAY_SIZE(kmalloc_sizes)
#define KMALLOC_SLAB_MAX 2048
static struct kmem_cache kmalloc_caches[NR_KMALLOC];
static struct kmem_cache cache_cache;		/* struct kmem_cache objects */
static struct kmem_cache track_cache;		/* kmem_track of page allocations */

static int kmalloc_index(size_t size)
{
	int i;

	for (i = 0; i < NR_KMALLOC; i++)
		if (size <= kmalloc_sizes[i])
			return i;
	return -1;
}

/* Chooses the slab size and the layout: [struct slab][n tracks][pad][n objects]. */
static void cache_layout(struct kmem_cache *s)
{
	unsigned int pages = 1;

	for (;;) {
		unsigned long bytes = (unsigned long)pages << PAGE_SHIFT;
		unsigned long n = (bytes - sizeof(struct slab)) / (s->size + sizeof(struct kmem_track));

		while (n > 0 && ALIGN(sizeof(struct slab) + n * sizeof(struct kmem_track), s->align) +
				n * s->size > bytes)
			n--;
		if ((n >= 8 || pages >= 32) && n >= 1) {
			s->slab_pages = pages;
			s->objs_per_slab = n;
			s->obj_off = ALIGN(sizeof(struct slab) + n * sizeof(struct kmem_track), s->align);
			return;
		}
		pages *= 2;
	}
}

static void cache_init(struct kmem_cache *s, const char *name, unsigned int size, unsigned int align,
		       slab_flags_t flags, void (*ctor)(void *))
{
	s->name = name;
	s->object_size = size;
	s->align = align < ARCH_SLAB_MINALIGN ? ARCH_SLAB_MINALIGN : align;
	s->size = ALIGN(size ? size : 1, s->align);
	s->flags = flags;
	s->ctor = ctor;
	INIT_LIST_HEAD(&s->partial);
	INIT_LIST_HEAD(&s->full);
	s->nr_empty = 0;
	s->active_objs = 0;
	cache_layout(s);
	list_add_tail(&s->list, &slab_caches);
}

static inline void *slot_ptr(struct slab *slab, unsigned int i)
{
	return (char *)slab + slab->cache->obj_off + (unsigned long)i * slab->cache->size;
}

static struct slab *slab_new(struct kmem_cache *s)
{
	unsigned long align_pages = s->align > PAGE_SIZE ? s->align >> PAGE_SHIFT : 1;
	unsigned long idx = pages_alloc(s->slab_pages, align_pages, PD_SLAB_HEAD, 0);
	struct slab *slab;
	unsigned int i;

	if (idx == ~0UL)
		return NULL;
	slab = (struct slab *)page_addr(idx);
	slab->magic = SLAB_MAGIC;
	slab->cache = s;
	slab->inuse = 0;
	slab->free_idx = 0;
	for (i = 0; i < s->objs_per_slab; i++) {
		struct kmem_track *t = &slab->meta[i];

		t->node.next = t->node.prev = NULL;
		t->ptr = slot_ptr(slab, i);
		t->size = 0;
		t->owner = NULL;
		t->state = TRACK_FREE;
		t->flags = 0;
		t->next_free = i + 1 < s->objs_per_slab ? i + 1 : SLOT_NONE;
	}
	/* A reused page may hold old data: objects start zeroed, then constructed. */
	memset(slot_ptr(slab, 0), 0, (unsigned long)s->objs_per_slab * s->size);
	if (s->ctor)
		for (i = 0; i < s->objs_per_slab; i++)
			s->ctor(slot_ptr(slab, i));
	list_add(&slab->list, &s->partial);
	s->nr_empty++;
	return slab;
}

static void track_attach(struct kmem_track *t, struct module *owner, size_t size)
{
	t->size = size;
	t->owner = owner;
	t->state = TRACK_LIVE;
	t->tag = lkm_alloc_tag;
	if (owner) {
		if (!owner->kmem_allocs.next)
			INIT_LIST_HEAD(&owner->kmem_allocs);
		list_add_tail(&t->node, &owner->kmem_allocs);
		owner->kmem_bytes += size;
		owner->kmem_count++;
	} else {
		t->node.next = t->node.prev = NULL;
	}
}

/* The object stays allocated but no module owns it any more (its accounting drops it). */
static void track_disown(struct kmem_track *t)
{
	struct module *owner = t->owner;

	if (owner) {
		list_del(&t->node);
		owner->kmem_bytes -= t->size;
		owner->kmem_count--;
	}
	t->node.next = t->node.prev = NULL;
	t->owner = NULL;
}

static void track_detach(struct kmem_track *t)
{
	track_disown(t);
	t->state = TRACK_FREE;
}

static void track_resize(struct kmem_track *t, size_t size)
{
	if (t->owner)
		t->owner->kmem_bytes += size - t->size;
	t->size = size;
}

static void *slab_alloc_locked(struct kmem_cache *s, struct module *owner, size_t size)
{
	struct slab *slab;
	struct kmem_track *t;
	unsigned int i;

	if (list_empty(&s->partial)) {
		if (!slab_new(s))
			return NULL;
	}
	slab = list_first_entry(&s->partial, struct slab, list);
	if (slab->inuse == 0)
		s->nr_empty--;
	i = slab->free_idx;
	t = &slab->meta[i];
	slab->free_idx = t->next_free;
	slab->inuse++;
	if (slab->free_idx == SLOT_NONE)
		list_move(&slab->list, &s->full);
	s->active_objs++;
	track_attach(t, owner, size);
	return t->ptr;
}

static void slab_free_locked(struct slab *slab, unsigned int i)
{
	struct kmem_cache *s = slab->cache;
	struct kmem_track *t = &slab->meta[i];

	track_detach(t);
	if (slab->free_idx == SLOT_NONE)
		list_move(&slab->list, &s->partial);
	t->next_free = slab->free_idx;
	slab->free_idx = i;
	slab->inuse--;
	s->active_objs--;
	if (slab->inuse == 0) {
		if (s->nr_empty >= 1) {
			/* keep one empty slab per cache, give the others back */
			unsigned long idx = ((unsigned long)slab - mm.first_page) >> PAGE_SHIFT;

			list_del(&slab->list);
			slab->magic = 0;
			span_free(idx, s->slab_pages);
		} else {
			s->nr_empty++;
		}
	}
}

/* --------------------------------------------------------------------------------------------------
 * Finding what a pointer is.
 */
enum obj_kind { OBJ_BAD, OBJ_FREED, OBJ_SLAB, OBJ_PAGES };

struct obj_ref {
	enum obj_kind kind;
	struct slab *slab;
	unsigned int slot;
	unsigned long page;	/* head page index of a page allocation */
	struct kmem_track *track;
};

static struct obj_ref find_object(const void *p)
{
	struct obj_ref r = { .kind = OBJ_BAD };
	unsigned long a = (unsigned long)p, idx, head;
	struct pdesc d;

	if (!mm.ready || a < mm.first_page || a >= page_addr(mm.npages))
		return r;
	idx = (a - mm.first_page) >> PAGE_SHIFT;
	head = head_of(idx);
	if (head >= mm.npages)
		return r;
	d = *pd(head);
	switch (PD_KIND(d)) {
	case PD_SLAB_HEAD: {
		struct slab *slab = (struct slab *)page_addr(head);
		struct kmem_cache *s = slab->cache;
		unsigned long off;

		if (slab->magic != SLAB_MAGIC)
			return r;
		if (a < (unsigned long)slab + s->obj_off)
			return r;
		off = a - ((unsigned long)slab + s->obj_off);
		if (off % s->size || off / s->size >= s->objs_per_slab)
			return r;
		r.slab = slab;
		r.slot = off / s->size;
		r.track = &slab->meta[r.slot];
		r.kind = r.track->state == TRACK_LIVE ? OBJ_SLAB : OBJ_FREED;
		return r;
	}
	case PD_USED_HEAD:
		if (a != page_addr(head) || !d.aux)
			return r;
		r.page = head;
		r.track = (struct kmem_track *)d.aux;
		r.kind = r.track->state == TRACK_LIVE ? OBJ_PAGES : OBJ_FREED;
		return r;
	case PD_FREE_HEAD:
	case PD_NONE:
		/* inside a free span: typically a page allocation freed before */
		if (a == page_addr(idx))
			r.kind = OBJ_FREED;
		return r;
	default:
		return r;
	}
}

static unsigned long pages_for(size_t size)
{
	return (size + PAGE_SIZE - 1) >> PAGE_SHIFT;
}

/* A page allocation with a track (from track_cache, kernel-owned). Lock held. */
static void *pages_alloc_tracked(size_t size, unsigned long align_pages, u32 flags, struct module *owner)
{
	struct kmem_track *t;
	unsigned long n, idx;
	void *p;

	/* More than the whole memory can never fit (and would wrap pages_for() around to 0 pages). */
	if (size > MEMORY_MAX)
		return NULL;
	n = pages_for(size ? size : 1);
	p = slab_alloc_locked(&track_cache, NULL, sizeof(*t));
	if (!p)
		return NULL;
	t = p;
	idx = pages_alloc(n, align_pages, PD_USED_HEAD, (u32)(unsigned long)t);
	if (idx == ~0UL) {
		struct obj_ref r = find_object(t);

		slab_free_locked(r.slab, r.slot);
		return NULL;
	}
	t->ptr = (void *)page_addr(idx);
	t->flags = flags;
	t->next_free = 0;
	track_attach(t, owner, size);
	return t->ptr;
}

static void pages_free_tracked(struct obj_ref *r)
{
	struct kmem_track *t = r->track;
	unsigned long n = PD_VALUE(*pd(r->page));
	struct obj_ref tr;

	track_detach(t);
	span_free(r->page, n);
	tr = find_object(t);
	if (tr.kind == OBJ_SLAB)
		slab_free_locked(tr.slab, tr.slot);
}

/* --------------------------------------------------------------------------------------------------
 * Reports.
 */
#define SLUB_FILE "mm/slub.c"

static void bad_free(const char *func, int line, const void *p, enum obj_kind kind)
{
	if (kind == OBJ_FREED)
		__warn_printk("%s: double free of %px\n", func, p);
	else
		__warn_printk("%s: invalid pointer %px (not an allocated object)\n", func, p);
	__lkm_warn(SLUB_FILE, line, func, NULL, TAINT_BAD_PAGE, false);
}

static bool warned_large;

static void warn_too_large(int line, gfp_t flags)
{
	if (flags & __GFP_NOWARN)
		return;
	if (__atomic_exchange_n(&warned_large, true, __ATOMIC_SEQ_CST))
		return;
	__lkm_warn("mm/page_alloc.c", line, "__alloc_pages_noprof", NULL, TAINT_WARN, true);
}

/* --------------------------------------------------------------------------------------------------
 * Fault points.
 */

/* kmalloc(): a kmalloc cache up to KMALLOC_MAX_CACHE_SIZE (failslab), the page allocator above it. */
static bool kmalloc_should_fail(size_t size, gfp_t flags)
{
	might_alloc(flags);
	if (size > KMALLOC_MAX_CACHE_SIZE)
		return should_fail_alloc_page(flags, get_order(size));
	return __should_failslab_size(kmalloc_size_roundup(size), SLAB_KMALLOC, flags);
}

/* x86-64 Linux's object sizes: struct vm_struct (kmalloc-96), struct vmap_area (its own cache). */
#define VM_STRUCT_SIZE	96
#define VMAP_AREA_SIZE	64

/*
 * vmalloc()'s points in __vmalloc_node_range()'s order: the vm_struct and vmap_area, the page array
 * (8 bytes a page), the pages (one bulk allocation of order 0). Prints Linux's warning when one fails.
 */
static bool vmalloc_should_fail(size_t size, gfp_t gfp_mask)
{
	gfp_t nested = gfp_mask & ~__GFP_ZERO;
	unsigned long array = (PAGE_ALIGN(size) >> PAGE_SHIFT) * 8;
	bool warn = !(gfp_mask & __GFP_NOWARN);

	might_alloc(gfp_mask);
	if (__should_failslab_size(VM_STRUCT_SIZE, SLAB_KMALLOC, nested) ||
	    __should_failslab_size(VMAP_AREA_SIZE, 0, nested)) {
		if (warn)
			pr_warn("vmalloc error: size %lu, vm_struct allocation failed\n", (unsigned long)size);
		return true;
	}
	if (__should_failslab_size(kmalloc_size_roundup(array), SLAB_KMALLOC, nested | __GFP_ZERO)) {
		if (warn)
			pr_warn("vmalloc error: size %lu, failed to allocated page array size %lu\n",
				(unsigned long)size, array);
		return true;
	}
	if (should_fail_alloc_page(gfp_mask, 0)) {
		if (warn)
			pr_warn("vmalloc error: size %lu, failed to allocate pages\n", (unsigned long)size);
		return true;
	}
	return false;
}

/* --------------------------------------------------------------------------------------------------
 * The API.
 */

/* Page-allocation alignment for @size: power-of-two sizes are naturally aligned (up to 64 KiB). */
static unsigned long natural_align_pages(size_t size)
{
	unsigned long n = pages_for(size);

	if (size && is_power_of_2(size) && n > 1)
		return n > 16 ? 16 : n;
	return 1;
}

static void *do_kmalloc(size_t size, gfp_t flags, struct module *owner, u32 page_flags)
{
	void *p;
	int ci;

	if (unlikely(!size))
		return ZERO_SIZE_PTR;

	ci = kmalloc_index(size);
	kmem_lock();
	if (ci >= 0)
		p = slab_alloc_locked(&kmalloc_caches[ci], owner, size);
	else
		p = pages_alloc_tracked(size, natural_align_pages(size), page_flags, owner);
	kmem_unlock();
	if (p && (flags & __GFP_ZERO))
		memset(p, 0, size);
	return p;
}

void *__lkm_kmalloc(size_t size, gfp_t flags, struct module *owner)
{
	if (unlikely(size > KMALLOC_MAX_SIZE)) {
		warn_too_large(__LINE__, flags);
		return NULL;
	}
	if (size && kmalloc_should_fail(size, flags))
		return NULL;
	return do_kmalloc(size, flags, owner, 0);
}
EXPORT_SYMBOL(__lkm_kmalloc);

void kfree(const void *objp)
{
	struct obj_ref r;

	if (unlikely(ZERO_OR_NULL_PTR(objp)))
		return;

	kmem_lock();
	r = find_object(objp);
	if (r.kind == OBJ_SLAB)
		slab_free_locked(r.slab, r.slot);
	else if (r.kind == OBJ_PAGES)
		pages_free_tracked(&r);
	kmem_unlock();
	if (r.kind != OBJ_SLAB && r.kind != OBJ_PAGES)
		bad_free("kfree", __LINE__, objp, r.kind);
}
EXPORT_SYMBOL(kfree);

/* The usable size of an allocation (the slot or the pages), 0 for NULL/ZERO_SIZE_PTR. */
size_t __ksize(const void *objp)
{
	struct obj_ref r;
	size_t n = 0;

	if (unlikely(ZERO_OR_NULL_PTR(objp)))
		return 0;

	kmem_lock();
	r = find_object(objp);
	if (r.kind == OBJ_SLAB)
		n = r.slab->cache->kmalloc ? r.slab->cache->size : r.slab->cache->object_size;
	else if (r.kind == OBJ_PAGES)
		n = (size_t)PD_VALUE(*pd(r.page)) << PAGE_SHIFT;
	kmem_unlock();
	if (r.kind != OBJ_SLAB && r.kind != OBJ_PAGES)
		WARN_ON(1);
	return n;
}
EXPORT_SYMBOL(__ksize);

size_t ksize(const void *objp)
{
	return __ksize(objp);
}
EXPORT_SYMBOL(ksize);

/* The size kmalloc() would really give for @size. */
size_t kmalloc_size_roundup(size_t size)
{
	int ci;

	if (size == 0)
		return 0;
	if (size > KMALLOC_MAX_SIZE)
		return SIZE_MAX;
	ci = kmalloc_index(size);
	if (ci >= 0)
		return kmalloc_sizes[ci];
	return PAGE_ALIGN(size);
}
EXPORT_SYMBOL(kmalloc_size_roundup);

/* Clears the object before freeing it. */
void kfree_sensitive(const void *p)
{
	size_t ks;

	if (ZERO_OR_NULL_PTR(p))
		return;
	ks = ksize(p);
	if (ks)
		memzero_explicit((void *)p, ks);
	kfree(p);
}
EXPORT_SYMBOL(kfree_sensitive);

/* Requested size of a live allocation (0 if not one). */
static size_t tracked_size(const void *p, bool *ok)
{
	struct obj_ref r;
	size_t n = 0;

	kmem_lock();
	r = find_object(p);
	*ok = r.kind == OBJ_SLAB || r.kind == OBJ_PAGES;
	if (*ok)
		n = r.track->size;
	kmem_unlock();
	return n;
}

void *__lkm_krealloc(const void *p, size_t new_size, gfp_t flags, struct module *owner)
{
	void *ret;
	size_t ks, old;
	bool ok;

	if (unlikely(ZERO_OR_NULL_PTR(p)))
		return __lkm_kmalloc(new_size, flags, owner);

	if (unlikely(!new_size)) {
		kfree(p);
		return ZERO_SIZE_PTR;
	}

	old = tracked_size(p, &ok);
	if (!ok) {
		bad_free("krealloc", __LINE__, p, OBJ_BAD);
		return NULL;
	}
	ks = ksize(p);
	if (new_size <= ks) {
		struct obj_ref r;

		kmem_lock();
		r = find_object(p);
		if (r.track)
			track_resize(r.track, new_size);
		kmem_unlock();
		if ((flags & __GFP_ZERO) && new_size > old)
			memset((char *)p + old, 0, new_size - old);
		return (void *)p;
	}

	ret = __lkm_kmalloc(new_size, flags & ~__GFP_ZERO, owner);
	if (!ret)
		return NULL;
	memcpy(ret, p, old);
	if (flags & __GFP_ZERO)
		memset((char *)ret + old, 0, new_size - old);
	kfree(p);
	return ret;
}
EXPORT_SYMBOL(__lkm_krealloc);

/* vmalloc: page-aligned pages, marked so that is_vmalloc_addr()/vfree() recognise them. */
void *__lkm_vmalloc(size_t size, gfp_t gfp_mask, struct module *owner)
{
	void *p;

	if (WARN_ON_ONCE(!size))
		return NULL;
	if ((size >> PAGE_SHIFT) > mm.max_pages) {
		if (!(gfp_mask & __GFP_NOWARN))
			pr_warn("vmalloc error: size %lu, exceeds total pages\n", (unsigned long)size);
		return NULL;
	}
	if (vmalloc_should_fail(size, gfp_mask))
		return NULL;
	kmem_lock();
	p = pages_alloc_tracked(size, 1, TRACK_VMALLOC, owner);
	kmem_unlock();
	if (!p) {
		if (!(gfp_mask & __GFP_NOWARN))
			pr_warn("vmalloc error: size %lu, vm_struct allocation failed\n", (unsigned long)size);
		return NULL;
	}
	if (gfp_mask & __GFP_ZERO)
		memset(p, 0, PAGE_ALIGN(size));
	return p;
}
EXPORT_SYMBOL(__lkm_vmalloc);

bool is_vmalloc_addr(const void *x)
{
	struct obj_ref r;
	unsigned long a = (unsigned long)x;
	bool ret = false;

	if (!mm.ready || a < mm.first_page || a >= page_addr(mm.npages))
		return false;
	kmem_lock();
	r = find_object((const void *)(a & PAGE_MASK));
	if (r.kind != OBJ_PAGES) {
		/* inside a multi-page allocation: look at its head */
		unsigned long head = head_of((a - mm.first_page) >> PAGE_SHIFT);

		r = find_object((const void *)page_addr(head));
	}
	if (r.kind == OBJ_PAGES)
		ret = !!(r.track->flags & TRACK_VMALLOC);
	kmem_unlock();
	return ret;
}
EXPORT_SYMBOL(is_vmalloc_addr);

void vfree(const void *addr)
{
	if (!addr)
		return;
	if (!is_vmalloc_addr(addr)) {
		WARN(1, KERN_ERR "Trying to vfree() nonexistent vm area (%p)\n", addr);
		return;
	}
	kfree(addr);
}
EXPORT_SYMBOL(vfree);

/* What kvmalloc() asks of kmalloc for more than a page: no warning, no retrying, may fail. */
static gfp_t kvmalloc_kmalloc_flags(gfp_t flags)
{
	flags |= __GFP_NOWARN;
	if (!(flags & __GFP_RETRY_MAYFAIL))
		flags |= __GFP_NORETRY;
	return flags & ~__GFP_NOFAIL;
}

void *__lkm_kvmalloc(size_t size, gfp_t flags, struct module *owner)
{
	if (unlikely(size > INT_MAX)) {
		WARN_ON_ONCE(!(flags & __GFP_NOWARN));
		return NULL;
	}
	/* __kvmalloc_node(): kmalloc first (quietly when big), then vmalloc for what is above a page. */
	if (size && kmalloc_should_fail(size, size > PAGE_SIZE ? kvmalloc_kmalloc_flags(flags) : flags)) {
		if (size <= PAGE_SIZE || !gfpflags_allow_blocking(flags) || vmalloc_should_fail(size, flags))
			return NULL;
	}
	if (size <= KMALLOC_SLAB_MAX)
		return do_kmalloc(size, flags, owner, 0);
	return do_kmalloc(size, flags, owner, TRACK_VMALLOC);
}
EXPORT_SYMBOL(__lkm_kvmalloc);

void *__lkm_kvrealloc(const void *p, size_t size, gfp_t flags, struct module *owner)
{
	void *n;
	size_t old;
	bool ok;

	if (ZERO_OR_NULL_PTR(p))
		return __lkm_kvmalloc(size, flags, owner);
	if (!size) {
		kvfree(p);
		return ZERO_SIZE_PTR;
	}
	old = tracked_size(p, &ok);
	if (!ok)
		return NULL;
	if (size <= ksize(p))
		return __lkm_krealloc(p, size, flags, owner);
	n = __lkm_kvmalloc(size, flags & ~__GFP_ZERO, owner);
	if (!n)
		return NULL;
	memcpy(n, p, old);
	if (flags & __GFP_ZERO)
		memset((char *)n + old, 0, size - old);
	kvfree(p);
	return n;
}
EXPORT_SYMBOL(__lkm_kvrealloc);

void kvfree(const void *addr)
{
	kfree(addr);
}
EXPORT_SYMBOL(kvfree);

void kvfree_sensitive(const void *addr, size_t len)
{
	if (likely(!ZERO_OR_NULL_PTR(addr))) {
		memzero_explicit((void *)addr, len);
		kvfree(addr);
	}
}
EXPORT_SYMBOL(kvfree_sensitive);

/* 2^order pages, naturally aligned like the buddy allocator's. */
unsigned long __lkm_get_free_pages(gfp_t gfp_mask, unsigned int order, struct module *owner)
{
	void *p;

	if (order > MAX_PAGE_ORDER) {
		warn_too_large(__LINE__, gfp_mask);
		return 0;
	}
	if (should_fail_alloc_page(gfp_mask, order))
		return 0;
	kmem_lock();
	p = pages_alloc_tracked(PAGE_SIZE << order, 1UL << order, TRACK_PAGES, owner);
	kmem_unlock();
	if (p && (gfp_mask & __GFP_ZERO))
		memset(p, 0, PAGE_SIZE << order);
	return (unsigned long)p;
}
EXPORT_SYMBOL(__lkm_get_free_pages);

void free_pages(unsigned long addr, unsigned int order)
{
	(void)order;
	if (addr != 0)
		kfree((void *)addr);
}
EXPORT_SYMBOL(free_pages);

unsigned long totalram_pages(void)
{
	return mm.max_pages;
}
EXPORT_SYMBOL(totalram_pages);

/* kmem_cache_*() */

struct kmem_cache *kmem_cache_create_usercopy(const char *name, unsigned int size, unsigned int align,
					      slab_flags_t flags, unsigned int useroffset,
					      unsigned int usersize, void (*ctor)(void *))
{
	struct kmem_cache *s;
	int err = 0;

	(void)useroffset; (void)usersize;
	if (!name || !size || size > KMALLOC_MAX_SIZE || (align & (align - 1)))
		err = -EINVAL;

	if (!err) {
		if (flags & SLAB_HWCACHE_ALIGN) {
			unsigned int ralign = cache_line_size();

			while (size <= ralign / 2)
				ralign /= 2;
			if (align < ralign)
				align = ralign;
		}
		/* create_cache()'s kstrdup_const() of a name that is not in vmlinux's .rodata */
		if (__should_failslab_size(kmalloc_size_roundup(strlen(name) + 1), SLAB_KMALLOC, GFP_KERNEL))
			goto out_nomem;
		kmem_lock();
		s = slab_alloc_locked(&cache_cache, NULL, sizeof(*s));
		if (s) {
			memset(s, 0, sizeof(*s));
			strscpy(s->name_buf, name, sizeof(s->name_buf));
			cache_init(s, s->name_buf, size, align, flags, ctor);
		}
		kmem_unlock();
		if (s)
			return s;
out_nomem:
		err = -ENOMEM;
	}

	if (flags & SLAB_PANIC)
		panic("%s: Failed to create slab '%s'. Error %d\n", "kmem_cache_create", name, err);
	pr_warn("kmem_cache_create(%s) failed with error %d\n", name, err);
	dump_stack();
	return NULL;
}
EXPORT_SYMBOL(kmem_cache_create_usercopy);

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size, unsigned int align,
				     slab_flags_t flags, void (*ctor)(void *))
{
	return kmem_cache_create_usercopy(name, size, align, flags, 0, 0, ctor);
}
EXPORT_SYMBOL(kmem_cache_create);

void *__lkm_kmem_cache_alloc(struct kmem_cache *s, gfp_t flags, struct module *owner)
{
	void *p;

	might_alloc(flags);
	if (__should_failslab_size(s->object_size, s->flags, flags))
		return NULL;
	kmem_lock();
	p = slab_alloc_locked(s, owner, s->object_size);
	kmem_unlock();
	if (p && (flags & __GFP_ZERO))
		memset(p, 0, s->object_size);
	return p;
}
EXPORT_SYMBOL(__lkm_kmem_cache_alloc);

void kmem_cache_free(struct kmem_cache *s, void *x)
{
	struct obj_ref r;

	if (!x)
		return;
	kmem_lock();
	r = find_object(x);
	if (r.kind == OBJ_SLAB)
		slab_free_locked(r.slab, r.slot);
	kmem_unlock();
	if (r.kind != OBJ_SLAB) {
		bad_free("kmem_cache_free", __LINE__, x, r.kind);
		return;
	}
	if (r.slab->cache != s)
		WARN_ONCE(1, "%s: Wrong slab cache. %s but object is from %s\n",
			  "cache_from_obj", s->name, r.slab->cache->name);
}
EXPORT_SYMBOL(kmem_cache_free);

static void cache_release_empty(struct kmem_cache *s)
{
	struct slab *slab, *tmp;

	list_for_each_entry_safe(slab, tmp, &s->partial, list) {
		if (slab->inuse == 0) {
			unsigned long idx = ((unsigned long)slab - mm.first_page) >> PAGE_SHIFT;

			list_del(&slab->list);
			slab->magic = 0;
			span_free(idx, s->slab_pages);
			s->nr_empty--;
		}
	}
}

int kmem_cache_shrink(struct kmem_cache *s)
{
	kmem_lock();
	cache_release_empty(s);
	kmem_unlock();
	return 0;
}
EXPORT_SYMBOL(kmem_cache_shrink);

/* Destroys an empty cache; one that still has objects is reported and left alone (as Linux leaks it). */
void kmem_cache_destroy(struct kmem_cache *s)
{
	unsigned long active;
	struct obj_ref r;

	if (!s)
		return;
	kmem_lock();
	active = s->active_objs;
	if (!active) {
		cache_release_empty(s);
		list_del(&s->list);
		r = find_object(s);
		if (r.kind == OBJ_SLAB)
			slab_free_locked(r.slab, r.slot);
	}
	kmem_unlock();
	if (active)
		WARN(1, "kmem_cache_destroy %s: Slab cache still has objects\n", s->name);
}
EXPORT_SYMBOL(kmem_cache_destroy);

unsigned int kmem_cache_size(struct kmem_cache *s)
{
	return s->object_size;
}
EXPORT_SYMBOL(kmem_cache_size);

const char *kmem_cache_name(struct kmem_cache *s)
{
	return s->name;
}
EXPORT_SYMBOL(kmem_cache_name);

/* --------------------------------------------------------------------------------------------------
 * String duplication (mm/util.c).
 */
char *__lkm_kstrdup(const char *s, gfp_t gfp, struct module *owner)
{
	size_t len;
	char *buf;

	if (!s)
		return NULL;

	len = strlen(s) + 1;
	buf = __lkm_kmalloc(len, gfp, owner);
	if (buf)
		memcpy(buf, s, len);
	return buf;
}
EXPORT_SYMBOL(__lkm_kstrdup);

/* Always a copy here (Linux shares strings in vmlinux's .rodata); release with kfree_const(). */
const char *__lkm_kstrdup_const(const char *s, gfp_t gfp, struct module *owner)
{
	return __lkm_kstrdup(s, gfp, owner);
}
EXPORT_SYMBOL(__lkm_kstrdup_const);

/* Frees @x if it was allocated, does nothing for constant strings. */
void kfree_const(const void *x)
{
	struct obj_ref r;

	if (ZERO_OR_NULL_PTR(x))
		return;
	kmem_lock();
	r = find_object(x);
	kmem_unlock();
	if (r.kind == OBJ_SLAB || r.kind == OBJ_PAGES)
		kfree(x);
}
EXPORT_SYMBOL(kfree_const);

char *__lkm_kstrndup(const char *s, size_t max, gfp_t gfp, struct module *owner)
{
	size_t len;
	char *buf;

	if (!s)
		return NULL;

	len = strnlen(s, max);
	buf = __lkm_kmalloc(len+1, gfp, owner);
	if (buf) {
		memcpy(buf, s, len);
		buf[len] = '\0';
	}
	return buf;
}
EXPORT_SYMBOL(__lkm_kstrndup);

void *__lkm_kmemdup(const void *src, size_t len, gfp_t gfp, struct module *owner)
{
	void *p;

	p = __lkm_kmalloc(len, gfp, owner);
	if (p && len)
		memcpy(p, src, len);
	return p;
}
EXPORT_SYMBOL(__lkm_kmemdup);

void *__lkm_kvmemdup(const void *src, size_t len, gfp_t gfp, struct module *owner)
{
	void *p;

	p = __lkm_kvmalloc(len, gfp, owner);
	if (p && len)
		memcpy(p, src, len);
	return p;
}
EXPORT_SYMBOL(__lkm_kvmemdup);

char *__lkm_kmemdup_nul(const char *s, size_t len, gfp_t gfp, struct module *owner)
{
	char *buf;

	if (!s)
		return NULL;

	buf = __lkm_kmalloc(len + 1, gfp, owner);
	if (buf) {
		memcpy(buf, s, len);
		buf[len] = '\0';
	}
	return buf;
}
EXPORT_SYMBOL(__lkm_kmemdup_nul);

/* --------------------------------------------------------------------------------------------------
 * Entry points of the host.
 */

/* Hands the memory from @heap_start up to the end of the memory (and beyond, growing) to the allocator. */
int __lkm_entry lkm_mm_init(unsigned long heap_start)
{
	int i;

	if (mm.ready)
		return 0;
	mm.heap_base = ALIGN(heap_start, PAGE_SIZE);
	mm.max_pages = (MEMORY_MAX - mm.heap_base) >> PAGE_SHIFT;
	mm.first_page = mm.heap_base + PAGE_ALIGN(mm.max_pages * sizeof(struct pdesc));
	mm.max_pages = (MEMORY_MAX - mm.first_page) >> PAGE_SHIFT;
	mm.npages = 0;
	for (i = 0; i < NR_BINS; i++)
		INIT_LIST_HEAD(&mm.bins[i]);

	/* The page descriptors must exist before the pages they describe. */
	if (__builtin_wasm_memory_size(0) * WASM_PAGE < mm.first_page) {
		unsigned long need = mm.first_page - __builtin_wasm_memory_size(0) * WASM_PAGE;

		if (__builtin_wasm_memory_grow(0, (need + WASM_PAGE - 1) / WASM_PAGE) == (size_t)-1)
			return -ENOMEM;
	}
	if (__builtin_wasm_memory_size(0) * WASM_PAGE > mm.first_page)
		grow_heap(0);

	for (i = 0; i < NR_KMALLOC; i++) {
		struct kmem_cache *s = &kmalloc_caches[i];
		unsigned int size = kmalloc_sizes[i];

		snprintf(s->name_buf, sizeof(s->name_buf), size >= 1024 ? "kmalloc-%uk" : "kmalloc-%u",
			 size >= 1024 ? size / 1024 : size);
		/* natural alignment: the largest power of two dividing the size */
		cache_init(s, s->name_buf, size, size & -size, SLAB_KMALLOC, NULL);
		s->kmalloc = true;
	}
	cache_init(&cache_cache, "kmem_cache", sizeof(struct kmem_cache), 16, 0, NULL);
	cache_init(&track_cache, "kmem_track", sizeof(struct kmem_track), 16, 0, NULL);
	mm.ready = true;
	return 0;
}

/* Zeroed memory for a module's data region or the host, aligned to @align (a power of two). */
void *__lkm_entry lkm_region_alloc(size_t size, size_t align)
{
	void *p;
	size_t want = size;

	if (align & (align - 1))
		return NULL;
	if (!size)
		want = 1;
	if (align > KMALLOC_SLAB_MAX || want > KMALLOC_SLAB_MAX) {
		unsigned long ap = align > PAGE_SIZE ? align >> PAGE_SHIFT : 1;

		kmem_lock();
		p = pages_alloc_tracked(want, ap, 0, NULL);
		kmem_unlock();
	} else {
		/* kmalloc classes are naturally aligned: pick one at least as big as the alignment */
		p = do_kmalloc(want < align ? align : want, 0, NULL, 0);
	}
	if (p)
		memset(p, 0, want);
	return p;
}

void __lkm_entry lkm_region_free(void *p)
{
	kfree(p);
}

/*
 * A region the host allocates on a module's behalf, with the fault point Linux's allocation would have:
 * @kind 0 the module's memory (module_memory_alloc(): execmem's vmalloc, GFP_KERNEL), 1 its argument
 * string (strndup_user(): kmalloc with GFP_USER | __GFP_NOWARN). NULL when the fault was injected.
 */
void *__lkm_entry lkm_region_alloc_for_module(size_t size, size_t align, int kind)
{
	if (kind == 0 ? vmalloc_should_fail(size, GFP_KERNEL) : kmalloc_should_fail(size, GFP_USER | __GFP_NOWARN))
		return NULL;
	return lkm_region_alloc(size, align);
}

/*
 * At unload, after the leak report: what @mod still holds becomes the kernel's (not freed: the module's
 * objects may still be referenced), and its list and counters are reset.
 */
void __lkm_entry lkm_kmem_orphan(struct module *mod)
{
	struct kmem_track *t, *tmp;

	kmem_lock();
	if (mod->kmem_allocs.next) {
		list_for_each_entry_safe(t, tmp, &mod->kmem_allocs, node) {
			t->owner = NULL;
			t->node.next = t->node.prev = NULL;
		}
	}
	mod->kmem_allocs.next = mod->kmem_allocs.prev = NULL;
	mod->kmem_bytes = 0;
	mod->kmem_count = 0;
	kmem_unlock();
}

/*
 * kfree_rcu(): the free was asked for and happens after a grace period; the module that allocated the
 * object owns it no longer, so an unload meanwhile does not report it as leaked.
 */
void lkm_kmem_disown(const void *p)
{
	struct obj_ref r;

	kmem_lock();
	r = find_object(p);
	if (r.kind == OBJ_SLAB || r.kind == OBJ_PAGES)
		track_disown(r.track);
	kmem_unlock();
}

/*
 * The leak report: what @mod still holds, in allocation order, as 4 words each (size, function, file,
 * line of the call site; 0 when not known) into @out, at most @max. Returns how many it holds.
 */
int __lkm_entry lkm_kmem_leaks(struct module *mod, unsigned long *out, int max)
{
	struct kmem_track *t;
	int n = 0;

	kmem_lock();
	if (mod->kmem_allocs.next) {
		list_for_each_entry(t, &mod->kmem_allocs, node) {
			if (n < max) {
				unsigned long *o = out + 4 * n;

				o[0] = t->size;
				o[1] = t->tag ? (unsigned long)t->tag->ct.function : 0;
				o[2] = t->tag ? (unsigned long)t->tag->ct.filename : 0;
				o[3] = t->tag ? t->tag->ct.lineno : 0;
			}
			n++;
		}
	}
	kmem_unlock();
	return n;
}

/*
 * What is allocated, for leak checks across loads: [pages in use, objects in use]. Pages exclude the one
 * empty slab a cache keeps, objects count every slab cache's (kmalloc's too); neither moves when the
 * memory grows, so both return to their value once everything allocated since is freed.
 */
void __lkm_entry lkm_mm_usage(unsigned long *out)
{
	struct kmem_cache *s;
	unsigned long pages, objs = 0;

	kmem_lock();
	pages = mm.npages - mm.free_pages;
	list_for_each_entry(s, &slab_caches, list) {
		pages -= (unsigned long)s->nr_empty * s->slab_pages;
		objs += s->active_objs;
	}
	out[0] = pages;
	out[1] = objs;
	kmem_unlock();
}

/* Statistics for tests and /proc/meminfo-like views: [pages managed, free pages]. */
void __lkm_entry lkm_mm_stats(unsigned long *out)
{
	kmem_lock();
	out[0] = mm.npages;
	out[1] = mm.free_pages;
	kmem_unlock();
}
