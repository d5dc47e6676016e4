// SPDX-License-Identifier: GPL-2.0
/*
 * The platform bus (drivers/base/platform.c): /sys/devices/platform and /sys/bus/platform, devices
 * with resources and platform data, drivers matched by driver_override, the id table, then the name;
 * modalias "platform:NAME" and MODALIAS= in the uevent.
 */
#include <linux/platform_device.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/idr.h>
#include <linux/err.h>
#include "base.h"

/* For automatically allocated device IDs */
static DEFINE_IDA(platform_devid_ida);

static void platform_bus_release(struct device *dev)
{
	/* The root of /sys/devices/platform lives as long as the kernel. */
}

struct device platform_bus = {
	.init_name	= "platform",
	.release	= platform_bus_release,
};
EXPORT_SYMBOL_GPL(platform_bus);

struct resource *platform_get_resource(struct platform_device *dev, unsigned int type, unsigned int num)
{
	u32 i;

	for (i = 0; i < dev->num_resources; i++) {
		struct resource *r = &dev->resource[i];

		if (type == resource_type(r) && num-- == 0)
			return r;
	}
	return NULL;
}
EXPORT_SYMBOL_GPL(platform_get_resource);

struct resource *platform_get_resource_byname(struct platform_device *dev, unsigned int type, const char *name)
{
	u32 i;

	for (i = 0; i < dev->num_resources; i++) {
		struct resource *r = &dev->resource[i];

		if (unlikely(!r->name))
			continue;
		if (type == resource_type(r) && !strcmp(r->name, name))
			return r;
	}
	return NULL;
}
EXPORT_SYMBOL_GPL(platform_get_resource_byname);

int platform_get_irq_optional(struct platform_device *dev, unsigned int num)
{
	struct resource *r = platform_get_resource(dev, IORESOURCE_IRQ, num);
	int ret = -ENXIO;

	if (r && !(r->flags & IORESOURCE_DISABLED))
		ret = r->start;
	WARN(ret == 0, "0 is an invalid IRQ number\n");
	return ret ?: -EINVAL;
}
EXPORT_SYMBOL_GPL(platform_get_irq_optional);

int platform_get_irq(struct platform_device *dev, unsigned int num)
{
	int ret = platform_get_irq_optional(dev, num);

	if (ret < 0)
		return dev_err_probe(&dev->dev, ret, "IRQ index %u not found\n", num);
	return ret;
}
EXPORT_SYMBOL_GPL(platform_get_irq);

int platform_irq_count(struct platform_device *dev)
{
	int ret, nr = 0;

	while ((ret = platform_get_irq_optional(dev, nr)) >= 0)
		nr++;
	if (ret == -EPROBE_DEFER)
		return ret;
	return nr;
}
EXPORT_SYMBOL_GPL(platform_irq_count);

int platform_get_irq_byname_optional(struct platform_device *dev, const char *name)
{
	struct resource *r = platform_get_resource_byname(dev, IORESOURCE_IRQ, name);

	if (r && !(r->flags & IORESOURCE_DISABLED)) {
		WARN(r->start == 0, "0 is an invalid IRQ number\n");
		return r->start;
	}
	return -ENXIO;
}
EXPORT_SYMBOL_GPL(platform_get_irq_byname_optional);

int platform_get_irq_byname(struct platform_device *dev, const char *name)
{
	int ret = platform_get_irq_byname_optional(dev, name);

	if (ret < 0)
		return dev_err_probe(&dev->dev, ret, "IRQ %s not found\n", name);
	return ret;
}
EXPORT_SYMBOL_GPL(platform_get_irq_byname);

/* ---- devices ----------------------------------------------------------------------------------------- */

struct platform_object {
	struct platform_device pdev;
	char name[];
};

static void platform_device_release(struct device *dev)
{
	struct platform_object *pa = container_of(dev, struct platform_object, pdev.dev);

	kfree(pa->pdev.dev.platform_data);
	kfree(pa->pdev.resource);
	kfree(pa->pdev.driver_override);
	kfree(pa);
}

void platform_device_put(struct platform_device *pdev)
{
	if (!IS_ERR_OR_NULL(pdev))
		put_device(&pdev->dev);
}
EXPORT_SYMBOL_GPL(platform_device_put);

#define DMA_BIT_MASK(n)	(((n) == 64) ? ~0ULL : ((1ULL<<(n))-1))

/* The 32-bit DMA masks Linux gives platform devices that set none. */
static void setup_pdev_dma_masks(struct platform_device *pdev)
{
	if (!pdev->dev.coherent_dma_mask)
		pdev->dev.coherent_dma_mask = DMA_BIT_MASK(32);
	if (!pdev->dev.dma_mask) {
		pdev->platform_dma_mask = DMA_BIT_MASK(32);
		pdev->dev.dma_mask = &pdev->platform_dma_mask;
	}
}

struct platform_device *platform_device_alloc(const char *name, int id)
{
	struct platform_object *pa;

	pa = kzalloc(sizeof(*pa) + strlen(name) + 1, GFP_KERNEL);
	if (pa) {
		strcpy(pa->name, name);
		pa->pdev.name = pa->name;
		pa->pdev.id = id;
		device_initialize(&pa->pdev.dev);
		pa->pdev.dev.release = platform_device_release;
		setup_pdev_dma_masks(&pa->pdev);
	}
	return pa ? &pa->pdev : NULL;
}
EXPORT_SYMBOL_GPL(platform_device_alloc);

int platform_device_add_resources(struct platform_device *pdev, const struct resource *res, unsigned int num)
{
	struct resource *r = NULL;

	if (res) {
		r = kmemdup_array(res, num, sizeof(*r), GFP_KERNEL);
		if (!r)
			return -ENOMEM;
	}
	kfree(pdev->resource);
	pdev->resource = r;
	pdev->num_resources = num;
	return 0;
}
EXPORT_SYMBOL_GPL(platform_device_add_resources);

int platform_device_add_data(struct platform_device *pdev, const void *data, size_t size)
{
	void *d = NULL;

	if (data) {
		d = kmemdup(data, size, GFP_KERNEL);
		if (!d)
			return -ENOMEM;
	}
	kfree(pdev->dev.platform_data);
	pdev->dev.platform_data = d;
	return 0;
}
EXPORT_SYMBOL_GPL(platform_device_add_data);

int __lkm_platform_device_add(struct platform_device *pdev, struct module *owner)
{
	struct device *dev = &pdev->dev;
	u32 i;
	int ret;

	if (!dev->parent)
		dev->parent = &platform_bus;
	dev->bus = &platform_bus_type;

	switch (pdev->id) {
	default:
		dev_set_name(dev, "%s.%d", pdev->name,  pdev->id);
		break;
	case PLATFORM_DEVID_NONE:
		dev_set_name(dev, "%s", pdev->name);
		break;
	case PLATFORM_DEVID_AUTO:
		/*
		 * Automatically allocated device ID. We mark it as such so that we remember it must be
		 * freed, and we append a suffix to avoid namespace collision with explicit IDs.
		 */
		ret = ida_alloc(&platform_devid_ida, GFP_KERNEL);
		if (ret < 0)
			return ret;
		pdev->id = ret;
		pdev->id_auto = true;
		dev_set_name(dev, "%s.%d.auto", pdev->name, pdev->id);
		break;
	}

	/* Each memory or I/O resource goes into its tree (/proc/iomem, /proc/ioports), named after the device. */
	for (i = 0; i < pdev->num_resources; i++) {
		struct resource *p, *r = &pdev->resource[i];

		if (r->name == NULL)
			r->name = dev_name(dev);

		p = r->parent;
		if (!p) {
			if (resource_type(r) == IORESOURCE_MEM)
				p = &iomem_resource;
			else if (resource_type(r) == IORESOURCE_IO)
				p = &ioport_resource;
		}
		if (p) {
			ret = insert_resource(p, r);
			if (ret) {
				dev_err(&pdev->dev, "failed to claim resource %d: %pR\n", i, r);
				goto failed;
			}
		}
	}

	pr_debug("Registering platform device '%s'. Parent at %s\n", dev_name(dev), dev_name(dev->parent));

	ret = __lkm_device_add(dev, owner);
	if (ret)
		goto failed;
	return 0;

failed:
	if (pdev->id_auto) {
		ida_free(&platform_devid_ida, pdev->id);
		pdev->id = PLATFORM_DEVID_AUTO;
	}
	while (i--) {
		struct resource *r = &pdev->resource[i];

		if (r->parent)
			release_resource(r);
	}
	return ret;
}
EXPORT_SYMBOL_GPL(__lkm_platform_device_add);

void platform_device_del(struct platform_device *pdev)
{
	u32 i;

	if (IS_ERR_OR_NULL(pdev))
		return;
	device_del(&pdev->dev);
	if (pdev->id_auto) {
		ida_free(&platform_devid_ida, pdev->id);
		pdev->id = PLATFORM_DEVID_AUTO;
	}
	for (i = 0; i < pdev->num_resources; i++) {
		struct resource *r = &pdev->resource[i];

		if (r->parent)
			release_resource(r);
	}
}
EXPORT_SYMBOL_GPL(platform_device_del);

int __lkm_platform_device_register(struct platform_device *pdev, struct module *owner)
{
	device_initialize(&pdev->dev);
	setup_pdev_dma_masks(pdev);
	return __lkm_platform_device_add(pdev, owner);
}
EXPORT_SYMBOL_GPL(__lkm_platform_device_register);

void platform_device_unregister(struct platform_device *pdev)
{
	platform_device_del(pdev);
	platform_device_put(pdev);
}
EXPORT_SYMBOL_GPL(platform_device_unregister);

struct platform_device *__lkm_platform_device_register_full(const struct platform_device_info *pdevinfo,
							    struct module *owner)
{
	struct platform_device *pdev;
	int ret;

	pdev = platform_device_alloc(pdevinfo->name, pdevinfo->id);
	if (!pdev)
		return ERR_PTR(-ENOMEM);

	pdev->dev.parent = pdevinfo->parent;
	pdev->dev.fwnode = pdevinfo->fwnode;
	pdev->dev.of_node_reused = pdevinfo->of_node_reused;
	if (pdevinfo->dma_mask) {
		pdev->platform_dma_mask = pdevinfo->dma_mask;
		pdev->dev.dma_mask = &pdev->platform_dma_mask;
		pdev->dev.coherent_dma_mask = pdevinfo->dma_mask;
	}

	ret = platform_device_add_resources(pdev, pdevinfo->res, pdevinfo->num_res);
	if (ret)
		goto err;
	ret = platform_device_add_data(pdev, pdevinfo->data, pdevinfo->size_data);
	if (ret)
		goto err;
	ret = __lkm_platform_device_add(pdev, owner);
	if (ret) {
err:
		platform_device_put(pdev);
		return ERR_PTR(ret);
	}
	return pdev;
}
EXPORT_SYMBOL_GPL(__lkm_platform_device_register_full);

/* ---- drivers ----------------------------------------------------------------------------------------- */

int __platform_driver_register(struct platform_driver *drv, struct module *owner)
{
	drv->driver.owner = owner;
	drv->driver.bus = &platform_bus_type;
	return driver_register(&drv->driver);
}
EXPORT_SYMBOL_GPL(__platform_driver_register);

void platform_driver_unregister(struct platform_driver *drv)
{
	driver_unregister(&drv->driver);
}
EXPORT_SYMBOL_GPL(platform_driver_unregister);

static int platform_match_dev_drv(struct device *dev, const void *drv)
{
	return dev->driver == drv;
}

struct device *platform_find_device_by_driver(struct device *start, const struct device_driver *drv)
{
	return bus_find_device(&platform_bus_type, start, drv, platform_match_dev_drv);
}
EXPORT_SYMBOL_GPL(platform_find_device_by_driver);

/* ---- sysfs: modalias, driver_override --------------------------------------------------------------- */

static ssize_t modalias_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct platform_device *pdev = to_platform_device(dev);

	return sysfs_emit(buf, "platform:%s\n", pdev->name);
}
static DEVICE_ATTR_RO(modalias);

static ssize_t driver_override_store(struct device *dev, struct device_attribute *attr, const char *buf,
				     size_t count)
{
	struct platform_device *pdev = to_platform_device(dev);
	int ret = driver_set_override(dev, &pdev->driver_override, buf, count);

	return ret ? ret : count;
}

static ssize_t driver_override_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct platform_device *pdev = to_platform_device(dev);

	return sysfs_emit(buf, "%s\n", pdev->driver_override);
}
static DEVICE_ATTR_RW(driver_override);

static struct attribute *platform_dev_attrs[] = {
	&dev_attr_modalias.attr,
	&dev_attr_driver_override.attr,
	NULL,
};

static const struct attribute_group platform_dev_group = {
	.attrs = platform_dev_attrs,
};
static const struct attribute_group *platform_dev_groups[] = {
	&platform_dev_group,
	NULL,
};

/* ---- the bus ----------------------------------------------------------------------------------------- */

static int platform_uevent(const struct device *dev, struct kobj_uevent_env *env)
{
	const struct platform_device *pdev = to_platform_device(dev);

	return add_uevent_var(env, "MODALIAS=%s%s", PLATFORM_MODULE_PREFIX, pdev->name);
}

static const struct platform_device_id *platform_match_id(const struct platform_device_id *id,
							  struct platform_device *pdev)
{
	while (id->name[0]) {
		if (strcmp(pdev->name, id->name) == 0) {
			pdev->id_entry = id;
			return id;
		}
		id++;
	}
	return NULL;
}

static int platform_match(struct device *dev, const struct device_driver *drv)
{
	struct platform_device *pdev = to_platform_device(dev);
	struct platform_driver *pdrv = to_platform_driver(drv);

	/* When driver_override is set, only bind to the matching driver */
	if (pdev->driver_override)
		return !strcmp(pdev->driver_override, drv->name);

	/* Then try to match against the id table */
	if (pdrv->id_table)
		return platform_match_id(pdrv->id_table, pdev) != NULL;

	/* fall-back to driver name match */
	return (strcmp(pdev->name, drv->name) == 0);
}

static int platform_probe(struct device *_dev)
{
	struct platform_driver *drv = to_platform_driver(_dev->driver);
	struct platform_device *dev = to_platform_device(_dev);
	int ret = 0;

	if (drv->probe)
		ret = drv->probe(dev);
	if (drv->prevent_deferred_probe && ret == -EPROBE_DEFER) {
		dev_warn(_dev, "probe deferral not supported\n");
		ret = -ENXIO;
	}
	return ret;
}

static void platform_remove(struct device *_dev)
{
	struct platform_driver *drv = to_platform_driver(_dev->driver);
	struct platform_device *dev = to_platform_device(_dev);

	if (drv->remove)
		drv->remove(dev);
}

static void platform_shutdown(struct device *_dev)
{
	struct platform_device *dev = to_platform_device(_dev);
	struct platform_driver *drv;

	if (!_dev->driver)
		return;
	drv = to_platform_driver(_dev->driver);
	if (drv->shutdown)
		drv->shutdown(dev);
}

const struct bus_type platform_bus_type = {
	.name		= "platform",
	.dev_groups	= platform_dev_groups,
	.match		= platform_match,
	.uevent		= platform_uevent,
	.probe		= platform_probe,
	.remove		= platform_remove,
	.shutdown	= platform_shutdown,
};
EXPORT_SYMBOL_GPL(platform_bus_type);

/* Boot (driver_init()): /sys/bus, /sys/devices/platform, the platform bus, debugfs's devices_deferred. */
void lkm_driver_core_init(void)
{
	buses_init();
	if (device_register(&platform_bus))
		pr_err("platform_bus_init: cannot register /sys/devices/platform\n");
	if (bus_register(&platform_bus_type))
		pr_err("platform_bus_init: cannot register the platform bus\n");
	deferred_probe_debugfs_init();
}
