/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_PROC_FS_H
#define _LINUX_PROC_FS_H

/*
 * The /proc file system as modules use it: entries with struct proc_ops, directories, seq_file and
 * single-show entries. vmlinux's fs/proc (wasm/fs/proc/procfs.c) keeps the tree and opens entries; the
 * host shows them under /proc next to its built-in views.
 */
#include <linux/types.h>
#include <linux/fs.h>
#include <linux/uidgid.h>

struct proc_dir_entry;
struct seq_file;
struct seq_operations;
struct poll_table_struct;
struct vm_area_struct;
struct kiocb;
struct iov_iter;

enum {
	/*
	 * All /proc entries using this ->proc_ops instance are never removed.
	 * Only built-in code may set it (a module's entries go away with it).
	 */
	PROC_ENTRY_PERMANENT = 1U << 0,
};

struct proc_ops {
	unsigned int proc_flags;
	int	(*proc_open)(struct inode *, struct file *);
	ssize_t	(*proc_read)(struct file *, char __user *, size_t, loff_t *);
	ssize_t (*proc_read_iter)(struct kiocb *, struct iov_iter *);
	ssize_t	(*proc_write)(struct file *, const char __user *, size_t, loff_t *);
	/* mandatory unless nonseekable_open() or equivalent is used */
	loff_t	(*proc_lseek)(struct file *, loff_t, int);
	int	(*proc_release)(struct inode *, struct file *);
	__poll_t (*proc_poll)(struct file *, struct poll_table_struct *);
	long	(*proc_ioctl)(struct file *, unsigned int, unsigned long);
	long	(*proc_compat_ioctl)(struct file *, unsigned int, unsigned long);
	int	(*proc_mmap)(struct file *, struct vm_area_struct *);
	unsigned long (*proc_get_unmapped_area)(struct file *, unsigned long, unsigned long, unsigned long,
						unsigned long);
};

/* definitions for hide_pid field */
enum proc_hidepid {
	HIDEPID_OFF	  = 0,
	HIDEPID_NO_ACCESS = 1,
	HIDEPID_INVISIBLE = 2,
	HIDEPID_NOT_PTRACEABLE = 4,
};

extern struct proc_dir_entry *proc_symlink(const char *, struct proc_dir_entry *, const char *);

struct proc_dir_entry *_proc_mkdir(const char *, umode_t, struct proc_dir_entry *, void *, bool);
extern struct proc_dir_entry *proc_mkdir(const char *, struct proc_dir_entry *);
extern struct proc_dir_entry *proc_mkdir_data(const char *, umode_t, struct proc_dir_entry *, void *);
extern struct proc_dir_entry *proc_mkdir_mode(const char *, umode_t, struct proc_dir_entry *);
struct proc_dir_entry *proc_create_mount_point(const char *name);

struct proc_dir_entry *proc_create_seq_private(const char *name, umode_t mode,
		struct proc_dir_entry *parent, const struct seq_operations *ops,
		unsigned int state_size, void *data);
#define proc_create_seq_data(name, mode, parent, ops, data) \
	proc_create_seq_private(name, mode, parent, ops, 0, data)
#define proc_create_seq(name, mode, parent, ops) \
	proc_create_seq_private(name, mode, parent, ops, 0, NULL)
struct proc_dir_entry *proc_create_single_data(const char *name, umode_t mode,
		struct proc_dir_entry *parent, int (*show)(struct seq_file *, void *), void *data);
#define proc_create_single(name, mode, parent, show) \
	proc_create_single_data(name, mode, parent, show, NULL)

extern struct proc_dir_entry *proc_create_data(const char *, umode_t, struct proc_dir_entry *,
					       const struct proc_ops *, void *);
struct proc_dir_entry *proc_create(const char *name, umode_t mode, struct proc_dir_entry *parent,
				   const struct proc_ops *proc_ops);

extern void proc_set_size(struct proc_dir_entry *, loff_t);
extern void proc_set_user(struct proc_dir_entry *, kuid_t, kgid_t);

/* The data given at creation, from the inode of an open /proc file. */
extern void *pde_data(const struct inode *inode);
/* Before 5.17 the same was spelled PDE_DATA(). */
#define PDE_DATA(inode) pde_data(inode)
extern void *proc_get_parent_data(const struct inode *);
extern void proc_remove(struct proc_dir_entry *);
extern void remove_proc_entry(const char *, struct proc_dir_entry *);
extern int remove_proc_subtree(const char *, struct proc_dir_entry *);

#endif /* _LINUX_PROC_FS_H */
