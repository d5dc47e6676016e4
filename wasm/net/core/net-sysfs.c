// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * /sys/class/net/NAME (net/core/net-sysfs.c): the device's attributes with Linux's formats and errors,
 * statistics/ (dev_get_stats() per read), and the uevent file. As the other class devices here, the
 * directory is under /sys/class/net itself (Linux: a link to /sys/devices/virtual/net/NAME).
 */
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/sysfs.h>
#include <linux/kobject.h>
#include <linux/slab.h>
#include <linux/stddef.h>
#include "netdev.h"
#include "../../drivers/base/base.h"

static const char fmt_hex[] = "%#x\n";
static const char fmt_dec[] = "%d\n";
static const char fmt_u64[] = "%llu\n";

static struct class net_class = {
	.name = "net",
};

static bool dev_isalive(const struct net_device *dev)
{
	return READ_ONCE(dev->reg_state) <= NETREG_REGISTERED;
}

#define NETDEVICE_SHOW(field, format_string)					\
static ssize_t field##_show(struct device *dev, struct device_attribute *attr, char *buf)	\
{										\
	const struct net_device *ndev = to_net_dev(dev);			\
										\
	if (!dev_isalive(ndev))							\
		return -EINVAL;							\
	return sysfs_emit(buf, format_string, READ_ONCE(ndev->field));		\
}

#define NETDEVICE_SHOW_RO(field, format_string)		\
NETDEVICE_SHOW(field, format_string);			\
static DEVICE_ATTR_RO(field)

NETDEVICE_SHOW_RO(dev_id, fmt_hex);
NETDEVICE_SHOW_RO(dev_port, fmt_dec);
NETDEVICE_SHOW_RO(addr_assign_type, fmt_dec);
NETDEVICE_SHOW_RO(addr_len, fmt_dec);
NETDEVICE_SHOW_RO(ifindex, fmt_dec);
NETDEVICE_SHOW_RO(type, fmt_dec);
NETDEVICE_SHOW_RO(link_mode, fmt_dec);

/* A store: the value parsed, then the change made under rtnl_lock, as Linux's netdev_store(). */
static ssize_t netdev_store(struct device *dev, const char *buf, size_t len,
			    int (*set)(struct net_device *, unsigned long))
{
	struct net_device *netdev = to_net_dev(dev);
	unsigned long new;
	int ret;

	ret = kstrtoul(buf, 0, &new);
	if (ret)
		return ret;
	rtnl_lock();
	if (dev_isalive(netdev)) {
		ret = set(netdev, new);
		if (ret == 0)
			ret = len;
	}
	rtnl_unlock();
	return ret;
}

static ssize_t iflink_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct net_device *ndev = to_net_dev(dev);
	const struct net_device_ops *ops = ndev->netdev_ops;

	return sysfs_emit(buf, fmt_dec, ops && ops->ndo_get_iflink ? ops->ndo_get_iflink(ndev) : ndev->ifindex);
}
static DEVICE_ATTR_RO(iflink);

/* Unknown origin is not shown (EINVAL), as Linux hides it from user space. */
static ssize_t name_assign_type_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct net_device *ndev = to_net_dev(dev);

	if (ndev->name_assign_type == NET_NAME_UNKNOWN)
		return -EINVAL;
	return sysfs_emit(buf, fmt_dec, ndev->name_assign_type);
}
static DEVICE_ATTR_RO(name_assign_type);

static ssize_t address_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct net_device *ndev = to_net_dev(dev);

	if (!dev_isalive(ndev))
		return -EINVAL;
	return sysfs_emit(buf, "%*phC\n", ndev->addr_len, ndev->dev_addr);
}
static DEVICE_ATTR_RO(address);

static ssize_t broadcast_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct net_device *ndev = to_net_dev(dev);

	if (!dev_isalive(ndev))
		return -EINVAL;
	return sysfs_emit(buf, "%*phC\n", ndev->addr_len, ndev->broadcast);
}
static DEVICE_ATTR_RO(broadcast);

static ssize_t carrier_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct net_device *netdev = to_net_dev(dev);

	if (netif_running(netdev))
		return sysfs_emit(buf, fmt_dec, !!netif_carrier_ok(netdev));
	return -EINVAL;
}
static DEVICE_ATTR_RO(carrier);

static ssize_t dormant_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct net_device *netdev = to_net_dev(dev);

	if (netif_running(netdev))
		return sysfs_emit(buf, fmt_dec, !!netif_dormant(netdev));
	return -EINVAL;
}
static DEVICE_ATTR_RO(dormant);

/* The driver's get_link_ksettings, while the device runs; without one the read is EINVAL. */
static int link_ksettings(struct net_device *netdev, struct ethtool_link_ksettings *cmd)
{
	const struct ethtool_ops *ops = netdev->ethtool_ops;

	if (!netif_running(netdev) || !ops || !ops->get_link_ksettings)
		return -EINVAL;
	memset(cmd, 0, sizeof(*cmd));
	return ops->get_link_ksettings(netdev, cmd);
}

static ssize_t speed_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct ethtool_link_ksettings cmd;
	int ret;

	rtnl_lock();
	ret = link_ksettings(to_net_dev(dev), &cmd);
	rtnl_unlock();
	return ret ? ret : sysfs_emit(buf, fmt_dec, (int)cmd.base.speed);
}
static DEVICE_ATTR_RO(speed);

static ssize_t duplex_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct ethtool_link_ksettings cmd;
	const char *duplex;
	int ret;

	rtnl_lock();
	ret = link_ksettings(to_net_dev(dev), &cmd);
	rtnl_unlock();
	if (ret)
		return ret;
	switch (cmd.base.duplex) {
	case DUPLEX_HALF:
		duplex = "half";
		break;
	case DUPLEX_FULL:
		duplex = "full";
		break;
	default:
		duplex = "unknown";
		break;
	}
	return sysfs_emit(buf, "%s\n", duplex);
}
static DEVICE_ATTR_RO(duplex);

static const char *const operstates[] = {
	"unknown", "notpresent", "down", "lowerlayerdown", "testing", "dormant", "up",
};

static ssize_t operstate_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	const struct net_device *netdev = to_net_dev(dev);
	unsigned char operstate = READ_ONCE(netdev->operstate);

	if (!netif_running(netdev))
		operstate = IF_OPER_DOWN;
	if (operstate >= ARRAY_SIZE(operstates))
		return -EINVAL;
	return sysfs_emit(buf, "%s\n", operstates[operstate]);
}
static DEVICE_ATTR_RO(operstate);

static ssize_t carrier_changes_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct net_device *netdev = to_net_dev(dev);

	return sysfs_emit(buf, fmt_dec, netdev->carrier_up_count + netdev->carrier_down_count);
}
static DEVICE_ATTR_RO(carrier_changes);

static ssize_t carrier_up_count_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, fmt_dec, to_net_dev(dev)->carrier_up_count);
}
static DEVICE_ATTR_RO(carrier_up_count);

static ssize_t carrier_down_count_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, fmt_dec, to_net_dev(dev)->carrier_down_count);
}
static DEVICE_ATTR_RO(carrier_down_count);

NETDEVICE_SHOW(mtu, fmt_dec);

static int change_mtu(struct net_device *dev, unsigned long new_mtu)
{
	return dev_set_mtu(dev, (int)new_mtu);
}

static ssize_t mtu_store(struct device *dev, struct device_attribute *attr, const char *buf, size_t len)
{
	return netdev_store(dev, buf, len, change_mtu);
}
static DEVICE_ATTR_RW(mtu);

NETDEVICE_SHOW(flags, fmt_hex);

static int change_flags(struct net_device *dev, unsigned long new_flags)
{
	return dev_change_flags(dev, (unsigned int)new_flags, NULL);
}

static ssize_t flags_store(struct device *dev, struct device_attribute *attr, const char *buf, size_t len)
{
	return netdev_store(dev, buf, len, change_flags);
}
static DEVICE_ATTR_RW(flags);

NETDEVICE_SHOW(tx_queue_len, fmt_dec);

static int change_tx_queue_len(struct net_device *dev, unsigned long new_len)
{
	if (new_len != (unsigned int)new_len)
		return -ERANGE;
	WRITE_ONCE(dev->tx_queue_len, new_len);
	return 0;
}

static ssize_t tx_queue_len_store(struct device *dev, struct device_attribute *attr, const char *buf, size_t len)
{
	return netdev_store(dev, buf, len, change_tx_queue_len);
}
static DEVICE_ATTR_RW(tx_queue_len);

NETDEVICE_SHOW(group, fmt_dec);

static int change_group(struct net_device *dev, unsigned long new_group)
{
	dev->group = (int)new_group;
	return 0;
}

static ssize_t netdev_group_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return group_show(dev, attr, buf);
}

static ssize_t netdev_group_store(struct device *dev, struct device_attribute *attr, const char *buf, size_t len)
{
	return netdev_store(dev, buf, len, change_group);
}
static DEVICE_ATTR_RW(netdev_group);

/* No alias set: the read is empty (Linux emits nothing for an empty alias). */
static ssize_t ifalias_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return 0;
}
static DEVICE_ATTR_RO(ifalias);

static ssize_t proto_down_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	return sysfs_emit(buf, fmt_dec, 0);
}
static DEVICE_ATTR_RO(proto_down);

static ssize_t testing_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct net_device *netdev = to_net_dev(dev);

	if (netif_running(netdev))
		return sysfs_emit(buf, fmt_dec, !!test_bit(__LINK_STATE_TESTING, &netdev->state));
	return -EINVAL;
}
static DEVICE_ATTR_RO(testing);

static ssize_t uevent_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct net_device *ndev = to_net_dev(dev);

	return sysfs_emit(buf, "INTERFACE=%s\nIFINDEX=%d\n", ndev->name, ndev->ifindex);
}
static DEVICE_ATTR_RO(uevent);

static struct attribute *net_class_attrs[] = {
	&dev_attr_netdev_group.attr,
	&dev_attr_type.attr,
	&dev_attr_dev_id.attr,
	&dev_attr_dev_port.attr,
	&dev_attr_iflink.attr,
	&dev_attr_ifindex.attr,
	&dev_attr_name_assign_type.attr,
	&dev_attr_addr_assign_type.attr,
	&dev_attr_addr_len.attr,
	&dev_attr_link_mode.attr,
	&dev_attr_address.attr,
	&dev_attr_broadcast.attr,
	&dev_attr_speed.attr,
	&dev_attr_duplex.attr,
	&dev_attr_dormant.attr,
	&dev_attr_testing.attr,
	&dev_attr_operstate.attr,
	&dev_attr_carrier_changes.attr,
	&dev_attr_ifalias.attr,
	&dev_attr_carrier.attr,
	&dev_attr_mtu.attr,
	&dev_attr_flags.attr,
	&dev_attr_tx_queue_len.attr,
	&dev_attr_proto_down.attr,
	&dev_attr_carrier_up_count.attr,
	&dev_attr_carrier_down_count.attr,
	&dev_attr_uevent.attr,
	NULL,
};

static const struct attribute_group net_class_group = {
	.attrs = net_class_attrs,
};

/* ---- statistics/: one file per counter of struct rtnl_link_stats64 ---- */

static ssize_t netstat_show(const struct device *d, struct device_attribute *attr, char *buf,
			    unsigned long offset)
{
	struct net_device *dev = to_net_dev(d);
	struct rtnl_link_stats64 temp;
	ssize_t ret = -EINVAL;

	if (dev_isalive(dev)) {
		const struct rtnl_link_stats64 *stats = dev_get_stats(dev, &temp);

		ret = sysfs_emit(buf, fmt_u64, *(const u64 *)((const u8 *)stats + offset));
	}
	return ret;
}

#define NETSTAT_ENTRY(name)								\
static ssize_t name##_show(struct device *d, struct device_attribute *attr, char *buf)	\
{											\
	return netstat_show(d, attr, buf, offsetof(struct rtnl_link_stats64, name));	\
}											\
static DEVICE_ATTR_RO(name)

NETSTAT_ENTRY(rx_packets);
NETSTAT_ENTRY(tx_packets);
NETSTAT_ENTRY(rx_bytes);
NETSTAT_ENTRY(tx_bytes);
NETSTAT_ENTRY(rx_errors);
NETSTAT_ENTRY(tx_errors);
NETSTAT_ENTRY(rx_dropped);
NETSTAT_ENTRY(tx_dropped);
NETSTAT_ENTRY(multicast);
NETSTAT_ENTRY(collisions);
NETSTAT_ENTRY(rx_length_errors);
NETSTAT_ENTRY(rx_over_errors);
NETSTAT_ENTRY(rx_crc_errors);
NETSTAT_ENTRY(rx_frame_errors);
NETSTAT_ENTRY(rx_fifo_errors);
NETSTAT_ENTRY(rx_missed_errors);
NETSTAT_ENTRY(tx_aborted_errors);
NETSTAT_ENTRY(tx_carrier_errors);
NETSTAT_ENTRY(tx_fifo_errors);
NETSTAT_ENTRY(tx_heartbeat_errors);
NETSTAT_ENTRY(tx_window_errors);
NETSTAT_ENTRY(rx_compressed);
NETSTAT_ENTRY(tx_compressed);
NETSTAT_ENTRY(rx_nohandler);

static struct attribute *netstat_attrs[] = {
	&dev_attr_rx_packets.attr,
	&dev_attr_tx_packets.attr,
	&dev_attr_rx_bytes.attr,
	&dev_attr_tx_bytes.attr,
	&dev_attr_rx_errors.attr,
	&dev_attr_tx_errors.attr,
	&dev_attr_rx_dropped.attr,
	&dev_attr_tx_dropped.attr,
	&dev_attr_multicast.attr,
	&dev_attr_collisions.attr,
	&dev_attr_rx_length_errors.attr,
	&dev_attr_rx_over_errors.attr,
	&dev_attr_rx_crc_errors.attr,
	&dev_attr_rx_frame_errors.attr,
	&dev_attr_rx_fifo_errors.attr,
	&dev_attr_rx_missed_errors.attr,
	&dev_attr_tx_aborted_errors.attr,
	&dev_attr_tx_carrier_errors.attr,
	&dev_attr_tx_fifo_errors.attr,
	&dev_attr_tx_heartbeat_errors.attr,
	&dev_attr_tx_window_errors.attr,
	&dev_attr_rx_compressed.attr,
	&dev_attr_tx_compressed.attr,
	&dev_attr_rx_nohandler.attr,
	NULL
};

static const struct attribute_group netstat_group = {
	.name  = "statistics",
	.attrs  = netstat_attrs,
};

/* ---- the kobject: its release frees the device ---- */

static void netdev_release(struct kobject *kobj)
{
	netdev_freemem(to_net_dev(kobj_to_dev(kobj)));
}

static const struct kobj_type netdev_ktype = {
	.sysfs_ops	= &dev_sysfs_ops,
	.release	= netdev_release,
};

void netdev_sysfs_init(struct net_device *dev)
{
	kobject_init(&dev->dev.kobj, &netdev_ktype);
	dev->dev.class = &net_class;
	dev->sysfs_groups[0] = &net_class_group;
	dev->sysfs_groups[1] = &netstat_group;
}

int netdev_register_kobject(struct net_device *ndev)
{
	struct kobject *kobj = &ndev->dev.kobj;
	int err;

	if (!net_class.kobj)
		return -ENOENT;
	err = kobject_add(kobj, net_class.kobj, "%s", ndev->name);
	if (err)
		return err;
	err = sysfs_create_groups(kobj, ndev->sysfs_groups);
	if (!err)
		err = sysfs_create_link(kobj, net_class.kobj, "subsystem");
	/* device: the parent a driver gave with SET_NETDEV_DEV(), kept while the device is registered. */
	if (!err && ndev->dev.parent && ndev->dev.parent->kobj.sd) {
		err = sysfs_create_link(kobj, &ndev->dev.parent->kobj, "device");
		if (!err)
			ndev->lkm_linked_parent = get_device(ndev->dev.parent);
	}
	if (err) {
		sysfs_remove_link(kobj, "subsystem");
		sysfs_remove_groups(kobj, ndev->sysfs_groups);
		kobject_del(kobj);
		return err;
	}
	return 0;
}

void netdev_unregister_kobject(struct net_device *ndev)
{
	struct kobject *kobj = &ndev->dev.kobj;

	if (ndev->lkm_linked_parent) {
		sysfs_remove_link(kobj, "device");
		put_device(ndev->lkm_linked_parent);
		ndev->lkm_linked_parent = NULL;
	}
	sysfs_remove_link(kobj, "subsystem");
	sysfs_remove_groups(kobj, ndev->sysfs_groups);
	kobject_del(kobj);
}

int netdev_class_init(void)
{
	return class_register(&net_class);
}
