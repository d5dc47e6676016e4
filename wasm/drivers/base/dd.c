// SPDX-License-Identifier: GPL-2.0
/*
 * Binding devices and drivers (drivers/base/dd.c): matching, probe (bus->probe, else drv->probe), the
 * driver/device links in sysfs, unbinding (remove, then the managed resources in reverse order), and
 * deferred probe: a device whose probe returned -EPROBE_DEFER waits on the pending list until some
 * driver binds, then every waiting device is tried again. Linux retries from a workqueue; here the
 * retries run when the outermost probe returns, in the same order.
 */
#include <linux/device.h>
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include "base.h"

static LIST_HEAD(deferred_probe_pending_list);
static LIST_HEAD(deferred_probe_active_list);
static atomic_t deferred_trigger_count = ATOMIC_INIT(0);
static int probe_depth;			/* probes in progress (nested: a probe that adds devices) */
static bool deferred_work_running;

static void deferred_probe_work_func(void)
{
	struct device_private *private;
	struct device *dev;

	if (deferred_work_running)
		return;
	deferred_work_running = true;
	while (!list_empty(&deferred_probe_active_list)) {
		private = list_first_entry(&deferred_probe_active_list, struct device_private, deferred_probe);
		dev = get_device(private->device);
		list_del_init(&private->deferred_probe);
		dev_dbg(dev, "Retrying from deferred list\n");
		bus_probe_device(dev);
		put_device(dev);
	}
	deferred_work_running = false;
}

static void driver_deferred_probe_add(struct device *dev)
{
	if (!dev->p)
		return;
	if (list_empty(&dev->p->deferred_probe)) {
		dev_dbg(dev, "Added to deferred list\n");
		list_add_tail(&dev->p->deferred_probe, &deferred_probe_pending_list);
	}
}

void driver_deferred_probe_del(struct device *dev)
{
	if (!list_empty(&dev->p->deferred_probe)) {
		dev_dbg(dev, "Removed from deferred list\n");
		list_del_init(&dev->p->deferred_probe);
		kfree(dev->p->deferred_probe_reason);
		dev->p->deferred_probe_reason = NULL;
	}
}

/* A successful bind: every pending device becomes active, to be retried. */
static void driver_deferred_probe_trigger(void)
{
	atomic_inc(&deferred_trigger_count);
	list_splice_tail_init(&deferred_probe_pending_list, &deferred_probe_active_list);
}

void device_set_deferred_probe_reason(const struct device *dev, struct va_format *vaf)
{
	const char *drv = dev_driver_string(dev);
	char *reason;

	if (!dev->p)
		return;
	reason = kasprintf(GFP_KERNEL, "%s: %pV", drv, vaf);
	kfree(dev->p->deferred_probe_reason);
	dev->p->deferred_probe_reason = reason;
}

/* /sys/kernel/debug/devices_deferred: "NAME\tREASON" for each device waiting. */
static int deferred_devs_show(struct seq_file *s, void *data)
{
	struct device_private *curr;

	list_for_each_entry(curr, &deferred_probe_pending_list, deferred_probe)
		seq_printf(s, "%s\t%s", dev_name(curr->device), curr->deferred_probe_reason ?: "\n");
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(deferred_devs);

void deferred_probe_debugfs_init(void)
{
	debugfs_create_file("devices_deferred", 0444, NULL, NULL, &deferred_devs_fops);
}

bool device_is_bound(struct device *dev)
{
	return dev->p && !list_empty(&dev->p->knode_driver);
}
EXPORT_SYMBOL_GPL(device_is_bound);

static void driver_bound(struct device *dev)
{
	if (device_is_bound(dev)) {
		dev_warn(dev, "%s: device already bound\n", __func__);
		return;
	}
	dev_dbg(dev, "driver: '%s': %s: bound to device\n", dev->driver->name, __func__);
	list_add_tail(&dev->p->knode_driver, &dev->driver->p->devices);
	/* No longer waiting; and whoever waited for this driver may now probe. */
	driver_deferred_probe_del(dev);
	driver_deferred_probe_trigger();
	kobject_uevent(&dev->kobj, KOBJ_BIND);
}

static int driver_sysfs_add(struct device *dev)
{
	int ret;

	ret = sysfs_create_link(&dev->driver->p->kobj, &dev->kobj, kobject_name(&dev->kobj));
	if (ret)
		return ret;
	ret = sysfs_create_link(&dev->kobj, &dev->driver->p->kobj, "driver");
	if (ret)
		sysfs_remove_link(&dev->driver->p->kobj, kobject_name(&dev->kobj));
	return ret;
}

static void driver_sysfs_remove(struct device *dev)
{
	struct device_driver *drv = dev->driver;

	if (drv) {
		sysfs_remove_link(&drv->p->kobj, kobject_name(&dev->kobj));
		sysfs_remove_link(&dev->kobj, "driver");
	}
}

int device_bind_driver(struct device *dev)
{
	int ret = driver_sysfs_add(dev);

	if (!ret)
		driver_bound(dev);
	return ret;
}
EXPORT_SYMBOL_GPL(device_bind_driver);

static void device_unbind_cleanup(struct device *dev)
{
	devres_release_all(dev);
	dev->driver = NULL;
	dev_set_drvdata(dev, NULL);
}

static void device_remove(struct device *dev)
{
	device_remove_groups(dev, dev->driver->dev_groups);
	if (dev->bus && dev->bus->remove)
		dev->bus->remove(dev);
	else if (dev->driver->remove)
		dev->driver->remove(dev);
}

static int call_driver_probe(struct device *dev, const struct device_driver *drv)
{
	int ret = 0;

	if (dev->bus->probe)
		ret = dev->bus->probe(dev);
	else if (drv->probe)
		ret = drv->probe(dev);

	switch (ret) {
	case 0:
		break;
	case -EPROBE_DEFER:
		/* Driver requested deferred probing */
		dev_dbg(dev, "Driver %s requests probe deferral\n", drv->name);
		break;
	case -ENODEV:
	case -ENXIO:
		dev_dbg(dev, "probe with driver %s rejects match %d\n", drv->name, ret);
		break;
	default:
		/* driver matched but the probe failed */
		dev_err(dev, "probe with driver %s failed with error %d\n", drv->name, ret);
		break;
	}
	return ret;
}

/* 0 when bound; a failed probe's error as a positive number (so callers can tell it from theirs). */
static int really_probe(struct device *dev, const struct device_driver *drv)
{
	int ret;

	dev_dbg(dev, "bus: '%s': %s: probing driver %s with device\n", drv->bus->name, __func__, drv->name);
	if (!list_empty(&dev->devres_head)) {
		dev_crit(dev, "Resources present before probing\n");
		return -EBUSY;
	}

	dev->driver = (struct device_driver *)drv;
	ret = driver_sysfs_add(dev);
	if (ret) {
		dev_err(dev, "%s: driver_sysfs_add failed\n", __func__);
		goto sysfs_failed;
	}

	ret = call_driver_probe(dev, drv);
	if (ret) {
		ret = -ret;
		goto probe_failed;
	}

	ret = device_add_groups(dev, drv->dev_groups);
	if (ret) {
		dev_err(dev, "device_add_groups() failed\n");
		device_remove(dev);
		goto probe_failed;
	}

	driver_bound(dev);
	dev_dbg(dev, "bus: '%s': %s: bound device to driver %s\n", drv->bus->name, __func__, drv->name);
	return 0;

probe_failed:
	driver_sysfs_remove(dev);
sysfs_failed:
	device_unbind_cleanup(dev);
	return ret;
}

static int __driver_probe_device(const struct device_driver *drv, struct device *dev)
{
	if (dev->p->dead || !device_is_registered(dev))
		return -ENODEV;
	if (dev->driver)
		return -EBUSY;
	dev_dbg(dev, "bus: '%s': %s: matched device with driver %s\n", drv->bus->name, __func__, drv->name);
	return really_probe(dev, drv);
}

/* The deferred devices are retried once no probe is in progress (Linux's deferred_probe_work). */
static void probe_finished(void)
{
	if (--probe_depth == 0 && !list_empty(&deferred_probe_active_list))
		deferred_probe_work_func();
}

static int driver_probe_device(const struct device_driver *drv, struct device *dev)
{
	int trigger_count = atomic_read(&deferred_trigger_count);
	int ret;

	probe_depth++;
	ret = __driver_probe_device(drv, dev);
	if (ret == -EPROBE_DEFER || ret == EPROBE_DEFER) {
		driver_deferred_probe_add(dev);
		/* Did a trigger occur while probing? Need to re-trigger if yes */
		if (trigger_count != atomic_read(&deferred_trigger_count))
			driver_deferred_probe_trigger();
	}
	probe_finished();
	return ret;
}

/* The bus's verdict: > 0 a match, 0 none, < 0 none for now (-EPROBE_DEFER: the device waits on the list). */
static int match_device(const struct device_driver *drv, struct device *dev)
{
	int ret = driver_match_device(drv, dev);

	if (ret == -EPROBE_DEFER) {
		dev_dbg(dev, "Device match requests probe deferral\n");
		driver_deferred_probe_add(dev);
	} else if (ret < 0) {
		dev_dbg(dev, "Bus failed to match device: %d\n", ret);
	}
	return ret;
}

static int __device_attach_driver(struct device_driver *drv, void *data)
{
	struct device *dev = data;
	int ret = match_device(drv, dev);

	/* No match, or none for now: a deferring match also stops the walk. */
	if (ret <= 0)
		return ret;
	ret = driver_probe_device(drv, dev);
	/* Stop at the first driver that binds (or a gone device); a failed probe lets the next one try. */
	if (ret < 0)
		return ret;
	return ret == 0;
}

/* 1 when a driver is bound, 0 when none matched, -ENODEV when the device is gone. */
int device_attach(struct device *dev)
{
	int ret;

	if (!dev->p || dev->p->dead || !device_is_registered(dev))
		return -ENODEV;
	if (dev->driver) {
		if (device_is_bound(dev))
			return 1;
		return device_bind_driver(dev) ? 0 : 1;
	}
	ret = bus_for_each_drv(dev->bus, NULL, dev, __device_attach_driver);
	return ret > 0 ? 1 : 0;
}
EXPORT_SYMBOL_GPL(device_attach);

void device_initial_probe(struct device *dev)
{
	(void)device_attach(dev);
}

int device_driver_attach(const struct device_driver *drv, struct device *dev)
{
	int ret;

	probe_depth++;
	ret = __driver_probe_device(drv, dev);
	probe_finished();
	/* also return probe errors as normal negative errnos */
	if (ret > 0)
		ret = -ret;
	if (ret == -EPROBE_DEFER)
		return -EAGAIN;
	return ret;
}
EXPORT_SYMBOL_GPL(device_driver_attach);

static int __driver_attach(struct device *dev, void *data)
{
	const struct device_driver *drv = data;

	if (match_device(drv, dev) <= 0)
		return 0;
	if (!dev->driver)
		driver_probe_device(drv, dev);
	return 0;
}

int driver_attach(const struct device_driver *drv)
{
	return bus_for_each_dev(drv->bus, NULL, (void *)drv, __driver_attach);
}
EXPORT_SYMBOL_GPL(driver_attach);

static void __device_release_driver(struct device *dev)
{
	struct device_driver *drv = dev->driver;

	if (!drv)
		return;
	driver_sysfs_remove(dev);
	device_remove(dev);
	device_unbind_cleanup(dev);
	list_del_init(&dev->p->knode_driver);
	kobject_uevent(&dev->kobj, KOBJ_UNBIND);
}

void device_release_driver(struct device *dev)
{
	__device_release_driver(dev);
}
EXPORT_SYMBOL_GPL(device_release_driver);

void device_driver_detach(struct device *dev)
{
	__device_release_driver(dev);
}

void driver_detach(const struct device_driver *drv)
{
	struct driver_private *priv = drv->p;
	struct device_private *dev_prv;
	struct device *dev;

	/* Devices go in reverse order of binding, as Linux's klist walk from the tail. */
	while (!list_empty(&priv->devices)) {
		dev_prv = list_last_entry(&priv->devices, struct device_private, knode_driver);
		dev = get_device(dev_prv->device);
		if (dev->driver == drv)
			__device_release_driver(dev);
		else
			list_del_init(&dev_prv->knode_driver);
		put_device(dev);
	}
	/* Devices waiting only for this driver's probe stay deferred; nothing else points at it. */
}

bool driver_probe_done(void)
{
	return probe_depth == 0;
}
EXPORT_SYMBOL_GPL(driver_probe_done);

void wait_for_device_probe(void)
{
	/* Probes run to their end before the registering call returns: nothing to wait for. */
}
EXPORT_SYMBOL_GPL(wait_for_device_probe);
