// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Network devices (net/core/dev.c): allocation, names ("eth%d"), ifindex, registration and its sysfs
 * directory, open/close, flags, MTU, addresses, statistics, lookups and netdev_printk. The transmit and
 * receive paths are in dev_queue.c, carrier in link_watch.c, /sys/class/net in net-sysfs.c.
 *
 * The device's memory is released with its kobject (dev->dev.kobj, initialised at allocation): the last
 * of free_netdev() and the dev_put()s of references taken meanwhile frees it.
 */
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/export.h>
#include <linux/ctype.h>
#include <linux/socket.h>
#include <linux/module.h>
#include "host.h"
#include "netdev.h"

struct net init_net;
EXPORT_SYMBOL(init_net);

LIST_HEAD(net_devices);			/* registered devices, in ifindex order */
DEFINE_SPINLOCK(net_devices_lock);	/* the list, for readers in softirq context */
static DEFINE_MUTEX(rtnl_mutex);

void rtnl_lock(void)
{
	mutex_lock(&rtnl_mutex);
}
EXPORT_SYMBOL(rtnl_lock);

void rtnl_unlock(void)
{
	mutex_unlock(&rtnl_mutex);
}
EXPORT_SYMBOL(rtnl_unlock);

int rtnl_trylock(void)
{
	return mutex_trylock(&rtnl_mutex);
}
EXPORT_SYMBOL(rtnl_trylock);

int rtnl_is_locked(void)
{
	return mutex_is_locked(&rtnl_mutex);
}
EXPORT_SYMBOL(rtnl_is_locked);

/* ---- allocation ---- */

struct net_device *__lkm_alloc_netdev_mqs(int sizeof_priv, const char *name, unsigned char name_assign_type,
					  void (*setup)(struct net_device *), unsigned int txqs, unsigned int rxqs,
					  struct module *owner)
{
	struct net_device *dev;
	unsigned int i;

	BUG_ON(strlen(name) >= sizeof(dev->name));
	if (txqs < 1) {
		pr_err("alloc_netdev: Unable to allocate device with zero queues\n");
		return NULL;
	}
	if (rxqs < 1) {
		pr_err("alloc_netdev: Unable to allocate device with zero RX queues\n");
		return NULL;
	}
	dev = __lkm_kmalloc(ALIGN(sizeof(*dev), NETDEV_ALIGN) + sizeof_priv, GFP_KERNEL | __GFP_ZERO, owner);
	if (!dev)
		return NULL;
	dev->_tx = __lkm_kmalloc(txqs * sizeof(*dev->_tx), GFP_KERNEL | __GFP_ZERO, owner);
	if (!dev->_tx) {
		kfree(dev);
		return NULL;
	}
	for (i = 0; i < txqs; i++)
		dev->_tx[i].dev = dev;
	dev->num_tx_queues = dev->real_num_tx_queues = txqs;
	dev->num_rx_queues = rxqs;
	dev->dev_addr = dev->lkm_addr;
	dev->lkm_owner = owner;
	dev->lkm_qdisc = "noop";
	dev->priv_flags = IFF_XMIT_DST_RELEASE | IFF_XMIT_DST_RELEASE_PERM;
	dev->reg_state = NETREG_UNINITIALIZED;
	INIT_LIST_HEAD(&dev->dev_list);
	INIT_LIST_HEAD(&dev->lkm_tx_node);
	INIT_LIST_HEAD(&dev->napi_list);
	skb_queue_head_init(&dev->lkm_qdisc_q);
	netdev_sysfs_init(dev);
	set_bit(__LINK_STATE_PRESENT, &dev->state);
	setup(dev);
	/* A device whose setup gave no queue length has no queue (noqueue), but reports the default. */
	if (!dev->tx_queue_len) {
		dev->priv_flags |= IFF_NO_QUEUE;
		dev->tx_queue_len = DEFAULT_TX_QUEUE_LEN;
	}
	strscpy(dev->name, name, sizeof(dev->name));
	dev->name_assign_type = name_assign_type;
	return dev;
}
EXPORT_SYMBOL(__lkm_alloc_netdev_mqs);

/* Called from the kobject's release: the last reference is gone. */
void netdev_freemem(struct net_device *dev)
{
	kfree(dev->_tx);
	kfree(dev);
}

void free_netdev(struct net_device *dev)
{
	if (!dev)
		return;
	if (dev->reg_state == NETREG_REGISTERED || dev->reg_state == NETREG_UNREGISTERING) {
		WARN(1, "free_netdev: %s is still registered\n", dev->name);
		return;
	}
	dev->reg_state = NETREG_RELEASED;
	put_device(&dev->dev);
}
EXPORT_SYMBOL(free_netdev);

void dev_hold(struct net_device *dev)
{
	if (dev)
		get_device(&dev->dev);
}
EXPORT_SYMBOL(dev_hold);

void dev_put(struct net_device *dev)
{
	if (dev)
		put_device(&dev->dev);
}
EXPORT_SYMBOL(dev_put);

/* ---- names ---- */

static bool dev_valid_name(const char *name)
{
	if (*name == '\0')
		return false;
	if (strnlen(name, IFNAMSIZ) == IFNAMSIZ)
		return false;
	if (!strcmp(name, ".") || !strcmp(name, ".."))
		return false;
	for (; *name; name++)
		if (*name == '/' || *name == ':' || isspace(*name))
			return false;
	return true;
}

struct net_device *__dev_get_by_name(struct net *net, const char *name)
{
	struct net_device *d;

	(void)net;
	list_for_each_entry(d, &net_devices, dev_list)
		if (!strncmp(d->name, name, IFNAMSIZ))
			return d;
	return NULL;
}
EXPORT_SYMBOL(__dev_get_by_name);

struct net_device *dev_get_by_name(struct net *net, const char *name)
{
	struct net_device *d;

	spin_lock_bh(&net_devices_lock);
	d = __dev_get_by_name(net, name);
	dev_hold(d);
	spin_unlock_bh(&net_devices_lock);
	return d;
}
EXPORT_SYMBOL(dev_get_by_name);

struct net_device *__dev_get_by_index(struct net *net, int ifindex)
{
	struct net_device *d;

	(void)net;
	list_for_each_entry(d, &net_devices, dev_list)
		if (d->ifindex == ifindex)
			return d;
	return NULL;
}
EXPORT_SYMBOL(__dev_get_by_index);

struct net_device *dev_get_by_index(struct net *net, int ifindex)
{
	struct net_device *d;

	spin_lock_bh(&net_devices_lock);
	d = __dev_get_by_index(net, ifindex);
	dev_hold(d);
	spin_unlock_bh(&net_devices_lock);
	return d;
}
EXPORT_SYMBOL(dev_get_by_index);

/* "eth%d": the lowest number no registered device's name has. */
static int __dev_alloc_name(const char *name, char *res)
{
	const char *p = strchr(name, '%');
	unsigned long *inuse;
	struct net_device *d;
	char buf[IFNAMSIZ];
	int i, max = 8 * PAGE_SIZE;

	if (!p || p[1] != 'd' || strchr(p + 2, '%'))
		return -EINVAL;
	inuse = kzalloc(BITS_TO_LONGS(max) * sizeof(long), GFP_ATOMIC);
	if (!inuse)
		return -ENOMEM;
	list_for_each_entry(d, &net_devices, dev_list) {
		if (!sscanf(d->name, name, &i) || i < 0 || i >= max)
			continue;
		snprintf(buf, IFNAMSIZ, name, i);
		if (!strncmp(buf, d->name, IFNAMSIZ))
			__set_bit(i, inuse);
	}
	i = find_first_zero_bit(inuse, max);
	kfree(inuse);
	if (i == max)
		return -ENFILE;
	snprintf(buf, IFNAMSIZ, name, i);
	if (__dev_get_by_name(&init_net, buf))
		return -ENFILE;
	strscpy(res, buf, IFNAMSIZ);
	return i;
}

int dev_alloc_name(struct net_device *dev, const char *name)
{
	if (!dev_valid_name(name))
		return -EINVAL;
	return __dev_alloc_name(name, dev->name);
}
EXPORT_SYMBOL(dev_alloc_name);

static int dev_get_valid_name(struct net_device *dev, const char *name)
{
	int ret;

	if (!dev_valid_name(name))
		return -EINVAL;
	if (strchr(name, '%')) {
		ret = __dev_alloc_name(name, dev->name);
		return ret < 0 ? ret : 0;
	}
	if (__dev_get_by_name(&init_net, name))
		return -EEXIST;
	if (dev->name != name)
		strscpy(dev->name, name, IFNAMSIZ);
	return 0;
}

/* ---- registration ---- */

int register_netdevice(struct net_device *dev)
{
	int ret;

	if (WARN_ON(dev->reg_state != NETREG_UNINITIALIZED))
		return -EINVAL;
	ret = dev_get_valid_name(dev, dev->name);
	if (ret < 0)
		return ret;
	if (dev->netdev_ops && dev->netdev_ops->ndo_init) {
		ret = dev->netdev_ops->ndo_init(dev);
		if (ret)
			return ret > 0 ? -EIO : ret;
	}
	if ((dev->max_mtu && dev->max_mtu < dev->min_mtu) || dev->mtu < dev->min_mtu ||
	    (dev->max_mtu && dev->mtu > dev->max_mtu)) {
		ret = -EINVAL;
		goto err_uninit;
	}
	dev->ifindex = ++init_net.ifindex;
	ret = netdev_register_kobject(dev);
	if (ret)
		goto err_uninit;
	dev->reg_state = NETREG_REGISTERED;
	/* Linux: linkwatch_init_dev(), the state of a device registered without carrier. */
	if (!netif_carrier_ok(dev) || netif_dormant(dev))
		netdev_operstate_update(dev);
	spin_lock_bh(&net_devices_lock);
	list_add_tail(&dev->dev_list, &net_devices);
	spin_unlock_bh(&net_devices_lock);
	init_net.dev_base_seq++;
	return 0;

err_uninit:
	if (dev->netdev_ops && dev->netdev_ops->ndo_uninit)
		dev->netdev_ops->ndo_uninit(dev);
	return ret;
}
EXPORT_SYMBOL(register_netdevice);

int register_netdev(struct net_device *dev)
{
	int err;

	rtnl_lock();
	err = register_netdevice(dev);
	rtnl_unlock();
	return err;
}
EXPORT_SYMBOL(register_netdev);

void unregister_netdevice_queue(struct net_device *dev, struct list_head *head)
{
	(void)head;	/* no batching: each device goes at once */
	if (dev->reg_state == NETREG_UNINITIALIZED) {
		pr_debug("unregister_netdevice: device %s/%p never was registered\n", dev->name, dev);
		WARN_ON(1);
		return;
	}
	BUG_ON(dev->reg_state != NETREG_REGISTERED);
	dev_close(dev);
	dev->reg_state = NETREG_UNREGISTERING;
	spin_lock_bh(&net_devices_lock);
	list_del_init(&dev->dev_list);
	spin_unlock_bh(&net_devices_lock);
	init_net.dev_base_seq++;
	netdev_flush_queues(dev);
	if (dev->netdev_ops && dev->netdev_ops->ndo_uninit)
		dev->netdev_ops->ndo_uninit(dev);
	netdev_unregister_kobject(dev);
	dev->reg_state = NETREG_UNREGISTERED;
	if (dev->needs_free_netdev) {
		if (dev->priv_destructor)
			dev->priv_destructor(dev);
		free_netdev(dev);
	} else if (dev->priv_destructor) {
		dev->priv_destructor(dev);
	}
}
EXPORT_SYMBOL(unregister_netdevice_queue);

void unregister_netdev(struct net_device *dev)
{
	rtnl_lock();
	unregister_netdevice(dev);
	rtnl_unlock();
}
EXPORT_SYMBOL(unregister_netdev);

/* ---- up and down ---- */

int dev_open(struct net_device *dev, struct netlink_ext_ack *extack)
{
	const struct net_device_ops *ops = dev->netdev_ops;
	int ret = 0;

	(void)extack;
	if (dev->flags & IFF_UP)
		return 0;
	if (!netif_device_present(dev))
		return -ENODEV;
	set_bit(__LINK_STATE_START, &dev->state);
	if (ops && ops->ndo_validate_addr)
		ret = ops->ndo_validate_addr(dev);
	if (!ret && ops && ops->ndo_open)
		ret = ops->ndo_open(dev);
	if (ret) {
		clear_bit(__LINK_STATE_START, &dev->state);
		return ret;
	}
	dev->flags |= IFF_UP;
	/* dev_activate(): the default queueing discipline is attached at the first open. */
	if (!strcmp(dev->lkm_qdisc, "noop")) {
		if (dev->priv_flags & IFF_NO_QUEUE)
			dev->lkm_qdisc = "noqueue";
		else
			dev->lkm_qdisc = dev->real_num_tx_queues > 1 ? "mq" : "pfifo_fast";
	}
	return 0;
}
EXPORT_SYMBOL(dev_open);

void dev_close(struct net_device *dev)
{
	const struct net_device_ops *ops = dev->netdev_ops;

	if (!(dev->flags & IFF_UP))
		return;
	clear_bit(__LINK_STATE_START, &dev->state);
	netdev_deactivate(dev);
	if (ops && ops->ndo_stop)
		ops->ndo_stop(dev);
	dev->flags &= ~IFF_UP;
}
EXPORT_SYMBOL(dev_close);

unsigned int dev_get_flags(const struct net_device *dev)
{
	unsigned int flags = dev->flags & ~(IFF_RUNNING | IFF_LOWER_UP | IFF_DORMANT);

	if (netif_running(dev)) {
		if (netif_oper_up(dev))
			flags |= IFF_RUNNING;
		if (netif_carrier_ok(dev))
			flags |= IFF_LOWER_UP;
		if (netif_dormant(dev))
			flags |= IFF_DORMANT;
	}
	return flags;
}
EXPORT_SYMBOL(dev_get_flags);

int dev_change_flags(struct net_device *dev, unsigned int flags, struct netlink_ext_ack *extack)
{
	unsigned int changeable = IFF_DEBUG | IFF_NOTRAILERS | IFF_NOARP | IFF_DYNAMIC | IFF_MULTICAST |
				  IFF_PORTSEL | IFF_AUTOMEDIA;
	int ret = 0;

	dev->flags = (flags & changeable) | (dev->flags & ~changeable);
	if ((flags ^ dev->flags) & IFF_UP) {
		if (flags & IFF_UP)
			ret = dev_open(dev, extack);
		else
			dev_close(dev);
	}
	return ret;
}
EXPORT_SYMBOL(dev_change_flags);

/* ---- MTU and address ---- */

int dev_validate_mtu(struct net_device *dev, int new_mtu, struct netlink_ext_ack *extack)
{
	if (new_mtu < 0 || new_mtu < (int)dev->min_mtu) {
		NL_SET_ERR_MSG(extack, "mtu less than device minimum");
		return -EINVAL;
	}
	if (dev->max_mtu > 0 && new_mtu > (int)dev->max_mtu) {
		NL_SET_ERR_MSG(extack, "mtu greater than device maximum");
		return -EINVAL;
	}
	return 0;
}
EXPORT_SYMBOL(dev_validate_mtu);

int dev_set_mtu_ext(struct net_device *dev, int new_mtu, struct netlink_ext_ack *extack)
{
	const struct net_device_ops *ops = dev->netdev_ops;
	int err;

	if (new_mtu == (int)dev->mtu)
		return 0;
	err = dev_validate_mtu(dev, new_mtu, extack);
	if (err)
		return err;
	if (!netif_device_present(dev))
		return -ENODEV;
	if (ops && ops->ndo_change_mtu)
		return ops->ndo_change_mtu(dev, new_mtu);
	WRITE_ONCE(dev->mtu, new_mtu);
	return 0;
}
EXPORT_SYMBOL(dev_set_mtu_ext);

int dev_set_mtu(struct net_device *dev, int new_mtu)
{
	struct netlink_ext_ack extack = {};
	int err = dev_set_mtu_ext(dev, new_mtu, &extack);

	if (err && extack._msg)
		pr_err("%s: %s\n", dev->name, extack._msg);
	return err;
}
EXPORT_SYMBOL(dev_set_mtu);

void dev_addr_mod(struct net_device *dev, unsigned int offset, const void *addr, size_t len)
{
	if (WARN_ON(offset + len > MAX_ADDR_LEN))
		return;
	memcpy(dev->lkm_addr + offset, addr, len);
}
EXPORT_SYMBOL(dev_addr_mod);

void dev_addr_set(struct net_device *dev, const u8 *addr)
{
	dev_addr_mod(dev, 0, addr, dev->addr_len);
}
EXPORT_SYMBOL(dev_addr_set);

int dev_set_mac_address(struct net_device *dev, void *p, struct netlink_ext_ack *extack)
{
	const struct net_device_ops *ops = dev->netdev_ops;
	struct sockaddr *sa = p;
	int err;

	(void)extack;
	if (!ops || !ops->ndo_set_mac_address)
		return -EOPNOTSUPP;
	if (sa->sa_family != dev->type)
		return -EINVAL;
	if (!netif_device_present(dev))
		return -ENODEV;
	err = ops->ndo_set_mac_address(dev, sa);
	if (err)
		return err;
	dev->addr_assign_type = NET_ADDR_SET;
	return 0;
}
EXPORT_SYMBOL(dev_set_mac_address);

/* ---- statistics ---- */

void netdev_stats_to_stats64(struct rtnl_link_stats64 *stats64, const struct net_device_stats *netdev_stats)
{
	const unsigned long *src = (const unsigned long *)netdev_stats;
	u64 *dst = (u64 *)stats64;
	size_t i, n = sizeof(*netdev_stats) / sizeof(unsigned long);

	BUILD_BUG_ON(sizeof(*netdev_stats) / sizeof(unsigned long) > sizeof(*stats64) / sizeof(u64));
	for (i = 0; i < n; i++)
		dst[i] = READ_ONCE(src[i]);
	memset(dst + n, 0, (sizeof(*stats64) / sizeof(u64) - n) * sizeof(u64));
}
EXPORT_SYMBOL(netdev_stats_to_stats64);

struct rtnl_link_stats64 *dev_get_stats(struct net_device *dev, struct rtnl_link_stats64 *storage)
{
	const struct net_device_ops *ops = dev->netdev_ops;

	if (ops && ops->ndo_get_stats64) {
		memset(storage, 0, sizeof(*storage));
		ops->ndo_get_stats64(dev, storage);
	} else if (ops && ops->ndo_get_stats) {
		netdev_stats_to_stats64(storage, ops->ndo_get_stats(dev));
	} else {
		netdev_stats_to_stats64(storage, &dev->stats);
	}
	storage->rx_dropped += READ_ONCE(dev->core_stats.rx_dropped);
	storage->tx_dropped += READ_ONCE(dev->core_stats.tx_dropped);
	storage->rx_nohandler += READ_ONCE(dev->core_stats.rx_nohandler);
	storage->rx_otherhost_dropped += READ_ONCE(dev->core_stats.rx_otherhost_dropped);
	return storage;
}
EXPORT_SYMBOL(dev_get_stats);

/* ---- printing ---- */

const char *netdev_reg_state(const struct net_device *dev)
{
	switch (READ_ONCE(dev->reg_state)) {
	case NETREG_UNINITIALIZED: return " (uninitialized)";
	case NETREG_REGISTERED: return "";
	case NETREG_UNREGISTERING: return " (unregistering)";
	case NETREG_UNREGISTERED: return " (unregistered)";
	case NETREG_RELEASED: return " (released)";
	case NETREG_DUMMY: return " (dummy)";
	}
	WARN_ONCE(1, "%s: unknown reg_state %d\n", dev->name, dev->reg_state);
	return " (unknown)";
}
EXPORT_SYMBOL(netdev_reg_state);

static void __netdev_printk(const char *level, const struct net_device *dev, struct va_format *vaf)
{
	if (dev && dev->dev.parent)
		printk("%s%s %s %s%s: %pV", level, dev_driver_string(dev->dev.parent), dev_name(dev->dev.parent),
		       netdev_name(dev), netdev_reg_state(dev), vaf);
	else if (dev)
		printk("%s%s%s: %pV", level, netdev_name(dev), netdev_reg_state(dev), vaf);
	else
		printk("%s(NULL net_device): %pV", level, vaf);
}

void netdev_printk(const char *level, const struct net_device *dev, const char *format, ...)
{
	struct va_format vaf;
	va_list args;

	va_start(args, format);
	vaf.fmt = format;
	vaf.va = &args;
	__netdev_printk(level, dev, &vaf);
	va_end(args);
}
EXPORT_SYMBOL(netdev_printk);

#define define_netdev_printk_level(func, level)			\
void func(const struct net_device *dev, const char *fmt, ...)	\
{								\
	struct va_format vaf;					\
	va_list args;						\
								\
	va_start(args, fmt);					\
	vaf.fmt = fmt;						\
	vaf.va = &args;						\
	__netdev_printk(level, dev, &vaf);			\
	va_end(args);						\
}								\
EXPORT_SYMBOL(func);

define_netdev_printk_level(netdev_emerg, KERN_EMERG);
define_netdev_printk_level(netdev_alert, KERN_ALERT);
define_netdev_printk_level(netdev_crit, KERN_CRIT);
define_netdev_printk_level(netdev_err, KERN_ERR);
define_netdev_printk_level(netdev_warn, KERN_WARNING);
define_netdev_printk_level(netdev_notice, KERN_NOTICE);
define_netdev_printk_level(netdev_info, KERN_INFO);

/*
 * At unload (after exit(), and after a failed init): a device the module left registered would call
 * its freed operations. Reported, and unregistered without them; its memory is the module's leak.
 */
void __lkm_entry lkm_netdev_module_gone(struct module *mod)
{
	struct net_device *dev, *tmp;

	netdev_remove_module_packs(mod);
	rtnl_lock();
	list_for_each_entry_safe(dev, tmp, &net_devices, dev_list) {
		if (dev->lkm_owner != mod)
			continue;
		pr_warn("%s: net device '%s' not unregistered at unload: removing it\n", mod->name, dev->name);
		dev->netdev_ops = NULL;
		dev->header_ops = NULL;
		dev->priv_destructor = NULL;
		dev->needs_free_netdev = false;
		unregister_netdevice(dev);
	}
	rtnl_unlock();
}

/* ---- boot: Linux's net_dev_init() and the loopback device's registration ---- */

int __lkm_entry lkm_init_net_dev(void)
{
	int err;

	netdev_queues_init();
	err = netdev_class_init();
	if (!err)
		err = dev_proc_init();
	if (!err)
		err = loopback_net_init();
	if (err)
		pr_err("net_dev_init: %d\n", err);
	return err;
}
