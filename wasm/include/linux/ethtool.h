/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * ethtool operations (include/linux/ethtool.h): the members drivers set most. There is no ethtool
 * command or SIOCETHTOOL here; the core uses get_link_ksettings for /sys/class/net/NAME/speed and
 * duplex, and get_link is what ethtool_op_get_link() answers from the carrier.
 */
#ifndef _LINUX_ETHTOOL_H
#define _LINUX_ETHTOOL_H

#include <linux/types.h>

struct net_device;

#define SPEED_10		10
#define SPEED_100		100
#define SPEED_1000		1000
#define SPEED_2500		2500
#define SPEED_10000		10000
#define SPEED_UNKNOWN		-1

#define DUPLEX_HALF		0x00
#define DUPLEX_FULL		0x01
#define DUPLEX_UNKNOWN		0xff

#define AUTONEG_DISABLE		0x00
#define AUTONEG_ENABLE		0x01

#define ETHTOOL_FWVERS_LEN	32
#define ETHTOOL_BUSINFO_LEN	32
#define ETHTOOL_EROMVERS_LEN	32

struct ethtool_drvinfo {
	__u32	cmd;
	char	driver[32];
	char	version[32];
	char	fw_version[ETHTOOL_FWVERS_LEN];
	char	bus_info[ETHTOOL_BUSINFO_LEN];
	char	erom_version[ETHTOOL_EROMVERS_LEN];
	char	reserved2[12];
	__u32	n_priv_flags;
	__u32	n_stats;
	__u32	testinfo_len;
	__u32	eedump_len;
	__u32	regdump_len;
};

struct ethtool_link_settings {
	__u32	cmd;
	__u32	speed;
	__u8	duplex;
	__u8	port;
	__u8	phy_address;
	__u8	autoneg;
};

struct ethtool_link_ksettings {
	struct ethtool_link_settings base;
};

struct ethtool_ops {
	void	(*get_drvinfo)(struct net_device *dev, struct ethtool_drvinfo *info);
	u32	(*get_msglevel)(struct net_device *dev);
	void	(*set_msglevel)(struct net_device *dev, u32 level);
	u32	(*get_link)(struct net_device *dev);
	int	(*get_link_ksettings)(struct net_device *dev, struct ethtool_link_ksettings *cmd);
	int	(*set_link_ksettings)(struct net_device *dev, const struct ethtool_link_ksettings *cmd);
};

u32 ethtool_op_get_link(struct net_device *dev);

#endif
