// SPDX-License-Identifier: GPL-2.0
/*
 * lib/glob.c: glob_match() for short patterns such as device blacklists. Not recursive: on a mismatch
 * after a '*', the match restarts one character further in the string from just after that '*' (only the
 * last '*' matters), so the run time is at most strlen(pat) * strlen(str).
 */
#include <linux/export.h>
#include <linux/glob.h>
#include <linux/stddef.h>

/*
 * A bracket expression at @p (just after '['), matched against @c. Sets *@end past its ']' and returns
 * whether @c is in it; returns -1 if there is no closing ']' (the '[' is then an ordinary character).
 */
static int bracket(const char *p, unsigned char c, const char **end)
{
	bool inverted = *p == '!', in = false;
	const char *q = p + inverted;

	if (*q == ']')	/* a ']' first is a member, not the end */
		goto member;
	while (*q != ']') {
member:
		if (!*q)
			return -1;
		if (q[1] == '-' && q[2] && q[2] != ']') {
			in |= (unsigned char)q[0] <= c && c <= (unsigned char)q[2];
			q += 3;
		} else {
			in |= (unsigned char)*q == c;
			q++;
		}
	}
	*end = q + 1;
	return in != inverted;
}

bool __pure glob_match(char const *pat, char const *str)
{
	const char *back_pat = NULL, *back_str = NULL;

	for (;;) {
		unsigned char c = *str++, d = *pat++;
		const char *next;
		int r;

		switch (d) {
		case '?':	/* any one character */
			if (!c)
				return false;
			continue;
		case '*':	/* any run: remember where to resume */
			if (!*pat)
				return true;
			back_pat = pat;
			back_str = --str;
			continue;
		case '[':
			if (!c)
				return false;
			r = bracket(pat, c, &next);
			if (r < 0)
				goto literal;
			if (r) {
				pat = next;
				continue;
			}
			goto mismatch;
		case '\\':
			d = *pat++;
			fallthrough;
		default:
literal:
			if (c == d) {
				if (!d)
					return true;
				continue;
			}
mismatch:
			if (!c || !back_pat)
				return false;
			pat = back_pat;
			str = ++back_str;
		}
	}
}
EXPORT_SYMBOL(glob_match);
