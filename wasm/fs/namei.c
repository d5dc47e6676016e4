// SPDX-License-Identifier: GPL-2.0
/*
 * Paths inside a mount (fs/namei.c, fs/stat.c, fs/readdir.c): the host resolves a path to the mount it
 * lies in and hands the rest ("a/b", already normalised: no ".", "..", or empty components) to these
 * entry points, which walk the mount's dentries from its root. A name the dcache does not hold is asked
 * of the directory's ->lookup (simple_lookup(): it does not exist).
 */
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/mount.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/kernel.h>
#include <linux/limits.h>
#include "host.h"
#include "internal.h"

static struct dentry *lookup_one(struct dentry *dir, const char *name, unsigned int len)
{
	struct inode *inode = d_inode(dir);
	struct dentry *d, *res;
	struct qstr q;

	if (len > NAME_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	d = lkm_d_lookup(dir, name, len);
	if (d)
		return d;
	if (!inode->i_op->lookup)
		return ERR_PTR(-ENOENT);
	q.name = (const unsigned char *)name;
	q.len = len;
	q.hash = full_name_hash(dir, name, len);
	d = d_alloc(dir, &q);
	if (!d)
		return ERR_PTR(-ENOMEM);
	res = inode->i_op->lookup(inode, d, 0);
	if (IS_ERR(res)) {
		dput(d);
		return res;
	}
	if (res) {
		dput(d);
		d = res;
	}
	if (d_really_is_negative(d) || d_unhashed(d)) {
		dput(d);
		return ERR_PTR(-ENOENT);
	}
	return d;
}

/* The dentry at @path below @mnt's root, with a reference. */
static struct dentry *walk(struct vfsmount *mnt, const char *path)
{
	struct dentry *d = dget(mnt->mnt_root), *next;
	const char *p = path;

	while (*p) {
		const char *end = strchrnul(p, '/');

		if (!d_is_dir(d)) {
			dput(d);
			return ERR_PTR(-ENOTDIR);
		}
		next = lookup_one(d, p, end - p);
		dput(d);
		if (IS_ERR(next))
			return next;
		d = next;
		p = *end ? end + 1 : end;
	}
	return d;
}

/* What stat(2) needs, in a layout the host reads (src/kernel/mounts.ts). */
struct lkm_stat {
	u32 mode;
	u32 nlink;
	u32 ino;
	u32 dev;
	s64 size;
	s64 mtime_sec;
	s64 mtime_nsec;
};

int __lkm_entry lkm_path_stat(struct vfsmount *mnt, const char *path, struct lkm_stat *st)
{
	struct dentry *d = walk(mnt, path);
	struct inode *inode;

	if (IS_ERR(d))
		return PTR_ERR(d);
	inode = d_inode(d);
	st->mode = inode->i_mode;
	st->nlink = inode->i_nlink;
	st->ino = inode->i_ino;
	st->dev = inode->i_sb->s_dev;
	st->size = inode->i_size;
	st->mtime_sec = inode->__i_mtime.tv_sec;
	st->mtime_nsec = inode->__i_mtime.tv_nsec;
	dput(d);
	return 0;
}

struct names {
	struct dir_context ctx;
	char *buf;
	int size;
	int len;
};

/* Collects "name\0" per entry (not "." and ".."), counting what would not fit too. */
static bool fill_names(struct dir_context *ctx, const char *name, int namlen, loff_t offset, u64 ino,
		       unsigned int d_type)
{
	struct names *n = container_of(ctx, struct names, ctx);

	if ((namlen == 1 && name[0] == '.') || (namlen == 2 && name[0] == '.' && name[1] == '.'))
		return true;
	if (n->len + namlen + 1 <= n->size) {
		memcpy(n->buf + n->len, name, namlen);
		n->buf[n->len + namlen] = 0;
	}
	n->len += namlen + 1;
	return true;
}

/*
 * getdents(2) of a directory: opens it, runs its ->iterate_shared once over everything, closes it.
 * Returns the bytes the names take (more than @size: call again with a bigger buffer) or -errno.
 */
int __lkm_entry lkm_path_readdir(struct vfsmount *mnt, const char *path, char *buf, int size)
{
	struct dentry *d = walk(mnt, path);
	struct names n = { .ctx.actor = fill_names, .buf = buf, .size = size };
	struct path p;
	struct file *file;
	int ret;

	if (IS_ERR(d))
		return PTR_ERR(d);
	if (!d_is_dir(d)) {
		dput(d);
		return -ENOTDIR;
	}
	p.mnt = mntget(mnt);
	p.dentry = d;
	file = lkm_open_path(&p, O_RDONLY | O_DIRECTORY);
	if (IS_ERR(file))
		return PTR_ERR(file);
	ret = file->f_op->iterate_shared ? file->f_op->iterate_shared(file, &n.ctx) : -ENOTDIR;
	lkm_file_release(file);
	return ret < 0 ? ret : n.len;
}

/*
 * open(2) of a file in a mount. Directories are EISDIR (a KernelFile has no getdents: the host lists
 * directories with lkm_path_readdir()); writing to a regular file of a read-only mount is EROFS.
 */
struct file *__lkm_entry lkm_path_open(struct vfsmount *mnt, const char *path, unsigned int flags)
{
	struct dentry *d = walk(mnt, path);
	struct inode *inode;
	struct path p;

	if (IS_ERR(d))
		return ERR_CAST(d);
	inode = d_inode(d);
	if (S_ISDIR(inode->i_mode)) {
		dput(d);
		return ERR_PTR(-EISDIR);
	}
	if ((flags & O_ACCMODE) != O_RDONLY && S_ISREG(inode->i_mode) &&
	    (sb_rdonly(inode->i_sb) || (mnt->mnt_flags & MNT_READONLY))) {
		dput(d);
		return ERR_PTR(-EROFS);
	}
	p.mnt = mntget(mnt);
	p.dentry = d;
	return lkm_open_path(&p, flags);
}
