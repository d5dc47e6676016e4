// SPDX-License-Identifier: GPL-2.0
/*
 * Superblocks (fs/super.c): one per mounted instance of a file system. A superblock holds a reference
 * on its type's module from the moment it exists (sget) until it is freed, so a module whose file system
 * is mounted cannot be removed. s_active counts the mounts (and fs_contexts) using it; the last
 * deactivate_super() calls the type's ->kill_sb, which shuts the tree down.
 */
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/fs_context.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include "host.h"
#include "internal.h"

static LIST_HEAD(super_blocks);
static const struct super_operations default_op;

/* Anonymous device numbers 0:1 … 0:255 for superblocks without a device (get_anon_bdev()). */
#define ANON_MINORS 256
static unsigned long anon_used[ANON_MINORS / BITS_PER_LONG];

int get_anon_bdev(dev_t *p)
{
	int i;

	for (i = 1; i < ANON_MINORS; i++) {
		if (!test_bit(i, anon_used)) {
			set_bit(i, anon_used);
			*p = MKDEV(0, i);
			return 0;
		}
	}
	return -EMFILE;
}
EXPORT_SYMBOL(get_anon_bdev);

void free_anon_bdev(dev_t dev)
{
	if (MAJOR(dev) == 0 && MINOR(dev) < ANON_MINORS)
		clear_bit(MINOR(dev), anon_used);
}
EXPORT_SYMBOL(free_anon_bdev);

int set_anon_super(struct super_block *s, void *data)
{
	return get_anon_bdev(&s->s_dev);
}
EXPORT_SYMBOL(set_anon_super);

int set_anon_super_fc(struct super_block *sb, struct fs_context *fc)
{
	return set_anon_super(sb, NULL);
}
EXPORT_SYMBOL(set_anon_super_fc);

static struct super_block *alloc_super(struct file_system_type *type, int flags)
{
	struct super_block *s = kzalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return NULL;
	INIT_LIST_HEAD(&s->s_list);
	INIT_LIST_HEAD(&s->s_inodes);
	INIT_HLIST_NODE(&s->s_instances);
	s->s_flags = flags;
	s->s_count = 1;
	atomic_set(&s->s_active, 1);
	s->s_maxbytes = MAX_NON_LFS;
	s->s_op = &default_op;
	s->s_time_gran = 1000000000;
	s->s_type = type;
	strscpy(s->s_id, type->name, sizeof(s->s_id));
	return s;
}

/* A superblock joins the lists and takes its reference on the type's module. */
static void publish_super(struct super_block *s)
{
	list_add_tail(&s->s_list, &super_blocks);
	hlist_add_head(&s->s_instances, &s->s_type->fs_supers);
	get_filesystem(s->s_type);
}

static struct super_block *find_super(struct file_system_type *type, int (*test)(struct super_block *, void *),
				      int (*test_fc)(struct super_block *, struct fs_context *), void *data,
				      struct fs_context *fc)
{
	struct super_block *old;

	hlist_for_each_entry(old, &type->fs_supers, s_instances) {
		if (old->s_flags & SB_DYING)
			continue;
		if (test ? test(old, data) : test_fc(old, fc)) {
			atomic_inc(&old->s_active);
			return old;
		}
	}
	return NULL;
}

struct super_block *sget_fc(struct fs_context *fc, int (*test)(struct super_block *, struct fs_context *),
			    int (*set)(struct super_block *, struct fs_context *))
{
	struct super_block *s;
	int err;

	if (test && (s = find_super(fc->fs_type, NULL, test, NULL, fc)))
		return s;
	s = alloc_super(fc->fs_type, fc->sb_flags);
	if (!s)
		return ERR_PTR(-ENOMEM);
	s->s_fs_info = fc->s_fs_info;
	err = set(s, fc);
	if (err) {
		kfree(s);
		return ERR_PTR(err);
	}
	fc->s_fs_info = NULL;
	publish_super(s);
	return s;
}
EXPORT_SYMBOL(sget_fc);

struct super_block *sget(struct file_system_type *type, int (*test)(struct super_block *, void *),
			 int (*set)(struct super_block *, void *), int flags, void *data)
{
	struct super_block *s;
	int err;

	if (test && (s = find_super(type, test, NULL, data, NULL)))
		return s;
	s = alloc_super(type, flags);
	if (!s)
		return ERR_PTR(-ENOMEM);
	err = set(s, data);
	if (err) {
		kfree(s);
		return ERR_PTR(err);
	}
	publish_super(s);
	return s;
}
EXPORT_SYMBOL(sget);

/*
 * The end of a superblock's tree: the dentries (the root last), then the inodes they held, then the
 * file system's ->put_super. What is still in use is reported (a file system bug) and left.
 */
void generic_shutdown_super(struct super_block *sb)
{
	const struct super_operations *sop = sb->s_op;

	if (sb->s_root) {
		shrink_dcache_for_umount(sb);
		sb->s_flags &= ~SB_ACTIVE;
		lkm_evict_unused_inodes(sb);
		if (sop->put_super)
			sop->put_super(sb);
		WARN(!list_empty(&sb->s_inodes), "VFS: Busy inodes after unmount of %s (%s)\n",
		     sb->s_id, sb->s_type->name);
	}
	sb->s_flags |= SB_DYING;
	hlist_del_init(&sb->s_instances);
}
EXPORT_SYMBOL(generic_shutdown_super);

void kill_anon_super(struct super_block *sb)
{
	dev_t dev = sb->s_dev;

	generic_shutdown_super(sb);
	free_anon_bdev(dev);
}
EXPORT_SYMBOL(kill_anon_super);

/* For file systems whose entries are pinned dentries (simple_fill_super(), d_add() by hand). */
void kill_litter_super(struct super_block *sb)
{
	if (sb->s_root)
		d_genocide(sb->s_root);
	kill_anon_super(sb);
}
EXPORT_SYMBOL(kill_litter_super);

void deactivate_locked_super(struct super_block *s)
{
	struct file_system_type *fs = s->s_type;

	if (!atomic_dec_and_test(&s->s_active))
		return;
	fs->kill_sb(s);
	/* ->kill_sb normally unlinked it already (generic_shutdown_super()). */
	hlist_del_init(&s->s_instances);
	list_del(&s->s_list);
	kfree(s);
	put_filesystem(fs);
}
EXPORT_SYMBOL(deactivate_locked_super);

void deactivate_super(struct super_block *s)
{
	deactivate_locked_super(s);
}
EXPORT_SYMBOL(deactivate_super);

static int vfs_get_super(struct fs_context *fc, int (*test)(struct super_block *, struct fs_context *),
			 int (*fill_super)(struct super_block *sb, struct fs_context *fc))
{
	struct super_block *sb;
	int err;

	sb = sget_fc(fc, test, set_anon_super_fc);
	if (IS_ERR(sb))
		return PTR_ERR(sb);
	if (!sb->s_root) {
		err = fill_super(sb, fc);
		if (err) {
			deactivate_locked_super(sb);
			return err;
		}
		sb->s_flags |= SB_ACTIVE;
	}
	fc->root = dget(sb->s_root);
	return 0;
}

/* A new superblock for every mount (most pseudo file systems). */
int get_tree_nodev(struct fs_context *fc, int (*fill_super)(struct super_block *sb, struct fs_context *fc))
{
	return vfs_get_super(fc, NULL, fill_super);
}
EXPORT_SYMBOL(get_tree_nodev);

static int test_single_super(struct super_block *s, struct fs_context *fc)
{
	return 1;
}

/* One superblock for every mount of the type (debugfs, sysfs): later mounts share the first one's tree. */
int get_tree_single(struct fs_context *fc, int (*fill_super)(struct super_block *sb, struct fs_context *fc))
{
	return vfs_get_super(fc, test_single_super, fill_super);
}
EXPORT_SYMBOL(get_tree_single);

/* The legacy ->mount helpers fill a new superblock with fill_super(sb, data, silent); a failure takes it down. */
static struct dentry *fill_new_super(struct super_block *s, void *data, int flags,
				     int (*fill_super)(struct super_block *, void *, int))
{
	int error = fill_super(s, data, flags & SB_SILENT ? 1 : 0);

	if (error) {
		deactivate_locked_super(s);
		return ERR_PTR(error);
	}
	s->s_flags |= SB_ACTIVE;
	return dget(s->s_root);
}

struct dentry *mount_nodev(struct file_system_type *fs_type, int flags, void *data,
			   int (*fill_super)(struct super_block *, void *, int))
{
	struct super_block *s = sget(fs_type, NULL, set_anon_super, flags, NULL);

	if (IS_ERR(s))
		return ERR_CAST(s);
	return fill_new_super(s, data, flags, fill_super);
}
EXPORT_SYMBOL(mount_nodev);

static int compare_single(struct super_block *s, void *p)
{
	return 1;
}

struct dentry *mount_single(struct file_system_type *fs_type, int flags, void *data,
			    int (*fill_super)(struct super_block *, void *, int))
{
	struct super_block *s = sget(fs_type, compare_single, set_anon_super, flags, NULL);

	if (IS_ERR(s))
		return ERR_CAST(s);
	/* The one superblock is filled by its first mount only. */
	return s->s_root ? dget(s->s_root) : fill_new_super(s, data, flags, fill_super);
}
EXPORT_SYMBOL(mount_single);
