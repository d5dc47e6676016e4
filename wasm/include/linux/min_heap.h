/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MIN_HEAP_H_
#define _LINUX_MIN_HEAP_H_

#include <linux/bug.h>
#include <linux/container_of.h>
#include <linux/string.h>
#include <linux/types.h>

/*
 * A binary min-heap over a caller's array (Linux 6.12's linux/min_heap.h): the element that "less" puts
 * first is at data[0]. A heap type is declared per element type with DEFINE_MIN_HEAP(type, name); the
 * macros take the heap and pass its element size, so the functions work on any of them.
 */
#define MIN_HEAP_PREALLOCATED(_type, _name, _nr)	\
struct _name {						\
	int nr;						\
	int size;					\
	_type *data;					\
	_type preallocated[_nr];			\
}

#define DEFINE_MIN_HEAP(_type, _name) MIN_HEAP_PREALLOCATED(_type, _name, 0)

typedef DEFINE_MIN_HEAP(char, min_heap_char) min_heap_char;

#define __minheap_cast(_heap)		(typeof((_heap)->data[0]) *)
#define __minheap_obj_size(_heap)	sizeof((_heap)->data[0])

/* less(): whether lhs goes before rhs; swp(): exchange two elements (NULL: a byte-wise swap). */
struct min_heap_callbacks {
	bool (*less)(const void *lhs, const void *rhs, void *args);
	void (*swp)(void *lhs, void *rhs, void *args);
};

static __always_inline void __min_heap_swap(void *a, void *b, size_t size, const struct min_heap_callbacks *func,
					    void *args)
{
	char *x = a, *y = b;

	if (func->swp) {
		func->swp(a, b, args);
		return;
	}
	while (size--) {
		char t = *x;

		*x++ = *y;
		*y++ = t;
	}
}

static __always_inline void __min_heap_init(min_heap_char *heap, void *data, int size)
{
	heap->nr = 0;
	heap->size = size;
	heap->data = data ? data : heap->preallocated;
}
#define min_heap_init(_heap, _data, _size) \
	__min_heap_init(container_of(&(_heap)->nr, min_heap_char, nr), _data, _size)

static __always_inline void *__min_heap_peek(struct min_heap_char *heap)
{
	return heap->nr ? heap->data : NULL;
}
#define min_heap_peek(_heap) \
	(__minheap_cast(_heap) __min_heap_peek(container_of(&(_heap)->nr, min_heap_char, nr)))

static __always_inline bool __min_heap_full(min_heap_char *heap)
{
	return heap->nr == heap->size;
}
#define min_heap_full(_heap) __min_heap_full(container_of(&(_heap)->nr, min_heap_char, nr))

/* Moves the element at @pos down until neither child goes before it. */
static __always_inline void __min_heap_sift_down(min_heap_char *heap, int pos, size_t elem_size,
						 const struct min_heap_callbacks *func, void *args)
{
	char *data = heap->data;

	for (;;) {
		int l = 2 * pos + 1, r = l + 1, best = pos;

		if (l < heap->nr && func->less(data + l * elem_size, data + best * elem_size, args))
			best = l;
		if (r < heap->nr && func->less(data + r * elem_size, data + best * elem_size, args))
			best = r;
		if (best == pos)
			return;
		__min_heap_swap(data + pos * elem_size, data + best * elem_size, elem_size, func, args);
		pos = best;
	}
}
#define min_heap_sift_down(_heap, _pos, _func, _args) \
	__min_heap_sift_down(container_of(&(_heap)->nr, min_heap_char, nr), _pos, __minheap_obj_size(_heap), _func, _args)
#define min_heapify(_heap, _pos, _func, _args) min_heap_sift_down(_heap, _pos, _func, _args)

/* Moves the element at @idx up while it goes before its parent. */
static __always_inline void __min_heap_sift_up(min_heap_char *heap, size_t elem_size, size_t idx,
					       const struct min_heap_callbacks *func, void *args)
{
	char *data = heap->data;

	while (idx) {
		size_t parent = (idx - 1) / 2;

		if (!func->less(data + idx * elem_size, data + parent * elem_size, args))
			break;
		__min_heap_swap(data + idx * elem_size, data + parent * elem_size, elem_size, func, args);
		idx = parent;
	}
}
#define min_heap_sift_up(_heap, _idx, _func, _args) \
	__min_heap_sift_up(container_of(&(_heap)->nr, min_heap_char, nr), __minheap_obj_size(_heap), _idx, _func, _args)

/* Makes the whole array a heap. */
static __always_inline void __min_heapify_all(min_heap_char *heap, size_t elem_size,
					      const struct min_heap_callbacks *func, void *args)
{
	int i;

	for (i = heap->nr / 2 - 1; i >= 0; i--)
		__min_heap_sift_down(heap, i, elem_size, func, args);
}
#define min_heapify_all(_heap, _func, _args) \
	__min_heapify_all(container_of(&(_heap)->nr, min_heap_char, nr), __minheap_obj_size(_heap), _func, _args)

/* Removes the first element; false if the heap is empty. */
static __always_inline bool __min_heap_pop(min_heap_char *heap, size_t elem_size,
					   const struct min_heap_callbacks *func, void *args)
{
	char *data = heap->data;

	if (WARN_ONCE(heap->nr <= 0, "Popping an empty heap"))
		return false;
	heap->nr--;
	memcpy(data, data + heap->nr * elem_size, elem_size);
	__min_heap_sift_down(heap, 0, elem_size, func, args);
	return true;
}
#define min_heap_pop(_heap, _func, _args) \
	__min_heap_pop(container_of(&(_heap)->nr, min_heap_char, nr), __minheap_obj_size(_heap), _func, _args)

/* Replaces the first element by @element (a pop then a push, in one sift). */
static __always_inline void __min_heap_pop_push(min_heap_char *heap, const void *element, size_t elem_size,
						const struct min_heap_callbacks *func, void *args)
{
	memcpy(heap->data, element, elem_size);
	__min_heap_sift_down(heap, 0, elem_size, func, args);
}
#define min_heap_pop_push(_heap, _element, _func, _args) \
	__min_heap_pop_push(container_of(&(_heap)->nr, min_heap_char, nr), _element, __minheap_obj_size(_heap), _func, _args)

/* Adds @element; false if the heap is full. */
static __always_inline bool __min_heap_push(min_heap_char *heap, const void *element, size_t elem_size,
					    const struct min_heap_callbacks *func, void *args)
{
	char *data = heap->data;

	if (WARN_ONCE(heap->nr >= heap->size, "Pushing on a full heap"))
		return false;
	memcpy(data + heap->nr * elem_size, element, elem_size);
	heap->nr++;
	__min_heap_sift_up(heap, elem_size, heap->nr - 1, func, args);
	return true;
}
#define min_heap_push(_heap, _element, _func, _args) \
	__min_heap_push(container_of(&(_heap)->nr, min_heap_char, nr), _element, __minheap_obj_size(_heap), _func, _args)

/* Removes the element at @idx; false if @idx is out of the heap. */
static __always_inline bool __min_heap_del(min_heap_char *heap, size_t elem_size, size_t idx,
					   const struct min_heap_callbacks *func, void *args)
{
	char *data = heap->data;

	if (WARN_ONCE(heap->nr <= 0, "Popping an empty heap"))
		return false;
	if (WARN_ON_ONCE(idx >= (size_t)heap->nr))
		return false;
	heap->nr--;
	if (idx == (size_t)heap->nr)
		return true;
	__min_heap_swap(data + idx * elem_size, data + heap->nr * elem_size, elem_size, func, args);
	__min_heap_sift_up(heap, elem_size, idx, func, args);
	__min_heap_sift_down(heap, idx, elem_size, func, args);
	return true;
}
#define min_heap_del(_heap, _idx, _func, _args) \
	__min_heap_del(container_of(&(_heap)->nr, min_heap_char, nr), __minheap_obj_size(_heap), _idx, _func, _args)

#endif /* _LINUX_MIN_HEAP_H_ */
