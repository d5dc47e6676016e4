// SPDX-License-Identifier: GPL-2.0
/*
 * lib/parser.c: match_token() and the match_*() converters of linux/parser.h. A pattern is literal text
 * with conversions: %s (the rest of the string, or at most N characters for %Ns, never empty), %d and
 * %u (a number in base 0: decimal, 0x hex or 0 octal), %o (octal), %x (hex), %% (a '%'). At most
 * MAX_OPT_ARGS conversions per pattern; the text must match the whole string.
 */
#include <linux/ctype.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/kstrtox.h>
#include <linux/limits.h>
#include <linux/parser.h>
#include <linux/slab.h>
#include <linux/string.h>

/* Enough for any 64-bit number in any base with a sign and prefix. */
#define NUMBER_BUF_LEN 24

static bool match_one(char *s, const char *p, substring_t args[])
{
	int argc = 0;

	for (;;) {
		const char *meta = strchr(p, '%');
		size_t lit;
		long len = -1;
		char *to;

		if (!meta)
			return strcmp(p, s) == 0;
		lit = meta - p;
		if (strncmp(p, s, lit))
			return false;
		s += lit;
		p = meta + 1;
		if (*p == '%') {
			if (*s++ != '%')
				return false;
			p++;
			continue;
		}
		if (isdigit(*p))
			len = simple_strtoul(p, (char **)&p, 10);
		if (argc >= MAX_OPT_ARGS)
			return false;
		switch (*p++) {
		case 's': {
			size_t have = strlen(s);

			if (!have)
				return false;
			to = s + (len < 0 || (size_t)len > have ? have : (size_t)len);
			break;
		}
		case 'd':
			simple_strtol(s, &to, 0);
			break;
		case 'u':
			simple_strtoul(s, &to, 0);
			break;
		case 'o':
			simple_strtoul(s, &to, 8);
			break;
		case 'x':
			simple_strtoul(s, &to, 16);
			break;
		default:
			return false;
		}
		if (to == s)	/* a number conversion that read no digit */
			return false;
		args[argc].from = s;
		args[argc].to = to;
		argc++;
		s = to;
	}
}

int match_token(char *s, const match_table_t table, substring_t args[])
{
	const struct match_token *p;

	for (p = table; p->pattern; p++)
		if (match_one(s, p->pattern, args))
			break;
	return p->token;
}
EXPORT_SYMBOL(match_token);

size_t match_strlcpy(char *dest, const substring_t *src, size_t size)
{
	size_t len = src->to - src->from;

	if (size) {
		size_t n = len >= size ? size - 1 : len;

		memcpy(dest, src->from, n);
		dest[n] = '\0';
	}
	return len;
}
EXPORT_SYMBOL(match_strlcpy);

char *match_strdup(const substring_t *s)
{
	return kmemdup_nul(s->from, s->to - s->from, GFP_KERNEL);
}
EXPORT_SYMBOL(match_strdup);

/* An int in @base: -EINVAL without digits, -ERANGE outside int (or a substring too long for a number). */
static int match_number(substring_t *s, int *result, int base)
{
	char buf[NUMBER_BUF_LEN], *end;
	long long val;

	if (match_strlcpy(buf, s, sizeof(buf)) >= sizeof(buf))
		return -ERANGE;
	val = simple_strtoll(buf, &end, base);
	if (end == buf)
		return -EINVAL;
	if (val < INT_MIN || val > INT_MAX)
		return -ERANGE;
	*result = (int)val;
	return 0;
}

int match_int(substring_t *s, int *result)
{
	return match_number(s, result, 0);
}
EXPORT_SYMBOL(match_int);

int match_octal(substring_t *s, int *result)
{
	return match_number(s, result, 8);
}
EXPORT_SYMBOL(match_octal);

int match_hex(substring_t *s, int *result)
{
	return match_number(s, result, 16);
}
EXPORT_SYMBOL(match_hex);

int match_uint(substring_t *s, unsigned int *result)
{
	char buf[NUMBER_BUF_LEN];

	if (match_strlcpy(buf, s, sizeof(buf)) >= sizeof(buf))
		return -ERANGE;
	return kstrtouint(buf, 10, result);
}
EXPORT_SYMBOL(match_uint);

int match_u64(substring_t *s, u64 *result)
{
	char buf[NUMBER_BUF_LEN];
	unsigned long long val;
	int ret;

	if (match_strlcpy(buf, s, sizeof(buf)) >= sizeof(buf))
		return -ERANGE;
	ret = kstrtoull(buf, 0, &val);
	if (!ret)
		*result = val;
	return ret;
}
EXPORT_SYMBOL(match_u64);

/* '*' matches any run (also empty), '?' any one character; everything else itself. */
bool match_wildcard(const char *pattern, const char *str)
{
	const char *star_p = NULL, *star_s = NULL;

	while (*str) {
		if (*pattern == '*') {
			star_p = ++pattern;
			star_s = str;
			if (!*pattern)
				return true;
		} else if (*pattern == '?' || *pattern == *str) {
			pattern++;
			str++;
		} else if (star_p) {
			pattern = star_p;
			str = ++star_s;
		} else {
			return false;
		}
	}
	while (*pattern == '*')
		pattern++;
	return !*pattern;
}
EXPORT_SYMBOL(match_wildcard);
