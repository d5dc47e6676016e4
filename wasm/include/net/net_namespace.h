/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Network namespaces (include/net/net_namespace.h): there is one, init_net, which every device is in;
 * drivers pass &init_net (or dev_net(dev)) to the lookups.
 */
#ifndef __NET_NET_NAMESPACE_H
#define __NET_NET_NAMESPACE_H

struct net_device;

struct net {
	int		ifindex;	/* the last ifindex given out */
	unsigned int	dev_base_seq;
};

extern struct net init_net;

static inline struct net *dev_net(const struct net_device *dev)
{
	(void)dev;
	return &init_net;
}

static inline bool net_eq(const struct net *net1, const struct net *net2)
{
	return net1 == net2;
}

#endif
