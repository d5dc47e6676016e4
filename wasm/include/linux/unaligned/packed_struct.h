/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_UNALIGNED_PACKED_STRUCT_H
#define _LINUX_UNALIGNED_PACKED_STRUCT_H

/*
 * Loads and stores at any address, in CPU byte order: through a packed struct, so the compiler emits
 * accesses that need no alignment (wasm's loads and stores take any address anyway).
 */
#include <linux/types.h>
#include <linux/compiler.h>

#define __get_unaligned_t(type, ptr) ({						\
	const struct { type x; } __packed *__get_pptr = (typeof(__get_pptr))(ptr);	\
	__get_pptr->x;								\
})

#define __put_unaligned_t(type, val, ptr) do {					\
	struct { type x; } __packed *__put_pptr = (typeof(__put_pptr))(ptr);	\
	__put_pptr->x = (val);							\
} while (0)

static inline u16 get_unaligned_cpu16(const void *p) { return __get_unaligned_t(u16, p); }
static inline u32 get_unaligned_cpu32(const void *p) { return __get_unaligned_t(u32, p); }
static inline u64 get_unaligned_cpu64(const void *p) { return __get_unaligned_t(u64, p); }
static inline void put_unaligned_cpu16(u16 val, void *p) { __put_unaligned_t(u16, val, p); }
static inline void put_unaligned_cpu32(u32 val, void *p) { __put_unaligned_t(u32, val, p); }
static inline void put_unaligned_cpu64(u64 val, void *p) { __put_unaligned_t(u64, val, p); }

#endif /* _LINUX_UNALIGNED_PACKED_STRUCT_H */
