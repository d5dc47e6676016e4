/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef _LINUX_IN6_H
#define _LINUX_IN6_H

/* IPv6 addresses and socket addresses (Linux's uapi layout). */
#include <linux/types.h>
#include <linux/socket.h>

/* IPv6 address structure */
struct in6_addr {
	union {
		__u8		u6_addr8[16];
		__be16		u6_addr16[8];
		__be32		u6_addr32[4];
	} in6_u;
#define s6_addr			in6_u.u6_addr8
#define s6_addr16		in6_u.u6_addr16
#define s6_addr32		in6_u.u6_addr32
};

struct sockaddr_in6 {
	unsigned short int	sin6_family;	/* AF_INET6 */
	__be16			sin6_port;	/* Transport layer port # */
	__be32			sin6_flowinfo;	/* IPv6 flow information */
	struct in6_addr		sin6_addr;	/* IPv6 address */
	__u32			sin6_scope_id;	/* scope id (new in RFC2553) */
};

#define IPV6_FLOWINFO_FLOWLABEL		0x000fffff
#define IPV6_FLOWINFO_PRIORITY		0x0ff00000

#define IN6ADDR_ANY_INIT { { { 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0 } } }
#define IN6ADDR_LOOPBACK_INIT { { { 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1 } } }
#define IN6ADDR_LINKLOCAL_ALLNODES_INIT { { { 0xff,2,0,0,0,0,0,0,0,0,0,0,0,0,0,1 } } }
#define IN6ADDR_LINKLOCAL_ALLROUTERS_INIT { { { 0xff,2,0,0,0,0,0,0,0,0,0,0,0,0,0,2 } } }
#define IN6ADDR_INTERFACELOCAL_ALLNODES_INIT { { { 0xff,1,0,0,0,0,0,0,0,0,0,0,0,0,0,1 } } }
#define IN6ADDR_INTERFACELOCAL_ALLROUTERS_INIT { { { 0xff,1,0,0,0,0,0,0,0,0,0,0,0,0,0,2 } } }
#define IN6ADDR_SITELOCAL_ALLROUTERS_INIT { { { 0xff,5,0,0,0,0,0,0,0,0,0,0,0,0,0,2 } } }

#endif /* _LINUX_IN6_H */
