/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internals shared by the pseudo file systems of vmlinux (procfs.c, kernfs.c, sysfs.c, kobject.c,
 * debugfs.c, device.c): the host's view of their trees, and opening a file on an inode they made.
 */
#ifndef _LKM_KERNEL_KERNFS_H
#define _LKM_KERNEL_KERNFS_H

#include <linux/fs.h>
#include <linux/list.h>
#include <linux/refcount.h>
#include <linux/atomic.h>
#include <linux/wait.h>
#include "host.h"

/*
 * The host's path registry (src/kernel/kernfs.ts). op: KF_ADD_FILE, KF_ADD_DIR, KF_ADD_LINK (hint1 is
 * the link target, a string), KF_REMOVE (the path and everything below it). hint1/hint2 are addresses
 * (data or function pointers) that tie an entry to the module whose code or data it uses.
 */
enum { KF_ADD_FILE = 0, KF_ADD_DIR = 1, KF_ADD_LINK = 2, KF_REMOVE = 3 };
__host_import(kernfs) int host_kernfs(int op, const char *path, void *node, unsigned int mode,
				      const void *hint1, const void *hint2);

#define KF_PATH_MAX 512

/*
 * The rest of open(2) on an inode the caller filled in: struct file, fops->owner reference, ->open, and
 * f_path.dentry for @path (inside the file system: "driver/rtc"; its directories have @dir_mode) with
 * @fsdata as its d_fsdata.
 */
struct file *lkm_open_inode(struct inode *inode, const struct file_operations *fops, unsigned int flags,
			    const char *path, umode_t dir_mode, void *fsdata);

/* ---- kernfs: the tree behind /sys (sysfs) and /sys/kernel/debug (debugfs) ---------------------------- */

enum kernfs_node_type {
	KERNFS_DIR	= 0x0001,
	KERNFS_FILE	= 0x0002,
	KERNFS_LINK	= 0x0004,
};

enum kernfs_node_kind {
	KN_PLAIN = 0,		/* directories */
	KN_SYSFS,		/* a sysfs attribute: priv = struct attribute, ops = struct sysfs_ops */
	KN_SYSFS_BIN,		/* a binary attribute: priv = struct bin_attribute */
	KN_DEBUGFS,		/* a debugfs file: priv = data (i_private), ops = the real fops */
	KN_DEBUGFS_UNSAFE,	/* debugfs_create_file_unsafe(): no removal protection proxy */
};

struct kobject;
struct attribute;

struct kernfs_node {
	const char		*name;
	struct kernfs_node	*parent;
	struct list_head	sibling;
	struct list_head	children;
	umode_t			mode;
	unsigned short		type;
	unsigned short		kind;
	bool			removed;
	refcount_t		count;
	void			*priv;
	const void		*ops;
	struct kobject		*kobj;		/* directories: the kobject; sysfs files: their kobject */
	loff_t			size;
	const char		*target;	/* symlinks: the target, relative to the link's directory */
	const char		*prefix;	/* roots: the host path ("/sys", "/sys/kernel/debug") */
	atomic_t		event;		/* sysfs_notify() count, for poll */
	wait_queue_head_t	poll;		/* pollers waiting for sysfs_notify() (kernfs_notify) */
};

extern struct kernfs_node *sysfs_root_kn;
/* Creates the sysfs root and /sys/kernel once (boot, or the first user). */
void lkm_sysfs_init(void);
void sysfs_warn_dup(struct kernfs_node *parent, const char *name);
int sysfs_add_file_mode_ns(struct kernfs_node *parent, const struct attribute *attr, umode_t mode,
			   struct kobject *kobj);
extern struct kernfs_node *debugfs_root_kn;

struct kernfs_node *kernfs_new_root(const char *prefix);
struct kernfs_node *kernfs_create_dir(struct kernfs_node *parent, const char *name, umode_t mode, void *priv);
struct kernfs_node *kernfs_create_file(struct kernfs_node *parent, const char *name, umode_t mode,
				       loff_t size, unsigned short kind, const void *ops, void *priv,
				       struct kobject *kobj, const void *hint1, const void *hint2);
struct kernfs_node *kernfs_create_link(struct kernfs_node *parent, const char *name, const char *target);
struct kernfs_node *kernfs_find(struct kernfs_node *parent, const char *name);
void kernfs_remove(struct kernfs_node *kn);
int kernfs_remove_by_name(struct kernfs_node *parent, const char *name);
void kernfs_get(struct kernfs_node *kn);
void kernfs_put(struct kernfs_node *kn);
/* The target of a link in @dir to @target, relative as sysfs makes it, into @buf. */
int kernfs_link_target(struct kernfs_node *dir, struct kernfs_node *target, char *buf, size_t size);
/* "/kernel/foo" for sysfs messages (the path inside the file system), into @buf. */
int kernfs_path(struct kernfs_node *kn, char *buf, size_t size);

/* Opening per kind (sysfs.c, debugfs.c). */
struct file *sysfs_open_node(struct kernfs_node *kn, unsigned int flags);
struct file *debugfs_open_node(struct kernfs_node *kn, unsigned int flags);

#endif
