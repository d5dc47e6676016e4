/* SPDX-License-Identifier: GPL-2.0+ */
/* vmlinux-internal XArray access for lib/idr.c (not exported to modules). */
#ifndef LINUX_LIB_RADIX_TREE_H
#define LINUX_LIB_RADIX_TREE_H

#include <linux/xarray.h>

/* The entry at @index as stored: XA_ZERO_ENTRY for an index in use with no entry. */
void *__xa_load_raw(struct xarray *xa, unsigned long index);

#endif
