// SPDX-License-Identifier: GPL-2.0-only
/*
 * lib/idr.c: the IDR and the IDA (<linux/idr.h>) over the XArray.
 *
 * An IDR is an allocating XArray (XA_FLAGS_ALLOC) whose index is id - idr_base; an ID allocated with
 * a NULL pointer holds XA_ZERO_ENTRY, so it stays in use and idr_find() returns NULL for it, as on
 * Linux. The IDR does no locking of its own. An IDA keeps one struct ida_bitmap (IDA_BITMAP_BITS
 * IDs) per chunk index in its XArray, allocated when a chunk gets its first ID and freed with its
 * last (Linux also packs chunks with only low bits set into value entries; the IDs are the same).
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/slab.h>
#include <linux/idr.h>
#include "radix-tree.h"

void idr_preload(gfp_t gfp_mask)
{
}
EXPORT_SYMBOL(idr_preload);

/*
 * Allocate an ID in [*@nextid, @max] for @ptr: 0 with the ID in *@nextid, -ENOSPC when none is
 * free, -ENOMEM, or -EINVAL for a pointer that looks like an internal entry.
 */
int idr_alloc_u32(struct idr *idr, void *ptr, u32 *nextid,
		  unsigned long max, gfp_t gfp)
{
	unsigned int base = idr->idr_base;
	unsigned int id = *nextid;
	u32 index;
	int ret;

	if (WARN_ON_ONCE(xa_is_internal(ptr)))
		return -EINVAL;
	if (WARN_ON_ONCE(!(idr->idr_rt.xa_flags & XA_FLAGS_TRACK_FREE)))
		idr->idr_rt.xa_flags |= IDR_RT_MARKER;

	id = (id < base) ? 0 : id - base;
	if (max < base)
		return -ENOSPC;

	ret = __xa_alloc(&idr->idr_rt, &index, ptr, XA_LIMIT(id, max - base), gfp);
	if (ret == -EBUSY)
		return -ENOSPC;
	if (ret)
		return ret;

	*nextid = index + base;
	return 0;
}
EXPORT_SYMBOL_GPL(idr_alloc_u32);

/*
 * The lowest free ID >= @start and < @end (@end <= 0: up to INT_MAX), or -ENOSPC, -ENOMEM,
 * -EINVAL (@start < 0).
 */
int idr_alloc(struct idr *idr, void *ptr, int start, int end, gfp_t gfp)
{
	u32 id = start;
	int ret;

	if (WARN_ON_ONCE(start < 0))
		return -EINVAL;

	ret = idr_alloc_u32(idr, ptr, &id, end > 0 ? end - 1 : INT_MAX, gfp);
	if (ret)
		return ret;

	return id;
}
EXPORT_SYMBOL_GPL(idr_alloc);

/* As idr_alloc(), searching from the ID after the last one allocated and wrapping round to @start. */
int idr_alloc_cyclic(struct idr *idr, void *ptr, int start, int end, gfp_t gfp)
{
	u32 id = idr->idr_next;
	int err, max = end > 0 ? end - 1 : INT_MAX;

	if ((int)id < start)
		id = start;

	err = idr_alloc_u32(idr, ptr, &id, max, gfp);
	if ((err == -ENOSPC) && (id > start)) {
		id = start;
		err = idr_alloc_u32(idr, ptr, &id, max, gfp);
	}
	if (err)
		return err;

	idr->idr_next = id + 1;
	return id;
}
EXPORT_SYMBOL(idr_alloc_cyclic);

/* Free @id; returns its pointer, or NULL (also when @id was not allocated). */
void *idr_remove(struct idr *idr, unsigned long id)
{
	return __xa_erase(&idr->idr_rt, id - idr->idr_base);
}
EXPORT_SYMBOL_GPL(idr_remove);

void *idr_find(const struct idr *idr, unsigned long id)
{
	return xa_load((struct xarray *)&idr->idr_rt, id - idr->idr_base);
}
EXPORT_SYMBOL_GPL(idr_find);

/* Call @fn for each ID with a pointer, in order, until it returns non-zero (which is returned). */
int idr_for_each(const struct idr *idr,
		 int (*fn)(int id, void *p, void *data), void *data)
{
	struct xarray *xa = (struct xarray *)&idr->idr_rt;
	int base = idr->idr_base;
	unsigned long index;
	void *entry;

	xa_for_each(xa, index, entry) {
		int ret;
		unsigned long id = index + base;

		if (WARN_ON_ONCE(id > INT_MAX))
			break;
		ret = fn(id, entry, data);
		if (ret)
			return ret;
	}

	return 0;
}
EXPORT_SYMBOL(idr_for_each);

/* The first pointer at an ID >= *@nextid; *@nextid gets its ID. NULL when there is none. */
void *idr_get_next_ul(struct idr *idr, unsigned long *nextid)
{
	unsigned long base = idr->idr_base;
	unsigned long id = *nextid;
	void *entry;

	id = (id < base) ? 0 : id - base;
	entry = xa_find(&idr->idr_rt, &id, ULONG_MAX, XA_PRESENT);
	if (!entry)
		return NULL;

	*nextid = id + base;
	return entry;
}
EXPORT_SYMBOL(idr_get_next_ul);

void *idr_get_next(struct idr *idr, int *nextid)
{
	unsigned long id = *nextid;
	void *entry = idr_get_next_ul(idr, &id);

	if (WARN_ON_ONCE(id > INT_MAX))
		return NULL;
	*nextid = id;

	return entry;
}
EXPORT_SYMBOL(idr_get_next);

/* Put @ptr at the allocated @id; returns the old pointer, or ERR_PTR(-ENOENT) if @id is free. */
void *idr_replace(struct idr *idr, void *ptr, unsigned long id)
{
	void *entry;

	if (WARN_ON_ONCE(xa_is_internal(ptr)))
		return ERR_PTR(-EINVAL);
	id -= idr->idr_base;

	entry = __xa_load_raw(&idr->idr_rt, id);
	if (!entry)
		return ERR_PTR(-ENOENT);

	__xa_store(&idr->idr_rt, id, ptr, 0);
	return xa_is_zero(entry) ? NULL : entry;
}
EXPORT_SYMBOL(idr_replace);

/* Free the IDR's memory (not the pointers); it is empty and usable afterwards. */
void idr_destroy(struct idr *idr)
{
	xa_destroy(&idr->idr_rt);
}
EXPORT_SYMBOL(idr_destroy);

/* ---- IDA ---- */

/*
 * The lowest free ID in [@min, @max] (a negative @max as int means INT_MAX): the ID, or -ENOSPC
 * (none free, or @min above INT_MAX), or -ENOMEM.
 */
int ida_alloc_range(struct ida *ida, unsigned int min, unsigned int max,
		    gfp_t gfp)
{
	unsigned long chunk, bit, flags, last;
	struct ida_bitmap *bitmap, *spare = NULL;
	int id;

	if ((int)min < 0)
		return -ENOSPC;
	if ((int)max < 0)
		max = INT_MAX;
	if (min > max)
		return -ENOSPC;

	/* A chunk may need a new bitmap: allocated before the lock is taken, as no allocation may sleep under it. */
again:
	chunk = min / IDA_BITMAP_BITS;
	bit = min % IDA_BITMAP_BITS;
	last = max / IDA_BITMAP_BITS;

	xa_lock_irqsave(&ida->xa, flags);
	for (;;) {
		unsigned long index = chunk;

		bitmap = xa_find(&ida->xa, &index, last, XA_PRESENT);
		if (!bitmap || index > chunk) {
			/* No bitmap for this chunk yet: every ID in it is free. */
			id = chunk * IDA_BITMAP_BITS + bit;
			if (id > max)
				goto nospc;
			if (!spare) {
				xa_unlock_irqrestore(&ida->xa, flags);
				spare = kzalloc(sizeof(*spare), gfp);
				if (!spare)
					return -ENOMEM;
				goto again;
			}
			bitmap = spare;
			spare = NULL;
			__set_bit(bit, bitmap->bitmap);
			if (xa_is_err(__xa_store(&ida->xa, chunk, bitmap, GFP_NOWAIT))) {
				xa_unlock_irqrestore(&ida->xa, flags);
				kfree(bitmap);
				return -ENOMEM;
			}
			break;
		}
		bit = find_next_zero_bit(bitmap->bitmap, IDA_BITMAP_BITS, bit);
		if (bit < IDA_BITMAP_BITS) {
			id = chunk * IDA_BITMAP_BITS + bit;
			if (id > max)
				goto nospc;
			__set_bit(bit, bitmap->bitmap);
			break;
		}
		if (chunk == last)
			goto nospc;
		chunk++;
		bit = 0;
	}
	xa_unlock_irqrestore(&ida->xa, flags);
	kfree(spare);
	return id;

nospc:
	xa_unlock_irqrestore(&ida->xa, flags);
	kfree(spare);
	return -ENOSPC;
}
EXPORT_SYMBOL(ida_alloc_range);

void ida_free(struct ida *ida, unsigned int id)
{
	unsigned int chunk = id / IDA_BITMAP_BITS;
	unsigned int bit = id % IDA_BITMAP_BITS;
	struct ida_bitmap *bitmap;
	unsigned long flags;

	BUG_ON((int)id < 0);

	xa_lock_irqsave(&ida->xa, flags);
	bitmap = xa_load(&ida->xa, chunk);
	if (!bitmap || !test_bit(bit, bitmap->bitmap)) {
		xa_unlock_irqrestore(&ida->xa, flags);
		WARN(1, "ida_free called for id=%d which is not allocated.\n", id);
		return;
	}
	__clear_bit(bit, bitmap->bitmap);
	if (find_first_bit(bitmap->bitmap, IDA_BITMAP_BITS) >= IDA_BITMAP_BITS) {
		/* The chunk's last ID: the bitmap goes. */
		__xa_erase(&ida->xa, chunk);
		kfree(bitmap);
	}
	xa_unlock_irqrestore(&ida->xa, flags);
}
EXPORT_SYMBOL(ida_free);

/* Free every ID and the IDA's memory; it is empty and usable afterwards. */
void ida_destroy(struct ida *ida)
{
	struct ida_bitmap *bitmap;
	unsigned long flags, index;

	xa_lock_irqsave(&ida->xa, flags);
	xa_for_each(&ida->xa, index, bitmap) {
		__xa_erase(&ida->xa, index);
		kfree(bitmap);
	}
	xa_unlock_irqrestore(&ida->xa, flags);
}
EXPORT_SYMBOL(ida_destroy);
