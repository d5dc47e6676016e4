/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_GLOB_H
#define _LINUX_GLOB_H

#include <linux/types.h>
#include <linux/compiler.h>

/* Shell-style matching, as !fnmatch(pat, str, 0): *, ?, [a-z], [!a-z] and \ escapes (lib/glob.c). */
bool __pure glob_match(char const *pat, char const *str);

#endif /* _LINUX_GLOB_H */
