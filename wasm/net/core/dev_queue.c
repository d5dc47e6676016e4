// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The packet paths of net/core/dev.c.
 *
 * Out: dev_queue_xmit() gives the skb to ndo_start_xmit(). A device with a queue (pfifo_fast, what ip link
 * shows) keeps what arrives while the driver has stopped it, up to tx_queue_len packets, and sends it when
 * the driver wakes the queue (NET_TX softirq); NETDEV_TX_BUSY puts the skb back at the head. A device
 * without one (noqueue: IFF_NO_QUEUE, lo) drops what it cannot send, as Linux's virtual devices do.
 *
 * In: netif_rx() queues the skb on the backlog (netdev_max_backlog of them, drops counted in the device's
 * rx_dropped), and the NET_RX softirq (a tasklet here, run at the next irq-exit point) delivers it to the
 * packet_type handlers: the ETH_P_ALL taps, then those of its protocol. A packet nobody takes is dropped
 * and counted in rx_dropped, as Linux counts an unhandled protocol.
 */
#include <linux/netdevice.h>
#include <linux/interrupt.h>
#include <linux/export.h>
#include <linux/printk.h>
#include <linux/module.h>
#include "netdev.h"

static int netdev_max_backlog = 1000;

static struct sk_buff_head backlog;
static LIST_HEAD(tx_woken);		/* devices whose woken queue has packets to send */
static DEFINE_SPINLOCK(tx_lock);
static LIST_HEAD(ptype_all);
static LIST_HEAD(ptype_base);
static DEFINE_SPINLOCK(ptype_lock);

static void net_softirq(struct tasklet_struct *t);
static DECLARE_TASKLET(net_tasklet, net_softirq);

/* ---- transmit ---- */

static bool has_queue(const struct net_device *dev)
{
	return strcmp(dev->lkm_qdisc, "noqueue") != 0;
}

static netdev_tx_t xmit_one(struct sk_buff *skb, struct net_device *dev)
{
	netif_trans_update(dev);
	return dev->netdev_ops->ndo_start_xmit(skb, dev);
}

/* qdisc_run(): sends what the queue holds until it is empty or the driver stops it. */
static void qdisc_run(struct net_device *dev)
{
	struct sk_buff *skb;

	while (!netif_queue_stopped(dev) && (skb = skb_dequeue(&dev->lkm_qdisc_q))) {
		if (xmit_one(skb, dev) == NETDEV_TX_BUSY) {
			skb_queue_head(&dev->lkm_qdisc_q, skb);
			break;
		}
	}
}

int dev_queue_xmit(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	netdev_tx_t rc;

	skb_reset_mac_header(skb);
	if (!(dev->flags & IFF_UP) || !dev->netdev_ops || !dev->netdev_ops->ndo_start_xmit) {
		dev->core_stats.tx_dropped++;
		kfree_skb(skb);
		return -ENETDOWN;
	}
	if (has_queue(dev)) {
		if (skb_queue_len(&dev->lkm_qdisc_q) >= dev->tx_queue_len) {
			kfree_skb(skb);
			return NET_XMIT_DROP;
		}
		skb_queue_tail(&dev->lkm_qdisc_q, skb);
		qdisc_run(dev);
		return NET_XMIT_SUCCESS;
	}
	if (netif_queue_stopped(dev)) {
		pr_crit("Virtual device %s asks to queue packet!\n", dev->name);
		dev->core_stats.tx_dropped++;
		kfree_skb(skb);
		return -ENETDOWN;
	}
	rc = xmit_one(skb, dev);
	if (rc == NETDEV_TX_BUSY) {
		pr_crit("Virtual device %s asks to queue packet!\n", dev->name);
		dev->core_stats.tx_dropped++;
		kfree_skb(skb);
		return -ENETDOWN;
	}
	return rc;
}
EXPORT_SYMBOL(dev_queue_xmit);

void netif_tx_wake_queue(struct netdev_queue *dev_queue)
{
	struct net_device *dev = dev_queue->dev;

	if (!test_and_clear_bit(__QUEUE_STATE_DRV_XOFF, &dev_queue->state))
		return;
	spin_lock_bh(&tx_lock);
	if (list_empty(&dev->lkm_tx_node) && !skb_queue_empty(&dev->lkm_qdisc_q)) {
		list_add_tail(&dev->lkm_tx_node, &tx_woken);
		tasklet_schedule(&net_tasklet);
	}
	spin_unlock_bh(&tx_lock);
}
EXPORT_SYMBOL(netif_tx_wake_queue);

/* dev_deactivate(): the queue's packets are dropped when the device goes down. */
void netdev_deactivate(struct net_device *dev)
{
	spin_lock_bh(&tx_lock);
	list_del_init(&dev->lkm_tx_node);
	spin_unlock_bh(&tx_lock);
	skb_queue_purge(&dev->lkm_qdisc_q);
}

/* ---- receive ---- */

int netif_rx(struct sk_buff *skb)
{
	if (skb_queue_len(&backlog) >= (u32)netdev_max_backlog) {
		if (skb->dev)
			skb->dev->core_stats.rx_dropped++;
		kfree_skb(skb);
		return NET_RX_DROP;
	}
	skb_queue_tail(&backlog, skb);
	tasklet_schedule(&net_tasklet);
	return NET_RX_SUCCESS;
}
EXPORT_SYMBOL(netif_rx);

static int deliver(struct sk_buff *skb, struct packet_type *pt, struct net_device *orig_dev)
{
	return pt->func(skb, skb->dev, pt, orig_dev);
}

/* __netif_receive_skb_core(): every handler but the last gets its own reference. */
int netif_receive_skb(struct sk_buff *skb)
{
	struct net_device *dev = skb->dev;
	struct packet_type *pt, *prev = NULL;
	int ret = NET_RX_DROP;

	skb_reset_network_header(skb);
	if (skb->transport_header == (u16)~0U)
		skb_reset_transport_header(skb);
	skb_reset_mac_len(skb);
	skb->skb_iif = dev->ifindex;

	spin_lock_bh(&ptype_lock);
	list_for_each_entry(pt, &ptype_all, list) {
		if (pt->dev && pt->dev != dev)
			continue;
		if (prev)
			deliver(skb_get(skb), prev, dev);
		prev = pt;
	}
	list_for_each_entry(pt, &ptype_base, list) {
		if (pt->type != skb->protocol || (pt->dev && pt->dev != dev))
			continue;
		if (prev)
			deliver(skb_get(skb), prev, dev);
		prev = pt;
	}
	spin_unlock_bh(&ptype_lock);
	if (prev)
		return deliver(skb, prev, dev);
	dev->core_stats.rx_dropped++;
	kfree_skb(skb);
	return ret;
}
EXPORT_SYMBOL(netif_receive_skb);

static void net_softirq(struct tasklet_struct *t)
{
	struct sk_buff *skb;

	(void)t;
	for (;;) {
		struct net_device *dev = NULL;

		spin_lock_bh(&tx_lock);
		if (!list_empty(&tx_woken)) {
			dev = list_first_entry(&tx_woken, struct net_device, lkm_tx_node);
			list_del_init(&dev->lkm_tx_node);
		}
		spin_unlock_bh(&tx_lock);
		if (!dev)
			break;
		qdisc_run(dev);
	}
	while ((skb = skb_dequeue(&backlog)))
		netif_receive_skb(skb);
	/* A poll that used its whole budget runs again in the next softirq, after other work. */
	if (napi_poll_all())
		tasklet_schedule(&net_tasklet);
}

void net_rx_raise(void)
{
	tasklet_schedule(&net_tasklet);
}

/* unregister: flush_backlog() drops the device's packets still waiting to be received. */
void netdev_flush_queues(struct net_device *dev)
{
	struct sk_buff *skb, *tmp;
	unsigned long flags;

	netdev_deactivate(dev);
	napi_dev_flush(dev);
	spin_lock_irqsave(&backlog.lock, flags);
	skb_queue_walk_safe(&backlog, skb, tmp) {
		if (skb->dev == dev) {
			__skb_unlink(skb, &backlog);
			kfree_skb(skb);
		}
	}
	spin_unlock_irqrestore(&backlog.lock, flags);
}

/* ---- protocol handlers ---- */

void __lkm_dev_add_pack(struct packet_type *pt, struct module *owner)
{
	pt->lkm_owner = owner;
	spin_lock_bh(&ptype_lock);
	list_add(&pt->list, pt->type == htons(ETH_P_ALL) ? &ptype_all : &ptype_base);
	spin_unlock_bh(&ptype_lock);
}
EXPORT_SYMBOL(__lkm_dev_add_pack);

void __dev_remove_pack(struct packet_type *pt)
{
	struct list_head *head = pt->type == htons(ETH_P_ALL) ? &ptype_all : &ptype_base;
	struct packet_type *p;

	spin_lock_bh(&ptype_lock);
	list_for_each_entry(p, head, list) {
		if (p == pt) {
			list_del(&pt->list);
			spin_unlock_bh(&ptype_lock);
			return;
		}
	}
	spin_unlock_bh(&ptype_lock);
	pr_warn("dev_remove_pack: %p not found\n", pt);
}
EXPORT_SYMBOL(__dev_remove_pack);

void dev_remove_pack(struct packet_type *pt)
{
	__dev_remove_pack(pt);
}
EXPORT_SYMBOL(dev_remove_pack);

/* At unload: a handler the module left added would be called in freed code. */
void netdev_remove_module_packs(struct module *mod)
{
	struct list_head *heads[] = { &ptype_all, &ptype_base };
	struct packet_type *pt, *tmp;
	size_t i;

	spin_lock_bh(&ptype_lock);
	for (i = 0; i < ARRAY_SIZE(heads); i++) {
		list_for_each_entry_safe(pt, tmp, heads[i], list) {
			if (pt->lkm_owner != mod)
				continue;
			pr_warn("%s: packet type 0x%04x not removed at unload: removing it\n", mod->name, ntohs(pt->type));
			list_del(&pt->list);
		}
	}
	spin_unlock_bh(&ptype_lock);
}

void netdev_queues_init(void)
{
	skb_queue_head_init(&backlog);
}
