// SPDX-License-Identifier: GPL-2.0
/*
 * test-llist: a self-test of the lock-less lists of <linux/llist.h>. Each failed check prints
 * "BUG at FUNC:LINE: CHECK"; the last line is "llist: N of M tests passed", and init returns 0 only
 * if all passed (-EINVAL otherwise).
 */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/llist.h>
#include "../selftests/selftest_counts.h"

#define LL_CHECK(x) SELFTEST_CHECK(x)

struct item {
	int v;
	struct llist_node ll;
};

static LLIST_HEAD(global_list);

static void test_llist(void)
{
	struct llist_head head;
	struct item it[8], *pos, *n;
	struct llist_node *first, *node, *nx;
	int i, sum, order[8], k;
	bool ok;

	init_llist_head(&head);
	LL_CHECK(llist_empty(&head));
	LL_CHECK(llist_empty(&global_list));
	LL_CHECK(llist_del_first(&head) == NULL);
	LL_CHECK(llist_del_all(&head) == NULL);

	for (i = 0; i < 8; i++) {
		it[i].v = i;
		init_llist_node(&it[i].ll);
	}
	LL_CHECK(!llist_on_list(&it[0].ll));

	/* llist_add: true only for the first entry (the list was empty). */
	LL_CHECK(llist_add(&it[0].ll, &head) == true);
	LL_CHECK(llist_add(&it[1].ll, &head) == false);
	LL_CHECK(llist_add(&it[2].ll, &head) == false);
	LL_CHECK(!llist_empty(&head) && llist_on_list(&it[1].ll));

	/* LIFO: newest first. */
	k = 0;
	llist_for_each_entry(pos, head.first, ll)
		order[k++] = pos->v;
	LL_CHECK(k == 3 && order[0] == 2 && order[1] == 1 && order[2] == 0);

	first = llist_del_first(&head);
	LL_CHECK(first == &it[2].ll);
	LL_CHECK(llist_del_first_this(&head, &it[0].ll) == false);
	LL_CHECK(llist_del_first_this(&head, &it[1].ll) == true);
	LL_CHECK(head.first == &it[0].ll);
	first = llist_del_first_init(&head);
	LL_CHECK(first == &it[0].ll && !llist_on_list(first) && llist_empty(&head));

	/* A batch: it[3] -> it[4] -> it[5] added in one go, in front of it[6]. */
	llist_add(&it[6].ll, &head);
	it[3].ll.next = &it[4].ll;
	it[4].ll.next = &it[5].ll;
	LL_CHECK(llist_add_batch(&it[3].ll, &it[5].ll, &head) == false);
	k = 0;
	llist_for_each_entry(pos, head.first, ll)
		order[k++] = pos->v;
	LL_CHECK(k == 4 && order[0] == 3 && order[1] == 4 && order[2] == 5 && order[3] == 6);
	LL_CHECK(llist_next(&it[5].ll) == &it[6].ll);

	/* llist_del_all takes the chain; llist_reverse_order restores the order of addition. */
	first = llist_del_all(&head);
	LL_CHECK(llist_empty(&head) && first == &it[3].ll);
	first = llist_reverse_order(first);
	k = 0;
	llist_for_each(node, first)
		order[k++] = llist_entry(node, struct item, ll)->v;
	LL_CHECK(k == 4 && order[0] == 6 && order[1] == 5 && order[2] == 4 && order[3] == 3);
	LL_CHECK(llist_reverse_order(NULL) == NULL);

	/* The _safe walks survive the entry being reused (added to another list). */
	sum = 0;
	llist_for_each_entry_safe(pos, n, first, ll) {
		sum += pos->v;
		llist_add(&pos->ll, &global_list);
	}
	LL_CHECK(sum == 18);
	k = 0;
	llist_for_each_safe(node, nx, llist_del_all(&global_list)) {
		order[k++] = llist_entry(node, struct item, ll)->v;
		node->next = NULL;
	}
	LL_CHECK(k == 4 && order[0] == 3 && order[3] == 6);
	LL_CHECK(llist_empty(&global_list));

	/* The non-atomic forms. */
	LL_CHECK(__llist_add(&it[7].ll, &head) == true);
	LL_CHECK(__llist_add(&it[6].ll, &head) == false);
	first = __llist_del_all(&head);
	LL_CHECK(first == &it[6].ll && first->next == &it[7].ll && llist_empty(&head));
	ok = true;
	k = 0;
	llist_for_each_entry(pos, (struct llist_node *)NULL, ll)
		ok = false;
	LL_CHECK(ok);
}

static int __init test_llist_init(void)
{
	test_llist();

	pr_info("llist: %u of %u tests passed\n", tests_passed, tests_run);
	return (tests_run == tests_passed) ? 0 : -EINVAL;
}

static void __exit test_llist_exit(void)
{
}

module_init(test_llist_init);
module_exit(test_llist_exit);
MODULE_DESCRIPTION("Lock-less list self-test");
MODULE_LICENSE("GPL");
