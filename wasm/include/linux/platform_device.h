/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _PLATFORM_DEVICE_H_
#define _PLATFORM_DEVICE_H_

/*
 * The platform bus (include/linux/platform_device.h, drivers/base/platform.c): devices that are not on
 * a discoverable bus, matched to drivers by driver_override, the id table, or the name.
 */
#include <linux/device.h>
#include <linux/ioport.h>
#include <linux/mod_devicetable.h>

#define PLATFORM_DEVID_NONE	(-1)
#define PLATFORM_DEVID_AUTO	(-2)

struct mfd_cell;
struct property_entry;

struct platform_device {
	const char	*name;
	int		id;
	bool		id_auto;
	struct device	dev;
	u64		platform_dma_mask;
	u32		num_resources;
	struct resource	*resource;

	const struct platform_device_id	*id_entry;
	/*
	 * Driver name to force a match.  Do not set directly, because core
	 * frees it.  Use driver_set_override() to set or clear it.
	 */
	const char *driver_override;

	/* MFD cell pointer */
	struct mfd_cell *mfd_cell;
};

#define platform_get_device_id(pdev)	((pdev)->id_entry)

#define dev_is_platform(dev) ((dev)->bus == &platform_bus_type)
#define to_platform_device(x) container_of((x), struct platform_device, dev)

extern struct device platform_bus;
extern const struct bus_type platform_bus_type;

extern struct resource *platform_get_resource(struct platform_device *, unsigned int, unsigned int);
extern struct resource *platform_get_resource_byname(struct platform_device *, unsigned int, const char *);
extern struct device *platform_find_device_by_driver(struct device *start, const struct device_driver *drv);
extern void __iomem *devm_platform_get_and_ioremap_resource(struct platform_device *pdev, unsigned int index,
							    struct resource **res);
extern void __iomem *devm_platform_ioremap_resource(struct platform_device *pdev, unsigned int index);
extern int platform_get_irq(struct platform_device *, unsigned int);
extern int platform_get_irq_optional(struct platform_device *, unsigned int);
extern int platform_irq_count(struct platform_device *);
extern int platform_get_irq_byname(struct platform_device *, const char *);
extern int platform_get_irq_byname_optional(struct platform_device *dev, const char *name);

struct platform_device_info {
		struct device *parent;
		struct fwnode_handle *fwnode;
		bool of_node_reused;

		const char *name;
		int id;

		const struct resource *res;
		unsigned int num_res;

		const void *data;
		size_t size_data;
		u64 dma_mask;

		const struct property_entry *properties;
};

/* Registration passes the caller's module (THIS_MODULE), as device_add() does: see linux/device.h. */
extern struct platform_device *__lkm_platform_device_register_full(const struct platform_device_info *pdevinfo,
								   struct module *owner);
static inline struct platform_device *platform_device_register_full(const struct platform_device_info *pdevinfo)
{
	return __lkm_platform_device_register_full(pdevinfo, THIS_MODULE);
}

static inline struct platform_device *platform_device_register_resndata(
		struct device *parent, const char *name, int id,
		const struct resource *res, unsigned int num,
		const void *data, size_t size) {

	struct platform_device_info pdevinfo = {
		.parent = parent,
		.name = name,
		.id = id,
		.res = res,
		.num_res = num,
		.data = data,
		.size_data = size,
		.dma_mask = 0,
	};

	return platform_device_register_full(&pdevinfo);
}

static inline struct platform_device *platform_device_register_simple(
		const char *name, int id,
		const struct resource *res, unsigned int num)
{
	return platform_device_register_resndata(NULL, name, id, res, num, NULL, 0);
}

static inline struct platform_device *platform_device_register_data(
		struct device *parent, const char *name, int id,
		const void *data, size_t size)
{
	return platform_device_register_resndata(parent, name, id, NULL, 0, data, size);
}

extern struct platform_device *platform_device_alloc(const char *name, int id);
extern int platform_device_add_resources(struct platform_device *pdev, const struct resource *res,
					 unsigned int num);
extern int platform_device_add_data(struct platform_device *pdev, const void *data, size_t size);
extern int __lkm_platform_device_add(struct platform_device *pdev, struct module *owner);
static inline int platform_device_add(struct platform_device *pdev)
{
	return __lkm_platform_device_add(pdev, THIS_MODULE);
}
extern void platform_device_del(struct platform_device *pdev);
extern void platform_device_put(struct platform_device *pdev);
extern int __lkm_platform_device_register(struct platform_device *pdev, struct module *owner);
static inline int platform_device_register(struct platform_device *pdev)
{
	return __lkm_platform_device_register(pdev, THIS_MODULE);
}
extern void platform_device_unregister(struct platform_device *);
static inline int platform_add_devices(struct platform_device **devs, int num)
{
	int i, ret = 0;

	for (i = 0; i < num; i++) {
		ret = platform_device_register(devs[i]);
		if (ret) {
			while (--i >= 0)
				platform_device_unregister(devs[i]);
			break;
		}
	}
	return ret;
}

struct platform_driver {
	int (*probe)(struct platform_device *);

	/*
	 * .remove_new() is a relic from a prototype conversion of .remove().
	 * New drivers are supposed to implement .remove(). Once all drivers are
	 * converted to not use .remove_new any more, it will be dropped.
	 */
	union {
		void (*remove)(struct platform_device *);
		void (*remove_new)(struct platform_device *);
	};

	void (*shutdown)(struct platform_device *);
	int (*resume)(struct platform_device *);
	struct device_driver driver;
	const struct platform_device_id *id_table;
	bool prevent_deferred_probe;
	/*
	 * For most device drivers, no need to care about this flag as long as
	 * all DMAs are handled through the kernel DMA API. For some special
	 * ones, for example VFIO drivers, they know how to manage the DMA
	 * themselves and set this flag so that the IOMMU layer will allow them
	 * to setup and manage their own I/O address space.
	 */
	bool driver_managed_dma;
};

#define to_platform_driver(drv)	(container_of((drv), struct platform_driver, driver))

/* use a macro to avoid include chaining to get THIS_MODULE */
#define platform_driver_register(drv) \
	__platform_driver_register(drv, THIS_MODULE)
extern int __platform_driver_register(struct platform_driver *, struct module *);
extern void platform_driver_unregister(struct platform_driver *);

/* module_platform_driver() - Helper macro for drivers that don't do anything special in module init/exit. */
#define module_platform_driver(__platform_driver) \
	module_driver(__platform_driver, platform_driver_register, \
			platform_driver_unregister)

#define builtin_platform_driver(__platform_driver) \
	builtin_driver(__platform_driver, platform_driver_register)

static inline void *platform_get_drvdata(const struct platform_device *pdev)
{
	return dev_get_drvdata(&pdev->dev);
}

static inline void platform_set_drvdata(struct platform_device *pdev, void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}

#endif /* _PLATFORM_DEVICE_H_ */
