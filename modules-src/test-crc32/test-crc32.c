// SPDX-License-Identifier: GPL-2.0
/*
 * test-crc32: a self-test of <linux/crc32.h>: the standard check values of CRC-32 (IEEE 802.3, both bit
 * orders) and CRC-32C over "123456789", agreement with a bit-at-a-time reference over random buffers,
 * and crc32_le_combine()/__crc32c_le_combine() for every split point.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/crc32.h>
#include <linux/prandom.h>
#include <linux/string.h>
#include "../selftests/kselftest_module.h"

KSTM_MODULE_GLOBALS();

/* The polynomial one bit at a time, reflected (LSB first). */
static u32 ref_le(u32 crc, const u8 *p, size_t len, u32 poly)
{
	int i;

	while (len--) {
		crc ^= *p++;
		for (i = 0; i < 8; i++)
			crc = (crc >> 1) ^ ((crc & 1) ? poly : 0);
	}
	return crc;
}

static u32 ref_be(u32 crc, const u8 *p, size_t len)
{
	int i;

	while (len--) {
		crc ^= (u32)*p++ << 24;
		for (i = 0; i < 8; i++)
			crc = (crc << 1) ^ ((crc & 0x80000000) ? 0x04c11db7 : 0);
	}
	return crc;
}

static u8 data[300];

static void selftest(void)
{
	static const char check[] = "123456789";
	struct rnd_state rs;
	unsigned int i, n;

	/* The catalogue's check values (crc32: cbf43926, crc32c: e3069283, crc32/bzip2: fc891918). */
	KSTM_CHECK((crc32_le(~0, check, 9) ^ ~0) == 0xcbf43926);
	KSTM_CHECK((__crc32c_le(~0, check, 9) ^ ~0) == 0xe3069283);
	KSTM_CHECK((crc32_be(~0, check, 9) ^ ~0) == 0xfc891918);
	KSTM_CHECK(crc32_le(0, NULL, 0) == 0 && crc32_le(~0, check, 0) == ~0U);

	prandom_seed_state(&rs, 42);
	prandom_bytes_state(&rs, data, sizeof(data));
	for (n = 0; n <= sizeof(data); n += 37) {
		u32 seed = prandom_u32_state(&rs);

		KSTM_CHECK(crc32_le(seed, data, n) == ref_le(seed, data, n, 0xedb88320));
		KSTM_CHECK(__crc32c_le(seed, data, n) == ref_le(seed, data, n, 0x82f63b78));
		KSTM_CHECK(crc32_be(seed, data, n) == ref_be(seed, data, n));
	}
	for (i = 0; i <= 100; i++) {
		u32 whole = crc32_le(~0, data, 100), c = __crc32c_le(~0, data, 100);

		KSTM_CHECK(crc32_le_combine(crc32_le(~0, data, i), crc32_le(0, data + i, 100 - i), 100 - i) == whole);
		KSTM_CHECK(__crc32c_le_combine(__crc32c_le(~0, data, i), __crc32c_le(0, data + i, 100 - i), 100 - i) == c);
	}
}

KSTM_MODULE_LOADERS(test_crc32);
MODULE_DESCRIPTION("Test cases for CRC-32 and CRC-32C");
MODULE_LICENSE("GPL");
