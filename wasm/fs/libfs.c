// SPDX-License-Identifier: GPL-2.0
/*
 * libfs (fs/libfs.c): what small pseudo file systems are built from. simple_fill_super() makes a root
 * directory and the files of a tree_descr array; directories use the dcache as their contents
 * (simple_dir_operations, simple_dir_inode_operations); simple_statfs() answers statfs(2).
 */
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/statfs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/kernel.h>
#include <linux/limits.h>
#include "host.h"
#include "internal.h"

int simple_statfs(struct dentry *dentry, struct kstatfs *buf)
{
	buf->f_type = dentry->d_sb->s_magic;
	buf->f_bsize = PAGE_SIZE;
	buf->f_namelen = NAME_MAX;
	return 0;
}
EXPORT_SYMBOL(simple_statfs);

const struct super_operations simple_super_operations = {
	.statfs		= simple_statfs,
};
EXPORT_SYMBOL(simple_super_operations);

/* A name that is not in the tree does not exist: a negative entry, deleted when unused. */
struct dentry *simple_lookup(struct inode *dir, struct dentry *dentry, unsigned int flags)
{
	if (dentry->d_name.len > NAME_MAX)
		return ERR_PTR(-ENAMETOOLONG);
	if (!dentry->d_sb->s_d_op)
		d_set_d_op(dentry, &simple_dentry_operations);
	d_add(dentry, NULL);
	return NULL;
}
EXPORT_SYMBOL(simple_lookup);

int dcache_dir_open(struct inode *inode, struct file *file)
{
	return 0;
}
EXPORT_SYMBOL(dcache_dir_open);

int dcache_dir_close(struct inode *inode, struct file *file)
{
	return 0;
}
EXPORT_SYMBOL(dcache_dir_close);

/* Positions of a directory are entry numbers: 0 ".", 1 "..", then the children. */
loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence)
{
	switch (whence) {
	case SEEK_CUR:
		offset += file->f_pos;
		fallthrough;
	case SEEK_SET:
		if (offset >= 0)
			break;
		fallthrough;
	default:
		return -EINVAL;
	}
	file->f_pos = offset;
	return offset;
}
EXPORT_SYMBOL(dcache_dir_lseek);

bool dir_emit_dots(struct file *file, struct dir_context *ctx)
{
	struct dentry *dentry = file_dentry(file);

	if (ctx->pos == 0) {
		if (!dir_emit_dot(file, ctx))
			return false;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!ctx->actor(ctx, "..", 2, ctx->pos, d_inode(dentry->d_parent)->i_ino, DT_DIR))
			return false;
		ctx->pos = 2;
	}
	return true;
}
EXPORT_SYMBOL(dir_emit_dots);

/* The directory's positive children, in the dcache's order, from ctx->pos on. */
int dcache_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dentry = file_dentry(file), *d;
	loff_t n = 2;

	if (!dir_emit_dots(file, ctx))
		return 0;
	hlist_for_each_entry(d, &dentry->d_children, d_sib) {
		if (!simple_positive(d))
			continue;
		if (n++ < ctx->pos)
			continue;
		if (!dir_emit(ctx, (const char *)d->d_name.name, d->d_name.len, d_inode(d)->i_ino,
			      fs_umode_to_dtype(d_inode(d)->i_mode)))
			break;
		ctx->pos = n;
	}
	return 0;
}
EXPORT_SYMBOL(dcache_readdir);

ssize_t generic_read_dir(struct file *filp, char __user *buf, size_t siz, loff_t *ppos)
{
	return -EISDIR;
}
EXPORT_SYMBOL(generic_read_dir);

int noop_fsync(struct file *file, loff_t start, loff_t end, int datasync)
{
	return 0;
}
EXPORT_SYMBOL(noop_fsync);

const struct file_operations simple_dir_operations = {
	.open		= dcache_dir_open,
	.release	= dcache_dir_close,
	.llseek		= dcache_dir_lseek,
	.read		= generic_read_dir,
	.iterate_shared	= dcache_readdir,
	.fsync		= noop_fsync,
};
EXPORT_SYMBOL(simple_dir_operations);

const struct inode_operations simple_dir_inode_operations = {
	.lookup		= simple_lookup,
};
EXPORT_SYMBOL(simple_dir_inode_operations);

/*
 * A root directory (inode 1) holding one file per entry of @files, entry i getting inode number i
 * (so index 1 must stay unused: the root has it); the array ends with an entry whose name is "".
 */
int simple_fill_super(struct super_block *s, unsigned long magic, const struct tree_descr *files)
{
	struct inode *inode;
	struct dentry *dentry;
	int i;

	s->s_blocksize = PAGE_SIZE;
	s->s_blocksize_bits = PAGE_SHIFT;
	s->s_magic = magic;
	s->s_op = &simple_super_operations;
	s->s_time_gran = 1;

	inode = new_inode(s);
	if (!inode)
		return -ENOMEM;
	inode->i_ino = 1;
	inode->i_mode = S_IFDIR | 0755;
	simple_inode_init_ts(inode);
	inode->i_op = &simple_dir_inode_operations;
	inode->i_fop = &simple_dir_operations;
	set_nlink(inode, 2);
	s->s_root = d_make_root(inode);
	if (!s->s_root)
		return -ENOMEM;

	for (i = 0; !files->name || files->name[0]; i++, files++) {
		if (!files->name)
			continue;
		/* Linux's text, missing space included. */
		if (unlikely(i == 1))
			printk(KERN_WARNING "%s: %s passed in a files arraywith an index of 1!\n",
			       __func__, s->s_type->name);
		dentry = d_alloc_name(s->s_root, files->name);
		if (!dentry)
			return -ENOMEM;
		inode = new_inode(s);
		if (!inode) {
			dput(dentry);
			return -ENOMEM;
		}
		inode->i_mode = S_IFREG | files->mode;
		simple_inode_init_ts(inode);
		inode->i_fop = files->ops;
		inode->i_ino = i;
		d_add(dentry, inode);
	}
	return 0;
}
EXPORT_SYMBOL(simple_fill_super);
