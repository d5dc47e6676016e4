/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

/*
 * Files as drivers see them: struct file, struct inode, struct file_operations, and the character
 * device registry. vmlinux's fs/ code (wasm/kernel/char_dev.c, file.c) opens a device node, calls the
 * driver's operations with user pointers (linux/uaccess.h) and keeps f_pos, as Linux's VFS does.
 */
#include <linux/types.h>
#include <linux/kdev_t.h>
#include <linux/list.h>
#include <linux/stat.h>
#include <linux/errno.h>
#include <linux/uaccess.h>
#include <linux/init.h>
#include <linux/wait.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <linux/atomic.h>
#include <linux/cdev.h>

struct module;
struct file;
struct inode;
struct poll_table_struct;
struct vm_area_struct;
struct kiocb;
struct iov_iter;
struct dir_context;
struct dentry;
typedef void *fl_owner_t;

/* f_flags: open(2) flags, Linux's values. */
#define O_ACCMODE	00000003
#define O_RDONLY	00000000
#define O_WRONLY	00000001
#define O_RDWR		00000002
#define O_CREAT		00000100
#define O_EXCL		00000200
#define O_NOCTTY	00000400
#define O_TRUNC		00001000
#define O_APPEND	00002000
#define O_NONBLOCK	00004000
#define O_DSYNC		00010000
#define O_DIRECTORY	00200000
#define O_NOFOLLOW	00400000
#define O_CLOEXEC	02000000
#define O_NDELAY	O_NONBLOCK

/* f_mode */
#define FMODE_READ		((fmode_t)(1 << 0))
#define FMODE_WRITE		((fmode_t)(1 << 1))
#define FMODE_LSEEK		((fmode_t)(1 << 2))
#define FMODE_PREAD		((fmode_t)(1 << 3))
#define FMODE_PWRITE		((fmode_t)(1 << 4))
#define FMODE_EXEC		((fmode_t)(1 << 5))
#define FMODE_ATOMIC_POS	((fmode_t)(1 << 15))
#define FMODE_STREAM		((fmode_t)(1 << 21))

#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#define SEEK_DATA	3
#define SEEK_HOLE	4
#define SEEK_MAX	SEEK_HOLE

#define MAX_LFS_FILESIZE	((loff_t)LLONG_MAX)

struct inode {
	umode_t			i_mode;
	unsigned int		i_flags;
	unsigned long		i_ino;
	dev_t			i_rdev;
	loff_t			i_size;
	struct cdev		*i_cdev;
	void			*i_private;
	uid_t			i_uid;
	gid_t			i_gid;
};

struct file {
	const struct file_operations	*f_op;
	struct inode			*f_inode;
	unsigned int			f_flags;
	fmode_t				f_mode;
	loff_t				f_pos;
	atomic_long_t			f_count;
	struct mutex			f_pos_lock;
	void				*private_data;
};

typedef unsigned int fop_flags_t;

struct file_operations {
	struct module *owner;
	fop_flags_t fop_flags;
	loff_t (*llseek) (struct file *, loff_t, int);
	ssize_t (*read) (struct file *, char __user *, size_t, loff_t *);
	ssize_t (*write) (struct file *, const char __user *, size_t, loff_t *);
	ssize_t (*read_iter) (struct kiocb *, struct iov_iter *);
	ssize_t (*write_iter) (struct kiocb *, struct iov_iter *);
	int (*iterate_shared) (struct file *, struct dir_context *);
	__poll_t (*poll) (struct file *, struct poll_table_struct *);
	long (*unlocked_ioctl) (struct file *, unsigned int, unsigned long);
	long (*compat_ioctl) (struct file *, unsigned int, unsigned long);
	int (*mmap) (struct file *, struct vm_area_struct *);
	int (*open) (struct inode *, struct file *);
	int (*flush) (struct file *, fl_owner_t id);
	int (*release) (struct inode *, struct file *);
	int (*fsync) (struct file *, loff_t, loff_t, int datasync);
	int (*fasync) (int, struct file *, int);
};

static inline struct inode *file_inode(const struct file *f) { return f->f_inode; }
static inline unsigned iminor(const struct inode *inode) { return MINOR(inode->i_rdev); }
static inline unsigned imajor(const struct inode *inode) { return MAJOR(inode->i_rdev); }

/* Character devices (fs/char_dev.c). */
#define CHRDEV_MAJOR_MAX		512
#define CHRDEV_MAJOR_DYN_END		234
#define CHRDEV_MAJOR_DYN_EXT_START	511
#define CHRDEV_MAJOR_DYN_EXT_END	384

extern int alloc_chrdev_region(dev_t *dev, unsigned baseminor, unsigned count, const char *name);
extern int register_chrdev_region(dev_t from, unsigned count, const char *name);
extern int __register_chrdev(unsigned int major, unsigned int baseminor, unsigned int count,
			     const char *name, const struct file_operations *fops);
extern void __unregister_chrdev(unsigned int major, unsigned int baseminor, unsigned int count,
				const char *name);
extern void unregister_chrdev_region(dev_t from, unsigned count);

static inline int register_chrdev(unsigned int major, const char *name, const struct file_operations *fops)
{
	return __register_chrdev(major, 0, 256, name, fops);
}

static inline void unregister_chrdev(unsigned int major, const char *name)
{
	__unregister_chrdev(major, 0, 256, name);
}

/* Seeking helpers (fs/read_write.c, fs/libfs.c). */
extern loff_t no_llseek(struct file *file, loff_t offset, int whence);
extern loff_t noop_llseek(struct file *file, loff_t offset, int whence);
extern loff_t default_llseek(struct file *file, loff_t offset, int whence);
extern loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
extern loff_t fixed_size_llseek(struct file *file, loff_t offset, int whence, loff_t size);
extern loff_t generic_file_llseek_size(struct file *file, loff_t offset, int whence, loff_t maxsize, loff_t eof);
extern int nonseekable_open(struct inode *inode, struct file *filp);
extern int stream_open(struct inode *inode, struct file *filp);
extern int simple_open(struct inode *inode, struct file *file);
extern ssize_t simple_read_from_buffer(void __user *to, size_t count, loff_t *ppos,
				       const void *from, size_t available);
extern ssize_t simple_write_to_buffer(void *to, size_t available, loff_t *ppos,
				      const void __user *from, size_t count);

static inline loff_t vfs_setpos(struct file *file, loff_t offset, loff_t maxsize)
{
	if (offset < 0 || offset > maxsize)
		return -EINVAL;
	file->f_pos = offset;
	return offset;
}

#endif
