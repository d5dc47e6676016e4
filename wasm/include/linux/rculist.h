/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_RCULIST_H
#define _LINUX_RCULIST_H

/*
 * Lists that readers walk under rcu_read_lock() while one updater (holding its own lock) changes them:
 * a new entry is published with a release store once its links are set, a deleted entry keeps its
 * forward link so a reader standing on it walks on, and it may be freed only after a grace period
 * (synchronize_rcu(), call_rcu(), kfree_rcu()).
 */
#include <linux/list.h>
#include <linux/rcupdate.h>

#define list_next_rcu(list)	(*((struct list_head __rcu **)(&(list)->next)))
#define hlist_first_rcu(head)	(*((struct hlist_node __rcu **)(&(head)->first)))
#define hlist_next_rcu(node)	(*((struct hlist_node __rcu **)(&(node)->next)))
#define hlist_pprev_rcu(node)	(*((struct hlist_node __rcu **)((node)->pprev)))

static inline void INIT_LIST_HEAD_RCU(struct list_head *list)
{
	WRITE_ONCE(list->next, list);
	WRITE_ONCE(list->prev, list);
}

static inline void __list_add_rcu(struct list_head *new, struct list_head *prev, struct list_head *next)
{
	new->next = next;
	new->prev = prev;
	rcu_assign_pointer(list_next_rcu(prev), new);
	next->prev = new;
}

static inline void list_add_rcu(struct list_head *new, struct list_head *head)
{
	__list_add_rcu(new, head, head->next);
}

static inline void list_add_tail_rcu(struct list_head *new, struct list_head *head)
{
	__list_add_rcu(new, head->prev, head);
}

/* Unlinked, but ->next still leads on for a reader on @entry; only ->prev is poisoned. */
static inline void list_del_rcu(struct list_head *entry)
{
	__list_del_entry(entry);
	entry->prev = LIST_POISON2;
}

static inline void list_del_init_rcu(struct list_head *entry)
{
	__list_del_entry(entry);
	INIT_LIST_HEAD(entry);
}

static inline void list_replace_rcu(struct list_head *old, struct list_head *new)
{
	new->next = old->next;
	new->prev = old->prev;
	rcu_assign_pointer(list_next_rcu(new->prev), new);
	new->next->prev = new;
	old->prev = LIST_POISON2;
}

/* Moves @list's entries to the front of @head; @sync (synchronize_rcu) lets its old readers finish first. */
static inline void list_splice_init_rcu(struct list_head *list, struct list_head *head, void (*sync)(void))
{
	struct list_head *first = list->next, *last = list->prev, *at = head->next;

	if (list_empty(list))
		return;
	INIT_LIST_HEAD_RCU(list);
	sync();
	last->next = at;
	first->prev = head;
	rcu_assign_pointer(list_next_rcu(head), first);
	at->prev = last;
}

#define list_entry_rcu(ptr, type, member)	container_of(READ_ONCE(ptr), type, member)

#define list_first_or_null_rcu(ptr, type, member)				\
({										\
	struct list_head *__ptr = (ptr);					\
	struct list_head *__next = READ_ONCE(__ptr->next);			\
	likely(__ptr != __next) ? list_entry_rcu(__next, type, member) : NULL;	\
})

#define list_next_or_null_rcu(head, ptr, type, member)				\
({										\
	struct list_head *__head = (head);					\
	struct list_head *__next = READ_ONCE((ptr)->next);			\
	likely(__next != __head) ? list_entry_rcu(__next, type, member) : NULL;	\
})

#define list_tail_rcu(head)	(*((struct list_head __rcu **)(&(head)->prev)))

#define list_for_each_rcu(pos, head)						\
	for (pos = rcu_dereference((head)->next); pos != (head); pos = rcu_dereference(pos->next))

/* The optional lockdep condition of Linux's form is accepted and not evaluated. */
#define list_for_each_entry_rcu(pos, head, member, cond...)			\
	for (pos = list_entry_rcu((head)->next, typeof(*pos), member);		\
	     &pos->member != (head);						\
	     pos = list_entry_rcu(pos->member.next, typeof(*pos), member))

#define list_for_each_entry_srcu(pos, head, member, cond)			\
	list_for_each_entry_rcu(pos, head, member)

#define list_for_each_entry_continue_rcu(pos, head, member)			\
	for (pos = list_entry_rcu(pos->member.next, typeof(*pos), member);	\
	     &pos->member != (head);						\
	     pos = list_entry_rcu(pos->member.next, typeof(*pos), member))

#define list_for_each_entry_from_rcu(pos, head, member)				\
	for (; &(pos)->member != (head);					\
	     pos = list_entry_rcu(pos->member.next, typeof(*(pos)), member))

/* ---- hash lists -------------------------------------------------------------------------------- */

static inline void hlist_del_rcu(struct hlist_node *n)
{
	__hlist_del(n);
	WRITE_ONCE(n->pprev, LIST_POISON2);
}

static inline void hlist_del_init_rcu(struct hlist_node *n)
{
	if (!hlist_unhashed(n)) {
		__hlist_del(n);
		WRITE_ONCE(n->pprev, NULL);
	}
}

static inline void hlist_replace_rcu(struct hlist_node *old, struct hlist_node *new)
{
	struct hlist_node *next = old->next;

	new->next = next;
	WRITE_ONCE(new->pprev, old->pprev);
	rcu_assign_pointer(*(struct hlist_node __rcu **)new->pprev, new);
	if (next)
		WRITE_ONCE(new->next->pprev, &new->next);
	WRITE_ONCE(old->pprev, LIST_POISON2);
}

static inline void hlist_add_head_rcu(struct hlist_node *n, struct hlist_head *h)
{
	struct hlist_node *first = h->first;

	n->next = first;
	WRITE_ONCE(n->pprev, &h->first);
	rcu_assign_pointer(hlist_first_rcu(h), n);
	if (first)
		WRITE_ONCE(first->pprev, &n->next);
}

static inline void hlist_add_tail_rcu(struct hlist_node *n, struct hlist_head *h)
{
	struct hlist_node *i, *last = NULL;

	for (i = h->first; i; i = i->next)
		last = i;
	if (last) {
		n->next = last->next;
		WRITE_ONCE(n->pprev, &last->next);
		rcu_assign_pointer(hlist_next_rcu(last), n);
	} else {
		hlist_add_head_rcu(n, h);
	}
}

static inline void hlist_add_before_rcu(struct hlist_node *n, struct hlist_node *next)
{
	WRITE_ONCE(n->pprev, next->pprev);
	n->next = next;
	rcu_assign_pointer(hlist_pprev_rcu(n), n);
	WRITE_ONCE(next->pprev, &n->next);
}

static inline void hlist_add_behind_rcu(struct hlist_node *n, struct hlist_node *prev)
{
	n->next = prev->next;
	WRITE_ONCE(n->pprev, &prev->next);
	rcu_assign_pointer(hlist_next_rcu(prev), n);
	if (n->next)
		WRITE_ONCE(n->next->pprev, &n->next);
}

#define hlist_for_each_rcu(pos, head)						\
	for (pos = rcu_dereference(hlist_first_rcu(head)); pos;			\
	     pos = rcu_dereference(hlist_next_rcu(pos)))

#define hlist_for_each_entry_rcu(pos, head, member, cond...)			\
	for (pos = hlist_entry_safe(rcu_dereference_raw(hlist_first_rcu(head)), typeof(*(pos)), member); \
	     pos;								\
	     pos = hlist_entry_safe(rcu_dereference_raw(hlist_next_rcu(&(pos)->member)), typeof(*(pos)), member))

#define hlist_for_each_entry_rcu_notrace(pos, head, member)			\
	hlist_for_each_entry_rcu(pos, head, member)
#define hlist_for_each_entry_rcu_bh(pos, head, member)				\
	hlist_for_each_entry_rcu(pos, head, member)

#define hlist_for_each_entry_continue_rcu(pos, member)				\
	for (pos = hlist_entry_safe(rcu_dereference_raw(hlist_next_rcu(&(pos)->member)), typeof(*(pos)), member); \
	     pos;								\
	     pos = hlist_entry_safe(rcu_dereference_raw(hlist_next_rcu(&(pos)->member)), typeof(*(pos)), member))

#endif /* _LINUX_RCULIST_H */
