// SPDX-License-Identifier: GPL-2.0
/*
 * A platform driver: binds to "pdemo" and "pdemo-lite" devices (its id table), reads their memory and
 * IRQ resources and platform data in probe, keeps its state in devm memory, and gives each bound
 * device a "gain" attribute.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/string.h>
#include "pdemo.h"

struct pdemo {
	char label[16];
	u32 gain;
	u32 max_gain;
};

static ssize_t gain_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct pdemo *pd = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%u\n", pd->gain);
}

static ssize_t gain_store(struct device *dev, struct device_attribute *attr, const char *buf, size_t count)
{
	struct pdemo *pd = dev_get_drvdata(dev);
	u32 v;
	int ret = kstrtou32(buf, 0, &v);

	if (ret)
		return ret;
	if (v > pd->max_gain)
		return -ERANGE;
	pd->gain = v;
	return count;
}
static DEVICE_ATTR_RW(gain);

static struct attribute *pdemo_attrs[] = {
	&dev_attr_gain.attr,
	NULL,
};
ATTRIBUTE_GROUPS(pdemo);

static int pdemo_probe(struct platform_device *pdev)
{
	const struct pdemo_platform_data *pdata = dev_get_platdata(&pdev->dev);
	const struct platform_device_id *id = platform_get_device_id(pdev);
	struct resource *res;
	struct pdemo *pd;
	int irq;

	if (!pdata)
		return dev_err_probe(&pdev->dev, -EINVAL, "no platform data\n");
	res = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	if (!res)
		return dev_err_probe(&pdev->dev, -ENODEV, "no registers\n");

	pd = devm_kzalloc(&pdev->dev, sizeof(*pd), GFP_KERNEL);
	if (!pd)
		return -ENOMEM;
	strscpy(pd->label, pdata->label, sizeof(pd->label));
	pd->max_gain = id->driver_data;
	pd->gain = min(pdata->gain, pd->max_gain);
	platform_set_drvdata(pdev, pd);

	irq = platform_get_irq_optional(pdev, 0);
	if (irq > 0)
		dev_info(&pdev->dev, "%s: registers %#llx-%#llx, irq %d, gain %u\n", pd->label,
			 (unsigned long long)res->start, (unsigned long long)res->end, irq, pd->gain);
	else
		dev_info(&pdev->dev, "%s: registers %#llx-%#llx, no irq, gain %u\n", pd->label,
			 (unsigned long long)res->start, (unsigned long long)res->end, pd->gain);
	return 0;
}

static void pdemo_remove(struct platform_device *pdev)
{
	struct pdemo *pd = platform_get_drvdata(pdev);

	dev_info(&pdev->dev, "%s: removed\n", pd->label);
}

/* driver_data: the highest gain each model takes. */
static const struct platform_device_id pdemo_ids[] = {
	{ "pdemo", 10 },
	{ "pdemo-lite", 3 },
	{ }
};
MODULE_DEVICE_TABLE(platform, pdemo_ids);

static struct platform_driver pdemo_driver = {
	.probe = pdemo_probe,
	.remove = pdemo_remove,
	.id_table = pdemo_ids,
	.driver = {
		.name = "pdemo",
		.dev_groups = pdemo_groups,
	},
};
module_platform_driver(pdemo_driver);

MODULE_DESCRIPTION("A platform driver with resources, platform data and devm memory");
MODULE_LICENSE("GPL");
