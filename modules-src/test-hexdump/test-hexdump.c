// SPDX-License-Identifier: GPL-2.0
/*
 * test-hexdump: a self-test of hex_dump_to_buffer() and print_hex_dump() (lib/hexdump.c) in the frame of
 * Linux's lib/test_hexdump.c: every group size over 16 and 32-byte rows, the ASCII column, short and
 * truncated output buffers (the return value is the length the full line needs), hex_to_bin/hex2bin.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/hex.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/string.h>
#include "../selftests/kselftest_module.h"

KSTM_MODULE_GLOBALS();

static const unsigned char data[16] = {
	0xbe, 0x32, 0xdb, 0x7b, 0x0a, 0x18, 0x93, 0xb2, 0x70, 0xba, 0xc4, 0x24, 0x7d, 0x83, 0x34, 0x9b,
};

static char line[128];

static bool dumps(size_t len, int rowsize, int groupsize, bool ascii, const char *want)
{
	int ret = hex_dump_to_buffer(data, len, rowsize, groupsize, line, sizeof(line), ascii);

	if (strcmp(line, want) || ret != (int)strlen(want)) {
		pr_err("len %zu row %d group %d ascii %d: \"%s\" (%d), expected \"%s\"\n", len, rowsize, groupsize,
		       ascii, line, ret, want);
		return false;
	}
	return true;
}

static void selftest(void)
{
	u8 bin[4];
	int ret;

	KSTM_CHECK(dumps(16, 16, 1, false, "be 32 db 7b 0a 18 93 b2 70 ba c4 24 7d 83 34 9b"));
	KSTM_CHECK(dumps(16, 16, 2, false, "32be 7bdb 180a b293 ba70 24c4 837d 9b34"));
	KSTM_CHECK(dumps(16, 16, 4, false, "7bdb32be b293180a 24c4ba70 9b34837d"));
	KSTM_CHECK(dumps(16, 16, 8, false, "b293180a7bdb32be 9b34837d24c4ba70"));
	KSTM_CHECK(dumps(16, 16, 1, true, "be 32 db 7b 0a 18 93 b2 70 ba c4 24 7d 83 34 9b  .2.{....p..$}.4."));
	KSTM_CHECK(dumps(4, 16, 1, true, "be 32 db 7b                                      .2.{"));
	KSTM_CHECK(dumps(5, 16, 4, false, "be 32 db 7b 0a"));	/* a length not a multiple of the group: bytes */
	KSTM_CHECK(dumps(16, 32, 1, false, "be 32 db 7b 0a 18 93 b2 70 ba c4 24 7d 83 34 9b"));
	KSTM_CHECK(dumps(0, 16, 1, false, ""));

	/* A buffer too small: as much as fits, NUL-terminated; the return value is the whole line's length. */
	ret = hex_dump_to_buffer(data, 16, 16, 1, line, 10, false);
	KSTM_CHECK(ret == 47 && strlen(line) < 10);

	KSTM_CHECK(hex_to_bin('a') == 10 && hex_to_bin('F') == 15 && hex_to_bin('9') == 9 && hex_to_bin('g') == -1);
	KSTM_CHECK(hex2bin(bin, "be32db7b", 4) == 0 && !memcmp(bin, data, 4));
	KSTM_CHECK(hex2bin(bin, "be32dbzz", 4) == -EINVAL);
	print_hex_dump(KERN_INFO, "test_hexdump: ", DUMP_PREFIX_OFFSET, 16, 1, data, sizeof(data), true);
}

KSTM_MODULE_LOADERS(test_hexdump);
MODULE_DESCRIPTION("Test cases for lib/hexdump.c module");
MODULE_LICENSE("Dual BSD/GPL");
