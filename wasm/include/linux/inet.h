/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Swansea University Computer Society NET3: the text forms of IPv4 and IPv6 addresses
 * (net/core/utils.c). This kernel has no network stack; these parse addresses for code that keeps them.
 */
#ifndef _LINUX_INET_H
#define _LINUX_INET_H

#include <linux/types.h>
#include <linux/socket.h>

/*
 * These mimic similar macros defined in user-space for inet_ntop(3). See /usr/include/netinet/in.h.
 */
#define INET_ADDRSTRLEN		(16)
#define INET6_ADDRSTRLEN	(48)

extern __be32 in_aton(const char *str);
extern int in4_pton(const char *src, int srclen, u8 *dst, int delim, const char **end);
extern int in6_pton(const char *src, int srclen, u8 *dst, int delim, const char **end);
extern bool inet_addr_is_any(struct sockaddr *addr);

#endif /* _LINUX_INET_H */
