// SPDX-License-Identifier: GPL-2.0
/*
 * lib/bitmap-str.c: bitmaps to and from text, in the formats of Documentation/core-api (the "%*pb"
 * hex mask and the "%*pbl" range list that sysfs and /proc print).
 *
 * bitmap_parse(): 32-bit hex chunks, most significant first, separated by commas or whitespace
 * ("ff,00000001"); a chunk of more than 8 digits, or a set bit past @nbits, is -EOVERFLOW; any other
 * character -EINVAL; the chunks not given are zero.
 * bitmap_parselist(): a list of decimal bits and ranges, "0,3-5,8-15:2/4" (from 8 to 15, the first 2
 * bits of every group of 4); "N" stands for the last bit. Bad syntax -EINVAL, a bit past @nbits -ERANGE.
 */
#include <linux/bitmap.h>
#include <linux/ctype.h>
#include <linux/err.h>
#include <linux/export.h>
#include <linux/hex.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/uaccess.h>

static bool separator(char c)
{
	return c == ',' || isspace(c);
}

int bitmap_parse(const char *buf, unsigned int buflen, unsigned long *dst, int nbits)
{
	unsigned int chunks = BITS_TO_LONGS(nbits), chunk = 0, len = 0, top;
	int i;

	/* The text ends at NUL, newline or @buflen; chunks are read from its end (least significant first). */
	while (len < buflen && buf[len] && buf[len] != '\n')
		len++;
	bitmap_zero(dst, nbits);
	for (i = (int)len - 1;;) {
		u32 word = 0;
		int digits = 0;

		while (i >= 0 && separator(buf[i]))
			i--;
		if (i < 0)
			break;
		if (chunk == chunks)
			return -EOVERFLOW;
		for (; i >= 0 && !separator(buf[i]); i--) {
			int v = hex_to_bin(buf[i]);

			if (v < 0)
				return -EINVAL;
			if (digits == 8)
				return -EOVERFLOW;
			word |= (u32)v << (4 * digits++);
		}
		dst[chunk++] = word;
	}
	/* Bits past @nbits in the last chunk given must be clear. */
	top = chunk * BITS_PER_LONG;
	if (top > (unsigned int)nbits && find_next_bit(dst, top, nbits) < top)
		return -EOVERFLOW;
	return 0;
}
EXPORT_SYMBOL(bitmap_parse);

/* A decimal number or "N" (the last bit); returns the text after it, or an ERR_PTR. */
static const char *parse_bit(const char *p, unsigned int last, unsigned int *out)
{
	unsigned long long v = 0;
	const char *start = p;

	if (*p == 'N') {
		*out = last;
		return p + 1;
	}
	for (; isdigit(*p); p++) {
		v = v * 10 + (*p - '0');
		if (v > UINT_MAX)
			return ERR_PTR(-EOVERFLOW);
	}
	if (p == start)
		return ERR_PTR(-EINVAL);
	*out = (unsigned int)v;
	return p;
}

static bool list_end(char c)
{
	return c == '\0' || c == '\n' || separator(c);
}

int bitmap_parselist(const char *buf, unsigned long *maskp, int nmaskbits)
{
	unsigned int last = nmaskbits ? nmaskbits - 1 : 0;
	const char *p = buf;

	bitmap_zero(maskp, nmaskbits);
	for (;;) {
		unsigned int start, end, used, group, pos;

		while (separator(*p))
			p++;
		if (*p == '\0' || *p == '\n')
			return 0;
		p = parse_bit(p, last, &start);
		if (IS_ERR(p))
			return PTR_ERR(p);
		end = start;
		used = group = 1;
		if (*p == '-') {
			p = parse_bit(p + 1, last, &end);
			if (IS_ERR(p))
				return PTR_ERR(p);
			used = group = end - start + 1;
			if (*p == ':') {
				p = parse_bit(p + 1, last, &used);
				if (IS_ERR(p))
					return PTR_ERR(p);
				if (*p != '/')
					return -EINVAL;
				p = parse_bit(p + 1, last, &group);
				if (IS_ERR(p))
					return PTR_ERR(p);
			}
		}
		if (!list_end(*p) || start > end || group == 0 || used > group)
			return -EINVAL;
		if (end >= (unsigned int)nmaskbits)
			return -ERANGE;
		for (pos = start; pos <= end; pos += group)
			bitmap_set(maskp, pos, min(used, end - pos + 1));
	}
}
EXPORT_SYMBOL(bitmap_parselist);

/* The _user forms copy the text in first (at most @ulen bytes, NUL-terminated). */
int bitmap_parse_user(const char __user *ubuf, unsigned int ulen, unsigned long *dst, int nbits)
{
	char *buf = memdup_user_nul(ubuf, ulen);
	int ret;

	if (IS_ERR(buf))
		return PTR_ERR(buf);
	ret = bitmap_parse(buf, UINT_MAX, dst, nbits);
	kfree(buf);
	return ret;
}
EXPORT_SYMBOL(bitmap_parse_user);

int bitmap_parselist_user(const char __user *ubuf, unsigned int ulen, unsigned long *dst, int nbits)
{
	char *buf = memdup_user_nul(ubuf, ulen);
	int ret;

	if (IS_ERR(buf))
		return PTR_ERR(buf);
	ret = bitmap_parselist(buf, dst, nbits);
	kfree(buf);
	return ret;
}
EXPORT_SYMBOL(bitmap_parselist_user);

/* A sysfs show() line: "%*pb\n" or (@list) "%*pbl\n", within the page @buf lies in. */
int bitmap_print_to_pagebuf(bool list, char *buf, const unsigned long *maskp, int nmaskbits)
{
	ptrdiff_t len = PAGE_SIZE - ((unsigned long)buf & (PAGE_SIZE - 1));

	return list ? scnprintf(buf, len, "%*pbl\n", nmaskbits, maskp) :
		      scnprintf(buf, len, "%*pb\n", nmaskbits, maskp);
}
EXPORT_SYMBOL(bitmap_print_to_pagebuf);
