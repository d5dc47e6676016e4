// SPDX-License-Identifier: GPL-2.0
/*
 * test-bitmap: a self-test of <linux/bitmap.h> (lib/bitmap.c, lib/bitmap-str.c) in the frame of Linux's
 * lib/test_bitmap.c: the word operations at sizes that end inside and on a word, regions and zero
 * areas, and the text forms both ways (bitmap_parse/parselist read what %*pb/%*pbl print).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bitmap.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include "../selftests/kselftest_module.h"

KSTM_MODULE_GLOBALS();

static char buf[256];

/* @map printed with @fmt ("%*pb" or "%*pbl") equals @want. */
static bool prints(const char *fmt, const unsigned long *map, unsigned int nbits, const char *want)
{
	scnprintf(buf, sizeof(buf), fmt, nbits, map);
	if (strcmp(buf, want))
		pr_err("printed \"%s\", expected \"%s\"\n", buf, want);
	return !strcmp(buf, want);
}

static void test_ops(unsigned int nbits)
{
	unsigned long *a = bitmap_zalloc(nbits, GFP_KERNEL), *b = bitmap_zalloc(nbits, GFP_KERNEL);
	unsigned long *d = bitmap_alloc(nbits, GFP_KERNEL);

	KSTM_CHECK(a && b && d);
	if (!a || !b || !d)
		goto out;
	KSTM_CHECK(bitmap_empty(a, nbits) && !bitmap_full(a, nbits));
	bitmap_fill(a, nbits);
	KSTM_CHECK(bitmap_full(a, nbits) && bitmap_weight(a, nbits) == nbits);
	bitmap_complement(b, a, nbits);
	KSTM_CHECK(bitmap_empty(b, nbits));
	bitmap_zero(a, nbits);
	bitmap_set(a, 1, nbits - 2);
	KSTM_CHECK(bitmap_weight(a, nbits) == nbits - 2 && !test_bit(0, a) && !test_bit(nbits - 1, a));
	bitmap_set(b, 0, nbits / 2);
	KSTM_CHECK(bitmap_and(d, a, b, nbits) && bitmap_weight(d, nbits) == nbits / 2 - 1);
	bitmap_or(d, a, b, nbits);
	KSTM_CHECK(bitmap_weight(d, nbits) == nbits - 1);
	bitmap_xor(d, a, b, nbits);
	KSTM_CHECK(bitmap_weight(d, nbits) == nbits - 1 - (nbits / 2 - 1));
	KSTM_CHECK(bitmap_andnot(d, b, a, nbits) && bitmap_weight(d, nbits) == 1 && test_bit(0, d));
	KSTM_CHECK(bitmap_intersects(a, b, nbits) && !bitmap_subset(a, b, nbits) && bitmap_subset(d, b, nbits));
	bitmap_shift_right(d, a, 1, nbits);
	KSTM_CHECK(test_bit(0, d) && bitmap_weight(d, nbits) == nbits - 2);
	bitmap_shift_left(d, a, 1, nbits);
	KSTM_CHECK(!test_bit(1, d) && test_bit(2, d) && test_bit(nbits - 1, d) && bitmap_weight(d, nbits) == nbits - 2);
	bitmap_copy(d, a, nbits);
	KSTM_CHECK(bitmap_equal(d, a, nbits));
	bitmap_clear(d, 1, nbits - 2);
	KSTM_CHECK(bitmap_empty(d, nbits));
out:
	bitmap_free(a);
	bitmap_free(b);
	bitmap_free(d);
}

static void test_regions(void)
{
	DECLARE_BITMAP(map, 128);

	bitmap_zero(map, 128);
	bitmap_set(map, 0, 3);
	KSTM_CHECK(bitmap_find_next_zero_area(map, 128, 0, 4, 0) == 3);
	KSTM_CHECK(bitmap_find_next_zero_area(map, 128, 0, 4, 7) == 8);
	KSTM_CHECK(bitmap_find_next_zero_area(map, 128, 0, 200, 0) > 128);
	KSTM_CHECK(bitmap_find_free_region(map, 128, 2) == 4);
	KSTM_CHECK(bitmap_allocate_region(map, 4, 2) == -EBUSY);
	bitmap_release_region(map, 4, 2);
	KSTM_CHECK(bitmap_allocate_region(map, 4, 2) == 0);
	KSTM_CHECK(prints("%*pbl", map, 128, "0-2,4-7"));
}

static const struct {
	const char *text;
	int ret;
	const char *list;
} parselist_cases[] = {
	{ "0-3,8", 0, "0-3,8" },
	{ "0-31:4/8", 0, "0-3,8-11,16-19,24-27" },
	{ "60-N", 0, "60-63" },
	{ "  5 , 7\n", 0, "5,7" },
	{ "7-5", -EINVAL, NULL },
	{ "1-3:4/2", -EINVAL, NULL },
	{ "64", -ERANGE, NULL },
	{ "a", -EINVAL, NULL },
};

static void test_text(void)
{
	DECLARE_BITMAP(map, 64);
	DECLARE_BITMAP(back, 64);
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(parselist_cases); i++) {
		int ret = bitmap_parselist(parselist_cases[i].text, map, 64);

		KSTM_CHECK(ret == parselist_cases[i].ret);
		if (!ret && parselist_cases[i].list)
			KSTM_CHECK(prints("%*pbl", map, 64, parselist_cases[i].list));
	}
	KSTM_CHECK(bitmap_parse("deadbeef,1", 10, map, 64) == 0);
	KSTM_CHECK(prints("%*pb", map, 64, "deadbeef,00000001"));
	scnprintf(buf, sizeof(buf), "%*pb", 64, map);
	KSTM_CHECK(bitmap_parse(buf, strlen(buf), back, 64) == 0 && bitmap_equal(map, back, 64));
	scnprintf(buf, sizeof(buf), "%*pbl", 64, map);
	KSTM_CHECK(bitmap_parselist(buf, back, 64) == 0 && bitmap_equal(map, back, 64));
	KSTM_CHECK(bitmap_parse("123456789", 9, map, 64) == -EOVERFLOW);
	KSTM_CHECK(bitmap_parse("1,2,3", 5, map, 64) == -EOVERFLOW);
	KSTM_CHECK(bitmap_parse("xyz", 3, map, 64) == -EINVAL);
}

static void selftest(void)
{
	static const unsigned int sizes[] = { 7, 32, 33, 64, 100, 1000 };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++)
		test_ops(sizes[i]);
	test_regions();
	test_text();
}

KSTM_MODULE_LOADERS(test_bitmap);
MODULE_DESCRIPTION("Test cases for bitmap API");
MODULE_LICENSE("GPL");
