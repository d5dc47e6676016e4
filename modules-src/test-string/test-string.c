// SPDX-License-Identifier: GPL-2.0
/*
 * test-string: a self-test of lib/string.c and lib/kstrtox.c in the frame of Linux's string and kstrtox
 * self-tests: copies that truncate (strscpy's -E2BIG), searches, trimming, splitting, matching, the
 * memset widths and memchr_inv, and kstrto*()'s bases, signs, trailing newline and range errors.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "../selftests/kselftest_module.h"

KSTM_MODULE_GLOBALS();

static void test_copy(void)
{
	char small[4], big[16], pad[8];
	char *dup;

	KSTM_CHECK(strscpy(big, "hello") == 5 && !strcmp(big, "hello"));
	KSTM_CHECK(strscpy(small, "hello") == -E2BIG && !strcmp(small, "hel"));
	KSTM_CHECK(strscpy(small, "", sizeof(small)) == 0 && small[0] == '\0');
	memset(pad, 'x', sizeof(pad));
	KSTM_CHECK(strscpy_pad(pad, "ab") == 2 && !memchr_inv(pad + 2, 0, sizeof(pad) - 2));
	dup = kstrdup("kernel", GFP_KERNEL);
	KSTM_CHECK(dup && !strcmp(dup, "kernel"));
	kfree(dup);
	dup = kstrndup("kernel", 3, GFP_KERNEL);
	KSTM_CHECK(dup && !strcmp(dup, "ker"));
	kfree(dup);
	dup = kmemdup_nul("abcdef", 2, GFP_KERNEL);
	KSTM_CHECK(dup && !strcmp(dup, "ab"));
	kfree(dup);
}

static void test_search(void)
{
	static const char * const words[] = { "none", "low", "high", NULL };
	const char *s = "the quick brown fox";
	char text[32], *p, *tok;
	u64 q[3];
	u32 d[3];

	KSTM_CHECK(strchr(s, 'q') == s + 4 && strrchr(s, 'o') == s + 17 && !strchr(s, 'z'));
	KSTM_CHECK(strnchr(s, 4, 'q') == NULL && strnchr(s, 5, 'q') == s + 4);
	KSTM_CHECK(strstr(s, "brown") == s + 10 && strnstr(s, "brown", 12) == NULL);
	KSTM_CHECK(strspn("aabbc", "ab") == 4 && strcspn("hello", "lo") == 2 && strpbrk(s, "xf") == s + 16);
	KSTM_CHECK(strcmp("a", "b") < 0 && strncmp("abc", "abd", 2) == 0 && strcasecmp("HeLLo", "hello") == 0);
	KSTM_CHECK(strncasecmp("ABCx", "abcy", 3) == 0 && strncasecmp("ABCx", "abcy", 4) < 0);
	KSTM_CHECK(sysfs_streq("on\n", "on") && sysfs_streq("on", "on\n") && !sysfs_streq("on", "of"));
	KSTM_CHECK(match_string(words, -1, "high") == 2 && match_string(words, -1, "mid") == -EINVAL);
	KSTM_CHECK(sysfs_match_string(words, "low\n") == 1);

	strscpy(text, "  padded \n");
	KSTM_CHECK(!strcmp(strim(text), "padded") && !strcmp(skip_spaces("  x"), "x"));
	strscpy(text, "a,b,,c");
	p = text;
	tok = strsep(&p, ",");
	KSTM_CHECK(!strcmp(tok, "a") && !strcmp(strsep(&p, ","), "b") && !strcmp(strsep(&p, ","), "") && !strcmp(p, "c"));
	strscpy(text, "a/b/c");
	KSTM_CHECK(strreplace(text, '/', '-') == text + 5 && !strcmp(text, "a-b-c"));

	memset32(d, 0xdeadbeef, 3);
	memset64(q, 0x0123456789abcdefULL, 3);
	KSTM_CHECK(d[2] == 0xdeadbeef && q[2] == 0x0123456789abcdefULL);
	memset(text, 7, 10);
	text[6] = 8;
	KSTM_CHECK(memchr_inv(text, 7, 10) == text + 6 && memchr_inv(text, 7, 6) == NULL);
	KSTM_CHECK(memchr(text, 8, 10) == text + 6);
}

static void test_kstrtox(void)
{
	unsigned long long ull;
	unsigned int u;
	long long ll;
	u8 u8v;
	s8 s8v;
	int i;
	bool b;

	KSTM_CHECK(kstrtoint("0x1f", 0, &i) == 0 && i == 31);
	KSTM_CHECK(kstrtoint("017", 0, &i) == 0 && i == 15);
	KSTM_CHECK(kstrtoint("-42\n", 10, &i) == 0 && i == -42);
	KSTM_CHECK(kstrtoint("+7", 10, &i) == 0 && i == 7);
	KSTM_CHECK(kstrtoint(" 12", 10, &i) == -EINVAL && kstrtoint("12 ", 10, &i) == -EINVAL);
	KSTM_CHECK(kstrtoint("", 10, &i) == -EINVAL && kstrtoint("\n", 10, &i) == -EINVAL);
	KSTM_CHECK(kstrtoint("2147483648", 10, &i) == -ERANGE && kstrtoint("-2147483648", 10, &i) == 0 && i == INT_MIN);
	KSTM_CHECK(kstrtouint("-1", 10, &u) == -EINVAL && kstrtouint("4294967296", 10, &u) == -ERANGE);
	KSTM_CHECK(kstrtouint("ff", 16, &u) == 0 && u == 255 && kstrtouint("0xff", 16, &u) == 0 && u == 255);
	KSTM_CHECK(kstrtoull("18446744073709551615", 10, &ull) == 0 && ull == ULLONG_MAX);
	KSTM_CHECK(kstrtoull("18446744073709551616", 10, &ull) == -ERANGE);
	KSTM_CHECK(kstrtoll("-9223372036854775808", 10, &ll) == 0 && ll == LLONG_MIN);
	KSTM_CHECK(kstrtou8("256", 10, &u8v) == -ERANGE && kstrtos8("-128", 10, &s8v) == 0 && s8v == -128);
	KSTM_CHECK(kstrtobool("y", &b) == 0 && b && kstrtobool("0", &b) == 0 && !b);
	KSTM_CHECK(kstrtobool("on", &b) == 0 && b && kstrtobool("off", &b) == 0 && !b && kstrtobool("x", &b) == -EINVAL);
	KSTM_CHECK(simple_strtoul("123abc", NULL, 10) == 123 && simple_strtol("-0x10", NULL, 0) == -16);
}

static void selftest(void)
{
	test_copy();
	test_search();
	test_kstrtox();
}

KSTM_MODULE_LOADERS(test_string);
MODULE_DESCRIPTION("Test cases for lib/string.c and lib/kstrtox.c");
MODULE_LICENSE("GPL");
