/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
/*
 * The fixed-size types of the uapi headers, for user programs (wasm32-wasip1, ILP32). Kernel code finds
 * include/linux/types.h first on its include path and never reads this one.
 */
#ifndef _UAPI_LINUX_TYPES_H
#define _UAPI_LINUX_TYPES_H

#ifndef __ASSEMBLY__

typedef signed char __s8;
typedef unsigned char __u8;
typedef signed short __s16;
typedef unsigned short __u16;
typedef signed int __s32;
typedef unsigned int __u32;
typedef signed long long __s64;
typedef unsigned long long __u64;

typedef __u16 __le16;
typedef __u16 __be16;
typedef __u32 __le32;
typedef __u32 __be32;
typedef __u64 __le64;
typedef __u64 __be64;

typedef long __kernel_long_t;
typedef unsigned long __kernel_ulong_t;
typedef long long __kernel_time64_t;
typedef __kernel_long_t __kernel_old_time_t;

#endif /* __ASSEMBLY__ */
#endif /* _UAPI_LINUX_TYPES_H */
