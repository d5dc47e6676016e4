/* SPDX-License-Identifier: GPL-2.0+ WITH Linux-syscall-note */
/* Interface flags, operational states and link modes (include/uapi/linux/if.h). */
#ifndef _UAPI_LINUX_IF_H
#define _UAPI_LINUX_IF_H

#define	IFNAMSIZ	16
#define	IFALIASZ	256
#define	ALTIFNAMSIZ	128

/* dev->flags; the last three are reported by dev_get_flags(), never stored there. */
enum net_device_flags {
	IFF_UP				= 1<<0,
	IFF_BROADCAST			= 1<<1,
	IFF_DEBUG			= 1<<2,
	IFF_LOOPBACK			= 1<<3,
	IFF_POINTOPOINT			= 1<<4,
	IFF_NOTRAILERS			= 1<<5,
	IFF_RUNNING			= 1<<6,
	IFF_NOARP			= 1<<7,
	IFF_PROMISC			= 1<<8,
	IFF_ALLMULTI			= 1<<9,
	IFF_MASTER			= 1<<10,
	IFF_SLAVE			= 1<<11,
	IFF_MULTICAST			= 1<<12,
	IFF_PORTSEL			= 1<<13,
	IFF_AUTOMEDIA			= 1<<14,
	IFF_DYNAMIC			= 1<<15,
	IFF_LOWER_UP			= 1<<16,
	IFF_DORMANT			= 1<<17,
	IFF_ECHO			= 1<<18,
};

#define IFF_VOLATILE	(IFF_LOOPBACK|IFF_POINTOPOINT|IFF_BROADCAST|IFF_ECHO|\
		IFF_MASTER|IFF_SLAVE|IFF_RUNNING|IFF_LOWER_UP|IFF_DORMANT)

#define IF_GET_IFACE	0x0001
#define IF_GET_PROTO	0x0002

/* RFC 2863 operational status (/sys/class/net/NAME/operstate). */
enum {
	IF_OPER_UNKNOWN,
	IF_OPER_NOTPRESENT,
	IF_OPER_DOWN,
	IF_OPER_LOWERLAYERDOWN,
	IF_OPER_TESTING,
	IF_OPER_DORMANT,
	IF_OPER_UP,
};

enum {
	IF_LINK_MODE_DEFAULT,
	IF_LINK_MODE_DORMANT,
	IF_LINK_MODE_TESTING,
};

#endif /* _UAPI_LINUX_IF_H */
