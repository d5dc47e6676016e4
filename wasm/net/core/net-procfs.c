// SPDX-License-Identifier: GPL-2.0-or-later
/* /proc/net/dev (net/core/net-procfs.c): the two header lines, then a line of counters per device. */
#include <linux/netdevice.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include "netdev.h"

static void dev_seq_printf_stats(struct seq_file *seq, struct net_device *dev)
{
	struct rtnl_link_stats64 temp;
	const struct rtnl_link_stats64 *s = dev_get_stats(dev, &temp);

	/* The columns group Linux's finer counters as its format always has (frame, carrier). */
	seq_printf(seq, "%6s: %7llu %7llu %4llu %4llu %4llu %5llu %10llu %9llu %8llu %7llu %4llu %4llu %4llu %5llu %7llu %10llu\n",
		   dev->name, s->rx_bytes, s->rx_packets, s->rx_errors, s->rx_dropped + s->rx_missed_errors,
		   s->rx_fifo_errors,
		   s->rx_length_errors + s->rx_over_errors + s->rx_crc_errors + s->rx_frame_errors,
		   s->rx_compressed, s->multicast, s->tx_bytes, s->tx_packets, s->tx_errors, s->tx_dropped,
		   s->tx_fifo_errors, s->collisions,
		   s->tx_carrier_errors + s->tx_aborted_errors + s->tx_window_errors + s->tx_heartbeat_errors,
		   s->tx_compressed);
}

static int dev_seq_show(struct seq_file *seq, void *v)
{
	struct net_device *dev;

	seq_puts(seq, "Inter-|   Receive                                                |  Transmit\n"
		      " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n");
	rtnl_lock();
	for_each_netdev(dev)
		dev_seq_printf_stats(seq, dev);
	rtnl_unlock();
	return 0;
}

int dev_proc_init(void)
{
	struct proc_dir_entry *net = proc_mkdir("net", NULL);

	if (!net || !proc_create_single("dev", 0444, net, dev_seq_show))
		return -ENOMEM;
	return 0;
}
