// SPDX-License-Identifier: GPL-2.0
/*
 * test-sort: a self-test of sort()/sort_r() (lib/sort.c), list_sort() (lib/list_sort.c) and bsearch(),
 * in the frame of Linux's lib/test_sort.c and test_list_sort.c: ordered output, a caller's swap function
 * and priv pointer, and list_sort's stability (equal keys keep their order) on lists of many lengths.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bsearch.h>
#include <linux/list.h>
#include <linux/list_sort.h>
#include <linux/prandom.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include "../selftests/kselftest_module.h"

KSTM_MODULE_GLOBALS();

#define N 1000

static int cmpint(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static int cmpint_r(const void *a, const void *b, const void *priv)
{
	int sign = *(const int *)priv;

	return sign * (*(const int *)a - *(const int *)b);
}

static unsigned int swaps;

static void swap_count(void *a, void *b, int size)
{
	int t = *(int *)a;

	*(int *)a = *(int *)b;
	*(int *)b = t;
	swaps++;
}

struct elem {
	struct list_head list;
	int key, serial;
};

static int cmp_elem(void *priv, const struct list_head *a, const struct list_head *b)
{
	(*(unsigned int *)priv)++;
	return list_entry(a, struct elem, list)->key - list_entry(b, struct elem, list)->key;
}

static void test_arrays(struct rnd_state *rs)
{
	int *a = kmalloc_array(N, sizeof(int), GFP_KERNEL), i, sign = -1, key;
	bool ordered = true;

	KSTM_CHECK(a != NULL);
	if (!a)
		return;
	for (i = 0; i < N; i++)
		a[i] = prandom_u32_state(rs) % 500;
	sort(a, N, sizeof(int), cmpint, NULL);
	for (i = 1; i < N; i++)
		ordered &= a[i - 1] <= a[i];
	KSTM_CHECK(ordered);
	key = a[N / 2];
	KSTM_CHECK(*(int *)bsearch(&key, a, N, sizeof(int), cmpint) == key);
	key = 777;
	KSTM_CHECK(bsearch(&key, a, N, sizeof(int), cmpint) == NULL);

	sort_r(a, N, sizeof(int), cmpint_r, NULL, &sign);
	for (ordered = true, i = 1; i < N; i++)
		ordered &= a[i - 1] >= a[i];
	KSTM_CHECK(ordered);

	for (i = 0; i < N; i++)
		a[i] = N - i;
	swaps = 0;
	sort(a, N, sizeof(int), cmpint, swap_count);
	for (ordered = true, i = 0; i < N; i++)
		ordered &= a[i] == i + 1;
	KSTM_CHECK(ordered && swaps > 0);
	kfree(a);
}

static void test_lists(struct rnd_state *rs)
{
	static const unsigned int lengths[] = { 0, 1, 2, 3, 10, 100, 513, 1000 };
	struct elem *el = kmalloc_array(N, sizeof(*el), GFP_KERNEL);
	unsigned int li, i, calls;

	KSTM_CHECK(el != NULL);
	if (!el)
		return;
	for (li = 0; li < ARRAY_SIZE(lengths); li++) {
		unsigned int n = lengths[li], count = 0;
		struct elem *e, *prev = NULL;
		bool ok = true;
		LIST_HEAD(head);

		for (i = 0; i < n; i++) {
			el[i].key = prandom_u32_state(rs) % (n / 4 + 1);	/* many equal keys */
			el[i].serial = i;
			list_add_tail(&el[i].list, &head);
		}
		calls = 0;
		list_sort(&calls, &head, cmp_elem);
		list_for_each_entry(e, &head, list) {
			if (prev && (prev->key > e->key || (prev->key == e->key && prev->serial > e->serial)))
				ok = false;
			/* The list is still doubly linked both ways. */
			if (e->list.prev->next != &e->list)
				ok = false;
			prev = e;
			count++;
		}
		KSTM_CHECK(ok && count == n && head.prev->next == &head);
		KSTM_CHECK(n < 2 || calls > 0);
	}
	kfree(el);
}

static void selftest(void)
{
	struct rnd_state rs;

	prandom_seed_state(&rs, 3);
	test_arrays(&rs);
	test_lists(&rs);
}

KSTM_MODULE_LOADERS(test_sort);
MODULE_DESCRIPTION("sort(), sort_r(), list_sort() and bsearch() test");
MODULE_LICENSE("GPL");
