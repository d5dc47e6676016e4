// SPDX-License-Identifier: GPL-2.0
/*
 * tinyfs: a small pseudo file system in the classic libfs style (after LWN's "Creating Linux virtual
 * filesystems"). Every mount gets its own tree:
 *
 *   counter      reads "N\n" and counts up by one per read from the start; writing a number sets it
 *   message      up to 256 bytes of text; a write from the start replaces it
 *   sub/hits     another counter, reached through the inode's i_private
 *
 *   # mount -t tinyfs none /mnt/tiny      (modprobe finds this module through its alias fs-tinyfs)
 *   # cat /mnt/tiny/counter /mnt/tiny/counter
 *   0
 *   1
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/fs.h>
#include <linux/fs_context.h>
#include <linux/atomic.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/uaccess.h>

#define TINYFS_MAGIC	0x54494e59	/* "TINY" */
#define MESSAGE_SIZE	256

/* One per mount: sb->s_fs_info. */
struct tinyfs_info {
	atomic_t counter;
	atomic_t hits;
	struct mutex lock;	/* message */
	char message[MESSAGE_SIZE];
	size_t length;
};

static struct tinyfs_info *info_of(struct file *file)
{
	return file_inode(file)->i_sb->s_fs_info;
}

/*
 * A counter file: a read from offset 0 takes the next value; a read further on (cat's second read)
 * shows the value that read took, so each cat sees one number.
 */
static ssize_t counter_read(atomic_t *counter, char __user *buf, size_t count, loff_t *ppos)
{
	char tmp[16];
	int v, len;

	if (*ppos > 0)
		v = atomic_read(counter) - 1;
	else
		v = atomic_inc_return(counter) - 1;
	len = snprintf(tmp, sizeof(tmp), "%d\n", v);
	return simple_read_from_buffer(buf, count, ppos, tmp, len);
}

static ssize_t counter_write(atomic_t *counter, const char __user *buf, size_t count, loff_t *ppos)
{
	int v, ret;

	if (*ppos != 0)
		return -EINVAL;
	ret = kstrtoint_from_user(buf, count, 0, &v);
	if (ret)
		return ret;
	atomic_set(counter, v);
	*ppos = count;
	return count;
}

static ssize_t tinyfs_counter_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	return counter_read(&info_of(file)->counter, buf, count, ppos);
}

static ssize_t tinyfs_counter_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	return counter_write(&info_of(file)->counter, buf, count, ppos);
}

static const struct file_operations counter_fops = {
	.owner	= THIS_MODULE,
	.read	= tinyfs_counter_read,
	.write	= tinyfs_counter_write,
	.llseek	= default_llseek,
};

static ssize_t message_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct tinyfs_info *info = info_of(file);
	ssize_t ret;

	mutex_lock(&info->lock);
	ret = simple_read_from_buffer(buf, count, ppos, info->message, info->length);
	mutex_unlock(&info->lock);
	return ret;
}

static ssize_t message_write(struct file *file, const char __user *buf, size_t count, loff_t *ppos)
{
	struct tinyfs_info *info = info_of(file);
	ssize_t ret;

	if (*ppos >= MESSAGE_SIZE)
		return -ENOSPC;
	mutex_lock(&info->lock);
	if (*ppos == 0)
		info->length = 0;
	ret = simple_write_to_buffer(info->message, MESSAGE_SIZE, ppos, buf, count);
	if (ret > 0 && *ppos > info->length)
		info->length = *ppos;
	mutex_unlock(&info->lock);
	return ret;
}

static const struct file_operations message_fops = {
	.owner	= THIS_MODULE,
	.read	= message_read,
	.write	= message_write,
	.llseek	= default_llseek,
};

/* sub/hits: its counter comes from the inode (i_private), copied to the file by simple_open(). */
static ssize_t hits_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	return counter_read(file->private_data, buf, count, ppos);
}

static const struct file_operations hits_fops = {
	.owner	= THIS_MODULE,
	.open	= simple_open,
	.read	= hits_read,
	.llseek	= default_llseek,
};

static struct inode *tinyfs_make_inode(struct super_block *sb, umode_t mode)
{
	struct inode *inode = new_inode(sb);

	if (inode) {
		inode->i_ino = get_next_ino();
		inode->i_mode = mode;
		simple_inode_init_ts(inode);
	}
	return inode;
}

static struct dentry *tinyfs_create_file(struct super_block *sb, struct dentry *dir, const char *name,
					 const struct file_operations *fops, void *data)
{
	struct dentry *dentry = d_alloc_name(dir, name);
	struct inode *inode;

	if (!dentry)
		return NULL;
	inode = tinyfs_make_inode(sb, S_IFREG | 0444);
	if (!inode) {
		dput(dentry);
		return NULL;
	}
	inode->i_fop = fops;
	inode->i_private = data;
	d_add(dentry, inode);
	return dentry;
}

static struct dentry *tinyfs_create_dir(struct super_block *sb, struct dentry *parent, const char *name)
{
	struct dentry *dentry = d_alloc_name(parent, name);
	struct inode *inode;

	if (!dentry)
		return NULL;
	inode = tinyfs_make_inode(sb, S_IFDIR | 0755);
	if (!inode) {
		dput(dentry);
		return NULL;
	}
	inode->i_op = &simple_dir_inode_operations;
	inode->i_fop = &simple_dir_operations;
	set_nlink(inode, 2);
	inc_nlink(d_inode(parent));
	d_add(dentry, inode);
	return dentry;
}

static const struct super_operations tinyfs_super_ops = {
	.statfs		= simple_statfs,
	.drop_inode	= generic_delete_inode,
};

/* Inode numbers 2 and 3 (1 is the root's): counter and message, made by simple_fill_super(). */
static const struct tree_descr tinyfs_files[] = {
	[2] = { "counter", &counter_fops, 0644 },
	[3] = { "message", &message_fops, 0644 },
	{ "" }
};

static int tinyfs_fill_super(struct super_block *sb, struct fs_context *fc)
{
	struct tinyfs_info *info;
	struct dentry *sub;
	int err;

	info = kzalloc(sizeof(*info), GFP_KERNEL);
	if (!info)
		return -ENOMEM;
	mutex_init(&info->lock);
	sb->s_fs_info = info;
	err = simple_fill_super(sb, TINYFS_MAGIC, tinyfs_files);
	if (err)
		return err;
	sb->s_op = &tinyfs_super_ops;
	sub = tinyfs_create_dir(sb, sb->s_root, "sub");
	if (!sub || !tinyfs_create_file(sb, sub, "hits", &hits_fops, &info->hits))
		return -ENOMEM;
	return 0;
}

static int tinyfs_get_tree(struct fs_context *fc)
{
	return get_tree_nodev(fc, tinyfs_fill_super);
}

static const struct fs_context_operations tinyfs_context_ops = {
	.get_tree	= tinyfs_get_tree,
};

static int tinyfs_init_fs_context(struct fs_context *fc)
{
	fc->ops = &tinyfs_context_ops;
	return 0;
}

/* The tree goes with kill_litter_super() (its dentries are pinned); the per-mount state after it. */
static void tinyfs_kill_sb(struct super_block *sb)
{
	struct tinyfs_info *info = sb->s_fs_info;

	kill_litter_super(sb);
	kfree(info);
}

static struct file_system_type tinyfs_type = {
	.owner			= THIS_MODULE,
	.name			= "tinyfs",
	.init_fs_context	= tinyfs_init_fs_context,
	.kill_sb		= tinyfs_kill_sb,
};
MODULE_ALIAS_FS("tinyfs");

static int __init tinyfs_init(void)
{
	return register_filesystem(&tinyfs_type);
}

static void __exit tinyfs_exit(void)
{
	unregister_filesystem(&tinyfs_type);
}

module_init(tinyfs_init);
module_exit(tinyfs_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("A tiny pseudo file system: a counter, a message and a subdirectory");
