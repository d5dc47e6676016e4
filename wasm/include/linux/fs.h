/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_FS_H
#define _LINUX_FS_H

/*
 * Files as drivers see them: struct file, struct inode, struct file_operations, and the character
 * device registry. vmlinux's fs/ code (wasm/fs/char_dev.c, file.c) opens a device node, calls the
 * driver's operations with user pointers (linux/uaccess.h) and keeps f_pos, as Linux's VFS does.
 * File system types, superblocks and the libfs helpers pseudo file systems are written with are here
 * too (wasm/fs/filesystems.c, super.c, inode.c, dcache.c, libfs.c; docs/driver-api.md).
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
#include <linux/bits.h>
#include <linux/dcache.h>
#include <linux/path.h>
#include <linux/time64.h>
#include <linux/fcntl.h>
/* What Linux 6.12's fs.h brings along and modules then use without including it. */
#include <linux/capability.h>
#include <linux/cred.h>
#include <linux/uidgid.h>
#include <linux/uuid.h>
#include <linux/llist.h>
#include <linux/rbtree.h>
#include <linux/xarray.h>
#include <linux/slab.h>
#include <linux/uio.h>
#include <linux/limits.h>
#include <asm/page.h>
#include <uapi/linux/mount.h>

struct module;
struct file;
struct inode;
struct poll_table_struct;
struct vm_area_struct;
struct iov_iter;
struct dir_context;
struct super_block;
struct file_system_type;
struct fs_context;
struct fs_parameter_spec;
struct kstatfs;
struct seq_file;
struct vfsmount;
struct mnt_idmap;
struct iattr;
struct kstat;
struct delayed_call;
struct writeback_control;
typedef void *fl_owner_t;

/* f_flags: open(2) flags, Linux's values (<linux/fcntl.h>). */

/* The most one read(2)/write(2) moves (Linux's: INT_MAX rounded down to a page). */
#define MAX_RW_COUNT (INT_MAX & PAGE_MASK)

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
	/* An inode of a mounted file system (new_inode(): wasm/fs/inode.c). */
	const struct inode_operations	*i_op;
	const struct file_operations	*i_fop;
	struct super_block	*i_sb;
	union {
		const unsigned int i_nlink;
		unsigned int __i_nlink;
	};
	atomic_t		i_count;
	unsigned long		i_state;
	blkcnt_t		i_blocks;
	struct timespec64	__i_atime;
	struct timespec64	__i_mtime;
	struct timespec64	__i_ctime;
	u32			i_generation;
	struct list_head	i_sb_list;
};

struct file {
	struct path			f_path;	/* files of a mounted file system: what they hold */
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

/* An I/O request as read_iter()/write_iter() get it: the file and the position (synchronous here). */
#define IOCB_APPEND		(1 << 1)
#define IOCB_DSYNC		(1 << 2)
#define IOCB_SYNC		(1 << 5)
#define IOCB_NOWAIT		(1 << 7)
struct kiocb {
	struct file		*ki_filp;
	loff_t			ki_pos;
	void			(*ki_complete)(struct kiocb *iocb, long ret);
	void			*private;
	int			ki_flags;
	u16			ki_ioprio;
};

static inline bool is_sync_kiocb(struct kiocb *kiocb) { return kiocb->ki_complete == NULL; }

static inline int iocb_flags(struct file *file)
{
	int res = 0;

	if (file->f_flags & O_APPEND)
		res |= IOCB_APPEND;
	if (file->f_flags & O_DSYNC)
		res |= IOCB_DSYNC;
	if (file->f_flags & __O_SYNC)
		res |= IOCB_SYNC;
	return res;
}

static inline void init_sync_kiocb(struct kiocb *kiocb, struct file *filp)
{
	*kiocb = (struct kiocb){ .ki_filp = filp, .ki_flags = iocb_flags(filp) };
}

struct file_lock;
struct file_lease;
struct pipe_inode_info;
struct io_comp_batch;
struct io_uring_cmd;
struct seq_file;

/*
 * Every member Linux 6.12 has, in its order, so that real drivers' designated initialisers compile.
 * The VFS here calls open, read, write, read_iter, write_iter, llseek, unlocked_ioctl, poll, flush,
 * release (system calls, wasm/fs/file.c), iterate_shared (readdir of mounted file systems) and fsync
 * (vfs_fsync(): -EINVAL without it, as Linux). The other members' system calls (mmap, fcntl, flock,
 * splice, io_uring, ...) do not reach files here.
 */
struct file_operations {
	struct module *owner;
	fop_flags_t fop_flags;
	loff_t (*llseek) (struct file *, loff_t, int);
	ssize_t (*read) (struct file *, char __user *, size_t, loff_t *);
	ssize_t (*write) (struct file *, const char __user *, size_t, loff_t *);
	ssize_t (*read_iter) (struct kiocb *, struct iov_iter *);
	ssize_t (*write_iter) (struct kiocb *, struct iov_iter *);
	int (*iopoll)(struct kiocb *kiocb, struct io_comp_batch *, unsigned int flags);
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
	int (*lock) (struct file *, int, struct file_lock *);
	unsigned long (*get_unmapped_area)(struct file *, unsigned long, unsigned long, unsigned long,
					   unsigned long);
	int (*check_flags)(int);
	int (*flock) (struct file *, int, struct file_lock *);
	ssize_t (*splice_write)(struct pipe_inode_info *, struct file *, loff_t *, size_t, unsigned int);
	ssize_t (*splice_read)(struct file *, loff_t *, struct pipe_inode_info *, size_t, unsigned int);
	void (*splice_eof)(struct file *file);
	int (*setlease)(struct file *, int, struct file_lease **, void **);
	long (*fallocate)(struct file *file, int mode, loff_t offset, loff_t len);
	void (*show_fdinfo)(struct seq_file *m, struct file *f);
	ssize_t (*copy_file_range)(struct file *, loff_t, struct file *, loff_t, size_t, unsigned int);
	loff_t (*remap_file_range)(struct file *file_in, loff_t pos_in, struct file *file_out,
				   loff_t pos_out, loff_t len, unsigned int remap_flags);
	int (*fadvise)(struct file *, loff_t, loff_t, int);
	int (*uring_cmd)(struct io_uring_cmd *ioucmd, unsigned int issue_flags);
	int (*uring_cmd_iopoll)(struct io_uring_cmd *, struct io_comp_batch *, unsigned int poll_flags);
};

/* fop_flags */
/* Supports async buffered reads */
#define FOP_BUFFER_RASYNC	((__force fop_flags_t)(1 << 0))
/* Supports async buffered writes */
#define FOP_BUFFER_WASYNC	((__force fop_flags_t)(1 << 1))
/* Supports synchronous page faults for mappings */
#define FOP_MMAP_SYNC		((__force fop_flags_t)(1 << 2))
/* Supports non-exclusive O_DIRECT writes from multiple threads */
#define FOP_DIO_PARALLEL_WRITE	((__force fop_flags_t)(1 << 3))
/* Contains huge pages */
#define FOP_HUGE_PAGES		((__force fop_flags_t)(1 << 4))
/* Treat loff_t as unsigned (e.g., /dev/mem) */
#define FOP_UNSIGNED_OFFSET	((__force fop_flags_t)(1 << 5))

/* fsync(2)/fdatasync(2) of @file (fs/sync.c): -EINVAL when its operations have no ->fsync. */
extern int vfs_fsync_range(struct file *file, loff_t start, loff_t end, int datasync);
extern int vfs_fsync(struct file *file, int datasync);

static inline struct inode *file_inode(const struct file *f) { return f->f_inode; }
static inline struct dentry *file_dentry(const struct file *f) { return f->f_path.dentry; }
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

/* ---- File system types and superblocks (fs/filesystems.c, fs/super.c) ------------------------- */

/* sb->s_flags */
#define SB_RDONLY	BIT(0)
#define SB_NOSUID	BIT(1)
#define SB_NODEV	BIT(2)
#define SB_NOEXEC	BIT(3)
#define SB_SYNCHRONOUS	BIT(4)
#define SB_MANDLOCK	BIT(6)
#define SB_DIRSYNC	BIT(7)
#define SB_NOATIME	BIT(10)
#define SB_NODIRATIME	BIT(11)
#define SB_SILENT	BIT(15)
#define SB_POSIXACL	BIT(16)
#define SB_INLINECRYPT	BIT(17)
#define SB_KERNMOUNT	BIT(22)
#define SB_I_VERSION	BIT(23)
#define SB_LAZYTIME	BIT(25)
#define SB_DYING	BIT(24)
#define SB_BORN		BIT(29)
#define SB_ACTIVE	BIT(30)
#define SB_NOUSER	BIT(31)

#define MAX_NON_LFS	((1UL << 31) - 1)

struct super_operations {
	struct inode *(*alloc_inode)(struct super_block *sb);
	void (*destroy_inode)(struct inode *);
	void (*free_inode)(struct inode *);
	void (*dirty_inode)(struct inode *, int flags);
	int (*write_inode)(struct inode *, struct writeback_control *wbc);
	int (*drop_inode)(struct inode *);
	void (*evict_inode)(struct inode *);
	void (*put_super)(struct super_block *);
	int (*sync_fs)(struct super_block *sb, int wait);
	int (*statfs)(struct dentry *, struct kstatfs *);
	int (*remount_fs)(struct super_block *, int *, char *);
	void (*umount_begin)(struct super_block *);
	int (*show_options)(struct seq_file *, struct dentry *);
	int (*show_devname)(struct seq_file *, struct dentry *);
};

struct inode_operations {
	struct dentry *(*lookup)(struct inode *, struct dentry *, unsigned int);
	const char *(*get_link)(struct dentry *, struct inode *, struct delayed_call *);
	int (*permission)(struct mnt_idmap *, struct inode *, int);
	int (*create)(struct mnt_idmap *, struct inode *, struct dentry *, umode_t, bool);
	int (*link)(struct dentry *, struct inode *, struct dentry *);
	int (*unlink)(struct inode *, struct dentry *);
	int (*symlink)(struct mnt_idmap *, struct inode *, struct dentry *, const char *);
	int (*mkdir)(struct mnt_idmap *, struct inode *, struct dentry *, umode_t);
	int (*rmdir)(struct inode *, struct dentry *);
	int (*mknod)(struct mnt_idmap *, struct inode *, struct dentry *, umode_t, dev_t);
	int (*rename)(struct mnt_idmap *, struct inode *, struct dentry *, struct inode *, struct dentry *, unsigned int);
	int (*setattr)(struct mnt_idmap *, struct dentry *, struct iattr *);
	int (*getattr)(struct mnt_idmap *, const struct path *, struct kstat *, u32, unsigned int);
};

struct super_block {
	struct list_head	s_list;		/* in the list of all superblocks */
	dev_t			s_dev;
	unsigned char		s_blocksize_bits;
	unsigned long		s_blocksize;
	loff_t			s_maxbytes;
	struct file_system_type	*s_type;
	const struct super_operations *s_op;
	unsigned long		s_flags;
	unsigned long		s_iflags;
	unsigned long		s_magic;
	struct dentry		*s_root;
	int			s_count;
	atomic_t		s_active;
	struct hlist_node	s_instances;	/* in s_type->fs_supers */
	struct list_head	s_inodes;
	void			*s_fs_info;
	u32			s_time_gran;
	char			s_id[32];
	const struct dentry_operations *s_d_op;
	const char		*s_subtype;
	struct block_device	*s_bdev;	/* the device of a FS_REQUIRES_DEV mount (get_tree_bdev) */
};

static inline bool sb_rdonly(const struct super_block *sb) { return sb->s_flags & SB_RDONLY; }
#define IS_RDONLY(inode) sb_rdonly((inode)->i_sb)

struct file_system_type {
	const char *name;
	int fs_flags;
#define FS_REQUIRES_DEV		1
#define FS_BINARY_MOUNTDATA	2
#define FS_HAS_SUBTYPE		4
#define FS_USERNS_MOUNT		8
#define FS_DISALLOW_NOTIFY_PERM	16
#define FS_ALLOW_IDMAP		32
#define FS_RENAME_DOES_D_MOVE	32768
	int (*init_fs_context)(struct fs_context *);
	const struct fs_parameter_spec *parameters;
	struct dentry *(*mount)(struct file_system_type *, int, const char *, void *);
	void (*kill_sb)(struct super_block *);
	struct module *owner;
	struct file_system_type *next;
	struct hlist_head fs_supers;
};

/* The alias modprobe resolves when mount(2) asks for a type nobody registered (get_fs_type()). */
#define MODULE_ALIAS_FS(NAME) MODULE_ALIAS("fs-" NAME)

extern int register_filesystem(struct file_system_type *);
extern int unregister_filesystem(struct file_system_type *);
extern struct file_system_type *get_fs_type(const char *name);
extern struct file_system_type *get_filesystem(struct file_system_type *fs);
extern void put_filesystem(struct file_system_type *fs);

extern struct dentry *mount_nodev(struct file_system_type *fs_type, int flags, void *data,
				  int (*fill_super)(struct super_block *, void *, int));
extern struct dentry *mount_single(struct file_system_type *fs_type, int flags, void *data,
				   int (*fill_super)(struct super_block *, void *, int));
extern struct super_block *sget(struct file_system_type *type,
				int (*test)(struct super_block *, void *),
				int (*set)(struct super_block *, void *),
				int flags, void *data);
extern void generic_shutdown_super(struct super_block *sb);
extern void kill_anon_super(struct super_block *sb);
extern void kill_litter_super(struct super_block *sb);
extern void deactivate_super(struct super_block *sb);
extern void deactivate_locked_super(struct super_block *sb);
extern int set_anon_super(struct super_block *s, void *data);
extern int get_anon_bdev(dev_t *p);
extern void free_anon_bdev(dev_t dev);

/* ---- Inodes (fs/inode.c) ---------------------------------------------------------------------- */

extern struct inode *new_inode(struct super_block *sb);
extern void iput(struct inode *inode);
extern struct inode *igrab(struct inode *inode);
extern void ihold(struct inode *inode);
extern unsigned int get_next_ino(void);
extern void set_nlink(struct inode *inode, unsigned int nlink);
extern void inc_nlink(struct inode *inode);
extern void drop_nlink(struct inode *inode);
extern void clear_nlink(struct inode *inode);
extern void clear_inode(struct inode *inode);
extern int generic_delete_inode(struct inode *inode);
extern int generic_drop_inode(struct inode *inode);
extern void inode_init_owner(struct mnt_idmap *idmap, struct inode *inode, const struct inode *dir, umode_t mode);
extern void init_special_inode(struct inode *inode, umode_t mode, dev_t rdev);
extern struct timespec64 current_time(struct inode *inode);
extern struct timespec64 inode_set_ctime_current(struct inode *inode);
extern struct timespec64 simple_inode_init_ts(struct inode *inode);
extern struct mnt_idmap nop_mnt_idmap;

static inline void i_size_write(struct inode *inode, loff_t i_size) { inode->i_size = i_size; }
static inline loff_t i_size_read(const struct inode *inode) { return inode->i_size; }

static inline struct timespec64 inode_get_atime(const struct inode *inode) { return inode->__i_atime; }
static inline struct timespec64 inode_get_mtime(const struct inode *inode) { return inode->__i_mtime; }
static inline struct timespec64 inode_get_ctime(const struct inode *inode) { return inode->__i_ctime; }

static inline struct timespec64 inode_set_atime_to_ts(struct inode *inode, struct timespec64 ts)
{
	inode->__i_atime = ts;
	return ts;
}

static inline struct timespec64 inode_set_mtime_to_ts(struct inode *inode, struct timespec64 ts)
{
	inode->__i_mtime = ts;
	return ts;
}

static inline struct timespec64 inode_set_ctime_to_ts(struct inode *inode, struct timespec64 ts)
{
	inode->__i_ctime = ts;
	return ts;
}

/* ---- libfs: what small pseudo file systems are built from (fs/libfs.c) ------------------------ */

/* One file of simple_fill_super(): its name, operations and mode; the array ends with name "". */
struct tree_descr {
	const char *name;
	const struct file_operations *ops;
	int mode;
};

struct dir_context;
typedef bool (*filldir_t)(struct dir_context *, const char *, int, loff_t, u64, unsigned);

/* readdir: ->iterate_shared calls the actor once per entry (dir_emit()) from ctx->pos on. */
struct dir_context {
	filldir_t actor;
	loff_t pos;
};

#define DT_UNKNOWN	0
#define DT_FIFO		1
#define DT_CHR		2
#define DT_DIR		4
#define DT_BLK		6
#define DT_REG		8
#define DT_LNK		10
#define DT_SOCK		12

static inline unsigned char fs_umode_to_dtype(umode_t mode)
{
	return (mode & S_IFMT) >> 12;
}

static inline bool dir_emit(struct dir_context *ctx, const char *name, int namelen, u64 ino, unsigned type)
{
	return ctx->actor(ctx, name, namelen, ctx->pos, ino, type);
}

static inline bool dir_emit_dot(struct file *file, struct dir_context *ctx)
{
	return ctx->actor(ctx, ".", 1, ctx->pos, file_inode(file)->i_ino, DT_DIR);
}

extern bool dir_emit_dots(struct file *file, struct dir_context *ctx);

extern int simple_fill_super(struct super_block *s, unsigned long magic, const struct tree_descr *files);
extern int simple_statfs(struct dentry *dentry, struct kstatfs *buf);
extern struct dentry *simple_lookup(struct inode *dir, struct dentry *dentry, unsigned int flags);
extern int dcache_dir_open(struct inode *inode, struct file *file);
extern int dcache_dir_close(struct inode *inode, struct file *file);
extern loff_t dcache_dir_lseek(struct file *file, loff_t offset, int whence);
extern int dcache_readdir(struct file *file, struct dir_context *ctx);
extern ssize_t generic_read_dir(struct file *filp, char __user *buf, size_t siz, loff_t *ppos);
extern int noop_fsync(struct file *file, loff_t start, loff_t end, int datasync);
extern const struct file_operations simple_dir_operations;
extern const struct inode_operations simple_dir_inode_operations;
extern const struct super_operations simple_super_operations;

#endif
