/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_CRC32_H
#define _LINUX_CRC32_H

#include <linux/types.h>
#include <linux/bitrev.h>

/* CRC-32 (IEEE 802.3, polynomial 0x04c11db7): little-endian (reflected) and big-endian bit order. */
u32 crc32_le(u32 crc, const void *p, size_t len);
u32 crc32_be(u32 crc, const void *p, size_t len);
/* CRC-32C (Castagnoli, 0x1edc6f41), reflected. */
u32 __crc32c_le(u32 crc, const void *p, size_t len);

#define crc32(seed, data, length)  crc32_le(seed, (unsigned char const *)(data), length)
#define crc32c(seed, data, length)  __crc32c_le(seed, (unsigned char const *)(data), length)

#define ether_crc(length, data)    bitrev32(crc32_le(~0, data, length))
#define ether_crc_le(length, data) crc32_le(~0, data, length)

#endif /* _LINUX_CRC32_H */
