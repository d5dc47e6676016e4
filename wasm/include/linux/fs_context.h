/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_FS_CONTEXT_H
#define _LINUX_FS_CONTEXT_H

/*
 * The mount context (fs/fs_context.c: wasm/fs/fs_context.c): what a mount(2) builds before the
 * superblock exists. A file system's ->init_fs_context sets fc->ops; the options of the mount are
 * handed to ->parse_param one by one ("key" or "key=value"), then ->get_tree makes or finds the
 * superblock and sets fc->root. File systems that only have the legacy ->mount get a context whose
 * operations call it (legacy_fs_context_ops).
 */
#include <linux/types.h>
#include <linux/errno.h>
#include <linux/compiler.h>

struct dentry;
struct file_system_type;
struct super_block;
struct fs_context;
struct file;
struct filename;
struct fc_log;

#ifndef ENOPARAM
#define ENOPARAM	519
#endif

enum fs_context_purpose {
	FS_CONTEXT_FOR_MOUNT,
	FS_CONTEXT_FOR_SUBMOUNT,
	FS_CONTEXT_FOR_RECONFIGURE,
};

enum fs_context_phase {
	FS_CONTEXT_CREATE_PARAMS,
	FS_CONTEXT_CREATING,
	FS_CONTEXT_AWAITING_MOUNT,
	FS_CONTEXT_FAILED,
};

enum fs_value_type {
	fs_value_is_undefined,
	fs_value_is_flag,
	fs_value_is_string,
	fs_value_is_blob,
	fs_value_is_filename,
	fs_value_is_file,
};

/* One option of a mount: "key" (a flag) or "key=value" (a string). */
struct fs_parameter {
	const char		*key;
	enum fs_value_type	type:8;
	union {
		char		*string;
		void		*blob;
		struct filename	*name;
		struct file	*file;
	};
	size_t	size;
	int	dirfd;
};

struct p_log {
	const char *prefix;
	struct fc_log *log;
};

struct fs_context {
	const struct fs_context_operations *ops;
	struct file_system_type	*fs_type;
	void			*fs_private;
	void			*sget_key;
	struct dentry		*root;
	struct p_log		log;
	const char		*source;
	void			*security;
	void			*s_fs_info;
	unsigned int		sb_flags;
	unsigned int		sb_flags_mask;
	unsigned int		s_iflags;
	enum fs_context_purpose	purpose:8;
	enum fs_context_phase	phase:8;
	bool			need_free:1;
	bool			global:1;
	bool			oldapi:1;
	bool			exclusive:1;
};

struct fs_context_operations {
	void (*free)(struct fs_context *fc);
	int (*dup)(struct fs_context *fc, struct fs_context *src_fc);
	int (*parse_param)(struct fs_context *fc, struct fs_parameter *param);
	int (*parse_monolithic)(struct fs_context *fc, void *data);
	int (*get_tree)(struct fs_context *fc);
	int (*reconfigure)(struct fs_context *fc);
};

extern struct fs_context *fs_context_for_mount(struct file_system_type *fs_type, unsigned int sb_flags);
extern int vfs_parse_fs_param(struct fs_context *fc, struct fs_parameter *param);
extern int vfs_parse_fs_string(struct fs_context *fc, const char *key, const char *value, size_t v_size);
extern int vfs_parse_fs_param_source(struct fs_context *fc, struct fs_parameter *param);
extern int generic_parse_monolithic(struct fs_context *fc, void *data);
extern int vfs_get_tree(struct fs_context *fc);
extern void put_fs_context(struct fs_context *fc);

extern int get_tree_nodev(struct fs_context *fc, int (*fill_super)(struct super_block *sb, struct fs_context *fc));
extern int get_tree_single(struct fs_context *fc, int (*fill_super)(struct super_block *sb, struct fs_context *fc));
extern struct super_block *sget_fc(struct fs_context *fc,
				  int (*test)(struct super_block *, struct fs_context *),
				  int (*set)(struct super_block *, struct fs_context *));
extern int set_anon_super_fc(struct super_block *sb, struct fs_context *fc);

/*
 * Messages about a mount. mount(2) has no log to collect them (fsopen(2) would), so they go to the
 * kernel log: "tinyfs: Unknown parameter 'x'" at KERN_ERR for errorf()/invalf().
 */
extern __printf(4, 5) void logfc(struct fc_log *log, const char *prefix, char level, const char *fmt, ...);

#define __logfc(fc, l, fmt, ...) logfc((fc)->log.log, NULL, l, fmt, ## __VA_ARGS__)
#define __plog(p, l, fmt, ...) logfc((p)->log, (p)->prefix, l, fmt, ## __VA_ARGS__)

#define infof(fc, fmt, ...) __logfc(fc, 'i', fmt, ## __VA_ARGS__)
#define info_plog(p, fmt, ...) __plog(p, 'i', fmt, ## __VA_ARGS__)
#define infofc(fc, fmt, ...) __plog((&(fc)->log), 'i', fmt, ## __VA_ARGS__)
#define warnf(fc, fmt, ...) __logfc(fc, 'w', fmt, ## __VA_ARGS__)
#define warn_plog(p, fmt, ...) __plog(p, 'w', fmt, ## __VA_ARGS__)
#define warnfc(fc, fmt, ...) __plog((&(fc)->log), 'w', fmt, ## __VA_ARGS__)
#define errorf(fc, fmt, ...) __logfc(fc, 'e', fmt, ## __VA_ARGS__)
#define error_plog(p, fmt, ...) __plog(p, 'e', fmt, ## __VA_ARGS__)
#define errorfc(fc, fmt, ...) __plog((&(fc)->log), 'e', fmt, ## __VA_ARGS__)
#define invalf(fc, fmt, ...) (errorf(fc, fmt, ## __VA_ARGS__), -EINVAL)
#define inval_plog(p, fmt, ...) (error_plog(p, fmt, ## __VA_ARGS__), -EINVAL)
#define invalfc(fc, fmt, ...) (errorfc(fc, fmt, ## __VA_ARGS__), -EINVAL)

#endif
