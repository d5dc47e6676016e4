/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Network devices (include/linux/netdevice.h): struct net_device with the members drivers use, its
 * operations, the transmit queue's state, carrier, statistics and netdev_printk. One namespace (init_net),
 * one transmit queue per device (dev->num_tx_queues is what alloc_netdev_mqs() was given, all of them
 * share the one state); no qdisc: dev_queue_xmit() hands the skb straight to ndo_start_xmit().
 */
#ifndef _LINUX_NETDEVICE_H
#define _LINUX_NETDEVICE_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/device.h>
#include <linux/bitops.h>
#include <linux/limits.h>
#include <asm/byteorder.h>
#include <linux/atomic.h>
#include <linux/spinlock.h>
#include <linux/printk.h>
#include <linux/dynamic_debug.h>
#include <linux/skbuff.h>
#include <linux/if_ether.h>
#include <linux/if_link.h>
#include <linux/jiffies.h>
#include <linux/netlink.h>
#include <linux/ethtool.h>
#include <uapi/linux/if.h>
#include <net/net_namespace.h>

struct net_device;
struct netlink_ext_ack;
struct ethtool_ops;

/* How a frame's link-layer header is built (eth_header for Ethernet). */
struct header_ops {
	int	(*create)(struct sk_buff *skb, struct net_device *dev, unsigned short type,
			  const void *daddr, const void *saddr, unsigned int len);
	int	(*parse)(const struct sk_buff *skb, unsigned char *haddr);
};

#define MAX_ADDR_LEN	32
#define NET_NAME_UNKNOWN	0	/* unknown origin (not exposed to userspace) */
#define NET_NAME_ENUM		1	/* enumerated by kernel */
#define NET_NAME_PREDICTABLE	2
#define NET_NAME_USER		3
#define NET_NAME_RENAME		4

#define DEFAULT_TX_QUEUE_LEN	1000

/* dev->addr_assign_type: where the address came from (/sys/class/net/NAME/addr_assign_type). */
#define NET_ADDR_PERM		0
#define NET_ADDR_RANDOM		1
#define NET_ADDR_STOLEN		2
#define NET_ADDR_SET		3

/* What ndo_start_xmit() returns. */
enum netdev_tx {
	__NETDEV_TX_MIN	 = INT_MIN,
	NETDEV_TX_OK	 = 0x00,
	NETDEV_TX_BUSY	 = 0x10,
};
typedef enum netdev_tx netdev_tx_t;

/* What dev_queue_xmit() returns. */
#define NET_XMIT_SUCCESS	0x00
#define NET_XMIT_DROP		0x01
#define NET_XMIT_CN		0x02
#define NET_XMIT_MASK		0x0f

/* What netif_rx() returns. */
#define NET_RX_SUCCESS		0
#define NET_RX_DROP		1

/* The counters drivers keep in dev->stats; atomic for DEV_STATS_INC() from any context. */
#define NET_DEV_STAT(FIELD)			\
	union {					\
		unsigned long FIELD;		\
		atomic_long_t __##FIELD;	\
	}

struct net_device_stats {
	NET_DEV_STAT(rx_packets);
	NET_DEV_STAT(tx_packets);
	NET_DEV_STAT(rx_bytes);
	NET_DEV_STAT(tx_bytes);
	NET_DEV_STAT(rx_errors);
	NET_DEV_STAT(tx_errors);
	NET_DEV_STAT(rx_dropped);
	NET_DEV_STAT(tx_dropped);
	NET_DEV_STAT(multicast);
	NET_DEV_STAT(collisions);
	NET_DEV_STAT(rx_length_errors);
	NET_DEV_STAT(rx_over_errors);
	NET_DEV_STAT(rx_crc_errors);
	NET_DEV_STAT(rx_frame_errors);
	NET_DEV_STAT(rx_fifo_errors);
	NET_DEV_STAT(rx_missed_errors);
	NET_DEV_STAT(tx_aborted_errors);
	NET_DEV_STAT(tx_carrier_errors);
	NET_DEV_STAT(tx_fifo_errors);
	NET_DEV_STAT(tx_heartbeat_errors);
	NET_DEV_STAT(tx_window_errors);
	NET_DEV_STAT(rx_compressed);
	NET_DEV_STAT(tx_compressed);
};
#undef NET_DEV_STAT

#define DEV_STATS_INC(DEV, FIELD) atomic_long_inc(&(DEV)->stats.__##FIELD)
#define DEV_STATS_ADD(DEV, FIELD, VAL) atomic_long_add((VAL), &(DEV)->stats.__##FIELD)
#define DEV_STATS_READ(DEV, FIELD) atomic_long_read(&(DEV)->stats.__##FIELD)

/* Counted by the core itself (Linux: per CPU): what it dropped on the device's behalf. */
struct net_device_core_stats {
	unsigned long	rx_dropped;
	unsigned long	tx_dropped;
	unsigned long	rx_nohandler;
	unsigned long	rx_otherhost_dropped;
};

struct net_device_ops {
	int			(*ndo_init)(struct net_device *dev);
	void			(*ndo_uninit)(struct net_device *dev);
	int			(*ndo_open)(struct net_device *dev);
	int			(*ndo_stop)(struct net_device *dev);
	netdev_tx_t		(*ndo_start_xmit)(struct sk_buff *skb, struct net_device *dev);
	u16			(*ndo_select_queue)(struct net_device *dev, struct sk_buff *skb,
						    struct net_device *sb_dev);
	void			(*ndo_change_rx_flags)(struct net_device *dev, int flags);
	void			(*ndo_set_rx_mode)(struct net_device *dev);
	int			(*ndo_set_mac_address)(struct net_device *dev, void *addr);
	int			(*ndo_validate_addr)(struct net_device *dev);
	int			(*ndo_do_ioctl)(struct net_device *dev, void *ifr, int cmd);
	int			(*ndo_change_mtu)(struct net_device *dev, int new_mtu);
	void			(*ndo_tx_timeout)(struct net_device *dev, unsigned int txqueue);
	void			(*ndo_get_stats64)(struct net_device *dev, struct rtnl_link_stats64 *storage);
	struct net_device_stats *(*ndo_get_stats)(struct net_device *dev);
	int			(*ndo_get_iflink)(const struct net_device *dev);
};

/* dev->priv_flags */
enum netdev_priv_flags {
	IFF_802_1Q_VLAN			= 1<<0,
	IFF_EBRIDGE			= 1<<1,
	IFF_BONDING			= 1<<2,
	IFF_ISATAP			= 1<<3,
	IFF_WAN_HDLC			= 1<<4,
	IFF_XMIT_DST_RELEASE		= 1<<5,
	IFF_DONT_BRIDGE			= 1<<6,
	IFF_DISABLE_NETPOLL		= 1<<7,
	IFF_MACVLAN_PORT		= 1<<8,
	IFF_BRIDGE_PORT			= 1<<9,
	IFF_OVS_DATAPATH		= 1<<10,
	IFF_TX_SKB_SHARING		= 1<<11,
	IFF_UNICAST_FLT			= 1<<12,
	IFF_TEAM_PORT			= 1<<13,
	IFF_SUPP_NOFCS			= 1<<14,
	IFF_LIVE_ADDR_CHANGE		= 1<<15,
	IFF_MACVLAN			= 1<<16,
	IFF_XMIT_DST_RELEASE_PERM	= 1<<17,
	IFF_L3MDEV_MASTER		= 1<<18,
	IFF_NO_QUEUE			= 1<<19,
	IFF_OPENVSWITCH			= 1<<20,
	IFF_L3MDEV_SLAVE		= 1<<21,
	IFF_TEAM			= 1<<22,
	IFF_RXFH_CONFIGURED		= 1<<23,
	IFF_PHONY_HEADROOM		= 1<<24,
	IFF_MACSEC			= 1<<25,
	IFF_NO_RX_HANDLER		= 1<<26,
	IFF_FAILOVER			= 1<<27,
	IFF_FAILOVER_SLAVE		= 1<<28,
	IFF_L3MDEV_RX_HANDLER		= 1<<29,
	IFF_NO_ADDRCONF			= BIT_ULL(30),
	IFF_TX_SKB_NO_LINEAR		= BIT_ULL(31),
};

/* dev->state bits. */
enum netdev_state_t {
	__LINK_STATE_START,
	__LINK_STATE_PRESENT,
	__LINK_STATE_NOCARRIER,
	__LINK_STATE_LINKWATCH_PENDING,
	__LINK_STATE_DORMANT,
	__LINK_STATE_TESTING,
};

/* The transmit queue's state bits. */
enum netdev_queue_state_t {
	__QUEUE_STATE_DRV_XOFF,
	__QUEUE_STATE_STACK_XOFF,
	__QUEUE_STATE_FROZEN,
};

enum netdev_reg_state {
	NETREG_UNINITIALIZED = 0,
	NETREG_REGISTERED,
	NETREG_UNREGISTERING,
	NETREG_UNREGISTERED,
	NETREG_RELEASED,
	NETREG_DUMMY,
};

struct netdev_queue {
	struct net_device	*dev;
	unsigned long		state;
	unsigned long		trans_start;
};

struct net_device {
	char			name[IFNAMSIZ];
	unsigned long		state;
	struct list_head	dev_list;
	int			ifindex;
	unsigned int		flags;
	unsigned long long	priv_flags;
	const struct net_device_ops *netdev_ops;
	const struct ethtool_ops *ethtool_ops;
	const struct header_ops *header_ops;
	unsigned short		type;
	unsigned short		hard_header_len;
	unsigned char		min_header_len;
	unsigned char		name_assign_type;
	unsigned short		needed_headroom;
	unsigned short		needed_tailroom;
	unsigned int		mtu;
	unsigned int		min_mtu;
	unsigned int		max_mtu;
	unsigned int		tx_queue_len;
	unsigned char		operstate;
	unsigned char		link_mode;
	unsigned char		if_port;
	unsigned char		dma;
	unsigned char		addr_assign_type;
	unsigned char		addr_len;
	unsigned short		dev_id;
	unsigned short		dev_port;
	unsigned long		mem_end;
	unsigned long		mem_start;
	unsigned long		base_addr;
	int			irq;
	unsigned int		watchdog_timeo;
	unsigned int		num_tx_queues;
	unsigned int		real_num_tx_queues;
	unsigned int		num_rx_queues;
	unsigned long long	features;
	unsigned long long	hw_features;
	unsigned char		perm_addr[MAX_ADDR_LEN];
	const unsigned char	*dev_addr;
	unsigned char		broadcast[MAX_ADDR_LEN];
	struct net_device_stats	stats;
	struct net_device_core_stats core_stats;
	unsigned int		carrier_changes;	/* /sys/class/net/NAME/carrier_changes */
	unsigned int		carrier_up_count;
	unsigned int		carrier_down_count;
	void			*ml_priv;
	struct netdev_queue	*_tx;
	u8			reg_state;
	bool			needs_free_netdev;
	void			(*priv_destructor)(struct net_device *dev);
	struct device		dev;
	const struct attribute_group *sysfs_groups[4];
	int			group;
	struct module		*lkm_owner;	/* who allocated it (the unload check) */
	const char		*lkm_qdisc;	/* the queueing discipline's name, as ip link shows it */
	struct sk_buff_head	lkm_qdisc_q;	/* what pfifo_fast holds while the queue is stopped */
	struct list_head	lkm_tx_node;	/* on the list of devices whose queue was woken */
	struct list_head	napi_list;
	struct device		*lkm_linked_parent;	/* the parent /sys/class/net/NAME/device leads to */
	unsigned char		lkm_addr[MAX_ADDR_LEN];	/* the storage dev_addr points to */
	/* The private area (netdev_priv) follows, aligned to NETDEV_ALIGN. */
};

#define NETDEV_ALIGN		32

/* Headroom for the link-layer header, rounded as Linux's hard header cache keeps it. */
#define HH_DATA_MOD	16
#define LL_RESERVED_SPACE(dev) \
	((((dev)->hard_header_len + READ_ONCE((dev)->needed_headroom)) & ~(HH_DATA_MOD - 1)) + HH_DATA_MOD)

#define to_net_dev(d) container_of(d, struct net_device, dev)

static inline void *netdev_priv(const struct net_device *dev)
{
	return (char *)dev + ALIGN(sizeof(struct net_device), NETDEV_ALIGN);
}

#define SET_NETDEV_DEV(net, pdev)	((net)->dev.parent = (pdev))
#define SET_NETDEV_DEVTYPE(net, devtype)	((net)->dev.type = (devtype))

/* ---- allocation and registration (net/core/dev.c) ---- */

struct net_device *__lkm_alloc_netdev_mqs(int sizeof_priv, const char *name, unsigned char name_assign_type,
					  void (*setup)(struct net_device *), unsigned int txqs, unsigned int rxqs,
					  struct module *owner);
#define alloc_netdev_mqs(sizeof_priv, name, name_assign_type, setup, txqs, rxqs) \
	__lkm_alloc_netdev_mqs(sizeof_priv, name, name_assign_type, setup, txqs, rxqs, THIS_MODULE)
#define alloc_netdev(sizeof_priv, name, name_assign_type, setup) \
	alloc_netdev_mqs(sizeof_priv, name, name_assign_type, setup, 1, 1)
#define alloc_netdev_mq(sizeof_priv, name, name_assign_type, setup, count) \
	alloc_netdev_mqs(sizeof_priv, name, name_assign_type, setup, count, count)

void free_netdev(struct net_device *dev);
int register_netdev(struct net_device *dev);
void unregister_netdev(struct net_device *dev);
int register_netdevice(struct net_device *dev);
void unregister_netdevice_queue(struct net_device *dev, struct list_head *head);
static inline void unregister_netdevice(struct net_device *dev)
{
	unregister_netdevice_queue(dev, NULL);
}
int dev_alloc_name(struct net_device *dev, const char *name);

/* rtnl_lock: the one lock of configuration changes (a mutex in net/core/dev.c). */
void rtnl_lock(void);
void rtnl_unlock(void);
int rtnl_trylock(void);
int rtnl_is_locked(void);
#define ASSERT_RTNL() WARN_ONCE(!rtnl_is_locked(), "RTNL: assertion failed at %s (%d)\n", __FILE__, __LINE__)

struct net_device *dev_get_by_name(struct net *net, const char *name);
struct net_device *__dev_get_by_name(struct net *net, const char *name);
struct net_device *dev_get_by_index(struct net *net, int ifindex);
struct net_device *__dev_get_by_index(struct net *net, int ifindex);
/* A reference that keeps the structure (not the registration): dev_get_by_*() take one. */
void dev_hold(struct net_device *dev);
void dev_put(struct net_device *dev);

static inline int dev_hard_header(struct sk_buff *skb, struct net_device *dev, unsigned short type,
				  const void *daddr, const void *saddr, unsigned int len)
{
	if (!dev->header_ops || !dev->header_ops->create)
		return 0;
	return dev->header_ops->create(skb, dev, type, daddr, saddr, len);
}

int dev_open(struct net_device *dev, struct netlink_ext_ack *extack);
void dev_close(struct net_device *dev);
int dev_change_flags(struct net_device *dev, unsigned int flags, struct netlink_ext_ack *extack);
unsigned int dev_get_flags(const struct net_device *dev);
int dev_set_mtu(struct net_device *dev, int new_mtu);
int dev_set_mtu_ext(struct net_device *dev, int new_mtu, struct netlink_ext_ack *extack);
int dev_validate_mtu(struct net_device *dev, int mtu, struct netlink_ext_ack *extack);
int dev_set_mac_address(struct net_device *dev, void *sa, struct netlink_ext_ack *extack);
struct rtnl_link_stats64 *dev_get_stats(struct net_device *dev, struct rtnl_link_stats64 *storage);
void netdev_stats_to_stats64(struct rtnl_link_stats64 *stats64, const struct net_device_stats *netdev_stats);
void dev_addr_set(struct net_device *dev, const u8 *addr);
void dev_addr_mod(struct net_device *dev, unsigned int offset, const void *addr, size_t len);

static inline bool netif_running(const struct net_device *dev)
{
	return test_bit(__LINK_STATE_START, &dev->state);
}

static inline bool netif_device_present(const struct net_device *dev)
{
	return test_bit(__LINK_STATE_PRESENT, &dev->state);
}

void netif_device_detach(struct net_device *dev);
void netif_device_attach(struct net_device *dev);

/* ---- the transmit queue ---- */

static inline struct netdev_queue *netdev_get_tx_queue(const struct net_device *dev, unsigned int index)
{
	return &dev->_tx[index];
}

void netif_tx_wake_queue(struct netdev_queue *dev_queue);

static inline void netif_tx_start_queue(struct netdev_queue *dev_queue)
{
	clear_bit(__QUEUE_STATE_DRV_XOFF, &dev_queue->state);
}

static inline void netif_tx_stop_queue(struct netdev_queue *dev_queue)
{
	set_bit(__QUEUE_STATE_DRV_XOFF, &dev_queue->state);
}

static inline bool netif_tx_queue_stopped(const struct netdev_queue *dev_queue)
{
	return test_bit(__QUEUE_STATE_DRV_XOFF, &dev_queue->state);
}

static inline void netif_start_queue(struct net_device *dev)
{
	netif_tx_start_queue(netdev_get_tx_queue(dev, 0));
}

static inline void netif_stop_queue(struct net_device *dev)
{
	netif_tx_stop_queue(netdev_get_tx_queue(dev, 0));
}

static inline void netif_wake_queue(struct net_device *dev)
{
	netif_tx_wake_queue(netdev_get_tx_queue(dev, 0));
}

static inline bool netif_queue_stopped(const struct net_device *dev)
{
	return netif_tx_queue_stopped(netdev_get_tx_queue(dev, 0));
}

static inline void netif_tx_start_all_queues(struct net_device *dev)
{
	unsigned int i;

	for (i = 0; i < dev->num_tx_queues; i++)
		netif_tx_start_queue(netdev_get_tx_queue(dev, i));
}

static inline void netif_tx_stop_all_queues(struct net_device *dev)
{
	unsigned int i;

	for (i = 0; i < dev->num_tx_queues; i++)
		netif_tx_stop_queue(netdev_get_tx_queue(dev, i));
}

static inline void netif_tx_wake_all_queues(struct net_device *dev)
{
	unsigned int i;

	for (i = 0; i < dev->num_tx_queues; i++)
		netif_tx_wake_queue(netdev_get_tx_queue(dev, i));
}

static inline void netif_trans_update(struct net_device *dev)
{
	netdev_get_tx_queue(dev, 0)->trans_start = jiffies;
}

int dev_queue_xmit(struct sk_buff *skb);

/* What a sender reports of dev_queue_xmit()'s NET_XMIT_* result: congestion is not an error. */
#define net_xmit_errno(e)	((e) != NET_XMIT_CN ? -ENOBUFS : 0)

/* ---- carrier and operational state (net/core/link_watch.c) ---- */

void netif_carrier_on(struct net_device *dev);
void netif_carrier_off(struct net_device *dev);

static inline bool netif_carrier_ok(const struct net_device *dev)
{
	return !test_bit(__LINK_STATE_NOCARRIER, &dev->state);
}

static inline bool netif_oper_up(const struct net_device *dev)
{
	unsigned int operstate = READ_ONCE(dev->operstate);

	return operstate == IF_OPER_UP || operstate == IF_OPER_UNKNOWN;
}

static inline bool netif_dormant(const struct net_device *dev)
{
	return test_bit(__LINK_STATE_DORMANT, &dev->state);
}

void netif_dormant_on(struct net_device *dev);
void netif_dormant_off(struct net_device *dev);

/* ---- NAPI: a driver's poll function, run from the NET_RX softirq (net/core/napi.c) ---- */

#define NAPI_POLL_WEIGHT 64

enum {
	NAPI_STATE_SCHED,	/* poll is scheduled (also: disabled, while enable has not run) */
	NAPI_STATE_MISSED,
	NAPI_STATE_DISABLE,
	NAPI_STATE_NPSVC,
	NAPI_STATE_LISTED,
};

struct napi_struct {
	struct list_head	poll_list;
	unsigned long		state;
	int			weight;
	int			(*poll)(struct napi_struct *napi, int budget);
	struct net_device	*dev;
	struct list_head	dev_list;
};

void netif_napi_add_weight(struct net_device *dev, struct napi_struct *napi,
			   int (*poll)(struct napi_struct *, int), int weight);
static inline void netif_napi_add(struct net_device *dev, struct napi_struct *napi,
				  int (*poll)(struct napi_struct *, int))
{
	netif_napi_add_weight(dev, napi, poll, NAPI_POLL_WEIGHT);
}
void netif_napi_del(struct napi_struct *napi);
void napi_enable(struct napi_struct *n);
void napi_disable(struct napi_struct *n);
bool napi_schedule_prep(struct napi_struct *n);
void __napi_schedule(struct napi_struct *n);
bool napi_complete_done(struct napi_struct *n, int work_done);

static inline bool napi_schedule(struct napi_struct *n)
{
	if (napi_schedule_prep(n)) {
		__napi_schedule(n);
		return true;
	}
	return false;
}

static inline void napi_schedule_irqoff(struct napi_struct *n)
{
	napi_schedule(n);
}

static inline bool napi_complete(struct napi_struct *n)
{
	return napi_complete_done(n, 0);
}

int napi_gro_receive(struct napi_struct *napi, struct sk_buff *skb);

/* ---- receiving (net/core/dev.c) ---- */

int netif_rx(struct sk_buff *skb);
int netif_receive_skb(struct sk_buff *skb);
#define netif_rx_ni(skb) netif_rx(skb)

/* A protocol handler: packets of @type (ETH_P_ALL: all of them) are given to func. */
struct packet_type {
	__be16			type;
	bool			ignore_outgoing;
	struct net_device	*dev;
	int			(*func)(struct sk_buff *skb, struct net_device *dev, struct packet_type *pt,
					struct net_device *orig_dev);
	void			*af_packet_priv;
	struct list_head	list;
	struct module		*lkm_owner;	/* who added it (the unload check) */
};

void __lkm_dev_add_pack(struct packet_type *pt, struct module *owner);
#define dev_add_pack(pt) __lkm_dev_add_pack(pt, THIS_MODULE)
void dev_remove_pack(struct packet_type *pt);
void __dev_remove_pack(struct packet_type *pt);

/* ---- printing: "NAME: msg", or "DRIVER PARENT NAME: msg" under a parent device ---- */

static inline const char *netdev_name(const struct net_device *dev)
{
	if (!dev->name[0] || strchr(dev->name, '%'))
		return "(unnamed net_device)";
	return dev->name;
}

const char *netdev_reg_state(const struct net_device *dev);

__printf(3, 4) void netdev_printk(const char *level, const struct net_device *dev, const char *format, ...);
__printf(2, 3) void netdev_emerg(const struct net_device *dev, const char *format, ...);
__printf(2, 3) void netdev_alert(const struct net_device *dev, const char *format, ...);
__printf(2, 3) void netdev_crit(const struct net_device *dev, const char *format, ...);
__printf(2, 3) void netdev_err(const struct net_device *dev, const char *format, ...);
__printf(2, 3) void netdev_warn(const struct net_device *dev, const char *format, ...);
__printf(2, 3) void netdev_notice(const struct net_device *dev, const char *format, ...);
__printf(2, 3) void netdev_info(const struct net_device *dev, const char *format, ...);

#ifdef DEBUG
#define netdev_dbg(__dev, format, args...) netdev_printk(KERN_DEBUG, __dev, format, ##args)
#else
#define netdev_dbg(__dev, format, args...) \
	__dynamic_func_call(format, netdev_printk(KERN_DEBUG, __dev, format, ##args))
#endif

#define netif_msg_drv(p)	((p)->msg_enable & NETIF_MSG_DRV)
#define NETIF_MSG_DRV		0x0001
#define NETIF_MSG_PROBE		0x0002
#define NETIF_MSG_LINK		0x0004

#define netif_info(priv, type, dev, fmt, args...) netdev_info(dev, fmt, ##args)
#define netif_err(priv, type, dev, fmt, args...) netdev_err(dev, fmt, ##args)
#define netif_dbg(priv, type, netdev, format, args...) netdev_dbg(netdev, format, ##args)

#endif /* _LINUX_NETDEVICE_H */
