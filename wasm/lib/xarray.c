// SPDX-License-Identifier: GPL-2.0+
/*
 * lib/xarray.c: the XArray's normal API (<linux/xarray.h>) over a radix tree of 64-slot nodes.
 *
 * xa_head is NULL, the entry of index 0 alone, or the top node. A node of shift S has slots for
 * indices base + (i << S); the leaves (S = 0) hold the entries, the others hold child nodes. The tree
 * grows at the top when an index beyond the top node's reach is stored, and shrinks back, and empty
 * nodes are freed, when entries are erased, so its shape depends only on the indices in use. Marks
 * are per-slot bitmaps in each node, set in a parent's slot when any entry below it is marked, and
 * the "array has this mark" bit is in xa_flags (XA_FLAGS_MARK), which also marks a lone head entry.
 *
 * Allocating arrays (XA_FLAGS_TRACK_FREE) store NULL as XA_ZERO_ENTRY, so an index allocated with a
 * NULL entry stays in use until erased; a free index is found by walking the tree for the first
 * empty slot in range (Linux keeps an inverted XA_FREE_MARK for this instead: same results).
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/slab.h>
#include <linux/bitops.h>
#include <linux/xarray.h>
#include "radix-tree.h"

static inline bool xa_track_free(const struct xarray *xa)
{
	return xa->xa_flags & XA_FLAGS_TRACK_FREE;
}

static inline bool xa_zero_busy(const struct xarray *xa)
{
	return xa->xa_flags & XA_FLAGS_ZERO_BUSY;
}

static inline void *xa_zero_to_null(void *entry)
{
	return xa_is_zero(entry) ? NULL : entry;
}

static inline void xa_mark_set(struct xarray *xa, xa_mark_t mark)
{
	xa->xa_flags |= XA_FLAGS_MARK(mark);
}

static inline void xa_mark_clear(struct xarray *xa, xa_mark_t mark)
{
	xa->xa_flags &= ~XA_FLAGS_MARK(mark);
}

/* The largest index a top node of @shift reaches. */
static inline unsigned long node_maxindex(unsigned int shift)
{
	if (shift + XA_CHUNK_SHIFT >= BITS_PER_LONG)
		return ULONG_MAX;
	return (XA_CHUNK_SIZE << shift) - 1;
}

/* The shift of the smallest top node that reaches @index. */
static unsigned int shift_for(unsigned long index)
{
	unsigned int shift = 0;

	while (node_maxindex(shift) < index)
		shift += XA_CHUNK_SHIFT;
	return shift;
}

static inline unsigned int node_offset(const struct xa_node *node, unsigned long index)
{
	return (index >> node->shift) & XA_CHUNK_MASK;
}

static inline bool node_get_mark(const struct xa_node *node, unsigned int offset, xa_mark_t mark)
{
	return test_bit(offset, node->marks[(__force unsigned)mark]);
}

static inline void node_set_mark(struct xa_node *node, unsigned int offset, xa_mark_t mark)
{
	__set_bit(offset, node->marks[(__force unsigned)mark]);
}

static inline void node_clear_mark(struct xa_node *node, unsigned int offset, xa_mark_t mark)
{
	__clear_bit(offset, node->marks[(__force unsigned)mark]);
}

static inline bool node_any_mark(const struct xa_node *node, xa_mark_t mark)
{
	return find_first_bit(node->marks[(__force unsigned)mark], XA_CHUNK_SIZE) < XA_CHUNK_SIZE;
}

/*
 * Nodes are allocated with the array's lock held, where nothing may sleep: as Linux's first try under
 * the lock, without direct reclaim (Linux then drops the lock and tries again with the caller's flags;
 * this allocator never sleeps, so that second try could not find memory the first did not).
 */
static struct xa_node *xa_node_alloc(struct xarray *xa, unsigned int shift, gfp_t gfp)
{
	struct xa_node *node = kzalloc(sizeof(*node), (gfp & __GFP_BITS_MASK & ~__GFP_DIRECT_RECLAIM) | __GFP_NOWARN);

	if (!node)
		return NULL;
	node->shift = shift;
	node->array = xa;
	INIT_LIST_HEAD(&node->private_list);
	return node;
}

static void xa_node_free(struct xa_node *node)
{
	kfree(node);
}

/* The top node, or NULL when the head is empty or a lone entry. */
static inline struct xa_node *xa_top(const struct xarray *xa)
{
	void *head = READ_ONCE(xa->xa_head);

	return xa_is_node(head) ? xa_to_node(head) : NULL;
}

/*
 * The leaf node and offset of @index, or NULL (*@offset = 0 with a lone head entry for index 0,
 * *@found false when the index lies outside the tree or below an empty slot).
 */
static struct xa_node *walk_to_leaf(const struct xarray *xa, unsigned long index,
				    unsigned int *offset, bool *found)
{
	void *entry = READ_ONCE(xa->xa_head);
	struct xa_node *node;

	*found = false;
	if (!xa_is_node(entry)) {
		*offset = 0;
		*found = index == 0 && entry;
		return NULL;
	}
	node = xa_to_node(entry);
	if (index > node_maxindex(node->shift))
		return NULL;
	for (;;) {
		unsigned int off = node_offset(node, index);

		entry = READ_ONCE(node->slots[off]);
		if (!node->shift) {
			*offset = off;
			*found = true;
			return node;
		}
		if (!xa_is_node(entry))
			return NULL;
		node = xa_to_node(entry);
	}
}

/* The raw entry at @index (zero entries included). */
static void *load_raw(const struct xarray *xa, unsigned long index)
{
	unsigned int offset;
	bool found;
	struct xa_node *node = walk_to_leaf(xa, index, &offset, &found);

	if (!found)
		return NULL;
	if (!node)
		return READ_ONCE(xa->xa_head);
	return READ_ONCE(node->slots[offset]);
}

void *__xa_load_raw(struct xarray *xa, unsigned long index)
{
	return load_raw(xa, index);
}

void *xa_load(struct xarray *xa, unsigned long index)
{
	return xa_zero_to_null(load_raw(xa, index));
}
EXPORT_SYMBOL(xa_load);

/* Set @mark for the slot at @offset of @node and up the tree; and for the array. */
static void mark_up(struct xarray *xa, struct xa_node *node, unsigned int offset, xa_mark_t mark)
{
	while (node) {
		if (node_get_mark(node, offset, mark))
			return;		/* the ancestors have it already */
		node_set_mark(node, offset, mark);
		offset = node->offset;
		node = node->parent;
	}
	xa_mark_set(xa, mark);
}

/* Clear @mark for the slot, and above it as long as nothing else in the node has it. */
static void unmark_up(struct xarray *xa, struct xa_node *node, unsigned int offset, xa_mark_t mark)
{
	while (node) {
		if (!node_get_mark(node, offset, mark))
			return;
		node_clear_mark(node, offset, mark);
		if (node_any_mark(node, mark))
			return;
		offset = node->offset;
		node = node->parent;
	}
	xa_mark_clear(xa, mark);
}

/* The array's mark bits as they follow from the top node. */
static void root_marks_from(struct xarray *xa, struct xa_node *top)
{
	unsigned int m;

	for (m = 0; m < XA_MAX_MARKS; m++) {
		if (xa_track_free(xa) && m == (__force unsigned)XA_FREE_MARK)
			continue;	/* reserved in allocating arrays */
		if (top && node_any_mark(top, (__force xa_mark_t)m))
			xa_mark_set(xa, (__force xa_mark_t)m);
		else
			xa_mark_clear(xa, (__force xa_mark_t)m);
	}
}

/* Add nodes at the top until the tree reaches @index. 0 or -ENOMEM. */
static int grow(struct xarray *xa, unsigned long index, gfp_t gfp)
{
	void *head = xa->xa_head;
	unsigned int shift, m;
	struct xa_node *node;

	if (!head) {
		/* An empty tree gets one node of the right height (below it, nodes come as needed). */
		node = xa_node_alloc(xa, shift_for(index), gfp);
		if (!node)
			return -ENOMEM;
		WRITE_ONCE(xa->xa_head, xa_mk_node(node));
		return 0;
	}

	for (;;) {
		struct xa_node *top = xa_top(xa);

		if (top && node_maxindex(top->shift) >= index)
			return 0;
		shift = top ? top->shift + XA_CHUNK_SHIFT : 0;
		node = xa_node_alloc(xa, shift, gfp);
		if (!node)
			return -ENOMEM;
		/* The old head (a node, or the entry of index 0) becomes slot 0 of the new top. */
		node->slots[0] = head;
		node->count = 1;
		if (top) {
			top->parent = node;
			top->offset = 0;
			for (m = 0; m < XA_MAX_MARKS; m++)
				if (node_any_mark(top, (__force xa_mark_t)m))
					node_set_mark(node, 0, (__force xa_mark_t)m);
		} else {
			if (xa_is_value(head))
				node->nr_values = 1;
			for (m = 0; m < XA_MAX_MARKS; m++) {
				if (xa_track_free(xa) && m == (__force unsigned)XA_FREE_MARK)
					continue;
				if (xa_marked(xa, (__force xa_mark_t)m))
					node_set_mark(node, 0, (__force xa_mark_t)m);
			}
		}
		head = xa_mk_node(node);
		WRITE_ONCE(xa->xa_head, head);
	}
}

/* The leaf that holds @index, creating what is missing. NULL: out of memory. */
static struct xa_node *create_leaf(struct xarray *xa, unsigned long index, gfp_t gfp)
{
	struct xa_node *node;

	if (grow(xa, index, gfp))
		return NULL;
	node = xa_top(xa);
	while (node->shift) {
		unsigned int off = node_offset(node, index);
		void *entry = node->slots[off];

		if (!entry) {
			struct xa_node *child = xa_node_alloc(xa, node->shift - XA_CHUNK_SHIFT, gfp);

			if (!child)
				return NULL;
			child->parent = node;
			child->offset = off;
			node->count++;
			entry = xa_mk_node(child);
			WRITE_ONCE(node->slots[off], entry);
		}
		node = xa_to_node(entry);
	}
	return node;
}

/* Free empty nodes from @node up, then lower the tree while its top has only slot 0 in use. */
static void delete_and_shrink(struct xarray *xa, struct xa_node *node)
{
	while (node && node->count == 0) {
		struct xa_node *parent = node->parent;

		if (parent) {
			unsigned int m;

			WRITE_ONCE(parent->slots[node->offset], NULL);
			parent->count--;
			for (m = 0; m < XA_MAX_MARKS; m++)
				node_clear_mark(parent, node->offset, (__force xa_mark_t)m);
		} else {
			WRITE_ONCE(xa->xa_head, NULL);
		}
		xa_node_free(node);
		node = parent;
	}

	for (;;) {
		struct xa_node *top = xa_top(xa);
		void *entry;

		if (!top || top->count != 1)
			break;
		entry = top->slots[0];
		if (!entry)
			break;
		if (!xa_is_node(entry) && top->shift)
			break;
		if (!xa_is_node(entry)) {
			/* A lone entry at index 0 moves into the head; its marks into xa_flags. */
			unsigned int m;

			for (m = 0; m < XA_MAX_MARKS; m++) {
				if (xa_track_free(xa) && m == (__force unsigned)XA_FREE_MARK)
					continue;
				if (node_get_mark(top, 0, (__force xa_mark_t)m))
					xa_mark_set(xa, (__force xa_mark_t)m);
				else
					xa_mark_clear(xa, (__force xa_mark_t)m);
			}
			WRITE_ONCE(xa->xa_head, entry);
			xa_node_free(top);
			break;
		}
		xa_to_node(entry)->parent = NULL;
		WRITE_ONCE(xa->xa_head, entry);
		xa_node_free(top);
	}
	/* A lone head entry has its marks set above; otherwise they follow from the top node. */
	if (!xa->xa_head || xa_is_node(xa->xa_head))
		root_marks_from(xa, xa_top(xa));
}

/* The deepest node on the path to @index (for cleaning up after a failed allocation). */
static struct xa_node *deepest_on_path(struct xarray *xa, unsigned long index)
{
	struct xa_node *node = xa_top(xa);

	if (!node || index > node_maxindex(node->shift))
		return node;
	while (node->shift) {
		void *entry = node->slots[node_offset(node, index)];

		if (!xa_is_node(entry))
			break;
		node = xa_to_node(entry);
	}
	return node;
}

/* Remove the entry at @index; returns it (raw). */
static void *erase_raw(struct xarray *xa, unsigned long index)
{
	unsigned int offset, m;
	bool found;
	struct xa_node *node = walk_to_leaf(xa, index, &offset, &found);
	void *old;

	if (!found)
		return NULL;
	if (!node) {
		old = xa->xa_head;
		WRITE_ONCE(xa->xa_head, NULL);
		for (m = 0; m < XA_MAX_MARKS; m++) {
			if (xa_track_free(xa) && m == (__force unsigned)XA_FREE_MARK)
				continue;
			xa_mark_clear(xa, (__force xa_mark_t)m);
		}
		return old;
	}
	old = node->slots[offset];
	if (!old)
		return NULL;
	for (m = 0; m < XA_MAX_MARKS; m++)
		unmark_up(xa, node, offset, (__force xa_mark_t)m);
	WRITE_ONCE(node->slots[offset], NULL);
	node->count--;
	if (xa_is_value(old))
		node->nr_values--;
	delete_and_shrink(xa, node);
	return old;
}

/* Store non-NULL @entry at @index, keeping its marks; returns the old entry (raw) or an error. */
static void *store_raw(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	struct xa_node *node;
	unsigned int offset;
	void *old;

	if (!entry)
		return erase_raw(xa, index);

	/* Index 0 of an empty array, or the lone entry there: the head itself. */
	if (index == 0 && !xa_is_node(xa->xa_head)) {
		old = xa->xa_head;
		WRITE_ONCE(xa->xa_head, entry);
		return old;
	}

	node = create_leaf(xa, index, gfp);
	if (!node) {
		/* Nodes made on the way stay only if they hold something. */
		delete_and_shrink(xa, deepest_on_path(xa, index));
		return XA_ERROR(-ENOMEM);
	}
	offset = node_offset(node, index);
	old = node->slots[offset];
	WRITE_ONCE(node->slots[offset], entry);
	if (!old)
		node->count++;
	node->nr_values += (int)xa_is_value(entry) - (int)xa_is_value(old);
	return old;
}

void *__xa_erase(struct xarray *xa, unsigned long index)
{
	return xa_zero_to_null(erase_raw(xa, index));
}
EXPORT_SYMBOL(__xa_erase);

void *xa_erase(struct xarray *xa, unsigned long index)
{
	void *entry;

	xa_lock(xa);
	entry = __xa_erase(xa, index);
	xa_unlock(xa);

	return entry;
}
EXPORT_SYMBOL(xa_erase);

void *__xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	if (WARN_ON_ONCE(xa_is_advanced(entry)))
		return XA_ERROR(-EINVAL);
	/* In an allocating array, storing NULL keeps the index allocated. */
	if (xa_track_free(xa) && !entry)
		entry = XA_ZERO_ENTRY;

	return xa_zero_to_null(store_raw(xa, index, entry, gfp));
}
EXPORT_SYMBOL(__xa_store);

void *xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	void *curr;

	xa_lock(xa);
	curr = __xa_store(xa, index, entry, gfp);
	xa_unlock(xa);

	return curr;
}
EXPORT_SYMBOL(xa_store);

static void *__xa_cmpxchg_raw(struct xarray *xa, unsigned long index,
			      void *old, void *entry, gfp_t gfp)
{
	void *curr;

	if (WARN_ON_ONCE(xa_is_advanced(entry)))
		return XA_ERROR(-EINVAL);

	curr = load_raw(xa, index);
	if (curr == old) {
		void *err = store_raw(xa, index, entry, gfp);

		if (xa_is_err(err))
			return err;
	}
	return curr;
}

void *__xa_cmpxchg(struct xarray *xa, unsigned long index,
		   void *old, void *entry, gfp_t gfp)
{
	return xa_zero_to_null(__xa_cmpxchg_raw(xa, index, old, entry, gfp));
}
EXPORT_SYMBOL(__xa_cmpxchg);

int __xa_insert(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp)
{
	void *curr;
	int err;

	if (!entry)
		entry = XA_ZERO_ENTRY;
	curr = __xa_cmpxchg_raw(xa, index, NULL, entry, gfp);
	if (!curr)
		return 0;
	err = xa_err(curr);
	if (err)
		return err;
	return -EBUSY;
}
EXPORT_SYMBOL(__xa_insert);

/* Store @entry at every index of [first, last] (one entry per index here: no multi-index entries). */
void *xa_store_range(struct xarray *xa, unsigned long first,
		     unsigned long last, void *entry, gfp_t gfp)
{
	unsigned long index = first;
	void *ret = NULL;

	if (WARN_ON_ONCE(xa_is_internal(entry)))
		return XA_ERROR(-EINVAL);
	if (last < first)
		return XA_ERROR(-EINVAL);

	xa_lock(xa);
	for (;;) {
		void *curr = entry ? store_raw(xa, index, entry, gfp) : erase_raw(xa, index);

		if (xa_is_err(curr)) {
			ret = curr;
			break;
		}
		if (index == last)
			break;
		index++;
	}
	xa_unlock(xa);
	return ret;
}
EXPORT_SYMBOL(xa_store_range);

/* ---- Searching ---- */

/*
 * The first entry at an index in [@start, @max] below @node, whose first index is @base, that is
 * present (not NULL, not a reservation) and, unless @mark is XA_PRESENT, has @mark.
 */
static void *find_in(struct xa_node *node, unsigned long base, unsigned long start,
		     unsigned long max, xa_mark_t mark, unsigned long *found)
{
	unsigned int shift = node->shift;
	unsigned int offset = start > base ? (start - base) >> shift : 0;
	unsigned long last = (max - base) >> shift;

	if (last > XA_CHUNK_MASK)
		last = XA_CHUNK_MASK;

	for (; offset <= last; offset++) {
		unsigned long first = base + ((unsigned long)offset << shift);
		void *entry = READ_ONCE(node->slots[offset]);

		if (!entry)
			continue;
		if (mark != XA_PRESENT && !node_get_mark(node, offset, mark))
			continue;
		if (shift) {
			void *e = find_in(xa_to_node(entry), first, max_t(unsigned long, start, first),
					  max, mark, found);

			if (e)
				return e;
			continue;
		}
		if (xa_is_zero(entry))
			continue;
		*found = first;
		return entry;
	}
	return NULL;
}

/* The first present (and marked) entry at an index in [@start, @max]. */
static void *find_from(struct xarray *xa, unsigned long start, unsigned long max,
		       xa_mark_t mark, unsigned long *found)
{
	void *head = READ_ONCE(xa->xa_head);
	struct xa_node *top;

	if (start > max || !head)
		return NULL;
	if (mark != XA_PRESENT && !xa_marked(xa, mark))
		return NULL;
	if (!xa_is_node(head)) {
		if (start != 0 || xa_is_zero(head))
			return NULL;
		*found = 0;
		return head;
	}
	top = xa_to_node(head);
	if (start > node_maxindex(top->shift))
		return NULL;
	return find_in(top, 0, start, max, mark, found);
}

void *xa_find(struct xarray *xa, unsigned long *indexp,
	      unsigned long max, xa_mark_t filter)
{
	unsigned long found;
	void *entry = find_from(xa, *indexp, max, filter, &found);

	if (entry)
		*indexp = found;
	return entry;
}
EXPORT_SYMBOL(xa_find);

void *xa_find_after(struct xarray *xa, unsigned long *indexp,
		    unsigned long max, xa_mark_t filter)
{
	unsigned long found;
	void *entry;

	if (*indexp == ULONG_MAX)
		return NULL;
	entry = find_from(xa, *indexp + 1, max, filter, &found);
	if (entry)
		*indexp = found;
	return entry;
}
EXPORT_SYMBOL(xa_find_after);

/* Copy up to @n entries in [@start, @max] (present, or with @filter) to @dst; returns how many. */
unsigned int xa_extract(struct xarray *xa, void **dst, unsigned long start,
			unsigned long max, unsigned int n, xa_mark_t filter)
{
	unsigned long index = start;
	unsigned int i = 0;
	void *entry;

	if (!n)
		return 0;
	for (entry = xa_find(xa, &index, max, filter); entry;
	     entry = xa_find_after(xa, &index, max, filter)) {
		dst[i++] = entry;
		if (i == n)
			break;
	}
	return i;
}
EXPORT_SYMBOL(xa_extract);

/* ---- Marks ---- */

bool xa_get_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	void *head = READ_ONCE(xa->xa_head);
	struct xa_node *node;

	if (!xa_is_node(head))
		return index == 0 && head && xa_marked(xa, mark);
	node = xa_to_node(head);
	if (index > node_maxindex(node->shift))
		return false;
	for (;;) {
		unsigned int off = node_offset(node, index);

		if (!node_get_mark(node, off, mark))
			return false;
		if (!node->shift)
			return true;
		node = xa_to_node(READ_ONCE(node->slots[off]));
	}
}
EXPORT_SYMBOL(xa_get_mark);

void __xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	unsigned int offset;
	bool found;
	struct xa_node *node;

	if (WARN_ON_ONCE((__force unsigned)mark > (__force unsigned)XA_MARK_MAX))
		return;
	node = walk_to_leaf(xa, index, &offset, &found);
	if (!found)
		return;
	if (!node) {
		xa_mark_set(xa, mark);		/* the lone head entry */
		return;
	}
	if (node->slots[offset])
		mark_up(xa, node, offset, mark);
}
EXPORT_SYMBOL(__xa_set_mark);

void __xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	unsigned int offset;
	bool found;
	struct xa_node *node;

	if (WARN_ON_ONCE((__force unsigned)mark > (__force unsigned)XA_MARK_MAX))
		return;
	node = walk_to_leaf(xa, index, &offset, &found);
	if (!found)
		return;
	if (!node) {
		xa_mark_clear(xa, mark);
		return;
	}
	unmark_up(xa, node, offset, mark);
}
EXPORT_SYMBOL(__xa_clear_mark);

void xa_set_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	xa_lock(xa);
	__xa_set_mark(xa, index, mark);
	xa_unlock(xa);
}
EXPORT_SYMBOL(xa_set_mark);

void xa_clear_mark(struct xarray *xa, unsigned long index, xa_mark_t mark)
{
	xa_lock(xa);
	__xa_clear_mark(xa, index, mark);
	xa_unlock(xa);
}
EXPORT_SYMBOL(xa_clear_mark);

/* ---- Allocation ---- */

/* The first index in [@start, @max] below @node (first index @base) with an empty slot. */
static bool free_in(struct xa_node *node, unsigned long base, unsigned long start,
		    unsigned long max, unsigned long *found)
{
	unsigned int shift = node->shift;
	unsigned int offset = start > base ? (start - base) >> shift : 0;
	unsigned long last = (max - base) >> shift;

	if (last > XA_CHUNK_MASK)
		last = XA_CHUNK_MASK;
	if (!shift && node->count == XA_CHUNK_SIZE)
		return false;

	for (; offset <= last; offset++) {
		unsigned long first = base + ((unsigned long)offset << shift);
		void *entry = node->slots[offset];

		if (!entry) {
			*found = max_t(unsigned long, start, first);
			return true;
		}
		if (shift && free_in(xa_to_node(entry), first, max_t(unsigned long, start, first),
				     max, found))
			return true;
	}
	return false;
}

/* The first unused index in [@min, @max], or false. */
static bool find_free(struct xarray *xa, unsigned long min, unsigned long max,
		      unsigned long *found)
{
	void *head = xa->xa_head;
	struct xa_node *top;
	unsigned long reach;

	if (xa_zero_busy(xa) && min == 0)
		min = 1;
	if (min > max)
		return false;
	if (!head || (!xa_is_node(head) && min > 0)) {
		*found = min;
		return true;
	}
	if (!xa_is_node(head)) {
		if (max == 0)
			return false;
		*found = 1;
		return true;
	}
	top = xa_to_node(head);
	reach = node_maxindex(top->shift);
	if (min <= reach && free_in(top, 0, min, max, found))
		return true;
	/* Past the top node's reach everything is free. */
	if (reach < max) {
		*found = max_t(unsigned long, min, reach + 1);
		return true;
	}
	return false;
}

int __xa_alloc(struct xarray *xa, u32 *id, void *entry,
	       struct xa_limit limit, gfp_t gfp)
{
	unsigned long index;
	void *curr;

	if (WARN_ON_ONCE(xa_is_advanced(entry)))
		return -EINVAL;
	if (WARN_ON_ONCE(!xa_track_free(xa)))
		return -EINVAL;

	if (!entry)
		entry = XA_ZERO_ENTRY;

	if (!find_free(xa, limit.min, limit.max, &index))
		return -EBUSY;
	curr = store_raw(xa, index, entry, gfp);
	if (xa_is_err(curr))
		return xa_err(curr);
	*id = index;
	return 0;
}
EXPORT_SYMBOL(__xa_alloc);

int __xa_alloc_cyclic(struct xarray *xa, u32 *id, void *entry,
		      struct xa_limit limit, u32 *next, gfp_t gfp)
{
	u32 min = limit.min;
	int ret;

	limit.min = max(min, *next);
	ret = __xa_alloc(xa, id, entry, limit, gfp);
	if ((xa->xa_flags & XA_FLAGS_ALLOC_WRAPPED) && ret == 0) {
		xa->xa_flags &= ~XA_FLAGS_ALLOC_WRAPPED;
		ret = 1;
	}

	if (ret < 0 && limit.min > min) {
		/* Nothing free from *next on: start again at the bottom of the range. */
		limit.min = min;
		ret = __xa_alloc(xa, id, entry, limit, gfp);
		if (ret == 0)
			ret = 1;
	}

	if (ret >= 0) {
		*next = *id + 1;
		if (*next == 0)
			xa->xa_flags |= XA_FLAGS_ALLOC_WRAPPED;
	}
	return ret;
}
EXPORT_SYMBOL(__xa_alloc_cyclic);

/* ---- Teardown ---- */

static void free_nodes(struct xa_node *node)
{
	unsigned int i;

	if (node->shift)
		for (i = 0; i < XA_CHUNK_SIZE; i++)
			if (xa_is_node(node->slots[i]))
				free_nodes(xa_to_node(node->slots[i]));
	xa_node_free(node);
}

/* Free the tree (not the entries); the array is empty and usable afterwards. */
void xa_destroy(struct xarray *xa)
{
	unsigned long flags;
	struct xa_node *top;
	unsigned int m;

	xa_lock_irqsave(xa, flags);
	top = xa_top(xa);
	WRITE_ONCE(xa->xa_head, NULL);
	if (top)
		free_nodes(top);
	for (m = 0; m < XA_MAX_MARKS; m++) {
		if (xa_track_free(xa) && m == (__force unsigned)XA_FREE_MARK)
			continue;
		xa_mark_clear(xa, (__force xa_mark_t)m);
	}
	xa_unlock_irqrestore(xa, flags);
}
EXPORT_SYMBOL(xa_destroy);
