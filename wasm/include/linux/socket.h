/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SOCKET_H
#define _LINUX_SOCKET_H

/*
 * Socket addresses, as Linux lays them out (this kernel has no network stack: the types are for code
 * that builds, stores or prints addresses, e.g. with %pIS).
 */
#include <linux/types.h>
#include <linux/stddef.h>

typedef unsigned short __kernel_sa_family_t;
typedef __kernel_sa_family_t sa_family_t;

/* 1003.1g requires sa_family_t and that sa_data is char. */
struct sockaddr {
	sa_family_t	sa_family;	/* address family, AF_xxx */
	union {
		char sa_data_min[14];	/* minimum 14 bytes of protocol address */
		DECLARE_FLEX_ARRAY(char, sa_data);
	};
};

#define _K_SS_MAXSIZE	128	/* Implementation specific max size */

/* Large enough for any address family, aligned as a pointer. */
struct __kernel_sockaddr_storage {
	union {
		struct {
			__kernel_sa_family_t	ss_family;
			char __data[_K_SS_MAXSIZE - sizeof(unsigned short)];
		};
		void *__align;
	};
};
#define sockaddr_storage __kernel_sockaddr_storage

/* Supported address families (Linux's numbers). */
#define AF_UNSPEC	0
#define AF_UNIX		1	/* Unix domain sockets */
#define AF_LOCAL	1	/* POSIX name for AF_UNIX */
#define AF_INET		2	/* Internet IP Protocol */
#define AF_AX25		3
#define AF_IPX		4
#define AF_APPLETALK	5
#define AF_NETROM	6
#define AF_BRIDGE	7
#define AF_ATMPVC	8
#define AF_X25		9
#define AF_INET6	10	/* IP version 6 */
#define AF_NETLINK	16
#define AF_ROUTE	AF_NETLINK
#define AF_PACKET	17
#define AF_CAN		29
#define AF_BLUETOOTH	31
#define AF_VSOCK	40
#define AF_XDP		44
#define AF_MCTP		45
#define AF_MAX		46

/* Protocol families, same as address families. */
#define PF_UNSPEC	AF_UNSPEC
#define PF_UNIX		AF_UNIX
#define PF_LOCAL	AF_LOCAL
#define PF_INET		AF_INET
#define PF_INET6	AF_INET6
#define PF_NETLINK	AF_NETLINK
#define PF_PACKET	AF_PACKET
#define PF_MAX		AF_MAX

#endif /* _LINUX_SOCKET_H */
