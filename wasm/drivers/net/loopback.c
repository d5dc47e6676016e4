// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The loopback device lo (drivers/net/loopback.c): what it transmits it receives, counted once for both
 * directions. Registered at boot as ifindex 1 and, as on Linux before user space configures it, down.
 */
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include "../../net/core/netdev.h"

struct lo_stats {
	u64 packets;
	u64 bytes;
};

static struct net_device *loopback_dev;

static netdev_tx_t loopback_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct lo_stats *lb = netdev_priv(dev);
	unsigned int len;

	skb_tx_timestamp(skb);
	skb_orphan(skb);
	skb->protocol = eth_type_trans(skb, dev);
	len = skb->len;
	if (likely(netif_rx(skb) == NET_RX_SUCCESS)) {
		lb->packets++;
		lb->bytes += len;
	}
	return NETDEV_TX_OK;
}

static void loopback_get_stats64(struct net_device *dev, struct rtnl_link_stats64 *stats)
{
	const struct lo_stats *lb = netdev_priv(dev);

	stats->rx_packets = stats->tx_packets = lb->packets;
	stats->rx_bytes = stats->tx_bytes = lb->bytes;
}

static const struct net_device_ops loopback_ops = {
	.ndo_start_xmit		= loopback_xmit,
	.ndo_get_stats64	= loopback_get_stats64,
	.ndo_set_mac_address	= eth_mac_addr,
};

static void loopback_setup(struct net_device *dev)
{
	dev->mtu		= 64 * 1024;
	dev->hard_header_len	= ETH_HLEN;
	dev->min_header_len	= ETH_HLEN;
	dev->addr_len		= ETH_ALEN;
	dev->type		= ARPHRD_LOOPBACK;
	dev->flags		= IFF_LOOPBACK;
	dev->priv_flags		|= IFF_LIVE_ADDR_CHANGE | IFF_NO_QUEUE;
	dev->header_ops		= &eth_header_ops;
	dev->netdev_ops		= &loopback_ops;
}

int loopback_net_init(void)
{
	struct net_device *dev;
	int err;

	dev = alloc_netdev(sizeof(struct lo_stats), "lo", NET_NAME_PREDICTABLE, loopback_setup);
	if (!dev)
		return -ENOMEM;
	err = register_netdev(dev);
	if (err) {
		free_netdev(dev);
		return err;
	}
	loopback_dev = dev;
	return 0;
}
