// SPDX-License-Identifier: GPL-2.0+
/*
 * test-xarray: a self-test of <linux/xarray.h>, after Linux's lib/test_xarray.c: loads and stores
 * across the tree's growth and shrinking, marks and their propagation, insert/cmpxchg/reserve, the
 * searches, ID allocation with its limits and wrapping, value entries and errors. Each failed check
 * prints "BUG at FUNC:LINE"; the last line is "XArray: N of M tests passed", and init returns 0 only
 * if all passed (-EINVAL otherwise).
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/xarray.h>

static unsigned int tests_run;
static unsigned int tests_passed;

#define XA_BUG_ON(xa, x) do {					\
	tests_run++;						\
	if (x) {						\
		pr_err("BUG at %s:%d: %s\n", __func__, __LINE__, #x); \
	} else {						\
		tests_passed++;					\
	}							\
} while (0)

static DEFINE_XARRAY(array);
static DEFINE_XARRAY_ALLOC(xa0);
static DEFINE_XARRAY_ALLOC1(xa1);

static void *xa_store_index(struct xarray *xa, unsigned long index, gfp_t gfp)
{
	return xa_store(xa, index, xa_mk_value(index & LONG_MAX), gfp);
}

static void xa_erase_index(struct xarray *xa, unsigned long index)
{
	XA_BUG_ON(xa, xa_erase(xa, index) != xa_mk_value(index & LONG_MAX));
	XA_BUG_ON(xa, xa_load(xa, index) != NULL);
}

static struct xa_node *top_node(struct xarray *xa)
{
	return xa_is_node(xa->xa_head) ? xa_to_node(xa->xa_head) : NULL;
}

static noinline void check_xa_err(struct xarray *xa)
{
	XA_BUG_ON(xa, xa_err(xa_store_index(xa, 0, GFP_NOWAIT)) != 0);
	XA_BUG_ON(xa, xa_err(xa_erase(xa, 0)) != 0);
	XA_BUG_ON(xa, xa_err(xa_store(xa, 1, xa_mk_value(0), GFP_KERNEL)) != 0);
	XA_BUG_ON(xa, xa_err(xa_store(xa, 1, NULL, 0)) != 0);
	XA_BUG_ON(xa, !xa_empty(xa));
	XA_BUG_ON(xa, !xa_is_err(XA_ERROR(-ENOMEM)) || xa_err(XA_ERROR(-ENOMEM)) != -ENOMEM);
	XA_BUG_ON(xa, xa_is_err(xa_mk_value(3)) || xa_err(xa) != 0);
}

static noinline void check_values(struct xarray *xa)
{
	XA_BUG_ON(xa, xa_to_value(xa_mk_value(0)) != 0);
	XA_BUG_ON(xa, xa_to_value(xa_mk_value(LONG_MAX)) != LONG_MAX);
	XA_BUG_ON(xa, !xa_is_value(xa_mk_value(7)) || xa_is_value(xa));
	XA_BUG_ON(xa, xa_mk_value(5) != (void *)11);
	XA_BUG_ON(xa, xa_pointer_tag(xa_tag_pointer(xa, 3)) != 3);
	XA_BUG_ON(xa, xa_untag_pointer(xa_tag_pointer(xa, 2)) != xa);
	XA_BUG_ON(xa, xa_is_internal(xa_mk_value(1)) || !xa_is_internal(XA_ZERO_ENTRY));
	XA_BUG_ON(xa, !xa_is_zero(XA_ZERO_ENTRY) || xa_is_err(XA_ZERO_ENTRY));
}

static noinline void check_xa_load(struct xarray *xa)
{
	unsigned long i, j;

	for (i = 0; i < 1024; i++) {
		for (j = 0; j < 1024; j++) {
			void *entry = xa_load(xa, j);

			if (j < i) {
				if (xa_to_value(entry) != j)
					break;
			} else if (entry) {
				break;
			}
		}
		XA_BUG_ON(xa, j != 1024);
		XA_BUG_ON(xa, xa_store_index(xa, i, GFP_KERNEL) != NULL);
	}

	for (i = 0; i < 1024; i++) {
		for (j = 0; j < 1024; j++) {
			void *entry = xa_load(xa, j);

			if (j >= i) {
				if (xa_to_value(entry) != j)
					break;
			} else if (entry) {
				break;
			}
		}
		XA_BUG_ON(xa, j != 1024);
		xa_erase_index(xa, i);
	}
	XA_BUG_ON(xa, !xa_empty(xa));
}

/* The tree's shape: 64-slot nodes, grown at the top and shrunk back. */
static noinline void check_xa_shape(struct xarray *xa)
{
	struct xa_node *node;

	XA_BUG_ON(xa, XA_CHUNK_SHIFT != 6 || XA_CHUNK_SIZE != 64);
	xa_store_index(xa, 0, GFP_KERNEL);
	XA_BUG_ON(xa, top_node(xa) != NULL);		/* a lone entry at 0 is the head */
	xa_store_index(xa, 1, GFP_KERNEL);
	node = top_node(xa);
	XA_BUG_ON(xa, !node || node->shift != 0 || node->count != 2 || node->nr_values != 2);
	xa_store_index(xa, 64, GFP_KERNEL);
	node = top_node(xa);
	XA_BUG_ON(xa, !node || node->shift != 6 || node->count != 2);
	xa_store_index(xa, 4096, GFP_KERNEL);
	node = top_node(xa);
	XA_BUG_ON(xa, !node || node->shift != 12 || node->count != 2);
	XA_BUG_ON(xa, node->parent != NULL);
	xa_store_index(xa, ULONG_MAX, GFP_KERNEL);
	node = top_node(xa);
	XA_BUG_ON(xa, !node || node->shift != 30);
	XA_BUG_ON(xa, xa_load(xa, ULONG_MAX) != xa_mk_value(ULONG_MAX & LONG_MAX));
	XA_BUG_ON(xa, xa_load(xa, ULONG_MAX - 1) != NULL);

	xa_erase_index(xa, ULONG_MAX);
	XA_BUG_ON(xa, !top_node(xa) || top_node(xa)->shift != 12);
	xa_erase_index(xa, 4096);
	xa_erase_index(xa, 64);
	node = top_node(xa);
	XA_BUG_ON(xa, !node || node->shift != 0 || node->count != 2);
	xa_erase_index(xa, 1);
	XA_BUG_ON(xa, top_node(xa) != NULL || xa->xa_head != xa_mk_value(0));
	xa_erase_index(xa, 0);
	XA_BUG_ON(xa, !xa_empty(xa));

	/* A first entry far out gets one node of the right height. */
	xa_store_index(xa, 1UL << 20, GFP_KERNEL);
	node = top_node(xa);
	XA_BUG_ON(xa, !node || node->shift != 18 || node->count != 1);
	xa_erase_index(xa, 1UL << 20);
	XA_BUG_ON(xa, !xa_empty(xa));
}

static noinline void check_xa_mark_1(struct xarray *xa, unsigned long index)
{
	/* NULL entries cannot be marked. */
	xa_set_mark(xa, index, XA_MARK_0);
	XA_BUG_ON(xa, xa_get_mark(xa, index, XA_MARK_0));

	XA_BUG_ON(xa, xa_store_index(xa, index, GFP_KERNEL) != NULL);
	xa_set_mark(xa, index, XA_MARK_0);
	XA_BUG_ON(xa, !xa_get_mark(xa, index, XA_MARK_0));
	XA_BUG_ON(xa, xa_get_mark(xa, index, XA_MARK_1));
	XA_BUG_ON(xa, !xa_marked(xa, XA_MARK_0) || xa_marked(xa, XA_MARK_1));

	/* Storing over an entry keeps its marks; neighbours have none. */
	XA_BUG_ON(xa, xa_store(xa, index, xa_mk_value(7), GFP_KERNEL) != xa_mk_value(index & LONG_MAX));
	XA_BUG_ON(xa, !xa_get_mark(xa, index, XA_MARK_0));
	XA_BUG_ON(xa, xa_store_index(xa, index + 1, GFP_KERNEL) != NULL);
	XA_BUG_ON(xa, xa_get_mark(xa, index + 1, XA_MARK_0));
	xa_set_mark(xa, index + 1, XA_MARK_2);
	XA_BUG_ON(xa, !xa_get_mark(xa, index + 1, XA_MARK_2));

	/* Marks survive the tree growing above them. */
	XA_BUG_ON(xa, xa_store_index(xa, index + 1000000, GFP_KERNEL) != NULL);
	XA_BUG_ON(xa, !xa_get_mark(xa, index, XA_MARK_0));
	XA_BUG_ON(xa, !xa_get_mark(xa, index + 1, XA_MARK_2));
	XA_BUG_ON(xa, xa_get_mark(xa, index + 1000000, XA_MARK_0));

	xa_clear_mark(xa, index, XA_MARK_0);
	XA_BUG_ON(xa, xa_get_mark(xa, index, XA_MARK_0));
	XA_BUG_ON(xa, xa_marked(xa, XA_MARK_0));
	XA_BUG_ON(xa, !xa_marked(xa, XA_MARK_2));

	/* Erasing clears the marks, also when the tree shrinks. */
	xa_set_mark(xa, index, XA_MARK_1);
	xa_erase_index(xa, index + 1000000);
	XA_BUG_ON(xa, !xa_get_mark(xa, index, XA_MARK_1));
	xa_erase(xa, index);
	XA_BUG_ON(xa, xa_get_mark(xa, index, XA_MARK_1));
	XA_BUG_ON(xa, xa_marked(xa, XA_MARK_1));
	xa_erase_index(xa, index + 1);
	XA_BUG_ON(xa, xa_marked(xa, XA_MARK_2));
	XA_BUG_ON(xa, xa_store_index(xa, index + 1, GFP_KERNEL) != NULL);
	XA_BUG_ON(xa, xa_get_mark(xa, index + 1, XA_MARK_2));
	xa_erase_index(xa, index + 1);
	XA_BUG_ON(xa, !xa_empty(xa));
}

static noinline void check_xa_mark_2(struct xarray *xa)
{
	unsigned long index, count = 0, sum = 0;
	void *entry;
	unsigned int i;

	/* Mark every third of 500 entries spread over the tree; the marked walk sees exactly those. */
	for (i = 0; i < 500; i++)
		xa_store_index(xa, i * 997UL, GFP_KERNEL);
	for (i = 0; i < 500; i += 3)
		xa_set_mark(xa, i * 997UL, XA_MARK_1);
	xa_for_each_marked(xa, index, entry, XA_MARK_1) {
		if (index % (3 * 997) || xa_to_value(entry) != index)
			break;
		count++;
	}
	XA_BUG_ON(xa, count != 167);

	/* Clearing every other mark: the walk follows. */
	for (i = 0; i < 500; i += 6)
		xa_clear_mark(xa, i * 997UL, XA_MARK_1);
	count = 0;
	xa_for_each_marked(xa, index, entry, XA_MARK_1) {
		count++;
		sum += index / 997;
	}
	XA_BUG_ON(xa, count != 83);
	XA_BUG_ON(xa, sum % 3 != 0);
	index = 0;
	XA_BUG_ON(xa, xa_find(xa, &index, ULONG_MAX, XA_MARK_1) != xa_mk_value(3 * 997));
	XA_BUG_ON(xa, index != 3 * 997);
	index = 0;
	XA_BUG_ON(xa, xa_find(xa, &index, ULONG_MAX, XA_MARK_2) != NULL || index != 0);
	xa_destroy(xa);
	XA_BUG_ON(xa, !xa_empty(xa) || xa_marked(xa, XA_MARK_1));
}

static noinline void check_insert(struct xarray *xa)
{
	unsigned long i;

	for (i = 0; i < 1024; i += 37) {
		XA_BUG_ON(xa, xa_insert(xa, i, xa_mk_value(i), GFP_KERNEL) != 0);
		XA_BUG_ON(xa, xa_load(xa, i) != xa_mk_value(i));
		XA_BUG_ON(xa, xa_insert(xa, i, xa_mk_value(0), GFP_KERNEL) != -EBUSY);
		XA_BUG_ON(xa, xa_load(xa, i) != xa_mk_value(i));
		XA_BUG_ON(xa, xa_load(xa, i + 1) != NULL);
		xa_erase_index(xa, i);
	}
	XA_BUG_ON(xa, !xa_empty(xa));

	/* Inserting NULL reserves the index. */
	XA_BUG_ON(xa, xa_insert(xa, 5, NULL, GFP_KERNEL) != 0);
	XA_BUG_ON(xa, xa_load(xa, 5) != NULL || xa_empty(xa));
	XA_BUG_ON(xa, xa_insert(xa, 5, xa_mk_value(5), GFP_KERNEL) != -EBUSY);
	XA_BUG_ON(xa, xa_erase(xa, 5) != NULL);
	XA_BUG_ON(xa, !xa_empty(xa));
}

static noinline void check_cmpxchg(struct xarray *xa)
{
	void *FIVE = xa_mk_value(5);
	void *SIX = xa_mk_value(6);
	void *LOTS = xa_mk_value(12345678);

	XA_BUG_ON(xa, !xa_empty(xa));
	XA_BUG_ON(xa, xa_store_index(xa, 12345678, GFP_KERNEL) != NULL);
	XA_BUG_ON(xa, xa_insert(xa, 12345678, xa, GFP_KERNEL) != -EBUSY);
	XA_BUG_ON(xa, xa_cmpxchg(xa, 12345678, SIX, FIVE, GFP_KERNEL) != LOTS);
	XA_BUG_ON(xa, xa_cmpxchg(xa, 12345678, LOTS, FIVE, GFP_KERNEL) != LOTS);
	XA_BUG_ON(xa, xa_cmpxchg(xa, 12345678, FIVE, LOTS, GFP_KERNEL) != FIVE);
	XA_BUG_ON(xa, xa_cmpxchg(xa, 5, FIVE, NULL, GFP_KERNEL) != NULL);
	XA_BUG_ON(xa, xa_cmpxchg(xa, 5, NULL, FIVE, GFP_KERNEL) != NULL);
	XA_BUG_ON(xa, xa_load(xa, 5) != FIVE);
	XA_BUG_ON(xa, xa_cmpxchg(xa, 5, FIVE, NULL, GFP_KERNEL) != FIVE);
	XA_BUG_ON(xa, xa_load(xa, 5) != NULL);
	xa_erase_index(xa, 12345678);
	XA_BUG_ON(xa, !xa_empty(xa));
}

static noinline void check_reserve(struct xarray *xa)
{
	unsigned long index;
	void *entry;
	int count;

	/* A reserved index: NULL to xa_load(), busy to xa_insert(), skipped by xa_for_each(). */
	XA_BUG_ON(xa, xa_reserve(xa, 12345678, GFP_KERNEL) != 0);
	XA_BUG_ON(xa, xa_empty(xa));
	XA_BUG_ON(xa, xa_load(xa, 12345678));
	xa_release(xa, 12345678);
	XA_BUG_ON(xa, !xa_empty(xa));

	XA_BUG_ON(xa, xa_reserve(xa, 12345678, GFP_KERNEL) != 0);
	XA_BUG_ON(xa, xa_store_index(xa, 12345678, GFP_NOWAIT) != NULL);
	xa_release(xa, 12345678);		/* an entry was stored: nothing happens */
	xa_erase_index(xa, 12345678);
	XA_BUG_ON(xa, !xa_empty(xa));

	XA_BUG_ON(xa, xa_reserve(xa, 12345678, GFP_KERNEL) != 0);
	XA_BUG_ON(xa, xa_insert(xa, 12345678, xa_mk_value(1), GFP_KERNEL) != -EBUSY);
	XA_BUG_ON(xa, xa_store_index(xa, 1, GFP_KERNEL) != NULL);
	count = 0;
	xa_for_each(xa, index, entry)
		count++;
	XA_BUG_ON(xa, count != 1);
	XA_BUG_ON(xa, xa_erase(xa, 12345678) != NULL);
	xa_erase_index(xa, 1);
	XA_BUG_ON(xa, !xa_empty(xa));
}

static noinline void check_find(struct xarray *xa)
{
	static const unsigned long idx[] = { 0, 1, 63, 64, 65, 4095, 4096, 100000, 1UL << 30,
					     ULONG_MAX - 1, ULONG_MAX };
	unsigned long index, last;
	unsigned int i, n = ARRAY_SIZE(idx);
	void *entry;
	bool ok;

	for (i = 0; i < n; i++)
		xa_store_index(xa, idx[i], GFP_KERNEL);

	/* xa_for_each visits them in order. */
	i = 0;
	ok = true;
	xa_for_each(xa, index, entry) {
		if (i >= n || index != idx[i] || entry != xa_mk_value(idx[i] & LONG_MAX))
			ok = false;
		i++;
	}
	XA_BUG_ON(xa, !ok || i != n);

	/* xa_find from every point between entries. */
	ok = true;
	for (i = 1; i < n; i++) {
		index = idx[i - 1] + 1;
		if (xa_find(xa, &index, ULONG_MAX, XA_PRESENT) != xa_mk_value(idx[i] & LONG_MAX) ||
		    index != idx[i])
			ok = false;
		index = idx[i - 1];
		if (xa_find_after(xa, &index, ULONG_MAX, XA_PRESENT) != xa_mk_value(idx[i] & LONG_MAX) ||
		    index != idx[i])
			ok = false;
	}
	XA_BUG_ON(xa, !ok);

	/* Bounds: @max is inclusive; nothing found leaves the index alone. */
	index = 66;
	XA_BUG_ON(xa, xa_find(xa, &index, 4095, XA_PRESENT) != xa_mk_value(4095) || index != 4095);
	index = 66;
	XA_BUG_ON(xa, xa_find(xa, &index, 4094, XA_PRESENT) != NULL || index != 66);
	index = ULONG_MAX;
	XA_BUG_ON(xa, xa_find_after(xa, &index, ULONG_MAX, XA_PRESENT) != NULL);
	index = 5;
	XA_BUG_ON(xa, xa_find(xa, &index, 4, XA_PRESENT) != NULL);

	i = 0;
	xa_for_each_start(xa, index, entry, 4096)
		i++;
	XA_BUG_ON(xa, i != 5);
	i = 0;
	last = 0;
	xa_for_each_range(xa, index, entry, 1, 4096) {
		i++;
		last = index;
	}
	XA_BUG_ON(xa, i != 6 || last != 4096);

	/* Erasing inside the walk. */
	i = 0;
	xa_for_each(xa, index, entry) {
		xa_erase(xa, index);
		i++;
	}
	XA_BUG_ON(xa, i != n || !xa_empty(xa));
}

static noinline void check_extract(struct xarray *xa)
{
	void *dst[8];
	unsigned int i;

	for (i = 0; i < 20; i++)
		xa_store_index(xa, i * 10, GFP_KERNEL);
	XA_BUG_ON(xa, xa_extract(xa, dst, 15, 75, 8, XA_PRESENT) != 6);
	XA_BUG_ON(xa, dst[0] != xa_mk_value(20) || dst[5] != xa_mk_value(70));
	XA_BUG_ON(xa, xa_extract(xa, dst, 0, ULONG_MAX, 3, XA_PRESENT) != 3);
	xa_destroy(xa);
	XA_BUG_ON(xa, !xa_empty(xa));
}

static noinline void check_sparse(struct xarray *xa)
{
	static unsigned long idx[2000];
	u32 seed = 12345;
	unsigned int i, n = ARRAY_SIZE(idx), k;
	bool ok = true;

	/* Pseudo-random indices over the whole range (a few may repeat). */
	for (i = 0; i < n; i++) {
		seed = seed * 1103515245 + 12345;
		idx[i] = (i & 1) ? seed : seed >> (i % 31);
		xa_store(xa, idx[i], &idx[i], GFP_KERNEL);
	}
	for (i = 0; i < n; i++) {
		unsigned long *p = xa_load(xa, idx[i]);

		if (!p || *p != idx[i])
			ok = false;
	}
	XA_BUG_ON(xa, !ok);
	/* Erase half, check the other half is intact, then erase the rest. */
	for (i = 0; i < n; i += 2)
		xa_erase(xa, idx[i]);
	ok = true;
	for (i = 0; i < n; i++) {
		unsigned long *p = xa_load(xa, idx[i]);
		bool erased = false;

		for (k = 0; k < n; k += 2)
			if (idx[k] == idx[i]) {
				erased = true;
				break;
			}
		if (erased ? p != NULL : (!p || *p != idx[i]))
			ok = false;
	}
	XA_BUG_ON(xa, !ok);
	for (i = 1; i < n; i += 2)
		xa_erase(xa, idx[i]);
	XA_BUG_ON(xa, !xa_empty(xa));
}

static noinline void check_xa_alloc_1(struct xarray *xa, unsigned int base)
{
	unsigned int i;
	u32 id;

	XA_BUG_ON(xa, !xa_empty(xa));
	/* An allocating array hands out the lowest free index. */
	XA_BUG_ON(xa, xa_alloc(xa, &id, xa_mk_value(0), xa_limit_32b, GFP_KERNEL) != 0);
	XA_BUG_ON(xa, id != base);
	for (i = base + 1; i < 2 * XA_CHUNK_SIZE; i++) {
		XA_BUG_ON(xa, xa_alloc(xa, &id, xa_mk_value(i), xa_limit_32b, GFP_KERNEL) != 0);
		XA_BUG_ON(xa, id != i);
	}
	/* A freed index is reused first. */
	xa_erase(xa, base + 5);
	XA_BUG_ON(xa, xa_alloc(xa, &id, xa_mk_value(5), xa_limit_32b, GFP_KERNEL) != 0 || id != base + 5);
	xa_erase(xa, XA_CHUNK_SIZE);
	XA_BUG_ON(xa, xa_alloc(xa, &id, NULL, xa_limit_32b, GFP_KERNEL) != 0 || id != XA_CHUNK_SIZE);
	/* Allocated with NULL: in use, but loads as NULL; xa_store of NULL keeps it in use. */
	XA_BUG_ON(xa, xa_load(xa, id) != NULL);
	XA_BUG_ON(xa, xa_alloc(xa, &id, NULL, xa_limit_32b, GFP_KERNEL) != 0 || id != 2 * XA_CHUNK_SIZE);
	XA_BUG_ON(xa, xa_store(xa, 3, NULL, GFP_KERNEL) != xa_mk_value(3));
	XA_BUG_ON(xa, xa_alloc(xa, &id, NULL, xa_limit_32b, GFP_KERNEL) != 0 || id != 2 * XA_CHUNK_SIZE + 1);
	xa_destroy(xa);
	XA_BUG_ON(xa, !xa_empty(xa));

	/* Limits: -EBUSY when the range is full, *id untouched. */
	for (i = 5; i <= 7; i++) {
		XA_BUG_ON(xa, xa_alloc(xa, &id, xa_mk_value(i), XA_LIMIT(5, 7), GFP_KERNEL) != 0);
		XA_BUG_ON(xa, id != i);
	}
	id = 1234;
	XA_BUG_ON(xa, xa_alloc(xa, &id, xa_mk_value(8), XA_LIMIT(5, 7), GFP_KERNEL) != -EBUSY);
	XA_BUG_ON(xa, id != 1234);
	xa_erase(xa, 6);
	XA_BUG_ON(xa, xa_alloc(xa, &id, xa_mk_value(6), XA_LIMIT(5, 7), GFP_KERNEL) != 0 || id != 6);
	XA_BUG_ON(xa, xa_alloc(xa, &id, xa_mk_value(0), XA_LIMIT(3, 2), GFP_KERNEL) != -EBUSY);
	xa_destroy(xa);

	/* The top of the 32-bit range, and xa_limit_31b stops at INT_MAX. */
	XA_BUG_ON(xa, xa_alloc(xa, &id, xa, XA_LIMIT(UINT_MAX - 1, UINT_MAX), GFP_KERNEL) != 0 ||
		      id != UINT_MAX - 1);
	XA_BUG_ON(xa, xa_alloc(xa, &id, xa, XA_LIMIT(UINT_MAX - 1, UINT_MAX), GFP_KERNEL) != 0 ||
		      id != UINT_MAX);
	XA_BUG_ON(xa, xa_alloc(xa, &id, xa, XA_LIMIT(UINT_MAX - 1, UINT_MAX), GFP_KERNEL) != -EBUSY);
	XA_BUG_ON(xa, xa_alloc(xa, &id, xa, XA_LIMIT(INT_MAX, UINT_MAX), GFP_KERNEL) != 0 || id != INT_MAX);
	XA_BUG_ON(xa, xa_alloc(xa, &id, xa, XA_LIMIT(INT_MAX, INT_MAX), GFP_KERNEL) != -EBUSY);
	XA_BUG_ON(xa, xa_alloc(xa, &id, xa, xa_limit_31b, GFP_KERNEL) != 0 || id != base);
	xa_destroy(xa);
	XA_BUG_ON(xa, !xa_empty(xa));
}

static noinline void check_xa_alloc_cyclic(struct xarray *xa)
{
	struct xa_limit limit = XA_LIMIT(1, 3);
	u32 next = 0, id;
	unsigned int i;

	for (i = 1; i <= 3; i++) {
		XA_BUG_ON(xa, xa_alloc_cyclic(xa, &id, xa_mk_value(i), limit, &next, GFP_KERNEL) != 0);
		XA_BUG_ON(xa, id != i || next != i + 1);
	}
	XA_BUG_ON(xa, xa_alloc_cyclic(xa, &id, xa_mk_value(4), limit, &next, GFP_KERNEL) != -EBUSY);
	xa_erase(xa, 2);
	/* The search wrapped round to the bottom: 1. */
	XA_BUG_ON(xa, xa_alloc_cyclic(xa, &id, xa_mk_value(2), limit, &next, GFP_KERNEL) != 1);
	XA_BUG_ON(xa, id != 2 || next != 3);
	xa_erase(xa, 1);
	xa_erase(xa, 3);
	XA_BUG_ON(xa, xa_alloc_cyclic(xa, &id, xa_mk_value(3), limit, &next, GFP_KERNEL) != 0 || id != 3);
	xa_destroy(xa);

	/* Past UINT_MAX, next wraps to 0 and the following allocation reports the wrap. */
	next = UINT_MAX;
	XA_BUG_ON(xa, xa_alloc_cyclic(xa, &id, xa, xa_limit_32b, &next, GFP_KERNEL) != 0);
	XA_BUG_ON(xa, id != UINT_MAX || next != 0);
	XA_BUG_ON(xa, xa_alloc_cyclic(xa, &id, xa, xa_limit_32b, &next, GFP_KERNEL) != 1);
	XA_BUG_ON(xa, xa_alloc_cyclic(xa, &id, xa, xa_limit_32b, &next, GFP_KERNEL) != 0);
	xa_destroy(xa);
	XA_BUG_ON(xa, !xa_empty(xa));
}

static noinline void check_alloc_errors(struct xarray *xa)
{
	u32 id = 0;

	/* Not an allocating array (warns, as on Linux; not run by default). */
	XA_BUG_ON(xa, xa_alloc(xa, &id, xa, xa_limit_32b, GFP_KERNEL) != -EINVAL);
}

static bool run_warn_tests;
module_param(run_warn_tests, bool, 0444);
MODULE_PARM_DESC(run_warn_tests, "Also run the checks that WARN by design");

static int __init xarray_checks(void)
{
	check_xa_err(&array);
	check_values(&array);
	check_xa_load(&array);
	check_xa_shape(&array);
	check_xa_mark_1(&array, 0);
	check_xa_mark_1(&array, 4);
	check_xa_mark_1(&array, 64);
	check_xa_mark_1(&array, 4095);
	check_xa_mark_1(&array, 1UL << 24);
	check_xa_mark_2(&array);
	check_insert(&array);
	check_cmpxchg(&array);
	check_reserve(&array);
	check_reserve(&xa0);
	check_find(&array);
	check_extract(&array);
	check_sparse(&array);
	check_xa_alloc_1(&xa0, 0);
	check_xa_alloc_1(&xa1, 1);
	check_xa_alloc_cyclic(&xa0);
	if (run_warn_tests)
		check_alloc_errors(&array);

	pr_info("XArray: %u of %u tests passed\n", tests_passed, tests_run);
	return (tests_run == tests_passed) ? 0 : -EINVAL;
}

static void __exit xarray_exit(void)
{
}

module_init(xarray_checks);
module_exit(xarray_exit);
MODULE_AUTHOR("lkm-wasm");
MODULE_DESCRIPTION("XArray self-test");
MODULE_LICENSE("GPL");
