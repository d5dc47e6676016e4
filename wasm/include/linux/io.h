/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_IO_H
#define _LINUX_IO_H

/* Memory-mapped I/O (asm/io.h). */
#include <asm/io.h>
#include <linux/types.h>
#include <linux/err.h>

#define IOMEM_ERR_PTR(err) (__force void __iomem *)ERR_PTR(err)

/* Mappings released with the device's managed resources (lib/devres.c). */
struct device;
struct resource;
void __iomem *devm_ioremap(struct device *dev, resource_size_t offset, resource_size_t size);
void devm_iounmap(struct device *dev, void __iomem *addr);
void __iomem *devm_ioremap_resource(struct device *dev, const struct resource *res);

/* memremap() flags (kernel/iomem.c): the mapping types the caller accepts. */
enum {
	MEMREMAP_WB = 1 << 0,
	MEMREMAP_WT = 1 << 1,
	MEMREMAP_WC = 1 << 2,
	MEMREMAP_ENC = 1 << 3,
	MEMREMAP_DEC = 1 << 4,
};

void *memremap(resource_size_t offset, size_t size, unsigned long flags);
void memunmap(void *addr);

#endif /* _LINUX_IO_H */
