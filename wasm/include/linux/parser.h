/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PARSER_H
#define _LINUX_PARSER_H

#include <linux/types.h>

/*
 * Mount-option style parsing (lib/parser.c): a table of patterns such as "uid=%u", "mode=%o", "name=%s",
 * "size=%10s", literal text and "%%"; match_token() returns the token of the first pattern a string
 * matches (or the token of the table's NULL-pattern end entry) and the substrings the conversions took.
 */
enum {MAX_OPT_ARGS = 3};

struct match_token {
	int token;
	const char *pattern;
};

typedef struct match_token match_table_t[];

/* A substring of the parsed string: [from, to). */
typedef struct {
	char *from;
	char *to;
} substring_t;

int match_token(char *s, const match_table_t table, substring_t args[]);
int match_int(substring_t *s, int *result);
int match_uint(substring_t *s, unsigned int *result);
int match_u64(substring_t *s, u64 *result);
int match_octal(substring_t *s, int *result);
int match_hex(substring_t *s, int *result);
bool match_wildcard(const char *pattern, const char *str);
size_t match_strlcpy(char *dest, const substring_t *src, size_t size);
char *match_strdup(const substring_t *s);

#endif /* _LINUX_PARSER_H */
