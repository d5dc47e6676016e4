/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_BITREV_H
#define _LINUX_BITREV_H

#include <linux/types.h>

static inline u8 bitrev8(u8 x) { return __builtin_bitreverse8(x); }
static inline u16 bitrev16(u16 x) { return __builtin_bitreverse16(x); }
static inline u32 bitrev32(u32 x) { return __builtin_bitreverse32(x); }

#endif /* _LINUX_BITREV_H */
