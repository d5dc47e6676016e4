/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internals shared by vmlinux's file system code (filesystems.c, super.c, inode.c, dcache.c,
 * fs_context.c, libfs.c, namespace.c, namei.c, file.c): Linux keeps these in fs/internal.h.
 */
#ifndef _LKM_KERNEL_VFS_H
#define _LKM_KERNEL_VFS_H

#include <linux/fs.h>
#include <linux/mount.h>

/* inode.c: evicts inodes a ->drop_inode kept although unused (at shutdown). */
void lkm_evict_unused_inodes(struct super_block *sb);

/* dcache.c: frees the superblock's unused dentries, reports the rest (a file system bug), drops the root. */
void shrink_dcache_for_umount(struct super_block *sb);
/* The positive child of @dir called @name (with a reference), or NULL. */
struct dentry *lkm_d_lookup(struct dentry *dir, const char *name, unsigned int len);

/* file.c: open(2) of a dentry on a mount; @path's references go to the file (or are dropped). */
struct file *lkm_open_path(const struct path *path, unsigned int flags);
int lkm_file_release(struct file *file);

/*
 * pseudo_dentry.c: the dentry chain of a file that is not on a mount (device node, /proc, /sys, debugfs)
 * up to a root "/"; @path is inside its file system, the last name is @inode's.
 */
struct dentry *lkm_pseudo_dentry(const char *path, struct inode *inode, umode_t dir_mode);
void lkm_pseudo_dentry_free(struct dentry *leaf);

struct kiocb;
struct iov_iter;
/* read(2)/write(2) through a read_iter/write_iter method (fs/file.c). */
ssize_t lkm_sync_rw_iter(struct file *file, char __user *buf, size_t len, loff_t *ppos, unsigned int dir,
			 ssize_t (*method)(struct kiocb *, struct iov_iter *));

#endif
