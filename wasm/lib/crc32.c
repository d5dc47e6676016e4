// SPDX-License-Identifier: GPL-2.0
/*
 * lib/crc32.c: CRC-32 in both bit orders and CRC-32C, table-driven (the tables are built on first use).
 * In Linux this is the tristate module "crc32"; vmlinux has it built in, so its MODULE_* lines land in
 * modules.builtin and modules.builtin.modinfo, and `modprobe crc32` finds it there.
 */
#include <linux/crc32.h>
#include <linux/export.h>
#include <linux/module.h>
#include <linux/string.h>
#include <linux/types.h>

static u32 crc32_table_le[256], crc32c_table_le[256], crc32_table_be[256];
static int crc_tables_ready;

static void crc_init_tables(void)
{
	unsigned int i, j;

	for (i = 0; i < 256; i++) {
		u32 le = i, c = i, be = i << 24;

		for (j = 0; j < 8; j++) {
			le = (le >> 1) ^ ((le & 1) ? 0xedb88320 : 0);
			c = (c >> 1) ^ ((c & 1) ? 0x82f63b78 : 0);
			be = (be << 1) ^ ((be & 0x80000000) ? 0x04c11db7 : 0);
		}
		crc32_table_le[i] = le;
		crc32c_table_le[i] = c;
		crc32_table_be[i] = be;
	}
	__atomic_store_n(&crc_tables_ready, 1, __ATOMIC_RELEASE);
}

/* Little-endian (reflected) table-driven CRC, shared by CRC32 and CRC32C. */
static u32 crc_le_table(u32 crc, const void *p, size_t len, const u32 *table)
{
	const u8 *b = p;

	if (!__atomic_load_n(&crc_tables_ready, __ATOMIC_ACQUIRE))
		crc_init_tables();
	while (len--)
		crc = (crc >> 8) ^ table[(crc ^ *b++) & 0xff];
	return crc;
}

u32 crc32_le(u32 crc, const void *p, size_t len)
{
	return crc_le_table(crc, p, len, crc32_table_le);
}
EXPORT_SYMBOL(crc32_le);

u32 __crc32c_le(u32 crc, const void *p, size_t len)
{
	return crc_le_table(crc, p, len, crc32c_table_le);
}
EXPORT_SYMBOL(__crc32c_le);

u32 crc32_be(u32 crc, const void *p, size_t len)
{
	const u8 *b = p;

	if (!__atomic_load_n(&crc_tables_ready, __ATOMIC_ACQUIRE))
		crc_init_tables();
	while (len--)
		crc = (crc << 8) ^ crc32_table_be[((crc >> 24) ^ *b++) & 0xff];
	return crc;
}
EXPORT_SYMBOL(crc32_be);

/*
 * Shifting a reflected CRC register by @len zero bytes: each zero byte is a linear map over GF(2), so
 * @len of them are that map's @len-th power, taken by squaring (log2(len) squarings of a 32×32 bit
 * matrix, kept as the images of the 32 basis bits). crc(A‖B) = shift(crc(A), |B|) ^ crc_from_0(B).
 */
static u32 apply(const u32 m[32], u32 v)
{
	u32 r = 0;
	int i;

	for (i = 0; v; i++, v >>= 1)
		if (v & 1)
			r ^= m[i];
	return r;
}

static u32 crc_le_shift(u32 crc, size_t len, const u32 *table)
{
	u32 step[32], sq[32];
	int i;

	if (!__atomic_load_n(&crc_tables_ready, __ATOMIC_ACQUIRE))
		crc_init_tables();
	for (i = 0; i < 32; i++)	/* one zero byte */
		step[i] = ((1U << i) >> 8) ^ table[(1U << i) & 0xff];
	for (; len; len >>= 1) {
		if (len & 1)
			crc = apply(step, crc);
		for (i = 0; i < 32; i++)
			sq[i] = apply(step, step[i]);
		memcpy(step, sq, sizeof(step));
	}
	return crc;
}

u32 crc32_le_shift(u32 crc, size_t len)
{
	return crc_le_shift(crc, len, crc32_table_le);
}
EXPORT_SYMBOL(crc32_le_shift);

u32 __crc32c_le_shift(u32 crc, size_t len)
{
	return crc_le_shift(crc, len, crc32c_table_le);
}
EXPORT_SYMBOL(__crc32c_le_shift);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("CRC-32 (IEEE 802.3, both bit orders) and CRC-32C (Castagnoli) checksums");
MODULE_AUTHOR("lkm-wasm developers");
