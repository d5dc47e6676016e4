/* SPDX-License-Identifier: GPL-2.0 */
/* Basic kernel types for wasm32 (ILP32: int, long and pointers are 32 bits; long long is 64). */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <linux/compiler_types.h>

#ifndef __ASSEMBLY__

typedef signed char		__s8;
typedef unsigned char		__u8;
typedef signed short		__s16;
typedef unsigned short		__u16;
typedef signed int		__s32;
typedef unsigned int		__u32;
typedef signed long long	__s64;
typedef unsigned long long	__u64;

typedef __s8	s8;
typedef __u8	u8;
typedef __s16	s16;
typedef __u16	u16;
typedef __s32	s32;
typedef __u32	u32;
typedef __s64	s64;
typedef __u64	u64;

typedef __u16 __bitwise __le16;
typedef __u16 __bitwise __be16;
typedef __u32 __bitwise __le32;
typedef __u32 __bitwise __be32;
typedef __u64 __bitwise __le64;
typedef __u64 __bitwise __be64;
typedef __u16 __bitwise __sum16;
typedef __u32 __bitwise __wsum;

typedef __SIZE_TYPE__		__kernel_size_t;
typedef __PTRDIFF_TYPE__	__kernel_ssize_t;
typedef __PTRDIFF_TYPE__	__kernel_ptrdiff_t;
typedef long			__kernel_long_t;
typedef unsigned long		__kernel_ulong_t;
typedef __kernel_long_t		__kernel_old_time_t;
typedef long long		__kernel_time64_t;

#ifndef _SIZE_T
#define _SIZE_T
typedef __kernel_size_t		size_t;
#endif
#ifndef _SSIZE_T
#define _SSIZE_T
typedef __kernel_ssize_t	ssize_t;
#endif
#ifndef _PTRDIFF_T
#define _PTRDIFF_T
typedef __kernel_ptrdiff_t	ptrdiff_t;
#endif

typedef _Bool			bool;
enum { false = 0, true = 1 };

typedef unsigned long		uintptr_t;
typedef long			intptr_t;
typedef unsigned char		u_char;
typedef unsigned short		u_short;
typedef unsigned int		u_int;
typedef unsigned long		u_long;
typedef unsigned char		unchar;
typedef unsigned short		ushort;
typedef unsigned int		uint;
typedef unsigned long		ulong;
typedef __u8			uint8_t;
typedef __u16			uint16_t;
typedef __u32			uint32_t;
typedef __u64			uint64_t;
typedef __u64			u_int64_t;
typedef __s8			int8_t;
typedef __s16			int16_t;
typedef __s32			int32_t;
typedef __s64			int64_t;

typedef u32			__kernel_dev_t;
typedef __kernel_dev_t		dev_t;
typedef unsigned short		umode_t;
typedef unsigned int		__kernel_mode_t;
typedef __kernel_mode_t		mode_t;
typedef unsigned long		__kernel_ino_t;
typedef __kernel_ino_t		ino_t;
typedef u32			nlink_t;
typedef long			__kernel_off_t;
typedef __kernel_off_t		off_t;
typedef long long		__kernel_loff_t;
typedef __kernel_loff_t		loff_t;
typedef int			__kernel_pid_t;
typedef __kernel_pid_t		pid_t;
typedef unsigned int		__kernel_uid32_t;
typedef unsigned int		__kernel_gid32_t;
typedef __kernel_uid32_t	uid_t;
typedef __kernel_gid32_t	gid_t;
typedef long			__kernel_time_t;
typedef long long		time64_t;
typedef __kernel_long_t		__kernel_clock_t;
typedef int			__kernel_clockid_t;
typedef __kernel_clockid_t	clockid_t;
typedef unsigned int		fmode_t;
typedef u64			sector_t;
typedef u64			blkcnt_t;
/* The type of an index into the pagecache. */
typedef unsigned long		pgoff_t;

typedef unsigned int __bitwise	gfp_t;
typedef unsigned int __bitwise	__poll_t;
typedef unsigned int __bitwise	slab_flags_t;

typedef u32			phys_addr_t;
typedef phys_addr_t		resource_size_t;
typedef u32			dma_addr_t;
typedef unsigned long		irq_hw_number_t;

typedef struct {
	int counter;
} atomic_t;

typedef struct {
	s64 counter;
} atomic64_t;

#define ATOMIC_INIT(i) { (i) }
#define ATOMIC64_INIT(i) { (i) }

struct list_head {
	struct list_head *next, *prev;
};

struct hlist_head {
	struct hlist_node *first;
};

struct hlist_node {
	struct hlist_node *next, **pprev;
};

struct callback_head {
	struct callback_head *next;
	void (*func)(struct callback_head *head);
} __attribute__((aligned(sizeof(void *))));
#define rcu_head callback_head

typedef void (*rcu_callback_t)(struct rcu_head *head);

#endif /* __ASSEMBLY__ */
#endif /* _LINUX_TYPES_H */
