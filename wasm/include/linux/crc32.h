/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CRC32_H
#define _LINUX_CRC32_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/bitrev.h>

/* CRC-32 (IEEE 802.3, polynomial 0x04c11db7): little-endian (reflected) and big-endian bit order. */
u32 crc32_le(u32 crc, const void *p, size_t len);
u32 crc32_be(u32 crc, const void *p, size_t len);
/* CRC-32C (Castagnoli, 0x1edc6f41), reflected. */
u32 __crc32c_le(u32 crc, const void *p, size_t len);

/*
 * The register after @len more zero bytes; with it, the CRC of A‖B from the CRCs of A and of B (B's taken
 * from seed 0): crc32_le_combine(crc32_le(s, A), crc32_le(0, B), |B|) == crc32_le(s, A‖B).
 */
u32 __pure crc32_le_shift(u32 crc, size_t len);
u32 __pure __crc32c_le_shift(u32 crc, size_t len);

static inline u32 crc32_le_combine(u32 crc1, u32 crc2, size_t len2)
{
	return crc32_le_shift(crc1, len2) ^ crc2;
}

static inline u32 __crc32c_le_combine(u32 crc1, u32 crc2, size_t len2)
{
	return __crc32c_le_shift(crc1, len2) ^ crc2;
}

#define crc32(seed, data, length)  crc32_le(seed, (unsigned char const *)(data), length)
#define crc32c(seed, data, length)  __crc32c_le(seed, (unsigned char const *)(data), length)

#define ether_crc(length, data)    bitrev32(crc32_le(~0, data, length))
#define ether_crc_le(length, data) crc32_le(~0, data, length)

#endif /* _LINUX_CRC32_H */
