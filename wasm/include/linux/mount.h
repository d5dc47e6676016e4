/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_MOUNT_H
#define _LINUX_MOUNT_H

/*
 * A mounted instance of a superblock (fs/namespace.c: wasm/fs/namespace.c). The mount table itself
 * (where each vfsmount is attached) is kept by the host (src/kernel/mounts.ts), which resolves paths.
 */
#include <linux/types.h>
#include <linux/path.h>

struct super_block;
struct dentry;
struct mnt_idmap;
struct file_system_type;

#define MNT_NOSUID	0x01
#define MNT_NODEV	0x02
#define MNT_NOEXEC	0x04
#define MNT_NOATIME	0x08
#define MNT_NODIRATIME	0x10
#define MNT_RELATIME	0x20
#define MNT_READONLY	0x40
#define MNT_NOSYMFOLLOW	0x80

/* umount2(2) flags */
#define MNT_FORCE	0x00000001
#define MNT_DETACH	0x00000002
#define MNT_EXPIRE	0x00000004
#define UMOUNT_NOFOLLOW	0x00000008

struct vfsmount {
	struct dentry *mnt_root;
	struct super_block *mnt_sb;
	int mnt_flags;
	struct mnt_idmap *mnt_idmap;
};

extern struct vfsmount *mntget(struct vfsmount *mnt);
extern void mntput(struct vfsmount *mnt);
extern struct vfsmount *kern_mount(struct file_system_type *type);
extern void kern_unmount(struct vfsmount *mnt);

#endif
