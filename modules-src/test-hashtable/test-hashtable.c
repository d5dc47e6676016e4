// SPDX-License-Identifier: GPL-2.0
/*
 * test-hashtable: a self-test of <linux/hash.h> and <linux/hashtable.h> (after Linux's
 * lib/test_hash.c and lib/hashtable_test.c). The hash values are Linux's: multiplication by
 * GOLDEN_RATIO_32, high bits kept; hash_64() as on 32-bit Linux. Each failed check prints
 * "BUG at FUNC:LINE: CHECK"; the last line is "hashtable: N of M tests passed", and init returns 0
 * only if all passed (-EINVAL otherwise).
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/hash.h>
#include <linux/hashtable.h>
#include <linux/slab.h>
#include "../selftests/selftest_counts.h"

#define HT_CHECK(x) SELFTEST_CHECK(x)

struct entry {
	int key;
	int data;
	struct hlist_node node;
	int visited;
};

static DEFINE_HASHTABLE(global_table, 3);

static void test_hash(void)
{
	u32 i;
	bool ok = true;

	HT_CHECK(GOLDEN_RATIO_32 == 0x61C88647);
	HT_CHECK(GOLDEN_RATIO_64 == 0x61C8864680B583EBull);
	HT_CHECK(GOLDEN_RATIO_PRIME == GOLDEN_RATIO_32);	/* BITS_PER_LONG == 32 */
	HT_CHECK(hash_32(1, 32) == 0x61C88647);
	HT_CHECK(hash_32(0x12345678, 10) == 0x1de);
	HT_CHECK(hash_32(0xdeadbeef, 32) == 0x6dd90e49);
	HT_CHECK(hash_32(42, 7) == 0x5);
	HT_CHECK(hash_32(0x1000, 8) == 0x88);
	HT_CHECK(hash_64(0x123456789abcdef0ull, 16) == 0xe23a);
	HT_CHECK(hash_64(0xffffffffffffffffull, 32) == 0x8195e16a);
	HT_CHECK(hash_long(0x12345678UL, 10) == hash_32(0x12345678, 10));
	HT_CHECK(hash_ptr((void *)0x1000, 8) == 0x88);
	HT_CHECK(hash32_ptr((void *)0x1234) == 0x1234);
	HT_CHECK(__hash_32(3) == 3u * GOLDEN_RATIO_32);

	/* Every result fits in @bits, for every width. */
	for (i = 1; i <= 32 && ok; i++) {
		u32 m = i == 32 ? ~0u : (1u << i) - 1;

		if ((hash_32(0xfeedface + i, i) & ~m) || (hash_64(0xfeedfacecafebeefull * i, i) & ~m))
			ok = false;
	}
	HT_CHECK(ok);
}

static void test_table(void)
{
	DEFINE_HASHTABLE(hash, 3);
	DECLARE_HASHTABLE(dyn, 4);
	struct entry a[20], *x, *y;
	struct hlist_node *tmp;
	int bkt, count, i;
	u64 key64 = 0x100000005ull;
	bool ok;

	HT_CHECK(HASH_SIZE(hash) == 8 && HASH_BITS(hash) == 3);
	HT_CHECK(HASH_SIZE(dyn) == 16 && HASH_BITS(dyn) == 4);
	HT_CHECK(hash_empty(hash));
	hash_init(dyn);
	HT_CHECK(hash_empty(dyn));
	HT_CHECK(hash_empty(global_table));

	for (i = 0; i < 20; i++) {
		a[i].key = i % 10;	/* two entries per key */
		a[i].data = i;
		a[i].visited = 0;
		INIT_HLIST_NODE(&a[i].node);
		HT_CHECK(!hash_hashed(&a[i].node));
		hash_add(hash, &a[i].node, a[i].key);
	}
	HT_CHECK(!hash_empty(hash) && hash_hashed(&a[3].node));

	/* Each entry sits in the bucket its key hashes to. */
	ok = true;
	for (i = 0; i < 20; i++) {
		bool found = false;
		struct entry *e;

		hlist_for_each_entry(e, &hash[hash_min(a[i].key, 3)], node)
			if (e == &a[i])
				found = true;
		if (!found)
			ok = false;
	}
	HT_CHECK(ok);
	HT_CHECK(hash_min((u64)5, 3) == hash_long((u64)5, 3) && hash_min(5, 3) == hash_32(5, 3));

	count = 0;
	hash_for_each(hash, bkt, x, node) {
		x->visited++;
		count++;
	}
	HT_CHECK(count == 20);
	ok = true;
	for (i = 0; i < 20; i++)
		if (a[i].visited != 1)
			ok = false;
	HT_CHECK(ok);

	/* A break leaves the entry found, across buckets too. */
	hash_for_each(hash, bkt, x, node)
		if (x->data == 13)
			break;
	HT_CHECK(x && x->data == 13);

	/* hash_for_each_possible: the bucket of key 4 holds both key-4 entries (and maybe others). */
	count = 0;
	hash_for_each_possible(hash, x, node, 4)
		if (x->key == 4)
			count++;
	HT_CHECK(count == 2);

	/* Remove the entries of key 7 while walking their bucket. */
	hash_for_each_possible_safe(hash, x, tmp, node, 7)
		if (x->key == 7)
			hash_del(&x->node);
	HT_CHECK(!hash_hashed(&a[7].node) && !hash_hashed(&a[17].node));
	count = 0;
	hash_for_each_possible(hash, y, node, 7)
		if (y->key == 7)
			count++;
	HT_CHECK(count == 0);

	/* Remove everything with hash_for_each_safe. */
	count = 0;
	hash_for_each_safe(hash, bkt, tmp, x, node) {
		hash_del(&x->node);
		count++;
	}
	HT_CHECK(count == 18);
	HT_CHECK(hash_empty(hash));

	/* The file-scope table and a 64-bit key (hash_long() of its low 32 bits, as on 32-bit Linux). */
	a[0].key = 0;
	hash_add(global_table, &a[0].node, key64);
	HT_CHECK(global_table[hash_32(5, 3)].first == &a[0].node);
	count = 0;
	hash_for_each_possible(global_table, x, node, key64)
		count++;
	HT_CHECK(count == 1 && !hash_empty(global_table));
	hash_del(&a[0].node);
	HT_CHECK(hash_empty(global_table));
}

static int __init test_hashtable_init(void)
{
	test_hash();
	test_table();

	pr_info("hashtable: %u of %u tests passed\n", tests_passed, tests_run);
	return (tests_run == tests_passed) ? 0 : -EINVAL;
}

static void __exit test_hashtable_exit(void)
{
}

module_init(test_hashtable_init);
module_exit(test_hashtable_exit);
MODULE_DESCRIPTION("hash.h and hashtable.h self-test");
MODULE_LICENSE("GPL");
