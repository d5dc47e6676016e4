// SPDX-License-Identifier: GPL-2.0
/*
 * test-printf: a self-test of the kernel's printf (lib/vsprintf.c), in the spirit of Linux's
 * lib/test_printf.c: the integer and string conversions and the %p extensions, with the expected
 * strings of Documentation/core-api/printk-formats.rst. Every check formats into buffers of several
 * sizes (also 0 and 1) and checks the return value, the truncated text, the terminating NUL and that
 * nothing was written outside the buffer; kasprintf() must agree. Each failure is printed; the last
 * line is "test_printf: all N tests passed" (or "failed F out of N tests"), and init then returns
 * -EINVAL so that insmod fails.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/err.h>
#include <linux/errno.h>
#include <linux/bitmap.h>
#include <linux/dcache.h>
#include <linux/fs.h>
#include <linux/socket.h>
#include <linux/in.h>
#include <linux/in6.h>
#include <linux/inet.h>
#include <linux/rtc.h>
#include <linux/time.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/page-flags.h>

#define BUF_SIZE 256
#define PAD_SIZE 16
#define FILL_CHAR '$'

static bool inject_failure;
module_param(inject_failure, bool, 0444);
MODULE_PARM_DESC(inject_failure, "Add one check with a wrong expectation (to see a failure reported)");

static unsigned int total_tests, failed_tests;
static char *alloced_buffer;
static char *test_buffer;

static noinline bool check_one(int bufsize, const char *expect, int elen, const char *fmt, va_list ap)
{
	va_list aq;
	int ret, written, i;

	memset(alloced_buffer, FILL_CHAR, BUF_SIZE + 2 * PAD_SIZE);
	va_copy(aq, ap);
	ret = vsnprintf(test_buffer, bufsize, fmt, aq);
	va_end(aq);

	if (ret != elen) {
		pr_warn("vsnprintf(buf, %d, \"%s\", ...) returned %d, expected %d\n", bufsize, fmt, ret, elen);
		return false;
	}
	for (i = 0; i < PAD_SIZE; i++) {
		if (alloced_buffer[i] != FILL_CHAR) {
			pr_warn("vsnprintf(buf, %d, \"%s\", ...) wrote before buffer\n", bufsize, fmt);
			return false;
		}
	}
	if (!bufsize) {
		if (memchr_inv(test_buffer, FILL_CHAR, BUF_SIZE + PAD_SIZE)) {
			pr_warn("vsnprintf(buf, 0, \"%s\", ...) wrote to buffer\n", fmt);
			return false;
		}
		return true;
	}
	written = min(bufsize - 1, elen);
	if (test_buffer[written]) {
		pr_warn("vsnprintf(buf, %d, \"%s\", ...) did not nul-terminate buffer\n", bufsize, fmt);
		return false;
	}
	if (memchr_inv(test_buffer + written + 1, FILL_CHAR, BUF_SIZE + PAD_SIZE - (written + 1))) {
		pr_warn("vsnprintf(buf, %d, \"%s\", ...) wrote beyond the nul-terminator\n", bufsize, fmt);
		return false;
	}
	if (memcmp(test_buffer, expect, written)) {
		pr_warn("vsnprintf(buf, %d, \"%s\", ...) wrote '%s', expected '%.*s'\n",
			bufsize, fmt, test_buffer, written, expect);
		return false;
	}
	return true;
}

static void __printf(3, 4) __test(const char *expect, int elen, const char *fmt, ...)
{
	const int sizes[] = { BUF_SIZE, 0, 1, elen, elen + 1 };
	va_list ap;
	char *p;
	bool ok = true;
	int i;

	total_tests++;
	if (elen >= BUF_SIZE) {
		pr_err("error in test suite: expected output length %d too long. Format was '%s'.\n",
		       elen, fmt);
		failed_tests++;
		return;
	}

	va_start(ap, fmt);
	for (i = 0; i < ARRAY_SIZE(sizes) && ok; i++)
		ok = check_one(sizes[i], expect, elen, fmt, ap);

	p = ok ? kvasprintf(GFP_KERNEL, fmt, ap) : NULL;
	if (ok && (!p || strcmp(p, expect))) {
		pr_warn("kvasprintf(..., \"%s\", ...) returned '%s', expected '%s'\n", fmt, p, expect);
		ok = false;
	}
	kfree(p);
	va_end(ap);

	if (!ok)
		failed_tests++;
}

#define test(expect, fmt, ...) __test(expect, strlen(expect), fmt, ##__VA_ARGS__)

/* Formats with a precision for %p, which the kernel defines and C does not (kept from -Wformat). */
static char fmt_px[] = "%px|%10px|%-10px|%10.6px";
static char fmt_pd[] = "%10pd|%.5pd2";

/* A check that is not a format: counted and named when it fails. */
#define check(cond) do {						\
	total_tests++;							\
	if (!(cond)) {							\
		failed_tests++;						\
		pr_warn("check failed at line %d: %s\n", __LINE__, #cond);	\
	}								\
} while (0)

static noinline void test_basic(void)
{
	/* Work around annoying "warning: zero-length gnu_printf format string". */
	char nul = '\0';

	test("", &nul);
	test("100%", "100%%");
	test("xxxyxxx", "xxx%cxxx", 'y');
	__test("xxx\0yyy", 7, "xxx%cyyy", '\0');
}

static noinline void test_number(void)
{
	test("0x1234abcd  ", "%#-12x", 0x1234abcd);
	test("  0x1234abcd", "%#12x", 0x1234abcd);
	test("0|001| 12|+123| 1234|-123|-1234", "%d|%03d|%3d|%+d|% d|%+d|% d", 0, 1, 12, 123, 1234, -123, -1234);
	test("0|1|1|128|255", "%hhu|%hhu|%hhu|%hhu|%hhu", 0, 1, 257, 128, -1);
	test("0|1|1|-128|-1", "%hhd|%hhd|%hhd|%hhd|%hhd", 0, 1, 257, 128, -1);
	test("2015122420151225", "%ho%ho%#ho", 1037, 5282, -11627);
	test("65535|-1|ffff", "%hu|%hd|%hx", 0x1ffff, 0xffff, -1);
	test("4294967295|-1|37777777777", "%u|%d|%o", -1, -1, -1);
	test("18446744073709551615|-9223372036854775808", "%llu|%lld", ~0ULL, (long long)1 << 63);
	test("0x0|0|0x0", "%#x|%#o|%#llx", 0, 0, 0ULL);
	test("7|7|-7|7", "%zu|%zd|%zd|%td", (size_t)7, (ssize_t)7, (ssize_t)-7, (ptrdiff_t)7);
	test("00001|  001|001  |1", "%05d|%5.3d|%-5.3d|%.0d", 1, 1, 1, 1);
	test("0|    0|", "%.0d|%5.0d|", 0, 0);
	test("  1|1  |", "%*d|%*d|", 3, 1, -3, 1);
	test("001", "%.*d", 3, 1);
	test("ABCDEF|abcdef|0XABCDEF", "%X|%x|%#X", 0xabcdef, 0xabcdef, 0xabcdef);
	/* The precision does not cancel the 0 flag, unlike C: */
	test("00123", "%05.2d", 123);
}

static noinline void test_string(void)
{
	test("", "%s%.0s", "", "123");
	test("ABCD|abc|123", "%s|%.3s|%.*s", "ABCD", "abcdef", 3, "123456");
	test("1  |  2|3  |  4|5  ", "%-3s|%3s|%-*s|%*s|%*s", "1", "2", 3, "3", 3, "4", -3, "5");
	test("1234      ", "%-10.4s", "123456");
	test("      1234", "%10.4s", "123456");
	test("(null)|(nu|(efault)", "%s|%.3s|%s", (char *)NULL, (char *)NULL, (char *)PAGE_SIZE - 1);
	test("a|  b|c  ", "%c|%3c|%-3c", 'a', 'b', 'c');
}

static noinline void test_plain_pointers(void)
{
	char buf[32], want[32];
	int x;

	/* %p is hashed: 8 hex digits that are not the address. */
	snprintf(buf, sizeof(buf), "%p", &x);
	snprintf(want, sizeof(want), "%08lx", (unsigned long)&x);
	check(strlen(buf) == 8 && strspn(buf, "0123456789abcdef") == 8);
	check(no_hash_pointers || strcmp(buf, want));
	/* the same pointer, the same hash */
	snprintf(want, sizeof(want), "%p", &x);
	check(!strcmp(buf, want));

	test("00000000|fffffff4", "%p|%p", NULL, ERR_PTR(-12));
	snprintf(want, sizeof(want), "%08lx", (unsigned long)&x);
	snprintf(buf, sizeof(buf), "%px", &x);
	check(!strcmp(buf, want));
	/* zero-padded to 8 digits only without a width */
	test("0000abcd|      abcd|abcd      |    00abcd", fmt_px, (void *)0xabcd,
	     (void *)0xabcd, (void *)0xabcd, (void *)0xabcd);
	test("-ENOSPC|-EPROBE_DEFER|-4095|00000000", "%pe|%pe|%pe|%pe", ERR_PTR(-ENOSPC),
	     ERR_PTR(-EPROBE_DEFER), ERR_PTR(-4095), NULL);
}

static noinline void test_buffers(void)
{
	static const u8 buf[] = { 0x00, 0x01, 0x02, 0xab, 0xcd, 0xef, 0x0a, 0x5c };
	static const u8 uuid[16] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 };
	u32 phys = 0x12345678;
	DECLARE_BITMAP(bits, 20);

	test("00 01 02|00:01:02:ab|00-01|000102abcdef", "%*ph|%*phC|%*phD|%*phN", 3, buf, 4, buf, 2, buf,
	     6, buf);
	test("00", "%ph", buf);
	test("00:01:02:ab:cd:ef|ef:cd:ab:02:01:00|00-01-02-ab-cd-ef|000102abcdef",
	     "%pM|%pMR|%pMF|%pm", buf, buf, buf, buf);
	test("00010203-0405-0607-0809-0a0b0c0d0e0f", "%pUb", uuid);
	test("00010203-0405-0607-0809-0A0B0C0D0E0F", "%pUB", uuid);
	test("03020100-0504-0706-0809-0a0b0c0d0e0f", "%pUl", uuid);
	test("03020100-0504-0706-0809-0A0B0C0D0E0F", "%pUL", uuid);
	/* Default: the non-printable ones; kernel ctype takes Latin-1 0xa0-0xff as printable. */
	test("\\0\\001\\002\xab\xcd\xef\\n\\", "%*pE", 8, buf);
	test("\\0\\x01\\x02\\xab\\xcd\\xef\\x0a\\\\", "%*pEhcn", 8, buf);
	test("0x12345678", "%pa", &phys);

	bitmap_zero(bits, 20);
	test("00000|0", "%*pb|%*pb", 20, bits, 1, bits);
	test("", "%*pbl", 20, bits);
	set_bit(0, bits);
	set_bit(4, bits);
	bitmap_set(bits, 10, 6);
	test("0fc11|0,4,10-15", "%*pb|%*pbl", 20, bits, 20, bits);
}

static void __printf(1, 2) va_format_helper(const char *fmt, ...)
{
	struct va_format vaf;
	va_list ap;

	va_start(ap, fmt);
	vaf.fmt = fmt;
	vaf.va = &ap;
	test("[va 12 str]", "[%pV]", &vaf);
	va_end(ap);
}

static noinline void test_va_format(void)
{
	va_format_helper("va %d %s", 12, "str");
}

static noinline void test_ip(void)
{
	struct sockaddr_in sa = { .sin_family = AF_INET, .sin_port = htons(12345),
				  .sin_addr.s_addr = htonl(0x7f000001) };
	struct sockaddr_in6 sa6 = { .sin6_family = AF_INET6, .sin6_port = htons(12345),
				    .sin6_flowinfo = htonl(123456789), .sin6_scope_id = 1234567890 };
	struct in6_addr loop = IN6ADDR_LOOPBACK_INIT, any = IN6ADDR_ANY_INIT;
	struct sockaddr bad = { .sa_family = AF_UNIX };
	int i;

	for (i = 0; i < 8; i++)
		sa6.sin6_addr.s6_addr16[i] = htons(i + 1);

	test("127.000.000.001|127.0.0.1", "%pi4|%pI4", &sa.sin_addr, &sa.sin_addr);
	test("1.0.0.127|127.0.0.1|127.0.0.1", "%pI4h|%pI4n|%pI4b", &sa.sin_addr, &sa.sin_addr, &sa.sin_addr);
	test("1.0.0.127", "%pI4l", &sa.sin_addr);
	test("::1|::", "%pI6c|%pI6c", &loop, &any);
	test("0001:0002:0003:0004:0005:0006:0007:0008", "%pI6", &sa6.sin6_addr);
	test("00010002000300040005000600070008", "%pi6", &sa6.sin6_addr);
	test("1:2:3:4:5:6:7:8", "%pI6c", &sa6.sin6_addr);
	test("127.0.0.1|127.000.000.001|127.0.0.1:12345", "%pIS|%piS|%pISpc", &sa, &sa, &sa);
	test("[1:2:3:4:5:6:7:8]:12345", "%pISpc", &sa6);
	test("[1:2:3:4:5:6:7:8]/123456789", "%pISfc", &sa6);
	test("[1:2:3:4:5:6:7:8]%1234567890", "%pISsc", &sa6);
	test("[1:2:3:4:5:6:7:8]:12345/123456789%1234567890", "%pISpfsc", &sa6);
	test("0001:0002:0003:0004:0005:0006:0007:0008", "%pIS", &sa6);
	sa6.sin6_addr = loop;
	test("::1|[::1]:12345", "%pISc|%pISpc", &sa6, &sa6);
	test("(einval)", "%pIS", &bad);
	test("(null)|(efault)", "%pIS|%pI4", NULL, (void *)1);
	check(ipv4_is_loopback(sa.sin_addr.s_addr) && !ipv4_is_multicast(sa.sin_addr.s_addr));
	check(sizeof(struct sockaddr_in) == sizeof(struct sockaddr) && sizeof(struct sockaddr_in6) == 28);
}

/* in4_pton/in6_pton (net/core/utils.c) round trips through %pI4 and %pI6c. */
static noinline void test_pton(void)
{
	static const char *const good6[] = {
		"::", "::1", "1::", "2001:db8::1", "2001:db8::1:0:0:1", "1:2:3:4:5:6:7:8",
		"fe80::1234:5678", "::ffff:1.2.3.4", "1:0:0:2::3", "2001:0:0:1::1",
	};
	static const char *const bad6[] = {
		"", ":", ":1::2", "1::2::3", "1:2:3:4:5:6:7:8:9", "12345::", "1:2:3:4:5:6:7", "g::",
		"::1.2.3", "1:2:3:4:5:6:7:1.2.3.4", "::256.1.1.1",
	};
	char out[INET6_ADDRSTRLEN];
	const char *end;
	u8 a[16];
	int i;

	for (i = 0; i < ARRAY_SIZE(good6); i++) {
		memset(a, 0xaa, sizeof(a));
		total_tests++;
		if (in6_pton(good6[i], -1, a, -1, &end) != 1 || *end) {
			failed_tests++;
			pr_warn("in6_pton(\"%s\") failed\n", good6[i]);
			continue;
		}
		snprintf(out, sizeof(out), "%pI6c", a);
		check(!strcmp(out, good6[i]));
	}
	for (i = 0; i < ARRAY_SIZE(bad6); i++) {
		memset(a, 0xaa, sizeof(a));
		total_tests++;
		if (in6_pton(bad6[i], -1, a, -1, NULL) != 0 || a[0] != 0xaa) {
			failed_tests++;
			pr_warn("in6_pton(\"%s\") accepted a bad address\n", bad6[i]);
		}
	}
	/* expanded forms, a delimiter, a length */
	check(in6_pton("0000:0000:0000:0000:0000:0000:0000:0001]:80", -1, a, ']', &end) == 1 && *end == ']');
	snprintf(out, sizeof(out), "%pI6c", a);
	check(!strcmp(out, "::1"));
	check(in6_pton("1::2zzz", 4, a, -1, &end) == 1 && a[1] == 1 && a[15] == 2 && end[0] == 'z');

	check(in4_pton("192.168.1.254", -1, a, -1, &end) == 1 && !*end);
	snprintf(out, sizeof(out), "%pI4", a);
	check(!strcmp(out, "192.168.1.254"));
	check(in4_pton("10.0.0.1:8080", -1, a, -1, &end) == 1 && *end == ':' && a[0] == 10 && a[3] == 1);
	check(in4_pton("1.2.3.4/24", -1, a, '/', &end) == 1 && *end == '/');
	check(in4_pton("1.2.3.45", 7, a, -1, &end) == 1 && a[3] == 4);
	check(!in4_pton("1.2.3", -1, a, -1, NULL) && !in4_pton("1.2.3.256", -1, a, -1, NULL) &&
	      !in4_pton("1.2.3.4.5", -1, a, -1, NULL) && !in4_pton("1..2.3", -1, a, -1, NULL) &&
	      !in4_pton("a.b.c.d", -1, a, -1, NULL) && !in4_pton("1.2.3.4x", -1, a, '/', NULL));
	check(in_aton("127.0.0.1") == htonl(INADDR_LOOPBACK) && in_aton("10.1") == htonl(0x0a010000));
}

static noinline void test_dentry(void)
{
	static struct dentry root, usr, lib, mod, bad;
	static struct file file;

	root.d_parent = &root;
	root.d_name.name = (const unsigned char *)"/";
	usr.d_parent = &root;
	usr.d_name.name = (const unsigned char *)"usr";
	lib.d_parent = &usr;
	lib.d_name.name = (const unsigned char *)"lib";
	mod.d_parent = &lib;
	mod.d_name.name = (const unsigned char *)"test.ko";
	bad.d_parent = ERR_PTR(-ENOENT);
	bad.d_name.name = (const unsigned char *)"bad";
	file.f_path.dentry = &mod;

	test("test.ko|lib/test.ko|usr/lib/test.ko|/usr/lib/test.ko", "%pd|%pd2|%pd3|%pd4",
	     &mod, &mod, &mod, &mod);
	test("/|/|/usr", "%pd|%pd4|%pd4", &root, &root, &usr);
	test("test.ko|usr/lib/test.ko", "%pD|%pD3", &file, &file);
	test("   test.ko|lib/t", fmt_pd, &mod, &mod);
	test("(null)|(efault)|bad|(efault)", "%pd|%pD|%pd|%pd2", NULL, (void *)16, &bad, &bad);
}

static noinline void test_time(void)
{
	/* 2021-03-01T12:34:56, a Monday, day 59 of the year */
	const struct rtc_time tm = {
		.tm_sec = 56, .tm_min = 34, .tm_hour = 12, .tm_mday = 1, .tm_mon = 2, .tm_year = 121,
	};
	time64_t t = 1614602096;
	struct rtc_time r;
	struct tm st;

	test("2021-03-01T12:34:56|0121-02-01T12:34:56", "%ptR|%ptRr", &tm, &tm);
	test("2021-03-01|12:34:56|2021-03-01 12:34:56", "%ptRd|%ptRt|%ptRs", &tm, &tm, &tm);
	test("2021-03-01T12:34:56|0121-02-01 12:34:56", "%ptT|%ptTsr", &t, &t);
	test("(%pt?)|(null)|(efault)", "%pt|%ptR|%ptT", &tm, NULL, (void *)8);

	rtc_time64_to_tm(t, &r);
	check(r.tm_year == 121 && r.tm_mon == 2 && r.tm_mday == 1 && r.tm_hour == 12 &&
	      r.tm_min == 34 && r.tm_sec == 56 && r.tm_wday == 1 && r.tm_yday == 59);
	check(rtc_tm_to_time64(&r) == t && rtc_valid_tm(&r) == 0);
	r.tm_mday = 29;
	r.tm_mon = 1;
	check(rtc_valid_tm(&r) == -EINVAL);	/* 2021 is not a leap year */
	check(rtc_month_days(1, 2024) == 29 && rtc_month_days(1, 2100) == 28 && rtc_year_days(31, 11, 2024) == 365);
	time64_to_tm(t, -3600 * 13, &st);	/* 13 hours west: the day before */
	check(st.tm_year == 121 && st.tm_mon == 1 && st.tm_mday == 28 && st.tm_hour == 23 && st.tm_wday == 0);
	time64_to_tm(-86400, 0, &st);
	check(st.tm_year == 69 && st.tm_mon == 11 && st.tm_mday == 31 && st.tm_yday == 364 && st.tm_wday == 3);
	check(mktime64(2000, 3, 1, 0, 0, 0) == 951868800 && mktime64(1970, 1, 1, 0, 0, 0) == 0);
}

static noinline void test_fourcc(void)
{
	u32 code = 0x32314742;

	test("BG12 little-endian (0x32314742)", "%p4cc", &code);
	code = 0xb231564e;
	test("NV12 big-endian (0xb231564e)", "%p4cc", &code);
	code = 0x0a7f0141;
	test("A... little-endian (0x0a7f0141)", "%p4cc", &code);
	test("(%p4?)|(null)", "%p4x|%p4cc", &code, NULL);
}

static noinline void test_flags(void)
{
	unsigned long flags = 0;
	gfp_t gfp;
	char want[64];

	test("0x0(zone=0)", "%pGp", &flags);
	flags = BIT(PG_referenced) | BIT(PG_uptodate) | BIT(PG_lru) | BIT(PG_active) | BIT(PG_private);
	snprintf(want, sizeof(want), "%#lx(referenced|uptodate|lru|active|private|zone=0)", flags);
	test(want, "%pGp", &flags);
	flags |= 1UL << ZONES_PGSHIFT;
	snprintf(want, sizeof(want), "%#lx(referenced|uptodate|lru|active|private|zone=1)", flags);
	test(want, "%pGp", &flags);

	flags = VM_READ | VM_EXEC | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC;
	test("read|exec|mayread|maywrite|mayexec", "%pGv", &flags);
	flags = VM_WRITE | VM_SHARED | VM_IO | VM_PFNMAP | VM_DONTEXPAND | VM_DONTDUMP;
	test("write|shared|pfnmap|io|dontexpand|dontdump", "%pGv", &flags);

	gfp = GFP_TRANSHUGE;
	test("GFP_TRANSHUGE", "%pGg", &gfp);
	gfp = GFP_ATOMIC | __GFP_DMA;
	test("GFP_ATOMIC|GFP_DMA", "%pGg", &gfp);
	gfp = GFP_KERNEL | __GFP_ZERO | __GFP_NOWARN;
	test("GFP_KERNEL|__GFP_NOWARN|__GFP_ZERO", "%pGg", &gfp);
	gfp = __GFP_HIGH;
	test("__GFP_HIGH", "%pGg", &gfp);
	/* Any flags not translated by the table remain numeric */
	gfp = ~__GFP_BITS_MASK;
	snprintf(want, sizeof(want), "%#lx", (unsigned long)gfp);
	test(want, "%pGg", &gfp);
	snprintf(want, sizeof(want), "__GFP_HIGH|%#lx", (unsigned long)gfp);
	gfp |= __GFP_HIGH;
	test(want, "%pGg", &gfp);
	test("(%pG?)|(null)", "%pGq|%pGg", &gfp, NULL);
}

static noinline int sym_target(int x)
{
	return x + 1;
}

static noinline void test_symbols(void)
{
	char want[64];

	/* a module's symbol carries its module's name, with or without the offset */
	test("sym_target [test_printf]", "%ps", sym_target);
	snprintf(want, sizeof(want), "%pS", sym_target);
	check(!strncmp(want, "sym_target+0x0/0x", 17) && strstr(want, " [test_printf]"));
	check(sym_target(1) == 2);
}

static noinline int __init test_printf_init(void)
{
	alloced_buffer = kmalloc(BUF_SIZE + 2 * PAD_SIZE, GFP_KERNEL);
	if (!alloced_buffer)
		return -ENOMEM;
	test_buffer = alloced_buffer + PAD_SIZE;

	test_basic();
	test_number();
	test_string();
	test_plain_pointers();
	test_buffers();
	test_va_format();
	test_ip();
	test_pton();
	test_dentry();
	test_time();
	test_fourcc();
	test_flags();
	test_symbols();
	if (inject_failure)
		test("1.2.3.4", "%pI4", "\x01\x02\x03\x05");

	kfree(alloced_buffer);

	if (failed_tests == 0)
		pr_info("all %u tests passed\n", total_tests);
	else
		pr_warn("failed %u out of %u tests\n", failed_tests, total_tests);

	return failed_tests ? -EINVAL : 0;
}

static void __exit test_printf_exit(void)
{
}

module_init(test_printf_init);
module_exit(test_printf_exit);

MODULE_AUTHOR("lkm-wasm");
MODULE_DESCRIPTION("Test cases for printf facility");
MODULE_LICENSE("GPL");
