/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_IO_H
#define _LINUX_IO_H

/* Memory-mapped I/O (asm/io.h). */
#include <asm/io.h>
#include <linux/err.h>

#define IOMEM_ERR_PTR(err) (__force void __iomem *)ERR_PTR(err)

/* Mappings released with the device's managed resources (lib/devres.c). */
struct device;
struct resource;
void __iomem *devm_ioremap(struct device *dev, resource_size_t offset, resource_size_t size);
void devm_iounmap(struct device *dev, void __iomem *addr);
void __iomem *devm_ioremap_resource(struct device *dev, const struct resource *res);

#endif /* _LINUX_IO_H */
