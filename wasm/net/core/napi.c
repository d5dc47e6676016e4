// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * NAPI (net/core/dev.c): a driver's interrupt schedules its poll function, and the NET_RX softirq runs it
 * with a budget of frames; a poll that received fewer calls napi_complete_done() and is off the list
 * until scheduled again, one that used the whole budget stays scheduled and runs in the next softirq.
 */
#include <linux/netdevice.h>
#include <linux/export.h>
#include "netdev.h"

static LIST_HEAD(poll_list);
static DEFINE_SPINLOCK(poll_lock);

void netif_napi_add_weight(struct net_device *dev, struct napi_struct *napi,
			   int (*poll)(struct napi_struct *, int), int weight)
{
	INIT_LIST_HEAD(&napi->poll_list);
	napi->dev = dev;
	napi->poll = poll;
	napi->weight = weight;
	/* Disabled until napi_enable(): scheduled, so nothing can schedule it. */
	napi->state = 0;
	set_bit(NAPI_STATE_SCHED, &napi->state);
	set_bit(NAPI_STATE_NPSVC, &napi->state);
	list_add_tail(&napi->dev_list, &dev->napi_list);
	set_bit(NAPI_STATE_LISTED, &napi->state);
}
EXPORT_SYMBOL(netif_napi_add_weight);

void netif_napi_del(struct napi_struct *napi)
{
	if (!test_and_clear_bit(NAPI_STATE_LISTED, &napi->state))
		return;
	list_del_init(&napi->dev_list);
}
EXPORT_SYMBOL(netif_napi_del);

void napi_enable(struct napi_struct *n)
{
	clear_bit(NAPI_STATE_NPSVC, &n->state);
	clear_bit(NAPI_STATE_SCHED, &n->state);
}
EXPORT_SYMBOL(napi_enable);

/* No poll runs concurrently here: a scheduled one is taken off the list before it is marked disabled. */
void napi_disable(struct napi_struct *n)
{
	set_bit(NAPI_STATE_DISABLE, &n->state);
	spin_lock_bh(&poll_lock);
	if (!list_empty(&n->poll_list))
		list_del_init(&n->poll_list);
	spin_unlock_bh(&poll_lock);
	set_bit(NAPI_STATE_SCHED, &n->state);
	set_bit(NAPI_STATE_NPSVC, &n->state);
	clear_bit(NAPI_STATE_DISABLE, &n->state);
}
EXPORT_SYMBOL(napi_disable);

bool napi_schedule_prep(struct napi_struct *n)
{
	if (unlikely(test_bit(NAPI_STATE_DISABLE, &n->state)))
		return false;
	if (test_and_set_bit(NAPI_STATE_SCHED, &n->state)) {
		set_bit(NAPI_STATE_MISSED, &n->state);
		return false;
	}
	return true;
}
EXPORT_SYMBOL(napi_schedule_prep);

void __napi_schedule(struct napi_struct *n)
{
	spin_lock_bh(&poll_lock);
	if (list_empty(&n->poll_list))
		list_add_tail(&n->poll_list, &poll_list);
	spin_unlock_bh(&poll_lock);
	net_rx_raise();
}
EXPORT_SYMBOL(__napi_schedule);

/* Returns false when an interrupt came meanwhile (MISSED): the poll stays scheduled and runs again. */
bool napi_complete_done(struct napi_struct *n, int work_done)
{
	(void)work_done;
	if (test_and_clear_bit(NAPI_STATE_MISSED, &n->state)) {
		__napi_schedule(n);
		return false;
	}
	clear_bit(NAPI_STATE_SCHED, &n->state);
	return true;
}
EXPORT_SYMBOL(napi_complete_done);

/* No GRO: each frame goes up on its own. */
int napi_gro_receive(struct napi_struct *napi, struct sk_buff *skb)
{
	(void)napi;
	netif_receive_skb(skb);
	return 0;
}
EXPORT_SYMBOL(napi_gro_receive);

/* Unregister: the device's polls leave the list (Linux's netif_napi_del() of free_netdev()). */
void napi_dev_flush(struct net_device *dev)
{
	struct napi_struct *n, *tmp;

	spin_lock_bh(&poll_lock);
	list_for_each_entry(n, &dev->napi_list, dev_list)
		if (!list_empty(&n->poll_list))
			list_del_init(&n->poll_list);
	spin_unlock_bh(&poll_lock);
	list_for_each_entry_safe(n, tmp, &dev->napi_list, dev_list)
		netif_napi_del(n);
}

/* One round over the scheduled polls; returns whether some are still scheduled. */
bool napi_poll_all(void)
{
	LIST_HEAD(round);
	struct napi_struct *n;
	bool again;

	spin_lock_bh(&poll_lock);
	list_splice_init(&poll_list, &round);
	spin_unlock_bh(&poll_lock);
	while (!list_empty(&round)) {
		int work;

		n = list_first_entry(&round, struct napi_struct, poll_list);
		list_del_init(&n->poll_list);
		work = n->poll(n, n->weight);
		WARN_ONCE(work > n->weight, "%pS exceeded budget in poll\n", n->poll);
		/* The whole budget used: the poll is not done and stays scheduled. */
		if (work >= n->weight && test_bit(NAPI_STATE_SCHED, &n->state) &&
		    !test_bit(NAPI_STATE_DISABLE, &n->state)) {
			spin_lock_bh(&poll_lock);
			if (list_empty(&n->poll_list))
				list_add_tail(&n->poll_list, &poll_list);
			spin_unlock_bh(&poll_lock);
		}
	}
	spin_lock_bh(&poll_lock);
	again = !list_empty(&poll_list);
	spin_unlock_bh(&poll_lock);
	return again;
}
