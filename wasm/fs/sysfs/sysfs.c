// SPDX-License-Identifier: GPL-2.0
/*
 * sysfs (fs/sysfs/, and the kernfs file operations it uses): kobject directories, attribute files and
 * groups. A read calls the attribute's show() once per open file (from offset 0) with a zeroed,
 * page-aligned PAGE_SIZE buffer, through seq_file as kernfs does; a write of at most PAGE_SIZE bytes
 * (NUL-terminated) calls store() and returns what store() returns. Opening for writing needs a write
 * permission bit and a store, for reading a read bit and a show: EACCES otherwise, even for root.
 * Files of a removed attribute fail with ENODEV.
 */
#include <linux/export.h>
#include <linux/kobject.h>
#include <linux/sysfs.h>
#include <linux/seq_file.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sprintf.h>
#include <linux/mm.h>
#include <linux/err.h>
#include <linux/bug.h>
#include <linux/printk.h>
#include "kernfs-internal.h"

#undef pr_fmt
#define pr_fmt(fmt) "sysfs: " fmt


#ifndef offset_in_page
#define offset_in_page(p) ((unsigned long)(p) & ~PAGE_MASK)
#endif

/* ---- directories -------------------------------------------------------------------------------- */

void sysfs_warn_dup(struct kernfs_node *parent, const char *name)
{
	char *buf;

	buf = kzalloc(KF_PATH_MAX, GFP_KERNEL);
	if (buf && parent->parent)
		kernfs_path(parent, buf, KF_PATH_MAX);

	pr_warn("cannot create duplicate filename '%s/%s'\n", buf ?: "", name);
	dump_stack();

	kfree(buf);
}

int sysfs_create_dir_ns(struct kobject *kobj, const void *ns)
{
	struct kernfs_node *parent, *kn;

	(void)ns;
	if (WARN_ON(!kobj))
		return -EINVAL;

	if (kobj->parent)
		parent = kobj->parent->sd;
	else
		parent = sysfs_root_kn;

	if (!parent)
		return -ENOENT;

	kn = kernfs_create_dir(parent, kobject_name(kobj), S_IRWXU | S_IRUGO | S_IXUGO, kobj);
	if (IS_ERR(kn)) {
		if (PTR_ERR(kn) == -EEXIST)
			sysfs_warn_dup(parent, kobject_name(kobj));
		return PTR_ERR(kn);
	}

	kobj->sd = kn;
	return 0;
}

void sysfs_remove_dir(struct kobject *kobj)
{
	struct kernfs_node *kn = kobj->sd;

	kobj->sd = NULL;
	if (kn)
		kernfs_remove(kn);
}

/* ---- attribute files ------------------------------------------------------------------------------ */

int sysfs_add_file_mode_ns(struct kernfs_node *parent, const struct attribute *attr, umode_t mode,
			   struct kobject *kobj)
{
	const struct sysfs_ops *sysfs_ops = kobj->ktype ? kobj->ktype->sysfs_ops : NULL;
	struct kernfs_node *kn;

	/* every kobject with an attribute needs a ktype assigned */
	if (WARN(!sysfs_ops, "missing sysfs attribute operations for kobject: %s\n", kobject_name(kobj)))
		return -EINVAL;

	kn = kernfs_create_file(parent, attr->name, mode & 0777, PAGE_SIZE, KN_SYSFS, sysfs_ops,
				(void *)attr, kobj, attr, NULL);
	if (IS_ERR(kn)) {
		if (PTR_ERR(kn) == -EEXIST)
			sysfs_warn_dup(parent, attr->name);
		return PTR_ERR(kn);
	}
	return 0;
}

int sysfs_create_file_ns(struct kobject *kobj, const struct attribute *attr, const void *ns)
{
	(void)ns;
	if (WARN_ON(!kobj || !kobj->sd || !attr))
		return -EINVAL;

	return sysfs_add_file_mode_ns(kobj->sd, attr, attr->mode, kobj);
}
EXPORT_SYMBOL_GPL(sysfs_create_file_ns);

int sysfs_create_files(struct kobject *kobj, const struct attribute * const *ptr)
{
	int err = 0;
	int i;

	for (i = 0; ptr[i] && !err; i++)
		err = sysfs_create_file(kobj, ptr[i]);
	if (err)
		while (--i >= 0)
			sysfs_remove_file(kobj, ptr[i]);
	return err;
}
EXPORT_SYMBOL_GPL(sysfs_create_files);

int sysfs_chmod_file(struct kobject *kobj, const struct attribute *attr, umode_t mode)
{
	struct kernfs_node *kn = kernfs_find(kobj->sd, attr->name);

	if (!kn)
		return -ENOENT;
	kn->mode = (kn->mode & S_IFMT) | (mode & S_IALLUGO);
	return 0;
}
EXPORT_SYMBOL_GPL(sysfs_chmod_file);

void sysfs_remove_file_ns(struct kobject *kobj, const struct attribute *attr, const void *ns)
{
	(void)ns;
	kernfs_remove_by_name(kobj->sd, attr->name);
}
EXPORT_SYMBOL_GPL(sysfs_remove_file_ns);

void sysfs_remove_files(struct kobject *kobj, const struct attribute * const *ptr)
{
	int i;

	for (i = 0; ptr[i]; i++)
		sysfs_remove_file(kobj, ptr[i]);
}
EXPORT_SYMBOL_GPL(sysfs_remove_files);

static int sysfs_add_bin_file(struct kernfs_node *parent, const struct bin_attribute *battr, umode_t mode,
			      struct kobject *kobj)
{
	struct kernfs_node *kn;

	kn = kernfs_create_file(parent, battr->attr.name, mode & 0777, battr->size, KN_SYSFS_BIN, NULL,
				(void *)battr, kobj, battr, NULL);
	if (IS_ERR(kn)) {
		if (PTR_ERR(kn) == -EEXIST)
			sysfs_warn_dup(parent, battr->attr.name);
		return PTR_ERR(kn);
	}
	return 0;
}

int sysfs_create_bin_file(struct kobject *kobj, const struct bin_attribute *attr)
{
	if (WARN_ON(!kobj || !kobj->sd || !attr))
		return -EINVAL;

	return sysfs_add_bin_file(kobj->sd, attr, attr->attr.mode, kobj);
}
EXPORT_SYMBOL_GPL(sysfs_create_bin_file);

void sysfs_remove_bin_file(struct kobject *kobj, const struct bin_attribute *attr)
{
	kernfs_remove_by_name(kobj->sd, attr->attr.name);
}
EXPORT_SYMBOL_GPL(sysfs_remove_bin_file);

/* ---- links ------------------------------------------------------------------------------------------ */

int sysfs_create_link(struct kobject *kobj, struct kobject *target, const char *name)
{
	struct kernfs_node *parent, *kn;
	char path[KF_PATH_MAX];

	parent = kobj ? kobj->sd : sysfs_root_kn;
	if (!parent || !target || !target->sd)
		return -ENOENT;
	kernfs_link_target(parent, target->sd, path, sizeof(path));
	kn = kernfs_create_link(parent, name, path);
	if (IS_ERR(kn)) {
		if (PTR_ERR(kn) == -EEXIST)
			sysfs_warn_dup(parent, name);
		return PTR_ERR(kn);
	}
	return 0;
}
EXPORT_SYMBOL_GPL(sysfs_create_link);

void sysfs_remove_link(struct kobject *kobj, const char *name)
{
	kernfs_remove_by_name(kobj ? kobj->sd : sysfs_root_kn, name);
}
EXPORT_SYMBOL_GPL(sysfs_remove_link);

/* ---- groups ------------------------------------------------------------------------------------------ */

static void remove_files(struct kernfs_node *parent, const struct attribute_group *grp)
{
	struct attribute *const *attr;
	struct bin_attribute *const *bin_attr;

	if (grp->attrs)
		for (attr = grp->attrs; *attr; attr++)
			kernfs_remove_by_name(parent, (*attr)->name);
	if (grp->bin_attrs)
		for (bin_attr = grp->bin_attrs; *bin_attr; bin_attr++)
			kernfs_remove_by_name(parent, (*bin_attr)->attr.name);
}

static umode_t __first_visible(const struct attribute_group *grp, struct kobject *kobj)
{
	if (grp->attrs && grp->attrs[0] && grp->is_visible)
		return grp->is_visible(kobj, grp->attrs[0], 0);
	return 0;
}

static int create_files(struct kernfs_node *parent, struct kobject *kobj, const struct attribute_group *grp,
			int update)
{
	struct attribute *const *attr;
	int error = 0, i;

	if (grp->attrs) {
		for (i = 0, attr = grp->attrs; *attr && !error; i++, attr++) {
			umode_t mode = (*attr)->mode;

			/*
			 * In update mode, we're changing the permissions or visibility.  Do this by first
			 * removing then re-adding (if required) the file.
			 */
			if (update)
				kernfs_remove_by_name(parent, (*attr)->name);
			if (grp->is_visible) {
				mode = grp->is_visible(kobj, *attr, i);
				mode &= ~SYSFS_GROUP_INVISIBLE;
				if (!mode)
					continue;
			}

			WARN(mode & ~(SYSFS_PREALLOC | 0664), "Attribute %s: Invalid permissions 0%o\n",
			     (*attr)->name, mode);

			mode &= SYSFS_PREALLOC | 0664;
			error = sysfs_add_file_mode_ns(parent, *attr, mode, kobj);
			if (unlikely(error))
				break;
		}
		if (error) {
			remove_files(parent, grp);
			return error;
		}
	}

	if (grp->bin_attrs) {
		struct bin_attribute *const *bin_attr;

		for (i = 0, bin_attr = grp->bin_attrs; *bin_attr; i++, bin_attr++) {
			umode_t mode = (*bin_attr)->attr.mode;

			if (update)
				kernfs_remove_by_name(parent, (*bin_attr)->attr.name);
			if (grp->is_bin_visible) {
				mode = grp->is_bin_visible(kobj, *bin_attr, i);
				mode &= ~SYSFS_GROUP_INVISIBLE;
				if (!mode)
					continue;
			}

			WARN(mode & ~(0664),
			     "Attribute %s: Invalid permissions 0%o\n", (*bin_attr)->attr.name, mode);

			mode &= 0664;
			error = sysfs_add_bin_file(parent, *bin_attr, mode, kobj);
			if (error)
				break;
		}
		if (error)
			remove_files(parent, grp);
	}
	return error;
}

static int internal_create_group(struct kobject *kobj, int update, const struct attribute_group *grp)
{
	struct kernfs_node *kn;
	int error;

	if (WARN_ON(!kobj || (!update && !kobj->sd)))
		return -EINVAL;

	/* Updates may happen before the object has been instantiated */
	if (unlikely(update && !kobj->sd))
		return -EINVAL;

	if (!grp->attrs && !grp->bin_attrs) {
		pr_debug("sysfs: (bin_)attrs not set by subsystem for group: %s/%s, skipping\n",
			 kobj->name, grp->name ?: "");
		return 0;
	}

	if (grp->name) {
		umode_t mode = __first_visible(grp, kobj);

		if (mode & SYSFS_GROUP_INVISIBLE)
			mode = 0;
		else
			mode = S_IRWXU | S_IRUGO | S_IXUGO;

		if (update) {
			kn = kernfs_find(kobj->sd, grp->name);
			if (!kn) {
				pr_debug("attr grp %s/%s not created yet\n", kobj->name, grp->name);
				/* may have been invisible prior to this update */
				update = 0;
			} else if (!mode) {
				kernfs_remove(kn);
				return 0;
			}
		}

		if (!update) {
			if (!mode)
				return 0;
			kn = kernfs_create_dir(kobj->sd, grp->name, mode, kobj);
			if (IS_ERR(kn)) {
				if (PTR_ERR(kn) == -EEXIST)
					sysfs_warn_dup(kobj->sd, grp->name);
				return PTR_ERR(kn);
			}
		}
	} else {
		kn = kobj->sd;
	}

	kernfs_get(kn);
	error = create_files(kn, kobj, grp, update);
	if (error) {
		if (grp->name)
			kernfs_remove(kn);
	}
	kernfs_put(kn);
	return error;
}

int sysfs_create_group(struct kobject *kobj, const struct attribute_group *grp)
{
	return internal_create_group(kobj, 0, grp);
}
EXPORT_SYMBOL_GPL(sysfs_create_group);

int sysfs_update_group(struct kobject *kobj, const struct attribute_group *grp)
{
	return internal_create_group(kobj, 1, grp);
}
EXPORT_SYMBOL_GPL(sysfs_update_group);

int sysfs_create_groups(struct kobject *kobj, const struct attribute_group **groups)
{
	int error = 0;
	int i;

	if (!groups)
		return 0;

	for (i = 0; groups[i]; i++) {
		error = sysfs_create_group(kobj, groups[i]);
		if (error) {
			while (--i >= 0)
				sysfs_remove_group(kobj, groups[i]);
			break;
		}
	}
	return error;
}
EXPORT_SYMBOL_GPL(sysfs_create_groups);

void sysfs_remove_group(struct kobject *kobj, const struct attribute_group *grp)
{
	struct kernfs_node *parent = kobj->sd;
	struct kernfs_node *kn;

	if (grp->name) {
		kn = kernfs_find(parent, grp->name);
		if (!kn) {
			WARN(!kn, "sysfs group '%s' not found for kobject '%s'\n", grp->name,
			     kobject_name(kobj));
			return;
		}
	} else {
		kn = parent;
	}
	if (!kn)
		return;

	remove_files(kn, grp);
	if (grp->name)
		kernfs_remove(kn);
}
EXPORT_SYMBOL_GPL(sysfs_remove_group);

void sysfs_remove_groups(struct kobject *kobj, const struct attribute_group **groups)
{
	int i;

	if (!groups)
		return;
	for (i = 0; groups[i]; i++)
		sysfs_remove_group(kobj, groups[i]);
}
EXPORT_SYMBOL_GPL(sysfs_remove_groups);

/*
 * kernfs_notify(): poll(2) on the file reports EPOLLERR | EPOLLPRI until it is read again, and pollers
 * sleeping on the file are woken.
 */
void sysfs_notify(struct kobject *kobj, const char *dir, const char *attr)
{
	struct kernfs_node *kn = kobj ? kobj->sd : NULL;

	if (kn && dir)
		kn = kernfs_find(kn, dir);
	if (kn && attr)
		kn = kernfs_find(kn, attr);
	if (kn) {
		atomic_inc(&kn->event);
		wake_up_interruptible(&kn->poll);
	}
}
EXPORT_SYMBOL_GPL(sysfs_notify);

int sysfs_emit(char *buf, const char *fmt, ...)
{
	va_list args;
	int len;

	if (WARN(!buf || offset_in_page(buf), "invalid sysfs_emit: buf:%p\n", buf))
		return 0;

	va_start(args, fmt);
	len = vscnprintf(buf, PAGE_SIZE, fmt, args);
	va_end(args);

	return len;
}
EXPORT_SYMBOL_GPL(sysfs_emit);

int sysfs_emit_at(char *buf, int at, const char *fmt, ...)
{
	va_list args;
	int len;

	if (WARN(!buf || offset_in_page(buf) || at < 0 || at >= PAGE_SIZE,
		 "invalid sysfs_emit_at: buf:%p at:%d\n", buf, at))
		return 0;

	va_start(args, fmt);
	len = vscnprintf(buf + at, PAGE_SIZE - at, fmt, args);
	va_end(args);

	return len;
}
EXPORT_SYMBOL_GPL(sysfs_emit_at);

/* ---- open files (fs/kernfs/file.c with sysfs's kernfs_ops) ---------------------------------------- */

struct kernfs_open_file {
	struct kernfs_node *kn;
	struct file *file;
	struct seq_file *seq_file;
	int event;		/* the node's event count when last read */
};

static inline struct kernfs_open_file *kernfs_of(struct file *file)
{
	return ((struct seq_file *)file->private_data)->private;
}

static void *kernfs_seq_start(struct seq_file *sf, loff_t *ppos)
{
	struct kernfs_open_file *of = sf->private;

	if (of->kn->removed)
		return ERR_PTR(-ENODEV);
	/* The same behavior and code as single_open(): !NULL at the beginning, NULL otherwise. */
	return (void *)(unsigned long)!*ppos;
}

static void *kernfs_seq_next(struct seq_file *sf, void *v, loff_t *ppos)
{
	(void)sf; (void)v;
	/* The same behavior and code as single_open(): always terminate after the initial read. */
	++*ppos;
	return NULL;
}

static void kernfs_seq_stop(struct seq_file *sf, void *v)
{
	(void)sf; (void)v;
}

static int sysfs_kf_seq_show(struct seq_file *sf, void *v)
{
	struct kernfs_open_file *of = sf->private;
	struct kobject *kobj = of->kn->kobj;
	const struct sysfs_ops *ops = of->kn->ops;
	ssize_t count;
	char *buf;

	(void)v;
	of->event = atomic_read(&of->kn->event);
	if (WARN_ON_ONCE(!ops->show))
		return -EINVAL;

	/* acquire buffer and ensure that it's >= PAGE_SIZE and clear */
	count = seq_get_buf(sf, &buf);
	if (count < PAGE_SIZE) {
		seq_commit(sf, -1);
		return 0;
	}
	memset(buf, 0, PAGE_SIZE);

	count = ops->show(kobj, of->kn->priv, buf);
	if (count < 0)
		return count;

	/*
	 * The code works fine with PAGE_SIZE return but it's likely to indicate truncated result or
	 * overflow in normal use cases.
	 */
	if (count >= (ssize_t)PAGE_SIZE) {
		printk("fill_read_buffer: %pS returned bad count\n", ops->show);
		/* Try to struggle along */
		count = PAGE_SIZE - 1;
	}
	seq_commit(sf, count);
	return 0;
}

static const struct seq_operations kernfs_seq_ops = {
	.start = kernfs_seq_start,
	.next = kernfs_seq_next,
	.stop = kernfs_seq_stop,
	.show = sysfs_kf_seq_show,
};

static int kernfs_fop_open(struct inode *inode, struct file *file)
{
	struct kernfs_node *kn = inode->i_private;
	const struct sysfs_ops *ops = kn->ops;
	struct kernfs_open_file *of;
	bool has_read, has_write;
	int error;

	if (kn->removed)
		return -ENODEV;

	if (kn->kind == KN_SYSFS_BIN) {
		const struct bin_attribute *battr = kn->priv;

		has_read = battr->read;
		has_write = battr->write;
	} else {
		has_read = ops->show;
		has_write = ops->store;
	}

	/* sysfs checks the permission bits against the operations, on top of the mode (root too). */
	if ((file->f_mode & FMODE_WRITE) && (!(inode->i_mode & S_IWUGO) || !has_write))
		return -EACCES;
	if ((file->f_mode & FMODE_READ) && (!(inode->i_mode & S_IRUGO) || !has_read))
		return -EACCES;

	of = kzalloc(sizeof(*of), GFP_KERNEL);
	if (!of)
		return -ENOMEM;
	of->kn = kn;
	of->file = file;
	of->event = atomic_read(&kn->event);

	/* Always a seq_file: the same buffer for reads, whatever the open mode. */
	error = seq_open(file, &kernfs_seq_ops);
	if (error) {
		kfree(of);
		return error;
	}
	of->seq_file = file->private_data;
	of->seq_file->private = of;

	/* seq_file clears PWRITE unconditionally, restore it if WRITE */
	if (file->f_mode & FMODE_WRITE)
		file->f_mode |= FMODE_PWRITE;
	return 0;
}

static int kernfs_fop_release(struct inode *inode, struct file *file)
{
	struct kernfs_open_file *of = kernfs_of(file);
	struct kernfs_node *kn = inode->i_private;

	seq_release(inode, file);
	kfree(of);
	/* The inode's reference. */
	kernfs_put(kn);
	return 0;
}

/* kernfs_file_read_iter() with sysfs_kf_bin_read(): at most a page per read, within .size. */
static ssize_t sysfs_bin_read(struct file *file, char __user *ubuf, size_t count, loff_t *ppos)
{
	struct kernfs_open_file *of = kernfs_of(file);
	struct bin_attribute *battr = of->kn->priv;
	loff_t size = file_inode(file)->i_size, pos = *ppos;
	ssize_t len = min_t(size_t, count, PAGE_SIZE);
	char *buf;

	buf = kmalloc(len ?: 1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	if (of->kn->removed) {
		len = -ENODEV;
		goto out_free;
	}
	of->event = atomic_read(&of->kn->event);
	if (!len)
		goto out_free;
	if (size) {
		if (pos >= size) {
			len = 0;
			goto out_free;
		}
		if (pos + len > size)
			len = size - pos;
	}
	if (!battr->read) {
		len = -EIO;
		goto out_free;
	}
	len = battr->read(file, of->kn->kobj, battr, buf, pos, len);
	if (len < 0)
		goto out_free;
	if (copy_to_user(ubuf, buf, len)) {
		len = -EFAULT;
		goto out_free;
	}
	*ppos += len;
out_free:
	kfree(buf);
	return len;
}

static ssize_t kernfs_fop_read(struct file *file, char __user *buf, size_t count, loff_t *ppos)
{
	struct kernfs_open_file *of = kernfs_of(file);

	if (of->kn->kind == KN_SYSFS_BIN)
		return sysfs_bin_read(file, buf, count, ppos);
	return seq_read(file, buf, count, ppos);
}

/* sysfs_kf_bin_write(): within .size (EFBIG at or past the end). */
static ssize_t sysfs_bin_write(struct kernfs_open_file *of, char *buf, size_t count, loff_t pos)
{
	struct bin_attribute *battr = of->kn->priv;
	loff_t size = file_inode(of->file)->i_size;

	if (size) {
		if (size <= pos)
			return -EFBIG;
		count = min_t(ssize_t, count, size - pos);
	}
	if (!count)
		return 0;
	if (!battr->write)
		return -EIO;
	return battr->write(of->file, of->kn->kobj, battr, buf, pos, count);
}

static ssize_t kernfs_fop_write(struct file *file, const char __user *ubuf, size_t count, loff_t *ppos)
{
	struct kernfs_open_file *of = kernfs_of(file);
	const struct sysfs_ops *ops;
	ssize_t len = min_t(size_t, count, PAGE_SIZE);
	char *buf;

	buf = kmalloc(len + 1, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;

	if (copy_from_user(buf, ubuf, len)) {
		len = -EFAULT;
		goto out_free;
	}
	buf[len] = '\0';	/* guarantee string termination */

	if (of->kn->removed) {
		len = -ENODEV;
		goto out_free;
	}

	ops = of->kn->ops;
	if (of->kn->kind == KN_SYSFS_BIN)
		len = sysfs_bin_write(of, buf, len, *ppos);
	/* sysfs_kf_write() */
	else if (!len)
		len = 0;
	else if (ops->store)
		len = ops->store(of->kn->kobj, of->kn->priv, buf, len);
	else
		len = -EINVAL;

	if (len > 0)
		*ppos += len;
out_free:
	kfree(buf);
	return len;
}

static loff_t kernfs_fop_llseek(struct file *file, loff_t offset, int whence)
{
	struct kernfs_open_file *of = kernfs_of(file);

	if (of->kn->removed)
		return -ENODEV;
	return generic_file_llseek(file, offset, whence);
}

#define DEFAULT_POLLMASK (EPOLLIN | EPOLLOUT | EPOLLRDNORM | EPOLLWRNORM)

/*
 * kernfs_generic_poll(): a notification since the last read, or a removed file, is EPOLLERR|EPOLLPRI; a
 * poll waiting for one sleeps on the node's queue, which sysfs_notify() wakes.
 */
static __poll_t kernfs_fop_poll(struct file *filp, struct poll_table_struct *wait)
{
	struct kernfs_open_file *of = kernfs_of(filp);

	poll_wait(filp, &of->kn->poll, wait);
	if (of->kn->removed || of->event != atomic_read(&of->kn->event))
		return DEFAULT_POLLMASK | EPOLLERR | EPOLLPRI;
	return DEFAULT_POLLMASK;
}

static const struct file_operations kernfs_file_fops = {
	.poll		= kernfs_fop_poll,
	.read		= kernfs_fop_read,
	.write		= kernfs_fop_write,
	.llseek		= kernfs_fop_llseek,
	.open		= kernfs_fop_open,
	.release	= kernfs_fop_release,
};

struct file *sysfs_open_node(struct kernfs_node *kn, unsigned int flags)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);
	char path[KF_PATH_MAX];
	struct file *file;

	if (!inode)
		return ERR_PTR(-ENOMEM);
	inode->i_mode = kn->mode;
	inode->i_size = kn->size;
	inode->i_private = kn;
	kernfs_get(kn);
	kernfs_path(kn, path, sizeof(path));
	file = lkm_open_inode(inode, &kernfs_file_fops, flags, path, S_IRWXU | S_IRUGO | S_IXUGO, NULL);
	if (IS_ERR(file)) {
		kernfs_put(kn);
		kfree(inode);
	}
	return file;
}
