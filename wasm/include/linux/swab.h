/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_SWAB_H
#define _LINUX_SWAB_H

#include <linux/types.h>

/* Byte swaps (the compiler's builtins: wasm has no byte-swap instruction, clang open-codes them). */
#define __swab16(x) ((__u16)__builtin_bswap16((__u16)(x)))
#define __swab32(x) ((__u32)__builtin_bswap32((__u32)(x)))
#define __swab64(x) ((__u64)__builtin_bswap64((__u64)(x)))

#define swab16 __swab16
#define swab32 __swab32
#define swab64 __swab64

static inline void swab16s(__u16 *p) { *p = __swab16(*p); }
static inline void swab32s(__u32 *p) { *p = __swab32(*p); }
static inline void swab64s(__u64 *p) { *p = __swab64(*p); }

#endif /* _LINUX_SWAB_H */
