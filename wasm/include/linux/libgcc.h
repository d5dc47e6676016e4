/* SPDX-License-Identifier: GPL-2.0 */
#ifndef __LIB_LIBGCC_H
#define __LIB_LIBGCC_H

#include <linux/types.h>

/*
 * The compiler's support routines for arithmetic the target has no instruction for. wasm32 has 64-bit
 * integers but no 128-bit ones: clang lowers __int128 multiply, divide and variable shifts to these
 * libcalls (compiler-rt's names), and vmlinux provides and exports them, as Linux's lib/ provides the
 * libgcc routines its architectures need (lib/libgcc128.c).
 */
typedef __int128 ti_type;
typedef unsigned __int128 uti_type;

ti_type __multi3(ti_type a, ti_type b);
uti_type __udivti3(uti_type a, uti_type b);
uti_type __umodti3(uti_type a, uti_type b);
uti_type __udivmodti4(uti_type a, uti_type b, uti_type *rem);
ti_type __divti3(ti_type a, ti_type b);
ti_type __modti3(ti_type a, ti_type b);
ti_type __divmodti4(ti_type a, ti_type b, ti_type *rem);
ti_type __ashlti3(ti_type a, int b);
ti_type __ashrti3(ti_type a, int b);
ti_type __lshrti3(ti_type a, int b);
ti_type __muloti4(ti_type a, ti_type b, int *overflow);

#endif /* __LIB_LIBGCC_H */
