// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suites for the kernel's own C library (vmlinux's lib/): strings, lists, vsprintf formats and
 * kstrto*. `lkm test modules-src/kunit-lib` runs them; each expectation is what Linux's lib/ gives.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>

/* --- strings --- */

static void string_strscpy_test(struct kunit *test)
{
	char buf[6];

	KUNIT_EXPECT_EQ(test, strscpy(buf, "hello", sizeof(buf)), 5);
	KUNIT_EXPECT_STREQ(test, buf, "hello");
	KUNIT_EXPECT_EQ(test, strscpy(buf, "hello world", sizeof(buf)), -E2BIG);
	KUNIT_EXPECT_STREQ(test, buf, "hello");
	KUNIT_EXPECT_EQ(test, strscpy(buf, "", sizeof(buf)), 0);
	KUNIT_EXPECT_STREQ(test, buf, "");
}

static void string_strcmp_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, strcmp("abc", "abc"), 0);
	KUNIT_EXPECT_LT(test, strcmp("abc", "abd"), 0);
	KUNIT_EXPECT_GT(test, strcmp("abd", "abc"), 0);
	KUNIT_EXPECT_LT(test, strcmp("ab", "abc"), 0);
	KUNIT_EXPECT_EQ(test, strncmp("abcx", "abcy", 3), 0);
	KUNIT_EXPECT_EQ(test, strcasecmp("HeLLo", "hello"), 0);
	KUNIT_EXPECT_EQ(test, strncasecmp("HELLOx", "helloy", 5), 0);
}

static void string_search_test(struct kunit *test)
{
	const char *s = "the quick brown fox";

	KUNIT_EXPECT_PTR_EQ(test, strchr(s, 'q'), s + 4);
	KUNIT_EXPECT_PTR_EQ(test, strrchr(s, 'o'), s + 17);
	KUNIT_EXPECT_NULL(test, strchr(s, 'z'));
	KUNIT_EXPECT_PTR_EQ(test, strstr(s, "brown"), s + 10);
	KUNIT_EXPECT_NULL(test, strstr(s, "cat"));
	KUNIT_EXPECT_PTR_EQ(test, strnstr(s, "quick", 9), s + 4);
	KUNIT_EXPECT_NULL(test, strnstr(s, "quick", 8));
	KUNIT_EXPECT_EQ(test, strlen(s), 19);
	KUNIT_EXPECT_EQ(test, strnlen(s, 5), 5);
	KUNIT_EXPECT_EQ(test, strspn("aaabc", "a"), 3);
	KUNIT_EXPECT_EQ(test, strcspn("abc;d", ";"), 3);
}

static void string_strsep_test(struct kunit *test)
{
	char buf[] = "a,b,,c";
	char *p = buf;

	KUNIT_EXPECT_STREQ(test, strsep(&p, ","), "a");
	KUNIT_EXPECT_STREQ(test, strsep(&p, ","), "b");
	KUNIT_EXPECT_STREQ(test, strsep(&p, ","), "");
	KUNIT_EXPECT_STREQ(test, strsep(&p, ","), "c");
	KUNIT_EXPECT_NULL(test, strsep(&p, ","));
}

static void string_strim_test(struct kunit *test)
{
	char buf[] = "  \tpadded text \n";

	KUNIT_EXPECT_STREQ(test, strim(buf), "padded text");
	KUNIT_EXPECT_STREQ(test, skip_spaces("   x"), "x");
}

static void string_mem_test(struct kunit *test)
{
	u8 a[16], b[16];

	memset(a, 0xaa, sizeof(a));
	memcpy(b, a, sizeof(b));
	KUNIT_EXPECT_MEMEQ(test, a, b, sizeof(a));
	memmove(a + 1, a, 8);
	KUNIT_EXPECT_EQ(test, a[0], 0xaa);
	b[15] = 0;
	KUNIT_EXPECT_GT(test, memcmp(a, b, sizeof(a)), 0);
	KUNIT_EXPECT_PTR_EQ(test, memchr(b, 0, sizeof(b)), (void *)&b[15]);
	KUNIT_EXPECT_PTR_EQ(test, memchr_inv(b, 0xaa, sizeof(b)), (void *)&b[15]);
	KUNIT_EXPECT_NULL(test, memchr_inv(a, 0xaa, sizeof(a)));
}

static void string_kstrdup_test(struct kunit *test)
{
	char *s = kstrdup("copy me", GFP_KERNEL);
	char *n = kstrndup("copy me", 4, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_STREQ(test, s, "copy me");
	KUNIT_EXPECT_STREQ(test, n, "copy");
	kfree(s);
	kfree(n);
}

static void string_sysfs_streq_test(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, sysfs_streq("on\n", "on"));
	KUNIT_EXPECT_TRUE(test, sysfs_streq("on", "on\n"));
	KUNIT_EXPECT_FALSE(test, sysfs_streq("onn", "on"));
	KUNIT_EXPECT_EQ(test, match_string((const char * const[]){ "a", "b", "c" }, 3, "b"), 1);
	KUNIT_EXPECT_EQ(test, match_string((const char * const[]){ "a", "b" }, 2, "z"), -EINVAL);
}

static struct kunit_case string_cases[] = {
	KUNIT_CASE(string_strscpy_test),
	KUNIT_CASE(string_strcmp_test),
	KUNIT_CASE(string_search_test),
	KUNIT_CASE(string_strsep_test),
	KUNIT_CASE(string_strim_test),
	KUNIT_CASE(string_mem_test),
	KUNIT_CASE(string_kstrdup_test),
	KUNIT_CASE(string_sysfs_streq_test),
	{}
};

static struct kunit_suite string_suite = {
	.name = "lib-string",
	.test_cases = string_cases,
};

/* --- lists --- */

struct item {
	int value;
	struct list_head node;
};

static void list_add_order_test(struct kunit *test)
{
	struct item a = { .value = 1 }, b = { .value = 2 }, c = { .value = 3 };
	LIST_HEAD(list);
	struct item *pos;
	int seen[3], n = 0;

	list_add(&a.node, &list);
	list_add(&b.node, &list);
	list_add_tail(&c.node, &list);
	list_for_each_entry(pos, &list, node)
		seen[n++] = pos->value;
	KUNIT_ASSERT_EQ(test, n, 3);
	KUNIT_EXPECT_EQ(test, seen[0], 2);
	KUNIT_EXPECT_EQ(test, seen[1], 1);
	KUNIT_EXPECT_EQ(test, seen[2], 3);
	KUNIT_EXPECT_PTR_EQ(test, list_first_entry(&list, struct item, node), &b);
	KUNIT_EXPECT_PTR_EQ(test, list_last_entry(&list, struct item, node), &c);
}

static void list_del_test(struct kunit *test)
{
	struct item a, b;
	LIST_HEAD(list);

	list_add_tail(&a.node, &list);
	list_add_tail(&b.node, &list);
	list_del_init(&a.node);
	KUNIT_EXPECT_TRUE(test, list_empty(&a.node));
	KUNIT_EXPECT_TRUE(test, list_is_singular(&list));
	list_del(&b.node);
	KUNIT_EXPECT_TRUE(test, list_empty(&list));
	KUNIT_EXPECT_PTR_EQ(test, b.node.next, LIST_POISON1);
	KUNIT_EXPECT_PTR_EQ(test, b.node.prev, LIST_POISON2);
}

static void list_move_splice_test(struct kunit *test)
{
	struct item x[4];
	LIST_HEAD(one);
	LIST_HEAD(two);
	int i;

	for (i = 0; i < 4; i++) {
		x[i].value = i;
		list_add_tail(&x[i].node, i < 2 ? &one : &two);
	}
	list_move_tail(&x[0].node, &two);
	KUNIT_EXPECT_EQ(test, list_count_nodes(&one), 1);
	KUNIT_EXPECT_EQ(test, list_count_nodes(&two), 3);
	list_splice_init(&two, &one);
	KUNIT_EXPECT_TRUE(test, list_empty(&two));
	KUNIT_EXPECT_EQ(test, list_count_nodes(&one), 4);
	KUNIT_EXPECT_EQ(test, list_first_entry(&one, struct item, node)->value, 2);
}

static void list_safe_iteration_test(struct kunit *test)
{
	struct item x[5];
	struct item *pos, *n;
	LIST_HEAD(list);
	int i, left = 0;

	for (i = 0; i < 5; i++) {
		x[i].value = i;
		list_add_tail(&x[i].node, &list);
	}
	list_for_each_entry_safe(pos, n, &list, node)
		if (pos->value % 2)
			list_del(&pos->node);
	list_for_each_entry(pos, &list, node) {
		KUNIT_EXPECT_EQ(test, pos->value % 2, 0);
		left++;
	}
	KUNIT_EXPECT_EQ(test, left, 3);
}

static struct kunit_case list_cases[] = {
	KUNIT_CASE(list_add_order_test),
	KUNIT_CASE(list_del_test),
	KUNIT_CASE(list_move_splice_test),
	KUNIT_CASE(list_safe_iteration_test),
	{}
};

static struct kunit_suite list_suite = {
	.name = "lib-list",
	.test_cases = list_cases,
};

/* --- vsprintf: one parameterised case, a line per format --- */

struct format_case {
	const char *expect;
	const char *desc;
	int (*print)(char *buf, size_t size);
};

#define FMT(name, want, fmt, ...)						\
	static int name(char *buf, size_t size)					\
	{									\
		return snprintf(buf, size, fmt, __VA_ARGS__);			\
	}
FMT(fmt_d, "-42", "%d", -42)
FMT(fmt_u, "4294967295", "%u", 0xffffffffu)
FMT(fmt_x, "0x00ff", "%#06x", 255)
FMT(fmt_X, "DEADBEEF", "%X", 0xdeadbeefu)
FMT(fmt_o, "0777", "%#o", 0777)
FMT(fmt_lld, "-9223372036854775808", "%lld", (long long)(-9223372036854775807LL - 1))
FMT(fmt_llu, "18446744073709551615", "%llu", ~0ULL)
FMT(fmt_width, "[   7|7   ]", "[%4d|%-4d]", 7, 7)
FMT(fmt_zero, "00042", "%05d", 42)
FMT(fmt_plus, "+5 -5", "%+d %+d", 5, -5)
FMT(fmt_s, "[  ab|ab  |a]", "[%4s|%-4s|%.1s]", "ab", "ab", "abc")
FMT(fmt_c, "x!", "%c%c", 'x', '!')
FMT(fmt_pct, "100%", "%d%%", 100)
FMT(fmt_null, "(null)", "%s", (char *)NULL)
FMT(fmt_h, "65535 255", "%hu %hhu", 0xffff, 0x1ff)
FMT(fmt_z, "123 -1", "%zu %zd", (size_t)123, (ssize_t)-1)
FMT(fmt_mac, "00:11:22:aa:bb:cc", "%pM", (u8[]){ 0x00, 0x11, 0x22, 0xaa, 0xbb, 0xcc })
FMT(fmt_ip4, "192.168.1.10", "%pI4", (u8[]){ 192, 168, 1, 10 })
FMT(fmt_hex, "01 02 0a", "%*ph", 3, (u8[]){ 1, 2, 10 })
FMT(fmt_esc, "a\\nb", "%*pE", 3, "a\nb")

static const struct format_case format_cases[] = {
	{ "-42", "%d", fmt_d },
	{ "4294967295", "%u", fmt_u },
	{ "0x00ff", "%#06x", fmt_x },
	{ "DEADBEEF", "%X", fmt_X },
	{ "0777", "%#o", fmt_o },
	{ "-9223372036854775808", "%lld", fmt_lld },
	{ "18446744073709551615", "%llu", fmt_llu },
	{ "[   7|7   ]", "%4d %-4d", fmt_width },
	{ "00042", "%05d", fmt_zero },
	{ "+5 -5", "%+d", fmt_plus },
	{ "[  ab|ab  |a]", "%4s %-4s %.1s", fmt_s },
	{ "x!", "%c", fmt_c },
	{ "100%", "%%", fmt_pct },
	{ "(null)", "%s NULL", fmt_null },
	{ "65535 255", "%hu %hhu", fmt_h },
	{ "123 -1", "%zu %zd", fmt_z },
	{ "00:11:22:aa:bb:cc", "%pM", fmt_mac },
	{ "192.168.1.10", "%pI4", fmt_ip4 },
	{ "01 02 0a", "%*ph", fmt_hex },
	{ "a\\nb", "%*pE", fmt_esc },
};

KUNIT_ARRAY_PARAM_DESC(format, format_cases, desc);

static void vsprintf_format_test(struct kunit *test)
{
	const struct format_case *c = test->param_value;
	char buf[64];
	int len = c->print(buf, sizeof(buf));

	KUNIT_EXPECT_STREQ(test, buf, c->expect);
	KUNIT_EXPECT_EQ(test, len, strlen(c->expect));
}

static void vsprintf_truncation_test(struct kunit *test)
{
	char buf[4];

	KUNIT_EXPECT_EQ(test, snprintf(buf, sizeof(buf), "%s", "abcdef"), 6);
	KUNIT_EXPECT_STREQ(test, buf, "abc");
	KUNIT_EXPECT_EQ(test, scnprintf(buf, sizeof(buf), "%s", "abcdef"), 3);
	KUNIT_EXPECT_EQ(test, snprintf(NULL, 0, "%d", 12345), 5);
}

static void vsprintf_kasprintf_test(struct kunit *test)
{
	char *s = kasprintf(GFP_KERNEL, "%s-%d", "dev", 3);

	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_STREQ(test, s, "dev-3");
	kfree(s);
}

static struct kunit_case vsprintf_cases[] = {
	KUNIT_CASE_PARAM(vsprintf_format_test, format_gen_params),
	KUNIT_CASE(vsprintf_truncation_test),
	KUNIT_CASE(vsprintf_kasprintf_test),
	{}
};

static struct kunit_suite vsprintf_suite = {
	.name = "lib-vsprintf",
	.test_cases = vsprintf_cases,
};

/* --- kstrto* --- */

static void kstrtoint_test(struct kunit *test)
{
	int v;

	KUNIT_EXPECT_EQ(test, kstrtoint("123", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 123);
	KUNIT_EXPECT_EQ(test, kstrtoint("-0x10", 0, &v), 0);
	KUNIT_EXPECT_EQ(test, v, -16);
	KUNIT_EXPECT_EQ(test, kstrtoint("010", 0, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 8);
	KUNIT_EXPECT_EQ(test, kstrtoint("42\n", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 42);
	KUNIT_EXPECT_EQ(test, kstrtoint("2147483648", 10, &v), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtoint("12a", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoint("", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoint(" 1", 10, &v), -EINVAL);
}

static void kstrtoull_test(struct kunit *test)
{
	unsigned long long v;

	KUNIT_EXPECT_EQ(test, kstrtoull("18446744073709551615", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, ~0ULL);
	KUNIT_EXPECT_EQ(test, kstrtoull("18446744073709551616", 10, &v), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtoull("ff", 16, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 255);
	KUNIT_EXPECT_EQ(test, kstrtoull("-1", 10, &v), -EINVAL);
	KUNIT_EXPECT_EQ(test, kstrtoull("+7", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 7);
}

static void kstrtobool_test(struct kunit *test)
{
	bool b;

	KUNIT_EXPECT_EQ(test, kstrtobool("y", &b), 0);
	KUNIT_EXPECT_TRUE(test, b);
	KUNIT_EXPECT_EQ(test, kstrtobool("0", &b), 0);
	KUNIT_EXPECT_FALSE(test, b);
	KUNIT_EXPECT_EQ(test, kstrtobool("on", &b), 0);
	KUNIT_EXPECT_TRUE(test, b);
	KUNIT_EXPECT_EQ(test, kstrtobool("of", &b), 0);
	KUNIT_EXPECT_FALSE(test, b);
	KUNIT_EXPECT_EQ(test, kstrtobool("maybe", &b), -EINVAL);
}

static void kstrtou8_range_test(struct kunit *test)
{
	u8 v;
	s8 s;

	KUNIT_EXPECT_EQ(test, kstrtou8("255", 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 255);
	KUNIT_EXPECT_EQ(test, kstrtou8("256", 10, &v), -ERANGE);
	KUNIT_EXPECT_EQ(test, kstrtos8("-128", 10, &s), 0);
	KUNIT_EXPECT_EQ(test, s, -128);
	KUNIT_EXPECT_EQ(test, kstrtos8("128", 10, &s), -ERANGE);
}

static struct kunit_case kstrtox_cases[] = {
	KUNIT_CASE(kstrtoint_test),
	KUNIT_CASE(kstrtoull_test),
	KUNIT_CASE(kstrtobool_test),
	KUNIT_CASE(kstrtou8_range_test),
	{}
};

static struct kunit_suite kstrtox_suite = {
	.name = "lib-kstrtox",
	.test_cases = kstrtox_cases,
};

kunit_test_suites(&string_suite, &list_suite, &vsprintf_suite, &kstrtox_suite);

MODULE_DESCRIPTION("KUnit tests of the kernel's C library");
MODULE_LICENSE("GPL");
