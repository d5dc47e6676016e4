// SPDX-License-Identifier: GPL-2.0
/*
 * Small pieces of lib/: hexdump.c, find_bit.c, sort.c, bsearch.c, list_sort.c, math/, gcd,
 * random (from the host). Time and jiffies are in kernel/time/. CRC-32 is in lib/crc32.c, a built-in module.
 */
#include <linux/kernel.h>
#include <linux/types.h>
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/string.h>
#include <linux/hex.h>
#include <linux/printk.h>
#include <linux/bitops.h>
#include <linux/sort.h>
#include <linux/bsearch.h>
#include <linux/list.h>
#include <linux/list_sort.h>
#include <linux/gcd.h>
#include <linux/lcm.h>
#include <linux/random.h>
#include <linux/jiffies.h>
#include <linux/ktime.h>
#include <linux/math.h>
#include <linux/refcount.h>
#include <linux/bug.h>
#include "host.h"

/* ---------------------------------------------------------------------------------------------------
 * lib/hexdump.c
 */
const char hex_asc[] = "0123456789abcdef";
EXPORT_SYMBOL(hex_asc);
const char hex_asc_upper[] = "0123456789ABCDEF";
EXPORT_SYMBOL(hex_asc_upper);

/* The value of a hex digit, or -1. */
int hex_to_bin(unsigned char ch)
{
	unsigned char cu = ch & 0xdf;

	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (cu >= 'A' && cu <= 'F')
		return cu - 'A' + 10;
	return -1;
}
EXPORT_SYMBOL(hex_to_bin);

/* Converts 2*@count hex digits of @src into @count bytes; -EINVAL on a non-hex character. */
int hex2bin(u8 *dst, const char *src, size_t count)
{
	while (count--) {
		int hi, lo;

		hi = hex_to_bin(*src++);
		if (unlikely(hi < 0))
			return -EINVAL;
		lo = hex_to_bin(*src++);
		if (unlikely(lo < 0))
			return -EINVAL;

		*dst++ = (hi << 4) | lo;
	}
	return 0;
}
EXPORT_SYMBOL(hex2bin);

/* Writes 2*@count lowercase hex digits (no terminator); returns the end. */
char *bin2hex(char *dst, const void *src, size_t count)
{
	const unsigned char *_src = src;

	while (count--)
		dst = hex_byte_pack(dst, *_src++);
	return dst;
}
EXPORT_SYMBOL(bin2hex);

/*
 * hex_dump_to_buffer - one line of a hex dump: @rowsize (16 or 32) bytes in groups of @groupsize
 * (1, 2, 4, 8; little-endian words), then, with @ascii, two spaces and the printable characters.
 * Returns the length it would have written (like snprintf).
 */
int hex_dump_to_buffer(const void *buf, size_t len, int rowsize, int groupsize,
		       char *linebuf, size_t linebuflen, bool ascii)
{
	const u8 *ptr = buf;
	int ngroups;
	u8 ch;
	int j, lx = 0;
	int ascii_column;
	int ret;

	if (rowsize != 16 && rowsize != 32)
		rowsize = 16;

	if (len > rowsize)		/* limit to one line at a time */
		len = rowsize;
	if (!is_power_of_2(groupsize) || groupsize > 8)
		groupsize = 1;
	if ((len % groupsize) != 0)	/* no mixed size output */
		groupsize = 1;

	ngroups = len / groupsize;
	ascii_column = rowsize * 2 + rowsize / groupsize + 1;

	if (!linebuflen)
		goto overflow1;

	if (!len)
		goto nil;

	if (groupsize == 8) {
		const u64 *ptr8 = buf;

		for (j = 0; j < ngroups; j++) {
			u64 v;

			memcpy(&v, ptr8 + j, sizeof(v));
			ret = snprintf(linebuf + lx, linebuflen - lx,
				       "%s%16.16llx", j ? " " : "", (unsigned long long)v);
			if (ret >= linebuflen - lx)
				goto overflow1;
			lx += ret;
		}
	} else if (groupsize == 4) {
		const u32 *ptr4 = buf;

		for (j = 0; j < ngroups; j++) {
			u32 v;

			memcpy(&v, ptr4 + j, sizeof(v));
			ret = snprintf(linebuf + lx, linebuflen - lx,
				       "%s%8.8x", j ? " " : "", v);
			if (ret >= linebuflen - lx)
				goto overflow1;
			lx += ret;
		}
	} else if (groupsize == 2) {
		const u16 *ptr2 = buf;

		for (j = 0; j < ngroups; j++) {
			u16 v;

			memcpy(&v, ptr2 + j, sizeof(v));
			ret = snprintf(linebuf + lx, linebuflen - lx,
				       "%s%4.4x", j ? " " : "", v);
			if (ret >= linebuflen - lx)
				goto overflow1;
			lx += ret;
		}
	} else {
		for (j = 0; j < len; j++) {
			if (linebuflen < lx + 2)
				goto overflow2;
			ch = ptr[j];
			linebuf[lx++] = hex_asc_hi(ch);
			if (linebuflen < lx + 2)
				goto overflow2;
			linebuf[lx++] = hex_asc_lo(ch);
			if (linebuflen < lx + 2)
				goto overflow2;
			linebuf[lx++] = ' ';
		}
		if (j)
			lx--;
	}
	if (!ascii)
		goto nil;

	while (lx < ascii_column) {
		if (linebuflen < lx + 2)
			goto overflow2;
		linebuf[lx++] = ' ';
	}
	for (j = 0; j < len; j++) {
		if (linebuflen < lx + 2)
			goto overflow2;
		ch = ptr[j];
		linebuf[lx++] = (isascii(ch) && isprint(ch)) ? ch : '.';
	}
nil:
	linebuf[lx] = '\0';
	return lx;
overflow2:
	linebuf[lx++] = '\0';
overflow1:
	return ascii ? ascii_column + len : (groupsize * 2 + 1) * ngroups - 1;
}
EXPORT_SYMBOL(hex_dump_to_buffer);

/*
 * print_hex_dump - a multi-line hex dump to the log: each line is
 * "<level><prefix_str><address or offset: ><hex dump>" (DUMP_PREFIX_ADDRESS prints the hashed pointer
 * as Linux does with %p).
 */
void print_hex_dump(const char *level, const char *prefix_str, int prefix_type,
		    int rowsize, int groupsize,
		    const void *buf, size_t len, bool ascii)
{
	const u8 *ptr = buf;
	int i, linelen, remaining = len;
	unsigned char linebuf[32 * 3 + 2 + 32 + 1];

	if (rowsize != 16 && rowsize != 32)
		rowsize = 16;

	for (i = 0; i < len; i += rowsize) {
		linelen = min(remaining, rowsize);
		remaining -= rowsize;

		hex_dump_to_buffer(ptr + i, linelen, rowsize, groupsize,
				   (char *)linebuf, sizeof(linebuf), ascii);

		switch (prefix_type) {
		case DUMP_PREFIX_ADDRESS:
			printk("%s%s%p: %s\n",
			       level, prefix_str, ptr + i, linebuf);
			break;
		case DUMP_PREFIX_OFFSET:
			printk("%s%s%.8x: %s\n", level, prefix_str, i, linebuf);
			break;
		default:
			printk("%s%s%s\n", level, prefix_str, linebuf);
			break;
		}
	}
}
EXPORT_SYMBOL(print_hex_dump);

/* Parses "xx:xx:xx:xx:xx:xx" (or '-' separated) into @mac. */
bool mac_pton(const char *s, u8 *mac)
{
	size_t maxlen = 3 * 6 - 1;
	int i;

	/* XX:XX:XX:XX:XX:XX */
	if (strnlen(s, maxlen) < maxlen)
		return false;

	/* Don't dirty result unless string is valid MAC. */
	for (i = 0; i < 6; i++) {
		if (!isxdigit(s[i * 3]) || !isxdigit(s[i * 3 + 1]))
			return false;
		if (i != 5 && s[i * 3 + 2] != ':' && s[i * 3 + 2] != '-')
			return false;
	}
	for (i = 0; i < 6; i++)
		mac[i] = (hex_to_bin(s[i * 3]) << 4) | hex_to_bin(s[i * 3 + 1]);
	return true;
}
EXPORT_SYMBOL(mac_pton);

/* ---------------------------------------------------------------------------------------------------
 * lib/find_bit.c
 */
static unsigned long find_next(const unsigned long *addr, unsigned long nbits, unsigned long start,
			       unsigned long invert)
{
	unsigned long tmp, mask;

	if (unlikely(start >= nbits))
		return nbits;

	tmp = addr[start / BITS_PER_LONG] ^ invert;
	mask = ~0UL << (start & (BITS_PER_LONG - 1));
	tmp &= mask;
	start = round_down(start, BITS_PER_LONG);

	while (!tmp) {
		start += BITS_PER_LONG;
		if (start >= nbits)
			return nbits;
		tmp = addr[start / BITS_PER_LONG] ^ invert;
	}

	return min(start + __ffs(tmp), nbits);
}

unsigned long _find_next_bit(const unsigned long *addr, unsigned long nbits, unsigned long start)
{
	return find_next(addr, nbits, start, 0UL);
}
EXPORT_SYMBOL(_find_next_bit);

unsigned long _find_next_zero_bit(const unsigned long *addr, unsigned long nbits, unsigned long start)
{
	return find_next(addr, nbits, start, ~0UL);
}
EXPORT_SYMBOL(_find_next_zero_bit);

unsigned long _find_first_bit(const unsigned long *addr, unsigned long size)
{
	return find_next(addr, size, 0, 0UL);
}
EXPORT_SYMBOL(_find_first_bit);

unsigned long _find_first_zero_bit(const unsigned long *addr, unsigned long size)
{
	return find_next(addr, size, 0, ~0UL);
}
EXPORT_SYMBOL(_find_first_zero_bit);

unsigned long _find_last_bit(const unsigned long *addr, unsigned long size)
{
	if (size) {
		unsigned long val = BITS_PER_LONG - 1 - ((size - 1) & (BITS_PER_LONG - 1));
		unsigned long idx = (size-1) / BITS_PER_LONG;
		unsigned long mask = ~0UL >> val;

		do {
			val = addr[idx] & mask;
			if (val)
				return idx * BITS_PER_LONG + __fls(val);

			mask = ~0ul;
		} while (idx--);
	}
	return size;
}
EXPORT_SYMBOL(_find_last_bit);

/* ---------------------------------------------------------------------------------------------------
 * lib/sort.c: heapsort.
 */
static void generic_swap(void *a, void *b, int size)
{
	char *x = a, *y = b;

	while (size--) {
		char t = *x;

		*x++ = *y;
		*y++ = t;
	}
}

struct sort_wrapper {
	cmp_func_t cmp;
	swap_func_t swap;
};

static int do_cmp(const void *a, const void *b, cmp_r_func_t cmp, const void *priv)
{
	if (cmp == NULL)
		return ((const struct sort_wrapper *)priv)->cmp(a, b);
	return cmp(a, b, priv);
}

/*
 * @priv is sort()'s wrapper only when there is no @cmp (Linux's _CMP_WRAPPER): sort_r() with a NULL
 * swap keeps its own @priv, which must not be read as a wrapper (a stray pointer called as swap).
 */
static void do_swap(void *a, void *b, size_t size, cmp_r_func_t cmp, swap_r_func_t swap_func, const void *priv)
{
	if (swap_func == NULL) {
		const struct sort_wrapper *w = cmp ? NULL : priv;

		if (w && w->swap) {
			(w->swap)(a, b, (int)size);
			return;
		}
		generic_swap(a, b, (int)size);
		return;
	}
	swap_func(a, b, (int)size, priv);
}

/* sort_r - sort an array of @num elements of @size bytes with @cmp_func(a, b, priv) (heapsort). */
static void __sort_r(void *base, size_t num, size_t size, cmp_r_func_t cmp_func,
		     swap_r_func_t swap_func, const void *priv)
{
	/* pre-scale counters for performance */
	size_t n = num * size, a = (num/2) * size;
	char *b = base;

	if (!a)		/* num < 2 || size == 0 */
		return;

	/*
	 * Loop invariants:
	 * 1. elements [a,n) satisfy the heap property (compare greater than all of their children),
	 * 2. elements [n,num*size) are sorted, and
	 * 3. a <= b <= c <= d <= n (whenever they are valid).
	 */
	for (;;) {
		size_t c, d;

		if (a)			/* Building heap: sift down a */
			a -= size;
		else if (n > size) {	/* Sorting: extract root */
			n -= size;
			do_swap(b, b + n, size, cmp_func, swap_func, priv);
		} else			/* Sort complete */
			break;

		/* Sift element at "a" down into heap. */
		c = a;
		for (;;) {
			d = c * 2 + size;	/* left child */
			if (d >= n)
				break;
			if (d + size < n &&
			    do_cmp(b + d, b + d + size, cmp_func, priv) < 0)
				d += size;	/* right child is bigger */
			if (do_cmp(b + c, b + d, cmp_func, priv) >= 0)
				break;
			do_swap(b + c, b + d, size, cmp_func, swap_func, priv);
			c = d;
		}
	}
}

void sort_r(void *base, size_t num, size_t size, cmp_r_func_t cmp_func, swap_r_func_t swap_func,
	    const void *priv)
{
	__sort_r(base, num, size, cmp_func, swap_func, priv);
}
EXPORT_SYMBOL(sort_r);

void sort(void *base, size_t num, size_t size, cmp_func_t cmp_func, swap_func_t swap_func)
{
	struct sort_wrapper w = {
		.cmp  = cmp_func,
		.swap = swap_func,
	};

	__sort_r(base, num, size, NULL, NULL, &w);
}
EXPORT_SYMBOL(sort);

void *bsearch(const void *key, const void *base, size_t num, size_t size, cmp_func_t cmp)
{
	return __inline_bsearch(key, base, num, size, cmp);
}
EXPORT_SYMBOL(bsearch);

/* ---------------------------------------------------------------------------------------------------
 * lib/list_sort.c: a stable bottom-up merge sort of a list.
 */
static struct list_head *merge(void *priv, list_cmp_func_t cmp, struct list_head *a,
			       struct list_head *b)
{
	struct list_head *head, **tail = &head;

	for (;;) {
		/* if equal, take 'a' -- important for sort stability */
		if (cmp(priv, a, b) <= 0) {
			*tail = a;
			tail = &a->next;
			a = a->next;
			if (!a) {
				*tail = b;
				break;
			}
		} else {
			*tail = b;
			tail = &b->next;
			b = b->next;
			if (!b) {
				*tail = a;
				break;
			}
		}
	}
	return head;
}

void list_sort(void *priv, struct list_head *head, list_cmp_func_t cmp)
{
	struct list_head *parts[32] = { NULL };
	struct list_head *list = head->next, *next, *prev;
	int i, max = 0;

	if (list == head->prev)	/* Zero or one elements */
		return;

	/* Convert to a null-terminated singly-linked list and merge runs of power-of-two sizes. */
	head->prev->next = NULL;
	while (list) {
		next = list->next;
		list->next = NULL;
		for (i = 0; parts[i]; i++) {
			list = merge(priv, cmp, parts[i], list);
			parts[i] = NULL;
		}
		if (i >= (int)ARRAY_SIZE(parts) - 1)
			i = ARRAY_SIZE(parts) - 1;
		parts[i] = list;
		if (i > max)
			max = i;
		list = next;
	}
	list = NULL;
	for (i = 0; i <= max; i++)
		if (parts[i])
			list = list ? merge(priv, cmp, parts[i], list) : parts[i];

	/* Rebuild the prev links. */
	prev = head;
	head->next = list;
	while (list) {
		list->prev = prev;
		prev = list;
		list = list->next;
	}
	prev->next = head;
	head->prev = prev;
}
EXPORT_SYMBOL(list_sort);

/* ---------------------------------------------------------------------------------------------------
 * lib/math/
 */

/* Integer square root: the largest x with x * x <= n. */
unsigned long int_sqrt(unsigned long x)
{
	unsigned long b, m, y = 0;

	if (x <= 1)
		return x;

	m = 1UL << (__fls(x) & ~1UL);
	while (m != 0) {
		b = y + m;
		y >>= 1;

		if (x >= b) {
			x -= b;
			y += m;
		}
		m >>= 2;
	}

	return y;
}
EXPORT_SYMBOL(int_sqrt);

u32 int_sqrt64(u64 x)
{
	u64 b, m, y = 0;

	if (x <= ULONG_MAX)
		return int_sqrt((unsigned long) x);

	m = 1ULL << ((fls64(x) - 1) & ~1ULL);
	while (m != 0) {
		b = y + m;
		y >>= 1;

		if (x >= b) {
			x -= b;
			y += m;
		}
		m >>= 2;
	}

	return y;
}
EXPORT_SYMBOL(int_sqrt64);

/* base ** exp, by squaring (wraps on overflow). */
u64 int_pow(u64 base, unsigned int exp)
{
	u64 result = 1;

	while (exp) {
		if (exp & 1)
			result *= base;
		exp >>= 1;
		base *= base;
	}

	return result;
}
EXPORT_SYMBOL_GPL(int_pow);

unsigned long gcd(unsigned long a, unsigned long b)
{
	unsigned long r;

	if (a < b)
		swap(a, b);

	if (!b)
		return a;
	while ((r = a % b) != 0) {
		a = b;
		b = r;
	}
	return b;
}
EXPORT_SYMBOL_GPL(gcd);

unsigned long lcm(unsigned long a, unsigned long b)
{
	if (a && b)
		return (a / gcd(a, b)) * b;
	else
		return 0;
}
EXPORT_SYMBOL_GPL(lcm);

unsigned long lcm_not_zero(unsigned long a, unsigned long b)
{
	unsigned long l = lcm(a, b);

	if (l)
		return l;

	return (b ? : a);
}
EXPORT_SYMBOL_GPL(lcm_not_zero);

/* ---------------------------------------------------------------------------------------------------
 * Randomness: the host's.
 */
void get_random_bytes(void *buf, size_t len)
{
	host_random(buf, len);
}
EXPORT_SYMBOL(get_random_bytes);

u8 get_random_u8(void)
{
	u8 v;

	host_random(&v, sizeof(v));
	return v;
}
EXPORT_SYMBOL(get_random_u8);

u16 get_random_u16(void)
{
	u16 v;

	host_random(&v, sizeof(v));
	return v;
}
EXPORT_SYMBOL(get_random_u16);

u32 get_random_u32(void)
{
	u32 v;

	host_random(&v, sizeof(v));
	return v;
}
EXPORT_SYMBOL(get_random_u32);

u64 get_random_u64(void)
{
	u64 v;

	host_random(&v, sizeof(v));
	return v;
}
EXPORT_SYMBOL(get_random_u64);

/* Uniform in [0, ceil): Lemire's multiply-and-reject. */
u32 __get_random_u32_below(u32 ceil)
{
	u64 mult;

	if (!ceil)
		return get_random_u32();
	mult = (u64)ceil * get_random_u32();
	if (unlikely((u32)mult < ceil)) {
		u32 bound = -ceil % ceil;

		while (unlikely((u32)mult < bound))
			mult = (u64)ceil * get_random_u32();
	}
	return mult >> 32;
}
EXPORT_SYMBOL(__get_random_u32_below);

/* ---------------------------------------------------------------------------------------------------
 * lib/refcount.c
 */
static bool refcount_warned[REFCOUNT_DEC_LEAK + 1];

void refcount_warn_saturate(refcount_t *r, enum refcount_saturation_type t)
{
	static const char *const what[] = {
		[REFCOUNT_ADD_NOT_ZERO_OVF] = "saturated; leaking memory",
		[REFCOUNT_ADD_OVF] = "saturated; leaking memory",
		[REFCOUNT_ADD_UAF] = "addition on 0; use-after-free",
		[REFCOUNT_SUB_UAF] = "underflow; use-after-free",
		[REFCOUNT_DEC_LEAK] = "decrement hit 0; leaking memory",
	};

	refcount_set(r, REFCOUNT_SATURATED);
	if ((unsigned int)t > REFCOUNT_DEC_LEAK)
		return;
	if (__atomic_exchange_n(&refcount_warned[t], true, __ATOMIC_SEQ_CST))
		return;
	__warn_printk("refcount_t: %s.\n", what[t]);
	__lkm_warn("lib/refcount.c", __LINE__, "refcount_warn_saturate", NULL, TAINT_WARN, false);
}
EXPORT_SYMBOL(refcount_warn_saturate);

/* Drops the count from 1 to 0 only: true if it did. */
bool refcount_dec_if_one(refcount_t *r)
{
	int val = 1;

	return atomic_try_cmpxchg(&r->refs, &val, 0);
}
EXPORT_SYMBOL(refcount_dec_if_one);

/* Decrements unless the count is 1 (or saturated): false if it was 1. */
bool refcount_dec_not_one(refcount_t *r)
{
	unsigned int new, val = atomic_read(&r->refs);

	do {
		if (unlikely(val == REFCOUNT_SATURATED))
			return true;

		if (val == 1)
			return false;

		new = val - 1;
		if (new > val) {
			WARN_ONCE(new > val, "refcount_t: underflow; use-after-free.\n");
			return true;
		}

	} while (!atomic_try_cmpxchg(&r->refs, (int *)&val, new));

	return true;
}
EXPORT_SYMBOL(refcount_dec_not_one);
