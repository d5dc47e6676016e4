/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _ASM_ATOMIC_H
#define _ASM_ATOMIC_H
/* Older modules include the arch header; the API is <linux/atomic.h>. */
#include <linux/atomic.h>
#endif
