// SPDX-License-Identifier: GPL-2.0-only
/*
 * lib/llist.c: the out-of-line parts of the lock-less lists (<linux/llist.h>). Producers race with
 * compare-and-exchange on the head; a consumer taking the first entry must be alone among consumers
 * (the ABA problem otherwise), as Linux documents.
 */
#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/llist.h>

/* Add the chain @new_first..@new_last; true if the list was empty before. */
bool llist_add_batch(struct llist_node *new_first, struct llist_node *new_last,
		     struct llist_head *head)
{
	struct llist_node *first = READ_ONCE(head->first);

	do {
		new_last->next = first;
	} while (!try_cmpxchg(&head->first, &first, new_first));

	return first == NULL;
}
EXPORT_SYMBOL_GPL(llist_add_batch);

/* Take the newest entry off, or NULL for an empty list. */
struct llist_node *llist_del_first(struct llist_head *head)
{
	struct llist_node *entry = smp_load_acquire(&head->first), *next;

	do {
		if (!entry)
			return NULL;
		next = READ_ONCE(entry->next);
	} while (!try_cmpxchg(&head->first, &entry, next));

	return entry;
}
EXPORT_SYMBOL_GPL(llist_del_first);

/* Take @this off if it is the first entry; true if it was. */
bool llist_del_first_this(struct llist_head *head, struct llist_node *this)
{
	struct llist_node *entry = smp_load_acquire(&head->first), *next;

	do {
		if (entry != this)
			return false;
		next = READ_ONCE(entry->next);
	} while (!try_cmpxchg(&head->first, &entry, next));

	return true;
}
EXPORT_SYMBOL_GPL(llist_del_first_this);

/* Reverse a chain taken off a list: oldest first. Returns the new first node. */
struct llist_node *llist_reverse_order(struct llist_node *head)
{
	struct llist_node *rev = NULL;

	while (head) {
		struct llist_node *n = head;

		head = head->next;
		n->next = rev;
		rev = n;
	}

	return rev;
}
EXPORT_SYMBOL_GPL(llist_reverse_order);
