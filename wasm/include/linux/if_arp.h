/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Hardware types (include/linux/if_arp.h): ARPHRD_* and whether a device's type carries addresses. */
#ifndef _LINUX_IF_ARP_H
#define _LINUX_IF_ARP_H

#include <linux/netdevice.h>
#include <uapi/linux/if_arp.h>

static inline bool dev_is_mac_header_xmit(const struct net_device *dev)
{
	switch (dev->type) {
	case ARPHRD_TUNNEL:
	case ARPHRD_NONE:
	case ARPHRD_VOID:
		return false;
	default:
		return true;
	}
}

#endif
