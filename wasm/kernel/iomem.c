// SPDX-License-Identifier: GPL-2.0
/*
 * ioremap()/iounmap() and memremap()/memunmap() (arch/x86/mm/ioremap.c, kernel/iomem.c). Physical
 * addresses are kernel addresses here and nothing else is behind them: a mapping is the region itself,
 * and only kernel memory (above the NULL page, below the memory's end) can be mapped. Each mapping is
 * remembered so that iounmap() of something never mapped is reported, as x86 reports it.
 */
#include <linux/export.h>
#include <linux/io.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#define WASM_PAGE 65536

struct io_mapping {
	struct list_head list;
	unsigned long addr;
	size_t size;
};

static LIST_HEAD(mappings);
static DEFINE_SPINLOCK(mappings_lock);

/*
 * [phys, phys + size) is kernel memory: not empty, no wrap, past the NULL page (the first 64 KiB, kept
 * unallocated and poisoned: src/kernel/memory.ts), inside the memory.
 */
static bool is_kernel_memory(phys_addr_t phys, size_t size)
{
	unsigned long mem_end = __builtin_wasm_memory_size(0) * WASM_PAGE;
	phys_addr_t last = phys + size - 1;

	return size && last >= phys && phys >= WASM_PAGE && last < mem_end;
}

static void *map(phys_addr_t phys, size_t size)
{
	struct io_mapping *m;

	if (!is_kernel_memory(phys, size))
		return NULL;
	m = kmalloc(sizeof(*m), GFP_KERNEL);
	if (!m)
		return NULL;
	m->addr = phys;
	m->size = size;
	spin_lock(&mappings_lock);
	list_add(&m->list, &mappings);
	spin_unlock(&mappings_lock);
	return (void *)(unsigned long)phys;
}

static bool unmap(const volatile void *addr)
{
	struct io_mapping *m, *found = NULL;

	spin_lock(&mappings_lock);
	list_for_each_entry(m, &mappings, list) {
		if (m->addr == (unsigned long)addr) {
			list_del(&m->list);
			found = m;
			break;
		}
	}
	spin_unlock(&mappings_lock);
	kfree(found);
	return found;
}

void __iomem *ioremap(phys_addr_t offset, size_t size)
{
	return (void __iomem *)map(offset, size);
}
EXPORT_SYMBOL(ioremap);

void __iomem *ioremap_wc(phys_addr_t offset, size_t size)
{
	return ioremap(offset, size);
}
EXPORT_SYMBOL(ioremap_wc);

void __iomem *ioremap_uc(phys_addr_t offset, size_t size)
{
	return ioremap(offset, size);
}
EXPORT_SYMBOL(ioremap_uc);

void __iomem *ioremap_cache(phys_addr_t offset, size_t size)
{
	return ioremap(offset, size);
}
EXPORT_SYMBOL(ioremap_cache);

void iounmap(volatile void __iomem *addr)
{
	if (!addr)
		return;
	if (!unmap(addr)) {
		printk(KERN_ERR "iounmap: bad address %p\n", addr);
		dump_stack();
	}
}
EXPORT_SYMBOL(iounmap);

/* memremap(): kernel memory is always mapped write-back; the flags name what the caller accepts. */
void *memremap(resource_size_t offset, size_t size, unsigned long flags)
{
	if (!flags)
		return NULL;
	return map(offset, size);
}
EXPORT_SYMBOL(memremap);

void memunmap(void *addr)
{
	if (addr && !unmap(addr))
		WARN(1, "memunmap: bad address %p\n", addr);
}
EXPORT_SYMBOL(memunmap);
