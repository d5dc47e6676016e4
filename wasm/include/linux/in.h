/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef _LINUX_IN_H
#define _LINUX_IN_H

/* IPv4 addresses and socket addresses (Linux's uapi layout) with the kernel's ipv4_is_*() tests. */
#include <linux/types.h>
#include <linux/socket.h>
#include <asm/byteorder.h>

/* Standard well-defined IP protocols. */
enum {
	IPPROTO_IP = 0,		/* Dummy protocol for TCP */
	IPPROTO_ICMP = 1,	/* Internet Control Message Protocol */
	IPPROTO_IGMP = 2,	/* Internet Group Management Protocol */
	IPPROTO_IPIP = 4,	/* IPIP tunnels (older KA9Q tunnels use 94) */
	IPPROTO_TCP = 6,	/* Transmission Control Protocol */
	IPPROTO_EGP = 8,	/* Exterior Gateway Protocol */
	IPPROTO_PUP = 12,	/* PUP protocol */
	IPPROTO_UDP = 17,	/* User Datagram Protocol */
	IPPROTO_IDP = 22,	/* XNS IDP protocol */
	IPPROTO_TP = 29,	/* SO Transport Protocol Class 4 */
	IPPROTO_DCCP = 33,	/* Datagram Congestion Control Protocol */
	IPPROTO_IPV6 = 41,	/* IPv6-in-IPv4 tunnelling */
	IPPROTO_RSVP = 46,	/* RSVP Protocol */
	IPPROTO_GRE = 47,	/* Cisco GRE tunnels (rfc 1701,1702) */
	IPPROTO_ESP = 50,	/* Encapsulation Security Payload protocol */
	IPPROTO_AH = 51,	/* Authentication Header protocol */
	IPPROTO_MTP = 92,	/* Multicast Transport Protocol */
	IPPROTO_BEETPH = 94,	/* IP option pseudo header for BEET */
	IPPROTO_ENCAP = 98,	/* Encapsulation Header */
	IPPROTO_PIM = 103,	/* Protocol Independent Multicast */
	IPPROTO_COMP = 108,	/* Compression Header Protocol */
	IPPROTO_L2TP = 115,	/* Layer 2 Tunnelling Protocol */
	IPPROTO_SCTP = 132,	/* Stream Control Transport Protocol */
	IPPROTO_UDPLITE = 136,	/* UDP-Lite (RFC 3828) */
	IPPROTO_MPLS = 137,	/* MPLS in IP (RFC 4023) */
	IPPROTO_ETHERNET = 143,	/* Ethernet-within-IPv6 Encapsulation */
	IPPROTO_RAW = 255,	/* Raw IP packets */
	IPPROTO_SMC = 256,	/* Shared Memory Communications */
	IPPROTO_MPTCP = 262,	/* Multipath TCP connection */
	IPPROTO_MAX
};

/* Internet address. */
struct in_addr {
	__be32	s_addr;
};

/* Structure describing an Internet (IP) socket address. */
#define __SOCK_SIZE__	16		/* sizeof(struct sockaddr) */
struct sockaddr_in {
	__kernel_sa_family_t	sin_family;	/* Address family */
	__be16			sin_port;	/* Port number */
	struct in_addr		sin_addr;	/* Internet address */

	/* Pad to size of `struct sockaddr'. */
	unsigned char		__pad[__SOCK_SIZE__ - sizeof(short int) -
				      sizeof(unsigned short int) - sizeof(struct in_addr)];
};
#define sin_zero	__pad		/* for BSD UNIX comp. -FvK */

/* Address classes and special addresses, in host order. */
#define IN_CLASSA(a)		((((long int) (a)) & 0x80000000) == 0)
#define IN_CLASSA_NET		0xff000000
#define IN_CLASSA_NSHIFT	24
#define IN_CLASSA_HOST		(0xffffffff & ~IN_CLASSA_NET)
#define IN_CLASSA_MAX		128
#define IN_MULTICAST(a)		((((long int) (a)) & 0xf0000000) == 0xe0000000)
#define IN_LOOPBACKNET		127

#define INADDR_ANY		((unsigned long int) 0x00000000)
#define INADDR_BROADCAST	((unsigned long int) 0xffffffff)
#define INADDR_NONE		((unsigned long int) 0xffffffff)
#define INADDR_DUMMY		((unsigned long int) 0xc0000008)
#define INADDR_LOOPBACK		0x7f000001	/* 127.0.0.1   */
#define INADDR_UNSPEC_GROUP	0xe0000000U	/* 224.0.0.0   */
#define INADDR_ALLHOSTS_GROUP	0xe0000001U	/* 224.0.0.1   */
#define INADDR_ALLRTRS_GROUP	0xe0000002U	/* 224.0.0.2   */
#define INADDR_MAX_LOCAL_GROUP	0xe00000ffU	/* 224.0.0.255 */

static inline bool ipv4_is_loopback(__be32 addr)
{
	return (addr & htonl(0xff000000)) == htonl(0x7f000000);
}

static inline bool ipv4_is_multicast(__be32 addr)
{
	return (addr & htonl(0xf0000000)) == htonl(0xe0000000);
}

static inline bool ipv4_is_local_multicast(__be32 addr)
{
	return (addr & htonl(0xffffff00)) == htonl(0xe0000000);
}

static inline bool ipv4_is_lbcast(__be32 addr)
{
	/* limited broadcast */
	return addr == htonl(INADDR_BROADCAST);
}

static inline bool ipv4_is_all_snoopers(__be32 addr)
{
	return addr == htonl(0xe000006a);
}

static inline bool ipv4_is_zeronet(__be32 addr)
{
	return (addr == 0);
}

static inline bool ipv4_is_private_10(__be32 addr)
{
	return (addr & htonl(0xff000000)) == htonl(0x0a000000);
}

static inline bool ipv4_is_private_172(__be32 addr)
{
	return (addr & htonl(0xfff00000)) == htonl(0xac100000);
}

static inline bool ipv4_is_private_192(__be32 addr)
{
	return (addr & htonl(0xffff0000)) == htonl(0xc0a80000);
}

static inline bool ipv4_is_linklocal_169(__be32 addr)
{
	return (addr & htonl(0xffff0000)) == htonl(0xa9fe0000);
}

static inline bool ipv4_is_anycast_6to4(__be32 addr)
{
	return (addr & htonl(0xffffff00)) == htonl(0xc0586300);
}

static inline bool ipv4_is_test_192(__be32 addr)
{
	return (addr & htonl(0xffffff00)) == htonl(0xc0000200);
}

static inline bool ipv4_is_test_198(__be32 addr)
{
	return (addr & htonl(0xfffe0000)) == htonl(0xc6120000);
}

#endif /* _LINUX_IN_H */
