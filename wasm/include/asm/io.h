/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_IO_H
#define _ASM_IO_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/string.h>
#include <linux/mm.h>	/* virt_to_phys(), phys_to_virt() */

/*
 * Memory-mapped I/O over kernel memory. There is no bus here: a "device region" is kernel memory (a
 * buffer a driver or a test allocated), physical addresses are kernel addresses, and ioremap() maps a
 * region to itself. The accessors are volatile loads and stores with Linux's names and widths, so a
 * driver's register code runs unchanged against a region that plays the device.
 */

static inline u8 __raw_readb(const volatile void __iomem *a) { return *(const volatile u8 *)a; }
static inline u16 __raw_readw(const volatile void __iomem *a) { return *(const volatile u16 *)a; }
static inline u32 __raw_readl(const volatile void __iomem *a) { return *(const volatile u32 *)a; }
static inline u64 __raw_readq(const volatile void __iomem *a) { return *(const volatile u64 *)a; }
static inline void __raw_writeb(u8 v, volatile void __iomem *a) { *(volatile u8 *)a = v; }
static inline void __raw_writew(u16 v, volatile void __iomem *a) { *(volatile u16 *)a = v; }
static inline void __raw_writel(u32 v, volatile void __iomem *a) { *(volatile u32 *)a = v; }
static inline void __raw_writeq(u64 v, volatile void __iomem *a) { *(volatile u64 *)a = v; }

/* wasm is little-endian, as the PCI bus: the _relaxed and ordered forms differ only in the barrier. */
#define readb(a)		({ u8 __v = __raw_readb(a); __atomic_thread_fence(__ATOMIC_ACQUIRE); __v; })
#define readw(a)		({ u16 __v = __raw_readw(a); __atomic_thread_fence(__ATOMIC_ACQUIRE); __v; })
#define readl(a)		({ u32 __v = __raw_readl(a); __atomic_thread_fence(__ATOMIC_ACQUIRE); __v; })
#define readq(a)		({ u64 __v = __raw_readq(a); __atomic_thread_fence(__ATOMIC_ACQUIRE); __v; })
#define writeb(v, a)		do { __atomic_thread_fence(__ATOMIC_RELEASE); __raw_writeb((v), (a)); } while (0)
#define writew(v, a)		do { __atomic_thread_fence(__ATOMIC_RELEASE); __raw_writew((v), (a)); } while (0)
#define writel(v, a)		do { __atomic_thread_fence(__ATOMIC_RELEASE); __raw_writel((v), (a)); } while (0)
#define writeq(v, a)		do { __atomic_thread_fence(__ATOMIC_RELEASE); __raw_writeq((v), (a)); } while (0)
#define readb_relaxed(a)	__raw_readb(a)
#define readw_relaxed(a)	__raw_readw(a)
#define readl_relaxed(a)	__raw_readl(a)
#define readq_relaxed(a)	__raw_readq(a)
#define writeb_relaxed(v, a)	__raw_writeb((v), (a))
#define writew_relaxed(v, a)	__raw_writew((v), (a))
#define writel_relaxed(v, a)	__raw_writel((v), (a))
#define writeq_relaxed(v, a)	__raw_writeq((v), (a))

#define ioread8(a)		readb(a)
#define ioread16(a)		readw(a)
#define ioread32(a)		readl(a)
#define ioread64(a)		readq(a)
#define iowrite8(v, a)		writeb((v), (a))
#define iowrite16(v, a)		writew((v), (a))
#define iowrite32(v, a)		writel((v), (a))
#define iowrite64(v, a)		writeq((v), (a))
#define ioread16be(a)		__builtin_bswap16(readw(a))
#define ioread32be(a)		__builtin_bswap32(readl(a))
#define iowrite16be(v, a)	writew(__builtin_bswap16(v), (a))
#define iowrite32be(v, a)	writel(__builtin_bswap32(v), (a))

static inline void memcpy_fromio(void *to, const volatile void __iomem *from, size_t n)
{
	const volatile u8 *s = from;
	u8 *d = to;

	while (n--)
		*d++ = *s++;
}

static inline void memcpy_toio(volatile void __iomem *to, const void *from, size_t n)
{
	volatile u8 *d = to;
	const u8 *s = from;

	while (n--)
		*d++ = *s++;
}

static inline void memset_io(volatile void __iomem *a, int c, size_t n)
{
	volatile u8 *d = a;

	while (n--)
		*d++ = (u8)c;
}

/*
 * Kernel addresses are physical addresses: a mapping of kernel memory is the region itself. Anything
 * else (the NULL page, past the memory's end, size 0) has nothing behind it: NULL (wasm/kernel/iomem.c).
 */
extern void __iomem *ioremap(phys_addr_t offset, size_t size);
extern void __iomem *ioremap_wc(phys_addr_t offset, size_t size);
extern void __iomem *ioremap_uc(phys_addr_t offset, size_t size);
extern void __iomem *ioremap_cache(phys_addr_t offset, size_t size);
extern void iounmap(volatile void __iomem *addr);

#endif /* _ASM_IO_H */
