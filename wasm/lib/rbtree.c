// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * lib/rbtree.c: red-black trees (<linux/rbtree.h>). The invariants, as in Linux:
 *  1) every node is red or black; 2) the root is black; 3) NULL leaves are black;
 *  4) a red node has no red child; 5) every path from a node down to a leaf passes the same number of
 *     black nodes (the black height).
 * So the longest path is at most twice the shortest and lookups are O(log n). Insertion recolours
 * upwards and then rotates at most twice; erasure rotates at most three times.
 *
 * The colour is bit 0 of __rb_parent_color: 0 red, 1 black. rb_link_node() stores the bare parent
 * pointer, so a freshly linked node is red, as rb_insert_color() expects.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/rbtree.h>

#define RB_RED		0
#define RB_BLACK	1

static inline struct rb_node *parent_of(const struct rb_node *n)
{
	return (struct rb_node *)(n->__rb_parent_color & ~3UL);
}

static inline int color_of(const struct rb_node *n)
{
	return n->__rb_parent_color & 1;
}

/* NULL leaves count as black. */
static inline bool is_black(const struct rb_node *n)
{
	return !n || color_of(n) == RB_BLACK;
}

static inline bool is_red(const struct rb_node *n)
{
	return n && color_of(n) == RB_RED;
}

static inline void set_parent(struct rb_node *n, struct rb_node *p)
{
	n->__rb_parent_color = (unsigned long)p | (n->__rb_parent_color & 1);
}

static inline void set_color(struct rb_node *n, int color)
{
	n->__rb_parent_color = (n->__rb_parent_color & ~1UL) | color;
}

/* Make @parent (or the root, when NULL) point at @new where it pointed at @old. */
static inline void change_child(struct rb_node *old, struct rb_node *new,
				struct rb_node *parent, struct rb_root *root)
{
	if (!parent)
		WRITE_ONCE(root->rb_node, new);
	else if (parent->rb_left == old)
		WRITE_ONCE(parent->rb_left, new);
	else
		WRITE_ONCE(parent->rb_right, new);
}

/*
 *     x                y
 *    / \              / \
 *   a   y     ->     x   c
 *      / \          / \
 *     b   c        a   b
 */
static void rotate_left(struct rb_node *x, struct rb_root *root)
{
	struct rb_node *y = x->rb_right;
	struct rb_node *p = parent_of(x);

	WRITE_ONCE(x->rb_right, y->rb_left);
	if (y->rb_left)
		set_parent(y->rb_left, x);
	set_parent(y, p);
	change_child(x, y, p, root);
	WRITE_ONCE(y->rb_left, x);
	set_parent(x, y);
}

/* The mirror image of rotate_left(). */
static void rotate_right(struct rb_node *x, struct rb_root *root)
{
	struct rb_node *y = x->rb_left;
	struct rb_node *p = parent_of(x);

	WRITE_ONCE(x->rb_left, y->rb_right);
	if (y->rb_right)
		set_parent(y->rb_right, x);
	set_parent(y, p);
	change_child(x, y, p, root);
	WRITE_ONCE(y->rb_right, x);
	set_parent(x, y);
}

void rb_insert_color(struct rb_node *node, struct rb_root *root)
{
	struct rb_node *parent, *gparent, *uncle;

	/* @node is red; fix a red parent (rule 4) by recolouring up the tree, or by rotating. */
	while ((parent = parent_of(node)) && is_red(parent)) {
		/* A red parent is not the root, so the grandparent exists (and is black). */
		gparent = parent_of(parent);

		if (parent == gparent->rb_left) {
			uncle = gparent->rb_right;
			if (is_red(uncle)) {
				/* Push the grandparent's blackness down one level; continue above it. */
				set_color(uncle, RB_BLACK);
				set_color(parent, RB_BLACK);
				set_color(gparent, RB_RED);
				node = gparent;
				continue;
			}
			if (node == parent->rb_right) {
				/* Turn the zig-zag into a straight line. */
				rotate_left(parent, root);
				node = parent;
				parent = parent_of(node);
			}
			set_color(parent, RB_BLACK);
			set_color(gparent, RB_RED);
			rotate_right(gparent, root);
		} else {
			uncle = gparent->rb_left;
			if (is_red(uncle)) {
				set_color(uncle, RB_BLACK);
				set_color(parent, RB_BLACK);
				set_color(gparent, RB_RED);
				node = gparent;
				continue;
			}
			if (node == parent->rb_left) {
				rotate_right(parent, root);
				node = parent;
				parent = parent_of(node);
			}
			set_color(parent, RB_BLACK);
			set_color(gparent, RB_RED);
			rotate_left(gparent, root);
		}
	}

	set_color(root->rb_node, RB_BLACK);
}
EXPORT_SYMBOL(rb_insert_color);

/*
 * A black node was removed above @x (possibly NULL) whose parent is @parent: the paths through @x are
 * one black short. Move the deficit up, or end it by rotations at the sibling.
 */
static void erase_fixup(struct rb_node *x, struct rb_node *parent, struct rb_root *root)
{
	struct rb_node *w;

	while (x != root->rb_node && is_black(x)) {
		if (x == parent->rb_left) {
			w = parent->rb_right;	/* not NULL: its side has black height >= 1 */
			if (is_red(w)) {
				set_color(w, RB_BLACK);
				set_color(parent, RB_RED);
				rotate_left(parent, root);
				w = parent->rb_right;
			}
			if (is_black(w->rb_left) && is_black(w->rb_right)) {
				set_color(w, RB_RED);
				x = parent;
				parent = parent_of(x);
				continue;
			}
			if (is_black(w->rb_right)) {
				set_color(w->rb_left, RB_BLACK);
				set_color(w, RB_RED);
				rotate_right(w, root);
				w = parent->rb_right;
			}
			set_color(w, color_of(parent));
			set_color(parent, RB_BLACK);
			set_color(w->rb_right, RB_BLACK);
			rotate_left(parent, root);
		} else {
			w = parent->rb_left;
			if (is_red(w)) {
				set_color(w, RB_BLACK);
				set_color(parent, RB_RED);
				rotate_right(parent, root);
				w = parent->rb_left;
			}
			if (is_black(w->rb_left) && is_black(w->rb_right)) {
				set_color(w, RB_RED);
				x = parent;
				parent = parent_of(x);
				continue;
			}
			if (is_black(w->rb_left)) {
				set_color(w->rb_right, RB_BLACK);
				set_color(w, RB_RED);
				rotate_left(w, root);
				w = parent->rb_left;
			}
			set_color(w, color_of(parent));
			set_color(parent, RB_BLACK);
			set_color(w->rb_left, RB_BLACK);
			rotate_right(parent, root);
		}
		x = root->rb_node;
		break;
	}

	if (x)
		set_color(x, RB_BLACK);
}

void rb_erase(struct rb_node *node, struct rb_root *root)
{
	struct rb_node *child, *parent;
	int removed_color;

	if (!node->rb_left || !node->rb_right) {
		/* At most one child: it takes the node's place. */
		child = node->rb_left ? node->rb_left : node->rb_right;
		parent = parent_of(node);
		removed_color = color_of(node);
		if (child)
			set_parent(child, parent);
		change_child(node, child, parent, root);
	} else {
		/* Two children: the in-order successor (leftmost of the right subtree) moves in. */
		struct rb_node *succ = node->rb_right;

		while (succ->rb_left)
			succ = succ->rb_left;

		child = succ->rb_right;
		removed_color = color_of(succ);
		if (parent_of(succ) == node) {
			parent = succ;
		} else {
			parent = parent_of(succ);
			if (child)
				set_parent(child, parent);
			WRITE_ONCE(parent->rb_left, child);
			WRITE_ONCE(succ->rb_right, node->rb_right);
			set_parent(node->rb_right, succ);
		}
		WRITE_ONCE(succ->rb_left, node->rb_left);
		set_parent(node->rb_left, succ);
		/* The successor takes the node's parent and colour: the deficit is where it was. */
		succ->__rb_parent_color = node->__rb_parent_color;
		change_child(node, succ, parent_of(node), root);
	}

	if (removed_color == RB_BLACK)
		erase_fixup(child, parent, root);
}
EXPORT_SYMBOL(rb_erase);

struct rb_node *rb_first(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	if (!n)
		return NULL;
	while (n->rb_left)
		n = n->rb_left;
	return n;
}
EXPORT_SYMBOL(rb_first);

struct rb_node *rb_last(const struct rb_root *root)
{
	struct rb_node *n = root->rb_node;

	if (!n)
		return NULL;
	while (n->rb_right)
		n = n->rb_right;
	return n;
}
EXPORT_SYMBOL(rb_last);

struct rb_node *rb_next(const struct rb_node *node)
{
	struct rb_node *parent;

	if (RB_EMPTY_NODE(node))
		return NULL;

	/* Down the right subtree to its leftmost node, if there is one... */
	if (node->rb_right) {
		node = node->rb_right;
		while (node->rb_left)
			node = node->rb_left;
		return (struct rb_node *)node;
	}

	/* ...else up to the first ancestor of which we are in the left subtree. */
	while ((parent = parent_of(node)) && node == parent->rb_right)
		node = parent;

	return parent;
}
EXPORT_SYMBOL(rb_next);

struct rb_node *rb_prev(const struct rb_node *node)
{
	struct rb_node *parent;

	if (RB_EMPTY_NODE(node))
		return NULL;

	if (node->rb_left) {
		node = node->rb_left;
		while (node->rb_right)
			node = node->rb_right;
		return (struct rb_node *)node;
	}

	while ((parent = parent_of(node)) && node == parent->rb_left)
		node = parent;

	return parent;
}
EXPORT_SYMBOL(rb_prev);

void rb_replace_node(struct rb_node *victim, struct rb_node *new,
		     struct rb_root *root)
{
	struct rb_node *parent = parent_of(victim);

	/* The new node takes the victim's parent, colour and children. */
	*new = *victim;
	if (victim->rb_left)
		set_parent(victim->rb_left, new);
	if (victim->rb_right)
		set_parent(victim->rb_right, new);
	change_child(victim, new, parent, root);
}
EXPORT_SYMBOL(rb_replace_node);

void rb_replace_node_rcu(struct rb_node *victim, struct rb_node *new,
			 struct rb_root *root)
{
	rb_replace_node(victim, new, root);
}
EXPORT_SYMBOL(rb_replace_node_rcu);

/* The first node of a post-order walk below @node: leftmost, and as deep as possible. */
static struct rb_node *rb_left_deepest_node(const struct rb_node *node)
{
	for (;;) {
		if (node->rb_left)
			node = node->rb_left;
		else if (node->rb_right)
			node = node->rb_right;
		else
			return (struct rb_node *)node;
	}
}

struct rb_node *rb_next_postorder(const struct rb_node *node)
{
	const struct rb_node *parent;

	if (!node)
		return NULL;
	parent = parent_of(node);

	/* Coming up from the left: the right subtree, if any, comes before the parent. */
	if (parent && node == parent->rb_left && parent->rb_right)
		return rb_left_deepest_node(parent->rb_right);

	return (struct rb_node *)parent;
}
EXPORT_SYMBOL(rb_next_postorder);

struct rb_node *rb_first_postorder(const struct rb_root *root)
{
	if (!root->rb_node)
		return NULL;

	return rb_left_deepest_node(root->rb_node);
}
EXPORT_SYMBOL(rb_first_postorder);
