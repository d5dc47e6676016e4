// SPDX-License-Identifier: GPL-2.0
/*
 * The dentry tree of mounted file systems (fs/dcache.c). A dentry holds a reference on its parent and
 * on its inode. dput() of the last reference frees a dentry that is negative, unhashed or whose
 * ->d_delete says so; an unused positive one stays cached (Linux's LRU, never shrunk here) until its
 * superblock goes. Pseudo file systems pin their entries with the reference d_alloc() gave (d_add()
 * keeps it); kill_litter_super() drops those pins with d_genocide() before the tree is freed.
 */
#include <linux/export.h>
#include <linux/fs.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/kernel.h>
#include "host.h"
#include "internal.h"

unsigned int full_name_hash(const void *salt, const char *name, unsigned int len)
{
	unsigned int hash = (unsigned int)(unsigned long)salt;

	while (len--)
		hash = (hash + ((unsigned char)*name << 4) + ((unsigned char)*name >> 4)) * 11, name++;
	return hash;
}
EXPORT_SYMBOL(full_name_hash);

static struct dentry *__d_alloc(struct super_block *sb, const struct qstr *name)
{
	struct dentry *dentry = kzalloc(sizeof(*dentry), GFP_KERNEL);
	unsigned char *dname;

	if (!dentry)
		return NULL;
	if (name->len >= DNAME_INLINE_LEN) {
		dname = kmalloc(name->len + 1, GFP_KERNEL);
		if (!dname) {
			kfree(dentry);
			return NULL;
		}
	} else {
		dname = dentry->d_iname;
	}
	memcpy(dname, name->name, name->len);
	dname[name->len] = 0;
	dentry->d_name.len = name->len;
	dentry->d_name.hash = name->hash;
	dentry->d_name.name = dname;
	dentry->lkm_magic = DENTRY_MAGIC;
	dentry->d_lockref.count = 1;
	dentry->d_parent = dentry;
	dentry->d_sb = sb;
	INIT_HLIST_NODE(&dentry->d_sib);
	INIT_HLIST_HEAD(&dentry->d_children);
	if (sb->s_d_op)
		d_set_d_op(dentry, sb->s_d_op);
	return dentry;
}

/* A new (unhashed, negative) child of @parent, holding a reference on it; newest children first. */
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name)
{
	struct dentry *dentry = __d_alloc(parent->d_sb, name);

	if (!dentry)
		return NULL;
	dentry->d_parent = dget(parent);
	hlist_add_head(&dentry->d_sib, &parent->d_children);
	return dentry;
}
EXPORT_SYMBOL(d_alloc);

struct dentry *d_alloc_name(struct dentry *parent, const char *name)
{
	struct qstr q;

	q.name = (const unsigned char *)name;
	q.len = strlen(name);
	q.hash = full_name_hash(parent, name, q.len);
	return d_alloc(parent, &q);
}
EXPORT_SYMBOL(d_alloc_name);

struct dentry *d_make_root(struct inode *root_inode)
{
	static const struct qstr slash = QSTR_INIT((const unsigned char *)"/", 1);
	struct dentry *res = NULL;

	if (root_inode) {
		res = __d_alloc(root_inode->i_sb, &slash);
		if (res) {
			res->d_flags |= DCACHE_HASHED;
			d_instantiate(res, root_inode);
		} else {
			iput(root_inode);
		}
	}
	return res;
}
EXPORT_SYMBOL(d_make_root);

void d_set_d_op(struct dentry *dentry, const struct dentry_operations *op)
{
	dentry->d_op = op;
	if (op && op->d_delete)
		dentry->d_flags |= DCACHE_OP_DELETE;
}
EXPORT_SYMBOL(d_set_d_op);

/* Gives @inode (and the caller's reference on it) to @dentry. */
void d_instantiate(struct dentry *dentry, struct inode *inode)
{
	BUG_ON(dentry->d_inode);
	dentry->d_inode = inode;
}
EXPORT_SYMBOL(d_instantiate);

/* d_instantiate() and make the entry findable by lookups (@inode NULL: a negative entry). */
void d_add(struct dentry *dentry, struct inode *inode)
{
	if (inode)
		d_instantiate(dentry, inode);
	dentry->d_flags |= DCACHE_HASHED;
}
EXPORT_SYMBOL(d_add);

void d_drop(struct dentry *dentry)
{
	if (!IS_ROOT(dentry))
		dentry->d_flags &= ~DCACHE_HASHED;
}
EXPORT_SYMBOL(d_drop);

/* The entry's inode was removed: unused, it becomes negative at once; in use, it is just unhashed. */
void d_delete(struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;

	if (dentry->d_lockref.count == 1 && inode) {
		dentry->d_inode = NULL;
		iput(inode);
	} else {
		d_drop(dentry);
	}
}
EXPORT_SYMBOL(d_delete);

struct dentry *dget(struct dentry *dentry)
{
	if (dentry)
		dentry->d_lockref.count++;
	return dentry;
}
EXPORT_SYMBOL(dget);

int always_delete_dentry(const struct dentry *dentry)
{
	return 1;
}
EXPORT_SYMBOL(always_delete_dentry);

const struct dentry_operations simple_dentry_operations = {
	.d_delete = always_delete_dentry,
};
EXPORT_SYMBOL(simple_dentry_operations);

static void dentry_free(struct dentry *dentry)
{
	struct inode *inode = dentry->d_inode;

	if (!IS_ROOT(dentry))
		hlist_del_init(&dentry->d_sib);
	dentry->d_inode = NULL;
	if (dentry->d_op && dentry->d_op->d_release)
		dentry->d_op->d_release(dentry);
	iput(inode);
	if (dentry->d_name.name != dentry->d_iname)
		kfree(dentry->d_name.name);
	kfree(dentry);
}

static bool retain_dentry(struct dentry *dentry)
{
	if (d_unhashed(dentry) || !dentry->d_inode)
		return false;
	if ((dentry->d_flags & DCACHE_OP_DELETE) && dentry->d_op->d_delete(dentry))
		return false;
	return true;
}

void debugfs_dput_handle(struct dentry *dentry);

void dput(struct dentry *dentry)
{
	if (IS_ERR_OR_NULL(dentry))
		return;
	if (dentry->lkm_magic != DENTRY_MAGIC) {
		debugfs_dput_handle(dentry);
		return;
	}
	while (dentry) {
		struct dentry *parent;

		if (WARN_ON(dentry->d_lockref.count <= 0))
			return;
		if (--dentry->d_lockref.count > 0 || retain_dentry(dentry))
			return;
		if (IS_ROOT(dentry)) {
			/* The root goes only with its superblock (shrink_dcache_for_umount()). */
			return;
		}
		parent = dentry->d_parent;
		dentry_free(dentry);
		dentry = parent;
	}
}
EXPORT_SYMBOL(dput);

struct dentry *lkm_d_lookup(struct dentry *dir, const char *name, unsigned int len)
{
	struct dentry *d;

	hlist_for_each_entry(d, &dir->d_children, d_sib) {
		if (d_unhashed(d) || d->d_name.len != len || memcmp(d->d_name.name, name, len))
			continue;
		return dget(d);
	}
	return NULL;
}

struct dentry *d_find_any_alias(struct inode *inode)
{
	return NULL;
}
EXPORT_SYMBOL(d_find_any_alias);

bool d_is_dir(const struct dentry *dentry)
{
	return dentry->d_inode && S_ISDIR(dentry->d_inode->i_mode);
}
EXPORT_SYMBOL(d_is_dir);

bool d_is_reg(const struct dentry *dentry)
{
	return dentry->d_inode && S_ISREG(dentry->d_inode->i_mode);
}
EXPORT_SYMBOL(d_is_reg);

/* Drops the pin of every positive entry below @parent, once (kill_litter_super()). */
void d_genocide(struct dentry *parent)
{
	struct dentry *d;

	hlist_for_each_entry(d, &parent->d_children, d_sib) {
		if (d_unhashed(d) || !d->d_inode)
			continue;
		d_genocide(d);
		if (!(d->d_flags & DCACHE_GENOCIDE)) {
			d->d_flags |= DCACHE_GENOCIDE;
			d->d_lockref.count--;
		}
	}
}
EXPORT_SYMBOL(d_genocide);

/* Frees the unused entries below @dir, deepest first; returns whether any stayed (in use). */
static bool shrink_children(struct dentry *dir)
{
	struct dentry *d;
	struct hlist_node *n;
	bool busy = false;

	hlist_for_each_entry_safe(d, n, &dir->d_children, d_sib) {
		if (shrink_children(d) || d->d_lockref.count > 0) {
			busy = true;
			continue;
		}
		/* The child's reference on @dir goes with it. */
		dentry_free(d);
		dir->d_lockref.count--;
	}
	return busy;
}

/* What is still in use at unmount is a bug of the file system: reported as Linux reports it. */
static void umount_check(struct dentry *d, struct dentry *root)
{
	struct dentry *c;

	if (!hlist_empty(&d->d_children)) {
		hlist_for_each_entry(c, &d->d_children, d_sib)
			umount_check(c, root);
		return;
	}
	if (d == root && d->d_lockref.count == 1)
		return;
	WARN(1, "BUG: Dentry %p{i=%lx,n=%s}  still in use (%d) [unmount of %s %s]\n", d,
	     d->d_inode ? d->d_inode->i_ino : 0UL, d->d_name.name, d->d_lockref.count,
	     d->d_sb->s_type->name, d->d_sb->s_id);
}

void shrink_dcache_for_umount(struct super_block *sb)
{
	struct dentry *root = sb->s_root;

	sb->s_root = NULL;
	if (shrink_children(root) || root->d_lockref.count != 1)
		umount_check(root, root);
	/* Entries still in use are left allocated, as Linux leaves them (and the root with them). */
	if (hlist_empty(&root->d_children) && root->d_lockref.count <= 1)
		dentry_free(root);
}
