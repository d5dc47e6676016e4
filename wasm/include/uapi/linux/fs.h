/* SPDX-License-Identifier: GPL-2.0 WITH Linux-syscall-note */
#ifndef _UAPI_LINUX_FS_H
#define _UAPI_LINUX_FS_H

/* The block device ioctls of Linux 6.12 that this kernel answers (block/ioctl.c). */
#include <linux/ioctl.h>

#define BLKROSET   _IO(0x12, 93)	/* set device read-only (0 = read-write) */
#define BLKROGET   _IO(0x12, 94)	/* get read-only status (0 = read_write) */
#define BLKRRPART  _IO(0x12, 95)	/* re-read partition table */
#define BLKGETSIZE _IO(0x12, 96)	/* return device size /512 (long *arg) */
#define BLKFLSBUF  _IO(0x12, 97)	/* flush buffer cache */
#define BLKSSZGET  _IO(0x12, 104)	/* get block device sector size */
#define BLKBSZGET  _IOR(0x12, 112, size_t)
#define BLKBSZSET  _IOW(0x12, 113, size_t)
#define BLKGETSIZE64 _IOR(0x12, 114, size_t)	/* return device size in bytes (u64 *arg) */
#define BLKIOMIN   _IO(0x12, 120)
#define BLKIOOPT   _IO(0x12, 121)
#define BLKALIGNOFF _IO(0x12, 122)
#define BLKPBSZGET _IO(0x12, 123)
#define BLKGETDISKSEQ _IOR(0x12, 128, __u64)

#define BMAP_IOCTL 1		/* obsolete - kept for compatibility */
#define FIBMAP	   _IO(0x00, 1)	/* bmap access */
#define FIGETBSZ   _IO(0x00, 2)	/* get the block size used for bmap */

#endif /* _UAPI_LINUX_FS_H */
