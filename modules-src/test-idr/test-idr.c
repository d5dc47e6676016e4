// SPDX-License-Identifier: GPL-2.0+
/*
 * test-idr: a self-test of the IDR and the IDA (<linux/idr.h>), after Linux's lib/test_ida.c and the
 * IDR tests of tools/testing/radix-tree/idr-test.c. Each failed check prints "BUG at FUNC:LINE";
 * the summary lines are "IDR: N of M tests passed" and "IDA: N of M tests passed", and init returns
 * 0 only if all passed (-EINVAL otherwise).
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/idr.h>
#include <linux/slab.h>

static unsigned int tests_run, tests_passed;

#define IDR_BUG_ON(x) do {					\
	tests_run++;						\
	if (x)							\
		pr_err("BUG at %s:%d: %s\n", __func__, __LINE__, #x); \
	else							\
		tests_passed++;					\
} while (0)
#define IDA_BUG_ON(ida, x) IDR_BUG_ON(x)

static DEFINE_IDR(idr0);
static DEFINE_IDA(ida0);

static int obj[2000];

static int sum_ids(int id, void *p, void *data)
{
	*(long *)data += id;
	return 0;
}

static int stop_at_three(int id, void *p, void *data)
{
	(*(int *)data)++;
	return id == 3 ? -42 : 0;
}

static noinline void idr_basic(struct idr *idr)
{
	void *p;
	long sum = 0;
	int id, i, calls = 0;

	IDR_BUG_ON(!idr_is_empty(idr));
	IDR_BUG_ON(idr_alloc(idr, &obj[0], 0, 0, GFP_KERNEL) != 0);
	IDR_BUG_ON(idr_alloc(idr, &obj[1], 0, 0, GFP_KERNEL) != 1);
	IDR_BUG_ON(idr_alloc(idr, &obj[2], 0, 0, GFP_KERNEL) != 2);
	IDR_BUG_ON(idr_is_empty(idr));
	IDR_BUG_ON(idr_find(idr, 1) != &obj[1]);
	IDR_BUG_ON(idr_find(idr, 3) != NULL);

	/* [start, end): end is exclusive; full range -ENOSPC. */
	IDR_BUG_ON(idr_alloc(idr, &obj[10], 10, 12, GFP_KERNEL) != 10);
	IDR_BUG_ON(idr_alloc(idr, &obj[11], 10, 12, GFP_KERNEL) != 11);
	IDR_BUG_ON(idr_alloc(idr, &obj[12], 10, 12, GFP_KERNEL) != -ENOSPC);
	IDR_BUG_ON(idr_alloc(idr, &obj[3], 1, 3, GFP_KERNEL) != -ENOSPC);

	/* Remove returns the pointer; the lowest free ID is reused. */
	IDR_BUG_ON(idr_remove(idr, 1) != &obj[1]);
	IDR_BUG_ON(idr_remove(idr, 1) != NULL);
	IDR_BUG_ON(idr_find(idr, 1) != NULL);
	IDR_BUG_ON(idr_alloc(idr, &obj[5], 0, 0, GFP_KERNEL) != 1);

	/* A NULL pointer reserves its ID. */
	IDR_BUG_ON(idr_alloc(idr, NULL, 0, 0, GFP_KERNEL) != 3);
	IDR_BUG_ON(idr_find(idr, 3) != NULL);
	IDR_BUG_ON(idr_alloc(idr, &obj[4], 0, 0, GFP_KERNEL) != 4);

	/* idr_replace: the old pointer, NULL for a reserved ID, -ENOENT for a free one. */
	IDR_BUG_ON(idr_replace(idr, &obj[6], 1) != &obj[5]);
	IDR_BUG_ON(idr_find(idr, 1) != &obj[6]);
	IDR_BUG_ON(idr_replace(idr, &obj[3], 3) != NULL);
	IDR_BUG_ON(idr_find(idr, 3) != &obj[3]);
	p = idr_replace(idr, &obj[7], 7);
	IDR_BUG_ON(!IS_ERR(p) || PTR_ERR(p) != -ENOENT);
	IDR_BUG_ON(idr_find(idr, 7) != NULL);
	IDR_BUG_ON(idr_replace(idr, NULL, 4) != &obj[4]);
	IDR_BUG_ON(idr_find(idr, 4) != NULL);
	IDR_BUG_ON(idr_alloc(idr, &obj[8], 0, 0, GFP_KERNEL) != 5);

	/* Walks: IDs 0, 1, 2, 3, 5, 10, 11 have pointers; 4 is reserved with NULL. */
	idr_for_each(idr, sum_ids, &sum);
	IDR_BUG_ON(sum != 0 + 1 + 2 + 3 + 5 + 10 + 11);
	IDR_BUG_ON(idr_for_each(idr, stop_at_three, &calls) != -42 || calls != 4);
	i = 0;
	sum = 0;
	idr_for_each_entry(idr, p, id) {
		i++;
		sum += id;
		if (p != idr_find(idr, id))
			sum = -1000;
	}
	IDR_BUG_ON(i != 7 || sum != 32);
	id = 6;
	IDR_BUG_ON(idr_get_next(idr, &id) != &obj[10] || id != 10);
	id = 12;
	IDR_BUG_ON(idr_get_next(idr, &id) != NULL);
	id = 3;
	i = 0;
	idr_for_each_entry_continue(idr, p, id)
		i++;
	IDR_BUG_ON(i != 4);
	{
		unsigned long tmp, uid;

		i = 0;
		idr_for_each_entry_ul(idr, p, tmp, uid)
			i++;
		IDR_BUG_ON(i != 7);
	}

	idr_destroy(idr);
	IDR_BUG_ON(!idr_is_empty(idr));
	IDR_BUG_ON(idr_find(idr, 0) != NULL);
}

static noinline void idr_limits(struct idr *idr)
{
	u32 id;

	IDR_BUG_ON(idr_alloc(idr, &obj[0], INT_MAX, 0, GFP_KERNEL) != INT_MAX);
	IDR_BUG_ON(idr_alloc(idr, &obj[0], INT_MAX, 0, GFP_KERNEL) != -ENOSPC);
	IDR_BUG_ON(idr_alloc(idr, &obj[1], INT_MAX - 1, 0, GFP_KERNEL) != INT_MAX - 1);
	IDR_BUG_ON(idr_find(idr, INT_MAX) != &obj[0]);
	idr_destroy(idr);

	/* idr_alloc_u32 goes up to @max inclusive, beyond INT_MAX. */
	id = UINT_MAX - 1;
	IDR_BUG_ON(idr_alloc_u32(idr, &obj[2], &id, UINT_MAX, GFP_KERNEL) != 0 || id != UINT_MAX - 1);
	id = 0;
	IDR_BUG_ON(idr_alloc_u32(idr, &obj[2], &id, 0, GFP_KERNEL) != 0 || id != 0);
	IDR_BUG_ON(idr_alloc_u32(idr, &obj[2], &id, 0, GFP_KERNEL) != -ENOSPC);
	idr_destroy(idr);
	IDR_BUG_ON(!idr_is_empty(idr));
}

static noinline void idr_cyclic(struct idr *idr)
{
	int i;

	for (i = 1; i <= 3; i++)
		IDR_BUG_ON(idr_alloc_cyclic(idr, &obj[i], 1, 4, GFP_KERNEL) != i);
	IDR_BUG_ON(idr_get_cursor(idr) != 4);
	IDR_BUG_ON(idr_alloc_cyclic(idr, &obj[4], 1, 4, GFP_KERNEL) != -ENOSPC);
	idr_remove(idr, 2);
	/* Wraps round to the start. */
	IDR_BUG_ON(idr_alloc_cyclic(idr, &obj[2], 1, 4, GFP_KERNEL) != 2);
	idr_remove(idr, 1);
	idr_remove(idr, 2);
	/* From the cursor (3): 3 is in use, 4 out of range, wrap: 1. */
	IDR_BUG_ON(idr_alloc_cyclic(idr, &obj[1], 1, 4, GFP_KERNEL) != 1);
	IDR_BUG_ON(idr_alloc_cyclic(idr, &obj[2], 1, 4, GFP_KERNEL) != 2);
	/* Unlike idr_alloc, freed IDs are not reused at once. */
	idr_destroy(idr);
	idr_set_cursor(idr, 0);
	IDR_BUG_ON(idr_alloc_cyclic(idr, &obj[0], 0, 0, GFP_KERNEL) != 0);
	IDR_BUG_ON(idr_alloc_cyclic(idr, &obj[1], 0, 0, GFP_KERNEL) != 1);
	idr_remove(idr, 0);
	IDR_BUG_ON(idr_alloc_cyclic(idr, &obj[2], 0, 0, GFP_KERNEL) != 2);
	idr_destroy(idr);
}

static noinline void idr_based(void)
{
	struct idr idr;
	long sum = 0;
	void *p;
	int id;

	/* IDs from 1: ID 0 is never handed out. */
	idr_init_base(&idr, 1);
	IDR_BUG_ON(idr_alloc(&idr, &obj[1], 0, 0, GFP_KERNEL) != 1);
	IDR_BUG_ON(idr_alloc(&idr, &obj[2], 0, 0, GFP_KERNEL) != 2);
	IDR_BUG_ON(idr_alloc(&idr, &obj[9], 9, 10, GFP_KERNEL) != 9);
	IDR_BUG_ON(idr_find(&idr, 0) != NULL);
	IDR_BUG_ON(idr_find(&idr, 1) != &obj[1] || idr_find(&idr, 9) != &obj[9]);
	idr_for_each(&idr, sum_ids, &sum);
	IDR_BUG_ON(sum != 12);
	id = 0;
	IDR_BUG_ON(idr_get_next(&idr, &id) != &obj[1] || id != 1);
	id = 3;
	p = idr_get_next(&idr, &id);
	IDR_BUG_ON(p != &obj[9] || id != 9);
	IDR_BUG_ON(idr_replace(&idr, &obj[3], 2) != &obj[2]);
	IDR_BUG_ON(idr_remove(&idr, 0) != NULL);
	IDR_BUG_ON(idr_remove(&idr, 2) != &obj[3]);
	IDR_BUG_ON(idr_alloc(&idr, &obj[2], 0, 0, GFP_KERNEL) != 2);
	IDR_BUG_ON(idr_alloc(&idr, &obj[0], 0, 2, GFP_KERNEL) != -ENOSPC);
	idr_destroy(&idr);
	IDR_BUG_ON(!idr_is_empty(&idr));
}

static noinline void idr_many(struct idr *idr)
{
	int i, id;
	bool ok = true;

	for (i = 0; i < 2000; i++)
		if (idr_alloc(idr, &obj[i], 0, 0, GFP_KERNEL) != i)
			ok = false;
	IDR_BUG_ON(!ok);
	for (i = 0; i < 2000; i += 3)
		if (idr_remove(idr, i) != &obj[i])
			ok = false;
	IDR_BUG_ON(!ok);
	/* The holes are filled lowest first. */
	for (i = 0; i < 2000; i += 3) {
		id = idr_alloc(idr, &obj[i], 0, 0, GFP_KERNEL);
		if (id != i)
			ok = false;
	}
	IDR_BUG_ON(!ok);
	IDR_BUG_ON(idr_alloc(idr, &obj[0], 0, 0, GFP_KERNEL) != 2000);
	for (i = 0; i < 2000; i++)
		if (idr_find(idr, i) != &obj[i])
			ok = false;
	IDR_BUG_ON(!ok);
	for (i = 0; i <= 2000; i++)
		idr_remove(idr, i);
	IDR_BUG_ON(!idr_is_empty(idr));
}

static noinline void ida_check_alloc(struct ida *ida)
{
	int i, id;
	bool ok = true;

	IDA_BUG_ON(ida, !ida_is_empty(ida));
	for (i = 0; i < 10; i++)
		if (ida_alloc(ida, GFP_KERNEL) != i)
			ok = false;
	IDA_BUG_ON(ida, !ok);
	IDA_BUG_ON(ida, ida_is_empty(ida));
	ida_free(ida, 5);
	ida_free(ida, 3);
	IDA_BUG_ON(ida, ida_alloc(ida, GFP_KERNEL) != 3);
	IDA_BUG_ON(ida, ida_alloc(ida, GFP_KERNEL) != 5);
	IDA_BUG_ON(ida, ida_alloc(ida, GFP_KERNEL) != 10);

	/* ida_alloc_max: nothing free up to 9. */
	IDA_BUG_ON(ida, ida_alloc_max(ida, 9, GFP_KERNEL) != -ENOSPC);
	IDA_BUG_ON(ida, ida_alloc_max(ida, 11, GFP_KERNEL) != 11);
	/* ida_alloc_min: a chunk of its own, and across a chunk's end. */
	IDA_BUG_ON(ida, ida_alloc_min(ida, 5000, GFP_KERNEL) != 5000);
	IDA_BUG_ON(ida, ida_alloc_min(ida, 1023, GFP_KERNEL) != 1023);
	IDA_BUG_ON(ida, ida_alloc_min(ida, 1023, GFP_KERNEL) != 1024);
	IDA_BUG_ON(ida, ida_alloc_min(ida, 5000, GFP_KERNEL) != 5001);
	IDA_BUG_ON(ida, ida_alloc(ida, GFP_KERNEL) != 12);
	for (i = 0; i <= 12; i++)
		ida_free(ida, i);
	ida_free(ida, 1023);
	ida_free(ida, 1024);
	ida_free(ida, 5000);
	ida_free(ida, 5001);
	IDA_BUG_ON(ida, !ida_is_empty(ida));

	/* A full chunk and more: consecutive IDs. */
	for (i = 0; i < 3000; i++) {
		id = ida_alloc(ida, GFP_KERNEL);
		if (id != i)
			ok = false;
	}
	IDA_BUG_ON(ida, !ok);
	ida_free(ida, 2047);
	IDA_BUG_ON(ida, ida_alloc_min(ida, 1500, GFP_KERNEL) != 2047);
	for (i = 0; i < 3000; i++)
		ida_free(ida, i);
	IDA_BUG_ON(ida, !ida_is_empty(ida));
}

static noinline void ida_check_range(struct ida *ida)
{
	/* Errors: -ENOSPC for an empty range or a minimum above INT_MAX. */
	IDA_BUG_ON(ida, ida_alloc_range(ida, 5, 3, GFP_KERNEL) != -ENOSPC);
	IDA_BUG_ON(ida, ida_alloc_range(ida, (unsigned int)INT_MAX + 1, UINT_MAX, GFP_KERNEL) != -ENOSPC);
	IDA_BUG_ON(ida, ida_alloc_min(ida, UINT_MAX, GFP_KERNEL) != -ENOSPC);
	IDA_BUG_ON(ida, !ida_is_empty(ida));

	/* A maximum above INT_MAX means INT_MAX. */
	IDA_BUG_ON(ida, ida_alloc_range(ida, INT_MAX, UINT_MAX, GFP_KERNEL) != INT_MAX);
	IDA_BUG_ON(ida, ida_alloc_range(ida, INT_MAX, UINT_MAX, GFP_KERNEL) != -ENOSPC);
	IDA_BUG_ON(ida, ida_alloc_range(ida, INT_MAX - 1, INT_MAX, GFP_KERNEL) != INT_MAX - 1);
	IDA_BUG_ON(ida, ida_alloc_range(ida, INT_MAX - 1, INT_MAX, GFP_KERNEL) != -ENOSPC);
	ida_free(ida, INT_MAX);
	IDA_BUG_ON(ida, ida_alloc_min(ida, INT_MAX - 1, GFP_KERNEL) != INT_MAX);
	ida_free(ida, INT_MAX);
	ida_free(ida, INT_MAX - 1);
	IDA_BUG_ON(ida, !ida_is_empty(ida));

	/* One-ID ranges. */
	IDA_BUG_ON(ida, ida_alloc_range(ida, 100, 100, GFP_KERNEL) != 100);
	IDA_BUG_ON(ida, ida_alloc_range(ida, 100, 100, GFP_KERNEL) != -ENOSPC);
	IDA_BUG_ON(ida, ida_alloc_range(ida, 99, 101, GFP_KERNEL) != 99);
	IDA_BUG_ON(ida, ida_alloc_range(ida, 99, 101, GFP_KERNEL) != 101);
	IDA_BUG_ON(ida, ida_alloc_range(ida, 99, 101, GFP_KERNEL) != -ENOSPC);
	ida_destroy(ida);
	IDA_BUG_ON(ida, !ida_is_empty(ida));
	IDA_BUG_ON(ida, ida_alloc_range(ida, 99, 101, GFP_KERNEL) != 99);
	ida_destroy(ida);
}

static noinline void ida_check_local(void)
{
	struct ida ida;

	ida_init(&ida);
	IDA_BUG_ON(&ida, !ida_is_empty(&ida));
	IDA_BUG_ON(&ida, ida_alloc(&ida, GFP_KERNEL) != 0);
	IDA_BUG_ON(&ida, ida_alloc_min(&ida, 1UL << 20, GFP_KERNEL) != 1 << 20);
	ida_destroy(&ida);
	IDA_BUG_ON(&ida, !ida_is_empty(&ida));
}

static bool run_warn_tests;
module_param(run_warn_tests, bool, 0444);
MODULE_PARM_DESC(run_warn_tests, "Also run the checks that WARN by design");

static noinline int __init test_idr_init(void)
{
	unsigned int idr_run, idr_passed;

	idr_basic(&idr0);
	idr_limits(&idr0);
	idr_cyclic(&idr0);
	idr_based();
	idr_many(&idr0);
	idr_run = tests_run;
	idr_passed = tests_passed;
	pr_info("IDR: %u of %u tests passed\n", idr_passed, idr_run);

	tests_run = tests_passed = 0;
	ida_check_alloc(&ida0);
	ida_check_range(&ida0);
	ida_check_local();
	if (run_warn_tests) {
		/* Freeing an ID that is not allocated: Linux's WARN, nothing else happens. */
		ida_free(&ida0, 77);
		IDA_BUG_ON(&ida0, !ida_is_empty(&ida0));
	}
	pr_info("IDA: %u of %u tests passed\n", tests_passed, tests_run);

	return (idr_run == idr_passed && tests_run == tests_passed) ? 0 : -EINVAL;
}

static void __exit test_idr_exit(void)
{
}

module_init(test_idr_init);
module_exit(test_idr_exit);
MODULE_AUTHOR("lkm-wasm");
MODULE_DESCRIPTION("IDR and IDA self-test");
MODULE_LICENSE("GPL");
