// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What ip(8) asks of the kernel (net/core/rtnetlink.c), as host entries instead of netlink messages:
 *
 *   lkm_rtnl_getlink()  RTM_GETLINK's dump: per device, a line of tab-separated fields (ifindex, name,
 *                       dev_get_flags(), mtu, qdisc, IFLA_OPERSTATE, link mode, group, txqlen, type,
 *                       address and broadcast in hex, carrier changes, then struct rtnl_link_stats64's
 *                       counters in order); returns the length (more than @size: call again with more).
 *   lkm_rtnl_setlink()  RTM_NEWLINK on an existing device: one change (LKM_SETLINK_*), under rtnl_lock;
 *                       returns 0 or -errno, and the extack message (if any) in @msg.
 *   lkm_packet_send()   what an AF_PACKET SOCK_RAW sendto() does with a whole frame: dev_queue_xmit().
 *                       Returns the length sent or -errno (ENODEV, ENETDOWN, EMSGSIZE, EINVAL, ENOBUFS).
 */
#include <linux/netdevice.h>
#include <linux/if_arp.h>
#include <linux/socket.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include "host.h"
#include "netdev.h"

enum {
	LKM_SETLINK_UP,		/* value: 1 up, 0 down */
	LKM_SETLINK_MTU,	/* value: the MTU (a 32-bit int) */
	LKM_SETLINK_ADDRESS,	/* value: the address bytes */
	LKM_SETLINK_TXQLEN,	/* value: the queue length (a 32-bit int) */
};

int __lkm_entry lkm_rtnl_getlink(char *buf, int size)
{
	struct rtnl_link_stats64 st;
	struct net_device *dev;
	int n = 0;

	rtnl_lock();
	for_each_netdev(dev) {
		const u64 *c = (const u64 *)dev_get_stats(dev, &st);
		size_t i;

		n += scnprintf(buf + n, size - n, "%d\t%s\t%u\t%u\t%s\t%u\t%u\t%d\t%u\t%u\t%*phN\t%*phN\t%u",
			       dev->ifindex, dev->name, dev_get_flags(dev), dev->mtu, dev->lkm_qdisc,
			       netif_running(dev) ? dev->operstate : IF_OPER_DOWN, dev->link_mode, dev->group,
			       dev->tx_queue_len, dev->type, dev->addr_len, dev->dev_addr, dev->addr_len,
			       dev->broadcast, dev->carrier_up_count + dev->carrier_down_count);
		for (i = 0; i < sizeof(st) / sizeof(u64); i++)
			n += scnprintf(buf + n, size - n, "\t%llu", c[i]);
		n += scnprintf(buf + n, size - n, "\n");
		if (n >= size - 1) {
			/* Too small: say how much more a dump may need. */
			n = size + 4096;
			break;
		}
	}
	rtnl_unlock();
	return n;
}

static int setlink(struct net_device *dev, int op, const u8 *val, int len, struct netlink_ext_ack *extack)
{
	int v;

	if (op == LKM_SETLINK_ADDRESS) {
		struct {
			sa_family_t	family;
			char		data[MAX_ADDR_LEN];
		} sa = { .family = dev->type };

		if (len < dev->addr_len || len > MAX_ADDR_LEN)
			return -EINVAL;
		memcpy(sa.data, val, len);
		return dev_set_mac_address(dev, &sa, extack);
	}
	if (len != sizeof(int))
		return -EINVAL;
	memcpy(&v, val, sizeof(v));
	switch (op) {
	case LKM_SETLINK_UP:
		return dev_change_flags(dev, v ? dev->flags | IFF_UP : dev->flags & ~IFF_UP, extack);
	case LKM_SETLINK_MTU:
		return dev_set_mtu_ext(dev, v, extack);
	case LKM_SETLINK_TXQLEN:
		if (v < 0)
			return -EINVAL;
		dev->tx_queue_len = v;
		return 0;
	}
	return -EOPNOTSUPP;
}

int __lkm_entry lkm_rtnl_setlink(const char *name, int op, const u8 *val, int len, char *msg, int msglen)
{
	struct netlink_ext_ack extack = {};
	struct net_device *dev;
	int err;

	msg[0] = '\0';
	rtnl_lock();
	dev = __dev_get_by_name(&init_net, name);
	err = dev ? setlink(dev, op, val, len, &extack) : -ENODEV;
	rtnl_unlock();
	if (extack._msg)
		strscpy(msg, extack._msg, msglen);
	return err;
}

int __lkm_entry lkm_packet_send(const char *name, const u8 *data, int len)
{
	struct net_device *dev = dev_get_by_name(&init_net, name);
	struct sk_buff *skb;
	int err;

	if (!dev)
		return -ENODEV;
	err = -ENETDOWN;
	if (!(dev->flags & IFF_UP))
		goto out;
	err = -EMSGSIZE;
	if (len > (int)(dev->mtu + dev->hard_header_len))
		goto out;
	err = -EINVAL;
	if (len < dev->hard_header_len)
		goto out;
	err = -ENOBUFS;
	skb = alloc_skb(len + dev->hard_header_len + dev->needed_headroom + dev->needed_tailroom + 16, GFP_KERNEL);
	if (!skb)
		goto out;
	skb_reserve(skb, dev->hard_header_len + dev->needed_headroom + 16);
	skb_put_data(skb, data, len);
	skb->dev = dev;
	if (dev->hard_header_len == ETH_HLEN && len >= ETH_HLEN)
		skb->protocol = skb_eth_hdr(skb)->h_proto;
	err = dev_queue_xmit(skb);
	if (err > 0)
		err = net_xmit_errno(err);
	if (!err)
		err = len;
out:
	dev_put(dev);
	return err;
}
