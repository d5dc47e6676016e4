/* SPDX-License-Identifier: GPL-2.0-only */
#ifndef __KMEMLEAK_H
#define __KMEMLEAK_H

#include <linux/types.h>
#include <linux/gfp.h>

/* No kmemleak scanner here (module leaks are reported at unload): the annotations do nothing. */
static inline void kmemleak_alloc(const void *ptr, size_t size, int min_count, gfp_t gfp) { }
static inline void kmemleak_free(const void *ptr) { }
static inline void kmemleak_not_leak(const void *ptr) { }
static inline void kmemleak_ignore(const void *ptr) { }
static inline void kmemleak_no_scan(const void *ptr) { }
static inline void kmemleak_erase(void **ptr) { }
static inline void kmemleak_update_trace(const void *ptr) { }

#endif	/* __KMEMLEAK_H */
