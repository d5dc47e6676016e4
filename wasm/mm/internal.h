/* SPDX-License-Identifier: GPL-2.0-or-later */
/* mm/internal.h: internal to mm/ and to lib/vsprintf.c (the %pG flag names of mm/debug.c). */
#ifndef __MM_INTERNAL_H
#define __MM_INTERNAL_H

#include <linux/tracepoint-defs.h>

extern const struct trace_print_flags pageflag_names[];
extern const struct trace_print_flags vmaflag_names[];
extern const struct trace_print_flags gfpflag_names[];

#endif /* __MM_INTERNAL_H */
