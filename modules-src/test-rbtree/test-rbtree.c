// SPDX-License-Identifier: GPL-2.0
/*
 * test-rbtree: a self-test of <linux/rbtree.h>, after Linux's lib/rbtree_test.c. Init builds trees
 * from pseudo-random keys, erases from them, and checks every red-black invariant after each step
 * (black root, no red node with a red child, one black height on every path, keys in order, parent
 * pointers consistent), plus the cached-leftmost, rb_add/rb_find, replace and post-order calls. Each
 * failed check prints "BUG at FUNC:LINE: CHECK"; the last line is "rbtree: N of M tests passed", and
 * init returns 0 only if all passed (-EINVAL otherwise).
 */

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/rbtree.h>
#include <linux/slab.h>
#include "../selftests/selftest_counts.h"

#define NODES 1000

static unsigned int nnodes = NODES;
module_param(nnodes, uint, 0444);
MODULE_PARM_DESC(nnodes, "Nodes per tree (default 1000)");

#define RB_CHECK(x) SELFTEST_CHECK(x)

struct test_node {
	u32 key;
	u32 seq;	/* insertion order, to check that equal keys keep it */
	struct rb_node rb;
};

static struct test_node *nodes;
static struct rb_root root = RB_ROOT;
static struct rb_root_cached croot = RB_ROOT_CACHED;

static u32 rnd_state = 3141592653u;

static u32 next_rand(void)
{
	/* xorshift32: deterministic, so a failure can be reproduced. */
	rnd_state ^= rnd_state << 13;
	rnd_state ^= rnd_state >> 17;
	rnd_state ^= rnd_state << 5;
	return rnd_state;
}

#define rb_is_black(rb)	((rb)->__rb_parent_color & 1)
#define rb_is_red(rb)	(!rb_is_black(rb))

static void insert(struct test_node *node, struct rb_root *r)
{
	struct rb_node **new = &r->rb_node, *parent = NULL;

	while (*new) {
		parent = *new;
		if (node->key < rb_entry(parent, struct test_node, rb)->key)
			new = &parent->rb_left;
		else
			new = &parent->rb_right;
	}
	rb_link_node(&node->rb, parent, new);
	rb_insert_color(&node->rb, r);
}

static void insert_cached(struct test_node *node, struct rb_root_cached *r)
{
	struct rb_node **new = &r->rb_root.rb_node, *parent = NULL;
	bool leftmost = true;

	while (*new) {
		parent = *new;
		if (node->key < rb_entry(parent, struct test_node, rb)->key) {
			new = &parent->rb_left;
		} else {
			new = &parent->rb_right;
			leftmost = false;
		}
	}
	rb_link_node(&node->rb, parent, new);
	rb_insert_color_cached(&node->rb, r, leftmost);
}

/*
 * Checks the subtree at @n below @parent: returns its black height (counting the NULL leaf as 1) or
 * -1 if an invariant fails; *@count gets the nodes seen.
 */
static int check_subtree(struct rb_node *n, struct rb_node *parent, unsigned int *count)
{
	int lh, rh;

	if (!n)
		return 1;
	if (rb_parent(n) != parent)
		return -1;
	if (rb_is_red(n) && ((n->rb_left && rb_is_red(n->rb_left)) ||
			     (n->rb_right && rb_is_red(n->rb_right))))
		return -1;
	lh = check_subtree(n->rb_left, n, count);
	rh = check_subtree(n->rb_right, n, count);
	if (lh < 0 || rh < 0 || lh != rh)
		return -1;
	(*count)++;
	return lh + rb_is_black(n);
}

/* Everything about a tree that should hold, as one check. */
static bool valid_tree(struct rb_root *r, unsigned int expect)
{
	struct rb_node *rb, *prev = NULL;
	unsigned int count = 0, walked = 0, back = 0;
	int bh;

	if (r->rb_node && !rb_is_black(r->rb_node))
		return false;
	bh = check_subtree(r->rb_node, NULL, &count);
	if (bh < 0 || count != expect)
		return false;

	for (rb = rb_first(r); rb; rb = rb_next(rb)) {
		struct test_node *node = rb_entry(rb, struct test_node, rb);

		if (prev) {
			struct test_node *p = rb_entry(prev, struct test_node, rb);

			if (p->key > node->key || (p->key == node->key && p->seq > node->seq))
				return false;
		}
		if (rb_prev(rb) != prev)
			return false;
		prev = rb;
		walked++;
	}
	if (prev != rb_last(r))
		return false;
	for (rb = rb_last(r); rb; rb = rb_prev(rb))
		back++;
	return walked == expect && back == expect;
}

static void init_nodes(unsigned int n, u32 mod)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		nodes[i].key = mod ? next_rand() % mod : next_rand();
		nodes[i].seq = i;
		RB_CLEAR_NODE(&nodes[i].rb);
	}
}

static void test_small(void)
{
	struct test_node a[3] = { { .key = 1 }, { .key = 2 }, { .key = 3 } };
	struct rb_root r = RB_ROOT;

	RB_CHECK(RB_EMPTY_ROOT(&r));
	RB_CHECK(rb_first(&r) == NULL && rb_last(&r) == NULL);
	RB_CLEAR_NODE(&a[0].rb);
	RB_CHECK(RB_EMPTY_NODE(&a[0].rb));
	RB_CHECK(rb_next(&a[0].rb) == NULL);
	/* Ascending keys: the third insertion must rotate, leaving 2 at the root, both children red. */
	insert(&a[0], &r);
	insert(&a[1], &r);
	insert(&a[2], &r);
	RB_CHECK(r.rb_node == &a[1].rb);
	RB_CHECK(rb_is_black(&a[1].rb) && rb_is_red(&a[0].rb) && rb_is_red(&a[2].rb));
	RB_CHECK(a[1].rb.rb_left == &a[0].rb && a[1].rb.rb_right == &a[2].rb);
	RB_CHECK(!RB_EMPTY_NODE(&a[0].rb) && !RB_EMPTY_ROOT(&r));
	RB_CHECK(valid_tree(&r, 3));
	rb_erase(&a[1].rb, &r);
	RB_CHECK(valid_tree(&r, 2));
	rb_erase(&a[0].rb, &r);
	rb_erase(&a[2].rb, &r);
	RB_CHECK(RB_EMPTY_ROOT(&r));
}

static void test_random(u32 mod)
{
	unsigned int i, j, n = nnodes, left;

	init_nodes(n, mod);
	root = RB_ROOT;
	for (i = 0; i < n; i++) {
		insert(&nodes[i], &root);
		if (i % 97 == 0 || i == n - 1)
			RB_CHECK(valid_tree(&root, i + 1));
	}

	/* Erase in a random order: every 3rd node, then the rest. */
	left = n;
	for (j = 0; j < 3; j++) {
		for (i = j; i < n; i += 3) {
			rb_erase(&nodes[i].rb, &root);
			RB_CLEAR_NODE(&nodes[i].rb);
			left--;
			if (i % 89 == 0)
				RB_CHECK(valid_tree(&root, left));
		}
		RB_CHECK(valid_tree(&root, left));
	}
	RB_CHECK(RB_EMPTY_ROOT(&root));

	/* Interleaved inserts and erases. */
	for (i = 0; i < n; i++) {
		insert(&nodes[i], &root);
		if (i >= 8 && (next_rand() & 1)) {
			unsigned int k = next_rand() % i;

			if (!RB_EMPTY_NODE(&nodes[k].rb)) {
				rb_erase(&nodes[k].rb, &root);
				RB_CLEAR_NODE(&nodes[k].rb);
			}
		}
	}
	left = 0;
	for (i = 0; i < n; i++)
		left += !RB_EMPTY_NODE(&nodes[i].rb);
	RB_CHECK(valid_tree(&root, left));
	for (i = 0; i < n; i++)
		if (!RB_EMPTY_NODE(&nodes[i].rb))
			rb_erase(&nodes[i].rb, &root);
	RB_CHECK(RB_EMPTY_ROOT(&root));
}

static void test_cached(void)
{
	unsigned int i, n = nnodes;
	bool ok = true;

	init_nodes(n, 0);
	croot = RB_ROOT_CACHED;
	for (i = 0; i < n; i++) {
		insert_cached(&nodes[i], &croot);
		if (rb_first_cached(&croot) != rb_first(&croot.rb_root))
			ok = false;
	}
	RB_CHECK(ok);
	RB_CHECK(valid_tree(&croot.rb_root, n));

	ok = true;
	for (i = 0; i < n; i++) {
		struct rb_node *first = rb_first_cached(&croot);
		struct rb_node *ret = rb_erase_cached(&nodes[i].rb, &croot);

		/* The new leftmost is returned only when the leftmost went. */
		if (first == &nodes[i].rb ? ret != rb_first(&croot.rb_root) : ret != NULL)
			ok = false;
		if (rb_first_cached(&croot) != rb_first(&croot.rb_root))
			ok = false;
	}
	RB_CHECK(ok);
	RB_CHECK(RB_EMPTY_ROOT(&croot.rb_root) && rb_first_cached(&croot) == NULL);
}

static bool node_less(struct rb_node *a, const struct rb_node *b)
{
	return rb_entry(a, struct test_node, rb)->key < rb_entry(b, struct test_node, rb)->key;
}

static int node_cmp(const void *key, const struct rb_node *b)
{
	u32 k = *(const u32 *)key, bk = rb_entry(b, struct test_node, rb)->key;

	return k < bk ? -1 : k > bk;
}

static int node_cmp_nodes(struct rb_node *a, const struct rb_node *b)
{
	return node_cmp(&rb_entry(a, struct test_node, rb)->key, b);
}

static void test_helpers(void)
{
	struct rb_root_cached c = RB_ROOT_CACHED;
	struct rb_node *rb, *orig;
	struct test_node extra = { .key = 7 };
	unsigned int i, n = 64, count, last_seq;
	u32 key;
	bool ok;

	/* Keys 0..15, each four times, inserted in sequence order. */
	for (i = 0; i < n; i++) {
		nodes[i].key = (i * 7) % 16;
		nodes[i].seq = i;
	}
	root = RB_ROOT;
	for (i = 0; i < n; i++)
		rb_add(&nodes[i].rb, &root, node_less);
	RB_CHECK(valid_tree(&root, n));

	key = 5;
	rb = rb_find(&key, &root, node_cmp);
	RB_CHECK(rb && rb_entry(rb, struct test_node, rb)->key == 5);
	key = 16;
	RB_CHECK(rb_find(&key, &root, node_cmp) == NULL);

	/* rb_find_first: the leftmost equal node, i.e. the one added first. rb_for_each: all four. */
	key = 9;
	rb = rb_find_first(&key, &root, node_cmp);
	RB_CHECK(rb && rb_prev(rb) && rb_entry(rb_prev(rb), struct test_node, rb)->key == 8);
	count = 0;
	last_seq = 0;
	ok = true;
	rb_for_each(rb, &key, &root, node_cmp) {
		struct test_node *t = rb_entry(rb, struct test_node, rb);

		if (t->key != 9 || (count && t->seq < last_seq))
			ok = false;
		last_seq = t->seq;
		count++;
	}
	RB_CHECK(ok && count == 4);

	/* rb_find_add: an equal node is returned, nothing added. */
	RB_CHECK(rb_find_add(&extra.rb, &root, node_cmp_nodes) != NULL);
	RB_CHECK(valid_tree(&root, n));
	extra.key = 100;
	extra.seq = 1000;
	RB_CHECK(rb_find_add(&extra.rb, &root, node_cmp_nodes) == NULL);
	RB_CHECK(valid_tree(&root, n + 1) && rb_last(&root) == &extra.rb);
	rb_erase(&extra.rb, &root);

	/* rb_replace_node: same place, same colour, no rebalancing. */
	rb = orig = root.rb_node;
	extra = *rb_entry(rb, struct test_node, rb);
	rb_replace_node(rb, &extra.rb, &root);
	RB_CHECK(root.rb_node == &extra.rb && valid_tree(&root, n));
	rb = root.rb_node->rb_left;
	{
		struct test_node copy = *rb_entry(rb, struct test_node, rb);

		rb_replace_node(rb, &copy.rb, &root);
		RB_CHECK(root.rb_node->rb_left == &copy.rb && valid_tree(&root, n));
		rb_replace_node(&copy.rb, rb, &root);
	}
	rb_replace_node(&extra.rb, orig, &root);
	RB_CHECK(root.rb_node == orig && valid_tree(&root, n));

	/* rb_add_cached returns the node when it becomes the leftmost. */
	for (i = 0; i < n; i++) {
		nodes[i].key = n - i;
		nodes[i].seq = i;
	}
	ok = true;
	for (i = 0; i < n; i++)
		if (rb_add_cached(&nodes[i].rb, &c, node_less) != &nodes[i].rb)
			ok = false;
	extra.key = 1000;
	extra.seq = 0;
	RB_CHECK(ok && rb_add_cached(&extra.rb, &c, node_less) == NULL);
	RB_CHECK(rb_first_cached(&c) == &nodes[n - 1].rb);
	RB_CHECK(valid_tree(&c.rb_root, n + 1));
	nodes[n + 1] = nodes[n - 1];
	rb_replace_node_cached(&nodes[n - 1].rb, &nodes[n + 1].rb, &c);
	RB_CHECK(rb_first_cached(&c) == &nodes[n + 1].rb);
}

static void test_postorder(void)
{
	struct test_node *pos, *nxt;
	unsigned int i, n = nnodes, count = 0;
	bool ok = true;

	init_nodes(n, 0);
	root = RB_ROOT;
	for (i = 0; i < n; i++) {
		insert(&nodes[i], &root);
		nodes[i].seq = 0;	/* marks: visited */
	}
	/* Children come before their parent; each node exactly once. */
	rbtree_postorder_for_each_entry_safe(pos, nxt, &root, rb) {
		struct rb_node *l = pos->rb.rb_left, *r = pos->rb.rb_right;

		if ((l && !rb_entry(l, struct test_node, rb)->seq) ||
		    (r && !rb_entry(r, struct test_node, rb)->seq) || pos->seq)
			ok = false;
		pos->seq = 1;
		count++;
	}
	RB_CHECK(ok && count == n);
	RB_CHECK(rb_entry(rb_first_postorder(&root), struct test_node, rb)->rb.rb_left == NULL);
	count = 0;
	root = RB_ROOT;
	rbtree_postorder_for_each_entry_safe(pos, nxt, &root, rb)
		count++;
	RB_CHECK(count == 0 && rb_first_postorder(&root) == NULL);
}

static int __init test_rbtree_init(void)
{
	if (nnodes < 70)
		nnodes = 70;
	nodes = kmalloc_array(nnodes + 2, sizeof(*nodes), GFP_KERNEL);
	if (!nodes)
		return -ENOMEM;

	test_small();
	test_random(0);
	test_random(50);	/* many equal keys */
	test_cached();
	test_helpers();
	test_postorder();

	kfree(nodes);
	pr_info("rbtree: %u of %u tests passed\n", tests_passed, tests_run);
	return (tests_run == tests_passed) ? 0 : -EINVAL;
}

static void __exit test_rbtree_exit(void)
{
}

module_init(test_rbtree_init);
module_exit(test_rbtree_exit);
MODULE_AUTHOR("lkm-wasm");
MODULE_DESCRIPTION("Red-black tree self-test");
MODULE_LICENSE("GPL");
