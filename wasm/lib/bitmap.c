// SPDX-License-Identifier: GPL-2.0
/*
 * lib/bitmap.c: the word-loop bitmap operations of linux/bitmap.h, regions and allocation. Compare and
 * count only the first @nbits bits: the last word is masked with BITMAP_LAST_WORD_MASK.
 */
#include <linux/bitmap.h>
#include <linux/export.h>
#include <linux/slab.h>

#define WORDS(nbits)	BITS_TO_LONGS(nbits)
/* Whole words, then the bits of a partial last word (0 if none). */
#define FULL(nbits)	((nbits) / BITS_PER_LONG)
#define TAIL(nbits)	((nbits) % BITS_PER_LONG)

bool __bitmap_equal(const unsigned long *a, const unsigned long *b, unsigned int nbits)
{
	unsigned int k;

	for (k = 0; k < FULL(nbits); k++)
		if (a[k] != b[k])
			return false;
	return !TAIL(nbits) || !((a[k] ^ b[k]) & BITMAP_LAST_WORD_MASK(nbits));
}
EXPORT_SYMBOL(__bitmap_equal);

bool __bitmap_or_equal(const unsigned long *a, const unsigned long *b, const unsigned long *c,
		       unsigned int nbits)
{
	unsigned int k;

	for (k = 0; k < FULL(nbits); k++)
		if ((a[k] | b[k]) != c[k])
			return false;
	return !TAIL(nbits) || !(((a[k] | b[k]) ^ c[k]) & BITMAP_LAST_WORD_MASK(nbits));
}
EXPORT_SYMBOL(__bitmap_or_equal);

void __bitmap_complement(unsigned long *dst, const unsigned long *src, unsigned int nbits)
{
	unsigned int k;

	for (k = 0; k < WORDS(nbits); k++)
		dst[k] = ~src[k];
}
EXPORT_SYMBOL(__bitmap_complement);

/* Bit i of the result is bit i + @shift of @src (zero past @nbits); the tail past @nbits ends up clear. */
void __bitmap_shift_right(unsigned long *dst, const unsigned long *src, unsigned int shift, unsigned int nbits)
{
	unsigned int k, words = WORDS(nbits), off = shift / BITS_PER_LONG, rem = shift % BITS_PER_LONG;
	unsigned long mask = BITMAP_LAST_WORD_MASK(nbits);

	for (k = 0; off + k < words; k++) {
		unsigned long lo = src[off + k], hi = 0;

		if (off + k + 1 < words)
			hi = src[off + k + 1];
		if (off + k + 1 == words - 1)
			hi &= mask;
		if (off + k == words - 1)
			lo &= mask;
		dst[k] = rem ? (lo >> rem) | (hi << (BITS_PER_LONG - rem)) : lo;
	}
	for (; k < words; k++)
		dst[k] = 0;
}
EXPORT_SYMBOL(__bitmap_shift_right);

/* Bit i + @shift of the result is bit i of @src; bits shifted past @nbits are lost. */
void __bitmap_shift_left(unsigned long *dst, const unsigned long *src, unsigned int shift, unsigned int nbits)
{
	int k;
	unsigned int words = WORDS(nbits), off = shift / BITS_PER_LONG, rem = shift % BITS_PER_LONG;

	for (k = (int)words - 1; k >= (int)off; k--) {
		unsigned long hi = src[k - off], lo = k > (int)off ? src[k - off - 1] : 0;

		dst[k] = rem ? (hi << rem) | (lo >> (BITS_PER_LONG - rem)) : hi;
	}
	for (; k >= 0; k--)
		dst[k] = 0;
	if (TAIL(nbits))
		dst[words - 1] &= BITMAP_LAST_WORD_MASK(nbits);
}
EXPORT_SYMBOL(__bitmap_shift_left);

bool __bitmap_and(unsigned long *dst, const unsigned long *a, const unsigned long *b, unsigned int nbits)
{
	unsigned int k;
	unsigned long any = 0;

	for (k = 0; k < FULL(nbits); k++)
		any |= (dst[k] = a[k] & b[k]);
	if (TAIL(nbits))
		any |= (dst[k] = a[k] & b[k] & BITMAP_LAST_WORD_MASK(nbits));
	return any != 0;
}
EXPORT_SYMBOL(__bitmap_and);

void __bitmap_or(unsigned long *dst, const unsigned long *a, const unsigned long *b, unsigned int nbits)
{
	unsigned int k;

	for (k = 0; k < WORDS(nbits); k++)
		dst[k] = a[k] | b[k];
}
EXPORT_SYMBOL(__bitmap_or);

void __bitmap_xor(unsigned long *dst, const unsigned long *a, const unsigned long *b, unsigned int nbits)
{
	unsigned int k;

	for (k = 0; k < WORDS(nbits); k++)
		dst[k] = a[k] ^ b[k];
}
EXPORT_SYMBOL(__bitmap_xor);

bool __bitmap_andnot(unsigned long *dst, const unsigned long *a, const unsigned long *b, unsigned int nbits)
{
	unsigned int k;
	unsigned long any = 0;

	for (k = 0; k < FULL(nbits); k++)
		any |= (dst[k] = a[k] & ~b[k]);
	if (TAIL(nbits))
		any |= (dst[k] = a[k] & ~b[k] & BITMAP_LAST_WORD_MASK(nbits));
	return any != 0;
}
EXPORT_SYMBOL(__bitmap_andnot);

void __bitmap_replace(unsigned long *dst, const unsigned long *old, const unsigned long *new,
		      const unsigned long *mask, unsigned int nbits)
{
	unsigned int k;

	for (k = 0; k < WORDS(nbits); k++)
		dst[k] = (old[k] & ~mask[k]) | (new[k] & mask[k]);
}
EXPORT_SYMBOL(__bitmap_replace);

bool __bitmap_intersects(const unsigned long *a, const unsigned long *b, unsigned int nbits)
{
	unsigned int k;

	for (k = 0; k < FULL(nbits); k++)
		if (a[k] & b[k])
			return true;
	return TAIL(nbits) && (a[k] & b[k] & BITMAP_LAST_WORD_MASK(nbits));
}
EXPORT_SYMBOL(__bitmap_intersects);

/* Every bit of @a is set in @b. */
bool __bitmap_subset(const unsigned long *a, const unsigned long *b, unsigned int nbits)
{
	unsigned int k;

	for (k = 0; k < FULL(nbits); k++)
		if (a[k] & ~b[k])
			return false;
	return !TAIL(nbits) || !(a[k] & ~b[k] & BITMAP_LAST_WORD_MASK(nbits));
}
EXPORT_SYMBOL(__bitmap_subset);

unsigned int __bitmap_weight(const unsigned long *map, unsigned int nbits)
{
	unsigned int k, w = 0;

	for (k = 0; k < FULL(nbits); k++)
		w += hweight_long(map[k]);
	if (TAIL(nbits))
		w += hweight_long(map[k] & BITMAP_LAST_WORD_MASK(nbits));
	return w;
}
EXPORT_SYMBOL(__bitmap_weight);

unsigned int __bitmap_weight_and(const unsigned long *a, const unsigned long *b, unsigned int nbits)
{
	unsigned int k, w = 0;

	for (k = 0; k < FULL(nbits); k++)
		w += hweight_long(a[k] & b[k]);
	if (TAIL(nbits))
		w += hweight_long(a[k] & b[k] & BITMAP_LAST_WORD_MASK(nbits));
	return w;
}
EXPORT_SYMBOL(__bitmap_weight_and);

/* Sets (or clears) bits [start, start + len): a masked first word, whole words, a masked last word. */
static void fill_range(unsigned long *map, unsigned int start, int len, bool set)
{
	unsigned long *p = map + start / BITS_PER_LONG;
	unsigned int end = start + len;

	if (len <= 0)
		return;
	while (start < end) {
		unsigned int word_end = (start / BITS_PER_LONG + 1) * BITS_PER_LONG;
		unsigned long mask = BITMAP_FIRST_WORD_MASK(start);

		if (end < word_end)
			mask &= BITMAP_LAST_WORD_MASK(end);
		if (set)
			*p |= mask;
		else
			*p &= ~mask;
		p++;
		start = word_end;
	}
}

void __bitmap_set(unsigned long *map, unsigned int start, int len)
{
	fill_range(map, start, len, true);
}
EXPORT_SYMBOL(__bitmap_set);

void __bitmap_clear(unsigned long *map, unsigned int start, int len)
{
	fill_range(map, start, len, false);
}
EXPORT_SYMBOL(__bitmap_clear);

/*
 * The first index at or after @start of a run of @nr clear bits such that index + @align_offset is a
 * multiple of (@align_mask + 1). When there is none, the returned index + @nr is past @size.
 */
unsigned long bitmap_find_next_zero_area_off(unsigned long *map, unsigned long size, unsigned long start,
					     unsigned int nr, unsigned long align_mask,
					     unsigned long align_offset)
{
	for (;;) {
		unsigned long index = find_next_zero_bit(map, size, start), end, busy;

		index = ((index + align_offset + align_mask) & ~align_mask) - align_offset;
		end = index + nr;
		if (end > size)
			return end;
		busy = find_next_bit(map, end, index);
		if (busy >= end)
			return index;
		start = busy + 1;
	}
}
EXPORT_SYMBOL(bitmap_find_next_zero_area_off);

/* Regions of 2^order bits aligned on their size (the old allocator API of bitmap.h). */
int bitmap_find_free_region(unsigned long *bitmap, unsigned int bits, int order)
{
	unsigned int pos, len = 1U << order;

	for (pos = 0; pos + len <= bits; pos += len) {
		if (find_next_bit(bitmap, pos + len, pos) < pos + len)
			continue;
		bitmap_set(bitmap, pos, len);
		return pos;
	}
	return -ENOMEM;
}
EXPORT_SYMBOL(bitmap_find_free_region);

void bitmap_release_region(unsigned long *bitmap, unsigned int pos, int order)
{
	bitmap_clear(bitmap, pos, 1U << order);
}
EXPORT_SYMBOL(bitmap_release_region);

int bitmap_allocate_region(unsigned long *bitmap, unsigned int pos, int order)
{
	unsigned int len = 1U << order;

	if (find_next_bit(bitmap, pos + len, pos) < pos + len)
		return -EBUSY;
	bitmap_set(bitmap, pos, len);
	return 0;
}
EXPORT_SYMBOL(bitmap_allocate_region);

/* unsigned long is 32 bits on wasm32: an array of u32 is the bitmap itself, the tail cleared. */
void bitmap_from_arr32(unsigned long *bitmap, const u32 *buf, unsigned int nbits)
{
	unsigned int k;

	for (k = 0; k < WORDS(nbits); k++)
		bitmap[k] = buf[k];
	if (TAIL(nbits))
		bitmap[k - 1] &= BITMAP_LAST_WORD_MASK(nbits);
}
EXPORT_SYMBOL(bitmap_from_arr32);

void bitmap_to_arr32(u32 *buf, const unsigned long *bitmap, unsigned int nbits)
{
	unsigned int k;

	for (k = 0; k < WORDS(nbits); k++)
		buf[k] = bitmap[k];
	if (TAIL(nbits))
		buf[k - 1] &= BITMAP_LAST_WORD_MASK(nbits);
}
EXPORT_SYMBOL(bitmap_to_arr32);

unsigned long *bitmap_alloc(unsigned int nbits, gfp_t flags)
{
	return kmalloc_array(BITS_TO_LONGS(nbits), sizeof(unsigned long), flags);
}
EXPORT_SYMBOL(bitmap_alloc);

unsigned long *bitmap_zalloc(unsigned int nbits, gfp_t flags)
{
	return bitmap_alloc(nbits, flags | __GFP_ZERO);
}
EXPORT_SYMBOL(bitmap_zalloc);

void bitmap_free(const unsigned long *bitmap)
{
	kfree(bitmap);
}
EXPORT_SYMBOL(bitmap_free);
