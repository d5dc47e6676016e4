// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * net/core/utils.c: the address parsers of <linux/inet.h>: in_aton(), in4_pton(), in6_pton() and
 * inet_addr_is_any().
 *
 * in4_pton() and in6_pton() read at most @srclen characters of @src (all of it, to its NUL, when
 * @srclen is negative); the address ends at @delim, at a NUL, at the end of @srclen, or, when @delim is
 * -1, at any character that cannot be part of an address. They return 1 with the address stored in
 * @dst (4 or 16 bytes, network order), or 0 leaving @dst alone; *@end (if @end) is where the parse
 * stopped: the terminating character on success.
 */
#include <linux/types.h>
#include <linux/export.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/hex.h>
#include <linux/printk.h>
#include <linux/inet.h>
#include <linux/in.h>
#include <linux/in6.h>

/**
 * in_aton - convert an IPv4 address from literal to binary representation
 * @str: the IPv4 address string "a.b.c.d" (stops at NUL or '\n'), no error checking.
 *
 * Return: the address in network order; missing parts count as 0.
 */
__be32 in_aton(const char *str)
{
	u32 addr = 0;
	int part;

	for (part = 0; part < 4; part++) {
		u32 val = 0;

		addr <<= 8;
		if (!*str)
			continue;
		while (*str && *str != '.' && *str != '\n')
			val = val * 10 + (*str++ - '0');
		addr |= val;
		if (*str)
			str++;
	}
	return htonl(addr);
}
EXPORT_SYMBOL(in_aton);

struct pton {
	const char *s;		/* the next character */
	const char *lim;	/* one past the last one that may be read */
	int delim;
};

static int peek(const struct pton *p, int ahead)
{
	return p->s + ahead < p->lim ? (unsigned char)p->s[ahead] : '\0';
}

/* Does @c end the address? */
static bool is_end(const struct pton *p, int c)
{
	if (c == '\0' || c == p->delim)
		return true;
	return p->delim == -1 && !isxdigit(c) && c != '.' && c != ':';
}

/* A dotted quad at p->s; on success p->s is at the character after it (not checked here). */
static bool parse_quad(struct pton *p, u8 *dst)
{
	int part;

	for (part = 0; part < 4; part++) {
		unsigned int val = 0;
		int digits = 0;

		if (part) {
			if (peek(p, 0) != '.')
				return false;
			p->s++;
		}
		while (isdigit(peek(p, 0))) {
			val = val * 10 + (peek(p, 0) - '0');
			if (val > 255)
				return false;
			p->s++;
			digits++;
		}
		if (!digits)
			return false;
		dst[part] = val;
	}
	return true;
}

/**
 * in4_pton - convert an IPv4 address from literal to binary representation
 * @src: the start of the IPv4 address string
 * @srclen: the length of the string, -1 means strlen(src)
 * @dst: the binary (u8[4] array) representation of the IPv4 address
 * @delim: the delimiter of the IPv4 address in @src, -1 means no delimiter
 * @end: A pointer to the end of the parsed string will be placed here
 *
 * Return one on success, return zero when any error occurs and @end will point to the end of the
 * parsed string.
 */
int in4_pton(const char *src, int srclen, u8 *dst, int delim, const char **end)
{
	struct pton p = { .s = src, .delim = delim };
	u8 addr[4];
	int ret = 0;

	p.lim = src + (srclen < 0 ? strlen(src) : srclen);
	/* a ':' may follow, as in "1.2.3.4:80" */
	if (parse_quad(&p, addr) && (is_end(&p, peek(&p, 0)) || peek(&p, 0) == ':')) {
		memcpy(dst, addr, sizeof(addr));
		ret = 1;
	}
	if (end)
		*end = p.s;
	return ret;
}
EXPORT_SYMBOL(in4_pton);

/**
 * in6_pton - convert an IPv6 address from literal to binary representation
 * @src: the start of the IPv6 address string
 * @srclen: the length of the string, -1 means strlen(src)
 * @dst: the binary (u8[16] array) representation of the IPv6 address
 * @delim: the delimiter of the IPv6 address in @src, -1 means no delimiter
 * @end: A pointer to the end of the parsed string will be placed here
 *
 * Groups of 1-4 hex digits separated by ':', at most one "::" for a run of zero groups, and the last
 * 32 bits may be a dotted quad ("::ffff:1.2.3.4").
 *
 * Return one on success, return zero when any error occurs and @end will point to the end of the
 * parsed string.
 */
int in6_pton(const char *src, int srclen, u8 *dst, int delim, const char **end)
{
	struct pton p = { .s = src, .delim = delim };
	u8 addr[16] = { 0 };
	int words = 0, gap = -1;
	int ret = 0;

	p.lim = src + (srclen < 0 ? strlen(src) : srclen);

	if (peek(&p, 0) == ':') {
		if (peek(&p, 1) != ':')
			goto out;
		gap = 0;
		p.s += 2;
		if (is_end(&p, peek(&p, 0)))
			goto done;
	}

	for (;;) {
		const char *group = p.s;
		unsigned int w = 0;
		int digits = 0;
		int c;

		while (digits < 5 && hex_to_bin(peek(&p, 0)) >= 0) {
			w = (w << 4) | hex_to_bin(peek(&p, 0));
			p.s++;
			digits++;
		}
		if (peek(&p, 0) == '.') {
			/* the last 32 bits as a dotted quad */
			p.s = group;
			if (words > 6 || !parse_quad(&p, addr + 2 * words) || !is_end(&p, peek(&p, 0)))
				goto out;
			words += 2;
			break;
		}
		if (!digits || digits > 4 || words >= 8)
			goto out;
		addr[2 * words] = w >> 8;
		addr[2 * words + 1] = w & 0xff;
		words++;

		c = peek(&p, 0);
		if (c == ':' && peek(&p, 1) == ':') {
			if (gap >= 0)
				goto out;
			gap = words;
			p.s += 2;
			if (is_end(&p, peek(&p, 0)))
				break;
		} else if (c == ':') {
			p.s++;
		} else if (is_end(&p, c)) {
			break;
		} else {
			goto out;
		}
	}

done:
	if (gap < 0 ? words != 8 : words > 7)
		goto out;
	if (gap >= 0) {
		/* the groups after "::" go to the end, zeros in between */
		int tail = words - gap;

		memmove(addr + 16 - 2 * tail, addr + 2 * gap, 2 * tail);
		memset(addr + 2 * gap, 0, 16 - 2 * words);
	}
	memcpy(dst, addr, sizeof(addr));
	ret = 1;
out:
	if (end)
		*end = p.s;
	return ret;
}
EXPORT_SYMBOL(in6_pton);

/* Is @addr the wildcard address of its family (0.0.0.0, ::)? */
bool inet_addr_is_any(struct sockaddr *addr)
{
	if (addr->sa_family == AF_INET6) {
		struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)addr;
		const struct in6_addr in6_any = IN6ADDR_ANY_INIT;

		if (!memcmp(in6->sin6_addr.s6_addr, in6_any.s6_addr, 16))
			return true;
	} else if (addr->sa_family == AF_INET) {
		struct sockaddr_in *in = (struct sockaddr_in *)addr;

		if (in->sin_addr.s_addr == htonl(INADDR_ANY))
			return true;
	} else {
		pr_warn("unexpected address family %u\n", addr->sa_family);
	}

	return false;
}
EXPORT_SYMBOL(inet_addr_is_any);
