// SPDX-License-Identifier: GPL-2.0
/*
 * Open files (fs/open.c, fs/read_write.c, fs/ioctl.c, fs/libfs.c): opening a character device node,
 * read/write/llseek/ioctl/poll dispatch with Linux's checks and f_pos handling, release, and the
 * helpers drivers build their file operations from. The host calls the lkm_file_* entry points for
 * each system call a user (a TypeScript caller or a C program) makes on a device file.
 */
#include <linux/fs.h>
#include <linux/uio.h>
#include <linux/cdev.h>
#include <linux/blkdev.h>
#include <linux/slab.h>
#include <linux/module.h>
#include <linux/poll.h>
#include <linux/kernel.h>
#include "host.h"
#include "internal.h"
#include "kernfs-internal.h"

#define ENOIOCTLCMD 515
#define DEFAULT_POLLMASK (EPOLLIN | EPOLLOUT | EPOLLRDNORM | EPOLLWRNORM)

__host_import(request_module) int host_request_module(const char *name, int wait);

struct cdev *lkm_cdev_lookup(dev_t dev);

static bool fops_get(const struct file_operations *fops)
{
	return !fops || !fops->owner || try_module_get(fops->owner);
}

static void fops_put(const struct file_operations *fops)
{
	if (fops && fops->owner)
		module_put(fops->owner);
}

/* Replaces the operations of an open file (misc devices, drivers that multiplex minors). */
void lkm_replace_fops(struct file *file, const struct file_operations *fops)
{
	fops_put(file->f_op);
	file->f_op = fops;
}
EXPORT_SYMBOL(lkm_replace_fops);

/* base_probe(): a device number nobody serves asks modprobe for "char-major-M-N", then "char-major-M". */
static struct cdev *lookup_or_request(dev_t dev)
{
	char name[32];
	struct cdev *p = lkm_cdev_lookup(dev);

	if (p)
		return p;
	snprintf(name, sizeof(name), "char-major-%u-%u", MAJOR(dev), MINOR(dev));
	if (host_request_module(name, 1) == 0 && (p = lkm_cdev_lookup(dev)))
		return p;
	snprintf(name, sizeof(name), "char-major-%u", MAJOR(dev));
	if (host_request_module(name, 1) == 0)
		p = lkm_cdev_lookup(dev);
	return p;
}

/*
 * open(2) of a character device node: chrdev_open() and then the driver's open. @name is the node's
 * path under /dev ("input/event0"), the file's dentry as devtmpfs would have it.
 */
struct file *__lkm_entry lkm_file_open(dev_t dev, unsigned int flags, umode_t mode, const char *name)
{
	struct inode *inode;
	struct file *file;
	struct cdev *p;

	inode = kzalloc(sizeof(*inode), GFP_KERNEL);
	if (!inode)
		return ERR_PTR(-ENOMEM);
	inode->i_rdev = dev;
	/* A block node (the host sets S_IFBLK): def_blk_fops, whose open finds the disk (block/fops.c). */
	if (S_ISBLK(mode)) {
		inode->i_mode = S_IFBLK | (mode & 07777);
		file = lkm_open_inode(inode, &def_blk_fops, flags, name ?: "", 0755, NULL);
		if (IS_ERR(file))
			kfree(inode);
		return file;
	}
	inode->i_mode = S_IFCHR | (mode & 07777);
	p = lookup_or_request(dev);
	/* chrdev_open(): no driver, or one whose module is going, is no device. */
	if (!p || !fops_get(p->ops)) {
		kfree(inode);
		return ERR_PTR(-ENXIO);
	}
	inode->i_cdev = p;
	file = lkm_open_inode(inode, p->ops, flags, name ?: "", 0755, NULL);
	/* The file took its own reference on the driver (or failed): drop the one taken to check it. */
	fops_put(p->ops);
	if (IS_ERR(file))
		kfree(inode);
	return file;
}

/*
 * The rest of do_dentry_open() for an inode whose operations are @fops: struct file, the fops->owner
 * reference, ->open. @path, when given, is the mount and dentry the file holds (set before ->open, as
 * Linux does).
 */
static struct file *open_inode(struct inode *inode, const struct file_operations *fops, unsigned int flags,
			       const struct path *path)
{
	struct file *file;
	int ret;

	file = kzalloc(sizeof(*file), GFP_KERNEL);
	if (!file)
		return ERR_PTR(-ENOMEM);
	if (path)
		file->f_path = *path;
	file->f_inode = inode;
	file->f_flags = flags;
	file->f_mode = FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE;
	if ((flags & O_ACCMODE) != O_WRONLY)
		file->f_mode |= FMODE_READ;
	if ((flags & O_ACCMODE) != O_RDONLY)
		file->f_mode |= FMODE_WRITE;
	atomic_long_set(&file->f_count, 1);
	mutex_init(&file->f_pos_lock);
	if (!fops_get(fops)) {
		kfree(file);
		return ERR_PTR(-ENODEV);
	}
	file->f_op = fops;
	if (file->f_op->open) {
		ret = file->f_op->open(inode, file);
		if (ret) {
			fops_put(file->f_op);
			kfree(file);
			return ERR_PTR(ret);
		}
	}
	if (!file->f_op->llseek)
		file->f_mode &= ~FMODE_LSEEK;
	return file;
}

/*
 * open(2) on an inode made by a pseudo file system (procfs, sysfs, debugfs: wasm/fs/kernfs/kernfs-internal.h)
 * or of a device node: the rest of do_dentry_open(), with a dentry chain for @path (inside the file
 * system; directories of @dir_mode). On failure the inode is the caller's to free.
 */
struct file *lkm_open_inode(struct inode *inode, const struct file_operations *fops, unsigned int flags,
			    const char *path, umode_t dir_mode, void *fsdata)
{
	struct path fpath = { .dentry = lkm_pseudo_dentry(path, inode, dir_mode) };
	struct file *file;

	if (!fpath.dentry)
		return ERR_PTR(-ENOMEM);
	fpath.dentry->d_fsdata = fsdata;
	file = open_inode(inode, fops, flags, &fpath);
	if (IS_ERR(file))
		lkm_pseudo_dentry_free(fpath.dentry);
	return file;
}

/* open(2) of a dentry of a mounted file system: the file holds the mount and the dentry until release. */
struct file *lkm_open_path(const struct path *path, unsigned int flags)
{
	struct inode *inode = d_inode(path->dentry);
	struct file *file;

	file = WARN_ON(!inode->i_fop) ? ERR_PTR(-ENODEV) : open_inode(inode, inode->i_fop, flags, path);
	if (IS_ERR(file))
		path_put(path);
	return file;
}

/*
 * new_sync_read()/new_sync_write(): a read(2)/write(2) for a file with only read_iter/write_iter methods,
 * as one synchronous kiocb over the user buffer; the position comes back in ki_pos.
 */
ssize_t lkm_sync_rw_iter(struct file *file, char __user *buf, size_t len, loff_t *ppos, unsigned int dir,
			 ssize_t (*method)(struct kiocb *, struct iov_iter *))
{
	struct kiocb kiocb;
	struct iov_iter iter;
	ssize_t ret;

	init_sync_kiocb(&kiocb, file);
	kiocb.ki_pos = ppos ? *ppos : 0;
	iov_iter_ubuf(&iter, dir, buf, len);
	ret = method(&kiocb, &iter);
	if (ppos)
		*ppos = kiocb.ki_pos;
	return ret;
}

static loff_t *file_ppos(struct file *file)
{
	return file->f_mode & FMODE_STREAM ? NULL : &file->f_pos;
}

/*
 * ksys_read()/ksys_write(): mode and method checks, rw_verify_area(), then the driver with a copy of
 * f_pos that is stored back unless the call failed (stream files have no position).
 */
static ssize_t file_rw(struct file *file, char __user *buf, size_t count, fmode_t mode, bool write)
{
	loff_t pos, *ppos = file_ppos(file);
	ssize_t ret;

	if (!(file->f_mode & mode))
		return -EBADF;
	if (write ? !file->f_op->write && !file->f_op->write_iter : !file->f_op->read && !file->f_op->read_iter)
		return -EINVAL;
	if (unlikely(!access_ok(buf, count)))
		return -EFAULT;
	if ((ssize_t)count < 0)
		return -EINVAL;
	if (count > MAX_RW_COUNT)
		count = MAX_RW_COUNT;
	if (ppos) {
		pos = *ppos;
		ppos = &pos;
	}
	if (write)
		ret = file->f_op->write ? file->f_op->write(file, buf, count, ppos)
					: lkm_sync_rw_iter(file, buf, count, ppos, ITER_SOURCE, file->f_op->write_iter);
	else
		ret = file->f_op->read ? file->f_op->read(file, buf, count, ppos)
				       : lkm_sync_rw_iter(file, buf, count, ppos, ITER_DEST, file->f_op->read_iter);
	if (ret >= 0 && ppos)
		file->f_pos = pos;
	return ret;
}

ssize_t __lkm_entry lkm_file_read(struct file *file, char __user *buf, size_t count)
{
	return file_rw(file, buf, count, FMODE_READ, false);
}

ssize_t __lkm_entry lkm_file_write(struct file *file, const char __user *buf, size_t count)
{
	return file_rw(file, (char __user *)buf, count, FMODE_WRITE, true);
}

loff_t __lkm_entry lkm_file_llseek(struct file *file, loff_t offset, int whence)
{
	if (whence > SEEK_MAX)
		return -EINVAL;
	if (!(file->f_mode & FMODE_LSEEK))
		return -ESPIPE;
	return file->f_op->llseek(file, offset, whence);
}

long __lkm_entry lkm_file_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	long error;

	if (!file->f_op->unlocked_ioctl)
		return -ENOTTY;
	error = file->f_op->unlocked_ioctl(file, cmd, arg);
	if (error == -ENOIOCTLCMD)
		error = -ENOTTY;
	return error;
}

void lkm_poll_queue(struct file *filp, struct wait_queue_head *wq_head, poll_table *p);

/*
 * poll(2) of one file: the driver's mask for @events. With @wait, the driver's poll_wait() calls make
 * the poll sleep on its queues (the host gives the sleep up when the mask has an event it waits for).
 */
unsigned int __lkm_entry lkm_file_poll(struct file *file, unsigned int events, int wait)
{
	poll_table pt = { ._qproc = wait ? lkm_poll_queue : NULL, ._key = events };

	if (!file->f_op->poll)
		return DEFAULT_POLLMASK;
	return file->f_op->poll(file, &pt);
}

/*
 * close(2): flush, then the last reference: release and the module reference. A device or kernfs file
 * had an inode and a dentry chain of its own; a file of a mounted file system gives back its dentry and
 * mount instead.
 */
int __lkm_entry lkm_file_release(struct file *file)
{
	struct inode *inode = file->f_inode;
	struct path path = file->f_path;
	int ret = 0;

	if (file->f_op->flush)
		ret = file->f_op->flush(file, NULL);
	if (file->f_op->release)
		file->f_op->release(inode, file);
	fops_put(file->f_op);
	kfree(file);
	if (path.mnt) {
		path_put(&path);
	} else {
		lkm_pseudo_dentry_free(path.dentry);
		kfree(inode);
	}
	return ret;
}

/* ---- helpers for drivers ---------------------------------------------------------------------- */

/* fs/sync.c: the file's ->fsync over [start, end]; a file without one cannot be synced (-EINVAL). */
int vfs_fsync_range(struct file *file, loff_t start, loff_t end, int datasync)
{
	if (!file->f_op->fsync)
		return -EINVAL;
	return file->f_op->fsync(file, start, end, datasync);
}
EXPORT_SYMBOL(vfs_fsync_range);

int vfs_fsync(struct file *file, int datasync)
{
	return vfs_fsync_range(file, 0, LLONG_MAX, datasync);
}
EXPORT_SYMBOL(vfs_fsync);

loff_t no_llseek(struct file *file, loff_t offset, int whence)
{
	(void)file; (void)offset; (void)whence;
	return -ESPIPE;
}
EXPORT_SYMBOL(no_llseek);

loff_t noop_llseek(struct file *file, loff_t offset, int whence)
{
	(void)offset; (void)whence;
	return file->f_pos;
}
EXPORT_SYMBOL(noop_llseek);

loff_t default_llseek(struct file *file, loff_t offset, int whence)
{
	struct inode *inode = file_inode(file);
	loff_t retval = -EINVAL;

	switch (whence) {
	case SEEK_END:
		offset += inode->i_size;
		break;
	case SEEK_CUR:
		if (offset == 0) {
			retval = file->f_pos;
			goto out;
		}
		offset += file->f_pos;
		break;
	case SEEK_DATA:
		if (offset >= inode->i_size) {
			retval = -ENXIO;
			goto out;
		}
		break;
	case SEEK_HOLE:
		if (offset >= inode->i_size) {
			retval = -ENXIO;
			goto out;
		}
		offset = inode->i_size;
		break;
	}
	retval = -EINVAL;
	if (offset >= 0) {
		file->f_pos = offset;
		retval = offset;
	}
out:
	return retval;
}
EXPORT_SYMBOL(default_llseek);

loff_t generic_file_llseek_size(struct file *file, loff_t offset, int whence, loff_t maxsize, loff_t eof)
{
	switch (whence) {
	case SEEK_END:
		offset += eof;
		break;
	case SEEK_CUR:
		if (offset == 0)
			return file->f_pos;
		offset += file->f_pos;
		break;
	case SEEK_DATA:
		if ((unsigned long long)offset >= (unsigned long long)eof)
			return -ENXIO;
		break;
	case SEEK_HOLE:
		if ((unsigned long long)offset >= (unsigned long long)eof)
			return -ENXIO;
		offset = eof;
		break;
	}
	return vfs_setpos(file, offset, maxsize);
}
EXPORT_SYMBOL(generic_file_llseek_size);

loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	struct inode *inode = file_inode(file);

	return generic_file_llseek_size(file, offset, whence, MAX_LFS_FILESIZE, inode->i_size);
}
EXPORT_SYMBOL(generic_file_llseek);

loff_t fixed_size_llseek(struct file *file, loff_t offset, int whence, loff_t size)
{
	switch (whence) {
	case SEEK_SET: case SEEK_CUR: case SEEK_END:
		return generic_file_llseek_size(file, offset, whence, size, size);
	default:
		return -EINVAL;
	}
}
EXPORT_SYMBOL(fixed_size_llseek);

int nonseekable_open(struct inode *inode, struct file *filp)
{
	(void)inode;
	filp->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE);
	return 0;
}
EXPORT_SYMBOL(nonseekable_open);

int stream_open(struct inode *inode, struct file *filp)
{
	(void)inode;
	filp->f_mode &= ~(FMODE_LSEEK | FMODE_PREAD | FMODE_PWRITE | FMODE_ATOMIC_POS);
	filp->f_mode |= FMODE_STREAM;
	return 0;
}
EXPORT_SYMBOL(stream_open);

int simple_open(struct inode *inode, struct file *file)
{
	if (inode->i_private)
		file->private_data = inode->i_private;
	return 0;
}
EXPORT_SYMBOL(simple_open);

ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos, const void *from, size_t available)
{
	loff_t pos = *ppos;
	size_t ret;

	if (pos < 0)
		return -EINVAL;
	if (pos >= available || !count)
		return 0;
	if (count > available - pos)
		count = available - pos;
	ret = copy_to_user(to, (const char *)from + pos, count);
	if (ret == count)
		return -EFAULT;
	count -= ret;
	*ppos = pos + count;
	return count;
}
EXPORT_SYMBOL(simple_read_from_buffer);

ssize_t simple_write_to_buffer(void *to, size_t available, loff_t *ppos, const void __user *from, size_t count)
{
	loff_t pos = *ppos;
	size_t res;

	if (pos < 0)
		return -EINVAL;
	if (pos >= available || !count)
		return 0;
	if (count > available - pos)
		count = available - pos;
	res = copy_from_user((char *)to + pos, from, count);
	if (res == count)
		return -EFAULT;
	count -= res;
	*ppos = pos + count;
	return count;
}
EXPORT_SYMBOL(simple_write_to_buffer);
