// SPDX-License-Identifier: GPL-2.0
/*
 * Managed I/O mappings (lib/devres.c): devm_ioremap() and devm_ioremap_resource(), which claims the
 * region first (request_mem_region, named "DEVICE RESOURCE") so that two drivers cannot map one.
 */
#include <linux/device.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/platform_device.h>
#include <linux/export.h>

static void devm_ioremap_release(struct device *dev, void *res)
{
	iounmap(*(void __iomem **)res);
}

static int devm_ioremap_match(struct device *dev, void *res, void *match_data)
{
	return *(void **)res == match_data;
}

void __iomem *devm_ioremap(struct device *dev, resource_size_t offset, resource_size_t size)
{
	void __iomem **ptr, *addr;

	ptr = devres_alloc(devm_ioremap_release, sizeof(*ptr), GFP_KERNEL);
	if (!ptr)
		return NULL;
	addr = ioremap(offset, size);
	if (addr) {
		*ptr = addr;
		devres_add(dev, ptr);
	} else {
		devres_free(ptr);
	}
	return addr;
}
EXPORT_SYMBOL(devm_ioremap);

void devm_iounmap(struct device *dev, void __iomem *addr)
{
	WARN_ON(devres_destroy(dev, devm_ioremap_release, devm_ioremap_match, (__force void *)addr));
	iounmap(addr);
}
EXPORT_SYMBOL(devm_iounmap);

void __iomem *devm_ioremap_resource(struct device *dev, const struct resource *res)
{
	resource_size_t size;
	void __iomem *dest_ptr;
	char *pretty_name;

	if (!res || resource_type(res) != IORESOURCE_MEM) {
		dev_err(dev, "invalid resource %pR\n", res);
		return IOMEM_ERR_PTR(-EINVAL);
	}
	size = resource_size(res);
	if (res->name)
		pretty_name = devm_kasprintf(dev, GFP_KERNEL, "%s %s", dev_name(dev), res->name);
	else
		pretty_name = devm_kstrdup(dev, dev_name(dev), GFP_KERNEL);
	if (!pretty_name) {
		dev_err(dev, "can't generate pretty name for resource %pR\n", res);
		return IOMEM_ERR_PTR(-ENOMEM);
	}
	if (!devm_request_mem_region(dev, res->start, size, pretty_name)) {
		dev_err(dev, "can't request region for resource %pR\n", res);
		return IOMEM_ERR_PTR(-EBUSY);
	}
	dest_ptr = devm_ioremap(dev, res->start, size);
	if (!dest_ptr) {
		dev_err(dev, "ioremap failed for resource %pR\n", res);
		devm_release_mem_region(dev, res->start, size);
		dest_ptr = IOMEM_ERR_PTR(-ENOMEM);
	}
	return dest_ptr;
}
EXPORT_SYMBOL(devm_ioremap_resource);

void __iomem *devm_platform_get_and_ioremap_resource(struct platform_device *pdev, unsigned int index,
						     struct resource **res)
{
	struct resource *r = platform_get_resource(pdev, IORESOURCE_MEM, index);

	if (res)
		*res = r;
	return devm_ioremap_resource(&pdev->dev, r);
}
EXPORT_SYMBOL_GPL(devm_platform_get_and_ioremap_resource);

void __iomem *devm_platform_ioremap_resource(struct platform_device *pdev, unsigned int index)
{
	return devm_platform_get_and_ioremap_resource(pdev, index, NULL);
}
EXPORT_SYMBOL_GPL(devm_platform_ioremap_resource);

/* A region claimed for a device: released with its other managed resources. */
struct region_devres {
	struct resource *parent;
	resource_size_t start;
	resource_size_t n;
};

static void devm_region_release(struct device *dev, void *res)
{
	struct region_devres *r = res;

	(void)dev;
	__release_region(r->parent, r->start, r->n);
}

static int devm_region_match(struct device *dev, void *res, void *match_data)
{
	struct region_devres *r = res, *want = match_data;

	(void)dev;
	return r->parent == want->parent && r->start == want->start && r->n == want->n;
}

struct resource *__devm_request_region(struct device *dev, struct resource *parent, resource_size_t start,
				       resource_size_t n, const char *name)
{
	struct region_devres *dr = devres_alloc(devm_region_release, sizeof(*dr), GFP_KERNEL);
	struct resource *res;

	if (!dr)
		return NULL;
	res = __request_region(parent, start, n, name, 0);
	if (!res) {
		devres_free(dr);
		return NULL;
	}
	dr->parent = parent;
	dr->start = start;
	dr->n = n;
	devres_add(dev, dr);
	return res;
}
EXPORT_SYMBOL(__devm_request_region);

void __devm_release_region(struct device *dev, struct resource *parent, resource_size_t start, resource_size_t n)
{
	struct region_devres want = { .parent = parent, .start = start, .n = n };

	WARN_ON(devres_release(dev, devm_region_release, devm_region_match, &want));
}
EXPORT_SYMBOL(__devm_release_region);
