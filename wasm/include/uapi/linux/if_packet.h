/* SPDX-License-Identifier: GPL-2.0+ WITH Linux-syscall-note */
/* skb->pkt_type values: whom a received frame was addressed to (include/uapi/linux/if_packet.h). */
#ifndef __LINUX_IF_PACKET_H
#define __LINUX_IF_PACKET_H

#define PACKET_HOST		0
#define PACKET_BROADCAST	1
#define PACKET_MULTICAST	2
#define PACKET_OTHERHOST	3
#define PACKET_OUTGOING		4
#define PACKET_LOOPBACK		5
#define PACKET_USER		6
#define PACKET_KERNEL		7

#endif
