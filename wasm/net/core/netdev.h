/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What the files of net/core share (private to vmlinux). */
#ifndef _NET_CORE_NETDEV_H
#define _NET_CORE_NETDEV_H

#include <linux/netdevice.h>

extern struct list_head net_devices;
extern spinlock_t net_devices_lock;

#define for_each_netdev(d) list_for_each_entry(d, &net_devices, dev_list)

/* dev.c */
void netdev_freemem(struct net_device *dev);

/* dev_queue.c */
void netdev_flush_queues(struct net_device *dev);
void netdev_deactivate(struct net_device *dev);
void netdev_queues_init(void);
void net_rx_raise(void);

/* napi.c */
bool napi_poll_all(void);
void napi_dev_flush(struct net_device *dev);
void netdev_remove_module_packs(struct module *mod);

/* link_watch.c */
void netdev_operstate_update(struct net_device *dev);

/* net-sysfs.c */
void netdev_sysfs_init(struct net_device *dev);
int netdev_register_kobject(struct net_device *dev);
void netdev_unregister_kobject(struct net_device *dev);
int netdev_class_init(void);

/* drivers/net/loopback.c */
int loopback_net_init(void);

/* net-procfs.c */
int dev_proc_init(void);

#endif
