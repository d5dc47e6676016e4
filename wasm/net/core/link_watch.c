// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Carrier and operational state (net/core/link_watch.c): netif_carrier_on/off and the RFC 2863 state
 * they lead to. Linux applies a change from a work item shortly after; here it is applied at once, so a
 * driver's netif_carrier_on() in ndo_open is visible to the ip link that brought the device up.
 */
#include <linux/netdevice.h>
#include <linux/export.h>
#include "netdev.h"

static unsigned char default_operstate(const struct net_device *dev)
{
	if (!netif_carrier_ok(dev))
		return IF_OPER_DOWN;
	if (netif_dormant(dev))
		return IF_OPER_DORMANT;
	return IF_OPER_UP;
}

/* rfc2863_policy() in the default link mode. */
void netdev_operstate_update(struct net_device *dev)
{
	WRITE_ONCE(dev->operstate, default_operstate(dev));
}

static void linkwatch_fire_event(struct net_device *dev)
{
	if (dev->reg_state == NETREG_REGISTERED)
		netdev_operstate_update(dev);
}

void netif_carrier_on(struct net_device *dev)
{
	if (test_and_clear_bit(__LINK_STATE_NOCARRIER, &dev->state)) {
		if (dev->reg_state == NETREG_UNINITIALIZED)
			return;
		dev->carrier_up_count++;
		linkwatch_fire_event(dev);
		if (netif_running(dev))
			netif_trans_update(dev);
	}
}
EXPORT_SYMBOL(netif_carrier_on);

void netif_carrier_off(struct net_device *dev)
{
	if (!test_and_set_bit(__LINK_STATE_NOCARRIER, &dev->state)) {
		if (dev->reg_state == NETREG_UNINITIALIZED)
			return;
		dev->carrier_down_count++;
		linkwatch_fire_event(dev);
	}
}
EXPORT_SYMBOL(netif_carrier_off);

void netif_dormant_on(struct net_device *dev)
{
	if (!test_and_set_bit(__LINK_STATE_DORMANT, &dev->state))
		linkwatch_fire_event(dev);
}
EXPORT_SYMBOL(netif_dormant_on);

void netif_dormant_off(struct net_device *dev)
{
	if (test_and_clear_bit(__LINK_STATE_DORMANT, &dev->state))
		linkwatch_fire_event(dev);
}
EXPORT_SYMBOL(netif_dormant_off);

u32 ethtool_op_get_link(struct net_device *dev)
{
	return netif_carrier_ok(dev) ? 1 : 0;
}
EXPORT_SYMBOL(ethtool_op_get_link);

/* Power management's detach: the queue stops and the device is no longer present. */
void netif_device_detach(struct net_device *dev)
{
	if (test_and_clear_bit(__LINK_STATE_PRESENT, &dev->state) && netif_running(dev))
		netif_tx_stop_all_queues(dev);
}
EXPORT_SYMBOL(netif_device_detach);

void netif_device_attach(struct net_device *dev)
{
	if (!test_and_set_bit(__LINK_STATE_PRESENT, &dev->state) && netif_running(dev))
		netif_tx_wake_all_queues(dev);
}
EXPORT_SYMBOL(netif_device_attach);
