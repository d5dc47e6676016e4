// SPDX-License-Identifier: GPL-2.0
/*
 * Mounts (fs/namespace.c, fs/proc_namespace.c). The host keeps the mount table — which vfsmount is
 * attached where — because it resolves paths (src/kernel/mounts.ts); vmlinux makes the vfsmounts:
 * lkm_mount() is do_new_mount() (the type, its context, its tree), lkm_umount() the busy check and
 * the release, lkm_mount_show() a /proc/mounts line. A mount counts its users: the mount table's
 * reference, and one per open file on it; umount of a mount with other users is EBUSY.
 */
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/fs_context.h>
#include <linux/mount.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/kernel.h>
#include "host.h"
#include "internal.h"

struct mount {
	struct vfsmount mnt;
	int count;
	const char *devname;
};

static inline struct mount *real_mount(struct vfsmount *mnt)
{
	return container_of(mnt, struct mount, mnt);
}

struct vfsmount *mntget(struct vfsmount *mnt)
{
	if (mnt)
		real_mount(mnt)->count++;
	return mnt;
}
EXPORT_SYMBOL(mntget);

static void cleanup_mnt(struct mount *m)
{
	dput(m->mnt.mnt_root);
	deactivate_super(m->mnt.mnt_sb);
	kfree(m->devname);
	kfree(m);
}

void mntput(struct vfsmount *mnt)
{
	struct mount *m;

	if (!mnt)
		return;
	m = real_mount(mnt);
	if (WARN_ON(m->count <= 0))
		return;
	if (--m->count == 0)
		cleanup_mnt(m);
}
EXPORT_SYMBOL(mntput);

void path_get(const struct path *path)
{
	mntget(path->mnt);
	dget(path->dentry);
}
EXPORT_SYMBOL(path_get);

void path_put(const struct path *path)
{
	dput(path->dentry);
	mntput(path->mnt);
}
EXPORT_SYMBOL(path_put);

/* vfs_create_mount(): a mount of the context's tree, holding its root and an active superblock reference. */
static struct vfsmount *create_mount(struct fs_context *fc)
{
	struct mount *m;

	if (!fc->root)
		return ERR_PTR(-EINVAL);
	m = kzalloc(sizeof(*m), GFP_KERNEL);
	if (!m)
		return ERR_PTR(-ENOMEM);
	m->devname = kstrdup(fc->source ?: "none", GFP_KERNEL);
	if (!m->devname) {
		kfree(m);
		return ERR_PTR(-ENOMEM);
	}
	m->count = 1;
	atomic_inc(&fc->root->d_sb->s_active);
	m->mnt.mnt_sb = fc->root->d_sb;
	m->mnt.mnt_root = dget(fc->root);
	return &m->mnt;
}

/* The per-mount flags of mount(2)'s flags (path_mount()): atime handling defaults to relatime. */
static int mnt_flags_of(unsigned long flags)
{
	int mnt_flags = 0;

	if (!(flags & MS_NOATIME))
		mnt_flags |= MNT_RELATIME;
	if (flags & MS_NOSUID)
		mnt_flags |= MNT_NOSUID;
	if (flags & MS_NODEV)
		mnt_flags |= MNT_NODEV;
	if (flags & MS_NOEXEC)
		mnt_flags |= MNT_NOEXEC;
	if (flags & MS_NOATIME)
		mnt_flags |= MNT_NOATIME;
	if (flags & MS_NODIRATIME)
		mnt_flags |= MNT_NODIRATIME;
	if (flags & MS_STRICTATIME)
		mnt_flags &= ~(MNT_RELATIME | MNT_NOATIME);
	if (flags & MS_RDONLY)
		mnt_flags |= MNT_READONLY;
	if (flags & MS_NOSYMFOLLOW)
		mnt_flags |= MNT_NOSYMFOLLOW;
	return mnt_flags;
}

/*
 * mount(2) of a new file system (path_mount() + do_new_mount()), up to the vfsmount: the host attaches
 * it (or, when the mount point turns out unusable, gives it back with lkm_umount()). Remount, bind,
 * move and propagation changes are not supported: EINVAL.
 */
struct vfsmount *__lkm_entry lkm_mount(const char *fstype, const char *name, unsigned long flags, char *data)
{
	struct file_system_type *type;
	struct fs_context *fc;
	struct vfsmount *mnt = NULL;
	unsigned int sb_flags;
	int err;

	if ((flags & MS_MGC_MSK) == MS_MGC_VAL)
		flags &= ~MS_MGC_MSK;
	if (flags & (MS_REMOUNT | MS_BIND | MS_MOVE | MS_SHARED | MS_PRIVATE | MS_SLAVE | MS_UNBINDABLE))
		return ERR_PTR(-EINVAL);
	sb_flags = flags & (SB_RDONLY | SB_SYNCHRONOUS | SB_MANDLOCK | SB_DIRSYNC | SB_SILENT |
			    SB_POSIXACL | SB_LAZYTIME | SB_I_VERSION);
	if (!fstype || !*fstype)
		return ERR_PTR(-EINVAL);

	type = get_fs_type(fstype);
	if (!type)
		return ERR_PTR(-ENODEV);
	fc = fs_context_for_mount(type, sb_flags);
	put_filesystem(type);
	if (IS_ERR(fc))
		return ERR_CAST(fc);
	fc->oldapi = true;
	err = 0;
	if (type->fs_flags & FS_HAS_SUBTYPE) {
		const char *dot = strchr(fstype, '.');

		if (dot && !dot[1])
			err = -EINVAL;
		else if (dot)
			err = vfs_parse_fs_string(fc, "subtype", dot + 1, strlen(dot + 1));
	}
	if (!err && name)
		err = vfs_parse_fs_string(fc, "source", name, strlen(name));
	if (!err)
		err = (fc->ops->parse_monolithic ?: generic_parse_monolithic)(fc, data);
	if (!err)
		err = vfs_get_tree(fc);
	if (!err) {
		mnt = create_mount(fc);
		if (IS_ERR(mnt))
			err = PTR_ERR(mnt);
		else
			mnt->mnt_flags = mnt_flags_of(flags);
	}
	put_fs_context(fc);
	return err ? ERR_PTR(err) : mnt;
}

/*
 * umount2(2) of an attached mount: EBUSY while anything but the mount table uses it (open files),
 * unless MNT_DETACH, which lets go at once and leaves the rest to the last user.
 */
int __lkm_entry lkm_umount(struct vfsmount *mnt, int flags)
{
	struct mount *m = real_mount(mnt);
	struct super_block *sb = mnt->mnt_sb;

	if ((flags & MNT_FORCE) && sb->s_op->umount_begin)
		sb->s_op->umount_begin(sb);
	if (m->count > 1 && !(flags & MNT_DETACH))
		return -EBUSY;
	mntput(mnt);
	return 0;
}

void __lkm_entry lkm_mntget(struct vfsmount *mnt)
{
	mntget(mnt);
}

void __lkm_entry lkm_mntput(struct vfsmount *mnt)
{
	mntput(mnt);
}

static void show_type(struct seq_file *m, struct super_block *sb)
{
	seq_escape(m, sb->s_type->name, " \t\n\\");
	if (sb->s_subtype) {
		seq_putc(m, '.');
		seq_escape(m, sb->s_subtype, " \t\n\\");
	}
}

/*
 * A /proc/mounts line (show_vfsmnt()): device, mount point, type, options, "0 0". @mountpoint is the
 * path the host attached the mount at. Returns the length, or -ENOSPC when @size was too small.
 */
int __lkm_entry lkm_mount_show(struct vfsmount *mnt, const char *mountpoint, char *buf, int size)
{
	static const struct { int flag; const char *str; } sb_opts[] = {
		{ SB_SYNCHRONOUS, ",sync" }, { SB_DIRSYNC, ",dirsync" }, { SB_MANDLOCK, ",mand" },
		{ SB_LAZYTIME, ",lazytime" },
	};
	static const struct { int flag; const char *str; } mnt_opts[] = {
		{ MNT_NOSUID, ",nosuid" }, { MNT_NODEV, ",nodev" }, { MNT_NOEXEC, ",noexec" },
		{ MNT_NOATIME, ",noatime" }, { MNT_NODIRATIME, ",nodiratime" }, { MNT_RELATIME, ",relatime" },
		{ MNT_NOSYMFOLLOW, ",nosymfollow" },
	};
	struct seq_file m = { .buf = buf, .size = size };
	struct super_block *sb = mnt->mnt_sb;
	unsigned int i;

	if (sb->s_op->show_devname)
		sb->s_op->show_devname(&m, mnt->mnt_root);
	else
		seq_escape(&m, real_mount(mnt)->devname, " \t\n\\");
	seq_putc(&m, ' ');
	seq_escape(&m, mountpoint, " \t\n\\");
	seq_putc(&m, ' ');
	show_type(&m, sb);
	seq_puts(&m, (mnt->mnt_flags & MNT_READONLY) || sb_rdonly(sb) ? " ro" : " rw");
	for (i = 0; i < ARRAY_SIZE(sb_opts); i++)
		if (sb->s_flags & sb_opts[i].flag)
			seq_puts(&m, sb_opts[i].str);
	for (i = 0; i < ARRAY_SIZE(mnt_opts); i++)
		if (mnt->mnt_flags & mnt_opts[i].flag)
			seq_puts(&m, mnt_opts[i].str);
	if (sb->s_op->show_options)
		sb->s_op->show_options(&m, mnt->mnt_root);
	seq_puts(&m, " 0 0\n");
	return seq_has_overflowed(&m) ? -ENOSPC : (int)m.count;
}

/* An internal mount nobody attached (kern_mount()): for file systems a driver uses itself. */
struct vfsmount *kern_mount(struct file_system_type *type)
{
	struct fs_context *fc;
	struct vfsmount *mnt;
	int err;

	fc = fs_context_for_mount(type, SB_KERNMOUNT);
	if (IS_ERR(fc))
		return ERR_CAST(fc);
	err = vfs_get_tree(fc);
	mnt = err ? ERR_PTR(err) : create_mount(fc);
	put_fs_context(fc);
	return mnt;
}
EXPORT_SYMBOL(kern_mount);

void kern_unmount(struct vfsmount *mnt)
{
	if (!IS_ERR_OR_NULL(mnt))
		mntput(mnt);
}
EXPORT_SYMBOL(kern_unmount);
