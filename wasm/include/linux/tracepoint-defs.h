/* SPDX-License-Identifier: GPL-2.0 */
#ifndef TRACEPOINT_DEFS_H
#define TRACEPOINT_DEFS_H 1

/* A flag's mask and name, for __print_flags() and %pG (mm/debug.c's tables). */
struct trace_print_flags {
	unsigned long		mask;
	const char		*name;
};

#endif
