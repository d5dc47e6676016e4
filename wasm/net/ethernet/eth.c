// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Ethernet (net/ethernet/eth.c): ether_setup(), the header's creation and parsing, eth_type_trans()
 * (where a received frame was addressed, and its protocol), and the address change helpers.
 */
#include <linux/etherdevice.h>
#include <linux/if_arp.h>
#include <linux/export.h>
#include <linux/socket.h>

int eth_header(struct sk_buff *skb, struct net_device *dev, unsigned short type, const void *daddr,
	       const void *saddr, unsigned int len)
{
	struct ethhdr *eth = skb_push(skb, ETH_HLEN);

	/* 802.3 frames (no type field) carry their length instead. */
	if (type != ETH_P_802_3 && type != ETH_P_802_2)
		eth->h_proto = htons(type);
	else
		eth->h_proto = htons(len);
	if (!saddr)
		saddr = dev->dev_addr;
	memcpy(eth->h_source, saddr, ETH_ALEN);
	if (daddr) {
		memcpy(eth->h_dest, daddr, ETH_ALEN);
		return ETH_HLEN;
	}
	/* A loopback device needs no destination. */
	if (dev->flags & (IFF_LOOPBACK | IFF_NOARP)) {
		eth_zero_addr(eth->h_dest);
		return ETH_HLEN;
	}
	return -ETH_HLEN;
}
EXPORT_SYMBOL(eth_header);

int eth_header_parse(const struct sk_buff *skb, unsigned char *haddr)
{
	const struct ethhdr *eth = eth_hdr(skb);

	memcpy(haddr, eth->h_source, ETH_ALEN);
	return ETH_ALEN;
}
EXPORT_SYMBOL(eth_header_parse);

const struct header_ops eth_header_ops = {
	.create	= eth_header,
	.parse	= eth_header_parse,
};
EXPORT_SYMBOL(eth_header_ops);

/*
 * Sets skb->pkt_type from the destination address, pulls the header, and returns the protocol: the
 * type field, or for an 802.3 length ETH_P_802_3 (raw IPX: 0xFFFF) or ETH_P_802_2 (LLC).
 */
__be16 eth_type_trans(struct sk_buff *skb, struct net_device *dev)
{
	const struct ethhdr *eth;
	unsigned short sap;

	skb->dev = dev;
	skb_reset_mac_header(skb);
	eth = (const struct ethhdr *)skb->data;
	skb_pull_inline(skb, ETH_HLEN);

	if (unlikely(!ether_addr_equal_unaligned(eth->h_dest, dev->dev_addr))) {
		if (unlikely(is_multicast_ether_addr(eth->h_dest))) {
			if (ether_addr_equal(eth->h_dest, dev->broadcast))
				skb->pkt_type = PACKET_BROADCAST;
			else
				skb->pkt_type = PACKET_MULTICAST;
		} else {
			skb->pkt_type = PACKET_OTHERHOST;
		}
	}
	if (likely(eth_proto_is_802_3(eth->h_proto)))
		return eth->h_proto;
	sap = skb->len >= 2 ? *(const unsigned short *)skb->data : 0;
	if (sap == 0xFFFF)
		return htons(ETH_P_802_3);
	return htons(ETH_P_802_2);
}
EXPORT_SYMBOL(eth_type_trans);

int eth_prepare_mac_addr_change(struct net_device *dev, void *p)
{
	struct sockaddr *addr = p;

	if (!(dev->priv_flags & IFF_LIVE_ADDR_CHANGE) && netif_running(dev))
		return -EBUSY;
	if (!is_valid_ether_addr((const u8 *)addr->sa_data))
		return -EADDRNOTAVAIL;
	return 0;
}
EXPORT_SYMBOL(eth_prepare_mac_addr_change);

void eth_commit_mac_addr_change(struct net_device *dev, void *p)
{
	struct sockaddr *addr = p;

	eth_hw_addr_set(dev, (const u8 *)addr->sa_data);
}
EXPORT_SYMBOL(eth_commit_mac_addr_change);

int eth_mac_addr(struct net_device *dev, void *p)
{
	int ret = eth_prepare_mac_addr_change(dev, p);

	if (ret < 0)
		return ret;
	eth_commit_mac_addr_change(dev, p);
	return 0;
}
EXPORT_SYMBOL(eth_mac_addr);

int eth_validate_addr(struct net_device *dev)
{
	if (!is_valid_ether_addr(dev->dev_addr))
		return -EADDRNOTAVAIL;
	return 0;
}
EXPORT_SYMBOL(eth_validate_addr);

void ether_setup(struct net_device *dev)
{
	dev->header_ops		= &eth_header_ops;
	dev->type		= ARPHRD_ETHER;
	dev->hard_header_len	= ETH_HLEN;
	dev->min_header_len	= ETH_HLEN;
	dev->mtu		= ETH_DATA_LEN;
	dev->min_mtu		= ETH_MIN_MTU;
	dev->max_mtu		= ETH_DATA_LEN;
	dev->addr_len		= ETH_ALEN;
	dev->tx_queue_len	= DEFAULT_TX_QUEUE_LEN;
	dev->flags		= IFF_BROADCAST | IFF_MULTICAST;
	dev->priv_flags		|= IFF_TX_SKB_SHARING;
	eth_broadcast_addr(dev->broadcast);
}
EXPORT_SYMBOL(ether_setup);
