/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LINUX_UNALIGNED_H
#define __LINUX_UNALIGNED_H

/*
 * Unaligned accesses (Linux 6.12 moved them here from asm/unaligned.h): any type through
 * get_unaligned()/put_unaligned(), and little/big-endian 16, 24, 32, 48 and 64-bit fields of byte
 * streams (wire formats, descriptors, firmware images).
 */
#include <linux/unaligned/packed_struct.h>
#include <asm/byteorder.h>

#define get_unaligned(ptr)	__get_unaligned_t(typeof(*(ptr)), (ptr))
#define put_unaligned(val, ptr) __put_unaligned_t(typeof(*(ptr)), (val), (ptr))

static inline u16 get_unaligned_le16(const void *p) { return le16_to_cpu(__get_unaligned_t(__le16, p)); }
static inline u32 get_unaligned_le32(const void *p) { return le32_to_cpu(__get_unaligned_t(__le32, p)); }
static inline u64 get_unaligned_le64(const void *p) { return le64_to_cpu(__get_unaligned_t(__le64, p)); }
static inline u16 get_unaligned_be16(const void *p) { return be16_to_cpu(__get_unaligned_t(__be16, p)); }
static inline u32 get_unaligned_be32(const void *p) { return be32_to_cpu(__get_unaligned_t(__be32, p)); }
static inline u64 get_unaligned_be64(const void *p) { return be64_to_cpu(__get_unaligned_t(__be64, p)); }

static inline void put_unaligned_le16(u16 val, void *p) { __put_unaligned_t(__le16, cpu_to_le16(val), p); }
static inline void put_unaligned_le32(u32 val, void *p) { __put_unaligned_t(__le32, cpu_to_le32(val), p); }
static inline void put_unaligned_le64(u64 val, void *p) { __put_unaligned_t(__le64, cpu_to_le64(val), p); }
static inline void put_unaligned_be16(u16 val, void *p) { __put_unaligned_t(__be16, cpu_to_be16(val), p); }
static inline void put_unaligned_be32(u32 val, void *p) { __put_unaligned_t(__be32, cpu_to_be32(val), p); }
static inline void put_unaligned_be64(u64 val, void *p) { __put_unaligned_t(__be64, cpu_to_be64(val), p); }

/* The odd widths, a byte at a time: most significant byte first for big-endian. */
static inline u32 __get_unaligned_be24(const u8 *p) { return p[0] << 16 | p[1] << 8 | p[2]; }
static inline u32 get_unaligned_be24(const void *p) { return __get_unaligned_be24(p); }
static inline u32 __get_unaligned_le24(const u8 *p) { return p[0] | p[1] << 8 | p[2] << 16; }
static inline u32 get_unaligned_le24(const void *p) { return __get_unaligned_le24(p); }

static inline void __put_unaligned_be24(const u32 val, u8 *p)
{
	p[0] = val >> 16;
	p[1] = val >> 8;
	p[2] = val;
}

static inline void put_unaligned_be24(const u32 val, void *p) { __put_unaligned_be24(val, p); }

static inline void __put_unaligned_le24(const u32 val, u8 *p)
{
	p[0] = val;
	p[1] = val >> 8;
	p[2] = val >> 16;
}

static inline void put_unaligned_le24(const u32 val, void *p) { __put_unaligned_le24(val, p); }

static inline void __put_unaligned_be48(const u64 val, u8 *p)
{
	int i;

	for (i = 0; i < 6; i++)
		p[i] = val >> (40 - 8 * i);
}

static inline void put_unaligned_be48(const u64 val, void *p) { __put_unaligned_be48(val, p); }

static inline u64 __get_unaligned_be48(const u8 *p)
{
	u64 v = 0;
	int i;

	for (i = 0; i < 6; i++)
		v = v << 8 | p[i];
	return v;
}

static inline u64 get_unaligned_be48(const void *p) { return __get_unaligned_be48(p); }

#endif /* __LINUX_UNALIGNED_H */
