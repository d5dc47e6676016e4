/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Netlink's extended acknowledgement (include/linux/netlink.h): the message a configuration change
 * gives with its error, which ip(8) prints as "Error: MESSAGE.". No netlink sockets here: the ip command
 * reaches the kernel through net/core/rtnetlink.c's host entries, which carry the message back.
 */
#ifndef __LINUX_NETLINK_H
#define __LINUX_NETLINK_H

#include <linux/types.h>

struct netlink_ext_ack {
	const char *_msg;
};

#define NL_SET_ERR_MSG(extack, msg) do {		\
	static const char __msg[] = msg;		\
	struct netlink_ext_ack *__extack = (extack);	\
							\
	if (__extack)					\
		__extack->_msg = __msg;			\
} while (0)

#define NL_SET_ERR_MSG_MOD(extack, msg)	NL_SET_ERR_MSG((extack), KBUILD_MODNAME ": " msg)

#endif
