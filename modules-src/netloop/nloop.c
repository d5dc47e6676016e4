// SPDX-License-Identifier: GPL-2.0
/*
 * nloop: an Ethernet loopback driver. Every frame given to ndo_start_xmit() is copied into a new
 * receive buffer and handed back to the stack with netif_rx(), so it is counted twice: transmitted and
 * received. A protocol handler for the local experimental EtherType 0x88b5 counts the looped frames the
 * stack delivered (the "received" parameter); frames of other types find no handler and the core counts
 * them as dropped, as Linux does for a protocol nobody registered. Writing N to
 * /sys/kernel/debug/nloop/xmit sends N frames from the module, as a protocol would.
 */
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/skbuff.h>
#include <linux/ethtool.h>
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/kstrtox.h>

static unsigned int received;
module_param(received, uint, 0444);
MODULE_PARM_DESC(received, "frames of EtherType 0x88b5 delivered to this module");

static unsigned int max_mtu = 9000;
module_param(max_mtu, uint, 0444);
MODULE_PARM_DESC(max_mtu, "largest MTU the device accepts (jumbo frames)");

struct nloop_priv {
	u64 tx_packets, tx_bytes, tx_dropped;
	u64 rx_packets, rx_bytes, rx_dropped;
};

static struct net_device *nloop_dev;
static struct dentry *nloop_debugfs;

static int nloop_open(struct net_device *dev)
{
	netif_carrier_on(dev);
	netif_start_queue(dev);
	netdev_info(dev, "link up\n");
	return 0;
}

static int nloop_stop(struct net_device *dev)
{
	netif_stop_queue(dev);
	netif_carrier_off(dev);
	netdev_info(dev, "link down\n");
	return 0;
}

/* The "wire": a copy of the frame arrives on the same device. */
static void nloop_receive(struct net_device *dev, const struct sk_buff *tx)
{
	struct nloop_priv *p = netdev_priv(dev);
	struct sk_buff *skb = netdev_alloc_skb(dev, tx->len + NET_IP_ALIGN);

	if (!skb) {
		p->rx_dropped++;
		return;
	}
	skb_reserve(skb, NET_IP_ALIGN);
	skb_put_data(skb, tx->data, tx->len);
	skb->protocol = eth_type_trans(skb, dev);
	p->rx_packets++;
	p->rx_bytes += skb->len + ETH_HLEN;
	netif_rx(skb);
}

static netdev_tx_t nloop_xmit(struct sk_buff *skb, struct net_device *dev)
{
	struct nloop_priv *p = netdev_priv(dev);

	if (skb->len < ETH_HLEN) {
		p->tx_dropped++;
		dev_kfree_skb(skb);
		return NETDEV_TX_OK;
	}
	p->tx_packets++;
	p->tx_bytes += skb->len;
	nloop_receive(dev, skb);
	dev_kfree_skb(skb);
	return NETDEV_TX_OK;
}

static void nloop_get_stats64(struct net_device *dev, struct rtnl_link_stats64 *s)
{
	const struct nloop_priv *p = netdev_priv(dev);

	s->tx_packets = p->tx_packets;
	s->tx_bytes = p->tx_bytes;
	s->tx_dropped = p->tx_dropped;
	s->rx_packets = p->rx_packets;
	s->rx_bytes = p->rx_bytes;
	s->rx_dropped = p->rx_dropped;
}

static int nloop_change_mtu(struct net_device *dev, int new_mtu)
{
	netdev_info(dev, "mtu %u -> %d\n", dev->mtu, new_mtu);
	WRITE_ONCE(dev->mtu, new_mtu);
	return 0;
}

/* A wire of its own: 10 Gb/s, full duplex (/sys/class/net/nloop0/speed and duplex while up). */
static int nloop_get_link_ksettings(struct net_device *dev, struct ethtool_link_ksettings *cmd)
{
	cmd->base.speed = SPEED_10000;
	cmd->base.duplex = DUPLEX_FULL;
	cmd->base.autoneg = AUTONEG_DISABLE;
	return 0;
}

static void nloop_get_drvinfo(struct net_device *dev, struct ethtool_drvinfo *info)
{
	strscpy(info->driver, KBUILD_MODNAME, sizeof(info->driver));
}

static const struct ethtool_ops nloop_ethtool_ops = {
	.get_drvinfo		= nloop_get_drvinfo,
	.get_link		= ethtool_op_get_link,
	.get_link_ksettings	= nloop_get_link_ksettings,
};

static const struct net_device_ops nloop_ops = {
	.ndo_open		= nloop_open,
	.ndo_stop		= nloop_stop,
	.ndo_start_xmit		= nloop_xmit,
	.ndo_get_stats64	= nloop_get_stats64,
	.ndo_set_mac_address	= eth_mac_addr,
	.ndo_validate_addr	= eth_validate_addr,
	.ndo_change_mtu		= nloop_change_mtu,
};

static int nloop_rcv(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt,
		     struct net_device *orig_dev)
{
	if (dev == nloop_dev)
		received++;
	consume_skb(skb);
	return NET_RX_SUCCESS;
}

static struct packet_type nloop_packet_type = {
	.type	= htons(ETH_P_802_EX1),
	.func	= nloop_rcv,
};

/*
 * What a protocol does to send: room for the link-layer header, the payload, the header built by the
 * device's header_ops (eth_header), then dev_queue_xmit(). The payload carries its sequence number.
 */
static int nloop_send_one(struct net_device *dev, u32 seq)
{
	struct sk_buff *skb;
	__be32 *payload;
	int err;

	if (!netif_running(dev))
		return -ENETDOWN;
	skb = alloc_skb(LL_RESERVED_SPACE(dev) + ETH_ZLEN, GFP_KERNEL);
	if (!skb)
		return -ENOMEM;
	skb_reserve(skb, LL_RESERVED_SPACE(dev));
	payload = skb_put_zero(skb, ETH_ZLEN - ETH_HLEN);
	*payload = htonl(seq);
	skb->dev = dev;
	skb->protocol = htons(ETH_P_802_EX1);
	if (dev_hard_header(skb, dev, ETH_P_802_EX1, dev->broadcast, NULL, skb->len) < 0) {
		kfree_skb(skb);
		return -EINVAL;
	}
	err = dev_queue_xmit(skb);
	return err > 0 ? net_xmit_errno(err) : err;
}

/* echo N > /sys/kernel/debug/nloop/xmit: sends N frames of EtherType 0x88b5 (at most 1000). */
static ssize_t xmit_write(struct file *file, const char __user *ubuf, size_t len, loff_t *ppos)
{
	unsigned int n, i;
	int err = kstrtouint_from_user(ubuf, len, 0, &n);

	if (err)
		return err;
	if (n > 1000)
		return -EINVAL;
	for (i = 0; i < n; i++) {
		err = nloop_send_one(nloop_dev, i);
		if (err)
			return err;
	}
	return len;
}

static const struct file_operations xmit_fops = {
	.owner	= THIS_MODULE,
	.write	= xmit_write,
};

static int __init nloop_init(void)
{
	struct net_device *dev;
	int err;

	dev = alloc_etherdev(sizeof(struct nloop_priv));
	if (!dev)
		return -ENOMEM;
	strscpy(dev->name, "nloop%d", sizeof(dev->name));
	dev->netdev_ops = &nloop_ops;
	dev->ethtool_ops = &nloop_ethtool_ops;
	dev->max_mtu = max_mtu;
	eth_hw_addr_random(dev);
	/* No link until the device is opened. */
	netif_carrier_off(dev);
	err = register_netdev(dev);
	if (err) {
		pr_err("nloop: register_netdev: %d\n", err);
		free_netdev(dev);
		return err;
	}
	nloop_dev = dev;
	dev_add_pack(&nloop_packet_type);
	nloop_debugfs = debugfs_create_dir("nloop", NULL);
	debugfs_create_file("xmit", 0200, nloop_debugfs, NULL, &xmit_fops);
	netdev_info(dev, "loopback Ethernet device, address %pM\n", dev->dev_addr);
	return 0;
}

static void __exit nloop_exit(void)
{
	debugfs_remove_recursive(nloop_debugfs);
	dev_remove_pack(&nloop_packet_type);
	unregister_netdev(nloop_dev);
	free_netdev(nloop_dev);
}

module_init(nloop_init);
module_exit(nloop_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("An Ethernet device whose transmitted frames come back");
