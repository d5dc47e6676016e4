// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel's own file systems as types: sysfs, proc, devtmpfs and debugfs, registered at boot in
 * Linux's order (so /proc/filesystems starts as Linux's does) and mounted by the host at /sys, /proc,
 * /dev and /sys/kernel/debug. Their trees are the host's views (src/kernel/files.ts, kernfs.ts); the
 * superblocks here are what mounts count and what umount releases. Mounting one elsewhere shows the
 * same view there.
 */
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/fs_context.h>
#include <linux/seq_file.h>
#include <linux/kernel.h>
#include "host.h"

#define SYSFS_MAGIC		0x62656572
#define PROC_SUPER_MAGIC	0x9fa0
#define TMPFS_MAGIC		0x01021994
#define DEBUGFS_MAGIC		0x64626720

static int view_fill_super(struct super_block *sb, unsigned long magic)
{
	static const struct tree_descr none[] = { { "" } };

	return simple_fill_super(sb, magic, none);
}

static int sysfs_fill(struct super_block *sb, struct fs_context *fc) { return view_fill_super(sb, SYSFS_MAGIC); }
static int proc_fill(struct super_block *sb, struct fs_context *fc) { return view_fill_super(sb, PROC_SUPER_MAGIC); }
static int debugfs_fill(struct super_block *sb, struct fs_context *fc) { return view_fill_super(sb, DEBUGFS_MAGIC); }

static int devtmpfs_show_options(struct seq_file *m, struct dentry *root)
{
	seq_puts(m, ",mode=755");
	return 0;
}

static const struct super_operations devtmpfs_ops = {
	.statfs		= simple_statfs,
	.show_options	= devtmpfs_show_options,
};

static int devtmpfs_fill(struct super_block *sb, struct fs_context *fc)
{
	int err = view_fill_super(sb, TMPFS_MAGIC);

	sb->s_op = &devtmpfs_ops;
	return err;
}

/* One tree for all mounts (the views are global), except proc, which Linux makes per mount. */
static int sysfs_get_tree(struct fs_context *fc) { return get_tree_single(fc, sysfs_fill); }
static int proc_get_tree(struct fs_context *fc) { return get_tree_nodev(fc, proc_fill); }
static int devtmpfs_get_tree(struct fs_context *fc) { return get_tree_single(fc, devtmpfs_fill); }
static int debugfs_get_tree(struct fs_context *fc) { return get_tree_single(fc, debugfs_fill); }

static const struct fs_context_operations sysfs_ctx = { .get_tree = sysfs_get_tree };
static const struct fs_context_operations proc_ctx = { .get_tree = proc_get_tree };
static const struct fs_context_operations devtmpfs_ctx = { .get_tree = devtmpfs_get_tree };
static const struct fs_context_operations debugfs_ctx = { .get_tree = debugfs_get_tree };

static int sysfs_init(struct fs_context *fc) { fc->ops = &sysfs_ctx; return 0; }
static int proc_init(struct fs_context *fc) { fc->ops = &proc_ctx; return 0; }
static int devtmpfs_init(struct fs_context *fc) { fc->ops = &devtmpfs_ctx; return 0; }
static int debugfs_init(struct fs_context *fc) { fc->ops = &debugfs_ctx; return 0; }

static struct file_system_type view_types[] = {
	{ .name = "sysfs", .init_fs_context = sysfs_init, .kill_sb = kill_litter_super },
	{ .name = "proc", .init_fs_context = proc_init, .kill_sb = kill_litter_super },
	{ .name = "devtmpfs", .init_fs_context = devtmpfs_init, .kill_sb = kill_litter_super },
	{ .name = "debugfs", .init_fs_context = debugfs_init, .kill_sb = kill_litter_super },
};

int __lkm_entry lkm_init_filesystems(void)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(view_types); i++)
		register_filesystem(&view_types[i]);
	return 0;
}
