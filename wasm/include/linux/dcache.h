/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_DCACHE_H
#define _LINUX_DCACHE_H

/*
 * Directory entries (fs/dcache.c: wasm/fs/dcache.c). A mounted file system's tree is made of
 * dentries: each names an inode (or none: a negative dentry) and sits in its parent's d_children.
 * Pseudo file systems build the whole tree up front (simple_fill_super(), d_alloc_name() + d_add());
 * lookups walk it, asking the directory's ->lookup only for names it does not hold.
 */
#include <linux/types.h>
#include <linux/list.h>
#include <linux/string.h>

struct inode;
struct super_block;
struct dentry;
struct path;
struct vfsmount;

#define DNAME_INLINE_LEN 36

/* A name and its hash, as the dcache compares them. */
struct qstr {
	union {
		struct {
			u32 hash;
			u32 len;
		};
		u64 hash_len;
	};
	const unsigned char *name;
};

#define QSTR_INIT(n, l) { { { .len = l } }, .name = n }
#define QSTR(n) (struct qstr)QSTR_INIT(n, strlen(n))

/* The count of a dentry (Linux's lockref, without the lock: everything here runs on one CPU). */
struct lockref {
	int count;
};

struct dentry_operations {
	int (*d_delete)(const struct dentry *);
	void (*d_release)(struct dentry *);
	char *(*d_dname)(struct dentry *, char *, int);
};

/* d_flags */
#define DCACHE_OP_DELETE	0x00000008
#define DCACHE_DISCONNECTED	0x00000020
#define DCACHE_GENOCIDE		0x00000200
#define DCACHE_HASHED		0x00010000	/* lkm-wasm: in its parent's children, findable by lookup */

/* Not a possible kernel address (memory ends at 1 GiB): what debugfs's handles cannot start with. */
#define DENTRY_MAGIC 0x64656e74

struct dentry {
	unsigned int lkm_magic;	/* lkm-wasm: DENTRY_MAGIC; debugfs hands out kernfs nodes as dentries */
	unsigned int d_flags;
	struct dentry *d_parent;
	struct qstr d_name;
	struct inode *d_inode;
	unsigned char d_iname[DNAME_INLINE_LEN];
	struct lockref d_lockref;
	const struct dentry_operations *d_op;
	struct super_block *d_sb;
	void *d_fsdata;
	struct hlist_node d_sib;		/* in the parent's d_children */
	struct hlist_head d_children;
};

extern struct dentry *d_alloc(struct dentry *parent, const struct qstr *name);
extern struct dentry *d_alloc_name(struct dentry *parent, const char *name);
extern struct dentry *d_make_root(struct inode *root_inode);
extern void d_instantiate(struct dentry *dentry, struct inode *inode);
extern void d_add(struct dentry *dentry, struct inode *inode);
extern void d_drop(struct dentry *dentry);
extern void d_delete(struct dentry *dentry);
extern struct dentry *dget(struct dentry *dentry);
extern void dput(struct dentry *dentry);
extern void d_genocide(struct dentry *parent);
extern void d_set_d_op(struct dentry *dentry, const struct dentry_operations *op);
extern struct dentry *d_find_any_alias(struct inode *inode);
extern int always_delete_dentry(const struct dentry *dentry);
extern const struct dentry_operations simple_dentry_operations;

/* A hash of a name, salted by its parent (any hash would do: lookups here compare names). */
extern unsigned int full_name_hash(const void *salt, const char *name, unsigned int len);

static inline struct inode *d_inode(const struct dentry *dentry)
{
	return dentry->d_inode;
}

static inline struct inode *d_backing_inode(const struct dentry *dentry)
{
	return dentry->d_inode;
}

static inline bool d_really_is_negative(const struct dentry *dentry)
{
	return dentry->d_inode == NULL;
}

static inline bool d_really_is_positive(const struct dentry *dentry)
{
	return dentry->d_inode != NULL;
}

static inline bool d_unhashed(const struct dentry *dentry)
{
	return !(dentry->d_flags & DCACHE_HASHED);
}

static inline int simple_positive(const struct dentry *dentry)
{
	return d_really_is_positive(dentry) && !d_unhashed(dentry);
}

static inline bool IS_ROOT(const struct dentry *dentry)
{
	return dentry == dentry->d_parent;
}

static inline int d_count(const struct dentry *dentry)
{
	return dentry->d_lockref.count;
}

static inline struct dentry *dget_parent(struct dentry *dentry)
{
	return dget(dentry->d_parent);
}

/* d_is_dir() and friends read the inode's type (Linux caches it in d_flags). */
extern bool d_is_dir(const struct dentry *dentry);
extern bool d_is_reg(const struct dentry *dentry);

#endif
