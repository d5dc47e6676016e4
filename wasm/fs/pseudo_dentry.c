// SPDX-License-Identifier: GPL-2.0
/*
 * The f_path.dentry of a file that is not on a mounted file system here: device nodes (devtmpfs on
 * Linux), /proc, /sys and /sys/kernel/debug entries. Linux opens these through its dcache, so drivers
 * read file->f_path.dentry->d_name, ->d_parent and ->d_inode; here each open builds that chain, from
 * the file up to its file system's root ("/", its own parent), and release frees it.
 */
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include "internal.h"

/* A dentry of the chain: its name, its parent (itself for the root), its inode. */
static struct dentry *pseudo_alloc(struct dentry *parent, const char *name, size_t len, struct inode *inode)
{
	struct dentry *d = kzalloc(sizeof(*d), GFP_KERNEL);
	unsigned char *dname = d ? d->d_iname : NULL;

	if (!d)
		return NULL;
	if (len >= DNAME_INLINE_LEN && !(dname = kmalloc(len + 1, GFP_KERNEL))) {
		kfree(d);
		return NULL;
	}
	memcpy(dname, name, len);
	dname[len] = 0;
	d->lkm_magic = DENTRY_MAGIC;
	d->d_name.name = dname;
	d->d_name.len = len;
	d->d_name.hash = full_name_hash(parent, name, len);
	d->d_parent = parent ?: d;
	d->d_inode = inode;
	d->d_lockref.count = 1;
	d->d_flags = DCACHE_HASHED;
	INIT_HLIST_NODE(&d->d_sib);
	INIT_HLIST_HEAD(&d->d_children);
	if (parent)
		hlist_add_head(&d->d_sib, &parent->d_children);
	return d;
}

/* A directory's inode in the chain: what stat would show of it. */
static struct inode *pseudo_dir_inode(umode_t mode)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);

	if (inode) {
		inode->i_mode = S_IFDIR | (mode & 07777);
		inode->__i_nlink = 2;
		atomic_set(&inode->i_count, 1);
	}
	return inode;
}

/* Frees the chain from @d up, with every inode but @keep (the file's, which stays the caller's). */
static void pseudo_free(struct dentry *d, struct inode *keep)
{
	while (d) {
		struct dentry *parent = IS_ROOT(d) ? NULL : d->d_parent;

		if (d->d_inode != keep)
			kfree(d->d_inode);
		if (d->d_name.name != d->d_iname)
			kfree(d->d_name.name);
		kfree(d);
		d = parent;
	}
}

void lkm_pseudo_dentry_free(struct dentry *leaf)
{
	pseudo_free(leaf, leaf->d_inode);
}

/*
 * The chain for @path (inside its file system: "driver/rtc", "/kernel/debug_x") whose last name is
 * @inode's; directories get inodes of @dir_mode. NULL when memory runs out.
 */
struct dentry *lkm_pseudo_dentry(const char *path, struct inode *inode, umode_t dir_mode)
{
	struct dentry *d = pseudo_alloc(NULL, "/", 1, pseudo_dir_inode(dir_mode));

	if (!d || !d->d_inode)
		goto fail;
	while (*path) {
		const char *end = strchrnul(path, '/');
		struct dentry *child;
		bool last = !*end;

		if (end == path) {
			path++;
			continue;
		}
		child = pseudo_alloc(d, path, end - path, last ? inode : pseudo_dir_inode(dir_mode));
		if (!child)
			goto fail;
		d = child;
		if (!d->d_inode)
			goto fail;
		path = last ? end : end + 1;
	}
	return d;
fail:
	pseudo_free(d, inode);
	return NULL;
}
