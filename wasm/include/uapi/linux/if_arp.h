/* SPDX-License-Identifier: GPL-2.0+ WITH Linux-syscall-note */
/* Hardware types (ARPHRD_*): dev->type, /sys/class/net/NAME/type (include/uapi/linux/if_arp.h). */
#ifndef _UAPI_LINUX_IF_ARP_H
#define _UAPI_LINUX_IF_ARP_H

#define ARPHRD_NETROM	0
#define ARPHRD_ETHER	1
#define	ARPHRD_EETHER	2
#define	ARPHRD_IEEE802	6
#define ARPHRD_SLIP	256
#define ARPHRD_PPP	512
#define ARPHRD_TUNNEL	768
#define ARPHRD_LOOPBACK	772
#define ARPHRD_IEEE80211 801
#define ARPHRD_VOID	0xFFFF
#define ARPHRD_NONE	0xFFFE

#endif
